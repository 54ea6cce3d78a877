"""Headings that count up, run together on one line (round 15, dev16): a PDF preview or a
scraped page flattens a lesson plan's or a report's sections, `I - Mục tiêu … II - Phương
pháp … III - Đồ dùng …`, `Bước 1: … Bước 2: … Bước 3: …`, `Chương I: … Chương II: …
Chương III: …`. Three labels or more of one kind (the same capitalised word before the
number, or a roman numeral alone before a dash), numbered 1, 2, 3 … in order, each within a
few hundred characters of the last, start a unit each where no punctuation does (R9, R10; D2).

A run with a label after a comma, a semicolon or `và` is a sentence's own list (`… gồm
Chương 1: Tổng quan, Chương 2: …`), no headings: none of its labels is cut. Lines without a
third label (`III`, ` 3:`, ` 3 -`) are never searched, so most texts cost a few searches in C.
"""

from __future__ import annotations

import re

from translate.segment.patterns import LOWER, UPPER

# A label: a capitalised word and its number (arabic or roman) before a colon or a dash, or a
# roman numeral alone before a dash and a capitalised word.
_LABEL = re.compile(
    rf"(?<!\S)(?:([{UPPER}][{LOWER}]+)[ \t]+(\d{{1,2}}|[IVX]{{1,4}})[ \t]*(?::|[-–](?=[ \t]))"
    rf"|([IVX]{{1,4}})[ \t]+[-–][ \t]+(?=[{UPPER}]))"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_ROMAN |= {"X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
_THIRDS = ("III", " 3:", " 3 :", " 3 -", " 3 –")  # one is on every line with a run
_SHORTEST_RUN = 3
_LONGEST_SECTION = 1000  # characters from one label to the next (a section holds a list)
_LIST_BEFORE = re.compile(r"(?:[,;]|\svà|\shoặc)[ \t]*\Z")


def counted_run_cuts(text: str) -> list[int]:
    """Before each label of a counted run on one line of ``text`` (unsorted)."""
    cuts: list[int] = []
    for third in _THIRDS:
        position = text.find(third)
        while position >= 0:
            line_start = text.rfind("\n", 0, position) + 1
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end
            cuts += _line_cuts(text, line_start, line_end)
            position = text.find(third, line_end)
    return cuts


def _line_cuts(text: str, start: int, end: int) -> list[int]:
    runs: dict[str | None, list[int]] = {}  # a kind of label -> its run's starts so far
    last_end: dict[str | None, int] = {}
    cuts: list[int] = []
    for label in _LABEL.finditer(text, start, end):
        word = label.group(1)
        numeral = label.group(2) or label.group(3)
        value = int(numeral) if numeral.isdigit() else _ROMAN.get(numeral, 0)
        run = runs.get(word, [])
        if run and value == len(run) + 1 and label.start() - last_end[word] <= _LONGEST_SECTION:
            run.append(label.start())
        else:
            cuts += _headings(text, start, run)
            run = [label.start()] if value == 1 else []
        runs[word] = run
        last_end[word] = label.end()
    for run in runs.values():
        cuts += _headings(text, start, run)
    return cuts


def _headings(text: str, line_start: int, run: list[int]) -> list[int]:
    """The run's labels if they are headings: three at least, none after a comma, a
    semicolon or `và` (then the run is a sentence's own list)."""
    if len(run) < _SHORTEST_RUN or any(
        _LIST_BEFORE.search(text, max(line_start, cut - 8), cut) for cut in run
    ):
        return []
    return run
