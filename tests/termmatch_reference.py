"""The term matcher as it was before its per-match work moved into C (mapped functions over
all matches): a plain Python loop per candidate. Kept as the reference the differential test
compares ``translate.termmatch.TermMatcher`` with; not used by the toolkit."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import ahocorasick_rs

from translate.glossary import Term, nfc
from translate.termmatch import TermMatch, case_forms, spellings

_JOINERS = frozenset("-_&'’")
_SEPARATOR = "\x00"
_ODD_SPACES = ("  ", "\t", "\n", "\r", "\xa0", "\u202f", "\u2009", "\u3000", "\x0b", "\x0c")


def positions_in(texts: Sequence[str], joined: str, needles: Iterable[str]) -> set[int]:
    """Indices of the texts (joined by one separator character) holding one of ``needles``."""
    positions = []
    for needle in needles:
        found = joined.find(needle)
        while found != -1:
            positions.append(found)
            found = joined.find(needle, found + 1)
    if not positions:
        return set()
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    return {bisect.bisect_right(starts, position) - 1 for position in positions}


def _collapsed(text: str) -> tuple[str, list[int]]:
    """The text with each whitespace run made one space, and where each character came from."""
    pieces: list[str] = []
    origin: list[int] = []
    for match in re.finditer(r"\s+|\S+", text):
        if match.group()[0].isspace():
            pieces.append(" ")
            origin.append(match.start())
        else:
            pieces.append(match.group())
            origin.extend(range(match.start(), match.end()))
    return "".join(pieces), origin


# A candidate before overlaps are resolved: (start, end, pattern index).
_Candidate = tuple[int, int, int]


class ReferenceMatcher:
    """The former ``TermMatcher`` (same results, slower)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        by_pattern: dict[str, list[Term]] = {}
        for term in terms:
            for form in spellings(term.source):
                for pattern in case_forms(form) if not term.sensitive else (form,):
                    if pattern:
                        by_pattern.setdefault(pattern, []).append(term)
        self._patterns = list(by_pattern)
        # Of terms written the same, a case-sensitive one wins, then the first loaded.
        self._terms = [
            terms_[0] if len(terms_) == 1 else next((t for t in terms_ if t.sensitive), terms_[0])
            for terms_ in by_pattern.values()
        ]
        self._edges = [(p[:1].isalnum(), p[-1:].isalnum()) for p in self._patterns]
        self._lengths = [len(p) for p in self._patterns]
        # Searched as UTF-8 bytes: the binding's str search converts every offset (10× slower).
        self._automaton = (
            ahocorasick_rs.BytesAhoCorasick([p.encode("utf-8") for p in self._patterns])
            if self._patterns
            else None
        )
        self.size = len(self._patterns)

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches in text order; offsets refer to ``nfc(text)``."""
        return list(self.find_many([text])[0])

    def find_many(
        self, texts: Sequence[str], *, normalized: bool = False
    ) -> list[Sequence[TermMatch]]:
        """``find`` for each text, searching all of them in one pass (``normalized``: the
        caller knows every text is NFC)."""
        if self._automaton is None or not texts:
            return [() for _ in texts]
        normal: list[str] = list(texts)
        joined = _SEPARATOR.join(normal)
        # NUL is a starter: the joined text is NFC exactly when every text is.
        if not normalized and not unicodedata.is_normalized("NFC", joined):
            normal = [nfc(t) for t in texts]
            joined = _SEPARATOR.join(normal)
        if joined.count(_SEPARATOR) != len(normal) - 1:  # a NUL inside a text: a mark
            normal = [t.replace(_SEPARATOR, "\ufffd") for t in normal]
            joined = _SEPARATOR.join(normal)
        origins: dict[int, list[int]] = {}
        odd = positions_in(normal, joined, _ODD_SPACES)
        if odd:
            for index in odd:
                normal[index], origins[index] = _collapsed(normal[index])
            joined = _SEPARATOR.join(normal)
        results: list[Sequence[TermMatch]] = [()] * len(normal)
        for index, candidates in self._candidates(normal, joined).items():
            origin = origins.get(index)
            if origin is not None:
                candidates = [(origin[a], origin[b - 1] + 1, p) for a, b, p in candidates]
            results[index] = self._resolve(candidates)
        return results

    def _candidates(self, texts: Sequence[str], joined: str) -> dict[int, list[_Candidate]]:
        """Whole-word matches by text index, character offsets within the text; ``joined``:
        the texts joined by ``_SEPARATOR``."""
        assert self._automaton is not None
        data = joined.encode("utf-8", "surrogatepass")
        pieces = data.split(_SEPARATOR.encode())
        starts = list(itertools.accumulate((len(p) + 1 for p in pieces[:-1]), initial=0))
        found: dict[int, list[_Candidate]] = {}
        edges, lengths = self._edges, self._lengths
        for pattern, byte_start, _ in self._automaton.find_matches_as_indexes(
            data, overlapping=True
        ):
            index = bisect.bisect_right(starts, byte_start) - 1
            text, piece = texts[index], pieces[index]
            local = byte_start - starts[index]
            start = local if len(piece) == len(text) else len(piece[:local].decode())
            end = start + lengths[pattern]
            starts_word, ends_word = edges[pattern]
            if starts_word and start > 0:
                before = text[start - 1]
                if before.isalnum() or (
                    before in _JOINERS and start >= 2 and text[start - 2].isalnum()
                ):
                    continue
            if ends_word and end < len(text):
                after = text[end]
                if after.isalnum() or (
                    after in _JOINERS and end + 1 < len(text) and text[end + 1].isalnum()
                ):
                    continue
            found.setdefault(index, []).append((start, end, pattern))
        return found

    def _resolve(self, candidates: list[_Candidate]) -> list[TermMatch]:
        """Longest first, then leftmost; equal spans: the case-sensitive term."""
        terms = self._terms
        if not candidates:
            return []
        if len(candidates) == 1:
            start, end, pattern = candidates[0]
            return [TermMatch(start, end, terms[pattern])]
        ordered = sorted(candidates, key=lambda c: (c[0] - c[1], c[0], not terms[c[2]].sensitive))
        taken = bytearray(max(c[1] for c in candidates))
        chosen: list[TermMatch] = []
        for start, end, pattern in ordered:
            if taken.find(1, start, end) == -1:
                taken[start:end] = b"\x01" * (end - start)
                chosen.append(TermMatch(start, end, terms[pattern]))
        chosen.sort(key=lambda m: m.start)
        return chosen
