"""Pass 2: a unit of running text into sentences.

Candidate ends are runs of ``. ! ? …`` with the closing quotes, brackets, emphasis marks and
citation marks glued to them, followed by whitespace or, glued, by the capitalised word of a
new unit (``tạm giữ.Sáng``, ``lại.2Mở``, ``toàn bộ.**‖**Điều 11``); :mod:`.ends` decides which
are sentence ends, :mod:`.periods` which glued periods are inside a token (``P.Bến Nghé``).
Glued joins found by :mod:`.joins` cut the unit as well, and so does each item of a list
flattened onto one line after its introducer (`mang theo: - Đơn…; - Bản sao…`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from translate.document import BreakKind, Note
from translate.segment.cells import cell_sentence_cuts, row_pieces
from translate.segment.ends import is_sentence_end
from translate.segment.flatlists import flat_list_cuts
from translate.segment.joins import rare_join_marks, scrape_joins
from translate.segment.labels import (
    heading_number_start,
    label_marks,
    marked_joins,
    numbered_heading_at,
    numbered_heading_joins,
)
from translate.segment.layout import layout_cuts
from translate.segment.patterns import (
    BREAK_TAGS,
    CITATION,
    CLOSING_QUOTES_AFTER_SPACE,
    EMOJI,
    GLUED_START,
    NON_SPACE,
    OPENERS,
    UPPER,
    layout_marks,
)
from translate.segment.periods import (
    LIST_LABEL_AFTER,
    detached_name,
    period_in_token,
    prose_after,
)
from translate.segment.rules import Rules
from translate.segment.runin import emoji_end_marks, emoji_ends
from translate.segment.runs import run_in_starts
from translate.segment.scraped import CLOSING_TAGS
from translate.segment.slides import slide_cuts
from translate.segment.teasers import LABEL_INITIALS, title_after_label
from translate.segment.tokens import address_like, token_around

# A database dump's paragraph ends written out (`… đáy biển...\r\nMột nhóm …`) belong to the
# sentence they end, as a line break would; so does an SBV subtitle's line break inside a cue
# (`… Harry Baker.[br]Harry Baker là …`).
_ESCAPED_BREAKS = r"(?:[ \t]?\\[rn](?![a-z])|\[br\]|&nbsp;)*"
# An inline element closed after the stop, in HTML kept as text (`… An Giang.</strong> Sinh …`):
# it belongs to the sentence, as a closing quote does.
_INLINE_END_TAG = r"</(?:strong|b|em|i|u|span|a|font|small|sup)>"
# (It starts with a character class so that the regex engine can skip ahead quickly.)
# The runs are matched atomically (`(?=(X*))\2`: no backtracking into them), so that a
# megabyte of periods is one failed match, not a million.
_CANDIDATE = re.compile(
    r"([.!?…](?<![.!?…][.!?…])(?=([.!?…]*))\2)"
    rf"(?=((?:\\\"|[\"'”’»›)\]}}*_]|{_INLINE_END_TAG})*(?:{CITATION})*{_ESCAPED_BREAKS}"
    r"[\u200b\u200c\u200d\u2060\ufeff]*))\3"
    rf"(?=\s|{GLUED_START})"
)
_DETACHED_CITATION = re.compile(rf"(?:{CITATION})+(?=\s|\Z|[{UPPER}])")


class Unit(NamedTuple):
    """Running text between line breaks that end paragraphs; no outer whitespace."""

    start: int
    end: int
    break_kind: BreakKind  # what follows the unit
    whole: bool = False  # one segment whatever it holds: a table row, code, a reference (.whole)


# Thousands of units and pieces are made per document: the hot loops build them with
# ``tuple.__new__(Piece, (…))`` (every field given), skipping the Python frame of the
# NamedTuple constructor (about 300 instructions each).
class Piece(NamedTuple):  # a tuple: thousands are made per document
    start: int
    end: int
    break_kind: BreakKind
    notes: tuple[Note, ...] = ()


class Marks(NamedTuple):
    """Sorted positions found once per document (:func:`document_marks`): a unit looks up
    whether it holds one by bisection, where a search per unit would cost more than the
    whole scan."""

    layout: Sequence[int]  # LAYOUT_MARK starts: a table of contents or subtitle timings
    labels: Sequence[int]  # credits, official headers, image labels (.labels.label_marks)
    emoji: Sequence[int]  # cuts after emoji (.runin.emoji_end_marks)
    rare: Sequence[int]  # what the rarer scrape joins need (.joins.rare_join_marks)
    slides: Sequence[int]  # flattened slides' bullets, numbered runs, footers (.slides)
    runs: Sequence[int]  # units run in where no punctuation ends the one before (.runs)


def document_marks(text: str) -> Marks:
    return Marks(
        layout_marks(text),
        label_marks(text),
        emoji_end_marks(text),
        rare_join_marks(text),
        slide_cuts(text),
        run_in_starts(text),
    )


def _holds(marks: Sequence[int], start: int, end: int) -> bool:
    at = bisect.bisect_left(marks, start) if marks else 0
    return at < len(marks) and marks[at] < end


# (Enum members and named-tuple fields looked up in the per-unit code: each lookup costs
# hundreds of instructions in Python 3.11, a module constant or a local a few dozen.)
_SENTENCE, _JOIN = BreakKind.SENTENCE, BreakKind.JOIN
_REPAIRED = (Note.REPAIRED_JOIN,)


class _Cursor:
    """The segment being built and the pieces done so far."""

    def __init__(self, start: int) -> None:
        self.pieces: list[Piece] = []
        self.start = start
        self.notes: tuple[Note, ...] = ()

    def cut(self, text: str, end: int, next_start: int, kind: BreakKind, joined: bool) -> None:
        """End the current segment at ``end`` (trailing whitespace trimmed) and start the
        next at ``next_start`` (leading whitespace skipped)."""
        trimmed = end
        while trimmed > self.start and text[trimmed - 1].isspace():
            trimmed -= 1
        if trimmed <= self.start:
            return
        self.pieces.append(tuple.__new__(Piece, (self.start, trimmed, kind, self.notes)))
        if next_start < len(text) and not text[next_start].isspace():
            self.start = next_start  # glued: the common case, without a search
        else:
            following = NON_SPACE.search(text, next_start)
            self.start = next_start if following is None else following.start()
        self.notes = _REPAIRED if joined else ()


def _cuts(text: str, unit: Unit, rules: Rules, marks: Marks) -> list[tuple[int, bool]]:
    """Cuts that need no terminator: glued joins, closed HTML blocks and emoji (True: a
    repaired join where no whitespace is on either side), flattened list items, table of
    contents entries, credits, official headers and image labels (False)."""
    layout, labels, emoji, rare, slides, runs = marks
    start, end = unit[0], unit[1]
    joins = scrape_joins(text, start, end, rules, rare=_holds(rare, start, end))
    cuts = [(join, True) for join in joins]
    if emoji:  # (a chat post ended by an emoji: `… ngon 😋 Món này …`)
        found = emoji_ends(text, start, end, emoji)
        if found:
            # (a README's emoji heading may be glued: that cut repairs a join)
            cuts = sorted(set(cuts) | {(cut, True) for cut in found})
    # (each list holds sorted document-level marks: does the unit hold one?)
    at = bisect.bisect_left(labels, start) if labels else 0
    if at < len(labels) and labels[at] < end:  # (a credit or an official header)
        in_unit = labels[at : bisect.bisect_left(labels, end, at)]
        cuts += marked_joins(text, start, end, in_unit)
        cuts = sorted(cut for cut in set(cuts) if start < cut[0] < end)
    at = bisect.bisect_left(slides, start + 1) if slides else 0
    if at < len(slides) and slides[at] < end:  # (a flattened slide's units)
        in_unit = slides[at : bisect.bisect_left(slides, end, at)]
        cuts = sorted(set(cuts) | {(cut, False) for cut in in_unit})
    at = bisect.bisect_left(runs, start + 1) if runs else 0
    if at < len(runs) and runs[at] < end:  # (units run in: .runs)
        in_unit = runs[at : bisect.bisect_left(runs, end, at)]
        cuts = sorted(set(cuts) | {(cut, False) for cut in in_unit})
    at = bisect.bisect_left(layout, start) if layout else 0
    if at < len(layout) and layout[at] < end:  # (a TOC or subtitles)
        cuts = sorted(cuts + [(cut, False) for cut in layout_cuts(text, start, end)])
    colon = text.find(":", start, end)  # (str.find first: most units have none)
    if colon < 0:
        return cuts
    items = flat_list_cuts(text, start, colon, end)
    if not items:
        return cuts
    return sorted(cuts + [(cut, False) for cut in items])


def split_unit(text: str, unit: Unit, rules: Rules, marks: Marks) -> list[Piece]:
    """The sentences of ``unit``; ``marks``: the document's (:func:`document_marks`)."""
    unit_start, unit_end, unit_kind, whole = unit
    if whole:
        if text[unit_start] == "|":  # a table row: one line, but its cells' sentences split
            return _row(text, unit, rules)
        return [tuple.__new__(Piece, (unit_start, unit_end, unit_kind, ()))]
    joins = _cuts(text, unit, rules, marks)
    first = (
        _CANDIDATE.search(text, unit_start, unit_end)
        if _stop_before_last(text, unit_start, unit_end)
        else None
    )
    if first is None and not joins:
        # (one sentence, most units of news: what the loop below gives, without its cursor)
        return [tuple.__new__(Piece, (unit_start, unit_end, unit_kind, ()))]
    join_index, join_count = 0, len(joins)
    cursor = _Cursor(unit_start)
    quotes = _StraightQuotes(unit_start)
    # (from the first candidate on: the text before it is not scanned twice)
    for match in _CANDIDATE.finditer(text, unit_end if first is None else first.start(), unit_end):
        terminator_start = match.start()
        if terminator_start < cursor.start:
            continue  # inside a closing quote already attached to the previous segment
        while join_index < join_count and joins[join_index][0] <= terminator_start:
            _cut_at(text, cursor, joins[join_index])
            join_index += 1
        closers_end = match.end()
        if closers_end >= unit_end:
            break
        if not text[closers_end].isspace():
            closers_end = _glued_end(text, match, cursor.start, unit_end, rules, quotes)
            if closers_end >= 0:
                cursor.cut(text, closers_end, closers_end, _JOIN, True)
            continue
        next_match = NON_SPACE.search(text, closers_end, unit_end)
        if next_match is None:
            break
        next_start = next_match.start()
        if (
            text[terminator_start - 1].isdigit()
            and match.end(1) == terminator_start + 1
            and not text[terminator_start - 3 : terminator_start - 1].isdigit()
        ):  # (a number of one or two digits: `1.`, `12.`, never `2020.`)
            _numbered_heading(text, cursor, terminator_start, next_start, unit_end, joins)
            join_count = len(joins)
        if text[next_start] in _DETACHED_STARTS:
            detached = _detached_closers(text, closers_end, next_start, unit_end, quotes)
            if detached is None:
                break
            closers_end, next_start = detached
        if (
            text[next_start] >= "\u2600"
            and text[next_start] not in _BULLET_SYMBOLS
            and (emoji := _EMOJI_RUN.match(text, next_start))
        ):
            # R14: an emoji after the stop ends the same sentence (`Xong rồi. 🙂 Mai gặp.`)
            after = NON_SPACE.search(text, emoji.end(), unit_end)
            if after is None:
                break
            if after.start() > emoji.end():
                closers_end, next_start = emoji.end(), after.start()
        if is_sentence_end(
            text, terminator_start, match.end(1), closers_end, next_start, cursor.start, rules
        ):  # (the end and the next start are non-space: no trimming needed)
            cursor.pieces.append(
                tuple.__new__(Piece, (cursor.start, closers_end, _SENTENCE, cursor.notes))
            )
            cursor.start, cursor.notes = next_start, ()
            if text[next_start] in LABEL_INITIALS:  # (a teaser's link label: .teasers)
                join_count += _teaser_title(text, match, next_start, unit_end, joins)
    for join in joins[join_index:]:
        _cut_at(text, cursor, join)
    cursor.pieces.append(tuple.__new__(Piece, (cursor.start, unit_end, unit_kind, cursor.notes)))
    return cursor.pieces


