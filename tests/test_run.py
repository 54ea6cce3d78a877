"""`translate run` end to end with the real fixture model (tiny random-weight Argos package).

Its translations are gibberish, so the tests check structure, flags, provenance, the update
contract and engine call counts, never wording. Engine calls are counted by wrapping the real
``Engine.translate`` (it still runs the model).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polib
import pytest
from argos_fixture import CliResult
from gnu_tools import assert_gnu_clean, gnu

from translate import pipeline
from translate.engine import Engine
from translate.pofile import Message, PoFile, parse
from translate.provenance import has_current_machine_note

REPO = Path(__file__).resolve().parent.parent
SEED_NAME = "hue-digital-transformation-week-2023.vi.txt"
SEED_PATH = f"seeds/{SEED_NAME}"
PO_PATH = Path("locales/en/hue-digital-transformation-week-2023.po")
POT_PATH = Path("locales/hue-digital-transformation-week-2023.pot")
EPOCH = "1699773960"  # 2023-11-12 07:26 UTC, the article's date

needs_gettext = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("msgfmt", "msgcat", "msgmerge")),
    reason="GNU gettext is not installed",
)

Calls = list[list[str]]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding seeds/<seed>, as in the repository."""
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(REPO / SEED_PATH, tmp_path / SEED_PATH)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return tmp_path


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Calls]:
    """The sentences of every Engine.translate call that reached the model."""
    calls: Calls = []
    original = Engine.translate

    def counting(self: Engine, sentences: Any, progress: Any = None, **kwargs: Any) -> Any:
        before = self.calls
        result = original(self, sentences, progress, **kwargs)
        if self.calls > before:
            calls.append(list(sentences))
        return result

    monkeypatch.setattr(Engine, "translate", counting)
    yield calls


def run_ok(cli: Callable[..., CliResult], *args: str) -> CliResult:
    result = cli("run", *args, SEED_PATH)
    assert result.exit_code == 0, result.stderr
    return result


def catalogue() -> PoFile:
    return parse(PO_PATH.read_text(encoding="utf-8"))


def by_msgid(po: PoFile) -> dict[str, Message]:
    return {m.msgid: m for m in po.messages if not m.obsolete}


@needs_gettext
def test_first_run_layout(
    workspace: Path, installed_package: Any, cli: Callable[..., CliResult], engine_calls: Calls
) -> None:
    result = run_ok(cli, "--alternatives", "1")
    assert len(engine_calls) == 1
    assert "1 document, " in result.stderr and "(1 engine call)" in result.stderr
    # Off a terminal a short run prints only its summary (plain progress speaks every ~10 s).
    assert result.stderr.splitlines()[-1].startswith("1 document, ")
    # The committed template is exactly what the tool writes for the seed.
    assert POT_PATH.read_bytes() == (REPO / POT_PATH).read_bytes()
    po = catalogue()
    for path in (PO_PATH, POT_PATH):
        assert_gnu_clean(path)
    assert po.field("Language") == "en" and po.field("X-Source-Language") == "vi"
    assert po.field("PO-Revision-Date") == "2023-11-12 07:26+0000"
    assert po.field("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert (
        po.field(
            "X-Generator",
        )
        == "translate 0.1.0"
    )
    entries = by_msgid(po)
    sent = set(engine_calls[0])
    for message in entries.values():
        assert message.references and all(r.startswith(f"{SEED_PATH}:") for r in message.references)
        if message.msgid in sent:
            assert message.fuzzy and has_current_machine_note(message)
            assert message.comments[0].startswith(
                f"mt: engine=argos-ctranslate2 package={installed_package.code} version="
            )
            assert message.comments[1].startswith("mt-alt: score=")
        else:
            assert message.msgstr == message.msgid
            assert message.comments[-1].startswith("copy: ")
    assert entries["Return to top"].comments == (
        "copy: source language is en, not sent to the model",
    )
    assert not entries["Return to top"].fuzzy
    duplicate = entries["Hướng đến doanh nghiệp không khói thuốc"]
    assert duplicate.references == (f"{SEED_PATH}:68", f"{SEED_PATH}:72")
    joined = entries["Chủ Nhật, 12/11/2023 07:26"]
    assert joined.extracted == ("repaired scrape join: split from the text before it",)


