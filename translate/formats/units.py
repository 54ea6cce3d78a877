"""Format-neutral core of markup sources: blocks of atoms → segments with placeholders.

A format reader (``html_doc``, ``markdown_doc``) turns a source into :class:`Block`\\ s: the
atoms of one paragraph-like element (text runs with their exact source offsets, inline tags)
and :class:`Unit`\\ s (attribute values translated whole). This module segments every block
with the plain-text segmenter, turns the inline tags inside each sentence into placeholders
(see ``placeholders``) and returns a :class:`MarkupDocument`: a plain ``Document`` for the
catalogue stage, plus what export needs to put the markup back.

Rules, so that every byte outside the translated text stays where it was:
- a sentence boundary never cuts a paired element: sentences that would hold only one of its
  tags are merged (``<b>Một. Hai</b> ba.`` is one entry); an element around whole sentences
  cuts none (``<b>Một. Hai.</b>`` is two);
- an element that encloses a whole sentence stays outside it (``<p><b>Tiêu đề</b></p>`` gives
  the msgid ``Tiêu đề``); a line break (``<br>``) or image at a sentence's edge stays outside;
- every tag inside a sentence's source span is a placeholder, paired when both of its ends
  are inside the span, standalone otherwise.
"""

from __future__ import annotations

import bisect
import hashlib
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from translate.document import BreakKind, Document, Note, Segment
from translate.formats.notes import page_note
from translate.frozen import collector_paused, quick_init
from translate.langid import detect_language
from translate.segment import DEFAULT_MAX_LENGTH, Piece, sentence_pieces

TEXT, OPEN, CLOSE, VOID = 0, 1, 2, 3
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_HTML_SPACE_BYTES = b" \t\n\r\f"
_START = operator.attrgetter("start")
_P_SPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " "})
_SPACES = re.compile(r"  +")
_BLOCK_SEPARATOR = "\n\n"
_LEGEND_LIMIT = 80
_BOILERPLATE_PHRASES = frozenset(
    (
        "return to top",
        "back to top",
        "về đầu trang",
        "lên đầu trang",
        "trở về đầu trang",
        "về trang chủ",
        "trang chủ",
        "skip to content",
        "skip to main content",
    )
)
_BOILERPLATE_LONGEST = max(len(phrase) for phrase in _BOILERPLATE_PHRASES)


class Atom(NamedTuple):
    """A text run or a tag of a block, with its source span ``[start, end)``."""

    kind: int  # TEXT, OPEN, CLOSE or VOID
    start: int
    end: int
    text: str = ""  # TEXT: the decoded text
    name: str = ""  # OPEN/CLOSE: the element name, for pairing
    literal: bool = True  # TEXT: source[start:end] == text, char for char
    sticky: bool = False  # VOID: stays inside a sentence at its edges (a code span)
    # VOID: a line break (<br>, a Markdown hard break); TEXT: a Markdown soft line break, a
    # space in the msgid but a line break to the segmenter, which judges it as it judges the
    # lines of a .txt (a wrap, or lines of their own: `Tác giả: …⏎Email: …`, verse)
    line: bool = False


@quick_init
@dataclass(frozen=True)
class Block:
    atoms: tuple[Atom, ...]
    boilerplate: bool = False


@quick_init
@dataclass(frozen=True)
class Unit:
    """A value translated whole, such as an attribute: its source span and decoded text."""

    start: int
    end: int
    text: str
    what: str  # the reviewer's comment: `alt attribute`, `meta description`, `option`
    # The value's quote in the source: `"`, `'` or "" (unquoted) for HTML attributes; `"`,
    # `'` or `(` for a Markdown link title, `]` for a Markdown image's alt text.
    quote: str = '"'
    boilerplate: bool = False


@quick_init
@dataclass(frozen=True)
class SegmentMarkup:
    """What export needs to write a translation of one segment back into the source."""

    placeholders: tuple[tuple[str, int, int], ...] = ()  # placeholder → source span
    quote: str | None = None  # set for attribute values: the quote to escape


@dataclass(frozen=True)
class MarkupDocument:
    """A markup source read for translation: the segments and how to rebuild the page."""

    document: Document
    markup: tuple[SegmentMarkup, ...]  # one per segment of ``document``
    format: str  # `html` or `markdown`
    lang_spans: tuple[tuple[int, int], ...] = ()  # `lang="vi"` values export rewrites
    skeleton: str = ""  # digest of the page's markup (skeleton_digest)
    entities: tuple[tuple[str, str], ...] = ()  # characters the source writes only as entities
    warnings: tuple[str, ...] = ()  # each names the file


