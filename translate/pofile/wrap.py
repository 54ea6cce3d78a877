"""PO strings laid out as GNU write-po lays them out: C escapes, and lines wrapped at
Unicode line-break opportunities (libunistring through ctypes, or a break-after-space
fallback that agrees with GNU on ordinary prose)."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence

PAGE_WIDTH = 79

# The C escapes GNU writes; any other character, control characters included, is written
# as it is (GNU's default, non `--escape` style).
C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}
_NEEDS_ESCAPE = re.compile('[\a\b\f\n\r\t\v\\\\"]')


def escape(text: str) -> str:
    """PO string escaping as GNU writes it (control characters other than C escapes raw)."""
    if _NEEDS_ESCAPE.search(text) is None:  # (most texts: no substitution to set up)
        return text
    return _NEEDS_ESCAPE.sub(lambda match: C_ESCAPES[match.group()], text)


def wrap_string(prefix: str, keyword: str, value: str, width: int = PAGE_WIDTH) -> str:
    """``keyword "value"`` lines exactly as GNU gettext's write-po wraps them.

    The value is cut after each embedded newline; a portion longer than the line is broken
    at Unicode line-break opportunities (after spaces in prose). When the value needs more
    than one line, GNU starts with ``keyword ""`` and puts all the text on the lines after.
    """
    key = (prefix, keyword, value, width)
    text = _CACHE.get(key)
    if text is None:
        text = _remember(key, _wrap(prefix, keyword, value, width))
    return text


def wrap_strings(
    prefix: str, keyword: str, values: Iterable[str], width: int = PAGE_WIDTH
) -> list[str]:
    """``wrap_string`` of each value (the same text), the long ones broken in one pass."""
    values = list(values)
    prepare_wraps(prefix, keyword, values, width)
    return [wrap_string(prefix, keyword, value, width) for value in values]


def prepare_wraps(
    prefix: str, keyword: str, values: Iterable[str], width: int = PAGE_WIDTH
) -> None:
    """Wrap the values not wrapped yet, so that ``wrap_string`` finds them: the line breaks
    of all the long ones are found in one pass, and a catalogue's worth of msgids costs one
    ctypes call each, with no buffer or array type made per value."""
    missing = [v for v in dict.fromkeys(values) if (prefix, keyword, v, width) not in _CACHE]
    if missing:
        prepared = _prepared_pieces(missing, _content_width(prefix, width))
        for value in missing:
            text = _wrap(prefix, keyword, value, width, prepared)
            _remember((prefix, keyword, value, width), text)


# A run writes every msgid twice (template and catalogue), and wrapping is the costliest step
# of writing a large catalogue: the texts are kept (a bounded number; dict reads and writes
# are atomic, so threads may share it).
_CACHE: dict[tuple[str, str, str, int], str] = {}
_CACHE_LIMIT = 1 << 18


def _remember(key: tuple[str, str, str, int], text: str) -> str:
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = text
    return text


def _content_width(prefix: str, width: int) -> int:
    return width - 1 - (len(prefix) + 1)


def _prepared_pieces(values: Sequence[str], content_width: int) -> dict[str, list[str]]:
    """The escaped one-portion values that need breaking from column 0 (the first pass of
    ``_wrap``), each with its pieces, broken in one batch when libunistring is at hand."""
    from translate.pofile.unibreak import Libunistring

    breaker = _breaker()
    if not isinstance(breaker, Libunistring):
        return {}
    texts: list[str] = []
    for value in values:
        if "\n" not in value:
            escaped = escape(value)
            if escaped and not _fits(escaped, content_width, 0):
                texts.append(escaped)
    return dict(zip(texts, breaker.many(texts, content_width, 0), strict=True))


def _wrap(
    prefix: str,
    keyword: str,
    value: str,
    width: int,
    prepared: Mapping[str, list[str]] | None = None,
) -> str:
    """The lines of ``wrap_string``; ``prepared`` may hold the column-0 pieces of the escaped
    value (``_prepared_pieces``)."""
    content_width = _content_width(prefix, width)
    first_start = len(keyword) + 1
    if "\n" not in value:
        # One portion (the common case), written without the general machinery below.
        escaped = escape(value)
        # Wrapped from column 0 first: text that breaks there breaks after the keyword too
        # (less room), so the usual long sentence costs one line-breaking pass, not two.
        pieces = prepared.get(escaped) if prepared else None
        if pieces is None:
            pieces = _wrap_pieces(escaped, content_width, 0, False)
        if len(pieces) == 1:
            pieces = _wrap_pieces(escaped, content_width, first_start, False)
            if len(pieces) == 1 and first_start <= content_width:
                return f'{prefix}{keyword} "{escaped}"\n'
            pieces = [escaped]
        if escaped:
            body = "".join(f'{prefix}"{piece}"\n' for piece in pieces)
            return f'{prefix}{keyword} ""\n{body}'
    portions = _split_after_newlines(value)
    out: list[str] = []
    first_line = True
    for index, portion in enumerate(portions):
        escaped = escape(portion)
        newline = portion.endswith("\n")
        more_follow = index + 1 < len(portions)
        start = first_start if first_line else 0
        pieces = _wrap_pieces(escaped, content_width, start, newline)
        if first_line and escaped and (more_follow or start > content_width or len(pieces) > 1):
            out.append(f'{prefix}{keyword} ""\n')
            first_line = False
            pieces = _wrap_pieces(escaped, content_width, 0, newline)
        lead = f"{prefix}{keyword} " if first_line else prefix
        out.append(f'{lead}"{pieces[0]}"\n')
        out.extend(f'{prefix}"{piece}"\n' for piece in pieces[1:])
        first_line = False
    return "".join(out)


def _split_after_newlines(value: str) -> list[str]:
    if value == "":
        return [""]
    parts = value.split("\n")
    portions = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        portions.append(parts[-1])
    return portions


# Characters that may take two columns (East Asian wide, emoji): everything outside the
# ranges of Latin, Vietnamese, Greek, Cyrillic and general punctuation, to be safe.
_MAYBE_WIDE = re.compile("[^\x00-\u10ff\u1e00-\u1fff\u2000-\u206f]")


def _wrap_pieces(escaped: str, content_width: int, start: int, newline: bool) -> list[str]:
    """The escaped text cut where GNU starts new lines (one piece when it fits)."""
    if not escaped:
        return [""]
    if _fits(escaped, content_width, start):
        return [escaped]
    return _breaker()(escaped, content_width, start, newline)


def _fits(escaped: str, content_width: int, start: int) -> bool:
    """Whether an upper bound of the text's width in columns fits: then it is never broken."""
    return start + len(escaped) + len(_MAYBE_WIDE.findall(escaped)) <= content_width


Breaker = Callable[[str, int, int, bool], list[str]]


@functools.cache
def _breaker() -> Breaker:
    from translate.pofile import unibreak  # only when a string needs wrapping (ctypes)

    return unibreak.load() or _break_after_spaces


def _column_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cc", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _break_after_spaces(escaped: str, content_width: int, start: int, newline: bool) -> list[str]:
    """Fallback without libunistring: GNU's greedy fill with breaks only after spaces."""
    cuts: list[int] = []
    last_break: int | None = None
    column = start  # column at the last break opportunity
    piece = 0  # width since the last break opportunity
    final_escape = len(escaped) - 2 if newline else -1
    for index, char in enumerate(escaped):
        opportunity = (
            index > 0 and escaped[index - 1] == " " and char != " " and index != final_escape
        )
        if opportunity:
            if last_break is not None and column + piece > content_width:
                cuts.append(last_break)
                column = 0
            last_break = index
            column += piece
            piece = 0
        piece += _column_width(char)
    if last_break is not None and column + piece > content_width:
        cuts.append(last_break)
    bounds = [0, *cuts, len(escaped)]
    return [escaped[a:b] for a, b in itertools.pairwise(bounds)]
