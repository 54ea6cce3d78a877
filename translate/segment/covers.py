"""A title slide or cover flattened onto one line (round 15b, dev13): after the author's
academic title and name come the author's affiliations and the first slide's heading, run in
with single spaces (`… THAM KHẢO ThS. Lê Văn An Bộ môn Hóa sinh Viện Dinh dưỡng Mục tiêu 1.
…`). Each starts a unit of its own (R7, R9, D2):

* the first affiliation after the name (its first word a kind of body: `Bộ môn`, `Khoa`,
  `Viện`, `Trường`, …; the name is the longest of two to four capitalised words that one
  follows: `Nguyễn Đăng Khoa ‖Bộ môn …`);
* each further body after a lowercase word (`… Y học ‖Viện …`: a body's inner words are in
  lower case, while `Môi Trường` in title case is one name);
* a slide's section heading (`Mục tiêu`, `Nội dung`) after a lowercase word.

The academic title must follow an upper-case title: the cuts are asked for where
:func:`.slides._author_cuts` finds one (its search for the titles serves both); an author in
prose (`theo ThS. Lê Văn An Khoa Dược …`) has no cover. Each name is looked at once, with a
bounded look ahead: linear.
"""

from __future__ import annotations

import re

# The kinds of body an affiliation opens with (one or two words).
_BODIES = frozenset(("Khoa", "Viện", "Trường", "Phòng", "Sở", "Ban"))
_TWO_WORD_BODIES = frozenset(("Bộ môn", "Trung tâm", "Học viện", "Đại học", "Bệnh viện"))
_SECTIONS = frozenset(("Mục tiêu", "Nội dung", "Giới thiệu", "Tổng quan", "Đặt vấn đề"))
_SHORTEST_NAME, _LONGEST_NAME = 2, 4  # words
_AFFILIATION_WORDS = 24  # words looked at after the name
_WORD = re.compile(r"[^\s]+")


def affiliation_cuts(text: str, name_start: int) -> list[int]:
    """Cuts after the author's name that starts at ``name_start`` (after a cover's title:
    :func:`.slides._author_cuts`), when a body follows it."""
    line_end = text.find("\n", name_start, name_start + 400)
    limit = name_start + 400 if line_end < 0 else line_end
    words = list(_WORD.finditer(text, name_start, limit))[: _LONGEST_NAME + _AFFILIATION_WORDS]
    texts = [word.group() for word in words]
    first = -1
    for size in range(_SHORTEST_NAME, _LONGEST_NAME + 1):
        capitalised = all(_capitalised(word) for word in texts[:size])
        if size < len(texts) and capitalised and _body_at(texts, size):
            first = size
    if first < 0:
        return []
    cuts = [words[first].start()]
    for index in range(first + 2, len(texts)):
        if texts[index][-1:] in ".,;:!?" and texts[index] != texts[-1]:
            break  # (the affiliations hold no punctuation: past one, prose)
        if not texts[index - 1][:1].islower():
            continue
        pair = " ".join(texts[index : index + 2])
        if pair in _SECTIONS:
            cuts.append(words[index].start())
            break
        if _body_at(texts, index):
            cuts.append(words[index].start())
    return cuts


def _body_at(texts: list[str], index: int) -> bool:
    """Does a body's kind open at word ``index``, before a capitalised word?"""
    if texts[index] in _BODIES:
        following = index + 1
    elif " ".join(texts[index : index + 2]) in _TWO_WORD_BODIES:
        following = index + 2
    else:
        return False
    return following < len(texts) and texts[following][:1].isupper()


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and (len(word) == 1 or word[1:].islower())
