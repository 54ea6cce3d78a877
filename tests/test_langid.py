"""Language of a segment: Vietnamese fast paths, langdetect for the rest, never a crash."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.document import NO_LANGUAGE
from translate.langid import detect_language
from translate.vietnamese import is_unaccented_syllable, is_vietnamese_syllable


@pytest.mark.parametrize(
    "text",
    [
        "Xin cảm ơn ông!",
        "ĐÁNH GIÁ",
        "TIN MỚI",
        "Ý kiến bình luận",
        "Cà phê",  # only accents that French shares: still Vietnamese syllables
        "Chào anh",
        "Hà Nội",
        "Liên Minh (Thực hiện)",
        "CĐS",
        "Chủ Nhật, 12/11/2023 07:26",
        "Đề án 06",
    ],
)
def test_short_vietnamese_lines_are_vietnamese(text: str) -> None:
    assert detect_language(text) == "vi"


@pytest.mark.parametrize(
    "text",
    ["12/11/2023 07:26", "900.000", "3,5%", "…", "---", "", "   ", "(1)", "07:26 - 12.11.2023"],
)
def test_no_letters_is_no_language(text: str) -> None:
    assert detect_language(text) == NO_LANGUAGE


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Return to top", "en"),
        ("The meeting will take place in the city hall next week.", "en"),
        ("Le château est à côté de la gare et la ville est très belle.", "fr"),
        ("Die Sitzung findet nächste Woche im Rathaus statt.", "de"),
    ],
)
def test_other_languages(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Hashtag là gì?",
        "## Tiểu sử",
        "[sửa | sửa mã nguồn]",
        "Tin tuc moi nhat hom nay",
        "Social Object là gì?",  # foreign words around a Vietnamese function word
        "Frontend và Backend",
    ],
)
def test_short_vietnamese_segments_of_real_pages_are_vietnamese(text: str) -> None:
    assert detect_language(text) == "vi"


@pytest.mark.parametrize(
    "text",
    ["**^**", "```html", "Wikipedia", "WASHINGTON –", "AFP", "vn1", "RFA, 23/05/2022", "TP.HCM",
     "Q.1", "layout: page", "Website www.wikipedia.org", "Liverpool FC", "Clock"],
)  # fmt: skip
def test_segments_without_words_to_translate_have_no_language(text: str) -> None:
    """Markup, codes and names alone: langdetect would call them ro, cy, sw or tl at random."""
    assert detect_language(text) == NO_LANGUAGE


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["ok", "Hue", "vn", "page", "Tour", "mai", "xyz", "cy"]), max_size=3)
)
def test_a_few_words_get_english_vietnamese_or_none(words: list[str]) -> None:
    assert detect_language(" ".join(words)) in ("en", "vi", NO_LANGUAGE)


def test_scripts_name_their_language() -> None:
    assert detect_language("漢蒼舊名火僣位六年餘") == "zh"
    assert detect_language("ありがとう") == "ja"
    assert detect_language("감사합니다") == "ko"


def test_region_tagged_codes_are_reduced_to_iso_639_1() -> None:
    assert detect_language("这是一个关于数字化转型的会议。") == "zh"


def test_same_answer_in_a_fresh_process() -> None:
    texts = ["Hue-S", "VIP Tour", "Clock", "UBND", "Liverpool FC", "ok"]
    script = (
        "import sys; from translate.langid import detect_language as d; "
        f"print([d(t) for t in {texts!r}])"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert len(runs) == 1
    assert runs.pop().strip() == repr([detect_language(text) for text in texts])


def test_importing_langid_does_not_load_langdetect() -> None:
    script = "import sys, translate.langid; print('langdetect' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("nghiêng", True),
        ("khuya", True),
        ("Trường", True),
        ("gì", True),
        ("château", False),
        ("Return", False),
        ("est", False),
    ],
)
def test_vietnamese_syllable_shape(word: str, expected: bool) -> None:
    assert is_vietnamese_syllable(word) is expected


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_and_returns_a_code(text: str) -> None:
    code = detect_language(text)
    assert code == NO_LANGUAGE or (code.isalpha() and code.islower() and len(code) in (2, 3))


@pytest.mark.parametrize("text", ["Immutability và Immutable.js trong ReactJs", "Cà phê", "Hà Nội"])
def test_decomposed_text_is_judged_as_composed(text: str) -> None:
    """A page written in NFD keeps its text as written (for export): its segments must get
    the language their NFC msgids would, or `check` calls them untranslated copies."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert detect_language(decomposed) == detect_language(text) == "vi"


@pytest.mark.parametrize(
    "text",
    [
        "hoc lai tu dau cho nguoi moi",  # typed without diacritics: `ie`, `uo` bare
        "tai lieu huong dan khuyen nong ebook",
        '"luyen thuat toan javascript",',
        "4. Push nhánh lên GitHub: `git push origin my-feature`.",  # lowercase `nhánh`, `lên`
        "Danh sách Upcoming events of the club",
    ],
)
def test_vietnamese_that_langdetect_calls_foreign_is_vietnamese(text: str) -> None:
    """Lost MT otherwise: a Vietnamese segment labelled foreign is copied untranslated."""
    assert detect_language(text) == "vi"


@pytest.mark.parametrize(
    "text",
    [
        "Interview with Lê Hà in the city hall today",  # a capitalised name in English prose
        "We ordered a café latte and a croissant this morning",  # `café` is no syllable
        "The meeting will take place in the city hall next week.",
    ],
)
def test_english_with_a_vietnamese_name_or_a_loanword_stays_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "for (let index = start; index <= stop; index++) {",
        "const client = await Server.connect({ retries: 3 })",
        "window.alert(message); // tell the reader what went wrong",
        "sudo apt-get install fonts-noto-core",
        "git checkout -b feature/new-layout",
        "Tahoma, Verdana, Segoe UI, Roboto, Helvetica Neue",  # names alone
        "Kh ng ngh i ph ng t nh",  # a lost font's leftovers
    ],
)
def test_code_names_and_font_leftovers_have_no_language(text: str) -> None:
    """Nothing to translate: never the random `ro`, `no` or `cy` langdetect gives them."""
    assert detect_language(text) == NO_LANGUAGE


def test_other_languages_written_in_latin_letters_stay_foreign() -> None:
    assert detect_language("Saya makan nasi goreng setiap hari di rumah") == "id"
    assert detect_language("Questo è già fatto, grazie mille amici miei") == "it"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("tieng", True), ("nguoi", True), ("duoc", True), ("khuyen", True), ("ebook", False),
     ("string", False), ("tiếng", False)],
)  # fmt: skip
def test_unaccented_syllable_shape(word: str, expected: bool) -> None:
    assert is_unaccented_syllable(word) is expected
