"""Issue 11, fifth round: forms that only the former held-out sets (now dev4 and dev5) show,
each with what must stay whole next to the rule.

Glued: a straight quote that opens a quotation of several sentences right after a full stop,
a curly quote glued after a date's full stop. Each case was written for this file; none is
copied from a dev or held-out document.

Markup: a table cell's closing bar after a caption's full stop stays with the caption; a list
number before a table bar or a reference caret stays with its item; a Markdown image line and
the lines of a fenced code block are never joined as wrapped prose.

Run-ins: a bracketed source and its dash open a story after a full stop or after a dateline
place, or after a title it is run into when a strong opener starts the story (a bracketed
aside in a sentence, or before a site name, stays); a dateline place and
its dash open any story, a title too (`Đà Nẵng – Năm 2017`, a place and a date, stays); a place
or a section label before a name that is the story's subject.

Chat: an emoji ends a sentence before any capitalised word of running text, not only before a
sentence opener (an emoji inside a sentence before a name stays); a full stop after an emoticon
`:(` ends a sentence (the bracket is no omission mark), and so does a bracketed exclamation
before a capital (`… 1 tỷ đồng(!) Ta …`; before a lowercase word the sentence goes on).

Captions: a scraped image's label (`ảnh 2`) glued to the caption that follows it.

Covers: two upper-case headings of a flattened cover glued into one run, found as a run that
is no Vietnamese syllable but exactly one pair of them between upper-case syllables (acronyms
split into no such pair); an upper-case heading of Vietnamese syllables run in with spaces
between the cover and the prose under it (a strong opener, then lowercase), cut before it
after a word or number that is not upper case; acronyms are no syllables; in a unit that opens
in upper case, a heading whose last words the next sentence repeats (a headline after an
upper-case label is no prose).

Decrees: an article numbered by a code of a compiled code of law (`Điều 4.2.NĐ.1.`) is a label
that stays with its title; an article's title run into its first sentence, which names the act
itself (`Nghị định này quy định …`), is cut there (not after `của`, nor past a clause stop).

Wrapped headings: an upper-case line is wrapped when it is longer than a heading is set, when
it and the next line are both long (a title set in a block), or when a long one is followed
by a lone syllable; a long title before a short signature line is not; a capitalised `Điều`
at a line's end before a number is a number's head (`Sửa đổi Điều⏎5:`).

Labels: a credit after a dash has no colon (`… - Ảnh HN`, one short value, then a bar, `cung
cấp` or the line's end); a work's title after its kind (`bài thơ Ông Đồ`) is no run-in
heading; a URL ending in a terminator before another URL is a line of links.

Letters and forms: a bracketed note on a line of its own under a title is not joined to it
nor to what follows; a letter's addressee line (`Kính gửi: …`) ends at its line break; the
blanks of a date form (`ngày⏎tháng⏎năm 2024`) are one line.

Datelines again: a place or a section label before a story that opens with an accented
capital alone (`Ở`), a single quote, or after the place's dash a number.
"""

from __future__ import annotations

import pytest
from segment_table import case_tests

