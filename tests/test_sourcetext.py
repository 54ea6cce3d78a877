"""Reading sources (encodings, BOMs, binary, legacy fonts) and atomic writes, on real files."""

from __future__ import annotations

import codecs
import io
import os
import stat
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.errors import UserError
from translate.fileio import atomic_write_bytes, atomic_write_text
from translate.legacyfont import is_double_encoded, legacy_font_encoding
from translate.sourcetext import SourceText, decode_source, read_source, to_nfc

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "hue-digital-transformation-week-2023.vi.txt"

VIETNAMESE = (
    "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023.\n"
    "Các đơn vị được giao nhiệm vụ phải hoàn thành trước tháng mười hai, "
    "theo ông Nguyễn Xuân Sơn, Giám đốc Sở Thông tin và Truyền thông.\n"
)

# The TCVN3 (ABC) byte of each Vietnamese letter, written as the cp1252 character it shows as.
TCVN3_OF = {
    vi: legacy
    for legacy, vi in zip(
        "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\xadøõö÷ùýúûüþ¡¢£¤¥¦§",
        "áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵĂÂÊÔƠƯĐ",
        strict=True,
    )
}


def to_tcvn3(text: str) -> str:
    """Vietnamese as it looks when TCVN3 bytes are shown through cp1252 (lowercase only)."""
    return "".join(TCVN3_OF.get(char, char) for char in text.lower())


# VNI writes a base letter, then a byte for its marks; shown as the cp1252 character.
VNI_MARK_OF = {
    ("\u0302", ""): "â",
    ("\u0306", ""): "ê",
    ("", "\u0301"): "ù",
    ("", "\u0300"): "ø",
    ("", "\u0309"): "û",
    ("", "\u0303"): "õ",
    ("", "\u0323"): "ï",
    ("\u0302", "\u0301"): "á",
    ("\u0302", "\u0300"): "à",
    ("\u0302", "\u0309"): "å",
    ("\u0302", "\u0303"): "ã",
    ("\u0302", "\u0323"): "ä",
    ("\u0306", "\u0301"): "é",
    ("\u0306", "\u0300"): "è",
    ("\u0306", "\u0309"): "ú",
    ("\u0306", "\u0303"): "ü",
    ("\u0306", "\u0323"): "ë",
}
VNI_LETTER_OF = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def to_vni(text: str) -> str:
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        lower = char.lower()
        if lower in VNI_LETTER_OF:
            letter = VNI_LETTER_OF[lower]
            out.append(letter.upper() if char.isupper() else letter)
            continue
        parts = unicodedata.normalize("NFD", char)
        shape = "".join(c for c in parts[1:] if c in "\u0302\u0306")
        tone = "".join(c for c in parts[1:] if c in "\u0300\u0301\u0303\u0309\u0323")
        base = parts[0]
        if "\u031b" in parts:  # horn: ơ or ư carrying a tone
            horned = VNI_LETTER_OF[unicodedata.normalize("NFC", base.lower() + "\u031b")]
            base = horned.upper() if base.isupper() else horned
        mark = VNI_MARK_OF.get((shape, tone), "")
        out.append(
            char
            if (mark == "" and base == parts[0])
            else base + (mark.upper() if char.isupper() else mark)
        )
    return "".join(out)


def to_cp1258(text: str) -> bytes:
    """Windows Vietnamese bytes: shaped letters precomposed, tone marks combining."""
    out: list[bytes] = []
    tones = "\u0300\u0301\u0303\u0309\u0323"
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in parts if c in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append((base + tone).encode("cp1258"))
    return b"".join(out)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path | str, encoding: str | None = None) -> str:
    with pytest.raises(UserError) as caught:
        read_source(path, encoding)
    assert caught.value.exit_code == 2
    message = caught.value.message
    assert "\n" not in message
    assert str(path) in message
    return message


# --- encodings ------------------------------------------------------------------------------