def review(path: Path) -> None:
    """What a reviewer does in an editor (polib re-wraps everything, as many tools do)."""
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid == "Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số":
            entry.flags.remove("fuzzy")  # accepted as it is
        elif entry.msgid == "Thưa ông, Tuần lễ CĐS năm nay có những điểm nhấn nào đặc biệt?":
            entry.msgstr = "Sir, what are the highlights of this year's digital week?"
            entry.flags.remove("fuzzy")
        elif entry.msgid == "Hướng đến doanh nghiệp không khói thuốc":
            entry.msgstr = "Towards smoke-free businesses"
            entry.flags.remove("fuzzy")
            entry.tcomment = "term agreed with the client\n" + entry.tcomment
        elif entry.msgid == "Xin cảm ơn ông!":
            entry.msgstr = "Thank you, sir!"
            entry.flags.remove("fuzzy")
        elif entry.msgid == "Return to top":
            entry.tcomment = "navigation link\n" + entry.tcomment
    po.save(str(path))


def change_source(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    edited = text.replace(
        "Thưa ông, Tuần lễ CĐS năm nay có những",
        "Thưa ông, Tuần lễ CĐS năm 2023 có những",
    )
    edited = edited.replace("Xin cảm ơn ông!\n\n", "")
    added = "Ban tổ chức cũng công bố danh sách doanh nghiệp tham gia triển lãm."
    edited = edited.replace("ĐÁNH GIÁ\n", f"ĐÁNH GIÁ\n\n{added}\n\n", 1)
    headline = "Bản tin Thừa Thiên Huế cuối tuần"
    path.write_text(f"{headline}\n\n{edited}", encoding="utf-8")
    return {
        "edited": "Thưa ông, Tuần lễ CĐS năm 2023 có những điểm nhấn nào đặc biệt?",
        "added": added,
        "headline": headline,
    }


@needs_gettext
def test_rerun_after_review_and_source_changes(
    workspace: Path, installed_package: Any, cli: Callable[..., CliResult], engine_calls: Calls
) -> None:
    run_ok(cli)
    first = by_msgid(catalogue())
    review(PO_PATH)
    reviewed = by_msgid(parse(PO_PATH.read_text(encoding="utf-8")))
    new = change_source(workspace / SEED_PATH)
    engine_calls.clear()

    result = run_ok(cli)

    # Only the new and edited sentences reach the model, in one call.
    assert len(engine_calls) == 1
    assert sorted(engine_calls[0]) == sorted(new.values())
    assert_gnu_clean(PO_PATH)
    after = catalogue()
    entries = by_msgid(after)
    # Reviewed work is untouched; accepted MT keeps its (still valid) provenance.
    accepted = entries["Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số"]
    assert accepted.msgstr == first[accepted.msgid].msgstr and not accepted.fuzzy
    assert has_current_machine_note(accepted)
    rewritten = entries["Hướng đến doanh nghiệp không khói thuốc"]
    assert rewritten.msgstr == "Towards smoke-free businesses" and not rewritten.fuzzy
    assert rewritten.comments == ("term agreed with the client",)  # stale `# mt:` dropped
    assert entries["Return to top"].comments[0] == "navigation link"
    # Identity is the text: above the deleted sentence (line 59), the two inserted lines
    # moved every reference by 2 and disturbed nothing else.
    for msgid, message in entries.items():
        old = reviewed.get(msgid)
        if old is None or any(int(r.rsplit(":", 1)[1]) >= 59 for r in old.references):
            continue
        moved = tuple(f"{SEED_PATH}:{int(r.rsplit(':', 1)[1]) + 2}" for r in old.references)
        assert message.references == moved
        assert (message.msgstr, message.fuzzy) == (old.msgstr, old.fuzzy)
    # The edited sentence inherits the reviewed translation as fuzzy, with #| and a suggestion.
    edited = entries[new["edited"]]
    assert edited.fuzzy
    assert edited.msgstr == "Sir, what are the highlights of this year's digital week?"
    assert edited.previous_msgid == "Thưa ông, Tuần lễ CĐS năm nay có những điểm nhấn nào đặc biệt?"
    assert edited.comments[-1].startswith("mt-suggestion: score=")
    for key in ("added", "headline"):
        assert entries[new[key]].fuzzy and has_current_machine_note(entries[new[key]])
    # The deleted sentence is kept as obsolete, with its translation.
    (obsolete,) = [m for m in after.messages if m.obsolete]
    assert (obsolete.msgid, obsolete.msgstr) == ("Xin cảm ơn ông!", "Thank you, sir!")
    assert "0 reused" not in result.stderr

    # An unchanged re-run makes no engine call and writes nothing: byte-identical files.
    engine_calls.clear()
    snapshot = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (PO_PATH, POT_PATH)}
    again = run_ok(cli)
    assert engine_calls == []
    assert "(0 engine calls)" in again.stderr and "2 unchanged" in again.stderr
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in snapshot} == snapshot

    run_ok(cli, "--purge-obsolete")
    assert not [m for m in catalogue().messages if m.obsolete]
    assert engine_calls == []


