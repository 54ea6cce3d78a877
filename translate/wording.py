"""How messages to people count things: `1 file`, `2 files`, `1 entry`, `3 entries`."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and the noun in the right number (``plural`` when it is not noun + s)."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
