"""The abbreviation and known-name tables a segmentation runs with (built-in + user)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from translate.abbreviations import ABBREVIATIONS, FINAL_CAPABLE_ABBREVIATIONS, KNOWN_TOKENS


@dataclass(frozen=True)
class Rules:
    prefix_abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]
    # lower+upper letter pair -> (known token, offset of the upper letter in it)
    known_transitions: dict[str, tuple[tuple[str, int], ...]]
    lowercase_known_token: re.Pattern[str]  # `iPhone`, `eBay`: may start a sentence


@lru_cache(maxsize=32)
def build_rules(extra: frozenset[str] | None) -> Rules:
    entries = ABBREVIATIONS | (extra or frozenset())
    with_period = frozenset(entry for entry in entries if entry.endswith("."))
    final = FINAL_CAPABLE_ABBREVIATIONS & with_period
    known = KNOWN_TOKENS | frozenset(entry for entry in entries if not entry.endswith("."))
    return Rules(
        prefix_abbreviations=with_period - final,
        final_abbreviations=final,
        known_transitions=_case_transitions(known),
        lowercase_known_token=re.compile(
            "|".join(
                re.escape(token)
                for token in sorted(known, key=len, reverse=True)
                if token[:1].islower()
            )
            or "(?!)"
        ),
    )


def _case_transitions(tokens: frozenset[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    transitions: dict[str, list[tuple[str, int]]] = {}
    for token in sorted(tokens):
        for offset in range(1, len(token)):
            if token[offset - 1].islower() and token[offset].isupper():
                transitions.setdefault(token[offset - 1 : offset + 1], []).append((token, offset))
    return {pair: tuple(entries) for pair, entries in transitions.items()}
