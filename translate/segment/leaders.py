"""Spaced dot leaders (round 12, dev13): a table of contents set in Word or a PDF writes the
leader between an entry's title and its page number as periods with spaces between them
(`1.2. Mục tiêu . . . . . . . 12`, `2.1 Tổng quan. . . . . 16`). None of those periods ends a
sentence: each entry is one segment with its leader and page number (R4, dot leaders).

A run of three or more periods, each after the other's space, is a leader. Its periods before
the last never end a sentence; the last one does not when a page number (arabic or roman)
follows it, nor when a lowercase word goes on. A spaced ellipsis before a new sentence (`Chờ
mãi. . . Cuối cùng …`) still ends one there, as an ellipsis does (R4).
"""

from __future__ import annotations

import re

# One or two periods before the period (each followed by a space or two), and after it.
_BEFORE = re.compile(r"(?:\.[ \t]{1,2}){1,2}\Z")
_AFTER = re.compile(r"(?:[ \t]{1,2}\.){1,2}")
_WINDOW = 6  # characters on each side: two periods and their spaces
_PAGE = re.compile(r"(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})(?![^\W_])")


def in_spaced_leader(text: str, period: int, next_start: int) -> bool:
    """Is the period at ``period`` one of a spaced dot leader's, not a sentence end?
    ``next_start``: the next non-space character after it."""
    before = _BEFORE.search(text, max(0, period - _WINDOW), period)
    after = _AFTER.match(text, period + 1, period + 1 + _WINDOW)
    counted = (0 if before is None else before.group().count(".")) + (
        0 if after is None else after.group().count(".")
    )
    if counted < 2:
        return False
    # (the last period: a page number follows, or, as after an ellipsis, a lowercase word
    # that goes on with the sentence: `Anh đi . . . rồi về`)
    return (
        after is not None or _PAGE.match(text, next_start) is not None or text[next_start].islower()
    )
