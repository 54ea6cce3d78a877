"""Sentences inside the cells of a Markdown table row (round 12, dev13). A row is one layout
line (D3, :mod:`.whole`): its cells, their pipes and their single sentences stay together,
but a cell that holds several sentences is split at them (call 1 of set L: `| Thread | Là một
luồng xử lý.‖ Cụ thể là … |`). The row's first segment keeps its opening pipe and the cells
before the cut, its last one the closing pipe.

Only a sentence end followed by a space and more text of the same cell is a cut: a stop before
the cell's closing pipe, or glued to a `<br>` that lists the cell's items, is not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from translate.document import BreakKind

# A run of terminators and the closers glued to it, then spaces and the next word of the cell.
_CELL_END = re.compile(r"([.!?…]+)[\"'”’»)\]*_]*(?=[ \t]+[^\s|<])")

# (text, terminator start, terminator end, closers end, next start, segment start) -> an end?
SentenceEnd = Callable[[str, int, int, int, int, int], bool]


def cell_sentence_cuts(
    text: str, start: int, end: int, is_end: SentenceEnd
) -> list[tuple[int, int]]:
    """The (end, next start) of each sentence that a cell of the row ``text[start:end]``
    ends before more of its own text, in order; ``is_end`` decides each candidate."""
    cuts: list[tuple[int, int]] = []
    if (
        text.find(". ", start, end) < 0
        and text.find("? ", start, end) < 0
        and (text.find("! ", start, end) < 0)
    ):
        return cuts  # (most rows: one search in C each)
    cell_start, searched = start, start  # (each stretch is searched for a pipe once: linear)
    for found in _CELL_END.finditer(text, start, end):
        next_start = found.end()
        while text[next_start] in " \t":
            next_start += 1
        if not text[next_start].isupper():
            continue  # (R13 allows more; inside a row only a capital is evidence)
        pipe = text.rfind("|", searched, found.start())
        searched = found.start()
        if pipe >= 0:
            cell_start = pipe + 1
            while text[cell_start].isspace():
                cell_start += 1
        if is_end(text, found.start(), found.end(1), found.end(), next_start, cell_start):
            cuts.append((found.end(), next_start))
    return cuts


def row_pieces(
    start: int, end: int, kind: BreakKind, cuts: list[tuple[int, int]]
) -> list[tuple[int, int, BreakKind]]:
    """The row ``[start, end)`` cut at ``cuts``: (start, end, what ended it) a piece."""
    pieces = []
    for cut_end, next_start in cuts:
        pieces.append((start, cut_end, BreakKind.SENTENCE))
        start = next_start
    pieces.append((start, end, kind))
    return pieces
