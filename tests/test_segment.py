"""segment_text's contract (lossless spans, lines, paragraphs, breaks, notes, length cap),
load_abbreviations, and the `translate segment` command."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from linear_time import assert_linear

from translate.cli import cli, main
from translate.document import NO_LANGUAGE, BreakKind, Document, Note
from translate.errors import UserError
from translate.langid import detect_language
from translate.segment import load_abbreviations, segment_text

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def assert_contract(document: Document, max_length: int) -> None:
    """Invariants every segmentation must satisfy."""
    text = document.text
    gaps = list(document.gaps())
    rebuilt = gaps[0] + "".join(
        segment.text + gap for segment, gap in zip(document.segments, gaps[1:], strict=True)
    )
    assert rebuilt == text
    assert all(not gap.strip() for gap in gaps), "only whitespace may lie between segments"
    previous_end = 0
    previous_paragraph = -1
    for segment in document.segments:
        assert segment.text == text[segment.start : segment.end]
        assert segment.start >= previous_end
        assert segment.text and segment.text == segment.text.strip()
        assert len(segment.text) <= max_length
        assert segment.line == len(LINE_BREAK.findall(text, 0, segment.start)) + 1
        assert segment.paragraph in (previous_paragraph, previous_paragraph + 1)
        assert segment.lang
        assert (Note.WRAPPED in segment.notes) == (LINE_BREAK.search(segment.text) is not None)
        previous_end = segment.end
        previous_paragraph = segment.paragraph
    if document.segments:
        assert document.segments[0].paragraph == 0
        assert document.segments[-1].break_kind is BreakKind.END


VIETNAMESE_ALPHABET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
    "ùúủũụừứửữựỳýỷỹỵĐỞỨ0123456789"
)
TRICKY = st.sampled_from(
    [" ", "  ", " " * 12, "\n", "\r\n", "\r", "\n\n", "\t", "\u00a0", "\u2028", ".", "...", "…",
     "?!", "!",
     "“", "”", '"', "'", "(", ")", "[", "]", "-", "–", ",", ":", ";", "TP.", "PGS.TS.", "v.v.",
     "A.", "1.", "a)", "- ", "900.000", "3,5%", "12/11/2023", "https://hue.gov.vn.",
     "sản phẩmThích", "ClockChủ", "iPhone", "Hue-S", "#Chuyển", "\u0301", "\u0323", "e\u0302"]
)  # fmt: skip
VIETNAMESE_TEXT = st.lists(
    st.one_of(TRICKY, st.text(alphabet=VIETNAMESE_ALPHABET, min_size=1, max_size=8)),
    max_size=60,
).map("".join)
MODES = st.sampled_from(["auto", "paragraph", "wrap"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=VIETNAMESE_TEXT, mode=MODES, max_length=st.integers(min_value=1, max_value=80))
def test_lossless_on_vietnamese_like_text(text: str, mode: str, max_length: int) -> None:
    assert_contract(segment_text(text, line_breaks=mode, max_length=max_length), max_length)


@settings(max_examples=300, deadline=None)
@given(text=st.text(), mode=MODES, max_length=st.integers(min_value=1, max_value=50))
def test_lossless_on_arbitrary_unicode(text: str, mode: str, max_length: int) -> None:
    assert_contract(segment_text(text, line_breaks=mode, max_length=max_length), max_length)


@settings(max_examples=100, deadline=None)
@given(text=VIETNAMESE_TEXT)
def test_lossless_on_decomposed_text(text: str) -> None:
    """NFD text (combining tone marks) is segmented as given: nothing is recomposed."""
    decomposed = unicodedata.normalize("NFD", text)
    document = segment_text(decomposed)
    assert document.text == decomposed
    assert_contract(document, 2000)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=VIETNAMESE_TEXT, form=st.sampled_from([None, "NFC", "NFD"]))
@example(text="Xin chào. \u0301Cà phê ngon.", form=None)  # (NFC: a segment opens combining)
@example(text="Xin chào. Return to top", form="NFD")
def test_each_segment_has_the_language_of_its_own_text(text: str, form: str | None) -> None:
    """segment_text checks once per document whether it is NFC: each segment must still get
    what detect_language gives its text alone, in NFC, NFD and mixed documents."""
    if form is not None:
        text = unicodedata.normalize(form, text)
    for segment in segment_text(text).segments:
        assert segment.lang == detect_language(segment.text)


def test_decomposed_document_gets_the_languages_of_its_composed_form() -> None:
    text = "Cà phê ngon. Return to top\nHà Nội và Huế."
    composed, decomposed = segment_text(text), segment_text(unicodedata.normalize("NFD", text))
    assert [s.lang for s in decomposed.segments] == [s.lang for s in composed.segments]
    assert [s.lang for s in composed.segments] == ["vi", "en", "vi"]


def test_line_endings_lines_and_paragraphs() -> None:
    text = "Câu một.\r\nCâu hai. Câu ba.\r\n\r\nCâu bốn.\rCâu năm.\n"
    document = segment_text(text)
    assert [(s.message, s.line, s.paragraph, s.break_kind) for s in document.segments] == [
        ("Câu một.", 1, 0, BreakKind.LINE),
        ("Câu hai.", 2, 1, BreakKind.SENTENCE),
        ("Câu ba.", 2, 1, BreakKind.PARAGRAPH),
        ("Câu bốn.", 4, 2, BreakKind.LINE),
        ("Câu năm.", 5, 3, BreakKind.END),
    ]
    assert "".join(document.gaps()) == "\r\n \r\n\r\n\r\n"


WRAPPED_LETTER = (
    "Kính gửi ông Giám đốc\nSở Thông tin và Truyền thông đề nghị\ncác đơn vị báo cáo.\n"
)


def test_auto_joins_lowercase_continuations_and_keeps_the_break_in_the_span() -> None:
    document = segment_text(WRAPPED_LETTER)
    assert [segment.text for segment in document.segments] == [
        "Kính gửi ông Giám đốc",
        "Sở Thông tin và Truyền thông đề nghị\ncác đơn vị báo cáo.",
    ]
    wrapped = document.segments[1]
    assert wrapped.message == "Sở Thông tin và Truyền thông đề nghị các đơn vị báo cáo."
    assert wrapped.notes == (Note.WRAPPED,)
    assert wrapped.line == 2


def test_paragraph_mode_never_joins_lines() -> None:
    document = segment_text(WRAPPED_LETTER, line_breaks="paragraph")
    assert [segment.paragraph for segment in document.segments] == [0, 1, 2]
    assert all(Note.WRAPPED not in segment.notes for segment in document.segments)


def test_wrap_mode_joins_every_single_line_break() -> None:
    text = "Tiêu đề bài viết\nNội dung dòng một\nvà dòng hai.\n\nĐoạn mới."
    document = segment_text(text, line_breaks="wrap")
    assert [(s.message, s.paragraph) for s in document.segments] == [
        ("Tiêu đề bài viết Nội dung dòng một và dòng hai.", 0),
        ("Đoạn mới.", 1),
    ]


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError, match="line_breaks"):
        segment_text("Chào.", line_breaks="lines")
    with pytest.raises(ValueError, match="max_length"):
        segment_text("Chào.", max_length=0)


def test_empty_and_blank_documents_have_no_segments() -> None:
    assert segment_text("").segments == ()
    assert segment_text(" \r\n\n\t ").segments == ()


def test_path_is_kept_and_every_segment_has_a_language() -> None:
    document = segment_text("Xin chào. Return to top\n12/11/2023", path="seeds/a.vi.txt")
    assert document.path == "seeds/a.vi.txt"
    assert [segment.lang for segment in document.segments] == ["vi", "en", NO_LANGUAGE]


def test_scrape_join_marks_both_sides() -> None:
    document = segment_text("năng suất, chất lượng sản phẩmThích ứng chuyển đổi số")
    first, second = document.segments
    assert first.end == second.start
    assert first.break_kind is BreakKind.JOIN
    assert second.notes == (Note.REPAIRED_JOIN,)


def test_long_segment_is_cut_at_a_comma_then_at_a_space() -> None:
    clause = "các sở, ban, ngành cùng phối hợp thực hiện chuyển đổi số trong doanh nghiệp"
    text = " ".join([clause] * 40) + "."
    document = segment_text(text, max_length=200)
    assert len(document.segments) > 1
    for segment in document.segments:
        assert len(segment.text) <= 200
        assert Note.LENGTH_SPLIT in segment.notes
    assert [s.break_kind for s in document.segments[:-1]] == [BreakKind.LENGTH] * (
        len(document.segments) - 1
    )
    assert document.segments[0].text.endswith(",")
    assert_contract(document, 200)


def test_hard_cut_keeps_combining_marks_with_their_letter() -> None:
    text = "a" * 9 + "e\u0302\u0301" + "b" * 20
    document = segment_text(text, max_length=10)
    assert_contract(document, 10)
    assert not any(unicodedata.combining(segment.text[0]) for segment in document.segments)


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [
        "dữ liệu số TP. Huế 900.000 người, ",  # abbreviations and numbers, no sentence end
        "chia sẻ dữ liệu giữa các sở ",  # no punctuation at all
        ".",  # one megabyte of periods
        "ảBcĐe",  # scrape-join candidates everywhere
        'a. "b" ',  # lowercase sentences and quotes
        "giữ.Sáng ỦY\nBAN: - a – b[3]Sau ",  # glued ends, lone lines, flattened lists, citations
        "vui quá ạ Tôi 😋 Ai thích ",  # chat: ends without punctuation before openers
        # round 4: credits, quotes glued after a stop, repeated and numbered headings, headers
        'cảnh ẢNH: CTV Trước đó giữ."Tôi ĐẤT 1. Cửa Hội Cửa Hội trong lại.12 người ',
        "Độc lập - Tự do - Hạnh phúc Số 2. Thẩm quyền đề nghị xét Thẩm quyền đề nghị ",
    ],
)
def test_one_megabyte_paragraph_is_linear(unit: str) -> None:
    assert_linear(unit, 250_000, slack=0.5)


# --- abbreviations ---------------------------------------------------------------------------


def test_user_abbreviations_and_mixed_case_names(tmp_path: Path) -> None:
    text = "Gđ. Nguyễn Văn Sơn dự lễ ra mắt ứng dụng HuếSmart."
    default = [segment.message for segment in segment_text(text).segments]
    assert default == ["Gđ.", "Nguyễn Văn Sơn dự lễ ra mắt ứng dụng Huế", "Smart."]
    path = tmp_path / "abbr.txt"
    path.write_text(
        "\ufeff# extra titles\nGđ.   # giám đốc\n\nHuếSmart\nPGS.TS.\n", encoding="utf-8"
    )
    extra = load_abbreviations(path)
    assert extra == frozenset({"Gđ.", "HuếSmart", "PGS.TS."})
    assert [s.message for s in segment_text(text, abbreviations=extra).segments] == [text]


def test_abbreviation_entries_are_normalised_to_nfc(tmp_path: Path) -> None:
    path = tmp_path / "abbr.txt"
    path.write_text(unicodedata.normalize("NFD", "Tđ.\n"), encoding="utf-8")
    assert load_abbreviations(path) == frozenset({"Tđ."})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"G\xe9n.\n", "not UTF-8"),
        (b"TS. BS.\n", "abbr.txt:1"),
    ],
)
def test_bad_abbreviation_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "abbr.txt"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        load_abbreviations(path)


def test_missing_abbreviation_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        load_abbreviations(tmp_path / "none.txt")


# --- the command -----------------------------------------------------------------------------

SAMPLE = "Tin mới\nTP. Huế có 900.000 dân. Return to top\n\nĐoạn hai.\n"


def run_cli(*args: str, input_text: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["segment", *args], input=input_text)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cli_text_format(tmp_path: Path) -> None:
    source = tmp_path / "a.vi.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    code, out, _ = run_cli(str(source))
    assert code == 0
    assert out == "Tin mới\n\nTP. Huế có 900.000 dân.\nReturn to top\n\nĐoạn hai.\n"


def test_cli_reads_stdin_and_writes_jsonl() -> None:
    code, out, _ = run_cli("--format", "jsonl", "-", input_text=SAMPLE)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [record["message"] for record in records] == [
        "Tin mới",
        "TP. Huế có 900.000 dân.",
        "Return to top",
        "Đoạn hai.",
    ]
    second = records[1]
    assert second == {
        "path": "-",
        "index": 1,
        "text": "TP. Huế có 900.000 dân.",
        "message": "TP. Huế có 900.000 dân.",
        "start": 8,
        "end": 31,
        "line": 2,
        "paragraph": 1,
        "break": "sentence",
        "lang": "vi",
        "notes": [],
    }
    assert records[2]["lang"] == "en"
    assert SAMPLE[second["start"] : second["end"]] == second["text"]


def test_cli_line_breaks_abbreviations_and_encoding(tmp_path: Path) -> None:
    source = tmp_path / "letter.txt"
    source.write_bytes("Xin chào Gđ. Lan\nvà các bạn.".encode("utf-16"))
    abbreviations = tmp_path / "abbr.txt"
    abbreviations.write_text("Gđ.\n", encoding="utf-8")
    code, out, _ = run_cli(
        "--line-breaks", "wrap", "--abbreviations", str(abbreviations),
        "--encoding", "utf-16", str(source),
    )  # fmt: skip
    assert code == 0
    assert out == "Xin chào Gđ. Lan và các bạn.\n"


def test_cli_pot_format(tmp_path: Path) -> None:
    catalog = pytest.importorskip("translate.catalog")
    if not hasattr(catalog, "render_template"):
        pytest.skip("translate.catalog.render_template is not there yet")
    source = tmp_path / "a.vi.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    code, out, _ = run_cli("--format", "pot", str(source))
    assert code == 0
    assert 'msgid ""' in out
    assert 'msgid "TP. Huế có 900.000 dân."' in out


def test_cli_missing_file_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["segment", str(tmp_path / "missing.txt")])
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("Error: ") and "missing.txt" in error


def test_cli_help_does_not_import_langdetect() -> None:
    script = (
        "import sys\nfrom translate.cli import cli\n"
        "try:\n    cli.main(['segment', '--help'], prog_name='translate')\n"
        "except SystemExit:\n    pass\n"
        "print('langdetect' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "--line-breaks" in result.stdout
    assert result.stderr.strip() == "False"


def test_segment_command_module_is_registered() -> None:
    module = importlib.import_module("translate.cli.segment_cmd")
    assert cli.get_command(None, "segment") is module.segment  # type: ignore[arg-type]


def test_a_wide_gap_after_an_exclamation_is_no_crash() -> None:
    """PDF extracts and indented HTML put a dozen spaces between sentences."""
    texts = [s.text for s in segment_text("Xin chào!          Để biết thêm.").segments]
    assert texts == ["Xin chào!", "Để biết thêm."]


# The document-level scans take shortcuts (a split in C, literal searches first); on any
# text they give what the plain regex scans give.
_scan_text = st.text(alphabet=st.sampled_from("a .…-M>\r\nỤC LụcụcL([^↑sửa0:,"), max_size=60)


@given(_scan_text)
def test_line_starts_are_those_of_the_line_break_pattern(text: str) -> None:
    from translate.segment.patterns import LINE_BREAK, starts_of_lines

    assert starts_of_lines(text) == [0, *(match.end() for match in LINE_BREAK.finditer(text))]


@given(_scan_text)
@example("0:00:03.964,0:00:08.867 Xin chào.\n0:00:08.867,0:00:10.100 Mục lục.... 1")
def test_layout_marks_are_the_layout_pattern_matches(text: str) -> None:
    from translate.segment.patterns import LAYOUT_MARK, layout_marks

    assert layout_marks(text) == [match.start() for match in LAYOUT_MARK.finditer(text)]


@given(_scan_text)
@example("a------b; Điều 1 $$ ** == &nbsp; (x) [1] ^ ↑ sửa")
def test_rare_join_marks_are_every_rare_mark(text: str) -> None:
    # The list itself grows with the rules; what is tested is that every start of every mark
    # is found once, overlapping runs (`------`) included, in order.
    from translate.segment.joins import _RARE_MARKS, rare_join_marks

    expected = [at for at in range(len(text)) if text.startswith(_RARE_MARKS, at)]
    assert rare_join_marks(text) == expected
