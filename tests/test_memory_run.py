"""The translation memory in `translate run`, with the real fixture model (gibberish output).

Document A is translated and reviewed, its reviewed entries go into the memory; document B
shares some of A's sentences and a close variant of one. Engine calls are counted through the
engine factory (the real Engine, its translate wrapped).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from argos_fixture import CliResult
from gnu_tools import assert_gnu_clean, gnu

from translate import pipeline
from translate.engine import Engine
from translate.memory import Memory, Unit
from translate.memory_catalog import MemoryOptions
from translate.memory_index import BandIndex
from translate.pofile import Message, PoFile, parse, serialize
from translate.provenance import is_human_work

needs_gettext = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("msgfmt", "msgcat", "msgmerge")),
    reason="GNU gettext is not installed",
)

ONE = "Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số của thành phố Huế."
TWO = "Ban tổ chức cũng công bố danh sách doanh nghiệp tham gia triển lãm năm nay."
TWO_CLOSE = "Ban tổ chức cũng công bố danh sách các doanh nghiệp tham gia triển lãm năm nay."
THREE = "Thành phố có hơn chín trăm nghìn tài khoản người dùng ứng dụng công dân số."
FOUR = "Người dân có thể gửi phản ánh về các vấn đề đô thị qua ứng dụng này."
NEW = "Các chuyên gia trong nước và quốc tế đã chia sẻ kinh nghiệm về chính quyền số."
REVIEWED = {
    ONE: "Towards one digital ecosystem for Hue.",
    TWO: "The organisers listed the exhibitors.",
}
REVIEWED[THREE] = "The city has over nine hundred thousand accounts."


class Counting:
    """An engine factory that builds the real engine and records what reaches the model."""

    def __init__(self) -> None:
        self.sent: list[list[str]] = []

    def __call__(self, package: Any, options: Any) -> Engine:
        engine = Engine(package, options)
        original = engine.translate

        def translate(sentences: Any, *args: Any, **kwargs: Any) -> Any:
            self.sent.append(list(sentences))
            return original(sentences, *args, **kwargs)

        engine.translate = translate  # type: ignore[method-assign]
        return engine


def paragraphs(*sentences: str) -> str:
    return "\n\n".join(sentences) + "\n"


def run(
    source: Path, factory: Counting | None = None, **options: Any
) -> tuple[pipeline.RunSummary, Counting]:
    factory = factory or Counting()
    summary = pipeline.run(
        [str(source)],
        pipeline.RunOptions(output_dir=Path("locales"), **options),
        engine_factory=factory,
    )
    return summary, factory


def review(path: Path, translations: dict[str, str]) -> None:
    po = parse(path.read_text(encoding="utf-8"))
    messages = []
    for message in po.messages:
        if message.msgid in translations:
            message = Message(
                message.msgid,
                translations[message.msgid],
                comments=("reviewed by Lan",),
                references=message.references,
            )
        messages.append(message)
    path.write_text(serialize(PoFile(po.header, tuple(messages))), encoding="utf-8")


def entries(path: Path) -> dict[str, Message]:
    return {m.msgid: m for m in parse(path.read_text(encoding="utf-8")).messages}


@pytest.fixture
def reviewed_a(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    installed_package: Any,
    cli: Callable[..., CliResult],
) -> Path:
    """Document A translated, three entries reviewed, the memory updated from it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    Path("a.vi.txt").write_text(paragraphs(ONE, TWO, THREE, FOUR), encoding="utf-8")
    run(Path("a.vi.txt"))
    review(Path("locales/en/a.po"), REVIEWED)
    result = cli("tm", "update", "locales/en/a.po")
    # FOUR is untouched machine output: not human work, not in the memory.
    assert result.exit_code == 0 and "3 added" in result.stderr, result.stderr
    return tmp_path


