"""One sentence of a block → its catalogue segment: source span, msgid, legend, comments.

``units.build_document`` segments the blocks' prose and hands each piece here: a block that
is one literal text run maps offsets one to one (``plain_segments``); any other block maps
the piece's ends to atoms, keeps edge markup by the rules in ``units`` and writes the msgid
as the block's prose with a placeholder at each tag (``segment``). Attribute values and
other units are translated whole (``unit_segment``).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from translate.document import BOILERPLATE_NOTE, BreakKind, Segment
from translate.formats import placeholders
from translate.formats.notes import MARKUP_PREFIX
from translate.formats.units import (
    _BOILERPLATE_LONGEST,
    _BOILERPLATE_PHRASES,
    _HTML_SPACE,
    _LEGEND_LIMIT,
    _NO_MARKUP,
    _SPACES,
    CLOSE,
    OPEN,
    TEXT,
    VOID,
    Atom,
    Block,
    SegmentMarkup,
    Unit,
    _Context,
    _Piece,
    _Prose,
)
from translate.langid import detect_language

# A NamedTuple made from a full tuple without its Python-level __new__ (per sentence).
_new = tuple.__new__


def _text_atom_at(positions: Sequence[int], atoms: Sequence[Atom], p: int, *, end: bool) -> int:
    """Index of the text atom holding P character ``p`` (``end``: the one holding ``p-1``)."""
    target = p - 1 if end else p
    index = bisect.bisect_right(positions, target) - 1
    while index >= 0:
        atom = atoms[index]  # (by position: most searches end at the first atom they try)
        if atom[0] == TEXT and positions[index] <= target < positions[index] + len(atom[3]):
            return index
        index -= 1
    return index


def _source_offset(atom: Atom, offset: int) -> int:
    """Source position ``offset`` characters into a text atom (atom edges if not literal)."""
    if atom.literal:
        return atom.start + offset
    return atom.start if offset <= 0 else atom.end


def plain_segments(
    context: _Context, block: Block, p: _Prose, pieces: Sequence[_Piece], paragraph: int
) -> list[tuple[Segment, SegmentMarkup]]:
    """The segments of a block that is one literal text run (tags at most around it)."""
    return plain_pieces(context, block.boilerplate, p.text, p.base, pieces, paragraph)


def plain_pieces(
    context: _Context,
    boilerplate: bool,
    prose: str,
    base: int,
    pieces: Sequence[_Piece],
    paragraph: int,
) -> list[tuple[Segment, SegmentMarkup]]:
    """The segments of pieces of ``prose`` that lie in one literal text run, which starts at
    source offset ``base`` + its prose offset (one loop per block: most of a page's
    sentences come this way, and a call per sentence cost a fifth of their time)."""
    text, line_starts = context.text, context.line_starts
    made = []
    line = 0  # (the block's sentences are in source order: each line search starts there)
    for low, high, break_kind, notes, lang in pieces:
        start, end = base + low, base + high
        message = prose[low:high]
        if "  " in message:
            message = _SPACES.sub(" ", message)
        message = _nfc(message.strip(" "))
        own = boilerplate
        if not own and len(message) <= _BOILERPLATE_LONGEST:  # (as _comments does)
            own = message.casefold() in _BOILERPLATE_PHRASES
        line = bisect.bisect_right(line_starts, start, line)
        segment = Segment(
            text[start:end],
            start,
            end,
            line,
            paragraph,
            break_kind,
            lang if lang is not None else detect_language(message),
            notes,
            message,
            _BOILERPLATE_COMMENTS if own else (),
        )
        made.append((segment, _NO_MARKUP))
    return made


_BOILERPLATE_COMMENTS = (BOILERPLATE_NOTE,)


def _comments(legend: str, boilerplate: bool, message: str) -> tuple[str, ...]:
    boilerplate = boilerplate or (
        len(message) <= _BOILERPLATE_LONGEST and message.casefold() in _BOILERPLATE_PHRASES
    )
    if not legend:
        return (BOILERPLATE_NOTE,) if boilerplate else ()
    return (legend, BOILERPLATE_NOTE) if boilerplate else (legend,)


def segment(
    context: _Context,
    block: Block,
    partner: dict[int, int],
    p: _Prose,
    piece: _Piece,
    paragraph: int,
    taken: int = -1,
) -> tuple[Segment, SegmentMarkup, int]:
    """The segment of one sentence of a block, and the index of its last atom. ``taken``:
    the last atom of the block's previous sentence, whose markup this one cannot share."""
    atoms, positions = block.atoms, p.positions
    first, last = _sentence_atoms(atoms, partner, p, piece, taken)
    head, tail = atoms[first], atoms[last]
    low, high, break_kind, notes, lang = piece
    if (
        first == last
        and head[5]  # literal
        and head[0] == TEXT
        and not _lookalikes(p.text, low, high)
    ):  # one text run, no markup (nor text that reads as a placeholder)
        if lang is None:  # (a merged piece: its language from the prose, as below)
            piece = piece._replace(lang=detect_language(p.text[low:high]))
        base = head[1] - positions[first]
        ((plain, markup),) = plain_pieces(
            context, block.boilerplate, p.text, base, (piece,), paragraph
        )
        return plain, markup, last
    start = _source_offset(head, low - positions[first]) if head[0] == TEXT else head[1]
    end = _source_offset(tail, high - positions[last]) if tail[0] == TEXT else tail[2]
    message, legend, spans = _message(context, block, partner, p, piece, first, last)
    segment = Segment(
        context.text[start:end],
        start,
        end,
        bisect.bisect_right(context.line_starts, start),
        paragraph,
        break_kind,
        lang if lang is not None else detect_language(p.text[low:high]),
        notes,
        message,
        _comments(legend, block.boilerplate, message),
    )
    return segment, SegmentMarkup(tuple(spans)), last


