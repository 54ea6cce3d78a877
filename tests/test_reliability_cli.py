"""Bad input through the command line: one `Error: …` line naming the file, exit 2.

Every case is a real file the test writes; the commands are the real ones (in-process through
`translate.cli.main`, and once through the installed console script). With `--debug` the
traceback is shown as well. Inputs that have a correct handling (empty files, decomposed
Unicode, odd line endings, control and bidi characters, a 1 MB paragraph) are followed
through to catalogues that GNU `msgfmt --check` accepts and that `translate export` turns back
into the source.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from argos_fixture import CliResult

Cli = Callable[..., CliResult]
ROOT = Path(__file__).resolve().parent.parent
TRANSLATE = Path(sys.executable).with_name("translate")
HAS_RUN = importlib.util.find_spec("translate.cli.run_cmd") is not None
needs_run = pytest.mark.skipif(
    not HAS_RUN, reason="`translate run` (translate/cli/run_cmd.py) is not in this checkout"
)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

VIETNAMESE = "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023 của tỉnh và các đơn vị."
TCVN3 = "Thõa Thiªn HuÕ c«ng bè kÕ ho¹ch chuyÓn ®æi sè n¨m 2023 cña tØnh vµ c¸c ®¬n vÞ."
VNI = "Thöøa Thieân Hueá coâng boá keá hoaïch chuyeån ñoåi soá naêm 2023 cuûa tænh vaø caùc ñôn vò."


def _cp1258(text: str) -> bytes:
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tone))
            out.append((base + tone).encode("cp1258"))
    return b"".join(out)


# case id -> (bytes of the file, or None for a special path; words the error must contain)
BAD_INPUTS: dict[str, tuple[bytes | None, tuple[str, ...]]] = {
    "invalid-utf8": (
        b"Hu\xe1\xba\xbf\n" + b"x" * 10 + b"\xc3\x28 tail",
        ("not valid UTF-8", "byte offset 16", "line 2", "--encoding"),
    ),
    "cp1258": (_cp1258(VIETNAMESE), ("not valid UTF-8", "--encoding cp1258")),
    "tcvn3-bytes": (TCVN3.encode("cp1252"), ("legacy Vietnamese font", "TCVN3")),
    "tcvn3-mojibake": (TCVN3.encode("utf-8"), ("legacy Vietnamese font", "TCVN3")),
    "vni-mojibake": (VNI.encode("utf-8"), ("legacy Vietnamese font", "VNI")),
    "nul": (b"Xin ch\xc3\xa0o\x00\x00", ("NUL byte", "binary")),
    "utf16-no-bom": (VIETNAMESE.encode("utf-16-le"), ("NUL byte", "utf-16-le")),
    "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", ("PDF", "not plain text")),
    "docx": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", ("ZIP", "not plain text")),
    "directory": (None, ("is a directory",)),
    "missing": (None, ("does not exist",)),
    "unreadable": (None, ("permission denied",)),
}


def make_input(tmp_path: Path, case: str) -> Path:
    data, _ = BAD_INPUTS[case]
    path = tmp_path / f"{case}.vi.txt"
    if case == "directory":
        path.mkdir()
    elif case == "unreadable":
        if IS_ROOT:
            pytest.skip("running as root: every file is readable")
        path.write_text(VIETNAMESE, encoding="utf-8")
        path.chmod(0)
    elif data is not None:
        path.write_bytes(data)
    return path


def command_line(command: str, path: Path, out: Path) -> list[str]:
    if command == "segment":
        return ["segment", str(path)]
    return ["run", "--no-mt", "--output-dir", str(out), str(path)]


COMMANDS = ["segment", pytest.param("run", marks=needs_run)]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_clear_line(cli: Cli, tmp_path: Path, command: str, case: str) -> None:
    path = make_input(tmp_path, case)
    out = tmp_path / "locales"
    result = cli(*command_line(command, path, out))
    assert result.exit_code == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert str(path) in lines[0]
    for word in BAD_INPUTS[case][1]:
        assert word in lines[0]
    assert result.stdout == ""
    # Nothing is written for a source that cannot be read.
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


@needs_run
@pytest.mark.parametrize("case", ["invalid-utf8", "tcvn3-bytes", "nul", "directory", "missing"])
def test_bad_source_for_export(cli: Cli, tmp_path: Path, case: str) -> None:
    good = tmp_path / "good.vi.txt"
    good.write_text(VIETNAMESE + "\n", encoding="utf-8")
    out = tmp_path / "locales"
    assert cli("run", "--no-mt", "--output-dir", str(out), str(good)).exit_code == 0
    path = make_input(tmp_path, case)
    target = tmp_path / "out.en.txt"
    result = cli("export", str(out / "en" / "good.po"), "--source", str(path), "-o", str(target))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")
    assert str(path) in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_debug_shows_the_traceback(cli: Cli, tmp_path: Path, command: str) -> None:
    path = make_input(tmp_path, "invalid-utf8")
    result = cli("--debug", *command_line(command, path, tmp_path / "locales"))
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
    assert "UserError" in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"Error: {path} is not valid UTF-8")


def test_console_script_prints_one_line(tmp_path: Path) -> None:
    path = make_input(tmp_path, "tcvn3-bytes")
    environment = {k: v for k, v in os.environ.items() if k != "TRANSLATE_DEBUG"}
    finished = subprocess.run(
        [str(TRANSLATE), "segment", str(path)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert finished.returncode == 2
    assert finished.stdout == ""
    assert finished.stderr.count("\n") == 1 and finished.stderr.startswith(f"Error: {path} ")
    debug = subprocess.run(
        [str(TRANSLATE), "segment", str(path)],
        capture_output=True,
        text=True,
        env={**environment, "TRANSLATE_DEBUG": "1"},
        timeout=120,
    )
    assert debug.returncode == 2 and "Traceback" in debug.stderr


def test_encoding_option_reads_cp1258(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "win.vi.txt"
    path.write_bytes(_cp1258(VIETNAMESE + "\r\n"))
    result = cli("segment", "--encoding", "cp1258", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == VIETNAMESE + "\n"


def test_stdin_dash(cli: Cli) -> None:
    result = cli("segment", "-", input=VIETNAMESE + "\n")
    assert result.exit_code == 0 and result.stdout == VIETNAMESE + "\n"


@pytest.mark.parametrize("content", ["", " \n\t\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_source_through_segment(cli: Cli, tmp_path: Path, content: str) -> None:
    path = tmp_path / "blank.vi.txt"
    path.write_text(content, encoding="utf-8", newline="")
    result = cli("segment", str(path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith(f"Warning: {path} ")


def test_megabyte_paragraph_without_sentence_end(cli: Cli, tmp_path: Path) -> None:
    words = "chuyển đổi số, dữ liệu số và hạ tầng số của tỉnh Thừa Thiên Huế "
    text = (words * (1_000_000 // len(words) + 1))[:1_000_000]
    path = tmp_path / "long.vi.txt"
    path.write_text(text, encoding="utf-8")
    result = cli("segment", "--format", "jsonl", str(path))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 500
    assert max(len(record["text"]) for record in records) <= 2000
    cut = [record for record in records if record["break"] == "length"]
    assert len(cut) == len(records) - 1
    for record in cut:
        assert "length-split" in record["notes"]
        # Cut at a comma or between words, never inside one.
        after = text[record["end"] : record["end"] + 1]
        assert record["text"].endswith(",") or after.isspace() or record["text"][-1].isspace()
    rebuilt = "".join(
        text[previous["end"] : record["start"]] + record["text"]
        for previous, record in zip([{"end": 0}, *records], records, strict=False)
    )
    assert rebuilt + text[records[-1]["end"] :] == text


# --- through `translate run`: catalogues GNU tools accept, export gives the source back -----


def msgfmt_check(path: Path) -> str:
    finished = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    assert finished.returncode == 0, finished.stderr
    return finished.stderr


def catalogue_paths(out: Path, stem: str) -> tuple[Path, Path]:
    return out / f"{stem}.pot", out / "en" / f"{stem}.po"


def fill_identity(po_path: Path) -> None:
    """A 'translation' that copies every source sentence, as a reviewer would approve it."""
    import polib

    catalogue = polib.pofile(str(po_path), wrapwidth=79)
    for entry in catalogue:
        entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(str(po_path))


def export_text(cli: Cli, po_path: Path, source: Path, tmp_path: Path) -> str:
    target = tmp_path / "exported.txt"
    result = cli("export", str(po_path), "--source", str(source), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    return target.read_bytes().decode("utf-8")


def run_and_check_round_trip(
    cli: Cli, tmp_path: Path, name: str, text: str, *extra: str
) -> tuple[Path, Path]:
    """`translate run` on ``text``; check GNU acceptance and the identity export."""
    source = tmp_path / f"{name}.vi.txt"
    source.write_bytes(text.encode("utf-8"))
    out = tmp_path / "locales"
    result = cli("run", "--output-dir", str(out), *extra, str(source))
    assert result.exit_code == 0, result.stderr
    pot, po = catalogue_paths(out, name)
    for catalogue in (pot, po):
        assert msgfmt_check(catalogue) == ""
    fill_identity(po)
    assert msgfmt_check(po) == ""
    assert export_text(cli, po, source, tmp_path) == unicodedata.normalize("NFC", text)
    return pot, po


ADVERSARIAL = {
    "nfd": unicodedata.normalize("NFD", VIETNAMESE + " Đà Nẵng.\n"),
    "line-endings": "Dòng một.\r\nDòng hai.\rDòng ba.\nDòng bốn.\r\n\r\nĐoạn mới.\r",
    "zero-width": "Huế\u200b là\u200c thành\u200d phố\ufeff di sản.\u2060\n",
    "bidi": "Tên \u202bعربي\u202c và \u200fעברית\u200e trong câu.\n",
    "controls": "Điều khiển\x07 \x1b[1mđậm\x1b[0m\x0b\x0c và \x7f hết.\n",
    "escapes": 'Dấu \\ gạch ngược, "ngoặc kép", \t tab, \\n không phải xuống dòng.\n',
    "separators": "Dòng\u2028tách\u2029đoạn\x85và\x1cký\x1dtự\x1etách.\n",
    "leading-newlines": "\n\n\n  Bắt đầu bằng dòng trống.\n\n\n",
}


@needs_run
@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_adversarial_text_round_trips(cli: Cli, tmp_path: Path, case: str) -> None:
    pot, _ = run_and_check_round_trip(cli, tmp_path, case, ADVERSARIAL[case], "--no-mt")
    finished = subprocess.run(["msgcat", str(pot)], capture_output=True)
    assert finished.stdout == pot.read_bytes()


@needs_run
@pytest.mark.parametrize("content", ["", " \n\t\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_source_gives_header_only_catalogue(cli: Cli, tmp_path: Path, content: str) -> None:
    import polib

    source = tmp_path / "blank.vi.txt"
    source.write_text(content, encoding="utf-8", newline="")
    out = tmp_path / "locales"
    result = cli("run", "--no-mt", "--output-dir", str(out), str(source))
    assert result.exit_code == 0, result.stderr
    warning = next(line for line in result.stderr.splitlines() if line.startswith("Warning:"))
    assert str(source) in warning
    assert "empty" in warning or "only whitespace" in warning
    for catalogue in catalogue_paths(out, "blank"):
        assert msgfmt_check(catalogue) == ""
        parsed = polib.pofile(str(catalogue))
        assert len(parsed) == 0
        assert parsed.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert polib.pofile(str(out / "en" / "blank.po")).metadata["Language"] == "en"


@needs_run
def test_megabyte_paragraph_through_run(cli: Cli, tmp_path: Path) -> None:
    words = "chuyển đổi số, dữ liệu số và hạ tầng số của tỉnh Thừa Thiên Huế "
    text = (words * (1_000_000 // len(words) + 1))[:1_000_000]
    pot, _ = run_and_check_round_trip(cli, tmp_path, "long", text, "--no-mt")
    assert "#. cut at the maximum segment length" in pot.read_text(encoding="utf-8")


def break_catalogue(po: Path, damage: str) -> tuple[bytes, tuple[str, ...]]:
    """Damage a catalogue as editors, merges and disks do; the words the error must say."""
    data = po.read_bytes()
    lines = data.split(b"\n")
    last_msgstr = max(i for i, line in enumerate(lines) if line.startswith(b"msgstr"))
    number = last_msgstr + 1  # 1-based
    if damage == "unterminated":
        lines[last_msgstr] = b'msgstr "unterminated'
        return b"\n".join(lines), (f"line {number}",)
    if damage == "not-utf8":
        lines[last_msgstr] = b'msgstr "caf\xe9"'
        return b"\n".join(lines), ("not UTF-8", "msgconv")
    if damage == "nul":
        lines[last_msgstr] = b'msgstr "a\x00b"'
        return b"\n".join(lines), ("NUL",)
    # duplicate: the last entry once more, as a bad hand merge leaves it
    entry = data.rstrip(b"\n").split(b"\n\n")[-1]
    return data + b"\n" + entry + b"\n", ("duplicate message definition",)


@needs_run
@pytest.mark.parametrize("damage", ["unterminated", "not-utf8", "nul", "duplicate"])
def test_unparsable_catalogue_is_never_overwritten(cli: Cli, tmp_path: Path, damage: str) -> None:
    source = tmp_path / "doc.vi.txt"
    source.write_text(VIETNAMESE + "\n\nCâu thứ hai.\n", encoding="utf-8")
    out = tmp_path / "locales"
    assert cli("run", "--no-mt", "--output-dir", str(out), str(source)).exit_code == 0
    pot, po = catalogue_paths(out, "doc")
    broken, words = break_catalogue(po, damage)
    po.write_bytes(broken)
    pot_before = pot.read_bytes()
    source.write_text(VIETNAMESE + "\n\nCâu thứ ba, mới.\n", encoding="utf-8")

    result = cli("run", "--no-mt", "--output-dir", str(out), str(source))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("Error: ") and str(po) in result.stderr
    for word in words:
        assert word in result.stderr
    assert po.read_bytes() == broken
    assert pot.read_bytes() == pot_before  # the run stopped before writing anything
    assert [p.name for p in po.parent.iterdir()] == [po.name]


@needs_run
def test_fixture_model_run_round_trips(cli: Cli, tmp_path: Path, installed_package: object) -> None:
    text = "".join(ADVERSARIAL.values()) + VIETNAMESE + "\n"
    _, po = run_and_check_round_trip(cli, tmp_path, "mixed", text)
    assert msgfmt_check(po) == ""