@needs_gettext
def test_provenance_survives_msgmerge_and_merges_back(
    workspace: Path, installed_package: Any, cli: Callable[..., CliResult], engine_calls: Calls
) -> None:
    run_ok(cli)
    before = by_msgid(catalogue())
    merged = gnu(
        "msgmerge", "--quiet", "--previous", "-o", str(PO_PATH), str(PO_PATH), str(POT_PATH)
    )
    assert merged.returncode == 0, merged.stderr
    for msgid, message in by_msgid(catalogue()).items():
        assert message.comments == before[msgid].comments
        assert message.fuzzy == before[msgid].fuzzy
    engine_calls.clear()
    run_ok(cli)
    assert engine_calls == []
    assert by_msgid(catalogue()) == before


def test_no_mt_needs_no_model(
    workspace: Path, empty_argos_home: Path, cli: Callable[..., CliResult]
) -> None:
    result = run_ok(cli, "--no-mt")
    assert "0 sent to the model" in result.stderr
    messages = catalogue().messages
    vietnamese = [m for m in messages if not m.comments]
    assert vietnamese and all(m.msgstr == "" and not m.fuzzy for m in vietnamese)
    missing = cli("run", SEED_PATH)
    assert missing.exit_code == 2
    assert "no vi→en translation package is installed" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_without_a_model_the_main_job_writes_empty_catalogues_then_fills_them(
    workspace: Path,
    empty_argos_home: Path,
    cli: Callable[..., CliResult],
    fixture_archive: Path,
    engine_calls: Calls,
) -> None:
    first = run_ok(cli, "--if-no-model", "no-mt")
    lines = first.stderr.splitlines()
    assert lines[0].startswith("1 document, ") and "0 sent to the model" in lines[0]
    assert lines[1].startswith("No model: no vi→en translation package is installed (looked in")
    assert "translate models install FILE.argosmodel" in first.stderr
    assert lines[-1].endswith("'Getting a Vietnamese→English model').")
    assert not engine_calls and PO_PATH.is_file() and POT_PATH.is_file()
    assert_gnu_clean(PO_PATH)
    assert cli("models", "install", str(fixture_archive)).exit_code == 0
    second = run_ok(cli, "--if-no-model", "no-mt")
    assert "No model" not in second.stderr and len(engine_calls) == 1
    translated = [m for m in catalogue().messages if m.msgstr and m.fuzzy]
    assert translated and all(has_current_machine_note(m) for m in translated)


def test_a_failed_run_leaves_no_empty_output_folders(
    workspace: Path, empty_argos_home: Path, cli: Callable[..., CliResult]
) -> None:
    result = cli("run", "--output-dir", "out/po", SEED_PATH)
    assert result.exit_code == 2
    assert not Path("out").exists()
    Path("kept").mkdir()
    assert cli("run", "--output-dir", "kept", SEED_PATH).exit_code == 2
    assert Path("kept").is_dir() and not any(Path("kept").iterdir())


def test_quiet_prints_only_the_summary(
    workspace: Path, empty_argos_home: Path, cli: Callable[..., CliResult]
) -> None:
    result = run_ok(cli, "--no-mt", "--quiet", "--progress", "bar")
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("1 document, ")


def test_unparsable_catalogue_is_left_alone(
    workspace: Path, empty_argos_home: Path, cli: Callable[..., CliResult]
) -> None:
    PO_PATH.parent.mkdir(parents=True)
    PO_PATH.write_text('msgid "a"\nmsgstr "b"\ngarbage\n', encoding="utf-8")
    result = cli("run", "--no-mt", SEED_PATH)
    assert result.exit_code == 2
    assert f"Error: {PO_PATH}:3: not a valid PO file" in result.stderr
    assert PO_PATH.read_text(encoding="utf-8") == 'msgid "a"\nmsgstr "b"\ngarbage\n'


