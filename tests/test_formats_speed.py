"""The markup readers' fast paths give what the plain ways give (issue 16's speed work)."""

from __future__ import annotations

import dataclasses
import hashlib
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from translate.document import BreakKind, Note, Segment
from translate.formats import html_attributes, html_doc, read_markup
from translate.formats.markdown_doc import char_spans, parse
from translate.formats.units import (
    CLOSE,
    OPEN,
    TEXT,
    Atom,
    Block,
    SegmentMarkup,
    Unit,
    line_starts,
    skeleton_digest,
)
from translate.segment import segment_text, sentence_pieces


def _made_field_by_field(cls: type, *values: object) -> object:
    """What the frozen dataclass's generated ``__init__`` does: one ``object.__setattr__``
    per field, defaults for the rest."""
    made = object.__new__(cls)
    fields = dataclasses.fields(cls)
    for field, value in zip(fields, values, strict=False):
        object.__setattr__(made, field.name, value)
    for field in fields[len(values) :]:
        object.__setattr__(made, field.name, field.default)
    return made


def test_fast_constructors_make_the_same_frozen_objects() -> None:
    """Segment, Block, SegmentMarkup and Unit are built by `frozen.quick_init` (the readers'
    hot loop makes one per sentence, per paragraph and per translated attribute)."""
    fields = ("Câu một.", 3, 11, 2, 0, BreakKind.END, "vi", (Note.LENGTH_SPLIT,), "Câu", ("x",))
    made, plain = Segment(*fields), _made_field_by_field(Segment, *fields)
    assert made == plain and repr(made) == repr(plain) and hash(made) == hash(plain)
    assert set(vars(made)) == {field.name for field in dataclasses.fields(Segment)}
    assert dataclasses.replace(made, lang="en") == dataclasses.replace(plain, lang="en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.lang = "en"  # type: ignore[misc]
    atoms = (Atom(TEXT, 0, 3, "abc"),)
    assert Block(atoms, True) == _made_field_by_field(Block, atoms, True)
    assert set(vars(Block(atoms, False))) == {f.name for f in dataclasses.fields(Block)}
    spans = (("<1/>", 4, 8),)
    assert SegmentMarkup(spans) == _made_field_by_field(SegmentMarkup, spans)
    assert set(vars(SegmentMarkup(spans))) == {f.name for f in dataclasses.fields(SegmentMarkup)}
    unit = Unit(3, 9, "Ảnh", "alt", "'", boilerplate=True)
    assert unit == _made_field_by_field(Unit, 3, 9, "Ảnh", "alt", "'", True)
    assert Unit(1, 2, "x", "title") == _made_field_by_field(Unit, 1, 2, "x", "title")


def test_sentence_pieces_are_segment_texts_cuts() -> None:
    text = "Một câu. Hai câu!\n\nĐoạn hai, dòng một\ntiếp tục. Ba?\n" + "x" * 50
    document = segment_text(text, max_length=30)
    pieces, paragraphs = sentence_pieces(text, max_length=30)
    assert [(p.start, p.end) for p in pieces] == [(s.start, s.end) for s in document.segments]
    assert paragraphs == [s.paragraph for s in document.segments]
    assert [p.break_kind for p in pieces][:-1] == [s.break_kind for s in document.segments][:-1]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="aĐế😀 \n*[]()`", max_size=40))
def test_markdown_offsets_map_bytes_to_characters(text: str) -> None:
    events = parse(text)
    encoded = text.encode()
    slow = [
        len(encoded[:offset].decode())
        for _, where in events
        for offset in (where["start"], where["end"])
    ]
    assert char_spans(text, events) == slow


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab Đ\t\n\r\f\u00a0\u2003<p>", max_size=60))
def test_skeleton_digest_drops_the_same_whitespace_as_the_regex(text: str) -> None:
    expected = hashlib.sha1(re.sub(r"[ \t\n\r\f]+", "", text).encode()).hexdigest()[:12]
    assert skeleton_digest(text, []) == expected


_ATTRIBUTES = st.sampled_from(
    [
        ' href="/a?b=1&amp;c=2"',
        " class='nav-menu'",
        ' ID="footer"',
        ' data-id="x"',
        ' TITLE="Tiêu &#x111;ề"',
        " alt=Ảnh",
        ' Lang="vi"',
        ' translate="no"',
        ' class="notranslate"',
        ' role="navigation"',
        ' aria-label="Đóng"',
        " disabled",
        ' data-title="không"',
        ' title = "a>b"',
        " class='sidebar-1 x'",
        ' class="Breadcrumbs"',
        " id='n&#97;v'",
        " class='ſidebar'",
        " class='content'",
        ' id="main-menu"',
        " role=main",
    ]
)


