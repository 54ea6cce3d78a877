"""Catalogues as editors save them, then `translate run` again (adversarial pass, helper
editorsaves). Each test reproduces a case found by running every command on a reviewed
catalogue transformed the way Poedit, Lokalize, Weblate and the GNU tools save it; each
failed before its fix."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from argos_fixture import CliResult, one_error

from translate import catalog, pipeline, pofile
from translate.pofile import Message, PoFile, line_break_mismatch

DOC = "Thừa Thiên Huế công bố kế hoạch chuyển đổi số.\nCác đơn vị phải hoàn thành sớm.\n"
FIRST = "Thừa Thiên Huế công bố kế hoạch chuyển đổi số."
SECOND = "Các đơn vị phải hoàn thành sớm."
PO = Path("locales/en/doc.po")


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    Path("doc.vi.txt").write_text(DOC, encoding="utf-8")
    pipeline.run(["doc.vi.txt"], pipeline.RunOptions(use_mt=False))
    return tmp_path


def review(msgid: str, msgstr: str) -> None:
    """The catalogue saved with ``msgid`` translated by a reviewer (not fuzzy)."""
    po = pofile.read(PO)
    messages = tuple(
        Message(m.msgid, msgstr, references=m.references) if m.msgid == msgid else m
        for m in po.messages
    )
    PO.write_text(pofile.serialize(PoFile(po.header, messages)), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# A reviewer pressed Enter at the end of a translation (Lokalize keeps it; msgfmt refuses it)


@pytest.mark.parametrize("msgstr", ["Reviewed.\n", "\nReviewed."], ids=["end", "begin"])
def test_a_reviewed_line_break_msgfmt_rejects_stops_the_run(
    msgstr: str, workspace: Path, cli: Callable[..., CliResult]
) -> None:
    review(FIRST, msgstr)
    before = PO.read_bytes()
    line = next(m.line for m in pofile.read(PO).messages if m.msgid == FIRST)
    error = one_error(cli("run", "--no-mt", "doc.vi.txt"), f"{PO}:{line}:", "line break")
    assert len(error.strip().splitlines()) == 1
    assert PO.read_bytes() == before  # the reviewer's text is theirs to fix, never trimmed


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")
def test_msgfmt_rejects_what_line_break_mismatch_finds(workspace: Path) -> None:
    review(FIRST, "Reviewed.\n")
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(PO)], capture_output=True, text=True
    )
    assert checked.returncode == 1 and "both end with '\\n'" in checked.stderr


def test_line_break_mismatch_only_in_entries_msgfmt_compiles() -> None:
    assert line_break_mismatch(Message("a", "A\n")) is not None
    assert line_break_mismatch(Message("a", "\nA")) is not None
    assert line_break_mismatch(Message("a\n", "A")) is not None
    assert line_break_mismatch(Message("a\n", "A\n")) is None
    assert line_break_mismatch(Message("a", "A\nB")) is None  # inside is fine
    assert line_break_mismatch(Message("a", "")) is None  # untranslated
    assert line_break_mismatch(Message("a", "A\n", fuzzy=True)) is None  # not compiled
    assert line_break_mismatch(Message("a", "A\n", obsolete=True)) is None
    assert line_break_mismatch(Message("", "Language: en\n")) is None  # the header
    plural = Message("a", msgid_plural="as", msgstr_plural=("A", "As\n"))
    assert line_break_mismatch(plural) is not None


def test_a_fuzzy_line_break_is_kept_and_the_run_goes_on(workspace: Path) -> None:
    """msgfmt skips fuzzy entries: the run keeps the text and writes as usual."""
    po = pofile.read(PO)
    messages = tuple(
        Message(m.msgid, "Draft.\n", references=m.references, fuzzy=True) if m.msgid == FIRST else m
        for m in po.messages
    )
    PO.write_text(pofile.serialize(PoFile(po.header, messages)), encoding="utf-8")
    Path("doc.vi.txt").write_text(DOC + "Câu mới.\n", encoding="utf-8")
    pipeline.run(["doc.vi.txt"], pipeline.RunOptions(use_mt=False))
    first = next(m for m in pofile.read(PO).messages if m.msgid == FIRST)
    assert (first.msgstr, first.fuzzy) == ("Draft.\n", True)


# --------------------------------------------------------------------------------------------
# XLIFF: a carriage return and control characters a reviewer pasted into a translation


def test_a_carriage_return_survives_an_xliff_round_trip(
    workspace: Path, cli: Callable[..., CliResult]
) -> None:
    review(FIRST, "Reviewed,\rwith a carriage return.")  # GNU writes it `\r`
    before = PO.read_bytes()
    assert cli("export", str(PO), "--format", "xliff", "-o", "doc.xlf").exit_code == 0
    assert "&#13;" in Path("doc.xlf").read_text("utf-8")  # a raw CR is read as a line feed
    result = cli("import", "doc.xlf", "--catalog", str(PO))
    assert result.exit_code == 0, result.stderr
    assert PO.read_bytes() == before  # nothing changed in the CAT tool: nothing imported


@pytest.mark.parametrize("char", ["\x0c", "\x01", "\x1b"], ids=["FF", "SOH", "ESC"])
def test_a_control_character_xml_cannot_hold_refuses_the_xliff_export(
    char: str, workspace: Path, cli: Callable[..., CliResult]
) -> None:
    review(SECOND, f"Page one{char}page two.")
    line = next(m.line for m in pofile.read(PO).messages if m.msgid == SECOND)
    result = cli("export", str(PO), "--format", "xliff", "-o", "doc.xlf")
    one_error(result, f"{PO}:{line}:", f"U+{ord(char):04X}")
    assert not Path("doc.xlf").exists()  # before: an ill-formed file every CAT tool refuses


# --------------------------------------------------------------------------------------------
# Escapes other writers use: GNU reads octal and hex as bytes and refuses `\'`, `\?`, `\u`


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("caf\\303\\251", "octal or hex escape `\\303`"),
        ("caf\\x41", "octal or hex escape `\\x41`"),
        ("the week\\'s theme", "invalid escape `\\'`"),
        ("why\\?", "invalid escape `\\?`"),
        ("caf\\u00e9", "invalid escape `\\u`"),
    ],
)
@pytest.mark.parametrize("kind", ["live", "obsolete", "previous"])
def test_escapes_gnu_reads_otherwise_are_refused_with_their_line(
    written: str, reason: str, kind: str
) -> None:
    """Before, the backslash was kept as text: the next write escaped it, and the English
    document got `caf\\303\\251` or `week\\'s`."""
    entry = {
        "live": f'msgid "a"\nmsgstr "{written}"\n',
        "obsolete": f'#~ msgid "a"\n#~ msgstr "{written}"\n',
        "previous": f'#, fuzzy\n#| msgid "{written}"\nmsgid "a"\nmsgstr "A"\n',
    }[kind]
    text = HEADER + "# a translator's note may say \\' or \\303\n" + entry
    line = 7  # of the string holding the escape
    with pytest.raises(pofile.PoSyntaxError, match=rf"^x\.po:{line}: .*{re.escape(reason)}"):
        pofile.parse(text, "x.po")
    if shutil.which("msgcat") and kind == "live":
        done = subprocess.run(["msgcat", "-"], input=text, capture_output=True, text=True)
        assert ("octal" in reason) == (done.returncode == 0)  # GNU reads those, refuses these


def test_escaped_backslashes_and_gnu_escapes_still_read() -> None:
    text = HEADER + 'msgid "a"\nmsgstr "back\\\\\\\\slash \\\\x \\a\\b\\f\\v\\t\\r\\n\\""\n'
    assert pofile.parse(text).messages[0].msgstr == 'back\\\\slash \\x \a\b\f\v\t\r\n"'


def test_a_catalogue_with_an_octal_escape_is_never_rewritten(
    workspace: Path, cli: Callable[..., CliResult]
) -> None:
    review(FIRST, "café")
    PO.write_text(PO.read_text("utf-8").replace("café", "caf\\303\\251"), encoding="utf-8")
    before = PO.read_bytes()
    for args in (["run", "--no-mt", "doc.vi.txt"], ["export", str(PO)], ["stats", str(PO)]):
        one_error(cli(*args), f"{PO}:", "msgcat -o FILE FILE")
    assert PO.read_bytes() == before


# --------------------------------------------------------------------------------------------
# msgids saved decomposed (NFD) by a tool: the sources are read as NFC


def test_reviewed_entries_with_decomposed_msgids_stay_reviewed(workspace: Path) -> None:
    review(FIRST, "Reviewed.")
    expected = PO.read_bytes()
    PO.write_text(unicodedata.normalize("NFD", PO.read_text("utf-8")), encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", PO.read_text("utf-8"))
    pipeline.run(["doc.vi.txt"], pipeline.RunOptions(use_mt=False))
    # Before: every entry obsolete and its translation back as fuzzy with a `#|` msgid.
    assert PO.read_bytes() == expected


def test_nfc_msgids_keeps_an_entry_whose_nfc_form_is_taken() -> None:
    nfd = unicodedata.normalize("NFD", FIRST)
    old = PoFile(Message(""), (Message(FIRST, "A"), Message(nfd, "B", obsolete=True)))
    assert catalog.nfc_msgids(old) == old  # two entries stay two (GNU sees two msgids)
    assert catalog.nfc_msgids(PoFile(Message(""), (Message(nfd, "B"),))).messages[0].msgid == FIRST


def test_export_uses_the_translations_of_decomposed_msgids(
    workspace: Path, cli: Callable[..., CliResult]
) -> None:
    review(FIRST, "Reviewed.")
    PO.write_text(unicodedata.normalize("NFD", PO.read_text("utf-8")), encoding="utf-8")
    result = cli("export", str(PO), "--source", "doc.vi.txt")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Reviewed."  # before: left in Vietnamese


def test_usable_translations_prefers_the_nfc_entry() -> None:
    from translate.export import usable_translations

    nfd = unicodedata.normalize("NFD", FIRST)
    for order in (
        (Message(FIRST, "A"), Message(nfd, "B")),
        (Message(nfd, "B"), Message(FIRST, "A")),
    ):
        usable, known = usable_translations(PoFile(Message(""), order))
        assert usable == {FIRST: "A"} and known == {FIRST}


# --------------------------------------------------------------------------------------------
# A catalogue saved in another charset: the error says which


def cp1258(text: str) -> bytes:
    """As Windows tools write Vietnamese in cp1258: the tone marks as combining characters."""
    return unicodedata.normalize("NFD", text).encode("cp1258", "replace")


@pytest.mark.parametrize(
    ("encode", "needle"),
    [
        (lambda t: cp1258(t.replace("UTF-8", "CP1258")), "header says CP1258"),
        (lambda t: t.replace("UTF-8", "ISO-8859-1").encode("latin-1", "replace"), "ISO-8859-1"),
        (lambda t: t.encode("utf-16"), "is UTF-16 (it starts with a UTF-16 byte-order mark)"),
    ],
    ids=["cp1258", "latin-1", "utf-16"],
)
def test_a_catalogue_in_another_charset_is_named_and_left_unchanged(
    encode: Callable[[str], bytes], needle: str, workspace: Path, cli: Callable[..., CliResult]
) -> None:
    review(FIRST, "Café au lait.")  # é: one byte in both legacy charsets, invalid as UTF-8
    PO.write_bytes(encode(PO.read_text("utf-8")))
    before = PO.read_bytes()
    for args in (["run", "--no-mt", "doc.vi.txt"], ["stats", str(PO)], ["export", str(PO)]):
        one_error(cli(*args), str(PO), needle)
    assert PO.read_bytes() == before


def test_an_xliff_target_with_a_final_line_break_imports_without_it(
    workspace: Path, cli: Callable[..., CliResult]
) -> None:
    assert cli("export", str(PO), "--format", "xliff", "-o", "doc.xlf").exit_code == 0
    xlf = Path("doc.xlf")
    text = xlf.read_text("utf-8")
    source = f"<source>{FIRST}</source>"
    assert source in text
    xlf.write_text(text.replace(source, f'{source}<target state="translated">Done.\n</target>'))
    result = cli("import", "doc.xlf", "--catalog", str(PO))
    assert result.exit_code == 0, result.stderr
    first = next(m for m in pofile.read(PO).messages if m.msgid == FIRST)
    assert first.msgstr == "Done."  # before: "Done.\n", which msgfmt --check refuses
    assert cli("run", "--no-mt", "doc.vi.txt").exit_code == 0


def test_an_unedited_xliff_round_trip_leaves_a_line_break_as_it_is(
    workspace: Path, cli: Callable[..., CliResult]
) -> None:
    """The trim above is for the CAT tool's edits only; the catalogue's own text is the
    reviewer's (the run reports it)."""
    review(FIRST, "Reviewed.\n")
    before = PO.read_bytes()
    assert cli("export", str(PO), "--format", "xliff", "-o", "doc.xlf").exit_code == 0
    assert cli("import", "doc.xlf", "--catalog", str(PO)).exit_code == 0
    assert PO.read_bytes() == before
