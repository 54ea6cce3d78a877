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

It follows the HTML tokenizer where pages in the wild need it: a quote starts an attribute
value only after ``=`` (so ``>`` inside a quoted value does not end the tag), ``script``,
``style``, ``xmp``, ``iframe``, ``noembed``, ``noframes`` and ``plaintext`` hold raw text,
``title`` and ``textarea`` text with references but no tags, an unclosed comment or tag runs
to the end of the page. Every construct is found by one regex match from its start, and a
construct that cannot end (an unclosed quote) ends the page, so a hostile page is linear.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

TEXT, REF, START, END, MARKUP = range(5)
Event = tuple[Any, ...]  # (kind, start, end, ...) as documented above

_SPACE = "\t\n\r\f "
# One search finds the next construct: a whole tag (its name, then attribute text where a
# quote opens a value only after `=`: every character has exactly one way to match, so a
# failed match costs one pass), a character reference, a comment or declaration opener, or
# the start of a tag that never ends (an unclosed quote).
_NEXT = re.compile(
    r"<(/?)([a-zA-Z][^\t\n\r\f />]*)"
    r"((?:[^>\"'=]|=[\t\n\r\f ]*(?:\"[^\"]*\"|'[^']*'|(?![\t\n\r\f \"']))|[\"'])*)>"
    r"|&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[a-zA-Z][a-zA-Z0-9]{0,31});?"
    r"|<[!?/a-zA-Z]"
)
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[a-zA-Z][a-zA-Z0-9]{0,31});?")
_RAW_TEXT = frozenset(("script", "style", "xmp", "iframe", "noembed", "noframes"))
_ESCAPABLE_RAW_TEXT = frozenset(("title", "textarea"))
_RAW_END: dict[str, re.Pattern[str]] = {}
# An attribute of a start tag: name, then `= value` ('…', "…" or unquoted).
ATTRIBUTE = re.compile(
    r"((?<=[\"'\t\n\r\f /])[^\t\n\r\f />][^\t\n\r\f />=]*)"
    r"([\t\n\r\f ]*=+[\t\n\r\f ]*(?:'([^']*)'|\"([^\"]*)\"|(?![\"'])([^>\t\n\r\f ]*)))?"
)


def _raw_end(name: str) -> re.Pattern[str]:
    pattern = _RAW_END.get(name)
    if pattern is None:
        pattern = re.compile(rf"</{name}(?=[\t\n\r\f />])", re.IGNORECASE)
        _RAW_END[name] = pattern
    return pattern


def tokenize(text: str) -> list[Event]:
    """The events of ``text`` (see the module doc); their spans tile the text exactly."""
    events: list[Event] = []
    append = events.append
    position = 0
    length = len(text)
    search = _NEXT.search
    while position < length:
        found = search(text, position)
        if found is None:
            append((TEXT, position, length))
            break
        at, end = found.span()
        if at > position:
            append((TEXT, position, at))
        name = found.group(2)
        if name is not None:  # a whole tag
            name = name.lower()
            if found.group(1):
                append((END, at, end, name))
                position = end
                continue
            append((START, at, end, name, text[end - 2] == "/"))
            position = end
            if name in _RAW_TEXT or name == "plaintext":
                position = _raw_text(text, end, name, events, escapable=False)
            elif name in _ESCAPABLE_RAW_TEXT:
                position = _raw_text(text, end, name, events, escapable=True)
            continue
        first = text[at]
        if first == "&":
            position = _reference(text, found, events)
            continue
        second = text[at + 1]
        if second == "!":
            position = _declaration(text, at, events)
        elif second == "?":
            position = _until_gt(text, at, events)
        elif second == "/":
            position = _odd_end_tag(text, at, events)
        else:  # a tag that never ends (an unclosed quote): the rest of the page
            append((MARKUP, at, length))
            position = length
    return events


def _reference(text: str, found: re.Match[str], events: list[Event]) -> int:
    raw = found.group()
    decoded = unescape(raw)
    if decoded == raw:  # not a known reference (`&bogus;`): plain text
        events.append((TEXT, found.start(), found.end()))
    else:
        events.append((REF, found.start(), found.end(), decoded))
    return found.end()


def _declaration(text: str, at: int, events: list[Event]) -> int:
    if text.startswith("<!--", at):
        if text.startswith(">", at + 4) or text.startswith("->", at + 4):  # `<!-->`, `<!--->`
            end = text.find(">", at + 4) + 1
        else:
            close = text.find("-->", at + 4)
            end = len(text) if close < 0 else close + 3
        events.append((MARKUP, at, end))
        return end
    return _until_gt(text, at, events)


def _until_gt(text: str, at: int, events: list[Event]) -> int:
    """A bogus comment, declaration or processing instruction: up to the next ``>``."""
    close = text.find(">", at + 2)
    end = len(text) if close < 0 else close + 1
    events.append((MARKUP, at, end))
    return end


def _odd_end_tag(text: str, at: int, events: list[Event]) -> int:
    """``</`` not followed by a whole end tag: ``</>`` (ignored), ``</ x>`` or ``</3>`` (a
    bogus comment), or an end tag that never ends (the rest of the page)."""
    if text.startswith(">", at + 2):
        events.append((MARKUP, at, at + 3))
        return at + 3
    if text[at + 2 : at + 3].isalpha():
        events.append((MARKUP, at, len(text)))
        return len(text)
    return _until_gt(text, at, events)


def _raw_text(text: str, start: int, name: str, events: list[Event], *, escapable: bool) -> int:
    """The content of a raw-text element, up to its end tag (which is the next event)."""
    close = None if name == "plaintext" else _raw_end(name).search(text, start)
    stop = len(text) if close is None else close.start()
    if stop <= start:
        return start
    if not escapable:
        events.append((MARKUP, start, stop))
        return stop
    position = start
    while position < stop:
        amp = text.find("&", position, stop)
        if amp < 0:
            events.append((TEXT, position, stop))
            break
        match = _REFERENCE.match(text, amp, stop)
        if match is None:
            events.append((TEXT, position, amp + 1))
            position = amp + 1
            continue
        if amp > position:
            events.append((TEXT, position, amp))
        position = _reference(text, match, events)
    return stop


def attributes(raw: str, name_end: int) -> list[tuple[str, str | None, int, int, str]]:
    """The attributes of a start tag's source ``raw``, from ``name_end`` on: (lower-cased
    name, decoded value or None, value start and end in ``raw``, quote: ``'``, ``"`` or "")."""
    found: list[tuple[str, str | None, int, int, str]] = []
    for match in ATTRIBUTE.finditer(raw, name_end):
        name, equals, single, double, bare = match.groups()
        if equals is None:
            found.append((name.lower(), None, match.end(), match.end(), ""))
            continue
        group, quote = (
            (3, "'") if single is not None else (4, '"') if double is not None else (5, "")
        )
        value = single if group == 3 else double if group == 4 else bare
        if "&" in value:
            value = unescape(value)
        found.append((name.lower(), value, match.start(group), match.end(group), quote))
    return found


def attribute_values(raw: str, name_end: int) -> dict[str, str | None]:
    """The attribute values of a start tag's source ``raw`` by lower-cased name (the first
    of a repeated name wins, as in browsers; None for an attribute without a value)."""
    values: dict[str, str | None] = {}
    for name, equals, single, double, bare in ATTRIBUTE.findall(raw, name_end):
        name = name.lower()
        if name in values:
            continue
        if not equals:
            values[name] = None
            continue
        value = single or double or bare
        values[name] = unescape(value) if "&" in value else value
    return values
