"""Round 14's hostile pass on untrusted input: each test is a defect found by attacking the
CLI with generated files (see the commit that added it), kept so it stays fixed."""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from argos_fixture import CliResult, one_error
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.errors import UserError
from translate.formats import read_markup
from translate.formats.rebuild import export_markup
from translate.pofile import parse
from translate.sheet import plan_import
from translate.xliff import parse_xliff

_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
    '<file original="a.po" source-language="vi" target-language="en" datatype="po"><body>'
    '<trans-unit id="1"><source>Ông <g id="1">Nguyễn</g> nói.</source>'
    "<target>{target}</target></trans-unit></body></file></xliff>"
)


def test_an_xliff_target_nested_thousands_deep_is_read_without_recursion() -> None:
    # The XML parser reads 20,000 nested <g> happily; the placeholder walk recursed and
    # ended in a RecursionError traceback (`translate import deep.xlf`).
    depth = 20_000
    target = '<g id="1">' * depth + escape("Mr <Nguyen>") + "</g>" * depth + " said."
    (file,) = parse_xliff(_XLIFF.format(target=target), "deep.xlf")
    (unit,) = file.units
    assert unit.target == "<1>" * depth + "Mr <Nguyen>" + "</1>" * depth + " said."


def test_inline_elements_read_as_before_text_tails_and_unknown_elements() -> None:
    target = (
        'A <g id="2">b <x id="3"/>c</g> d<bx id="4"/>e<ex id="4"/>'
        '<mrk mtype="seg">f <g id="x">g</g></mrk> h<x id="y">i</x>j'
    )
    (file,) = parse_xliff(_XLIFF.format(target=target), "a.xlf")
    assert file.units[0].target == "A <2>b <3/>c</2> d<4>e</4>f g hij"
    assert file.units[0].source == "Ông <1>Nguyễn</1> nói."


# -- HTML: a <meta charset> is checked against the bytes as they were decoded ------------------

_PAGE = '<html><head><meta charset="{label}"></head><body><p>Xin chào các bạn.</p></body></html>\n'


def test_a_utf16_page_that_declares_utf16_round_trips(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its byte-order mark and its declaration agree (browsers read it so, export writes it
    # so), yet it was refused as "not UTF-8" with advice to run iconv from UTF-16.
    monkeypatch.chdir(tmp_path)
    raw = codecs.BOM_UTF16_LE + _PAGE.format(label="UTF-16").encode("utf-16-le")
    Path("page.html").write_bytes(raw)
    assert cli("run", "--no-mt", "-q", "page.html").exit_code == 0
    result = cli("export", "locales/en/page.po", "-o", "page.en.html")
    assert result.exit_code == 0, result.stderr
    assert Path("page.en.html").read_bytes() == raw


@pytest.mark.parametrize(
    ("label", "encoding", "advice"),
    [
        ("", "utf-8", 'which names no encoding .* declare <meta charset="utf-8">'),
        ("x-bogus", "utf-8", "which names no encoding"),
        ("utf-16", "utf-8", "its bytes are UTF-8; change the declaration to <meta"),
        ("utf-8", "utf-16-le", None),  # as before: the byte-order mark decides
        ("utf-16le", "utf-16-le", None),
        ("windows-1258", "utf-8", r"iconv -f windows-1258 -t UTF-8"),
        ("windows-1258", "cp1258", r"iconv -f windows-1258 -t UTF-8"),  # export writes UTF-8
    ],
)
def test_a_meta_charset_is_refused_with_the_fix_that_fits(
    label: str, encoding: str, advice: str | None
) -> None:
    page = _PAGE.format(label=label)
    if advice is None:
        read_markup(page, path="page.html", kind="html", encoding=encoding)
        return
    with pytest.raises(UserError, match=rf"^page\.html: the page declares .*{advice}"):
        read_markup(page, path="page.html", kind="html", encoding=encoding)


# -- export: the source its references name is not a regular file -----------------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_export_names_a_source_that_is_no_regular_file(
    kind: str, cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It said "source document … not found; run from the folder where `translate run` ran":
    # wrong, the file is there, and the advice sends the user looking elsewhere.
    monkeypatch.chdir(tmp_path)
    Path("page.html").write_text("<p>Xin chào các bạn.</p>\n", encoding="utf-8")
    assert cli("run", "--no-mt", "-q", "page.html").exit_code == 0
    Path("page.html").unlink()
    if kind == "fifo":
        os.mkfifo("page.html")
    elif kind == "device":
        os.symlink(os.devnull, "page.html")
    else:
        os.mkdir("page.html")
    result = cli("export", "locales/en/page.po", "-o", "page.en.html")
    one_error(result, "page.html", "not a regular file")
    assert not Path("page.en.html").exists()


def test_an_xliff_2_file_is_refused_as_such() -> None:
    # It was read as files without units and refused as naming "no catalogue found".
    xliff2 = (
        '<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
        'version="2.0" srcLang="vi" trgLang="en"><file id="f" original="a.po"><unit id="1">'
        "<segment><source>Xin chào.</source><target>Hello.</target></segment></unit></file>"
        "</xliff>"
    )
    with pytest.raises(UserError, match=r"^a\.xlf: XLIFF 2\.0; .* export it .* as XLIFF 1\.2"):
        parse_xliff(xliff2, "a.xlf")


# -- round trips over a hostile alphabet ---------------------------------------------------------
# The generated-document tests elsewhere draw from a page's usual pieces; these also draw raw
# text elements left open, references without their semicolon or out of range, CR-only and
# CRLF line ends, a BOM and combining marks in the text, text that looks like placeholders.

_COMMON = ["Xin", " chào", ".", "?", " ", "\n", "\r", "\r\n", "\t", "\u00a0", "\ufeff", "\u0300"]
_COMMON += ["TP.", "<1>", "</1>", "<2/>", "⟦1⟧", "&nbsp;", "&nbsp", "&amp;", "&#0;", "&#x110000;"]
_HTML_PIECES = [
    *_COMMON,
    "<p>", "</p>", "<b>", "</b>", "<a href='x'>", "</a>", "<br>", "<div>", "</div>", "<li>",
    "<td>", "<table>", "</table>", "<!--", "-->", "<script>", "</script>", "<style>",
    "<![CDATA[", "]]>", "<img alt='Ảnh'>", "<title>", "</title>", "<textarea>", "<pre>",
    "<code>", "</code>", "<span translate='no'>", "</span>", "<nav>", "<select>", "<option>",
    "<input type=submit value='Gửi'>", "<html lang='vi'>", "<svg>", "<math>", "<template>",
    "<plaintext>", "<xmp>", "<?x?>", "<!DOCTYPE html>", "</", "<", ">", "'", '"', "=", "&",
]  # fmt: skip
_MARKDOWN_PIECES = [
    *_COMMON,
    "# ", "## ", "*", "**", "_", "`", "```", "~~~", "~~", "[", "]", "(", ")", "![", "](u)",
    "[x]: /u 'T'\n", "[x]", "<b>", "</b>", "<div>", "<!--", "-->", "<code>", "\\", "\\|", "|",
    "|---|", "---", "+++", "===", "> ", "- ", "1. ", "    ", "\n\n", "[^1]", "[^1]: x\n",
    "- [ ] ", "<http://a.b>", "{#id}", "  \n", "\\\n", "<kbd>", "&lt;",
]  # fmt: skip


def _hostile_round_trip(text: str, kind: str) -> None:
    try:
        page = read_markup(text, path=f"page.{'html' if kind == 'html' else 'md'}", kind=kind)
    except UserError:
        return  # one Error line is a promise kept too
    identity = {s.message: s.message for s in page.document.segments}
    assert export_markup(page, identity).result.text == text
    translated = {s.message: "EN " + s.message for s in page.document.segments}
    export_markup(page, translated)  # every placeholder kept: must rebuild without raising


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=40).map("".join))
def test_hostile_html_round_trips(text: str) -> None:
    _hostile_round_trip(text, "html")


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(st.sampled_from(_MARKDOWN_PIECES), max_size=40).map("".join))
def test_hostile_markdown_round_trips(text: str) -> None:
    _hostile_round_trip(text, "markdown")