def _sentence_atoms(
    atoms: Sequence[Atom], partner: dict[int, int], p: _Prose, piece: _Piece, taken: int
) -> tuple[int, int]:
    """The first and last atom of a sentence: its text atoms and the markup at its edges
    that belongs to it (see ``_Edges``), but none the sentence before took (``taken``: its
    last atom; two sentences may share a text run, never a tag)."""
    positions = p.positions
    edges = _new(_Edges, (atoms, partner, positions, p.text, piece))  # (per sentence)
    first = _text_atom_at(positions, atoms, piece[0], end=False)
    last = _text_atom_at(positions, atoms, piece[1], end=True)
    while first > 0 and (step := edges.before(first - 1)) and first - step > taken:
        first -= step
    while last + 1 < len(atoms) and (step := edges.after(last + 1)):
        last += step
    return first, last


class _Edges(NamedTuple):
    """Which markup next to a sentence belongs to it. Only space may lie between them, and:

    - a tag whose partner is inside the sentence (``Xem <a> tin tức⏎</a>``: the pair is
      kept whole, whatever the page's indentation); a pair that encloses the whole sentence
      stays outside it;
    - a code span, or an element holding only code spans (`` [`name`](url): …``), that
      begins the sentence, unless it touches the text before it (``Xong.`B`Cơ``: the
      sentence before ends with it), or that ends it, where it touches it or nothing but
      space follows in the block (else it begins the next sentence);
    - the space between two such pieces goes with them (`` `A` `B` - …``).
    """

    atoms: Sequence[Atom]
    partner: dict[int, int]
    positions: Sequence[int]
    prose: str
    piece: _Piece

    def before(self, index: int) -> int:
        """How many atoms from ``index`` back belong to the sentence starting after them."""
        atoms, partner, positions, prose, piece = self
        atom, position, edge = atoms[index], positions[index], piece[0]
        # (``_only_space`` inline: most sentences stop at their first neighbour)
        if position > edge or (position != edge and not prose[position:edge].isspace()):
            return 0
        other = partner.get(index)
        if atom.kind == OPEN:
            return int(other is not None and positions[other] < piece[1])
        begins = position == 0 or prose[position - 1].isspace()
        if atom.kind == VOID:
            return int(atom.sticky and begins)
        if atom.kind == CLOSE:
            return (
                index - other + 1
                if other is not None and begins and self._codes(other, index)
                else 0
            )
        if index == 0 or not _blank(atom):
            return 0
        taken = self.before(index - 1)  # the space goes only with a piece before it
        return 1 + taken if taken else 0

    def after(self, index: int) -> int:
        """How many atoms from ``index`` on belong to the sentence ending before them."""
        atoms, partner, positions, prose, piece = self
        atom, position, edge = atoms[index], positions[index], piece[1]
        if position < edge or (position != edge and not prose[edge:position].isspace()):
            return 0
        other = partner.get(index)
        if atom.kind == CLOSE:
            return int(other is not None and positions[other] > piece[0])
        ends = position == edge or _only_space(prose, position, len(prose))
        if atom.kind == VOID:
            return int(atom.sticky and ends)
        if atom.kind == OPEN:
            return (
                other - index + 1 if other is not None and ends and self._codes(index, other) else 0
            )
        if index + 1 == len(self.atoms) or not _blank(atom):
            return 0
        taken = self.after(index + 1)  # the space goes only with a piece after it
        return 1 + taken if taken else 0

    def _codes(self, opening: int, closing: int) -> bool:
        """Whether the element between two paired tags holds code spans and no text."""
        inside = self.atoms[opening + 1 : closing]
        return any(a.kind == VOID and a.sticky for a in inside) and all(
            a.kind != TEXT or _blank(a) for a in inside
        )


