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
6. a line of code (an operator standing alone, a closing brace or ``);``, a shell command
   such as ``sudo apt-get update``) → :data:`NO_LANGUAGE`;
7. otherwise langdetect with a fixed seed (deterministic), cached. Its answer is corrected
   where it is known to be wrong: "English" holding a lowercase Vietnamese syllable with a
   shared accent (``Push nhánh lên GitHub``) → ``"vi"``; another language when most words are
   Vietnamese syllables typed without their marks (``luyen thuat toan``, which it calls
   ``fi`` or ``lv``) → ``"vi"``. It guesses wildly on a few words, on names alone and on a
   lost font's leftovers (``Kh ng ngh i``), so those keep its verdict only when it is
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
    is_unaccented_syllable,
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
    if _CODE_LINE.search(text) is not None or _shell_command(text):
        return NO_LANGUAGE  # `for (var i = 0; …) {`, `sudo apt-get update`: nothing to translate
    language = _langdetect(" ".join(text.split()))
    if language == "en" and _vietnamese_among_english(text):
        return VIETNAMESE  # `4. Push nhánh lên GitHub: …`: Vietnamese around English terms
    if language not in _SHORT_TEXT_LANGUAGES and _typed_without_marks(words):
        return VIETNAMESE  # `khuon mat quang ngai sach ebook`: langdetect's guess is noise
    if language not in _SHORT_TEXT_LANGUAGES and (
        len(words) < _FEWEST_WORDS_TO_GUESS
        or all(word[0].isupper() for word in words)  # names alone: `Telex, Telex W, VNI`
        or sum(map(len, words)) < _SHORTEST_MEAN_WORD * len(words)  # `Kh a h v C ng ngh i`
    ):
        return NO_LANGUAGE
    return language


# A line of code: an operator standing alone, a block's brace at the end, a call closed by
# `;` (with a comment after it).
_CODE_LINE = re.compile(
    r"(?:^|\s)(?:[=!<>]=|=>?|\+\+|&&|\|\|)(?:\s|\Z)|[{}]\s*\Z|\)\s*;\s*(?://.*)?\Z"
)
_SHELL_COMMANDS = frozenset(
    (
        *("sudo", "git", "npm", "npx", "pip", "pip3", "cd", "curl", "wget", "apt", "apt-get"),
        *("yarn", "docker", "python", "python3", "node", "mkdir", "chmod", "export", "cargo"),
        *("brew", "conda", "ssh", "kubectl", "pnpm", "composer", "php", "dotnet"),
    )
)
_SENTENCE_END = (".", "!", "?", "…", ":")


def _shell_command(text: str) -> bool:
    """A shell command line: a known command, lowercase, then its arguments, no sentence."""
    head, _, rest = text.strip().partition(" ")
    return head in _SHELL_COMMANDS and bool(rest) and not rest.rstrip().endswith(_SENTENCE_END)


_SHORTEST_MARKED_WORD = 2  # letters: `à`, `é` alone are French and Italian words too


def _vietnamese_among_english(text: str) -> bool:
    """Does a text langdetect calls English hold a lowercase Vietnamese syllable with a
    shared accent (`nhánh`, `sách`), and no accented word that is no syllable (`café`)?
    English writes no such accents; a capitalised one may be a name in English prose."""
    marked = [word for word in _WORD.findall(text) if _WEAK_VIETNAMESE.search(word)]
    return all(is_vietnamese_syllable(word) for word in marked) and any(
        word.islower() and len(word) >= _SHORTEST_MARKED_WORD for word in marked
    )


_BARE_SHARE = 0.75


def _typed_without_marks(words: list[str]) -> bool:
    """Are most of the words Vietnamese syllables without their marks (`tieng`, `thuat`)?
    Other languages written in these letters have longer words (`makan`, `bahasa`)."""
    bare = sum(1 for word in words if is_unaccented_syllable(word))
    return bare >= 2 and bare >= _BARE_SHARE * len(words)


_LONGEST_NAME = 3  # capitalised words
_SHORTEST_MEAN_WORD = 2.5  # letters: shorter, the words are a font's leftovers, not a language
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
