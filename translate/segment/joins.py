"""Glued joins: where scraping removed the separator between two units.

* a lowercase Vietnamese word glued to the capital of the next title (`sản phẩmThích ứng`,
  `Hà NộiChiều qua`), never inside a known mixed-case name (`VietFuture`, `iPhone`);
* a citation mark glued to the next sentence (`miền Trung[3]Sau đó`), or to the next numbered
  item (`… tranh cãi[3]‖2. Năm 1802 …`), as a closing bracket may be (`… cây cảnh)‖2. Trồng …`);
* Wikipedia's edit links (`## Tiểu sử[sửa | sửa mã nguồn]Sau khi …`), a unit of their own;
* flattened reference lists: a boundary before each `**^**`, `^` or `↑` separator;
* a Markdown list of links that lost its line breaks: a boundary before each item glued to the
  bracket that closes the link before it (`… [Tổng quan](#tong-quan)‖- [Giấy phép](…)`):
  :mod:`.glueditems`, as list items glued to a closing bracket (`… 2019)‖+ Người …`);
* a dateline, a source or a section label run into its story (`WASHINGTON – Hoa Kỳ…`, `TTO -
  "Đáng lo…`, `(Dân trí) - Sáng nay…`, `Đà Nẵng - Cá mập…`): :func:`.labels.lead_joins`;
* a capitalised word glued to a closing quote, a date or time, or an emoji;
* a linked title glued to a teaser's link label (`… Read more‖HLV …`): :mod:`.teasers`.

Glued terminators (`tạm giữ.Sáng`) are candidate ends in :mod:`translate.segment.sentences`;
:func:`.tokens.address_like` tells them apart from domains, e-mails and file names.
"""

from __future__ import annotations

import re

from translate.segment.escapes import bullet_emoji, written_break_joins
from translate.segment.glueditems import glued_item_joins
from translate.segment.labels import (
    DATELINE_REACH,
    LEAD_PREFIXES,
    article_joins,
    dash_within,
    lead_joins,
    lead_word,
    source_joins,
)
from translate.segment.legal import ENACTING_MARK, legal_joins
from translate.segment.menus import (
    LONGEST_SHARE_ROW,
    acronym_between_items,
    share_row_joins,
    vietnamese_after_mixed_case,
)
from translate.segment.patterns import (
    ACCENTED_CAPITALS,
    BEFORE_ELLIPSIS_INTERNAL,
    CITATION,
    LETTERS,
    LOWER,
    SYLLABLE_WINDOW,
    TERMINATORS,
    UPPER,
    VIETNAMESE_ACCENTED,
)
from translate.segment.rules import Rules
from translate.segment.runin import (
    caps_prose_joins,
    lowercase_soon,
    opens_prose,
    runin_joins,
)
from translate.segment.scraped import (
    SEPARATOR_RUNS,
    bracket_credit_joins,
    bracket_source_join,
    bracketed_headline_joins,
    display_math_joins,
    glued_caps_label_joins,
    separator_joins,
    unaccented_label,
)
from translate.segment.teasers import label_glued_at
from translate.segment.tokens import token_around, vietnamese_word_at
from translate.segment.uppercase import caps_syllable_joins, opens_with_caps_words
from translate.vietnamese import is_vietnamese_syllable

