"""One compiled matcher for every glossary term: Vietnamese-aware, whole syllables, longest first.

    matcher = glossary.matcher()                  # compiled once per run
    matcher.find(text)                            # [TermMatch(start, end, term), …]
    matcher.find_many(sentences)                  # the same for a whole run, in one pass
    matcher.locate(nfc_sentences)                 # Scan: (start, end, pattern) by sentence
    matcher.normalize_and_locate(sentences)       # (the sentences in NFC, their Scan)

Rules:

- Text and terms are NFC-normalised; offsets refer to the NFC text. Both tone placements
  match (``hòa`` and ``hoà``, ``Ủy`` and ``Uỷ``).
- Whitespace in a term matches any run of whitespace in the text; other characters match
  exactly. A case-insensitive term (``Term.sensitive`` false) matches in lowercase, with a
  capital first letter, with every word capitalised or in capitals (``chuyển đổi số``,
  ``Chuyển đổi số``, ``Chuyển Đổi Số``, ``CHUYỂN ĐỔI SỐ``).
- Whole syllables only: a match never starts or ends inside a word, nor continues one through
  a joiner (``Huế`` matches in ``Huế,`` but not in ``Huếế``, ``Hue-S`` or ``xHuế``).
- Overlaps: the longest match wins, then the leftmost (``B C D`` over ``A B`` in ``A B C
  D``); of terms matching the same text, a case-sensitive one wins, then the first loaded.

Every form of every term goes into one Aho-Corasick automaton (``ahocorasick_rs``, compiled
Rust), and a run's sentences are searched as one string of bytes, one byte per character
(``translate.termcode``; UTF-8 when the terms or the text hold too many distinct characters
for it): the cost grows with the text and the matches, not with the number of terms, and
the text is never re-cased. The work per
match (character offsets, whole-syllable edges, grouping by sentence) is done by C functions
mapped over all matches; Python looks only at matches next to a joiner or a non-ASCII
character and at sentences whose matches overlap. The same search reports ``flags``
(strings a caller wants to know the sentences of: the guard's triggers for URLs, e-mails,
paths…) and whitespace other than single spaces (those sentences are searched again with
it collapsed; two spaces are found as a pattern's first words followed by them).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import ahocorasick_rs

from translate.frozen import collector_paused
from translate.glossary import Term
from translate.protect import Span
from translate.termcode import OneByteCode
from translate.termforms import (
    canonical,
    case_forms,
    fold,
    nfc_all,
    spellings,
    spellings_all,
)
from translate.termspans import Located, collapsed, resolve_overlaps

__all__ = [
    "Scan",
    "TermMatch",
    "TermMatcher",
    "canonical",
    "case_forms",
    "fold",
    "nfc_all",
    "spellings",
    "spellings_all",
    "target_present",
]

_JOINERS = frozenset("-_&'’")
_SEPARATOR = "\x00"  # between the sentences of one search: neither a word nor a space
# Whitespace other than single spaces: such texts are searched one by one, spaces collapsed.
# Two spaces in a row are found as a pattern's words up to a space followed by two spaces
# (``_spaced_prefixes``): as a needle of its own, starting with a space, they would make
# the automaton leave its start state at every space (twice the time).
_ODD_SPACES = ("\t", "\n", "\r", "\xa0", "\u202f", "\u2009", "\u3000", "\x0b", "\x0c")


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


# Whitespace that is neither the space nor one of _ODD_SPACES (found by the search itself).
_OTHER_SPACE = re.compile(f"[^\\S {''.join(_ODD_SPACES)}]")


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: Term

    def span(self) -> Span:
        term = self.term
        kind = "dnt" if term.dnt else "term"
        return Span(self.start, self.end, kind, term.preferred, label=term.source)


@dataclass(frozen=True)
class Scan:
    """What ``TermMatcher.locate`` found in a run's texts."""

    matches: Mapping[int, Sequence[Located]]  # text index -> its matches, in text order
    flagged: frozenset[int]  # indices of the texts holding one of the matcher's ``flags``


@dataclass
class _Found:
    """Candidates of one search, before overlaps are resolved."""

    matches: dict[int, list[Located]]  # text index -> its whole-word matches, by their end
    overlapping: set[int]  # the texts whose matches overlap (the others are in text order)
    odd: set[int]  # the texts holding whitespace other than single spaces
    flagged: set[int]  # the texts holding a flag


