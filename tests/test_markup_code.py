"""Code in markup sources: code spans stay in the sentence they begin or end, and raw inline
``<code>`` in Markdown is as opaque as it is in HTML."""

from __future__ import annotations

import html
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from translate.formats import read_markup
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
            span = f"`{value}`" if kind == "markdown" else f"<code>{html.escape(value)}</code>"
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
        assert html.escape(code) in legends or code in legends
