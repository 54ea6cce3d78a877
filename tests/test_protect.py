"""Built-in protected spans, masking and restoring, and placeholder verification."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translate.protect import (
    Span,
    builtin_spans,
    kept_as_span,
    kept_verbatim,
    mask,
    resolve,
    restore,
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in builtin_spans(text)]


def test_builtin_spans() -> None:
    text = (
        "Xem https://hue.gov.vn/tin-tuc?id=1 (hoặc www.hue.gov.vn). Gửi thư tới "
        "info@hue.gov.vn, theo dõi @VietFuture và #ChuyểnĐổiSố; chạy `make test` trong "
        "./scripts hoặc /etc/hue/app.conf, docs/readme.md, C:\\Data\\hue.xlsx."
    )
    assert kinds(text) == [
        ("url", "https://hue.gov.vn/tin-tuc?id=1"),
        ("url", "www.hue.gov.vn"),
        ("email", "info@hue.gov.vn"),
        ("handle", "@VietFuture"),
        ("hashtag", "#ChuyểnĐổiSố"),
        ("code", "`make test`"),
        ("path", "./scripts"),
        ("path", "/etc/hue/app.conf"),
        ("path", "docs/readme.md"),
        ("path", "C:\\Data\\hue.xlsx"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 12/11/2023 lúc 07:26, tốc độ 60 km/h, tỷ lệ 1/2.",
        "Sở TT&TT và/hoặc UBND, số #1, giá 3,5%.",
        "Email của tôi là @ ở đâu?",
    ],
)
def test_ordinary_text_has_no_spans(text: str) -> None:
    assert builtin_spans(text) == []


def test_path_inside_url_is_part_of_the_url() -> None:
    assert kinds("https://hue.gov.vn/a/b/c.html") == [("url", "https://hue.gov.vn/a/b/c.html")]
    assert kinds("mailto info@hue.gov.vn") == [("email", "info@hue.gov.vn")]


def test_resolve_prefers_earlier_groups_then_longer() -> None:
    markup = [Span(0, 3, "markup", "<1>", ordered=True)]
    builtin = [Span(2, 8, "url", "x"), Span(10, 12, "url", "y")]
    terms = [Span(9, 14, "term", "z"), Span(20, 22, "term", "w"), Span(20, 25, "term", "v")]
    assert [(s.start, s.end) for s in resolve(markup, builtin, terms)] == [
        (0, 3),
        (10, 12),
        (20, 25),
    ]


def test_mask_and_restore_round_trip() -> None:
    text = "Sở TT&TT công bố https://hue.gov.vn."
    spans = [Span(0, 8, "term", "Department of ICT"), *builtin_spans(text)]
    masked = mask(text, spans)
    assert masked.text == "⟦1⟧ công bố ⟦2⟧."
    assert restore(masked, "⟦1⟧ announced ⟦2⟧.").text == (
        "Department of ICT announced https://hue.gov.vn."
    )
    # A term starting the sentence is capitalised; reordering of plain spans is accepted.
    lower = mask("Chuyển đổi số ở Huế", [Span(0, 13, "term", "digital transformation")])
    assert restore(lower, "⟦1⟧ in Hue").text == "Digital transformation in Hue"
    swapped = restore(masked, "⟦2⟧ from ⟦1⟧")
    assert swapped.text == "https://hue.gov.vn from Department of ICT" and not swapped.problems


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ("announced ⟦2⟧.", "dropped"),
        ("⟦1⟧ ⟦1⟧ announced ⟦2⟧.", "duplicated"),
        ("⟦1⟧ announced ⟦2⟧ ⟦3⟧.", "unknown"),
        ("⟦1⟧ announced ⟦2.", "mangled"),
    ],
)
def test_broken_placeholders_are_fatal(output: str, problem: str) -> None:
    masked = mask("a b c", [Span(0, 1, "url", "a"), Span(4, 5, "url", "c")])
    result = restore(masked, output)
    assert result.text is None
    assert problem in [p.kind for p in result.problems if p.fatal]


def test_spaced_placeholders_are_repaired() -> None:
    masked = mask("a b", [Span(0, 1, "url", "A")])
    result = restore(masked, "⟦ 1 ⟧ b")
    assert result.text == "A b"
    assert [(p.kind, p.fatal) for p in result.problems] == [("spaced", False)]


def markup_spans(text: str) -> list[Span]:
    """What HTML/Markdown placeholders look like when passed in by another stage."""
    return [
        Span(m.start(), m.end(), "markup", m.group(), ordered=True, group=m.group(2) or "")
        for m in re.finditer(r"<(/?)(\d+)>|<\d+/>", text)
    ]


def test_ordered_spans_must_keep_their_order() -> None:
    masked = mask("<1>Huế</1> đẹp", markup_spans("<1>Huế</1> đẹp"))
    assert masked.text == "⟦1⟧Huế⟦2⟧ đẹp"
    assert restore(masked, "⟦1⟧Hue⟦2⟧ is beautiful").text == "<1>Hue</1> is beautiful"
    broken = restore(masked, "⟦2⟧Hue⟦1⟧ is beautiful")  # the closer before the opener
    assert broken.text is None and broken.problems[0].kind == "reordered"


def test_pairs_may_swap_but_never_cross() -> None:
    # Vietnamese puts the modifier after the noun, English before it: pairs move.
    text = "<1>Sở Y tế</1> <2>Huế</2><3/>"
    masked = mask(text, markup_spans(text))
    assert masked.text == "⟦1⟧Sở Y tế⟦2⟧ ⟦3⟧Huế⟦4⟧⟦5⟧"
    swapped = restore(masked, "⟦5⟧⟦3⟧Hue⟦4⟧ ⟦1⟧Department of Health⟦2⟧")
    assert swapped.text == "<3/><2>Hue</2> <1>Department of Health</1>" and not swapped.problems
    nested = restore(masked, "⟦1⟧Department of ⟦3⟧Hue⟦4⟧ Health⟦2⟧⟦5⟧")
    assert nested.text == "<1>Department of <2>Hue</2> Health</1><3/>"
    crossed = restore(masked, "⟦1⟧Department ⟦3⟧of⟦2⟧ Hue⟦4⟧⟦5⟧")
    assert crossed.text is None and crossed.problems[0].kind == "reordered"


def test_kept_verbatim() -> None:
    assert kept_verbatim("Hue-S", "the Hue-S app")
    assert not kept_verbatim("Hue-S", "the Hue-Smart app")
    assert not kept_verbatim("https://a.vn/x", "https://a.vn/y")


def test_kept_as_span() -> None:
    url = "https://hue-s.vn/gioi-thieu"
    assert kept_as_span(url, f"See {url}.") and kept_as_span(url, f"({url})")
    assert not kept_as_span(url, f"See {url}/ for more") and not kept_as_span(url, f"{url}-en")
    assert kept_as_span("info@hue.gov.vn", "write to info@hue.gov.vn, or call")
    assert not kept_as_span("info@hue.gov.vn", "write to info@hue.gov.vnx")
    assert kept_as_span("#CĐS", "the #CĐS tag") and not kept_as_span("#CĐS", "the #CĐS2 tag")


_ALPHABET = st.sampled_from(["a", "b", " ", "đ", "⟦", "1", "."])


@given(
    st.lists(st.tuples(st.text(_ALPHABET.filter(lambda c: c != "⟦"), max_size=6), st.booleans()))
)
def test_identity_model_round_trips(pieces: list[tuple[str, bool]]) -> None:
    """A model that copies its input gives back the source exactly."""
    text = ""
    spans: list[Span] = []
    for piece, protected in pieces:
        if protected and piece:
            spans.append(Span(len(text), len(text) + len(piece), "url", piece))
        text += piece
        text += " "
    masked = mask(text, resolve(spans))
    assert restore(masked, masked.text).text == text


_PATHISH = st.sampled_from(
    ["a", "đ", "1", "/", "\\", ".", "~", ":", "-", "_", " ", "md", "C:", "x.y"]
)


@given(st.lists(_PATHISH, max_size=14).map("".join))
def test_the_path_pre_check_never_hides_a_path(text: str) -> None:
    from translate.protect import _PATH, _may_hold_path

    assert _may_hold_path(text) or _PATH.search(text) is None
