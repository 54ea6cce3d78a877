"""Source file → Document: read (translate.sourcetext) and segment (translate.segment).

The one way every command turns a source into segments, so `run`, `export` and `segment`
cannot drift apart: export must segment a source exactly as run did, or its segments no
longer find their catalogue entries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from translate.document import Document
from translate.frozen import collector_paused
from translate.segment_defaults import DEFAULT_MAX_LENGTH

if TYPE_CHECKING:
    from translate.formats.units import MarkupDocument


@dataclass(frozen=True)
class SegmentOptions:
    """How sources are decoded and segmented (the shared options of the three commands)."""

    line_breaks: str = "auto"
    abbreviations: frozenset[str] | None = None
    max_length: int = DEFAULT_MAX_LENGTH
    encoding: str | None = None  # None: UTF-8, or UTF-16/32 with a BOM
    input_format: str = "auto"  # auto (by file name), text, html or markdown


@dataclass(frozen=True)
class SourceDocument:
    """A segmented source and what reading it had to say (each warning names the file)."""

    document: Document
    encoding: str
    warnings: tuple[str, ...] = ()
    # HTML and Markdown sources: what export needs to give the page back (translate.formats).
    markup: MarkupDocument | None = None
    byte_order_mark: bool = False  # the source opened with one


def read_and_segment(
    path: str,
    options: SegmentOptions = SegmentOptions(),
    *,
    check: Callable[[str, str], None] | None = None,
) -> SourceDocument:
    """Read ``path`` (`-`: standard input) and segment it; UserError naming the file.

    ``check(path, text)`` may refuse the decoded text before it is segmented.
    """
    from translate.formats import read_document
    from translate.sourcetext import read_source

    text = read_source(path, options.encoding)
    if check is not None:
        check(path, text.text)
    from translate.formats import format_of

    # Markup is read as written (not NFC) so that export copies every other byte exactly;
    # its msgids are NFC all the same.
    as_written = text.decoded if text.decoded is not None else text.text
    markup_source = format_of(path, options.input_format) != "text"
    # A segment per sentence, kept for the whole run, none in a cycle: built with the cyclic
    # collector paused (as the markup readers do). Its passes over them were an eighth of
    # segmenting 100,000 news paragraphs (3.28 s -> 2.86 s CPU; translate.frozen).
    with collector_paused(keep=True):
        document, markup = read_document(
            as_written if markup_source else text.text,
            path=path,
            input_format=options.input_format,
            line_breaks=options.line_breaks,
            abbreviations=options.abbreviations,
            max_length=options.max_length,
            encoding=text.encoding,
        )
    return SourceDocument(
        document,
        text.encoding,
        (*text.warnings, *(markup.warnings if markup else ())),
        markup,
        text.byte_order_mark,
    )
