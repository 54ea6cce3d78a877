"""Plain data that crosses stages: a segmented source document.

The segmenter produces it, the catalogue and export stages read it. Frozen dataclasses,
no behaviour beyond derived views, so every stage can be tested without the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from translate.frozen import quick_init


class BreakKind(str, Enum):
    """What ended a segment."""

    SENTENCE = "sentence"  # sentence-final punctuation followed by a new sentence
    LINE = "line"  # a line break ends it: headline, caption, byline, list item
    PARAGRAPH = "paragraph"  # a blank line (or the end of the paragraph) follows
    JOIN = "join"  # a repaired web-scrape join (`sản phẩmThích ứng`) ended it
    LENGTH = "length"  # cut because it passed the maximum segment length
    END = "end"  # end of the document


class Note(str, Enum):
    """Segmenter remarks shown to reviewers as extracted comments."""

    REPAIRED_JOIN = "repaired-join"  # the segment was split off a scrape join
    LENGTH_SPLIT = "length-split"  # the segment was cut at the length cap
    WRAPPED = "wrapped"  # the segment spans hard-wrapped source lines


# Languages: an ISO 639-1 code such as "vi" or "en", or NO_LANGUAGE for text with no
# letters to judge by (digits, dates, punctuation).
NO_LANGUAGE = "none"
# The comment of a segment in a page's navigation, header or footer (translate.formats); an
# entry carries it only when every occurrence of its text does.
BOILERPLATE_NOTE = "boilerplate (navigation, header or footer): may be left untranslated"

_LINE_BREAK_RUN = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


# Built once per sentence of every document: `quick_init` fills the frozen fields directly.
@quick_init
@dataclass(frozen=True)
class Segment:
    """One sentence (or headline, caption, list item) of a source document.

    ``text`` is exactly ``document.text[start:end]``: hard-wrapped sentences keep their line
    breaks here so export can restore them; ``message`` is the one-line form used as msgid.
    """

    text: str
    start: int
    end: int
    line: int  # 1-based source line of the first character
    paragraph: int  # 0-based paragraph index within the document
    break_kind: BreakKind
    lang: str = NO_LANGUAGE
    notes: tuple[Note, ...] = ()
    # Markup sources (translate.formats): the msgid with inline tags as placeholders, which
    # then differs from ``text``, and extra extracted comments (the markup legend).
    msgid: str | None = None
    comments: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The segment as a catalogue msgid: internal line breaks become single spaces."""
        if self.msgid is not None:
            return self.msgid
        text = self.text
        if "\n" not in text and "\r" not in text:  # most segments: no regex pass needed
            return text
        return _LINE_BREAK_RUN.sub(" ", text)


@dataclass(frozen=True)
class Document:
    """A source text (NFC, line endings as found) and its segments in order."""

    text: str
    segments: tuple[Segment, ...]
    path: str = "-"  # as given by the user; `-` for stdin

    def gaps(self) -> Iterator[str]:
        """The text between segments: before the first, between each pair, after the last.

        ``gaps`` and segment texts interleave back into ``text`` exactly (lossless).
        """
        position = 0
        for segment in self.segments:
            yield self.text[position : segment.start]
            position = segment.end
        yield self.text[position:]

    def paragraphs(self) -> list[list[Segment]]:
        grouped: dict[int, list[Segment]] = {}
        for segment in self.segments:
            grouped.setdefault(segment.paragraph, []).append(segment)
        return [grouped[key] for key in sorted(grouped)]
