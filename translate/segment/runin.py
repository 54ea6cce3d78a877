"""Where prose starts after a heading, a dateline or a label run into it (R9, R8).

A capitalised sentence opener (:mod:`.openers`: `Trong`, `Theo`, `Sau`, `Khi`, `Nếu`, words
that open sentences and are hardly ever capitalised inside one) or a part of the day with its
date (`Sáng nay`, `Chiều 5/3`) cannot go on the phrase before it. When one follows a short
run of words that has no terminator (a headline, a dateline, a section label) and starts
running text (a lowercase word soon after it), prose starts there:

* with a space: `… giảm thiểu rủi ro Trong khi các chuyên gia …`, `Hà Nội Sáng nay, …`;
* glued (`TP.HCMÔng nói rằng …`, `…tăng nhẹSáng nay`): found by the scrape-join scan of
  :mod:`.joins`, which asks :func:`opens_prose` too.

One bounded look at each space before a capital: linear.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence

from translate.segment.escapes import bullet_emoji
from translate.segment.openers import OPENER_COUNTS
from translate.segment.patterns import BEFORE_ELLIPSIS_INTERNAL, EMOJI, FIELD_LABEL, LOWER, UPPER
from translate.vietnamese import is_vietnamese_syllable

# Strong openers for a cut at a space (evidence: only the word itself); any listed opener for
# a glued cut (the missing space is evidence already).
_STRONG_OPENINGS, _STRONG_SHARE = 8, 0.9
STRONG_OPENERS = frozenset(
    word
    for word, (opened, inside) in OPENER_COUNTS.items()
    if opened >= _STRONG_OPENINGS and opened >= _STRONG_SHARE * (opened + inside)
)
# First-person pronouns open sentences and are never capitalised inside one, but news
# translations (where the table comes from) hardly use them: forum posts and interviews do.
STRONG_OPENERS |= {"Tôi", "Mình"}
OPENERS = frozenset(OPENER_COUNTS) | STRONG_OPENERS
# Words that open a sentence in chat and forum posts (after an emoji or a particle only).
_CHAT_OPENERS = frozenset(("Ai", "Em", "Anh", "Chị", "Cảm", "Chúc", "Bạn", "Dạ", "Vâng", "Còn"))
# A part of the day with `nay`/`qua`/`mai` or a date opens a news lead: `Sáng nay`, `Chiều 5/3`.
_PART_OF_DAY = re.compile(
    r"(?:Sáng|Trưa|Chiều|Tối|Đêm|Rạng sáng|Hôm|Ngày)\s+"
    r"(?:nay|qua|mai|hôm qua|\d{1,2}[/.-]\d{1,2})\b"
)
_WORD_AT = re.compile(rf"[{UPPER}][{LOWER}]*")
_DAY_PARTS = frozenset(("Sáng", "Trưa", "Chiều", "Tối", "Đêm", "Rạng", "Hôm", "Ngày"))
# A strong opener or a part of the day: where a run-in may end, after a space. (The words are
# in the pattern, longest first, so that the scan stops only at them: most capitals are names.)


def _grouped(words: frozenset[str]) -> str:
    """An alternation of ``words`` grouped by first letter (fewer branches tried per capital)."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda word: (-len(word), word)):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items())
    )