def test_same_stem_twice_is_refused(workspace: Path, cli: Callable[..., CliResult]) -> None:
    (workspace / "other").mkdir()
    shutil.copyfile(workspace / SEED_PATH, workspace / "other" / SEED_NAME)
    result = cli("run", "--no-mt", SEED_PATH, f"other/{SEED_NAME}")
    assert result.exit_code == 2 and "would share the catalogue" in result.stderr


def test_interrupt_writes_finished_documents_and_resume_does_the_rest(
    workspace: Path, installed_package: Any, engine_calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = workspace / "seeds" / "second.vi.txt"
    second.write_text(
        "Hội thảo chuyên đề về dữ liệu số diễn ra tại Huế.\n\nCác doanh nghiệp tham gia đông đủ.\n",
        encoding="utf-8",
    )
    options = pipeline.RunOptions(output_dir=Path("locales"), chunk_sentences=1)
    counting = Engine.translate  # the counting wrapper from the engine_calls fixture

    def interrupt_second_call(
        self: Engine, sentences: Any, progress: Any = None, **kwargs: Any
    ) -> Any:
        if engine_calls:
            raise KeyboardInterrupt  # Ctrl-C while the model works on the second document
        return counting(self, sentences, progress, **kwargs)

    monkeypatch.setattr(Engine, "translate", interrupt_second_call)
    with pytest.raises(pipeline.UserError) as caught:
        pipeline.run([SEED_PATH, "seeds/second.vi.txt"], options)
    assert caught.value.exit_code == 130
    assert "1 finished document written (locales/en/" in caught.value.message
    assert "1 document still to translate" in caught.value.message
    assert "Run the same command again" in caught.value.message
    assert PO_PATH.exists() and not Path("locales/en/second.po").exists()
    first_call = engine_calls[0]

    monkeypatch.setattr(Engine, "translate", counting)
    summary = pipeline.run([SEED_PATH, "seeds/second.vi.txt"], options)
    assert engine_calls[1:] == [
        ["Hội thảo chuyên đề về dữ liệu số diễn ra tại Huế.", "Các doanh nghiệp tham gia đông đủ."]
    ]
    assert summary.engine_calls == 1 and summary.sent_to_model == 2
    assert not set(first_call) & set(engine_calls[1])
    assert Path("locales/en/second.po").exists()


def test_documents_share_one_engine_call_and_repeated_sentences(
    workspace: Path, installed_package: Any, engine_calls: Calls
) -> None:
    shared = "Tuần lễ chuyển đổi số Huế 2023 diễn ra trong hai ngày."
    first = workspace / "seeds" / "a.vi.txt"
    second = workspace / "seeds" / "b.vi.txt"
    first.write_text(f"{shared}\n\nCâu riêng của tài liệu thứ nhất.\n", encoding="utf-8")
    second.write_text(f"Câu riêng của tài liệu thứ hai.\n\n{shared}\n", encoding="utf-8")
    summary = pipeline.run(["seeds/a.vi.txt", "seeds/b.vi.txt"], pipeline.RunOptions())
    assert summary.engine_calls == 1 and len(engine_calls) == 1
    assert sorted(engine_calls[0]) == sorted(
        {shared, "Câu riêng của tài liệu thứ nhất.", "Câu riêng của tài liệu thứ hai."}
    )
    a = parse(Path("locales/en/a.po").read_text(encoding="utf-8"))
    b = parse(Path("locales/en/b.po").read_text(encoding="utf-8"))
    assert by_msgid(a)[shared].msgstr == by_msgid(b)[shared].msgstr
    assert by_msgid(a)[shared].references == ("seeds/a.vi.txt:1",)
    assert by_msgid(b)[shared].references == ("seeds/b.vi.txt:3",)


def test_thread_count_changes_speed_not_results(
    workspace: Path, installed_package: Any, cli: Callable[..., CliResult]
) -> None:
    run_ok(cli, "--threads", "1")
    one_thread = PO_PATH.read_bytes()
    shutil.rmtree(workspace / "locales")
    run_ok(cli, "--threads", "2")
    assert PO_PATH.read_bytes() == one_thread
