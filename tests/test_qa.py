"""`translate check` and the rules in translate/qa.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from translate import qa
from translate.cli import cli, main
from translate.errors import UserError
from translate.provenance import msgstr_digest

MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU msgfmt is not installed")

HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: test 1.0\\n"
"Report-Msgid-Bugs-To: qa@example.org\\n"
"POT-Creation-Date: 2024-01-01 00:00+0000\\n"
"PO-Revision-Date: 2024-01-02 00:00+0000\\n"
"Last-Translator: Reviewer <reviewer@example.org>\\n"
"Language-Team: English <en@example.org>\\n"
"Language: en\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Source-Language: vi\\n"
"""


def po_entry(
    msgid: str,
    msgstr: str,
    *,
    fuzzy: bool = False,
    comments: tuple[str, ...] = (),
    reference: str = "seeds/doc.vi.txt:1",
) -> str:
    lines = [f"# {comment}" for comment in comments]
    lines.append(f"#: {reference}")
    if fuzzy:
        lines.append("#, fuzzy")
    lines.append(f'msgid "{msgid}"')
    lines.append(f'msgstr "{msgstr}"')
    return "\n".join(lines) + "\n"


def write_po(path: Path, *entries: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join("\n" + entry for entry in entries), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _capture(capsys: pytest.CaptureFixture[str]) -> None:
    global _CAPSYS
    _CAPSYS = capsys


_CAPSYS: pytest.CaptureFixture[str] | None = None


def run_translate(args: list[str]) -> tuple[int, str, str]:
    """Run the real console entry point (exit-code mapping included); (code, stdout, stderr)."""
    assert _CAPSYS is not None
    _CAPSYS.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    captured = _CAPSYS.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# ---------------------------------------------------------------------------------------------
# Normalisation functions


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("900.000", {"900000"}),
        ("1.234.567", {"1234567"}),
        ("3,5", {"3.5"}),
        ("1.234,5", {"1234.5"}),
        ("2025", {"2025"}),
        ("07", {"7"}),
        ("4.0", {"4"}),  # English-style version number in Vietnamese text
        ("1.000", {"1000"}),  # a dot before three digits separates thousands
        ("1,000", {"1", "1000"}),  # English-style thousands, or a Vietnamese decimal
    ],
)
def test_vietnamese_number_values(token: str, expected: set[str]) -> None:
    assert qa.vietnamese_number_values(token) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("900,000", {"900000"}),
        ("900000", {"900000"}),
        ("3.5", {"3.5"}),
        ("1,234,567.25", {"1234567.25"}),
        ("3.50", {"3.5"}),
    ],
)
def test_english_number_values(token: str, expected: set[str]) -> None:
    assert qa.english_number_values(token) == expected


def test_english_number_words() -> None:
    assert qa.english_number_words("three sessions") == {"3"}
    assert qa.english_number_words("the third time") == {"3"}
    assert {"21"} <= qa.english_number_words("twenty-one days")
    assert qa.english_number_words("hit two sixes") == {"2", "6"}
    assert qa.english_number_words("no numbers here") == frozenset()


def test_scaled_values() -> None:
    assert qa.scaled_values({"1.5"}, 10**9) == {"1500000000"}


def test_dates_and_times_normalise() -> None:
    assert qa.vietnamese_date("12", "11", "2023") == qa.DateValue(12, 11, 2023)
    assert qa.vietnamese_date("32", "11", None) is None
    assert qa.vietnamese_date(None, "13", "2023") is None
    assert qa.english_numeric_dates(11, 12, 2023) == {
        qa.DateValue(11, 12, 2023),
        qa.DateValue(12, 11, 2023),
    }
    assert qa.english_numeric_dates(25, 12, None) == {qa.DateValue(25, 12, None)}
    assert qa.same_year(23, 2023) and qa.same_year(2023, 2023) and not qa.same_year(2022, 2023)
    assert qa.vietnamese_time("7", "30") == qa.TimeValue(7, 30)
    assert qa.vietnamese_time("19", None) == qa.TimeValue(19, 0, minute_written=False)
    assert qa.vietnamese_time("25", "00") is None
    assert qa.english_time_readings(7, 30, "p.m.") == {(19, 30)}
    assert qa.english_time_readings(12, 0, "am") == {(0, 0)}
    assert qa.english_time_readings(7, 30, "") == {(7, 30), (19, 30)}


