"""Issue 19: files the toolkit must not touch or read (devices, FIFOs, links, sockets,
catalogues given as sources, -o over an input), odd encodings, odd names.

Device nodes are private ones made with mknod in the test's own folder, never the system's;
those tests need root and are skipped otherwise.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from argos_fixture import CliResult, one_error
from gnu_tools import assert_gnu_clean

from translate import fileguard, fileio, pofile, sourcetext
from translate.errors import UserError
from translate.pofile import reader as po_reader

Cli = Callable[..., CliResult]
DOC = "Thừa Thiên Huế công bố kế hoạch chuyển đổi số.\nCác đơn vị phải hoàn thành sớm.\n"
PO = Path("locales/en/doc.po")
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    Path("doc.vi.txt").write_text(DOC, encoding="utf-8")
    return tmp_path


def null_device(folder: Path) -> Path:
    """A private character device with /dev/null's numbers (1, 3), in ``folder``."""
    path = folder / "private-null"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


def zero_device(folder: Path) -> Path:
    path = folder / "private-zero"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    return path


def in_thread(call: Callable[[], object], seconds: float = 20.0) -> object:
    """Run ``call`` with a deadline: a hang fails the test instead of blocking the suite."""
    box: list[object] = []

    def target() -> None:
        try:
            box.append(call())
        except BaseException as exc:
            box.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hung (blocked on a FIFO or reading a device)"
    return box[0]


# --------------------------------------------------------------------------------------------
# Case 2: a catalogue given as a source


@pytest.mark.parametrize("name", ["locales/en/doc.po", "locales/doc.pot", "renamed.txt"])
def test_a_catalogue_given_as_source_is_refused(workspace: Path, cli: Cli, name: str) -> None:
    assert cli("run", "--no-mt", "doc.vi.txt").exit_code == 0
    if name == "renamed.txt":  # by content, whatever the name
        shutil.copyfile(PO, name)
    before = {path: path.read_bytes() for path in Path("locales").rglob("*") if path.is_file()}
    one_error(cli("run", "--no-mt", name), name, "is a gettext catalogue", "translate export")
    after = {path: path.read_bytes() for path in Path("locales").rglob("*") if path.is_file()}
    assert after == before


def test_prose_that_mentions_msgid_is_not_a_catalogue() -> None:
    text = "Hướng dẫn gettext.\nmsgid là chuỗi gốc, msgstr là bản dịch.\n"
    assert fileguard.catalogue_source_problem("guide.txt", text) is None


# --------------------------------------------------------------------------------------------
# Case 3: export -o over its own inputs


@pytest.mark.parametrize("target", ["catalogue", "source", "link-to-catalogue"])
def test_export_refuses_to_write_over_its_inputs(workspace: Path, cli: Cli, target: str) -> None:
    assert cli("run", "--no-mt", "doc.vi.txt").exit_code == 0
    output = {"catalogue": str(PO), "source": "doc.vi.txt"}.get(target, "link.po")
    if target == "link-to-catalogue":
        os.symlink(PO, output)
    before = (PO.read_bytes(), Path("doc.vi.txt").read_bytes())
    one_error(cli("export", str(PO), "-o", output), "refusing to write", "nothing was written")
    assert (PO.read_bytes(), Path("doc.vi.txt").read_bytes()) == before


# --------------------------------------------------------------------------------------------
# Cases 6 and 7: links, devices, FIFOs, sockets


@root_only
def test_catalogue_linked_to_a_device_is_never_replaced(workspace: Path, cli: Cli) -> None:
    device = null_device(workspace)
    PO.parent.mkdir(parents=True)
    os.symlink(device, PO)
    one_error(cli("run", "--no-mt", "doc.vi.txt"), "character device", "not a regular file")
    assert stat.S_ISCHR(os.stat(device).st_mode)  # still the device
    assert os.path.islink(PO)


@root_only
def test_atomic_write_through_a_link_refuses_a_device(tmp_path: Path) -> None:
    device = null_device(tmp_path)
    link = tmp_path / "out.po"
    os.symlink(device, link)
    with pytest.raises(UserError, match="character device, not a regular file"):
        fileio.atomic_write_text(link, "replaced?")
    assert stat.S_ISCHR(os.stat(device).st_mode)
    with pytest.raises(UserError, match="character device"):
        fileio.atomic_write_text(device, "replaced?")


