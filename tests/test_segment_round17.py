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

From dev18 (set Q, a tuning set of line-structured and hard-wrapped documents): a list number
that a word processor doubled (`1. 1.   Khởi động`) or wrote with a bracket and a period
(`a). Trong …`) opens its item, it ends no sentence; a form's long blank before the next field
on the same line (`Ông/bà:……………   Sinh năm: ……`) ends none either (D3); the period a title
covers, set on a line of its own (`… TỈNH SÓC TRĂNG⏎NĂM 2022`), is part of the title; `a.k.a.`
is an abbreviation; in wrapped prose a line far shorter than the document's wrapped lines
(a flowchart's box, `Nghiên cứu sơ bộ⏎Thu thập …`) ends where its writer ended it; and a line
inside an open bracket goes on across a blank line to a lowercase line (`(Ban hành kèm theo
Thông tư số …⏎⏎ngày 11 …)`).
"""

from __future__ import annotations

from segment_table import assert_lossless, case_tests

from translate.segment import segment_text

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

SPLIT += [
    (
        "list numbers a word processor doubled",
        "  1. 1.   Khởi động buổi làm việc\n  2. 2.   Thông tin cơ bản về hồ sơ",
        ["1. 1.   Khởi động buổi làm việc", "2. 2.   Thông tin cơ bản về hồ sơ"],
    ),
    (
        "a form's blanks before the next field on the same line",
        "Ông/bà:……………………….            Sinh năm: ………………\nĐịa chỉ: ………………………",
        ["Ông/bà:……………………….            Sinh năm: ………………", "Địa chỉ: ………………………"],
    ),
    (
        "a doubled ellipsis in prose still ends",
        "Chờ mãi…… Sáng hôm sau: trời mưa.",
        [
            "Chờ mãi……",
            "Sáng hôm sau: trời mưa.",
        ],
    ),
    (
        "the period a title covers on a line of its own",
        "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH NÔNG THÔN MỚI TRÊN ĐỊA BÀN HUYỆN\nGIAI ĐOẠN 2021 - 2025\n"
        "Căn cứ Nghị quyết số 12/NQ-HĐND;",
        [
            "KẾ HOẠCH",
            "THỰC HIỆN CHƯƠNG TRÌNH NÔNG THÔN MỚI TRÊN ĐỊA BÀN HUYỆN\nGIAI ĐOẠN 2021 - 2025",
            "Căn cứ Nghị quyết số 12/NQ-HĐND;",
        ],
    ),
    (
        "a cover's place and year stay apart",
        "TRƯỜNG ĐẠI HỌC SƯ PHẠM\nĐÀ NẴNG\nNĂM 2024",
        ["TRƯỜNG ĐẠI HỌC SƯ PHẠM", "ĐÀ NẴNG", "NĂM 2024"],
    ),
]

WHOLE += [
    ("a lettered item with a bracket and a period", "a). Trong buổi phỏng vấn, cần hỏi rõ ràng."),
    ("a.k.a. before a lowercase handle", "Tác giả Minh Trần (a.k.a. minhtran) viết thư viện này."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)

_FLOWCHART = (  # (ragged wraps, as a PDF viewer's text has them: no one width)
    "Quy trình nghiên cứu được trình bày dưới đây. Sơ đồ của luận văn\n"
    "gồm các bước từ việc xác định mục tiêu cho đến việc đề xuất giải pháp phát triển dịch vụ và\n"
    "mỗi bước được mô tả ở các mục tiếp theo của chương này trong luận văn để người đọc "
    "tiện theo dõi và\n"
    "đối chiếu với kết quả nghiên cứu của những tác giả đã công bố trước đây trong nước "
    "và ngoài nước khi\n"
    "bàn về cùng chủ đề.\n"
    "Nghiên cứu sơ bộ\n"
    "Thu thập thông tin sơ cấp\n"
    "Phân tích thống kê mô tả\n"
)


def test_short_lines_of_wrapped_prose_end_where_written() -> None:
    texts = [segment.text for segment in segment_text(_FLOWCHART).segments]
    assert texts[-3:] == [
        "Nghiên cứu sơ bộ",
        "Thu thập thông tin sơ cấp",
        "Phân tích thống kê mô tả",
    ]
    assert texts[-4].endswith("chủ đề.") and "\n" in texts[-4]


def test_an_open_bracket_goes_on_across_a_blank_line() -> None:
    text = (
        "QUY ĐỊNH\n\n(Ban hành kèm theo Thông tư số 45/2011/TT-BGDĐT\n\n"
        "ngày 11 tháng 10 năm 2011)\n"
    )
    texts = [segment.text for segment in segment_text(text).segments]
    assert texts == [
        "QUY ĐỊNH",
        "(Ban hành kèm theo Thông tư số 45/2011/TT-BGDĐT\n\nngày 11 tháng 10 năm 2011)",
    ]


def test_unclosed_brackets_stay_lossless() -> None:
    assert_lossless("Tin mới. [Hà Nội có mưa rào vào chiều tối " * 2_000)
    assert_lossless(". Ảnh: Vũ Sinh - TTXVN " * 2_000)