# ---------------------------------------------------------------------------------------------
# Placeables: accepted English forms and real omissions

ACCEPTED = [
    ("Giá vé là 900.000 đồng.", "The ticket costs 900,000 dong."),
    ("Giá vé là 900.000 đồng.", "The ticket costs VND 900000."),
    ("Giá vé là 900.000 đồng.", "The ticket costs 900.000 dong."),  # kept literally
    ("Lạm phát tăng 3,5% so với năm trước.", "Inflation rose 3.5% from last year."),
    ("Lạm phát tăng 3,5% so với năm trước.", "Inflation rose 3.5 per cent from last year."),
    ("32% ủng hộ bà.", "Thirty-two percent supported her."),
    ("Ngày 12/11/2023 sự kiện khai mạc.", "The event opened on November 12, 2023."),
    ("Ngày 12/11/2023 sự kiện khai mạc.", "The event opened on 12 November 2023."),
    ("Ngày 12/11/2023 sự kiện khai mạc.", "The event opened on 2023-11-12."),
    ("Ngày 12/11/2023 sự kiện khai mạc.", "The event opened on 11/12/2023."),  # US order
    ("Diễn ra trong 2 ngày 16 và 17/11.", "It takes place over two days, November 16 and 17."),
    ("Khai mạc lúc 7h30 sáng.", "It opens at 7:30 in the morning."),
    ("Khai mạc lúc 19h.", "It opens at 7 p.m."),
    ("Kết thúc lúc 12:00 giờ GMT.", "It ended at 1200 GMT."),
    ("Làm việc 5h mỗi ngày.", "Working 5 hours a day."),
    ("Vào ngày 16 tháng 11, ông đến.", "He arrived on November 16."),
    ("Hội nghị diễn ra vào thứ 2.", "The conference is on Monday."),
    ("Dự án trị giá 5 triệu USD.", "The project is worth 5 million USD."),
    ("Dự án trị giá 5 triệu USD.", "The project is worth USD 5,000,000."),
    ("Doanh thu đạt 1,5 tỷ đồng.", "Revenue reached VND 1.5 billion."),
    ("Có 3 phiên hội thảo chuyên sâu.", "There are three in-depth workshops."),
    ("Xem tại https://thuathienhue.gov.vn/tin-tuc.", "See https://thuathienhue.gov.vn/tin-tuc."),
    ("Truy cập hue.gov.vn để biết thêm.", "Visit hue.gov.vn for more."),
    ("Liên hệ lienhe@hue.gov.vn ngay.", "Contact lienhe@hue.gov.vn now."),
    ("Kỷ niệm 2/9/1945.", "Commemorating September 2, 1945."),
    ("Tỷ số là 25/40 điểm.", "The score is 25 out of 40 points."),
]


@pytest.mark.parametrize(("msgid", "msgstr"), ACCEPTED)
def test_accepted_english_forms(msgid: str, msgstr: str) -> None:
    assert qa.missing_placeables(msgid, msgstr) == []


REJECTED = [
    ("Giá vé là 900.000 đồng.", "The ticket costs 90,000 dong.", "number", "900.000"),
    (
        "Lạm phát tăng 3,5% so với năm trước.",
        "Inflation rose 35% from last year.",
        "percent",
        "3,5%",
    ),
    (
        "Ngày 12/11/2023 sự kiện khai mạc.",
        "The event opened on November 13, 2023.",
        "date",
        "12/11/2023",
    ),
    ("Ngày 12/11/2023 sự kiện khai mạc.", "The event opened in November.", "date", "12/11/2023"),
    ("Khai mạc lúc 7h30 sáng.", "It opens at 8:30 in the morning.", "time", "7h30"),
    ("Vào tháng 11, ông đến.", "He arrived in October.", "number", "11"),
    ("Xem tại https://hue.gov.vn/a.", "See the website.", "url", "https://hue.gov.vn/a"),
    ("Liên hệ lienhe@hue.gov.vn ngay.", "Contact us now.", "email", "lienhe@hue.gov.vn"),
    ("Thu hút hơn 50 diễn giả.", "Attracting more than 15 speakers.", "number", "50"),
]


