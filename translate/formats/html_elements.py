"""What the HTML reader knows of elements and attributes: which elements are inline,
opaque, skipped or void, which imply closing an open one, which attributes matter, and what
makes an element boilerplate (navigation, a footer, a menu named by its class or id).

Each element name's roles are bits of one ``_ROLES`` entry, so that the reader (``html_doc``)
makes one dict lookup per tag instead of a set test per rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

INLINE = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "button",
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
        "ruby",
        "select",  # (its options are entries of their own: see html_doc's option units)
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
# An <input> whose `value` is the label a reader sees on the page.
BUTTON_INPUT_TYPES = frozenset(("submit", "button", "reset"))
_CONTAINERS = {  # an opening tag closes an open one of these, up to a boundary
    "li": (frozenset(("li",)), frozenset(("ul", "ol", "menu"))),
    "dt": (frozenset(("dt", "dd")), frozenset(("dl",))),
    "dd": (frozenset(("dt", "dd")), frozenset(("dl",))),
    "tr": (frozenset(("tr", "td", "th")), frozenset(("table", "thead", "tbody", "tfoot"))),
    "td": (frozenset(("td", "th")), frozenset(("tr", "table"))),
    "th": (frozenset(("td", "th")), frozenset(("tr", "table"))),
    "option": (frozenset(("option",)), frozenset(("select", "datalist"))),
}


# Each element name's roles, as bits: one dict lookup per tag instead of a set test per rule.
_VOID, _INLINE, _INLINE_VOID, _OPAQUE, _CONTAINER, _SKIPPED = 1, 2, 4, 8, 16, 32
_PHRASING = _INLINE | _INLINE_VOID | _OPAQUE
# An element that counts for boilerplate or the page's content even without attributes.
_MARKED = 64
_ROLES: dict[str, int] = {}
for _names, _bit in (
    (VOID_ELEMENTS, _VOID),
    (INLINE, _INLINE),
    (INLINE_VOID, _INLINE_VOID),
    (OPAQUE, _OPAQUE),
    (_CONTAINERS, _CONTAINER),
    (SKIPPED, _SKIPPED),
    ((*BOILERPLATE_ELEMENTS, "header", "article", "main", "h1"), _MARKED),
):
    for _name in _names:
        _ROLES[_name] = _ROLES.get(_name, 0) | _bit
# What an open element adds to the reader's depths, as bits of its entry in ``flags``.
_SKIP, _BOILERPLATE, _MAIN, _NAMED = 1, 2, 4, 8
# Where a page's own content is: a class or id that names a menu or a sidebar around one of
# these is a layout wrapper (vnexpress.net puts its whole article in `<div class="sidebar-1">`).
_CONTENT_MARKS = frozenset(("article", "main", "h1"))
# What can make a tag's attributes matter to the reader, as substrings of its lower-cased
# source: the names of the attributes it translates or reads (`lang`, `translate`, `role`),
# and the words that make a class or id name boilerplate (``_BOILERPLATE_NAME``: a class or
# id means nothing else here, but for `notranslate`). A tag whose source holds none of them,
# no reference and only ASCII (where a case-blind match is a lower-cased substring) reads as
# a tag without attributes (`<a href=…>`, `<div class="content">`); otherwise its attributes
# are read for real. (A case-blind regex for the same test cost 10-20 µs on a long tag.)
_MATTERING = (
    "translate",
    "role",
    "lang",
    "title",
    "alt",
    "placeholder",
    "label",
    "nav",
    "menu",
    "breadcrumb",
    "footer",
    "sidebar",
)
_NO_VALUES: dict[str, str | None] = {}
# The attributes the reader looks at (others, such as `href`, are not even decoded).
_WANTED = frozenset(
    (
        *_INTERESTING,
        "translate",
        "class",
        "id",
        "role",
        "content",
        "name",
        "property",
        "charset",
        "http-equiv",
        "type",
        "value",
    )
)


def is_button_input(tag: str, lowered: str) -> bool:
    """Whether the start tag (lower-cased source) may be an input button with a label."""
    return (
        tag == "input"
        and "value" in lowered
        and any(kind in lowered for kind in BUTTON_INPUT_TYPES)
    )


def _matters(raw: str, lowered: str) -> bool:
    """Whether the attributes of the tag whose source is ``raw`` (``lowered``) may matter:
    one of ``_MATTERING`` in it (written out: a loop over them cost 1.5x), a reference, or
    a character that is not ASCII."""
    return (
        "translate" in lowered
        or "role" in lowered
        or "lang" in lowered
        or "title" in lowered
        or "alt" in lowered
        or "placeholder" in lowered
        or "label" in lowered
        or "nav" in lowered
        or "menu" in lowered
        or "breadcrumb" in lowered
        or "footer" in lowered
        or "sidebar" in lowered
        or "&" in raw
        or not raw.isascii()
    )


_NOT_BOILERPLATE, _BY_ELEMENT, _BY_NAME = 0, 1, 2


def _may_translate(lowered: str) -> bool:
    """Whether a tag's lower-cased source may hold an attribute translated as a unit or a
    ``lang`` (``_INTERESTING``): their names as substrings."""
    return (
        "alt" in lowered
        or "title" in lowered
        or "lang" in lowered
        or ("placeholder" in lowered or "label" in lowered)
    )


def _boilerplate_kind(tag: str, values: dict[str, str | None], *, inside_main: bool) -> int:
    """_BY_ELEMENT for nav, footer, aside, a page header or a navigation role; _BY_NAME for a
    class or id naming a menu, a sidebar … (decided at the end: see `_CONTENT_MARKS`)."""
    if tag in BOILERPLATE_ELEMENTS or (tag == "header" and not inside_main):
        return _BY_ELEMENT
    if not values:
        return _NOT_BOILERPLATE
    if (values.get("role") or "").strip().lower() in BOILERPLATE_ROLES:
        return _BY_ELEMENT
    names: Sequence[str] = [*(values.get("class") or "").split(), *(values.get("id") or "").split()]
    named = any(_BOILERPLATE_NAME.search(name) for name in names)
    return _BY_NAME if named else _NOT_BOILERPLATE
