"""Checks on an .argosmodel archive before anything is extracted, and staging folders.

A package or model archive is untrusted input. Refused from the zip directory alone, before a
byte is written: unsafe names (`unsafe_member_problem`: absolute paths, `..`, links, special
files), encrypted members, compression methods Python cannot read, a name that is both a file
and a folder, two members with one name, and an archive that would unpack to more than
`MAX_UNPACKED_BYTES` (a decompression bomb) or to more than the free space.

Installs unpack into hidden staging folders ``.translate-staging-<pid>-<random>`` beside
their destination. A killed install leaves its folder behind; `remove_stale_staging` deletes
the ones whose process is gone (never another program's folder, never a live install's).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from translate.errors import UserError

# Real Argos packages unpack to 100-400 MB; the largest OPUS-MT conversions to about 1.5 GB.
MAX_UNPACKED_BYTES = 4 * 1024**3
# metadata.json is a few hundred bytes; more than this is not a package's metadata.
MAX_METADATA_BYTES = 1024 * 1024
STAGING_PREFIX = ".translate-staging-"
# Staging folders named before the owner's pid was part of the name: stale after this long.
UNOWNED_STALE_SECONDS = 24 * 3600

# What reading a damaged zip member can raise, beyond BadZipFile: a corrupt deflate or bzip2
# stream (zlib.error, OSError), a truncated one (EOFError), an encrypted member
# (RuntimeError), a compression method zipfile lacks (NotImplementedError).
ZIP_READ_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
)

_READABLE_METHODS = {
    zipfile.ZIP_STORED: "stored",
    zipfile.ZIP_DEFLATED: "deflate",
    zipfile.ZIP_BZIP2: "bzip2",
    zipfile.ZIP_LZMA: "lzma",
}
_OURS = re.compile(re.escape(STAGING_PREFIX) + r"(?:(\d+)-)?[A-Za-z0-9_]+")

__all__ = [
    "MAX_METADATA_BYTES",
    "MAX_UNPACKED_BYTES",
    "STAGING_PREFIX",
    "check_members",
    "make_staging",
    "remove_stale_staging",
    "unsafe_member_problem",
]


def unsafe_member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why extracting ``info`` could write outside its folder or make a non-file, or None."""
    name = info.filename
    if not name or "\x00" in name:
        return "empty or NUL in name"
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "absolute path"
    if "\\" in name:
        return "backslash in path"
    if any(part == ".." for part in name.split("/")):
        return "'..' in path"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symbolic link"
    if mode and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)) and stat.S_IFMT(mode):
        return "special file"
    return None


def check_members(infos: Sequence[zipfile.ZipInfo], where: str, destination: Path) -> None:
    """Refuse what extraction would choke on or be harmed by; UserError naming the member."""
    files: set[str] = set()
    folders: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename.rstrip("/")
        if info.flag_bits & 0x1:
            raise UserError(
                f"{where}: member {name!r} is encrypted; Argos packages are never encrypted, "
                "re-create the archive without a password"
            )
        if info.compress_type not in _READABLE_METHODS:
            raise UserError(
                f"{where}: member {name!r} uses compression method {info.compress_type}, "
                "which cannot be read here; re-create the archive with plain deflate (zip -r)"
            )
        if info.is_dir():
            folders.add(name)
        elif name in files:
            raise UserError(f"{where}: member {name!r} appears twice; the archive is not usable")
        else:
            files.add(name)
            total += info.file_size
        parents = PurePosixPath(name).parents
        folders.update(str(parent) for parent in parents if str(parent) != ".")
    clash = sorted(files & folders)
    if clash:
        raise UserError(
            f"{where}: {clash[0]!r} is both a file and a folder in the archive; it cannot be "
            "unpacked, re-create it from the package folder"
        )
    if total > MAX_UNPACKED_BYTES:
        raise UserError(
            f"{where}: unpacks to {_size(total)}, more than the {_size(MAX_UNPACKED_BYTES)} "
            "any translation package needs (a decompression bomb?); nothing was extracted"
        )
    free = _free_space(destination)
    if free is not None and total > free:
        raise UserError(
            f"{where}: unpacks to {_size(total)} but only {_size(free)} is free in "
            f"{destination}; free some space, nothing was extracted"
        )


def _free_space(folder: Path) -> int | None:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None


def _size(count: int) -> str:
    if count >= 1024**3:
        return f"{count / 1024**3:.1f} GiB"
    return f"{count / 1024**2:.1f} MiB"


def make_staging(parent: Path) -> Path:
    """A new staging folder in ``parent`` named with this process's pid; stale ones go."""
    parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(parent)
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=parent))


def remove_stale_staging(parent: Path) -> list[Path]:
    """Delete staging folders left in ``parent`` by killed installs; return them.

    Only folders named as `make_staging` names them: with a pid, when that process is gone;
    without one (older versions), when untouched for `UNOWNED_STALE_SECONDS`.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(parent)
    except OSError:
        return removed
    for name in names:
        match = _OURS.fullmatch(name)
        if match is None:
            continue
        path = parent / name
        if not path.is_dir() or path.is_symlink():
            continue
        if match.group(1) is not None:
            if _alive(int(match.group(1))):
                continue
        else:
            with contextlib.suppress(OSError):
                if time.time() - path.stat().st_mtime < UNOWNED_STALE_SECONDS:
                    continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
