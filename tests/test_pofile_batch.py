"""Breaking many strings in one pass (``wrap_strings``, ``Libunistring.many``) gives exactly
the lines of breaking each on its own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate import pofile
from translate.pofile import wrap as po_wrap
from translate.pofile.unibreak import Libunistring

# Prose with the characters that make line breaking interesting: escapes, wide and combining
# characters, emoji, no-break and zero-width spaces, dashes, quotes, brackets.
_char = st.one_of(
    st.sampled_from("aăbđêơưàảãáạ 0123456789.,;:!?-–—/()[]“”\"'\\\t\n…%"),
    st.sampled_from("\u00a0\u200b\u0301\u3001中文字🙂\U0001f1fb\U0001f1f3"),
    st.characters(blacklist_categories=("Cs",)),
)
_value = st.text(_char, max_size=300)


def _library() -> Libunistring:
    breaker = po_wrap._breaker()
    if not isinstance(breaker, Libunistring):
        pytest.skip("libunistring is not installed")
    return breaker


@settings(max_examples=200, deadline=None)
@given(st.lists(_value.map(pofile.escape), max_size=12), st.sampled_from([0, 6, 7, 80]))
def test_many_breaks_each_text_as_one_call_does(texts: list[str], start: int) -> None:
    library = _library()
    assert library.many(texts, 77, start) == [library(t, 77, start, False) for t in texts]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_value, max_size=12),
    st.sampled_from(["", "#~ ", "#| "]),
    st.sampled_from(["msgid", "msgstr", "msgstr[1]"]),
    st.sampled_from([79, 40, 10]),
)
def test_wrap_strings_is_wrap_string_of_each(
    values: list[str], prefix: str, keyword: str, width: int
) -> None:
    expected = [po_wrap._wrap(prefix, keyword, value, width) for value in values]  # uncached
    po_wrap._CACHE.clear()
    assert po_wrap.wrap_strings(prefix, keyword, values, width) == expected
    assert [po_wrap.wrap_string(prefix, keyword, v, width) for v in values] == expected


def test_many_spans_batches() -> None:
    library = _library()
    texts = [f"Câu {n} " + 'có nhiều chữ “tiếng Việt” \\"dài\\" ' * (n % 40) for n in range(3000)]
    assert sum(map(len, texts)) > 2 * (1 << 18)  # more than one batch
    assert library.many(texts, 77, 0) == [library(t, 77, 0, False) for t in texts]


def test_a_full_cache_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(po_wrap, "_CACHE_LIMIT", 3)
    po_wrap._CACHE.clear()
    values = [f"giá trị {n} " * n for n in range(10)]
    expected = [po_wrap._wrap("", "msgid", v, 79) for v in values]
    assert po_wrap.wrap_strings("", "msgid", values) == expected
    assert len(po_wrap._CACHE) <= 3
