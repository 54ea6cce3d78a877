"""Pass 1's question at each single line break: does it end a unit (headline, list item,
finished sentence) or fall inside a sentence (a hard wrap)? See :mod:`.lines` for the rules
and for how the units are built around the answer."""

from __future__ import annotations

import re

from translate.segment.codelines import code_lines
from translate.segment.ends import is_list_label_line, is_sentence_end, next_word_case
from translate.segment.evidence import (
    LINE_CLOSERS,
    Evidence,
    Line,
    words_at_least,
    wrap_slack,
)
from translate.segment.legal import date_place_goes_on, preamble_clause_goes_on
from translate.segment.lineblocks import (
    dash_goes_on,
    note_still_open,
    section_opens,
    short_lines_block,
)
from translate.segment.linekinds import (
    DOCUMENT_TYPES,
    LAST_WORD_OF_DATE,
    SALUTATIONS,
    SHORTEST_PROSE_LINE,
    bracketed_line,
    caps_heading_goes_on,
    emphasised_line,
    lone_syllable,
    next_line_end,
    next_line_words,
    open_bracket,
    prose_goes_on,
    spaced_end,
)
from translate.segment.names import TITLE_WORD, NamePairs
from translate.segment.patterns import (
    ANY_LETTER,
    LAST_WORD,
    LOWER,
    PHRASE_INTERNAL_WORDS,
    SYMBOL_BULLETS,
    TERMINATORS,
    TOKEN_LOOKBACK,
    UPPER,
)
from translate.segment.rules import Rules
from translate.segment.runin import opens_prose
from translate.segment.verse import phrase_held_open

# Symbols that open an item line in READMEs, posts and slides (`✅ Hỗ trợ …`, `👉 Xem …`,
# `► Bước 2`, `☎ 0236…`, Word's private-use bullets): arrows, geometric shapes, dingbats,
# miscellaneous symbols and emoji, and keycap digits (`1️⃣`). A wrapped sentence does not go
# on at a line that starts with one.
_SYMBOL_BULLET = f"(?:[{SYMBOL_BULLETS}\uf076\uf0a7\uf0b7\uf0d8\uf0fc]\ufe0f?|\\d\ufe0f?\u20e3)"
# A line that starts a list item (`-`, `1.`, `a)`, `b/`), a Markdown heading, quote or table
# row, a code fence, a legal heading, a flattened edit link or a URL never continues the line
# above it.
_LIST_ITEM_LINE = re.compile(
    rf"(?:[-–—•●▪◦·*+]|\d{{1,3}}[.)/]|\(\d{{1,3}}\)|[a-zđ][.)/]|\([a-zđ]\)|[IVXLC]{{1,6}}[.)]"
    rf"|{_SYMBOL_BULLET})\s"
    r"|#{1,6}(?:\s|\Z)|>\s|\||```|!\[|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]{1,4}[a-zđ]?[.:]"
    rf"|sửa(?=[^\s\w]|[{UPPER}]|\s*\Z)|https?://|www\."
)
_OPEN_EMPHASIS_BREAKS = frozenset(("**\\", "__\\", "*\\", "_\\"))
_ENDS_WITH_TERMINATOR = re.compile(r"[.!?…]+[\"'”’»›)\]}*_]*\Z")
_WORD = re.compile(r"\S+")
_SHORT_SHARE = 0.6  # of the wrap width: a line this short ended where its writer ended it


