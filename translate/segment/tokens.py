"""The token around a position, as the join and end rules ask about it: is it a Vietnamese
word, where does the whitespace-free run around it start and end, is it an address (a URL, an
e-mail, a path) whose dots and capitals end and join nothing. Shared by
:mod:`translate.segment.sentences` (candidate ends) and :mod:`translate.segment.joins`
(glued joins).
"""

from __future__ import annotations

import re

from translate.segment.patterns import (
    LETTERS,
    NON_SPACE_RUN,
    SYLLABLE_WINDOW,
    THROUGH_LAST_SPACE,
    TOKEN_LOOKBACK,
    VIETNAMESE_ACCENTED,
)
from translate.segment.runin import OPENERS
from translate.vietnamese import is_vietnamese_syllable

# (a dump's escaped quote `\"` and its written-out line breaks `\r\n` are no path)
_ADDRESS = re.compile(r'@|://|www\.|/|\\(?!"|[rn](?:\\[rn])*(?![a-z\\]))')


def vietnamese_word_at(text: str, position: int, end: int) -> bool:
    """Is the capitalised word at ``position`` Vietnamese (accented, or a sentence opener)?"""
    word = LETTERS.match(text, position, min(end, position + SYLLABLE_WINDOW))
    if word is None:
        return False
    found = word.group()
    if VIETNAMESE_ACCENTED.search(found) is None and found not in OPENERS:
        return False
    return is_vietnamese_syllable(found)


def token_around(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The whitespace-free token of ``text[start:end]`` around ``position`` (bounded)."""
    floor = max(start, position - TOKEN_LOOKBACK)
    through_last_space = THROUGH_LAST_SPACE.match(text, floor, position)
    token_start = floor if through_last_space is None else through_last_space.end()
    rest = NON_SPACE_RUN.match(text, position, min(end, position + TOKEN_LOOKBACK))
    token_end = position if rest is None else rest.end()
    return token_start, token_end


def address_like(token: str) -> bool:
    """URLs, e-mail addresses, paths: their dots and capitals join nothing."""
    return _ADDRESS.search(token) is not None