# Words that open a clause and never a name or a title's next word (`also`, `in order to`,
# `but`, `although`): capitalised before a lowercase word, they open a sentence after any run
# without a terminator, a caption longer than a heading or one that ends in a name too (`… từ
# Mỹ sang Trung Quốc ‖Cũng giống như …`, `… nhiều người mong chờ ‖Nhằm mở rộng …`).
_CLAUSE_OPENERS = frozenset(("Cũng", "Nhằm", "Nhưng", "Tuy", "Mặc"))
_CLAUSE_OPENER_STARTS = tuple(sorted(_CLAUSE_OPENERS))
_RUNIN_WORD = re.compile(
    f"(?:{_grouped(STRONG_OPENERS | _DAY_PARTS | _CHAT_OPENERS | _CLAUSE_OPENERS)})(?![^\\W\\d_])"
)
_SPACES = frozenset(" \t\u00a0")
_HEADING_END = re.compile(r"[.!?…:;][\"'”’»)\]*_]*\s")
_LONGEST_HEADING = 12  # words
_HEADING_LOOKBACK = 160  # characters
_PROSE_LOOKAHEAD = 4  # words
# (a work's title follows its kind: `cuốn Những …`, `bài thơ Ông Đồ`, `ca khúc Em …`)
_NOT_AFTER = BEFORE_ELLIPSIS_INTERNAL | frozenset(("bài", "cuốn", "phim", "sách", "tác phẩm"))
_NOT_AFTER |= {"thơ", "truyện", "hát", "khúc", "kịch", "vở", "tranh", "thuyết", "ký"}
# (a place's name follows its level: `Công an tỉnh Bà Rịa-Vũng Tàu`, `xã Sau Nam`)
_NOT_AFTER |= {"tỉnh", "huyện", "quận", "xã", "phường", "trấn", "thôn", "ấp", "đường"}
# (and a place's kind: `đặc khu Trường Sa`, `đảo Phú Quốc`, `chợ Bến Thành`; `Nhân Ngày 21-6`:
# "on the occasion of" a day)
_NOT_AFTER |= {"khu", "đảo", "sông", "núi", "cầu", "chợ", "phố", "làng", "bản", "vịnh", "đèo"}
_NOT_AFTER |= {"cảng", "bến", "Nhân", "nhân"}


def opens_prose(text: str, position: int, end: int, strong: bool) -> bool:
    """Does running text start at ``position``: an opener, then a lowercase word soon?"""
    word = _WORD_AT.match(text, position, end)
    if word is None:
        return False
    day = _PART_OF_DAY.match(text, position, end) if word.group() in _DAY_PARTS else None
    if day is not None:
        word = day
    elif word.group() not in (STRONG_OPENERS if strong else OPENERS):
        return False
    following = text[word.end() : min(end, word.end() + 80)].split()[:_PROSE_LOOKAHEAD]
    if day is None and following and following[0][:1].isdigit():
        return False  # `Điều 37 Nghị định 08`, `Số 5`: a reference, not a sentence's start
    return any(token[:1].islower() for token in following)


def lowercase_soon(text: str, position: int, end: int, words: int = 6) -> bool:
    """Is one of the next ``words`` words at ``position`` lowercase (running text, not a
    title or a name)? (A bounded look: 80 characters.)"""
    return any(
        token[:1].islower() for token in text[position : min(end, position + 80)].split()[:words]
    )


# A sentence ended without punctuation, as chat and forum posts do: an emoji or an emoticon
# (R14: it belongs to the sentence it ends) or a sentence-final particle, then a word that
# opens a sentence (`… ngon hết sảy 😋😋 Ai muốn đặt …`, `Hay quá ạ Cảm ơn bạn …`). They are
# looked for only where the run-in scan stops anyway, at an opener after a space.
_PARTICLES = frozenset(("ạ", "nhé", "nha", "nhỉ", "nhá", "nhen", "nghen", "hả", "hen"))
_EMOTICON = re.compile(r"(?:[:;=]-?[)(DPp]+|\^\^|<3)+")
# The alt text a forum's smileys leave when a page is scraped (`… món bánh này Smile Tuy nhiên`).
_SMILEY_WORDS = frozenset(("Smile", "Wink", "Grin", "Frown"))
_LAST_TOKEN_LENGTH = 8
# The last characters such an end can have (emoji aside: U+2600 and above): the checks below
# are skipped after a period or a letter no particle ends with, the common case by far.
_UNPUNCTUATED_LAST = frozenset(word[-1] for word in _PARTICLES | _SMILEY_WORDS) | frozenset(
    ")(DPp^3"
)