_NO_MARKUP = SegmentMarkup()
# The partner map of a block without tags to pair, and its stack of open tags: never written
# (``_prose`` makes its own at a block's first opening tag).
_NO_PAIRS: dict[int, int] = {}
_NO_PAIRS_OPEN: list[int] = []
# A NamedTuple made from a full tuple without its Python-level __new__ (hot loops only).
_new = tuple.__new__


class _Piece(NamedTuple):
    start: int  # P offsets within the block
    end: int
    break_kind: BreakKind
    notes: tuple[Note, ...]
    lang: str | None  # from the segmenter; None for merged pieces (detected again)


def build_document(
    text: str,
    blocks: Sequence[Block],
    units: Sequence[Unit],
    *,
    path: str,
    format: str,
    abbreviations: frozenset[str] | None = None,
    max_length: int = DEFAULT_MAX_LENGTH,
    lang_spans: Sequence[tuple[int, int]] = (),
    entities: Sequence[tuple[str, str]] = (),
    warnings: Sequence[str] = (),
) -> MarkupDocument:
    """Segment every block and unit of ``text`` into one document (pure)."""
    with collector_paused(keep=True):
        prose = [_prose(block) for block in blocks]
        joined = _BLOCK_SEPARATOR.join(p.text for p in prose)
        sentences, _ = sentence_pieces(
            joined,
            line_breaks="auto",
            abbreviations=abbreviations,
            max_length=max_length,
            blank_lines_end_units=True,
        )
        pieces_of = _pieces_by_block(joined, sentences, [len(p.text) for p in prose])
        return _assemble(
            text, blocks, units, prose, pieces_of, path, format, lang_spans, entities, warnings
        )


def _assemble(
    text: str,
    blocks: Sequence[Block],
    units: Sequence[Unit],
    prose: Sequence[_Prose],
    pieces_of: Sequence[list[_Piece]],
    path: str,
    format: str,
    lang_spans: Sequence[tuple[int, int]],
    entities: Sequence[tuple[str, str]],
    warnings: Sequence[str],
) -> MarkupDocument:
    """The document from the sentences of the blocks' prose (per block), and the units."""
    from translate.formats import entries

    context = _Context(text, line_starts(text), {})
    made: list[tuple[Segment, SegmentMarkup]] = []
    for index, (block, p, pieces) in enumerate(zip(blocks, prose, pieces_of, strict=True)):
        if not pieces:
            continue
        # (an enclosing pair merges its pieces; text like a placeholder becomes one)
        if (
            p.single
            and not (p.paired and len(pieces) > 1)
            and p.low <= pieces[0].start
            and pieces[-1].end <= p.high
            and not entries.has_lookalike(p.text)
        ):
            made.extend(entries.plain_segments(context, block, p, pieces, index))
            continue
        partner = p.partner
        if partner and len(pieces) > 1:
            pieces = _merge_across_pairs(partner, p.positions, pieces)
        taken = -1  # the last atom of the block's previous sentence
        for piece in pieces:
            segment, markup, taken = entries.segment(
                context, block, partner, p, piece, index, taken
            )
            made.append((segment, markup))
    for number, unit in enumerate(units, start=len(blocks)):
        made.append(entries.unit_segment(text, unit, number, context.line_starts))
    made.sort(key=lambda item: item[0].start)
    columns = zip(*made, strict=True)  # (the segments and their markup: two tuples in C)
    segments: list[Segment] = list(next(columns, ()))
    markups: tuple[SegmentMarkup, ...] = next(columns, ())
    skeleton = skeleton_digest(text, segments, ordered=True, inline=markups)
    if segments:
        digest_note = page_note(format, skeleton)
        segments[0] = _with_comment(segments[0], digest_note)
    document = Document(text=text, segments=tuple(segments), path=path)
    return MarkupDocument(
        document=document,
        markup=tuple(markups),
        format=format,
        lang_spans=tuple(lang_spans),
        skeleton=skeleton,
        entities=tuple(entities),
        warnings=tuple(warnings),
    )


def line_starts(text: str) -> list[int]:
    """The offset of every line of ``text``: 0 and the end of each ``\\r\\n``, ``\\r`` or
    ``\\n``, from one numpy pass over the code points (a regex match per line cost 5x as
    much on a 1 MB page)."""
    import numpy

    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    ends = codes == 0x0A
    returns = codes == 0x0D
    if returns.any():
        returns[:-1] &= codes[1:] != 0x0A  # `\r\n` ends after its `\n`
        ends |= returns
    found: list[int] = (numpy.flatnonzero(ends) + 1).tolist()
    return [0, *found]