# Two lowercase letters glued to a capitalised word: `phẩmThích`, `ClockChủ` (the second
# letter is checked in Python: a one-character look-behind is cheaper). It starts with the
# capital so that the regex engine skips ahead quickly; the look-behind comes after it.
# The same scan finds a capitalised word glued to a closing quote, a date or time, or an emoji
# (`… "Không bỏ cuộc”Rạng sáng`, `… 07:45Hà Nội`, `… ngon 😋Ai muốn`): a new unit too; and a
# sentence opener glued after an upper-case run (`TP.HCMÔng nói`).
_GLUED_AFTER = '”»\U0001f300-\U0001faff\u2600-\u27bf\ufe0f0-9")\\]*_%'
# An accented capital alone is a Vietnamese word too: `… bộ lọcÔ tô cần …`, `… Việt NamỞ đây …`.
# (Or, after a lowercase letter, an upper-case run: a name in capitals, `… tổng hợpVĂN LINH`.
# One look-behind first: most capitals follow a space, and stop there.)
_SCRAPE_JOIN = re.compile(
    f"[{UPPER}](?<=[{LOWER}{UPPER}{_GLUED_AFTER}][{UPPER}])"
    f"(?=[{LOWER}]|(?<=[{ACCENTED_CAPITALS}]) [{LOWER}{UPPER}]|(?<=[{LOWER}][{UPPER}])[{UPPER}])"
)
# A date, a time or a year that ends right before a glued capital: `14/03/2025`, `07:45`, `2023`.
_DATE_OR_TIME = re.compile(
    r"(?:\d{1,2}[/:]\d{1,2}(?:[/:]\d{2,4})?|\d{1,2}\.\d{1,2}\.\d{4}|(?<![^\W\d_.])\d{4}"
    r"|\d:\d\d[.,]\d{3})\Z"  # (a subtitle's timing: `0:00:26.281,0:00:29.171Tôi định …`)
)
# Other glued joins, one pattern so that the text is scanned once: group `cite` ends a
# citation glued to a capitalised word; `edit` is an edit link; `ref` a reference separator.
# A listing's counter, a label's colon and a number, that a page glued to the next linked
# title: `lượt xem: 126 | lượt tải:61Nghị quyết HĐND …`.
_COUNTER = re.compile(r"[^\W\d_]:[ \t]?\d{1,9}\Z")
_MARKUP_JOIN = re.compile(
    rf"(?P<cite>(?<=[^\W_]|[)\"”’])(?:{CITATION})+)"
    rf"(?=[{UPPER}][{LOWER}]|\d{{1,2}}\.[ \t]+[{UPPER}])"
    r"|(?P<edit>\[\s*(?:sửa(?: mã nguồn)?|edit(?: source)?)"
    r"(?:\s*\|\s*(?:sửa mã nguồn|edit source))?\s*\])"
    r"|(?P<ref>\*\*\^\*\*|↑|(?<=[\s.)\]])\^(?=\s*[^\W\d_]))"
)
_LIST_NUMBER_ONLY = re.compile(r"\d{1,3}[.)]\s*")
# (after a year's, a word's or a bracket's stop: `1.2. ^` is a section number's end)
_GLUED_REFERENCE_NUMBER = re.compile(
    r"(?:(?<=\d\d\d\.)|(?<=[^\W\d_][.!?])|(?<=[)\]]\.)|(?<=[)\]]))\d{1,3}\.\s*\Z"
)
_EDIT_WORD_END = re.compile(rf"[-–]|[{UPPER}][{LOWER}]")
_ARTICLE_STARTS = ("Điều", "ĐIỀU", "#", "*")
# A scraped image's label glued to its caption: `… bị xâm hại ảnh 1Hiện trường vụ án …`.
_IMAGE_LABEL = re.compile(r"(?<![^\W\d_])(?:ảnh|Ảnh|hình|Hình|ẢNH|(?P<bare>anh|hinh)) \d{1,2}\Z")


# What the rarer joins need: a bracket (sources, citations, edit links, a list item glued to
# a closing one), a reference separator, the word of a flattened edit link; a decree's
# semicolon, article or enacting word (.legal), a separator line, a display formula, or the
# `&nbsp;` a scraped list item may be glued to.
# (One character each where a longer literal would do: a search for a literal of several
# characters that is absent costs a hundred times more in a long Vietnamese text.)
_RARE_MARKS = ("(", "[", "^", "↑", "sửa", ";", "Điều ", ENACTING_MARK, "$", "*", "=", "-----", "&")


def rare_join_marks(text: str) -> list[int]:
    """The sorted positions of ``_RARE_MARKS`` in ``text`` (one search in C for each)."""
    marks = []
    for mark in _RARE_MARKS:
        at = text.find(mark)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1)
    return sorted(marks)