def _row(text: str, unit: Unit, rules: Rules) -> list[Piece]:
    """A Markdown table row (:mod:`.cells`): whole, but for the sentences of a cell."""
    cuts = cell_sentence_cuts(
        text,
        unit.start,
        unit.end,
        lambda text, start, end, closers, following, segment: is_sentence_end(
            text, start, end, closers, following, segment, rules
        ),
    )
    return [
        tuple.__new__(Piece, (start, end, kind, ()))
        for start, end, kind in row_pieces(unit.start, unit.end, unit.break_kind, cuts)
    ]


def _stop_before_last(text: str, start: int, end: int) -> bool:
    """Is there a terminator before the unit's last character? A candidate end needs one and
    a character after it; most units of news have none but their final stop, and four
    searches in C for one character cost a tenth of the candidate search they spare.
    (On one copy of the unit with ``in``: a ``str.find`` with bounds parses its arguments
    in Python 3.11 at about 1,500 instructions a call, the copy and four ``in`` cost half.)"""
    body = text[start : end - 1]
    return "." in body or "…" in body or "?" in body or "!" in body


def _numbered_heading(
    text: str,
    cursor: _Cursor,
    terminator_start: int,
    next_start: int,
    unit_end: int,
    joins: list[tuple[int, bool]],
) -> None:
    """At a period after a number: cut before a list number that opens a heading run into
    another one (`… ĐẤT VÀ NGƯỜI ‖1. Công cuộc …`), and add the cuts after a numbered heading
    the story repeats (:func:`.labels.numbered_heading_joins`) to the unit's sorted ``joins``
    (they all lie after the joins already used)."""
    heading = heading_number_start(text, cursor.start, terminator_start, next_start)
    if heading > cursor.start:  # (glued, `ebook‖1. THÔNG TIN`, it repairs a scrape join)
        glued = not text[heading - 1].isspace()
        cursor.cut(text, heading, heading, _JOIN if glued else _SENTENCE, glued)
    if numbered_heading_at(text, cursor.start, terminator_start):
        for cut in numbered_heading_joins(text, next_start, unit_end):
            bisect.insort(joins, (cut, False))


