"""What the segmentation rounds' case tables check: a text cut into the segments listed, a
text left whole, and long runs of a new mark given back whole (segments and gaps)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from translate.segment import segment_text

Split = tuple[str, str, list[str]]  # (name, text, the segments it is cut into)
Whole = tuple[str, str]  # (name, a text that stays one segment)


def segment_texts(text: str) -> list[str]:
    return [segment.text for segment in segment_text(text).segments]


def assert_split(name: str, text: str, expected: list[str]) -> None:
    assert segment_texts(text) == expected, name


def assert_whole(name: str, text: str) -> None:
    assert segment_texts(text) == [text], name


def assert_lossless(text: str) -> None:
    """The segments hold every non-space character of ``text``, in order."""
    document = segment_text(text)
    assert "".join(segment.text for segment in document.segments).replace(" ", "") == (
        text.replace(" ", "")
    )


def one_line_texts(split: Sequence[Split], whole: Sequence[Whole]) -> list[str]:
    """The table's texts without a line break (repeated, they must stay lossless)."""
    return [case[1] for case in split if "\n" not in case[1]] + [case[1] for case in whole]


def case_tests(
    split: Sequence[Split], whole: Sequence[Whole]
) -> tuple[Callable[[str, str, list[str]], None], Callable[[str, str], None]]:
    """A round's two table tests, one case each (assign them to ``test_split, test_whole``)."""

    @pytest.mark.parametrize(("name", "text", "expected"), split, ids=[case[0] for case in split])
    def test_split(name: str, text: str, expected: list[str]) -> None:
        assert_split(name, text, expected)

    @pytest.mark.parametrize(("name", "text"), whole, ids=[case[0] for case in whole])
    def test_whole(name: str, text: str) -> None:
        assert_whole(name, text)

    return test_split, test_whole