def scrape_joins(text: str, start: int, end: int, rules: Rules, *, rare: bool = True) -> list[int]:
    """Positions in ``text[start:end]`` where a new unit starts glued to the previous one,
    sorted, each strictly inside the span. ``rare``: False when the span is known to hold no
    ``_RARE_MARKS`` (:func:`rare_join_marks`), so that nothing looks for them."""
    joins = _case_joins(text, start, end, rules) + runin_joins(text, start, end)
    if end - start <= LONGEST_SHARE_ROW:  # (`Facebooktwitterreddit…`: share buttons)
        joins += share_row_joins(text, start, end)
    if (
        end - start > 1
        and text[start].isupper()
        and text[start + 1].isupper()
        and opens_with_caps_words(text, start, end)  # (a heading, a cover; not `UBND tỉnh`)
    ):
        joins += caps_syllable_joins(text, start, end) + caps_prose_joins(text, start, end)
    if text[start] in "Đ#*" and text.startswith(_ARTICLE_STARTS, start):
        joins += article_joins(text, start, end)
    if (
        end - start > 2
        and (text[start] == "(" or text[start].isupper())
        and (
            dash_within(text, start, min(end, start + DATELINE_REACH))
            or (text[start : start + 2] in LEAD_PREFIXES and lead_word(text, start, end))
        )
    ):  # (the common case: no dateline, source or section label)
        joins += lead_joins(text, start, end)
    # (`in` on one copy of the unit: a str.find with bounds parses its arguments in Python
    # 3.11 at about 1,500 instructions a call, more than the copy and both `in` together)
    unit = text[start:end]
    if ":" in unit:  # (`… tại cơ quan công anẢNH: CTV`)
        joins += glued_caps_label_joins(text, start, end)
    if "\\" in unit:  # (`… chất lượng\\n‖✔️Để …`: a dump's string)
        joins += written_break_joins(text, start, end)
    if not rare:
        return sorted(set(joins)) if len(joins) > 1 else joins
    joins += legal_joins(text, start, end)  # (`… năm 2015;‖Căn cứ …`, `,‖QUYẾT ĐỊNH:‖Điều 1.`)
    dashes, stars, equals = SEPARATOR_RUNS
    if dashes in unit or stars in unit or equals in unit:  # (`… Hạnh phúc‖-----‖Số: …`)
        joins += separator_joins(text, start, end)
    if "$$" in unit:  # (`… ($v$):‖$$\text{…}$$`)
        joins += display_math_joins(text, start, end)
    if "(" in unit:
        joins += source_joins(text, start, end) + bracket_credit_joins(text, start, end)
        if text[start] == "(":
            joins += bracket_source_join(text, start, end)
    joins += glued_item_joins(text, start, end)
    edit = text.find("sửa", start, end) if "sửa" in unit else -1
    while edit >= 0:  # a flattened edit link, its brackets lost: `…ngôi⏎sửaNhường`, `sửa- Năm`
        edit_end = edit + 3
        if (edit == start or text[edit - 1].isspace()) and _EDIT_WORD_END.match(text, edit_end):
            joins.append(edit_end)
        edit = text.find("sửa", edit_end, end)
    # A cheap scan first (`in` beats a regex search here): most units have none of these.
    if "[" not in unit and "^" not in unit and "↑" not in unit:
        return sorted(set(joins)) if len(joins) > 1 else joins
    bracket, caret = text.find("[", start, end), text.find("^", start, end)
    if bracket >= 0:  # (`… 2. [Quảng Nam: Lại xảy ra động đất] ‖Đặc biệt …`)
        joins += bracketed_headline_joins(text, start, end)
    arrow = text.find("↑", start, end)
    first = min(at for at in (bracket, caret, arrow) if at >= 0)
    # (from two characters back: `**^**` starts before its caret)
    for match in _MARKUP_JOIN.finditer(text, max(start, first - 2), end):
        if match.group("cite") is not None:
            joins.append(match.end())
        elif match.group("edit") is not None:
            joins += (match.start(), match.end())
        elif not _LIST_NUMBER_ONLY.fullmatch(text, start, match.start()):
            # (`  1. ^ Mục loài …`: the separator after a number; a reference's number glued
            # after the stop of the one before it goes with it: `… - 2000.‖2. ^ Trang 183`)
            number = _GLUED_REFERENCE_NUMBER.search(
                text, max(start, match.start() - 6), match.start()
            )
            joins.append(match.start() if number is None else number.start())
    return sorted({join for join in joins if start < join < end})