def _teaser_title(
    text: str, match: re.Match[str], label: int, unit_end: int, joins: list[tuple[int, bool]]
) -> int:
    """After an ellipsis that ends a teaser before its link label (`… Read more HLV …`), add
    the cut before the linked title to the unit's sorted ``joins``; the number of cuts added.
    (After an ellipsis only: `… hiệu lực. Xem thêm Điều 5 …` is a sentence.)"""
    terminator_start = match.start()
    if text[terminator_start] != "…" and match.end(1) - terminator_start < 3:
        return 0
    title = title_after_label(text, label, unit_end)
    if title < 0:
        return 0
    bisect.insort(joins, (title, True))
    return 1


class _StraightQuotes:
    """Straight quotes counted over the whole unit: a quotation may span sentences."""

    def __init__(self, start: int) -> None:
        self.counted_to = start
        self.count = 0


_DETACHED_STARTS = CLOSING_QUOTES_AFTER_SPACE | {"[", "|", "<", ")"}
# Symbols that mark items, not feelings: after a stop they open the next item (`Giá 50k. ✅
# Giao nhanh.`): check marks, crosses, arrows, pointing hands, pins, small diamonds.
_BULLET_SYMBOLS = frozenset(
    "\u2611\u2705\u2713\u2714\u2716\u274c\u274e\u27a1\u2794\u279c\u27a4\u2b50\u2b55"
    "\U0001f446\U0001f447\U0001f448\U0001f449\U0001f4cc\U0001f4cd\U0001f539\U0001f538"
    "\U0001f53a\U0001f53b\U0001f536\U0001f537\U0001f4a1\U0001f4dd\U0001f4e2\U0001f4de"
    "\u260e"
)
# A run of emoji (with their variation selectors, skin tones and joiners) after a stop.
_EMOJI_RUN = re.compile(f"(?:[{EMOJI}][\ufe0f\u200d\U0001f3fb-\U0001f3ff]*)+")
_NOT_BAR = re.compile(r"[^\s|]")


