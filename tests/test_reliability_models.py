"""Broken, foreign and hostile model packages: a clear error, nothing half-installed.

Every package here is made from the real fixture package (tests/argos_fixture.py) and then
damaged on purpose, so each test fails for exactly one reason.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from argos_fixture import CliResult, zip_package

from translate.errors import UserError

Cli = Callable[..., CliResult]
PACKAGE = "translate-vi_en-fixture"


def tree(folder: Path) -> list[str]:
    """Every path below ``folder`` (hidden staging folders included)."""
    if not folder.exists():
        return []
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def unpack(archive: Path, destination: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(destination)
    return destination / PACKAGE


def assert_clean_error(result: CliResult, *needles: str) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr
    return result.stderr


@pytest.fixture
def packages(empty_argos_home: Path) -> Path:
    """An empty packages folder for this test only."""
    return empty_argos_home


@pytest.fixture
def package_folder(fixture_archive: Path, tmp_path: Path) -> Path:
    """A fresh unpacked copy of the fixture package, to damage."""
    return unpack(fixture_archive, tmp_path / "unpacked")


def test_no_package_for_the_pair(cli: Cli, packages: Path) -> None:
    message = assert_clean_error(
        cli("models", "ensure", "--from", "vi", "--to", "en"),
        "no vi→en translation package is installed",
        "translate models install",
        "translate models build",
    )
    assert "translate models install FILE.argosmodel" in message
    assert tree(packages) == []
    from translate.models import resolve_package

    # What `translate run` calls: the message also says where it looked.
    with pytest.raises(UserError) as caught:
        resolve_package("vi", "en")
    assert str(packages) in caught.value.message
    assert "translate models build" in caught.value.message


def test_package_for_another_pair(
    cli: Cli, packages: Path, package_folder: Path, tmp_path: Path
) -> None:
    metadata_path = package_folder / "metadata.json"
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    metadata.update(from_code="en", to_code="de", code="translate-en_de-fixture")
    metadata_path.write_text(json.dumps(metadata), encoding="utf-8")
    archive = zip_package(package_folder, tmp_path / "en_de.argosmodel")

    assert cli("models", "install", str(archive)).exit_code == 0
    assert_clean_error(cli("models", "ensure"), "no vi→en translation package is installed")
    from translate.models import resolve_package

    with pytest.raises(UserError, match="package translates en→de, not vi→en"):
        resolve_package("vi", "en", override=str(archive))
    with pytest.raises(UserError, match="package translates en→de, not vi→en"):
        resolve_package("vi", "en", override=str(package_folder))


@pytest.mark.parametrize(
    ("damage", "needle"),
    [
        ("random", "not a readable zip archive"),
        ("truncated", "not a readable zip archive"),
        ("empty", "not a readable zip archive"),
        ("bad-crc", "damaged archive"),
    ],
)
def test_corrupt_archive(
    cli: Cli, packages: Path, fixture_archive: Path, tmp_path: Path, damage: str, needle: str
) -> None:
    data = fixture_archive.read_bytes()
    if damage == "random":
        broken = bytes(range(256)) * 64
    elif damage == "truncated":
        broken = data[: len(data) // 2]
    elif damage == "empty":
        broken = b""
    else:  # overwrite bytes inside the largest member (the model weights)
        with zipfile.ZipFile(fixture_archive) as zf:
            member = max(zf.infolist(), key=lambda info: info.compress_size)
            start = member.header_offset + 30 + len(member.filename) + len(member.extra)
        middle = start + member.compress_size // 2
        broken = data[:middle] + bytes(64) + data[middle + 64 :]
    archive = tmp_path / f"{damage}.argosmodel"
    archive.write_bytes(broken)
    assert_clean_error(cli("models", "install", str(archive)), str(archive), needle)
    assert tree(packages) == []


def test_archive_without_model_bin(
    cli: Cli, packages: Path, package_folder: Path, tmp_path: Path
) -> None:
    (package_folder / "model" / "model.bin").unlink()
    archive = zip_package(package_folder, tmp_path / "no-model.argosmodel")
    assert_clean_error(cli("models", "install", str(archive)), "model/model.bin")
    assert tree(packages) == []


def test_package_folder_without_model_bin(packages: Path, package_folder: Path) -> None:
    from translate.models import resolve_package

    (package_folder / "model" / "model.bin").unlink()
    with pytest.raises(UserError, match=r"not a usable Argos package, missing model/model\.bin"):
        resolve_package("vi", "en", override=str(package_folder))


def test_installed_folder_that_lost_model_bin_is_not_offered(
    cli: Cli, packages: Path, fixture_archive: Path
) -> None:
    assert cli("models", "install", str(fixture_archive)).exit_code == 0
    (packages / PACKAGE / "model" / "model.bin").unlink()
    result = cli("models", "ensure")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def write_broken_tokenizer(folder: Path) -> None:
    (folder / "sentencepiece.model").write_bytes(b"this is not a SentencePiece model\n")


def test_tokenizer_that_does_not_load_is_not_installed(
    cli: Cli, packages: Path, package_folder: Path, tmp_path: Path
) -> None:
    write_broken_tokenizer(package_folder)
    archive = zip_package(package_folder, tmp_path / "bad-tokenizer.argosmodel")
    assert_clean_error(cli("models", "install", str(archive)), "sentencepiece.model")
    assert [name for name in tree(packages) if not name.startswith(".")] == []


def test_tokenizer_that_does_not_load_fails_clearly_at_translation(
    packages: Path, package_folder: Path
) -> None:
    from translate.engine import Engine
    from translate.models import load_package

    write_broken_tokenizer(package_folder)
    engine = Engine(load_package(package_folder))
    with pytest.raises(UserError, match=r"sentencepiece\.model"):
        engine.translate(["Xin chào các bạn."])


def hostile_archive(
    package_folder: Path, archive: Path, name: str, *, symlink_to: str | None = None
) -> Path:
    """The real package, then one hostile entry last: validation must refuse it up front."""
    zip_package(package_folder, archive)
    with zipfile.ZipFile(archive, "a") as zf:
        if symlink_to is not None:
            info = zipfile.ZipInfo(name)
            info.create_system = 3  # Unix, so the mode bits below are honoured
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, symlink_to)
        else:
            zf.writestr(name, "written by a hostile archive\n")
    return archive


@pytest.mark.parametrize(
    ("entry", "symlink_to", "problem"),
    [
        (f"{PACKAGE}/../../escaped-by-dotdot.txt", None, "'..' in path"),
        ("ESCAPE_ABSOLUTE", None, "absolute path"),
        (f"{PACKAGE}/model/link", "/etc/passwd", "symbolic link"),
    ],
    ids=["dotdot", "absolute", "symlink"],
)
def test_hostile_archive_is_refused_before_extraction(
    cli: Cli,
    packages: Path,
    package_folder: Path,
    tmp_path: Path,
    entry: str,
    symlink_to: str | None,
    problem: str,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    if entry == "ESCAPE_ABSOLUTE":
        entry = str(outside / "escaped-absolute.txt")
    archive = hostile_archive(
        package_folder, tmp_path / "hostile.argosmodel", entry, symlink_to=symlink_to
    )
    before_outside = tree(tmp_path.parent)
    assert_clean_error(cli("models", "install", str(archive)), "refusing unsafe entry", problem)
    assert tree(packages) == []
    assert tree(outside) == []
    assert tree(tmp_path.parent) == before_outside

    # Used in place with --model: the same validation, nothing unpacked into the cache.
    from translate.models import argos_paths, resolve_package

    cache = argos_paths().archive_cache_dir
    cached_before = tree(cache)
    with pytest.raises(UserError, match="refusing unsafe entry"):
        resolve_package("vi", "en", override=str(archive))
    assert tree(cache) == cached_before


def test_failed_install_keeps_the_installed_package(
    cli: Cli, packages: Path, fixture_archive: Path, tmp_path: Path
) -> None:
    assert cli("models", "install", str(fixture_archive)).exit_code == 0
    before = {path: path.read_bytes() for path in (packages / PACKAGE).rglob("*") if path.is_file()}
    truncated = tmp_path / f"{PACKAGE}.argosmodel"
    truncated.write_bytes(fixture_archive.read_bytes()[:1000])
    assert_clean_error(cli("models", "install", str(truncated), "--force"))
    after = {path: path.read_bytes() for path in (packages / PACKAGE).rglob("*") if path.is_file()}
    assert after == before
    assert [name for name in os.listdir(packages) if name != PACKAGE] == []


def test_unreadable_archive_path(cli: Cli, packages: Path, tmp_path: Path) -> None:
    assert_clean_error(
        cli("models", "install", str(tmp_path / "missing.argosmodel")), "missing.argosmodel"
    )
    folder = tmp_path / "folder.argosmodel"
    folder.mkdir()
    assert_clean_error(cli("models", "install", str(folder)), "folder.argosmodel")
    shutil.rmtree(folder)
    assert tree(packages) == []