@pytest.mark.parametrize(("msgid", "msgstr", "kind", "text"), REJECTED)
def test_missing_placeables_found(msgid: str, msgstr: str, kind: str, text: str) -> None:
    missing = qa.missing_placeables(msgid, msgstr)
    assert [(item.kind, item.text) for item in missing] == [(kind, text)]


@given(st.integers(min_value=1000, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_vietnamese_number_accepted_in_english_form(integer: int, cents: int) -> None:
    vietnamese = f"{integer:,}".replace(",", ".") + f",{cents:02d}"
    english = f"{integer:,}.{cents:02d}"
    plain = f"{integer}.{cents:02d}"
    msgid = f"Tổng cộng {vietnamese} đồng."
    assert qa.missing_placeables(msgid, f"A total of {english} dong.") == []
    assert qa.missing_placeables(msgid, f"A total of {plain} dong.") == []
    wrong = f"{integer + 1:,}.{cents:02d}"
    assert [item.text for item in qa.missing_placeables(msgid, f"A total of {wrong}.")] == [
        vietnamese
    ]


@settings(max_examples=300)
@given(st.text())
def test_a_copy_keeps_every_placeable(text: str) -> None:
    assert qa.missing_placeables(text, text) == []


# ---------------------------------------------------------------------------------------------
# Brackets, length, language


def test_bracket_problems() -> None:
    assert qa.bracket_problems("(a [b] {c}) “d”") == {}
    assert qa.bracket_problems("(a") == {"()": "'(' is not closed"}
    assert qa.bracket_problems("a)") == {"()": "')' has no opening '('"}
    assert '"' in qa.bracket_problems('He said "yes')
    assert qa.bracket_problems("Vietnam’s capital") == {}  # ’ as an apostrophe


def test_new_bracket_problems_only_when_balanced_in_msgid() -> None:
    assert qa.new_bracket_problems("Sở Thông tin (TT&TT) họp.", "The department (DIC met.") == [
        "'(' is not closed"
    ]
    # A quotation spanning segments: the msgid's quote is open too, any quote style.
    assert qa.new_bracket_problems("“Dữ liệu sống khi nó liên thông.", '"Data lives.') == []
    assert qa.new_bracket_problems("Không có ngoặc.", "No brackets.") == []


def test_length_ratio_outlier() -> None:
    msgid = "Tuần lễ chuyển đổi số năm nay có những điểm nhấn nào đặc biệt?"
    assert qa.length_ratio_outlier(msgid, "What are the highlights of this year's week?") is None
    assert qa.length_ratio_outlier(msgid, "Highlights?") == pytest.approx(11 / len(msgid))
    assert qa.length_ratio_outlier(msgid, msgid * 3) == pytest.approx(3.0)
    assert qa.length_ratio_outlier("Ngắn.", "A very much longer translation") is None


def test_repetition() -> None:
    assert qa.repeated_run("the the the city") == "the"
    assert qa.repeated_run("of the city of the city of the city today") == "of the city"
    assert qa.repeated_run("He had had enough; that that is fine.") is None
    assert qa.new_repetition("Không, không, không.", "No, no, no.") is None
    assert qa.new_repetition("Dữ liệu số.", "Digital data data data data.") == "data"


def test_non_english_language() -> None:
    vietnamese = "Sự kiện gồm nhiều hoạt động phong phú như hội nghị phiên toàn thể."
    assert qa.non_english_language(vietnamese) == "vi"
    # Vietnamese names keep their diacritics in English: still English.
    english = "Mr. Nguyễn Xuân Sơn, Director of the Thừa Thiên Huế Department, spoke."
    assert qa.non_english_language(english) is None
    french = "Le directeur du département a présenté les résultats de cette année aux journalistes."
    assert qa.non_english_language(french) == "fr"
    assert qa.non_english_language("Huế 2023") is None
    assert qa.non_english_language("HƯỚNG ĐẾN HỆ SINH THÁI ĐỒNG BỘ") == "vi"
    assert qa.non_english_language("The CĐS strategy of Huế is ready.") is None


def test_untranslated_copy_only_for_vietnamese_sentences() -> None:
    vietnamese = "Thưa ông, Tuần lễ năm nay có gì đặc biệt?"
    assert qa.entry_findings(vietnamese, vietnamese) == [
        ("untranslated", "msgstr is a copy of the Vietnamese msgid")
    ]
    assert qa.entry_findings("Nguyễn Xuân Sơn", "Nguyễn Xuân Sơn") == []  # a name
    assert qa.entry_findings("TIN MỚI", "TIN MỚI")[0][0] == "untranslated"  # a heading
    assert qa.entry_findings("Return to top", "Return to top") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10", qa.Threshold(10, False)),
        ("5%", qa.Threshold(5, True)),
        (" 2.5 % ", qa.Threshold(2.5, True)),
    ],
)
def test_parse_threshold(text: str, expected: qa.Threshold) -> None:
    assert qa.parse_threshold(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "-1", "2.5", "150%", "%"])
