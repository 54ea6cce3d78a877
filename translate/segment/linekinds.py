"""What a line of a document is, for the line-break decisions of :mod:`.lines`: an upper-case
heading that goes on over the next line, a bracketed note, a letter's salutation, a date
form's blanks; and whether a document marks its hard wraps with a trailing space. Each test
looks at a bounded stretch around the line break.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from translate.segment.patterns import (
    ANY_LETTER,
    NEXT_LINE,
    PHRASE_INTERNAL_WORDS,
    VIETNAMESE_ACCENTED,
)
from translate.vietnamese import is_vietnamese_syllable

_LINE_END = re.compile(r"[\r\n]")


SALUTATIONS = ("Kính gửi", "KÍNH GỬI", "Kính thưa")
LAST_WORD_OF_DATE = re.compile(r"(?<![^\W\d_])(?:ngày|tháng)\Z")


def bracketed_line(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (a line's content) one bracketed note, `(…)`?"""
    content = text[start:end].strip()
    return (
        len(content) > 2
        and content[0] == "("
        and content[-1] == ")"
        and content.count("(") == 1
        and content.count(")") == 1
    )


def next_line_end(text: str, next_start: int) -> int:
    """Where the line that starts at ``next_start`` ends (looked for 200 characters on)."""
    line_end = _LINE_END.search(text, next_start, next_start + 200)
    return next_start + 200 if line_end is None else line_end.start()


def next_line_words(text: str, next_start: int) -> list[str]:
    """The words of the line that starts at ``next_start`` (its first 200 characters)."""
    line_end = _LINE_END.search(text, next_start, next_start + 200)
    return text[next_start : next_start + 200 if line_end is None else line_end.start()].split()


# An upper-case heading wrapped over lines (`TƯ TƯỞNG … VỀ KHOA HỌC⏎CỦA KARL POPPER TRONG MỘT
# SỐ⏎TÁC PHẨM`, `ỦY BAN NHÂN DÂN⏎TỈNH HÀ TĨNH`): the next line opens with a word that continues
# a phrase, the line ends with one, or an issuing body goes on with its administrative level.
CONTINUING_WORDS = PHRASE_INTERNAL_WORDS | {"cho", "trong", "trên", "từ", "đối"}
# (`QUYẾT ĐỊNH⏎VỀ VIỆC …` are two; a paper's cover names its course: `TIỂU LUẬN MÔN⏎…`)
_UNFINISHED_WORDS = CONTINUING_WORDS | {"về", "số", "môn"}
ADMINISTRATIVE_LEVELS = frozenset(("TỈNH", "THÀNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG", "THỊ"))


_LONG_CAPS_LINE = 50  # characters: two lines this long make one wrapped heading
_LONGEST_CAPS_LINE = 100  # characters: longer than any upper-case heading line is set
_CAPS_LABELS = frozenset(("CHƯƠNG", "MỤC", "PHẦN", "ĐIỀU", "PHỤ", "BÀI", "TIẾT"))
# The period an upper-case title covers, set on a line of its own: `NĂM 2022`, `GIAI ĐOẠN
# 2021 - 2025`, `ĐẾN NĂM 2030`, `NĂM HỌC 2023-2024`.
_TITLE_PERIOD = re.compile(
    r"(?:(?:TẦM NHÌN )?ĐẾN |GIAI ĐOẠN |)NĂM(?: HỌC)? \d{4}(?: ?[-–] ?\d{4})?"
    r"|GIAI ĐOẠN \d{4}(?: ?[-–] ?\d{4})?"
)
# The type of a legal document, set alone on the line above its title: a heading of its own
# (the running text's `Luật Tổ chức …` is no evidence that `LUẬT⏎TỔ CHỨC` is one heading).
DOCUMENT_TYPES = frozenset(
    (
        *("LUẬT", "BỘ LUẬT", "HIẾN PHÁP", "PHÁP LỆNH", "NGHỊ ĐỊNH", "NGHỊ QUYẾT", "QUYẾT ĐỊNH"),
        *("THÔNG TƯ", "CHỈ THỊ", "THÔNG BÁO", "KẾ HOẠCH", "QUY CHẾ", "QUY ĐỊNH", "LỆNH"),
    )
)


