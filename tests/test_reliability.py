"""Crash safety of catalogue writes and the catalogue lock, proved with real processes.

A child process writes (or holds the lock) and is killed with SIGKILL or SIGINT at chosen
points: in the middle of writing the data, before the fsync, just before the rename and just
after it; and at random moments. The target must always be the old content or the new one,
complete.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from translate import fileio

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ROOT = Path(__file__).resolve().parent.parent
SIZE = 4 * 1024 * 1024  # large enough that a write takes many system calls


def payload(version: int) -> bytes:
    """A large content whose every byte depends on its version; ends with its own digest."""
    block = (f"version {version} ".encode() * 64)[:1024]
    body = block * (SIZE // len(block))
    return body + hashlib.sha256(body).hexdigest().encode()


def complete_version(data: bytes) -> int | None:
    """The version a file holds completely, or None if it is torn or truncated."""
    body, digest = data[:-64], data[-64:]
    if hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    return int(body[len(b"version ") : body.index(b" ", len(b"version "))])


WRITER = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {root!r})
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from translate import fileio
    from test_reliability import payload

    target, point, first = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])

    def pause():
        print("AT", point, flush=True)
        time.sleep(60)

    real_write, real_fsync, real_replace = os.write, os.fsync, os.replace
    if point == "write":
        def write(fd, data):
            written = real_write(fd, bytes(data[: len(data) // 2]))
            pause()
            return written
        os.write = write
    elif point == "fsync":
        def fsync(fd):
            pause()
            real_fsync(fd)
        os.fsync = fsync
    elif point == "replace":
        def replace(src, dst):
            pause()
            real_replace(src, dst)
        os.replace = replace
    elif point == "after-replace":
        def folder_sync(folder):
            pause()
        fileio._fsync_folder = folder_sync
    print("READY", flush=True)
    version = first
    while True:
        fileio.atomic_write_bytes(target, payload(version))
        print("WROTE", version, flush=True)
        version += 1
    """
)


