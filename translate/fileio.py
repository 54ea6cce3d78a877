"""Writing files safely, and the catalogue lock.

Writing: `atomic_write_bytes` never leaves a half-written file behind: the data goes to a
temporary file in the same folder, is flushed to disk and then renamed over the target, so a
reader (or a crash at any instant) sees either the old file or the new one, complete. Only
regular files are replaced (a link is followed; a device, FIFO or socket is refused).

Locking: `catalog_lock` keeps two `translate run` processes from updating the same catalogue
at the same time.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import secrets
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from translate.errors import EXIT_USAGE, UserError

DEFAULT_LOCK_TIMEOUT = 30.0


# --------------------------------------------------------------------------------------------
# Atomic writes


def atomic_write_text(
    path: Path, text: str, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Write ``text`` as UTF-8 (no newline translation) atomically; see `atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"), before_replace=before_replace)


def atomic_write_bytes(
    path: Path, data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace the file at ``path`` with ``data`` atomically; see `atomic_writer`."""
    with atomic_writer(path, before_replace=before_replace) as stream:
        # Straight to the descriptor: no copy of a large catalogue into the stream's buffer.
        view = memoryview(data)
        while view:
            written = os.write(stream.fileno(), view)
            view = view[written:]


def atomic_writer(path: Path, *, before_replace: Callable[[], None] | None = None) -> AtomicWriter:
    """A binary stream whose content replaces the file at ``path``, never seen half-written.

    The data goes to a uniquely named temporary file in the target's folder (created if
    missing), is fsynced and renamed over the target when the block ends without error, then
    the folder is fsynced. The new file keeps the old one's permissions (a new one gets the
    umask default). A symlinked target is resolved and replaced, but only a regular file
    (a device, FIFO, socket or folder is refused). ``before_replace`` runs just before the
    rename; whatever it raises cancels the write (`translate run` checks there that the
    catalogue is still the one it read). On any failure,
    including KeyboardInterrupt, the temporary file is removed and the old file is untouched;
    OS errors become `UserError`.
    """
    return AtomicWriter(Path(path), before_replace)


class AtomicWriter:
    """The context manager behind `atomic_writer`.

    A class rather than a generator: `contextlib` runs pending signal handlers right after
    the generator yields, outside both the generator's ``try`` and the ``with`` block, so a
    Ctrl-C there left the temporary file behind. One such gap remains in any context
    manager (a Ctrl-C handled as ``__exit__`` starts, before its first line); the files
    still unfinished when the process exits are removed then (`remove_unfinished_temp_files`).
    """

    def __init__(self, path: Path, before_replace: Callable[[], None] | None) -> None:
        self._path = path
        self._before_replace = before_replace
        self._target = Path(os.path.realpath(path)) if os.path.islink(path) else path
        self._temp: Path | None = None
        self._stream: BinaryIO | None = None

    def __enter__(self) -> BinaryIO:
        _refuse_special_target(self._path, self._target)
        try:
            self._stream = self._open_temp()
            return self._stream
        except BaseException as exc:
            self._discard_temp()
            if isinstance(exc, OSError):
                raise UserError(f"cannot write {self._path}: {exc.strerror or exc}") from exc
            raise

    def _open_temp(self) -> BinaryIO:
        folder = self._target.parent
        folder.mkdir(parents=True, exist_ok=True)
        mode = _existing_mode(self._target)
        while True:
            # Named before the file exists, so an interrupt at any instant after the open
            # (even before its result is stored) still finds the file to remove.
            self._temp = _temp_name(folder, self._target.name)
            _UNFINISHED[self._temp] = os.getpid()
            try:
                fd = os.open(self._temp, _TEMP_FLAGS, 0o666)  # 0o666: the umask decides
                break
            except FileExistsError:
                del _UNFINISHED[self._temp]
                self._temp = None  # not ours to remove
        stream = os.fdopen(fd, "wb")
        if mode is not None:
            _chmod_fd(fd, self._temp, mode)
        return stream

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, _: object
    ) -> None:
        assert self._stream is not None and self._temp is not None
        try:
            if isinstance(exc, OSError):
                raise exc  # the body failed to write: reported as below
            if exc is not None:
                return
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            if self._before_replace is not None:
                self._before_replace()
            os.replace(self._temp, self._target)
            _UNFINISHED.pop(self._temp, None)
            self._temp = None
        except OSError as error:
            raise UserError(
                f"cannot write {self._path}: {error.strerror or error}; "
                "the previous file is unchanged"
            ) from error
        finally:
            self._discard_temp()
        _fsync_folder(self._target.parent)

    def _discard_temp(self) -> None:
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
        if self._temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)
            _UNFINISHED.pop(self._temp, None)
            self._temp = None


