"""Where prose starts after a heading, a dateline or a label run into it (R9, R8).

A capitalised sentence opener (:mod:`.openers`: `Trong`, `Theo`, `Sau`, `Khi`, `Nếu`, words
that open sentences and are hardly ever capitalised inside one) or a part of the day with its
date (`Sáng nay`, `Chiều 5/3`) cannot go on the phrase before it. When one follows a short
run of words that has no terminator (a headline, a dateline, a section label) and starts
running text (a lowercase word soon after it), prose starts there:

* with a space: `… giảm thiểu rủi ro Trong khi các chuyên gia …`, `Hà Nội Sáng nay, …`;
* glued, after an upper-case run: `TP.HCMÔng nói rằng …` (lowercase-to-capital joins are
  found in :mod:`.joins`, which asks :func:`opens_prose` too).

One bounded look at each space before a capital: linear.
"""

from __future__ import annotations

import re

from translate.segment.openers import OPENER_COUNTS
from translate.segment.patterns import BEFORE_ELLIPSIS_INTERNAL, LOWER, UPPER

# Strong openers for a cut at a space (evidence: only the word itself); any listed opener for
# a glued cut (the missing space is evidence already).
_STRONG_OPENINGS, _STRONG_SHARE = 8, 0.9
STRONG_OPENERS = frozenset(
    word
    for word, (opened, inside) in OPENER_COUNTS.items()
    if opened >= _STRONG_OPENINGS and opened >= _STRONG_SHARE * (opened + inside)
)
OPENERS = frozenset(OPENER_COUNTS)
# A part of the day with `nay`/`qua`/`mai` or a date opens a news lead: `Sáng nay`, `Chiều 5/3`.
_PART_OF_DAY = re.compile(
    r"(?:Sáng|Trưa|Chiều|Tối|Đêm|Rạng sáng|Hôm|Ngày)\s+"
    r"(?:nay|qua|mai|hôm qua|\d{1,2}[/.-]\d{1,2})\b"
)
_WORD_AT = re.compile(rf"[{UPPER}][{LOWER}]*")
# A space before a capital, after a letter: where a run-in may end.
_SPACE_BEFORE_CAPITAL = re.compile(rf"(?<=[^\W\d_])[ \t\u00a0]+(?=[{UPPER}])")
# Glued after an upper-case run: `TP.HCMÔng`, `VTVSáng`.
_CAPITALS_BEFORE_WORD = re.compile(rf"(?<=[{UPPER}][{UPPER}])(?=[{UPPER}][{LOWER}])")
_HEADING_END = re.compile(r"[.!?…:;][\"'”’»)\]*_]*\s")
_LONGEST_HEADING = 12  # words
_HEADING_LOOKBACK = 160  # characters
_PROSE_LOOKAHEAD = 4  # words
_NOT_AFTER = BEFORE_ELLIPSIS_INTERNAL | frozenset(("bài", "cuốn", "phim", "sách", "tác phẩm"))


def opens_prose(text: str, position: int, end: int, strong: bool) -> bool:
    """Does running text start at ``position``: an opener, then a lowercase word soon?"""
    word = _PART_OF_DAY.match(text, position, end)
    if word is None:
        word = _WORD_AT.match(text, position, end)
        if word is None or word.group() not in (STRONG_OPENERS if strong else OPENERS):
            return False
    following = text[word.end() : min(end, word.end() + 80)].split()[:_PROSE_LOOKAHEAD]
    return any(token[:1].islower() for token in following)


def runin_joins(text: str, start: int, end: int) -> list[int]:
    """Positions in ``text[start:end]`` where prose starts after a run-in heading."""
    joins = []
    for match in _SPACE_BEFORE_CAPITAL.finditer(text, start, end):
        position = match.end()
        if not opens_prose(text, position, end, strong=True):
            continue
        previous = text[max(start, match.start() - 12) : match.start()].split()
        if not previous or previous[-1] in _NOT_AFTER:
            continue  # `cuốn Những …`: a title goes on the phrase
        if not _lowercase_word(previous[-1]) and _PART_OF_DAY.match(text, position, end) is None:
            continue  # `Cục Hàng không`: a name goes on (`Hà Nội Sáng nay,` is a dateline)
        if _heading_before(text, start, match.start()):
            joins.append(position)
    if end - start > 3:
        for match in _CAPITALS_BEFORE_WORD.finditer(text, start + 2, end):
            if opens_prose(text, match.start(), end, strong=False):
                joins.append(match.start())
    return joins


def _lowercase_word(token: str) -> bool:
    letter = next((character for character in token if character.isalpha()), "")
    return letter.islower()


def _heading_before(text: str, start: int, position: int) -> bool:
    """Is ``text[…:position]`` a short run with no terminator since the unit's start or
    the last sentence end (a headline, a dateline, a label)?"""
    floor = max(start, position - _HEADING_LOOKBACK)
    heading_start = floor
    for heading_end in _HEADING_END.finditer(text, floor, position):
        heading_start = heading_end.end()
    if heading_start == floor and floor > start:
        return False  # no sentence end within reach: a long sentence, not a heading
    words = text[heading_start:position].split()
    if not words or len(words) > _LONGEST_HEADING:
        return False
    run = text[heading_start:position]
    if "," in run:
        return False  # a clause before: the capital is a name inside the sentence
    return run.count("(") <= run.count(")") and run.count("“") <= run.count("”")
