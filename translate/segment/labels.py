"""Layout labels run into prose with a space: where the run-in scan of :mod:`.runin` needs
more than a sentence opener (R7, R9, issue 11, round 4).

* a photo credit run into its caption and into the story (`… tại cơ quan công an ẢNH: CTV
  Trước đó, …`): the credit is a segment of its own;
* a heading whose words the story repeats, as scraped listings and flattened PDFs do (`1.
  Thẩm quyền đề nghị … Thẩm quyền đề nghị … được quy định …`, `… vùng Cửa Hội Cửa Hội
  trong lịch sử …`, `Tiểu sử nhà thơ Tố Hữu Nhà thơ Tố Hữu sinh …`);
* a dateline (a place) or a section label at the start of a paragraph, run into its story
  (`Đà Nẵng - Cá mập tấn công …`, `Tin nóng Một vụ cháy …`);
* the fixed header lines of official documents run together (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA
  VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 15/QĐ-UBND …`);
* a list number that opens a heading after an upper-case heading (`XỨ NGHỆ - ĐẤT VÀ NGƯỜI 1.
  Công cuộc …`) or before one, glued (`… ebook1. THÔNG TIN SÁCH`).

Each scan is a regex search or a word-by-word pass with a bounded look back: linear.
"""

from __future__ import annotations

import re

from translate.segment.patterns import LOWER, UPPER
from translate.segment.runin import opens_prose

# A credit label after a word and a space (not after `(`: `(Ảnh: TTXVN)` is an aside).
# (It opens with a character class, so that the regex engine skips ahead quickly.)
_CREDIT = re.compile(
    r"[ẢNĐ](?:(?<=Ả)nh|(?<=Ả)NH|(?<=N)guồn|(?<=N)GUỒN|(?<=Đ)ồ họa|(?<=Đ)Ồ HỌA)\s?:\s*(?=\S)"
)
# A credit's value: one to four names or agency codes (`CTV`, `Quang Định`, `TTXVN/Reuters`).
_CREDIT_VALUE = re.compile(rf"[{UPPER}][\w./&-]*(?:\s+[{UPPER}][\w./&-]*){{0,3}}")


def credit_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts before a credit run into a caption, and after it where the story goes on."""
    joins: list[int] = []
    for label in _CREDIT.finditer(text, start, end):
        before = label.start() - 2
        if label.start() > start:  # (at the unit's start, only the story is cut from it)
            if before < start or text[before + 1] != " ":
                continue
            if not (text[before].isalnum() or text[before] in ")]"):
                continue  # in an aside: `(Ảnh: TTXVN)`
            joins.append(label.start())
        value = _CREDIT_VALUE.match(text, label.end(), end)
        if value is None:
            continue
        words = list(re.finditer(r"\S+", value.group()))
        # The story starts at the first word of the value that opens prose (`CTV Trước đó`).
        for word in words[1:]:
            position = label.end() + word.start()
            if opens_prose(text, position, end, strong=False):
                joins.append(position)
                break
        else:
            after = value.end()
            if after < end and text[after] == " " and opens_prose(text, after + 1, end, False):
                joins.append(after + 1)
    return joins


_PHRASE = re.compile(r"\S+(?: \S+){0,3}")
_SHORTEST_HEAD_REPEAT = 3  # words
_LONGEST_PHRASE = 60  # characters: four words
# A capital after a space: where a repeated heading's words may start again.
_CAPITAL_AFTER_SPACE = re.compile(rf"[{UPPER}](?<= [{UPPER}])")
# A numbered heading: a list number, a space, a capitalised word.
_NUMBERED_HEAD = re.compile(rf"(?:\d{{1,2}}|[IVX]{{1,5}})[.)] (?=[{UPPER}])")
_HEADING_WINDOW = 300  # characters searched for a numbered heading's words
_STRETCH_END = re.compile(r"[.!?…:;]\s")


def repeated_heading_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts where the story repeats its heading's words: right after them (`… vùng Cửa Hội
    ‖ Cửa Hội trong …`), or from the first words of a numbered heading (`1. Thẩm quyền …
    dân tộc ‖ Thẩm quyền đề nghị …`)."""
    joins = [
        match.start()
        for match in _CAPITAL_AFTER_SPACE.finditer(text, start + 2, end)
        if _repeats_words_before(text, start, match.start(), end)
    ]
    for head in _NUMBERED_HEAD.finditer(text, start, end):
        label_start = head.start()
        if label_start > start and not (
            text[label_start - 1] == " " and text[label_start - 2] in ".!?…:;"
        ):
            continue  # a number inside a sentence
        join = _heading_repeated(text, head.end(), end)
        if join >= 0:
            joins.append(join)
    return joins


