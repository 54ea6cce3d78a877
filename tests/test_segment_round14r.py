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

Run-in headings and datelines (R9, D2): a dateline or a section label that opens a paragraph is
cut from a story whose subject is an acronym of three letters or more (`Cần Thơ ‖CSGT tổ chức
…`; a two-letter one is a name's suffix: `Hà Nội FC`) or opens with an accented capital alone
(`Góc nhìn ‖Ý kiến của …`); a heading in title case, whose inner
words (`Và`, `Tại`, `Của`) are capitalised as no sentence has them, is cut before the opener
that starts the prose after it, as a heading ending in a lowercase word is. No cut inside a body's
name (`Ủy ban Chỉ đạo …`, `Cơ quan Theo dõi …`), after a reporting verb (`đưa tin Ông …`,
`cho biết Ông …`) or inside a quotation in straight quotes.
"""

from __future__ import annotations

from linear_time import assert_linear
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

SPLIT += [
    (
        "a dateline before an acronym as the story's subject",
        "Cần Thơ CSGT tổ chức tuần tra suốt đêm qua.",
        ["Cần Thơ", "CSGT tổ chức tuần tra suốt đêm qua."],
    ),
    (
        "a section label before an acronym and a name",
        "Tin nóng WHO Việt Nam khuyến cáo người dân tiêm nhắc lại.",
        ["Tin nóng", "WHO Việt Nam khuyến cáo người dân tiêm nhắc lại."],
    ),
    (
        "a section label before a story whose first word is one accented capital",
        "Góc nhìn Ý kiến của bạn đọc về giá điện được gửi về rất nhiều.",
        ["Góc nhìn", "Ý kiến của bạn đọc về giá điện được gửi về rất nhiều."],
    ),
    (
        "a title-case heading before an opener, after a sentence end",
        "Giá lan tăng mạnh. Bí Quyết Trồng Lan Tại Nhà Theo nhiều nhà vườn, nên tưới sớm.",
        ["Giá lan tăng mạnh.", "Bí Quyết Trồng Lan Tại Nhà", "Theo nhiều nhà vườn, nên tưới sớm."],
    ),
    (
        "a title-case heading before a strong opener",
        "Mùa Nước Nổi Của Người Miền Tây Trong những tháng này, cá linh về nhiều.",
        ["Mùa Nước Nổi Của Người Miền Tây", "Trong những tháng này, cá linh về nhiều."],
    ),
]

WHOLE: list[Whole] = [
    ("a contents entry after a question, flattened", "Đất nhiễm mặn là gì? ........ 4"),
    ("a two-letter acronym after a place is a name's suffix", "Hà Nội FC thắng đậm trên sân nhà."),
    (
        "a name in title case, no inner word capitalised, before an opener",
        "Phòng Quản Lý Đào Tạo Sau đại học thông báo lịch thi.",
    ),
    ("a body's name that opens with an opener", "Sáng nay Ủy ban Chỉ đạo phòng chống lụt bão họp."),
    ("an agency's name", "Chiều qua Cơ quan Theo dõi môi trường công bố số liệu mới."),
    (
        "a reporting verb before a capitalised pronoun",
        "Hãng tin AP đưa tin Ông Biden sẽ tái tranh cử.",
    ),
    (
        "a capitalised opener inside straight quotes",
        'Bà nói "Đây là Nữ hoàng Đầu tiên của chúng tôi" rồi bật khóc.',
    ),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_lossless_on_the_new_marks() -> None:
    for text in one_line_texts(SPLIT, WHOLE):
        assert_lossless(text)
        assert_lossless(" ".join([text] * 3))


def test_title_case_runs_stay_linear() -> None:
    # A long run of capitalised words and openers (one unit): each opener's stretch is
    # bounded, the title-case test looks at its words only.
    assert_linear("Bí Quyết Và Cách Trồng Lan Tại Nhà Trong ", 20_000, 0.5)
    assert_linear("Tin nóng CSGT Cần Thơ WHO ", 20_000, 0.5)
