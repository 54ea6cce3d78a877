"""Markdown link reference definitions: their titles are entries of their own."""

from __future__ import annotations

import pyromark

from translate.formats import read_markup
from translate.formats.rebuild import export_markup

_TEXT = (
    "Xem [bản đồ][1], [trang][x] và [mã][z].\n\n"
    '[1]: http://x.vn "Tựa đề"\n'
    "[x]:\n  <http://y.vn>\n  (Chú thích \\(cũ\\))\n"
    "[z]: /z 'Đơn'\n"
    "[w]: /w\n"
    '> [q]: /q "dòng một\n> dòng hai"\n'
)


def test_reference_definition_titles_are_translated_and_exported() -> None:
    page = read_markup(_TEXT, path="a.md", kind="markdown")
    titles = {
        segment.message: markup.quote
        for segment, markup in zip(page.document.segments, page.markup, strict=True)
        if markup.quote is not None
    }
    # A title over lines of a block quote is left as it is (its `> ` is not the title's).
    assert titles == {"Tựa đề": '"', "Chú thích (cũ)": "(", "Đơn": "'"}
    assert all(
        segment.comments[-1] == "title attribute"
        for segment in page.document.segments
        if segment.message in titles
    )
    assert (
        export_markup(page, {s.message: s.message for s in page.document.segments}).result.text
        == _TEXT
    )
    english = {"Tựa đề": 'The "title"', "Chú thích (cũ)": "Note (old)", "Đơn": "It's"}
    out = export_markup(page, english).result.text
    assert '[1]: http://x.vn "The \\"title\\""\n' in out and "[z]: /z 'It\\'s'\n" in out
    definitions = pyromark.reference_definitions(out)
    assert {label: d["title"] for label, d in definitions.items()} == {
        "1": 'The "title"',
        "x": "Note (old)",
        "z": "It's",
        "w": None,
        "q": "dòng một\ndòng hai",
    }
    assert {label: d["dest"] for label, d in definitions.items()} == {
        label: d["dest"] for label, d in pyromark.reference_definitions(_TEXT).items()
    }