def start_writer(tmp_path: Path, target: Path, point: str, first: int) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT), tests=str(ROOT / "tests")))
    return subprocess.Popen(
        [sys.executable, str(script), str(target), point, str(first)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(process: subprocess.Popen[str], prefix: str) -> str:
    assert process.stdout is not None
    while True:
        line = process.stdout.readline()
        if not line:
            stderr = process.stderr.read() if process.stderr else ""
            raise AssertionError(f"child ended before {prefix!r}: {stderr}")
        if line.startswith(prefix):
            return line


def temp_files(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
@pytest.mark.parametrize("point", ["write", "fsync", "replace", "after-replace"])
def test_kill_at_each_point_leaves_old_or_new(tmp_path: Path, point: str, sig: int) -> None:
    target = tmp_path / "doc.po"
    target.write_bytes(payload(1))
    writer = start_writer(tmp_path, target, point, first=2)
    try:
        wait_for(writer, "AT")
        writer.send_signal(sig)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    expected = 2 if point == "after-replace" else 1
    assert complete_version(target.read_bytes()) == expected
    if sig == signal.SIGINT:
        # KeyboardInterrupt: the writer cleans up its temporary file.
        assert writer.returncode != 0
        assert temp_files(tmp_path) == []


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_kill_at_random_moments_never_tears_the_file(tmp_path: Path, sig: int) -> None:
    target = tmp_path / "doc.po"
    target.write_bytes(payload(0))
    chooser = random.Random(20231112)
    seen: set[int] = set()  # the versions found after each kill; any complete one is right
    first = 1
    for _ in range(4):
        writer = start_writer(tmp_path, target, "none", first=first)
        wait_for(writer, "READY")
        time.sleep(chooser.uniform(0.0, 0.25))
        writer.send_signal(sig)
        writer.wait(timeout=30)
        version = complete_version(target.read_bytes())
        assert version is not None, "the target was torn"
        seen.add(version)
        first += 1000
    if sig == signal.SIGINT:
        assert temp_files(tmp_path) == []


@pytest.mark.slow
def test_stale_temp_files_of_killed_writers_are_removed(tmp_path: Path) -> None:
    from translate.fileio import remove_stale_temp_files

    target = tmp_path / "doc.po"
    target.write_bytes(payload(1))
    writer = start_writer(tmp_path, target, "replace", first=2)
    wait_for(writer, "AT")
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    stale = temp_files(tmp_path)
    assert len(stale) == 1 and f".{writer.pid}." in stale[0]
    # A live writer's file (ours) and other files are left alone.
    mine = tmp_path / f".doc.po.{os.getpid()}.0123abcd.tmp"
    mine.write_bytes(b"in progress")
    other = tmp_path / ".other.po.1.0123abcd.tmp"
    other.write_bytes(b"not ours to judge")
    assert remove_stale_temp_files(target) == [tmp_path / stale[0]]
    assert sorted(temp_files(tmp_path)) == sorted([mine.name, other.name])
    assert complete_version(target.read_bytes()) == 1


LOCKER = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from translate.errors import UserError
    from translate.fileio import atomic_write_text, catalog_lock

    catalogue, log, hold, timeout, rounds = (
        Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]),
        int(sys.argv[5]),
    )

    def note(event):
        with open(log, "a") as handle:
            handle.write(f"{{event}} {{os.getpid()}}\\n")

    try:
        for _ in range(rounds):
            with catalog_lock(catalogue, timeout=timeout,
                              on_wait=lambda pid: note(f"wait-for-{{pid}}")):
                note("start")
                # Read-modify-write: lost updates would show if two holders overlapped.
                count = int(catalogue.read_text()) if catalogue.exists() else 0
                if hold >= 0:
                    time.sleep(hold)
                else:  # hold until the test says so
                    release = log.with_name("release")
                    for _ in range(6000):
                        if release.exists():
                            break
                        time.sleep(0.01)
                atomic_write_text(catalogue, str(count + 1))
                note("end")
    except UserError as error:
        print(f"Error: {{error.message}}", file=sys.stderr)
        sys.exit(error.exit_code)
    """
)


def start_locker(
    tmp_path: Path, catalogue: Path, hold: float, timeout: float, rounds: int = 1
) -> subprocess.Popen[str]:
    script = tmp_path / "locker.py"
    script.write_text(LOCKER.format(root=str(ROOT)))
    return subprocess.Popen(
        [
            sys.executable,
            str(script),
            str(catalogue),
            str(tmp_path / "log"),
            str(hold),
            str(timeout),
            str(rounds),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_log(log: Path, needle: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and needle in log.read_text():
            return
        time.sleep(0.01)
    raise AssertionError(f"{needle!r} never appeared in {log}")


def events(log: Path) -> list[tuple[str, int]]:
    rows = [line.split() for line in log.read_text().splitlines()]
    return [(event, int(pid)) for event, pid in rows]


@pytest.mark.slow
def test_second_process_waits_for_the_lock(tmp_path: Path) -> None:
    catalogue = tmp_path / "locales" / "en" / "doc.po"
    first = start_locker(tmp_path, catalogue, hold=-1, timeout=10)
    wait_for_log(tmp_path / "log", "start")
    second = start_locker(tmp_path, catalogue, hold=0.0, timeout=30)
    wait_for_log(tmp_path / "log", f"wait-for-{first.pid}")
    (tmp_path / "release").touch()
    assert second.wait(timeout=30) == 0
    assert first.wait(timeout=30) == 0
    assert events(tmp_path / "log") == [
        ("start", first.pid),
        (f"wait-for-{first.pid}", second.pid),
        ("end", first.pid),
        ("start", second.pid),
        ("end", second.pid),
    ]
    assert catalogue.read_text() == "2"
    assert not (catalogue.parent / "doc.po.lock").exists()


@pytest.mark.slow
def test_second_process_fails_clearly_after_timeout(tmp_path: Path) -> None:
    catalogue = tmp_path / "doc.po"
    first = start_locker(tmp_path, catalogue, hold=-1, timeout=10)
    try:
        wait_for_log(tmp_path / "log", "start")
        second = start_locker(tmp_path, catalogue, hold=0.0, timeout=0.3)
        _, stderr = second.communicate(timeout=30)
        assert second.returncode == 2
        assert stderr.strip() == (
            f"Error: {catalogue} is being updated by another `translate run` "
            f"(pid {first.pid}); try again when it finishes"
        )
    finally:
        first.kill()
        first.wait()
    log = events(tmp_path / "log")
    assert ("start", second.pid) not in log


@pytest.mark.slow
def test_lock_of_a_killed_holder_is_free_at_once(tmp_path: Path) -> None:
    catalogue = tmp_path / "doc.po"
    catalogue.write_text("7")
    first = start_locker(tmp_path, catalogue, hold=-1, timeout=10)
    wait_for_log(tmp_path / "log", "start")
    first.send_signal(signal.SIGKILL)
    first.wait()
    began = time.monotonic()
    second = start_locker(tmp_path, catalogue, hold=0.0, timeout=0.5)
    assert second.wait(timeout=30) == 0
    assert time.monotonic() - began < 10
    assert catalogue.read_text() == "8"


@pytest.mark.slow
def test_concurrent_updates_are_never_lost(tmp_path: Path) -> None:
    catalogue = tmp_path / "doc.po"
    workers = [start_locker(tmp_path, catalogue, 0.002, 30, rounds=25) for _ in range(3)]
    for worker in workers:
        assert worker.wait(timeout=120) == 0, worker.stderr.read() if worker.stderr else ""
    assert catalogue.read_text() == "75"
    starts_and_ends = [e for e, _ in events(tmp_path / "log") if e in ("start", "end")]
    assert starts_and_ends == ["start", "end"] * 75


def interrupt_at_line(number: int, files: tuple[str, ...]) -> Callable[..., Any]:
    """A trace function that raises KeyboardInterrupt at the ``number``-th line run in
    ``files``: where a Ctrl-C's handler can run, roughly."""
    count = 0

    def trace(frame: FrameType, event: str, _: object) -> Callable[..., Any] | None:
        nonlocal count
        if not frame.f_code.co_filename.endswith(files):
            return None
        if event == "line":
            count += 1
            if count == number:
                raise KeyboardInterrupt
        return trace

    return trace


def test_an_interrupt_at_any_line_of_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Checked while the interrupt's traceback is alive (a dying process keeps it to the
    end, so a clean-up that waits for the garbage collector never comes) and after the
    exit-time clean-up, which is all a Ctrl-C as ``__exit__`` starts leaves to do."""
    target = tmp_path / "doc.po"
    target.write_bytes(b"old")
    files = ("fileio.py", "contextlib.py")
    left_to_exit = []
    for number in range(1, 500):
        sys.settrace(interrupt_at_line(number, files))
        try:
            fileio.atomic_write_bytes(target, b"new")
        except KeyboardInterrupt:
            sys.settrace(None)
            assert target.read_bytes() in (b"old", b"new")
            if temp_files(tmp_path):
                left_to_exit.append(number)
            fileio.remove_unfinished_temp_files()
            assert temp_files(tmp_path) == [], f"left behind when interrupted at line {number}"
            continue
        finally:
            sys.settrace(None)
        break  # the write ran to its end before the chosen line came
    else:
        raise AssertionError("the write never completed")
    assert number > 10  # the interrupts did land inside the write
    assert len(left_to_exit) <= 3, left_to_exit  # only the gaps no context manager can close
    assert target.read_bytes() == b"new"
    assert temp_files(tmp_path) == []


EXIT_GAP = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from translate import fileio
    from test_reliability import interrupt_at_line

    target = Path(sys.argv[1])
    for number in range(1, 500):
        sys.settrace(interrupt_at_line(number, ("fileio.py", "contextlib.py")))
        try:
            fileio.atomic_write_bytes(target, b"new")
        except KeyboardInterrupt:
            sys.settrace(None)
            if any(name.endswith(".tmp") for name in os.listdir(target.parent)):
                print("GAP", number, flush=True)
                raise  # dies of it, with the temporary file still there
    """
)


def test_a_process_interrupted_in_the_exit_gap_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = tmp_path / "gap.py"
    script.write_text(EXIT_GAP.format(root=str(ROOT), tests=str(ROOT / "tests")))
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "doc.po"
    target.write_bytes(b"old")
    done = subprocess.run(
        [sys.executable, str(script), str(target)], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.startswith("GAP"), done.stdout + done.stderr
    assert "KeyboardInterrupt" in done.stderr
    assert done.returncode != 0
    assert temp_files(tmp_path / "out") == []
    assert target.read_bytes() in (b"old", b"new")