def _unpunctuated_end(text: str, start: int, position: int) -> bool:
    """Does a sentence end, unpunctuated, before the space before ``position``?"""
    floor = max(start, position - 1 - _LAST_TOKEN_LENGTH)
    # (all spaces when the gap before ``position`` is wider than a token: no token)
    tokens = text[floor : position - 1].rsplit(None, 1) if position - 1 > floor else []
    token = tokens[-1] if tokens else ""
    # (a suffix of the unit's text before the space: the whole of it exactly when as long;
    # compared by length, never by a slice of the unit, which is quadratic in a long one)
    if not token or len(token) == position - 1 - start:
        return False  # nothing before it in the unit: an emoji that opens it is a bullet
    last = token[-1]
    if "\U0001f300" <= last <= "\U0001faff" or "\u2600" <= last <= "\u27bf" or last == "\ufe0f":
        return True
    if token in _PARTICLES or token in _SMILEY_WORDS:
        return True
    return _EMOTICON.fullmatch(token) is not None


# An emoji that ends a sentence before any capitalised word of running text (R14): `… bệnh
# "lười" 😀 Bệnh này khó chữa lắm`; the scan above finds only those before an opener. Only
# the emoji outside the Basic Multilingual Plane (faces, gestures, food: most of them).
# (Not one that opens a bracket: `[👉 Nhấn vào đây …]` is a link's text.)
_EMOJI_END = re.compile(
    rf"(?<![\[(])[\U0001f300-\U0001faff][ \t]+(?=[{UPPER}][{LOWER}]+\s+[{LOWER}])"
)
# (CPython stores a string with a character outside the BMP at four bytes a character: its
# size tells in constant time whether a unit holds one, where a scan would cost a pass.)
_WIDE_BASE = sys.getsizeof("\U0001f600") - 4


def emoji_end_marks(text: str) -> list[int]:
    """The sorted cuts after emoji that end a sentence in ``text``, and around the emoji
    headings of a README pasted flat (:func:`.scraped.emoji_heading_cuts`); found once per
    document: a text with no character outside the BMP, told in constant time, has none."""
    if not _wide(text):
        return []
    marks = []
    for chunk_start in range(0, len(text), _CHUNK):  # (a regex scan only where one lies)
        chunk_end = chunk_start + _CHUNK
        if _wide(text[chunk_start:chunk_end]):
            reach = min(len(text), chunk_end + _CHUNK_REACH)
            marks += [
                match.end()
                for match in _EMOJI_END.finditer(text, chunk_start, reach)
                if match.start() < chunk_end
            ]
            marks += [
                cut
                for cut in emoji_heading_cuts(text, max(0, chunk_start - 1), reach)
                if chunk_start <= cut < chunk_end
            ]
    return sorted(set(marks))


# An emoji (with its joiners and variation selectors), one space and a heading of up to five
# capitalised Latin words (`&` between them), ending at a colon, a bracket, a glued capital or a
# glued list number (where the section's text starts).
_EMOJI_HEADING = re.compile(
    rf"[{EMOJI}][{EMOJI}\u200d\ufe0f]* "
    r"[A-Z][a-z]+(?: (?:[A-Z][a-z]+|&)){0,4}"
    rf"(?=[:(]|[{UPPER}][{LOWER}]|\d{{1,2}}[.)] )"
)


def emoji_heading_cuts(text: str, start: int, end: int) -> list[int]:
    """A README pasted without its line breaks marks its headings with emoji: cuts before an
    emoji heading glued to the text before it, and after the heading when its section's text
    is glued to it (`… vector.‖🧠 Core Logic‖Hệ thống …`, `… 3.13‖📂 Project Structure`; not
    at a colon: `🎓 Major: Information Systems` is one line). A heading's words are
    capitalised Latin words; a chat post's emoji is followed by a sentence (`ngon quá😋 Ai
    muốn đặt …`: no heading)."""
    cuts = []
    for heading in _EMOJI_HEADING.finditer(text, start, end):
        if heading.start() > start and not text[heading.start() - 1].isspace():
            cuts.append(heading.start())
        if heading.end() < end and text[heading.end()] != ":":
            cuts.append(heading.end())
    return cuts


_CHUNK = 4096  # characters
_CHUNK_REACH = 80  # characters a match may reach past its chunk


def _wide(text: str) -> bool:
    """Does ``text`` hold a character outside the BMP? (Constant time: CPython stores such a
    string four bytes a character, and a copy of a part of one narrower when it has none.)"""
    return sys.getsizeof(text) >= _WIDE_BASE + 4 * len(text)


