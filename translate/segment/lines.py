"""Pass 1: lines into units of running text, deciding at each single line break whether it
ends a unit (headline, list item, finished sentence) or falls inside a sentence (hard wrap).

In ``auto`` mode a break is a hard wrap when the line ends without a terminator and

* the next line continues in lowercase, or the line ends with a word that never ends a phrase
  (``của``, ``và``, ``các``…), or the line is only a heading label (``Chương IV.``); or
* the document is hard-wrapped (many lines end within a few columns of one width) and this
  line is full: the next line's first word would not have fitted on it. This is the evidence
  that lets ``… tỉnh Hà⏎Tĩnh;`` and ``… năm⏎2023;`` join while a short headline above a
  capitalised paragraph stays a unit of its own.

A line that ends with a terminator joins only when the terminator does not end a sentence
(``PGS.TS.⏎Trần Kiêm Hảo``). List items, Markdown headings and clause ends (``;`` ``:``)
never join.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from translate.document import BreakKind
from translate.segment.ends import is_list_label_line, is_sentence_end, next_word_case
from translate.segment.patterns import (
    NON_SPACE,
    PHRASE_INTERNAL_WORDS,
    TERMINATORS,
    TOKEN_LOOKBACK,
)
from translate.segment.rules import Rules
from translate.segment.sentences import Unit

# A line that starts a list item or a Markdown heading never continues the line above it.
_LIST_ITEM_LINE = re.compile(
    r"(?:[-–—•●▪◦·*+]|\d{1,3}[.)]|\(\d{1,3}\)|[a-zđ][.)]|\([a-zđ]\)|[IVXLC]{1,6}[.)])\s|#|>|\|"
)
_ENDS_WITH_TERMINATOR = re.compile(r"[.!?…]+[\"'”’»›)\]}*_]*\Z")
_LAST_WORD = re.compile(r"[^\W\d_]+\Z")
_SHORTEST_WIDTH, _LONGEST_WIDTH = 40, 160
_FEWEST_FULL_LINES = 4
_FULL_SHARE = 0.5


def units(text: str, line_starts: Sequence[int], mode: str, rules: Rules) -> list[Unit]:
    ends = [_line_content_end(text, line_starts, index) for index in range(len(line_starts))]
    width = wrap_width(text, line_starts, ends) if mode == "auto" else 0
    found: list[Unit] = []
    unit_start = -1
    last_start = last_end = -1  # the last non-blank line: its start and stripped content end
    blank_since_last = False
    for line_start, line_end in zip(line_starts, ends, strict=True):
        first = NON_SPACE.search(text, line_start, line_end)
        if first is None:
            blank_since_last = True
            continue
        content_end = line_start + len(text[line_start:line_end].rstrip())
        if unit_start >= 0:
            if not blank_since_last and _continues(
                text, (last_start, last_end), first.start(), unit_start, mode, rules, width
            ):
                last_start, last_end = line_start, content_end
                continue
            kind = BreakKind.PARAGRAPH if blank_since_last else BreakKind.LINE
            found.append(Unit(unit_start, last_end, kind))
        unit_start = first.start()
        last_start, last_end = line_start, content_end
        blank_since_last = False
    if unit_start >= 0:
        found.append(Unit(unit_start, last_end, BreakKind.END))
    return found


def wrap_width(text: str, line_starts: Sequence[int], ends: Sequence[int]) -> int:
    """The column at which the document was hard-wrapped, or 0 when it was not: at least
    half of its lines of 30 characters or more end within a few columns of one width."""
    lengths = sorted(
        length
        for start, end in zip(line_starts, ends, strict=True)
        if (length := len(text[start:end].rstrip())) >= 30
    )
    if len(lengths) < _FEWEST_FULL_LINES:
        return 0
    best_count, best_width = 0, 0
    low = 0
    for high, length in enumerate(lengths):  # the densest window [length - slack, length]
        while lengths[low] < length - _slack(length):
            low += 1
        if high - low + 1 >= best_count:
            best_count, best_width = high - low + 1, length
    if not _SHORTEST_WIDTH <= best_width <= _LONGEST_WIDTH:
        return 0
    if best_count < _FEWEST_FULL_LINES or best_count < _FULL_SHARE * len(lengths):
        return 0
    return best_width


def _slack(width: int) -> int:
    return max(4, width // 10)


def _line_content_end(text: str, line_starts: Sequence[int], index: int) -> int:
    if index + 1 == len(line_starts):
        return len(text)
    end = line_starts[index + 1] - 1
    if text[end] == "\n" and end > 0 and text[end - 1] == "\r":
        end -= 1
    return end


def _continues(
    text: str,
    line: tuple[int, int],
    next_start: int,
    unit_start: int,
    mode: str,
    rules: Rules,
    width: int,
) -> bool:
    """Is the line break after ``line`` (its start and content end) inside a sentence?"""
    if mode == "wrap":
        return True
    if mode == "paragraph":
        return False
    line_end = line[1]
    if _LIST_ITEM_LINE.match(text, next_start) is not None or text[unit_start] == "#":
        return False
    tail = text[max(unit_start, line_end - TOKEN_LOOKBACK) : line_end]
    ending = _ENDS_WITH_TERMINATOR.search(tail)
    if ending is None:
        return _wrapped_without_terminator(text, line, next_start, unit_start, rules, width)
    terminator_start = line_end - len(tail) + ending.start()
    if is_list_label_line(text, unit_start, line_end):
        return True  # `Chương IV.⏎ BẾN ĐÒ NGANG`: the label and its title are one heading
    terminator_end = terminator_start
    while terminator_end < line_end and text[terminator_end] in TERMINATORS:
        terminator_end += 1
    return not is_sentence_end(
        text, terminator_start, terminator_end, line_end, next_start, unit_start, rules
    )


def _wrapped_without_terminator(
    text: str, line: tuple[int, int], next_start: int, unit_start: int, rules: Rules, width: int
) -> bool:
    line_start, line_end = line
    if next_word_case(text, next_start, len(text), rules)[0] == "lower":
        return True
    last = text[line_end - 1]
    if last in ";:":
        return False  # a clause or an introducer ends here (`Căn cứ …;`, `như sau:`)
    word = _LAST_WORD.search(text, max(line_start, line_end - 12), line_end)
    if word is not None and word.group() in PHRASE_INTERNAL_WORDS:
        return True
    if is_list_label_line(text, unit_start, line_end):
        return True
    if not width or _emphasised_line(text, line_start, line_end):
        return False
    next_word_end = next_start
    limit = min(len(text), next_start + 40)
    while next_word_end < limit and not text[next_word_end].isspace():
        next_word_end += 1
    length = line_end - line_start
    return length + 1 + (next_word_end - next_start) > width - _slack(width) // 2


def _emphasised_line(text: str, line_start: int, line_end: int) -> bool:
    """A line wrapped in emphasis (`**Điều 9. …**`) is a heading of its own."""
    stripped = text[line_start:line_end].strip()
    return len(stripped) > 4 and stripped[:2] == "**" and stripped[-2:] == "**"
