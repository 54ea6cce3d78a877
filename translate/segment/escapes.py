"""Line breaks written out inside a dump's strings (round 12: JSON posts, SQL rows, string
literals): `\\n`, `\\r\\n`, `\\n\\n` stand where the author pressed Enter, so each run of them
ends a line as a line break would (R1, CALLS-K call 1); the marks belong to the segment they end:
`… chất lượng\\n‖✔️Để đảm bảo …`, `… có:\\n‖- 800g: …`, `… sữa mẹ.\\n\\n‖✅Sữa Glico …`.

What is no line of its own stays: a lowercase word after the run (a wrapped sentence goes on,
and `C:\\new`, `\\noindent` are a path and a command), a word wrapped at its hyphen
(`SARS-\\r\\nCoV-2`), and code around a literal: a quote, a bracket or a comma that closes
the string (`"Lỗi\\n");`), a quote or a bracket that opens it, a pattern's quantifier
(`split("\\n")`, `r"\\n+"`). An emoji that opens a line is its bullet and stays with the item
(`✅Sữa Glico …`, not `✅‖Sữa`).
"""

from __future__ import annotations

import re

from translate.segment.patterns import BLOCK_TAG_NAMES, UPPER

# A run of written-out breaks, spaces between them allowed (`\\r\\n \\r\\n`); not an escaped
# backslash before an `n` (`\\\\n` is a backslash and a letter).
_WRITTEN_BREAKS = re.compile(r"(?<!\\)(?:\\r\\n|\\n|\\r)(?:[ \t]*(?:\\r\\n|\\n|\\r))*")
# What may not open a line after the run: the end of a string or a call in code.
_CLOSES_CODE = frozenset("\"'`,;:)]}.")
# What a mark written inside code or a pattern follows or precedes, not a line's text:
# `split("\\n")`, `r"\\n+"` (a list item's marker has a space after it: `+ Mục`).
_OPENS_CODE = frozenset("\"'`([{")
_QUANTIFIERS = frozenset("+*?|")
# Pictographs and symbols an emoji bullet is made of.
_SYMBOLS = "\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2b00-\u2bff"
# Characters of an emoji bullet: the symbols, their modifiers and joiners, keycaps.
_EMOJI_PART = re.compile(f"[{_SYMBOLS}\ufe0e\ufe0f\u200d\u20e3#*0-9 \t]*\\Z")
# An opening tag right before the run (`<p>`, `<h2 class=\"sapo\">`, `<br />`).
# (after a line-break tag the run is part of the tag's: .patterns.BREAK_TAGS ends the line)
# (and after a closed block the cut is the block's: .scraped.block_joins)
_OPENING_TAG_BEFORE = re.compile(
    rf"(?:<[a-zA-Z][^<>]{{0,200}}>|</(?:{BLOCK_TAG_NAMES})>)[ \t]*\Z", re.IGNORECASE
)
_TAGS = re.compile(r"(?:<[a-zA-Z][^<>]{0,200}>)*")  # (it always matches, maybe empty)
_EMOJI_REACH = 16  # characters: a bullet's emoji and its modifiers
_SYMBOL = re.compile(f"[{_SYMBOLS}]")


def written_break_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts after each run of written-out line breaks of ``text[start:end]`` that has text
    before it and a new line after it (not a lowercase word, nor what closes code)."""
    joins = []
    for run in _WRITTEN_BREAKS.finditer(text, start, end):
        after = run.end()
        while after < end and text[after] in " \t":
            after += 1
        if after >= end or run.start() == start:  # (a unit starts with no space)
            continue
        visible = _TAGS.match(text, after, end).end()  # type: ignore[union-attr]
        following = text[visible] if visible < end else ">"  # (`\\n<a …>xem</a>`: the word)
        if (
            following.islower()
            or following in _CLOSES_CODE
            or text[run.start() - 1] in _OPENS_CODE
            or (following in _QUANTIFIERS and text[visible + 1 : visible + 2] not in (" ", "\t"))
            or _wrapped_at_hyphen(text, run.start())
            or _OPENING_TAG_BEFORE.search(text, max(start, run.start() - 220), run.start())
        ):  # (`<p>\\r\\nNgày …`: the tag opens the line after the mark)
            continue
        if following == "\\" and not _opening_escaped_quote(text, visible, end):
            continue
        joins.append(after)
    return joins


def _wrapped_at_hyphen(text: str, at: int) -> bool:
    """Does a word wrapped at its hyphen end before ``at`` (`SARS-\\r\\nCoV-2`: one word)?"""
    return text[at - 1] == "-" and text[at - 2 : at - 1].isalnum()


def _opening_escaped_quote(text: str, at: int, end: int) -> bool:
    """Does an escaped quote at ``at`` open a quotation (`\\"Hiện …`: a capital follows)?"""
    return text.startswith('\\"', at) and re.match(f"[{UPPER}]", text[at + 2 : at + 3]) is not None


def bullet_emoji(text: str, start: int, position: int) -> bool:
    """Is the capital at ``position`` glued to an emoji that opens its line: at the unit's
    start, or after a run of written-out breaks (`🤱🏻Sữa mẹ …`, `\\n\\n✅Sữa Glico …`)?"""
    floor = max(start, position - _EMOJI_REACH)
    bullet = _EMOJI_PART.search(text, floor, position)
    if bullet is None or _SYMBOL.search(text, bullet.start(), position) is None:
        return False
    before = bullet.start()
    if before == floor > start:
        return False  # (a longer run of symbols: no bullet)
    return before == start or (
        before >= 2 and text[before - 2] == "\\" and text[before - 1] in "nr"
    )
