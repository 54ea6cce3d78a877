"""Markup at a sentence's edges: an element stays whole whatever space the page puts inside
it, inline HTML in Markdown pairs as HTML does, and code at a sentence's start stays in it."""

from __future__ import annotations

import itertools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from translate.formats import read_markup
from translate.formats.placeholders import markup_problem
from translate.formats.rebuild import export_markup
from translate.formats.units import MarkupDocument


def _page(text: str, kind: str) -> MarkupDocument:
    return read_markup(text, path=f"page.{'html' if kind == 'html' else 'md'}", kind=kind)


def _messages(text: str, kind: str) -> list[str]:
    return [segment.message for segment in _page(text, kind).document.segments]


def test_space_inside_an_element_at_a_sentence_edge_keeps_the_element_whole() -> None:
    html = '<p>Xem <a href="/x">trang chủ</a> và <a href="/y"> tin tức\n</a></p>'
    assert _messages(html, "html") == ["Xem <1>trang chủ</1> và <2> tin tức </2>"]
    page = _page(html, "html")
    english = {page.document.segments[0].message: "See <2> the news </2> and <1>home</1>"}
    assert export_markup(page, english).result.text == (
        '<p>See <a href="/y"> the news </a> and <a href="/x">home</a></p>'
    )
    buttons = '<div>\n  <button id="a">\n    Xem toàn màn hình\n  </button>\n</div>'
    assert _messages(buttons, "html") == ["Xem toàn màn hình"]  # it encloses the sentence
    markdown = "Xem [trang chủ](/x) và [ tin tức ](/y)\n\n[ Chú ý: ](/z) Thẻ này cũ.\n"
    assert _messages(markdown, "markdown") == [
        "Xem <1>trang chủ</1> và <2> tin tức </2>",
        "<1> Chú ý: </1> Thẻ này cũ.",
    ]


def test_inline_html_in_markdown_pairs_as_in_html() -> None:
    text = (
        'Bấm <kbd>Ctrl</kbd> rồi chọn <s>tất cả</s>, <span class="x">đỏ</span> hoặc <br> '
        "<b>đậm</b>.\n"
    )
    page = _page(text, "markdown")
    (message,) = [s.message for s in page.document.segments]
    assert message == "Bấm <1/> rồi chọn <2>tất cả</2>, <3>đỏ</3> hoặc <4/> <5>đậm</5>."
    swapped = "Press <1/>, choose <5>bold</5> or <4/> <3>red</3>, <2>all</2>."
    assert markup_problem(message, swapped) is None
    assert markup_problem(message, "Press <1/>, choose </2>all<2>.") is not None
    assert export_markup(page, {message: swapped}).result.text == (
        'Press <kbd>Ctrl</kbd>, choose <b>bold</b> or <br> <span class="x">red</span>, '
        "<s>all</s>.\n"
    )


def test_code_in_a_link_or_bold_that_begins_a_sentence_is_in_it() -> None:
    markdown = "* [`autoComplete`](https://x.org/a): Một chuỗi.\n* **`name`**: Một chuỗi.\n"
    assert _messages(markdown, "markdown") == ["<1><2/></1>: Một chuỗi."] * 2
    html = '<ul><li><a href="/a"><code>autoComplete</code></a>: Một chuỗi.</li></ul>'
    assert _messages(html, "html") == ["<1><2/></1>: Một chuỗi."]
    assert _messages("<p><b>Chú ý:</b> Thẻ này cũ.</p>", "html") == ["<1>Chú ý:</1> Thẻ này cũ."]


_SPACE = st.sampled_from(["", " ", "\n", "\n  ", "\t"])
_WORDS = st.sampled_from(["Xem", "tin tức", "Huế", "số 5.", "đã xong.", "Câu mới"])