def test_utf8_without_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", VIETNAMESE.encode("utf-8"))
    source = read_source(path)
    assert source == SourceText(VIETNAMESE, str(path), "utf-8", ())


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8"))
    source = read_source(path)
    assert source.text == VIETNAMESE
    assert source.encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_utf16_and_utf32_with_bom(tmp_path: Path, codec: str, bom: bytes) -> None:
    text = VIETNAMESE.replace("\n", "\r\n")
    path = write(tmp_path, "a.txt", bom + text.encode(codec))
    source = read_source(path)
    assert source.text == text
    assert source.encoding == codec


def test_utf16_bom_with_broken_body_is_refused(tmp_path: Path) -> None:
    # An odd number of bytes after a UTF-16 BOM cannot be UTF-16.
    path = write(tmp_path, "a.txt", codecs.BOM_UTF16_LE + "Huế".encode("utf-16-le") + b"\x41")
    message = refused(path)
    assert "UTF-16-LE" in message and "byte offset" in message


def test_decomposed_text_becomes_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", VIETNAMESE)
    assert nfd != VIETNAMESE
    path = write(tmp_path, "a.txt", nfd.encode("utf-8"))
    assert read_source(path).text == VIETNAMESE


def test_line_endings_are_kept_exactly(tmp_path: Path) -> None:
    text = "Dòng một\r\nDòng hai\rDòng ba\nDòng bốn\r\n\r\nĐoạn mới\r"
    path = write(tmp_path, "a.txt", text.encode("utf-8"))
    assert read_source(path).text == text


def test_zero_width_bidi_and_controls_are_kept(tmp_path: Path) -> None:
    text = 'Huế\u200b và\u200d \u202bالعربية\u202c\t\\"quote" \x1b[0m \u2028 tiếp\n'
    path = write(tmp_path, "a.txt", text.encode("utf-8"))
    assert read_source(path).text == text


def test_invalid_utf8_names_offset_line_and_encoding_option(tmp_path: Path) -> None:
    data = "Dòng một\nDòng hai có lỗi: ".encode() + b"\xff\xfe ok\n"
    path = write(tmp_path, "bad.txt", data)
    message = refused(path)
    offset = data.index(b"\xff")
    assert f"byte offset {offset}" in message
    assert "line 2" in message
    assert "--encoding" in message
    assert "cp1258" in message and "latin-1" in message


def test_cp1258_without_option_gets_specific_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "win.txt", to_cp1258(VIETNAMESE))
    message = refused(path)
    assert "--encoding cp1258" in message
    assert "Windows Vietnamese" in message


def test_a_cp1258_page_declaring_its_charset_is_told_to_convert(tmp_path: Path) -> None:
    """--encoding would only lead to the next refusal (a page is written back as UTF-8
    under its declaration): the hint says what works."""
    page = b'<html><head><meta charset="windows-1258"></head><body><p>' + to_cp1258(VIETNAMESE)
    message = refused(write(tmp_path, "win.html", page + b"</p></body></html>\n"))
    assert "iconv -f cp1258 -t UTF-8" in message and "--encoding" not in message


def test_cp1258_with_option_is_decoded_to_nfc(tmp_path: Path) -> None:
    data = to_cp1258(VIETNAMESE)
    # Windows Vietnamese keeps tone marks apart (combining); the result must still be NFC.
    assert "\u0301".encode("cp1258") in data
    path = write(tmp_path, "win.txt", data)
    source = read_source(path, "cp1258")
    assert source.text == VIETNAMESE
    assert source.encoding == "cp1258"
    assert unicodedata.is_normalized("NFC", source.text)


def test_latin1_with_option(tmp_path: Path) -> None:
    text = "Café à Paris, 3½ kilomètres.\r\n"
    path = write(tmp_path, "fr.txt", text.encode("latin-1"))
    assert "--encoding" in refused(path)
    source = read_source(path, "latin-1")
    assert source.text == text
    assert source.encoding == "iso8859-1"  # Python's canonical name for latin-1
    assert source.warnings == ()


def test_declared_encoding_that_does_not_fit_names_offset(tmp_path: Path) -> None:
    # 0x81 is not assigned in cp1258.
    path = write(tmp_path, "a.txt", b"abc\x81def")
    message = refused(path, "cp1258")
    assert "byte offset 3" in message and "0x81" in message


