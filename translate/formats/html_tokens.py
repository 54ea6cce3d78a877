"""An HTML tokenizer with exact source spans: one regex search per construct, no per-character
Python work.

``tokenize(text)`` cuts the page into events that cover it completely, in order:

- ``(TEXT, start, end)``: a run of character data with no character reference in it;
- ``(REF, start, end, decoded)``: a character reference (``&amp;``, ``&#x1F600;``, ``&nbsp``);
- ``(START, start, end, name, closed)``: a start tag (``name`` lower-cased; ``closed`` for
  ``<br/>``-style tags); its attributes are read only when wanted (:func:`attributes`);
- ``(END, start, end, name)``: an end tag;
- ``(MARKUP, start, end)``: anything else that is not text: comments, ``<!DOCTYPE>``,
  ``<?…>``, ``</>``, the content of ``script``/``style``-like elements, a tag cut off by the
  end of the page.

``scan(text, handler)`` reports the same events as calls (``handler.data(start, end)``,
``.reference``, ``.start``, ``.end``, ``.markup``) without making a tuple of each.

It follows the HTML tokenizer where pages in the wild need it: a quote starts an attribute
value only after ``=`` (so ``>`` inside a quoted value does not end the tag), ``script``,
``style``, ``xmp``, ``iframe``, ``noembed``, ``noframes`` and ``plaintext`` hold raw text,
``title`` and ``textarea`` text with references but no tags, an unclosed comment or tag runs
to the end of the page. Every construct is found by one regex match from its start, and a
construct that cannot end (an unclosed quote) ends the page, so a hostile page is linear.
"""

from __future__ import annotations

import re
import sys
from html import unescape
from typing import Any, Protocol

TEXT, REF, START, END, MARKUP = range(5)
Event = tuple[Any, ...]  # (kind, start, end, ...) as documented above

_SPACE = "\t\n\r\f "
# One search finds the next construct: a whole tag (its name, then attribute text where a
# quote opens a value only after `=`: every character has exactly one way to match, so a
# failed match costs one pass), a character reference, a comment or declaration opener, or
# the start of a tag that never ends (an unclosed quote). A run of attribute text without
# quotes or `=` is taken whole, as an atomic group: one step per run, not one per character,
# and no way to split a run when the match fails. Python 3.11 writes that with possessive
# quantifiers (a 1 MB real page tokenizes in 30% less time than with the 3.10 form); 3.10
# has none, so there a lookahead captures the run and a backreference consumes it (the same
# matches: no part of a tag can match two ways, so giving nothing back changes nothing).
_REFERENCE_SOURCE = r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[a-zA-Z][a-zA-Z0-9]{0,31});?"
if sys.version_info >= (3, 11):
    _TAG_SOURCE = (
        r"<(/?)([a-zA-Z][^\t\n\r\f />]*)"
        r"(?:[^>\"'=]++|=[\t\n\r\f ]*+(?:\"[^\"]*+\"|'[^']*+'|(?![\t\n\r\f \"']))|[\"'])*+>"
    )
else:  # (3.10)
    _TAG_SOURCE = (
        r"<(/?)([a-zA-Z][^\t\n\r\f />]*)"
        r"(?:(?=([^>\"'=]+))\3|=[\t\n\r\f ]*(?:\"[^\"]*\"|'[^']*'|(?![\t\n\r\f \"']))|[\"'])*>"
    )
_NEXT = re.compile(f"{_TAG_SOURCE}|{_REFERENCE_SOURCE}|<[!?/a-zA-Z]")
_REFERENCE = re.compile(_REFERENCE_SOURCE)
_RAW_TEXT = frozenset(("script", "style", "xmp", "iframe", "noembed", "noframes"))
_ESCAPABLE_RAW_TEXT = frozenset(("title", "textarea"))
# Each raw-text element's name → whether references are decoded in it (one lookup a tag).
_RAW = {
    **dict.fromkeys((*_RAW_TEXT, "plaintext"), False),
    **dict.fromkeys(_ESCAPABLE_RAW_TEXT, True),
}
_RAW_END: dict[str, re.Pattern[str]] = {}
# Each reference's decoded text, made once (`&nbsp;`, `&amp;`: a page repeats a few dozen).
_DECODED: dict[str, str] = {}
_DECODED_LIMIT = 4096
# An attribute of a start tag: name, then `= value` ('…', "…" or unquoted).
ATTRIBUTE = re.compile(
    r"((?<=[\"'\t\n\r\f /])[^\t\n\r\f />][^\t\n\r\f />=]*)"
    r"([\t\n\r\f ]*=+[\t\n\r\f ]*(?:'([^']*)'|\"([^\"]*)\"|(?![\"'])([^>\t\n\r\f ]*)))?"
)


