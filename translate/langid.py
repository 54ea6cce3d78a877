"""Language of one segment: Vietnamese, another language, or none.

Fast paths first, because a document has many thousands of segments and langdetect costs a
few milliseconds per call:

1. no letters at all (numbers, dates, punctuation) → :data:`NO_LANGUAGE` (langdetect would
   raise on these);
2. a letter that only Vietnamese writes (``đ ơ ư ă``, ``ĩ ũ`` and the tone-marked vowels of
   the Latin Extended Additional block such as ``ạ ế ỹ``) → ``"vi"``;
3. letters shared with other languages (``â ê ô à é ã``…) → ``"vi"`` when the words carrying
   them, and most words overall, are well-formed Vietnamese syllables (``Cà phê`` is
   Vietnamese, ``Le château est à côté`` is not);
4. otherwise langdetect with a fixed seed (deterministic), cached.

langdetect is imported on first use only, so the CLI's ``--help`` never loads its profiles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from translate.document import NO_LANGUAGE

VIETNAMESE = "vi"

_ANY_LETTER = re.compile(r"[^\W\d_]")
# Regex class bodies: letters only Vietnamese writes, and accented letters it shares with
# French, Portuguese and others.
VIETNAMESE_ONLY_LETTERS = "đĐơƠưƯăĂĩĨũŨ\u1ea0-\u1ef9"
SHARED_ACCENTED_LETTERS = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
_STRONG_VIETNAMESE = re.compile(f"[{VIETNAMESE_ONLY_LETTERS}]")
_WEAK_VIETNAMESE = re.compile(f"[{SHARED_ACCENTED_LETTERS}]")
_WORD = re.compile(r"[^\W\d_]+")

# Share of words that must be Vietnamese syllables before shared accents count as Vietnamese.
_SYLLABLE_SHARE = 0.6


def _vowel_class() -> str:
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    vowels = {
        unicodedata.normalize("NFC", base + tone)
        for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
        for tone in tones
    }
    return "".join(sorted(vowels))


# One Vietnamese syllable: optional onset, one to three vowels, optional final consonant.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    rf"[{_vowel_class()}]{{1,3}}"
    r"(?:ch|ng|nh|[cmnpt])?"
)


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` (any case) has the shape of one Vietnamese syllable."""
    return _SYLLABLE.fullmatch(word.lower()) is not None


def _looks_vietnamese(text: str) -> bool:
    words = _WORD.findall(text)
    if not words:
        return False
    valid = [is_vietnamese_syllable(word) for word in words]
    accented_ok = all(
        ok for word, ok in zip(words, valid, strict=True) if _WEAK_VIETNAMESE.search(word)
    )
    return accented_ok and sum(valid) >= _SYLLABLE_SHARE * len(words)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` ("vi", "en", …) or NO_LANGUAGE; the same answer every run."""
    if _ANY_LETTER.search(text) is None:
        return NO_LANGUAGE
    if _STRONG_VIETNAMESE.search(text) is not None:
        return VIETNAMESE
    if _WEAK_VIETNAMESE.search(text) is not None and _looks_vietnamese(text):
        return VIETNAMESE
    return _langdetect(" ".join(text.split()))


@lru_cache(maxsize=16384)
def _langdetect(text: str) -> str:
    import langdetect
    from langdetect.lang_detect_exception import LangDetectException

    langdetect.DetectorFactory.seed = 0
    try:
        code: str = langdetect.detect(text)
    except LangDetectException:
        return NO_LANGUAGE
    # langdetect's only region-tagged codes are zh-cn and zh-tw; callers want ISO 639-1.
    return code.split("-", 1)[0]
