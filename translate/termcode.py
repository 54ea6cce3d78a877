"""A one-byte-per-character code for the term matcher's search (translate.termmatch).

    code = OneByteCode.for_needles(needles)     # None: the needles use too many characters
    data = code.encode(text)                    # None: too much of the text is outside it

In UTF-8 a Vietnamese letter with a diacritic takes two or three bytes and almost all of
them start with 0xE1, as do terms such as ``Ủy``: the Aho-Corasick search of a run's text
leaves its start state at nearly every accented letter, and each match's character offset
needs the continuation bytes before it counted. In this code every character is one byte
(a byte offset is a character offset) and the search is 2-3 times faster. The code holds
every character of the needles, then the most frequent characters of Vietnamese text
(ASCII, the 134 Vietnamese letters, common punctuation) while bytes last. A character
outside it becomes ``WORD`` (a letter or digit) or ``OTHER`` (anything else): no needle
holds those two bytes, so a match in the encoded text is exactly a match in the text, and
the byte before or after a match still tells whether a word goes on there.

Encoding is the C charmap codec; a run of characters outside the code costs one call of
a Python error handler, so a text with many of them (another script) is given up on
(``encode`` returns None) and the caller searches its UTF-8 instead.

``encode_nfc`` also tells whether the text is known to be in NFC, which the search's own pass
decides without a second one (``unicodedata.is_normalized`` over a run's text costs two thirds
of encoding it): a character is *inert* when NFC changes it in no context (it composes with
nothing before it, has no decomposition NFC undoes, combining class 0), and a text of inert
characters only is in NFC (the quick check of UAX #15 answers YES). The code's characters are
inert (ASCII, the Vietnamese letters, common punctuation; otherwise ``normal`` is false), so
only the characters outside it are looked at, by the error handler.
"""

from __future__ import annotations

import codecs
import functools
import unicodedata
from collections.abc import Iterable
from typing import Any, ClassVar

SEPARATOR = 0  # the byte of "\x00", which separates the texts of one search
WORD = 1  # a letter or digit outside the code
OTHER = 2  # any other character outside the code
_UNDEFINED = "\ufffe"  # a byte no character encodes to (codecs.charmap_build skips it)
_FIRST_FREE = 3
_ERRORS = "translate.termcode"
# How many runs of characters outside the code a text may have (one Python call each).
_RUNS_ALLOWED = 1_000
_RUNS_PER_CHARACTER = 1 / 200

_ASCII = "\t\n\x0b\x0c\r" + "".join(map(chr, range(0x20, 0x7F)))
_VOWELS = "aăâeêioôơuưy"
_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_LOWER = "".join(unicodedata.normalize("NFC", v + m) for v in _VOWELS for m in _MARKS) + "đ"
_VIETNAMESE = "".join(dict.fromkeys(c for c in _LOWER + _LOWER.upper() if not c.isascii()))
_PUNCTUATION = "“”‘’–—…«»•·°€×\xa0"
# In order of use in Vietnamese text: what takes the bytes left after the needles' characters.
_COMMON = _ASCII + _VIETNAMESE + _PUNCTUATION
_BASE = _COMMON[: len(_ASCII) + len(_VIETNAMESE) + 7]  # in every code unless needles crowd it
_BASE_MAP: Any = codecs.charmap_build(("\x00" + _BASE).ljust(256, "\ufffe"))
_GATHER = "translate.termcode.gather"


# Characters of combining class 0 that compose with the character before them (NFC quick
# check MAYBE): vowel signs of Indic scripts and Myanmar, Balinese, Chakma, Grantha, Tirhuta,
# Siddham, Dives Akuru, and the Hangul medial vowels and final consonants
# (tests/test_termcode.py derives the list from unicodedata).
COMPOSING_STARTERS = frozenset(
    [
        *map(chr, (0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5)),
        *map(chr, (0x0CD6, 0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x102E, 0x1B35, 0x11127, 0x1133E)),
        *map(chr, (0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930)),
        *map(chr, range(0x1161, 0x1176)),
        *map(chr, range(0x11A8, 0x11C3)),
    ]
)


@functools.lru_cache(maxsize=4096)
def inert(char: str) -> bool:
    """Whether NFC leaves ``char`` as it is whatever surrounds it (see the module doc)."""
    return (
        unicodedata.combining(char) == 0
        and char not in COMPOSING_STARTERS
        and unicodedata.normalize("NFC", char) == char
    )