# A reference in an attribute value, as ``html.unescape`` finds them (the same pattern), so
# that each distinct one is decoded once (a portal writing every Vietnamese letter of its
# titles as `&#7889;` cost 2 µs a reference through unescape's own replacement function).
_VALUE_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_VALUE_DECODED: dict[str, str] = {}


def unescape_value(value: str) -> str:
    """``html.unescape(value)``, each distinct reference decoded once."""
    return _VALUE_REFERENCE.sub(_decoded_value_reference, value)


def _decoded_value_reference(match: re.Match[str]) -> str:
    raw = match.group()
    decoded = _VALUE_DECODED.get(raw)
    if decoded is None:
        decoded = unescape(raw)  # (the whole match is one reference: decoded as in place)
        if len(_VALUE_DECODED) < _DECODED_LIMIT:
            _VALUE_DECODED[raw] = decoded
    return decoded


def _raw_end(name: str) -> re.Pattern[str]:
    pattern = _RAW_END.get(name)
    if pattern is None:
        pattern = re.compile(rf"</{name}(?=[\t\n\r\f />])", re.IGNORECASE)
        _RAW_END[name] = pattern
    return pattern


class Handler(Protocol):
    """What :func:`scan` reports, in page order (the events of the module doc)."""

    def data(self, start: int, end: int) -> None: ...
    def reference(self, start: int, end: int, decoded: str) -> None: ...
    def start(self, name: str, start: int, end: int, closed: bool) -> None: ...
    def end(self, name: str, start: int, end: int) -> None: ...
    def markup(self, start: int, end: int) -> None: ...