@needs_gettext
def test_reviewed_sentences_of_a_reused_in_b_without_the_model(
    reviewed_a: Path, cli: Callable[..., CliResult]
) -> None:
    Path("b.vi.txt").write_text(paragraphs(ONE, NEW, TWO_CLOSE, THREE), encoding="utf-8")
    summary, engine = run(Path("b.vi.txt"))
    sent = {sentence for call in engine.sent for sentence in call}
    assert ONE not in sent and THREE not in sent  # exact memory matches: no engine call
    assert sent == {NEW, TWO_CLOSE}  # the close match still gets MT, as a suggestion
    assert (summary.memory_exact, summary.memory_fuzzy) == (2, 1)
    assert "memory: 2 exact, 1 fuzzy" in summary.line()
    b = entries(Path("locales/en/b.po"))
    for sentence in (ONE, THREE):
        assert b[sentence].msgstr == REVIEWED[sentence] and b[sentence].fuzzy
        assert b[sentence].comments[-1].startswith("tm: score=100 origin=locales/en/a.po:")
        assert not any(c.startswith("mt:") for c in b[sentence].comments)
    close = b[TWO_CLOSE]
    assert close.fuzzy and close.msgstr == REVIEWED[TWO] and close.previous_msgid == TWO
    assert (
        close.comments[0].startswith("tm: score=9")
        and "origin=locales/en/a.po:" in close.comments[0]
    )
    assert close.comments[1].startswith("mt-suggestion: score=")
    assert b[NEW].comments[0].startswith("mt: ")
    for path in (Path("locales/en/b.po"), Path("locales/b.pot")):
        assert_gnu_clean(path)
    # The `# tm:` lines survive msgmerge (translator comments), as `# mt:` does.
    merged = gnu("msgmerge", "--quiet", "--previous", "locales/en/b.po", "locales/b.pot")
    kept = entries_from_text(merged.stdout)
    assert kept[ONE].comments == b[ONE].comments and kept[TWO_CLOSE].comments == close.comments
    assert kept[TWO_CLOSE].previous_msgid == TWO
    # An unchanged re-run: no engine call, nothing written, no memory lookups needed.
    again, engine = run(Path("b.vi.txt"))
    assert engine.sent == [] and again.written == () and again.memory_exact == 0


def entries_from_text(text: str) -> dict[str, Message]:
    return {m.msgid: m for m in parse(text).messages}


@needs_gettext
def test_exact_matches_accepted_as_reviewed_and_catalogue_work_wins(reviewed_a: Path) -> None:
    Path("c.vi.txt").write_text(paragraphs(ONE, TWO), encoding="utf-8")
    summary, engine = run(Path("c.vi.txt"), memory=MemoryOptions(exact_reviewed=True))
    assert engine.sent == [] and summary.engine_calls == 0
    c = entries(Path("locales/en/c.po"))
    assert not c[ONE].fuzzy and is_human_work(c[ONE]) and c[ONE].msgstr == REVIEWED[ONE]
    assert_gnu_clean(Path("locales/en/c.po"))
    # The memory learns a different translation; the catalogue's reviewed entry still wins.
    with Memory.open(Path("locales/memory.sqlite")) as memory:
        memory.add([Unit(ONE, "Another translation.", "elsewhere.po:1")], 1_800_000_000)
    review(Path("locales/en/c.po"), {TWO: "Mine."})
    Path("c.vi.txt").write_text(paragraphs(ONE, TWO, NEW), encoding="utf-8")
    _, engine = run(Path("c.vi.txt"))
    c = entries(Path("locales/en/c.po"))
    assert c[ONE].msgstr == REVIEWED[ONE] and c[TWO].msgstr == "Mine."
    assert engine.sent == [[NEW]]


def test_no_mt_still_fills_from_memory_and_threshold_is_honoured(reviewed_a: Path) -> None:
    Path("d.vi.txt").write_text(paragraphs(ONE, TWO_CLOSE), encoding="utf-8")
    summary, _ = run(Path("d.vi.txt"), use_mt=False, memory=MemoryOptions(threshold=99.0))
    assert (summary.memory_exact, summary.memory_fuzzy) == (1, 0)
    d = entries(Path("locales/en/d.po"))
    assert d[ONE].msgstr == REVIEWED[ONE] and d[TWO_CLOSE].msgstr == ""


def test_run_memory_options_and_bad_memory(reviewed_a: Path, cli: Callable[..., CliResult]) -> None:
    Path("e.vi.txt").write_text(paragraphs(ONE), encoding="utf-8")
    result = cli("run", "--no-mt", "--tm", "missing.sqlite", "e.vi.txt")
    assert result.exit_code == 2 and result.stderr.startswith(
        "Error: missing.sqlite: no translation memory"
    )
    Path("junk.sqlite").write_bytes(b"not a database at all" * 100)
    result = cli("run", "--no-mt", "--tm", "junk.sqlite", "e.vi.txt")
    assert result.exit_code == 2 and "junk.sqlite: not a translation memory" in result.stderr
    assert not Path("locales/en/e.po").exists()
    result = cli("run", "--no-mt", "--no-tm", "e.vi.txt")
    assert result.exit_code == 0 and "memory:" not in result.stderr
    assert entries(Path("locales/en/e.po"))[ONE].msgstr == ""


