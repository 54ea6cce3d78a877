"""Issue 19: a killed run and its pipe (case 9), Ctrl-C while libraries load (case 10), and
floods that must stay linear (case 14)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from translate import catalog, langid
from translate.document import BreakKind, Document, Segment
from translate.interrupts import deferred_interrupts
from translate.segment import DEFAULT_MAX_LENGTH, segment_text

ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


# --------------------------------------------------------------------------------------------
# Case 9: `translate run … | cat` ends when the run is killed


@linux_only
@pytest.mark.slow
def test_a_killed_run_leaves_nothing_holding_its_pipe(
    tmp_path: Path, installed_package: Any
) -> None:
    sentences = "".join(f"Câu số {n} nói về chuyển đổi số của tỉnh.\n" for n in range(3000))
    (tmp_path / "big.vi.txt").write_text(sentences, encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "translate", "run", "big.vi.txt"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    cat = subprocess.Popen(["cat"], stdin=run.stdout, stdout=subprocess.PIPE)
    assert run.stdout is not None
    run.stdout.close()  # only the run and cat hold the pipe now
    lock = tmp_path / "locales" / "en" / "big.po.lock"
    deadline = time.monotonic() + 60
    while not lock.exists() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # into loading the model / translating
    helpers = children_of(run.pid)
    run.kill()
    assert run.wait() == -signal.SIGKILL, "the run finished before it could be killed"
    try:
        cat.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        cat.kill()
        pytest.fail(f"`| cat` did not end: something still holds the pipe ({helpers})")
    survivors = [pid for pid in helpers if Path(f"/proc/{pid}").exists()]
    assert survivors == []


# --------------------------------------------------------------------------------------------
# Case 10: Ctrl-C while langdetect loads its profiles, or while ctranslate2 initialises


def test_deferred_interrupts_raise_after_the_block() -> None:
    finished = []
    with pytest.raises(KeyboardInterrupt), deferred_interrupts():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # the signal arrives here, is only recorded
        finished.append(True)
    assert finished == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_while_langdetect_loads_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    from langdetect import detector_factory

    monkeypatch.setattr(detector_factory, "_factory", None)
    langid._load_langdetect.cache_clear()
    langid._langdetect.cache_clear()
    real = detector_factory.DetectorFactory.add_profile
    added = [0]

    def add_profile(self: Any, profile: Any, index: int, langsize: int) -> None:
        added[0] += 1
        if added[0] == 3:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C in the middle of the profiles
        real(self, profile, index, langsize)

    monkeypatch.setattr(detector_factory.DetectorFactory, "add_profile", add_profile)
    try:
        with pytest.raises(KeyboardInterrupt):
            langid._langdetect("This is plainly an English sentence about the weather.")
        factory = detector_factory._factory
        assert factory is not None
        assert len(factory.get_lang_list()) == added[0] > 50  # every profile, not a part
    finally:
        langid._load_langdetect.cache_clear()
        langid._langdetect.cache_clear()


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from langdetect import detector_factory
    real = detector_factory.DetectorFactory.add_profile
    count = [0]
    def add_profile(self, *args):
        count[0] += 1
        if count[0] == 3:
            os.kill(os.getpid(), signal.SIGINT)
        real(self, *args)
    detector_factory.DetectorFactory.add_profile = add_profile
    from translate.cli import main
    main(["run", "--no-mt", "doc.txt"])
    """
)


def test_ctrl_c_while_profiles_load_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Return to top\nRead more about it\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT))],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "locales").exists()


def test_ctranslate2_is_imported_with_interrupts_held(monkeypatch: pytest.MonkeyPatch) -> None:
    from translate import engine, interrupts

    held = []
    real = interrupts.deferred_interrupts

    def spy() -> Any:
        held.append(True)
        return real()

    monkeypatch.setattr(interrupts, "deferred_interrupts", spy)
    assert engine.import_ctranslate2().__name__ == "ctranslate2"
    assert held == [True]


# --------------------------------------------------------------------------------------------
# Case 14: linear in the number of repeats and in a run of combining marks


def repeated(count: int) -> Document:
    text = "Xin chào các bạn.\n" * count
    step = len("Xin chào các bạn.\n")
    segments = tuple(
        Segment(
            text="Xin chào các bạn.",
            start=index * step,
            end=index * step + step - 1,
            line=index + 1,
            paragraph=index,
            break_kind=BreakKind.LINE,
            lang="vi",
        )
        for index in range(count)
    )
    return Document(path="a.txt", text=text, segments=segments)


def test_one_sentence_repeated_200k_times_is_linear() -> None:
    document = repeated(200_000)
    started = time.perf_counter()
    (entry,) = catalog.template_entries([document])
    elapsed = time.perf_counter() - started
    assert len(entry.references) == 200_000
    assert entry.references[:2] == ("a.txt:1", "a.txt:2")
    assert elapsed < 10, f"{elapsed:.1f} s: quadratic again? (list membership: hours)"


def test_a_million_combining_marks_are_cut_in_linear_time() -> None:
    text = "a" + "\u0301" * 1_000_000
    started = time.perf_counter()
    document = segment_text(text, path="marks.txt")
    elapsed = time.perf_counter() - started
    assert elapsed < 20, f"{elapsed:.1f} s"
    assert len(document.segments) <= 1_000_000 // DEFAULT_MAX_LENGTH + 2
    assert "".join(s.text for s in document.segments) == text  # lossless, no whitespace here
    assert all(len(s.text) <= DEFAULT_MAX_LENGTH for s in document.segments)
