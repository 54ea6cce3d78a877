"""What the toolkit may open, and proof that a file is still the one it read.

Sources and catalogues are regular files. A name may be a symbolic link, but what it points
to must be a regular file too: a FIFO would block a read forever, a device (``/dev/zero``)
would be read until memory runs out, and writing "through" a link to ``/dev/null`` would
replace the system's device with a regular file. `check_regular` refuses everything else by
its type, before anything is opened; `read_regular` also bounds what is read.

`FileStamp` records what a catalogue was when it was read (identity, size, modification time
and a digest of the bytes), so a writer can tell that someone (an editor saving with
temp + rename, without our lock) replaced it in the meantime, and never write over content it
did not read.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from translate.errors import UserError

# Far more than any real document or catalogue (a 100,000-entry catalogue is ~40 MB).
MAX_SOURCE_BYTES = 512 * 1024 * 1024
MAX_CATALOGUE_BYTES = 1024 * 1024 * 1024
# Glossaries, review sheets, XLIFF files and abbreviation lists, read whole.
MAX_INPUT_BYTES = 1024 * 1024 * 1024

__all__ = [
    "MAX_CATALOGUE_BYTES",
    "MAX_INPUT_BYTES",
    "MAX_SOURCE_BYTES",
    "CatalogueChanged",
    "FileStamp",
    "catalogue_source_problem",
    "change_check",
    "check_regular",
    "file_kind",
    "read_regular",
    "stamp_of",
    "unchanged_since",
]


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words, from its ``st_mode``."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refusal(display: str, path: str, mode: int, what: str) -> UserError:
    resolved = os.path.realpath(path)
    via = f" (a link to {resolved})" if os.path.islink(path) else ""
    return UserError(
        f"{display}{via} is {file_kind(mode)}, not a regular file; translate reads and "
        f"writes only regular files: name a real {what} file"
    )


def check_regular(path: str | Path, display: str | None = None, what: str = "text") -> bool:
    """True when ``path`` (links followed) is a regular file, False when nothing is there.

    Raises `UserError` for a FIFO, socket, device or directory, naming the kind of file.
    """
    name = str(path)
    display = display or name
    try:
        info = os.stat(name)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # let the open say what is wrong (permission, loop…)
    if not stat.S_ISREG(info.st_mode):
        raise _refusal(display, name, info.st_mode, what)
    return True


def read_regular(
    path: str | Path, display: str | None = None, *, limit: int, what: str = "text"
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them (UserError beyond).

    The file's type is checked before opening and again on the open descriptor (opened
    without blocking, so a FIFO swapped in between cannot hang the read). Raises
    FileNotFoundError / PermissionError / OSError as ``open`` does, for the caller's message.
    """
    name = str(path)
    display = display or name
    if not check_regular(name, display, what):
        raise FileNotFoundError(2, "No such file or directory", name)
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _refusal(display, name, info.st_mode, what)
        if info.st_size > limit:
            raise _too_large(display, limit, what)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 24)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise _too_large(display, limit, what)
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(display: str, limit: int, what: str) -> UserError:
    size = f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit} bytes"
    return UserError(
        f"{display} is larger than {size}, more than any {what} file translate reads; "
        "split it, or check that it is the file you meant"
    )


@dataclass(frozen=True)
class FileStamp:
    """A file as it was read: identity, size, modification time and a digest of its bytes."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp_of(path: Path, data: bytes) -> FileStamp | None:
    """The stamp of ``path`` whose content was just read as ``data`` (None: it is gone)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return FileStamp(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, _digest(data))


def unchanged_since(path: Path, stamp: FileStamp | None, *, limit: int) -> bool:
    """Whether ``path`` still holds what was read when ``stamp`` was taken (None: absent).

    The same inode, size and time means the same file; otherwise the content decides (a
    ``touch`` or a byte-identical save is no change).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return stamp is None
    if stamp is None:
        return False
    if (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) == (
        stamp.device,
        stamp.inode,
        stamp.size,
        stamp.mtime_ns,
    ):
        return True
    if info.st_size != stamp.size:
        return False
    try:
        data = read_regular(path, limit=limit, what="catalogue")
    except (OSError, UserError):
        return False
    return _digest(data) == stamp.digest


_CATALOGUE_SUFFIXES = (".po", ".pot", ".mo", ".gmo")
_FIRST_STATEMENT = re.compile(r"^[ \t]*(?!#)(\S.*)$", re.MULTILINE)
_MSGSTR_LINE = re.compile(r'^[ \t]*msgstr(?:\[\d+\])?[ \t]*"', re.MULTILINE)


def catalogue_source_problem(name: str, text: str) -> str | None:
    """Why the source ``name`` (read as ``text``) is a gettext catalogue, or None.

    Given to `translate run` as a source, a catalogue would be segmented as prose and merged
    into itself: its reviewed entries would become obsolete or fuzzy.
    """
    suffix = Path(name).suffix.lower() if name != "-" else ""
    if suffix in _CATALOGUE_SUFFIXES:
        return f"its name ends in {suffix}"
    first = _FIRST_STATEMENT.search(text, 0, 1 << 20)
    if (
        first is not None
        and first.group(1).startswith(("msgid ", 'msgid"', "msgctxt "))
        and _MSGSTR_LINE.search(text, 0, 1 << 20) is not None
    ):
        return "its content is PO entries (msgid/msgstr)"
    return None


class CatalogueChanged(Exception):
    """The file about to be replaced is no longer the one that was read (an editor saved it)."""


def change_check(path: Path, stamp: FileStamp | None) -> Callable[[], None]:
    """A ``before_replace`` callback for `fileio.atomic_writer`: raises `CatalogueChanged`
    unless ``path`` still holds what was read when ``stamp`` was taken."""

    def check() -> None:
        if not unchanged_since(path, stamp, limit=MAX_CATALOGUE_BYTES):
            raise CatalogueChanged(path)

    return check