def emoji_ends(text: str, start: int, end: int, marks: Sequence[int]) -> list[int]:
    """The cuts of ``marks`` inside the unit, after an emoji with a word before it (one that
    opens the unit is a bullet)."""
    cuts = []
    for cut in marks[bisect.bisect_right(marks, start) : bisect.bisect_left(marks, end)]:
        emoji = cut - 1
        while text[emoji] in " \t":
            emoji -= 1
        if _word_before(text, start, emoji) and not bullet_emoji(text, start, emoji + 1):
            cuts.append(cut)  # (`… 5.7cm\\n\\n💞 Giá …`: a bullet after a written-out break)
    return cuts


# An upper-case heading of two words or more run in with spaces between a flattened cover and
# the prose under it: `… Hà Nội, 2017 LỜI CAM ĐOAN Tôi xin cam đoan …`.
_CAPS_HEADING = re.compile(rf"(?<![^\W\d_])[{UPPER}]{{2,7}}(?:[ \t][{UPPER}]{{2,7}}){{1,7}}[ \t]\Z")
_CAPS_HEADING_REACH = 64  # characters


def _caps_heading_before(text: str, start: int, position: int, end: int) -> list[int]:
    """Cuts around an upper-case heading of Vietnamese syllables before the opener at
    ``position`` when prose follows (a strong opener, then a lowercase word soon): after it,
    and before it when a word or a number that is not upper case precedes it on its line
    (acronyms are no syllables: `UBND TP`)."""
    floor = max(start, position - _CAPS_HEADING_REACH)
    heading = _CAPS_HEADING.search(text, floor, position)
    if heading is None or heading.start() == floor > start:
        return []  # (none, or longer than the reach: a text in upper case)
    if not all(is_vietnamese_syllable(word) for word in heading.group().split()):
        return []
    if not opens_prose(text, position, end, strong=True):
        return []
    joins = [position]
    before = text[max(start, heading.start() - _LAST_TOKEN_LENGTH) : heading.start()].split()
    spaced = heading.start() > start and text[heading.start() - 1] in _SPACES
    if before and spaced and (not before[-1].isupper() or before[-1].isdigit()):
        joins.append(heading.start())
    return joins


# In a unit that opens in upper case (a heading, a flattened cover): an upper-case heading
# whose last words the sentence after it repeats, where prose starts (`BÀI 3: PHÂN SỐ ‖Phân số là
# …`); a headline after a label is no prose (`TIN LIÊN QUAN Cười rớt hàm …` is one line).
# (The pattern matches the space after the heading: a run of words would backtrack.)
_CAPS_BEFORE_PROSE = re.compile(
    rf"[ \t](?<=[{UPPER}]{{2}}[ \t])(?=[{UPPER}][{LOWER}]+[ \t]+[{LOWER}])"
)
_HEADING_WORDS = 4


