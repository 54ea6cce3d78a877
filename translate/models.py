"""Argos Translate packages: where they live, which one to use, and installing them safely.

Package folders are found exactly where argostranslate looks (``ARGOS_PACKAGES_DIR``,
``XDG_*`` variables, ``settings.json``), so packages installed by ``argospm`` are listed and
used too. The locations are computed from the environment at call time, never from
``argostranslate.settings`` (which freezes them at import time and creates folders on import).

Installing never leaves a half-installed package: archives are validated first (layout,
metadata, language pair, no unsafe entries), extracted into a hidden temporary folder inside
the packages folder, then renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translate.errors import UserError
from translate.fileio import atomic_write_bytes
from translate.model_archive import (
    CHUNK_BYTES,
    REQUIRED_MODEL_FILES,
    TOKENIZER_FILES,
    ArchiveInfo,
    extract_archive,
    parse_metadata,
    read_archive,
)

DEFAULT_PACKAGE_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
STAGING_PREFIX = ".translate-staging-"  # + pid + random: see translate.archive_guard
# Unpacked copies of `--model FILE.argosmodel` kept in the cache (the least recently used go).
MAX_CACHED_ARCHIVES = 3


# --------------------------------------------------------------------------------------------
# Locations (mirrors argostranslate.settings, evaluated now rather than at import time)


@dataclass(frozen=True)
class ArgosPaths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    settings_file: Path
    packages_dir: Path  # where installs go
    package_dirs: tuple[Path, ...]  # where packages are looked for (packages_dir first)
    index_url: str
    local_index: Path
    downloads_dir: Path
    archive_cache_dir: Path  # .argosmodel files used in place (`--model FILE`) are unpacked here
    defaults_file: Path  # our record of `translate models use CODE` (per language pair)


def argos_paths(environ: Mapping[str, str] | None = None) -> ArgosPaths:
    """The folders and index URL argostranslate would use with this environment."""
    env = os.environ if environ is None else environ
    home = Path(env["SNAP_USER_DATA"]) if "SNAP" in env else Path.home()
    data_dir = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "argos-translate"
    config_dir = Path(env.get("XDG_CONFIG_HOME") or home / ".config") / "argos-translate"
    cache_dir = Path(env.get("XDG_CACHE_HOME") or home / ".local" / "cache") / "argos-translate"
    settings_file = config_dir / "settings.json"
    file_settings = _read_settings_file(settings_file)

    def setting(key: str, default: str) -> str:
        value = env.get(key)
        if value is None:
            value = file_settings.get(key)
        return default if value is None else str(value)

    packages_dir = Path(setting("ARGOS_PACKAGES_DIR", str(data_dir / "packages")))
    package_dirs = [packages_dir]
    if "SNAP" in env:
        snap = Path(env["SNAP"]) / "snap_custom"
        if (snap / "packages").is_dir():
            package_dirs.append(snap / "packages")
        content = snap / "content_snap_packages"
        if content.is_dir():
            package_dirs.extend(sorted(p for p in content.iterdir() if p.is_dir()))
    index_base = setting("ARGOS_PACKAGE_INDEX", DEFAULT_PACKAGE_INDEX)
    return ArgosPaths(
        data_dir=data_dir,
        config_dir=config_dir,
        cache_dir=cache_dir,
        settings_file=settings_file,
        packages_dir=packages_dir,
        package_dirs=tuple(package_dirs),
        # argostranslate appends "index.json" to the setting as given.
        index_url=index_base + "index.json",
        local_index=data_dir / "index.json",
        downloads_dir=cache_dir / "downloads",
        archive_cache_dir=cache_dir / "translate-toolkit-archives",
        defaults_file=config_dir / "translate-defaults.json",
    )


def _read_settings_file(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


# --------------------------------------------------------------------------------------------
# Installed packages


@dataclass(frozen=True)
class InstalledPackage:
    code: str  # the package folder name (unique within a packages folder)
    from_code: str
    to_code: str
    version: str
    path: Path
    metadata: dict[str, Any] = field(compare=False, hash=False, repr=False)
    tokenizer: str  # "sentencepiece" or "bpe"
    target_prefix: str
    size_bytes: int

    @property
    def argospm_name(self) -> str:
        """The name argospm shows and accepts: ``<type>-<from>_<to>``."""
        kind = str(self.metadata.get("type") or "translate")
        return f"{kind}-{self.from_code}_{self.to_code}"


def load_package(folder: Path) -> InstalledPackage:
    """Read an unpacked package folder; UserError naming what is missing or wrong."""
    if not folder.is_dir():
        raise UserError(f"{folder}: not a package folder")
    metadata = parse_metadata((folder / "metadata.json"), str(folder / "metadata.json"))
    missing = [name for name in REQUIRED_MODEL_FILES if not (folder / name).is_file()]
    tokenizers = [name for name in TOKENIZER_FILES if (folder / name).is_file()]
    if not tokenizers:
        missing.append(" or ".join(TOKENIZER_FILES))
    if missing:
        raise UserError(f"{folder}: not a usable Argos package, missing {', '.join(missing)}")
    return InstalledPackage(
        code=folder.name,
        from_code=str(metadata["from_code"]),
        to_code=str(metadata["to_code"]),
        version=str(metadata.get("package_version", "")),
        path=folder,
        metadata=metadata,
        tokenizer="sentencepiece" if tokenizers[0] == "sentencepiece.model" else "bpe",
        target_prefix=str(metadata.get("target_prefix") or ""),
        size_bytes=_size_on_disk(folder),
    )


def _size_on_disk(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                continue
    return total


def list_installed(environ: Mapping[str, str] | None = None) -> list[InstalledPackage]:
    """Every package folder in argostranslate's package folders (ours and argospm's)."""
    found: list[InstalledPackage] = []
    for directory in argos_paths(environ).package_dirs:
        if not directory.is_dir():
            continue
        from translate.archive_guard import remove_stale_staging

        remove_stale_staging(directory)  # what killed installs left (never a live one's)
        for folder in sorted(directory.iterdir()):
            if folder.name.startswith(".") or not (folder / "metadata.json").is_file():
                continue
            try:
                found.append(load_package(folder))
            except UserError:
                continue  # a broken folder is not a package; `models list` cannot use it
    return found


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"[.\-_]", version)
    )


def preferred_package(
    packages: Iterable[InstalledPackage], from_code: str, to_code: str
) -> InstalledPackage | None:
    """The package `translate run` uses for a pair: the one chosen with `translate models use`,
    else the highest version, then the first folder."""
    candidates = [p for p in packages if (p.from_code, p.to_code) == (from_code, to_code)]
    if not candidates:
        return None
    chosen = chosen_package_code(from_code, to_code)
    for package in candidates:
        if chosen is not None and chosen in (package.code, package.argospm_name):
            return package
    # Stable sort: among equal versions the first folder (ours before snap's) wins.
    return sorted(candidates, key=lambda p: _version_key(p.version), reverse=True)[0]


def _pair_key(from_code: str, to_code: str) -> str:
    return f"{from_code}-{to_code}"


def chosen_package_code(from_code: str, to_code: str) -> str | None:
    """The package code recorded by `translate models use` for the pair, if any."""
    recorded = _read_settings_file(argos_paths().defaults_file).get(_pair_key(from_code, to_code))
    return recorded if isinstance(recorded, str) else None


def use_package(code: str) -> InstalledPackage:
    """Record the installed package ``code`` as the one its language pair uses."""
    matches = find_installed(code)
    if not matches:
        raise UserError(f"{code}: no installed package has this code (see `translate models list`)")
    package = matches[0]
    paths = argos_paths()
    defaults = _read_settings_file(paths.defaults_file)
    defaults[_pair_key(package.from_code, package.to_code)] = package.code
    try:
        paths.defaults_file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(
            paths.defaults_file, (json.dumps(defaults, indent=2, sort_keys=True) + "\n").encode()
        )
    except OSError as exc:
        raise UserError(f"{paths.defaults_file}: cannot record the choice ({exc})") from exc
    return package


def remedies(from_code: str, to_code: str) -> str:
    return (
        f"Get a {from_code}→{to_code} package with one of:\n"
        f"  translate models install FILE.argosmodel      (a package file you have)\n"
        f"  translate models install https://…/FILE.argosmodel [--sha256 HEX]\n"
        f"  translate models install {from_code} {to_code}"
        "                 (from the Argos index, when it has one)\n"
        f"  translate models build OPUS_MT_DIR --from {from_code} --to {to_code} --install"
        "   (convert an OPUS-MT model)"
    )


class MissingPackageError(UserError):
    """No installed package translates the pair (the message says where it looked and the
    ways to get one)."""


def resolve_package(from_code: str, to_code: str, override: str | None = None) -> InstalledPackage:
    """The package to translate ``from_code`` → ``to_code`` with.

    ``override`` is an installed package's code, a package folder, or an ``.argosmodel`` file
    (unpacked into a cache folder keyed by its hash and used in place, without installing).
    """
    if override is None:
        paths = argos_paths()
        package = preferred_package(list_installed(), from_code, to_code)
        if package is None:
            raise MissingPackageError(
                f"no {from_code}→{to_code} translation package is installed "
                f"(looked in {', '.join(str(d) for d in paths.package_dirs)}).\n"
                + remedies(from_code, to_code)
            )
        return package
    package = _package_from_override(override, from_code, to_code)
    if (package.from_code, package.to_code) != (from_code, to_code):
        raise UserError(
            f"{override}: package translates {package.from_code}→{package.to_code}, "
            f"not {from_code}→{to_code}"
        )
    return package


def _package_from_override(override: str, from_code: str, to_code: str) -> InstalledPackage:
    path = Path(override).expanduser()
    if path.is_dir():
        return load_package(path)
    if path.is_file():
        return _unpack_in_place(path, (from_code, to_code))
    matches = find_installed(override)
    if not matches:
        raise UserError(
            f"{override}: no such package file, folder or installed package code "
            "(see `translate models list`)"
        )
    preferred = preferred_package(matches, from_code, to_code)
    return preferred if preferred is not None else matches[0]


def find_installed(code: str) -> list[InstalledPackage]:
    """Installed packages whose folder name, metadata code or argospm name is ``code``."""
    return [
        package
        for package in list_installed()
        if code in (package.code, package.argospm_name, package.metadata.get("code"))
    ]


def _unpack_in_place(archive: Path, pair: tuple[str, str]) -> InstalledPackage:
    digest = sha256_of(archive)
    paths = argos_paths()
    target_root = paths.archive_cache_dir / digest[:24]
    if target_root.is_dir():
        for child in target_root.iterdir():
            if child.is_dir() and (child / "metadata.json").is_file():
                with contextlib.suppress(OSError):
                    os.utime(target_root)  # recently used: kept by _prune_archive_cache
                return load_package(child)
    info = validate_archive(archive, expected_pair=pair)
    from translate.archive_guard import make_staging

    try:
        staging = make_staging(paths.archive_cache_dir)
    except OSError as exc:
        raise UserError(f"cannot unpack {archive} into {paths.archive_cache_dir}: {exc}") from exc
    try:
        extract_archive(archive, info, staging / "unpacked")
        try:
            os.replace(staging / "unpacked", target_root)
        except OSError:
            if not target_root.is_dir():  # not a concurrent run that got there first
                raise
    except OSError as exc:
        raise UserError(f"cannot unpack {archive} into {paths.archive_cache_dir}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _prune_archive_cache(paths.archive_cache_dir, keep=target_root)
    return load_package(target_root / info.top)


def _prune_archive_cache(cache: Path, keep: Path, limit: int = MAX_CACHED_ARCHIVES) -> None:
    """Keep the ``limit`` most recently used unpacked archives (``keep`` always)."""
    unpacked = [
        entry
        for entry in cache.iterdir()
        if entry.is_dir() and not entry.name.startswith(STAGING_PREFIX) and entry != keep
    ]
    unpacked.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
    for stale in unpacked[limit - 1 :]:
        shutil.rmtree(stale, ignore_errors=True)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


def validate_archive(archive: Path, *, expected_pair: tuple[str, str] | None = None) -> ArchiveInfo:
    """Check an .argosmodel before anything is written; UserError naming the first problem."""
    return read_archive(archive, argos_paths().packages_dir, expected_pair=expected_pair)


def install_archive(
    archive: Path,
    *,
    expected_pair: tuple[str, str] | None = None,
    force: bool = False,
) -> InstalledPackage:
    """Validate and install an .argosmodel into the packages folder, all or nothing.

    An installed package of the same name is kept unless ``force`` (then replaced).
    """
    info = validate_archive(archive, expected_pair=expected_pair)
    packages_dir = argos_paths().packages_dir
    target = packages_dir / info.top
    if target.exists() and not force:
        raise UserError(
            f"{info.top} is already installed at {target}; "
            "use --force to replace it, or `translate models remove` first"
        )
    try:
        from translate.archive_guard import make_staging

        staging = make_staging(packages_dir)
    except OSError as exc:
        raise UserError(f"cannot write to the packages folder {packages_dir}: {exc}") from exc
    try:
        extract_archive(archive, info, staging / "new")
        check_loadable(load_package(staging / "new" / info.top), str(archive))
        _swap_into_place(staging / "new" / info.top, target, staging / "old")
    except OSError as exc:
        raise UserError(f"cannot install {archive} into {packages_dir}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return load_package(target)


def check_loadable(package: InstalledPackage, where: str) -> None:
    """Refuse a package whose tokenizer or model configuration cannot be read.

    Loading the CTranslate2 weights would cost as much as a translation run, so only the
    model's config.json is parsed here; the tokenizers are loaded for real.
    """
    config = package.path / "model" / "config.json"
    try:
        json.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:  # (nested too deep)
        raise UserError(
            f"{where}: {package.code}/model/config.json is not valid JSON ({exc})"
        ) from exc
    if package.tokenizer != "sentencepiece":
        return
    import sentencepiece

    names = ["sentencepiece.model"]
    target = package.metadata.get("target_sentencepiece_model")
    if isinstance(target, str) and target:
        if Path(target).name != target or not (package.path / target).is_file():
            raise UserError(
                f"{where}: metadata target_sentencepiece_model={target!r} does not name a file "
                "in the package folder"
            )
        names.append(target)
    for name in names:
        try:
            sentencepiece.SentencePieceProcessor(model_file=str(package.path / name))
        except (RuntimeError, OSError) as exc:
            raise UserError(f"{where}: {package.code}/{name} does not load ({exc})") from exc


def _swap_into_place(new: Path, target: Path, backup: Path) -> None:
    if not target.exists():
        os.replace(new, target)
        return
    os.replace(target, backup)
    try:
        os.replace(new, target)
    except OSError:
        os.replace(backup, target)
        raise


def remove(code: str) -> InstalledPackage:
    """Remove the installed package ``code`` (folder name, or argospm name if unambiguous)."""
    packages_dir = argos_paths().packages_dir
    matches = [p for p in find_installed(code) if p.path.parent == packages_dir]
    if not matches:
        raise UserError(f"{code}: no such installed package (see `translate models list`)")
    exact = [p for p in matches if p.code == code]
    if len(exact) == 1:
        matches = exact
    if len(matches) > 1:
        raise UserError(
            f"{code}: matches several packages ({', '.join(p.code for p in matches)}); "
            "name one by its code"
        )
    package = matches[0]
    # Rename first so that a failure half-way through deleting leaves no half package listed.
    from translate.archive_guard import make_staging

    trash = make_staging(packages_dir)
    try:
        os.replace(package.path, trash / package.code)
    except OSError as exc:
        shutil.rmtree(trash, ignore_errors=True)
        raise UserError(f"cannot remove {package.path}: {exc}") from exc
    shutil.rmtree(trash, ignore_errors=True)
    return package
