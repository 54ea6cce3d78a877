"""Markdown sources: pulldown-cmark (through pyromark) → blocks with exact source offsets.

CommonMark with tables, strikethrough, front matter and, in a document whose headings carry
ids (``## Tiểu sử {#tieu-su}``), heading attributes (never translated). Every run of inline content
(paragraphs, headings, list items, table cells, block quotes) is a block; link texts and
emphasis inside it are translated, with the markup as placeholders: ``[text](url)`` gives
``<1>text</1>``, ``**b**`` gives ``<2>b</2>``. Code spans, images, autolinks and inline HTML
are standalone placeholders; an image's alt text and the title of an inline link or image
are entries of their own (units, as HTML's ``alt`` and ``title``: the alt text is translated
flat, export escapes ``[``/``]``, a title its delimiter), and so is the title of a link
reference definition (``[x]: url "title"``). Code blocks, HTML blocks, front matter (``---``
YAML or ``+++``) and the rest of reference definitions (labels, destinations) are never
translated.

The parser gives every event its source range (UTF-8 byte offsets, mapped to characters
once), so each text run is located exactly: no re-parsing and no alignment guesswork. What
lies between two events of a block is markup kept with its neighbour: the line prefix after a
line break (indentation, ``>``), the backslash of an escape.

A paragraph's soft line breaks reach the segmenter as line breaks, not as the spaces a
renderer makes of them: it judges them as it judges the lines of a .txt, so that a wrapped
sentence is one entry (the break a space of its msgid) and lines of their own (`Tác giả: …⏎
Email: …`, verse, a list written without markers) are entries of their own.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from translate.formats.html_elements import VOID_ELEMENTS
from translate.formats.units import (
    CLOSE,
    OPEN,
    TEXT,
    VOID,
    Atom,
    Block,
    Unit,
)
from translate.frozen import collector_paused

_PAIRED = frozenset(("Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"))
_SKIPPED = frozenset(("CodeBlock", "HtmlBlock", "MetadataBlock"))
_OPAQUE_LINKS = frozenset(("Autolink", "Email"))
_STICKY = frozenset(("Code", "FootnoteReference", "TaskListMarker", "InlineMath"))
# Raw inline HTML whose content is code, as HTML's reader treats it (never translated): from
# the opening tag to its closing one, one standalone piece, like a code span.
_RAW_CODE = re.compile(r"<(code|kbd|samp|var)(?:\s[^<>]*)?>\Z", re.IGNORECASE)
# A start or end tag of inline HTML: its name (group 2), and a slash for an end tag (group 1).
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\s*/?>", re.DOTALL)
# What may lie inside such a piece: inline events only (a block's end ends it).
_INSIDE_RAW_CODE = frozenset(("Text", "Code", "InlineHtml", "SoftBreak", "HardBreak"))


_START = operator.attrgetter("start")
# Atoms are made from full tuples without NamedTuple's Python-level __new__ (per event).
_new = tuple.__new__


def _ended(atom: Atom, end: int) -> Atom:
    """``atom._replace(end=end)``, without its keyword machinery."""
    return _new(Atom, (atom[0], atom[1], end, *atom[3:]))


class MarkdownParts(NamedTuple):
    blocks: list[Block]
    units: list[Unit]  # image alt texts and inline link titles, translated on their own


def _options(text: str) -> int:
    from pyromark import Options

    options = (
        Options.ENABLE_TABLES
        | Options.ENABLE_STRIKETHROUGH
        | Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options.ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
    )
    if _HEADING_ID.search(text):  # (only then: `# Tập hợp {1, 2}` elsewhere stays text)
        options |= Options.ENABLE_HEADING_ATTRIBUTES
    return int(options)


# A document whose headings carry ids (`## Tiểu sử {#tieu-su}`: Hugo, kramdown, pandoc) has
# its heading attributes read as such: the ids are no text to translate.
_HEADING_ID = re.compile(r"^ {0,3}#{1,6}[ \t].*\{[ \t]*#[\w-]+[^{}\n]*\}[ \t]*$", re.MULTILINE)


def parse(text: str, options: int | None = None) -> tuple[tuple[Any, dict[str, int]], ...]:
    """pulldown-cmark's events of ``text`` with their byte ranges (``options``: those
    ``_options`` gives the text, if already known)."""
    import pyromark

    if options is None:
        options = _options(text)
    events: tuple[tuple[Any, dict[str, int]], ...] = tuple(
        pyromark.events_with_range(text, options=options)  # type: ignore[arg-type]
    )
    return events


def char_spans(text: str, events: Sequence[tuple[Any, dict[str, int]]]) -> list[int]:
    """The character offsets of the events' byte ranges, flat: start, end of the first
    event, start, end of the second… (UTF-8 byte offsets mapped through one prefix count
    of the text's first bytes; only the offsets used are made Python ints)."""
    bounds = [offset for _, where in events for offset in (where["start"], where["end"])]
    if text.isascii():
        return bounds
    import numpy

    data = numpy.frombuffer(text.encode("utf-8"), dtype=numpy.uint8)
    starts = (data & 0xC0) != 0x80  # the first byte of each character
    # 32-bit counts where they fit: the prefix sum of a 1 MB page in 0.8 ms, not 5 ms.
    counts = numpy.int32 if len(data) < 2**31 else numpy.int64
    prefix = numpy.empty(len(data) + 1, dtype=counts)
    prefix[0] = 0
    numpy.cumsum(starts, out=prefix[1:], dtype=counts)
    offsets: list[int] = prefix[numpy.array(bounds, dtype=numpy.int64)].tolist()
    return offsets


def read_markdown(text: str) -> MarkdownParts:
    """The translatable blocks of a Markdown document, with exact source offsets (pure)."""
    reader = _Reader(text)
    with collector_paused(keep=True):
        options = _options(text)  # (one look for heading ids, for both passes)
        events = parse(text, options)
        titled = _titled_definitions(text, options)
        spans = char_spans(text, (*events, *titled))
        event = reader.event
        bounds = iter(spans)
        for (item, _), start, end in zip(events, bounds, bounds, strict=False):
            event(item, start, end)
        reader.flush()
        for (title, _), start, end in zip(titled, bounds, bounds, strict=True):
            reader.definition_title(title, start, end)
    units = sorted(reader.units, key=_START) if titled else reader.units  # (in page order)
    return MarkdownParts(reader.blocks, units)


def _titled_definitions(text: str, options: int) -> list[tuple[str, dict[str, int]]]:
    """The decoded title and byte range of each link reference definition with a title."""
    if "]:" not in text:  # (no definition: no second pass over the document)
        return []
    import pyromark

    definitions = pyromark.reference_definitions(text, options=options)  # type: ignore[arg-type]
    return [
        (found["title"], {"start": found["span"]["start"], "end": found["span"]["end"]})
        for found in definitions.values()
        if found["title"]
    ]


class _Reader:
    """Events → blocks of atoms (see the module doc)."""

    def __init__(self, text: str) -> None:
        self.source = text
        self.blocks: list[Block] = []
        self.units: list[Unit] = []
        self.atoms: list[Atom] = []
        self.alt: list[tuple[int, int, str]] = []  # the image's alt text: (start, end, text)
        self.title = False  # the image being read has an inline title
        # For each open link: whether it has an inline title, and whether it is collapsed.
        self.links: list[tuple[bool, bool]] = []
        self.has_text = False
        self.skip = 0  # depth inside code/HTML blocks, front matter, images, autolinks
        self.skip_kind = ""
        self.skip_start = 0
        self.pending: int | None = None  # an OPEN atom whose end is the next event's start
        self.covered = 0  # end of the last atom
        self.raw_code = ""  # the closing tag of the raw `<code>` being read (its atom is last)

    def event(self, event: Any, start: int, end: int) -> None:
        if self.raw_code and self._inside_raw_code(event, end):
            return
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            if not self.skip:
                self._simple(event, start, end)
            return
        # (a dict of one item: unpacking its key, then indexing, beats unpacking its items)
        (kind,) = event
        value = event[kind]
        if self.skip:
            self._skipped(kind, value, start, end)
        elif kind == "Text":
            atoms = self.atoms
            covered = self.covered
            # Most text runs: no markup before them in the block, nor an escape (``_text``'s
            # cases), so what ``_text`` and ``_atom`` do, inline (a call each per run).
            if (not atoms or (self.pending is None and start <= covered)) and (
                start <= covered or start == 0 or self.source[start - 1] != "\\"
            ):
                if not self.has_text and not value.isspace():
                    self.has_text = True
                literal = self.source[start:end] == value
                atoms.append(_new(Atom, (TEXT, start, end, value, "", literal, False, False)))
                self.covered = end
            else:
                self._text(value, start, end)
        elif kind == "Start":
            if type(value) is str and value not in _PAIRED and value not in _SKIPPED:
                if self.atoms:  # (a block starts: ``flush``, which has nothing to do if none)
                    self.flush()
            else:
                self._start(value, start, end)
        elif kind == "End":
            if type(value) is str and value not in _PAIRED and value != "Link":
                if self.atoms:  # (a block ends, as above)
                    self.flush()
            else:
                self._end(value, start, end)
        elif kind in _STICKY:
            self._atom(_new(Atom, (VOID, start, end, "", "", True, True, False)), start)
        elif kind == "InlineHtml":
            self._inline_html(value, start, end)
        else:  # Html outside an HTML block, DisplayMath: not translated
            self.flush()

    # -- inline -------------------------------------------------------------------------

    def _inline_html(self, value: str, start: int, end: int) -> None:
        """An inline HTML tag: raw code starts a code piece (see ``_RAW_CODE``); a start or
        end tag of an element is one end of a pair (``<s>…</s>`` gives ``<1>…</1>``, as in
        HTML: paired where both ends are in the sentence); anything else is standalone."""
        code = _RAW_CODE.match(value)
        if code:
            self._atom(_new(Atom, (VOID, start, end, "", "", True, True, False)), start)
            self.raw_code = f"</{code.group(1).lower()}>"
            return
        tag = _HTML_TAG.fullmatch(value)
        name = tag.group(2).lower() if tag else ""
        if not name or name in VOID_ELEMENTS or value.endswith("/>"):
            self._atom(_new(Atom, (VOID, start, end, "", "", True, False, False)), start)
            return
        kind = CLOSE if tag and tag.group(1) else OPEN
        self._atom(_new(Atom, (kind, start, end, "", f"<{name}>", True, False, False)), start)

    def _inside_raw_code(self, event: Any, end: int) -> bool:
        """Whether an event is part of the raw `<code>` being read (its atom then reaches
        ``end``); anything but inline text, code, HTML and line breaks ends the piece where
        it is (the events after it are read as usual)."""
        if type(event) is str:
            kind, value = event, ""
        else:
            ((kind, value),) = event.items()
        if kind not in _INSIDE_RAW_CODE:
            self.raw_code = ""
            return False
        self.atoms[-1] = _ended(self.atoms[-1], end)
        self.covered = end
        if kind == "InlineHtml" and "".join(value.split()).lower() == self.raw_code:
            self.raw_code = ""
        return True

    def _atom(self, atom: Atom, start: int) -> None:
        """Add an atom; what lies between the previous atom and ``start`` is markup."""
        atoms = self.atoms
        if atoms:
            if self.pending is not None:
                atoms[self.pending] = _ended(atoms[self.pending], start)
                self.pending = None
            elif start > self.covered:
                self._gap(start)
        atoms.append(atom)
        self.covered = atom.end

    def _gap(self, start: int) -> None:
        previous = self.atoms[-1]
        if previous.line or (
            previous.kind == TEXT and not previous.literal and previous.text == " "
        ):
            self.atoms[-1] = _ended(previous, start)  # a line break and the next line's prefix
        else:
            self.atoms.append(_new(Atom, (VOID, self.covered, start, "", "", True, False, False)))

    def _text(self, value: str, start: int, end: int) -> None:
        source = self.source
        if start > 0 and source[start - 1] == "\\" and start > self.covered and value:
            # An escape: the backslash and its character are one decoded atom.
            atom = (TEXT, start - 1, start + 1, value[0], "", False, False, False)
            self._atom(_new(Atom, atom), start - 1)
            value, start = value[1:], start + 1
            if not value:
                return
        literal = source[start:end] == value
        if not self.has_text and not value.isspace():
            self.has_text = True
        self._atom(_new(Atom, (TEXT, start, end, value, "", literal, False, False)), start)

    def _simple(self, event: str, start: int, end: int) -> None:
        if event == "SoftBreak":
            self._atom(_new(Atom, (TEXT, start, end, " ", "", False, False, True)), start)
        elif event == "HardBreak":
            self._atom(_new(Atom, (VOID, start, end, "", "", True, False, True)), start)
        else:
            self.flush()

    def _start(self, value: Any, start: int, end: int) -> None:
        if isinstance(value, str):
            if value in _PAIRED:
                self._open(value, start)
            elif value in _SKIPPED:
                self._begin_skip(value, start)
            else:
                self.flush()
            return
        ((kind, data),) = value.items()
        if kind == "Link":
            if data["link_type"] in _OPAQUE_LINKS:
                self._begin_skip("Link", start)
            else:
                self._open("Link", start)
                link_type = data["link_type"]
                titled = bool(data["title"]) and link_type == "Inline"
                self.links.append((titled, link_type == "Collapsed"))
        elif kind == "Image":
            self._begin_skip(kind, start)
            self.alt = []
            self.title = bool(data["title"]) and data["link_type"] == "Inline"
        elif kind in _SKIPPED:
            self._begin_skip(kind, start)
        else:
            self.flush()

    def _open(self, name: str, start: int) -> None:
        self._atom(_new(Atom, (OPEN, start, start, "", name, True, False, False)), start)
        self.pending = len(self.atoms) - 1

    def _end(self, value: Any, start: int, end: int) -> None:
        name = value if isinstance(value, str) else next(iter(value))
        if name not in _PAIRED and name != "Link":
            self.flush()
            return
        titled = collapsed = False
        if name == "Link" and self.links:
            titled, collapsed = self.links.pop()
        if collapsed and self.source.startswith("[]", end):
            end += 2  # (the parser's range of `[text][]` leaves its `[]` out)
        tail = self.covered
        if self.pending is not None and self.pending == len(self.atoms) - 1:
            # Nothing inside (`[](url)`, `**` `**`): one standalone piece.
            self.atoms[-1] = _new(Atom, (VOID, start, end, "", "", True, False, False))
            self.pending = None
            self.covered = end
            tail = start
        else:
            atom = (CLOSE, self.covered, end, "", name, True, False, False)
            self._atom(_new(Atom, atom), self.covered)
        if titled:
            self._title(tail, end)

    def _begin_skip(self, kind: str, start: int) -> None:
        if kind in _SKIPPED:
            self.flush()
        self.skip, self.skip_kind, self.skip_start = 1, kind, start

    def _skipped(self, kind: str, value: Any, start: int, end: int) -> None:
        """An event inside a skipped element; its end makes images and autolinks one piece."""
        if self.skip_kind == "Image" and kind in ("Text", "Code"):
            self.alt.append((start, end, value))
        if kind not in ("Start", "End"):
            return
        name = value if isinstance(value, str) else next(iter(value))
        if name != self.skip_kind:
            return
        self.skip += 1 if kind == "Start" else -1
        if self.skip == 0 and name in ("Image", "Link"):
            atom = (VOID, self.skip_start, end, "", "", True, True, False)
            self._atom(_new(Atom, atom), self.skip_start)
            if name == "Image":
                self._image_units(end)

    def _image_units(self, end: int) -> None:
        """The alt text of the image just read (flattened: emphasis inside is dropped when it
        is translated) and its title, as entries of their own."""
        alt = self.alt
        text = "".join(piece for _, _, piece in alt)
        # The alt text is all between `![` and `](`, its emphasis markers included.
        alt_end = self.source.find("](", alt[-1][1], end) if alt else -1
        if alt and text.strip() and alt_end > 0:
            self.units.append(Unit(self.skip_start + 2, alt_end, text, "alt attribute", "]"))
        if self.title:
            self._title(alt[-1][1] if alt else self.skip_start + 2, end)
        self.alt = []
        self.title = False

    def _title(self, start: int, end: int) -> None:
        """The title of an inline link or image whose `](destination "title")` is in
        ``source[start:end]``, as an entry of its own."""
        found = link_title(self.source, start, end)
        if found is not None:
            value_start, value_end, quote = found
            raw = self.source[value_start:value_end]
            text = _decode_title(raw)
            if text.strip():
                self.units.append(Unit(value_start, value_end, text, "title attribute", quote))

    def definition_title(self, title: str, start: int, end: int) -> None:
        """The title of the reference definition at ``source[start:end]`` (``[x]: url
        "title"``), as an entry of its own; left alone where the title found in the source
        does not decode to the parser's (a title over lines of a block quote)."""
        label_end = self.source.find("]:", start, end)
        found = None if label_end < 0 else _title_before(self.source, label_end, end - 1)
        if found is None:
            return
        value_start, value_end, quote = found
        text = _decode_title(self.source[value_start:value_end])
        if text == title and text.strip():
            self.units.append(Unit(value_start, value_end, text, "title attribute", quote))

    def flush(self) -> None:
        # (with no atoms there is nothing to reset: an atom comes first, see ``event``)
        self.raw_code = ""
        if self.atoms:  # (most block starts and ends follow another: nothing to do)
            if self.has_text:
                self.blocks.append(Block(tuple(self.atoms), False))
            self.atoms = []
        self.has_text = False
        self.pending = None


def link_title(source: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The span of the title inside an inline link tail ``](destination "title")`` at
    ``source[start:end]``, and its opening delimiter (None: no title found)."""
    start = source.find("](", start, end)  # after the text's last closing markup
    tail_end = end - 1  # the closing `)`
    if start < 0 or source[tail_end] != ")":
        return None
    return _title_before(source, start, tail_end - 1)


def _title_before(source: str, start: int, last: int) -> tuple[int, int, str] | None:
    """The span and opening delimiter of the title that ends ``source[start + 2 : last + 1]``
    (trailing whitespace aside), delimited by ``"``, ``'`` or parentheses and preceded by
    whitespace; ``source[start:start + 2]`` is the ``](`` or ``]:`` before the destination."""
    position = last
    while position > start and source[position] in " \t\r\n":
        position -= 1
    closer = source[position]
    opener = {'"': '"', "'": "'", ")": "("}.get(closer)
    if opener is None:
        return None
    value_end = position
    scan = value_end - 1
    while scan > start + 1:
        if source[scan] == opener and source[scan - 1] != "\\":
            if source[scan - 1] in " \t\r\n":
                return scan + 1, value_end, opener
            return None
        scan -= 1
    return None


def _decode_title(raw: str) -> str:
    from html import unescape

    if "\\" in raw:
        raw = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", raw)
    return unescape(raw) if "&" in raw else raw