def test_parse_threshold_rejects(text: str) -> None:
    with pytest.raises(UserError) as error:
        qa.parse_threshold(text, "--max-fuzzy")
    assert error.value.exit_code == 2 and "--max-fuzzy" in error.value.message


def test_threshold_exceeded() -> None:
    assert qa.Threshold(2, False).exceeded(3, 10) and not qa.Threshold(3, False).exceeded(3, 10)
    assert qa.Threshold(20, True).exceeded(3, 10) and not qa.Threshold(30, True).exceeded(3, 10)
    assert not qa.Threshold(0, True).exceeded(0, 0)


def test_parse_msgfmt_output() -> None:
    output = (
        "a.po:8: duplicate message definition...\n"
        "a.po:6: ...this is the location of the first definition\n"
        "a.po:3: warning: header field 'Language' missing in header\n"
        "msgfmt: found 1 fatal error\n"
    )
    findings = qa.parse_msgfmt_output(output, "a.po")
    assert [(f.line, f.check) for f in findings] == [(8, "msgfmt"), (3, "msgfmt")]
    assert findings[0].message == (
        "duplicate message definition (see line 6: this is the location of the first definition)"
    )
    assert findings[1].message == "warning: header field 'Language' missing in header"
    headerless = qa.parse_msgfmt_output(
        "a.po: warning: PO file header missing or invalid\n"
        "                         warning: charset conversion will not work\n",
        "a.po",
    )
    assert [(f.line, f.message) for f in headerless] == [
        (1, "warning: PO file header missing or invalid; warning: charset conversion will not work")
    ]


# ---------------------------------------------------------------------------------------------
# Catalogues and the command


def test_clean_catalogue_passes(tmp_path: Path) -> None:
    po = write_po(
        tmp_path / "en" / "doc.po",
        po_entry("Giá vé là 900.000 đồng.", "The ticket costs 900,000 dong."),
        po_entry("Return to top", "Return to top", comments=("copy: source language is en",)),
        po_entry("Chào bạn.", "Hello.", fuzzy=True),
        po_entry("Tạm biệt.", ""),
    )
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "no findings in 1 catalogue (2 entries checked; 1 fuzzy and 1 untranslated "
        "not content-checked)"
        + ("" if MSGFMT else "; msgfmt --check not run (GNU gettext is not installed)")
    ]
    assert po.read_text(encoding="utf-8").startswith(HEADER)  # only read


