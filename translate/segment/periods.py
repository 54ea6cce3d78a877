"""Is a period glued to the next word inside a token rather than a sentence end? A name's
suffix (`ASP.Net`, `VnExpress.Net`), a year or a code (`12.4.QĐ.2`), an acronym, a file
extension, initials and names (`J.Keynes`, `ThS.BS`), a step or count number (`lại.2Mở` is
an end, `thương.10 người` is not), lowercase words glued to an abbreviation. Used by
:mod:`translate.segment.sentences` for each glued candidate end (``tạm giữ.Sáng``).
"""

from __future__ import annotations

import re

from translate.segment.ends import INITIALS
from translate.segment.patterns import (
    LAST_WORD,
    LETTERS,
    LOWER,
    UPPER,
)
from translate.segment.rules import Rules
from translate.segment.runin import lowercase_soon, opens_prose
from translate.segment.tokens import vietnamese_word_at
from translate.vietnamese import is_vietnamese_syllable

_SHORT_SUFFIX = 4

# A list number after a period: `… kính trọng.1/ Từng …`, `năm 2024.2. Mức …`.
LIST_LABEL_AFTER = re.compile(rf"\d{{1,2}}[.)/-]\s+[{UPPER}]")


def _ascii_suffix(before: str, text: str, word_start: int, token_end: int) -> bool:
    """A short unaccented word glued after an unaccented token is a name's suffix
    (`ASP.Net`, `Node.Js`, `VnExpress.Net`), not a new sentence."""
    word = LETTERS.match(text, word_start, token_end)
    if word is None or len(word.group()) > _SHORT_SUFFIX or not word.group().isascii():
        return False
    if not before.isascii() or not any(character.isalpha() for character in before):
        return False  # (`Thua 2-0.Real Madrid…` is a sentence end)
    found = word.group()
    if found in _TECH_SUFFIXES:
        return True
    if is_vietnamese_syllable(found):
        return False
    # a foreign name that opens the next sentence, words after it: `… tại Encinitas.Chad
    # Hammel thuật lại …` (a suffix of three letters or more ends its token: `Node.Js`)
    following = word.end()
    return len(found) < 3 or not (
        following + 1 < len(text) and text[following] == " " and text[following + 1].isalpha()
    )


def _ends_a_year(before: str) -> bool:
    """`… từ năm 2024.2. Mức hỗ trợ …`: a list number glued after a year's full stop (a
    section number `Mục 1.2. Phạm vi` has short parts)."""
    return "." not in before and len(before) - len(before.rstrip("0123456789")) >= 3


def _acronym_glued(text: str, position: int) -> bool:
    """Does an upper-case run (`UBND`, `HLV`), not a capitalised word, start at ``position``?"""
    return position + 1 < len(text) and text[position].isupper() and text[position + 1].isupper()


_FILE_EXTENSIONS = frozenset(
    [
        "PDF",
        "DOC",
        "DOCX",
        "XLS",
        "XLSX",
        "PPT",
        "PPTX",
        "CSV",
        "TXT",
        "RTF",
        "JPG",
        "JPEG",
        "PNG",
        "GIF",
        "ZIP",
        "RAR",
        "MP3",
        "MP4",
        "HTM",
        "HTML",
    ]
)


def _file_extension(text: str, position: int, token_end: int) -> bool:
    """`bao-cao.PDF`: an upper-case file extension ends the token."""
    word = LETTERS.match(text, position, token_end)
    return word is not None and word.group() in _FILE_EXTENSIONS


def detached_name(text: str, period: int, token_end: int) -> bool:
    """A period written apart from the word before it and glued to a file extension or a
    platform's suffix starts a name (`Microsoft .NET`, `Microsoft .Net framework`, `tệp .PDF`,
    `bản .Zip`), not a new sentence; a detached period before any other word still ends one
    (`Xong rồi .Hẹn gặp lại.`)."""
    word = LETTERS.match(text, period + 1, token_end)
    if word is None:
        return False
    found = word.group()
    return found in _TECH_SUFFIXES or found.upper() in _FILE_EXTENSIONS | _PLATFORMS


# Upper-cased, as `_FILE_EXTENSIONS`: the dotted names written after a space.
_PLATFORMS = frozenset(("NET", "EXE", "APK", "MSI", "JS", "SRT", "VTT"))


def _ends_a_word(before: str) -> bool:
    """Does the token before a period glued to an acronym end like a sentence: a lowercase
    Vietnamese word (`công an.UBND`), a number (`2-1.HLV`, `năm 2022.TP.HCM`) or a percentage?
    An abbreviation (`TP.`, `ThS.`, `q.`) or a dotted code (`23.10.QĐ`) does not."""
    if "." in before:
        return False
    word = LAST_WORD.search(before)
    if word is not None and word.end() == len(before):
        letters = word.group()
        return len(letters) > 1 and letters.islower() and is_vietnamese_syllable(letters)
    return before[-1].isdigit() or before[-1] in '%)"”’'


def _ends_a_name(before: str, rules: Rules) -> bool:
    """`… Luật sư Phan Đức Tín.1. Hợp đồng …`, `… Hà Nội].2. Hà Duy …`: a capitalised word
    (no abbreviation, no initial: `Tp.`, `Th.`) or a closed bracket before the stop that a
    glued list number follows."""
    if before[-1] == "]":
        return True
    return (
        len(before) > 2
        and before.isalpha()
        and before[0].isupper()
        and before[1:].islower()
        and before not in INITIALS
        and before + "." not in rules.prefix_abbreviations
        and before + "." not in rules.final_abbreviations
    )


