"""TMX in and out: round trip, files shaped like other tools' output, hostile and malformed files.

The fixtures follow what the tools document and write: OmegaT (TMX 1.1, a bare DOCTYPE, `lang`,
dates on the target tuv), Okapi (vi-VN, bpt/ept codes, tuid and Txt::FileName props),
Trados-style (srclang="*all*", ph and it codes, creationid/changedate on the tu) and Translate
Toolkit's po2tmx (srclang="en" whatever the source).
"""

from __future__ import annotations

import io
import tempfile
import xml.dom.minidom
from collections.abc import Callable
from pathlib import Path

import pytest
from argos_fixture import CliResult
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.errors import UserError
from translate.memory import Memory, Unit
from translate.tmx import ReadReport, read_units, write_units

UNITS = [
    Unit(
        "Tôi đi học hôm nay.",
        "I go to school today.",
        "locales/en/a.po:10",
        "a",
        "Lan",
        1_700_000_000,
        1_700_000_100,
    ),
    Unit(
        'Giá là <5 & "rẻ">.',
        "The price is <5 & 'cheap'>.",
        "locales/en/a.po:14",
        None,
        None,
        1_700_000_000,
        1_700_000_000,
    ),
    Unit(
        "Dòng\tmột\r\nhai",
        "Line\tone\r\ntwo",
        "b.po:3",
        "b",
        "Minh <m@example.org>",
        1_600_000_000,
        1_650_000_000,
    ),
]


DATA = Path(__file__).parent / "data" / "tmx"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path) -> tuple[list[Unit], ReadReport]:
    report = ReadReport()
    return list(read_units(path, source_lang="vi", target_lang="en", report=report)), report


def exported(units: list[Unit]) -> bytes:
    stream = io.BytesIO()
    write_units(stream, units, source_lang="vi", target_lang="en", now=1_700_000_500)
    return stream.getvalue()


def test_round_trip_gives_the_same_units(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    path.write_bytes(exported(UNITS))
    units, report = read(path)
    assert units == UNITS and report.inline_codes == 0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_any_text_exports_to_xml_another_reader_parses(pairs: list[tuple[str, str]]) -> None:
    units = [Unit(s, t, "x.po:1") for s, t in pairs]
    data = exported(units)
    document = xml.dom.minidom.parseString(data)  # a second, independent XML reader
    segs = ["".join(n.data for n in seg.childNodes) for seg in document.getElementsByTagName("seg")]
    assert len(segs) == 2 * len(units)


def test_our_tmx_has_the_tmx14_shape_for_an_independent_reader() -> None:
    document = xml.dom.minidom.parseString(exported(UNITS))
    root = document.documentElement
    assert root.tagName == "tmx" and root.getAttribute("version") == "1.4"
    assert [n.tagName for n in root.childNodes if n.nodeType == n.ELEMENT_NODE] == [
        "header",
        "body",
    ]
    header = root.getElementsByTagName("header")[0]
    required = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang")
    for name in (*required, "srclang", "datatype"):
        assert header.getAttribute(name), name
    assert header.getAttribute("srclang") == "vi" and header.getAttribute("segtype") == "sentence"
    tus = root.getElementsByTagName("tu")
    assert len(tus) == len(UNITS)
    for tu in tus:
        for date in ("creationdate", "changedate"):
            assert len(tu.getAttribute(date)) == 16 and tu.getAttribute(date).endswith("Z")
        props = tu.getElementsByTagName("prop")
        assert props[0].getAttribute("type") == "x-origin"
        tuvs = tu.getElementsByTagName("tuv")
        assert [t.getAttribute("xml:lang") for t in tuvs] == ["vi", "en"]
        assert all(len(t.getElementsByTagName("seg")) == 1 for t in tuvs)
    seg = root.getElementsByTagName("seg")[5]
    assert "".join(n.data for n in seg.childNodes) == "Line\tone\r\ntwo"


def test_libxml2_reads_our_tmx_as_we_do(tmp_path: Path) -> None:
    """A reader sharing no code with ours (libxml2, through lxml) finds the same units."""
    etree = pytest.importorskip("lxml.etree")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(exported(UNITS), parser)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "vi"
    found = []
    for tu in root.iter("tu"):
        variants = {tuv.get(lang): tuv.findtext("seg") for tuv in tu.iter("tuv")}
        origin = tu.findtext("prop[@type='x-origin']")
        found.append((variants["vi"], variants["en"], origin))
    assert found == [(u.source, u.target, u.origin) for u in UNITS]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20),
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_libxml2_parses_any_text_we_export_to_what_we_read_back(
    pairs: list[tuple[str, str]],
) -> None:
    etree = pytest.importorskip("lxml.etree")
    units = [Unit(s, t, "x.po:1") for s, t in pairs]
    data = exported(units)
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    theirs = [seg.text or "" for seg in root.iter("seg")]
    report = ReadReport()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.tmx"
        path.write_bytes(data)
        ours = list(read_units(path, source_lang="vi", target_lang="en", report=report))
    # A unit with a blank side is skipped by our reader (and counted), never changed.
    expected = [(a, b) for a, b in zip(theirs[::2], theirs[1::2], strict=True)]
    assert [(u.source, u.target) for u in ours] == [
        (a, b) for a, b in expected if a.strip() and b.strip()
    ]
    assert len(ours) + report.empty == len(units)


