"""A decree flattened onto one line (round 15b, dev2 and dev15): a PDF viewer's text layer runs
the header table, the title, the authority, the preamble and the articles together with single
spaces, often with the letters of a lost font dropped (`QUY T Đ NH`, `Căn c`). After the
national motto on such a line, each part that starts a new unit is cut (R9, D2):

* the title after the place and date (`… ngày 3 tháng 4 năm 2020 ‖QUYẾT ĐỊNH …`);
* the preamble after the authority in upper case (`… ỦY BAN NHÂN DÂN TỈNH ‖Căn cứ …`), and
  the authority after the title's subject line when it repeats the issuing body that opens the
  header (`1. HỘI ĐỒNG CHÍNH PHỦ CỘNG HÒA … ĐÔNG ANH ‖HỘI ĐỒNG CHÍNH PHỦ ‖Căn cứ …`; a dropped
  stroke, `D` for `Đ`, is no difference);
* the enacting word after the preamble's comma or semicolon, and the first article after it
  (`… của Chính phủ, ‖QUYẾT ĐỊNH: ‖Điều 1 …`).

The header's own cells are left as the document lays them out (one segment, or the cuts of
:mod:`.labels`). Only the lines that hold the motto are searched, each once: linear.
"""

from __future__ import annotations

import re

from translate.segment.patterns import UPPER

# The motto's end, its letters possibly dropped (`Tự do - Hạnh phúc`, `T do - H nh phúc`).
_MOTTO = re.compile(r"(?:do|DO)[ \t]?[-–—][ \t]?H\S{0,3}[ \t]?\S{0,3}[ \t]?(?:phúc|PHÚC)")
_MOTTO_REACH = 24  # characters before `phúc` the motto may start
_DATE_REACH = 200  # characters after the motto searched for the place and date
_DATE_TITLE = re.compile(rf"năm[ \t]+\d{{4}}[ \t]+(?=[{UPPER}]{{2,}}[ \t])")
_PREAMBLE = re.compile(rf"[{UPPER}]{{2}}[ \t]+((?:Căn|CĂN)[ \t]+[cC]|Xét[ \t])")
_ENACTING = re.compile(
    rf"[,;][ \t]+((?:[{UPPER}]+[ \t]+){{0,3}}[{UPPER}]{{2,}}[ \t]?:)[ \t]+(?=[^\W_])"
)


def decree_cuts(text: str) -> list[int]:
    """The sorted starts of a flattened decree's parts in ``text`` (empty without a motto:
    most documents, told by a search in C)."""
    cuts: list[int] = []
    searched_to = 0
    for start in _motto_ends(text):
        if start < searched_to:
            continue  # (a line searched already)
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        searched_to = line_end
        date = _DATE_TITLE.search(text, start, min(line_end, start + _DATE_REACH))
        if date is not None:
            cuts.append(date.end())
        body = _issuing_body(text, start)
        for match in _PREAMBLE.finditer(text, start, line_end):
            cuts.append(match.start(1))
            authority = _authority_start(text, match.start(1), body)
            if authority > start:
                cuts.append(authority)
        for match in _ENACTING.finditer(text, start, line_end):
            cuts += [match.start(1), match.end()]
    return sorted(set(cuts))


def _motto_ends(text: str) -> list[int]:
    """Where each motto ends, found from its last word (searches in C: a regex scan for the
    motto's start would try every `do` of the text)."""
    ends = []
    for word in ("phúc",):  # (an upper-case motto is too rare to pay a search through text)
        at = text.find(word)
        while at >= 0:
            floor = max(0, at - _MOTTO_REACH)
            motto = _MOTTO.search(text, floor, at + len(word))
            if motto is not None and motto.end() == at + len(word):
                ends.append(motto.end())
            at = text.find(word, at + len(word))
    return sorted(ends)


# The national name, its letters possibly dropped (`CỘNG HÒA`, `C NG HOÀ`): the issuing body
# before it on the header's line.
_NATIONAL_NAME = re.compile(r"(?:CỘNG|C)[ \t]+(?:NG[ \t]+)?H(?:ÒA|OÀ)[ \t]+XÃ")
_HEADER_REACH = 400  # characters before the motto searched for the issuing body
_LIST_NUMBER = re.compile(r"\d{1,2}\.\Z")


def _issuing_body(text: str, motto_end: int) -> list[str]:
    """The upper-case words of the issuing body that open the motto's line, before the
    national name (a viewer's page number before them left out), normalised; [] if none."""
    line_start = text.rfind("\n", max(0, motto_end - _HEADER_REACH), motto_end) + 1
    name = _NATIONAL_NAME.search(text, line_start, motto_end)
    if name is None:
        return []
    words = text[line_start : name.start()].split()
    if words and _LIST_NUMBER.match(words[0]):
        words = words[1:]
    if not words or not all(word.isupper() for word in words):
        return []
    return [_normalised(word) for word in words]


def _authority_start(text: str, preamble: int, body: list[str]) -> int:
    """Where the authority that repeats ``body`` starts before ``preamble``, or -1."""
    if len(body) < 2:
        return -1
    floor = max(0, preamble - 8 * len(body) - 8)
    before = list(_WORD.finditer(text, floor, preamble))
    if len(before) <= len(body):  # (the window's first word may be cut: never used)
        return -1
    words = before[-len(body) :]
    if [_normalised(word.group()) for word in words] != body:
        return -1
    return words[0].start()


_WORD = re.compile(r"\S+")


def _normalised(word: str) -> str:
    return word.replace("Đ", "D")