@st.composite
def _html_blocks(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(_WORDS)
        if draw(st.booleans()):
            tag = draw(st.sampled_from(["a href='/x'", "b", "span", "button", "em"]))
            name = tag.split()[0]
            words = f"<{tag}>{draw(_SPACE)}{words}{draw(_SPACE)}</{name}>"
        parts.append(words)
    return "<p>" + " ".join(parts) + "</p>\n"


@settings(max_examples=120, deadline=None)
@given(_html_blocks())
def test_an_element_inside_a_block_is_never_cut_in_two_by_its_own_space(html: str) -> None:
    page = _page(html, "html")
    identity = {s.message: s.message for s in page.document.segments}
    assert export_markup(page, identity).result.text == html
    legends = " ".join(c for s in page.document.segments for c in s.comments)
    # Every element lies in one block here: none of its tags may be a standalone piece.
    assert not re.search(r"<\d+/> = </?(a|b|span|button|em)\b", legends), legends


def test_a_select_in_a_sentence_is_one_piece_of_it_and_its_options_are_entries() -> None:
    html = (
        '<p>Hiển thị <select name="n"><option value="1">Mười &amp; một<option> Hai mươi\n'
        "</select> mục mỗi trang.</p>"
    )
    page = _page(html, "html")
    segments = page.document.segments
    assert [s.comments[0] for s in segments[1:]] == ["option", "option"]
    messages = [s.message for s in segments]
    assert messages == ["Hiển thị <1/> mục mỗi trang.", "Mười & một", "Hai mươi"]
    english = {
        "Hiển thị <1/> mục mỗi trang.": "Show <1/> items per page.",
        "Mười & một": "Ten & one",
        "Hai mươi": "Twenty",
    }
    assert export_markup(page, english).result.text == (
        '<p>Show <select name="n"><option value="1">Ten &amp; one<option> Twenty\n'
        "</select> items per page.</p>"
    )


def test_a_script_in_running_text_does_not_end_the_sentence() -> None:
    html = (
        '<p>Bấm <script>document.write("<b>x</b>")</script> vào đây.</p>'
        "<p>Nhập <textarea>mặc định</textarea> rồi gửi.</p><p>Xong.<script>f()</script></p>"
    )
    page = _page(html, "html")
    assert [s.message for s in page.document.segments] == [
        "Bấm <1/> vào đây.",
        "Nhập <1/> rồi gửi.",
        "Xong.",
    ]
    assert export_markup(page, {"Bấm <1/> vào đây.": "Click <1/> here."}).result.text == (
        html.replace("Bấm", "Click").replace("vào đây", "here")
    )


def test_optgroup_labels_are_entries_and_export_inside_a_translated_sentence() -> None:
    html = (
        '<p>Chọn <select><optgroup label="Miền Bắc"><option>Hà Nội</optgroup>'
        "<optgroup label='Miền Trung'><option>Huế</select> rồi gửi.</p>"
    )
    page = _page(html, "html")
    assert [s.message for s in page.document.segments] == [
        "Chọn <1/> rồi gửi.",
        "Miền Bắc",
        "Hà Nội",
        "Miền Trung",
        "Huế",
    ]
    english = {
        "Chọn <1/> rồi gửi.": "Choose <1/>, then send.",
        "Miền Bắc": "North",
        "Hà Nội": "Hanoi",
        "Miền Trung": "Centre",
    }
    assert export_markup(page, english).result.text == (
        '<p>Choose <select><optgroup label="North"><option>Hanoi</optgroup>'
        "<optgroup label='Centre'><option>Huế</select>, then send.</p>"
    )


def test_meta_entries_say_what_they_are_and_content_language_follows_the_target() -> None:
    html = (
        '<html lang="vi"><head><meta http-equiv="Content-Language" content="vi">'
        '<meta property="og:title" content="Tin mới"><meta name="description" content="Mô tả">'
        "</head><body><p>Xin chào.</p></body></html>"
    )
    page = _page(html, "html")
    comments = {s.message: s.comments[0] for s in page.document.segments if s.comments}
    assert comments["Tin mới"] == "meta og:title"
    assert comments["Mô tả"] == "meta description"
    out = export_markup(page, {"Xin chào.": "Hello."}, target_lang="en").result.text
    assert out.startswith('<html lang="en"><head><meta http-equiv="Content-Language" content="en">')


_SOUP = {
    "html": [
        "<p>", "</p>", "<b>", "</b>", "<a href='/x'>", "</a>", " ", "\n", "Xin chào.", "Huế",
        "<code>x</code>", "<code>", "<br>", "<select><option>Một</select>", "<kbd>K</kbd>",
        "<script>f()</script>", "<img src=a alt='Ảnh'>", ";", "K", ".", "<li>", "<em>", "</em>",
    ],
    "markdown": [
        "Xin chào.", " ", "\n", "\n\n", "`mã`", "**", "*", "[", "](/u)", "[Tin]", "<s>", "</s>",
        "<code>k</code>", "<br>", "  \n", "# ", "- ", "Huế", ".", "K", ";", "\n\n[Tin]: /b\n",
    ],
}  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["html", "markdown"]).flatmap(
        lambda kind: st.tuples(
            st.just(kind), st.lists(st.sampled_from(_SOUP[kind]), min_size=1, max_size=40)
        )
    )
)
@example(("html", [";", "<b>", "<br>", "<code>", "</b>", "K"]))  # found by a fuzzer
def test_two_sentences_never_share_a_tag(case: tuple[str, list[str]]) -> None:
    kind, pieces = case
    text = "".join(pieces)
    page = _page(text, kind)
    spans = sorted((s.start, s.end) for s in page.document.segments)
    for (_, end), (next_start, next_end) in itertools.pairwise(spans):
        # after the sentence, or inside it (an attribute's entry, as an image's alt)
        assert end <= next_start or next_end <= end, (text, spans)
    identity = {s.message: s.message for s in page.document.segments}
    assert export_markup(page, identity).result.text == text
