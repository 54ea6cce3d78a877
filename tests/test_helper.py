"""The wrapping helper process: same bytes with or without it, and harmless when it fails."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from translate import helper, pipeline, pofile
from translate.pofile import parse, serialize

pytestmark = pytest.mark.skipif(not helper.available(), reason="the helper needs Linux and 2 cores")

SENTENCES = [
    f"Câu số {n} nói về kế hoạch chuyển đổi số của tỉnh Thừa Thiên Huế trong năm {2000 + n}, "
    f"với nhiều nội dung quan trọng mà các đơn vị phải hoàn thành trước tháng {n % 12 + 1}."
    for n in range(120)
]


def _document(sentences: list[str]) -> str:
    return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)) + "\n"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[helper.WrapAhead]]:
    """Every run starts the helper, with small chunks; yields the helpers the runs made."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # runs compared across minutes
    monkeypatch.setattr(helper, "MIN_SOURCE_BYTES", 0)
    monkeypatch.setattr(helper, "MIN_STRINGS", 1)
    monkeypatch.setattr(helper, "CHUNK", 7)
    made: list[helper.WrapAhead] = []
    start = helper.WrapAhead.start.__func__  # type: ignore[attr-defined]

    def recording(cls: type[helper.WrapAhead], expected_bytes: int) -> helper.WrapAhead:
        instance: helper.WrapAhead = start(cls, expected_bytes)
        made.append(instance)
        return instance

    monkeypatch.setattr(helper.WrapAhead, "start", classmethod(recording))
    yield made


def _review(po_path: Path) -> None:
    """Translate every entry by hand (long msgstrs, so they wrap too)."""
    po = parse(po_path.read_text(encoding="utf-8"))
    messages = tuple(
        m if m.obsolete else replace(m, msgstr=f"Reviewed translation of {m.msgid} " * 2)
        for m in po.messages
    )
    po_path.write_text(serialize(replace(po, messages=messages)), "utf-8")


def _run_twice(folder: Path) -> dict[str, bytes]:
    """A first run, a review, then an update after an edit: every file each step wrote."""
    folder.mkdir()
    source = folder / "news.vi.txt"
    source.write_text(_document(SENTENCES), encoding="utf-8")
    options = pipeline.RunOptions(output_dir=folder / "locales", use_mt=False)
    previous = Path.cwd()
    os.chdir(folder)
    try:
        pipeline.run(["news.vi.txt"], options)
        first = {p.name: p.read_bytes() for p in sorted((folder / "locales").rglob("*.po*"))}
        _review(folder / "locales" / "en" / "news.po")
        edited = [
            s.replace("quan trọng", "rất quan trọng") if i % 10 == 0 else s
            for i, s in enumerate(SENTENCES)
        ]
        source.write_text(_document(edited), encoding="utf-8")
        pipeline.run(["news.vi.txt"], options)
    finally:
        os.chdir(previous)
    second = {p.name: p.read_bytes() for p in sorted((folder / "locales").rglob("*.po*"))}
    return {**{f"first/{k}": v for k, v in first.items()}, **second}


def test_same_files_with_and_without_the_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[helper.WrapAhead]
) -> None:
    pofile._WRAPPED.clear()
    with_helper = _run_twice(tmp_path / "with")
    assert len(started) == 2 and all(h.chunks_taken + h.chunks_cancelled > 0 for h in started)
    assert sum(h.chunks_taken for h in started) > 0  # the worker did wrap some of them
    assert not any(h.running for h in started)  # closed after each run

    pofile._WRAPPED.clear()
    monkeypatch.setattr(helper, "available", lambda: False)
    without_helper = _run_twice(tmp_path / "without")
    assert with_helper == without_helper
    assert set(with_helper) == {"first/news.pot", "first/news.po", "news.pot", "news.po"}


