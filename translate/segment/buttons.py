"""A page's button label run into the notice beside it (round 15b, dev2, dev6, dev15): a
document site's viewer scrapes its `Download` button and the line under it as one line
(`Download Vui lòng tải xuống để xem …`). The label, when it opens a line before a capitalised
Vietnamese sentence (its next words in lower case), is a unit of its own (R7, R9, D2). The
label as the sentence's verb (`Download sách …`, `Download và sử dụng …`) and a menu line
(`Download Tin tức Thể thao`, D3) stay whole.

The label is looked for in C, then only at a line's start: linear.
"""

from __future__ import annotations

from translate.vietnamese import is_vietnamese_syllable

# Action buttons, never a word of Vietnamese prose (`Home`, `Menu` open menus: not here).
# (Each costs a search through the whole text: only the one document viewers show.)
_LABELS = ("Download",)
_PROSE_WORDS = 3  # lowercase words after the capitalised one
_REACH = 80  # characters after the label


def button_cuts(text: str) -> list[int]:
    """The sorted starts of the notices run in after a button label in ``text``."""
    cuts: list[int] = []
    for label in _LABELS:
        at = text.find(label)
        while at >= 0:
            after = at + len(label)
            if _opens_line(text, at) and text[after : after + 1] == " ":
                words = text[after + 1 : after + 1 + _REACH].split("\n", 1)[0].split()
                if _sentence(words):
                    cuts.append(after + 1)
            at = text.find(label, after)
    return sorted(cuts)


def _opens_line(text: str, at: int) -> bool:
    """Is ``text[at]`` the first non-space character of its line?"""
    before = at
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return before == 0 or text[before - 1] == "\n"


def _sentence(words: list[str]) -> bool:
    """Do ``words`` open a Vietnamese sentence: a capitalised syllable, then lowercase ones?"""
    if len(words) <= _PROSE_WORDS:
        return False
    first, following = words[0], words[1 : 1 + _PROSE_WORDS]
    return (
        first[:1].isupper()
        and first[1:].islower()
        and is_vietnamese_syllable(first)
        and all(word.islower() and is_vietnamese_syllable(word) for word in following)
    )