class _Events:
    """A handler that keeps the events as tuples (:func:`tokenize`)."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def data(self, start: int, end: int) -> None:
        self.events.append((TEXT, start, end))

    def reference(self, start: int, end: int, decoded: str) -> None:
        self.events.append((REF, start, end, decoded))

    def start(self, name: str, start: int, end: int, closed: bool) -> None:
        self.events.append((START, start, end, name, closed))

    def end(self, name: str, start: int, end: int) -> None:
        self.events.append((END, start, end, name))

    def markup(self, start: int, end: int) -> None:
        self.events.append((MARKUP, start, end))


def tokenize(text: str) -> list[Event]:
    """The events of ``text`` (see the module doc); their spans tile the text exactly."""
    events = _Events()
    scan(text, events)
    return events.events


def scan(text: str, handler: Handler) -> None:
    """Report the events of ``text`` to ``handler`` in order, without making them objects
    (the HTML reader's way: a 1 MB page has ~50,000 of them). One ``finditer`` walks the
    constructs; where one ends past its match (a comment, a raw-text element's content), a
    new walk starts there (a search per construct cost 15% more on a 1 MB real page)."""
    on_data, on_start, on_end = handler.data, handler.start, handler.end
    position = 0
    length = len(text)
    while position < length:
        for found in _NEXT.finditer(text, position):
            at, end = found.span()
            if at > position:
                on_data(position, at)
            name = found[2]  # (a group at a time: `group(1, 2)` made a tuple per construct)
            if name is None:  # not a whole tag
                position = _other(text, found, handler)
                if position != end:
                    break
                continue
            position = end
            if found[1]:
                on_end(name.lower(), at, end)
                continue
            name = name.lower()
            on_start(name, at, end, text[end - 2] == "/")
            if name in _RAW:  # (a test, not a `get` call: most tags hold no raw text)
                position = _raw_text(text, end, name, handler, escapable=_RAW[name])
                if position != end:
                    break
        else:
            if position < length:
                on_data(position, length)
            return


def _other(text: str, found: re.Match[str], handler: Handler) -> int:
    """A reference, a comment or declaration, ``</…`` that is no end tag, or a tag that
    never ends; returns where the next construct may start."""
    at = found.start()
    if text[at] == "&":
        return _reference(found, handler)
    second = text[at + 1]
    if second == "!":
        return _declaration(text, at, handler)
    if second == "?":
        return _until_gt(text, at, handler)
    if second == "/":
        return _odd_end_tag(text, at, handler)
    handler.markup(at, len(text))  # a tag that never ends (an unclosed quote): the rest
    return len(text)


def _reference(found: re.Match[str], handler: Handler) -> int:
    raw = found.group()
    decoded = _DECODED.get(raw)
    if decoded is None:
        decoded = unescape(raw)
        if len(_DECODED) < _DECODED_LIMIT:
            _DECODED[raw] = decoded
    if decoded == raw:  # not a known reference (`&bogus;`): plain text
        handler.data(found.start(), found.end())
    else:
        handler.reference(found.start(), found.end(), decoded)
    return found.end()


def _declaration(text: str, at: int, handler: Handler) -> int:
    if text.startswith("<!--", at):
        if text.startswith(">", at + 4) or text.startswith("->", at + 4):  # `<!-->`, `<!--->`
            end = text.find(">", at + 4) + 1
        else:
            close = text.find("-->", at + 4)
            end = len(text) if close < 0 else close + 3
        handler.markup(at, end)
        return end
    return _until_gt(text, at, handler)


def _until_gt(text: str, at: int, handler: Handler) -> int:
    """A bogus comment, declaration or processing instruction: up to the next ``>``."""
    close = text.find(">", at + 2)
    end = len(text) if close < 0 else close + 1
    handler.markup(at, end)
    return end


def _odd_end_tag(text: str, at: int, handler: Handler) -> int:
    """``</`` not followed by a whole end tag: ``</>`` (ignored), ``</ x>`` or ``</3>`` (a
    bogus comment), or an end tag that never ends (the rest of the page)."""
    if text.startswith(">", at + 2):
        handler.markup(at, at + 3)
        return at + 3
    if text[at + 2 : at + 3].isalpha():
        handler.markup(at, len(text))
        return len(text)
    return _until_gt(text, at, handler)


def _raw_text(text: str, start: int, name: str, handler: Handler, *, escapable: bool) -> int:
    """The content of a raw-text element, up to its end tag (which is the next event)."""
    close = None if name == "plaintext" else _raw_end(name).search(text, start)
    stop = len(text) if close is None else close.start()
    if stop <= start:
        return start
    if not escapable:
        handler.markup(start, stop)
        return stop
    position = start
    while position < stop:
        amp = text.find("&", position, stop)
        if amp < 0:
            handler.data(position, stop)
            break
        match = _REFERENCE.match(text, amp, stop)
        if match is None:
            handler.data(position, amp + 1)
            position = amp + 1
            continue
        if amp > position:
            handler.data(position, amp)
        position = _reference(match, handler)
    return stop


def attributes(
    raw: str, name_end: int, wanted: frozenset[str] | None = None
) -> list[tuple[str, str | None, int, int, str]]:
    """The attributes of a start tag's source ``raw``, from ``name_end`` on: (lower-cased
    name, decoded value or None, value start and end in ``raw``, quote: ``'``, ``"`` or "");
    only those named in ``wanted`` if given."""
    found: list[tuple[str, str | None, int, int, str]] = []
    for match in ATTRIBUTE.finditer(raw, name_end):
        name = match.group(1).lower()
        if wanted is not None and name not in wanted:
            continue  # (most attributes: their groups are not even taken)
        _, equals, single, double, bare = match.groups()
        if equals is None:
            found.append((name, None, match.end(), match.end(), ""))
            continue
        group, quote = (
            (3, "'") if single is not None else (4, '"') if double is not None else (5, "")
        )
        value = single if group == 3 else double if group == 4 else bare
        if "&" in value:
            value = unescape_value(value)
        found.append((name, value, match.start(group), match.end(group), quote))
    return found


def attribute_values(
    raw: str, name_end: int, wanted: frozenset[str] | None = None
) -> dict[str, str | None]:
    """The attribute values of a start tag's source ``raw`` by lower-cased name (the first
    of a repeated name wins, as in browsers; None for an attribute without a value); only
    those named in ``wanted`` if given (the others' values are not decoded)."""
    values: dict[str, str | None] = {}
    for name, equals, single, double, bare in ATTRIBUTE.findall(raw, name_end):
        name = name.lower()
        if name in values or (wanted is not None and name not in wanted):
            continue
        if not equals:
            values[name] = None
            continue
        value = single or double or bare
        values[name] = unescape_value(value) if "&" in value else value
    return values