def test_translate_import_of_a_tmx_points_to_tm_import(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "team.tmx"
    path.write_bytes(exported(UNITS))
    result = cli("import", str(path))
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {path}: ") and f"translate tm import {path}" in lines[0]


def test_omegat_file_with_its_doctype_imports(tmp_path: Path) -> None:
    units, _ = read(DATA / "omegat-project_save.tmx")
    assert [(u.source, u.target, u.reviewer) for u in units] == [
        (
            "\n        Hà Nội là thủ đô của Việt Nam.\n      ".strip(),
            "Hanoi is the capital of Vietnam.",
            "Lan",
        )
    ]
    assert units[0].changed == 1610882698


def test_okapi_file_inline_codes_reduced_and_counted(tmp_path: Path) -> None:
    units, report = read(DATA / "okapi-rainbow.tmx")
    assert [(u.source, u.target) for u in units] == [
        ("Nhấn Lưu để tiếp tục.", "Click Save to continue.")
    ]
    assert report.inline_codes == 1 and report.no_target == 1
    assert "1 unit had inline markup" in report.warnings("okapi.tmx", "en")[0]


def test_trados_style_all_languages_header_and_codes(tmp_path: Path) -> None:
    units, report = read(DATA / "trados-style.tmx")
    assert [(u.source, u.target) for u in units] == [
        ("Xem trang 12.", "See page 12."),
        ("Bấm đây.", "Click here."),
    ]
    assert report.inline_codes == 2
    assert units[0].reviewer == "CORP\\minh" and units[0].changed == 1580638210


def test_translate_toolkit_wrong_srclang_still_imports(tmp_path: Path) -> None:
    units, _ = read(DATA / "translate-toolkit-po2tmx.tmx")
    assert [(u.source, u.target) for u in units] == [("Xin cảm ơn ông!", "Thank you, sir!")]
    assert units[0].origin.endswith("po2tmx.tmx:2")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header srclang="vi"/><body><tu><tuv xml:lang="vi"><seg>&lol3;</seg>
</tuv></tu></body></tmx>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header srclang="vi"/><body><tu><tuv xml:lang="vi"><seg>&secret;</seg>
</tuv></tu></body></tmx>
"""
HEADER = '<tmx version="1.4"><header srclang="vi"/><body>'
BAD = {
    "billion-laughs": (BILLION_LAUGHS, "line 2: refused a DOCTYPE with an internal subset"),
    "external-entity": (EXTERNAL, "line 2: refused a DOCTYPE with an internal subset"),
    "undeclared-entity": (
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + HEADER + '<tu><tuv xml:lang="vi"><seg>&x;</seg>',
        "line 2: refused a reference to the undeclared entity &x;",
    ),
    "not-xml": ("this is not XML\n", "line 1: not well-formed XML (syntax error)"),
    "truncated": (HEADER + "<tu>\n<tuv", "line 2: not well-formed XML"),
    "wrong-root": ('<xliff version="1.2"/>', "the root element is <xliff>, not <tmx>"),
    "no-srclang": (
        '<tmx version="1.4">\n<header/><body/></tmx>',
        "line 2: the <header> has no srclang",
    ),
    "no-source-variant": (
        HEADER + '\n<tu><tuv xml:lang="en"><seg>Hi</seg></tuv></tu></body></tmx>',
        "line 2: the <tu> has no vi variant (languages: en)",
    ),
    "no-header": ('<tmx version="1.4"><body/></tmx>', "no <header>"),
    # expat asks Python for the declared codec: an unknown one, or one that is not text.
    "unknown-encoding": (
        '<?xml version="1.0" encoding="bogus"?>\n' + HEADER + "</body></tmx>",
        "names an encoding that cannot be read (unknown encoding: bogus); save it as UTF-8",
    ),
    "non-text-codec": (
        '<?xml version="1.0" encoding="rot13"?>\n' + HEADER + "</body></tmx>",
        "names an encoding that cannot be read ('rot13' is not a text encoding",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_malformed_and_hostile_tmx_refused_memory_untouched(
    case: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    text, message = BAD[case]
    good = tmp_path / "good.tmx"
    good.write_bytes(exported(UNITS))
    memory = tmp_path / "memory.sqlite"
    assert cli("tm", "import", "--tm", str(memory), str(good)).exit_code == 0
    before = [*Memory.open(memory).units()]
    # A good unit before the bad part: the whole import must still be undone.
    bad = write(tmp_path, f"{case}.tmx", text)
    result = cli("tm", "import", "--tm", str(memory), str(bad))
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bad}: "), result.stderr
    assert message in lines[0]
    with Memory.open(memory) as after:
        assert [*after.units()] == before
    # A fresh memory file is not left behind by a refused import.
    fresh = tmp_path / "fresh.sqlite"
    assert cli("tm", "import", "--tm", str(fresh), str(bad)).exit_code == 2
    assert not fresh.exists()


def test_bad_unit_after_good_ones_rolls_back_the_import(tmp_path: Path) -> None:
    text = HEADER + '<tu><tuv xml:lang="vi"><seg>Một.</seg></tuv>'
    text += '<tuv xml:lang="en"><seg>One.</seg></tuv></tu>'
    text += '\n<tu><tuv xml:lang="en"><seg>Two.</seg></tuv></tu></body></tmx>'
    path = write(tmp_path, "half.tmx", text)
    with Memory.open(tmp_path / "m.sqlite", create=True) as memory:
        with pytest.raises(UserError, match="line 2"):
            memory.add(read_units(path, source_lang="vi", target_lang="en"), 0)
        assert memory.stats().units == 0


def test_cli_export_import_round_trip(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    first = tmp_path / "first.sqlite"
    with Memory.open(first, create=True) as memory:
        memory.add(UNITS, 1_700_000_000)
    out = tmp_path / "out.tmx"
    result = cli("tm", "export", "--tm", str(first), "-o", str(out))
    assert result.exit_code == 0 and "3 units written" in result.stderr
    second = tmp_path / "second.sqlite"
    result = cli("tm", "import", "--tm", str(second), str(out))
    assert result.exit_code == 0 and "3 added" in result.stderr
    with Memory.open(second) as memory:
        assert list(memory.units()) == UNITS
    # Importing again changes nothing.
    result = cli("tm", "import", "--tm", str(second), str(out))
    assert "0 added, 0 changed, 3 unchanged" in result.stderr


def test_cli_export_says_which_units_lost_control_characters(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    # XML 1.0 cannot carry U+0007 even as a reference: written as U+FFFD, and said so.
    path = tmp_path / "m.sqlite"
    bell = Unit("Chuông\x07 reo.", "The bell\x07 rings.", "c.po:2", None, None, 1, 1)
    with Memory.open(path, create=True) as memory:
        memory.add([*UNITS, bell], 1_700_000_000)
    out = tmp_path / "out.tmx"
    result = cli("tm", "export", "--tm", str(path), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert warnings == [
        f"Warning: {out}: 1 unit held control characters that XML 1.0 cannot carry; they "
        "were written as U+FFFD (the memory keeps the originals)"
    ]
    assert "4 units written" in result.stderr
    units, _ = read(out)
    assert units[-1].source == "Chuông\ufffd reo." and len(units) == 4
    # Without such characters the export says nothing more.
    clean = tmp_path / "clean.sqlite"
    with Memory.open(clean, create=True) as memory:
        memory.add(UNITS, 1_700_000_000)
    result = cli("tm", "export", "--tm", str(clean), "-o", str(tmp_path / "c.tmx"))
    assert "Warning" not in result.stderr
