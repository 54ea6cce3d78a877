"""Pure text rules on one msgid/msgstr pair: brackets and quotes, looping output, length,
language of the msgstr."""

from __future__ import annotations

import re
from collections.abc import Callable

from translate.document import NO_LANGUAGE
from translate.vietnamese import has_vietnamese_only_letter


def _word_list(words: str) -> list[str]:
    return words.split()


# ---------------------------------------------------------------------------------------------
# Brackets and quotes

_PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}


def bracket_problems(text: str) -> dict[str, str]:
    """Unbalanced brackets and quotes, keyed by pair (`()`, `“”`, `"` …) → description."""
    problems: dict[str, str] = {}
    stack: list[str] = []
    for char in text:
        if char in _PAIRS:
            stack.append(char)
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            if stack and stack[-1] == opener:
                stack.pop()
            elif opener in stack:
                # Close the inner ones that were left open, then this pair.
                while stack and stack[-1] != opener:
                    inner = stack.pop()
                    problems.setdefault(inner + _PAIRS[inner], f"'{inner}' is not closed")
                stack.pop()
            else:
                problems.setdefault(opener + char, f"'{char}' has no opening '{opener}'")
    for opener in stack:
        problems.setdefault(opener + _PAIRS[opener], f"'{opener}' is not closed")
    if text.count('"') % 2:
        problems['"'] = "odd number of '\"'"
    # ’ doubles as the apostrophe, so only an opening ‘ without any ’ after it is a problem.
    if text.count("‘") > text.count("’"):
        problems["‘’"] = "'‘' is not closed"
    return problems


# English and Vietnamese typography use different quote marks (`“…”` may become `"…"`), so an
# open quote in the msgid (a quotation that spans segments) excuses any quote in the msgstr.
_QUOTE_PAIRS = frozenset({"“”", "«»", '"', "‘’"})


def _family(pair: str) -> str:
    return "quotes" if pair in _QUOTE_PAIRS else pair


def new_bracket_problems(msgid: str, msgstr: str) -> list[str]:
    """Bracket/quote problems of the msgstr whose kind is balanced in the msgid."""
    source = {_family(pair) for pair in bracket_problems(msgid)}
    return [
        message for pair, message in bracket_problems(msgstr).items() if _family(pair) not in source
    ]


# ---------------------------------------------------------------------------------------------
# Length and language

# Calibrated on 1,012 FLORES-200 vi–en reference pairs (msgid ≥ 30 characters): the English
# reference is 0.53–1.85× the Vietnamese length. Outside 0.5–2.0 a sentence was probably dropped,
# repeated or cut.
MIN_RATIO = 0.5
MAX_RATIO = 2.0
MIN_RATIO_LENGTH = 30


_TOKEN = re.compile(r"[^\W_]+")
MIN_REPEATS = 3
MAX_REPEATED_WORDS = 6
# On space-joined lowercase tokens: a phrase of 1–6 tokens, then the same phrase twice more.
# Shorter phrases are tried first at each position, so `the the the` reports `the`.
_REPEATED_RUN = re.compile(
    rf"(?<!\S)(\S+(?: \S+){{0,{MAX_REPEATED_WORDS - 1}}}?)(?: \1){{{MIN_REPEATS - 1}}}(?!\S)"
)


def repeated_run(text: str) -> str | None:
    """The first word or phrase (up to six words) said three or more times in a row.

    Neural MT that loses its way loops (`the the the`, `of the city of the city of the city`);
    such runs are rare in real prose.
    """
    tokens = " ".join(token.lower() for token in _TOKEN.findall(text))
    match = _REPEATED_RUN.search(tokens)
    return match.group(1) if match else None


def new_repetition(msgid: str, msgstr: str) -> str | None:
    """A repeated run in the msgstr when the msgid has none (`Không, không, không` may)."""
    if repeated_run(msgid) is not None:
        return None
    return repeated_run(msgstr)


def length_ratio_outlier(
    msgid: str,
    msgstr: str,
    *,
    band: tuple[float, float] = (MIN_RATIO, MAX_RATIO),
    min_length: int = MIN_RATIO_LENGTH,
) -> float | None:
    """The msgstr/msgid character ratio when it is outside ``band``; None if fine or too short."""
    source_length = len(msgid.strip())
    if source_length < min_length:
        return None
    ratio = len(msgstr.strip()) / source_length
    return ratio if not band[0] <= ratio <= band[1] else None


_LETTER_WORD = re.compile(r"[^\W\d_]+")
# Frequent English function words: a msgstr made of them is English without asking langdetect.
_ENGLISH_FUNCTION_WORDS = frozenset(
    _word_list(
        "the of and to in a is that for on with as was by at from it an be are this which or has "
        "have will not but its their his her they were been also more than into about after said "
        "who would can these all other new there up out such our we you"
    )
)


def _is_ordinary_word(word: str) -> bool:
    """Lowercase or ALL CAPS: not a capitalised name."""
    return word[0].islower() or (len(word) > 1 and word.isupper())


def vietnamese_word_share(text: str) -> tuple[int, float]:
    """Ordinary words carrying Vietnamese letters: (count, share of ordinary words).

    Ordinary = lowercase or ALL CAPS. Capitalised words are left out: English translations
    keep Vietnamese names with their diacritics (`Thừa Thiên Huế`), which says nothing about
    the rest of the sentence.
    """
    ordinary = [word.lower() for word in _LETTER_WORD.findall(text) if _is_ordinary_word(word)]
    if not ordinary:
        return 0, 0.0
    marked = sum(1 for word in ordinary if has_vietnamese_only_letter(word))
    return marked, marked / len(ordinary)


def english_function_word_share(text: str) -> float:
    words = [word.lower() for word in _LETTER_WORD.findall(text)]
    if not words:
        return 0.0
    return sum(1 for word in words if word in _ENGLISH_FUNCTION_WORDS) / len(words)


MIN_LANGDETECT_WORDS = 6


def non_english_language(msgstr: str, detect: Callable[[str], str] | None = None) -> str | None:
    """The language code of a msgstr that is not English, or None when it is (or can't tell).

    Vietnamese is recognised by its letters in ordinary (lowercase) words; other languages by
    langdetect (through translate.langid), asked only for text of six or more lowercase words
    (capitalised ones are mostly names) that is not already plainly English by its function
    words, since it guesses wildly on short strings and on lists of names.
    """
    marked, share = vietnamese_word_share(msgstr)
    if marked >= 2 and share >= 0.2:
        return "vi"
    lowercase_words = [word for word in _LETTER_WORD.findall(msgstr) if word[0].islower()]
    if len(lowercase_words) < MIN_LANGDETECT_WORDS:
        return None
    if english_function_word_share(msgstr) >= 0.15:
        return None
    if detect is None:
        from translate.langid import detect_language

        detect = detect_language
    language = detect(msgstr)
    # A "vi" verdict that the word rule above did not confirm comes from names with diacritics.
    if language in ("en", "vi", NO_LANGUAGE):
        return None
    return language


def is_vietnamese_sentence(text: str, detect: Callable[[str], str] | None = None) -> bool:
    """Vietnamese by translate.langid, with at least one ordinary (lowercase) word.

    A msgid made only of capitalised words is a name (`Nguyễn Xuân Sơn`), which an English
    msgstr rightly copies; ALL-CAPS headings (`TIN MỚI`) are ordinary words.
    """
    if not any(_is_ordinary_word(word) for word in _LETTER_WORD.findall(text)):
        return False
    if detect is None:
        from translate.langid import detect_language

        detect = detect_language
    return detect(text) == "vi"
