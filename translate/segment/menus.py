"""Glued menus that the camel-case scan of :mod:`.joins` does not take apart (R8, D3; issue
11, round 11).

* a row of share buttons whose labels a page glued in lower case, alone on its line
  (`Facebook‖twitter‖reddit‖pinterest‖linkedin‖mail`): no case change marks the joins, so the
  labels are read off a small lexicon of share targets;
* an acronym glued between two menu items, after a lowercase Vietnamese word and before a
  capitalised one (`Email Doanh Nghiệp‖SSL‖Firewall Anti DDoS`): an acronym glued to a word
  on one side only is a link inside a sentence (`giảiAFF CUP`, `tạiTP HCM`), on both sides a
  run of items;
* a capitalised Vietnamese word glued after a mixed-case name or acronym that ends in a
  capital (`Anti DDoS‖Tối ưu tốc độ website`, `macOS‖Tải về miễn phí`), where running text
  follows: the Vietnamese word cannot go on the Latin one.

Each look is one anchored, bounded match at a place the scrape-join scan stops anyway, or,
for a share row, a unit without a space (one `str.find`): linear.
"""

from __future__ import annotations

import re

from translate.segment.patterns import (
    LETTERS,
    LOWER,
    SYLLABLE_WINDOW,
    UPPER,
    VIETNAMESE_ACCENTED,
)
from translate.segment.runin import lowercase_soon
from translate.vietnamese import is_vietnamese_syllable

# Share targets as pages label their buttons (lower case or capitalised, glued in any order).
_SHARE_LABELS = (
    "facebook",
    "twitter",
    "reddit",
    "pinterest",
    "linkedin",
    "tumblr",
    "telegram",
    "whatsapp",
    "messenger",
    "zalo",
    "viber",
    "skype",
    "pocket",
    "email",
    "mail",
    "print",
)
_SHARE_ROW = re.compile(
    "(?i)(?:" + "|".join(sorted(_SHARE_LABELS, key=lambda label: (-len(label), label))) + ")"
)
_FEWEST_SHARE_LABELS = 3
_SHORTEST_SHARE_ROW = 3 * len("mail")
LONGEST_SHARE_ROW = 120  # characters


def share_row_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts between the labels of a unit made only of glued share-button labels (three or
    more: `Facebooktwitterredditpinterestlinkedinmail`); none for any other unit."""
    if not _SHORTEST_SHARE_ROW <= end - start <= LONGEST_SHARE_ROW:
        return []
    if text.find(" ", start, end) >= 0 or text[start] not in _SHARE_FIRSTS:
        return []  # (the common case: a unit with a space, or no label's first letter)
    cuts = []
    at = start
    while at < end:
        label = _SHARE_ROW.match(text, at, end)
        if label is None:
            return []
        at = label.end()
        if at < end:
            cuts.append(at)
    return cuts if len(cuts) + 1 >= _FEWEST_SHARE_LABELS else []


_SHARE_FIRSTS = frozenset(
    letter for label in _SHARE_LABELS for letter in (label[0], label[0].upper())
)

# An acronym of two to six capitals, then a capitalised word (`SSLFirewall`).
_ACRONYM_BEFORE_WORD = re.compile(rf"[{UPPER}]{{2,6}}(?=[{UPPER}][{LOWER}])")


def acronym_between_items(text: str, position: int, end: int, left_word: str) -> list[int]:
    """Cuts around the acronym at ``position``, glued after the lowercase word ``left_word``
    and before a capitalised word, when one of the two is Vietnamese (accented): a menu's
    items run together (`Nghiệp‖SSL‖Firewall`). None for an acronym glued on one side only."""
    acronym = _ACRONYM_BEFORE_WORD.match(text, position, min(end, position + 8))
    if acronym is None:
        return []
    right = LETTERS.match(text, acronym.end(), min(end, acronym.end() + SYLLABLE_WINDOW))
    right_word = "" if right is None else right.group()
    accented = VIETNAMESE_ACCENTED.search(left_word) is not None and is_vietnamese_syllable(
        left_word
    )
    if not accented and not (
        VIETNAMESE_ACCENTED.search(right_word) is not None and is_vietnamese_syllable(right_word)
    ):
        return []
    return [position, acronym.end()]


def vietnamese_after_mixed_case(text: str, position: int, end: int) -> bool:
    """Does an accented Vietnamese word that opens running text start at ``position``, glued
    after a mixed-case token's final capital (`DDoSTối ưu …`)?"""
    word = LETTERS.match(text, position, min(end, position + SYLLABLE_WINDOW))
    if word is None or VIETNAMESE_ACCENTED.search(word.group()) is None:
        return False
    return is_vietnamese_syllable(word.group()) and lowercase_soon(text, word.end(), end, 2)