def _case_joins(text: str, start: int, end: int, rules: Rules) -> list[int]:
    # (one search first: most units of news have no glued capital, and a search costs a
    # third of what a finditer and its list cost; the scan goes on from the match, whose
    # look-behind still sees the characters before it)
    first = _SCRAPE_JOIN.search(text, start, end)
    if first is None:
        return []
    joins = []
    quotes = [start, 0]  # straight quotes counted up to [0]: [1] (forward only: linear)
    for match in _SCRAPE_JOIN.finditer(text, first.start(), end):
        position = match.start()
        if position - 2 < start:
            continue
        previous = text[position - 1]
        if text[position + 1] == " " and not (previous.islower() and text[position - 2].islower()):
            continue  # (an accented capital alone after a lowercase word; `CỘNG HOÀ` is a word)
        if not previous.isalpha():
            if _glued_after_mark(text, position, start, end, quotes):
                joins.append(position)
            continue
        if previous.isupper():  # `TP.HCMÔng nói`: an opener glued after an upper-case run
            # (or, after a mixed-case name, a menu's next item: `Anti DDoSTối ưu …`)
            if (
                text[position - 2].isupper()
                and (
                    opens_prose(text, position, end, False)
                    or _caps_heading_glued(text, position, end)
                )
            ) or (
                text[position - 2].islower() and vietnamese_after_mixed_case(text, position, end)
            ):
                joins.append(position)
            continue
        if not text[position - 2].islower():
            continue  # `iPhone`, `eKYC`; after a written-out `\n`: .escapes.written_break_joins
        if label_glued_at(text, start, position):
            joins.append(position)  # `… Đây là … Read more‖HLV Shin …`: a teaser's link label
            continue
        token_start, token_end = token_around(text, position, start, end)
        token = text[token_start:token_end]
        if token[:1] in "#@" or "@" in token or "://" in token or "www." in token:
            continue  # hashtags (#ChuyểnĐổiSố), mentions, addresses
        left = LETTERS.findall(text, token_start, position)
        right = LETTERS.findall(text, position, token_end)
        left_word = left[-1] if left else ""
        right_word = right[0] if right else ""
        if text[position + 1].isupper() and not _caps_name_glued(text, position, end, left_word):
            joins += acronym_between_items(text, position, end, left_word)  # (`NghiệpSSLFirewall`)
            continue
        if (
            VIETNAMESE_ACCENTED.search(left_word + right_word) is None
            and not _unaccented_join(text, position, end, left_word, right_word)
            and not _flattened_menu(left_word + right_word)
            and not _glued_field_label(text, start, position, token_end, left_word)
        ):
            continue  # ASCII camel case is a brand name (or code) far more often than a join
        if _inside_known_token(text, position, rules):
            continue
        if _glued_link(text, start, position, end, left_word):
            continue  # a link glued inside a sentence: `các vua củaChămpa trị vì …`
        joins.append(position)
    if joins and text.find(":", start, joins[-1]) >= 0:  # (most units have no form cells)
        joins = [join for join in joins if not _glued_cell(text, start, join, end)]
    if len(joins) == 1 and _field_row(text, start, end, joins[0]):
        return []
    return joins


# A word of four or more capitalised words glued is a flattened menu (`HomeNewsSportsVideo`),
# not a brand (`PlayStation`, `WordPress`: two words), nor code when it begins in lower case
# (`shouldComponentUpdate(nextProps)`, `getElementsByTagName`).
_CAMEL_STEP = re.compile(f"[{LOWER}]{{2}}[{UPPER}][{LOWER}]")
_FEWEST_MENU_STEPS = 3


