"""Slides and lists flattened onto one line (round 12, dev13): a document site's preview of a
lecture's slides, a PDF's text layer, runs every slide's lines together with single spaces.
These marks of that layout start a new unit where no punctuation does (R9, R10; D2):

* a bullet glyph that only ever marks a list item (`¨`, `❖`, `➢`, a Wingdings glyph from
  the private use area), run in after the text before it: `… là gì? ¨ Tổng quan …`;
* a numbered list run together, its numbers counting up from 1 (at least three of them, each
  before a capitalised item, with a space or glued: `1.Kiến thức:`): `Mục tiêu 1. Trình bày
  … 2. Xác định … 3. Biết …` is cut before each number (a lone `2. Ông` or a count is no
  list);
* a slide's footer, its date and slide number (`8/16/16 1`), repeated with the same date and
  a number that grows: each footer is a unit of its own;
* an author's academic title and name after an upper-case title (`… THAM KHẢO ThS. Đinh Văn
  An`): a cover's or title slide's next line;
* headings that count up (:mod:`.counted`) and a flattened page's rule and running header
  (:mod:`.pagebreaks`), round 15.

Cut positions are found once per document (sorted, line by line: no cut crosses a line break)
and looked up per unit; a document without a glyph, a `3.` or a date holds none, found by a
few searches in C.
"""

from __future__ import annotations

import itertools
import re

from translate.segment.counted import counted_run_cuts, third_lines
from translate.segment.covers import affiliation_cuts
from translate.segment.pagebreaks import page_break_cuts
from translate.segment.patterns import UPPER

# Glyphs that mark list items only (never a letter, a menu's separator or prose punctuation):
# the Symbol and Wingdings bullets as PDF text layers give them (`¨` is Symbol's square, the
# private use ones are the fonts' own codes). Each is looked for in C, one search a glyph: a
# few, the commonest, so that a megabyte of news costs little.
_BULLETS = "¨❖➢►■\uf0a7\uf0b7\uf0d8\uf0fc\uf076"
_RUN_IN_BULLET = re.compile(rf"(?<=\S)[ \t]+([{_BULLETS}])[ \t]+(?=\S)")
_ITEM_NUMBER = re.compile(rf"(?<!\S)(\d{{1,2}})\.[ \t]*(?=[{UPPER}])")
_SHORTEST_RUN = 3  # numbers counting up from 1
# Words a number completes (`xếp hạng 1. Đội B xếp hạng 2. …`, `lần thứ 2.`): a number after
# one ends a sentence, it numbers no item.
_NUMBER_HEADS = frozenset(
    ("là", "hạng", "thứ", "số", "được", "có", "đạt", "bằng", "gồm", "lần", "top", "trang")
) | frozenset(("tập", "câu", "chương", "giải", "năm", "ngày", "tháng", "quý", "kỳ", "đợt"))
_NUMBER_HEADS |= {"vòng", "hiệp", "ván", "trận", "điểm", "khoản", "điều", "lúc", "hôm"}
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+\Z")
# An item that is a label, one to four words and a colon (`1.Kiến thức:`, `2. Kỹ năng:`): a
# lesson plan's objectives, numbered after any word (`Mục tiêu cần đạt 1.Kiến thức: …`).
_LABEL_ITEM = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}[ \t]*:")
_LONGEST_ITEM = 400  # characters between two numbers of one run
_FOOTER = re.compile(r"(?<![^\s])(\d{1,2}/\d{1,2}/\d{2,4})[ \t]+(\d{1,3})(?=[ \t]+\S)")
# What a footer holds, from its literal first (a search that skips ahead in C): a text without
# it has none.
_FOOTER_HINT = re.compile(r"/\d{2,4}[ \t]+\d{1,3}[ \t]")
# Words before a date that prose dates (`gặp lại hôm 8/3/24 10 Giờ`): no footer.
_DATE_HEADS = frozenset(("ngày", "hôm", "lúc", "từ", "đến", "sáng", "trưa", "chiều", "tối"))
_DATE_HEADS |= {"đêm", "trước", "sau"}


