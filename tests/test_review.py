"""`translate review`, its sheets, `translate import` and `stats --chart` (no browser)."""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import itertools
import re
import shutil
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from gnu_tools import assert_gnu_clean
from hypothesis import given, settings
from hypothesis import strategies as st
from review_fixtures import HOSTILE, write_sample

from translate import review as rv
from translate import review_html, sheet
from translate.cli import main
from translate.pofile import Message, read
from translate.provenance import machine_note_if_untouched

needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None or shutil.which("msgcat") is None,
    reason="GNU gettext is not installed",
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_sample(Path("."))


def build(path: Path) -> rv.Review:
    return rv.build_review([path], use_msgfmt=False)


# ---------------------------------------------------------------------------------------
# The model


def test_states_scores_findings_and_order(sample: Path) -> None:
    review = build(sample)
    (document,) = review.documents
    states = [entry.state for entry in document.entries]
    assert states == [
        "reviewed",
        "machine",
        "machine",
        "fuzzy",
        "untranslated",
        "copied",
        "fuzzy",
        "reviewed",
        "obsolete",
    ]
    machine = [e for e in document.entries if e.state == "machine"]
    assert [e.score for e in machine] == [-0.312, -1.734]
    assert machine[0].alternatives[0].kind == "alternative"
    fuzzy = document.entries[3]
    assert fuzzy.previous == "Thành phố có 800.000 tài khoản Hue-S."
    assert fuzzy.alternatives[0].kind == "suggestion"
    assert [note.check for note in fuzzy.findings] == ["number"]
    assert [note.check for note in document.entries[7].findings] == ["percent"]
    assert review.finding_counts() == {"number": 1, "percent": 1}
    assert [entry.score for entry in review.worst(1)] == [-1.734]
    # Source order, paragraphs by line: 1 | 3 3 | 5 5 | 7 | 9 9
    (section,) = document.sections
    assert section.source == "seeds/sample.vi.txt"
    assert [[o.line for o in p.occurrences] for p in section.paragraphs] == [
        [1],
        [3, 3],
        [5, 5],
        [7],
        [9, 9],
    ]
    # Entry lines point at the msgid keyword of the catalogue.
    lines = sample.read_text(encoding="utf-8").splitlines()
    for entry in document.entries[:-1]:
        assert lines[entry.line - 1].startswith("msgid ")
    # The counts agree with `translate stats`.
    assert (document.stats.reviewed, document.stats.machine) == (3, 2)


def test_review_state_reuses_the_shared_definitions() -> None:
    copied = Message("Return to top", "Return to top", comments=("copy: source language is en",))
    assert rv.review_state(copied) == "copied"
    assert rv.review_state(Message("a", "b")) == "reviewed"
    assert rv.review_state(Message("a", "", fuzzy=True)) == "untranslated"
    assert rv.review_state(Message("a", "b", fuzzy=True)) == "fuzzy"
    assert rv.review_state(Message("a", "b", obsolete=True)) == "obsolete"
    # A reviewer's edit breaks the digest: fuzzy then, no longer machine.
    stale = Message("a", "edited", comments=("mt: score=-0.1 digest=00000000",), fuzzy=True)
    assert machine_note_if_untouched(stale) is None and rv.review_state(stale) == "fuzzy"


def test_paragraphs_follow_wrapped_lines() -> None:
    entry = rv.ReviewEntry("k", "c.po", 1, "s", "t", "reviewed", None)
    occurrences = [
        rv.Occurrence(entry, "a:1", 1, 3),  # lines 1-3
        rv.Occurrence(entry, "a:3", 3),  # starts where the previous ended
        rv.Occurrence(entry, "a:5", 5),
        rv.Occurrence(entry, "a:4", 4),
    ]
    assert [[o.line for o in p.occurrences] for p in rv.paragraphs(occurrences)] == [
        [1, 3],
        [4],
        [5],
    ]
    assert rv.line_span(["hard-wrapped over 3 source lines"]) == 3
    assert rv.split_reference("dir/a b.txt:12") == ("dir/a b.txt", 12)
    assert rv.split_reference("plain") == ("plain", 0)


@given(st.lists(st.floats(min_value=-50, max_value=0), max_size=60))
def test_histogram_counts_every_score(scores: list[float]) -> None:
    bins = rv.score_histogram(scores)
    assert sum(count for _, _, count in bins) == len(scores)
    assert len(bins) <= 12
    for (_, high, _), (low, _, _) in itertools.pairwise(bins):
        assert high == pytest.approx(low)
    for score in scores:
        assert bins[0][0] <= score <= bins[-1][1]


