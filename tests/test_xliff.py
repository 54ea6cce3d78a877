"""`translate export --format xliff` and `translate import FILE.xlf` (issue 12, exchange formats).

Fixtures in tests/data/xliff: ``doc.po`` (a catalogue with machine, reviewed, untranslated,
msgctxt and obsolete entries), ``po2xliff-3.20.4.xlf`` (written by Translate Toolkit 3.20.4's
``po2xliff doc.po``, unchanged), ``omegat-okapi.xlf`` (hand-written as OmegaT's Okapi XLIFF
filter writes a translated file back: the structure of our export, ``xml:lang`` added, the
``state`` left as exported).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from argos_fixture import CliResult
from gnu_tools import assert_gnu_clean

from translate.pofile import Message, parse
from translate.provenance import has_current_machine_note, is_machine_line
from translate.xliff import catalogue_to_xliff, parse_xliff

DATA = Path(__file__).parent / "data" / "xliff"
MT = "Tuần lễ chuyển đổi số Huế 2023"
REVIEWED = "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023."
EMPTY = "Các đơn vị được giao nhiệm vụ phải hoàn thành trước tháng mười hai."
HAS_GETTEXT = all(shutil.which(tool) for tool in ("msgfmt", "msgcat"))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700100000")
    shutil.copyfile(DATA / "doc.po", tmp_path / "doc.po")
    return tmp_path


def entries(path: Path) -> dict[tuple[str | None, str], Message]:
    return {m.key: m for m in parse(path.read_text(encoding="utf-8")).messages}


def gnu_clean(path: Path) -> None:
    if not HAS_GETTEXT:
        return
    assert_gnu_clean(path)


def test_export_states_notes_and_what_is_left_out(
    here: Path, cli: Callable[..., CliResult]
) -> None:
    result = cli("export", "doc.po", "--format", "xliff", "-o", "doc.xlf")
    assert result.exit_code == 0, result.stderr
    (file,) = parse_xliff((here / "doc.xlf").read_text(encoding="utf-8"), "doc.xlf")
    assert (file.source_language, file.target_language, file.original) == ("vi", "en", "doc.po")
    units = {unit.source: unit for unit in file.units}
    assert set(units) == {MT, REVIEWED, EMPTY, "Xem thêm."}  # the obsolete entry is left out
    assert (units[MT].state, units[MT].state_qualifier) == (
        "needs-review-translation",
        "leveraged-mt",
    )
    assert units[REVIEWED].state == "translated" and units[REVIEWED].approved
    assert units[EMPTY].target is None
    assert units["Xem thêm."].resname == "button"
    text = (here / "doc.xlf").read_text(encoding="utf-8")
    assert '<note from="translator">reviewer note</note>' in text
    assert '<note from="developer">hard-wrapped over 2 source lines</note>' in text
    assert '<note from="translate">mt: engine=argos-ctranslate2 ' in text
    # Exporting is deterministic, and importing an untouched export changes nothing.
    assert catalogue_to_xliff(parse((here / "doc.po").read_text()), "doc.po") == text
    before = (here / "doc.po").read_bytes()
    back = cli("import", "doc.xlf")
    assert back.exit_code == 0 and "(not written)" in back.stderr
    assert (here / "doc.po").read_bytes() == before


def test_import_translate_toolkit_po2xliff(here: Path, cli: Callable[..., CliResult]) -> None:
    text = (DATA / "po2xliff-3.20.4.xlf").read_text(encoding="utf-8")
    # As a translator would leave it in a po2xliff-based editor: the machine translation
    # approved with an edit, the empty unit translated (not approved), and the reviewed unit
    # given another unapproved text (which must not replace reviewed work).
    text = text.replace(
        '<trans-unit xml:space="preserve" id="3" approved="no">',
        '<trans-unit xml:space="preserve" id="3" approved="yes">',
    ).replace(
        '<target state="needs-translation">Hue Digital Transformation Week 2023</target>',
        '<target state="translated">Hue Digital Transformation Week (2023)</target>',
    )
    text = text.replace("<target></target>", "<target>Units must finish by December.</target>")
    text = text.replace(
        '<trans-unit xml:space="preserve" id="4" approved="yes">',
        '<trans-unit xml:space="preserve" id="4" approved="no">',
    ).replace(
        '<target state="translated">Thua Thien Hue announces',
        '<target state="needs-translation">MACHINE Thua Thien Hue announces',
    )
    (here / "edited.xlf").write_text(text, encoding="utf-8")
    result = cli("import", "edited.xlf", "--catalog", "doc.po")
    assert result.exit_code == 0, result.stderr
    assert "2 translations imported" in result.stderr
    assert "1 reviewed entries kept over machine/fuzzy units" in result.stderr
    assert "1 units not in the catalogue" in result.stderr  # the obsolete entry po2xliff wrote
    after = entries(here / "doc.po")
    edited = after[(None, MT)]
    assert (edited.msgstr, edited.fuzzy) == ("Hue Digital Transformation Week (2023)", False)
    assert not any(is_machine_line(c) for c in edited.comments)  # stale, gone at once
    assert (after[(None, EMPTY)].msgstr, after[(None, EMPTY)].fuzzy) == (
        "Units must finish by December.",
        True,
    )
    reviewed = after[(None, REVIEWED)]
    assert reviewed.msgstr.startswith("Thua Thien") and not reviewed.fuzzy
    assert after[("button", "Xem thêm.")].msgstr == "More"
    gnu_clean(here / "doc.po")


def test_import_omegat_translated_file(here: Path, cli: Callable[..., CliResult]) -> None:
    shutil.copyfile(DATA / "omegat-okapi.xlf", here / "doc.xlf")
    before = entries(here / "doc.po")
    result = cli("import", "doc.xlf")  # finds doc.po from <file original>
    assert result.exit_code == 0, result.stderr
    assert "2 translations imported, 0 accepted, 2 unchanged" in result.stderr
    after = entries(here / "doc.po")
    # The state still says machine output, but the target differs from what we exported:
    # the translator rewrote it.
    rewritten = after[(None, MT)]
    assert (rewritten.msgstr, rewritten.fuzzy) == ("Hue Digital Transformation Week, 2023", False)
    assert not has_current_machine_note(rewritten)
    assert after[(None, EMPTY)].msgstr == "The units assigned must finish before December."
    assert not after[(None, EMPTY)].fuzzy
    assert after[(None, REVIEWED)] == before[(None, REVIEWED)]
    assert after[("button", "Xem thêm.")] == before[("button", "Xem thêm.")]
    revised = parse((here / "doc.po").read_text()).field("PO-Revision-Date")
    assert revised == "2023-11-16 02:00+0000"  # translations changed: SOURCE_DATE_EPOCH
    gnu_clean(here / "doc.po")
    # Importing the same file again: nothing left to do.
    again = cli("import", "doc.xlf")
    assert again.exit_code == 0 and "(not written)" in again.stderr


def test_import_conflict_keeps_the_catalogue(here: Path, cli: Callable[..., CliResult]) -> None:
    assert cli("export", "doc.po", "--format", "xliff", "-o", "doc.xlf").exit_code == 0
    po = here / "doc.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            "announces its 2023", "announced its 2023"
        ),  # edited in Poedit after the export
        encoding="utf-8",
    )
    xlf = here / "doc.xlf"
    xlf.write_text(
        xlf.read_text(encoding="utf-8").replace("announces its 2023", "unveils its 2023"),
        encoding="utf-8",
    )
    result = cli("import", "doc.xlf")
    assert result.exit_code == 0 and "1 conflicts kept as in the catalogue" in result.stderr
    assert entries(po)[(None, REVIEWED)].msgstr.startswith("Thua Thien Hue announced")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
            '<xliff version="1.2"><file original="doc.po"><body><trans-unit id="1">'
            "<source>Xem thêm.</source><target>&e;</target></trans-unit></body></file></xliff>",
            "document type declaration",
        ),
        ('<xliff version="1.2"><file original="doc.po"><body>', "not well-formed XML at line 1"),
        ("<tmx version='1.4'><body/></tmx>", "not an XLIFF file"),
        (b"\xff\xfe<\x00x\x00", "not well-formed"),
    ],
    ids=["external-entity", "truncated", "not-xliff", "utf16-garbage"],
)
def test_hostile_xliff_is_refused_in_one_line(
    here: Path, cli: Callable[..., CliResult], content: str | bytes, message: str
) -> None:
    path = here / "bad.xlf"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = (here / "doc.po").read_bytes()
    result = cli("import", "bad.xlf", "--catalog", "doc.po")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert (here / "doc.po").read_bytes() == before


def test_markup_placeholders_travel_as_inline_elements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., CliResult]
) -> None:
    """An HTML page's entries go to the CAT tool with their placeholders as <g>/<x> (a tool
    shows them as tags), and a translator's moved tags come back as placeholders."""
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.html"
    page.write_text(
        '<p>Xem <a href="/x">trang <b>chủ</b></a> và <img src="a.png"> tin tức.</p>\n'
        "<p>Gõ 1 < 2 và <1> là chữ.</p>\n",
        encoding="utf-8",
    )
    assert cli("run", "page.html", "--if-no-model", "no-mt").exit_code == 0
    po = tmp_path / "locales" / "en" / "page.po"
    assert cli("export", str(po), "--format", "xliff", "-o", "page.xlf").exit_code == 0
    text = (tmp_path / "page.xlf").read_text(encoding="utf-8")
    assert (
        '<source>Xem <g id="1">trang <g id="2">chủ</g></g> và <x id="3" /> tin tức.</source>'
        in text
    )
    (file,) = parse_xliff(text, "page.xlf")
    assert [unit.source for unit in file.units] == [
        m.msgid for m in parse(po.read_text(encoding="utf-8")).messages if m.msgid
    ]
    translated = text.replace(
        '<source>Xem <g id="1">trang <g id="2">chủ</g></g> và <x id="3" /> tin tức.</source>',
        '<source>Xem <g id="1">trang <g id="2">chủ</g></g> và <x id="3" /> tin tức.</source>'
        '<target state="translated"><x id="3" /> News and <g id="1">the <g id="2">home</g>'
        " page</g>.</target>",
    )
    (tmp_path / "page.xlf").write_text(translated, encoding="utf-8")
    result = cli("import", "page.xlf")
    assert result.exit_code == 0, result.stderr
    (message,) = [m for m in parse(po.read_text(encoding="utf-8")).messages if "Xem" in m.msgid]
    assert message.msgstr == "<3/> News and <1>the <2>home</2> page</1>."
    gnu_clean(po)
