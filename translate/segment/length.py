"""Pass 3: a segment longer than ``max_length`` is cut at its last comma or space."""

from __future__ import annotations

import re
import unicodedata

from translate.document import BreakKind, Note
from translate.segment.patterns import NON_SPACE
from translate.segment.sentences import Piece

_SOFT_CUT = re.compile(r"[,;:，；]\s")
_WHITESPACE_CHARACTERS = tuple(chr(code) for code in range(0x3001) if chr(code).isspace())


def limit_length(text: str, pieces: list[Piece], max_length: int) -> list[Piece]:
    limited: list[Piece] = []
    for piece in pieces:
        if piece.end - piece.start <= max_length:
            limited.append(piece)
            continue
        notes = (*piece.notes, Note.LENGTH_SPLIT)
        start = piece.start
        while piece.end - start > max_length:
            cut_end, next_start = _length_cut(text, start, max_length)
            limited.append(Piece(start, cut_end, BreakKind.LENGTH, notes))
            start = next_start
        limited.append(Piece(start, piece.end, piece.break_kind, notes))
    return limited


def _length_cut(text: str, start: int, max_length: int) -> tuple[int, int]:
    """Where to cut a too-long segment starting at ``start``: (end of the first part, start of
    the rest). Prefers the last comma in the second half, then the last space, then a hard
    cut that keeps combining marks with their letter."""
    window = text[start : start + max_length + 1]
    soft = [match.start() + 1 for match in _SOFT_CUT.finditer(window, max_length // 2)]
    if soft:
        cut = soft[-1]
    else:
        cut = max(window.rfind(space) for space in _WHITESPACE_CHARACTERS)
        if cut <= 0:
            cut = max_length
            while cut > 1 and unicodedata.combining(window[cut]):
                cut -= 1
            if cut == 1 and unicodedata.combining(window[1]):
                # Marks all the way back: no letter to keep them with. Cut the run at the
                # full length, or each cut would take one character (1M marks: 1M segments,
                # each after a walk of max_length).
                cut = max_length
    end = start + len(window[:cut].rstrip())
    following = NON_SPACE.search(text, start + cut)
    assert following is not None  # the segment ends with a non-space character
    return end, following.start()
