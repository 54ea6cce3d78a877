"""Does a terminator end a sentence? Abbreviations, initials, list labels, ellipses.

One decision per candidate end, from a bounded window around it (linear overall).
"""

from __future__ import annotations

import re

from translate.segment.leaders import in_spaced_leader
from translate.segment.patterns import (
    BEFORE_ELLIPSIS_INTERNAL,
    DASHES,
    FIELD_LABEL,
    LEADING_MARKUP,
    OPENER_LOOKAHEAD,
    OPENERS,
    QUOTE_SET,
    SYMBOL_BULLETS,
    TOKEN_LOOKBACK,
)
from translate.segment.rules import Rules
from translate.segment.teasers import READ_MORE_LABELS
from translate.vietnamese import is_vietnamese_syllable

# Letters that stand for a name as an initial; accented capitals are words (`Ý` is Italy).
# Vietnamese initials may be a whole consonant cluster: `anh Nguyễn Văn Th. cho biết`.
INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ") | frozenset(
    ("Ch", "Gh", "Gi", "Kh", "Ng", "Ngh", "Nh", "Ph", "Qu", "Th", "Tr")
)
_NEXT_INITIAL = re.compile(r"[A-ZĐ]\.(?:\s|[A-ZĐ]\.)")
# After a closing quote: a capitalised speaker of up to four words and a speech verb that
# end the sentence (`“…” Bà Sumbung chia sẻ.`); `Ông nói rằng…` starts a new one.
_SPEECH_VERBS = (
    "nói|cho biết|cho hay|chia sẻ|phát biểu|hỏi|đáp|trả lời|khẳng định|nhấn mạnh|tuyên bố|"
    "bày tỏ|giải thích|kể|viết|đưa tin|nhận định|nhận xét|bình luận|tiết lộ|thừa nhận|"
    "thông báo|lưu ý|cảnh báo|tâm sự|nhắc lại|bổ sung|thốt lên|lên tiếng|kết luận|yêu cầu|"
    "said|says|asked|told|wrote"
)
_ATTRIBUTION = re.compile(
    rf"[^\W\d_][^\s.!?]*(?:\s+[^\s.!?]+){{0,3}}?\s+(?:{_SPEECH_VERBS})(?:\s+(?:thêm|lại|tiếp))?[.!?…]"
)
# The whole segment so far is a list number or a legal heading number: `1.`, `a.`, `a).`, `IV.`,
# `Điều 5.` (decrees put the heading title after it), after any opening markup or quote
# (`**Điều 9.`, `### Điều 7.`, `"2.`); a section number (`1.2.`) too.
_LIST_NUMBER = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLC]{1,6}|[ivx]{1,4}|[a-zđ])\)?"
    # a number a word processor's list doubled when it was copied: `1. 1.`, `2. 2.`
    r"|\d{1,3}\.[ \t]{1,3}\d{1,3}"
    # a section sign and its number: `§2.`, `§ 1.`
    r"|§[ \t]?\d{1,3}"
    r"|(?:Điều|Chương|Mục|Phần|Khoản|Bài|Câu|Tiết|Phụ lục|Bước|ĐIỀU|CHƯƠNG|MỤC|PHẦN)"
    r"\s+[\dIVXLC]{1,4}[a-zđ]?"
    r"(?:\.\d{1,3}){0,2}"
    # an article numbered by a code in a compiled code of law: `Điều 1.1.LQ.2`
    r"|Điều\s+\d{1,3}(?:\.(?:\d{1,3}|[A-ZĐ]{1,4})){1,5}"
    # a caption's label, its title after it: `Hình 1.`, `Bảng 2.3.`
    r"|(?:Hình|Bảng|Biểu đồ|Sơ đồ|Ảnh|Hộp)\s+\d{1,3}(?:\.\d{1,3}){0,2}"
)
# A name abbreviated in brackets inside a sentence (a letter before the bracket, not a sentence
# end), as species articles cite their authors: `(W.W. Sm.) Benoist`, `(Roxb.) Wall.`, `(L.)`.
_ABBREVIATED_AUTHOR = re.compile(r"[^\W\d_] ?\((?:[A-Z][a-z]{0,5}\. ?)*[A-Z][a-z]{0,5}\Z")
_LONGEST_AUTHOR = 32  # characters
_URL_STARTS = ("http://", "https://", "www.")
_PAGE_REFERENCE = re.compile(r"tr\.\s?\d")


def _address_before(before: str) -> bool:
    """Does ``before`` end with a URL (the terminator is its last character)?"""
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    return token.startswith(_URL_STARTS)


