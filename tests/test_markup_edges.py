"""Markup at a sentence's edges: an element stays whole whatever space the page puts inside
it, inline HTML in Markdown pairs as HTML does, code spans stay in the sentence they begin or
end, and raw inline ``<code>`` in Markdown is as opaque as it is in HTML."""

from __future__ import annotations

import itertools
import re
from html import escape

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from translate.formats import read_markup
from translate.formats.placeholders import markup_problem
from translate.formats.rebuild import export_markup
from translate.formats.units import MarkupDocument


def _page(text: str, kind: str) -> MarkupDocument:
    return read_markup(text, path=f"page.{'html' if kind == 'html' else 'md'}", kind=kind)


def _messages(text: str, kind: str = "markdown") -> list[str]:
    return [segment.message for segment in _page(text, kind).document.segments]


def _exports_itself(page: MarkupDocument, text: str) -> bool:
    identity = {s.message: s.message for s in page.document.segments}
    return export_markup(page, identity).result.text == text


def _no_overlaps(page: MarkupDocument) -> bool:
    spans = sorted((s.start, s.end) for s in page.document.segments)
    return all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


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


_FORMS = [
    (  # a select in a sentence; its options' end tags left out, a reference in one
        '<p>Hiển thị <select name="n"><option value="1">Mười &amp; một<option> Hai mươi\n'
        "</select> mục mỗi trang.</p>",
        {
            "Hiển thị <1/> mục mỗi trang.": "Show <1/> items per page.",
            "Mười & một": "Ten & one",
            "Hai mươi": "Twenty",
        },
        '<p>Show <select name="n"><option value="1">Ten &amp; one<option> Twenty\n'
        "</select> items per page.</p>",
    ),
    (  # optgroup labels, each an entry
        '<p>Chọn <select><optgroup label="Miền Bắc"><option>Hà Nội</optgroup>'
        "<optgroup label='Miền Trung'><option>Huế</select> rồi gửi.</p>",
        {
            "Chọn <1/> rồi gửi.": "Choose <1/>, then send.",
            "Miền Bắc": "North",
            "Hà Nội": "Hanoi",
            "Miền Trung": "Centre",
            "Huế": "Huế",
        },
        '<p>Choose <select><optgroup label="North"><option>Hanoi</optgroup>'
        "<optgroup label='Centre'><option>Huế</select>, then send.</p>",
    ),
]


@pytest.mark.parametrize(("page_text", "english", "expected"), _FORMS)
def test_a_select_is_one_piece_of_its_sentence_and_its_options_are_entries(
    page_text: str, english: dict[str, str], expected: str
) -> None:
    page = _page(page_text, "html")
    assert [s.message for s in page.document.segments] == list(english)
    assert all(s.comments[0] in ("option", "label attribute") for s in page.document.segments[1:])
    assert export_markup(page, english).result.text == expected


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


def test_a_code_span_that_begins_a_sentence_is_in_it() -> None:
    assert _messages("Dùng `git` để lưu. `B` - Cơ bản.\n") == [
        "Dùng <1/> để lưu.",
        "<1/> - Cơ bản.",
    ]
    assert _messages("`B` - Cơ bản, `A` - Nâng cao\n") == ["<1/> - Cơ bản, <2/> - Nâng cao"]
    assert _messages("`A` `B` - hai mã.\n") == ["<1/> <2/> - hai mã."]


def test_a_code_span_that_ends_a_block_is_in_its_last_sentence() -> None:
    assert _messages("Xong. Gõ lệnh: `ls`\n") == ["Xong.", "Gõ lệnh: <1/>"]
    assert _messages("<p>Gõ lệnh: <kbd>ls</kbd></p>", "html") == ["Gõ lệnh: <1/>"]


def test_a_code_span_glued_between_two_sentences_is_in_one_of_them() -> None:
    text = "Xong.`B`Cơ bản tiếp. Xong. `C`Cơ bản.\n"
    page = _page(text, "markdown")
    assert _no_overlaps(page)
    assert [s.message for s in page.document.segments] == [
        "Xong.<1/>",
        "Cơ bản tiếp.",
        "Xong.",
        "<1/>Cơ bản.",
    ]
    assert _exports_itself(page, text)


def test_raw_inline_code_in_markdown_is_one_piece_never_translated() -> None:
    text = (
        "Backticks: <code>&#96;Hello&#96;</code> ở đây.\n\n"
        'Gõ <kbd>Ctrl</kbd> rồi <Code class="x">ls\n-la</code > xong.\n\n'
        "Mở <code>không đóng\n\nĐoạn sau.\n"
    )
    page = _page(text, "markdown")
    assert [s.message for s in page.document.segments] == [
        "Backticks: <1/> ở đây.",
        "Gõ <1/> rồi <2/> xong.",
        "Mở <1/>",
        "Đoạn sau.",
    ]
    assert _exports_itself(page, text)
    english = {
        "Backticks: <1/> ở đây.": "Backticks: <1/> here.",
        "Gõ <1/> rồi <2/> xong.": "Press <1/>, then <2/>.",
    }
    out = export_markup(page, english).result.text
    assert out.startswith(
        "Backticks: <code>&#96;Hello&#96;</code> here.\n\n"
        'Press <kbd>Ctrl</kbd>, then <Code class="x">ls\n-la</code >.\n\n'
    )


