"""The term matcher against its former implementation, and the guard's batch path against its
per-sentence path, on random Vietnamese text (syllable edges, joiners, odd whitespace, NFD,
both tone placements, case variants, overlapping terms)."""

from __future__ import annotations

import dataclasses
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from termmatch_reference import ReferenceMatcher

from translate.formats import placeholders
from translate.frozen import quick_init
from translate.glossary import Glossary, Term
from translate.guard import Guard
from translate.protect import Masked, Span
from translate.termmatch import TermMatcher, _spaced_prefixes, spellings, spellings_all

SYLLABLES = (
    "Sở",
    "Thông",
    "tin",
    "và",
    "Truyền",
    "thông",
    "Huế",
    "Hue",
    "S",
    "hòa",
    "hoà",
    "Hòa",
    "thủy",
    "thuỷ",
    "Ủy",
    "Uỷ",
    "ban",
    "UBND",
    "TT",
    "chuyển",
    "đổi",
    "số",
    "CHUYỂN",
    "ĐỔI",
    "Số",
    "A",
    "B",
    "C",
    "D",
    "Đà",
    "Nẵng",
    "x",
    "123",
)
GLUE = (" ", " ", " ", "", "-", "_", "&", "'", "’", ", ", ". ", "  ", "\t", "\n", "\xa0", "“", "”")
EXTRAS = ("", "", "https://ubnd.vn/a", "@hue_s", "#CĐS", "a@b.vn", "⟦1⟧", "`x`", "\x00", "Www.x.vn")


Pieces = list[tuple[str, str]]


def pieces() -> st.SearchStrategy[Pieces]:
    return st.lists(st.tuples(st.sampled_from(SYLLABLES), st.sampled_from(GLUE)), max_size=12)


def text_of(words: Pieces, extra: str, form: str) -> str:
    text = "".join(word + glue for word, glue in words) + extra
    return unicodedata.normalize("NFC" if form == "NFC" else "NFD", text)


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[Term], list[str]]:
    """Texts, and terms most of which are runs of their syllables (so that they match, or
    nearly: in another case, across a joiner, inside a longer word)."""
    batch = draw(st.lists(pieces(), max_size=6))
    extras = st.sampled_from(EXTRAS)
    texts = [text_of(p, draw(extras), draw(st.sampled_from(("NFC", "NFD")))) for p in batch]
    words = [word for p in batch for word, _ in p] or ["Huế"]
    glossary: list[Term] = []
    for _ in range(draw(st.integers(0, 10))):
        start = draw(st.integers(0, len(words) - 1))
        size = draw(st.integers(1, 4))
        source = " ".join(words[start : start + size])
        source = draw(st.sampled_from((source, source, source.lower(), source.upper())))
        source += draw(st.sampled_from(("", "", "", "-S", "&TT", ".")))
        case = draw(st.sampled_from(("auto", "sensitive", "insensitive")))
        dnt = draw(st.booleans())
        glossary.append(Term(source, (source,) if dnt else (f"target {source}",), dnt, case))
    return glossary, texts


def found(matcher: TermMatcher | ReferenceMatcher, batch: list[str]) -> list[list[tuple]]:
    return [[(m.start, m.end, m.term) for m in r] for r in matcher.find_many(batch)]


@settings(max_examples=150, deadline=None)
@given(cases())
def test_matcher_finds_what_the_former_one_found(case: tuple[list[Term], list[str]]) -> None:
    glossary, batch = case
    assert found(TermMatcher(glossary), batch) == found(ReferenceMatcher(glossary), batch)


@settings(max_examples=80, deadline=None)
@given(cases(), st.booleans())
def test_batch_masking_is_per_sentence_masking(
    case: tuple[list[Term], list[str]], protect: bool
) -> None:
    glossary, batch = case
    guard = Guard(Glossary(tuple(glossary)), protect=protect)
    assert guard.masked_many(batch) == [guard.masked(text) for text in batch]


@settings(max_examples=60, deadline=None)
@given(cases(), st.booleans(), st.booleans())
def test_batch_masking_with_markup_placeholders(
    case: tuple[list[Term], list[str]], protect: bool, triggers: bool
) -> None:
    glossary, batch = case
    batch = [f"<1>{text}</1>" if i % 2 else text for i, text in enumerate(batch)]
    guard = Guard(
        Glossary(tuple(glossary)),
        protect=protect,
        extra_spans=placeholders.spans,
        extra_triggers=placeholders.SPAN_TRIGGERS if triggers else None,
    )
    assert guard.masked_many(batch) == [guard.masked(text) for text in batch]


def test_batch_masking_with_extra_spans() -> None:
    guard = Guard(
        Glossary((Term("Huế", ("Hue",)),)),
        extra_spans=placeholders.spans,
        extra_triggers=placeholders.SPAN_TRIGGERS,
    )
    batch = ["<1>Huế</1> và Huế", "Huế", "không có gì", "a < b"]
    assert guard.masked_many(batch) == [guard.masked(text) for text in batch]
    first = guard.masked_many(batch)[0]
    kinds = [s.kind for s in first.spans] if first is not None else []
    assert kinds == ["markup", "term", "markup", "term"]


def test_quick_init_builds_the_same_objects() -> None:
    span = Span(1, 4, "term", "Hue", label="Huế")
    assert span == Span(1, 4, "term", "Hue", False, "Huế")
    assert dataclasses.replace(span, end=5).end == 5 and span.ordered is False
    assert hash(span) == hash(Span(1, 4, "term", "Hue", label="Huë".replace("ë", "ế")))
    masked = Masked("a", "b", (span,))
    assert masked.spans == (span,) and repr(masked).startswith("Masked(source='a'")

    @quick_init
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 2

    assert Point(1) == Point(x=1, y=2) and Point(1, 3).y == 3


TONED = (
    "hòa",
    "hoà",
    "Hóa",
    "thủy",
    "thuỷ",
    "Ủy",
    "Uỷ",
    "khỏe",
    "khoẻ",
    "Huế",
    "ban",
    "Y",
    "  ",
    "\n",
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(TONED), max_size=5).map(" ".join), max_size=8))
def test_spellings_of_all_sources_at_once(sources: list[str]) -> None:
    nfd = [unicodedata.normalize("NFD", source) for source in sources[::2]]
    assert spellings_all([*sources, *nfd]) == [spellings(s) for s in [*sources, *nfd]]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(TONED[:-2]), min_size=1, max_size=5).map(" ".join)))
def test_spaced_prefixes_are_every_pattern_head(patterns: list[str]) -> None:
    heads = {p[:i] + "  " for p in patterns for i, char in enumerate(p) if char == " "}
    found = _spaced_prefixes(patterns)
    assert sorted(found) == sorted(heads)
