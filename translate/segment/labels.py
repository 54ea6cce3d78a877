"""Layout labels run into prose with a space: where the run-in scan of :mod:`.runin` needs
more than a sentence opener (R7, R9, issue 11, round 4).

* a photo credit run into its caption and into the story (`… tại cơ quan công an ẢNH: CTV
  Trước đó, …`): the credit is a segment of its own (:mod:`.credits`);
* a heading whose words the story repeats, as scraped listings and flattened PDFs do (`1.
  Thẩm quyền đề nghị … Thẩm quyền đề nghị … được quy định …`, `… vùng Cửa Hội Cửa Hội
  trong lịch sử …`, `Tiểu sử nhà thơ Tố Hữu Nhà thơ Tố Hữu sinh …`);
* a dateline (a place, an upper-case city, a source) or a section label at the start of a
  paragraph, run into its story (`Đà Nẵng - Cá mập tấn công …`, `WASHINGTON – Hoa Kỳ…`,
  `Tin nóng Một vụ cháy …`);
* the fixed header lines of official documents run together (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA
  VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 15/QĐ-UBND …`);
* a list number that opens a heading after an upper-case heading (`XỨ NGHỆ - ĐẤT VÀ NGƯỜI 1.
  Công cuộc …`) or before one, glued (`… ebook1. THÔNG TIN SÁCH`).

Each scan is a regex search or a word-by-word pass with a bounded look back: linear.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from translate.segment.credits import credit_joins
from translate.segment.patterns import ACCENTED_CAPITALS, LOWER, UPPER, find_all
from translate.segment.runin import lowercase_soon, opens_prose
from translate.segment.scraped import (
    BLOCK_MARKS,
    IMAGE_NUMBER_MARK,
    PAPER_LABELS,
    SCRIPT_MARK,
    block_joins,
    image_label_joins,
    paper_label_joins,
    script_joins,
)
from translate.segment.uppercase import CAPS_PAPER_LABELS, caps_label_joins, caps_title_end
from translate.vietnamese import is_vietnamese_syllable

_PHRASE = re.compile(r"\S+(?: \S+){0,5}")
_SHORTEST_HEAD_REPEAT = 3  # words
_LONGEST_PHRASE = 80  # characters: six words
# A capital after a space: where a repeated heading's words may start again.
_CAPITAL_AFTER_SPACE = re.compile(rf"[{UPPER}](?<= [{UPPER}])")
_HEADING_WINDOW = 300  # characters searched for a numbered heading's words
_TITLE_WINDOW = 200  # characters after a title's start searched for its words repeated
_STRETCH_END = re.compile(r"[.!?…:;]\s")


def numbered_heading_joins(text: str, title_start: int, end: int) -> list[int]:
    """Cuts after the numbered heading whose title starts at ``title_start`` (`1. ‖Thẩm
    quyền …`), where the story repeats its words: from its first words (`… dân tộc ‖ Thẩm
    quyền đề nghị …`) or right after its last ones (`… vùng Cửa Hội ‖ Cửa Hội trong …`), and
    where an upper-case title ends before a capitalised word (:func:`.uppercase.caps_title_end`).
    Only the stretch before the next sentence end is searched (bounded)."""
    joins = []
    join = _heading_repeated(text, title_start, end)
    if join >= 0:
        joins.append(join)
    title_end = caps_title_end(text, title_start, end)  # (`2. ĐÁNH GIÁ ‖ Đánh giá về …`)
    if title_end >= 0:
        joins.append(title_end)
    limit = min(end, title_start + _TITLE_WINDOW)
    stop = _STRETCH_END.search(text, title_start, limit)
    limit = limit if stop is None else stop.start()
    words = text[title_start:limit].lower().split()  # (bounded: one window per heading)
    pairs = list(itertools.pairwise(words))
    if len(set(pairs)) < len(pairs):  # (two words repeated: look closer)
        for match in _CAPITAL_AFTER_SPACE.finditer(text, title_start + 2, limit):
            if _repeats_words_before(text, title_start, match.start(), end):
                joins.append(match.start())
    return joins


def numbered_heading_at(text: str, segment_start: int, terminator_start: int) -> bool:
    """Is the segment so far only a list number (`1`, `IV`) before its period?"""
    label = text[segment_start:terminator_start]  # (at most five characters)
    return 0 < len(label) <= _LONGEST_NUMBER and (label.isdigit() or label in _ROMAN)


_LONGEST_NUMBER = 5
_ROMAN = frozenset(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"))


def _repeats_words_before(text: str, start: int, position: int, end: int) -> bool:
    """Do the two to four words at ``position`` repeat the words right before them, with
    running text after (`… vùng Cửa Hội Cửa Hội trong lịch sử`)?"""
    first_end = text.find(" ", position, min(end, position + _LONGEST_PHRASE))
    if first_end < 0:
        return False
    first = text[position:first_end]
    floor = max(start, position - 1 - _LONGEST_PHRASE)
    if text.rfind(" " + first + " ", max(0, floor - 1), position) < 0:
        lowered = first.lower()
        if lowered == first or text.rfind(lowered, floor, position - 1) < 0:
            return False  # (the common case: the first word is not right before it)
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
            return lowercase_soon(text, position + len(repeated), end)
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
    if not text[position].isupper() or not lowercase_soon(text, position + len(repeated), end):
        return -1
    return position


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
# (not a two-letter acronym or a number: `Hà Nội FC`, `Huế 2024`; a longer acronym is a
# subject when running text follows it: `Huế CSGT tổ chức …`).
# A space or nothing (`TP.HCMDẫn chương trình …`) may separate them; a quote may open the story.
_ALONE_CAPITALS = "ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
_LEAD_LABEL = re.compile(
    rf"(?:{_PLACES}|{_SECTIONS})(?:\s[-–—])?(?: |(?=[{UPPER}][{LOWER}]))"
    # (a story's first word: capitalised, or an accented capital alone, `Ở`; after a dash, a
    # count too: `Đà Nẵng - 18 hộ dân …`, not a year or a date: `Hải Phòng – 2024`)
    rf"(?=[\"“']?(?:[{UPPER}][{LOWER}]|[{_ALONE_CAPITALS}]\s|[{UPPER}]{{3}})"
    rf"|(?<=[-–—] )\d{{1,3}}\s)"
    rf"(?!(?:{_PLACES}|Việt|Mới)(?!\w))"
)


# The first two letters and the first words of the labels (two set look-ups per unit, then
# the regex only for these).
LEAD_PREFIXES = frozenset(
    label[:2] for label in (_PLACES + "|" + _SECTIONS).replace("\\", "").split("|")
)
LEAD_WORDS = frozenset(
    label.split(" ")[0] for label in (_PLACES + "|" + _SECTIONS).replace("\\", "").split("|")
)


def lead_word(text: str, start: int, end: int) -> bool:
    """Does the unit start with the first word of a place or a section label (`TP.HCM`
    glued to its story too: `TP.HCMDẫn …`)?"""
    space = text.find(" ", start, min(end, start + _LONGEST_LEAD_WORD))
    first = text[start:space] if space > 0 else text[start : start + 2]
    return first in LEAD_WORDS or first[:2] == "TP"


_LONGEST_LEAD_WORD = 12


# A dateline or a source label and a dash: one to three upper-case words (a city), a source in
# brackets, or one word (`WASHINGTON –`, `(Dân trí) -`, `TTO -`, `Kinhtedothi -`); a bracketed
# source may have a stop before its dash and no space (`(SGGP).- Trao đổi …`, `(PLO)- Tòa …`),
# and a story may open with a count (`(ANTV) - 14 đối tượng …`, not a year: `… - 2024`).
_CAPITAL_WORD = rf"[{UPPER}][{UPPER}.'’-]+"
_DATELINE = re.compile(
    rf"(?:(?:{_CAPITAL_WORD}\s){{0,2}}{_CAPITAL_WORD}|\([^()\s]+(?:\s[^()\s]+){{0,2}}\)"
    rf"|[{UPPER}][\w.]+)(?:,?\s+|(?<=\))\.?\s*|(?<=[{LOWER}]))[–—-]"
    rf"(?=\s+(?:[\"“]?[{UPPER}][{LOWER}]|\d{{1,3}}\s+[{LOWER}]|[{ACCENTED_CAPITALS}]\s+[{LOWER}]"
    rf"|[{UPPER}]{{1,4}}\.\s?[{UPPER}][{LOWER}]|[{UPPER}]{{2,6}}\s+[{LOWER}]))"
)  # (an accented capital alone is a word: `(Dân trí) - Ở trận …`; an office abbreviated:
# `(BTN) - TP. Tây Ninh …`, `- UBND tỉnh …`; a source's dash glued to it: `Vanvn- Khai …`)
DATELINE_REACH = 40  # characters: where its dash may be


def dash_within(text: str, start: int, stop: int) -> bool:
    """Is there a hyphen, an en or an em dash in ``text[start:stop]``? (Three ``in`` on one
    copy: a regex class scans each character at about fifty instructions, ``in`` at one.)"""
    head = text[start:stop]
    return "-" in head or "–" in head or "—" in head


def lead_joins(text: str, start: int, end: int) -> list[int]:
    """A cut after the dateline, source or section label that opens the unit (which starts
    with a capital or a bracket), before its story: `WASHINGTON – ‖Hoa Kỳ đã…`, `Đà Nẵng -
    ‖Cá mập …`, `Tin nóng ‖Một vụ cháy …`."""
    if lead_word(text, start, end):  # (a place or a section label may open it)
        label = _LEAD_LABEL.match(text, start, end)
        if label is not None and (
            _story_at(text, label.end(), end)
            or (text[label.end() - 2] in "-–—" and _words_after(text, label.end(), end) > 2)
        ):  # (a place and a dash is a dateline before any text: `Huế - Peter Jones kể …`;
            # `Đà Nẵng – Năm 2017` is a place and a date)
            return [label.end()]
    if not dash_within(text, start, min(end, start + DATELINE_REACH)):
        return []  # (no dash: no dateline; callers look for one first)
    dateline = _DATELINE.match(text, start, end)
    if dateline is None or _region_pair(dateline.group()):
        return []
    return [dateline.end()]  # `WASHINGTON – Hoa Kỳ đã…`: a unit of its own


# A source in brackets and a dash before a story, after a full stop or after a dateline place
# (`… ở Đà Lạt. (NLĐO) - Số tiền …`, `Washington, (Sputnik) – Tổng thống …`).
_SOURCE_LABEL = re.compile(
    rf"\([{UPPER}][^()\s]*(?:\s[^()\s]+){{0,2}}\)\s*[–—-]\s+(?=[\"“]?[{UPPER}][{LOWER}])"
)
_PLACE_BEFORE = re.compile(  # an upper-case city, or a place and a comma
    rf"(?:{_CAPITAL_WORD}(?:\s{_CAPITAL_WORD}){{0,2}}\s+"
    rf"|[{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]+){{0,2}},\s+)"
)


def source_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts after a bracketed source and its dash that open a story after a full stop or a
    dateline place: `… Đà Lạt. (NLĐO) - ‖Số tiền …`, `Washington, (Sputnik) – ‖Tổng thống …`.
    In a sentence it is an aside (`… giữa Hà Nội (Việt Nam) - Tokyo …` has no full stop)."""
    joins = []
    for source in _SOURCE_LABEL.finditer(text, start, end):
        before = source.start() - 1
        while before >= start and text[before].isspace():
            before -= 1
        if (
            before < start
            or text[before] in ".!?…"
            or _PLACE_BEFORE.fullmatch(text, start, source.start()) is not None
        ) and _story_at(text, source.end(), end):  # (`Thị trấn (Việt Nam) – Wikipedia`)
            joins.append(source.end())
        elif text[before].isalnum() and opens_prose(text, source.end(), end, strong=True):
            # a title run into its source and story: `Lũ quét ở Lào Cai ‖(Dân trí) - ‖Sáng nay`
            joins += (source.start(), source.end())
    return joins