def _long_caps_lines(text: str, first: int, end: int, next_start: int) -> bool:
    """Is an upper-case line wrapped for its length: itself longer than a heading is set, or
    it and the next line both long (a title set in a block; `… TRÀ VINH⏎ỦY BAN NHÂN DÂN` is
    a title, then a short signature line), or long before a lone syllable (no heading is one
    syllable: `… THỦ TỤC HÀNH⏎CHÍNH`)?"""
    length = end - first
    if length >= _LONGEST_CAPS_LINE:
        return True
    if length < _LONG_CAPS_LINE:
        return False
    line_end = _LINE_END.search(text, next_start, next_start + _LONG_CAPS_LINE)
    if line_end is None:
        return True
    return " " not in text[next_start : line_end.start()].strip()  # (one syllable: its end)


def caps_heading_goes_on(text: str, first: int, end: int, last_word: str, next_start: int) -> bool:
    """Does the upper-case line ``text[first:end]``, which ends with ``last_word``, go on at
    ``next_start`` (one heading wrapped)?"""
    following = next_line_words(text, next_start)
    if not following or not following[0].isupper():
        return False
    if last_word.lower() in _UNFINISHED_WORDS or following[0].lower() in CONTINUING_WORDS:
        return True
    if following[0] not in _CAPS_LABELS and _long_caps_lines(text, first, end, next_start):
        return True  # a heading too long for one line: `… THỦ TỤC HÀNH⏎CHÍNH`, `ĐA DẠNG⏎HÓA`
    if end - first >= _LONG_CAPS_LINE and any(
        word.lower() in CONTINUING_WORDS for word in following[1:3]
    ):  # a long title whose last words the next line finishes: `… CƠ CẤU TỔ⏎CHỨC CỦA SỞ …`
        return True
    if _TITLE_PERIOD.fullmatch(" ".join(following)) and len(text[first:end].split()) >= 4:
        return True  # a plan's or report's period under its title: `… TỈNH SÓC TRĂNG⏎NĂM 2022`
    if following[0] == "CHỦ" and text.endswith("XÃ HỘI", 0, end):
        return True  # the national name: `CỘNG HÒA XÃ HỘI⏎CHỦ NGHĨA VIỆT NAM`
    if len(following) == 1 and " " not in text[first:end]:
        # A title whose spaces the extraction lost, one glued run a line (`CẨMNANG⏎HƯỚNGDẪN`):
        # an accented run that is no syllable shows the lost spaces (`HOME⏎NEWS` is a menu).
        return glued_syllables(last_word) or glued_syllables(following[0])
    if following[0] in ADMINISTRATIVE_LEVELS and text.endswith("NHÂN DÂN", 0, end):
        return True
    if len(following) == 1 and " " in text[first:end] and _last_of_heading(text, next_start):
        return True  # `NHỮNG QUY ĐỊNH⏎CHUNG⏎Điều 1.`: no heading is one syllable
    if len(following) == 1 and following[0][-1] == "." and " " in text[first:end]:
        syllable = following[0][:-1]  # `… CÀ PHÊ HÒA⏎TAN.`: the heading's sentence ends there
        return syllable not in _CAPS_LABELS and is_vietnamese_syllable(syllable)
    return following[0] not in _CAPS_LABELS and written_as_one(text, last_word, following[0], end)


def _last_of_heading(text: str, next_start: int) -> bool:
    """Is the one upper-case word on the line at ``next_start`` a Vietnamese syllable after
    which the heading ends (a blank line, a lowercase or a mixed-case line follows)?"""
    word = next_line_words(text, next_start)[0]
    if not is_vietnamese_syllable(word) or word in _CAPS_LABELS:
        return False
    after = NEXT_LINE.match(text, next_line_end(text, next_start))
    rest = after.group(1).split() if after is not None else []
    return not rest or not rest[0].isupper()


_WORD_WINDOW = 3000  # characters each side of the line break: the same page
_FEWEST_WRITINGS = 2


def written_as_one(text: str, left: str, right: str, position: int) -> bool:
    """Does the document write the upper-case words ``left`` and ``right`` (wrapped at
    ``position``) as one word in running text nearby, at least twice (`ỦY⏎BAN` beside `Ủy
    ban nhân dân`, `LÀM⏎VIỆC` beside `lề lối làm việc`)? Its own evidence that the heading
    goes on; a word met once may be two (`… quy định về …`, `QUYẾT ĐỊNH⏎VỀ VIỆC`)."""
    floor, ceiling = max(0, position - _WORD_WINDOW), position + _WORD_WINDOW
    left, right = left.lower(), right.lower()
    found = 0
    # (`LÀM⏎VIỆC` as `làm việc`, `Làm việc`; a name as `Thường vụ Quốc hội`, `Vụ Quốc`, and
    # in a signature block's capitals, `ỦY BAN THƯỜNG VỤ QUỐC HỘI`)
    pairs = {
        f"{head} {tail}"
        for head in (left, left[:1].upper() + left[1:])
        for tail in (right, right[:1].upper() + right[1:])
    }
    for pair in (*sorted(pairs), f"{left} {right}".upper()):
        at = text.find(pair, floor, ceiling)
        while at >= 0 and found < _FEWEST_WRITINGS:
            after = at + len(pair)
            if not (text[at - 1 : at].isalpha() or text[after : after + 1].isalpha()):
                found += 1  # (whole words: `n quy` inside `văn bản quy phạm` is not `N⏎QUY`)
            at = text.find(pair, after, ceiling)
    return found >= _FEWEST_WRITINGS


