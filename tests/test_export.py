"""`translate export`: the source layout with reviewed translations in place of segments."""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from translate.cli import main
from translate.document import BreakKind, Document
from translate.errors import UserError
from translate.export import (
    ExportOptions,
    export_catalogue,
    export_document,
    reference_file,
    source_from_references,
    usable_translations,
)
from translate.legacyfont import legacy_font_encoding
from translate.pofile import Message, PoFile
from translate.segment import segment_text

SOURCE = (
    "Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số\n"
    "\n"
    "Tuần lễ chuyển đổi số diễn ra trong 2 ngày. Sự kiện thu hút hơn 50 diễn giả.\n"
    "\n"
    "  Thưa ông, năm nay có gì đặc biệt?\n"
)


def build_catalogue(
    path: Path,
    document: Document,
    translate: Callable[[str], str],
    *,
    fuzzy: Callable[[str], bool] = lambda message: False,
) -> Path:
    """A catalogue for ``document`` as `translate run` lays it out (one entry per message)."""
    catalogue = polib.POFile(wrapwidth=79)
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    entries: dict[str, polib.POEntry] = {}
    for segment in document.segments:
        message = segment.message
        if message not in entries:
            entries[message] = polib.POEntry(
                msgid=message,
                msgstr=translate(message),
                flags=["fuzzy"] if fuzzy(message) and translate(message) else [],
            )
            catalogue.append(entries[message])
        entries[message].occurrences.append((document.path, str(segment.line)))
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return path


def write_source(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))  # bytes: line endings exactly as given
    return path


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    captured = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


ENGLISH = {
    "Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số": "Towards a unified ecosystem",
    "Tuần lễ chuyển đổi số diễn ra trong 2 ngày.": "The week lasts two days.",
    "Sự kiện thu hút hơn 50 diễn giả.": "It draws over 50 speakers.",
    "Thưa ông, năm nay có gì đặc biệt?": "Sir, what is special this year?",
}


def test_reviewed_translations_replace_segments_in_the_source_layout() -> None:
    document = segment_text(SOURCE, path="doc.vi.txt")
    assert [segment.message for segment in document.segments] == list(ENGLISH)
    result = export_document(document, ENGLISH)
    assert result.text == (
        "Towards a unified ecosystem\n"
        "\n"
        "The week lasts two days. It draws over 50 speakers.\n"
        "\n"
        "  Sir, what is special this year?\n"
    )
    assert (result.segments, result.translated, result.kept, result.missing) == (4, 4, 0, ())


def test_fuzzy_only_with_include_fuzzy(tmp_path: Path) -> None:
    source = write_source(tmp_path / "doc.vi.txt", SOURCE)
    document = segment_text(SOURCE, path=str(source))
    po = build_catalogue(
        tmp_path / "en" / "doc.po",
        document,
        lambda message: ENGLISH[message] if "50" not in message else "It draws 50 speakers.",
        fuzzy=lambda message: "50" in message,
    )
    result, _ = export_catalogue(po)
    assert "Sự kiện thu hút hơn 50 diễn giả." in result.text
    assert [(item.line, item.in_catalogue) for item in result.missing] == [(3, True)]
    with_fuzzy, _ = export_catalogue(po, options=ExportOptions(include_fuzzy=True))
    assert "It draws 50 speakers." in with_fuzzy.text and with_fuzzy.missing == ()


def test_copy_restores_hard_wrapped_line_breaks() -> None:
    text = "Đây là một câu rất dài được ngắt dòng\ngiữa chừng bởi trình soạn thảo.\n"
    document = segment_text(text, line_breaks="wrap")
    (segment,) = document.segments
    assert segment.message != segment.text  # the msgid has a space where the source wraps
    result = export_document(document, {segment.message: segment.message})
    assert result.text == text and result.kept == 1


def test_messages_are_looked_up_as_the_catalogue_writes_them() -> None:
    # A PO string cannot hold EOT (the msgctxt separator): `translate run` writes U+FFFD.
    document = segment_text("Một\x04hai.\n")
    result = export_document(document, {"Một\ufffdhai.": "One two."})
    assert result.text == "One two.\n"


