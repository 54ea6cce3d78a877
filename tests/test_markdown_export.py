"""Markdown export of translated text: what a translator writes stays text, whatever it starts
with, and the page keeps its block structure."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_shape import same_markdown_structure
from pytest import MonkeyPatch

from translate.formats import read_markup
from translate.formats.rebuild import export_markup

SOURCE = (
    "Câu một của đoạn.\nCâu hai của đoạn.\n\n> Trích dẫn.\n\n- Mục một.\n\n1. Bước đầu.\n\n"
    "Đoạn có `mã` ở giữa.\n"
)


def _export(text: str, translate: dict[str, str]) -> str:
    page = read_markup(text, path="page.md", kind="markdown")
    return export_markup(page, translate).result.text


def test_a_block_marker_a_translator_writes_at_a_line_start_stays_text() -> None:
    out = _export(
        SOURCE,
        {
            "Câu hai của đoạn.": "# Second sentence.",
            "Trích dẫn.": "- Quoted.",
            "Mục một.": "1) Item one.",
            "Bước đầu.": "    + First step.",
            "Đoạn có <1/> ở giữa.": "1. A paragraph # with <1/> inside.",
        },
    )
    assert out == (
        "Câu một của đoạn.\n\\# Second sentence.\n\n> \\- Quoted.\n\n- 1\\) Item one.\n\n"
        "1. \\+ First step.\n\n1\\. A paragraph # with `mã` inside.\n"
    )
    same_markdown_structure(SOURCE, out)


def test_a_line_break_in_a_msgstr_cannot_end_the_paragraph() -> None:
    out = _export(SOURCE, {"Câu một của đoạn.": "Sentence one.\n\n## Not a heading"})
    assert out.startswith("Sentence one. ## Not a heading\nCâu hai của đoạn.\n")
    same_markdown_structure(SOURCE, out)


def test_a_marker_in_the_middle_of_a_line_is_left_as_written() -> None:
    out = _export("Câu một. Câu hai.\n", {"Câu hai.": "# 2. - two"})
    assert out == "Câu một. # 2. - two\n"


_OPENERS = st.sampled_from(
    ["", "# ", "###### ", "- ", "+ ", "* ", "1. ", "12) ", "> ", "    ", "\t", "=", "---", "```"]
)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(_OPENERS, st.sampled_from(["", "\n", "\n\n", " \n- "])), min_size=5))
def test_whatever_the_msgstrs_begin_with_the_blocks_stay(
    shapes: list[tuple[str, str]],
) -> None:
    page = read_markup(SOURCE, path="page.md", kind="markdown")
    translations = {
        segment.message: f"{opener}EN{brk}text {segment.message}"
        for segment, (opener, brk) in zip(page.document.segments, shapes, strict=False)
    }
    same_markdown_structure(SOURCE, export_markup(page, translations).result.text)


def test_export_reads_the_source_as_the_run_did(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    """`translate run --input-format markdown page.html`: export, without the option, reads the
    page as Markdown again (the catalogue records it), so its translations are used."""
    import polib

    from translate import pipeline
    from translate.export import ExportOptions, export_catalogue
    from translate.source import SegmentOptions

    monkeypatch.chdir(tmp_path)
    Path("page.html").write_text("# Tài liệu\n\nTrang có **tài liệu** mới.\n", encoding="utf-8")
    options = pipeline.RunOptions(
        use_mt=False, segmentation=SegmentOptions(input_format="markdown")
    )
    pipeline.run(["page.html"], options)
    catalogue = polib.pofile("locales/en/page.po")
    catalogue.find("Tài liệu").msgstr = "Documents"
    catalogue.save()
    result, _ = export_catalogue("locales/en/page.po")
    assert result.text == "# Documents\n\nTrang có **tài liệu** mới.\n"
    as_html = ExportOptions(segmentation=SegmentOptions(input_format="html"))
    assert export_catalogue("locales/en/page.po", options=as_html)[0].translated == 0


def test_a_reference_link_named_by_its_text_keeps_its_definition() -> None:
    """`[Trang chủ][]` and `[Tin tức]` find their definitions by their text: translated, they
    are written as full references with the source's label."""
    text = (
        "Xem [Trang chủ][] và [Tin tức] hoặc [bài viết][bv] nhé.\n\n"
        '[Trang chủ]: https://a.vn\n[Tin tức]: https://b.vn "Tin mới"\n[bv]: https://c.vn\n'
    )
    page = read_markup(text, path="page.md", kind="markdown")
    message = "Xem <1>Trang chủ</1> và <2>Tin tức</2> hoặc <3>bài viết</3> nhé."
    assert page.document.segments[0].message == message
    out = export_markup(page, {message: "See <2>News</2>, <1>Home</1> or <3>the article</3>."})
    assert out.result.text.startswith(
        "See [News][Tin tức], [Home][Trang chủ] or [the article][bv].\n\n[Trang chủ]:"
    )
    in_order = export_markup(page, {message: "See <1>Home</1>, <2>News</2>, <3>the article</3>."})
    same_markdown_structure(text, in_order.result.text)  # the same links, to the same places


def test_heading_ids_are_not_text_where_the_document_uses_them() -> None:
    text = "## Tiểu sử {#tieu-su}\n\nĐoạn văn.\n"
    page = read_markup(text, path="page.md", kind="markdown")
    assert [s.message for s in page.document.segments] == ["Tiểu sử", "Đoạn văn."]
    out = export_markup(page, {"Tiểu sử": "Biography"}).result.text
    assert out == "## Biography {#tieu-su}\n\nĐoạn văn.\n"
    plain = read_markup("# Tập hợp {1, 2}\n", path="page.md", kind="markdown")
    assert [s.message for s in plain.document.segments] == ["Tập hợp {1, 2}"]


_LINES = (
    "Tên dự án: Hệ thống quản lý thư viện\nTác giả: Nguyễn Văn An\n\n"
    "> Đây là một đoạn văn dài được ngắt dòng cứng ở khoảng sáu mươi cột cho dễ\n"
    "> đọc trong trình soạn thảo, và câu này chưa kết thúc cho đến tận\n> đây.\n"
)


def test_the_lines_of_a_paragraph_are_judged_as_the_lines_of_a_text_file() -> None:
    """A soft line break is a space to a Markdown renderer, but a paragraph's lines are often
    lines of their own (fields, verse): the segmenter judges them as in a .txt, and a wrap
    inside a sentence is a space of its msgid."""
    page = read_markup(_LINES, path="page.md", kind="markdown")
    assert [segment.message for segment in page.document.segments] == [
        "Tên dự án: Hệ thống quản lý thư viện",
        "Tác giả: Nguyễn Văn An",
        "Đây là một đoạn văn dài được ngắt dòng cứng ở khoảng sáu mươi cột cho dễ đọc trong "
        "trình soạn thảo, và câu này chưa kết thúc cho đến tận đây.",
    ]
    same = {segment.message: segment.message for segment in page.document.segments}
    assert export_markup(page, same).result.text == _LINES
    out = _export(_LINES, {"Tác giả: Nguyễn Văn An": "# Author: Nguyễn Văn An"})
    assert out.startswith("Tên dự án: Hệ thống quản lý thư viện\n\\# Author: Nguyễn Văn An\n\n")
    same_markdown_structure(_LINES, out)
