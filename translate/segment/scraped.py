"""Units that scraped pages, database dumps and pasted READMEs glue together (issue 11, round 6).

* an HTML block closed and the next one glued to it: `…</p><p align="center">…`, `…</p>🌟 …`
  (a dump's written-out `\\r\\n` after the tag ends the block's segment: `…</p>\\r\\n‖<p>…`;
  the blocks closed with it and an empty block after it end it too: `…</p></div>‖<p>`,
  `…</p> <section> </section>‖<p>`);
  two line-break tags in a row where a text lost its lines, the second a unit (`…<br /> ‖<br />`);
* GitHub's alert labels, a unit of their own: `(Models & Music)[!IMPORTANT]Do chính sách …`;
* (an emoji that marks a heading glued to the text before it: :func:`.runin.emoji_heading_cuts`);
* an image's alt label that the page ran into the caption or the story: a run of unaccented
  words ending in `anh N` (`Hoa hau Do My Linh anh 3‖Hoa hau … anh 4‖ Hoa hậu từng …`):
  Vietnamese prose is accented, an alt label written from a file name is not;
* a source label in brackets that opens a story without a dash: `(NB&CL) ‖Những thảm họa …`;
* a related story's headline in square brackets between two sentences: `… Sông Tranh 2.
  [Quảng Nam: Lại xảy ra động đất] ‖Đặc biệt …`;
* an upper-case credit or run-in label glued to the caption or the byline before it:
  `… tại cơ quan công an‖ẢNH: CTV`, `… (Quảng Trị)‖ẢNH: THANH LỘC`, `… (thực hiện)‖LTS: Hồi …`;
* a separator line glued to the lines around it: `… Hạnh phúc‖---------------‖Số: 12/QĐ-UBND`,
  `… KINH DOANH‖*************‖ĐIỂM BÀI …` (form blanks, `____`, and dot leaders stay: D3);
* a display formula glued to its introducer in a README that lost its lines: `… dữ liệu
  ($v$):‖$$\text{similarity} = …$$`;
* a paper's run-in section label: `… Đại Học Tài Chính Marketing ‖Tóm tắt: Hiệu quả …`;
* an ad script a page left inside its article (round 7): the call that holds its `function`
  starts a unit, and the text after the script's closing brace starts another
  (`… vướng mắc ‖window.addEventListener(load, function(){ … } }); ‖Cũng theo …`).

Each finder looks only where a cheap literal search found its mark: linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from translate.segment.patterns import (
    BLOCK_TAG_NAMES,
    LAST_WORD,
    NON_SPACE,
    UPPER,
    VIETNAMESE_ACCENTED,
)
from translate.segment.runin import lowercase_soon, opens_prose

# A closed block: the next unit may be glued to it (inline tags, `</b>`, are inside a sentence).
_BLOCK_END = re.compile(f"</(?:{BLOCK_TAG_NAMES})>", re.IGNORECASE)
_ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]")
# Two line-break tags in a row in text that lost its lines: a paragraph break, its second tag
# a segment of its own (the first ends its line).
_DOUBLE_BREAK = re.compile(r"<br\s*/?>[ \t]*(?=<br\s*/?>)", re.IGNORECASE)
# A block that holds no text (`<p><br></p>`, `<p>&nbsp;</p>`, `<section> </section>`): it
# stays with the unit before it, or with the one after it when it opens the unit (CALLS-K
# call 3, CALLS-M call 5).
# (The containers a page leaves empty, not every block name: the longer pattern cost a
# million instructions more to compile at each start.)
_EMPTY_BLOCK = re.compile(
    r"<(p|div|section|article)(?:\s[^<>]{0,200})?>(?:\s|<br\s*/?>|&nbsp;|\\[rn])*</\1>",
    re.IGNORECASE,
)
# A run of closing tags (`</span></p>`) and the written-out breaks after it: what a sentence
# end before it is followed by (`… như hình. </span></p>`), part of the sentence.
CLOSING_TAGS = re.compile(r"(?:</[a-zA-Z][a-zA-Z0-9]{0,10}>)+(?:[ \t]*\\[rn])*")
BLOCK_MARKS = ("</", "[!", "<br")  # (looked for once per document: .labels.label_marks)


def block_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts after a closed HTML block that more text follows, between two line-break tags
    (`… TRẦN VĂN AN<br /> ‖<br />‖ Những năm …`: the lines pass ends a line after the pair)
    and around an alert label."""
    joins: list[int] = []
    if text.find("</", start, end) >= 0:
        opening_empty = _EMPTY_BLOCK.match(text, start, end)  # (`<p>&nbsp;</p>\\r\\n<p>Vùng …`)
        for tag in _BLOCK_END.finditer(text, start, end):
            following = _after_written_breaks(text, tag.end(), end)
            if (
                following < end
                # (the blocks closed with it are its unit's too: `… Ảnh: CTV</p></div>‖<p>`)
                and not text.startswith("</", following)
                # (a tag shown in a code span is text: `… (`<h1>H1</h1>`, `<h2>H2</h2>`) …`)
                and text[following] != "`"
                and text[tag.start() - 1 : tag.start()] != "`"
                and _EMPTY_BLOCK.match(text, following, end) is None
                and (opening_empty is None or opening_empty.end() != tag.end())
            ):
                joins.append(following)
    if text.find("<br", start, end) >= 0:
        joins += [tag.end() for tag in _DOUBLE_BREAK.finditer(text, start, end)]
    if text.find("[!", start, end) >= 0:
        for alert in _ALERT.finditer(text, start, end):
            joins += (alert.start(), alert.end())
    return joins