def test_missing_and_unknown_segments_keep_source_text() -> None:
    document = segment_text(SOURCE)
    translations = {"Tuần lễ chuyển đổi số diễn ra trong 2 ngày.": "The week lasts two days."}
    known = frozenset([*translations, "Sự kiện thu hút hơn 50 diễn giả."])
    result = export_document(document, translations, known)
    assert result.text == SOURCE.replace(
        "Tuần lễ chuyển đổi số diễn ra trong 2 ngày.", "The week lasts two days."
    )
    assert [(item.line, item.in_catalogue) for item in result.missing] == [
        (1, False),
        (3, True),
        (5, False),
    ]
    assert result.not_in_catalogue == 2


def test_usable_translations_skip_obsolete_and_empty() -> None:
    catalogue = PoFile(
        messages=(
            Message("Một", "One"),
            Message("Hai", ""),
            Message("Ba", "Three", fuzzy=True),
            Message("Bốn", "Four", obsolete=True),
        )
    )
    usable, known = usable_translations(catalogue)
    assert usable == {"Một": "One"}
    assert known == {"Một", "Hai", "Ba"}
    assert usable_translations(catalogue, include_fuzzy=True)[0] == {"Một": "One", "Ba": "Three"}


def test_source_from_references() -> None:
    with pytest.raises(UserError, match="no `#:` source references"):
        source_from_references(PoFile(), "x.po")
    one = Message("Một", "One", references=("seeds/a.vi.txt:1", "seeds/a.vi.txt:9"))
    assert source_from_references(PoFile(messages=(one,)), "x.po") == "seeds/a.vi.txt"
    bare = Message("Hai", "Two", references=("notes.txt",))
    assert source_from_references(PoFile(messages=(bare,)), "x.po") == "notes.txt"
    with pytest.raises(UserError, match="2 source files"):
        source_from_references(PoFile(messages=(one, bare)), "x.po")
    assert reference_file("C:/docs/a.txt:12") == "C:/docs/a.txt"


def test_export_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    source = write_source(Path("seeds") / "doc.vi.txt", SOURCE.replace("\n", "\r\n"))
    document = segment_text(source.read_bytes().decode("utf-8"), path=str(source))
    po = build_catalogue(Path("locales") / "en" / "doc.po", document, ENGLISH.__getitem__)
    before = po.read_bytes()

    code, out, err = run_main(["export", str(po), "-o", "out/doc.en.txt"], capsys)
    assert (code, out) == (0, "")
    assert Path("out/doc.en.txt").read_bytes() == (
        b"Towards a unified ecosystem\r\n\r\nThe week lasts two days. It draws over 50 "
        b"speakers.\r\n\r\n  Sir, what is special this year?\r\n"
    )
    assert err == (
        "exported 4 segments of seeds/doc.vi.txt: 4 translated, 0 kept as in the source, "
        "0 without a usable translation (left in the source language)\n"
    )
    assert po.read_bytes() == before  # the catalogue is only read

    code, out, _ = run_main(["export", str(po)], capsys)
    assert code == 0 and out.startswith("Towards a unified ecosystem\r\n")

    # A pipe is written to, not replaced by a regular file.
    os.mkfifo("pipe")
    with ThreadPoolExecutor(1) as pool:
        received = pool.submit(Path("pipe").read_bytes)
        code, _, _ = run_main(["export", str(po), "-o", "pipe"], capsys)
        assert code == 0 and received.result(timeout=30).startswith(b"Towards")
    assert stat.S_ISFIFO(os.stat("pipe").st_mode)


