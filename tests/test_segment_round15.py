"""Round 15 (dev16, set N): each family of errors has a general rule, tested here with short
invented examples (none is copied from a dev or held-out document): what must be cut, and what
must stay whole. Each case fails without its rule.

JSON front matter (R1, D4; CALLS-N call 1): a page or file that opens with a JSON object (`{`
alone on the first line, then a quoted key) holds one field, entry or brace a line, each a
segment, however the next line starts; the text after the object's closing brace is read as
usual.
"""

from __future__ import annotations

from linear_time import assert_linear
from segment_table import Split, Whole, assert_lossless, case_tests, one_line_texts

SPLIT: list[Split] = [
    (
        "a JSON front matter: one field or entry a line",
        '{\n"tieu_de": "Cách ghép cành bưởi",\n  "the": [\n"ghép cành",\n"bưởi da xanh"\n],\n'
        '  "tac_gia": {\n"ten": "Lê Văn Tâm"\n},\n"nhap": false\n}\n\nBài này hướng dẫn ghép cành.',
        [
            "{",
            '"tieu_de": "Cách ghép cành bưởi",',
            '"the": [',
            '"ghép cành",',
            '"bưởi da xanh"',
            "],",
            '"tac_gia": {',
            '"ten": "Lê Văn Tâm"',
            "},",
            '"nhap": false',
            "}",
            "Bài này hướng dẫn ghép cành.",
        ],
    ),
    (
        "a brace inside a JSON string does not close the object",
        '{\n"mo_ta": "dấu } trong chuỗi",\n"ten": "Hà"\n}\nBài viết của\nchị Hà.',
        ["{", '"mo_ta": "dấu } trong chuỗi",', '"ten": "Hà"', "}", "Bài viết của\nchị Hà."],
    ),
]

WHOLE: list[Whole] = [
    ("a brace that opens a wrapped note, not JSON", '{ghi chú của\n"người dịch": xem thêm}'),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_lossless_on_the_new_marks() -> None:
    for text in one_line_texts(SPLIT, []):
        assert_lossless(text * 7)


def test_json_front_matter_stays_linear() -> None:
    assert_linear('{\n"a": "x",\n', 20_000, 0.5)