def _flattened_menu(word: str) -> bool:
    return word[:1].isupper() and len(_CAMEL_STEP.findall(word)) >= _FEWEST_MENU_STEPS


# A `Label: value` field of a flattened list, and how far back the field before it may start.
_FIELD_LABEL = re.compile(rf"[{UPPER}][{LOWER}]{{3,}}: ")
_FIELD_REACH = 200  # characters
_SHORTEST_GLUED_VALUE = 6  # letters: `WordPress:`, `PowerShell:` are brands


def _glued_field_label(
    text: str, start: int, position: int, token_end: int, left_word: str
) -> bool:
    """`… Audio Processing: Librosa, Torchaudio‖Model: Pre-trained …`: an English field
    label of five letters or more glued to the previous field's value (a word of six or
    more), in a unit with another label before it (a README's `key: value` list that lost
    its lines; a brand before a colon, `WordPress:`, has neither)."""
    if len(left_word) < _SHORTEST_GLUED_VALUE or text[token_end - 1 : token_end + 1] != ": ":
        return False
    label = _FIELD_LABEL.match(text, position, token_end + 1)
    if label is None or label.end() != token_end + 1 or token_end - position < 6:
        return False
    return _FIELD_LABEL.search(text, max(start, position - _FIELD_REACH), position) is not None


def _unaccented_join(text: str, position: int, end: int, left: str, right: str) -> bool:
    """Two unaccented Vietnamese words glued, `chiều nayTheo liên Bộ…`, `Tin nhanhDoanh
    nghiệp`: a join when a sentence opener follows, or when the left word is a whole
    lowercase word (a brand is capitalised on both sides: `VinFast`, `MoMo`, `SaiGon`)."""
    if not is_vietnamese_syllable(left) or not is_vietnamese_syllable(right):
        return False
    if opens_prose(text, position, end, False):
        return True
    return (
        left.islower()
        and len(left) > 1
        and text[position - len(left) - 1 : position - len(left)].isspace()
    )


_CAPS_NAME = re.compile(rf"([{UPPER}]{{2,7}})[ \t]([{UPPER}]{{2,7}})(?![^\W\d_])")


def _caps_name_glued(text: str, position: int, end: int, left_word: str) -> bool:
    """A lowercase Vietnamese word glued to a name or a heading in capitals, two upper-case
    syllables or more (`… Ảnh: Sách Văn Học tổng hợpVĂN LINH (1930): …`): a new unit; an
    acronym (`giảiAFF`, `tạiTP HCM`) is none."""
    name = _CAPS_NAME.match(text, position, min(end, position + 16))
    return (
        name is not None
        and len(left_word) > 1
        and is_vietnamese_syllable(left_word)
        and VIETNAMESE_ACCENTED.search(name.group()) is not None
        and is_vietnamese_syllable(name.group(1))
        and is_vietnamese_syllable(name.group(2))
    )


_UPPER_RUN = re.compile(rf"[{UPPER}]+\Z")


def _caps_heading_glued(text: str, position: int, end: int) -> bool:
    """An upper-case heading glued to the text under it, `THỂ THAOĐội tuyển…`, `GIỚI
    THIỆUCông ty…`: its last word is a Vietnamese syllable and a Vietnamese word follows."""
    run = _UPPER_RUN.search(text, max(0, position - 8), position)
    if run is None or run.start() == max(0, position - 8) or not text[run.start() - 1].isspace():
        return False  # (`TP.HCM`, `NĐ-CP`: an acronym after a period or a hyphen)
    if not is_vietnamese_syllable(run.group()):
        return False
    if vietnamese_word_at(text, position, end):
        return True
    # (an unaccented syllable that opens running text: `… I. SỰ CẦN THIẾTQuy chế làm việc …`)
    word = LETTERS.match(text, position, min(end, position + SYLLABLE_WINDOW))
    return (
        word is not None
        and is_vietnamese_syllable(word.group())
        and lowercase_soon(text, word.end(), end, 2)
    )