_LONGEST_LIST_NUMBER = 24
_EMOTICON_EYES = frozenset(":;=")
_SHORTEST_LEADER = 4  # periods, as in a table of contents
_SHORTEST_BLANK = 8  # periods of a form's blank (prose doubles an ellipsis at most: `mãi……`)
# A dot leader after a space, then the page number: the entry's title, whatever its last
# mark, goes on to its page (`Tại sao phải công bố …? ............ 7`).
_LEADER_TO_PAGE = re.compile(r"[.…]{4,}[ \t]*\d{1,4}(?=\s|\Z)")
_OPENING_QUOTES = frozenset('"“')
_QUOTED_LABEL = re.compile(r":\s*[\"“]\s*(?:\d{1,3}(?:\.\d{1,3}){0,2}|[a-zđ])\Z")
# A line that is only a heading label, its title on the next line: `Chương IV.`, `Điều 5`.
_LABEL_LINE = re.compile(
    rf"(?:{_LIST_NUMBER.pattern})[.:]"
    r"|(?:Điều|Chương|Mục|Phần|Phụ lục|PHẦN|CHƯƠNG|MỤC)\s+[\dIVXLC]{1,4}[a-zđ]?[.:]?"
)
# After a comma in an address, one letter abbreviates an administrative level: `h.` huyện,
# `t.` tỉnh, `x.` xã, `p.` phường, `q.` quận (OCR drops letters elsewhere: `huyện Can L c.`).
_ABBREVIATED_LEVELS = frozenset("htxpq")
_TOKEN_PARTS = re.compile(r"[.\-]")
_WORD_AFTER = re.compile(r"[^\W\d_]+")


_TRAILING_DASH = re.compile(r"[-–][ \t]*(?:\r?\n|\r|\Z)")


def is_sentence_end(
    text: str,
    terminator_start: int,
    terminator_end: int,
    closers_end: int,
    next_start: int,
    segment_start: int,
    rules: Rules,
) -> bool:
    """Does the terminator at ``terminator_start`` end a sentence, given the next word?"""
    terminator = text[terminator_start:terminator_end]
    if text[next_start].isupper():  # the common case, without the function call
        next_case, after_dash = "upper", False
    elif text[next_start] in "-–" and _TRAILING_DASH.match(text, next_start):
        return False  # `… Trả nợ rồi! -⏎`: a list widget's separator ends the item's line
    elif text[next_start] == "&" and text[next_start + 1 : next_start + 2].isspace():
        return False  # `… được Merr. & Chun mô tả`: no sentence starts with an ampersand
    else:
        next_case, after_dash = next_word_case(text, next_start, len(text), rules)
    if closers_end > terminator_end:
        closed_quote = not QUOTE_SET.isdisjoint(text[terminator_end:closers_end])
        if next_case == "lower" and (closed_quote or ")" in text[terminator_end:closers_end]):
            # `“Đi đâu?” anh hỏi`: the attribution continues the sentence; `(xem Điều 5.) và
            # …`: an aside closed after its own full stop, and the sentence goes on
            return False
        if closed_quote and _ATTRIBUTION.match(text, next_start) is not None:
            return False  # `“Có cá mập!” Hammel kể.`: a capitalised speaker, then the verb
        if text[terminator_end] == ")" and _ABBREVIATED_AUTHOR.search(
            text, max(segment_start, terminator_start - _LONGEST_AUTHOR), terminator_start
        ):
            return False  # `… được (W.W. Sm.) Benoist miêu tả …`: a botanist's name (R3)
    if next_case == "lower" and (after_dash or _PAGE_REFERENCE.match(text, next_start)):
        return False  # `“Vâng.” – chị đáp`; a reference's page after its volume: `q.3. tr.102`
    window_start = max(segment_start, terminator_start - TOKEN_LOOKBACK)
    before = text[window_start:terminator_start]
    stripped = before.rstrip()
    if not stripped or (stripped[-1] in "([{" and stripped[-2:-1] not in _EMOTICON_EYES):
        # `[…]`, `( ... )`: an omission mark, not a sentence (`:(.` ends one); a bracketed
        # exclamation may end one before a capital: `… hơn 1 tỷ đồng(!) Ta thử xem …`
        return terminator in ("!", "?") and next_case == "upper" and closers_end > terminator_end
    if text.startswith(_URL_STARTS, next_start) and _address_before(before):
        return False  # a line of links: `…/search.do?... http://www.…` (R3)
    if text[next_start] in ".…" and _LEADER_TO_PAGE.match(text, next_start) is not None:
        return False  # `Thế nào là một tạp chí khoa học? ........ 9`: a contents entry (R4)
    if "!" in terminator or "?" in terminator:
        return True
    if terminator != ".":
        if next_case == "digit" and (
            len(terminator) >= _SHORTEST_LEADER or terminator.count("…") > 1
        ):  # (an ellipsis character is three periods: `Tổng quan …… 5`)
            return False  # `Phương pháp nghiên cứu........ 5`: a dot leader, a page number
        if (
            next_case == "upper"
            and (len(terminator) >= _SHORTEST_BLANK or terminator.count("…") >= _SHORTEST_LEADER)
            and FIELD_LABEL.match(text, next_start) is not None
            and "\n" not in text[closers_end:next_start]  # (a line of its own stays one)
        ):
            return False  # `Ông/bà:……………   Sinh năm: ………`: a form's blank, its next field (D3)
        return _ellipsis_ends(stripped, next_case, text, next_start)
    if (text[next_start] == "." or before[-1] in " \t") and in_spaced_leader(
        text, terminator_start, next_start
    ):
        return False  # `1.2. Mục tiêu . . . . 12`: a contents entry's spaced leader
    if terminator_start - segment_start <= _LONGEST_LIST_NUMBER and _is_list_label(
        text, segment_start, terminator_start
    ):
        return False
    if before[-1].isspace():
        return True  # a detached period (`đi về . Sau đó`) is no abbreviation
    return _token_ends(before, next_case, text, next_start, rules)