def _words_after(text: str, position: int, end: int) -> int:
    """How many words follow ``position`` in the unit (counted up to four)?"""
    return len(text[position : min(end, position + 60)].split(maxsplit=4)[:4])


# A decree's article run into its first sentence, which names the act itself: `Điều 3. Phạm
# vi điều chỉnh ‖Nghị định này quy định …` (the title ends before the act's name).
_ARTICLE_LABEL = re.compile(r"[#*\s]*(?:Điều|ĐIỀU)\s+\d[\w.]{0,16}[.:]?\s")
_SELF_NAMED_ACT = re.compile(
    r"(?<=\s)(?:Bộ luật|Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Pháp lệnh|Quy chế|"
    rf"Quy định|Chỉ thị|Điều lệ|Thông tư liên tịch) này\s+[{LOWER}]"
)
_TITLE_REACH = 120  # characters after the label


def article_joins(text: str, start: int, end: int) -> list[int]:
    """A cut before the act that names itself after an article's title (`Điều 1. Phạm vi
    điều chỉnh ‖Luật này quy định …`), when no sentence end or clause stop comes between."""
    label = _ARTICLE_LABEL.match(text, start, end)
    if label is None:
        return []
    act = _SELF_NAMED_ACT.search(text, label.end(), min(end, label.end() + _TITLE_REACH))
    if act is None:
        return []
    title = text[label.end() : act.start()]
    words = title.split()
    if not words or any(mark in title for mark in ".;:!?") or words[-1] in _TITLE_NOT_LAST:
        return []
    return [act.start()]


