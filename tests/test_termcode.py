"""The term matcher's one-byte code (translate.termcode): characters outside it, and the two
ways back to UTF-8 (needles with too many characters, text with too many outside the code)
find what the former matcher found."""

from __future__ import annotations

import unicodedata
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from termmatch_reference import ReferenceMatcher
from test_termmatch_differential import cases, found

from translate.glossary import Term
from translate.termcode import COMPOSING_STARTERS, OTHER, WORD, OneByteCode, inert
from translate.termmatch import TermMatcher

# Not in the code of a Vietnamese glossary: letters (ü, Ω, 漢, 😀 beyond the BMP) and others.
OUTSIDE = ("ü", "Ω", "漢字", "😀", "𝐀", "€", "\u200b", "½", "ş")


def test_characters_outside_the_code_are_word_or_other() -> None:
    code = OneByteCode.for_needles(["Huế", "Đà Nẵng"])
    assert code is not None
    assert len(code.encode("Huế") or b"") == 3
    assert code.encode("üΩ𝐀😀\u200b") == bytes((WORD, WORD, WORD, OTHER, OTHER))
    classes = code.classes("-")
    assert [classes[b] for b in code.encode("H -.ü\u200b") or b""] == [1, 0, 2, 0, 1, 0]


def test_needles_with_too_many_characters_have_no_code() -> None:
    assert OneByteCode.for_needles(["".join(map(chr, range(0x4E00, 0x4F00)))]) is None
    assert OneByteCode.for_needles(["Huế 😀"]) is None
    terms = [Term(chr(0x4E00 + i) * 2, ("x",)) for i in range(300)] + [Term("Huế", ("Hue",))]
    matcher = TermMatcher(terms)
    texts = ["Sở Huế, 丁丁 và 一一x", "Huếü"]
    assert found(matcher, texts) == found(ReferenceMatcher(terms), texts)
    assert [len(r) for r in matcher.find_many(texts)] == [2, 0]  # 一一x: inside a word


def test_text_mostly_outside_the_code_is_searched_in_utf8() -> None:
    terms = [Term("Huế", ("Hue",)), Term("Đà Nẵng", ("Da Nang",))]
    texts = ["ü Huế Ω " * 3000, "Đà Nẵng漢", "Đà Nẵng 漢"]
    code = OneByteCode.for_needles(["Huế"])
    assert code is not None and code.encode(texts[0]) is None
    assert found(TermMatcher(terms), texts) == found(ReferenceMatcher(terms), texts)


@settings(max_examples=100, deadline=None)
@given(cases(), st.lists(st.sampled_from(OUTSIDE), max_size=6), st.randoms())
def test_outside_characters_next_to_terms(
    case: tuple[list[Term], list[str]], outside: list[str], random: object
) -> None:
    glossary, batch = case
    shuffle = getattr(random, "randrange")  # noqa: B009
    mixed = []
    for text in batch:
        for char in outside:
            at = shuffle(len(text) + 1)
            text = text[:at] + char + text[at:]
        mixed.append(text)
    assert found(TermMatcher(glossary), mixed) == found(ReferenceMatcher(glossary), mixed)


@settings(max_examples=60, deadline=None)
@given(cases())
def test_utf8_search_finds_what_the_code_finds(case: tuple[list[Term], list[str]]) -> None:
    glossary, batch = case
    with mock.patch.object(OneByteCode, "for_needles", return_value=None):
        utf8 = TermMatcher(glossary)
    assert utf8._code is None
    assert found(utf8, batch) == found(ReferenceMatcher(glossary), batch)


def test_a_term_across_two_spaces_or_a_line_break() -> None:
    terms = [Term("Sở Y tế", ("Health Department",))]
    texts = ["Sở  Y tế", "x", "Sở Y\ntế ", "Sở Y tế", "a  Sở Y   tế", "Sở Yx  tế", "Sở  Y"]
    assert [[(m.start, m.end) for m in r] for r in TermMatcher(terms).find_many(texts)] == [
        [(0, 8)],
        [],
        [(0, 7)],
        [(0, 7)],
        [(3, 12)],
        [],
        [],
    ]


def test_composing_starters_are_those_of_this_unicode() -> None:
    """Characters of combining class 0 that compose with the one before them: the second of a
    canonical pair that NFC recomposes, and the Hangul medial vowels and final consonants."""
    derived = {chr(cp) for cp in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}
    for cp in range(0x110000):
        char = chr(cp)
        parts = unicodedata.decomposition(char).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second = chr(int(parts[1], 16))
            if unicodedata.normalize("NFC", char) == char and not unicodedata.combining(second):
                derived.add(second)
    assert derived == COMPOSING_STARTERS


def test_inert_characters() -> None:
    assert all(map(inert, "aZ0 .,“”–đĐơƯếỹẠ€漢Ω한"))
    # A combining mark, a composing vowel sign or jamo, singletons NFC replaces (Ω ohm, Å
    # angstrom, the Greek question mark, an en quad).
    assert not any(map(inert, "\u0301\u0bbe\u1161\u11a8\u2126\u212b\u037e\u2000"))


# Texts that are in NFC or not, of characters inside and outside a Vietnamese code.
NOT_NFC = ("Hue\u0301", "u\u0308", "\u1112\u1161\u11ab", "\u2126")
NFC_PIECES = ("Huế", "ü", "漢", "한", " ", "x", *NOT_NFC)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NFC_PIECES), max_size=8))
def test_encode_nfc_is_never_wrong_about_nfc(pieces: list[str]) -> None:
    code = OneByteCode.for_needles(["Huế", "Đà Nẵng"])
    assert code is not None and code.normal
    text = "".join(pieces)
    data, normal = code.encode_nfc(text)
    assert data == code.encode(text)
    if normal:
        assert unicodedata.is_normalized("NFC", text)
    if not any(piece in NOT_NFC for piece in pieces):
        assert normal  # only inert characters: known without asking unicodedata


def test_a_code_with_a_combining_mark_knows_nothing_of_nfc() -> None:
    code = OneByteCode.for_needles(["a\u0301\u0301"])  # NFC keeps the second mark
    assert code is not None and not code.normal
    assert code.encode_nfc("Huế") == (code.encode("Huế"), False)