class _Context(NamedTuple):
    text: str  # the source
    line_starts: list[int]
    raw_of: dict[str, str]  # a tag's source → its legend text, made once


class _Prose(NamedTuple):
    """What the segmenter sees of a block (tags removed, whitespace as spaces, line breaks as
    ``\\n``) and each atom's offset in it."""

    text: str
    positions: list[int]
    # One literal text atom that is more than whitespace, and only tags and whitespace-only
    # literal runs around it: within that atom (``low``…``high`` of the prose), offsets map
    # one to one, at ``base`` + the prose offset.
    single: bool
    paired: bool  # holds an opening tag
    partner: dict[int, int]  # open atom index ↔ close atom index, both ways (nested tags)
    base: int = -1  # single: the source offset of prose offset 0
    low: int = 0  # single: the text atom's span in the prose
    high: int = 0


def _with_comment(segment: Segment, comment: str) -> Segment:
    from dataclasses import replace

    return replace(segment, comments=(*segment.comments, comment))


def skeleton_digest(
    text: str,
    segments: Sequence[Segment],
    *,
    ordered: bool = False,
    inline: Sequence[SegmentMarkup] = (),
) -> str:
    """SHA-1 (12 hex digits) of the source without its segments and without whitespace
    (``ordered``: the segments are already in source order, as ``_assemble`` sorts them),
    followed by the markup inside them (``inline``: the segments' placeholders, whose source
    spans are tags, link targets, emphasis marks): a tag or an `href` changed inside a sentence
    changes the page as much as one between sentences."""
    gaps: list[str] = []
    position = 0
    for segment in segments if ordered else sorted(segments, key=_START):
        start = segment.start
        if start >= position:
            gaps.append(text[position:start])
            position = segment.end
    gaps.append(text[position:])
    gaps.extend(text[start:end] for markup in inline for _, start, end in markup.placeholders)
    # The whitespace goes from the UTF-8 bytes (single bytes that no other character's
    # encoding holds): bytes.translate, 20x faster than a regex pass over the text.
    skeleton = "".join(gaps).encode().translate(None, _HTML_SPACE_BYTES)
    return hashlib.sha1(skeleton).hexdigest()[:12]


def _prose(block: Block) -> _Prose:
    atoms = block.atoms
    if len(atoms) == 1 and atoms[0].literal:
        piece = atoms[0].text
        if "\n" in piece or "\r" in piece or "\t" in piece or "\f" in piece:
            piece = piece.translate(_P_SPACE)
        return _new(_Prose, (piece, [0], True, False, _NO_PAIRS, atoms[0].start, 0, len(piece)))
    parts: list[str] = []
    positions: list[int] = []
    length = 0
    paired = False
    # The tags are paired in the same pass (a loop of their own cost 2% of reading a page): a
    # close tag pairs with the innermost open one of its name (most do), or ``_pair_deeper``.
    # (both made at the first opening tag: most blocks hold none)
    partner: dict[int, int] = _NO_PAIRS
    stack: list[int] = _NO_PAIRS_OPEN
    # Literal text atoms that are more than whitespace, and whether a standalone piece or a
    # reference is among the atoms (2).
    texts = 0
    base = low = high = 0
    for atom in atoms:
        positions.append(length)
        kind = atom.kind
        if kind == TEXT:
            piece = atom.text
            if atom.line:
                piece = "\n"
            elif "\n" in piece or "\r" in piece or "\t" in piece or "\f" in piece:
                piece = piece.translate(_P_SPACE)
            parts.append(piece)
            if not atom.literal:
                texts += 2
            elif not piece.isspace():
                texts += 1
                base, low, high = atom.start - length, length, length + len(piece)
            length += len(piece)
        elif kind == OPEN:
            if not paired:
                paired, partner, stack = True, {}, []
            stack.append(len(positions) - 1)
        elif kind == CLOSE:
            if stack:
                index = len(positions) - 1
                if atoms[stack[-1]].name == atom.name:  # (most: the innermost open)
                    opened = stack.pop()
                    partner[opened] = index
                    partner[index] = opened
                else:
                    _pair_deeper(atoms, stack, partner, index)
        else:  # VOID
            texts += 2
            if atom.line:
                parts.append("\n")
                length += 1
    # One literal text run between tags that enclose it (`<li><a …>Text</a></li>`, with the
    # page's line breaks and indentation around them): every tag stays outside a sentence
    # that lies within the run, as for a bare text run.
    if texts == 1:
        made = ("".join(parts), positions, True, paired, partner, base, low, high)
    else:
        made = ("".join(parts), positions, False, paired, partner, -1, 0, 0)
    return _new(_Prose, made)


