"""An HTML page's ``<meta charset>`` against the codec that decoded it: export writes the page
in that codec, so a declaration naming another (or no encoding at all) would make the English
page read wrongly; it is refused with the fix that fits."""

from __future__ import annotations

import codecs
import re

from translate.errors import UserError

_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_UTF8 = frozenset(("utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"))
_UNICODE_FAMILIES = ("utf-8", "utf-16", "utf-32")


def check_charset(values: dict[str, str | None], path: str, encoding: str) -> None:
    """Refuse the charset that a meta tag's attribute ``values`` declare when it disagrees
    with ``encoding``, the codec that decoded the page (UserError naming ``path``)."""
    declared = values.get("charset")
    if declared is None and (values.get("http-equiv") or "").lower() == "content-type":
        match = _CHARSET.search(values.get("content") or "")
        declared = match.group(1) if match else None
    if declared is None or declared.strip().lower() in _UTF8:
        return
    label = declared.strip()
    family, read_as = unicode_family(label), unicode_family(encoding)
    if family is not None and family == read_as:
        return  # a UTF-16 page with its byte-order mark says so: export writes it alike
    if family is not None and read_as is not None:  # both Unicode: the label is wrong
        raise UserError(
            f"{path}: the page declares <meta charset> {label!r}, but its bytes are "
            f'{read_as.upper()}; change the declaration to <meta charset="{read_as}">'
        )
    if family is None and not _known_codec(label):  # `""`, `bogus`: no encoding at all
        raise UserError(
            f"{path}: the page declares <meta charset> {label!r}, which names no "
            "encoding (browsers ignore it and guess); save the page as UTF-8 and declare "
            '<meta charset="utf-8">'
        )
    raise UserError(
        f"{path}: the page declares <meta charset> {label!r}, but "
        "translate reads and writes HTML as UTF-8; convert it (iconv -f "
        f"{label} -t UTF-8) and change the declaration to UTF-8"
    )


def unicode_family(label: str) -> str | None:
    """`utf-8`, `utf-16` or `utf-32` for an encoding label or codec name of that family
    (`UTF-16LE`, `utf_32_be`, `utf-8-sig`), None for any other or no encoding."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return next((family for family in _UNICODE_FAMILIES if name.startswith(family)), None)


def _known_codec(label: str) -> bool:
    try:
        codecs.lookup(label)
    except LookupError:
        return False
    return True
