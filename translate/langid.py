"""Language of one segment: Vietnamese, another language, or none.

Fast paths first, because a document has many thousands of segments and langdetect costs a
few milliseconds per call:

1. no letters at all (numbers, dates, punctuation) → :data:`NO_LANGUAGE` (langdetect would
   raise on these);
2. a letter that only Vietnamese writes (``đ ơ ư ă``, ``ĩ ũ`` and the tone-marked vowels of
   the Latin Extended Additional block such as ``ạ ế ỹ``) → ``"vi"``;
3. letters shared with other languages (``â ê ô à é ã``…) → ``"vi"`` when the words carrying
   them, and most words overall (or one of them is a function word such as ``gì``, ``và``),
   are well-formed Vietnamese syllables (``Cà phê`` and ``Social Object là gì?`` are
   Vietnamese, ``Le château est à côté`` is not);
4. a script that names its language: Han without kana → ``zh``, kana → ``ja``, Hangul →
   ``ko``, Thai, Lao, Khmer;
5. the words left once acronyms, codes, numbers-with-letters and addresses are set aside
   (``UBND``, ``vn1``, ``www.wikipedia.org``, ````html``): none → :data:`NO_LANGUAGE`;
   only capitalised words, three at most → :data:`NO_LANGUAGE` (a name alone: ``Wikipedia``,
   ``WASHINGTON``, ``Liverpool FC``); all of them Vietnamese syllable shapes (text typed
   without diacritics) → ``"vi"``;
6. otherwise langdetect with a fixed seed (deterministic), cached. It guesses wildly on a
   few words, so a segment of fewer than four words keeps its verdict only when it is
   English (``Return to top``); anything else is :data:`NO_LANGUAGE`, never a random ``ro``
   or ``cy``.

langdetect is imported on first use only, so the CLI's ``--help`` never loads its profiles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from translate.document import NO_LANGUAGE
from translate.vietnamese import (
    SHARED_ACCENTED_LETTERS,
    has_vietnamese_only_letter,
    is_vietnamese_syllable,
)

VIETNAMESE = "vi"

_ANY_LETTER = re.compile(r"[^\W\d_]")
_WEAK_VIETNAMESE = re.compile(f"[{SHARED_ACCENTED_LETTERS}]")
_WORD = re.compile(r"[^\W\d_]+")

# Share of words that must be Vietnamese syllables before shared accents count as Vietnamese.
_SYLLABLE_SHARE = 0.6
# Accented Vietnamese function words that no language sharing these accents writes alone
# (not `là`, which French and Italian write): one of them makes a mixed segment Vietnamese,
# whatever the share of foreign words (`Social Object là gì?`, `API và SDK`).
_FUNCTION_WORDS = frozenset(
    ("gì", "và", "có", "các", "này", "không", "tôi", "rồi", "nào", "thì", "trên", "nên", "cũng")
)


def _looks_vietnamese(text: str) -> bool:
    words = _WORD.findall(text)
    if not words:
        return False
    valid = [is_vietnamese_syllable(word) for word in words]
    accented_ok = all(
        ok for word, ok in zip(words, valid, strict=True) if _WEAK_VIETNAMESE.search(word)
    )
    if not accented_ok:
        return False
    if sum(valid) >= _SYLLABLE_SHARE * len(words):
        return True
    return any(word.lower() in _FUNCTION_WORDS for word in words)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` ("vi", "en", …) or NO_LANGUAGE; the same answer every run.

    Decomposed text (NFD: a page kept as written for its export) is judged as its NFC form,
    so ``và`` typed as ``a`` + a combining grave is Vietnamese as the catalogue shows it."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # (the Vietnamese-only letters first: they are letters, so the answer is the same, and
    # most segments have one, which spares them the search for any letter)
    if has_vietnamese_only_letter(text):
        return VIETNAMESE
    if _ANY_LETTER.search(text) is None:
        return NO_LANGUAGE
    if _WEAK_VIETNAMESE.search(text) is not None and _looks_vietnamese(text):
        return VIETNAMESE
    script = _script_language(text)
    if script is not None:
        return script
    words = _content_words(text)
    if not words or (len(words) <= _LONGEST_NAME and all(w[0].isupper() for w in words)):
        return NO_LANGUAGE
    if len(words) >= 2 and all(is_vietnamese_syllable(word) for word in words):
        return VIETNAMESE
    language = _langdetect(" ".join(text.split()))
    if len(words) < _FEWEST_WORDS_TO_GUESS and language not in _SHORT_TEXT_LANGUAGES:
        return NO_LANGUAGE
    return language


_LONGEST_NAME = 3  # capitalised words
_FEWEST_WORDS_TO_GUESS = 4
_SHORT_TEXT_LANGUAGES = frozenset({"en"})
_TOKEN = re.compile(r"\S+")
_ADDRESS_OR_CODE = re.compile(r"[@/\\`<>{}=]|www\.|\.[a-z]{2,4}\Z|://")
_SCRIPTS = (
    (re.compile("[\u3040-\u30ff]"), "ja"),
    (re.compile("[\uac00-\ud7af\u1100-\u11ff]"), "ko"),
    (re.compile("[\u4e00-\u9fff\u3400-\u4dbf]"), "zh"),
    (re.compile("[\u0e00-\u0e7f]"), "th"),
    (re.compile("[\u0e80-\u0eff]"), "lo"),
    (re.compile("[\u1780-\u17ff]"), "km"),
)


def _script_language(text: str) -> str | None:
    for pattern, language in _SCRIPTS:
        if pattern.search(text) is not None:
            return language
    return None


def _content_words(text: str) -> list[str]:
    """The words a translator would translate: letters only, not acronyms (`UBND`), not
    inside addresses or code (`www.wikipedia.org`, ````html``), not mixed with digits."""
    words = []
    for token in _TOKEN.findall(text):
        if _ADDRESS_OR_CODE.search(token) is not None or any(c.isdigit() for c in token):
            continue
        words += [w for w in _WORD.findall(token) if not (len(w) > 1 and w.isupper())]
    return words


@lru_cache(maxsize=1)
def _load_langdetect() -> None:
    """Import langdetect and load all its profiles, with Ctrl-C held until they are loaded.

    Its profile loader turns any exception, KeyboardInterrupt included, into a "format
    error" and keeps the half-loaded profiles for the rest of the process: an interrupted
    load would go on with wrong answers and exit 0. Held, the Ctrl-C is raised right after.
    """
    from translate.interrupts import deferred_interrupts

    with deferred_interrupts():
        from langdetect import detector_factory

        detector_factory.init_factory()


@lru_cache(maxsize=16384)
def _langdetect(text: str) -> str:
    _load_langdetect()
    import langdetect
    from langdetect.lang_detect_exception import LangDetectException

    langdetect.DetectorFactory.seed = 0
    try:
        code: str = langdetect.detect(text)
    except LangDetectException:
        return NO_LANGUAGE
    # langdetect's only region-tagged codes are zh-cn and zh-tw; callers want ISO 639-1.
    return code.split("-", 1)[0]