def test_atomic_write_through_a_link_to_a_regular_file_replaces_the_target(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real.po"
    real.write_text("old")
    link = tmp_path / "link.po"
    os.symlink(real, link)
    fileio.atomic_write_text(link, "new")
    assert os.path.islink(link) and real.read_text() == "new"


@pytest.mark.parametrize("role", ["source", "catalogue"])
def test_a_fifo_never_blocks(workspace: Path, cli: Cli, role: str) -> None:
    if role == "source":
        os.mkfifo("pipe.txt")
        result = in_thread(lambda: cli("run", "--no-mt", "pipe.txt"))
        assert isinstance(result, CliResult)
        one_error(result, "pipe.txt", "FIFO")
    else:
        PO.parent.mkdir(parents=True)
        os.mkfifo(PO)
        result = in_thread(lambda: cli("run", "--no-mt", "doc.vi.txt"))
        assert isinstance(result, CliResult)
        one_error(result, "FIFO", "not a regular file")
        assert stat.S_ISFIFO(os.stat(PO).st_mode)
        for command in (("stats", str(PO)), ("check", str(PO)), ("export", str(PO))):
            outcome = in_thread(lambda command=command: cli(*command))  # type: ignore[misc]
            assert isinstance(outcome, CliResult) and outcome.exit_code == 2, command


# Round 14: each of these blocked forever opening the FIFO (the memory ones said "no
# translation memory here" or "disk I/O error"; a default glossary.tsv FIFO was skipped).
FIFO_INPUTS = {
    "glossary": ("terms.tsv", ("run", "--no-mt", "--glossary", "terms.tsv", "doc.vi.txt")),
    "termbase": ("terms.tbx", ("terms", "list", "terms.tbx")),
    "default glossary": ("locales/glossary.tsv", ("run", "--no-mt", "doc.vi.txt")),
    "abbreviations": ("abbr.txt", ("segment", "--abbreviations", "abbr.txt", "doc.vi.txt")),
    "review sheet": ("review.csv", ("import", "review.csv")),
    "workbook": ("review.xlsx", ("import", "review.xlsx")),
    "XLIFF": ("doc.xlf", ("import", "doc.xlf")),
    "TMX": ("team.tmx", ("tm", "import", "--tm", "m.sqlite", "team.tmx")),
    "memory": ("m.sqlite", ("run", "--no-mt", "--tm", "m.sqlite", "doc.vi.txt")),
    "default memory": ("locales/memory.sqlite", ("run", "--no-mt", "doc.vi.txt")),
    "memory to update": ("m.sqlite", ("tm", "update", "--tm", "m.sqlite", "doc.po")),
    "package": ("vi_en.argosmodel", ("models", "install", "vi_en.argosmodel")),  # "no such file"
    "model archive": ("opus.zip", ("models", "build", "opus.zip", "--from", "vi", "--to", "en")),
}


@pytest.mark.parametrize("case", sorted(FIFO_INPUTS))
def test_no_input_blocks_on_a_fifo(workspace: Path, cli: Cli, case: str) -> None:
    name, command = FIFO_INPUTS[case]
    Path("locales/en").mkdir(parents=True)
    Path("doc.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    os.mkfifo(name)
    result = in_thread(lambda: cli(*command))
    assert isinstance(result, CliResult)
    one_error(result, name, "FIFO")
    assert not PO.exists()


@root_only
def test_a_catalogue_linked_to_dev_zero_is_not_read(workspace: Path, cli: Cli) -> None:
    PO.parent.mkdir(parents=True)
    os.symlink(zero_device(workspace), PO)
    result = in_thread(lambda: cli("run", "--no-mt", "doc.vi.txt"))
    assert isinstance(result, CliResult)
    one_error(result, "a link to", "character device")
    outcome = in_thread(lambda: cli("stats", str(PO)))
    assert isinstance(outcome, CliResult) and outcome.exit_code == 2


def test_a_socket_or_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sock.po"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(UserError, match="socket, not a regular file"):
            fileguard.read_regular(path, limit=100)
        with pytest.raises(UserError, match="socket"):
            sourcetext.read_source(path)
    finally:
        server.close()
    (tmp_path / "folder.po").mkdir()
    with pytest.raises(UserError, match="a directory"):
        fileio.atomic_write_text(tmp_path / "folder.po", "x")


def test_reads_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.po"
    big.write_bytes(b"#" * 5000)
    monkeypatch.setattr(fileguard, "MAX_CATALOGUE_BYTES", 4096)
    with pytest.raises(UserError, match="larger than 4096 bytes"):
        pofile.read(big)
    monkeypatch.setattr(fileguard, "MAX_SOURCE_BYTES", 4096)
    with pytest.raises(UserError, match="larger than 4096 bytes"):
        sourcetext.read_source(big)


# --------------------------------------------------------------------------------------------
# Case 11: non-text codecs, lone surrogates, a full disk under the lock


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex", "uu", "bz2"])
def test_non_text_codecs_are_refused(workspace: Path, cli: Cli, codec: str) -> None:
    one_error(
        cli("run", "--no-mt", "--encoding", codec, "doc.vi.txt"), "not a text encoding", codec
    )
    assert not Path("locales").exists()


@pytest.mark.parametrize(
    ("codec", "data"),
    [("unicode_escape", b"ab\\ud800cd"), ("raw_unicode_escape", b"\\udc00"), ("utf-7", b"+2AA-")],
)
def test_lone_surrogates_are_refused(workspace: Path, cli: Cli, codec: str, data: bytes) -> None:
    Path("odd.txt").write_bytes(data)
    one_error(cli("run", "--no-mt", "--encoding", codec, "odd.txt"), "lone surrogate")
    assert not Path("locales").exists()


def test_a_full_disk_while_the_lock_records_its_pid(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio, "_record_pid", lambda fd: full(fd, b""))
    one_error(cli("run", "--no-mt", "doc.vi.txt"), "No space left on device", "lock file")
    assert not PO.exists()
    assert not list(Path("locales").rglob("*.lock"))


@root_only
def test_a_really_full_disk_while_the_lock_records_its_pid(workspace: Path, cli: Cli) -> None:
    """On a private 64 KiB tmpfs filled to the last block: the lock file is created (an inode
    needs no block) and writing the pid fails with ENOSPC."""
    disk = workspace / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    try:
        (disk / "en").mkdir()
        fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)
        result = cli("run", "--no-mt", "--output-dir", str(disk), "doc.vi.txt")
        one_error(result, "No space left on device")
        assert sorted(os.listdir(disk)) == ["en", "filler"]  # no lock, catalogue or temp left
        assert os.listdir(disk / "en") == []
    finally:
        subprocess.run(["umount", str(disk)], check=False)


# --------------------------------------------------------------------------------------------
# Case 13: names with newlines and spaces in `#:` references


needs_gettext = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("msgfmt", "msgcat")),
    reason="GNU gettext is not installed",
)