def caps_prose_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts where prose repeating an upper-case heading's last words starts after it
    (called only for units that open in upper case)."""
    joins = []
    for match in _CAPS_BEFORE_PROSE.finditer(text, start, end):
        floor = max(start, match.start() - 8 * _HEADING_WORDS)
        before = text[floor : match.start()].split()[-_HEADING_WORDS:]
        heading = [word.lower() for word in before if word.isupper()]
        following = [word.lower() for word in text[match.end() : match.end() + 60].split()]
        if any(len(heading) >= size and heading[-size:] == following[:size] for size in (2, 3, 4)):
            joins.append(match.end())
    return joins


def _word_before(text: str, start: int, position: int) -> bool:
    """Is there a word before the emoji at ``position`` (a run of emoji may precede it)?"""
    floor = max(start, position - _LAST_TOKEN_LENGTH)
    return any(character.isalpha() for character in text[floor:position])


def runin_joins(text: str, start: int, end: int) -> list[int]:
    """Positions in ``text[start:end]`` where prose starts after a run-in heading (with a
    space; glued ones are found by the scrape-join scan of :mod:`.joins`). Only the stretch
    after the unit's start and after each sentence end is searched, up to a comma or the
    longest heading: each character is looked at a bounded number of times."""
    joins: list[int] = []
    first = _RUNIN_WORD.search(text, start + 2, end)
    if first is None:
        return joins  # (the common case: one scan)
    # Only an opener after a space that follows a word can end a run-in heading.
    candidates = []
    for match in _RUNIN_WORD.finditer(text, first.start(), end):
        position = match.start()
        if text[position - 1] not in _SPACES:
            continue
        if text[position - 2].isalpha() and match.group() not in _CHAT_OPENERS:
            candidates.append(position)
            if text[position - 2].isupper() and text[position - 3].isupper():
                joins += _caps_heading_before(text, start, position, end)
        before = text[position - 2]
        if (before in _UNPUNCTUATED_LAST or before >= "\u2600") and _unpunctuated_end(
            text, start, position
        ):
            joins.append(position)
    if not candidates:
        return joins
    heading_ends = [match.end() for match in _HEADING_END.finditer(text, start, end)]
    heading_starts = [start, *heading_ends]
    limits: dict[int, tuple[int, int]] = {}
    # Each opener belongs to the stretch after the last sentence end at least two characters
    # before it; a stretch ends at its first comma (past it, only the surest openers), the next
    # sentence end or the lookback.
    for position in candidates:
        index = bisect.bisect_right(heading_starts, position - 2) - 1
        if index not in limits:
            limits[index] = _stretch_limit(text, heading_starts[index], heading_ends, index, end)
        comma, limit = limits[index]
        within = position < comma or (
            position < limit and _after_headline_comma(text, position, end)
        )
        if within and _runs_in(text, heading_starts[index], position, end):
            joins.append(position)
    return joins


# A phrase's inner word capitalised: the evidence of a heading in title case, as English-style
# titles and SEO pages write them (`Mùa Nước Nổi Của Người Miền Tây`); a name has none (`Phòng
# Quản Lý`, `Cục Hàng Không`), nor has a breadcrumb (`Trang Chủ Đời Sống Tin Mới`).
_TITLE_CASED_LINKS = frozenset(word.capitalize() for word in BEFORE_ELLIPSIS_INTERNAL)
_SHORTEST_TITLE_HEADING = 3  # words


def _title_case_heading(words: list[str]) -> bool:
    """Are ``words`` a heading in title case: every word capitalised, a phrase's inner word
    among them (which prose never capitalises)?"""
    return (
        len(words) >= _SHORTEST_TITLE_HEADING
        and not _TITLE_CASED_LINKS.isdisjoint(words[1:])
        and all(word.isalpha() and word[1:].islower() and word[0].isupper() for word in words)
    )


# Openers that, capitalised after a comma, still open a sentence (92% of their capitalised uses
# or more open one): a headline may hold a comma (`Trước đây, giá lúa tăng nhanh Tuy nhiên,
# …`), while a name inside a sentence begins with a weaker one (`Cơ quan cảnh sát Điều tra`)
# or goes on in capitals (`báo Một Thế Giới`: a lowercase word must follow the opener).
_SURE_SHARE = 0.92
_SURE_OPENERS = frozenset(
    word
    for word, (opened, inside) in OPENER_COUNTS.items()
    if opened >= _STRONG_OPENINGS and opened >= _SURE_SHARE * (opened + inside)
)


def _after_headline_comma(text: str, position: int, end: int) -> bool:
    """May the opener at ``position``, past the first comma of its stretch (within the
    lookback), start prose: one of the surest openers, a lowercase word right after it?"""
    word = _WORD_AT.match(text, position, end)
    if word is None or word.group() not in _SURE_OPENERS:
        return False
    after = word.end()
    return after + 1 < end and text[after] == " " and text[after + 1].islower()


def _stretch_limit(
    text: str, heading_start: int, heading_ends: list[int], index: int, end: int
) -> tuple[int, int]:
    """Where the stretch's first comma is (its end when none) and where the stretch ends (the
    next sentence end or the lookback: every opener looked at is bounded)."""
    limit = heading_ends[index] if index < len(heading_ends) else end
    limit = min(limit, heading_start + _HEADING_LOOKBACK)
    comma = text.find(",", heading_start, limit)
    # A clause before: a capital after the comma is a name inside the sentence.
    return (comma if comma >= 0 else limit), limit


def _runs_in(text: str, heading_start: int, position: int, end: int) -> bool:
    """Does prose start at the opener at ``position``, after the heading that starts at
    ``heading_start``?"""
    previous = text[heading_start : position - 1].split()
    if not previous or previous[-1] in _NOT_AFTER:
        return False  # `cuốn Những …`: a title goes on the phrase
    if _clause_opens(text, position, end):
        return _balanced(text[heading_start:position])
    if len(previous) > _LONGEST_HEADING:
        return False  # a long sentence
    if " ".join(previous[-2:]).lower() in _NAME_BEFORE_PAIRS:
        return False  # `Cơ quan Theo dõi …`, `Ủy ban Chỉ đạo …`: a body's name; `cho biết Ông …`
    if _work_title_before(previous):
        return False  # `Tác phẩm Lịch sử Họ Ngô …`: the title goes on past the opener
    if (
        heading_start > 2
        and ":" in text[heading_start - 3 : heading_start]
        and FIELD_LABEL.match(text, position, min(end, position + 40)) is not None
    ):
        return False  # `Loại văn bản : Quyết định Số hiệu : 15/2014`: fields of a row
    if (
        not _lowercase_word(previous[-1])
        and _PART_OF_DAY.match(text, position, end) is None
        and not _title_case_heading(previous)
    ):
        # `Cục Hàng không`: a name goes on (`Hà Nội Sáng nay,` is a dateline, and a heading
        # in title case ends before an opener: `Mùa Nước Nổi Của Người Miền Tây ‖Trong …`)
        return False
    if not _balanced(text[heading_start:position]):
        return False  # inside an aside or a quotation (`nói "Đó là Nữ hoàng Đầu tiên`)
    return opens_prose(text, position, end, strong=True)


def _balanced(run: str) -> bool:
    """Are the brackets and quotes opened in ``run`` closed in it?"""
    return not (
        run.count("(") > run.count(")") or run.count("“") > run.count("”") or run.count('"') % 2
    )


def _clause_opens(text: str, position: int, end: int) -> bool:
    """Does a clause opener (:data:`_CLAUSE_OPENERS`) before a lowercase word start at
    ``position``?"""
    if not text.startswith(_CLAUSE_OPENER_STARTS, position):
        return False  # (most openers: one test in C)
    word = _WORD_AT.match(text, position, end)
    if word is None or word.group() not in _CLAUSE_OPENERS:
        return False
    after = word.end()
    return after + 1 < end and text[after] == " " and text[after + 1].islower()


# Two words after which a capitalised word goes on the phrase: the kind of a body before its
# name (which capitalises its first word: `Cơ quan Theo dõi Hạn hán`, `Ban Chỉ đạo`), and a
# reporting verb before the words it reports (`Tờ báo đưa tin Ông Biden …`).
_NAME_BEFORE_PAIRS = frozenset(
    ("cơ quan", "ủy ban", "uỷ ban", "hội đồng", "trung tâm", "tổng cục", "cho biết", "đưa tin")
)
# The kind of a work, before its title (Vietnamese titles capitalise their first word only).
_WORK_KINDS = frozenset(("bài", "cuốn", "phim", "sách", "phẩm", "thơ", "truyện", "khúc", "vở"))
_LONGEST_TITLE_RUN = 6  # words between a title's first word and the opener


def _work_title_before(previous: list[str]) -> bool:
    """Does a work's title open in ``previous`` (the words before an opener): a kind word,
    then a capitalised word (`… tác phẩm Lịch sử …`, `cuốn Nhật ký …`)?"""
    for index in range(max(0, len(previous) - _LONGEST_TITLE_RUN - 1), len(previous) - 1):
        if previous[index].lower() in _WORK_KINDS and previous[index + 1][:1].isupper():
            return True
    return False


def _lowercase_word(token: str) -> bool:
    letter = next((character for character in token if character.isalpha()), "")
    return letter.islower()