class TermMatcher:
    """All glossary terms compiled once (see the module doc).

    ``flags``: strings whose presence the same search reports (``Scan.flagged``), so that a
    caller needing to know which texts hold ``/`` or ``@`` scans the text only once."""

    def __init__(self, terms: Iterable[Term], *, flags: Iterable[str] = ()) -> None:
        by_pattern: dict[str, Term] = {}
        sensitive_patterns: set[str] = set()
        # NUL separates the texts of one search: no pattern holds it.
        kept = [term for term in terms if term.source and _SEPARATOR not in term.source]
        for term, forms in zip(kept, spellings_all([t.source for t in kept]), strict=True):
            # Of terms written the same, a case-sensitive one wins, then the first.
            if term.sensitive:
                for pattern in forms:
                    if pattern and pattern not in sensitive_patterns:
                        by_pattern[pattern] = term  # an insensitive one's place, if it had it
                        sensitive_patterns.add(pattern)
                continue
            for form in forms:
                for pattern in case_forms(form):
                    if pattern and pattern not in by_pattern:
                        by_pattern[pattern] = term
        patterns = list(by_pattern)
        self.pattern_terms: tuple[Term, ...] = tuple(by_pattern.values())
        self.flags = tuple(dict.fromkeys(f for f in flags if f and _SEPARATOR not in f))
        # 1 where a pattern starts (ends) with a word character; 0 for the flags and spaces.
        self._word_start = list(map(str.isalnum, map(_HEAD, patterns)))
        self._word_end = list(map(str.isalnum, map(_TAIL, patterns)))
        self._lengths = list(map(len, patterns))
        self._whole_edges = all(self._word_start) and all(self._word_end)
        self.size = len(patterns)
        # Whitespace other than single spaces and the flags are found by the same search; two
        # spaces by a find of the search's bytes, then ``_spaced`` (few texts hold them).
        needles = [*patterns, *_ODD_SPACES, *self.flags]
        self._needles = needles
        self._patterns = patterns
        self._heads: ahocorasick_rs.AhoCorasick | Literal[False] | None = False  # not built
        self._first_odd = len(patterns)
        self._first_flag = len(patterns) + len(_ODD_SPACES)
        # Searched as bytes (the binding's str search converts every offset, 10× slower): in
        # a one-byte code (translate.termcode) where the needles allow it, else in UTF-8.
        self._code = OneByteCode.for_needles(needles) if patterns or self.flags else None
        self._classes = self._code.classes(_JOINERS) if self._code is not None else _BYTE_CLASS
        # Two spaces in the search's bytes (the code holds the space: it is in _BASE).
        two = (self._code.encode("  ") if self._code is not None else None) or b"  "
        # One needle's automaton runs memmem (bytes.find of two bytes: 20 times slower).
        self._two_spaces = ahocorasick_rs.BytesAhoCorasick([two])
        self._two_utf8 = ahocorasick_rs.BytesAhoCorasick([b"  "])
        self._automaton: ahocorasick_rs.BytesAhoCorasick | None = None
        self._utf8: ahocorasick_rs.BytesAhoCorasick | None = None
        if self._code is not None:
            encoded = self._code.encode(_SEPARATOR.join(needles))
            assert encoded is not None  # the code holds every character of the needles
            self._automaton = ahocorasick_rs.BytesAhoCorasick(encoded.split(b"\0"))
        elif patterns or self.flags:
            self._automaton = self._utf8_automaton()

    def _utf8_automaton(self) -> ahocorasick_rs.BytesAhoCorasick:
        """The needles' automaton for UTF-8 text (built when first needed)."""
        if self._utf8 is None:
            self._utf8 = ahocorasick_rs.BytesAhoCorasick(
                [n.encode("utf-8", "surrogatepass") for n in self._needles]
            )
        return self._utf8

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches in text order; offsets refer to ``nfc(text)``."""
        return list(self.find_many([text])[0])

    def find_many(
        self, texts: Sequence[str], *, normalized: bool = False
    ) -> list[Sequence[TermMatch]]:
        """``find`` for each text, searching all of them in one pass (``normalized``: the
        caller knows every text is NFC)."""
        results: list[Sequence[TermMatch]] = [()] * len(texts)
        if not self.size or not texts:
            return results
        normal = list(texts) if normalized else nfc_all(texts)
        terms = self.pattern_terms
        for index, found in self.locate(normal).matches.items():
            results[index] = [TermMatch(start, end, terms[p]) for start, end, p in found]
        return results

    def locate(self, texts: Sequence[str]) -> Scan:
        """Matches of every (NFC) text, searched in one pass; texts without any are absent."""
        if self._automaton is None or not texts:
            return Scan({}, frozenset())
        return self._located(texts, None)

    def normalize_and_locate(self, texts: Sequence[str]) -> tuple[Sequence[str], Scan]:
        """The texts in NFC and ``locate``'s scan of them. Whether they already are is told by
        the search's own encoding where it can be (``OneByteCode.encode_nfc``), not by a
        pass of ``unicodedata.is_normalized`` over them."""
        if self._automaton is None or not texts:
            return nfc_all(texts), Scan({}, frozenset())
        if self._code is not None and self._code.normal:
            data, normal = _encoded_nfc(self._code, texts)
            if normal:
                return texts, self._located(texts, data)
        normal_texts = nfc_all(texts)
        return normal_texts, self._located(normal_texts, None)

    def _located(self, texts: Sequence[str], data: bytes | None) -> Scan:
        """``locate``; ``data``: the texts as ``_search`` encodes them, when already done."""
        with collector_paused():
            found = self._candidates(texts, data)
            if found.odd:
                self._odd_spaces(texts, sorted(found.odd), found)
            matches = found.matches
            for index in found.overlapping:
                matches[index] = resolve_overlaps(matches[index])
        return Scan(matches, frozenset(found.flagged))

    def _candidates(self, texts: Sequence[str], encoded: bytes | None = None) -> _Found:
        """Whole-word matches of the texts in one search (see ``_Found``).

        One loop over the matches: the bytes either side of a match tell whether it is a
        whole word (``_classes``); Python looks at the text only next to a joiner (or, in
        UTF-8, a non-ASCII character: ``_whole_word``); ``encoded``: the texts in the code,
        as ``_search`` would encode them."""
        data, starts, found, one_byte = self._search(texts, encoded)
        if one_byte and self._whole_edges:
            result = self._candidates_in_code(texts, data, starts, found)
        else:
            result = self._candidates_any(texts, data, starts, found, one_byte)
        two = self._two_spaces if one_byte else self._two_utf8
        result.odd.update(self._spaced(texts, data, starts, two))
        return result

    def _candidates_any(
        self,
        texts: Sequence[str],
        data: bytes,
        starts: list[int],
        found: list[tuple[int, int, int]],
        one_byte: bool,
    ) -> _Found:
        """``_candidates`` for any patterns, in the code or in UTF-8."""
        result = _Found({}, set(), set(), set())
        # In UTF-8, a character offset is the byte offset less the continuation bytes before.
        continuation = None if one_byte else data.translate(_CONTINUATION)
        classes = self._classes if one_byte else _BYTE_CLASS
        word_start, word_end, lengths = self._word_start, self._word_end, self._lengths
        first_odd, first_flag = self._first_odd, self._first_flag
        matches, overlapping = result.matches, result.overlapping
        bisect_right = bisect.bisect_right
        last = -1
        current: list[Located] = []
        for pattern, byte_start, byte_end in found:  # in order of their end
            index = bisect_right(starts, byte_start) - 1  # the texts are in order
            if pattern >= first_odd:
                (result.flagged if pattern >= first_flag else result.odd).add(index)
                continue
            before = classes[data[byte_start - 1]] if word_start[pattern] else 0
            after = classes[data[byte_end]] if word_end[pattern] else 0
            if before == 1 or after == 1:  # a letter or digit goes on
                continue
            start = byte_start - starts[index]
            if continuation is not None:
                start -= continuation.count(1, starts[index], byte_start)
            match = (start, start + lengths[pattern], pattern)
            if (before or after) and not self._whole_word(texts[index], match):
                continue
            if index != last:
                current = matches[index] = [match]
                last = index
            else:
                if start < current[-1][1]:
                    overlapping.add(index)
                current.append(match)
        return result

    def _candidates_in_code(
        self,
        texts: Sequence[str],
        data: bytes,
        starts: list[int],
        found: list[tuple[int, int, int]],
    ) -> _Found:
        """``_candidates`` in the usual case, with less work per match: the text in the
        one-byte code (a byte offset is a character offset) and every pattern starting and
        ending with a letter or digit (the bytes either side always tell); a match's text is
        looked up only when it is past the one before's."""
        result = _Found({}, set(), set(), set())
        classes = self._classes
        first_odd, first_flag = self._first_odd, self._first_flag
        matches, overlapping = result.matches, result.overlapping
        bisect_right = bisect.bisect_right
        ends = [*starts[1:], len(data)]
        index = last = -1
        text_start = next_start = 0
        current: list[Located] = []
        for pattern, byte_start, byte_end in found:  # in order of their end
            if byte_start >= next_start:  # no match crosses a separator
                index = bisect_right(starts, byte_start) - 1
                text_start, next_start = starts[index], ends[index]
            if pattern >= first_odd:
                (result.flagged if pattern >= first_flag else result.odd).add(index)
                continue
            before = classes[data[byte_start - 1]]
            after = classes[data[byte_end]]
            start = byte_start - text_start
            match = (start, byte_end - text_start, pattern)
            if before | after:  # the rare case first tested: a word character or a joiner
                if before == 1 or after == 1:  # a letter or digit goes on
                    continue
                if not self._whole_word(texts[index], match):
                    continue
            if index != last:
                current = matches[index] = [match]
                last = index
            else:
                if start < current[-1][1]:
                    overlapping.add(index)
                current.append(match)
        return result

    def _search(
        self, texts: Sequence[str], encoded: bytes | None = None
    ) -> tuple[bytes, list[int], list[tuple[int, int, int]], bool]:
        """The texts as bytes, NUL before, between and after them (the byte before a match
        and the one after always exist); where each text starts; the automaton's matches;
        whether the bytes are in the one-byte code (a byte offset is a character offset).
        ``encoded``: the texts already so encoded."""
        assert self._automaton is not None
        if self._code is not None:
            data = encoded or self._code.encode(_SEPARATOR.join(["", *texts, ""]))
            if data is not None:
                lengths = map(operator.add, map(len, texts[:-1]), itertools.repeat(1))
                starts = list(itertools.accumulate(lengths, initial=1))
                return data, starts, self._automaton.find_matches_as_indexes(data, True), True
        pieces = [text.encode("utf-8", "surrogatepass") for text in texts]
        data = b"\0" + b"\0".join(pieces) + b"\0"
        starts = list(itertools.accumulate([len(p) + 1 for p in pieces[:-1]], initial=1))
        found = self._utf8_automaton().find_matches_as_indexes(data, overlapping=True)
        return data, starts, found, False

    def _spaced(
        self,
        texts: Sequence[str],
        data: bytes,
        starts: list[int],
        two: ahocorasick_rs.BytesAhoCorasick,
    ) -> set[int]:
        """The texts holding two spaces to search again with whitespace collapsed, found by
        ``two`` (two spaces' automaton) in ``data`` (the texts as searched, from ``starts``):
        as needles of the one search, the patterns' heads (``_spaced_prefixes``) made its
        automaton twice as large (11,700 heads for 13,400 patterns) for the few texts holding
        two spaces. Searched again, a text whose whitespace is spaces only finds what the
        first search found unless a pattern's head is followed by two spaces (a match can
        span a run only after one): it is searched again whatever it holds. A text also
        holding other whitespace (``_OTHER_SPACE``, which collapsing makes a space) is
        searched again only when it holds a head followed by two spaces, as the heads'
        needles did."""
        runs = two.find_matches_as_indexes(data)
        spaced = list(dict.fromkeys([bisect.bisect_right(starts, at) - 1 for _, at, _ in runs]))
        other = [index for index in spaced if _OTHER_SPACE.search(texts[index])]
        if not other:
            return set(spaced)
        if self._heads is False:  # built when first needed
            heads = _spaced_prefixes(self._patterns)
            self._heads = ahocorasick_rs.AhoCorasick(heads) if heads else None
        automaton = self._heads
        headed = {i for i in other if automaton and automaton.find_matches_as_indexes(texts[i])}
        return set(spaced).difference(other).union(headed)

    def _odd_spaces(self, texts: Sequence[str], odd: list[int], found: _Found) -> None:
        """The texts holding tabs, line breaks, double or no-break spaces searched again with
        each whitespace run made one space (their first candidates replaced)."""
        texts_collapsed = [collapsed(texts[index]) for index in odd]
        again = self._candidates([c.text for c in texts_collapsed]).matches
        for position, index in enumerate(odd):
            origin = texts_collapsed[position].origin
            matches = again.get(position)
            if matches:
                found.matches[index] = [(origin(a), origin(b - 1) + 1, p) for a, b, p in matches]
                found.overlapping.add(index)
            else:
                found.matches.pop(index, None)
                found.overlapping.discard(index)

    def _whole_word(self, text: str, match: Located) -> bool:
        """Whether a match next to a joiner or a non-ASCII character is a whole word."""
        start, end, pattern = match
        if self._word_start[pattern] and start > 0:
            before = text[start - 1]
            if before.isalnum() or (
                before in _JOINERS and start >= 2 and text[start - 2].isalnum()
            ):
                return False
        if self._word_end[pattern] and end < len(text):
            after = text[end]
            if after.isalnum() or (
                after in _JOINERS and end + 1 < len(text) and text[end + 1].isalnum()
            ):
                return False
        return True

    def spans(self, text: str) -> list[Span]:
        return [match.span() for match in self.find(text)]


