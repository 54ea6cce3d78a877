"""Close matches between catalogue entries, as GNU msgmerge finds them: for each new msgid,
the old entry whose msgid is most similar (difflib's ratio on UTF-8 bytes, msgmerge's measure
and threshold), so that an edited sentence keeps its translation as a fuzzy suggestion.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from translate.pofile import Message

# GNU msgmerge's threshold (FUZZY_THRESHOLD in msgmerge.c), on the same measure: the share of
# matching UTF-8 bytes. A stricter one loses short edited sentences msgmerge would keep
# (`Xin cảm ơn ông!` → `Xin chân thành cảm ơn ông!` is 0.745).
FUZZY_THRESHOLD = 0.6
# ratio = 2·matches / (len(a) + len(b)) <= 2·min / (min + max): a ratio of 0.6 or more needs
# min/max >= 0.6 / (2 - 0.6) ≈ 0.43, so only messages of comparable length are compared.
_LENGTH_RATIO = FUZZY_THRESHOLD / (2 - FUZZY_THRESHOLD)


_WORD = re.compile(r"\w+")
# Close matches share at least this share of each other's distinct words.
_SHARED_WORDS = 0.5


def _word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold())) or frozenset((text.casefold(),))


def _prefix(tokens: frozenset[str], rarity: Mapping[str, int]) -> list[str]:
    """The rarest ``n - ceil(n/2) + 1`` words: two word sets sharing at least half of each
    one's words must have a word in common among their prefixes (prefix filtering)."""
    ordered = sorted(tokens, key=lambda word: (rarity.get(word, 0), word))
    return ordered[: len(ordered) - math.ceil(len(ordered) * _SHARED_WORDS) + 1]


# GNU's SHORT_MSG_MAX (msgl-fsearch.c): msgmerge compares short messages without its n-gram
# index, so short sentences need no shared-word share either, only a word in common.
_SHORT_BYTES = 28


@dataclass
class _FuzzyIndex:
    """Old msgids indexed for ``fuzzy_matches``: rarest-word prefixes of every msgid, and
    every word of the short ones (and of those a short message can still match)."""

    words: list[frozenset[str]]
    encoded: list[bytes]
    rarity: dict[str, int]
    postings: dict[str, list[int]]
    short: dict[str, list[int]]  # every word of msgids shorter than _SHORT_BYTES
    near: dict[str, list[int]]  # every word of msgids a short message can match

    @classmethod
    def build(cls, old: Sequence[Message]) -> _FuzzyIndex:
        words = [_word_set(message.msgid) for message in old]
        encoded = [message.msgid.encode("utf-8") for message in old]
        rarity: dict[str, int] = {}
        for word_set in words:
            for word in word_set:
                rarity[word] = rarity.get(word, 0) + 1
        postings: dict[str, list[int]] = {}
        short: dict[str, list[int]] = {}
        near: dict[str, list[int]] = {}
        for index, word_set in enumerate(words):
            for word in _prefix(word_set, rarity):
                postings.setdefault(word, []).append(index)
            size = len(encoded[index])
            if size < _SHORT_BYTES / _LENGTH_RATIO:
                for word in word_set:
                    near.setdefault(word, []).append(index)
                    if size < _SHORT_BYTES:
                        short.setdefault(word, []).append(index)
        return cls(words, encoded, rarity, postings, short, near)

    def candidates(self, token_set: frozenset[str], size: int) -> tuple[set[int], set[int]]:
        """(candidates that must share half of each one's words, those that need one word)."""
        strict: set[int] = set()
        for word in _prefix(token_set, self.rarity):
            strict.update(self.postings.get(word, ()))
        loose: set[int] = set()
        for word in token_set:
            loose.update((self.near if size < _SHORT_BYTES else self.short).get(word, ()))
        return strict, loose - strict


def fuzzy_matches(new: Sequence[str], old: Sequence[Message]) -> dict[str, Message]:
    """For each new msgid, the most similar old entry (byte ratio ≥ ``FUZZY_THRESHOLD``), if any.

    Comparing every new message with every old one is quadratic. Candidates come from an
    inverted index of each old message's rarest words instead (prefix filtering: messages
    that share at least half of each other's distinct words always meet there; short messages,
    where one word is a large share, need only a word in common), then the length bound
    (``_LENGTH_RATIO``) and difflib's cheap upper bounds prune before the real ratio. The work
    grows with the number of changed messages, not the catalogue size.
    """
    if not new or not old:
        return {}
    index = _FuzzyIndex.build(old)
    matcher = difflib.SequenceMatcher(None, b"", b"", autojunk=False)
    result: dict[str, Message] = {}
    for msgid in new:
        best = _best_match(msgid, index, matcher)
        if best is not None:
            result[msgid] = old[best]
    return result


def _best_match(
    msgid: str, index: _FuzzyIndex, matcher: difflib.SequenceMatcher[int]
) -> int | None:
    token_set = _word_set(msgid)
    data = msgid.encode("utf-8")
    size = len(data)
    strict, loose = index.candidates(token_set, size)
    matcher.set_seq2(data)
    bounded: list[tuple[float, int]] = []  # (upper bound of the ratio, candidate)
    for candidate in (*strict, *loose):
        other = index.encoded[candidate]
        if not size * _LENGTH_RATIO <= len(other) <= size / _LENGTH_RATIO:
            continue
        shared = len(token_set & index.words[candidate])
        if candidate in strict:
            if shared / _SHARED_WORDS < max(len(token_set), len(index.words[candidate])):
                continue
        elif not shared:
            continue
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() < FUZZY_THRESHOLD:
            continue
        bound = matcher.quick_ratio()
        if bound >= FUZZY_THRESHOLD:
            bounded.append((bound, candidate))
    # The best ratio wins, the earliest old entry among equals. The exact ratio is costly:
    # computed in order of its upper bound, until no candidate left can reach the best.
    bounded.sort(key=lambda item: (-item[0], item[1]))
    best: int | None = None
    best_ratio = FUZZY_THRESHOLD
    for bound, candidate in bounded:
        if bound < best_ratio:
            break
        if best is not None and bound == best_ratio and candidate > best:
            continue  # at most a tie, with a later entry
        matcher.set_seq1(index.encoded[candidate])
        ratio = matcher.ratio()
        if ratio > best_ratio or (ratio == best_ratio and (best is None or candidate < best)):
            best, best_ratio = candidate, ratio
    return best
