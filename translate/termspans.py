"""Pure helpers of the term matcher (translate.termmatch) on located matches.

- ``collapsed(text)``: the text with each whitespace run made one space, and the way back
  from its offsets to the text's (a text holding tabs, line breaks or two spaces is searched
  again so collapsed).
- ``resolve_overlaps(candidates)``: one text's candidates without overlaps, longest first,
  then leftmost.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# A match as ``TermMatcher.locate`` gives it: (start, end, pattern index), character offsets.
Located = tuple[int, int, int]

_WHITESPACE = re.compile(r"\s+")
_LONG_WHITESPACE = re.compile(r"\s{2,}")
_SPACE_RUN = re.compile("  +")
_FEW_CANDIDATES = 16  # more are resolved by marking the characters taken (linear)


@dataclass(frozen=True)
class Collapsed:
    """A text with each whitespace run made one space, and how to map its offsets back."""

    text: str
    cuts: list[int]  # the offset after each space left of a run of two or more characters
    removed: list[int]  # how many characters were removed up to each cut

    def origin(self, offset: int) -> int:
        """Where the character at ``offset`` came from in the text before."""
        run = bisect.bisect_right(self.cuts, offset)
        return offset + self.removed[run - 1] if run else offset


def collapsed(text: str) -> Collapsed:
    """The text with each whitespace run made one space (see ``Collapsed``). A printable text
    holds no whitespace but the space (the usual: two spaces), found without ``\\s``, which
    sre checks character by character."""
    if text.isprintable():
        runs = [match.span() for match in _SPACE_RUN.finditer(text)]
        result = _SPACE_RUN.sub(" ", text)
    else:
        runs = [match.span() for match in _LONG_WHITESPACE.finditer(text)]
        result = _WHITESPACE.sub(" ", text)
    cuts: list[int] = []
    removed: list[int] = []
    total = 0
    for start, end in runs:
        cuts.append(start - total + 1)
        total += end - start - 1
        removed.append(total)
    return Collapsed(result, cuts, removed)


def resolve_overlaps(candidates: list[Located]) -> list[Located]:
    """Longest first, then leftmost (the patterns of a text's candidates are all different,
    so two candidates never share a span; of terms written the same, the matcher kept one)."""
    if len(candidates) == 1:  # a text searched again (odd whitespace) with one match
        return candidates
    if len(candidates) == 2:  # the usual overlap: a name inside a longer one
        first, second = candidates
        if first[1] <= second[0] or second[1] <= first[0]:
            return sorted(candidates)
        longer = first[1] - first[0] - second[1] + second[0]
        return [first if longer > 0 or (longer == 0 and first[0] < second[0]) else second]
    ordered = sorted([(s - e, s, e, p) for s, e, p in candidates])
    chosen: list[Located] = []
    if len(candidates) <= _FEW_CANDIDATES:  # compared with those chosen before
        for _, start, stop, pattern in ordered:
            for other_start, other_stop, _ in chosen:
                if start < other_stop and other_start < stop:
                    break
            else:
                chosen.append((start, stop, pattern))
    else:  # the characters taken marked once (linear in the text, not quadratic)
        taken = bytearray(max(c[1] for c in candidates))
        for _, start, stop, pattern in ordered:
            if taken.find(1, start, stop) == -1:
                taken[start:stop] = b"\x01" * (stop - start)
                chosen.append((start, stop, pattern))
    chosen.sort()
    return chosen