def continues(
    text: str,
    line: Line,
    next_start: int,
    unit_start: int,
    mode: str,
    rules: Rules,
    evidence: Evidence,
) -> bool:
    """Is the line break after ``line`` inside a sentence?"""
    if mode == "wrap":
        return True
    if mode == "paragraph":
        return False
    if text[line.end - 1] == "\\" and text[line.first : line.end] in _OPEN_EMPHASIS_BREAKS:
        return True  # `**\⏎MỤC LỤC**`: pandoc's hard break inside an opened emphasis
    if code_lines(text, line.first, line.end, next_start):
        return False  # `"keywords": [⏎"tập tin sbv",`: code and data lines are never joined (D4)
    if (
        open_bracket(text, line.first, line.end)
        or (text[unit_start] == "(" and note_still_open(text, unit_start, line.first, line.end))
    ) and not (text[next_start].isdigit() and _LIST_ITEM_LINE.match(text, next_start)):
        # `… đã die (chết⏎- PV) vì …`, `[Github⏎Flavored Markdown](…)`, `[cite:⏎525]`: inside
        # it (a numbered item still opens its line: `(theo mẫu⏎1. Đơn đề nghị;`)
        return True
    if _LIST_ITEM_LINE.match(text, next_start) is not None or text[unit_start] == "#":
        # (an article's label wrapped before its number: `… đặc biệt.⏎Điều⏎3. Phân loại …`)
        return text[next_start].isdigit() and text[line.first : line.end] in _LONE_LABELS
    if text[next_start].isdigit() and section_opens(text, line.end, next_start):
        return False  # `… VAI TRÒ CỦA THỰC ĐƠN⏎2.1.1 Khái niệm thực đơn`: the next heading
    if text[line.end - 1] == ">" or text[next_start] == "<":  # `…ba tháng</i>⏎<i>kể từ…`
        line, next_start = _inside_inline_tags(text, line, next_start)
    if text[next_start] in ".…" and (
        _LEADER_LINE.match(text, next_start)
        or (text[line.end - 1] == "," and _ELLIPSIS_GOES_ON.match(text, next_start))
    ):
        # `… cách khắc phục:⏎.......... 9`: a contents entry's leader wrapped; `… cứu lấy
        # bạn,<br />...nhưng không …`: a subtitle's sentence goes on after the ellipsis mark
        return True
    if ANY_LETTER.search(text, line.first, line.end) is None or _RULE_LINE.match(text, next_start):
        return False  # a time code, a number, a rule: a line of its own
    if (
        text[line.end - 1] in _DIGITS_AND_PERIOD
        and evidence.layout
        and _TOC_NUMBER_TAIL.search(text, max(line.first, line.end - 24), line.end)
    ):
        return True  # `… khóa luận......2 2.⏎Thứ tự trình bày`: the next entry's number
    if text[next_start].islower() and _SLUG_LINE.match(text, next_start):
        return False  # a page's slug or file name under its title: `lang-nghe-banh-phong-…`
    if text[line.end - 1] not in LINE_CLOSERS:  # the common case, without a regex search
        return _wrapped_without_terminator(text, line, next_start, unit_start, rules, evidence)
    tail = text[max(unit_start, line.end - TOKEN_LOOKBACK) : line.end]
    ending = _ENDS_WITH_TERMINATOR.search(tail)
    if ending is None:
        return _wrapped_without_terminator(text, line, next_start, unit_start, rules, evidence)
    terminator_start = line.end - len(tail) + ending.start()
    if is_list_label_line(text, unit_start, line.end):
        return True  # `Chương IV.⏎ BẾN ĐÒ NGANG`: the label and its title are one heading
    terminator_end = terminator_start
    while terminator_end < line.end and text[terminator_end] in TERMINATORS:
        terminator_end += 1
    if _ellipsis_ends_line(text, terminator_start, terminator_end, next_start, evidence):
        return False
    return not is_sentence_end(
        text, terminator_start, terminator_end, line.end, next_start, unit_start, rules
    )


def _ellipsis_ends_line(
    text: str, terminator_start: int, terminator_end: int, next_start: int, evidence: Evidence
) -> bool:
    """An ellipsis that ends a line of a text not wrapped at one width, before a capitalised
    sentence (a capital, then lowercase words), ends its unit even after a word that cannot
    end a phrase (`… không thua gì máy kia nhưng....⏎Mong các bạn …`; R4): the writer ended
    the line there."""
    if evidence.width or not text[next_start].isupper():
        return False
    run = text[terminator_start:terminator_end]
    if run != "…" and not (len(run) >= 3 and run.strip(".") == ""):
        return False
    words = text[next_start : next_start + 40].split()
    return len(words) > 1 and words[1][:1].islower()  # (`Sài Gòn …` is a name going on)


