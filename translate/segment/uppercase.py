"""Upper-case headings run into the text after them with a space (R9, D2; issue 11, round 7).

Flattened reports and papers (a viewer's text of a PDF, a document-sharing page) lose the line
break after their upper-case headings:

* a numbered heading's title in upper case ends where a capitalised word followed by a
  lowercase one starts (`2. ĐÁNH GIÁ Ý TƯỞNG ‖ Đánh giá về sản phẩm`): the case of the words
  is the document's own evidence of where the heading stops. Looked at only after a list
  number that opens a segment (a candidate end the sentence pass visits anyway);
* a paper's section labels in upper case (`TÓM TẮT`, `ABSTRACT`: the round-6 labels
  `Tóm tắt:` and `Abstract:` as a flattened first page prints them) are units of their own
  after the front matter they are run into (`… CAO HOÀI ĐỨC ‖ TÓM TẮT ‖ Đề tài đã …`), when
  running text follows. Looked for once per document (:func:`.labels.label_marks`: a literal
  search each).

* two upper-case headings of a flattened cover glued into one run (`… VIỆT NAMTRƯỜNG ĐẠI HỌC
  …`): cut between the one pair of syllables the run is made of (:func:`caps_syllable_joins`,
  called from :func:`.joins.scrape_joins` for units that open with upper-case words).

Each look is one anchored, bounded match: linear.
"""

from __future__ import annotations

import re
import unicodedata

from translate.segment.linekinds import CONTINUING_WORDS
from translate.segment.patterns import LOWER, UPPER, VIETNAMESE_ACCENTED
from translate.segment.runin import lowercase_soon
from translate.vietnamese import is_vietnamese_syllable

# Two to twelve upper-case words, a space, then a capitalised word and a lowercase one.
_CAPS_TITLE = re.compile(
    rf"[{UPPER}]+(?:[ \t][{UPPER}]+){{1,11}}[ \t](?=[{UPPER}][{LOWER}]+[ \t]+[{LOWER}])"
)
_LONGEST_TITLE = 120  # characters


def caps_title_end(text: str, title_start: int, end: int) -> int:
    """Where the text after an upper-case numbered heading's title starts (the title starts at
    ``title_start``), or -1: the title's words must be Vietnamese syllables (acronyms and codes
    are no heading: `UBND TP Hà Nội`)."""
    title = _CAPS_TITLE.match(text, title_start, min(end, title_start + _LONGEST_TITLE))
    if title is None:
        return -1
    if not all(is_vietnamese_syllable(word) for word in title.group().split()):
        return -1
    return title.end()


# A paper's section labels in upper case (two: each is a scan of the whole document).
CAPS_PAPER_LABELS = ("TÓM TẮT", "ABSTRACT")


def caps_label_joins(text: str, start: int, end: int, marks: list[int]) -> list[int]:
    """Cuts before and after each upper-case section label at ``marks`` (positions of
    :data:`CAPS_PAPER_LABELS` in the unit) that stands as a word after a space (or at the
    unit's start), with a capitalised word and running text soon after it."""
    joins = []
    for at in marks:
        label = next(label for label in CAPS_PAPER_LABELS if text.startswith(label, at))
        after = at + len(label) + 1
        if after >= end or text[after - 1] != " " or not text[after].isupper():
            continue  # (`ABSTRACTS`, `TÓM TẮT:`: not a label run into its text)
        if at > start and text[at - 1] != " ":
            continue  # (glued to a word: `…ĐỨCTÓM TẮT`)
        if not lowercase_soon(text, after, end, 4):
            continue  # (`TÓM TẮT LUẬN ÁN`: a title)
        joins += [at, after] if at > start else [after]
    return joins


# An upper-case word of four letters or more: two headings of a flattened cover may be glued
# into one (`… LAO ĐỘNG VIỆT NAMTRƯỜNG ĐẠI HỌC …`). (A class first: the engine skips ahead.)
_CAPS_WORD = re.compile(rf"[{UPPER}](?<![^\W\d_][{UPPER}])[{UPPER}]{{3,13}}(?![^\W\d_])")


_CAPS_VOWELS = "".join(
    character
    for character in map(chr, range(0x41, 0x1F00))
    if character.isupper() and unicodedata.normalize("NFD", character)[0] in "AEIOUY"
)
_CAPS_CONSONANTS = "BCDĐFGHJKLMNPQRSTVWXZ"
_TWO_VOWEL_GROUPS = re.compile(
    rf"[{_CAPS_CONSONANTS}]*[{_CAPS_VOWELS}]+[{_CAPS_CONSONANTS}]+[{_CAPS_VOWELS}]+"
    rf"[{_CAPS_CONSONANTS}]*"
)


def opens_with_caps_words(text: str, start: int, end: int) -> bool:
    """Does the unit open with an upper-case word and another one or a number (`TỔNG LIÊN
    ĐOÀN`, `CHƯƠNG 2:`; not `HLV Park`, `UBND tỉnh`)?"""
    space = text.find(" ", start, min(end, start + 10))
    if space <= start or space + 2 >= end:
        return False
    second = text[space + 1]
    return (second.isdigit() or (second.isupper() and text[space + 2].isupper())) and text[
        start:space
    ].isupper()


def caps_syllable_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts inside an upper-case run that is no Vietnamese syllable but exactly one pair of
    them, between upper-case syllables (`VIỆT NAM‖TRƯỜNG ĐẠI`, `VI MÔ‖ĐỀ TÀI`): two
    headings glued together. Acronyms (`UBND`, `HĐND`) split into no pair of syllables."""
    joins = []
    for match in _CAPS_WORD.finditer(text, start, end):
        word = match.group()
        if _TWO_VOWEL_GROUPS.fullmatch(word) is None or VIETNAMESE_ACCENTED.search(word) is None:
            continue  # (a syllable has one group of vowels: most words stop here, cheaply)
        splits = [
            cut
            for cut in range(1, len(word))
            if is_vietnamese_syllable(word[:cut]) and is_vietnamese_syllable(word[cut:])
        ]
        if len(splits) == 1 and _caps_neighbours(text, start, end, match):
            joins.append(match.start() + splits[0])
    return joins


def _caps_neighbours(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    """Is the glued run between two upper-case syllables of a heading?"""
    before = text[max(start, match.start() - 12) : match.start()].split()
    after = text[match.end() : min(end, match.end() + 12)].split()
    if not before or not after or not text[match.start() - 1].isspace():
        return False
    if match.end() >= end or not text[match.end()].isspace():
        return False
    if any(word.lower() in CONTINUING_WORDS for word in after[:2]):
        return False  # one title whose line break was lost: `… CÔNG TRÌNHXÂY DỰNG TRÊN ĐỊA BÀN`
    return all(word.isupper() and is_vietnamese_syllable(word) for word in (before[-1], after[0]))
