"""Batched machine translation with one installed Argos package (CTranslate2 + tokenizer).

CONTRACT (implementation pending in this module):

    engine = Engine(package, EngineOptions(...))   # loads nothing yet
    results = engine.translate(sentences, progress=callback)  # one call, whole list
    engine.calls        # number of translate() calls that reached the model
    engine.provenance   # e.g. "argos-ctranslate2 translate-vi_en 1.0"

``translate`` deduplicates, sorts by length, batches by tokens, and returns one
``Translation`` per input sentence in input order.
"""

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