_LONGEST_TYPE = max(map(len, DOCUMENT_TYPES))
# A line that is one lowercase ASCII token of three or more hyphenated parts: a URL slug or a
# file name (`lang-nghe-banh-phong.jpg`); wrapped prose has words, spaces and accents.
_SLUG_LINE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}(?:\.[a-z0-9]{1,5})?[ \t\r]*$", re.MULTILINE)
_LONE_LABELS = frozenset(("Điều", "ĐIỀU", "Chương", "CHƯƠNG", "Mục", "MỤC", "Khoản"))

_DIGITS_AND_PERIOD = frozenset("0123456789.")
_ELLIPSIS_GOES_ON = re.compile(rf"(?:\.{{2,4}}|…)[ \t]?[{LOWER}]")
_LEADER_LINE = re.compile(r"[.…]{4,}[ \t]*\d{1,4}[ \t]*(?:\r?\n|\r|\Z)")
# A table of contents flattened with each entry's number at the end of the line above it.
_TOC_NUMBER_TAIL = re.compile(r"[.…]{4}[ \t]*\d{1,3}[ \t]+\d{1,2}(?:\.\d{1,2})*\.?\Z")
_CLOSING_TAG = re.compile(r"(?:</(?:i|b|u|em|strong|font)>|<br\s*/?>)+\Z", re.IGNORECASE)
_OPENING_TAG = re.compile(r"<(?:i|b|u|em|strong|font)>")


def _inside_inline_tags(text: str, line: Line, next_start: int) -> tuple[Line, int]:
    """Subtitles and scraped HTML wrap lines in inline tags (`<i>…</i>`): the break is
    decided on the text inside them."""
    closing = _CLOSING_TAG.search(text, max(line.first, line.end - 24), line.end)
    if closing is not None and closing.start() > line.first:
        line = line._replace(end=closing.start())
    opening = _OPENING_TAG.match(text, next_start)
    if opening is not None and opening.end() < len(text) and not text[opening.end()].isspace():
        next_start = opening.end()
    return line, next_start


def _wrapped_without_terminator(
    text: str, line: Line, next_start: int, unit_start: int, rules: Rules, evidence: Evidence
) -> bool:
    if line.first in evidence.cue_lines:
        return False  # a caption cue: each line is a segment, even mid-sentence
    upper = text[next_start].isupper()  # the common case, without the function call
    if (
        upper
        and line.end - line.first <= _LONGEST_TYPE
        and text[line.first : line.end] in DOCUMENT_TYPES
    ):
        return False  # `LUẬT⏎TỔ CHỨC CHÍNH⏎QUYỀN ĐỊA PHƯƠNG`: the type above the title
    if (text[next_start] == "(" or text[line.end - 1] == ")") and (
        bracketed_line(text, line.first, line.end)
        or bracketed_line(text, next_start, next_line_end(text, next_start))
    ):
        return False  # a title's note on a line of its own: `(trình phiên họp … 8/2016)`
    if text[line.first] == "K" and text.startswith(SALUTATIONS, line.first):
        return False  # `Kính gửi: Chính phủ⏎Thực hiện …`: a letter's addressee line
    if (
        text[line.end - 1] in "-–"
        and text[line.end - 2 : line.end - 1] == " "
        and dash_goes_on(text, line.first, line.end, next_start)
    ):
        return True
    if not upper and next_word_case(text, next_start, len(text), rules)[0] == "lower":
        if text.endswith(DATE_HEADS, line.first, line.end) and LAST_WORD_OF_DATE.search(
            text, max(line.first, line.end - 6), line.end
        ):
            return True  # a date form's blanks: `Hà Nội, ngày⏎tháng⏎năm 2016`
        if short_lines_block(text, line.first, line.end, next_start):
            return False  # `licença⏎cc-by-sa-3.0⏎direitos autorais`: chrome, one item a line
        if (
            not evidence.width
            and line.first in evidence.verse_lines
            and next_start in evidence.verse_lines
            and not phrase_held_open(text, line.end, next_start)
        ):
            return False  # `Giấy bút nhẹ tênh,⏎chữ nghĩa chần chừ`: two lines of a song
        return not _field_lines(text, line, next_start)  # `layout: page⏎title: …`
    if text[line.end - 1] in ";:":
        return _clause_end_goes_on(text, line, next_start, evidence)
    if text[line.end - 1] == "," and _comma_goes_on(text, line, next_start, evidence):
        return True  # `… Bộ Kế hoạch và Đầu tư,⏎Ngân hàng Nhà nước …`: a sentence goes on
    if upper and (
        preamble_clause_goes_on(text, unit_start, line.end, next_start)
        or date_place_goes_on(text, line.first, line.end, next_start)
    ):
        return True  # `Xét đề nghị của Giám đốc⏎Sở …;`, `Tam⏎Kỳ, ngày 19 …`: it goes on
    if upper and _name_goes_on(text, line, next_start, evidence.names):
        return True  # `… ngày mất của Hồ⏎Chí Minh`, `… tỉnh Hà⏎Tĩnh`
    if upper and _prose_starts(text, line, next_start):
        return False  # `1. Đặt vấn đề⏎Trên thế giới …`, `… khó khăn⏎Trong bài viết này, …`
    if (
        evidence.width
        and full(text, line, next_start, evidence.width)
        and not emphasised_line(text, line.first, line.end)
    ):
        return True
    if is_list_label_line(text, unit_start, line.end):
        return True
    return _last_word_goes_on(text, line, next_start, evidence)


