"""An Argos package archive (.argosmodel) read safely: one top-level folder holding its
metadata, a CTranslate2 model and a tokenizer, every member checked (unsafe names, links,
encryption, bombs, CRCs) before anything is written, then extracted below one folder.
:mod:`translate.models` installs what this module has validated."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from translate.archive_guard import unsafe_member_problem
from translate.errors import UserError

if TYPE_CHECKING:
    import zipfile

# (zipfile is imported where used: `translate models --help` must not pay for it.)

TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
CHUNK_BYTES = 1 << 20
REQUIRED_MODEL_FILES = ("model/model.bin", "model/config.json")


def parse_metadata(source: Path | bytes, where: str) -> dict[str, Any]:
    try:
        if isinstance(source, Path) and source.stat().st_size > 1024 * 1024:
            raise UserError(f"{where}: too large to be package metadata")
        raw = source.read_bytes() if isinstance(source, Path) else source
        metadata = json.loads(raw.decode("utf-8"))
    except FileNotFoundError as exc:
        raise UserError(f"{where}: missing (every Argos package has a metadata.json)") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UserError(f"{where}: not valid UTF-8 JSON ({exc})") from exc
    except RecursionError as exc:
        raise UserError(f"{where}: nested too deeply to be package metadata") from exc
    if not isinstance(metadata, dict):
        raise UserError(f"{where}: expected a JSON object")
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str) or not metadata[key]:
            raise UserError(f"{where}: no {key!r} (the package's language codes)")
    return metadata


@dataclass(frozen=True)
class ArchiveInfo:
    path: Path
    top: str  # the single top-level folder
    metadata: dict[str, Any] = field(compare=False, hash=False)
    members: tuple[str, ...]


def read_archive(
    archive: Path, packages_dir: Path, *, expected_pair: tuple[str, str] | None = None
) -> ArchiveInfo:
    """Check an .argosmodel before anything is written (``packages_dir``: where it would be
    installed, for the free-space check); UserError naming the first problem."""
    where = str(archive)
    with _open_zip(archive) as zf:
        infos = zf.infolist()
        top, names = _package_layout(infos, where)
        _check_package_files(top, set(names), where)
        from translate.archive_guard import check_members

        # Encryption, unreadable compression, file/folder clashes, bombs: from the directory.
        check_members(infos, where, packages_dir)
        metadata_bytes = _read_checked_metadata(zf, top, where)
    metadata = parse_metadata(metadata_bytes, f"{where}: {top}/metadata.json")
    pair = (metadata["from_code"], metadata["to_code"])
    if expected_pair is not None and pair != expected_pair:
        raise UserError(
            f"{where}: package translates {pair[0]}→{pair[1]}, "
            f"not {expected_pair[0]}→{expected_pair[1]}"
        )
    return ArchiveInfo(path=archive, top=top, metadata=metadata, members=tuple(names))


def _open_zip(archive: Path) -> zipfile.ZipFile:
    import zipfile

    where = str(archive)
    if archive.is_dir():
        raise UserError(
            f"{where}: a folder, not an .argosmodel file (zip it with its folder as the one "
            "top-level entry, or use it in place with `translate run --model FOLDER`)"
        )
    from translate.fileguard import check_regular

    if not check_regular(archive, what=".argosmodel"):  # a FIFO: named so, not "no such file"
        raise UserError(f"{where}: no such file")
    try:
        return zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(
            f"{where}: not a readable zip archive ({exc}); an .argosmodel is a zip file"
        ) from exc


def _package_layout(infos: Sequence[zipfile.ZipInfo], where: str) -> tuple[str, list[str]]:
    """The package's one top-level folder and every member name; UserError for an unsafe
    entry, a file at the top level or more than one folder there."""
    if not infos:
        raise UserError(f"{where}: the archive is empty")
    names: list[str] = []
    tops: set[str] = set()
    for info in infos:
        name = info.filename
        problem = unsafe_member_problem(info)
        if problem:
            raise UserError(f"{where}: refusing unsafe entry {name!r}: {problem}")
        parts = PurePosixPath(name).parts
        tops.add(parts[0])
        if len(parts) == 1 and not info.is_dir():
            raise UserError(
                f"{where}: file {name!r} at the top level; an Argos package holds "
                "exactly one folder"
            )
        names.append(name.rstrip("/"))
    if len(tops) != 1:
        raise UserError(
            f"{where}: expected exactly one top-level folder, found {len(tops)} "
            f"({', '.join(sorted(tops)[:5])})"
        )
    return tops.pop(), names


def _check_package_files(top: str, present: set[str], where: str) -> None:
    if f"{top}/metadata.json" not in present:
        raise UserError(f"{where}: no {top}/metadata.json (not an Argos package)")
    missing = [f"{top}/{name}" for name in REQUIRED_MODEL_FILES if f"{top}/{name}" not in present]
    if missing:
        raise UserError(
            f"{where}: no {', '.join(missing)} (an Argos package needs a CTranslate2 model)"
        )
    if not any(f"{top}/{name}" in present for name in TOKENIZER_FILES):
        raise UserError(f"{where}: no tokenizer ({top}/sentencepiece.model or {top}/bpe.model)")


def _read_checked_metadata(zf: zipfile.ZipFile, top: str, where: str) -> bytes:
    """metadata.json's bytes, after every member's CRC was checked."""

    from translate.archive_guard import MAX_METADATA_BYTES, ZIP_READ_ERRORS

    if zf.getinfo(f"{top}/metadata.json").file_size > MAX_METADATA_BYTES:
        raise UserError(f"{where}: {top}/metadata.json is too large to be package metadata")
    try:
        bad_member = zf.testzip()  # a CRC mismatch is returned, a corrupt stream raised
        metadata_bytes = zf.read(f"{top}/metadata.json")
    except ZIP_READ_ERRORS as exc:
        raise UserError(f"{where}: damaged archive ({exc})") from exc
    if bad_member is not None:
        raise UserError(f"{where}: damaged archive (bad CRC in {bad_member})")
    return metadata_bytes


def extract_archive(archive: Path, info: ArchiveInfo, destination: Path) -> None:
    """Extract validated members below ``destination`` (regular files and folders only)."""
    import zipfile

    destination.mkdir(parents=True)
    root = destination.resolve()
    with zipfile.ZipFile(archive) as zf:
        for member in zf.infolist():
            target = (root / member.filename).resolve()
            if target != root and root not in target.parents:
                raise UserError(f"{archive}: entry {member.filename!r} escapes the package")
            if member.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as source, target.open("wb") as sink:
                shutil.copyfileobj(source, sink, CHUNK_BYTES)