def _after_written_breaks(text: str, position: int, end: int) -> int:
    """Past the spaces and a dump's written-out line breaks after a closed block: they end its
    segment, as a line break would (`…</p>     \\r\\n‖<p>Ngày …`)."""
    while position < end:
        if text[position] in " \t":
            position += 1
        elif text[position] == "\\" and text[position + 1 : position + 2] in ("r", "n"):
            position += 2
        else:
            break
    return position


# An image's label: `anh 3`, `ảnh 12`, `hinh 2` after at least two unaccented words.
_IMAGE_NUMBER = re.compile(r"(?<![^\W\d_])(?:anh|ảnh|hinh|hình|Anh|Ảnh|Hinh|Hình) \d{1,2}(?!\d)")
_LABEL_WORDS = re.compile(r"(?:[A-Za-z]+ ){2,12}\Z")
_LABEL_REACH = 100  # characters before the label's number
IMAGE_NUMBER_MARK = re.compile(r"nh \d")  # (looked for once per document: a literal prefix)


def image_label_joins(text: str, start: int, end: int, marks: Sequence[int]) -> list[int]:
    """Cuts after an unaccented image label's number where a capitalised word or an opening
    quote follows with a space (glued ones are scrape joins: :mod:`.joins`). ``marks``: where
    the unit has the literal `nh <digit>` (:data:`IMAGE_NUMBER_MARK`)."""
    joins = []
    for mark in marks:
        label = _IMAGE_NUMBER.match(text, max(start, mark - 1), end)
        if label is None:
            label = _IMAGE_NUMBER.match(text, max(start, mark - 2), end)
        if label is None:
            continue
        after = label.end()
        if after + 1 >= end or text[after] != " ":
            continue
        following = text[after + 1]
        if following == "\\":  # (a dump's escaped quote: `\"Chế độ …`)
            following = text[after + 2 : after + 3]
        if not (following.isupper() or following in '"“'):
            continue
        if unaccented_label(text, start, label.start()):
            joins.append(after + 1)
    return joins


