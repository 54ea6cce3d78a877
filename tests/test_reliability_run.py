"""`translate run` as a real process, killed or interrupted, and two runs at once.

The child is the real command (`translate.cli.main`) with the operating-system calls it makes
wrapped so that it stops at an exact point and waits to be killed: before, during or after
the rename of the k-th catalogue it writes, or inside the k-th model call. Then it gets
SIGKILL or SIGINT. Every catalogue must be as it was or fully updated, and a plain re-run must
finish the job.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HAS_RUN = importlib.util.find_spec("translate.cli.run_cmd") is not None
pytestmark = [
    pytest.mark.skipif(
        not HAS_RUN, reason="`translate run` (translate/cli/run_cmd.py) is not in this checkout"
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and signals"),
    pytest.mark.slow,
]
EPOCH = "1700000000"

DOC_A_V1 = (
    "Tuần lễ chuyển đổi số Huế 2023\n\n"
    "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023.\n"
    "Các đơn vị được giao nhiệm vụ phải hoàn thành trước tháng mười hai.\n"
)
DOC_B_V1 = (
    "Hội thảo về dữ liệu số\n\nÔng Nguyễn Xuân Sơn chia sẻ về hạ tầng số của tỉnh.\nReturn to top\n"
)
DOC_A_V2 = DOC_A_V1 + "Câu mới được thêm vào sau khi biên tập.\n"
DOC_B_V2 = DOC_B_V1.replace("hạ tầng số", "hạ tầng số và nền tảng số")

CHILD = textwrap.dedent(
    """
    import os, re, sys, time
    sys.path.insert(0, {root!r})
    point, at = os.environ["PAUSE_POINT"], int(os.environ["PAUSE_AT"])
    marker = os.environ["PAUSE_MARKER"]

    def pause(what):
        # Wait to be killed, or to be let go by the file `<marker>.go`.
        with open(marker, "w") as handle:
            handle.write(what)
        for _ in range(15000):
            if os.path.exists(marker + ".go"):
                return
            time.sleep(0.02)

    def is_catalogue(path):
        return str(path).endswith((".po", ".pot"))

    replaces = 0
    real_replace = os.replace
    def replace(src, dst, *args, **kwargs):
        global replaces
        if not is_catalogue(dst):
            return real_replace(src, dst, *args, **kwargs)
        replaces += 1
        if point == "before-replace" and replaces == at:
            pause(f"before replacing {{dst}}")
        real_replace(src, dst, *args, **kwargs)
        if point == "after-replace" and replaces == at:
            pause(f"after replacing {{dst}}")
    os.replace = replace
    os.rename = replace

    temp_files = []
    real_write = os.write
    def write(fd, data):
        if point == "mid-write":
            try:
                name = os.readlink(f"/proc/self/fd/{{fd}}")
            except OSError:
                name = ""
            if re.search(r"\\.pot?\\b.*\\.tmp$", name) or re.search(r"\\.pot?\\.tmp", name):
                if name not in temp_files:
                    temp_files.append(name)
                    if len(temp_files) == at:
                        written = real_write(fd, bytes(data[: max(1, len(data) // 2)]))
                        pause(f"in the middle of writing {{name}}")
                        return written
        return real_write(fd, data)
    os.write = write

    if os.environ.get("OBSERVE_LOCK"):
        # Say (in a file) when this run finds a catalogue lock held by another process.
        import fcntl
        real_flock = fcntl.flock
        def flock(fd, operation):
            try:
                return real_flock(fd, operation)
            except BlockingIOError:
                with open(os.environ["OBSERVE_LOCK"], "w") as handle:
                    handle.write("blocked")
                raise
        fcntl.flock = flock

    if os.environ.get("CHUNK_SENTENCES"):
        # As in a large run: documents are translated and written in several chunks.
        import translate.pipeline as pipeline
        original_chunks = pipeline.chunks
        limit = int(os.environ["CHUNK_SENTENCES"])
        pipeline.chunks = lambda jobs, _limit: original_chunks(jobs, limit)

    calls = 0
    if point.startswith("translate"):
        import ctranslate2
        Real = ctranslate2.Translator
        class Translator:
            def __init__(self, *args, **kwargs):
                self._real = Real(*args, **kwargs)
            def __getattr__(self, name):
                return getattr(self._real, name)
            def translate_batch(self, *args, **kwargs):
                global calls
                calls += 1
                if point == "translate" and calls == at:
                    pause("inside the model call")
                if point == "translate-after-write" and replaces >= at:
                    pause(f"inside a model call after {{replaces}} catalogue writes")
                return self._real.translate_batch(*args, **kwargs)
        ctranslate2.Translator = Translator

    from translate.cli import main
    main(sys.argv[1:])
    """
)


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TRANSLATE_DEBUG"}
    env["SOURCE_DATE_EPOCH"] = EPOCH
    return env


def write_sources(workdir: Path, doc_a: str, doc_b: str) -> None:
    (workdir / "src").mkdir(parents=True, exist_ok=True)
    (workdir / "src" / "alpha.vi.txt").write_text(doc_a, encoding="utf-8")
    (workdir / "src" / "beta.vi.txt").write_text(doc_b, encoding="utf-8")


def run_args(*extra: str) -> list[str]:
    return ["run", "--output-dir", "locales", *extra, "src/alpha.vi.txt", "src/beta.vi.txt"]


def run_plain(workdir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    finished = subprocess.run(
        [sys.executable, "-m", "translate", *run_args(*extra)],
        cwd=workdir,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    return finished


def catalogues(workdir: Path) -> dict[str, bytes]:
    out = workdir / "locales"
    return {
        str(path.relative_to(out)): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.suffix in (".po", ".pot")
    }


def leftovers(workdir: Path) -> list[str]:
    return [p.name for p in (workdir / "locales").rglob("*") if p.name.endswith(".tmp")]


def start_paused(
    workdir: Path,
    point: str,
    at: int,
    *extra: str,
    chunk_sentences: int | None = None,
    observe_lock: Path | None = None,
) -> tuple[subprocess.Popen[str], Path]:
    script = workdir.parent / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)))
    marker = workdir.parent / f"marker-{point}-{at}"
    marker.unlink(missing_ok=True)
    env = {**environment(), "PAUSE_POINT": point, "PAUSE_AT": str(at), "PAUSE_MARKER": str(marker)}
    if chunk_sentences is not None:
        env["CHUNK_SENTENCES"] = str(chunk_sentences)
    if observe_lock is not None:
        env["OBSERVE_LOCK"] = str(observe_lock)
    child = subprocess.Popen(
        [sys.executable, str(script), *run_args(*extra)],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return child, marker


def wait_paused(child: subprocess.Popen[str], marker: Path, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.exists() and marker.read_text():
            return marker.read_text()
        if child.poll() is not None:
            _, stderr = child.communicate()
            raise AssertionError(f"the run ended (exit {child.returncode}) first: {stderr}")
        time.sleep(0.02)
    child.kill()
    raise AssertionError("the run never reached the pause point")


@pytest.fixture(scope="module")
def states(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A work folder after a v1 run, and the catalogues before and after a clean v2 run."""
    base = tmp_path_factory.mktemp("run-states")
    old_dir = base / "old"
    write_sources(old_dir, DOC_A_V1, DOC_B_V1)
    first = run_plain(old_dir, "--no-mt")
    assert first.returncode == 0, first.stderr
    new_dir = base / "new"
    shutil.copytree(old_dir, new_dir)
    write_sources(new_dir, DOC_A_V2, DOC_B_V2)
    second = run_plain(new_dir, "--no-mt")
    assert second.returncode == 0, second.stderr
    old, new = catalogues(old_dir), catalogues(new_dir)
    assert set(old) == set(new) and len(old) == 4
    assert all(old[name] != new[name] for name in old)
    return old_dir, old, new


POINTS = [
    ("before-replace", 1),
    ("mid-write", 2),
    ("after-replace", 2),
    ("mid-write", 4),
]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
@pytest.mark.parametrize(("point", "at"), POINTS, ids=[f"{p}-{n}" for p, n in POINTS])
def test_killed_run_leaves_each_catalogue_old_or_complete(
    states: tuple[Path, dict[str, bytes], dict[str, bytes]],
    tmp_path: Path,
    point: str,
    at: int,
    sig: int,
) -> None:
    old_dir, old, new = states
    workdir = tmp_path / "work"
    shutil.copytree(old_dir, workdir)
    write_sources(workdir, DOC_A_V2, DOC_B_V2)
    child, marker = start_paused(workdir, point, at, "--no-mt")
    wait_paused(child, marker)
    child.send_signal(sig)
    _, stderr = child.communicate(timeout=60)

    after = catalogues(workdir)
    assert set(after) == set(old)
    for name, data in after.items():
        assert data in (old[name], new[name]), f"{name} is neither old nor new"
    if point == "after-replace":
        assert sum(after[name] == new[name] for name in after) >= at
    if sig == signal.SIGINT:
        assert child.returncode == 130
        assert "Traceback" not in stderr
        assert leftovers(workdir) == []

    rerun = run_plain(workdir, "--no-mt")
    assert rerun.returncode == 0, rerun.stderr
    assert catalogues(workdir) == new


@pytest.fixture
def model_workdir(tmp_path: Path, installed_package: object) -> Path:
    workdir = tmp_path / "work"
    write_sources(workdir, DOC_A_V2, DOC_B_V2)
    return workdir


def machine_translated(workdir: Path) -> set[str]:
    """msgids whose translation in the English catalogues came from the model."""
    import polib

    done: set[str] = set()
    for po in (workdir / "locales" / "en").glob("*.po"):
        done.update(
            entry.msgid
            for entry in polib.pofile(str(po))
            if entry.msgstr and "mt: " in (entry.tcomment or "")
        )
    return done


def msgfmt_accepts_all(workdir: Path) -> None:
    for catalogue in (workdir / "locales").rglob("*.po*"):
        finished = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, str(catalogue)], capture_output=True
        )
        assert finished.returncode == 0, finished.stderr


def sent_to_model(stderr: str) -> int:
    match = re.search(r"(\d+) sent to the model", stderr)
    assert match is not None, f"no summary line in {stderr!r}"
    return int(match.group(1))


def test_ctrl_c_in_the_first_model_call(model_workdir: Path) -> None:
    child, marker = start_paused(model_workdir, "translate", 1)
    wait_paused(child, marker)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1 and "interrupted" in stderr
    assert "again" in stderr, "the message must say how to resume"
    assert catalogues(model_workdir) == {}  # nothing was finished, nothing half-written
    assert leftovers(model_workdir) == []

    rerun = run_plain(model_workdir)
    assert rerun.returncode == 0, rerun.stderr
    msgfmt_accepts_all(model_workdir)
    # A third run has nothing left to do: same catalogues, byte for byte, no model call.
    snapshot = catalogues(model_workdir)
    third = run_plain(model_workdir)
    assert third.returncode == 0 and sent_to_model(third.stderr) == 0
    assert catalogues(model_workdir) == snapshot


def test_ctrl_c_after_a_finished_document(model_workdir: Path) -> None:
    # One sentence per chunk: alpha is translated and written before beta's model call.
    child, marker = start_paused(model_workdir, "translate-after-write", 1, chunk_sentences=1)
    wait_paused(child, marker)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 130, stderr
    assert "Traceback" not in stderr and "again" in stderr
    assert str(Path("locales") / "en" / "alpha.po") in stderr
    written = catalogues(model_workdir)
    assert set(written) == {"alpha.pot", "en/alpha.po"}
    msgfmt_accepts_all(model_workdir)
    assert leftovers(model_workdir) == []
    finished_before = machine_translated(model_workdir)
    assert finished_before

    rerun = run_plain(model_workdir)
    assert rerun.returncode == 0, rerun.stderr
    finished_after = machine_translated(model_workdir)
    assert finished_before < finished_after
    # Only what was still missing went to the model.
    assert sent_to_model(rerun.stderr) == len(finished_after - finished_before)
    assert catalogues(model_workdir)["en/alpha.po"] == written["en/alpha.po"]


def test_two_runs_at_once_never_interleave(
    states: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    old_dir, _, new = states
    workdir = tmp_path / "work"
    shutil.copytree(old_dir, workdir)
    write_sources(workdir, DOC_A_V2, DOC_B_V2)
    # The first run stops in the middle of writing its first catalogue.
    first, marker = start_paused(workdir, "mid-write", 1, "--no-mt")
    wait_paused(first, marker)
    blocked = tmp_path / "second-blocked"
    second, _ = start_paused(workdir, "none", 0, "--no-mt", observe_lock=blocked)
    try:
        wait_paused(second, blocked)  # the second run found the catalogue locked
        time.sleep(0.5)
        assert second.poll() is None, "the second run did not wait for the first: " + (
            second.communicate()[1] or ""
        )
        Path(f"{marker}.go").touch()  # let the first run finish
        _, first_err = first.communicate(timeout=120)
        first_done = time.monotonic()
        _, second_err = second.communicate(timeout=120)
        second_done = time.monotonic()
    finally:
        for process in (first, second):
            if process.poll() is None:
                process.kill()
                process.wait()
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second_err
    assert second_done >= first_done
    assert f"waiting for pid {first.pid} to finish updating" in second_err
    assert catalogues(workdir) == new
    assert not list((workdir / "locales").rglob("*.lock"))