def test_update_is_idempotent_and_takes_the_reviewers_change(
    reviewed_a: Path, cli: Callable[..., CliResult]
) -> None:
    result = cli("tm", "update", "locales")
    assert "0 added, 0 changed, 3 unchanged" in result.stderr
    review(Path("locales/en/a.po"), {ONE: "Better."})
    result = cli("tm", "update", "locales/en/a.po")
    assert "0 added, 1 changed, 2 unchanged" in result.stderr
    result = cli("tm", "lookup", ONE)
    assert result.exit_code == 0 and result.stdout.startswith("100.0  " + ONE)
    assert "→ Better.  (locales/en/a.po:" in result.stdout
    result = cli("tm", "lookup", "Hoàn toàn khác biệt.")
    assert result.exit_code == 1
    result = cli("tm", "remove", "--origin", "locales/en/a.po")
    assert "3 units removed" in result.stderr
    result = cli("tm", "stats", "--json")
    assert '"units": 0' in result.stdout


def test_two_writers_at_once_never_corrupt_the_memory(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    Memory.open(path, create=True).close()
    errors: list[BaseException] = []

    def writer(offset: int) -> None:
        try:
            with Memory.open(path) as memory:
                for batch in range(5):
                    units = [
                        Unit(f"Câu số {offset} {batch} {i}.", f"Sentence {i}.", "t.po:1")
                        for i in range(200)
                    ]
                    memory.add(units, 0)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM units").fetchone()[0] == 2000
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _reviewed_catalogue(path: Path, sources: list[str]) -> None:
    from translate.pofile import format_header

    header = Message(
        "",
        format_header(
            [
                ("Project-Id-Version", path.stem),
                ("Last-Translator", "Lan <lan@example.org>"),
                ("Language", "en"),
                ("MIME-Version", "1.0"),
                ("Content-Type", "text/plain; charset=UTF-8"),
                ("Content-Transfer-Encoding", "8bit"),
            ]
        ),
    )
    messages = tuple(Message(s, f"Reviewed {i}.") for i, s in enumerate(sources))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(serialize(PoFile(header, messages)), encoding="utf-8")


def test_two_update_processes_at_once_never_corrupt_the_memory(tmp_path: Path) -> None:
    """Two `translate tm update` processes on one memory: both land, the file stays sound
    and its saved band index describes every unit (no rebuild left for the next run)."""
    memory = tmp_path / "m.sqlite"
    catalogues = []
    for name in ("a", "b"):
        catalogue = tmp_path / "locales" / "en" / f"{name}.po"
        _reviewed_catalogue(catalogue, [f"Câu {name} số {i} trong bài." for i in range(2000)])
        catalogues.append(catalogue)
    command = [sys.executable, "-m", "translate", "tm", "update", "--tm", str(memory)]
    processes = [
        subprocess.Popen([*command, str(c)], stderr=subprocess.PIPE, text=True) for c in catalogues
    ]
    outputs = [process.communicate(timeout=120)[1] for process in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    assert all("2000 added" in output for output in outputs), outputs
    with sqlite3.connect(memory) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM units").fetchone()[0] == 4000
        current = BandIndex.current(db)  # no rebuild left for the next run
        assert current is not None and len(current.ids) == 4000
    with Memory.open(memory) as opened:
        close = opened.fuzzy("Câu a số 17 trong bài này.", limit=1)
        assert close and close[0].source == "Câu a số 17 trong bài."


PROBE = """
import sys
from translate.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    assert not exc.code, exc.code
print(" ".join(sorted(sys.modules)))
"""


def test_unchanged_rerun_with_a_memory_never_opens_it(reviewed_a: Path) -> None:
    """Every entry decided by the catalogue: the memory is not read (no SQLite, numpy or
    rapidfuzz loaded), so the re-run costs what one without a memory costs."""
    Path("f.vi.txt").write_text(paragraphs(ONE, TWO_CLOSE), encoding="utf-8")
    arguments = ["run", "--no-mt", "--tm", "locales/memory.sqlite", "f.vi.txt"]
    first, _ = run(Path("f.vi.txt"), use_mt=False)
    assert (first.memory_exact, first.memory_fuzzy) == (1, 1)
    again = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, check=True
    )
    assert "0 files written, 2 unchanged" in again.stderr and "0 exact, 0 fuzzy" in again.stderr
    modules = set(again.stdout.split())
    assert not modules & {"sqlite3", "numpy", "rapidfuzz", "translate.memory"}