def test_a_worker_that_dies_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[helper.WrapAhead]
) -> None:
    parent = os.getpid()
    real = pofile.wrap_strings

    def dying(prefix: str, keyword: str, values: list[str], width: int = 79) -> list[str]:
        if os.getpid() != parent:
            os._exit(3)  # the worker process vanishes mid-task
        return real(prefix, keyword, values, width)

    pofile._WRAPPED.clear()
    monkeypatch.setattr(pofile, "wrap_strings", dying)
    broken = _run_twice(tmp_path / "broken")
    assert started and sum(h.chunks_taken for h in started) == 0  # nothing came back
    monkeypatch.setattr(pofile, "wrap_strings", real)
    pofile._WRAPPED.clear()
    monkeypatch.setattr(helper, "available", lambda: False)
    assert broken == _run_twice(tmp_path / "plain")


def test_small_runs_and_stdin_never_start_the_worker() -> None:
    assert not helper.WrapAhead.start(helper.MIN_SOURCE_BYTES - 1).running
    assert pipeline._source_bytes(["-"]) == 0
    assert pipeline._source_bytes([sys.executable, "/nonexistent"]) == os.path.getsize(
        sys.executable
    )


def test_a_catalogue_changed_after_the_worker_read_it_is_not_used(
    tmp_path: Path, started: list[helper.WrapAhead]
) -> None:
    po_path = tmp_path / "news.po"
    header = pofile.Message(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
    before = pofile.PoFile(header, (pofile.Message("Câu một.", "Sentence one."),))
    po_path.write_text(serialize(before), encoding="utf-8")
    ahead = helper.WrapAhead.start(0)
    try:
        ticket = ahead.submit_catalogue(po_path)
        assert ticket is not None and ticket.future.result() is not None  # read it first
        after = pofile.PoFile(header, (pofile.Message("Câu một.", "A reviewed sentence."),))
        po_path.write_text(serialize(after), encoding="utf-8")
        ticket.text = po_path.read_text(encoding="utf-8")
        ticket.catalogue = parse(ticket.text)
        pofile._WRAPPED.clear()
        ahead.collect_catalogue(ticket)
        assert ahead.chunks_taken == 0 and not pofile._WRAPPED  # the stale result was dropped

        ticket = ahead.submit_catalogue(po_path)
        assert ticket is not None
        ticket.text, ticket.catalogue = po_path.read_text(encoding="utf-8"), after
        ahead.collect_catalogue(ticket)
        assert ahead.chunks_taken == 1
        assert pofile._WRAPPED[("", "msgstr", "A reviewed sentence.", 79)] == (
            'msgstr "A reviewed sentence."\n'
        )
    finally:
        ahead.close()


def test_closing_stops_a_busy_worker_at_once() -> None:
    ahead = helper.WrapAhead.start(helper.MIN_SOURCE_BYTES)
    assert ahead.running
    processes = list(ahead._executor._processes.values())  # type: ignore[union-attr]
    busy = [
        f"Câu số {n} nói về kế hoạch chuyển đổi số của tỉnh, rất dài. " * 3 for n in range(400_000)
    ]
    ticket = ahead.submit("msgid", busy)  # about a minute of work for the worker
    assert ticket
    started = time.monotonic()
    ahead.close()
    assert not ahead.running
    while threading.active_count() > 1 and time.monotonic() - started < 30:
        time.sleep(0.05)  # the pool's own threads end once they see the worker gone
    assert threading.active_count() == 1, [t.name for t in threading.enumerate()]
    for process in processes:
        assert process.pid is not None
        while _running(process.pid) and time.monotonic() - started < 5:
            time.sleep(0.05)
        assert not _running(process.pid)  # gone, or a zombie the pool reaps


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_no_worker_is_forked_while_other_threads_run() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not helper.WrapAhead.start(helper.MIN_SOURCE_BYTES).running
    finally:
        release.set()
        other.join()
    ahead = helper.WrapAhead.start(helper.MIN_SOURCE_BYTES)
    try:
        assert ahead.running
    finally:
        ahead.close()