_LONGEST_TITLE = 30  # words


# A phrase that ends with a word that otherwise needs a complement: `Bài tiếp theo` (next).
_PHRASE_ENDS = "tiếp theo"


def _glued_link(text: str, start: int, position: int, end: int, left_word: str) -> bool:
    """Is the capital glued at ``position`` a link inside a sentence rather than a new unit?
    After a word that needs a complement (`của`, `và`, `tại`) or deep inside a long sentence,
    unless a sentence opener follows (`…tăng nhẹSáng nay`)."""
    if opens_prose(text, position, end, False):
        return False
    if left_word in BEFORE_ELLIPSIS_INTERNAL and not text.endswith(_PHRASE_ENDS, start, position):
        return True
    floor = max(start, position - 4 * _LONGEST_TITLE)
    return floor > start and len(text[floor:position].split()) >= _LONGEST_TITLE


_LONGEST_FIELD_LABEL, _LONGEST_FIELD_VALUE = 4, 6  # words


def _field_row(text: str, start: int, end: int, join: int) -> bool:
    """`Tên khai sinhTrần Đăng Khoa`, `Dân tộcKinh`: an infobox row, a label glued to a short
    value that is no sentence, is one layout field (D3); a glued menu has several joins."""
    if text[end - 1] in TERMINATORS or text.startswith("Sửa", join):
        return False  # (`Tự nguyện nhường ngôiSửa đổi`: a glued edit link)
    if opens_prose(text, join, end, False):
        return False
    label = text[start:join]
    if "," in label or len(label.split()) > _LONGEST_FIELD_LABEL:
        return False  # `năng suất, chất lượng sản phẩmThích ứng…`: a title glued to the next
    if VIETNAMESE_ACCENTED.search(label) is None:
        return False  # `ClockChủ Nhật, 12/11/2023`: an icon's label, not a field's
    return len(text[join:end].split()) <= _LONGEST_FIELD_VALUE


# A short label and its colon, the start of a form cell: `Số công báo:`, `Ngày ban hành:`.
_CELL_LABEL = re.compile(r"[^\W\d_][^:.!?;\n]{0,40}?:")


def _glued_cell(text: str, start: int, position: int, end: int) -> bool:
    """Two label-value cells of a table row run together, `Cơ quan ban hành:Bộ Giáo dục và
    Đào tạoSố công báo:Đang cập nhật`, `Áp dụng:22/06/2020Tình trạng:…`: the line starts with
    a short label and its colon and the capital at ``position`` opens another; one layout
    line (D3), not a glued menu."""
    label = _CELL_LABEL.match(text, position, end)
    if label is None or len(text[position : label.end()].split()) > _LONGEST_FIELD_LABEL:
        return False
    if label.group().isascii() and text.startswith(" ", label.end()):
        return False  # an English `Label: value` item of a README (:func:`_glued_field_label`)
    first = _CELL_LABEL.match(text, start, position)
    return first is not None and len(text[start : first.end()].split()) <= _LONGEST_FIELD_LABEL


