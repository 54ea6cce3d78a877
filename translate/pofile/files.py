"""Opening catalogue files: which files a command was given, their bytes (regular files only,
within a size limit), their text (UTF-8, with an error naming the file otherwise), parsed.

Every command opens catalogues through these, so all of them accept and refuse the same files;
reading the text once it is in memory is ``translate.pofile.reader``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from translate.errors import UserError
from translate.pofile.model import PoFile
from translate.pofile.reader import parse


def read_text(path: Path) -> str:
    """The catalogue's text (UTF-8; a BOM is dropped); UserError naming the file otherwise."""
    return decode_text(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The catalogue's bytes: a regular file (links followed; a FIFO, device or socket is
    refused by its type before it is opened), at most `fileguard.MAX_CATALOGUE_BYTES`."""
    from translate import fileguard

    try:
        return fileguard.read_regular(path, limit=fileguard.MAX_CATALOGUE_BYTES, what="catalogue")
    except FileNotFoundError as exc:
        raise UserError(f"{path}: no such catalogue file") from exc
    except OSError as exc:
        raise UserError(f"{path}: cannot read the catalogue ({exc.strerror})") from exc


def decode_text(data: bytes, path: Path) -> str:
    """A catalogue's bytes as text (UTF-8; a BOM is dropped); UserError naming the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # GNU cannot read these either
            raise UserError(
                f"{path}: the catalogue is UTF-16 (it starts with a UTF-16 byte-order mark), "
                "which gettext tools cannot read; convert it with `iconv -f UTF-16 -t UTF-8`, "
                "it was left unchanged"
            ) from exc
        declared = _DECLARED_CHARSET.search(data, 0, 8192)
        charset = declared.group(1).decode("ascii") if declared else "UTF-8"
        said = "" if charset.upper() in ("UTF-8", "UTF8") else f", its header says {charset}"
        raise UserError(
            f"{path}: the catalogue is not UTF-8 (bad byte at offset {exc.start}{said}); "
            "convert it with `msgconv -t UTF-8`, it was left unchanged"
        ) from exc


# The header's charset (Poedit and GNU write the catalogue in it): named in the error above.
_DECLARED_CHARSET = re.compile(rb"Content-Type:[^\n\"]*charset=([A-Za-z0-9_.:-]+)")


def read(path: Path) -> PoFile:
    """Parse the catalogue at ``path``: every command accepts and refuses the same files."""
    return parse(read_text(path), str(path))


def find_catalogues(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every `*.po` under each directory (sorted); UserError when none.

    A folder that holds templates (`*.pot`) but no catalogue yet, such as a fresh clone's
    `locales/`, yields its templates: they are still checked for validity and counted.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            under = sorted(p for p in path.rglob("*.po") if p.is_file())
            if not under:
                under = sorted(p for p in path.rglob("*.pot") if p.is_file())
            if not under:
                raise UserError(
                    f"{path}: no catalogues (*.po) or templates (*.pot) in this folder; "
                    "create them with `translate run SOURCE…` first"
                )
            found.extend(under)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise UserError(f"{path}: not a regular file or folder")
        else:
            raise UserError(f"{path}: no such file or folder")
    if not found:
        raise UserError("no catalogue given")
    # The same file named twice (directly and through its folder) is counted once.
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)
