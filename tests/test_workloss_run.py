"""Issue 12 through `translate run` and the models commands: interrupted runs (case 5),
msginit catalogues (6), header churn (7, 8), two folders (10) and failing early (11, 12)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from argos_fixture import CliResult

from translate.pofile import parse

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1700000000"
HAS_GETTEXT = all(shutil.which(tool) for tool in ("msgfmt", "msgcat", "msginit"))
needs_gettext = pytest.mark.skipif(not HAS_GETTEXT, reason="GNU gettext is not installed")

DOC = (
    "Tuần lễ chuyển đổi số Huế 2023\n\n"
    "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023.\n"
    "Các đơn vị được giao nhiệm vụ phải hoàn thành trước tháng mười hai.\n"
    "Return to top\n"
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "doc.vi.txt").write_text(DOC, encoding="utf-8")
    return tmp_path


def ok(result: CliResult) -> CliResult:
    assert result.exit_code == 0, result.stderr
    return result


# 5 -------------------------------------------------------------------------------------

# The real command, with batches of 4 sentences that take 50 ms each, so that a test can stop
# it half-way through the model's work.
CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r})
    import translate.engine as engine

    def batches(self, tokenized):
        order = sorted(range(len(tokenized)), key=lambda i: (len(tokenized[i]), i))
        return [order[i : i + 4] for i in range(0, len(order), 4)]

    collect = engine.Engine._collect
    def slow_collect(self, pending, cap):
        time.sleep(0.05)
        return collect(self, pending, cap)

    engine.Engine._batches = batches
    engine.Engine._collect = slow_collect
    from translate.cli import main
    main(sys.argv[1:])
    """
)
SENTENCES = 64