# A cover or title slide flattened: the upper-case title, then its author's academic title and
# name (`… TÀI LIỆU THAM KHẢO ThS. Đinh Văn An`). Every such title ends in `S.`, looked for in C.
_TITLE = re.compile(r"(?<!\S)(?:P?GS|TS|ThS|KS|BS)\.(?:TS\.|TSKH\.)?[ \t]*(?=[^\W\d_])")
_CAPS_RUN = re.compile(rf"(?:[{UPPER}]+[ \t]+){{3}}\Z")
_NAME_AFTER = re.compile(rf"[{UPPER}][^\W\d_]*[ \t]+[{UPPER}]")
_LONGEST_CAPS_RUN = 40  # characters searched before the title for three upper-case words
_LONGEST_TITLE = 12


def slide_cuts(text: str) -> list[int]:
    """The sorted positions in ``text`` where a flattened slide's unit starts or ends."""
    cuts: list[int] = []
    if any(bullet in text for bullet in _BULLETS):
        cuts += [bullet.start(1) for bullet in _RUN_IN_BULLET.finditer(text)]
    numbered, counted = third_lines(text)  # (only lines with a third item are searched)
    for line_start, line_end in numbered:
        cuts += _numbered_run_cuts(text, line_start, line_end)
    if _FOOTER_HINT.search(text) is not None:
        cuts += _footer_cuts(text)
    if "S." in text:
        cuts += _author_cuts(text)
    if counted:
        cuts += counted_run_cuts(text, counted)
    cuts += page_break_cuts(text)
    return sorted(set(cuts))


def _numbered_run_cuts(text: str, start: int, end: int) -> list[int]:
    """Before each number of a run `1. … 2. … 3. …` on the line ``text[start:end]`` (the
    first one too: a cut at the line's start is dropped with the unit's)."""
    cuts: list[int] = []
    run: list[int] = []  # the starts of the run's numbers so far
    last_end = -1
    for number in _ITEM_NUMBER.finditer(text, start, end):
        value = int(number.group(1))
        at = number.start()
        word = _WORD_BEFORE.search(text, max(0, at - 16), at)
        completes = (
            word is not None
            and word.group(1).lower() in _NUMBER_HEADS
            and _LABEL_ITEM.match(text, number.end(), end) is None
        )
        if run and value == len(run) + 1 and at - last_end <= _LONGEST_ITEM:
            run.append(at)
        else:
            if len(run) >= _SHORTEST_RUN:
                cuts += run
            run = [at] if value == 1 else []
        if completes:  # (the run is no list)
            run = []
        last_end = number.end()
    if len(run) >= _SHORTEST_RUN:
        cuts += run
    return cuts


def _footer_cuts(text: str) -> list[int]:
    """Around each slide footer of a document that repeats one (same date, a number that
    grows), on the same line as other text."""
    footers = list(_FOOTER.finditer(text))
    if len(footers) < 2:
        return []
    cuts: list[int] = []
    for before, after in itertools.pairwise(footers):
        if (
            before.group(1) == after.group(1)
            and int(before.group(2)) < int(after.group(2))
            and not _dated(text, before.start())
            and not _dated(text, after.start())
        ):
            for footer in (before, after):
                cuts += (footer.start(), footer.end())
    return cuts


def _dated(text: str, start: int) -> bool:
    """Does a word that prose dates with come before the date at ``start``?"""
    word = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return word is not None and word.group(1).lower() in _DATE_HEADS


def _author_cuts(text: str) -> list[int]:
    """Before an author's academic title run in after three upper-case words (a title)."""
    cuts: list[int] = []
    mark = text.find("S.")
    while mark >= 0:
        start = mark
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        title = _TITLE.match(text, start, mark + _LONGEST_TITLE)
        if (
            title is not None
            and _NAME_AFTER.match(text, title.end()) is not None
            and _CAPS_RUN.search(text, max(0, start - _LONGEST_CAPS_RUN), start) is not None
        ):
            cuts.append(start)
            cuts += affiliation_cuts(text, title.end())  # (and the affiliations after it)
        mark = text.find("S.", mark + 2)
    return cuts
