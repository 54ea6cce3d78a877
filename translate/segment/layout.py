"""Layout flattened onto one line: tables of contents and subtitles.

* A table of contents: each entry ends with its dot leader and page number (`1. Giới
  thiệu........2 2. Phương pháp........5`, or a spaced leader: `Mục tiêu . . . . 3 1.2. …`),
  and its `MỤC LỤC` heading is a unit of its own.
* Subtitles (WebVTT, SRT): each cue's timing, with the cue number before it
  (`2 00:00:05.500 --> 00:00:08.000`), is a unit of its own between the cues' texts, also when
  glued to them (the cue number too, after the stop of the cue before it: `… trước...‖2
  00:00:03,071 --> …`); so is the `WEBVTT` header, and a YouTube SBV cue's timing pair
  (`0:00:03.964,0:00:08.867`, no arrow and no number, also glued: `… Baker.‖0:00:03.964,…`).

Only documents that have one of :data:`~translate.segment.patterns.LAYOUT_MARK` anywhere are
searched (one scan of the document decides), and each search starts at a literal or a small
character class, so that it skips ahead quickly.
"""

from __future__ import annotations

import re

from translate.segment.patterns import UPPER

# (Tried only at the start of a run of periods: a megabyte of them is one failed match.)
# (A leader of ellipsis characters may be two long, `……`; a front matter's page number is a
# lowercase roman numeral: `Lời cảm ơn........ii Mục lục`; a section sign may open the next
# entry: `…… 5 §2. LỰC LƯỢNG …`.)
_LEADER_PAGE = re.compile(
    rf"[.…](?<![.…][.…])(?:[.…]{{3,}}|…+)[ \t]*(?:\d{{1,3}}|[ivxlc]{{1,6}})[ \t]+(?=\d|[{UPPER}§])"
)
# The same entry end after a spaced leader (`Tổng quan . . . . 5 1.1. Khái niệm`), tried at
# the run's first period only.
_SPACED_LEADER_PAGE = re.compile(
    rf"(?<![.…][ \t])\.(?:[ \t]{{1,2}}\.){{2,}}[ \t]*\d{{1,3}}[ \t]+(?=\d|[{UPPER}§])"
)
_TOC_HEADING = re.compile(r"(?:MỤC LỤC|Mục lục)(?![^\W\d_])")
_SPACES_BEFORE = re.compile(r"(?<=\S)[ \t]+\Z")
_AFTER_HEADING = re.compile(rf"[ \t]+(?=\d|[{UPPER}])")
_TIMING = r"\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}"
# The cue number follows a space, or the end of the cue before it when a scrape glued them
# (`… trong tập trước...2 00:00:03,071 --> …`, `… vào đó."22 00:01:29,256 --> …`; a decimal
# number's stop, `3.5`, is no such end).
_CUE_NUMBER_AFTER = r"(?:(?<!\S)|(?<=[.!?…\"”’)\]])(?<!\d[.,]))"
_CUE_BEFORE = re.compile(rf"(?:{_CUE_NUMBER_AFTER}\d{{1,4}}[ \t]+)?{_TIMING}[ \t]*\Z")
_CUE_AFTER = re.compile(rf"[ \t]*{_TIMING}")
_LONGEST_CUE_HEAD = 24  # characters before the arrow: cue number and start time
_SBV_TIMING = r"\d{1,2}:\d{2}:\d{2}\.\d{3}"
# (after a space, or glued to the stop that ends the cue before it: `… Harry Baker.0:00:03.964,…`)
_SBV_PAIR = re.compile(rf"(?<![\w:,])(?<!\d\.){_SBV_TIMING},{_SBV_TIMING}(?![\w:.,])")


def layout_cuts(text: str, start: int, end: int) -> list[int]:
    """Where table of contents entries and subtitle cues start or end in ``text[start:end]``,
    each strictly inside the span (unsorted)."""
    cuts = [entry.end() for entry in _LEADER_PAGE.finditer(text, start, end)]
    if text.find(". .", start, end) >= 0:  # (rare: a search in C first)
        cuts += [entry.end() for entry in _SPACED_LEADER_PAGE.finditer(text, start, end)]
    for heading in _TOC_HEADING.finditer(text, start, end):
        floor = max(start, heading.start() - 4)
        if heading.group()[1] == "Ụ" and _SPACES_BEFORE.search(text, floor, heading.start()):
            cuts.append(heading.start())  # `Hà Nội – 2025 MỤC LỤC 1. …`: a heading run in
        after = _AFTER_HEADING.match(text, heading.end(), end)
        if after is not None:
            cuts.append(after.end())
    arrow = text.find("-->", start, end)
    while arrow >= 0:
        before = _CUE_BEFORE.search(text, max(start, arrow - _LONGEST_CUE_HEAD), arrow)
        after = _CUE_AFTER.match(text, arrow + 3, end)
        if before is not None and after is not None:
            cuts += (before.start(), after.end())
        arrow = text.find("-->", arrow + 3, end)
    for pair in _SBV_PAIR.finditer(text, start, end):
        cuts += (pair.start(), pair.end())
    header = text.find("WEBVTT", start, end)
    if header >= 0 and text[header + 6 : header + 7].isspace():
        cuts.append(header + 6)
    return [cut for cut in cuts if start < cut < end]
