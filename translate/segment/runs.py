"""Units run in on a line where no punctuation ends the one before (round 15b): the starts
found once per document by the finders of :mod:`.widegaps` (units joined by wide gaps),
:mod:`.decrees` (a flattened decree's parts) and :mod:`.buttons` (a notice after a button
label), looked up per unit. (A flattened cover's affiliations, :mod:`.covers`, are found with
the slides' marks.)"""

from __future__ import annotations

from translate.segment.buttons import button_cuts
from translate.segment.decrees import decree_cuts
from translate.segment.widegaps import wide_gap_cuts


def run_in_starts(text: str) -> list[int]:
    """The sorted starts of the run-in units of ``text`` (most documents: none, found by a
    few searches in C)."""
    return sorted(wide_gap_cuts(text) + decree_cuts(text) + button_cuts(text))