def test_unknown_encoding_name(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"abc")
    message = refused(path, "no-such-codec")
    assert "unknown encoding" in message and "no-such-codec" in message


def test_declared_legacy_encoding_on_a_file_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8"))
    message = refused(path, "latin-1")
    assert "byte-order mark" in message and "drop --encoding" in message


def test_declared_latin1_on_utf8_text_warns(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Café".encode())
    source = read_source(path, "latin-1")
    assert source.text == "CafÃ©"
    assert len(source.warnings) == 1 and "also valid UTF-8" in source.warnings[0]


def test_declared_utf8_strips_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", codecs.BOM_UTF8 + b"abc")
    assert read_source(path, "UTF-8").text == "abc"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32-le"])
def test_declared_utf16_strips_one_bom(tmp_path: Path, codec: str) -> None:
    text = "\ufeffHuế"  # a zero-width no-break space after the byte-order mark stays
    data = ("\ufeff" + text).encode(codec) if codec != "utf-16" else text.encode(codec)
    assert read_source(write(tmp_path, "a.txt", data), codec).text == text


def test_only_the_first_bom_is_removed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", codecs.BOM_UTF8 * 2 + b"abc")
    assert read_source(path).text == "\ufeffabc"


# --- binary, empty -------------------------------------------------------------------------


def test_nul_byte_is_refused_with_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Hu\xe1\xba\xbf\x00abc")
    message = refused(path)
    assert "NUL byte at byte offset 5" in message and "binary" in message


def test_utf16_without_bom_is_refused_with_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", VIETNAMESE.encode("utf-16-le"))
    assert "utf-16-le" in refused(path)
    assert read_source(path, "utf-16-le").text == VIETNAMESE


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x7fELF\x02\x01\x01", "executable"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_known_binary_formats_are_named(tmp_path: Path, data: bytes, what: str) -> None:
    path = write(tmp_path, "doc.txt", data)
    message = refused(path)
    assert what in message and "not plain text" in message


def test_text_of_control_characters_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", bytes(range(1, 9)) * 50 + b"abc")
    assert "control characters" in refused(path)


def test_a_few_control_characters_are_text(tmp_path: Path) -> None:
    text = "\x1b[1mĐậm\x1b[0m\x07 và \x7f.\n"
    assert read_source(write(tmp_path, "a.txt", text.encode())).text == text


def test_declared_encoding_producing_nul_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"abc\x00def")
    assert "NUL character" in refused(path, "latin-1")


def test_empty_file_reads_with_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    source = read_source(path)
    assert source.text == ""
    assert len(source.warnings) == 1
    assert str(path) in source.warnings[0] and "empty" in source.warnings[0]


def test_bom_only_file_is_empty(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "bom.txt", codecs.BOM_UTF8))
    assert source.text == "" and "empty" in source.warnings[0]


def test_whitespace_only_file_reads_with_warning(tmp_path: Path) -> None:
    text = " \t\r\n\n\u3000 \n"
    path = write(tmp_path, "blank.txt", text.encode("utf-8"))
    source = read_source(path)
    assert source.text == text
    assert len(source.warnings) == 1 and "only whitespace" in source.warnings[0]


# --- paths ---------------------------------------------------------------------------------