def _pieces_by_block(
    joined: str, sentences: Sequence[Piece], lengths: Sequence[int]
) -> list[list[_Piece]]:
    """Split the sentences of the joined prose back into per-block pieces with block offsets
    (break kinds, notes and languages as ``segment_text`` gives them: the last one ends the
    text, and languages are detected on the joined text)."""
    result: list[list[_Piece]] = [[] for _ in lengths]
    # Each block's start in the joined prose, and its end (one sum per block, not per
    # sentence: a page's sentences are mostly short, a table's cells shorter).
    starts: list[int] = []
    ends: list[int] = []
    base = 0
    separator = len(_BLOCK_SEPARATOR)
    for length in lengths:
        starts.append(base)
        ends.append(base + length)
        base += length + separator
    index = 0
    count = len(lengths)
    last = len(sentences) - 1
    pieces = result[0] if result else []
    for number, (start, stop, break_kind, notes) in enumerate(sentences):
        if index + 1 < count and start >= starts[index + 1]:
            index += 1
            while index + 1 < count and start >= starts[index + 1]:
                index += 1
            pieces = result[index]
        base = starts[index]
        if number == last:
            break_kind = BreakKind.END
        # A sentence never spans the blank line between two blocks (blank_lines_end_units);
        # should one, it is cut there rather than lose the next block's text.
        while stop > ends[index] and index + 1 < count:
            if start < ends[index]:
                part = (start - base, lengths[index], BreakKind.PARAGRAPH, (), None)
                pieces.append(_new(_Piece, part))
            index += 1
            pieces = result[index]
            base = starts[index]
            start, notes = max(start, base), ()
        end = stop - base if stop <= ends[index] else lengths[index]
        lang = detect_language(joined[start:stop])
        pieces.append(_new(_Piece, (start - base, end, break_kind, notes, lang)))
    return result


def _pair_deeper(
    atoms: Sequence[Atom], stack: list[int], partner: dict[int, int], index: int
) -> None:
    """A close tag at ``index`` whose name is not the innermost open tag's: it pairs with the
    nearest open one of its name (closing those inside it), if one of the 32 innermost."""
    name = atoms[index].name
    for depth in range(len(stack) - 2, max(-1, len(stack) - 33), -1):
        if atoms[stack[depth]].name == name:
            opened = stack[depth]
            del stack[depth:]
            partner[opened] = index
            partner[index] = opened
            return


def _merge_across_pairs(
    partner: dict[int, int], positions: Sequence[int], pieces: list[_Piece]
) -> list[_Piece]:
    """Merge the pieces a paired element spans when a sentence would hold only one of its
    tags: ``<b>Một. Hai</b> ba.`` is one entry. An element around whole sentences stays
    outside them and cuts none (``<p><span …>Một. Hai.</span></p>``, ``**Một. Hai.**``: two
    entries, as editors that wrap every paragraph in a styled span need)."""
    if len(pieces) < 2:
        return pieces
    ends = [piece.end for piece in pieces]
    starts = [piece.start for piece in pieces]
    reach = list(range(len(pieces)))  # reach[i]: last piece merged with piece i
    for opened, closed in partner.items():
        if closed < opened:
            continue
        opening, closing = positions[opened], positions[closed]
        first = bisect.bisect_right(ends, opening)
        last = bisect.bisect_left(starts, closing) - 1
        if first < last and (starts[first] < opening or closing < ends[last]):
            reach[first] = max(reach[first], last)
    merged: list[_Piece] = []
    index = 0
    while index < len(pieces):
        last = reach[index]
        if last == index and len(pieces[index].notes) < 2:  # (alone: the piece as it is)
            merged.append(pieces[index])
            index += 1
            continue
        probe = index
        while probe <= last:
            last = max(last, reach[probe])
            probe += 1
        group = pieces[index : last + 1]
        notes = tuple(dict.fromkeys(n for piece in group for n in piece.notes))
        lang = group[0].lang if len(group) == 1 else None
        piece = (group[0].start, group[-1].end, group[-1].break_kind, notes, lang)
        merged.append(_new(_Piece, piece))
        index = last + 1
    return merged