@st.composite
def _tags_with_attributes(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        name = draw(
            st.sampled_from(
                ["p", "a", "div", "span", "li", "img", "meta", "nav", "b", "h1", "header"]
            )
        )
        attributes = "".join(draw(st.lists(_ATTRIBUTES, max_size=3)))
        parts.append(f"<{name}{attributes}>" + draw(st.sampled_from(["Một câu. ", "Hai", ""])))
        if draw(st.booleans()):
            parts.append(f"</{name}>")
    return "".join(parts)


@settings(max_examples=80, deadline=None)
@given(_tags_with_attributes())
def test_tags_read_without_their_attributes_read_the_same(html: str) -> None:
    """Tags whose source names no attribute that matters are read as tags without
    attributes, and only the attributes that matter are decoded: the page reads the same
    as when every attribute of every tag is read."""
    fast = read_markup(html, path="p.html", kind="html")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_attributes, "_matters", lambda raw, lowered: True)
        patch.setattr(html_attributes, "_WANTED", None)
        full = read_markup(html, path="p.html", kind="html")
    assert repr(fast) == repr(full)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="aĐ😀\r\n\u2028 ", max_size=40))
def test_line_starts_are_the_regex_line_ends(text: str) -> None:
    assert line_starts(text) == [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


# The tokenizer's pattern as it was, one alternation step per character of attribute text.
_PER_CHARACTER = re.compile(
    r"<(/?)([a-zA-Z][^\t\n\r\f />]*)"
    r"((?:[^>\"'=]|=[\t\n\r\f ]*(?:\"[^\"]*\"|'[^']*'|(?![\t\n\r\f \"']))|[\"'])*)>"
    r"|&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[a-zA-Z][a-zA-Z0-9]{0,31});?"
    r"|<[!?/a-zA-Z]"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>/=\"' \nab&#x;1!", max_size=60))
@example('<a="b c=\'d> e" >')  # (a shorter tag name lets a quoted value hold the `>`)
@example("<!-- <b> --><script>x<b>y</script><title>a&amp;<b></title>&copy<p>")
def test_tokenizer_runs_match_as_the_per_character_pattern(text: str) -> None:
    """Attribute text taken a run at a time (possessive or an atomic group) matches exactly
    what the per-character pattern matched, at every position; the tokenizer's events
    tile the text."""
    from translate.formats.html_tokens import _NEXT, END, START, tokenize

    for position in range(len(text) + 1):
        fast, plain = _NEXT.search(text, position), _PER_CHARACTER.search(text, position)
        assert (fast and (fast.span(), fast.group(1, 2))) == (
            plain and (plain.span(), plain.group(1, 2))
        )
    events = tokenize(text)
    for kind, start, _, *rest in events:  # (scan takes the name and the slash a group each)
        if kind in (START, END):
            found = _PER_CHARACTER.match(text, start)
            assert found is not None and (found.group(1), found.group(2).lower()) == (
                "/" if kind == END else "",
                rest[0],
            )
    ends = [event[2] for event in events]
    assert [event[1] for event in events] == [0, *ends][: len(events)]
    assert (ends[-1] if ends else 0) == len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["&", "#", "x", "X", ";", "1", "7889", "e9", "amp", "nbsp", "not", "it"])
        | st.text(alphabet="ab <\t\n&#;", max_size=3),
        max_size=12,
    ).map("".join)
)
def test_attribute_values_decode_as_html_unescape(value: str) -> None:
    """Each distinct reference of an attribute value is decoded once, as unescape does."""
    from html import unescape

    from translate.formats.html_tokens import unescape_value

    assert unescape_value(value) == unescape(value)
    assert unescape_value(value) == unescape(value)  # (the second time from the cache)


def test_collector_pause_keeping_its_objects() -> None:
    """`collector_paused(keep=True)` leaves the collector as it was and what was built in
    the oldest generation; it leaves objects frozen by someone else frozen."""
    import gc

    from translate.frozen import collector_paused

    assert gc.isenabled()
    with collector_paused(keep=True):
        assert not gc.isenabled()
        built = [[index] for index in range(3)]  # (lists: tracked by the collector)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in built)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused(keep=True):
            built = [[1]]
        assert gc.get_freeze_count() > frozen // 2  # (still frozen: not released)
    finally:
        gc.unfreeze()


def test_sentence_in_one_text_run_keeps_its_placeholder_lookalikes() -> None:
    """A sentence lying in one text run of a block with markup is made without the
    placeholder pass, unless its text reads as a placeholder (it becomes one of its own)."""
    page = read_markup(
        '<p>Xem <a href="/x">đây</a>. Gõ 3 <2/> 4 rồi. Hết.</p>', path="p.html", kind="html"
    )
    segments = zip(page.document.segments, page.markup, strict=True)
    made = [(s.message, s.comments[:1], m) for s, m in segments]
    assert made[1:] == [
        ("Gõ 3 <1/> 4 rồi.", ("markup: <1/> = <2/>",), SegmentMarkup((("<1/>", 34, 38),))),
        ("Hết.", (), SegmentMarkup()),
    ]


