"""Page breaks inside a PDF preview flattened onto one line (round 15, dev16): a document
site runs every page's lines together with single spaces, so a page break leaves its marks in
the middle of a sentence: the footer's rule (`… của căn ____________ Trường THCS …`), the
footer with its page number, then the running header that also opens the document's first
line (`… Giáo viên Lê Hà 1 GIÁO ÁN SINH HỌC 7 Năm học 2011-2012 nhiều loài cá …`). Each is a
unit of its own (R1 for the rule; R9, D2: split where each unit of the original lines starts;
CALLS-N call 12). A sentence cut by the break stays in two segments around them.

* A rule of underscores (twenty at least) between two words, not after a colon (a form's
  blank: `Họ tên: ________`) nor before a lowercase word, is cut on both sides.
* A running header: the opening words of a document whose first line is long (twenty
  characters at least) repeated later on that line after a page number are cut after the
  first copy and around the repeat.
"""

from __future__ import annotations

import re

_RULE_START = "_" * 20
_RULE = re.compile(r"(?<=[^\s:] )_{20,}(?= [^\W\d_])")
_LONG_LINE = 600  # characters: a flattened page, not a paragraph
_SHORTEST_HEADER = 20
_HEAD = 16  # characters of the line's start looked for again
_FIRST_PAGE = 200  # characters: the repeat comes a page later, not in the same heading
_PAGE_NUMBER = re.compile(r"(?<=\s)\d{1,3} \Z")


def page_break_cuts(text: str) -> list[int]:
    """Where a flattened page's rule and running header start and end (unsorted)."""
    cuts: list[int] = []
    if "_" in text:  # (one character: searched in C far faster than a longer string)
        found = text.find(_RULE_START)
        while found >= 0:
            rule = _RULE.match(text, found)
            if rule is not None and not text[rule.end() + 1].islower():
                cuts += (rule.start(), rule.end())
            run_end = found + len(_RULE_START)
            while run_end < len(text) and text[run_end] == "_":
                run_end += 1  # (the whole run, looked at once)
            found = text.find(_RULE_START, run_end)
    # (the running header opens the document: only its first line is looked at)
    line_start = 0
    while line_start < len(text) and text[line_start].isspace():
        line_start += 1
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start >= _LONG_LINE:
        cuts += _header_cuts(text, line_start, line_end)
    return cuts


def _header_cuts(text: str, start: int, end: int) -> list[int]:
    head = text[start : start + _HEAD]
    if not head[:1].isupper() or "\t" in head:
        return []
    repeat = text.find(head, start + _FIRST_PAGE, end)
    while repeat >= 0:
        if _PAGE_NUMBER.search(text, repeat - 5, repeat) is not None:
            length = _common_words(text, start, repeat, end)
            if length >= _SHORTEST_HEADER:
                return [start + length, repeat, repeat + length]
        repeat = text.find(head, repeat + _HEAD, end)
    return []


def _common_words(text: str, first: int, second: int, end: int) -> int:
    """The length of the whole words that ``text[first:]`` and ``text[second:]`` share."""
    length = 0
    last_space = 0
    while second + length < end and text[first + length] == text[second + length]:
        if text[first + length] == " ":
            last_space = length
        length += 1
    if second + length == end or (text[first + length] == " " or text[second + length] == " "):
        return length if text[first + length - 1] != " " else last_space
    return last_space