def test_findings_point_at_the_msgid_line(tmp_path: Path) -> None:
    vietnamese = "Thưa ông, Tuần lễ năm nay có những điểm nhấn nào đặc biệt?"
    po = write_po(
        tmp_path / "doc.po",
        po_entry("Giá vé là 900.000 đồng.", "The ticket costs 90,000 dong."),
        po_entry(vietnamese, vietnamese),
        po_entry("Sở Thông tin (TT&TT) họp.", "The department (DIC met."),
        po_entry(
            "Sự kiện gồm nhiều hoạt động phong phú như hội nghị phiên toàn thể.",
            "Sự kiện gồm nhiều hoạt động phong phú như hội nghị.",
        ),
        po_entry("Tuần lễ chuyển đổi số năm nay có những điểm nhấn nào đặc biệt?", "Highlights?"),
    )
    report = qa.check_catalogues([po])
    found = [(f.line, f.check) for f in report.findings]
    assert found == [
        (line_of(po, "900.000"), "number"),
        (line_of(po, f'msgid "{vietnamese}"'), "untranslated"),
        (line_of(po, "(TT&TT)"), "brackets"),
        (line_of(po, "phong phú như hội nghị phiên"), "language"),
        (line_of(po, 'msgid "Tuần lễ chuyển đổi số'), "length"),
    ]
    result = CliRunner().invoke(cli, ["check", str(po)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == (
        f"{po}:{line_of(po, '900.000')}: number: '900.000' of the msgid missing from the msgstr"
    )
    # the msgstr that copies the Vietnamese msgid counts as untranslated (issue 12, case 6)
    assert lines[-1].startswith("5 findings in 1 catalogue (4 entries checked; 0 fuzzy and 1 untr")


def test_fuzzy_entries_checked_only_on_request(tmp_path: Path) -> None:
    po = write_po(
        tmp_path / "doc.po", po_entry("Thu hút 50 diễn giả.", "Attracting 15.", fuzzy=True)
    )
    assert CliRunner().invoke(cli, ["check", str(po)]).exit_code == 0
    result = CliRunner().invoke(cli, ["check", "--include-fuzzy", str(po)])
    assert result.exit_code == 1
    assert ": number: '50' of the msgid missing" in result.output


def test_thresholds(tmp_path: Path) -> None:
    po = write_po(
        tmp_path / "doc.po",
        po_entry("Một.", "One."),
        po_entry("Hai.", "Two.", fuzzy=True),
        po_entry("Ba.", "Three.", fuzzy=True),
        po_entry("Bốn.", ""),
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["check", "--max-fuzzy", "2", str(po)]).exit_code == 0
    assert runner.invoke(cli, ["check", "--max-fuzzy", "50%", str(po)]).exit_code == 0
    result = runner.invoke(cli, ["check", "--max-fuzzy", "1", "--max-untranslated", "20%", str(po)])
    assert result.exit_code == 1
    header_line = line_of(po, 'msgid ""')
    assert f"{po}:{header_line}: max-fuzzy: 2 fuzzy entries (50.0% of 4) exceed --max-fuzzy 1" in (
        result.output
    )
    assert (
        "max-untranslated: 1 untranslated entries (25.0% of 4) exceed --max-untranslated 20%"
        in (result.output)
    )
    code, _, err = run_translate(["check", "--max-fuzzy", "lots", str(po)])
    assert code == 2 and "--max-fuzzy 'lots'" in err


def test_json_format(tmp_path: Path) -> None:
    po = write_po(tmp_path / "doc.po", po_entry("Thu hút 50 diễn giả.", "Attracting 15 speakers."))
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(po)])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["findings"] == [
        {
            "path": str(po),
            "line": line_of(po, "diễn giả"),
            "check": "number",
            "message": "'50' of the msgid missing from the msgstr",
        }
    ]
    assert data["catalogues"][0]["checked"] == 1


@needs_msgfmt
def test_msgfmt_findings(tmp_path: Path) -> None:
    po = tmp_path / "doc.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Một dòng\\n"\nmsgstr "One line"\n',
        encoding="utf-8",
    )
    report = qa.check_catalogues([po])
    msgfmt = [(f.line, f.message) for f in report.findings if f.check == "msgfmt"]
    assert (2, "warning: header field 'Language' missing in header") in msgfmt
    assert any(line == 6 and "both end with" in message for line, message in msgfmt)
    code, out, _ = run_translate(["check", str(po)])
    assert code == 1 and f"{po}:6: msgfmt: " in out
    skipped = qa.check_catalogues([po], qa.CheckOptions(use_msgfmt=False))
    assert not [f for f in skipped.findings if f.check == "msgfmt"]


