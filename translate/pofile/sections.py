"""What GNU msgfmt refuses in an entry's keywords and polib lets through, read from the text:
polib fills in what is missing or collapses what is repeated, so a catalogue written back
after it would lose a translation or change which plural form it belongs to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from translate.pofile.model import PoSyntaxError

# An empty msgid that goes on with no continuation string: a header, unless a msgctxt leads.
_EMPTY_MSGID = re.compile(
    r'^[ \t]*(?:#~[ \t]*)?msgid[ \t]+""[ \t]*\n(?![ \t]*(?:#~[ \t]*)?")', re.MULTILINE
)
_CONTINUATION = re.compile(r'[ \t]*(?:#~[ \t]*)?"')
_SECTION = re.compile(r'[ \t]*(?:#~[ \t]*)?(msgid_plural|msgstr(?:\[(\d+)\])?)[ \t]*"')


def second_header_line(content: str) -> int | None:
    """The line of the second `msgid ""` outside a msgctxt entry (GNU's line for the
    duplicate), or None when the text shows no second one."""
    found = [m for m in _EMPTY_MSGID.finditer(content) if not _after_msgctxt(content, m.start())]
    return content.count("\n", 0, found[1].start()) + 1 if len(found) > 1 else None


def _after_msgctxt(content: str, start: int) -> bool:
    previous = content.rfind("\n", 0, max(start - 1, 0))
    return content[previous + 1 : start].lstrip(" \t#~").startswith(("msgctxt", '"'))


def sections_after(lines: Sequence[str], msgid_line: int) -> list[tuple[str, int | None]]:
    """The keywords after the msgid on 1-based line ``msgid_line`` up to the entry's end:
    `msgid_plural`, `msgstr` or `msgstr[N]` with N (continuation strings and blank lines,
    which GNU allows between them, skipped)."""
    found: list[tuple[str, int | None]] = []
    for number in range(msgid_line, len(lines)):  # (a slice would copy the rest each time)
        text = lines[number]
        if not text.strip() or _CONTINUATION.match(text):
            continue
        section = _SECTION.match(text)
        if section is None:
            break
        index = section.group(2)
        found.append((section.group(1).split("[")[0], None if index is None else int(index)))
    return found


def check_sections(lines: Sequence[str], msgid_line: int, plural: bool, path: str) -> None:
    """Refuse, as GNU does, an entry without its msgstr and plural forms whose indices are not
    0, 1, 2… in order (a repeated index would keep only one translation, a gap would move
    the others to another plural form)."""
    sections = sections_after(lines, msgid_line)
    strings = [index for keyword, index in sections if keyword == "msgstr"]
    if not strings:
        raise PoSyntaxError(
            path, msgid_line, "missing 'msgstr' section", "add the msgstr (msgfmt says the same)"
        )
    if plural and strings != list(range(len(strings))):
        raise PoSyntaxError(
            path,
            msgid_line,
            f"plural forms numbered {', '.join(map(str, strings))}: msgstr[0], msgstr[1]… "
            "are expected, each once and in order",
            "fix the indices (msgfmt --check says the same)",
        )
