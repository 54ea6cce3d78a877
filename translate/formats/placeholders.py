"""The placeholder scheme of markup-bearing msgids (HTML and Markdown sources).

Inline markup inside a sentence becomes numbered placeholders, numbered from 1 in the order
they open within the msgid:

- ``<1>…</1>``: a paired element (``<a href="…">…</a>``, ``<b>…</b>``, ``**…**``, ``[…](…)``);
- ``<2/>``: a standalone piece (``<br>``, an image, a code span, a tag without its partner).

The original markup of each placeholder is written in an extracted comment (``#. markup: …``),
so the reviewer sees clean text and the tags cannot be mistranslated. A msgstr must hold
every placeholder of its msgid exactly once, pairs opened before they close and properly
nested (the translator may move them); :func:`markup_problem` says what is wrong otherwise.

:func:`spans` hands the placeholders to the one protected-span mechanism
(``translate.guard``), which masks, restores and verifies them with terminology and URLs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from translate.protect import Span

PLACEHOLDER = re.compile(r"<(/?)([1-9][0-9]{0,3})(/?)>")


class Token(NamedTuple):
    """One placeholder: ``kind`` is ``open``, ``close`` or ``void``; ``number`` its number."""

    kind: str
    number: int
    start: int
    end: int


def open_tag(number: int) -> str:
    return f"<{number}>"


def close_tag(number: int) -> str:
    return f"</{number}>"


def void_tag(number: int) -> str:
    return f"<{number}/>"


def tokens(text: str) -> list[Token]:
    """The placeholders of ``text`` in order (``<1/>`` void, ``</1>`` close, ``<1>`` open)."""
    found: list[Token] = []
    if "<" not in text:
        return found
    for match in PLACEHOLDER.finditer(text):
        slash_before, number, slash_after = match.groups()
        if slash_before and slash_after:
            continue  # `</1/>` is no placeholder
        kind = "close" if slash_before else "void" if slash_after else "open"
        found.append(Token(kind, int(number), match.start(), match.end()))
    return found


def _shape(items: Sequence[Token]) -> tuple[dict[int, str], str | None]:
    """number → kind ("pair" or "void"), and the first structural problem found, if any."""
    kinds: dict[int, str] = {}
    stack: list[int] = []
    closed: set[int] = set()
    problems: list[str] = []
    for token in items:
        number = token.number
        if token.kind == "close":
            if number in closed:
                problems.append(f"{close_tag(number)} appears twice")
            elif kinds.get(number) != "pair":
                problems.append(f"{close_tag(number)} comes before {open_tag(number)}")
            elif not stack or stack[-1] != number:
                problems.append(f"{close_tag(number)} closes across {open_tag(stack[-1])}")
                if number in stack:
                    stack.remove(number)
            else:
                stack.pop()
            closed.add(number)
            continue
        kind = "void" if token.kind == "void" else "pair"
        if number in kinds:
            problems.append(f"{(void_tag if kind == 'void' else open_tag)(number)} appears twice")
        kinds[number] = kind
        if kind == "pair":
            stack.append(number)
    if stack:
        problems.append(f"{open_tag(stack[-1])} is never closed")
    return kinds, problems[0] if problems else None


def markup_problem(msgid: str, msgstr: str) -> str | None:
    """Why ``msgstr`` does not carry ``msgid``'s placeholders correctly (None: it does)."""
    source = tokens(msgid)
    target = tokens(msgstr)
    if not source and not target:
        return None
    source_kinds, source_problem = _shape(source)
    if source_problem is not None:
        return None  # not our placeholders (literal text that looks like them)
    target_kinds, problem = _shape(target)
    missing = [
        _name(number, kind) for number, kind in source_kinds.items() if number not in target_kinds
    ]
    if missing:
        return f"{', '.join(missing)} of the msgid missing from the msgstr"
    extra = [
        _name(number, kind) for number, kind in target_kinds.items() if number not in source_kinds
    ]
    if extra:
        return f"{', '.join(extra)} in the msgstr is not in the msgid"
    changed = [
        _name(number, kind)
        for number, kind in source_kinds.items()
        if target_kinds.get(number) != kind
    ]
    if changed:
        return f"{', '.join(changed)} of the msgid changed its form in the msgstr"
    return problem


def _name(number: int, kind: str) -> str:
    return void_tag(number) if kind == "void" else f"{open_tag(number)}…{close_tag(number)}"


def split(text: str) -> list[str | Token]:
    """``text`` as plain pieces and placeholder tokens, in order."""
    pieces: list[str | Token] = []
    position = 0
    for token in tokens(text):
        if token.start > position:
            pieces.append(text[position : token.start])
        pieces.append(token)
        position = token.end
    if position < len(text):
        pieces.append(text[position:])
    return pieces


# ---------------------------------------------------------------------------------------
# Through the model


# Every placeholder holds one: the guard asks ``spans`` only about texts holding it.
SPAN_TRIGGERS = ("<",)


def spans(text: str) -> list[Span]:
    """The placeholders of a msgid as protected spans for ``translate.guard.Guard``
    (``extra_spans``): masked like terminology and URLs, restored exactly, verified (dropped,
    duplicated or badly nested ones make the guard translate again and flag what still fails;
    a pair may move, as English word order asks).
    Text that only looks like placeholders (not paired and nested) gives none."""
    items = tokens(text)
    if not items or _shape(items)[1] is not None:
        return []
    return [
        Span(
            token.start,
            token.end,
            "markup",
            text[token.start : token.end],
            ordered=True,
            group="" if token.kind == "void" else str(token.number),
        )
        for token in items
    ]
