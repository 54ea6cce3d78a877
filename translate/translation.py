"""What the model gives back for one sentence: plain data shared by the engine, the
catalogue and the run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Alternative:
    text: str
    score: float  # log-probability per generated token (length-normalised), <= 0


@dataclass(frozen=True)
class Translation:
    """The best hypothesis for one source sentence, and the n-best alternatives after it."""

    source: str
    text: str
    score: float  # log-probability per generated token (length-normalised), <= 0
    alternatives: tuple[Alternative, ...] = ()
    notes: tuple[str, ...] = ()  # what a check around the model found (translate.guard)


@dataclass(frozen=True)
class MachineSource:
    """Who produced a machine translation: engine name, package code and version."""

    engine: str
    package: str
    version: str