@pytest.mark.parametrize("name", ["two\nlines.txt", "tab\there.txt", "nbsp\u00a0name.txt"])
def test_names_that_cannot_be_references_are_refused(workspace: Path, cli: Cli, name: str) -> None:
    Path(name).write_text(DOC, encoding="utf-8")
    one_error(cli("run", "--no-mt", name), "rename the file")
    assert not Path("locales").exists()


@needs_gettext
@pytest.mark.parametrize("name", ["my doc.vi.txt", "./dot doc.vi.txt", "./plain.vi.txt"])
def test_names_with_spaces_round_trip(workspace: Path, cli: Cli, name: str) -> None:
    Path(name).write_text(DOC, encoding="utf-8")
    assert cli("run", "--no-mt", name).exit_code == 0
    stem = Path(name).name.removesuffix(".vi.txt")
    po = Path(f"locales/en/{stem}.po")
    text = po.read_text("utf-8")
    if " " in name:
        assert f"#: \u2068{name.removeprefix('./')}\u2069:1" in text  # GNU 0.22's convention
    for path in (po, Path(f"locales/{stem}.pot")):
        assert_gnu_clean(path)
    assert [r.rpartition(":")[0] for r in pofile.read(po).messages[0].references] == [
        name.removeprefix("./")
    ]
    before = (po.read_bytes(), po.stat().st_mtime_ns)
    rerun = cli("run", "--no-mt", name)
    assert "0 files written" in rerun.stderr  # no rewrite on every run
    assert (po.read_bytes(), po.stat().st_mtime_ns) == before
    export = cli("export", str(po))  # the source found from the references
    assert export.exit_code == 0, export.stderr
    assert export.stdout == DOC


def test_isolated_references_are_read_by_every_reader() -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#: \u2068a b.txt\u2069:1 plain.txt:2\n"
        '#, fuzzy\nmsgid "x"\nmsgstr "y"\n'
    )
    content = po_reader._reader_content(text)
    readers = [
        po_reader._parse_strict(content),
        po_reader._parse_with_polib(content, "x.po"),
    ]
    for parsed in readers:
        assert parsed is not None
        assert parsed.messages[0].references == ("a b.txt:1", "plain.txt:2")