def _clause_end_goes_on(text: str, line: Line, next_start: int, evidence: Evidence) -> bool:
    """A clause or an introducer ends at a `;` or `:` (`Căn cứ …;`, `như sau:`), but not a
    header cell's number label (`Số:⏎05/2010/QĐ-UBND`) nor, in a document wrapped at one
    width, a full line before the quotation it introduces (`… cảnh báo:⏎“Chúng tôi …`)."""
    if text[next_start].isdigit():
        return _NUMBER_LABEL.fullmatch(text, line.first, line.end) is not None
    return (
        text[line.end - 1] == ":"
        and text[next_start] in '“"'
        and evidence.width > 0
        and full(text, line, next_start, evidence.width)
    )


def _last_word_goes_on(text: str, line: Line, next_start: int, evidence: Evidence) -> bool:
    """Does the line's last word show that the sentence goes on: a phrase-internal word, a
    lone syllable cut off a column, a number's head, an upper-case heading that goes on, the
    space a viewer keeps at its wraps, or a lowercase word in wrapped prose (not on a line far
    shorter than the document's width)?"""
    word = LAST_WORD.search(text, max(line.first, line.end - 12), line.end)
    if word is None:
        return False
    last_word = word.group()
    if last_word in PHRASE_INTERNAL_WORDS or lone_syllable(text, line.first, word, next_start):
        return True
    if last_word.lower() in _NUMBER_HEADS and text[next_start].isdigit():
        return True  # `… tháng 6 năm⏎2023;`, `Thông tư số⏎07/2021/TT-BYT`: a number's head
    if last_word.isupper() and caps_heading_goes_on(
        text, line.first, line.end, last_word, next_start
    ):
        return True
    if evidence.spaced_wraps and spaced_end(text, line.end):
        return True  # `… HÀNH CHÍNH CÔNG ⏎TỈNH KIÊN GIANG`: the viewer kept the wrap's space
    if emphasised_line(text, line.first, line.end):
        return False
    if evidence.width and line.end - line.start < _SHORT_SHARE * evidence.width:
        return False  # a document wrapped at one width breaks lines near it: a heading
    if line.end - line.start < _SHORT_SHARE * evidence.wrapped_length:
        return False  # (nor at one width: a box of a flowchart, `Nghiên cứu sơ bộ⏎Thu thập …`)
    return evidence.wrapped_length > 0 and prose_goes_on(
        text, line.first, line.end, word.group(), next_start
    )


_NUMBER_LABEL = re.compile(r"(?:Số|SỐ|Số hiệu|Ký hiệu)\s*:")
DATE_HEADS = ("ngày", "tháng")
DATE_TAILS = ("tháng", "năm")
_NUMBER_HEADS = frozenset(("năm", "ngày", "tháng", "số", "lúc", "khoản", "điểm", "điều"))