_TITLE_NOT_LAST = frozenset(("của", "theo", "tại", "và", "với", "bởi", "do", "thuộc", "trong"))


def _region_pair(dateline: str) -> bool:
    """`Thanh – Nghệ`, `Bắc - Nam`: one Vietnamese syllable before the dash is the first half
    of a pair, not a source label (`TTO -`, `Kinhtedothi -` are not syllables)."""
    label = dateline.rstrip("–—- ,")
    return " " not in label and label.istitle() and is_vietnamese_syllable(label)


def _story_at(text: str, after: int, end: int) -> bool:
    """Does running text start at ``after`` (past an opening quote)? `Cần Thơ Hơn 200 …` is
    a number's phrase; `Cá mập tấn công …`, `Theo …` are prose."""
    story = after + (text[after] in "\"“'")
    if opens_prose(text, story, end, strong=False):
        return True
    following = text[story : min(end, story + 80)].split()[:3]
    if len(following) > 1 and following[1][:1].islower() and _capitalised(following[0]):
        return True
    if following and _ACRONYM.match(following[0]) is not None:
        # an acronym as the subject: `Tin nóng CSGT tổ chức …`, `Cần Thơ BBC dẫn lời …`
        # (a two-letter one is a team's or a firm's suffix: `Hà Nội FC thắng …`)
        return lowercase_soon(text, story, end, 4)
    # a name as the subject: `Tin nóng Jeremy Corbyn tuyên bố …`, `Huế Robyn Christie của …`
    return len(following) > 2 and following[0][1:].islower() and lowercase_soon(text, story, end, 4)


