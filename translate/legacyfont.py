"""Legacy Vietnamese encodings: text typed with pre-Unicode fonts (TCVN3, VNI) recognised so
that it is refused with a pointer to a converter instead of being translated as mojibake."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from translate.vietnamese import ACUTE, DOT, GRAVE, HOOK, TILDE, is_vietnamese_syllable

# Before Unicode, Vietnamese was typed with 8-bit fonts: TCVN3 (the ".Vn" fonts of the ABC
# input system) gives each accented letter its own byte; VNI writes a base letter followed
# by bytes for its marks. Shown through a Western code page (cp1252), such text turns into
# `Thõa thuËn` (TCVN3) or `chaøo caùc baïn` (VNI). The detector reinterprets the text under
# each font's byte map and counts words that become well-formed Vietnamese syllables.

# TCVN3 byte values, as cp1252 renders them, and the letter each stands for.
_TCVN3 = dict(
    zip(
        "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\xadøõö÷ùýúûüþ¡¢£¤¥¦§",
        "áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵĂÂÊÔƠƯĐ",
        strict=True,
    )
)

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = ACUTE, GRAVE, HOOK, TILDE, DOT
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

# VNI mark bytes (as cp1252 renders them) that follow a vowel, as combining marks.
_VNI_MARKS_LOWER = {
    "ù": _ACUTE,
    "ø": _GRAVE,
    "û": _HOOK,
    "õ": _TILDE,
    "ï": _DOT,
    "â": _CIRCUMFLEX,
    "ê": _BREVE,
    "á": _CIRCUMFLEX + _ACUTE,
    "à": _CIRCUMFLEX + _GRAVE,
    "å": _CIRCUMFLEX + _HOOK,
    "ã": _CIRCUMFLEX + _TILDE,
    "ä": _CIRCUMFLEX + _DOT,
    "é": _BREVE + _ACUTE,
    "è": _BREVE + _GRAVE,
    "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE,
    "ë": _BREVE + _DOT,
}
_VNI_MARKS = {**_VNI_MARKS_LOWER, **{k.upper(): v for k, v in _VNI_MARKS_LOWER.items()}}
# VNI bytes that are letters of their own.
_VNI_LETTERS_LOWER = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}
_VNI_LETTERS = {
    **_VNI_LETTERS_LOWER,
    **{k.upper(): v.upper() for k, v in _VNI_LETTERS_LOWER.items()},
}
_VOWELS = frozenset("aăâeêioôơuưy")


_EDGE_PUNCTUATION = "\"'()[]{}<>,.;:!?/-–—“”‘’…*#"  # not ¡¢£¤¥¦§«»: letters in TCVN3

_LEGACY_NAMES = {
    "TCVN3": "the TCVN3 (ABC, .Vn fonts) encoding",
    "VNI": "the VNI encoding",
}


def _from_tcvn3(word: str) -> str:
    return "".join(_TCVN3.get(char, char) for char in word)


def _from_vni(word: str) -> str:
    out: list[str] = []
    for char in word:
        mark = _VNI_MARKS.get(char)
        previous = unicodedata.normalize("NFD", out[-1])[0].lower() if out else ""
        if mark is not None and previous in "aeiouyơư" and previous:
            out[-1] = unicodedata.normalize("NFC", out[-1] + mark)
        else:
            out.append(_VNI_LETTERS.get(char, char))
    return "".join(out)


_CONVERTERS: dict[str, Callable[[str], str]] = {"TCVN3": _from_tcvn3, "VNI": _from_vni}


_TOKEN = re.compile(r"\S+")


def _candidate_words(text: str, limit: int = 4000) -> list[str]:
    """Non-ASCII words containing a Latin letter, from the start of the text.

    A few thousand words decide reliably (a legacy-font document is legacy throughout), and
    stopping there keeps reading a 10 MB source fast.
    """
    words: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group().strip(_EDGE_PUNCTUATION)
        if word and not word.isascii() and any(c.isascii() and c.isalpha() for c in word):
            words.append(word)
            if len(words) >= limit:
                break
    return words


def legacy_font_encoding(text: str) -> str | None:
    """Name the legacy font encoding ("TCVN3" or "VNI") that ``text`` was typed in, if any.

    ``text`` is what a legacy-font document looks like once read as UTF-8 or a Western code
    page. Conservative: it answers only when most non-ASCII words are well-formed Vietnamese
    syllables under that font's byte map, and at least 30% more than as they stand (some
    mojibake, like `Thõa`, happens to look like a real syllable), or when 30% of them have
    one of TCVN3's symbol-looking letters glued to a letter (`Hu¾`).
    """
    words = _candidate_words(text)
    if not words:
        return None
    as_is = sum(is_vietnamese_syllable(word) for word in words)
    # Conversion must turn most words into Vietnamese and repair a good share of them: when
    # fewer than 30% are not Vietnamese as they stand (any Unicode document), none can.
    if (len(words) - as_is) * 10 >= len(words) * 3:
        best: tuple[int, str] | None = None
        for name, convert in _CONVERTERS.items():
            converted = sum(is_vietnamese_syllable(convert(word)) for word in words)
            if best is None or converted > best[0]:
                best = (converted, name)
        assert best is not None
        converted, name = best
        if converted * 10 >= len(words) * 6 and (converted - as_is) * 10 >= len(words) * 3:
            return name
    # Symbols glued to letters (`Hu¾`, `c«ng`, `n¨m`) are TCVN3 letters, not punctuation.
    glued = sum(_has_glued_tcvn3_symbol(word) for word in words)
    if glued * 10 >= len(words) * 3:
        return "TCVN3"
    return None


# TCVN3 bytes that cp1252 shows as symbols, not letters. `«`, `»`, `©` and `®` count only
# inside a word: at its edge they are ordinary quotes and marks. The middle dot joins letters
# in real words (Catalan `col·lecció`), so it is no evidence.
_TCVN3_SYMBOLS = frozenset(
    c for c in _TCVN3 if not unicodedata.category(c).startswith("L") and c != "·"
)
_EDGE_SAFE_SYMBOLS = frozenset("«»©®")


def _has_glued_tcvn3_symbol(word: str) -> bool:
    for index, char in enumerate(word):
        if char not in _TCVN3_SYMBOLS:
            continue
        before = index > 0 and word[index - 1].isalpha()
        after = index + 1 < len(word) and word[index + 1].isalpha()
        if (before and after) or ((before or after) and char not in _EDGE_SAFE_SYMBOLS):
            return True
    return False


# UTF-8 read as Windows-1252 (or Latin-1) and saved again as UTF-8, the mojibake of scraped
# pages and of editors that guessed the wrong code page: `HÃ´m nay` for `Hôm nay`, `Ä‘i` for
# `đi`. Each character stands for one byte of the real UTF-8; cp1252 leaves five bytes
# undefined, which Latin-1 (and so most damaged files) keeps as the C1 controls.
_BYTE_OF = {chr(byte): byte for byte in range(0x80, 0x100)}
_BYTE_OF.update(
    (char, byte)
    for byte in range(0x80, 0xA0)
    if (char := bytes([byte]).decode("cp1252", errors="ignore"))
)


def _utf8_behind(token: str) -> str | None:
    """The text whose UTF-8 bytes, each read as one cp1252 character, give ``token``."""
    try:
        raw = bytes(ord(char) if char < "\x80" else _BYTE_OF[char] for char in token)
        return unicodedata.normalize("NFC", raw.decode("utf-8"))
    except (KeyError, UnicodeDecodeError):
        return None


def is_double_encoded(text: str, limit: int = 4000) -> bool:
    """Whether ``text`` is Vietnamese UTF-8 that was read as cp1252 and written again.

    Conservative, as ``legacy_font_encoding``: most non-ASCII words must decode back to
    well-formed Vietnamese syllables, and a good share more than are syllables as they stand.
    Tokens are converted whole (the curly quotes and ellipsis of cp1252 are UTF-8 bytes
    here, not punctuation) and only then stripped of their edge punctuation."""
    words: list[str] = []
    repaired = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token.isascii():
            continue
        word = token.strip(_EDGE_PUNCTUATION)
        if not word or not any(c.isascii() and c.isalpha() for c in token):
            continue
        words.append(word)
        behind = _utf8_behind(token)  # (None at once for most Unicode Vietnamese words)
        if behind is not None and not behind.isascii():
            repaired += is_vietnamese_syllable(behind.strip(_EDGE_PUNCTUATION))
        if len(words) >= limit:
            break
    if not words or repaired * 10 < len(words) * 6:
        return False
    before = sum(is_vietnamese_syllable(word) for word in words)
    return (repaired - before) * 10 >= len(words) * 3


def double_encoded_message(display: str, decoded_as: str) -> str:
    example = "`HÃ´m nay` for `Hôm nay`"
    if decoded_as.replace("_", "-").lower() in ("utf-8", "utf-8-sig", "utf8"):
        return (
            f"{display} is Vietnamese UTF-8 that was once read as Windows-1252 and saved again "
            f"({example}); repair it first (`iconv -f utf-8 -t windows-1252`, or `-t latin1` "
            "when that fails, gives back the original bytes; or ftfy's fix_text), then run again"
        )
    return (
        f"{display} (read as {decoded_as}) is UTF-8 Vietnamese ({example}); read it without "
        "--encoding (or with --encoding utf-8)"
    )


def guess_legacy_bytes(data: bytes) -> str | None:
    """Which legacy Vietnamese encoding undecodable bytes are in: cp1258, TCVN3, VNI or none."""
    sample = data[:262144]
    cp1258 = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
    words = _candidate_words(cp1258)
    if words and sum(is_vietnamese_syllable(w) for w in words) * 10 >= len(words) * 6:
        return "cp1258"
    return legacy_font_encoding(sample.decode("cp1252", errors="replace"))


def legacy_font_remedy(name: str) -> str:
    return (
        f"its text looks typed with a legacy Vietnamese font in {_LEGACY_NAMES[name]}: "
        "convert it to Unicode first (e.g. UniKey's converter, Unikey Toolkit, or the "
        "`vietnamese-converter` tool) or ask its author for a Unicode (UTF-8) copy"
    )


def legacy_font_message(display: str, name: str, decoded_as: str) -> str:
    return f"{display} (read as {decoded_as}) is not Unicode Vietnamese; {legacy_font_remedy(name)}"
