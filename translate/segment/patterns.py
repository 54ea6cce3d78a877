"""Character classes and small patterns shared by the segmenter's passes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from translate.vietnamese import (
    LONGEST_SYLLABLE,
    SHARED_ACCENTED_LETTERS,
    VIETNAMESE_ONLY_LETTERS,
)

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def starts_of_lines(text: str) -> list[int]:
    """The offset of every line of ``text``: 0 and the end of each ``\\r\\n``, ``\\r`` or
    ``\\n``. (Text without a carriage return, nearly all of it, is split in C: a regex match
    per line cost four times as much on news.)"""
    if "\r" in text:
        return [0, *(match.end() for match in LINE_BREAK.finditer(text))]
    lengths = map((1).__add__, map(len, text.split("\n")))  # (each line and its break)
    starts = list(itertools.accumulate(lengths, initial=0))
    starts.pop()  # (the end of the text: no line starts there)
    return starts


NON_SPACE = re.compile(r"\S")
TERMINATORS = ".!?…"
QUOTES = "\"'”’»›“‘«‹"
QUOTE_SET = frozenset(QUOTES)
CLOSING_QUOTES_AFTER_SPACE = frozenset('”’»"')
DASHES = "-–—"
# Opening punctuation skipped to find the first word after a candidate end.
OPENERS = "\"'“‘«‹([{" + DASHES + "•*#_"
OPENER_LOOKAHEAD = 6
TOKEN_LOOKBACK = 64
# Markup and quotes that may open a segment before its first word or list label.
LEADING_MARKUP = "|#*_>\"'“‘«‹ \t"


def letter_class(predicate: Callable[[str], bool]) -> str:
    """A regex character class body for the cased letters of the Latin, Greek and Cyrillic
    blocks that satisfy ``predicate`` (Unicode-aware, unlike ``[a-z]``)."""
    blocks = ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x2000))
    codes = [code for low, high in blocks for code in range(low, high) if predicate(chr(code))]
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )


LOWER = letter_class(str.islower)
UPPER = letter_class(str.isupper)
# A form's field label, short and closed by a colon: `Sinh năm:`, `Số hiệu :`, `Người ký:`.
FIELD_LABEL = re.compile(rf"[{UPPER}][{LOWER}]*(?:[ \t][{LOWER}]+){{0,3}}[ \t]?:")
# Emoji and the symbols that chat posts and READMEs use as emoji (a character-class body).
EMOJI = "\U0001f300-\U0001faff\u2600-\u27bf"
# Symbols that open items in READMEs, posts and slides: arrows, technical symbols, geometric
# shapes, dingbats, miscellaneous symbols and emoji (a character-class body).
SYMBOL_BULLETS = "\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff"
VIETNAMESE_ACCENTED = re.compile(f"[{VIETNAMESE_ONLY_LETTERS}{SHARED_ACCENTED_LETTERS}]")
LETTERS = re.compile(r"[^\W\d_]+")
# A syllable test looks no further than a syllable can reach, so that a run of glued letters is
# not read whole at each of its capitals (a page of `NghiệpSSLF…` with no space was quadratic).
SYLLABLE_WINDOW = LONGEST_SYLLABLE
ANY_LETTER = re.compile(r"[^\W\d_]")
LAST_WORD = re.compile(r"[^\W\d_]+\Z")  # the word that ends a stretch
# The next line after a line break, its leading blanks skipped: the first 200 characters.
NEXT_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*([^\r\n]{0,200})")
# The HTML blocks that end a unit of text (inline tags, `</b>`, are inside a sentence).
BLOCK_TAG_NAMES = "p|div|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|section|article|header|footer"
# A run of HTML line breaks, `<br>`, `<br />`, `<BR/>`, with the whitespace after each, a
# dump's written-out breaks (`<br />\\r\\n`), and the `&nbsp;` between two tags
# (`<br />\\r\\n&nbsp;&nbsp;<br />`): a blank line of the page, with the line it ends.
BREAK_TAGS = re.compile(
    r"(?:<br\s*/?>(?:\s|\\[rn])*(?:(?:&nbsp;)+(?:\s|\\[rn])*(?=<br))?)+", re.IGNORECASE
)
THROUGH_LAST_SPACE = re.compile(r".*\s", re.DOTALL)
NON_SPACE_RUN = re.compile(r"\S*")
# A footnote or citation mark: `[3]`, `[12]`, `[a]`, `[note 1]`, `[cần dẫn nguồn]`.
CITATION = (
    r"\[(?:\d{1,3}|[a-z]|(?:note|nb|chú thích|ghi chú) \d{1,3}"
    r"|cần dẫn nguồn|cần chú thích|citation needed)\]"
)
# A word that starts a new unit glued to what precedes it: a capital then a lowercase letter,
# possibly after opening markup or quotes and a glued step number (`2Mở`, `**Điều`, `“Sáng`);
# or a parenthesis opened right after the full stop.
# An accented capital alone is a Vietnamese word (`Ý tôi là`, `Ở đó`, an interjection `À,`),
# not an initial.
ACCENTED_CAPITALS = "ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
_ACCENTED_LOWER = "".join(
    character
    for character in VIETNAMESE_ONLY_LETTERS.replace("\u1ea0-\u1ef9", "") + SHARED_ACCENTED_LETTERS
    if character.islower()
) + "".join(chr(code) for code in range(0x1EA1, 0x1EFA, 2))
GLUED_START = (  # (`\"` is a dump's escaped quote: `… Cầu Giấy.\"Hiện …`)
    rf"(?:<(?:strong|b|em|i|span)>)?"  # (`… ngày nay.&nbsp;<strong>B&aacute;nh …`)
    rf"(?:\\\"|[\"“‘«'*#(]){{0,3}}\d{{0,2}}"
    rf"(?:[{UPPER}](?:[{LOWER}]|&[a-z]{{2,8}};)|[{ACCENTED_CAPITALS}][\s,…!?])"
    rf"|\([{LOWER}]"  # `… 300.000 đồng.(theo Điều 17)`: a note after the full stop (R6)
    # `… ở Đà Lạt.(NLĐO) - Số tiền …`: a source label in brackets, its dash after it, that
    # opens the next story, a capitalised word after the dash
    rf"|\([{UPPER}][^()\s]{{1,12}}\)\s?[-–]\s[\"“]?[{UPPER}]"
    rf"|[{UPPER}]{{2}}"  # `… tạm giữ.UBND huyện …`: an acronym (checked in sentences.py)
    rf"|#{{1,6}}\s+[{UPPER}\d]"  # `… năm 1994.## Sự nghiệp`: a Markdown heading
    # `… năm 2024.2. Mức hỗ trợ …`, `… kính trọng.1/ Từng …`: a glued list number
    rf"|\d{{1,2}}[.)/-]\s+[{UPPER}]"
    # `… bị thương.10 người nhập viện`: a count after a word's full stop (not `25.000 đồng`)
    rf"|(?<=[{LOWER}]\.)\d{{1,3}}(?:[.,]\d{{3}})*\s+[{LOWER}]"
    # `… kiểm tra kỹ.- Mục 2 …`, `… trên GitHub.- [Hướng dẫn](…)`, `… cứu.• 0:30`, `… nghĩa
    # vụ.>> Xem thêm`: a list item or a quoted line glued after the stop
    rf"|[-–•+]\s+(?:[{UPPER}\d\"“]|\[|\*\*)|>{{1,2}}\s+[{UPPER}]"
    # `… Nxb Thế giới, Hà Nội.[Đào Duy Anh (2005) …`: a bracketed reference or link item
    rf"|\[[{UPPER}]"
    # `… so với cùng kỳ.lợi nhuận của …`: a lowercase Vietnamese word (R13) glued after a
    # word's full stop; an address's parts are unaccented (`hue.gov.vn`, `bao_cao.docx`)
    rf"|(?<=[{LOWER}]\.)[{LOWER}]{{0,5}}[{_ACCENTED_LOWER}]"
)

# Lowercase Vietnamese words that never end a sentence, a heading or a title: a line that ends
# with one is inside a phrase (`… căn cứ vào các⏎Nghị định`), whatever the next line starts with.
PHRASE_INTERNAL_WORDS = frozenset(
    ("của", "và", "các", "những", "với", "theo", "tại", "là", "để", "do", "bởi", "vì")
)
PHRASE_INTERNAL_WORDS |= {"nhưng", "hoặc", "thì", "nếu"}
# Before an ellipsis these, too, show that the sentence goes on (`nhớ về… Sài Gòn`).
BEFORE_ELLIPSIS_INTERNAL = PHRASE_INTERNAL_WORDS | frozenset(
    ("cùng", "về", "ở", "đến", "như", "trong", "cho", "từ", "được", "bị")
)

# What a table of contents or a flattened subtitle has; looked for once per document (a
# search per unit would cost more than the whole scan).
# (It opens with one character class, so that the regex engine skips ahead quickly.)
# A spaced dot leader, `. . . .`, is found at its first period.
# A YouTube SBV cue's timing pair, `0:00:03.964,0:00:08.867`, is found at its first period.
LAYOUT_MARK = re.compile(
    r"[.…M\-](?:(?<=\.)\.\.\.|(?<=\.) \. \.|(?<=[.…])…|(?<=…)\.|(?<=M)(?:ỤC LỤC|ục lục)|(?<=-)->"
    r"|(?<=\d:\d\d\.)\d{3},\d{1,2}:\d\d:\d\d\.\d{3})"
)
# Every LAYOUT_MARK match holds one of these literals, or an SBV timing (a colon first, so
# that the search skips ahead in C): a text without them has none (most texts: a few
# searches in C instead of a regex stop at every period and hyphen).
# Each literal is looked for only when its rare character (the second) is in the text: see
# find_all.
_LAYOUT_LITERALS: tuple[tuple[str, str], ...] = (
    ("....", "."),
    (". . .", "."),  # a spaced leader: `Mục tiêu . . . . 12` (.leaders)
    (".…", "…"),
    ("……", "…"),
    ("….", "…"),
    ("MỤC LỤC", "Ụ"),
    ("Mục lục", "M"),
    ("-->", ">"),
)
_SBV_TIMING = re.compile(r":\d\d\.\d{3},")


def layout_marks(text: str) -> list[int]:
    """The sorted starts of the ``LAYOUT_MARK`` matches of ``text``."""
    if not any(
        key in text and literal in text for literal, key in _LAYOUT_LITERALS
    ) and not _SBV_TIMING.search(text):
        return []
    return [mark.start() for mark in LAYOUT_MARK.finditer(text)]


def find_all(text: str, literal: str, key: str = "") -> list[int]:
    """Every start of ``literal`` in ``text`` (overlapping ones too), in order, found from
    ``key``, a character of it that Vietnamese seldom writes (none: the literal itself):
    CPython looks for one character at memory speed, for several about 20 times slower (on
    1 MB of news, 0.02 ms against 0.4 to 1 ms a literal)."""
    key = key or literal
    offset = literal.index(key)
    found = []
    at = text.find(key, offset)
    while at >= 0:
        if text.startswith(literal, at - offset):
            found.append(at - offset)
        at = text.find(key, at + 1)
    return found