def unaccented_label(text: str, start: int, position: int) -> bool:
    """Do two or more unaccented words that open a segment come before ``position``
    (after a sentence end, a glued label number or the unit's start)?"""
    floor = max(start, position - _LABEL_REACH)
    words = _LABEL_WORDS.search(text, floor, position)
    if words is None or VIETNAMESE_ACCENTED.search(words.group()) is not None:
        return False
    before = words.start() - 1
    while before >= start and text[before] in " \t":
        before -= 1
    return before < start or text[before] in '.!?…"”\\' or text[before].isdigit()


# A source in brackets that opens the unit: an agency's initials (two capitals at least).
_BRACKET_SOURCE = re.compile(
    rf"\((?=[^()\d]{{0,14}}[{UPPER}][^()\d]{{0,14}}[{UPPER}])[^()\s\d]{{2,16}}\) "
)


def bracket_source_join(text: str, start: int, end: int) -> list[int]:
    """A cut after an agency's label that opens a story with no dash: `(NB&CL) ‖Những …`."""
    label = _BRACKET_SOURCE.match(text, start, end)
    if label is None or label.end() >= end:
        return []
    story = label.end()
    if not text[story].isupper() or not lowercase_soon(text, story, end, 3):
        return []
    return [story]


# A photo credit or source in brackets (`(Ảnh minh họa)`, `(Nguồn: TTXVN)`) after a sentence
# end and before a capitalised word: a caption's credit, a unit of its own (R7, R6). (The
# bracket first: the regex engine skips ahead to each one.)
_BRACKET_CREDIT = re.compile(
    rf"\((?<=[.!?…] \()(?:Ảnh|Nguồn|ẢNH|NGUỒN)\b[^()]{{0,40}}\) (?=[{UPPER}])"
)


def bracket_credit_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts after a bracketed credit that follows a sentence end, where the next unit starts
    with a capital: `… hoạt động. (Ảnh minh họa) ‖Quá mới để quản lý …`."""
    return [credit.end() for credit in _BRACKET_CREDIT.finditer(text, start, end)]


# A related story's headline in square brackets that a news page put between two sentences
# (`… Sông Tranh 2. [Quảng Nam: Lại xảy ra động đất] Đặc biệt …`): two words or more, the
# first capitalised, after a sentence end or at the unit's start and before a capital (not a
# link, `[Tên](url)`, nor a citation mark, `[3]`). (The bracket first, as above.)
_BRACKETED_HEADLINE = re.compile(
    rf"\[[{UPPER}][^\[\]\s]{{0,40}}(?: [^\[\]\s]{{1,40}}){{1,40}}\][ \t\xa0]+(?=[{UPPER}])"
)
_HEADLINE_AFTER = frozenset('.!?…”"')


def bracketed_headline_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts after a related story's bracketed headline that opens a sentence: `… Sông Tranh
    2. [Quảng Nam: Lại xảy ra động đất] ‖Đặc biệt …` (the cut before it is the period's)."""
    joins = []
    for headline in _BRACKETED_HEADLINE.finditer(text, start, end):
        at = headline.start()
        if at == start or (
            at - 2 >= start and text[at - 1] == " " and text[at - 2] in _HEADLINE_AFTER
        ):
            joins.append(headline.end())
    return joins


# An upper-case label of two to six letters right before a colon: `ẢNH:`, `LTS:`, `NGUỒN:`.
_CAPS_LABEL = re.compile(rf"(?<![{UPPER}])[{UPPER}]{{2,6}}\Z")


