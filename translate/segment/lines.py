"""Pass 1: lines into units of running text, deciding at each single line break whether it
ends a unit (headline, list item, finished sentence) or falls inside a sentence (hard wrap).

In ``auto`` mode a break is a hard wrap when the line ends without a terminator and

* the next line continues in lowercase, or the line ends with a word that never ends a phrase
  (``của``, ``và``, ``các``…), or the line is only a heading label (``Chương IV.``); or
* the document is hard-wrapped (many lines end within a few columns of one width) and this
  line is full: the next line's first word would not have fitted on it. This is the evidence
  that lets ``… tỉnh Hà⏎Tĩnh;`` and ``… năm⏎2023;`` join while a short headline above a
  capitalised paragraph stays a unit of its own.

A line that ends with a terminator joins only when the terminator does not end a sentence
(``PGS.TS.⏎Trần Kiêm Hảo``). List items, Markdown headings and clause ends (``;`` ``:``)
never join.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from translate.document import BreakKind
from translate.segment.codelines import fence_closes
from translate.segment.ends import next_word_case
from translate.segment.evidence import (
    CueLines,
    Evidence,
    Line,
    document_evidence,
    double_spaced,
    single_blanks_removed,
)
from translate.segment.frontmatter import front_matter_end
from translate.segment.lineblocks import (
    caps_title_goes_on,
)
from translate.segment.linebreaks import DATE_HEADS, DATE_TAILS, continues, full
from translate.segment.linekinds import (
    ADMINISTRATIVE_LEVELS,
    LAST_WORD_OF_DATE,
    next_line_words,
    open_bracket,
)
from translate.segment.names import NamePairs
from translate.segment.patterns import BREAK_TAGS, UPPER, VIETNAMESE_ACCENTED
from translate.segment.rules import Rules
from translate.segment.sentences import Unit
from translate.segment.whole import ENTRY_LAST, WHOLE_FIRST, Tables, book_entry, whole_unit


def units(
    text: str,
    line_starts: Sequence[int],
    mode: str,
    rules: Rules,
    layout: bool | None = None,
    *,
    blank_lines_end_units: bool = False,
) -> list[Unit]:
    """The units of running text; ``layout``: whether the text has a ``LAYOUT_MARK`` (None:
    look); ``blank_lines_end_units``: a blank line always ends a unit, even in a text that
    looks double-spaced (the caller separated its blocks with them: HTML, Markdown)."""
    tables = Tables(text)
    lines = _lines(text, line_starts, tables)
    # (a PDF extract with a blank line after every line: one blank is a break)
    if mode == "auto" and not blank_lines_end_units and double_spaced(lines):
        lines = single_blanks_removed(text, lines)
    evidence = (
        document_evidence(text, lines, layout)
        if mode == "auto"
        else Evidence(0, 0, NamePairs(""), False, False, CueLines("", ()), CueLines("", ()))
    )
    found: list[Unit] = []
    unit_start = -1
    last: Line | None = None  # the last non-blank line
    blank_since_last = False
    fenced = False  # inside a Markdown code block: code lines are never joined (D4)
    fences = "```" in text or "~~~" in text  # (looked for once: most documents have none)
    code = False  # the unit is a code line or a fence: one segment (D4)
    over_blanks = mode == "auto" and not blank_lines_end_units
    prose_fence = False  # the open fence holds subtitles or plain text: each line is prose
    # (a page's front matter: one field or entry a line, never wrapped)
    fields_end = front_matter_end(text) if text.startswith(_FRONT_FENCES) else -1
    # (fields read by index, the last line's end kept in a local: a named-tuple field costs
    # hundreds of instructions in Python 3.11, an index a few dozen; once per line of news)
    last_end = -1
    for line in lines:
        first = line[1]
        if first < 0:
            blank_since_last = True
            continue
        fence = fences and text.startswith(_FENCES, first)
        if fence and not fenced and not fence_closes(text, first, line[2]):
            fence = False  # a rule of backticks in a PDF extract: nothing closes it
        if fence:
            fenced = not fenced
            prose_fence = fenced and _prose_fence(text, line)
        if last is not None:
            if first > fields_end and (
                (
                    not blank_since_last
                    and not fenced
                    and continues(text, last, first, unit_start, mode, rules, evidence)
                )
                or (
                    blank_since_last
                    and over_blanks
                    and text[last_end - 1] in _OVER_BLANKS_LAST  # (most paragraphs end otherwise)
                    and _goes_on_over_blanks(text, last, first, unit_start, rules, evidence)
                )
                or (
                    blank_since_last
                    and over_blanks
                    and text[first].islower()
                    and (
                        (  # (`HƯỚNG DẪN …⏎⏎đăng trên …`: a title)
                            text[last_end - 1].isupper()
                            and unit_start == last[1]
                            and caps_title_goes_on(text, last[1], last_end, first)
                        )  # (`(Ban hành kèm theo Thông tư số …⏎⏎ngày 11 …)`: inside it)
                        or open_bracket(text, last[1], last_end)
                    )
                )
            ):
                last, last_end = line, line[2]
                blank_since_last = False
                continue
            kind = _PARAGRAPH if blank_since_last else _LINE
            # (whole: code, a table row or a reference entry, :mod:`.whole`; the first
            # character decides for most units, without a call: a helper shared with the
            # last unit below cost 1% of the instructions on news)
            whole = (
                code
                or (
                    text[unit_start] in WHOLE_FIRST
                    and whole_unit(text, unit_start, last_end, tables)
                )
                or (text[last_end - 1] in ENTRY_LAST and book_entry(text, unit_start, last_end))
            )
            found.append(tuple.__new__(Unit, (unit_start, last_end, kind, whole)))
        unit_start = first
        last, last_end = line, line[2]
        blank_since_last = False
        code = fence or (fenced and not prose_fence)
    if last is not None:
        whole = (
            code
            or (text[unit_start] in WHOLE_FIRST and whole_unit(text, unit_start, last.end, tables))
            or (text[last.end - 1] in ENTRY_LAST and book_entry(text, unit_start, last.end))
        )
        found.append(tuple.__new__(Unit, (unit_start, last.end, BreakKind.END, whole)))
    return found


_FENCES = ("```", "~~~")
_FRONT_FENCES = ("---", "+++", "\ufeff", "{")
# (an enum member looked up on its class costs about a thousand instructions in Python 3.11:
# the loop above reads these once per unit)
_PARAGRAPH, _LINE = BreakKind.PARAGRAPH, BreakKind.LINE
# The info strings of a fence that holds text, not code: a SubRip or WebVTT file, plain text.
# Its lines are still never joined (each is a cue's line), but a line with two sentences is
# split (`Chào buổi sáng! Hôm nay bạn thế nào?`).
_PROSE_FENCE_INFO = frozenset(("srt", "vtt", "webvtt", "sbv", "sub", "text", "txt", "plaintext"))


def _prose_fence(text: str, line: Line) -> bool:
    """Does the fence that opens at ``line`` name a text language (```` ```srt ````), or name
    none and hold Vietnamese sentences (a prompt, a sample input)?"""
    info = text[line.first + 3 : line.end].strip().lower()
    if info:
        return info in _PROSE_FENCE_INFO
    body = text[line.end : line.end + _PROSE_FENCE_LOOK]
    close = body.find("\n```")
    body = body if close < 0 else body[:close]
    letters = sum(1 for character in body if character.isalpha())
    return (
        len(_SENTENCE_STOPS.findall(body)) >= _FEWEST_FENCE_SENTENCES
        and sum(1 for character in body if character in _CODE_MARKS) < _CODE_SHARE * len(body)
        and len(VIETNAMESE_ACCENTED.findall(body)) >= _ACCENTED_SHARE * letters
    )


# What tells Vietnamese prose from code in a fence that names no language: sentence stops
# before a capital, hardly any code punctuation, many accented letters (a tenth or more).
_PROSE_FENCE_LOOK = 2000  # characters
_SENTENCE_STOPS = re.compile(rf"[.!?…] [{UPPER}]")
_FEWEST_FENCE_SENTENCES = 2
_CODE_MARKS = frozenset("{}();=<>$[]\\|`#")
_CODE_SHARE = 0.01
_ACCENTED_SHARE = 0.1


def _lines(text: str, line_starts: Sequence[int], tables: Tables) -> list[Line]:
    """The lines; in a document with ``<br>`` tags each tag ends a line too, except in the
    rows of a Markdown table (``tables``), where it is the only line break a cell can hold."""
    lines: list[Line] = []
    tags = "<br" in text or "<BR" in text
    if "\r" in text:
        contents = [
            text[start : _line_content_end(text, line_starts, index)]
            for index, start in enumerate(line_starts)
        ]
    else:  # (the same lines, cut in C)
        contents = text.split("\n")
    # (the bound methods taken once: two lines per paragraph of news)
    append, new = lines.append, tuple.__new__
    for start, line in zip(line_starts, contents, strict=True):
        content = line.rstrip()
        if content:
            end = start + len(content)
            first = end - len(content.lstrip())
            if tags and "<" in content and not (text[first] == "|" and tables.present()):
                lines += _split_at_tags(text, start, first, end)
            else:
                append(new(Line, (start, first, end)))
        else:
            append(new(Line, (start, -1, start)))
    return lines


def _split_at_tags(text: str, start: int, first: int, end: int) -> list[Line]:
    """An HTML line break (`…tỉnh Hà<br />Tĩnh`, PDF extracts) ends a line as a newline does;
    the tag stays at the end of its line, with the closing tags right after it."""
    lines = []
    for tag in BREAK_TAGS.finditer(text, first, end):
        if tag.end() >= end:
            break
        if text.startswith("</", tag.end()):
            continue  # (`<p><br></p>`, `… dòng cuối<br></div>`: the block ends the line)
        tag_end = tag.end() - len(tag.group()) + len(tag.group().rstrip())
        lines.append(Line(start, first, tag_end))
        start = first = tag.end()
    lines.append(Line(start, first, end))
    return lines


def _line_content_end(text: str, line_starts: Sequence[int], index: int) -> int:
    if index + 1 == len(line_starts):
        return len(text)
    end = line_starts[index + 1] - 1
    if text[end] == "\n" and end > 0 and text[end - 1] == "\r":
        end -= 1
    return end


# What a line goes on from across blank lines ends with: a comma, the last letter of `NHÂN DÂN`,
# of `ngày` or of `tháng`.
# (A chapter's label and its title in two paragraphs, `Chương I⏎⏎QUY ĐỊNH CHUNG`, are two
# segments in set A's gold and one in set I's: no rule.)
_OVER_BLANKS_LAST = frozenset(",Nyg")
_ISSUING_BODIES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def _goes_on_over_blanks(
    text: str, line: Line, next_start: int, unit_start: int, rules: Rules, evidence: Evidence
) -> bool:
    """Is the break after ``line``, across blank lines, still inside one unit? A PDF viewer's
    page break inside a sentence (in a hard-wrapped document, a full line that ends with a
    comma before a lowercase word: `… hiệu quả,⏎⏎⏎nghiêm túc.`), and a portal's header set
    one cell a paragraph: the issuing body and its level (`ỦY BAN NHÂN DÂN⏎⏎XÃ AN PHÚ`), a
    date form's blanks (`ngày⏎⏎tháng⏎⏎năm 2016`)."""
    if text[line.end - 1] == ",":
        return (
            evidence.width > 0
            and full(text, line, next_start, evidence.width)
            and next_word_case(text, next_start, len(text), rules)[0] == "lower"
        )
    if text[line.end - 1] in "yg":  # a date form's blanks: `Hà Nội, ngày⏎⏎tháng⏎⏎năm 2016`
        return (
            text.startswith(DATE_TAILS, next_start)
            and text.endswith(DATE_HEADS, line.first, line.end)
            and LAST_WORD_OF_DATE.search(text, max(line.first, line.end - 6), line.end) is not None
        )
    if unit_start != line.first or text[line.first : line.end] not in _ISSUING_BODIES:
        return False
    following = next_line_words(text, next_start)
    return (
        len(following) >= 2
        and following[0] in ADMINISTRATIVE_LEVELS
        and all(word.isupper() for word in following[:2])
    )