# Temporary files created and neither renamed nor removed yet, with the creating process
# (a forked child must not remove its parent's).
_UNFINISHED: dict[Path, int] = {}


def remove_unfinished_temp_files() -> None:
    """Remove this process's temporary files that no write finished; runs at exit."""
    for temp, pid in list(_UNFINISHED.items()):
        if pid == os.getpid():
            with contextlib.suppress(OSError):
                os.unlink(temp)
            _UNFINISHED.pop(temp, None)


atexit.register(remove_unfinished_temp_files)


def _refuse_special_target(path: Path, target: Path) -> None:
    """A link is resolved and its target replaced, but only when that is a regular file (or
    nothing yet): a device, FIFO, socket or folder is never swapped for a regular file."""
    import stat

    from translate.fileguard import file_kind

    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # nothing there yet (or unreadable: the write itself will say)
    if stat.S_ISREG(mode):
        return
    via = f" (a link to {target})" if Path(path) != target else ""
    raise UserError(
        f"cannot write {path}{via}: it is {file_kind(mode)}, not a regular file; translate "
        "replaces only regular files, it was left untouched: remove it or name another file"
    )


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Delete temporary files that killed writers of ``path`` left beside it; return them.

    Only files named as `atomic_writer` names them, whose writer process is gone, are
    removed; a SIGKILL between creating and renaming one is the only way to leave one behind.
    """
    target = Path(path)
    pattern = re.compile(re.escape(f".{target.name}.") + r"(\d+)\.[0-9a-f]{8}\.tmp")
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or _process_alive(int(match.group(1))):
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target.parent / name)
            removed.append(target.parent / name)
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell cheaply: keep the file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _existing_mode(target: Path) -> int | None:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return None


_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _temp_name(folder: Path, name: str) -> Path:
    # The pid lets `remove_stale_temp_files` tell a dead writer's file from a live one's.
    return folder / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _chmod_fd(fd: int, temp: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only bit exists
        os.chmod(temp, mode)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------
# Catalogue lock


def lock_path_for(path: Path) -> Path:
    """The lock file that guards ``path``: ``<path>.lock`` next to it."""
    path = Path(path)
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def catalog_lock(
    path: Path,
    timeout: float = DEFAULT_LOCK_TIMEOUT,
    *,
    on_wait: Callable[[int | None], None] | None = None,
) -> Iterator[None]:
    """Hold an exclusive lock on the catalogue ``path`` (via ``<path>.lock``) for the block.

    Waits up to ``timeout`` seconds for another holder (``on_wait(pid)`` is called once when
    it has to wait), then raises `UserError` naming the holder's pid. The lock is released
    when the block ends, and by the operating system if the process dies.
    """
    lock_path = lock_path_for(path)
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {lock_path}: {exc.strerror or exc}") from exc
    deadline = time.monotonic() + timeout
    fd = _acquire(lock_path, path, deadline, on_wait)
    try:
        yield
    finally:
        # Unlink while still holding the lock: a waiter then sees a stale inode and retries.
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        _unlock(fd)
        os.close(fd)


def _acquire(
    lock_path: Path,
    path: Path,
    deadline: float,
    on_wait: Callable[[int | None], None] | None,
) -> int:
    waited = False
    delay = 0.02
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as exc:
            raise UserError(f"cannot create {lock_path}: {exc.strerror or exc}") from exc
        if _try_lock(fd):
            if _same_file(fd, lock_path):
                try:
                    _record_pid(fd)
                except OSError as exc:  # a full disk, a quota
                    with contextlib.suppress(OSError):
                        os.unlink(lock_path)
                    _unlock(fd)
                    os.close(fd)
                    raise UserError(
                        f"cannot write the lock file {lock_path}: {exc.strerror or exc}; "
                        "free some space (nothing was changed) and run again"
                    ) from exc
                return fd
            # The previous holder removed this lock file after we opened it: start again.
            _unlock(fd)
            os.close(fd)
            continue
        holder = _read_pid(fd)
        os.close(fd)
        if time.monotonic() >= deadline:
            who = f" (pid {holder})" if holder is not None else ""
            raise UserError(
                f"{path} is being updated by another `translate run`{who}; "
                "try again when it finishes",
                EXIT_USAGE,
            )
        if not waited:
            waited = True
            if on_wait is not None:
                on_wait(holder)
        time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
        delay = min(delay * 2, 0.25)


def _same_file(fd: int, lock_path: Path) -> bool:
    try:
        on_disk = os.stat(lock_path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _record_pid(fd: int) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode("ascii"))


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 32)
    except OSError:
        return None
    text = raw.decode("ascii", errors="replace").strip()
    return int(text) if text.isdigit() else None


if sys.platform == "win32":
    import msvcrt

    # Lock a byte far past the pid record, so readers can still read the pid.
    _WIN_LOCK_OFFSET = 1 << 20

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
