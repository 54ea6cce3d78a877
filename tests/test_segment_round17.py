"""Round 17: news pages republished by aggregators (R6, R7, R9).

A photo credit after a finished caption (`… tại cảng Sài Gòn. Ảnh: Reuters Người phát ngôn …`)
is a segment of its own, and so is the story after it: before this round a credit that
followed a period was taken for an aside and the story stayed glued to it. A credit may end
with its agency's code after a dash (`Ảnh: Vũ Sinh - TTXVN`): whatever capitalised text
follows the code starts a new unit (a subheading, the story). A credit joined to its caption
by a dash stays with it (`… bên hồ sen - Ảnh: Zing`, as dev7's calls have it), and the story
after it is cut off too.

A related story's headline in square brackets, put between two sentences of the article
(`… Sông Tranh 2. [Quảng Nam: Lại xảy ra động đất …] Đặc biệt …`), is a segment of its own.
A Markdown link (`[Tên](url)`), a citation mark (`[3]`) and a bracket inside a sentence are
not such a headline.

Found in real scraped news (magizbox/scraper's vn_news corpus of baomoi.com copies, in no
segdev set except one document of dev15, not these); the examples here are invented.
"""

from __future__ import annotations

from segment_table import assert_lossless, case_tests

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "a credit after a finished caption, then the story",
        "Đoàn xe rời cảng lúc sáng sớm. Ảnh: Reuters Người dân hai bên đường vẫy chào họ.",
        ["Đoàn xe rời cảng lúc sáng sớm.", "Ảnh: Reuters", "Người dân hai bên đường vẫy chào họ."],
    ),
    (
        "a credit of two names after a caption",
        "Bà Hoa phát biểu tại hội nghị. Ảnh: Quang Định Theo bà, ngành còn nhiều khó khăn.",
        ["Bà Hoa phát biểu tại hội nghị.", "Ảnh: Quang Định", "Theo bà, ngành còn nhiều khó khăn."],
    ),
    (
        "a credit that ends with an agency's code, then a subheading",
        "Thu hoạch lúa ở An Giang. Ảnh: Lê Huy - TTXVN Giá lúa tăng mạnh Theo Sở Nông nghiệp, "
        "giá đã tăng.",
        [
            "Thu hoạch lúa ở An Giang.",
            "Ảnh: Lê Huy - TTXVN",
            "Giá lúa tăng mạnh",
            "Theo Sở Nông nghiệp, giá đã tăng.",
        ],
    ),
    (
        "a related headline in brackets between two sentences",
        "Mưa lớn kéo dài cả đêm. [Lào Cai: Lũ quét cuốn trôi nhiều nhà dân] Trong sáng nay, "
        "nước đã rút.",
        [
            "Mưa lớn kéo dài cả đêm.",
            "[Lào Cai: Lũ quét cuốn trôi nhiều nhà dân]",
            "Trong sáng nay, nước đã rút.",
        ],
    ),
    (
        "a credit joined to its caption by a dash, then the story",
        "Cô dâu và chú rể bên hồ sen - Ảnh: Zing Theo tìm hiểu, cả lớp có 38 học sinh.",
        ["Cô dâu và chú rể bên hồ sen - Ảnh: Zing", "Theo tìm hiểu, cả lớp có 38 học sinh."],
    ),
    (
        "a related headline followed by two spaces",
        "Ông nói vậy. [Cảnh sát khẳng định sẽ bắt giữ nghi phạm]  Từ tháng 6, ông đã trốn.",
        ["Ông nói vậy.", "[Cảnh sát khẳng định sẽ bắt giữ nghi phạm]", "Từ tháng 6, ông đã trốn."],
    ),
    (
        "a related headline that opens its paragraph",
        "[Những con số đáng chú ý của mùa giải] Đội bóng đã thắng 25 trận.",
        ["[Những con số đáng chú ý của mùa giải]", "Đội bóng đã thắng 25 trận."],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("a credit in brackets is an aside", "Cây cầu mới (Ảnh: TTXVN) nối hai bờ sông."),
    ("a Markdown link before a capital", "Xem [Tài liệu hướng dẫn](https://x.vn) Sau đó cài."),
    ("a citation mark before a capital", "Theo nghiên cứu [3] Các nhà khoa học đồng ý."),
    ("a bracket inside a sentence", "Ông nói rằng [Bộ Y tế] Việt Nam đã đồng ý."),
    ("an agency after a dash that is a name", "Ảnh: Minh Đức - Tuổi Trẻ"),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_unclosed_brackets_stay_lossless() -> None:
    assert_lossless("Tin mới. [Hà Nội có mưa rào vào chiều tối " * 2_000)
    assert_lossless(". Ảnh: Vũ Sinh - TTXVN " * 2_000)