def test_histogram_widths() -> None:
    assert rv.score_histogram([-0.31, -1.73]) == [
        (-1.75, -1.5, 1),
        (-1.5, -1.25, 0),
        (-1.25, -1.0, 0),
        (-1.0, -0.75, 0),
        (-0.75, -0.5, 0),
        (-0.5, -0.25, 1),
    ]
    assert [b[:2] for b in rv.score_histogram([-5.2, -1.0])] == [
        (-5.5, -5.0),
        (-5.0, -4.5),
        (-4.5, -4.0),
        (-4.0, -3.5),
        (-3.5, -3.0),
        (-3.0, -2.5),
        (-2.5, -2.0),
        (-2.0, -1.5),
        (-1.5, -1.0),
    ]
    assert rv.score_histogram([0.0]) == [(0.0, 0.05, 1)]


# ---------------------------------------------------------------------------------------
# The page


class _Texts(HTMLParser):
    """The text of every element with a given class, and every tag seen."""

    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted, self.depth, self.texts, self.tags = wanted, 0, [], []
        self.scripts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.in_script = tag == "script"
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif self.wanted in classes:
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)
        if self.depth:
            self.texts[-1] += data


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=80), st.text(max_size=80))
def test_every_string_is_escaped(source: str, target: str) -> None:
    entry = rv.ReviewEntry("d0-e0", "c.po", 3, source, target, "machine", -0.5, references=("x",))
    row = review_html.render_row(entry, 0, "x:1")
    parser = _Texts("src")
    parser.feed(row)
    parser.close()
    expected = source.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    assert parser.texts == [expected] or "\x00" in source or "\r" in source
    assert set(parser.tags) <= {"div", "span", "a", "meter"}


def test_hostile_catalogue_is_shown_as_text(sample: Path) -> None:
    page = review_html.render_review(build(sample))
    assert HOSTILE not in page and html.escape(HOSTILE) in page
    parser = _Texts("src")
    parser.feed(page)
    assert HOSTILE in parser.texts
    assert parser.tags.count("script") == 1 and "img" not in parser.tags


def test_page_is_self_contained_with_a_strict_policy(sample: Path) -> None:
    page = review_html.render_review(build(sample))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
    assert directives["default-src"] == "'none'"
    script = re.search(r"<script>(.*)</script>", page, re.DOTALL)
    style = re.search(r"<style>(.*)</style>", page, re.DOTALL)
    assert script is not None and style is not None
    for directive, text in (("script-src", script.group(1)), ("style-src", style.group(1))):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert directives[directive] == f"'sha256-{digest}'"
    # Nothing is loaded from elsewhere: no src attribute, no stylesheet link, no url().
    assert not re.search(r"\ssrc=|<link|@import|url\(", page.replace(html.escape(HOSTILE), ""))
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("#", "file:///")) for h in hrefs)
    assert f"{sample.resolve().as_uri()}#line=" in page