# -- review sheets: one entry given two targets ---------------------------------------------------


def test_a_sheet_giving_one_entry_two_targets_imports_the_first_and_says_so() -> None:
    # The later row silently replaced the earlier one: one person's translation was lost.
    catalogue = parse(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Xin chào."\nmsgstr ""\n',
        "a.po",
    )
    row = {"catalogue": "a.po", "source": "Xin chào.", "digest": "sha1:da39a3ee"}
    records = [{**row, "target": "Hello."}, {**row, "target": "Hi."}, {**row, "target": "Hello."}]
    plan = plan_import(records, {"a.po": catalogue})
    assert [change.msgstr for change in plan.changes] == ["Hello."]
    assert plan.skipped == (
        "row 3: 'Xin chào.' was given another target in row 2; that one is imported, this one "
        "is not",
    )


# -- the translation journal beside a catalogue ---------------------------------------------------


def test_a_journal_line_nested_past_the_json_depth_is_skipped(tmp_path: Path) -> None:
    # json.loads raises RecursionError, not ValueError: the next run with a model ended in
    # a traceback instead of asking the model again for what the line would have held.
    from translate import journal

    key = "a pkg 1 beam=4 alternatives=0"
    good = json.dumps({"key": key, "source": "câu", "text": "sentence", "score": -0.5})
    path = tmp_path / "doc.po.mt-journal"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + good + "\n", encoding="utf-8")
    assert set(journal.read(path, key)) == {"câu"}


def test_a_marian_decoder_yml_nested_past_the_parser_depth_gets_one_line(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    # PyYAML's composer recurses: a hostile release's decoder.yml raised RecursionError.
    folder = tmp_path / "opus-release"
    folder.mkdir()
    (folder / "decoder.yml").write_text("models: " + "[" * 100_000 + "]" * 100_000 + "\n")
    for name in ("model.npz", "source.spm", "target.spm", "opus.vocab.yml"):
        (folder / name).write_bytes(b"x")
    result = cli("models", "build", str(folder), "--from", "vi", "--to", "en", "-o", "x.argosmodel")
    one_error(result, "decoder.yml")