class _TooManyOutside(Exception):
    """Raised by the error handler when a text has more runs outside the code than allowed."""


class _Budget:
    """Runs of characters outside the code still allowed in the text being encoded, and
    whether those seen so far were all inert."""

    left = 0
    inert = True


def _outside(error: UnicodeError) -> tuple[bytes, int]:
    """The charmap codec's error handler: WORD or OTHER for each character outside the code."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    _Budget.left -= 1
    if _Budget.left < 0:
        raise _TooManyOutside
    run = error.object[error.start : error.end]
    if _Budget.inert:
        _Budget.inert = all(map(inert, run))
    return bytes(WORD if char.isalnum() else OTHER for char in run), error.end


codecs.register_error(_ERRORS, _outside)


class _Gathered:
    """The characters outside ``_BASE`` that ``_gather`` has seen."""

    chars: ClassVar[set[str]] = set()


def _gather(error: UnicodeError) -> tuple[bytes, int]:
    """An error handler that notes the characters outside the code."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    _Gathered.chars.update(error.object[error.start : error.end])
    return b"\x01" * (error.end - error.start), error.end


codecs.register_error(_GATHER, _gather)


def _characters(text: str) -> tuple[set[str], bool]:
    """The characters of ``text`` outside ``_BASE``, found by the C codec (a set of all of
    them walks every character in Python), and whether they fit beside it in one code."""
    _Gathered.chars = set()
    codecs.charmap_encode(text, _GATHER, _BASE_MAP)
    outside = _Gathered.chars - {"\x00"}
    return outside, len(outside) + len(_BASE) <= 256 - _FIRST_FREE


class OneByteCode:
    """The code for one set of needles (see the module doc)."""

    def __init__(self, table: str) -> None:
        """``table``: the character of each byte (256 of them; ``_UNDEFINED`` for none)."""
        self.table = table
        self._map: Any = codecs.charmap_build(table)
        self.size = sum(char != _UNDEFINED for char in table)
        # Every character of the code inert: a text encoded with no others is in NFC.
        self.normal = all(map(inert, table.replace(_UNDEFINED, "")))

    @classmethod
    def for_needles(cls, needles: Iterable[str]) -> OneByteCode | None:
        """The code holding every character of the needles (None when they hold more
        characters than one byte can number) and as many common ones as fit."""
        joined = "".join(needles)
        outside, fits = _characters(joined)
        # Usually: the common characters, then the needles' others (else all of theirs first).
        chars = sorted(outside) if fits else sorted(set(joined) - {"\x00"})
        required = dict.fromkeys([*_BASE, *chars] if fits else chars)
        room = 256 - _FIRST_FREE
        # Beyond the BMP the codec looks characters up in a dict: no faster than UTF-8.
        if len(required) > room or any(ord(char) > 0xFFFF for char in required):
            return None
        chars = list(required)
        for char in _COMMON:
            if len(chars) == room:
                break
            if char not in required:
                chars.append(char)
        table = "\x00" + _UNDEFINED * (_FIRST_FREE - 1) + "".join(chars)
        return cls(table + _UNDEFINED * (256 - len(table)))

    def encode(self, text: str) -> bytes | None:
        """The text in this code, or None when too many of its characters are outside it."""
        _Budget.left = _RUNS_ALLOWED + int(len(text) * _RUNS_PER_CHARACTER)
        try:
            data: bytes = codecs.charmap_encode(text, _ERRORS, self._map)[0]
        except _TooManyOutside:
            return None
        return data

    def encode_nfc(self, text: str) -> tuple[bytes | None, bool]:
        """``encode``, and whether the text is known to be in NFC (false: it may be)."""
        _Budget.inert = self.normal
        data = self.encode(text)
        return data, data is not None and _Budget.inert

    def classes(self, joiners: Iterable[str]) -> bytes:
        """Per byte: 0 where a word ends (space, punctuation), 1 for a letter or digit, 2 for
        one of ``joiners`` (whether it continues a word depends on the character beyond)."""
        joining = frozenset(joiners)
        return bytes(
            1 if byte == WORD else 2 if char in joining else int(char.isalnum())
            for byte, char in enumerate(self.table)
        )
