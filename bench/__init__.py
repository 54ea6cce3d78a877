"""Benchmarks for the toolkit (`make bench`, `python -m bench [--quick]`).

Every figure is measured side by side with its anchor in the same run on the same machine and
reported as a ratio (or a difference) against it; absolute times only give context.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """One line of the results table: a measured figure against its anchor and target."""

    benchmark: str
    contender: str  # what we measured, with its absolute value for context
    anchor: str  # what we compared it with, with its absolute value
    result: str  # the ratio or difference that the target is about, e.g. "6.3×"
    target: str  # e.g. "≥ 5×"
    passed: bool | None  # None: informational, or could not be measured


@dataclass(frozen=True)
class Section:
    """The figures of one benchmark module and the notes that explain them."""

    title: str
    figures: tuple[Figure, ...]
    notes: tuple[str, ...] = field(default=())


def log(message: str) -> None:
    """Progress for the person waiting: stderr, so results on stdout stay clean."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)