@pytest.mark.parametrize(
    ("data", "options"),
    [
        (codecs.BOM_UTF8 + SOURCE.encode("utf-8"), []),
        (codecs.BOM_UTF16_LE + SOURCE.replace("\n", "\r\n").encode("utf-16-le"), []),
        (codecs.BOM_UTF16_BE + SOURCE.encode("utf-16-be"), []),
        (codecs.BOM_UTF32_LE + SOURCE.encode("utf-32-le"), []),
        (SOURCE.encode("utf-16-le"), ["--encoding", "utf-16-le"]),  # no mark: none added
        (SOURCE.encode("utf-16"), ["--encoding", "utf-16"]),
    ],
    ids=[
        "utf-8-bom",
        "utf-16-le-bom-crlf",
        "utf-16-be-bom",
        "utf-32-le-bom",
        "utf-16-le",
        "utf-16",
    ],
)
def test_export_gives_a_unicode_source_back_in_its_encoding(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    options: list[str],
) -> None:
    """Every msgstr equal to its msgid: the exported bytes are the source's, mark and all."""
    monkeypatch.chdir(tmp_path)
    source = Path("doc.vi.txt")
    source.write_bytes(data)
    code, _, err = run_main(["run", "--no-mt", "-q", *options, str(source)], capsys)
    assert code == 0, err
    po = Path("locales/en/doc.po")
    catalogue = polib.pofile(str(po))
    for entry in catalogue:
        entry.msgstr = entry.msgid
    catalogue.save()
    code, _, err = run_main(["export", str(po), *options, "-o", "doc.out.txt"], capsys)
    assert code == 0, err
    assert Path("doc.out.txt").read_bytes() == data
    assert "written as UTF-8" not in err


def test_export_of_a_legacy_code_page_source_is_utf8_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    source = Path("doc.vi.txt")
    source.write_bytes("Xin chào các anh.\n".encode("cp1258"))
    assert run_main(["run", "--no-mt", "-q", "--encoding", "cp1258", str(source)], capsys)[0] == 0
    po = Path("locales/en/doc.po")
    catalogue = polib.pofile(str(po))
    catalogue[0].msgstr = "Hello — everyone."  # cp1258 has no byte for the em dash
    catalogue.save()
    code, _, err = run_main(["export", str(po), "--encoding", "cp1258", "-o", "doc.en.txt"], capsys)
    assert code == 0
    assert Path("doc.en.txt").read_bytes() == "Hello — everyone.\n".encode()
    assert "doc.vi.txt was read as cp1258; the English document is written as UTF-8" in err


def test_strict_export_fails_listing_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    source = write_source(Path("doc.vi.txt"), SOURCE)
    document = segment_text(SOURCE, path=str(source))
    po = build_catalogue(Path("doc.po"), document, lambda m: "" if "ông" in m else ENGLISH[m])
    code, out, err = run_main(["export", "--strict", str(po), "-o", "out.txt"], capsys)
    assert code == 1 and out == ""
    assert err == (
        "Error: 1 segment has no usable translation; review them (or pass --include-fuzzy to "
        "accept machine translations):\n  doc.vi.txt:5: Thưa ông, năm nay có gì đặc biệt?\n"
    )
    assert not Path("out.txt").exists()
    code, _, _ = run_main(["export", str(po), "-o", "out.txt"], capsys)
    assert code == 0 and Path("out.txt").read_text(encoding="utf-8").endswith(
        "  Thưa ông, năm nay có gì đặc biệt?\n"
    )


def test_export_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    document = segment_text(SOURCE, path="gone/doc.vi.txt")
    po = build_catalogue(Path("doc.po"), document, ENGLISH.__getitem__)
    code, _, err = run_main(["export", str(po)], capsys)
    assert code == 2 and "gone/doc.vi.txt: source document" in err and "--source" in err
    code, _, err = run_main(["export", "missing.po"], capsys)
    assert code == 2 and err == "Error: missing.po: no such catalogue file\n"
    write_source(Path("other.txt"), "Một văn bản khác hẳn.\n")
    code, _, err = run_main(["export", str(po), "--source", "other.txt", "-o", "x.txt"], capsys)
    assert code == 0 and "1 segments of other.txt have no entry in doc.po" in err