def _repeats_words_before(text: str, start: int, position: int, end: int) -> bool:
    """Do the two to four words at ``position`` repeat the words right before them, with
    running text after (`… vùng Cửa Hội Cửa Hội trong lịch sử`)?"""
    phrase = _PHRASE.match(text, position, min(end, position + _LONGEST_PHRASE))
    if phrase is None:
        return False
    words = phrase.group().split(" ")
    for index, word in enumerate(words):
        if not word[-1:].isalnum():
            del words[index + (word[-1:] in ".!?…") :]  # (`Nhân dân, Uỷ ban Nhân dân,`: a list)
            break
    for size in range(len(words), 1, -1):
        repeated = " ".join(words[:size])
        before = position - 1 - len(repeated)
        if before < start or (before > start and not text[before - 1].isspace()):
            continue
        if text[before : position - 1].lower() == repeated.lower():
            return _prose_at(text, position + len(repeated), end)
    return False


def _heading_repeated(text: str, title_start: int, end: int) -> int:
    """Where the first three words of a numbered heading's title start again, capitalised
    and followed by running text, before any sentence end; -1 when they do not."""
    phrase = _PHRASE.match(text, title_start, min(end, title_start + _LONGEST_PHRASE))
    if phrase is None or len(phrase.group().split(" ")) < _SHORTEST_HEAD_REPEAT:
        return -1
    repeated = " ".join(phrase.group().split(" ")[:_SHORTEST_HEAD_REPEAT]).lower()
    limit = min(end, title_start + _HEADING_WINDOW)
    stop = _STRETCH_END.search(text, title_start, limit)
    if stop is not None:
        limit = stop.start()
    window = text[title_start:limit].lower()  # (bounded: one window per numbered heading)
    found = window.find(" " + repeated, len(repeated))
    if found < 0:
        return -1
    position = title_start + found + 1
    if not text[position].isupper() or not _prose_at(text, position + len(repeated), end):
        return -1
    return position


def _prose_at(text: str, position: int, end: int) -> bool:
    """Is there a lowercase word within the six words at ``position`` (running text)?"""
    return any(word[:1].islower() for word in text[position : min(end, position + 60)].split()[:6])


# Places that open a paragraph as its dateline, and the section labels of news pages.
_PLACES = (
    "Hà Nội|TP\\.HCM|TP HCM|TPHCM|Sài Gòn|Đà Nẵng|Hải Phòng|Cần Thơ|Huế|Thừa Thiên Huế|"
    "Nghệ An|Hà Tĩnh|Thanh Hóa|Quảng Bình|Quảng Trị|Quảng Nam|Quảng Ngãi|Quảng Ninh|Bình Định|"
    "Phú Yên|Khánh Hòa|Nha Trang|Ninh Thuận|Bình Thuận|Lâm Đồng|Đà Lạt|Đắk Lắk|Đắk Nông|"
    "Gia Lai|Kon Tum|Bình Dương|Đồng Nai|Bà Rịa - Vũng Tàu|Vũng Tàu|Tây Ninh|Bình Phước|Long An|"
    "Tiền Giang|Bến Tre|Vĩnh Long|Trà Vinh|Đồng Tháp|An Giang|Kiên Giang|Phú Quốc|Hậu Giang|"
    "Sóc Trăng|Bạc Liêu|Cà Mau|Bắc Ninh|Bắc Giang|Hải Dương|Hưng Yên|Thái Bình|Nam Định|"
    "Ninh Bình|Hà Nam|Vĩnh Phúc|Phú Thọ|Thái Nguyên|Tuyên Quang|Hà Giang|Cao Bằng|Lạng Sơn|"
    "Lào Cai|Yên Bái|Sơn La|Điện Biên|Lai Châu|Hòa Bình|Bắc Kạn"
)
_SECTIONS = (
    "Thời sự|Xã hội|Góc nhìn|Tin nóng|Tin tổng hợp|Tin mới|Tin tức|Tin vắn|Tin liên quan|"
    "Bạn đọc|Nhịp sống|Ý kiến|Tin trong nước|Tin quốc tế"
)
# A paragraph's first words: a place or a section label, a space, then a capitalised word
# (not an acronym or a number: `Hà Nội FC`, `Huế 2024`).
_LEAD_LABEL = re.compile(
    rf"(?:{_PLACES}|{_SECTIONS})(?:\s[-–—])? (?=[{UPPER}][{LOWER}])(?!(?:{_PLACES})(?!\w))"
)


