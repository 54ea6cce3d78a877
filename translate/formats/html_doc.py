"""HTML sources: the stdlib tokenizer (``html.parser``) → blocks, attribute units, skeleton.

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

Offsets are exact: each tokenizer event's source position comes from ``getpos()``, and an
event ends where the next one begins, so nothing of the page is lost or moved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

from translate.errors import UserError
from translate.formats.units import CLOSE, OPEN, TEXT, VOID, Atom, Block, Unit

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
TRANSLATABLE_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
META_TEXT = frozenset(
    ("description", "og:description", "og:title", "twitter:description", "twitter:title")
)
BOILERPLATE_ELEMENTS = frozenset(("nav", "footer", "aside"))
BOILERPLATE_ROLES = frozenset(("navigation", "banner", "contentinfo", "menu", "menubar", "search"))
_BOILERPLATE_NAME = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar)(?:[-_]|$)", re.I
)
_ATTRIBUTE = re.compile(
    r"((?<=[\"'\s/])[^\s/>][^\s/=>]*)(\s*=+\s*(?:'([^']*)'|\"([^\"]*)\"|(?![\"'])([^>\s]*)))?"
)
_INTERESTING = frozenset((*TRANSLATABLE_ATTRIBUTES, "lang", "xml:lang"))
_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_UTF8 = frozenset(("utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"))
_STACK_SEARCH = 256
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
    reader.feed(text)
    reader.close()
    reader.finish()
    literal = reader.literal_chars
    entities = sorted(
        (char, raw) for char, raw in reader.entity_forms.items() if char not in literal
    )
    return HtmlParts(reader.blocks, reader.units, reader.lang_spans, entities)


class _Reader(HTMLParser):
    def __init__(self, text: str, path: str, source_lang: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = text
        self.path = path
        self.source_lang = source_lang.lower()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.blocks: list[Block] = []
        self.units: list[Unit] = []
        self.lang_spans: list[tuple[int, int]] = []
        self.entity_forms: dict[str, str] = {}
        self.literal_chars: set[str] = set()
        self.atoms: list[Atom] = []
        self.block_boilerplate = False
        self.stack: list[_Frame] = []
        self.skip_depth = 0
        self.boilerplate_depth = 0
        self.main_depth = 0
        self.capture: tuple[str, int, int] | None = None  # name, depth, start
        self.pending: int | None = None  # atom index whose end is the next event's start
        self.covered = 0  # source offset up to which events are accounted for

    # -- positions --------------------------------------------------------------------

    def _here(self) -> int:
        line, column = self.getpos()
        position = self.line_starts[line - 1] + column
        if self.pending is not None:
            atom = self.atoms[self.pending]
            self.atoms[self.pending] = atom._replace(end=position)
            self.pending = None
        elif position > self.covered and self.atoms and self.capture is None:
            # Bytes the tokenizer skipped (`</>`): markup, kept with the paragraph.
            self.atoms.append(Atom(VOID, self.covered, position))
        self.covered = position
        return position

    def _tag_atom(self, atom: Atom, *, deferred: bool) -> None:
        if not self.atoms:
            self.block_boilerplate = self.boilerplate_depth > 0
        self.atoms.append(atom)
        if deferred:
            self.pending = len(self.atoms) - 1

    def _skipping(self) -> bool:
        return self.skip_depth > 0

    # -- events -----------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        start = self._here()
        self.covered = start + len(data)
        if self._skipping() or self.capture is not None:
            return
        if not self.atoms:
            if not data.strip():
                return
            self.block_boilerplate = self.boilerplate_depth > 0
        self.literal_chars.update(data)
        self.atoms.append(Atom(TEXT, start, start + len(data), data))

    def _reference(self, raw_name: str, decoded: str) -> None:
        start = self._here()
        end = start + len(raw_name)
        if self.source.startswith(";", end):
            end += 1
        self.covered = end
        if self._skipping() or self.capture is not None:
            return
        raw = self.source[start:end]
        if len(decoded) == 1:
            self.entity_forms.setdefault(decoded, raw)
        if not self.atoms:
            self.block_boilerplate = self.boilerplate_depth > 0
        self.atoms.append(Atom(TEXT, start, end, decoded, literal=False))

    def handle_entityref(self, name: str) -> None:
        raw = "&" + name
        decoded = unescape(raw + ";")
        self._reference(raw, decoded if decoded != raw + ";" else raw)

    def handle_charref(self, name: str) -> None:
        raw = "&#" + name
        self._reference(raw, unescape(raw + ";"))

    def handle_comment(self, data: str) -> None:
        self._markup()

    def handle_decl(self, decl: str) -> None:
        self._markup()

    def handle_pi(self, data: str) -> None:
        self._markup()

    def unknown_decl(self, data: str) -> None:
        self._markup()

    def _markup(self) -> None:
        start = self._here()
        if not self._skipping() and self.capture is None and self.atoms:
            self._tag_atom(Atom(VOID, start, start), deferred=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=tag in VOID_ELEMENTS)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        start = self._here()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        self.covered = end
        if self.capture is not None:
            name, depth, begun = self.capture
            if tag == name and not closed:
                self.capture = (name, depth + 1, begun)
            return
        values = dict(attrs) if attrs else {}
        if values and not self._skipping() and (tag == "meta" or values.keys() & _INTERESTING):
            self._attributes(tag, values, raw, start)
        if not closed:
            self._implied_close(tag)
        no_translate = bool(values) and (
            (values.get("translate") or "").strip().lower() == "no"
            or "notranslate" in (values.get("class") or "").split()
        )
        inline = tag in INLINE or tag in INLINE_VOID or tag in OPAQUE
        if self._skipping():
            pass
        elif (tag in OPAQUE or (no_translate and inline)) and not closed:
            self.capture = (tag, 1, start)
        elif tag in INLINE_VOID or (inline and closed):
            if self.atoms or tag != "br":
                self._tag_atom(Atom(VOID, start, end, line=tag == "br"), deferred=False)
        elif tag in INLINE:
            self._tag_atom(Atom(OPEN, start, end, name=tag), deferred=False)
        else:
            self._flush()
        if not closed:
            self._push(tag, values, skip=tag in SKIPPED or (no_translate and not inline))

    def handle_endtag(self, tag: str) -> None:
        start = self._here()
        if self.capture is not None:
            name, depth, begun = self.capture
            if tag == name:
                if depth > 1:
                    self.capture = (name, depth - 1, begun)
                    return
                self.capture = None
                self._tag_atom(Atom(VOID, begun, start, sticky=True), deferred=True)
                self._pop(tag)
                return
            if not self._open(tag):
                return  # inside the opaque element
            self.capture = None  # a parent closes: the opaque element ends here
            self.atoms.append(Atom(VOID, begun, start, sticky=True))
        if not self._skipping():
            if tag in INLINE:
                self._tag_atom(Atom(CLOSE, start, start, name=tag), deferred=True)
            elif tag not in INLINE_VOID and tag not in OPAQUE:
                self._flush()
        self._pop(tag)

    # -- structure --------------------------------------------------------------------

    def _open(self, tag: str) -> bool:
        return any(frame.name == tag for frame in self.stack[-_STACK_SEARCH:])

    def _push(self, tag: str, values: dict[str, str | None], *, skip: bool) -> None:
        boilerplate = _is_boilerplate(tag, values, inside_main=self.main_depth > 0)
        main = tag in ("article", "main")
        self.stack.append(_Frame(tag, skip, boilerplate, main))
        self.skip_depth += skip
        self.boilerplate_depth += boilerplate
        self.main_depth += main

    def _pop(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - _STACK_SEARCH - 1), -1):
            if self.stack[depth].name == tag:
                self._pop_to(depth)
                return

    def _pop_to(self, depth: int) -> None:
        for frame in self.stack[depth:]:
            self.skip_depth -= frame.skip
            self.boilerplate_depth -= frame.boilerplate
            self.main_depth -= frame.main
        del self.stack[depth:]

    def _implied_close(self, tag: str) -> None:
        phrasing = tag in INLINE or tag in OPAQUE or tag in INLINE_VOID
        if self.stack and self.stack[-1].name == "p" and not phrasing:
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
        atoms = self.atoms
        if atoms and any(a.kind == TEXT and a.text.strip() for a in atoms):
            self.blocks.append(Block(tuple(atoms), self.block_boilerplate))
        self.atoms = []
        self.pending = None

    def finish(self) -> None:
        """End of the page: close what is open (an unclosed opaque element ends here)."""
        end = len(self.source)
        if self.pending is not None:
            atom = self.atoms[self.pending]
            self.atoms[self.pending] = atom._replace(end=end)
            self.pending = None
        if self.capture is not None:
            self.atoms.append(Atom(VOID, self.capture[2], end, sticky=True))
            self.capture = None
        elif end > self.covered and self.atoms:
            self.atoms.append(Atom(VOID, self.covered, end))
        self._flush()

    # -- attributes -------------------------------------------------------------------

    def _attributes(self, tag: str, values: dict[str, str | None], raw: str, start: int) -> None:
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
        name_end = len(tag) + 1
        for match in _ATTRIBUTE.finditer(raw, name_end):
            name = match.group(1).lower()
            if name not in interesting or match.group(2) is None:
                continue
            group = 3 if match.group(3) is not None else 4 if match.group(4) is not None else 5
            value_start, value_end = start + match.start(group), start + match.end(group)
            raw_value = match.group(group)
            quote = "'" if group == 3 else '"' if group == 4 else ""  # "": unquoted
            if name in ("lang", "xml:lang"):
                if raw_value.strip().lower().split("-")[0] == self.source_lang:
                    self.lang_spans.append((value_start, value_end))
                continue
            decoded = unescape(raw_value)
            if not decoded.strip():
                continue
            what = "meta description" if name == "content" else name
            self.units.append(
                Unit(value_start, value_end, decoded, what, quote, boilerplate=boilerplate)
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
