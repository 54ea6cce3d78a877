"""Issue 19, model packages: staging folders killed installs leave (case 8), and hostile
.argosmodel archives (case 12): one `Error:` line each, nothing extracted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from argos_fixture import CliResult, one_error, zip_package

from translate import archive_guard
from translate.errors import UserError

Cli = Callable[..., CliResult]
PACKAGE = "translate-vi_en-fixture"


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


@pytest.fixture
def package_folder(fixture_archive: Path, tmp_path: Path) -> Path:
    with zipfile.ZipFile(fixture_archive) as zf:
        zf.extractall(tmp_path / "unpacked")
    return tmp_path / "unpacked" / PACKAGE


def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# --------------------------------------------------------------------------------------------
# Case 8: staging folders of killed installs


def test_a_killed_install_leaves_nothing_after_the_next_install(
    cli: Cli, empty_argos_home: Path, fixture_archive: Path
) -> None:
    """A real `models install` killed with SIGKILL while it extracts, then a normal one."""
    packages = empty_argos_home
    script = (
        "import sys, os, shutil\n"
        "from translate import models\n"
        "real = shutil.copyfileobj\n"
        "def stop(*a, **k):\n"
        "    real(*a, **k)\n"
        "    print('extracting', flush=True); os.kill(os.getpid(), 9)\n"
        "shutil.copyfileobj = stop\n"
        "from translate.cli import main\n"
        "main(['models', 'install', sys.argv[1]])\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", script, str(fixture_archive)],
        capture_output=True,
        text=True,
        env={**os.environ},
        check=False,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr
    left = [name for name in os.listdir(packages) if name.startswith(".translate-staging-")]
    assert left, "the kill should have left a staging folder (the case to clean up)"
    assert cli("models", "list").exit_code == 0  # listing cleans up too
    assert not [n for n in os.listdir(packages) if n.startswith(".translate-staging-")]


def test_only_stale_staging_folders_of_ours_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / f".translate-staging-{dead_pid()}-abc123"
    live = tmp_path / f".translate-staging-{os.getppid()}-def456"  # our parent: alive
    old_unowned = tmp_path / ".translate-staging-zz9x_k"
    new_unowned = tmp_path / ".translate-staging-yy8w_j"
    foreign = tmp_path / ".other-tool-staging-1"
    for folder in (dead, live, old_unowned, new_unowned, foreign):
        (folder / "pkg").mkdir(parents=True)
    long_ago = time.time() - archive_guard.UNOWNED_STALE_SECONDS - 60
    os.utime(old_unowned, (long_ago, long_ago))
    removed = archive_guard.remove_stale_staging(tmp_path)
    assert sorted(removed) == sorted([dead, old_unowned])
    assert live.exists() and new_unowned.exists() and foreign.exists()


def test_staging_folders_are_named_with_their_owner(tmp_path: Path) -> None:
    staging = archive_guard.make_staging(tmp_path)
    assert staging.name.startswith(f".translate-staging-{os.getpid()}-")
    assert archive_guard.remove_stale_staging(tmp_path) == []  # ours, alive


# --------------------------------------------------------------------------------------------
# Case 12: hostile archives


def with_member(package_folder: Path, archive: Path, name: str, data: bytes, **info: int) -> Path:
    zip_package(package_folder, archive)
    member = zipfile.ZipInfo(name)
    for key, value in info.items():
        setattr(member, key, value)
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr(member, data)
    return archive


def set_raw(archive: Path, name: str, **fields: int) -> None:
    """Patch the central-directory record of ``name`` (flags, method) in place."""
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(name)
    encoded = name.encode()
    # Central directory entry: signature, then at offset 8 flags, 10 method.
    position = data.rfind(b"PK\x01\x02", 0, data.rfind(encoded))
    assert position >= 0 and info is not None
    if "flags" in fields:
        data[position + 8 : position + 10] = fields["flags"].to_bytes(2, "little")
    if "method" in fields:
        data[position + 10 : position + 12] = fields["method"].to_bytes(2, "little")
    archive.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("case", "needle"),
    [
        ("encrypted", "is encrypted"),
        ("compression", "compression method 99"),
        ("clash", "both a file and a folder"),
        ("duplicate", "appears twice"),
        ("nested-metadata", "nested too deeply"),
        ("bomb", "decompression bomb"),
        ("corrupt-stream", "while decompressing data"),
    ],
)
def test_hostile_archives_get_one_line_before_extraction(
    cli: Cli,
    empty_argos_home: Path,
    package_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    needle: str,
) -> None:
    archive = tmp_path / f"{case}.argosmodel"
    if case == "encrypted":
        with_member(package_folder, archive, f"{PACKAGE}/secret.txt", b"x" * 100)
        set_raw(archive, f"{PACKAGE}/secret.txt", flags=0x1)
    elif case == "compression":
        with_member(package_folder, archive, f"{PACKAGE}/odd.bin", b"x" * 100)
        set_raw(archive, f"{PACKAGE}/odd.bin", method=99)
    elif case == "clash":
        with_member(package_folder, archive, f"{PACKAGE}/model/model.bin/inner", b"x")
    elif case == "duplicate":
        zip_package(package_folder, archive)
        with zipfile.ZipFile(archive, "a") as zf, pytest.warns(UserWarning):
            zf.writestr(f"{PACKAGE}/README.md", "second copy")
    elif case == "nested-metadata":
        metadata = json.loads((package_folder / "metadata.json").read_text())
        text = json.dumps(metadata)[:-1] + ', "deep": ' + "[" * 200_000 + "]" * 200_000 + "}"
        (package_folder / "metadata.json").write_text(text)
        zip_package(package_folder, archive)
    elif case == "corrupt-stream":  # the deflate data damaged, the zip directory intact
        with_member(
            package_folder,
            archive,
            f"{PACKAGE}/notes.txt",
            bytes(range(256)) * 64,
            compress_type=zipfile.ZIP_DEFLATED,
        )
        with zipfile.ZipFile(archive) as zf:
            info = zf.getinfo(f"{PACKAGE}/notes.txt")
        data = bytearray(archive.read_bytes())
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        data[start + 20 : start + 40] = b"\xff" * 20
        archive.write_bytes(bytes(data))
    else:  # a member that claims (and would take) more than the cap
        monkeypatch.setattr(archive_guard, "MAX_UNPACKED_BYTES", 4 * 1024 * 1024)
        with_member(
            package_folder,
            archive,
            f"{PACKAGE}/zeros.bin",
            b"\0" * (8 * 1024 * 1024),
            compress_type=zipfile.ZIP_DEFLATED,
        )
        assert archive.stat().st_size < 2 * 1024 * 1024
    before = tree(empty_argos_home)
    one_error(cli("models", "install", str(archive)), needle)
    assert tree(empty_argos_home) == before  # nothing extracted, no staging left
    # Used in place with `run --model FILE`: the same refusal, nothing in the cache.
    from translate.models import argos_paths, resolve_package

    cache = argos_paths().archive_cache_dir
    cached = tree(cache)
    with pytest.raises(UserError, match=needle):
        resolve_package("vi", "en", override=str(archive))
    assert tree(cache) == cached


def test_an_archive_larger_than_the_free_space_is_refused(
    package_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = zip_package(package_folder, tmp_path / "fits-nowhere.argosmodel")
    monkeypatch.setattr(archive_guard, "_free_space", lambda folder: 1000)
    with zipfile.ZipFile(archive) as zf, pytest.raises(UserError, match=r"only 0\.0 MiB is free"):
        archive_guard.check_members(zf.infolist(), str(archive), tmp_path)


def test_a_vocabulary_that_does_not_match_the_model(package_folder: Path) -> None:
    from translate.engine import Engine
    from translate.models import load_package

    vocabulary = package_folder / "model" / "shared_vocabulary.json"
    vocabulary.write_text(json.dumps(json.loads(vocabulary.read_text())[:10]))
    engine = Engine(load_package(package_folder))
    with pytest.raises(UserError, match="vocabulary does not match its model"):
        engine.translate(["Xin chào các bạn, hôm nay trời đẹp."])


def test_a_model_config_nested_past_the_json_depth_gets_one_line(
    cli: Cli, empty_argos_home: Path, package_folder: Path, tmp_path: Path
) -> None:
    # Round 14: json.loads raises RecursionError, which the config check did not catch.
    (package_folder / "model" / "config.json").write_text("[" * 200_000 + "]" * 200_000)
    archive = zip_package(package_folder, tmp_path / "deep.argosmodel")
    before = tree(empty_argos_home)
    one_error(cli("models", "install", str(archive)), "config.json")
    assert tree(empty_argos_home) == before
