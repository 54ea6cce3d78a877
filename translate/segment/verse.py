"""Songs and poems: a block of verse lines, each a segment (R1; verse lines are not wrapped
prose), found once per document when a lowercase line after an unterminated one asks.

A block is a run of at least eight short lines with letters (eight words or fewer each), read
across single blank lines (a lyrics page sets a blank line after every verse), of which at
least four in five open with a capital, as verse lines do. Wrapped prose fills longer lines and
goes on in lowercase; a subtitle's cues are cut into runs of two or three lines by their
numbers and time codes, which have no letters; a decree's header cells by their `|` lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from translate.segment.linekinds import CONTINUING_WORDS
from translate.segment.patterns import ANY_LETTER

_LONGEST_VERSE = 8  # words: a verse line of six, seven or eight syllables
_FEWEST_VERSES = 8
_CAPITAL_SHARE = 0.8


class _Line(Protocol):  # (.evidence.Line, without the import cycle)
    @property
    def first(self) -> int: ...
    @property
    def end(self) -> int: ...


def verse_blocks(text: str, lines: Sequence[_Line]) -> frozenset[int]:
    """The lines (their ``first``) of the document's blocks of verse."""
    found: list[int] = []
    run: list[_Line] = []
    blanks = 0
    for line in lines:
        if line.first < 0:
            blanks += 1
            if blanks > 1:
                _close(text, run, found)
            continue
        blanks = 0
        if (
            len(text[line.first : line.end].split(maxsplit=_LONGEST_VERSE)) > _LONGEST_VERSE
            or ANY_LETTER.search(text, line.first, line.end) is None
        ):
            _close(text, run, found)
            continue
        run.append(line)
    _close(text, run, found)
    return frozenset(found)


def _close(text: str, run: list[_Line], found: list[int]) -> None:
    if len(run) >= _FEWEST_VERSES:
        capitals = sum(1 for line in run if not text[line.first].islower())
        if capitals >= _CAPITAL_SHARE * len(run):
            found.extend(line.first for line in run)
    run.clear()


def phrase_held_open(text: str, end: int, next_start: int) -> bool:
    """Does the word that ends the line, or the one that opens the next, hold a phrase open
    (`… của⏎nó`, `Đặt tên năm⏎và đánh số`: a wrapped menu item, not two verses)?"""
    last = text[max(0, end - 12) : end].split()
    first = text[next_start : next_start + 12].split()
    return bool(
        (last and last[-1].rstrip(",") in CONTINUING_WORDS)
        or (first and first[0] in CONTINUING_WORDS)
    )
