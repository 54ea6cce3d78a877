"""Package discovery, validation and installation through the real `translate models` CLI."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from argos_fixture import CliResult, zip_package
from hypothesis import given
from hypothesis import strategies as st

from translate import archive_guard, models
from translate.errors import UserError

Cli = Callable[..., CliResult]
TOP = "translate-vi_en-fixture"


def snapshot(folder: Path) -> list[str]:
    """Everything under a folder, hidden entries included."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def rewrite_archive(
    source: Path,
    target: Path,
    *,
    drop: Callable[[str], bool] = lambda name: False,
    rename: Callable[[str], str] = lambda name: name,
    metadata: dict[str, Any] | None = None,
    replace: dict[str, bytes] | None = None,
    extra: list[tuple[zipfile.ZipInfo, bytes]] = (),  # type: ignore[assignment]
) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            if drop(info.filename):
                continue
            data = zin.read(info)
            if metadata is not None and info.filename.endswith("metadata.json"):
                data = json.dumps(metadata).encode()
            data = (replace or {}).get(info.filename, data)
            zout.writestr(rename(info.filename), data)
        for info, data in extra:
            zout.writestr(info, data)
    return target


def fixture_metadata(archive: Path) -> dict[str, Any]:
    with zipfile.ZipFile(archive) as zf:
        loaded: dict[str, Any] = json.loads(zf.read(f"{TOP}/metadata.json"))
        return loaded


def symlink_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (0o120777 & 0xFFFF) << 16
    return info


