"""Units separated by runs of spaces (round 15b, dev13): a site's index strings or a flattened
page with its blocks joined by several spaces, where single spaces join the words of a unit:
`Tính đóng đối với tập số nguyên âm  Trên tập số nguyên âm      Phép cộng có tính đóng.`
A wide gap before a capital, after a word, starts a new unit there (a heading, an answer
label, a lead-in whose formula was dropped; R9, D2), when the document itself writes its
sentence ends that way: several of its wide gaps follow a terminator, hardly any comes before
a lowercase word (justified PDF text spreads its words with wide gaps inside sentences), and
the unit after the gap is running text (a lowercase word soon: column layouts of upper-case
headers and name fields stay one line, D3).

The cuts are found once per document, in one scan for the gaps, and looked up per unit.
"""

from __future__ import annotations

import re

_GAP = re.compile(r" {2,}")
_TERMINATORS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’»)]*_")
# A gap that only continues a clause: after a comma, a colon, a dash or an opening bracket.
_CONTINUING = frozenset(",;:-–—([{/&+=")
_SHORTEST_EVIDENCE = 2  # wide gaps after a terminator
_INNER_SHARE = 0.1  # the most wide gaps before a lowercase word, as a share of all
_WIDE_SPACES = 3  # a gap this wide separates units after a capitalised word too
_PROSE_LOOKAHEAD = 6  # words
_PROSE_REACH = 80  # characters
_LONGEST_WORD = 40  # characters looked back for the word before a gap


def wide_gap_cuts(text: str) -> list[int]:
    """The sorted starts of units that follow a wide gap in ``text`` (empty unless the
    document separates its units with wide gaps)."""
    gaps = _gaps(text)
    if not gaps:  # (most documents: one search in C)
        return []
    ends = inner = 0
    candidates = []
    for gap in gaps:
        start, end = gap.start(), gap.end()
        if start == 0 or end == len(text):
            continue
        before, after = text[start - 1], text[end]
        if before in "\n\r" or after in "\n\r\t":
            continue  # an indentation or the spaces that end a line
        if after.islower():
            inner += 1
        elif _after_terminator(text, start):
            ends += 1
        elif after.isupper() and before not in _CONTINUING:
            candidates.append(gap)
    total = ends + inner + len(candidates)
    if not candidates or ends < _SHORTEST_EVIDENCE or ends * 2 < len(candidates):
        return []
    if inner > _INNER_SHARE * total:
        return []
    return [gap.end() for gap in candidates if _unit_boundary(text, gap)]


def _gaps(text: str) -> list[re.Match[str]]:
    """The runs of two spaces or more in ``text``, each found from a search in C for two
    spaces (a regex scan tries every position: a hundred times slower on news)."""
    gaps = []
    at = text.find("  ")
    while at >= 0:
        gap = _GAP.match(text, at)
        assert gap is not None
        gaps.append(gap)
        at = text.find("  ", gap.end())
    return gaps


def _after_terminator(text: str, position: int) -> bool:
    """Does a terminator (with its closing quotes and brackets) end just before ``position``?"""
    at = position - 1
    while at > 0 and text[at] in _CLOSERS:
        at -= 1
    return text[at] in _TERMINATORS


def _unit_boundary(text: str, gap: re.Match[str]) -> bool:
    """Does a unit end at ``gap``: after a lowercase word or a gap of three spaces or more,
    with running text after it?"""
    start, end = gap.span()
    word = text[max(0, start - _LONGEST_WORD) : start].split()[-1]
    letter = next((character for character in word if character.isalpha()), "")
    if not (letter.islower() or end - start >= _WIDE_SPACES):
        return False
    line_end = text.find("\n", end, end + _PROSE_REACH)
    reach = end + _PROSE_REACH if line_end < 0 else line_end
    following = text[end:reach].split()[1:_PROSE_LOOKAHEAD]
    return any(token[:1].islower() for token in following)
