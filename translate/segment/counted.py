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

# A label: a capitalised word (or the two of `Giai đoạn`, a phase) and its number (arabic or
# roman) before a colon or a dash, or a roman numeral alone before a dash and a capitalised word.
_LABEL = re.compile(
    rf"(?<!\S)(?:(Giai[ \t][đĐ]oạn|[{UPPER}][{LOWER}]+)[ \t]+(\d{{1,2}}|[IVX]{{1,4}})"
    r"[ \t]*(?::|[-–](?=[ \t]))"
    rf"|([IVX]{{1,4}})[ \t]+[-–][ \t]+(?=[{UPPER}]))"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_ROMAN |= {"X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
_AFTER_THIRD = (" :", " -", " –")  # after a third label's `3` (or a colon)
_SHORTEST_RUN = 3
_LONGEST_SECTION = 1000  # characters from one label to the next (a section holds a list)
_LIST_BEFORE = re.compile(r"(?:[,;]|\svà|\shoặc)[ \t]*\Z")


def third_lines(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The lines (start, end) that may hold a numbered run's third item (` 3.`, for
    :mod:`.slides`) and those that may hold a counted run's third label (` 3:`, ` 3 -`,
    `III`), each once. Found with one-character searches, which run in C many times faster
    than a search for a longer string: a third `3` or `I` is rare in prose."""
    numbered: list[tuple[int, int]] = []
    counted: list[tuple[int, int]] = []
    numbered_end = counted_end = -1
    three = text.find("3")
    while three >= 0:
        if three > 0 and text[three - 1] == " ":
            after = text[three + 1 : three + 3]
            if after[:1] == "." and three > numbered_end:
                numbered_end = _line_end(text, three)
                numbered.append((_line_start(text, three), numbered_end))
            if (after[:1] == ":" or after in _AFTER_THIRD) and three > counted_end:
                counted_end = _line_end(text, three)
                counted.append((_line_start(text, three), counted_end))
        three = text.find("3", three + 1)
    roman = text.find("I")
    while roman >= 0:
        if text.startswith("III", roman) and roman > counted_end:
            counted_end = _line_end(text, roman)
            counted.append((_line_start(text, roman), counted_end))
        roman = text.find("I", roman + 1)
    return numbered, counted


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def counted_run_cuts(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """Before each label of a counted run on the ``lines`` of ``text`` (from
    :func:`third_lines`)."""
    cuts: list[int] = []
    for start, end in lines:
        cuts += _line_cuts(text, start, end)
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
