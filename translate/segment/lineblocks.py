"""Line-break evidence from the lines around a break (round 8): a block of short lines is a
page's chrome, one item a line; a parenthesised note under a title goes on until it closes; a
line that ends with a spaced dash goes on. Each function takes a line as ``first`` (its first
non-space character) and ``end`` (the end of its content) and the start of the next line."""

from __future__ import annotations

import re

from translate.segment.linekinds import CONTINUING_WORDS, next_line_end, open_bracket
from translate.segment.patterns import (
    ANY_LETTER,
    LAST_WORD,
    NEXT_LINE,
    PHRASE_INTERNAL_WORDS,
    UPPER,
)
from translate.segment.runin import opens_prose
from translate.vietnamese import is_vietnamese_syllable

_SHORT_LINE = 3  # words: no line of wrapped prose is this short but its paragraph's last
_ITEM_MARKS = frozenset("-–—•●▪◦·*+")
_LONGEST_NOTE = 400  # characters: a parenthesised note under a title is shorter


def short_lines_block(text: str, first: int, end: int, next_start: int) -> bool:
    """Is the lowercase line at ``next_start`` one of a block of short lines (a page's chrome
    or a menu: `licença⏎cc-by-sa-3.0⏎direitos autorais⏎…⏎original⏎visite a fonte`), short
    after a short line or before another? Wrapped prose fills its lines; only a paragraph's
    last line is short, and a blank line or a longer line follows it."""
    following_end = next_line_end(text, next_start)
    following = text[next_start:following_end].split()
    if (
        len(following) > _SHORT_LINE
        or following[0] in CONTINUING_WORDS
        or not following[-1][-1].isalnum()
        or text[first] in _ITEM_MARKS
    ):
        return False  # (`Đặt tên năm⏎và đánh số`, `… bắc⏎bộ.`, `tỉnh An Giang,`, `• Bài viết`)
    last = LAST_WORD.search(text, max(first, end - 12), end)
    if last is not None and last.group() in PHRASE_INTERNAL_WORDS:
        return False  # (`… của⏎nó`: the phrase goes on)
    if len(text[first:end].split()) <= _SHORT_LINE:
        return True
    after = NEXT_LINE.match(text, following_end)
    if after is None or ANY_LETTER.search(after.group(1)) is None:
        return False  # (`… tháng 11⏎năm 2018⏎|`: a table cell's mark)
    return len(after.group(1).split()) <= _SHORT_LINE


def note_still_open(text: str, unit_start: int, first: int, end: int) -> bool:
    """A unit that opens with a parenthesised note wrapped over lines, `(Ban hành⏎kèm theo
    Quyết định số: 59/QĐ-UBND⏎Ngày 22 tháng⏎7 năm 2021 …⏎Phú)`, goes on until it is closed."""
    return (
        unit_start < first
        and end - unit_start <= _LONGEST_NOTE
        and open_bracket(text, unit_start, end)
    )


def dash_goes_on(text: str, first: int, end: int, next_start: int) -> bool:
    """A line that ends with a spaced dash, `Độc lập -⏎Tự do - Hạnh phúc`, `… của Văn phòng
    -⏎Chính phủ`: the dash joins what the next line holds, unless the line is a source or a
    dateline before its story (`(VTC News) -`, `HÀ NỘI -`, `Hà Nội -⏎Sáng nay …`)."""
    head = text[first : end - 1].rstrip()
    if not head or head[-1] == ")" or head.isupper() or not text[next_start].isalpha():
        return False
    if _dash_ended(text[next_start : next_line_end(text, next_start)]) or _dash_ended(
        _line_before(text, first)
    ):
        return False  # a list whose items a widget ends with ` -`: related headlines, one a line
    return not opens_prose(text, next_start, min(len(text), next_start + 200), strong=True)


_LINE_BEFORE_REACH = 400  # characters: a headline's line, not a whole flattened page


def _line_before(text: str, first: int) -> str:
    """The end of the line before the one that starts at ``first`` (its last 400 characters
    at most), with its line break."""
    floor = max(0, first - _LINE_BEFORE_REACH)
    return text[text.rfind("\n", floor, max(0, first - 1)) + 1 or floor : first]


def _dash_ended(line: str) -> bool:
    line = line.rstrip()
    return line.endswith((" -", " –")) and len(line) > 2


_LONGEST_TITLE_PART = 14  # words: the lowercase part of a title, not a paragraph
_TITLE_PART_ENDS = frozenset(".!?…:;")


def caps_title_goes_on(text: str, first: int, end: int, next_start: int) -> bool:
    """Does an upper-case title line go on across blank lines with a lowercase part (`HƯỚNG
    DẪN VIẾT BÀI⏎⏎đăng trên Tạp chí …`: a page that set each part of its title in a
    paragraph)? The part is one short line of Vietnamese words without a final stop; a
    sentence, a link or a slug (`vu dinh lien`) is a unit of its own."""
    head = text[first:end]
    if not head.isupper() or " " not in head:
        return False
    following_end = next_line_end(text, next_start)
    following = text[next_start:following_end].split()
    if (
        len(following) < 2
        or len(following) > _LONGEST_TITLE_PART
        or following[-1][-1] in _TITLE_PART_ENDS
    ):
        return False
    return all(is_vietnamese_syllable(word) for word in following[:2]) and any(
        not word.isascii() for word in following[:3]
    )


# A section number of two levels or more and its capitalised title: `2.1.1 Khái niệm …`,
# `3.2. KẾT QUẢ`.
_SECTION_NUMBER = re.compile(rf"\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}\.?[ \t]+[{UPPER}]")
_NUMBER_HEADS = frozenset(("mục", "khoản", "điểm", "điều", "phần", "chương", "số", "tiết", "bảng"))


def section_opens(text: str, end: int, next_start: int) -> bool:
    """Does the line at ``next_start`` open a numbered section heading (a new unit), the line
    before it not ending mid-phrase nor with the word the number belongs to (`… tại mục⏎2.1
    Hướng dẫn …` goes on)?"""
    if _SECTION_NUMBER.match(text, next_start) is None:
        return False
    last = LAST_WORD.search(text, max(0, end - 12), end)
    return last is None or (
        last.group() not in PHRASE_INTERNAL_WORDS and last.group().lower() not in _NUMBER_HEADS
    )