def _only_space(prose: str, start: int, end: int) -> bool:
    return start == end or prose[start:end].isspace()


def _blank(atom: Atom) -> bool:
    return atom.kind == TEXT and atom.literal and atom.text.isspace()


def _message(
    context: _Context,
    block: Block,
    partner: dict[int, int],
    p: _Prose,
    piece: _Piece,
    first: int,
    last: int,
) -> tuple[str, str, list[tuple[str, int, int]]]:
    """The msgid of atoms ``first..last`` (the block's prose with a placeholder at each tag),
    the markup legend and placeholder → source span."""
    atoms, positions, prose = block.atoms, p.positions, p.text
    head, tail = atoms[first], atoms[last]
    cursor = positions[first] if head.kind == TEXT and not head.literal else piece.start
    stop = piece.end
    if tail.kind == TEXT and not tail.literal:
        stop = positions[last] + len(tail.text)
    parts: list[str] = []
    legend: list[str] = []
    spans: list[tuple[str, int, int]] = []
    numbers: dict[int, int] = {}
    lookalikes = _lookalikes(prose, cursor, stop)
    get_partner = partner.get
    text, raw_of = context.text, context.raw_of
    # One loop over the tags, numbering and writing each in place (a call per tag to number
    # it and one per legend line cost a third of a page's sentences with markup).
    for index in range(first, last + 1):
        atom = atoms[index]
        kind = atom[0]
        if kind == TEXT:
            continue
        at = positions[index]
        while lookalikes and lookalikes[0][0] < at:
            cursor = _lookalike(
                context, block, p, lookalikes.pop(0), cursor, parts, spans, legend, numbers
            )
        parts.append(prose[cursor:at])
        cursor = at + 1 if kind == VOID and atom.line else at
        other = get_partner(index)
        if other is not None and not first <= other <= last:
            other = None  # its partner is outside the sentence: a standalone piece
        if other is not None and kind == CLOSE:
            number = numbers[other]
            token = _CLOSE_TAGS[number] if number < _MADE_TAGS else placeholders.close_tag(number)
        else:  # a new placeholder, numbered in opening order, with its legend line
            number = len(numbers) + 1
            numbers[index] = number
            # (``_raw``'s lookup inline: a call per tag and per legend cost 10% of _message)
            raw = raw_of.get(text[atom[1] : atom[2]]) or _raw(context, atom)
            if other is not None and kind == OPEN:
                token = _OPEN_TAGS[number] if number < _MADE_TAGS else placeholders.open_tag(number)
                closing = atoms[other]
                closing_raw = raw_of.get(text[closing[1] : closing[2]]) or _raw(context, closing)
                legend.append(f"{token} = {raw} … {closing_raw}")
            else:
                token = _VOID_TAGS[number] if number < _MADE_TAGS else placeholders.void_tag(number)
                legend.append(f"{token} = {raw}")
        parts.append(token)
        spans.append((token, atom[1], atom[2]))
    for lookalike in lookalikes:
        cursor = _lookalike(context, block, p, lookalike, cursor, parts, spans, legend, numbers)
    parts.append(prose[cursor:stop])
    message = "".join(parts)
    if "\n" in message:  # a soft line break inside the sentence (a wrap): a space
        message = message.replace("\n", " ")
    if "  " in message:
        message = _SPACES.sub(" ", message)
    note = f"{MARKUP_PREFIX} " + "; ".join(legend) if legend else ""
    return _nfc(message.strip(" ")), note, spans


