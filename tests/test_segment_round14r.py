"""Round 14r (the `runin` stress family and dev11, set C): each family of errors has a general
rule, tested here with short invented examples (none is copied from a dev or held-out document
or from the stress set): what must be cut, and what must stay whole. Each case fails without
its rule.

Contents entries (R4, dot leaders): an entry's title may end with its own mark (`Thế nào là
một tạp chí khoa học? ........ 9`); the leader and the page number after it still belong to
the entry, whatever the mark.

Decree headers and preambles (R1, hard wraps; R12): a preamble clause (`Căn cứ …`, `Xét đề
nghị …`) ends with its `;` (the last one with `,`), so a clause's line that ends without one
goes on onto the next line even before a capital (`Xét đề nghị của Giám đốc⏎Sở Tài chính,`),
unless the next line opens the next clause or the enacting word (`QUYẾT ĐỊNH:`). A header
cell that wraps the place of the date line keeps the place whole (`Tam⏎Kỳ, ngày 19 …`).
"""

from __future__ import annotations

from segment_table import Split, Whole, assert_lossless, case_tests, one_line_texts

SPLIT: list[Split] = [
    (
        "contents entries that end with a question mark, one a line",
        "MỤC LỤC\nVì sao phải đo độ mặn của đất? ............ 7\nĐo thế nào cho đúng? ...... 12",
        [
            "MỤC LỤC",
            "Vì sao phải đo độ mặn của đất? ............ 7",
            "Đo thế nào cho đúng? ...... 12",
        ],
    ),
    (
        "an exclamation and an ellipsis character leader before the page",
        "Lời nhắn gửi bạn đọc! …………… 3\nPhần một: Làng nghề …… 5",
        ["Lời nhắn gửi bạn đọc! …………… 3", "Phần một: Làng nghề …… 5"],
    ),
    (
        "a preamble clause wrapped before a capitalised name",
        "Căn cứ Luật Thủy sản ngày 21 tháng 11 năm 2017;\nXét đề nghị của Chi cục trưởng\n"
        "Chi cục Thủy sản tỉnh tại Tờ trình số 12/TTr-CCTS,\nQUYẾT ĐỊNH:",
        [
            "Căn cứ Luật Thủy sản ngày 21 tháng 11 năm 2017;",
            "Xét đề nghị của Chi cục trưởng\nChi cục Thủy sản tỉnh tại Tờ trình số 12/TTr-CCTS,",
            "QUYẾT ĐỊNH:",
        ],
    ),
    (
        "a clause whose semicolon was left out still ends before the next clause",
        "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013\nCăn cứ Nghị định số 43/2014/NĐ-CP;\n"
        "Theo đề nghị của Trưởng phòng Tài nguyên\nQUYẾT ĐỊNH:",
        [
            "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013",
            "Căn cứ Nghị định số 43/2014/NĐ-CP;",
            "Theo đề nghị của Trưởng phòng Tài nguyên",
            "QUYẾT ĐỊNH:",
        ],
    ),
    (
        "the place of a date line wrapped in its header cell",
        "Số: 05/2019/QĐ-UBND\nBuôn Ma\nThuột, ngày 4 tháng 3 năm 2019\nQUYẾT ĐỊNH",
        ["Số: 05/2019/QĐ-UBND", "Buôn Ma\nThuột, ngày 4 tháng 3 năm 2019", "QUYẾT ĐỊNH"],
    ),
    (
        "a signature's title above a date line stays a line of its own",
        "Chủ tịch\nPleiku, ngày 4 tháng 3 năm 2019",
        ["Chủ tịch", "Pleiku, ngày 4 tháng 3 năm 2019"],
    ),
]

WHOLE: list[Whole] = [
    ("a contents entry after a question, flattened", "Đất nhiễm mặn là gì? ........ 4"),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_lossless_on_the_new_marks() -> None:
    for text in one_line_texts(SPLIT, WHOLE):
        assert_lossless(text)
        assert_lossless(" ".join([text] * 3))