def _is_list_label(text: str, segment_start: int, terminator_start: int) -> bool:
    label = text[segment_start:terminator_start].lstrip(LEADING_MARKUP)
    if label[:1] >= "\u2190":  # (`🔹 3.1. Tỷ lệ …`, `👉 2. Bước …`: a symbol bullet first)
        bullet = _SYMBOL_BULLET_RUN.match(label)
        label = label if bullet is None else label[bullet.end() :]
    return _LIST_NUMBER.fullmatch(label) is not None


# A run of symbol bullets and the space after it (arrows, shapes, dingbats, emoji).
_SYMBOL_BULLET_RUN = re.compile(f"(?:[{SYMBOL_BULLETS}]\ufe0f?)+[ \t]+")


def is_list_label_line(text: str, unit_start: int, line_end: int) -> bool:
    """Is ``text[unit_start:line_end]`` only a heading label (`Chương IV.`)?"""
    if line_end - unit_start > _LONGEST_LIST_NUMBER:
        return False
    return _LABEL_LINE.fullmatch(text[unit_start:line_end].strip(LEADING_MARKUP)) is not None


def _ellipsis_ends(before: str, next_case: str, text: str, next_start: int) -> bool:
    """An ellipsis ends the sentence unless it goes on: a lowercase word after it, a word
    before it that cannot end a phrase (`nhớ về… Sài Gòn`), or an all-caps title on both
    sides (`MÙA NƯỚC NỔI... NHỮNG CHUYẾN ĐÒ`)."""
    if next_case == "lower" or before.endswith(","):
        return False  # (`Quảng Nam, Quảng Ngãi,... Đều bị ảnh hưởng`: a list tail, R4)
    if text.startswith(READ_MORE_LABELS, next_start):
        return True  # `… Đây là … Read more`: a teaser cut before its link label (.teasers)
    words = before.split()
    last = words[-1].strip("\"'“”‘’()[]*_") if words else ""
    if last in BEFORE_ELLIPSIS_INTERNAL:
        return False
    if next_case == "upper" and last.isupper() and len(last) > 1:
        following = _WORD_AFTER.search(text, next_start, next_start + 40)
        if following is not None and following.group().isupper() and len(following.group()) > 1:
            return False
    return True