def prose_after(text: str, position: int, token_end: int) -> bool:
    """Is the word glued after the period that ends an address, a date or a unit a new
    sentence's first word (`… đồng/lượng.Trong khi đó`, `… ngày 12/3.Sáng hôm sau`, `…
    @gmail.com.Mọi thắc mắc`): a capitalised Vietnamese word, accented or a sentence opener,
    that ends the token? A path or a name goes on (`…/Tp.Hồ_Chí_Minh`, `Bao_Cao.Docx`). A
    curly opening quote before it opens the new sentence (`… ngày 4/6.“Đóng góp …`)."""
    if position < token_end and text[position] in "“‘«":
        position += 1
    word = LETTERS.match(text, position, token_end)
    if word is None or (word.end() < token_end and text[word.end()] not in ",:;"):
        return False
    found = word.group()
    if len(found) < 2 or not found[0].isupper() or not found[1:].islower():
        return False
    return vietnamese_word_at(text, position, token_end)


_STEP_NUMBER = re.compile(rf"\d{{1,2}}(?=[{UPPER}][{LOWER}])")
_LAST_NUMBER = re.compile(r"\d{1,4}(?:[:&-]\d{1,4})?")  # `2018`, `17:30`, `10-6`, `5&4`
_SECTION_WORDS = frozenset(
    ("mục", "phần", "điều", "khoản", "điểm", "chương", "bước", "bài", "câu", "tiết", "hình")
) | frozenset(("bảng", "trang", "tr", "số", "bản", "phiên", "version", "v", "tập", "quyển"))


def _step_after_number(text: str, before: str, after: int, token_end: int) -> bool:
    """Is the number before a glued period the last word of a sentence (a lowercase word
    before it, `… vào tháng 3`), and a step number glued to the capitalised first word of
    running text after it (`5Các cặp vợ chồng …`)? A section number (`1.2Mở rộng`) opens its
    line or follows a heading, not a lowercase word."""
    start = after - 1 - len(before)
    if _LAST_NUMBER.fullmatch(before) is None or start < 2 or text[start - 1] != " ":
        return False
    if not text[start - 2].islower():
        return False
    word = LAST_WORD.search(text, max(0, start - 12), start - 1)
    if word is not None and word.group().lower() in _SECTION_WORDS:
        return False  # a section's number: `… xem mục 1.2Mở rộng …`, `bản 1.2`
    step = _STEP_NUMBER.match(text, after, token_end)
    return step is not None and lowercase_soon(text, step.end(), step.end() + 80, 3)


_TECH_SUFFIXES = frozenset(("Net", "Com", "Org", "Vn", "Io", "Doc", "Pdf"))


def _lowercase_words_glued(before: str, text: str, after: int, token_end: int) -> bool:
    """Two lowercase Vietnamese words on either side of the period, the second one accented:
    a sentence end whose next sentence starts in lower case (R13), not a name's parts."""
    following = LETTERS.match(text, after, token_end)
    return (
        following is not None
        and before.isalpha()
        and before.islower()
        and is_vietnamese_syllable(before)
        and is_vietnamese_syllable(following.group())
    )


_SOURCE_DASHES = ("- ", "– ", "— ")


def period_in_token(
    text: str, before: str, bare: bool, after: int, token_end: int, rules: Rules
) -> bool:
    """Does the period between ``before`` and the glued ``text[after:]`` belong to one token
    (``bare``: no closing mark after the period)?"""
    if before[:1] == "§":
        return True  # `§1.CĂN BẬC HAI`: a section's number and its title (R3)
    if bare:
        if before[-1] == ")" and text.startswith(_SOURCE_DASHES, after):
            return True  # `(SGGP).- Trao đổi …`: a source label's stop and dash (.labels)
        if before in rules.final_abbreviations or before + "." in rules.final_abbreviations:
            # `v.v.Theo chủ quán …`: a list's `v.v.` does double duty before prose (R3)
            return not prose_after(text, after, token_end)
        if all(part in INITIALS for part in before.split(".")):
            # `N.T.Kiên`, `J.Keynes`; a sentence opener ends the name: `… bà T.Khi bà …`
            return not opens_prose(text, after, min(len(text), token_end + 80), strong=True)
        if _acronym_glued(text, after):  # `TP.HCM`, `ThS.BS`, `Q.BT`, `23.10.QĐ`: one token
            return not _ends_a_word(before) or _file_extension(text, after, token_end)
        if _ascii_suffix(before, text, after, token_end):
            return True  # `ASP.Net`, `VnExpress.Net`, `Bao_Cao.Docx`: one name
    if text[after].islower():  # (GLUED_START: an accented word, `… cùng kỳ.lợi nhuận`)
        return not _lowercase_words_glued(before, text, after, token_end)
    if not text[after].isdigit():
        return False
    if LIST_LABEL_AFTER.match(text, after, token_end + 4) is not None:
        # `năm 2024.2. Mức`, `hộ.3. Thời gian`: a list number; `Điều 23.10.QĐ.1.`: a code
        if before[-1].isdigit():
            return not _ends_a_year(before)
        return not (_ends_a_word(before) or _ends_a_name(before, rules))
    if before[-1].isdigit():
        # `1.2Mở`: a number with a unit glued, more often than a step; but a number after a
        # lowercase word ends a sentence, and a step number is glued: `… vào tháng 3.5Các …`
        return not _step_after_number(text, before, after, token_end)
    return "." in before  # a code: `12.4.QĐ.2`; a step or a count: `lại.2Mở`, `thương.10 người`
