"""Round 12 (dev13, the even half of set L): each family of its errors has a general rule,
tested here with short invented examples (none is copied from a dev or held-out document): what
must be cut, and what must stay whole. Each case fails without its rule.

Front matter (call 1 of set L: every line of a Markdown file is a segment): the YAML or TOML
block that opens a page holds one field or list entry a line, so none of its line breaks is a
hard wrap, not even before a lowercase or quoted entry (`keywords: [⏎"thuật toán",`).

Flattened slides (R9, R10; D2): a bullet glyph that only marks list items (`¨`, `❖`, a
Wingdings glyph) starts an item where it is run in; a numbered list run together starts an
item at each number when they count up from 1 (at least three; a number that a word completes,
`xếp hạng 1.`, ends a sentence instead); a slide's footer (`3/9/21 1`, its date and slide
number), repeated with the same date and a growing number, is a unit of its own; an author's
academic title and name after three upper-case words (a cover's title) starts a unit.

Titles in parts (R1, hard wraps): a page that sets each part of a title in a paragraph of its
own (`HƯỚNG DẪN VIẾT BÀI BÁO⏎⏎đăng trên Tạp chí …`) gives one title when the upper-case part
is followed by a short lowercase part of Vietnamese words without a final stop; a sentence or
a slug after it is a unit of its own.

Table cells (call 1 of set L, D3): a Markdown table row stays one layout line, but a cell that
holds several sentences is split at them; the row's first segment keeps its opening pipe and
the cells before the cut, the last one the closing pipe. A stop before a cell's closing pipe or
glued to a `<br>` is no cut.

Spaced dot leaders (R4): a table of contents set in Word or a PDF spaces its leader's periods
(`1.2. Mục tiêu . . . . 12`); none of them ends a sentence, and each entry is one segment with
its page number, also when the entries were flattened onto one line. A leader of ellipsis
characters may be two long (`Tổng quan …… 5`: six periods' worth), and a front matter's page
number a lowercase roman numeral (`Lời cảm ơn........ii`).
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
        "a text between two rules is no front matter: its wrapped prose joins",
        "---\nThư gửi bà con, năm nay mùa màng\nthất bát vì hạn hán kéo dài.\n---",
        ["---", "Thư gửi bà con, năm nay mùa màng\nthất bát vì hạn hán kéo dài.", "---"],
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
        "leaders of two ellipsis characters, entries flattened onto one line",
        "Chương 1. Tổng quan …… 5 1.1. Khái niệm …… 7 1.2. Ý nghĩa …… 9",
        ["Chương 1. Tổng quan …… 5", "1.1. Khái niệm …… 7", "1.2. Ý nghĩa …… 9"],
    ),
    (
        "roman page numbers of a front matter, entries flattened onto one line",
        "Lời cảm ơn........ii Mục lục.........iii Chương 1. Mở đầu.........1",
        ["Lời cảm ơn........ii", "Mục lục.........iii", "Chương 1. Mở đầu.........1"],
    ),
    (
        "a spaced ellipsis before a new sentence still ends one",
        "Chờ mãi. . . Cuối cùng xe cũng tới.",
        ["Chờ mãi. . .", "Cuối cùng xe cũng tới."],
    ),
]

SPLIT += [
    (
        "bullet glyphs of a flattened slide",
        "Vai trò của thư viện ¨ Lưu giữ tài liệu quý ¨ Phục vụ bạn đọc tra cứu",
        ["Vai trò của thư viện", "¨ Lưu giữ tài liệu quý", "¨ Phục vụ bạn đọc tra cứu"],
    ),
    (
        "bullet glyphs after a list introducer",
        "Hồ sơ gồm: ❖ Đơn xin việc viết tay ❖ Bản sao bằng cấp có công chứng",
        ["Hồ sơ gồm:", "❖ Đơn xin việc viết tay", "❖ Bản sao bằng cấp có công chứng"],
    ),
    (
        "a numbered list run together, counting up from 1",
        "Mục tiêu bài học 1. Nêu được khái niệm cơ bản 2. Phân biệt các loại hình 3. Vận dụng "
        "vào bài tập",
        [
            "Mục tiêu bài học",
            "1. Nêu được khái niệm cơ bản",
            "2. Phân biệt các loại hình",
            "3. Vận dụng vào bài tập",
        ],
    ),
    (
        "slide footers: the same date, a growing slide number",
        "Bài giảng Kinh tế học: 3/9/21 1 NHẬP MÔN KINH TẾ HỌC 3/9/21 2 Kinh tế học là gì?",
        [
            "Bài giảng Kinh tế học:",
            "3/9/21 1",
            "NHẬP MÔN KINH TẾ HỌC",
            "3/9/21 2",
            "Kinh tế học là gì?",
        ],
    ),
    (
        "an author's academic title after a cover's upper-case title",
        "BÀI GIẢNG PHƯƠNG PHÁP NGHIÊN CỨU KHOA HỌC PGS.TS. Lê Văn Minh",
        ["BÀI GIẢNG PHƯƠNG PHÁP NGHIÊN CỨU KHOA HỌC", "PGS.TS. Lê Văn Minh"],
    ),
    (
        "numbers a word completes are sentence ends, no list",
        "Đội A xếp hạng 1. Đội B xếp hạng 2. Đội C xếp hạng 3. Đội D bị loại.",
        ["Đội A xếp hạng 1.", "Đội B xếp hạng 2.", "Đội C xếp hạng 3.", "Đội D bị loại."],
    ),
]

SPLIT += [
    (
        "an upper-case title whose lowercase part is a paragraph of its own",
        "HƯỚNG DẪN VIẾT BÀI BÁO\n\nđăng trên Tạp chí Khoa học Việt Nam\n\n1. Quy định chung",
        ["HƯỚNG DẪN VIẾT BÀI BÁO\n\nđăng trên Tạp chí Khoa học Việt Nam", "1. Quy định chung"],
    ),
    (
        "a lowercase sentence after an upper-case heading stays a unit (R13)",
        "THÔNG BÁO\n\nmình cần tuyển hai bạn bán hàng.",
        ["THÔNG BÁO", "mình cần tuyển hai bạn bán hàng."],
    ),
    (
        "a slug after an upper-case title stays a unit",
        "KHUÔN MẶT QUẢNG NGÃI\n\nkhuon mat quang ngai",
        ["KHUÔN MẶT QUẢNG NGÃI", "khuon mat quang ngai"],
    ),
]

TABLE = "| Khái niệm | Giải thích |\n|---|---|\n"
SPLIT += [
    (
        "a table cell of two sentences",
        TABLE + "| Thread | Là một luồng xử lý. Cụ thể là bất kỳ tác vụ nào. |",
        [
            "| Khái niệm | Giải thích |",
            "|---|---|",
            "| Thread | Là một luồng xử lý.",
            "Cụ thể là bất kỳ tác vụ nào. |",
        ],
    ),
    (
        "a cell's sentences, then a cell of one sentence",
        TABLE + "| Kho | Là một ngôi nhà lớn. Mọi tệp nằm trong đó. | Ghi chú. |",
        [
            "| Khái niệm | Giải thích |",
            "|---|---|",
            "| Kho | Là một ngôi nhà lớn.",
            "Mọi tệp nằm trong đó. | Ghi chú. |",
        ],
    ),
]

ROW_GET = "| **GET** | Lấy dữ liệu. | - **An toàn** (không đổi).<br>- Có thể **cache**. |"
SPLIT += [
    (
        "a row whose cells end with their only sentence, or list items after `<br>`",
        TABLE + ROW_GET,
        ["| Khái niệm | Giải thích |", "|---|---|", ROW_GET],
    ),
    (
        "an abbreviation inside a cell",
        TABLE + "| 1. Cài đặt | Xem TP. Hồ Chí Minh. |",
        ["| Khái niệm | Giải thích |", "|---|---|", "| 1. Cài đặt | Xem TP. Hồ Chí Minh. |"],
    ),
]

WHOLE: list[Whole] = [
    ("an academic title inside a sentence", "Theo TS. Nguyễn Văn An, giá lúa tăng."),
    ("an academic title after two upper-case words", "Chuyên gia WHO TS. Lê Thị Hoa đã đến."),
    ("a menu's separators are no bullets (D3)", "Trang chủ • Tin tức • Liên hệ"),
    ("prose dates are no slide footers", "Họp lúc 8/3/24 9 giờ sáng, gặp lại hôm 8/3/24 10 giờ."),
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