def test_cli_page_and_pages(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "review", str(sample), "-o", "out.html", "--no-msgfmt", "--worst", "1"
    )
    assert code == 0 and "out.html: 9 entries from 1 catalogue" in out
    worst = re.search(r"<h3>Lowest machine scores</h3><ol>(.*?)</ol>", Path("out.html").read_text())
    assert worst is not None and worst.group(1).count("<li>") == 1
    assert Path("out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    other = write_sample(Path("."), "other.po")
    code, out, _ = run(capsys, "review", str(sample), str(other), "-o", "pages/", "--no-msgfmt")
    assert code == 0
    assert sorted(p.name for p in Path("pages").iterdir()) == [
        "index.html",
        "other.html",
        "sample.html",
    ]
    index = Path("pages/index.html").read_text(encoding="utf-8")
    assert 'href="sample.html"' in index and 'href="other.html#r-d1-' in index


def test_cli_refuses_a_broken_catalogue(tmp_path: Path, capsys: Any) -> None:
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    code, _, err = run(capsys, "review", str(broken), "-o", str(tmp_path / "r.html"))
    assert code == 2 and err.startswith("Error: ") and err.count("\n") == 1
    assert not (tmp_path / "r.html").exists()


# ---------------------------------------------------------------------------------------
# Sheets and import


def edit_csv(path: Path, edits: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        if row[0] in edits:
            row[1] = edits[row[0]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")


MACHINE_SOURCE = "Sự kiện thu hút hơn 50 diễn giả."


@needs_gettext
def test_csv_round_trip_imports_only_changed_targets(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = read(sample)
    assert run(capsys, "review", str(sample), "-o", "r.csv", "--no-msgfmt")[0] == 0
    header = Path("r.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "source,target,state,score,findings,reference,catalogue,digest"
    untouched = sample.read_bytes()
    code, out, _ = run(capsys, "import", "r.csv")
    assert code == 0 and "0 translations imported" in out and sample.read_bytes() == untouched
    edit_csv(Path("r.csv"), {MACHINE_SOURCE: "The event attracts more than 50 speakers."})
    code, out, _ = run(capsys, "import", "r.csv")
    assert code == 0 and "1 translation imported into 1 catalogue, 7 unchanged" in out
    after = read(sample)
    changed = {m.msgid: m for m in after.messages}[MACHINE_SOURCE]
    assert changed.msgstr == "The event attracts more than 50 speakers."
    assert not changed.fuzzy and not any(c.startswith("mt") for c in changed.comments)
    assert rv.review_state(changed) == "reviewed"
    others = [m for m in after.messages if m.msgid != MACHINE_SOURCE]
    assert others == [m for m in before.messages if m.msgid != MACHINE_SOURCE]
    assert_gnu_clean(sample)


def test_catalogue_edits_after_the_export_win(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = "Towards a unified ecosystem in digital transformation"
    assert run(capsys, "review", str(sample), "-o", "r.csv", "--no-msgfmt")[0] == 0
    text = sample.read_text(encoding="utf-8").replace(first, "Towards one digital ecosystem")
    sample.write_text(text, encoding="utf-8")
    edit_csv(
        Path("r.csv"),
        {"Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số": "Sheet wording"},
    )
    code, out, err = run(capsys, "import", "r.csv")
    assert code == 0 and "0 translations imported" in out
    assert "changed this entry after the export" in err
    assert sample.read_text(encoding="utf-8") == text


def test_csv_cells_are_never_formulas(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [('=HYPERLINK("http://x")', "@SUM(A1)", "machine", "-0.5", "", "", "c.po", "d")]
    text = sheet.to_csv(rows)
    assert "'=HYPERLINK" in text and "'@SUM" in text and ",-0.5," in text
    path = Path("f.csv")
    path.write_text(text, encoding="utf-8")
    (record,) = sheet.read_sheet(path)
    assert record["source"] == '=HYPERLINK("http://x")' and record["target"] == "@SUM(A1)"


def as_spreadsheet_app_saves(data: bytes, old: str, new: str) -> bytes:
    """A cell edited, and the inline strings as shared strings, as Excel and LibreOffice save
    them (rich-text runs included)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert old in sheet_xml
    sheet_xml = sheet_xml.replace(old, new)
    strings: list[str] = []

    def shared(match: re.Match[str]) -> str:
        strings.append(match.group(2))
        return f'<c r="{match.group(1)}" t="s"><v>{len(strings) - 1}</v></c>'

    sheet_xml = re.sub(
        r'<c r="([A-Z]+\d+)" t="inlineStr"><is><t xml:space="preserve">(.*?)</t></is></c>',
        shared,
        sheet_xml,
        flags=re.DOTALL,
    )
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    items = "".join(f"<si><r><t>{text}</t></r></si>" for text in strings)
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{ns}">{items}</sst>'.encode()
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


@needs_gettext
def test_xlsx_round_trip(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "review", str(sample), "--format", "xlsx", "-o", "r.xlsx")[0] == 0
    with zipfile.ZipFile("r.xlsx") as archive:
        assert "xl/worksheets/sheet1.xml" in archive.namelist()
        assert archive.testzip() is None
    records = sheet.read_sheet(Path("r.xlsx"))
    assert [r["state"] for r in records][:3] == ["reviewed", "machine", "machine"]
    assert records[1]["score"] == "-0.312"
    edited = as_spreadsheet_app_saves(
        Path("r.xlsx").read_bytes(),
        "The event draws more than 50 speakers.",
        "The event attracts 50+ speakers &amp; more.",
    )
    Path("r.xlsx").write_bytes(edited)
    code, out, _ = run(capsys, "import", "r.xlsx")
    assert code == 0 and "1 translation imported" in out
    changed = {m.msgid: m for m in read(sample).messages}[MACHINE_SOURCE]
    assert changed.msgstr == "The event attracts 50+ speakers & more." and not changed.fuzzy
    assert_gnu_clean(sample)


def damaged_workbook(how: str) -> bytes:
    """A workbook whose sheet part is deflated and then damaged, or marked encrypted."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + "<row/>" * 5000)
    data = bytearray(out.getvalue())
    start = 30 + len("xl/worksheets/sheet1.xml")  # the first member's data follows its header
    if how == "damaged":
        data[start : start + 8] = b"\xff" * 8
    else:  # the general-purpose flag's encryption bit, in the local and the central header
        data[6] |= 1
        central = data.rfind(b"PK\x01\x02")
        data[central + 8] |= 1
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.xlsx", damaged_workbook("damaged"), "not a readable .xlsx"),
        ("a.xlsx", damaged_workbook("encrypted"), "not a readable .xlsx"),
        ("a.csv", b"source,target\nx,y\n", "lacks the column(s) catalogue"),
        ("a.csv", b"\xff\xfe\x00bad", "not UTF-8"),
        ("a.xlsx", b"not a zip", "not a readable .xlsx"),
        ("a.csv", b"source,target,catalogue\nx,y,missing.po\n", "does not exist here"),
        ("a.txt", b"x", "cannot import .txt"),
    ],
)
def test_bad_sheets_change_nothing(
    sample: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    before = sample.read_bytes()
    Path(name).write_bytes(content)
    code, _, err = run(capsys, "import", name)
    assert code == 2 and err.startswith("Error: ") and message in err and err.count("\n") == 1
    assert sample.read_bytes() == before


def test_xlsx_with_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "xl/worksheets/sheet1.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet/>'
        )
    with pytest.raises(Exception, match="DOCTYPE"):
        sheet.read_sheet(path)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_control_characters_survive_an_untouched_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    from review_fixtures import header

    from translate.pofile import PoFile, serialize

    monkeypatch.chdir(tmp_path)
    catalogue = Path("bell.po")
    message = Message("Chuông\a reo", "The bell\a rings", references=("a.txt:1",))
    catalogue.write_text(serialize(PoFile(header(), (message,))), encoding="utf-8")
    before = catalogue.read_bytes()
    assert run(capsys, "review", "bell.po", "-o", f"r.{kind}", "--no-msgfmt")[0] == 0
    code, out, _ = run(capsys, "import", f"r.{kind}")
    assert code == 0 and "0 translations imported" in out and "1 unchanged" in out
    assert catalogue.read_bytes() == before


_CELLS = st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=4), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(_CELLS)
def test_xlsx_cells_round_trip(table: list[list[str]]) -> None:
    from translate import xlsx

    data = xlsx.workbook(table)
    back = xlsx.read_table(data, Path("t.xlsx"))
    expected = [[xlsx.sheet_text(cell) for cell in row] for row in table]
    # Empty cells are not written: compare with trailing empty cells dropped.
    trim = [row[: max((i + 1 for i, c in enumerate(row) if c), default=0)] for row in expected]
    assert back == trim


@settings(max_examples=60, deadline=None)
@given(_CELLS)
def test_csv_cells_round_trip(table: list[list[str]]) -> None:
    import tempfile

    padded = [[*row, *[""] * (7 - len(row))] for row in table]
    rows = [(*row[:3], "", *row[3:]) for row in padded]  # the score column is a number
    text = sheet.to_csv(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_text(text, encoding="utf-8", newline="")
        records = sheet.read_sheet(path)
    cells = [[sheet.sheet_text(cell) for cell in row] for row in rows]
    expected = [
        dict(zip(sheet.COLUMNS, row, strict=True)) for row in cells if any(c.strip() for c in row)
    ]
    assert records == expected


def test_clean_target() -> None:
    assert sheet.clean_target("a\r\nb\n", "x") == "a\nb"
    assert sheet.clean_target("\nline\n", "\nx\n") == "\nline\n"


# ---------------------------------------------------------------------------------------
# stats --chart


def test_stats_chart(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", str(sample), "--chart")
    assert code == 0
    assert "progress (█ reviewed, ▓ copied, ▒ machine, ░ fuzzy, · untranslated)" in out
    bar = next(line for line in out.splitlines() if line.startswith("sample.po ") and "█" in line)
    assert "37.5% of 8" in bar
    assert "machine scores" in out and out.count("…") >= 2


def test_stacked_bar_has_the_width_asked() -> None:
    from translate.charts import fine_bar, stacked_bar

    for counts in ({"reviewed": 1, "machine": 1, "fuzzy": 1}, {"untranslated": 5}, {}):
        assert len(stacked_bar(counts, 40)) == 40
    assert fine_bar(1, 8, 1) == "▏" and fine_bar(8, 8, 2) == "██"


# ---------------------------------------------------------------------------------------
# A real run


@needs_gettext
def test_review_of_a_real_run(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    installed_package: Any,
    cli: Callable[..., Any],
) -> None:
    seed = (
        Path(__file__).resolve().parents[1]
        / "seeds"
        / "hue-digital-transformation-week-2023.vi.txt"
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(seed, tmp_path / "seeds" / seed.name)
    assert cli("run", "--alternatives", "1", f"seeds/{seed.name}").exit_code == 0
    review = rv.build_review(["locales/en"])
    (document,) = review.documents
    counts = document.state_counts()
    assert counts["machine"] > 0 and counts["copied"] > 0
    machine = [e for e in document.entries if e.state == "machine"]
    assert all(e.score is not None and e.alternatives for e in machine)
    (section,) = document.sections
    assert section.source == f"seeds/{seed.name}"
    lines = [o.line for p in section.paragraphs for o in p.occurrences]
    assert lines == sorted(lines)
    page = review_html.render_review(review)
    assert page.count('class="row ') >= len(document.entries)