def bad_archives(archive: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (bad archive, word its error message must contain)."""
    wrong_pair = {**fixture_metadata(archive), "from_code": "en", "to_code": "vi"}
    no_codes = {k: v for k, v in fixture_metadata(archive).items() if k != "to_code"}
    truncated = folder / "truncated.argosmodel"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    not_zip = folder / "not-a-zip.argosmodel"
    not_zip.write_text("this is not a zip file\n", encoding="utf-8")
    return {
        "not a zip": (not_zip, "zip"),
        "truncated": (truncated, "zip"),
        "no metadata": (
            rewrite_archive(
                archive, folder / "a.argosmodel", drop=lambda n: n.endswith("metadata.json")
            ),
            "metadata.json",
        ),
        "no language codes": (
            rewrite_archive(archive, folder / "b.argosmodel", metadata=no_codes),
            "to_code",
        ),
        "wrong pair": (
            rewrite_archive(archive, folder / "c.argosmodel", metadata=wrong_pair),
            "en→vi",
        ),
        "parent entry": (
            rewrite_archive(
                archive,
                folder / "d.argosmodel",
                extra=[(zipfile.ZipInfo(f"{TOP}/../escaped.txt"), b"x")],
            ),
            "..",
        ),
        "absolute entry": (
            rewrite_archive(
                archive, folder / "e.argosmodel", extra=[(zipfile.ZipInfo("/tmp/abs.txt"), b"x")]
            ),
            "absolute",
        ),
        "symlink entry": (
            rewrite_archive(
                archive,
                folder / "f.argosmodel",
                extra=[(symlink_entry(f"{TOP}/link"), b"/etc/passwd")],
            ),
            "symbolic link",
        ),
        "missing model.bin": (
            rewrite_archive(
                archive, folder / "g.argosmodel", drop=lambda n: n.endswith("model/model.bin")
            ),
            "model.bin",
        ),
        "no tokenizer": (
            rewrite_archive(
                archive, folder / "h.argosmodel", drop=lambda n: n.endswith("sentencepiece.model")
            ),
            "tokenizer",
        ),
        "tokenizer does not load": (
            rewrite_archive(
                archive,
                folder / "j.argosmodel",
                replace={f"{TOP}/sentencepiece.model": b"not a sentencepiece model"},
            ),
            "sentencepiece.model does not load",
        ),
        "config.json not JSON": (
            rewrite_archive(
                archive, folder / "k.argosmodel", replace={f"{TOP}/model/config.json": b"{"}
            ),
            "config.json",
        ),
        "two top folders": (
            rewrite_archive(
                archive,
                folder / "i.argosmodel",
                extra=[(zipfile.ZipInfo("other/README.md"), b"x")],
            ),
            "top-level",
        ),
    }


# --------------------------------------------------------------------------------------------
# Installing files


def test_install_list_remove_round_trip(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path
) -> None:
    installed = cli("models", "install", str(fixture_archive))
    assert installed.exit_code == 0, installed.stderr
    assert (empty_argos_home / TOP / "model" / "model.bin").is_file()
    listed = cli("models", "list", "--json")
    rows = json.loads(listed.stdout)
    assert [(r["code"], r["from"], r["to"], r["selected"]) for r in rows] == [
        (TOP, "vi", "en", True)
    ]
    assert rows[0]["size_bytes"] > 0
    table = cli("models", "list").stdout.splitlines()
    assert table[0].split() == ["CODE", "PAIR", "VERSION", "SIZE", "FOLDER"]
    assert table[1].startswith("*  " + TOP)
    assert table[-1].startswith("* = the package `translate run` uses for vi→en")
    removed = cli("models", "remove", TOP)
    assert removed.exit_code == 0, removed.stderr
    assert snapshot(empty_argos_home) == []


def test_reinstall_needs_force_and_keeps_the_old_package(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path
) -> None:
    assert cli("models", "install", str(fixture_archive)).exit_code == 0
    before = snapshot(empty_argos_home)
    again = cli("models", "install", str(fixture_archive))
    assert again.exit_code == 2
    assert "--force" in again.stderr
    assert snapshot(empty_argos_home) == before
    forced = cli("models", "install", "--force", str(fixture_archive))
    assert forced.exit_code == 0, forced.stderr
    assert snapshot(empty_argos_home) == before


@pytest.mark.parametrize(
    "case",
    [
        "not a zip",
        "truncated",
        "no metadata",
        "no language codes",
        "wrong pair",
        "parent entry",
        "absolute entry",
        "symlink entry",
        "missing model.bin",
        "no tokenizer",
        "two top folders",
        "tokenizer does not load",
        "config.json not JSON",
    ],
)
def test_bad_archives_are_refused_and_leave_nothing(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path, tmp_path: Path, case: str
) -> None:
    bad, word = bad_archives(fixture_archive, tmp_path)[case]
    result = cli("models", "install", "--from", "vi", "--to", "en", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert str(bad) in result.stderr
    assert word in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(empty_argos_home) == []
    assert not (tmp_path / "escaped.txt").exists()


def test_wrong_pair_is_installable_without_an_expected_pair(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path, tmp_path: Path
) -> None:
    metadata = {**fixture_metadata(fixture_archive), "from_code": "en", "to_code": "vi"}
    archive = rewrite_archive(fixture_archive, tmp_path / "en_vi.argosmodel", metadata=metadata)
    assert cli("models", "install", str(archive)).exit_code == 0
    rows = json.loads(cli("models", "list", "--json").stdout)
    assert [(r["from"], r["to"], r["selected"]) for r in rows] == [("en", "vi", False)]
    ensure = cli("models", "ensure", "--from", "vi", "--to", "en")
    assert ensure.exit_code == 2


def test_failed_extraction_leaves_nothing(
    fixture_archive: Path, empty_argos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_copy(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(models.shutil, "copyfileobj", broken_copy)
    with pytest.raises(UserError, match="No space left"):
        models.install_archive(fixture_archive)
    assert snapshot(empty_argos_home) == []


# --------------------------------------------------------------------------------------------
# Discovery and selection


def test_argospm_style_installs_are_listed_and_used(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path
) -> None:
    # argostranslate.package.install_from_path is a plain extractall into the packages folder.
    with zipfile.ZipFile(fixture_archive) as zf:
        zf.extractall(empty_argos_home)
    rows = json.loads(cli("models", "list", "--json").stdout)
    assert [(r["code"], r["selected"]) for r in rows] == [(TOP, True)]
    assert models.resolve_package("vi", "en").path == empty_argos_home / TOP


def test_settings_json_and_xdg_locations_are_honoured(
    tmp_path: Path, fixture_archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert models.argos_paths().packages_dir == tmp_path / "data" / "argos-translate" / "packages"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    assert models.argos_paths().packages_dir == tmp_path / "from-settings"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "from-env"))
    assert models.argos_paths().packages_dir == tmp_path / "from-env"


def install_fixture_and_a_newer_version(cli: Cli, fixture_archive: Path, folder: Path) -> None:
    """The fixture package and a copy of it named zz-newer, version 1.10."""
    newer_metadata = {**fixture_metadata(fixture_archive), "package_version": "1.10"}
    newer = rewrite_archive(
        fixture_archive,
        folder / "newer.argosmodel",
        rename=lambda n: n.replace(TOP, "zz-newer", 1),
        metadata=newer_metadata,
    )
    assert cli("models", "install", str(fixture_archive), str(newer)).exit_code == 0


def test_highest_version_is_selected(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path, tmp_path: Path
) -> None:
    install_fixture_and_a_newer_version(cli, fixture_archive, tmp_path)
    rows = json.loads(cli("models", "list", "--json").stdout)
    assert {r["code"]: r["selected"] for r in rows} == {TOP: False, "zz-newer": True}
    assert models.resolve_package("vi", "en").code == "zz-newer"


def test_models_use_chooses_among_installed_packages(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path, tmp_path: Path
) -> None:
    install_fixture_and_a_newer_version(cli, fixture_archive, tmp_path)
    chosen = cli("models", "use", TOP)
    assert chosen.exit_code == 0 and f"vi→en now uses {TOP}" in chosen.stdout
    assert models.resolve_package("vi", "en").code == TOP
    listed = cli("models", "list").stdout.splitlines()
    assert any(line.startswith("*  " + TOP) for line in listed)
    assert "chosen with `translate models use`" in listed[-1]
    unknown = cli("models", "use", "no-such-package")
    assert unknown.exit_code == 2 and unknown.stderr.count("Error:") == 1


def test_unpacked_override_archives_are_bounded(
    fixture_archive: Path, empty_argos_home: Path, tmp_path: Path
) -> None:
    cache = models.argos_paths().archive_cache_dir
    used = []
    for number in range(models.MAX_CACHED_ARCHIVES + 2):
        variant = rewrite_archive(
            fixture_archive,
            tmp_path / f"v{number}.argosmodel",
            replace={f"{TOP}/README.md": f"variant {number}".encode()},
        )
        used.append(models.resolve_package("vi", "en", override=str(variant)).path)
    kept = [entry for entry in cache.iterdir() if entry.is_dir()]
    assert len(kept) == models.MAX_CACHED_ARCHIVES
    assert used[-1].is_dir()  # the one in use is never pruned


def test_no_package_is_one_message_with_remedies(cli: Cli, empty_argos_home: Path) -> None:
    with pytest.raises(UserError) as caught:
        models.resolve_package("vi", "en")
    assert caught.value.exit_code == 2
    result = cli("models", "ensure", "--from", "vi", "--to", "en")
    assert result.exit_code == 2
    assert result.stderr.count("Error:") == 1
    for remedy in ("models install FILE.argosmodel", "https://", "models build"):
        assert remedy in result.stderr


def test_override_file_is_used_in_place(fixture_archive: Path, empty_argos_home: Path) -> None:
    first = models.resolve_package("vi", "en", override=str(fixture_archive))
    second = models.resolve_package("vi", "en", override=str(fixture_archive))
    assert first.path == second.path
    assert (first.path / "model" / "model.bin").is_file()
    assert not first.path.is_relative_to(empty_argos_home)
    assert snapshot(empty_argos_home) == []
    with pytest.raises(UserError, match="en→vi"):
        models.resolve_package("en", "vi", override=str(fixture_archive))


def test_override_folder_and_code(installed_package: Any) -> None:
    by_folder = models.resolve_package("vi", "en", override=str(installed_package.path))
    assert by_folder.path == installed_package.path
    by_code = models.resolve_package("vi", "en", override=installed_package.code)
    assert by_code.path == installed_package.path
    with pytest.raises(UserError, match="no such package"):
        models.resolve_package("vi", "en", override="no-such-package")


def test_remove_unknown_package(cli: Cli, empty_argos_home: Path) -> None:
    result = cli("models", "remove", "nothing-here")
    assert result.exit_code == 2
    assert "nothing-here" in result.stderr


# --------------------------------------------------------------------------------------------
# The index and URLs (local servers only)


def test_index_offline_is_one_line_exit_2(cli: Cli, empty_argos_home: Path) -> None:
    for args in (("models", "available"), ("models", "install", "vi", "en")):
        result = cli(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith("Error: cannot reach the Argos package index at ")
        assert "127.0.0.1:9" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(empty_argos_home) == []


@dataclass
class FileServer:
    files: dict[str, bytes]
    ranges: list[str | None] = field(default_factory=list)
    cut_next_after: int | None = None  # close the next response after this many bytes
    url: str = ""


@pytest.fixture
def file_server() -> Iterator[FileServer]:
    state = FileServer(files={})

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = state.files.get(self.path)
            state.ranges.append(self.headers.get("Range"))
            if data is None:
                self.send_error(404)
                return
            start = 0
            requested = self.headers.get("Range")
            if requested and requested.startswith("bytes="):
                start = int(requested[6:].split("-")[0])
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            else:
                self.send_response(200)
            body = data[start:]
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if state.cut_next_after is not None:
                body = body[: state.cut_next_after]
                state.cut_next_after = None
                self.close_connection = True
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def test_install_from_url_with_sha256(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path, file_server: FileServer
) -> None:
    data = fixture_archive.read_bytes()
    file_server.files["/pkg/vi_en.argosmodel"] = data
    url = file_server.url + "/pkg/vi_en.argosmodel"
    wrong = cli("models", "install", url, "--sha256", "0" * 64)
    assert wrong.exit_code == 2
    assert "SHA-256" in wrong.stderr
    assert snapshot(empty_argos_home) == []
    assert not list(models.argos_paths().downloads_dir.glob("*.part"))
    digest = hashlib.sha256(data).hexdigest()
    right = cli("models", "install", url, "--sha256", digest.upper())
    assert right.exit_code == 0, right.stderr
    assert (empty_argos_home / TOP / "metadata.json").is_file()


def test_interrupted_download_resumes_with_range(
    cli: Cli, fixture_archive: Path, empty_argos_home: Path, file_server: FileServer
) -> None:
    data = fixture_archive.read_bytes()
    file_server.files["/resume.argosmodel"] = data
    file_server.cut_next_after = len(data) // 3
    url = file_server.url + "/resume.argosmodel"
    first = cli("models", "install", url)
    assert first.exit_code == 2
    assert snapshot(empty_argos_home) == []
    second = cli("models", "install", url)
    assert second.exit_code == 0, second.stderr
    assert file_server.ranges[-1] == f"bytes={len(data) // 3}-"
    assert (empty_argos_home / TOP / "model" / "model.bin").is_file()


def test_bad_url_is_a_clear_error(
    cli: Cli, empty_argos_home: Path, file_server: FileServer
) -> None:
    result = cli("models", "install", file_server.url + "/missing.argosmodel")
    assert result.exit_code == 2
    assert "404" in result.stderr
    assert snapshot(empty_argos_home) == []


def test_index_install_and_available(
    cli: Cli,
    fixture_archive: Path,
    empty_argos_home: Path,
    file_server: FileServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = {
        **fixture_metadata(fixture_archive),
        "links": [file_server.url + "/files/vi_en.argosmodel"],
    }
    file_server.files["/index/index.json"] = json.dumps([entry]).encode()
    file_server.files["/files/vi_en.argosmodel"] = fixture_archive.read_bytes()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", file_server.url + "/index/")
    available = cli("models", "available", "--json")
    assert available.exit_code == 0, available.stderr
    assert [(r["code"], r["from"], r["to"]) for r in json.loads(available.stdout)] == [
        ("translate-vi_en", "vi", "en")
    ]
    assert models.argos_paths().local_index.is_file()  # refreshed for argospm too
    missing = cli("models", "install", "en", "fr")
    assert missing.exit_code == 2
    installed = cli("models", "install", "vi", "en")
    assert installed.exit_code == 0, installed.stderr
    assert models.resolve_package("vi", "en").code == TOP
    ensured = cli("models", "ensure")
    assert ensured.exit_code == 0


def test_ensure_installs_from_the_index_when_it_can(
    cli: Cli,
    fixture_archive: Path,
    empty_argos_home: Path,
    file_server: FileServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = {**fixture_metadata(fixture_archive), "links": [file_server.url + "/p.argosmodel"]}
    file_server.files["/index.json"] = json.dumps([entry]).encode()
    file_server.files["/p.argosmodel"] = fixture_archive.read_bytes()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", file_server.url + "/")
    result = cli("models", "ensure", "--from", "vi", "--to", "en")
    assert result.exit_code == 0, result.stderr
    assert (empty_argos_home / TOP).is_dir()


# --------------------------------------------------------------------------------------------
# The command group


def test_models_help_lists_build_only_when_available(cli: Cli) -> None:
    import importlib.util

    result = cli("models", "--help")
    assert result.exit_code == 0
    has_build = importlib.util.find_spec("translate.cli.models_build_cmd") is not None
    assert ("build" in result.stdout.split()) == has_build
    for command in ("list", "available", "install", "remove", "ensure"):
        assert command in result.stdout


def test_zip_package_has_one_top_folder(fixture_archive: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(fixture_archive) as zf:
        zf.extractall(tmp_path)
    rebuilt = zip_package(tmp_path / TOP, tmp_path / "rebuilt.argosmodel")
    info = models.validate_archive(rebuilt, expected_pair=("vi", "en"))
    assert info.top == TOP


# --------------------------------------------------------------------------------------------
# Entry names (property)

SAFE_PART = st.text(
    alphabet=st.characters(blacklist_characters="/\\\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=8,
).filter(lambda part: part not in (".", ".."))


@given(st.lists(SAFE_PART, min_size=1, max_size=4), st.integers(min_value=0, max_value=4))
def test_entries_with_a_parent_component_are_unsafe(parts: list[str], at: int) -> None:
    escaping = [*parts[:at], "..", *parts[at:]]
    assert archive_guard.unsafe_member_problem(zipfile.ZipInfo("/".join(escaping))) is not None
    assert archive_guard.unsafe_member_problem(zipfile.ZipInfo("/" + "/".join(parts))) is not None


@given(st.lists(SAFE_PART, min_size=1, max_size=4))
def test_plain_relative_entries_are_safe(parts: list[str]) -> None:
    name = "/".join(parts)
    if len(name) > 1 and name[1] == ":":
        return  # a Windows drive letter is refused on purpose
    assert archive_guard.unsafe_member_problem(zipfile.ZipInfo(name)) is None


def test_installing_a_folder_or_missing_file_explains(
    cli: Cli, empty_argos_home: Path, tmp_path: Path
) -> None:
    folder = cli("models", "install", str(tmp_path))
    assert folder.exit_code == 2 and "folder" in folder.stderr
    missing = cli("models", "install", str(tmp_path / "nothing.argosmodel"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    assert snapshot(empty_argos_home) == []