def _lookalikes(prose: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Text of the prose that reads as a placeholder (``&lt;1&gt;`` on a page that teaches
    HTML, a literal ``<2/>`` in Markdown): where it is, to make it a placeholder of its own."""
    if prose.find("<", start, stop) < 0:
        return []
    return [match.span() for match in placeholders.PLACEHOLDER.finditer(prose, start, stop)]


def has_lookalike(prose: str) -> bool:
    return "<" in prose and placeholders.PLACEHOLDER.search(prose) is not None


def _lookalike(
    context: _Context,
    block: Block,
    p: _Prose,
    found: tuple[int, int],
    cursor: int,
    parts: list[str],
    spans: list[tuple[str, int, int]],
    legend: list[str],
    numbers: dict[int, int],
) -> int:
    """Text that looks like a placeholder becomes a standalone one (``<3/> = &lt;1&gt;``), so
    that a msgid's placeholders are always the page's markup and nothing else."""
    at, end = found
    atoms, positions = block.atoms, p.positions
    head = _text_atom_at(positions, atoms, at, end=False)
    tail = _text_atom_at(positions, atoms, end, end=True)
    source_start = _source_offset(atoms[head], at - positions[head])
    source_end = _source_offset(atoms[tail], end - positions[tail])
    parts.append(p.text[cursor:at])
    number = len(numbers) + 1
    numbers[-number] = number  # numbers are keyed by atom index: a lookalike takes a negative
    token = _void_tag(number)
    legend.append(f"{token} = {context.text[source_start:source_end]}")
    parts.append(token)
    spans.append((token, source_start, source_end))
    return end


# The first placeholders of each form, made once (a msgid rarely holds more than a few).
_MADE_TAGS = 64
_OPEN_TAGS = tuple(placeholders.open_tag(number) for number in range(_MADE_TAGS))
_CLOSE_TAGS = tuple(placeholders.close_tag(number) for number in range(_MADE_TAGS))
_VOID_TAGS = tuple(placeholders.void_tag(number) for number in range(_MADE_TAGS))


def _void_tag(number: int) -> str:
    return _VOID_TAGS[number] if number < _MADE_TAGS else placeholders.void_tag(number)


def _nfc(message: str) -> str:
    """The msgid in NFC (the source is read as written; most text already is NFC)."""
    if message.isascii() or unicodedata.is_normalized("NFC", message):
        return message
    return unicodedata.normalize("NFC", message)


def _raw(context: _Context, atom: Atom) -> str:
    """A tag's legend text: its source, whitespace runs as one space, cut at the limit;
    made once per distinct source (a page repeats its `</a>`, `<b>`, `<span class="x">`;
    by offsets, as before, a tag was found again only where two legends held it)."""
    source = context.text[atom.start : atom.end]
    raw = context.raw_of.get(source)
    if raw is None:
        raw = source
        if "\n" in raw or "  " in raw or "\t" in raw or "\r" in raw or "\f" in raw:
            raw = _HTML_SPACE.sub(" ", raw)  # (most tags: no regex pass needed)
        raw = raw.strip()
        if len(raw) > _LEGEND_LIMIT:
            raw = raw[: _LEGEND_LIMIT - 1] + "…"
        context.raw_of[source] = raw
    return raw


def unit_segment(
    text: str, unit: Unit, paragraph: int, line_starts: Sequence[int]
) -> tuple[Segment, SegmentMarkup]:
    message = unit.text
    if "\n" in message or "  " in message or "\t" in message or "\r" in message or "\f" in message:
        message = _HTML_SPACE.sub(" ", message)  # (most values: no regex pass needed)
    message = _nfc(message.strip(" "))
    if unit.boilerplate or (
        len(message) <= _BOILERPLATE_LONGEST and message.casefold() in _BOILERPLATE_PHRASES
    ):
        comments: tuple[str, ...] = (unit.what, BOILERPLATE_NOTE)
    else:
        comments = (unit.what,)
    segment = Segment(
        text[unit.start : unit.end],
        unit.start,
        unit.end,
        bisect.bisect_right(line_starts, unit.start),
        paragraph,
        BreakKind.PARAGRAPH,
        detect_language(message),
        (),
        message,
        comments,
    )
    markup = _QUOTED.get(unit.quote)  # (frozen: one per quote, not one per attribute)
    return segment, SegmentMarkup(quote=unit.quote) if markup is None else markup


_QUOTED = {quote: SegmentMarkup(quote=quote) for quote in ('"', "'", "", "(", "]")}