def _comma_goes_on(text: str, line: Line, next_start: int, evidence: Evidence) -> bool:
    """In a hard-wrapped document, a line of prose that ends with a comma goes on, unless an
    upper-case heading follows (`… Ủy ban nhân dân tỉnh,⏎QUYẾT ĐỊNH:`). (Elsewhere a line
    can be a sentence of its own that ends with a comma.) An upper-case heading that ends
    with a comma goes on in upper case anywhere (`I. MỤC ĐÍCH,⏎YÊU CẦU`)."""
    if text[line.end - 2].isupper() and text[line.first : line.end].isupper():
        following = next_line_words(text, next_start)
        return bool(following) and following[0].isupper() and len(following[0]) > 1
    if not (evidence.width or evidence.wrapped_length):
        return False
    if not words_at_least(text, line, SHORTEST_PROSE_LINE):
        return False
    first = _FIRST_WORD.match(text, next_start, next_start + 12)
    return first is None or not (first.group().isupper() and len(first.group()) > 1)


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _name_goes_on(text: str, line: Line, next_start: int, names: NamePairs) -> bool:
    """Does a capitalised name run from the end of ``line`` onto the next line?"""
    if not text[line.end - 1].islower():
        return False
    last = LAST_WORD.search(text, max(line.first, line.end - 12), line.end)
    if last is None or TITLE_WORD.match(last.group()) is None:
        return False
    first = _FIRST_WORD.match(text, next_start, next_start + 12)
    if first is None or TITLE_WORD.match(first.group()) is None:
        return False
    return names.one_name(last.group(), first.group(), line.end)


_NUMBERED_HEADING = re.compile(r"(?:\d{1,2}\.)*\d{1,2}\.?\s")
_LONGEST_NUMBERED_HEADING = 8  # words


def _prose_starts(text: str, line: Line, next_start: int) -> bool:
    """A line that opens with a sentence opener (`Trong bài viết này, …`) after a line that
    does not end mid-phrase, or any capitalised line after a short numbered heading, starts
    a new unit."""
    word = LAST_WORD.search(text, max(line.first, line.end - 12), line.end)
    if word is not None and word.group() in PHRASE_INTERNAL_WORDS:
        return False
    if (
        _NUMBERED_HEADING.match(text, line.first, line.end) is not None
        and len(text[line.first : line.end].split()) <= _LONGEST_NUMBERED_HEADING
    ):
        return True
    return opens_prose(text, next_start, min(len(text), next_start + 200), strong=True)


def full(text: str, line: Line, next_start: int, width: int) -> bool:
    """Would the next line's first word have fitted on ``line``? If not, the wrapper broke it."""
    next_word = _WORD.match(text, next_start, min(len(text), next_start + 40))
    next_length = 0 if next_word is None else len(next_word.group())
    return line.end - line.start + 1 + next_length > width - wrap_slack(width) // 2


_RULE_LINE = re.compile(r"[-=_*~.─━]{3,}\s*$", re.MULTILINE)
_FIELD_LINE = re.compile(r"[A-Za-z_][\w-]*:\s")
# A field of a page's metadata: a label of up to four words and its colon, `Thời gian đăng:`,
# `lượt xem:`; on a short line, a value that ends where its writer ended it.
_LABELLED_FIELD = re.compile(r"[^\W\d_][\w-]*(?: [^\W\d_][\w-]*){0,3}:\s")
_LONGEST_FIELD_LINE = 60


def _field_lines(text: str, line: Line, next_start: int) -> bool:
    """Are the line and the next one fields, one a line (`layout: page⏎title: …`,
    `Thời gian đăng: 06/01/2026⏎lượt xem: 126 | …`), not a sentence wrapped before a colon?"""
    if _FIELD_LINE.match(text, next_start) is not None and _FIELD_LINE.match(text, line.first):
        return True
    return (
        line.end - line.first <= _LONGEST_FIELD_LINE
        and text.find(":", line.first, line.end) >= 0
        and _LABELLED_FIELD.match(text, next_start) is not None
        and _LABELLED_FIELD.match(text, line.first) is not None
    )