def test_invalid_catalogues_are_findings(tmp_path: Path) -> None:
    duplicated = write_po(tmp_path / "dup.po", po_entry("Một.", "One."), po_entry("Một.", "Uno."))
    garbled = write_po(tmp_path / "garbled.po", po_entry("Hai.", "Two."))
    garbled.write_text(garbled.read_text(encoding="utf-8") + 'msgid "unterminated\n', "utf-8")
    report = qa.check_catalogues([duplicated, garbled], qa.CheckOptions(use_msgfmt=False))
    found = [(Path(f.path).name, f.line, f.check) for f in report.findings]
    second = line_of(duplicated, "Uno.") - 1  # its msgid line, where msgfmt points too
    assert found == [
        ("dup.po", second, "parse"),
        ("garbled.po", len(garbled.read_text(encoding="utf-8").splitlines()), "parse"),
    ]
    assert "duplicate message definition" in report.findings[0].message
    code, out, _ = run_translate(["check", "--no-msgfmt", str(garbled)])
    assert code == 1 and f"{garbled}:" in out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = run_translate(["check", str(tmp_path / "nope.po")])
    assert code == 2 and err == f"Error: {tmp_path / 'nope.po'}: no such file or folder\n"
    code, _, err = run_translate(["check", str(tmp_path)])
    assert code == 2 and "no catalogues (*.po)" in err
    assert run_translate(["check"])[0] == 2
    code, _, err = run_translate(["check", "--max-untranslated", "1.5", str(tmp_path)])
    assert code == 2


def test_machine_digest_helper() -> None:
    assert msgstr_digest("Hello") == "f7ff9e8b"


def test_checks_are_selected_by_name(tmp_path: Path) -> None:
    po = write_po(
        tmp_path / "sel.po",
        po_entry("Giá tăng 900.000 đồng (TT&TT).", "Prices rose (ICT."),
    )
    every = {f.check for f in qa.check_catalogues([po], qa.CheckOptions(use_msgfmt=False)).findings}
    assert {"number", "brackets"} <= every
    only = qa.CheckOptions(use_msgfmt=False, checks=qa.select_checks(only=("brackets",)))
    assert {f.check for f in qa.check_catalogues([po], only).findings} == {"brackets"}
    skip = qa.CheckOptions(use_msgfmt=False, checks=qa.select_checks(skip=("number",)))
    assert "number" not in {f.check for f in qa.check_catalogues([po], skip).findings}
    runner = CliRunner()
    result = runner.invoke(cli, ["check", "--no-msgfmt", "--only", "number", str(po)])
    assert result.exit_code == 1 and ": number: " in result.output
    assert ": brackets: " not in result.output
    result = runner.invoke(cli, ["check", "--skip", "nosuchcheck", str(po)])
    assert result.exit_code == 2 and "nosuchcheck" in result.output
    # Names may come comma-separated, as linters take them.
    result = runner.invoke(cli, ["check", "--no-msgfmt", "--only", "number, brackets", str(po)])
    assert result.exit_code == 1
    assert ": number: " in result.output and ": brackets: " in result.output
    result = runner.invoke(cli, ["check", "--no-msgfmt", "--skip", "number,brackets", str(po)])
    assert ": number: " not in result.output and ": brackets: " not in result.output
    # A check of the whole file is not an entry check: the error says how it is controlled.
    result = runner.invoke(cli, ["check", "--only", "msgfmt", str(po)])
    assert result.exit_code == 2 and "--no-msgfmt" in result.output


def test_check_help_lists_the_registry() -> None:
    shown = CliRunner().invoke(cli, ["check", "--help"]).output
    for name, check in qa.CHECKS.items():
        assert f"{name} " in shown and check.summary in shown


def test_markup_placeholders_are_no_numbers() -> None:
    """`<1>…</1>` and `<2/>` are the `markup` check's: their digits neither make numbers the
    msgstr must keep nor stand in for a number it dropped."""
    from translate.qa import entry_findings

    tags = entry_findings("Xem <1>mục</1> và <2>phần</2> trang sau.", "See the next page.")
    assert "number" not in [kind for kind, _ in tags]
    dropped = entry_findings("Ngày 2 có <1>nhiều</1> người.", "<1>Many</1> people came <2/>.")
    assert ("number", "'2' of the msgid missing from the msgstr") in dropped