def test_directory_is_refused(tmp_path: Path) -> None:
    assert "is a directory" in refused(tmp_path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert "does not exist" in refused(tmp_path / "nope.vi.txt")


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", VIETNAMESE.encode("utf-8"))
    path.chmod(0)
    try:
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # root reads any file: the only behaviour possible is a normal read.
            assert read_source(path).text == VIETNAMESE
        else:
            assert "permission denied" in refused(path)
    finally:
        path.chmod(0o644)


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = codecs.BOM_UTF8 + unicodedata.normalize("NFD", "Huế\r\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    source = read_source("-")
    assert source.text == "Huế\r\n"
    assert source.path == "-"


def test_missing_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(UserError, match="cannot read standard input"):
        read_source("-")


def test_stdin_errors_name_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a\xffb")))
    with pytest.raises(UserError, match=r"^standard input is not valid UTF-8"):
        read_source("-")


# --- legacy Vietnamese fonts ---------------------------------------------------------------


def test_tcvn3_sample_table_is_right() -> None:
    # Public examples of TCVN3 mojibake and the words they stand for.
    assert to_tcvn3("thừa") == "thõa"
    assert to_tcvn3("thắng") == "th¾ng"
    assert to_tcvn3("bảo") == "b¶o"


def test_tcvn3_mojibake_in_utf8_file_gets_font_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "abc.txt", to_tcvn3(VIETNAMESE).encode("utf-8"))
    message = refused(path)
    assert "legacy Vietnamese font" in message and "TCVN3" in message
    assert "vietnamese-converter" in message and "Unicode" in message


def test_tcvn3_raw_bytes_get_font_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "abc.txt", to_tcvn3(VIETNAMESE).encode("cp1252"))
    message = refused(path)
    assert "not valid UTF-8" in message and "byte offset" in message
    assert "TCVN3" in message


@pytest.mark.parametrize("stray", [b"\x85", b"\xff\xfe", b"\xe1\xbb"])
def test_a_stray_byte_in_utf8_text_is_called_damage_not_a_font(
    tmp_path: Path, stray: bytes
) -> None:
    # Vietnamese UTF-8 read as cp1252 looks like a legacy font's symbols glued to letters:
    # with a few bad bytes among many good letters, the message must not send the user to a
    # font converter that would garble the good text.
    body = (VIETNAMESE + " ") * 3
    path = write(tmp_path, "abc.txt", body.encode() + stray + body.encode())
    message = refused(path)
    assert "not valid UTF-8" in message and "byte offset" in message
    assert "damaged or mixes encodings" in message and "bad byte sequence" in message
    assert "TCVN3" not in message and "legacy" not in message


def test_a_long_file_cut_inside_a_letter_counts_only_its_real_bad_byte(tmp_path: Path) -> None:
    # The damage count reads the first 256 KiB: a letter the cut splits is no bad sequence.
    letters = "ệ" * 100_000  # three bytes each: the 262,144th byte is inside one
    path = write(tmp_path, "abc.txt", b"x\x85" + letters.encode())
    assert "(1 bad byte sequence among " in refused(path)


def test_tcvn3_read_as_latin1_gets_font_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "abc.txt", to_tcvn3(VIETNAMESE).encode("cp1252"))
    assert "TCVN3" in refused(path, "latin-1")


def test_vni_mojibake_gets_font_hint(tmp_path: Path) -> None:
    vni = "Xin chaøo caùc baïn. Hoâm nay trôøi ñeïp, chuùng toâi ñöôïc nghæ hoïc.\n"
    path = write(tmp_path, "vni.txt", vni.encode("utf-8"))
    assert "VNI" in refused(path)
    raw = write(tmp_path, "vni-raw.txt", vni.encode("cp1252"))
    assert "VNI" in refused(raw)


def double_encoded(text: str, page: str = "latin-1") -> bytes:
    """Vietnamese UTF-8 read as a Western code page and saved again as UTF-8 (mojibake)."""
    return text.encode("utf-8").decode(page, errors="replace").encode("utf-8")


@pytest.mark.parametrize("page", ["latin-1", "cp1252"])
def test_utf8_read_as_a_western_code_page_and_saved_again_is_refused(
    tmp_path: Path, page: str
) -> None:
    path = write(tmp_path, "scraped.txt", double_encoded(VIETNAMESE, page))
    assert "ThÃ" in path.read_text(encoding="utf-8")  # valid UTF-8: only the words are wrong
    message = refused(path)
    assert "read as Windows-1252 and saved again" in message and "iconv" in message
    assert "legacy" not in message


def test_utf8_decoded_with_a_wrong_encoding_option_says_to_drop_it(tmp_path: Path) -> None:
    path = write(tmp_path, "abc.txt", VIETNAMESE.encode("utf-8"))
    message = refused(path, "latin-1")
    assert "is UTF-8 Vietnamese" in message and "without --encoding" in message