def many_sentences(path: Path) -> None:
    lines = [
        f"Câu số {n} nói về kế hoạch chuyển đổi số của tỉnh trong năm {2000 + n}."
        for n in range(SENTENCES)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def journal_lines(workdir: Path) -> int:
    journal = workdir / "locales" / "en" / "big.po.mt-journal"
    if not journal.exists():
        return 0
    return journal.read_bytes().count(b"\n")


def start_child(workdir: Path) -> subprocess.Popen[str]:
    script = workdir / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)))
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("TRANSLATE_DEBUG", None)
    return subprocess.Popen(
        [sys.executable, str(script), "run", "--output-dir", "locales", "big.vi.txt"],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_half(child: subprocess.Popen[str], workdir: Path) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = journal_lines(workdir)
        if done >= SENTENCES // 2:
            return done
        if child.poll() is not None:
            raise AssertionError(f"the run ended first: {child.communicate()[1]}")
        time.sleep(0.01)
    child.kill()
    raise AssertionError("the run never got half-way")


def sent_to_model(stderr: str) -> int:
    match = re.search(r"(\d+) sent to the model", stderr)
    assert match is not None, stderr
    return int(match.group(1))


def rerun(workdir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.run(
        [sys.executable, "-m", "translate", "run", "--output-dir", "locales", "big.vi.txt"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_case5_interrupted_run_keeps_every_finished_translation(
    tmp_path: Path, installed_package: Any, sig: int
) -> None:
    many_sentences(tmp_path / "big.vi.txt")
    child = start_child(tmp_path)
    done = wait_for_half(child, tmp_path)
    signalled = time.monotonic()
    child.send_signal(sig)
    _, stderr = child.communicate(timeout=30)
    stopped = time.monotonic() - signalled
    if sig == signal.SIGINT:
        assert child.returncode == 130, stderr
        assert stopped < 2.0, f"Ctrl-C took {stopped:.1f} s"
        assert "Traceback" not in stderr and "kept in .mt-journal" in stderr
    kept = journal_lines(tmp_path)
    assert kept >= done
    assert not (tmp_path / "locales" / "en" / "big.po").exists()

    finished = rerun(tmp_path)
    assert finished.returncode == 0, finished.stderr
    assert sent_to_model(finished.stderr) <= SENTENCES - done
    assert sent_to_model(finished.stderr) == SENTENCES - kept
    assert journal_lines(tmp_path) == 0  # consumed with the catalogue's write
    po = parse((tmp_path / "locales" / "en" / "big.po").read_text(encoding="utf-8"))
    assert len(po.messages) == SENTENCES and all(m.msgstr for m in po.messages)
    # A journal entry is used as the model's answer: same provenance line as a fresh one.
    assert all(m.comments[0].startswith("mt: engine=argos-ctranslate2 ") for m in po.messages)


def test_case5_journal_of_another_package_is_not_used(tmp_path: Path) -> None:
    from translate import journal
    from translate.translation import Translation

    path = tmp_path / "x.po.mt-journal"
    journal.append(path, "a pkg 1 beam=4 alternatives=0", [Translation("câu", "one", -0.5)])
    with path.open("ab") as handle:
        handle.write(b'{"key": "a pkg 1 beam=4 alternatives=0", "source": "t')  # torn by a kill
    assert set(journal.read(path, "a pkg 1 beam=4 alternatives=0")) == {"câu"}
    assert journal.read(path, "b pkg 2 beam=4 alternatives=0") == {}


# 6 -------------------------------------------------------------------------------------


@needs_gettext
def test_case6_msginit_catalogue_is_translated_and_said_once(
    here: Path, installed_package: Any, cli: Callable[..., CliResult]
) -> None:
    ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    po = here / "locales" / "en" / "doc.po"
    po.unlink()
    created = subprocess.run(
        ["msginit", "--no-translator", "-l", "en_US", "-i", "locales/doc.pot", "-o", str(po)],
        capture_output=True,
        text=True,
    )
    assert created.returncode == 0, created.stderr
    result = ok(cli("run", "src/doc.vi.txt"))
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "msginit" in warnings[0] and "3 translations" in warnings[0]
    assert sent_to_model(result.stderr) == 3
    messages = {m.msgid: m for m in parse(po.read_text(encoding="utf-8")).messages}
    assert all(m.fuzzy for msgid, m in messages.items() if msgid != "Return to top")
    again = ok(cli("run", "src/doc.vi.txt"))
    assert "Warning" not in again.stderr and sent_to_model(again.stderr) == 0


# 7, 8 ----------------------------------------------------------------------------------


def test_case7_language_region_is_kept(here: Path, cli: Callable[..., CliResult]) -> None:
    ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    po = here / "locales" / "en" / "doc.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('"Language: en\\n"', '"Language: en_GB\\n"'),
        encoding="utf-8",
    )
    before = po.read_bytes()
    result = ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    assert po.read_bytes() == before and "0 files written" in result.stderr


def test_case8_other_target_language_rewrites_nothing_of_the_first(
    here: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    pot = here / "locales" / "doc.pot"
    en = here / "locales" / "en" / "doc.po"
    first = (pot.read_bytes(), en.read_bytes())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86400))
    ok(cli("run", "--no-mt", "--to", "fr", "src/doc.vi.txt"))
    fr = (here / "locales" / "fr" / "doc.po").read_bytes()
    assert pot.read_bytes() == first[0]
    ok(cli("run", "--no-mt", "--to", "en", "src/doc.vi.txt"))
    ok(cli("run", "--no-mt", "--to", "fr", "src/doc.vi.txt"))
    assert (pot.read_bytes(), en.read_bytes()) == first
    assert (here / "locales" / "fr" / "doc.po").read_bytes() == fr


# 10 ------------------------------------------------------------------------------------


def test_case10_same_stem_from_another_folder_is_refused(
    here: Path, cli: Callable[..., CliResult]
) -> None:
    ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    po = here / "locales" / "en" / "doc.po"
    before = po.read_bytes()
    (here / "other").mkdir()
    (here / "other" / "doc.vi.txt").write_text("Một văn bản khác hẳn.\n", encoding="utf-8")
    result = cli("run", "--no-mt", "other/doc.vi.txt")
    assert result.exit_code == 2
    assert "holds the translations of src/doc.vi.txt" in result.stderr
    assert result.stderr.count("\n") == 1 and po.read_bytes() == before
    # A source that moved is no conflict: its old path is gone.
    (here / "src" / "doc.vi.txt").rename(here / "other" / "doc.vi.txt")
    ok(cli("run", "--no-mt", "other/doc.vi.txt"))


def test_case10_run_from_another_folder_writes_the_same_references(
    here: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    po = here / "locales" / "en" / "doc.po"
    before = po.read_bytes()
    monkeypatch.chdir(here / "src")
    result = ok(cli("run", "--no-mt", "--output-dir", "../locales", "doc.vi.txt"))
    assert "0 files written" in result.stderr and po.read_bytes() == before
    monkeypatch.chdir("/")
    result = ok(
        cli("run", "--no-mt", "--output-dir", str(here / "locales"), str(here / "src/doc.vi.txt"))
    )
    assert "0 files written" in result.stderr and po.read_bytes() == before
    assert b"#: src/doc.vi.txt:3" in before


# 11, 12 --------------------------------------------------------------------------------


def test_case11_model_and_device_checked_before_any_work(
    here: Path, installed_package: Any, cli: Callable[..., CliResult]
) -> None:
    ok(cli("run", "src/doc.vi.txt"))  # every entry is now reused
    typo = cli("run", "--model", "no-such-package", "src/doc.vi.txt")
    assert typo.exit_code == 2 and "no-such-package" in typo.stderr
    import ctranslate2

    if ctranslate2.get_cuda_device_count() == 0:
        cuda = cli("run", "--device", "cuda", "src/doc.vi.txt")
        assert cuda.exit_code == 2 and "cuda" in cuda.stderr
    # Checked before the sources are read: a missing source is not what it complains about.
    both = cli("run", "--model", "no-such-package", "src/missing.vi.txt")
    assert both.exit_code == 2 and "no-such-package" in both.stderr


def test_case12_build_checks_the_source_first(
    tmp_path: Path, installed_package: Any, cli: Callable[..., CliResult]
) -> None:
    result = cli(
        "models", "build", str(tmp_path / "missing.zip"), "--from", "vi", "--to", "en", "--install"
    )
    assert result.exit_code == 2 and "missing.zip: no such" in result.stderr


def test_case12_sha256_format_checked_before_download(cli: Callable[..., CliResult]) -> None:
    # The URL is unreachable: a download attempt would report a connection error instead.
    result = cli("models", "install", "http://127.0.0.1:9/x.argosmodel", "--sha256", "abc")
    assert result.exit_code == 2 and "not a SHA-256 digest" in result.stderr


def test_case12_installed_package_is_not_downloaded_again(
    installed_package: Any, cli: Callable[..., CliResult]
) -> None:
    url = f"http://127.0.0.1:9/models/{installed_package.code}.argosmodel"
    result = cli("models", "install", url)
    assert result.exit_code == 2 and "already installed" in result.stderr
    assert "cannot download" not in result.stderr


@needs_gettext
def test_a_catalogue_saved_with_a_byte_order_mark_is_written_again_without_it(
    here: Path, cli: Callable[..., CliResult]
) -> None:
    """A Windows editor's BOM makes GNU msgfmt stop at line 1: the next run writes the file
    again without it, even when nothing else changed, and the reviewed work is kept."""
    ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    po = here / "locales" / "en" / "doc.po"
    reviewed = "Thua Thien Hue announces its 2023 digital transformation plan."
    text = po.read_text(encoding="utf-8")
    head, rest = text.split(
        'msgid "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023."\nmsgstr ""'
    )
    edited = head + 'msgid "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023."\n'
    edited += f'msgstr "{reviewed}"' + rest
    po.write_bytes(b"\xef\xbb\xbf" + edited.encode("utf-8"))
    assert subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)]).returncode != 0

    ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    data = po.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8") == edited  # only the mark went: no new revision date either
    checked = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], capture_output=True)
    assert checked.returncode == 0 and not checked.stderr
    result = ok(cli("run", "--no-mt", "src/doc.vi.txt"))
    assert po.read_bytes() == data and "0 files written" in result.stderr