def _token_ends(before: str, next_case: str, text: str, next_start: int, rules: Rules) -> bool:
    """The period after the last token of ``before``: abbreviation, initial, or an end?"""
    raw = before.rsplit(None, 1)[-1]
    if raw[:1] in _OPENING_QUOTES and _QUOTED_LABEL.search(before) is not None:
        return False  # `… như sau: "2. Mức hỗ trợ …`: a quoted list number (amending texts)
    token = raw.lstrip(OPENERS) + "."
    if ")" in token:  # an infobox value glued to its label's note: `(species)S. dalzielii`
        token = token.rsplit(")", 1)[1] if len(token) > token.rindex(")") + 2 else token
    if token in rules.final_abbreviations:
        return next_case == "upper"
    if token in rules.prefix_abbreviations:
        return False
    if next_case == "digit" and len(token) == 2 and token[0].islower():
        return False  # `(s. 1920 – m. 1994)`, `tr. 45`: a one-letter abbreviation, a number
    if (
        next_case == "upper"
        and token[:-1] in _ABBREVIATED_LEVELS
        and before.endswith(", " + token[:-1])
    ):
        return False  # `làng Kim Liên, h. Nam Đàn, t. Nghệ An`: huyện, tỉnh, xã, phường…
    body = token[:-1]
    parts = _TOKEN_PARTS.split(body) if "." in body or "-" in body else (body,)
    if len(parts) > 1:  # stacked titles: `PGS.TS.`, `GS.TSKH.`, `ThS.BS.`, `PGS-TS.`
        last = parts[-1] + "."
        if last in rules.final_abbreviations:
            return next_case == "upper"
        if last in rules.prefix_abbreviations:
            return False
        if all(part in INITIALS for part in parts):
            return initials_end_sentence(before, next_case, text, next_start)
    if token[:-1] in INITIALS:
        return initials_end_sentence(before, next_case, text, next_start)
    if next_case == "lower" and text.startswith(_AFTER_AUTHOR, next_start):
        return not _author_abbreviation(body)
    return True


# What follows a botanist's abbreviated name in a species' description: `Champ. ex Benth.`,
# `Loài này được Lour. mô tả khoa học đầu tiên năm 1790.`
_AFTER_AUTHOR = ("ex ", "mô tả", "miêu tả")


def _author_abbreviation(body: str) -> bool:
    """A capitalised foreign word cut short (`Champ`, `Benth`, `Gagnep`), no Vietnamese word."""
    return (
        len(body) > 1
        and body.isalpha()
        and body[0].isupper()
        and body[1:].islower()
        and not is_vietnamese_syllable(body)
    )


def initials_end_sentence(before: str, next_case: str, text: str, next_start: int) -> bool:
    """`Nguyễn V. A. cho biết`, `George W. Bush`, `anh Nguyễn Văn T. (35 tuổi)`, `của
    J. Keynes`: an initial inside a name is no end; after a lowercase word or a comma
    (`bảng B. Các đội…`) it is a sentence-final letter unless a foreign surname follows."""
    if text[next_start] == "(" or _NEXT_INITIAL.match(text, next_start) is not None:
        return False
    if next_case != "upper":
        return next_case != "lower"
    words = before.split()
    if len(words) < 2:
        return False
    previous = words[-2].lstrip(OPENERS)
    if previous[:1].isupper() and previous[-1:] not in ',;:)”"':
        # The given name's initial after a Vietnamese family and middle name ends the name:
        # `… ông Lê Văn A. Ông cho biết` (a foreign `George W. Bush` goes on).
        return _vietnamese_full_name(words) and _clause_opens(text, next_start)
    return _vietnamese_word(text, next_start) or _WORD_AFTER.match(text, next_start) is None


def _vietnamese_full_name(words: list[str]) -> bool:
    """Do two capitalised Vietnamese syllables come before the initial (``words[-1]``)?"""
    return len(words) >= 3 and all(
        word[:1].isupper() and word[1:].islower() and is_vietnamese_syllable(word)
        for word in words[-3:-1]
    )


def _clause_opens(text: str, position: int) -> bool:
    """A Vietnamese word, a space, then a lowercase word: `Ông cho biết`, not `Hồng, …`."""
    following = _WORD_AFTER.match(text, position)
    if following is None or not is_vietnamese_syllable(following.group()):
        return False
    after = following.end()
    return text[after : after + 1] == " " and text[after + 1 : after + 2].islower()


def _vietnamese_word(text: str, position: int) -> bool:
    following = _WORD_AFTER.match(text, position)
    return following is not None and is_vietnamese_syllable(following.group())


def next_word_case(text: str, start: int, limit: int, rules: Rules) -> tuple[str, bool]:
    """Case of the first word at ``start`` after opening quotes, brackets and dashes:
    ``lower``, ``upper``, ``digit`` or ``other``; and whether a dash came before it."""
    position = start
    after_dash = False
    stop = min(limit, start + OPENER_LOOKAHEAD)
    while position < stop and (text[position] in OPENERS or text[position].isspace()):
        after_dash = after_dash or text[position] in DASHES
        position += 1
    if position >= limit:
        return "other", after_dash
    character = text[position]
    if character.islower():
        if rules.lowercase_known_token.match(text, position) is not None:
            return "upper", after_dash  # `iPhone 15 ra mắt…` starts a sentence
        return "lower", after_dash
    if character.isupper() or character.istitle():
        return "upper", after_dash
    if character.isdigit():
        return "digit", after_dash
    return "other", after_dash
