"""patterns.find_all: every start of a literal, found from one rare character of it."""

from __future__ import annotations

import pytest

from translate.segment.patterns import find_all


def _every_start(text: str, literal: str) -> list[int]:
    found, at = [], text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


@pytest.mark.parametrize(
    ("text", "literal", "key"),
    [
        ("......", "....", "."),  # overlapping starts
        ("TÓM TẮT: … TÓM TẮT", "TÓM TẮT", "Ắ"),  # the key past the literal's start
        ("TẮT TÓM TẮ", "TÓM TẮT", "Ắ"),  # the key without the literal
        ("- Ảnh Ảnh - Ảnh ", " Ảnh ", "Ả"),
        ("không có gì", "MỤC LỤC", "Ụ"),  # no key at all
        ("Hạnh phúc - Hạnh phúc", " Hạnh phúc", ""),  # no key: the literal itself
    ],
)
def test_find_all_is_every_start(text: str, literal: str, key: str) -> None:
    assert find_all(text, literal, key) == _every_start(text, literal)