def glued_caps_label_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts before an upper-case label and its colon glued to a lowercase word or a closing
    bracket (`công anẢNH: CTV`, `(Quảng Trị)ẢNH: THANH LỘC`, `(thực hiện)LTS: Hồi …`) when
    a value follows with a space. Vietnamese on either side (`macOS: …` is one name)."""
    joins = []
    colon = text.find(":", start, end)
    while colon >= 0:
        label = _CAPS_LABEL.search(text, max(start, colon - 7), colon)
        at = -1 if label is None else label.start()
        if (
            at - 1 > start
            and colon + 2 < end
            and text[colon + 1] == " "
            and (text[at - 1] == ")" or text[at - 1].islower())
        ):
            left = LAST_WORD.search(text, max(start, at - 12), at)
            if (
                text[at - 1] == ")"
                or VIETNAMESE_ACCENTED.search(label.group()) is not None  # type: ignore[union-attr]
                or (left is not None and VIETNAMESE_ACCENTED.search(left.group()) is not None)
            ):
                joins.append(at)
        colon = text.find(":", colon + 1, end)
    return joins


SEPARATOR_RUNS = ("-----", "*****", "=====")  # (looked for in each unit: a literal search)
_SEPARATOR = re.compile(r"(-|\*|=)\1{4,}")


def separator_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts around a run of five or more `-`, `*` or `=` glued between a word or a stop and
    a letter (`ABC-----123`, a code, stays whole)."""
    joins = []
    for run in _SEPARATOR.finditer(text, start, end):
        before, after = run.start(), run.end()
        if after < end and not text[after].isalpha():
            continue
        if before > start and (text[before - 1].isalnum() or text[before - 1] in ".!?…:;)"):
            joins.append(before)
        if after < end:
            joins.append(after)
    return joins


def display_math_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts before each opening `$$` glued to the word or colon before it (the `$$` marks of
    the unit before it are counted: every other one opens)."""
    joins = []
    at = text.find("$$", start, end)
    opening = True
    while at >= 0:
        if opening and at > start and (text[at - 1] in ":)" or text[at - 1].isalpha()):
            joins.append(at)
        opening = not opening
        at = text.find("$$", at + 2, end)
    return joins


# A paper's section labels, run in after its front matter with only a space.
# (Two: each is a scan of the whole document; `Từ khóa:` follows the abstract's full stop.)
PAPER_LABELS = ("Tóm tắt:", "Abstract:")


def paper_label_joins(text: str, start: int, end: int, marks: Sequence[int]) -> list[int]:
    """Cuts before `Tóm tắt:` or `Abstract:` run in after a word (a title, an
    affiliation), when running text follows the label; ``marks``: where the labels are."""
    joins = []
    for at in marks:
        after = text.find(":", at, end) + 1
        if (
            at - 2 >= start
            and text[at - 1] == " "
            and text[at - 2].isalpha()
            and (opens_prose(text, after + 1, end, False) or lowercase_soon(text, after, end))
        ):
            joins.append(at)
    return joins


# A script inside the text: the call whose arguments hold `function` (an identifier path, its
# bracket and up to 60 characters of arguments) and the closing brace after which prose goes on.
SCRIPT_MARK = "function"  # (looked for once per document: .labels.label_marks)
_CALL_BEFORE = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\([^()]{0,60}\Z")
_SCRIPT_END = re.compile(rf"\}}[;)]*(?=[ \t]+[{UPPER}])")
_SCRIPT_REACH = 600  # characters from `function` to the script's end


def script_joins(text: str, start: int, end: int, marks: Sequence[int]) -> list[int]:
    """Cuts around each ad script of the unit (``marks``: where `function` is followed by a
    bracket): before its call when a word and a space precede it, and after its last closing
    brace when a capitalised word and running text follow."""
    joins = []
    for at in marks:
        call = _CALL_BEFORE.search(text, max(start, at - 120), at)
        if call is None:
            continue
        before = call.start() - 1
        if before > start and text[before] == " " and text[before - 1].isalpha():
            joins.append(call.start())
        closing = _SCRIPT_END.search(text, at, min(end, at + _SCRIPT_REACH))
        if closing is not None:
            prose = NON_SPACE.search(text, closing.end(), end)
            if prose is not None and lowercase_soon(text, prose.start(), end, 3):
                joins.append(prose.start())
    return joins
