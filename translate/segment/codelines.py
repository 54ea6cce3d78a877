"""Lines of code and data (JSON, JavaScript objects, TypeScript arrays) inside a document:
each is a segment (D4), so a break between two of them is never a hard wrap, however the
line ends (`"keywords": [⏎"tập tin sbv",`, `translation: "Xin chào lần nữa,",⏎},`,
`phonetic:⏎"aɪ hoʊp …",`). Prose ends a line with an opening bracket or a quoted string and
its comma only when it goes on in prose, never before a key, a bracket or a string.
"""

from __future__ import annotations

import re

# How a line of code or data ends: an opening bracket (`const vi = {`, `… = [`) or a value and
# its comma (`"22-03-2023",`, `1709,`, `true,`, `},`); or it is a key alone, its value on the
# next line (`phonetic:`, `"author":`).
_VALUE_END = re.compile(r"(?:[{\[]|(?:[\"'`}\]\d]|\btrue|\bfalse|\bnull)[ \t]*,)[ \t]*\Z")
_KEY_ALONE = re.compile(r"(?:\"[^\"\n]{1,60}\"|[A-Za-z_$][A-Za-z0-9_$]*)[ \t]*:")
# How a line of code or data starts: a key and its colon, a bracket, a comment, or it is one
# string literal (`"tập tin sbv",`).
_CODE_START = re.compile(
    r"(?:\"[^\"\n]{0,60}\"[ \t]*:|[A-Za-z_$][A-Za-z0-9_$]*[ \t]*:|[{}\[\]]|//"
    r"|\"[^\"\n]*\"[ \t]*[,\]}]?[ \t]*\Z)"
)
_LAST_CHARACTERS = frozenset("{[,:")
_LINE_END = re.compile(r"[\r\n]")
_LONGEST_OPEN_FENCE = 8  # marks


def code_lines(text: str, first: int, end: int, next_start: int) -> bool:
    """Are the line ``text[first:end]`` and the line at ``next_start`` both code or data? A
    comment line (`// Vietnamese translations`) is one too, whatever follows it."""
    if text.startswith("//", first):
        return True
    if text[end - 1] not in _LAST_CHARACTERS:  # (most lines end otherwise: no regex)
        return False
    if text[end - 1] == ":":
        if _KEY_ALONE.fullmatch(text, first, end) is None:
            return False  # (`… như sau:` is prose: only a key alone on its line counts)
    elif _VALUE_END.search(text, max(first, end - 12), end) is None:
        return False
    line_end = _LINE_END.search(text, next_start, next_start + 200)
    next_end = next_start + 200 if line_end is None else line_end.start()
    return _CODE_START.match(text[next_start:next_end].rstrip()) is not None


def fence_closes(text: str, first: int, end: int) -> bool:
    """Is the line ``text[first:end]`` a fence that opens a code block: a short run of marks
    (a README may leave its last block open), or a long one that a later run at least as long
    closes (CommonMark's rule)? A long run that nothing closes is a rule in a PDF extract."""
    mark = text[first]
    run_end = first
    while run_end < end and text[run_end] == mark:
        run_end += 1
    if run_end - first < _LONGEST_OPEN_FENCE:
        return True
    return text.find(text[first:run_end], end) >= 0
