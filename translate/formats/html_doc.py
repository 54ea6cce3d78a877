"""HTML sources: tokenizer events (``html_tokens``) → blocks, attribute units, skeleton.

Read like a browser reads tag soup, without building a tree: every element that is not
inline (``p``, ``li``, ``td``, ``h1``, ``div``, ``title``…) ends the running paragraph; inline
elements (``a``, ``b``, ``span``, ``br``…) are atoms of it and become placeholders. Unclosed
tags are closed by their parent's end tag, stray end tags are ignored, and ``li``, ``p``,
``td``, ``tr``, ``dt``/``dd`` close as the HTML parsing rules imply.

Never translated: ``script``, ``style``, ``pre``, ``template``, ``textarea``, comments and
anything inside ``translate="no"`` (or ``class="notranslate"``); inline ``code``, ``kbd``,
``samp``, ``svg`` and the like become one standalone placeholder. Translated on their own:
``alt``, ``title``, ``placeholder``, ``aria-label``, the ``value`` of a submit, reset or button
``input`` and ``<meta name="description">`` (and its Open Graph / Twitter forms). A ``button``'s
text is translated as an inline element's; a ``select`` is one standalone placeholder where it
stands in a sentence, and each of its ``option`` texts an entry of its own. Text
inside ``nav``, ``footer``, ``aside``, a page ``header`` or an element whose role, class or id
names a menu is marked as boilerplate; a class or id alone
does not count when the element holds the page's ``article``, ``main`` or ``h1`` (a layout
wrapper named `sidebar-1` around a whole news article).

Offsets are exact: the tokenizer's events tile the page, each with its source span, so
nothing of the page is lost or moved. (``html.parser`` alone cost 0.2-0.3 s per MB, more than
the segmenter's whole budget; our tokenizer is one regex search per construct.)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from translate.formats.charset import check_charset
from translate.formats.html_attributes import Plan, Reading, Values, read_tag
from translate.formats.html_elements import (
    _BOILERPLATE,
    _BY_ELEMENT,
    _BY_NAME,
    _CONTAINER,
    _CONTAINERS,
    _CONTENT_MARKS,
    _INLINE,
    _INLINE_VOID,
    _MAIN,
    _MARKED,
    _NAMED,
    _NO_VALUES,
    _OPAQUE,
    _PHRASING,
    _ROLES,
    _SKIP,
    _SKIPPED,
    _VOID,
    BOILERPLATE_ELEMENTS,
    _boilerplate_kind,
)
from translate.formats.html_tokens import attributes, scan, unescape_value
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

_STACK_SEARCH = 256
_VALUES_KEPT = 4096  # distinct start tags whose reading a page keeps
# An option's text inside a select: up to the next tag (its end tag may be left out).
_OPTION_TEXT = re.compile(r"<option(?:[ \t\n\r\f/][^>]*)?>([^<]*)", re.IGNORECASE)
_OPTGROUP = re.compile(r"<optgroup[ \t\n\r\f][^>]*>", re.IGNORECASE)
_LABEL = frozenset(("label",))
_HTML_SPACE_CHARS = " \t\n\r\f"
# Elements never translated that may stand inside running text without ending it.
_HIDDEN_INLINE = frozenset(("script", "style", "template", "textarea"))
_new = tuple.__new__
_NO_READING = Reading(_NO_VALUES, False, None)


class HtmlParts(NamedTuple):
    blocks: list[Block]
    units: list[Unit]
    lang_spans: list[tuple[int, int]]
    entities: list[tuple[str, str]]


def read_html(text: str, path: str, source_lang: str = "vi", encoding: str = "utf-8") -> HtmlParts:
    """Blocks, attribute units, ``lang`` spans and entity habits of an HTML page (pure;
    ``encoding``: the codec that decoded it, which a ``<meta charset>`` must agree with)."""
    reader = _Reader(text, path, source_lang)
    reader.encoding = encoding
    with collector_paused(keep=True):
        scan(text, reader)
        reader.finish()
    # Characters the page writes only as references are written back the same way.
    entities = sorted((char, raw) for char, raw in reader.entity_forms.items() if char not in text)
    return HtmlParts(reader.blocks, reader.units, reader.lang_spans, entities)


class _Reader:
    """Turns tokenizer events into blocks (browser-like structure, no tree). The open
    elements are two parallel lists: ``names``, and ``flags`` (``_SKIP``, ``_BOILERPLATE``,
    ``_MAIN``), whose counts inside are ``skip_depth``, ``boilerplate_depth``, ``main_depth``."""

    def __init__(self, text: str, path: str, source_lang: str) -> None:
        self.source = text
        self.path = path
        self.encoding = "utf-8"
        self.source_lang = source_lang.lower()
        self.blocks: list[Block] = []
        self.units: list[Unit] = []
        self.lang_spans: list[tuple[int, int]] = []
        self.entity_forms: dict[str, str] = {}
        self.atoms: list[Atom] = []
        self.has_text = False  # an atom of ``atoms`` holds more than whitespace
        self.block_boilerplate = False
        # Boilerplate by a class or id name is decided at the end: the named elements open
        # around the block (serial numbers), and those found to hold the page's content.
        self.block_named: tuple[int, ...] = ()
        self.named_open: list[int] = []
        self.named_count = 0
        self.holds_content: set[int] = set()
        self.named_blocks: list[tuple[int, tuple[int, ...]]] = []  # block index, named
        self.named_units: list[tuple[int, tuple[int, ...]]] = []  # unit index, named
        self.names: list[str] = []
        self.flags: list[int] = []
        self.skip_depth = 0
        self.boilerplate_depth = 0
        self.main_depth = 0
        self.capture: tuple[str, int, int] | None = None  # name, depth, start
        self.boilerplate_of: dict[tuple[str, str, str, str, bool], int] = {}
        # A start tag's source → its reading (``html_attributes.read_tag``).
        self.values_of: dict[str, Reading] = {}

    def _first_atom(self) -> None:
        if not self.atoms:
            self._block_starts()

    def _block_starts(self) -> None:
        self.block_boilerplate = self.boilerplate_depth > 0
        self.block_named = tuple(self.named_open)

    # -- events (html_tokens.scan calls these) ------------------------------------------

    def data(self, start: int, end: int) -> None:
        if self.skip_depth or self.capture is not None:
            return
        text = self.source[start:end]
        atoms = self.atoms
        if text.isspace():
            if not atoms:
                return
        else:
            if not atoms:
                self._block_starts()
            self.has_text = True
        # Atom(TEXT, start, end, text) without NamedTuple's Python-level __new__ (per run).
        atoms.append(_new(Atom, (TEXT, start, end, text, "", True, False, False)))

    def reference(self, start: int, end: int, decoded: str) -> None:
        if self.skip_depth or self.capture is not None:
            return
        if len(decoded) == 1 and decoded not in self.entity_forms:
            self.entity_forms[decoded] = self.source[start:end]
        self._first_atom()
        self.has_text = self.has_text or not decoded.isspace()
        self.atoms.append(_new(Atom, (TEXT, start, end, decoded, "", False, False, False)))

    def markup(self, start: int, end: int) -> None:
        """A comment, declaration, `</>` or the like: kept with the paragraph."""
        if not self.skip_depth and self.capture is None and self.atoms:
            self.atoms.append(_new(Atom, (VOID, start, end, "", "", True, False, False)))

    def start(self, tag: str, start: int, end: int, closed: bool) -> None:
        roles = _ROLES.get(tag, 0)
        if roles & _VOID:
            closed = True
        capture = self.capture
        if capture is not None:
            if tag == capture[0] and not closed:
                self.capture = (tag, capture[1] + 1, capture[2])
            return
        if end - start < len(tag) + 5:
            # no attribute value (`<p>`, `<br/>`, `<td x>`: too short for `a=b`)
            values, no_translate = _NO_VALUES, False
        else:  # (what ``_values`` does, inline: most tags of a page have attributes)
            raw = self.source[start:end]
            known = self.values_of.get(raw)
            if known is None:
                known = self._reading(tag, raw)
            values, no_translate, plan = known
            if plan is not None and not self.skip_depth:
                self._attributes(values, plan, start)
        names = self.names
        if not closed and (
            roles & _CONTAINER or (names and names[-1] == "p" and not roles & _PHRASING)
        ):
            self._implied_close(tag, roles)
        inline = roles & _PHRASING != 0
        atoms = self.atoms
        if self.skip_depth:
            pass
        elif not inline:
            if atoms and not (tag in _HIDDEN_INLINE and not closed):
                self._flush()
            elif atoms:
                # In running text a script (or style…) hides its content there: one piece
                # of the sentence, not the end of the paragraph (`Bấm <script>…</script>`).
                self.capture = (tag, 1, start)
                return
        elif (roles & _OPAQUE or no_translate) and not closed:
            self.capture = (tag, 1, start)
        elif roles & _INLINE_VOID or closed:
            if atoms or tag != "br":
                if not atoms:
                    self._block_starts()
                atoms.append(_new(Atom, (VOID, start, end, "", "", True, False, tag == "br")))
        elif roles & _INLINE:
            if not atoms:  # (what _first_atom does, inline: a call per tag)
                self._block_starts()
            atoms.append(_new(Atom, (OPEN, start, end, "", tag, True, False, False)))
        elif atoms:
            self._flush()
        if closed:
            return
        skip = roles & _SKIPPED != 0 or (no_translate and not inline)
        if values or skip or roles & _MARKED:
            self._push(tag, values, skip)
        else:  # (what _push does for an element that adds no flag)
            names.append(tag)
            self.flags.append(0)

    def _reading(self, tag: str, raw: str) -> Reading:
        """The attribute values that matter of the start tag ``raw`` (``read_tag``; none
        without a `=`), and whether it says not to translate its content, with the plan
        of the units, `lang` and charset each of its occurrences adds (``_attributes``). A
        tag written as one before is not parsed again (pages repeat their `<li
        class="menu-item">`, a share button's `<a title=…>`): ``start`` finds its reading
        in ``values_of`` and only makes its units anew, at its own offsets."""
        if "=" not in raw:
            return _NO_READING
        known = read_tag(tag, raw, self.source_lang)
        if len(self.values_of) < _VALUES_KEPT:
            self.values_of[raw] = known
        return known

    def end(self, tag: str, start: int, end: int) -> None:
        if self.capture is not None and self._captured(tag, start, end):
            return
        if not self.skip_depth:
            roles = _ROLES.get(tag, 0)
            atoms = self.atoms
            if roles & _INLINE:
                if not atoms:
                    self._block_starts()
                atoms.append(_new(Atom, (CLOSE, start, end, "", tag, True, False, False)))
            elif roles & (_INLINE_VOID | _OPAQUE):
                if atoms:  # (what ``markup`` does: nothing is captured or skipped here)
                    atoms.append(_new(Atom, (VOID, start, end, "", "", True, False, False)))
            elif atoms:
                self._flush()
        names = self.names
        if names and names[-1] == tag:  # (_pop's common case)
            names.pop()
            flag = self.flags.pop()
            if flag:
                self._unflag(flag)
        else:
            self._pop(tag)

    def _captured(self, tag: str, start: int, end: int) -> bool:
        """An end tag inside an opaque element: whether it is done with (True), or closes a
        parent, which ends the opaque element first (False: read it as an end tag)."""
        assert self.capture is not None
        name, depth, begun = self.capture
        if tag == name:
            if depth > 1:
                self.capture = (name, depth - 1, begun)
                return True
            self._end_capture(end)
            self._pop(tag)
            return True
        if not self._open(tag):
            return True  # inside the opaque element
        self._end_capture(start)  # a parent closes: the opaque element ends here
        return False

    def _end_capture(self, end: int) -> None:
        """The opaque element read since its start tag ends at ``end``: one standalone piece
        (a select's options are entries of their own: a reader sees them)."""
        assert self.capture is not None
        name, _, begun = self.capture
        self.capture = None
        self._first_atom()
        sticky = name not in _HIDDEN_INLINE  # (a script at a sentence's edge stays outside)
        self.atoms.append(_new(Atom, (VOID, begun, end, "", "", True, sticky, False)))
        if name == "select":
            self._option_units(begun, end)

    def _option_units(self, start: int, end: int) -> None:
        """Each option's text in the select at ``source[start:end]``, as a unit (up to the
        next tag: an option's end tag may be left out), and each optgroup's ``label``."""
        boilerplate = self.boilerplate_depth > 0
        for group in _OPTGROUP.finditer(self.source, start, end):
            tag = group.group()
            for _, decoded, value_start, value_end, quote in attributes(tag, 9, _LABEL):
                if decoded is not None and decoded.strip():
                    at = group.start() + value_start
                    end_at = group.start() + value_end
                    unit = Unit(at, end_at, decoded, "label attribute", quote, boilerplate)
                    self.units.append(unit)
        for match in _OPTION_TEXT.finditer(self.source, start, end):
            raw = match.group(1)
            text = raw.strip(_HTML_SPACE_CHARS)
            if not text:
                continue
            offset = match.start(1) + raw.index(text[0])
            decoded = unescape_value(text) if "&" in text else text
            unit = Unit(offset, offset + len(text), decoded, "option", '"', boilerplate)
            self.units.append(unit)

    # -- structure --------------------------------------------------------------------

    def _open(self, tag: str) -> bool:
        names = self.names
        return tag in (names if len(names) <= _STACK_SEARCH else names[-_STACK_SEARCH:])

    def _push(self, tag: str, values: dict[str, str | None], skip: bool) -> None:
        inside_main = self.main_depth > 0
        if values:
            kind = self._kind(tag, values, inside_main)
            boilerplate, named = kind == _BY_ELEMENT, kind == _BY_NAME
        else:
            boilerplate = tag in BOILERPLATE_ELEMENTS or (tag == "header" and not inside_main)
            named = False
        main = tag == "article" or tag == "main"
        if self.named_open and (
            tag in _CONTENT_MARKS or (values and (values.get("role") or "").lower() == "main")
        ):
            self.holds_content.update(self.named_open)
        self.names.append(tag)
        if skip or boilerplate or main or named:
            self.flags.append(
                skip * _SKIP | boilerplate * _BOILERPLATE | main * _MAIN | named * _NAMED
            )
            self.skip_depth += skip
            self.boilerplate_depth += boilerplate
            self.main_depth += main
            if named:
                self.named_count += 1
                self.named_open.append(self.named_count)
        else:
            self.flags.append(0)

    def _kind(self, tag: str, values: dict[str, str | None], inside_main: bool) -> int:
        """``_boilerplate_kind``, made once per tag name, class, id, role and place."""
        key = (
            tag,
            values.get("class") or "",
            values.get("id") or "",
            values.get("role") or "",
            inside_main,
        )
        kind = self.boilerplate_of.get(key)
        if kind is None:
            kind = _boilerplate_kind(tag, values, inside_main=inside_main)
            self.boilerplate_of[key] = kind
        return kind

    def _pop(self, tag: str) -> None:
        names = self.names
        top = len(names) - 1
        if top >= 0 and names[top] == tag:
            self._pop_to(top)
            return
        for depth in range(top - 1, max(-1, top - _STACK_SEARCH), -1):
            if names[depth] == tag:
                self._pop_to(depth)
                return

    def _pop_to(self, depth: int) -> None:
        flags = self.flags
        for flag in flags[depth:]:
            if flag:
                self._unflag(flag)
        del self.names[depth:]
        del flags[depth:]

    def _unflag(self, flag: int) -> None:
        """An element with ``flag`` closes: its counts come off the reader's depths."""
        self.skip_depth -= flag & _SKIP
        self.boilerplate_depth -= (flag & _BOILERPLATE) >> 1
        self.main_depth -= (flag & _MAIN) >> 2
        if flag & _NAMED:
            self.named_open.pop()

    def _implied_close(self, tag: str, roles: int) -> None:
        names = self.names
        if names and names[-1] == "p" and not roles & _PHRASING:
            self._pop_to(len(names) - 1)
        rule = _CONTAINERS.get(tag)
        if rule is None:
            return
        closes, boundary = rule
        for depth in range(len(names) - 1, max(-1, len(names) - _STACK_SEARCH - 1), -1):
            name = names[depth]
            if name in boundary:
                return
            if name in closes:
                self._pop_to(depth)
                return

    def _flush(self) -> None:
        if self.has_text:
            if self.block_named and not self.block_boilerplate:
                self.named_blocks.append((len(self.blocks), self.block_named))
            self.blocks.append(Block(tuple(self.atoms), self.block_boilerplate))
            self.has_text = False
        if self.atoms:
            self.atoms = []

    def finish(self) -> None:
        """End of the page: close what is open (an unclosed opaque element ends here)."""
        if self.capture is not None:
            self._end_capture(len(self.source))
        self._flush()
        self._settle_named_boilerplate()

    def _settle_named_boilerplate(self) -> None:
        """Blocks and units inside an element whose class or id names a menu, a sidebar …
        are boilerplate, unless every such element around them holds the page's content."""
        content = self.holds_content
        for index, named in self.named_blocks:
            if not content.issuperset(named):
                self.blocks[index] = Block(self.blocks[index].atoms, True)
        for index, named in self.named_units:
            if not content.issuperset(named):
                unit = self.units[index]  # (as `replace(unit, boilerplate=True)`, 10x faster)
                self.units[index] = Unit(
                    unit.start, unit.end, unit.text, unit.what, unit.quote, True
                )

    # -- attributes -------------------------------------------------------------------

    def _attributes(self, values: Values, plan: Plan, start: int) -> None:
        """What one occurrence of a tag at ``start`` adds: its charset checked, its `lang`
        spans and its units (boilerplate inside boilerplate or by the tag itself)."""
        if plan.charset:
            check_charset(values, self.path, self.encoding)
        for value_start, value_end in plan.langs:
            self.lang_spans.append((start + value_start, start + value_end))
        if not plan.units:
            return
        boilerplate = self.boilerplate_depth > 0 or plan.boilerplate
        named = () if boilerplate else tuple(self.named_open)
        for value_start, value_end, decoded, what, quote in plan.units:
            if named:
                self.named_units.append((len(self.units), named))
            self.units.append(
                Unit(start + value_start, start + value_end, decoded, what, quote, boilerplate)
            )
