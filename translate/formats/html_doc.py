"""HTML sources: tokenizer events (``html_tokens``) → blocks, attribute units, skeleton.

Read like a browser reads tag soup, without building a tree: every element that is not
inline (``p``, ``li``, ``td``, ``h1``, ``div``, ``title``…) ends the running paragraph; inline
elements (``a``, ``b``, ``span``, ``br``…) are atoms of it and become placeholders. Unclosed
tags are closed by their parent's end tag, stray end tags are ignored, and ``li``, ``p``,
``td``, ``tr``, ``dt``/``dd`` close as the HTML parsing rules imply.

Never translated: ``script``, ``style``, ``pre``, ``template``, ``textarea``, comments and
anything inside ``translate="no"`` (or ``class="notranslate"``); inline ``code``, ``kbd``,
``samp``, ``svg`` and the like become one standalone placeholder. Translated on their own:
``alt``, ``title``, ``placeholder``, ``aria-label`` and ``<meta name="description">`` (and its
Open Graph / Twitter forms). Text inside ``nav``, ``footer``, ``aside``, a page ``header`` or
an element whose role, class or id names a menu is marked as boilerplate.

Offsets are exact: the tokenizer's events tile the page, each with its source span, so
nothing of the page is lost or moved. (``html.parser`` alone cost 0.2-0.3 s per MB, more than
the segmenter's whole budget; our tokenizer is one regex search per construct.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from translate.errors import UserError
from translate.formats.html_tokens import END as T_END
from translate.formats.html_tokens import REF as T_REF
from translate.formats.html_tokens import START as T_START
from translate.formats.html_tokens import TEXT as T_TEXT
from translate.formats.html_tokens import attribute_values, attributes, tokenize
from translate.formats.units import (
    CLOSE,
    OPEN,
    TEXT,
    VOID,
    Atom,
    Block,
    Unit,
    paused_gc,
)

INLINE = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "label",
        "mark",
        "nobr",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
    ]
)
# Inline elements whose content is never translated: one standalone placeholder each.
OPAQUE = frozenset(
    [
        "code",
        "kbd",
        "samp",
        "var",
        "svg",
        "math",
        "iframe",
        "object",
        "video",
        "audio",
        "canvas",
        "noscript",
        "select",
        "button",
        "ruby",
    ]
)
SKIPPED = frozenset(
    ["script", "style", "pre", "template", "textarea", "xmp", "listing", "plaintext"]
)
VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    ]
)
INLINE_VOID = frozenset(("br", "wbr", "img", "input"))
PHRASING = INLINE | OPAQUE | INLINE_VOID
TRANSLATABLE_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
META_TEXT = frozenset(
    ("description", "og:description", "og:title", "twitter:description", "twitter:title")
)
BOILERPLATE_ELEMENTS = frozenset(("nav", "footer", "aside"))
BOILERPLATE_ROLES = frozenset(("navigation", "banner", "contentinfo", "menu", "menubar", "search"))
_BOILERPLATE_NAME = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar)(?:[-_]|$)", re.I
)
_INTERESTING = frozenset((*TRANSLATABLE_ATTRIBUTES, "lang", "xml:lang"))
_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_UTF8 = frozenset(("utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"))
_STACK_SEARCH = 256
_new = tuple.__new__
_CONTAINERS = {  # an opening tag closes an open one of these, up to a boundary
    "li": (frozenset(("li",)), frozenset(("ul", "ol", "menu"))),
    "dt": (frozenset(("dt", "dd")), frozenset(("dl",))),
    "dd": (frozenset(("dt", "dd")), frozenset(("dl",))),
    "tr": (frozenset(("tr", "td", "th")), frozenset(("table", "thead", "tbody", "tfoot"))),
    "td": (frozenset(("td", "th")), frozenset(("tr", "table"))),
    "th": (frozenset(("td", "th")), frozenset(("tr", "table"))),
    "option": (frozenset(("option",)), frozenset(("select", "datalist"))),
}


class _Frame(NamedTuple):
    name: str
    skip: bool
    boilerplate: bool
    main: bool  # article or main: a header inside is the article's, not the site's


class HtmlParts(NamedTuple):
    blocks: list[Block]
    units: list[Unit]
    lang_spans: list[tuple[int, int]]
    entities: list[tuple[str, str]]


def read_html(text: str, path: str, source_lang: str = "vi") -> HtmlParts:
    """Blocks, attribute units, ``lang`` spans and entity habits of an HTML page (pure)."""
    reader = _Reader(text, path, source_lang)
    with paused_gc():
        for event in tokenize(text):
            kind = event[0]
            if kind == T_TEXT:
                reader.data(event[1], event[2])
            elif kind == T_START:
                reader.start(event[3], event[1], event[2], closed=event[4])
            elif kind == T_END:
                reader.end(event[3], event[1], event[2])
            elif kind == T_REF:
                reader.reference(event[1], event[2], event[3])
            else:
                reader.markup(event[1], event[2])
        reader.finish()
    # Characters the page writes only as references are written back the same way.
    entities = sorted((char, raw) for char, raw in reader.entity_forms.items() if char not in text)
    return HtmlParts(reader.blocks, reader.units, reader.lang_spans, entities)


class _Reader:
    """Turns tokenizer events into blocks (browser-like structure, no tree)."""

    def __init__(self, text: str, path: str, source_lang: str) -> None:
        self.source = text
        self.path = path
        self.source_lang = source_lang.lower()
        self.blocks: list[Block] = []
        self.units: list[Unit] = []
        self.lang_spans: list[tuple[int, int]] = []
        self.entity_forms: dict[str, str] = {}
        self.atoms: list[Atom] = []
        self.has_text = False  # an atom of ``atoms`` holds more than whitespace
        self.block_boilerplate = False
        self.stack: list[_Frame] = []
        self.skip_depth = 0
        self.boilerplate_depth = 0
        self.main_depth = 0
        self.capture: tuple[str, int, int] | None = None  # name, depth, start
        self.boilerplate_of: dict[tuple[str, str, str, str, bool], bool] = {}

    def _first_atom(self) -> None:
        if not self.atoms:
            self.block_boilerplate = self.boilerplate_depth > 0

    # -- events -----------------------------------------------------------------------

    def data(self, start: int, end: int) -> None:
        if self.skip_depth or self.capture is not None:
            return
        text = self.source[start:end]
        if text.isspace():
            if not self.atoms:
                return
        else:
            if not self.atoms:
                self.block_boilerplate = self.boilerplate_depth > 0
            self.has_text = True
        # Atom(TEXT, start, end, text) without NamedTuple's Python-level __new__ (per run).
        self.atoms.append(_new(Atom, (TEXT, start, end, text, "", True, False, False)))

    def reference(self, start: int, end: int, decoded: str) -> None:
        if self.skip_depth or self.capture is not None:
            return
        if len(decoded) == 1:
            self.entity_forms.setdefault(decoded, self.source[start:end])
        self._first_atom()
        self.has_text = self.has_text or not decoded.isspace()
        self.atoms.append(Atom(TEXT, start, end, decoded, literal=False))

    def markup(self, start: int, end: int) -> None:
        """A comment, declaration, `</>` or the like: kept with the paragraph."""
        if not self.skip_depth and self.capture is None and self.atoms:
            self.atoms.append(Atom(VOID, start, end))

    def start(self, tag: str, start: int, end: int, *, closed: bool) -> None:
        closed = closed or tag in VOID_ELEMENTS
        if self.capture is not None:
            name, depth, begun = self.capture
            if tag == name and not closed:
                self.capture = (name, depth + 1, begun)
            return
        raw = self.source[start:end]
        # Attributes without a value (`disabled`) mean nothing here: only tags with `=`.
        values = attribute_values(raw, len(tag) + 1) if "=" in raw else {}
        if values and not self.skip_depth and (tag == "meta" or values.keys() & _INTERESTING):
            self._attributes(tag, values, attributes(raw, len(tag) + 1), start)
        if not closed and (
            tag in _CONTAINERS
            or (self.stack and self.stack[-1].name == "p" and tag not in PHRASING)
        ):
            self._implied_close(tag)
        no_translate = bool(values) and (
            (values.get("translate") or "").strip().lower() == "no"
            or "notranslate" in (values.get("class") or "").split()
        )
        inline = tag in INLINE or tag in INLINE_VOID or tag in OPAQUE
        if self.skip_depth:
            pass
        elif (tag in OPAQUE or (no_translate and inline)) and not closed:
            self.capture = (tag, 1, start)
        elif tag in INLINE_VOID or (inline and closed):
            if self.atoms or tag != "br":
                self._first_atom()
                self.atoms.append(Atom(VOID, start, end, line=tag == "br"))
        elif tag in INLINE:
            self._first_atom()
            self.atoms.append(Atom(OPEN, start, end, name=tag))
        else:
            self._flush()
        if not closed:
            self._push(tag, values, skip=tag in SKIPPED or (no_translate and not inline))

    def end(self, tag: str, start: int, end: int) -> None:
        if self.capture is not None:
            name, depth, begun = self.capture
            if tag == name:
                if depth > 1:
                    self.capture = (name, depth - 1, begun)
                    return
                self.capture = None
                self._first_atom()
                self.atoms.append(Atom(VOID, begun, end, sticky=True))
                self._pop(tag)
                return
            if not self._open(tag):
                return  # inside the opaque element
            self.capture = None  # a parent closes: the opaque element ends here
            self.atoms.append(Atom(VOID, begun, start, sticky=True))
        if not self.skip_depth:
            if tag in INLINE:
                self._first_atom()
                self.atoms.append(Atom(CLOSE, start, end, name=tag))
            elif tag in INLINE_VOID or tag in OPAQUE:
                self.markup(start, end)
            else:
                self._flush()
        self._pop(tag)

    # -- structure --------------------------------------------------------------------

    def _open(self, tag: str) -> bool:
        return any(frame.name == tag for frame in self.stack[-_STACK_SEARCH:])

    def _push(self, tag: str, values: dict[str, str | None], *, skip: bool) -> None:
        inside_main = self.main_depth > 0
        if values:
            key = (
                tag,
                values.get("class") or "",
                values.get("id") or "",
                values.get("role") or "",
                inside_main,
            )
            boilerplate = self.boilerplate_of.get(key)
            if boilerplate is None:
                boilerplate = _is_boilerplate(tag, values, inside_main=inside_main)
                self.boilerplate_of[key] = boilerplate
        else:
            boilerplate = tag in BOILERPLATE_ELEMENTS or (tag == "header" and not inside_main)
        main = tag in ("article", "main")
        self.stack.append(_Frame(tag, skip, boilerplate, main))
        self.skip_depth += skip
        self.boilerplate_depth += boilerplate
        self.main_depth += main

    def _pop(self, tag: str) -> None:
        stack = self.stack
        for depth in range(len(stack) - 1, max(-1, len(stack) - _STACK_SEARCH - 1), -1):
            if stack[depth].name == tag:
                self._pop_to(depth)
                return

    def _pop_to(self, depth: int) -> None:
        for frame in self.stack[depth:]:
            self.skip_depth -= frame.skip
            self.boilerplate_depth -= frame.boilerplate
            self.main_depth -= frame.main
        del self.stack[depth:]

    def _implied_close(self, tag: str) -> None:
        if self.stack and self.stack[-1].name == "p" and tag not in PHRASING:
            self._pop_to(len(self.stack) - 1)
        rule = _CONTAINERS.get(tag)
        if rule is None:
            return
        closes, boundary = rule
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - _STACK_SEARCH - 1), -1):
            name = self.stack[depth].name
            if name in boundary:
                return
            if name in closes:
                self._pop_to(depth)
                return

    def _flush(self) -> None:
        if self.has_text:
            self.blocks.append(Block(tuple(self.atoms), self.block_boilerplate))
            self.has_text = False
        if self.atoms:
            self.atoms = []

    def finish(self) -> None:
        """End of the page: close what is open (an unclosed opaque element ends here)."""
        if self.capture is not None:
            self.atoms.append(Atom(VOID, self.capture[2], len(self.source), sticky=True))
            self.capture = None
        self._flush()

    # -- attributes -------------------------------------------------------------------

    def _attributes(
        self,
        tag: str,
        values: dict[str, str | None],
        found: list[tuple[str, str | None, int, int, str]],
        start: int,
    ) -> None:
        if tag == "meta":
            self._check_charset(values)
        interesting = _INTERESTING
        if tag == "meta" and (values.get("name") or values.get("property") or "").lower() in (
            META_TEXT
        ):
            interesting = _INTERESTING | {"content"}
        if not values.keys() & interesting:
            return
        boilerplate = self.boilerplate_depth > 0 or _is_boilerplate(tag, values, inside_main=True)
        for name, decoded, value_start, value_end, quote in found:
            if name not in interesting or decoded is None:
                continue
            if name in ("lang", "xml:lang"):
                if decoded.strip().lower().split("-")[0] == self.source_lang:
                    self.lang_spans.append((start + value_start, start + value_end))
                continue
            if not decoded.strip():
                continue
            what = "meta description" if name == "content" else name
            self.units.append(
                Unit(
                    start + value_start,
                    start + value_end,
                    decoded,
                    what,
                    quote,
                    boilerplate=boilerplate,
                )
            )

    def _check_charset(self, values: dict[str, str | None]) -> None:
        declared = values.get("charset")
        if declared is None and (values.get("http-equiv") or "").lower() == "content-type":
            match = _CHARSET.search(values.get("content") or "")
            declared = match.group(1) if match else None
        if declared is not None and declared.strip().lower() not in _UTF8:
            raise UserError(
                f"{self.path}: the page declares <meta charset> {declared.strip()!r}, but "
                "translate reads and writes HTML as UTF-8; convert it (iconv -f "
                f"{declared.strip()} -t UTF-8) and change the declaration to UTF-8"
            )


def _is_boilerplate(tag: str, values: dict[str, str | None], *, inside_main: bool) -> bool:
    if tag in BOILERPLATE_ELEMENTS or (tag == "header" and not inside_main):
        return True
    if not values:
        return False
    if (values.get("role") or "").strip().lower() in BOILERPLATE_ROLES:
        return True
    names: Sequence[str] = [*(values.get("class") or "").split(), *(values.get("id") or "").split()]
    return any(_BOILERPLATE_NAME.search(name) for name in names)