def lead_label_joins(text: str, start: int, end: int) -> list[int]:
    """A cut after a dateline or a section label that opens the unit, before its story."""
    if not text[start].isupper():
        return []
    label = _LEAD_LABEL.match(text, start, end)
    if label is None:
        return []
    after = label.end()
    if opens_prose(text, after, end, strong=False):
        return [after]
    following = text[after : min(end, after + 80)].split()[:3]
    if len(following) > 1 and following[1][:1].islower() and following[0][1:].islower():
        return [after]  # `Cần Thơ Hơn 200 …` is a number; `Cá mập tấn công …` is prose
    return []


# The national name and motto that head every official document.
_DOCUMENT_HEADER = re.compile(
    r"(?:CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|(?:Độc lập|ĐỘC LẬP) ?[-–—] ?(?:Tự do|TỰ DO)"
    r" ?[-–—] ?(?:Hạnh phúc|HẠNH PHÚC)"
)


def document_header_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts after the motto, and after the national name when the motto follows it, when a
    flattened header runs them into what follows (`… Hạnh phúc ‖ Số: 15/QĐ-UBND`). What
    precedes them on their line is a second column (`BỘ TÀI CHÍNH CỘNG HÒA …`): one field."""
    if all(text.find(mark, start, end) < 0 for mark in ("NGHĨA VIỆT NAM", "ạnh phúc", "HẠNH PHÚC")):
        return []
    joins = []
    for header in _DOCUMENT_HEADER.finditer(text, start, end):
        after = header.end()
        while after < end and text[after] == " ":
            after += 1
        motto = header.group()[0] in "ĐđĐ" or text.startswith(("Độc lập", "ĐỘC LẬP"), after)
        if motto and start < after < end:
            joins.append(after)
    return joins


# A list number that opens a heading: after an upper-case word (`… ĐẤT VÀ NGƯỜI 1. Công cuộc`)
# or glued to a lowercase word before an upper-case heading (`… ebook1. THÔNG TIN SÁCH`).
_HEADING_NUMBER = re.compile(
    rf"\d{{1,2}}\. (?:(?<=[{UPPER}]{{2}} \d\. )|(?<=[{UPPER}]{{2}} \d\d\. ))(?=[{UPPER}])"
    rf"|(?<=[{LOWER}])\d{{1,2}}\. (?=[{UPPER}]{{2}})"
)
# Upper-case label words a number belongs to (`CHƯƠNG 1.`, `ĐIỀU 5.`): no heading starts there.
_LABEL_WORDS = ("CHƯƠNG", "ĐIỀU", "MỤC", "PHẦN", "KHOẢN", "BƯỚC", "BÀI", "CÂU", "TIẾT", "SỐ")


def heading_number_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts before a list number that starts a heading run into the text before it."""
    if text.find(". ", start, end) < 0:
        return []
    return [
        match.start()
        for match in _HEADING_NUMBER.finditer(text, start, end)
        if not text.endswith(_LABEL_WORDS, start, match.start() - 1)
        and not text.endswith(("HÌNH", "BẢNG", "LỤC"), start, match.start() - 1)
    ]