def _capitalised(word: str) -> bool:
    """A capitalised word, one accented capital alone too (`Ý tưởng …`, `Ở đó …`)."""
    return len(word) == 1 or word[1:].islower()


_ACRONYM = re.compile(rf"[{UPPER}]{{3,6}}(?![^\W\d_])")


# The national name and motto that head every official document.
# (A hard-wrapped header breaks the name across lines: `CỘNG HÒA XÃ HỘI⏎CHỦ NGHĨA VIỆT NAM`.)
_DOCUMENT_HEADER = re.compile(
    r"(?:CỘNG HÒA|CỘNG HOÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|(?:Độc lập|ĐỘC LẬP) ?[-–—] ?(?:Tự do|TỰ DO) ?[-–—] ?(?:Hạnh phúc|HẠNH PHÚC)"
)


def document_header_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts after the motto, and after the national name when the motto follows it, when a
    flattened header runs them into what follows (`… Hạnh phúc ‖ Số: 15/QĐ-UBND`). What
    precedes them on their line is a second column (`BỘ TÀI CHÍNH CỘNG HÒA …`): one field."""
    if all(text.find(mark, start, end) < 0 for mark in _MARKS[:3]):
        return []
    joins = []
    for header in _DOCUMENT_HEADER.finditer(text, start, end):
        after = header.end()
        while after < end and text[after] == " ":
            after += 1
        motto = header.group()[0] in "ĐđĐ" or text.startswith(("Độc lập", "ĐỘC LẬP"), after)
        if motto and start < after < end and not _CELL_CLOSER.fullmatch(text, after, end):
            joins.append(after)
    return joins


# What a table cell leaves after the motto it holds: its pipe stays with it (`… Hạnh phúc |`).
_CELL_CLOSER = re.compile(r"[|\s]+")


# Upper-case label words a number belongs to (`CHƯƠNG 1.`, `ĐIỀU 5.`): no heading starts there.
_LABEL_WORDS = (
    *("CHƯƠNG", "ĐIỀU", "MỤC", "PHẦN", "KHOẢN", "BƯỚC", "BÀI", "CÂU", "TIẾT", "SỐ"),
    *("HÌNH", "BẢNG", "LỤC"),
)


def heading_number_start(
    text: str, segment_start: int, terminator_start: int, next_start: int
) -> int:
    """Where a list number that opens a heading starts, when the period at
    ``terminator_start`` follows one and the text before it is another heading: after an
    upper-case word (`… ĐẤT VÀ NGƯỜI ‖1. Công cuộc …`), or glued to a lowercase word before an
    upper-case heading (`… ebook‖1. THÔNG TIN`); -1 otherwise. (Called at candidate ends.)"""
    number = terminator_start - 1
    if number > segment_start and text[number - 1].isdigit():
        number -= 1
    previous = text[number - 1] if number > segment_start else ""
    if previous == " ":
        if number - 3 < segment_start or not (
            text[number - 2].isupper() and text[number - 3].isupper()
        ):
            return -1
        word_start = text.rfind(" ", segment_start, number - 1) + 1
        if not text[max(word_start, segment_start) : number - 1].isupper():
            return -1  # `… trên iOS 13. Trước đây`: a version, after a mixed-case name
        if text.endswith(_LABEL_WORDS, segment_start, number - 1):
            return -1  # `CHƯƠNG 1. QUY ĐỊNH CHUNG`: the number belongs to its label
        return number if text[next_start].isupper() else -1
    if previous.islower() and text[next_start : next_start + 2].isupper():
        return number
    return -1


# What a credit or an official header has, looked for once per document (a few literals: a
# search each is cheaper than one regex scan; `Ảnh :` and `Đồ họa:` are too rare to pay for).
_MARKS: tuple[str, ...] = ("- Hạnh phúc", "– Hạnh phúc", "- HẠNH PHÚC", "Ảnh:", "ẢNH:")
_MARKS += ("Nguồn:", "NGUỒN:", "- Ảnh ", "– Ảnh ")  # (the first three: the official motto)
_COLON_MARKS = tuple(mark for mark in _MARKS if mark.endswith(":")) + PAPER_LABELS
_DASH_MARKS = tuple(mark for mark in _MARKS if not mark.endswith(":"))
_BEFORE_COLON = frozenset(mark[-2] for mark in _COLON_MARKS)
_DASHES = frozenset(mark[0] for mark in _DASH_MARKS)


def marked_joins(text: str, start: int, end: int, marks: Sequence[int]) -> list[tuple[int, bool]]:
    """The cuts of a unit that holds the marks ``marks`` of :func:`label_marks`, each with
    whether it repairs a glued join: credits, headers, image labels, a paper's section labels
    and closed HTML blocks (:mod:`.scraped`); each finder runs only when a mark of its kind is
    in the unit."""
    images = [mark for mark in marks if text.startswith("nh ", mark)]
    papers = [mark for mark in marks if text.startswith(PAPER_LABELS, mark)]
    blocks = [mark for mark in marks if text.startswith(BLOCK_MARKS, mark)]
    caps = [mark for mark in marks if text.startswith(CAPS_PAPER_LABELS, mark)]
    scripts = [mark for mark in marks if text.startswith(SCRIPT_MARK, mark)]
    joins = []
    if len(images) + len(papers) + len(blocks) + len(caps) + len(scripts) < len(marks):
        joins += credit_joins(text, start, end) + document_header_joins(text, start, end)
    if images:
        joins += image_label_joins(text, start, end, images)
    if papers:
        joins += paper_label_joins(text, start, end, papers)
    if caps:
        joins += caps_label_joins(text, start, end, caps)
    if scripts:
        joins += script_joins(text, start, end, scripts)
    cuts = [(join, False) for join in joins]
    if blocks:
        cuts += [(join, True) for join in block_joins(text, start, end)]
    return cuts


def label_marks(text: str) -> list[int]:
    """The sorted positions of the credit labels, official headers, image labels' numbers,
    paper section labels (mixed and upper case) and HTML end tags and alert labels of ``text``."""
    marks = [mark.start() for mark in IMAGE_NUMBER_MARK.finditer(text)]
    # (a script's `function(`, `function (`: one search, then a look)
    for at in find_all(text, SCRIPT_MARK, "f"):
        if text.startswith(("(", " ("), at + len(SCRIPT_MARK)):
            marks.append(at)
    for label, key in zip(CAPS_PAPER_LABELS, ("Ắ", "A"), strict=True):
        marks += find_all(text, label, key)
    # The marks after a dash: one scan for what follows the dash, then a look at the dash
    # (`- Ảnh ` and `– Ảnh ` cost one search, not two).
    for after_dash, key in ((" Hạnh phúc", ""), (" HẠNH PHÚC", "Ạ"), (" Ảnh ", "Ả")):
        for at in find_all(text, after_dash, key):
            if text[at - 1 : at] in _DASHES and text.startswith(_DASH_MARKS, at - 1):
                marks.append(at - 1)
    # The labels that end with a colon, the tags and the alert labels: one scan for a single
    # character each (the fastest search), then a look at what is there.
    for character, found in ((":", _COLON_MARKS), ("<", BLOCK_MARKS), ("[", BLOCK_MARKS)):
        at = text.find(character)
        while at >= 0:
            if character == ":":
                if text[at - 1 : at] in _BEFORE_COLON:  # (most colons follow no label)
                    marks += [
                        at + 1 - len(mark) for mark in found if text.endswith(mark, 0, at + 1)
                    ]
            elif text.startswith(found, at):
                marks.append(at)
            at = text.find(character, at + 1)
    return sorted(marks)