def test_every_seed_paragraph_double_encoded_is_recognised_and_none_as_it_is() -> None:
    for paragraph in seed_paragraphs():
        assert not is_double_encoded(paragraph), paragraph
        assert is_double_encoded(double_encoded(paragraph).decode("utf-8")), paragraph


@pytest.mark.parametrize(
    "text",
    [
        "Ça coûte très cher à Zürich, où l'hôtel « Müller » ferme déjà.",
        "Straße, Größe, Übermaß: das Wörterbuch nennt sie.",
        "São Paulo e Brasília têm ônibus; não há pressa.",
        "Giá vàng hôm nay (Â, Ã, Ê) và ký hiệu © ® ± × ÷ µ ¶ · ¼ ½ ¾ được giữ nguyên.",
    ],
)
def test_latin1_letters_in_real_text_are_no_mojibake(text: str) -> None:
    assert not is_double_encoded(text)


def test_vni_encoder_matches_public_examples() -> None:
    assert to_vni("Xin chào các bạn") == "Xin chaøo caùc baïn"
    assert to_vni("được") == "ñöôïc"


def seed_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [p for p in text.split("\n") if len(_non_ascii_words(p)) >= 3]


def _non_ascii_words(text: str) -> list[str]:
    return [w for w in text.split() if not w.isascii()]


def test_every_seed_paragraph_in_either_legacy_font_is_recognised() -> None:
    paragraphs = seed_paragraphs()
    assert len(paragraphs) >= 10
    for paragraph in paragraphs:
        assert legacy_font_encoding(paragraph) is None, paragraph
        assert legacy_font_encoding(to_tcvn3(paragraph)) == "TCVN3", paragraph
        assert legacy_font_encoding(to_vni(paragraph)) == "VNI", paragraph


def test_single_legacy_words() -> None:
    assert legacy_font_encoding("Hu¾") == "TCVN3"
    # `Thõa` is also a well-formed syllable as it stands: one word is not enough evidence.
    assert legacy_font_encoding("Thõa") is None


@pytest.mark.parametrize(
    "text",
    [
        VIETNAMESE,
        unicodedata.normalize("NFC", "Đà Nẵng, TP.HCM và Hà Nội: giá 1.234.567 đồng (3,5%)."),
        "Le café est très bon à Paris où les élèves étudient déjà.",
        "Ação não é fácil; João está lá com a família e os irmãos.",
        "Über die Brücke gehen Mädchen und Jungen zur Schule.",
        "El niño pequeño comió una piña en el año pasado.",
        "½ cup sugar, 2 × 3 cm, © 2023 Huế-S™, 25°C ± 1 — “ok”",
        "Acme® and Widget© «quoted» text",
        "La col·lecció de l'any passat és a la biblioteca",
        "",
    ],
)
def test_real_text_is_not_called_legacy(text: str) -> None:
    assert legacy_font_encoding(text) is None


def test_seed_document_reads_cleanly() -> None:
    source = read_source(SEED)
    assert source.warnings == ()
    assert source.encoding == "utf-8"
    assert source.text == unicodedata.normalize("NFC", SEED.read_bytes().decode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_clearly(data: bytes) -> None:
    try:
        source = decode_source(data, "x.txt")
    except UserError as exc:
        assert exc.exit_code == 2 and "x.txt" in exc.message and "\n" not in exc.message
    else:
        assert unicodedata.is_normalized("NFC", source.text)
        assert len(source.text) <= len(data)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300))
def test_any_utf8_text_round_trips_or_fails_clearly(text: str) -> None:
    try:
        source = decode_source(text.encode("utf-8"), "x.txt")
    except UserError as exc:
        assert exc.exit_code == 2 and "x.txt" in exc.message
        nfc = unicodedata.normalize("NFC", text).removeprefix("\ufeff")
        controls = sum(
            unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v\x1c\x1d\x1e\x85" for c in nfc
        )
        mostly_controls = controls >= 8 and controls * 3 > len(nfc)
        explained = "\x00" in nfc or mostly_controls or legacy_font_encoding(nfc)
        assert explained, exc.message
    else:
        expected = unicodedata.normalize("NFC", text)
        assert source.text == expected.removeprefix("\ufeff")