# Text with Vietnamese words, numbers, punctuation, abbreviations, odd spacing and every
# line-ending style: the cases where rebuilding could lose or move a character.
PIECES = st.sampled_from(
    [
        "Huế",
        "chuyển đổi số",
        "TP.HCM",
        "PGS.TS.",
        "900.000",
        "3,5%",
        "12/11/2023",
        "7h30",
        "“Dữ liệu sống”",
        "sản phẩmThích ứng",
        "Return to top",
        ".",
        "?",
        "…",
        ",",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u00a0",
        "https://hue.gov.vn",
    ]
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=40).map("".join),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\r\t"),
        max_size=200,
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(TEXTS)
def test_identity_catalogue_reproduces_the_source(tmp_path: Path, raw: str) -> None:
    text = unicodedata.normalize("NFC", raw).lstrip("\ufeff")
    # read_source refuses text that looks typed in a legacy Vietnamese font encoding.
    assume(legacy_font_encoding(text) is None)
    source = write_source(tmp_path / "doc.vi.txt", text)
    document = segment_text(text, path=str(source))
    po = build_catalogue(tmp_path / "doc.po", document, lambda message: message)
    result, _ = export_catalogue(po, str(source))
    assert result.text == text
    assert result.missing == ()

    # Every segment replaced by a marker: the gaps between them come through untouched, except
    # that a translated part of a repaired scrape join is separated from its neighbour.
    markers = {segment.message: f"<{index}>" for index, segment in enumerate(document.segments)}
    marked = export_document(document, markers)
    gaps = list(document.gaps())
    after_join = [False] + [s.break_kind is BreakKind.JOIN for s in document.segments]
    expected = "".join(
        (" " if joined and gap == "" else gap) + markers[segment.message]
        for gap, segment, joined in zip(gaps, document.segments, after_join, strict=False)
    )
    assert marked.text == expected + gaps[-1]


def test_round_trip_through_translate_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`translate run --no-mt`, a reviewer who keeps every source sentence, then export and
    check: the document comes back byte for byte, and check flags every Vietnamese copy."""
    from dataclasses import replace

    from translate import pofile

    (seed,) = (Path(__file__).parents[1] / "seeds").glob("*.vi.txt")
    monkeypatch.chdir(tmp_path)
    source = write_source(Path("seeds") / seed.name, seed.read_text(encoding="utf-8"))
    code, _, err = run_main(["run", "--no-mt", str(source)], capsys)
    assert code == 0, err
    (po_path,) = Path("locales/en").glob("*.po")
    catalogue = pofile.read(po_path)
    kept = replace(
        catalogue,
        messages=tuple(replace(m, msgstr=m.msgid, fuzzy=False) for m in catalogue.messages),
    )
    po_path.write_text(pofile.serialize(kept), encoding="utf-8")

    code, out, _ = run_main(["export", str(po_path)], capsys)
    assert code == 0 and out == seed.read_text(encoding="utf-8")

    vietnamese = [
        m for m in catalogue.messages if not any(c.startswith("copy:") for c in m.comments)
    ]
    code, out, _ = run_main(["check", "--no-msgfmt", "locales"], capsys)
    assert code == 1
    # `Chủ Nhật, 12/11/2023 07:26` has only capitalised words, which check takes for a name.
    flagged = out.count(": untranslated: msgstr is a copy of the Vietnamese msgid")
    assert flagged == len(vietnamese) - 1


def test_translated_parts_of_a_scrape_join_are_separated_by_a_space() -> None:

    from translate.export import export_document
    from translate.segment import segment_text

    document = segment_text("Chuyển đổi số để tăng chất lượng sản phẩmThích ứng chuyển đổi số\n")
    assert document.segments[0].break_kind is BreakKind.JOIN
    first, second = (s.message for s in document.segments)
    identity = export_document(document, {first: first, second: second})
    assert identity.text == document.text
    translated = export_document(document, {first: "Digital shift", second: second})
    assert translated.text == "Digital shift " + document.segments[1].text + "\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("doc.vi.txt", "Xin chào.\n\nTuần lễ kéo dài hai ngày.\n"),
        ("page.vi.html", "<p>Xin chào <b>các bạn</b>.</p>\n"),
        ("notes.vi.md", "# Tiêu đề\n\nXin chào **các bạn**.\n"),
    ],
)
def test_a_source_with_a_byte_order_mark_is_exported_with_it(
    name: str,
    text: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert run_main(["run", "--no-mt", name], capsys)[0] == 0
    (po_path,) = Path("locales/en").glob("*.po")
    catalogue = polib.pofile(str(po_path))
    for entry in catalogue:
        entry.msgstr = entry.msgid
    catalogue.save()
    assert run_main(["export", str(po_path), "-o", "out"], capsys)[0] == 0
    assert Path("out").read_bytes() == Path(name).read_bytes()
