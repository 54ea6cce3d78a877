"""What the toolkit knows about written Vietnamese, defined once: the letters only Vietnamese
writes, the accented letters it shares with other languages, and the shape of a syllable.

Used by language identification (translate.langid), legacy-font detection (translate.legacyfont)
and the checks (translate.qa).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Regex class bodies: letters only Vietnamese writes among Latin-script languages (đ ơ ư ă ĩ ũ
# and the tone-marked vowels of the Latin Extended Additional block such as ạ ế ỹ), and the
# accented letters it shares with French, Portuguese and others (not evidence on their own).
VIETNAMESE_ONLY_LETTERS = "đĐơƠưƯăĂĩĨũŨ\u1ea0-\u1ef9"
SHARED_ACCENTED_LETTERS = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
_VIETNAMESE_ONLY = re.compile(f"[{VIETNAMESE_ONLY_LETTERS}]")

ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
TONES = frozenset((ACUTE, GRAVE, HOOK, TILDE, DOT))


def has_vietnamese_only_letter(text: str) -> bool:
    return _VIETNAMESE_ONLY.search(text) is not None


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


# A syllable without its tone mark: onset, then one of the language's rhymes.
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_OPEN_RHYMES = _words(
    "a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uy ưa ưi ưu "
    "ươi ươu uôi uya oai oay oeo uây uyu iêu yêu uơ"
)
_CLOSED_NUCLEI = _words("a ă â e ê i o ô ơ u ư iê yê uô ươ oa oă oe uâ uyê uy oo")
_PALATAL_NUCLEI = ("a", "ê", "i", "oa", "uê", "uy")  # the only ones before -ch and -nh
_STOP_CODAS = ("c", "ch", "p", "t")  # after these only the acute or dot-below tone


def _alternatives(options: list[str]) -> str:
    # Longest first, so that the regex prefers `ng` over `n` and `ươi` over `ư`.
    return "|".join(sorted(options, key=len, reverse=True))


_TONELESS_SYLLABLE = re.compile(
    _ONSET
    + "(?:"
    + _alternatives(
        [*_OPEN_RHYMES]
        + [n + c for n in _CLOSED_NUCLEI for c in ("c", "m", "n", "ng", "p", "t")]
        + [n + c for n in _PALATAL_NUCLEI for c in ("ch", "nh")]
    )
    + ")"
)


# Code points enough for any syllable, decomposed tones included (`nghiêng` has 7 letters): a
# longer word is none, and callers that look for one need read no further.
LONGEST_SYLLABLE = 16


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` (any case) is a well-formed Vietnamese syllable: one tone at most,
    an onset and a rhyme of the language, and a stop coda only with the acute or dot tone."""
    if len(word) > LONGEST_SYLLABLE:
        return False  # (before any per-character work: callers may hold a long glued run)
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [char for char in decomposed if char in TONES]
    if len(tones) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    if _TONELESS_SYLLABLE.fullmatch(toneless) is None:
        return False
    return not (toneless.endswith(_STOP_CODAS) and tones and tones[0] not in (ACUTE, DOT))


# The same shapes with every mark dropped (`tieng`, `nguoi`, `khuon`: text typed without
# diacritics, which the accented shapes reject: `ie` is written `iê`).
_BARE_LETTERS = str.maketrans("ăâêôơưđ", "aaeooud")
_BARE_SYLLABLE = re.compile(_TONELESS_SYLLABLE.pattern.translate(_BARE_LETTERS))


def is_unaccented_syllable(word: str) -> bool:
    """True when ``word`` is letters a to z (any case) that some Vietnamese syllable is
    written with once its marks are dropped (`tieng` for `tiếng`, `duoc` for `được`)."""
    return (
        len(word) <= LONGEST_SYLLABLE
        and word.isascii()
        and _BARE_SYLLABLE.fullmatch(word.lower()) is not None
    )