# --- atomic writes -------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_atomic_write_text_is_exact_utf8(tmp_path: Path) -> None:
    target = tmp_path / "locales" / "en" / "a.po"
    atomic_write_text(target, 'msgid "Huế"\r\nmsgstr ""\r\n')
    assert target.read_bytes() == 'msgid "Huế"\r\nmsgstr ""\r\n'.encode()
    assert leftovers(target.parent) == []


def test_atomic_write_new_file_follows_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write_bytes(tmp_path / "new.po", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.po").stat().st_mode) == 0o640


def test_atomic_write_keeps_existing_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"old")
    target.chmod(0o604)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_atomic_write_through_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.po"
    real.write_bytes(b"old")
    link = tmp_path / "link.po"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_failed_rename_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserError, match=r"cannot write .*a\.po: No space left on device"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_interrupt_during_write_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"old")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"new" * 1000)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write any folder"
)
def test_unwritable_folder_is_a_user_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.po").write_bytes(b"old")
    folder.chmod(0o555)
    try:
        with pytest.raises(UserError, match=r"cannot write .*a\.po"):
            atomic_write_bytes(folder / "a.po", b"new")
    finally:
        folder.chmod(0o755)
    assert (folder / "a.po").read_bytes() == b"old"


def test_target_that_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.po").mkdir()
    with pytest.raises(UserError, match="cannot write"):
        atomic_write_bytes(tmp_path / "a.po", b"new")
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------------------------------
# NFC fast path


def _second_halves_of_compositions() -> set[str]:
    """Every character that can compose with the one before it under NFC."""
    seconds = {chr(cp) for cp in range(0x1161, 0x1176)} | {chr(cp) for cp in range(0x11A8, 0x11C3)}
    for cp in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(chr(int(parts[1], 16)))
    return seconds


def test_nfc_stable_characters_never_change_under_nfc() -> None:
    from translate.sourcetext import _MAY_CHANGE_UNDER_NFC

    seconds = _second_halves_of_compositions()
    stable = [
        chr(cp) for cp in range(sys.maxunicode + 1) if not _MAY_CHANGE_UNDER_NFC.match(chr(cp))
    ]
    assert len(stable) > 900  # ASCII, Latin-1, Latin Extended, Vietnamese, punctuation
    for char in stable:
        assert unicodedata.combining(char) == 0, hex(ord(char))
        assert unicodedata.normalize("NFC", char) == char, hex(ord(char))
        assert char not in seconds, hex(ord(char))


_NFC_ALPHABET = "ae\u0065\u0302\u0301\u0323\u0300oôơư\u031b\u212b\u2000\n\r \u1100\u1161\u11a8가é"


@given(st.text(alphabet=_NFC_ALPHABET, max_size=40))
def test_to_nfc_equals_full_normalisation(text: str) -> None:
    assert to_nfc(text) == unicodedata.normalize("NFC", text)


def test_to_nfc_normalises_only_what_needs_it() -> None:
    decomposed = "Tie\u0302\u0301ng Vie\u0323\u0302t"
    text = f"Tiếng Việt\n{decomposed}\nxin chào"
    assert to_nfc(text) == "Tiếng Việt\nTiếng Việt\nxin chào"
    assert to_nfc("Tiếng Việt") == "Tiếng Việt"


def test_a_file_cut_in_the_middle_of_a_character_is_told_so(tmp_path: Path) -> None:
    # Round 14: a short UTF-8 file cut mid-character (an interrupted download) was said to
    # look typed with a TCVN3 legacy font, and the user sent to a font converter.
    data = "Xin chào các bạn.\nHôm nay trời đẹp.\nẢ".encode()[:-2]
    message = refused(write(tmp_path, "a.txt", data))
    assert "cut short" in message and "TCVN3" not in message
    # Legacy bytes whose one high byte happens to end the file are not "cut short".
    assert "cut short" not in refused(write(tmp_path, "b.txt", b"Hello, world. Xin ch\xe0"))
