"""Units that are one segment whole, whatever periods they hold: a row of a Markdown table, a
line of a fenced code block, one entry of a reference list (a book's entry ending with its
ISBN among them).

The conventions make each of them one segment: a table row is one layout line (D3; a cell
of several sentences is split at them, :mod:`.cells`), code lines are never cut or joined
(D4), and each reference is a segment with its list number and separator, its own periods
included (`3. ^ Smith (2010). Tên sách. Truy cập ngày 2 tháng 9 năm 2013.`). The evidence is
the document's own: a table is a table only where the document has its delimiter row
(`|---|---|`), so a scraped caption boxed in pipes (`| Một câu. Câu khác. |`) is still split
into its sentences.
"""

from __future__ import annotations

import re

# What a whole unit may start with; any other first character needs no further look (the
# common case: one set lookup per unit).
WHOLE_FIRST = frozenset("|^↑*0123456789")
# A Markdown table's delimiter row: `|---|:---:|`, `--- | ---`.
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE)
# A table row of at least two cells: `| a | b |`.
_TABLE_ROW = re.compile(r"\|(?:[^|\n]*\|){2,}[ \t]*\Z")
# A reference entry: its separator (`^`, `↑`, `**^**`), after a list number or alone.
_REFERENCE = re.compile(r"(?:\d{1,3}\.[ \t]*)?(?:\*\*)?[\^↑](?:\*\*)?[ \t]")
_SEPARATORS = ("^", "↑")
# A book's entry in a bibliography, ending with its ISBN: `Tác giả: Tên sách. Phụ đề. (Deutsch),
# 2006, ISBN 3-89667-229-0`; its periods are the title's, the entry one segment.
_ISBN_END = re.compile(r"ISBN(?:-1[03])?:?[ \t]?[\dX][\dX -]{8,16}[\dX]\Z")
_ISBN_REACH = 32  # characters before the entry's end where its ISBN starts
_LONGEST_BOOK_ENTRY = 400
ENTRY_LAST = frozenset("0123456789X")


class Tables:
    """Whether a document has a Markdown table (a delimiter row), looked for once and only
    when a line starts with ``|`` (most documents have none: no scan of the whole text)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: bool | None = None

    def present(self) -> bool:
        if self._found is None:
            self._found = _TABLE_DELIMITER.search(self._text) is not None
        return self._found


def book_entry(text: str, start: int, end: int) -> bool:
    """Is the unit ``text[start:end]`` (its last character in :data:`ENTRY_LAST`: the caller
    looks first, most units end with a period) a bibliography entry that ends with its ISBN?"""
    if end - start > _LONGEST_BOOK_ENTRY:
        return False
    mark = text.find("ISBN", max(start, end - _ISBN_REACH), end)
    return mark >= 0 and _ISBN_END.match(text, mark, end) is not None


def whole_unit(text: str, start: int, end: int, tables: Tables) -> bool:
    """Whether the unit ``text[start:end]`` (no outer whitespace; its first character is in
    :data:`WHOLE_FIRST`) is a table row of a document with ``tables``, or one reference
    entry: a flattened list holding several is cut before each separator elsewhere."""
    if text[start] == "|":
        return _TABLE_ROW.match(text, start, end) is not None and tables.present()
    found = _REFERENCE.match(text, start, end)
    if found is None:
        return False
    rest = text[found.end() : end]
    return not any(separator in rest for separator in _SEPARATORS)
