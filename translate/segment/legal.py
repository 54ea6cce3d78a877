"""Glued joins in legal texts whose line breaks were lost (issue 11, round 9).

A legal portal's copy of a decree may run its lines together with no space at all; each line
was a unit (R1, R8), so the join is a boundary:

* a preamble clause after the one before it: `… năm 2015;‖Căn cứ Nghị định …`, `…;‖Xét đề
  nghị …`, and a list item after its predecessor's semicolon: `… hộ nghèo;‖b) Hộ cận nghèo`;
* the enacting word after the preamble, and the first article after it: `… Sở Nội vụ,‖QUYẾT
  ĐỊNH:‖Điều 1. Ban hành …`;
* an article glued to what ends before it: `… QUY ĐỊNH CHUNG‖Điều 1. Phạm vi điều chỉnh`.

A semicolon followed by a space stays inside its segment (R12): only a glued one is a lost
line break. Each finder looks only where a literal search found its mark: linear.
"""

from __future__ import annotations

import re

from translate.segment.patterns import LOWER, UPPER

# What opens a preamble clause or the next list item right after a glued semicolon.
_CLAUSE_OPENERS = ("Căn cứ", "Xét ", "Theo đề nghị", "Thực hiện ")
_ITEM = re.compile(r"(?:[a-zđ]|\d{1,2})\)\s|\d{1,2}\.\s+[^\W\d_]|[-–+•]\s")
# The enacting word of a decision, a resolution or a directive, and its colon.
_ENACTING = ("QUYẾT ĐỊNH:", "NGHỊ QUYẾT:", "QUYẾT NGHỊ:", "CHỈ THỊ:")  # (each ends in a colon)
ENACTING_MARK = "Ị"  # (a letter each of them has: a document-level literal search)
# An article's label that opens a heading or the article's text.
_ARTICLE = re.compile(r"Điều \d{1,3}[a-zđ]?\.(?=\s)")


def legal_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts at glued preamble clauses, list items, enacting words and articles (see above)."""
    joins = []
    semicolon = text.find(";", start, end)
    while semicolon >= 0:
        after = semicolon + 1
        if after < end and (text.startswith(_CLAUSE_OPENERS, after) or _ITEM.match(text, after)):
            joins.append(after)
        semicolon = text.find(";", after, end)
    colon = text.find(":", start, end)
    while colon >= 0:
        after = colon + 1
        word = next((word for word in _ENACTING if text.endswith(word, start, after)), None)
        if word is not None:
            word_start = after - len(word)
            if word_start > start and not text[word_start - 1].isspace():
                joins.append(word_start)
            if after < end and not text[after].isspace():
                joins.append(after)
        colon = text.find(":", after, end)
    article = text.find("Điều ", start + 1, end)
    while article >= 0:
        previous = text[article - 1]
        if (
            not previous.isspace()
            and previous not in _OPENING_MARKS
            and _ARTICLE.match(text, article, end)
        ):
            joins.append(article)
        article = text.find("Điều ", article + 5, end)
    return joins


_OPENING_MARKS = frozenset("\"“‘«'*#(_[>|")  # (`sau:“Điều 5. …`, `**Điều 9.`: they open it)


# The openings of a decree's preamble clauses: each clause ends with its `;` (or the last
# one's `,`), so a clause's line without one was wrapped inside the clause.
_PREAMBLE_OPENINGS = ("Căn cứ ", "Xét đề nghị", "Theo đề nghị", "Xét Tờ trình", "Xét tờ trình")
_CAPS_WORD = re.compile(r"[^\W\d_]{2,}(?=[\s:])")


# A field's label opening a line: a capitalised word and at most three more, then a colon.
_FIELD_LABEL = re.compile(rf"[{UPPER}][^\s:;,.]*(?: [^\s:;,.]+){{0,3}}:\s")


def preamble_clause_goes_on(text: str, unit_start: int, line_end: int, next_start: int) -> bool:
    """Is the line ending at ``line_end``, without a clause's closing mark, inside a preamble
    clause that opens its unit (`Xét đề nghị của Giám đốc⏎Sở Nông nghiệp …`), the next line
    opening neither the next clause nor the enacting word (`QUYẾT ĐỊNH:`)?"""
    if not text.startswith(_PREAMBLE_OPENINGS, unit_start) or text[line_end - 1] in ";,.:":
        return False
    if text.startswith(_CLAUSE_OPENERS, next_start):
        return False  # (a clause whose `;` was left out: the next clause is a unit)
    if _FIELD_LABEL.match(text, next_start) is not None:
        return False  # `Căn cứ thực hiện: Quyết định …⏎Đối tượng: Sinh viên …`: the next field
    word = _CAPS_WORD.match(text, next_start)
    return word is None or not word.group().isupper()


# A decree's date line, its place's last syllable first: `Kỳ, ngày 19 tháng 6 năm 2007`.
_DATE_LINE_TAIL = re.compile(rf"[{UPPER}][{LOWER}]+, ngày \d")
_PLACE_HEAD = re.compile(rf"[{UPPER}][{LOWER}]*(?: [{UPPER}][{LOWER}]*)?")


def date_place_goes_on(text: str, line_first: int, line_end: int, next_start: int) -> bool:
    """Is the line one or two capitalised syllables that begin the place of the date line
    after it (a header cell wrapped inside the name: `Tam⏎Kỳ, ngày 19 tháng 6 năm 2007`)?"""
    return (
        _DATE_LINE_TAIL.match(text, next_start) is not None
        and _PLACE_HEAD.fullmatch(text, line_first, line_end) is not None
    )