def _detached_closers(
    text: str, closers_end: int, next_start: int, unit_end: int, quotes: _StraightQuotes
) -> tuple[int, int] | None:
    """A closing quote or a footnote mark separated from its sentence by a space (`ở lại. "
    Ông`, `thân thiết. [14]`) belongs to it: the new (end of the closers, next start), or
    None when nothing follows in the unit (empty table cells and line-break tags included)."""
    following = text[next_start]
    if following == "|":  # a table cell's closing bar ends the line: `… Ảnh: Reuters. |`
        # (so do the empty cells after it: `Xem bài. | |`)
        rest = _NOT_BAR.search(text, next_start + 1, unit_end)
        return None if rest is None else (closers_end, next_start)
    if following == "<":  # an HTML line break that ends the line: `… góp ý được. <br>⏎`
        tag = BREAK_TAGS.match(text, next_start, unit_end)
        if tag is not None and tag.end() == unit_end:
            return None
        tags = CLOSING_TAGS.match(text, next_start, unit_end)
        if tags is None:
            return closers_end, next_start
        # the tags the sentence closes: `… như hình. </span></p>‖<p>…` (the block's join)
        following_match = NON_SPACE.search(text, tags.end(), unit_end)
        return None if following_match is None else (tags.end(), following_match.start())
    if following == ")":  # a call's closing bracket: `format( "Hãy nhập lại." ),⏎`
        end = next_start + 1
        while end < unit_end and text[end] in ",;":
            end += 1
        if end >= unit_end:
            return None
        if not text[end].isspace():
            return closers_end, next_start
        after = NON_SPACE.search(text, end, unit_end)
        return None if after is None else (end, after.start())
    if following in CLOSING_QUOTES_AFTER_SPACE:
        quotes.count += text.count('"', quotes.counted_to, closers_end)
        quotes.counted_to = closers_end
        after_quote = next_start + 1
        at_end = after_quote >= unit_end
        closing = following != '"' or quotes.count % 2 == 1 or at_end
        if closing and (at_end or text[after_quote].isspace()):
            closers_end = after_quote
            quotes.count += following == '"'
            quotes.counted_to = closers_end
            next_match = NON_SPACE.search(text, closers_end, unit_end)
            if next_match is None:
                return None
            next_start = next_match.start()
    if text[next_start] == "[":
        citation = _DETACHED_CITATION.match(text, next_start, unit_end)
        if citation is not None:
            following_match = NON_SPACE.search(text, citation.end(), unit_end)
            if following_match is None:
                return None
            closers_end, next_start = citation.end(), following_match.start()
    return closers_end, next_start