def test_emphasis_inside_raw_code_ends_the_piece_and_pairs_as_before() -> None:
    text = "Và <code>*a*</code> nữa.\n"
    page = _page(text, "markdown")
    assert [s.message for s in page.document.segments] == ["Và <1/><2>a</2><3/> nữa."]
    assert _exports_itself(page, text)


_WORDS = st.sampled_from(["Một", "hai", "ba", "Huế", "số 5", "đã xong"])
_CODE = st.sampled_from(["x", "ls -la", "a.b", "B"])


@st.composite
def _sentences(draw: st.DrawFn, kind: str) -> tuple[str, list[str]]:
    """A block of sentences, each maybe led or closed by a code span (space apart)."""
    parts: list[str] = []
    codes: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        words = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=4)))
        sentence = words[:1].upper() + words[1:] + draw(st.sampled_from([".", "!", "?", ":"]))
        code = draw(st.sampled_from(["", "before", "after"]))
        if code:
            value = draw(_CODE)
            codes.append(value)
            span = f"`{value}`" if kind == "markdown" else f"<code>{escape(value)}</code>"
            sentence = f"{span} {sentence}" if code == "before" else f"{sentence} {span}"
        parts.append(sentence)
    return " ".join(parts), codes


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["markdown", "html"]).flatmap(lambda k: st.tuples(st.just(k), _sentences(k)))
)
def test_every_code_span_next_to_a_sentence_is_in_an_entry(
    case: tuple[str, tuple[str, list[str]]],
) -> None:
    kind, (block, codes) = case
    text = f"{block}\n" if kind == "markdown" else f"<p>{block}</p>\n"
    page = _page(text, kind)
    assert _no_overlaps(page)
    assert _exports_itself(page, text)
    legends = " ".join(c for s in page.document.segments for c in s.comments)
    placeholders = sum(s.message.count("/>") for s in page.document.segments)
    assert placeholders == len(codes), (text, [s.message for s in page.document.segments])
    for code in codes:
        assert escape(code) in legends or code in legends


@pytest.mark.parametrize(
    ("text", "kind", "messages"),
    [
        (  # a word processor's paste: every paragraph wrapped in styled spans
            '<p><span style="font-size:14pt"><span lang="vi">Trời mưa. Đường ngập.</span></span>'
            "</p>",
            "html",
            ["Trời mưa.", "Đường ngập."],
        ),
        ("<p><strong>Trời mưa. Đường ngập.</strong> Xe chết máy.</p>", "html",
         ["Trời mưa.", "Đường ngập.", "Xe chết máy."]),
        ("<p><b><i>Một câu.</i> Hai câu.</b> Ba câu.</p>", "html",
         ["Một câu.", "Hai câu.", "Ba câu."]),
        ("**Trời mưa. Đường ngập.**\n", "markdown", ["Trời mưa.", "Đường ngập."]),
        ("*Ghi chú. Xem [ở đây](/x).*\n", "markdown", ["Ghi chú.", "Xem <1>ở đây</1>."]),
        # a sentence that would hold one tag only still merges with its neighbour
        ("<p><b>Một câu. Hai</b> câu.</p>", "html", ["<1>Một câu. Hai</1> câu."]),
        ("Ba [câu. Bốn](/x) câu.\n", "markdown", ["Ba <1>câu. Bốn</1> câu."]),
    ],
)  # fmt: skip
def test_an_element_around_whole_sentences_cuts_none_of_them(
    text: str, kind: str, messages: list[str]
) -> None:
    page = _page(text, kind)
    assert _messages(text, kind) == messages
    assert _exports_itself(page, text)
    english = {m: m.replace("câu", "line").replace("Trời", "Sky") for m in messages}
    exported = export_markup(page, english).result.text
    assert "câu" not in exported and "Trời" not in exported
    tags = re.compile(r"<[^>]*>|\*+|\[|\]\([^)]*\)")  # the page's markup, in its order
    assert tags.findall(exported) == tags.findall(text)


def test_styled_paragraphs_export_with_their_spans_around_the_sentences() -> None:
    html = '<p><span style="color:red">Trời mưa. Đường ngập.</span></p>'
    page = _page(html, "html")
    english = {"Trời mưa.": "It rains.", "Đường ngập.": "Streets flood."}
    assert export_markup(page, english).result.text == (
        '<p><span style="color:red">It rains. Streets flood.</span></p>'
    )