_PLUS_ONE = (1).__add__
_HEAD = operator.itemgetter(0)
_TAIL = operator.itemgetter(-1)
# A byte next to a match: 0 a boundary, 1 a word character (no match), 2 to look at in the
# text (a joiner, or part of a non-ASCII character).
_BYTE_CLASS = bytes(
    2 if byte >= 0x80 or chr(byte) in _JOINERS else 1 if chr(byte).isalnum() else 0
    for byte in range(256)
)
# 1 for a UTF-8 continuation byte: a match's character offset is its byte offset less them.
_CONTINUATION = bytes(int(0x80 <= byte < 0xC0) for byte in range(256))


def _spaced_prefixes(patterns: Iterable[str]) -> list[str]:
    """Each pattern's words up to one of its spaces, and two spaces: a text holding one of
    them may hold the pattern with a run of spaces in it."""
    heads = dict.fromkeys(map(_HEAD, map(str.rpartition, patterns, itertools.repeat(" "))))
    heads.pop("", None)  # a pattern of one word
    level = [head for head in heads if " " in head]
    while level:  # the heads of heads not seen yet (patterns share their first words)
        shorter = dict.fromkeys(map(_HEAD, map(str.rpartition, level, itertools.repeat(" "))))
        level = [head for head in shorter if head not in heads]
        heads.update(dict.fromkeys(level))
        level = [head for head in level if " " in head]
    return list(map("{}  ".format, heads))