def _cut_at(text: str, cursor: _Cursor, cut: tuple[int, bool]) -> None:
    """Cut at a join or a list item. Only a cut between two non-space characters repairs a
    scrape join (the `repaired-join` note says so); a dateline or an edit link that is run in
    with a space is split without it."""
    position, join = cut
    if position > cursor.start:
        glued = join and not (text[position - 1].isspace() or text[position].isspace())
        kind = _JOIN if glued else _SENTENCE
        cursor.cut(text, position, position, kind, glued)


def _balanced_closers(
    text: str, match: re.Match[str], segment_start: int, limit: int, quotes: _StraightQuotes
) -> int:
    """Emphasis marks after a terminator close only what the segment opened: in
    `….**‖**Điều 11`, two of the four stars belong to the next segment; a straight quote
    glued to the next word when the unit's quotes so far are balanced opens the next sentence
    (`… tạm giữ.‖"Tôi không biết"`, while `… "bế mạc".‖Trước đó` closes one)."""
    terminator_end, closers_end = match.end(1), match.end()
    limit = min(limit, closers_end + _QUOTE_LOOKAHEAD)
    if closers_end > terminator_end and text[closers_end - 1] == '"':
        quotes.count += text.count('"', quotes.counted_to, closers_end - 1)
        quotes.counted_to = closers_end - 1  # (counted once: the unit is scanned forward)
        partner = text.find('"', closers_end, limit) if quotes.count % 2 == 0 else -1
        if partner > 0 and not text[partner - 1].isspace():
            # (`… bổ sung: "Tôi …` opens another one; a quoted sentence may hold several:
            # `… rất chậm."Do vậy, … chưa đủ. Nó phải tăng", ông nói`)
            # (closed in its first sentence: quotations span paragraphs; `\"` is one quote)
            return closers_end - (2 if text[closers_end - 2] == "\\" else 1)
    stars_end = closers_end
    while stars_end > terminator_end and text[stars_end - 1] in "*_":
        stars_end -= 1
    if stars_end == closers_end:
        return closers_end
    opened = text.count("*", segment_start, terminator_end) + text.count(
        "_", segment_start, terminator_end
    )
    return stars_end + min(closers_end - stars_end, opened % 4 if opened % 4 else 0)