from translate.segment import segment_text

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "a glued straight quote opening a quotation of two sentences",
        'Giá phân bón giảm rất chậm."Vì vậy, nông dân vẫn lỗ. Vụ tới còn khó", ông Hai nói.',
        [
            "Giá phân bón giảm rất chậm.",
            '"Vì vậy, nông dân vẫn lỗ.',
            'Vụ tới còn khó", ông Hai nói.',
        ],
    ),
    (
        "a curly quote glued after a date's full stop",
        "Sở Y tế ra thông báo ngày 12/9.“Bệnh viện sẽ mở thêm hai khoa mới.”",
        ["Sở Y tế ra thông báo ngày 12/9.", "“Bệnh viện sẽ mở thêm hai khoa mới.”"],
    ),
    (
        "a table cell's closing bar stays with the credit",
        "Đoàn xe qua cầu Rạch Miễu. Ảnh: TTXVN. |",
        ["Đoàn xe qua cầu Rạch Miễu.", "Ảnh: TTXVN. |"],
    ),
    (
        "a Markdown image line after a table cell is a line of its own",
        "| Người dân dọn bùn sau lũ. - Ảnh: Minh Hà |\n![]() |\n| Đường ngập sâu.",
        ["| Người dân dọn bùn sau lũ.", "- Ảnh: Minh Hà |", "![]() |", "| Đường ngập sâu."],
    ),
    (
        "the lines of a fenced code block are never joined",
        "Chạy lệnh sau:\n```bash\n# cài gói\npip install gói-mẫu\nlàm tiếp bước hai\n```",
        [
            "Chạy lệnh sau:",
            "```bash",
            "# cài gói",
            "pip install gói-mẫu",
            "làm tiếp bước hai",
            "```",
        ],
    ),
    (
        "a bracketed source after a dateline place and a comma",
        "Cần Thơ, (TTXVN) – Một cơn lốc đã làm tốc mái 40 căn nhà.",
        ["Cần Thơ, (TTXVN) –", "Một cơn lốc đã làm tốc mái 40 căn nhà."],
    ),
    (
        "a bracketed source after a title's full stop",
        "Khởi công cầu mới ở Cà Mau. (PLO) - Sáng nay, tỉnh đã khởi công cầu.",
        ["Khởi công cầu mới ở Cà Mau.", "(PLO) -", "Sáng nay, tỉnh đã khởi công cầu."],
    ),
    (
        "a dateline place and its dash before a title-case headline",
        "Cần Thơ - Cá Tra Rớt Giá Kỷ Lục",
        ["Cần Thơ -", "Cá Tra Rớt Giá Kỷ Lục"],
    ),
    (
        "a section label before a foreign name that opens the story",
        "Tin nóng Angela Merkel tuyên bố sẽ không tái tranh cử.",
        ["Tin nóng", "Angela Merkel tuyên bố sẽ không tái tranh cử."],
    ),
    (
        "an emoji before a capitalised word of running text",
        "Trời nóng quá 🥵 Phòng trọ không có quạt luôn.",
        ["Trời nóng quá 🥵", "Phòng trọ không có quạt luôn."],
    ),
    (
        "a full stop after an emoticon",
        "Hết vé rồi :(. Hẹn các bạn tuần sau nhé.",
        ["Hết vé rồi :(.", "Hẹn các bạn tuần sau nhé."],
    ),
    (
        "an image label glued to its caption",
        "Nước lũ tràn qua quốc lộ ảnh 2Người dân dắt xe qua đoạn ngập.",
        ["Nước lũ tràn qua quốc lộ ảnh 2", "Người dân dắt xe qua đoạn ngập."],
    ),
    (
        "two upper-case headings glued at a syllable",
        "BỘ GIÁO DỤC VÀ ĐÀO TẠOTRƯỜNG ĐẠI HỌC CẦN THƠ",
        ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC CẦN THƠ"],
    ),
    (
        "an upper-case heading run in between a cover and its prose",
        "Cần Thơ, 2021 LỜI NÓI ĐẦU Tôi xin gửi lời cảm ơn tới thầy cô.",
        ["Cần Thơ, 2021", "LỜI NÓI ĐẦU", "Tôi xin gửi lời cảm ơn tới thầy cô."],
    ),
    (
        "an article's title run into the sentence that names the act",
        "Điều 4.2.NĐ.1. Phạm vi điều chỉnh Thông tư này hướng dẫn việc cấp phép khai thác cát.",
        [
            "Điều 4.2.NĐ.1. Phạm vi điều chỉnh",
            "Thông tư này hướng dẫn việc cấp phép khai thác cát.",
        ],
    ),
    (
        "an upper-case title set in a block of long lines, then a short signature line",
        "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ NHÀ NƯỚC VỀ PHÒNG, CHỐNG THIÊN\n"
        "TAI VÀ TÌM KIẾM CỨU NẠN TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG NĂM 2024\n"
        "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
        [
            "QUYẾT ĐỊNH",
            "BAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ NHÀ NƯỚC VỀ PHÒNG, CHỐNG THIÊN\n"
            "TAI VÀ TÌM KIẾM CỨU NẠN TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG NĂM 2024",
            "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
        ],
    ),
    (
        "a long upper-case line before a lone syllable",
        "NGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU VỀ ĐĂNG KÝ VÀ QUẢN LÝ PHƯƠNG TIỆN THỦY NỘI\n"
        "ĐỊA\nCăn cứ Luật Giao thông đường thủy nội địa;",
        [
            "NGHỊ ĐỊNH",
            "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU VỀ ĐĂNG KÝ VÀ QUẢN LÝ PHƯƠNG TIỆN THỦY NỘI\nĐỊA",
            "Căn cứ Luật Giao thông đường thủy nội địa;",
        ],
    ),
    (
        "a capitalised article head before its number on the next line",
        "1. Sửa đổi Điều\n7 như sau:\nĐiều 7. Thời hạn nộp hồ sơ",
        ["1. Sửa đổi Điều\n7 như sau:", "Điều 7. Thời hạn nộp hồ sơ"],
    ),
    (
        "a credit after a dash without a colon",
        "Nhà báo Lê Minh tại tòa soạn - Ảnh NVCC |",
        ["Nhà báo Lê Minh tại tòa soạn", "- Ảnh NVCC |"],
    ),
    (
        "a bracketed note under a title and an addressee line",
        "Về việc sửa đổi quy chế làm việc của Ủy ban nhân dân tỉnh Kiên Giang (sửa đổi)\n"
        "(trình phiên họp thường kỳ tháng 9/2024)\nKính gửi: Ủy ban nhân dân tỉnh\n"
        "Thực hiện Kế hoạch số 12/KH-UBND, Văn phòng trình dự thảo như sau:",
        [
            "Về việc sửa đổi quy chế làm việc của Ủy ban nhân dân tỉnh Kiên Giang (sửa đổi)",
            "(trình phiên họp thường kỳ tháng 9/2024)",
            "Kính gửi: Ủy ban nhân dân tỉnh",
            "Thực hiện Kế hoạch số 12/KH-UBND, Văn phòng trình dự thảo như sau:",
        ],
    ),
    (
        "the blanks of a date form",
        "Cà Mau, ngày\ntháng\nnăm 2024\nTỜ TRÌNH",
        ["Cà Mau, ngày\ntháng\nnăm 2024", "TỜ TRÌNH"],
    ),
    (
        "a dateline place before an accented capital alone",
        "Cần Thơ Ở nhiều phường, nước đã rút.",
        ["Cần Thơ", "Ở nhiều phường, nước đã rút."],
    ),
    (
        "a dateline place and its dash before a number",
        "Huế - 12 tuyến phố bị ngập sâu sau mưa lớn.",
        ["Huế -", "12 tuyến phố bị ngập sâu sau mưa lớn."],
    ),
    (
        "a bracketed exclamation before a capital",
        "Một bức tranh giá gần 2 tỷ đồng(!) Ai cũng sửng sốt.",
        ["Một bức tranh giá gần 2 tỷ đồng(!)", "Ai cũng sửng sốt."],
    ),
    (
        "a title run into its bracketed source and story",
        "Sạt lở ở Hà Giang (VTC News) - Sáng nay, đất đá vùi lấp ba ngôi nhà.",
        ["Sạt lở ở Hà Giang", "(VTC News) -", "Sáng nay, đất đá vùi lấp ba ngôi nhà."],
    ),
    (
        "a bracketed source glued to its dash",
        "(PLO)- Tòa đã tuyên án vụ lừa đảo qua mạng.",
        ["(PLO)-", "Tòa đã tuyên án vụ lừa đảo qua mạng."],
    ),
    (
        "an upper-case heading whose words the sentence repeats",
        "CHƯƠNG 2: ĐA GIÁC ĐỀU Đa giác đều là đa giác có các cạnh bằng nhau.",
        ["CHƯƠNG 2: ĐA GIÁC ĐỀU", "Đa giác đều là đa giác có các cạnh bằng nhau."],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("an upper-case label before a headline", "TIN LIÊN QUAN Giá lúa tăng mạnh ở miền Tây"),
    (
        "a bracketed exclamation inside a sentence",
        "Anh bỏ ra hẳn 2 tỷ đồng (!) rồi lẳng lặng về quê.",
    ),
    ("an omission mark before a capital", "Ông nói [...] Sau đó ông bỏ về."),
    ("a place before a year", "Huế 2024 là năm của du lịch di sản"),
    ("a place, a dash and a year on a cover", "Hải Dương – 2023"),
    ("a dash and a word that is no credit", "Giá lúa tăng mạnh - Ảnh minh họa cho thấy điều đó"),
    ("a work's title after its kind", "Tập truyện Ông Ba Bị của bà được tái bản nhiều lần."),
    ("a line of links", "Nguồn: https://a.vn/tim.do?... https://b.vn/trang-chu"),
    (
        "an article code label and its title",
        "Điều 4.2.NĐ.1. Phạm vi điều chỉnh và đối tượng áp dụng",
    ),
    ("the act named inside a sentence", "Điều 6. Mọi hành vi bị cấm theo Luật này đều bị xử phạt."),
    ("acronyms before a name", "Theo UBND TP Cần Thơ, dự án sẽ khởi công vào tháng sau."),
    ("an upper-case heading before a name", "Tập thơ MÙA THU VÀNG Nguyễn Văn Hòa"),
    ("an accented acronym in an upper-case heading", "NGHỊ QUYẾT HĐND TỈNH BẾN TRE"),
    ("an image label before a glued name", "Bộ sưu tập ảnh 3Tết."),
    ("an emoji inside a sentence before a name", "Mình mê 😍 Đà Lạt lắm luôn."),
    ("an emoji that opens the line", "🔥 Giảm giá sốc cho mọi đơn hàng hôm nay"),
    ("a place, a dash and a year", "Cần Thơ – Tháng 5/2024"),
    ("a route between two places", "Hà Nội - Lào Cai là tuyến cao tốc đông xe nhất."),
    (
        "a bracketed aside before a dash in a sentence",
        "Tuyến Cần Thơ (Việt Nam) - Phnom Penh mở lại.",
    ),
    ("a bracketed place before a site name", "Phường Bình An (Thủ Đức) – Wikipedia Tiếng Việt"),
    ("a list number before a table bar", "| 2. Bão số 3 đổ bộ vào Quảng Ninh."),
    ("a list number before a reference caret", "3. ^ Sổ tay cây thuốc, Nxb. Y học, tr. 12."),
    (
        "a closing straight quote after a quoted phrase's full stop",
        'Người dân gọi đó là "cơn bão lịch sử".',
    ),
    ("a date inside a path", "Tải bản scan tại https://so.gov.vn/tb/12/9.Thong-bao.pdf nhé."),
]


test_split, test_whole = case_tests(SPLIT, WHOLE)


@pytest.mark.parametrize(
    "text",
    [
        "shouldComponentUpdate(nextProps, nextState) trả về gì?",
        "Gọi getElementsByTagName(x) là xong.",
        "Hàm useStateWithHistoryAndUndo rất tiện.",
    ],
)
def test_code_identifiers_in_camel_case_are_not_menus(text: str) -> None:
    """A flattened menu is capitalised words glued (`HomeNewsSportsVideo`); a camel-case
    identifier begins in lower case, whatever punctuation follows it in its token."""
    assert [s.text for s in segment_text(text).segments] == [text]
