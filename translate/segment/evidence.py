"""What a whole document says about its line breaks, weighed once before pass 1 decides
each break: the column it was hard-wrapped at, whether its unterminated lines go on in
lowercase, the names it writes on one line, whether it is a double-spaced PDF extract."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from translate.segment.linekinds import SHORTEST_PROSE_LINE, space_marks_wraps
from translate.segment.names import NamePairs
from translate.segment.patterns import ANY_LETTER, LAYOUT_MARK
from translate.segment.verse import verse_blocks

_SHORTEST_WIDTH, _LONGEST_WIDTH = 40, 160
_FEWEST_FULL_LINES = 4
_FULL_SHARE = 0.5
# A document whose unterminated lines go on in lowercase this often is wrapped prose.
_FEWEST_LOWERCASE_CONTINUATIONS = 3
_LOWERCASE_SHARE = 0.3


class Line(NamedTuple):  # (one per line: .lines builds them with tuple.__new__, as Piece)
    start: int
    first: int  # first non-space character, -1 for a blank line
    end: int  # end of the content, trailing whitespace excluded


class Evidence(NamedTuple):
    """What the whole document says about its line breaks."""

    width: int  # the hard-wrapping column, 0 when the lines are not wrapped at one width
    # Unterminated lines often continue in lowercase (wrapped prose): the median length of
    # those lines, where its writer wrapped running text (a far shorter line ended where it
    # ended); 0 when they seldom do.
    wrapped_length: int
    names: NamePairs  # the capitalised word pairs it writes on one line
    layout: bool  # it has a table of contents or subtitle timings (LAYOUT_MARK)
    spaced_wraps: bool  # one trailing space marks its wrapped lines (linekinds.space_marks_wraps)
    cue_lines: CueLines  # the lines (by .first) of its blocks of cues (:func:`cue_blocks`)
    verse_lines: CueLines  # the lines of its songs and poems (:func:`.verse.verse_blocks`)


_FEWEST_DOUBLE_BREAKS = 8
_SINGLE_BREAK_SHARE = 0.15
_LONGEST_PAGE_LINE = 160  # characters: wider than any page or slide line
_LONG_LINE_SHARE = 0.1


def double_spaced(lines: Sequence[Line]) -> bool:
    """Is nearly every line followed by exactly one blank line (PDF double spacing)?"""
    single = double = 0
    # (each line's first character read once by index, and the line two on from it by zip: a
    # named-tuple field costs hundreds of instructions in Python 3.11, an index a few dozen)
    firsts = [line[1] for line in lines]
    # (the last line has no line after it: zip stops one short of ``firsts``)
    for first, following, after in zip(firsts, firsts[1:], [*firsts[2:], -1], strict=False):
        if first < 0:
            continue
        if following >= 0:
            single += 1
        elif after >= 0:
            double += 1
    if double < _FEWEST_DOUBLE_BREAKS or single > _SINGLE_BREAK_SHARE * double:
        return False
    # A page's lines are short; paragraphs written one per line (most plain text, with a
    # blank line between them) are not double spacing.
    text_lines = [line for line in lines if line[1] >= 0]
    long_lines = sum(1 for line in text_lines if line[2] - line[1] > _LONGEST_PAGE_LINE)
    return long_lines <= _LONG_LINE_SHARE * len(text_lines)


def single_blanks_removed(text: str, lines: Sequence[Line]) -> list[Line]:
    """The lines without the lone blank lines that follow a line of prose (four words or
    more: `Lượt xem 27976⏎⏎nguồn : …` stays two units)."""
    kept = []
    for index, line in enumerate(lines):
        lone_blank = (
            line.first < 0
            and 0 < index < len(lines) - 1
            and lines[index - 1].first >= 0
            and lines[index + 1].first >= 0
            and words_at_least(text, lines[index - 1], SHORTEST_PROSE_LINE)
        )
        if not lone_blank:
            kept.append(line)
    return kept


def words_at_least(text: str, line: Line, count: int) -> bool:
    # A bounded look: a line of prose is long, and only its first words matter here.
    head = text[line.first : min(line.end, line.first + 40 * count)]
    return len(head.split(maxsplit=count)) >= count


def document_evidence(text: str, lines: Sequence[Line], layout: bool | None = None) -> Evidence:
    return Evidence(
        wrap_width([line[2] - line[0] for line in lines]),  # (by index: see double_spaced)
        _wrapped_prose(text, lines),
        NamePairs(text),
        LAYOUT_MARK.search(text) is not None if layout is None else layout,
        space_marks_wraps(text, lines),
        CueLines(text, lines),
        CueLines(text, lines, verse_blocks),
    )


# A block of caption cues, lyrics or titles: many lines, next to no sentence mark in them, of
# ragged widths. Wrapped prose of that length holds sentence ends and fills its lines.
_FEWEST_CUE_LINES = 8
_MARKED_CUE_SHARE = 0.125
_SENTENCE_MARK = re.compile(r"[.!?…;:]")


class CueLines:
    """The lines of a document's blocks of cues, found when first asked for: only a line
    that ends without a sentence mark asks, and clean text has few (news has none)."""

    __slots__ = ("_find", "_found", "_lines", "_text")

    def __init__(
        self, text: str, lines: Sequence[Line], find: Callable[..., frozenset[int]] | None = None
    ) -> None:
        self._text, self._lines = text, lines
        self._find = cue_blocks if find is None else find
        self._found: frozenset[int] | None = None

    def __contains__(self, first: int) -> bool:
        if self._found is None:
            self._found = self._find(self._text, self._lines)
        return first in self._found


def cue_blocks(text: str, lines: Sequence[Line]) -> frozenset[int]:
    """The lines (their ``first``) of the runs of consecutive lines that are each a cue: a
    run of at least 8 lines not hard-wrapped at one width, of which at most one in eight
    holds a sentence mark, as machine-made captions are (`Như tôi đã đề cập trước đây, tôi
    sẽ đến⏎Làm một loạt các lớp học⏎về cách lái xe …`). Each such line is a segment (R1)."""
    found: list[int] = []
    run: list[Line] = []
    for line in (*lines, Line(len(text), -1, len(text))):
        if line.first >= 0:
            run.append(line)
            continue
        if len(run) >= _FEWEST_CUE_LINES and _cue_run(text, run):
            found.extend(cue.first for cue in run)
        run = []
    return frozenset(found)


def _cue_run(text: str, run: Sequence[Line]) -> bool:
    marked = 0
    for line in run:
        if _SENTENCE_MARK.search(text, line.first, line.end) is not None:
            marked += 1
            if marked > _MARKED_CUE_SHARE * len(run):
                return False
    return wrap_width([line.end - line.start for line in run]) == 0


def _wrapped_prose(text: str, lines: Sequence[Line]) -> int:
    """Do the document's unterminated lines (with letters) continue in lowercase often? The
    median length of those lines when they do, 0 when they do not."""
    lowercase = capital = 0
    wrapped: list[int] = []
    for line, following in itertools.pairwise(lines):
        # (by index first: most pairs stop here, see double_spaced)
        if line[1] < 0 or following[1] < 0 or text[line[2] - 1] in LINE_CLOSERS:
            continue
        if ANY_LETTER.search(text, line.first, line.end) is None:
            continue
        if _NOT_PROSE_START.match(text, following.first) or _NOT_PROSE_START.match(
            text, line.first
        ):
            continue  # a link or a lettered item on a line of its own is no wrapped prose
        next_character = text[following.first]
        if next_character.islower():
            lowercase += 1
            wrapped.append(line[2] - line[0])
        elif (next_character.isupper() or next_character.isdigit()) and ANY_LETTER.search(
            text, following.first, following.end
        ) is not None:
            capital += 1
    if lowercase < _FEWEST_LOWERCASE_CONTINUATIONS or lowercase < _LOWERCASE_SHARE * (
        lowercase + capital
    ):
        return 0
    return max(1, sorted(wrapped)[len(wrapped) // 2])


# Lines that start with a link (`https://…`) or a lettered item label (`b) Học bổng …`) begin
# in lowercase without continuing a sentence: a page that lists its links under each paragraph
# is not wrapped prose.
_NOT_PROSE_START = re.compile(r"https?://|www\.|[a-zđ][.)]\s")
LINE_CLOSERS = frozenset(".!?…\"'”’»›)]}*_;:")


def wrap_width(lengths: Sequence[int]) -> int:
    """The column at which the document was hard-wrapped, or 0 when it was not: at least
    half of its lines of 30 characters or more end within a few columns of one width."""
    counts = [0] * (_LONGEST_WIDTH + 1)
    long_lines = 0
    for length in lengths:
        if length >= 30:
            long_lines += 1
            if length <= _LONGEST_WIDTH:
                counts[length] += 1
    if long_lines < _FEWEST_FULL_LINES:
        return 0
    best_count, best_width = 0, 0
    for width in range(_SHORTEST_WIDTH, _LONGEST_WIDTH + 1):  # the densest window of widths
        count = sum(counts[width - wrap_slack(width) : width + 1])
        if count >= best_count:
            best_count, best_width = count, width
    if best_count < _FEWEST_FULL_LINES or best_count < _FULL_SHARE * long_lines:
        return 0
    while counts[best_width] == 0:  # the window's top is the longest line in it
        best_width -= 1
    return best_width


def wrap_slack(width: int) -> int:
    return max(4, width // 10)
