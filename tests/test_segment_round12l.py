"""Round 12 (dev13, the even half of set L): each family of its errors has a general rule,
tested here with short invented examples (none is copied from a dev or held-out document): what
must be cut, and what must stay whole. Each case fails without its rule.

Front matter (call 1 of set L: every line of a Markdown file is a segment): the YAML or TOML
block that opens a page holds one field or list entry a line, so none of its line breaks is a
hard wrap, not even before a lowercase or quoted entry (`keywords: [⏎"thuật toán",`).

Spaced dot leaders (R4): a table of contents set in Word or a PDF spaces its leader's periods
(`1.2. Mục tiêu . . . . 12`); none of them ends a sentence, and each entry is one segment with
its page number, also when the entries were flattened onto one line.
"""

from __future__ import annotations

import pytest
from linear_time import assert_linear
from segment_table import Split, Whole, assert_lossless, case_tests

from translate.segment import segment_text

SPLIT: list[Split] = [
    (
        "front matter: a list of quoted keywords, one a line",
        '---\ntitle: "Bài tập"\nkeywords: [\n"thuật toán nâng cao",\n"luyen giai thuat",\n'
        '"Bài tập JavaScript"\n]\n---\nNội dung bài viết\nmở đầu ở đây.',
        [
            "---",
            'title: "Bài tập"',
            "keywords: [",
            '"thuật toán nâng cao",',
            '"luyen giai thuat",',
            '"Bài tập JavaScript"',
            "]",
            "---",
            "Nội dung bài viết\nmở đầu ở đây.",
        ],
    ),
    (
        "front matter: a list item before the next field",
        '---\ntags:\n  - lap-trinh\n  - javascript\nteaser: "Tài liệu có ở trang này."\n'
        "categories:\n    - about\nheader: no\n---",
        [
            "---",
            "tags:",
            "- lap-trinh",
            "- javascript",
            'teaser: "Tài liệu có ở trang này."',
            "categories:",
            "- about",
            "header: no",
            "---",
        ],
    ),
    (
        "front matter in TOML",
        '+++\ntitle = "Ghi chép"\nsummary = "một bản tóm tắt"\n+++\nBài viết mở đầu.',
        ["+++", 'title = "Ghi chép"', 'summary = "một bản tóm tắt"', "+++", "Bài viết mở đầu."],
    ),
    (
        "spaced leaders: one entry a line",
        "MỤC LỤC\n1.2. Mục tiêu nghiên cứu . . . . . . . 12\n2.1 Tổng quan. . . . . . . 16\n"
        "Lời nói đầu . . . . . . . . ii",
        [
            "MỤC LỤC",
            "1.2. Mục tiêu nghiên cứu . . . . . . . 12",
            "2.1 Tổng quan. . . . . . . 16",
            "Lời nói đầu . . . . . . . . ii",
        ],
    ),
    (
        "spaced leaders: entries flattened onto one line",
        "MỤC LỤC Lời nói đầu . . . . . 3 Chương 1. Tổng quan . . . . . 5 1.1. Khái niệm . . . "
        ". 7 Chương 2. Phương pháp . . . . 9",
        [
            "MỤC LỤC",
            "Lời nói đầu . . . . . 3",
            "Chương 1. Tổng quan . . . . . 5",
            "1.1. Khái niệm . . . . 7",
            "Chương 2. Phương pháp . . . . 9",
        ],
    ),
    (
        "a spaced ellipsis before a new sentence still ends one",
        "Chờ mãi. . . Cuối cùng xe cũng tới.",
        ["Chờ mãi. . .", "Cuối cùng xe cũng tới."],
    ),
]

WHOLE: list[Whole] = [
    ("a spaced leader and its page number", "1.1. Khái niệm chung . . . . . . . . . . 7"),
    ("a spaced leader glued to its title", "2.3 Kết quả. . . . . . . . 41"),
    ("a spaced ellipsis before a lowercase word", "Anh đứng đó . . . rồi lặng lẽ bỏ đi."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


@pytest.mark.parametrize(
    "text",
    [
        ". " * 50_000,
        "Mục . . . 1 " * 20_000,
    ],
)
def test_round_twelve_l_marks_are_lossless_on_repeats(text: str) -> None:
    assert_lossless(text)


def test_long_front_matter_is_lossless_one_field_a_line() -> None:
    text = "---\n" + 'a: "b c"\n' * 20_000 + "---\nBài viết."
    segments = [segment.text for segment in segment_text(text).segments]
    assert "".join(segments).split() == "".join(text.split("\n")).split()
    assert len(segments) == 20_003


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["Mục tiêu . . . . 12 ", ". . . . . . . . "])
def test_round_twelve_l_marks_are_linear(unit: str) -> None:
    """Four times the text takes about four times as long (CPU time, best of two)."""
    assert_linear(unit, 50_000, slack=0.3)
