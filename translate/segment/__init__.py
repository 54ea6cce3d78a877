"""Vietnamese-aware sentence segmentation: source text → :class:`Document`.

Pure functions, no I/O. The text is split in three passes, each linear in the text length:

1. **Lines into units** (:mod:`.lines`). A unit is a stretch of running text: one line, or
   several hard-wrapped lines (``--line-breaks``), decided with the document's own evidence
   (its wrapping width, words that never end a phrase). Each unit is one paragraph.
2. **Units into sentences** (:mod:`.sentences`, :mod:`.ends`, :mod:`.joins`). Candidate ends
   are runs of ``. ! ? …`` (with closing quotes, brackets, emphasis and citation marks) followed
   by whitespace or glued to a new capitalised word; small rules (abbreviations, initials, list
   labels, quotes, ellipses, the next word) decide which are sentence ends. Glued joins made by
   scraping (``sản phẩmThích ứng``, ``miền Trung[3]Sau đó``, edit links, reference separators)
   are cut as well.
3. **Length cap** (:mod:`.length`). A segment longer than ``max_length`` is cut at its last
   comma or space before the cap.

Segments never start or end with whitespace; what lies between them (spaces, line breaks,
blank lines) stays in the document's gaps, so segments and gaps give back the text exactly.
"""

from __future__ import annotations

import bisect
import dataclasses
import unicodedata
from pathlib import Path

from translate.document import BreakKind, Document, Note, Segment
from translate.errors import UserError
from translate.frozen import collector_paused
from translate.langid import detect_language
from translate.segment.length import limit_length
from translate.segment.lines import units
from translate.segment.patterns import starts_of_lines
from translate.segment.rules import build_rules
from translate.segment.sentences import Piece, document_marks, split_unit
from translate.segment_defaults import DEFAULT_MAX_LENGTH, LINE_BREAK_MODES

__all__ = [
    "DEFAULT_MAX_LENGTH",
    "LINE_BREAK_MODES",
    "Piece",
    "load_abbreviations",
    "segment_text",
    "sentence_pieces",
]


def segment_text(
    text: str,
    *,
    path: str = "-",
    line_breaks: str = "auto",
    abbreviations: frozenset[str] | None = None,
    max_length: int = DEFAULT_MAX_LENGTH,
) -> Document:
    """Split NFC ``text`` into paragraphs and sentences.

    ``line_breaks``: ``paragraph`` (every line break ends a paragraph), ``wrap`` (only blank
    lines do; single line breaks are hard wraps inside sentences) or ``auto`` (decide at each
    line break: a line without final punctuation followed by a lowercase line is wrapped).
    ``abbreviations`` adds to the built-in list: entries ending in ``.`` never end a sentence,
    others are mixed-case names that are never cut as scrape joins (see
    :func:`load_abbreviations`). Segments longer than ``max_length`` characters are cut.
    """
    # A segment per sentence and the tuples behind it, none in a cycle: built with the cyclic
    # collector paused, as translate.source does (in a process that has loaded langdetect,
    # each full collection also walks its 90,000 profile lists).
    with collector_paused(keep=True):
        return _segmented(text, path, line_breaks, abbreviations, max_length)


def _segmented(
    text: str,
    path: str,
    line_breaks: str,
    abbreviations: frozenset[str] | None,
    max_length: int,
) -> Document:
    starts = starts_of_lines(text)
    pieces, paragraph_of = sentence_pieces(
        text,
        line_breaks=line_breaks,
        abbreviations=abbreviations,
        max_length=max_length,
        line_starts=starts,
    )
    segments = []
    # (per segment: the piece unpacked once and Segment's fields given by position, in their
    # declared order; a named-tuple field, a keyword argument or an enum member looked up on
    # its class costs hundreds of instructions each in Python 3.11)
    wrapped = Note.WRAPPED
    for piece, paragraph in zip(pieces, paragraph_of, strict=True):
        start, end, break_kind, notes = piece
        span_text = text[start:end]
        if "\n" in span_text or "\r" in span_text:
            notes = (*notes, wrapped)
        segments.append(
            Segment(
                span_text,
                start,
                end,
                bisect.bisect_right(starts, start),
                paragraph,
                break_kind,
                detect_language(span_text),
                notes,
            )
        )
    if segments:  # (the last segment ends the document, whatever ended its piece)
        segments[-1] = dataclasses.replace(segments[-1], break_kind=BreakKind.END)
    return Document(text=text, segments=tuple(segments), path=path)


def sentence_pieces(
    text: str,
    *,
    line_breaks: str = "auto",
    abbreviations: frozenset[str] | None = None,
    max_length: int = DEFAULT_MAX_LENGTH,
    line_starts: list[int] | None = None,
    blank_lines_end_units: bool = False,
) -> tuple[list[Piece], list[int]]:
    """The sentences of ``text`` as :func:`segment_text` cuts them, and the paragraph of each,
    without building segments: for callers that build their own (``translate.formats``
    segments the prose of a page, then maps each piece back to the page).
    ``blank_lines_end_units``: no sentence ever spans a blank line (the caller joined its
    blocks with them), even where the text would look like a double-spaced PDF extract."""
    if line_breaks not in LINE_BREAK_MODES:
        raise ValueError(f"line_breaks must be one of {LINE_BREAK_MODES}, not {line_breaks!r}")
    if max_length < 1:
        raise ValueError(f"max_length must be positive, not {max_length}")
    rules = build_rules(frozenset(abbreviations) if abbreviations else None)
    starts = starts_of_lines(text) if line_starts is None else line_starts
    pieces: list[Piece] = []
    paragraph_of: list[int] = []
    marks = document_marks(text)
    found = units(
        text,
        starts,
        line_breaks,
        rules,
        bool(marks.layout),
        blank_lines_end_units=blank_lines_end_units,
    )
    for paragraph, unit in enumerate(found):
        for piece in limit_length(text, split_unit(text, unit, rules, marks), max_length):
            pieces.append(piece)
            paragraph_of.append(paragraph)
    return pieces, paragraph_of


def load_abbreviations(path: Path) -> frozenset[str]:
    """Read a user abbreviation file: one entry per line, ``#`` starts a comment.

    Entries ending in ``.`` (``BSCKII.``, ``Nxb.``) are abbreviations that never end a
    sentence; entries without a final period (``VinFast``) are mixed-case names that must
    never be cut as scrape joins. The result adds to the built-in lists in segment_text.
    """
    from translate import fileguard  # a FIFO or device is refused by its type, never opened

    try:
        data = fileguard.read_regular(path, limit=fileguard.MAX_INPUT_BYTES, what="abbreviation")
        raw = data.decode("utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"abbreviation file {path} does not exist") from None
    except UnicodeDecodeError as exc:
        raise UserError(
            f"abbreviation file {path} is not UTF-8 (byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise UserError(f"cannot read abbreviation file {path}: {exc.strerror}") from None
    entries = set()
    for number, line in enumerate(raw.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if any(character.isspace() for character in entry):
            raise UserError(
                f"{path}:{number}: {entry!r} contains a space; write one abbreviation per line"
            )
        entries.add(unicodedata.normalize("NFC", entry))
    return frozenset(entries)
