"""Property: for arbitrary Unicode text, `translate run` writes catalogues that GNU
`msgfmt --check` accepts and that `translate export` turns back into the source.

The generated text mixes Vietnamese letters (precomposed and decomposed), whitespace of every
kind (CRLF, CR, tabs, Unicode line separators), quotes and backslashes that PO files must
escape, zero-width and bidi marks, control characters, and any other code point. "Back into
the source" uses the identity translation (msgstr = msgid, not fuzzy), so the exported text
must equal the source exactly (NFC, byte-order mark removed).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest
from argos_fixture import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translate.errors import UserError
from translate.sourcetext import decode_source

HAS_RUN = importlib.util.find_spec("translate.cli.run_cmd") is not None
pytestmark = pytest.mark.skipif(
    not HAS_RUN, reason="`translate run` (translate/cli/run_cmd.py) is not in this checkout"
)

LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯHTN"
    "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
PUNCTUATION = " \t\n\r.,;:!?…\"'“”()[]\\-–—/%0123456789"
AWKWARD = [
    "\r\n",
    "\u200b",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202e",
    "\u200e",
    "\u200f",
    "\u2028",
    "\u2029",
    "\x85",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1c",
    "\x7f",
    "\u00a0",
    "\u3000",
    "PGS.TS. ",
    "TP.HCM ",
    "1.234.567 ",
    "... ",
]
CHUNK = st.one_of(
    st.sampled_from(list(LETTERS)),
    st.sampled_from(list(PUNCTUATION)),
    st.sampled_from(AWKWARD),
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
)
TEXT = st.lists(CHUNK, max_size=120).map("".join)
SOURCE_TEXT = st.one_of(TEXT, TEXT.map(lambda text: unicodedata.normalize("NFD", text)))


def refused_by_reading(text: str) -> bool:
    """Reading refuses mostly-control text and legacy-font mojibake (see test_sourcetext.py)."""
    try:
        decode_source(text.encode("utf-8"), "doc.vi.txt")
    except UserError:
        return True
    return False


def msgfmt_accepts(path: Path) -> None:
    finished = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    assert finished.returncode == 0 and finished.stderr == "", finished.stderr


def identity(po_path: Path) -> None:
    import polib

    catalogue = polib.pofile(str(po_path), wrapwidth=79)
    for entry in catalogue:
        entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(str(po_path))


def check_round_trip(text: str, *run_options: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = folder / "doc.vi.txt"
        source.write_bytes(text.encode("utf-8"))
        out = folder / "locales"
        result = run_cli("run", "--output-dir", str(out), *run_options, str(source))
        if result.exit_code == 2 and refused_by_reading(text):
            return
        assert result.exit_code == 0, result.stderr
        pot, po = out / "doc.pot", out / "en" / "doc.po"
        msgfmt_accepts(pot)
        msgfmt_accepts(po)
        identity(po)
        msgfmt_accepts(po)
        exported = folder / "doc.en.txt"
        result = run_cli("export", str(po), "--source", str(source), "-o", str(exported))
        assert result.exit_code == 0, result.stderr
        expected = unicodedata.normalize("NFC", text)  # a byte order mark comes back too
        assert exported.read_bytes().decode("utf-8") == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOURCE_TEXT)
def test_no_mt_catalogues_are_valid_and_export_back(text: str) -> None:
    check_round_trip(text, "--no-mt")


@pytest.mark.slow
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=SOURCE_TEXT)
def test_fixture_model_catalogues_are_valid_and_export_back(
    installed_package: object, text: str
) -> None:
    check_round_trip(text)