def _glued_after_mark(text: str, position: int, start: int, end: int, quotes: list[int]) -> bool:
    """A closing quote, an emoji, or a date or time glued to the capital at ``position``
    (a glued step number `…lại.2Mở` is a candidate end; `1Ngâm` opens its own line); a
    closing straight quote, parenthesis or emphasis before a Vietnamese word (`… "bỏ
    cuộc"Rạng sáng`, `… (Ảnh: TTXVN)Ông Hải cho biết`, `*Ảnh minh họa*Theo báo cáo`)."""
    previous = text[position - 1]
    if previous == "]" and text.endswith(_OPENING_MARKS, start, position):
        return False  # `[cite_start]Gói tin …`: an AI tool's mark opens the sentence after it
    if previous == "]" and (
        _CHORD.search(text, max(start, position - 12), position) is not None
        or _LYRIC_TIME.search(text, max(start, position - 12), position) is not None
    ):  # `[C]Nơi tôi sinh ra`, `[00:15.44]Kiếp trước …`: a chord sheet's chord, a lyric
        return False  # file's time tag belong to their verse line
    if previous in '")]*_':
        if previous == '"' and (
            not (text[position - 2].isalnum() or text[position - 2] in ".!?…)")
            or _quotes_before(text, position, quotes) % 2
        ):
            return False  # an opening quote (`nói "Không`, `""Chúng`; `nói"Không` is a typo)
        if previous in "*_":
            run_start = position - 1
            while run_start > start and text[run_start - 1] == previous:
                run_start -= 1
            if run_start == start or not text[run_start - 1].isalnum():
                return False  # opening emphasis: `- **Tôn trọng:**`, `**Mục Lục**`
            floor = max(start, run_start - _LONGEST_EMPHASIS)
            if _EMPHASIS_OPENER[previous].search(text, floor, run_start) is None:
                return False  # nothing opened it: `Hồ_Hán_Thương` is one name
        if previous == ")" and _syllable_then_prose(text, position, end):
            return True  # `… Trúc Lâm (Veḷuvana)Ao trong khu …`: an unaccented first word
        return vietnamese_word_at(text, position, end)
    if previous == "%":  # a percentage that ends a title or a cell: `… 20%Số bài báo …`
        return vietnamese_word_at(text, position, end)
    if not previous.isdigit():
        return not bullet_emoji(text, start, position)  # (`✅Sữa …` opens its line: a bullet)
    floor = max(start, position - 12)
    if _DATE_OR_TIME.search(text, floor, position) is not None:
        return True
    if _COUNTER.search(text, floor, position) is not None:
        return vietnamese_word_at(text, position, end)  # `lượt tải:61Nghị quyết …`
    label = _IMAGE_LABEL.search(text, floor, position)
    if label is None or not lowercase_soon(text, position, end, 3):
        return False  # (the caption is running text)
    # (`anh 3` without its accent: an alt label written from a file name, itself unaccented)
    return label.group("bare") is None or unaccented_label(text, start, label.start())


def _quotes_before(text: str, position: int, quotes: list[int]) -> int:
    """The straight quotes of the unit before ``position``, counted on from the last call
    (``quotes``: [counted up to, count]; positions only grow within a unit)."""
    quotes[1] += text.count('"', quotes[0], position)
    quotes[0] = max(quotes[0], position)
    return quotes[1]


_OPENING_MARKS = ("[cite_start]",)
# A chord symbol in brackets (`[C]`, `[Am]`, `[F#m7]`, `[G/B]`), glued to the lyric it is played on.
# A time tag of an LRC lyric file: `[00:15.44]`, `[01:02]`, `[00:15.440]`.
_LYRIC_TIME = re.compile(r"\[\d{1,3}:\d{2}(?:[.:]\d{1,3})?\]\Z")
_CHORD = re.compile(r"(?<!\S)\[[A-G][#b]?(?:m|maj|min|sus|dim|aug|add)?\d{0,2}(?:/[A-G][#b]?)?\]\Z")
_LONGEST_EMPHASIS = 200  # characters
# An emphasis mark that opens: at the start or after a non-word character, before a word.
_EMPHASIS_OPENER = {
    mark: re.compile(rf"(?:^|(?<=[^\w{mark}])){re.escape(mark)}+\w") for mark in "*_"
}


def _syllable_then_prose(text: str, position: int, end: int) -> bool:
    """A Vietnamese syllable at ``position``, running text after it (`Ao trong khu …`)."""
    word = LETTERS.match(text, position, min(end, position + SYLLABLE_WINDOW))
    return (
        word is not None
        and is_vietnamese_syllable(word.group())
        and lowercase_soon(text, word.end(), end, 2)
    )


def _inside_known_token(text: str, position: int, rules: Rules) -> bool:
    """Is the case change at ``position`` the inside of a known name (`VietFuture`)?"""
    candidates = rules.known_transitions.get(text[position - 1 : position + 1], ())
    return any(text.startswith(token, position - offset) for token, offset in candidates)