def glued_syllables(word: str) -> bool:
    """Is ``word`` Vietnamese syllables run together (accented, and no syllable itself)?"""
    return VIETNAMESE_ACCENTED.search(word) is not None and not is_vietnamese_syllable(word)


def open_bracket(text: str, first: int, end: int) -> bool:
    """Does the line ``text[first:end]`` open a bracket it does not close (a break inside an
    aside or a link)?"""
    # (str.find first: most lines have no bracket)
    if text.find("(", first, end) >= 0 and text.count("(", first, end) > text.count(
        ")", first, end
    ):
        return True
    return text.find("[", first, end) >= 0 and text.count("[", first, end) > text.count(
        "]", first, end
    )


def emphasised_line(text: str, line_start: int, line_end: int) -> bool:
    """A line wrapped in emphasis (`**Điều 9. …**`) is a heading of its own."""
    if text[line_end - 1] != "*":
        return False
    stripped = text[line_start:line_end].strip()
    return len(stripped) > 4 and stripped[:2] == "**" and stripped[-2:] == "**"


def lone_syllable(text: str, first: int, word: re.Match[str], next_start: int) -> bool:
    """`ỦY⏎BAN NHÂN DÂN`, `CỘNG⏎HÒA XÃ HỘI`: one upper-case Vietnamese syllable alone on
    its line, followed by a longer upper-case line, was cut off a narrow column."""
    if word.start() != first or not word.group().isupper():
        return False
    if not is_vietnamese_syllable(word.group()):
        return False
    following = next_line_words(text, next_start)
    return len(following) >= 2 and following[0].isupper()


SHORTEST_PROSE_LINE = 4  # words
_WORD = re.compile(r"\S+")


def prose_goes_on(text: str, first: int, end: int, last_word: str, next_start: int) -> bool:
    """In wrapped prose, a line of running text that ends on a lowercase word goes on, unless
    the next line is an all-caps heading."""
    if not last_word.islower():
        return False
    words = text[first:end].split()
    if len(words) < SHORTEST_PROSE_LINE or sum(w[:1].islower() for w in words) < 2:
        return False
    following = _WORD.match(text, next_start)
    if following is None or following.group().replace(".", "").replace(",", "").isdigit():
        return False  # a number opens a field or a new item (`3.906 quản trị viên`)
    letters = "".join(ANY_LETTER.findall(following.group()))
    return not (len(letters) > 1 and letters.isupper())


# A PDF viewer's text often keeps the space where a line was wrapped (`… HÀNH CHÍNH CÔNG ⏎TỈNH
# KIÊN GIANG`) and none where a paragraph or a heading ended: when a fair share of the lines
# before a line of text end in one space, but not nearly all, the space marks the wraps.
_FEWEST_SPACED_WRAPS = 3
_SPACED_SHARE = (0.3, 0.8)


def space_marks_wraps(text: str, lines: Sequence[tuple[int, int, int]]) -> bool:
    """Does one trailing space at the end of a line of text followed by another tell the
    document's wrapped lines from the others? (``lines``: each line's start, first non-space
    character, -1 when blank, and content end.)"""
    if text.count(" \n") + text.count(" \r") < _FEWEST_SPACED_WRAPS:
        return False  # (each spaced end is one of these: no pass over the lines, most texts)
    ends = [
        line[2] for line, following in itertools.pairwise(lines) if min(line[1], following[1]) >= 0
    ]
    spaced = sum(1 for end in ends if spaced_end(text, end))
    low, high = _SPACED_SHARE
    return spaced >= _FEWEST_SPACED_WRAPS and low * len(ends) <= spaced <= high * len(ends)


def spaced_end(text: str, end: int) -> bool:
    """Is the content that ends at ``end`` followed by exactly one space and the line break?"""
    return text[end : end + 1] == " " and text[end + 1 : end + 2] in ("\n", "\r")