_CHUNK = 4_096  # texts encoded at a time by _encoded_nfc


def _encoded_nfc(code: OneByteCode, texts: Sequence[str]) -> tuple[bytes | None, bool]:
    """``code.encode_nfc`` of the texts as ``_search`` joins them (NUL before, between and
    after them), ``_CHUNK`` texts at a time: one string of a whole run's texts (31 MB for
    100,000 sentences) is a fresh mapping whose 7,500 pages fault in, where the chunks reuse
    the same memory."""
    pieces: list[bytes] = []
    normal = True
    for start in range(0, len(texts), _CHUNK):
        data, known = code.encode_nfc(_SEPARATOR.join(["", *texts[start : start + _CHUNK]]))
        if data is None:
            return None, False
        pieces.append(data)
        normal = normal and known
    pieces.append(b"\0")
    return b"".join(pieces), normal


# ---------------------------------------------------------------------------------------
# Compliance


def target_present(term: Term, output: str) -> bool:
    """Whether one of the term's accepted targets is in the output as whole words (case-folded
    unless the term is do-not-translate)."""
    text = canonical(output)
    for target in term.targets:
        wanted = canonical(target)
        haystack, needle = (text, wanted) if term.dnt else (fold(text), fold(wanted))
        pattern = r"\s+".join(re.escape(part) for part in needle.split())
        if re.search(rf"(?<![\w]){pattern}(?![\w])", haystack):
            return True
    return False