_QUOTE_LOOKAHEAD = 400  # characters searched for the quote that closes an opening one
_DATE_BEFORE = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}(?:/\d{2,4})?\Z")


def _glued_end(
    text: str,
    match: re.Match[str],
    segment_start: int,
    limit: int,
    rules: Rules,
    quotes: _StraightQuotes,
) -> int:
    """Where the segment ends when a new unit is glued to the candidate ``match``, or -1
    when the period belongs to a token (`P.Bến Nghé`, `Nguyen.Van@…`, `J.Keynes`)."""
    terminator_start, terminator_end = match.start(), match.end(1)
    closers_end = _balanced_closers(text, match, segment_start, limit, quotes)
    token_start, token_end = token_around(text, terminator_start, segment_start, limit)
    # (`… kính trọng.1/ Từng …`: a list number's slash after the stop is no path)
    address_end = terminator_start if LIST_LABEL_AFTER.match(text, closers_end) else token_end
    if (
        address_like(text[token_start:address_end])
        and not prose_after(text, closers_end, token_end)
        and _DATE_BEFORE.search(text, token_start, terminator_start) is None
    ):  # (a date's slashes are no path: `… hôm 3/12/2015.AFP`)
        return -1
    before = text[token_start:terminator_start].lstrip(OPENERS)
    if (
        not before
        and text[terminator_start] == "."
        and detached_name(text, terminator_start, token_end)
    ):
        return -1  # `Microsoft .Net framework`: the period opens a name
    if (
        before
        and text[terminator_start] == "."  # (a detached period: `rồi .Hẹn` ends)
        and period_in_token(
            text, before, closers_end == terminator_end, closers_end, token_end, rules
        )
    ):
        return -1
    if is_sentence_end(
        text, terminator_start, terminator_end, closers_end, closers_end, segment_start, rules
    ):
        return closers_end
    return -1