def test_matters_names_every_word_of_its_list() -> None:
    """`_matters` writes out the words of `_MATTERING` (one test each, no loop): a tag holding
    any of them, in any case, a reference or a non-ASCII character matters; others do not."""
    from translate.formats.html_elements import _MATTERING, _matters

    for word in _MATTERING:
        raw = f'<div class="x-{word.upper()}-y">'
        assert _matters(raw, raw.lower()), word
    for raw in ('<div class="content">', "<a href='/x?a=1'>"):
        assert not _matters(raw, raw.lower())
    assert _matters("<a href='?a&amp;b'>", "<a href='?a&amp;b'>")
    assert _matters("<a href='/tin-tức'>", "<a href='/tin-tức'>")


_SPACED_PARTS = st.sampled_from(
    ["\n  ", " ", "\t", "Một câu.", "Hai câu nữa. Ba!", "TP. Huế", "<a href='/x'>", "</a>",
     "<b>", "</b>", "<span>", "</span>", "<br>", "&amp;", "<code>x</code>", "<img alt='Ảnh'>"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_SPACED_PARTS, min_size=1, max_size=12))
def test_one_text_run_among_whitespace_reads_as_through_the_placeholder_pass(
    parts: list[str],
) -> None:
    """A block whose only text run is framed by tags and whitespace-only runs (a page's
    indentation: `<li>\\n  <a …>Tin</a>\\n</li>`) maps its sentences one to one: the same
    segments as when every block with a tag takes the placeholder pass."""
    from translate.formats import units

    html = "<ul><li>" + "".join(parts) + "</li><li>\n <a href='/y'>Tin tức</a>\n</li></ul>"
    fast = read_markup(html, path="p.html", kind="html")
    plain_prose = units._prose

    def no_fast_path(block: Block) -> object:
        found = plain_prose(block)
        return found if len(block.atoms) == 1 else found._replace(single=False)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(units, "_prose", no_fast_path)
        slow = read_markup(html, path="p.html", kind="html")
    assert repr(fast) == repr(slow)


@settings(max_examples=80, deadline=None)
@given(_tags_with_attributes(), _tags_with_attributes())
def test_a_tag_written_as_one_before_reads_the_same(first: str, second: str) -> None:
    """The reader keeps the reading of a start tag that added nothing (no unit, `lang` or
    charset) and does not read the same source again: the page reads as when every tag is
    read anew (each part twice, so that tags repeat inside and outside skipped content)."""
    html = f"{first}<pre>{second}{first}</pre>{second}<template>{first}</template>{first}"
    kept = read_markup(html, path="p.html", kind="html")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_doc, "_VALUES_KEPT", 0)
        fresh = read_markup(html, path="p.html", kind="html")
    assert repr(kept) == repr(fresh)


def test_a_translated_attribute_repeated_inside_skipped_content_is_read_outside() -> None:
    page = read_markup(
        '<pre><a title="Trang chủ">x</a></pre><p><a title="Trang chủ">Về</a></p>',
        path="p.html",
        kind="html",
    )
    assert [s.message for s in page.document.segments] == ["Trang chủ", "Về"]


def _pairs_by_search(atoms: list[Atom]) -> dict[int, int]:
    """Open ↔ close atoms as the reader paired them before its innermost-first step: each
    close tag searches the 32 innermost open ones for its name."""
    partner: dict[int, int] = {}
    stack: list[int] = []
    for index, atom in enumerate(atoms):
        if atom.kind == OPEN:
            stack.append(index)
        elif atom.kind == CLOSE:
            for depth in range(len(stack) - 1, max(-1, len(stack) - 33), -1):
                if atoms[stack[depth]].name == atom.name:
                    partner[stack[depth]] = index
                    partner[index] = stack[depth]
                    del stack[depth:]
                    break
    return partner


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from((TEXT, OPEN, CLOSE)), st.sampled_from("abc")), max_size=80)
)
def test_tags_pair_as_by_searching_the_open_ones(kinds: list[tuple[int, str]]) -> None:
    """A close tag pairs with the innermost open one of its name (tested first: most do)
    exactly as by searching the open tags inside out; ``_prose`` pairs them in its pass over
    the atoms."""
    from translate.formats.units import _prose

    atoms = [
        Atom(kind, i, i + 1, "x" if kind == TEXT else "", name)
        for i, (kind, name) in enumerate(kinds)
    ]
    assert _prose(Block(tuple(atoms))).partner == _pairs_by_search(atoms)


def test_attribute_units_share_their_quote_markup() -> None:
    """Each attribute unit's markup is the frozen SegmentMarkup of its quote (one made per
    quote, not one per attribute), equal to one made for it."""
    page = read_markup(
        "<p><img alt=\"Ảnh một\"><img alt='Ảnh hai'><img alt=Ảnh>Câu.</p>",
        path="p.html",
        kind="html",
    )
    quotes = [m.quote for m in page.markup if m.quote is not None]
    assert quotes == ['"', "'", ""]
    assert [m for m in page.markup if m.quote is not None] == [
        SegmentMarkup(quote=quote) for quote in quotes
    ]
