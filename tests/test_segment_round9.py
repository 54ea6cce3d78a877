"""Issue 11, ninth round: the former blind set heldout9 (now dev9). Each family of its errors
has a general rule, tested here with short invented examples (none is copied from a dev or
held-out document): what must be cut, and what must stay whole.

Abbreviated names (R3): a name abbreviated in brackets inside a sentence, as species articles
cite their authors (`… được (Roxb.) Hook. miêu tả …`), is no sentence end before the capital
after it; an initial glued to an infobox label's note (`Loài (species)A. nana`) is an initial.
A botanist cited through another (`Champ. ex Benth.`) is one name too. A bracketed sentence or
mark after a full stop still ends.

Written-out line breaks (a database dump's `\\r\\n`): a full stop before them ends the sentence
before an acronym too (`… quốc tế.\\r\\nVNPT cho biết …`), while a Windows path (`C:\\new`) is
still one token.

Run-in openers (R9): a strong opener does not start prose inside a work's title that opens
after its kind (`… tác phẩm Lịch sử Họ Lê …`: Vietnamese titles capitalise their first word
only), nor where it opens the next field of a row after a label's colon (`Loại văn bản :
Quyết định Số hiệu : 12/2015`, D3). After a kind word in lower case, or a colon that no field
label follows, prose still starts.

Breaks across blank lines that stay inside a unit: a PDF viewer's page break inside a sentence
(in a hard-wrapped document, a full line ending with a comma before a lowercase word), and a
portal's header put one cell a paragraph, the issuing body over two (`ỦY BAN NHÂN DÂN⏎⏎XÃ AN
PHÚ`) and a date form's blanks (`ngày⏎⏎tháng⏎⏎năm 2016`). A comma line in a document that is
not hard-wrapped (a greeting), a capitalised line after the page break, the issuing body before
a title in lower case and a paragraph that ends with `ngày` stay apart.

Upper-case headings wrapped on a paper's cover: a heading goes on over a last line of one
syllable with its full stop (`… CÀ PHÊ HÒA⏎TAN.`) and after `MÔN`, which names the course
that follows (`TIỂU LUẬN MÔN⏎KINH TẾ VĨ MÔ`); a finished heading and the cover's other lines
stay one segment each.

A subtitle's sentence goes on after a comma over a line break (a `<br />` or a newline) when the
next line opens with an ellipsis mark and a lowercase word (`… cứu lấy bạn,<br />...nhưng
không …`); without the comma the line break still ends the cue's segment, and so does a
capitalised word after the ellipsis.

A lowercase Vietnamese word glued to a name in capitals (two upper-case syllables, accented)
is a glued join (R8: a listing's credit run into the next entry, `… Ảnh: Báo Nhân Dân tổng
hợpTRẦN ĐĂNG KHOA (1958): …`); an acronym glued to a word (`giảiAFF CUP`, `tạiTP HCM`) and a
link inside a sentence (`củaVIỆT NAM`) are none.
"""

from __future__ import annotations

import pytest
from linear_time import assert_linear
from segment_table import case_tests, segment_texts

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "a bracketed sentence after a full stop",
        "Cây mọc ở ven suối. (Xem ảnh bên.) Lá cây có lông.",
        ["Cây mọc ở ven suối.", "(Xem ảnh bên.)", "Lá cây có lông."],
    ),
    (
        "a bracketed note after a full stop",
        "Hội nghị bế mạc lúc chiều. (Xem ảnh.) Tin khác cùng mục",
        ["Hội nghị bế mạc lúc chiều.", "(Xem ảnh.)", "Tin khác cùng mục"],
    ),
    (
        "a word in brackets ended by its own sentence",
        "Ông gọi đó là một bước lùi (thật đáng tiếc.) Hội nghị kết thúc lúc chiều.",
        ["Ông gọi đó là một bước lùi (thật đáng tiếc.)", "Hội nghị kết thúc lúc chiều."],
    ),
    (
        "a written-out break before an acronym",
        "Mạng chậm ở phía nam.\\r\\nVNPT cho biết sẽ sửa xong trong tuần.\\r\\n",
        ["Mạng chậm ở phía nam.\\r\\n", "VNPT cho biết sẽ sửa xong trong tuần.\\r\\n"],
    ),
    (
        "written-out breaks after a space before an acronym",
        "Đã có phương án dự phòng. \\r\\n\\r\\nEVN cho biết thêm.",
        ["Đã có phương án dự phòng. \\r\\n\\r\\n", "EVN cho biết thêm."],
    ),
    (
        "an ellipsis mark after a line without a comma",
        "Không có gì đáng chú ý\n...ngoài cái chết của bạn.",
        ["Không có gì đáng chú ý", "...ngoài cái chết của bạn."],
    ),
    (
        "a capital after the ellipsis mark",
        "Tôi đã gọi cho họ,<br />...Không ai nghe máy.",
        ["Tôi đã gọi cho họ,<br />", "...Không ai nghe máy."],
    ),
    (
        "a credit glued to a name in capitals",
        "Chân dung các nhà thơ. Ảnh: Báo Nhân Dân tổng hợpTRẦN ĐĂNG KHOA (1958): Nhà thơ.",
        [
            "Chân dung các nhà thơ.",
            "Ảnh: Báo Nhân Dân tổng hợp",
            "TRẦN ĐĂNG KHOA (1958): Nhà thơ.",
        ],
    ),
    (
        "an opener after a kind word in lower case",
        "Ra mắt sách mới Trong buổi lễ, tác giả đã ký tặng độc giả.",
        ["Ra mắt sách mới", "Trong buổi lễ, tác giả đã ký tặng độc giả."],
    ),
    (
        "an opener after a label's value, no field label after it",
        "Chuyên mục: Thời sự Theo báo cáo của bộ, giá tăng.",
        ["Chuyên mục: Thời sự", "Theo báo cáo của bộ, giá tăng."],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("a botanist's name in brackets", "Loài này được (Roxb.) Hook. miêu tả năm 1840."),
    ("two initials and a name in brackets", "Loài này được (A.B. Sm.) Merr. miêu tả lần đầu."),
    ("a one-letter author in brackets", "Cây thuộc chi Ficus (L.) Nees ở châu Á."),
    ("a botanist cited through another", "Loài được Wall. ex Hook. miêu tả năm 1840."),
    ("an infobox initial glued to its label's note", "Loài (species)A. nana"),
    ("a Windows path with a backslash-r", r"Tệp nằm ở C:\rnew\Bao.Cao"),
    ("an ellipsis mark after a comma and a br tag", "Họ đã cố hết sức,<br />...nhưng vô ích."),
    ("an ellipsis mark after a comma and a newline", "Họ đã cố hết sức,\n… nhưng vô ích."),
    ("an acronym glued to a word", "Đội đã vô địch giảiAFF CUP năm nay tạiTP HCM."),
    ("a link in capitals inside a sentence", "Đây là quốc ca củaVIỆT NAM từ năm 1945."),
    ("a work's title past an opener", "Cuốn Lịch sử Họ Lê ra đời năm ngoái ở Hà Nội."),
    ("a film's title past an opener", "Bộ phim Ngày mai Tôi về đã đoạt giải ở liên hoan."),
    ("two fields of a row", "Loại văn bản : Quyết định Số hiệu : 12/2015/QĐ-UBND"),
    ("two fields without spaces", "Nơi ban hành: Sở Y tế Số hiệu: 12/2015/QĐ-SYT"),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)

_WRAPPED = (
    "Trong thời gian thực hiện đề tài, nhóm chúng em đã nhận được\n"
    "sự giúp đỡ tận tình của các thầy cô trong khoa và bạn bè cùng\n"
    "lớp. Nhờ đó chúng em có điều kiện học tập và rèn luyện trong\n"
    "một môi trường tốt, được làm quen với nhiều thiết bị hiện đại\n"
    "và được hướng dẫn cách làm việc khoa học, tinh thần học tập,\n"
)


def test_a_page_break_inside_a_sentence_of_wrapped_text_is_a_wrap() -> None:
    text = _WRAPPED + "\n\nnghiêm túc. Chúng em xin cảm ơn thầy cô."
    assert segment_texts(text)[-2:] == [
        _WRAPPED[_WRAPPED.index("Nhờ") :] + "\n\nnghiêm túc.",
        "Chúng em xin cảm ơn thầy cô.",
    ]


def test_a_capitalised_paragraph_after_a_page_break_stays_apart() -> None:
    text = _WRAPPED + "\n\nChúng em xin cảm ơn thầy cô."
    assert segment_texts(text)[-1] == "Chúng em xin cảm ơn thầy cô."


def test_a_greeting_with_a_comma_stays_apart() -> None:
    text = "Chào các bạn trong nhóm,\n\nmình muốn hỏi về cách nuôi cá vàng."
    assert segment_texts(text) == [
        "Chào các bạn trong nhóm,",
        "mình muốn hỏi về cách nuôi cá vàng.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ỦY BAN NHÂN DÂN\n\nXÃ AN PHÚ\n\nSố: 12/TB-UBND",
            ["ỦY BAN NHÂN DÂN\n\nXÃ AN PHÚ", "Số: 12/TB-UBND"],
        ),
        (
            "HỘI ĐỒNG NHÂN DÂN\n\nHUYỆN CÁI BÈ\n\nNGHỊ QUYẾT",
            ["HỘI ĐỒNG NHÂN DÂN\n\nHUYỆN CÁI BÈ", "NGHỊ QUYẾT"],
        ),
        (
            "Đà Lạt, ngày\n\ntháng\n\nnăm 2024\n\nTỜ TRÌNH",
            ["Đà Lạt, ngày\n\ntháng\n\nnăm 2024", "TỜ TRÌNH"],
        ),
        (
            "Cả nhà đi chơi suốt ngày\n\nNăm nay trời mưa nhiều.",
            ["Cả nhà đi chơi suốt ngày", "Năm nay trời mưa nhiều."],
        ),
        (
            "ỦY BAN NHÂN DÂN\n\nThông báo lịch tiếp công dân",
            ["ỦY BAN NHÂN DÂN", "Thông báo lịch tiếp công dân"],
        ),
    ],
)
def test_a_header_cell_goes_on_over_a_blank_line(text: str, expected: list[str]) -> None:
    assert segment_texts(text) == expected


def test_a_cover_heading_goes_on_over_its_last_syllable_and_after_mon() -> None:
    text = (
        "TIỂU LUẬN MÔN\nKINH TẾ VĨ MÔ\nĐỀ TÀI\n"
        "NGHIÊN CỨU QUY TRÌNH SẢN XUẤT CÀ PHÊ HÒA\nTAN.\nGVHD: Lê Văn An"
    )
    assert segment_texts(text) == [
        "TIỂU LUẬN MÔN\nKINH TẾ VĨ MÔ",
        "ĐỀ TÀI",
        "NGHIÊN CỨU QUY TRÌNH SẢN XUẤT CÀ PHÊ HÒA\nTAN.",
        "GVHD: Lê Văn An",
    ]


def test_a_finished_cover_heading_stays_apart() -> None:
    text = "KHOA KINH TẾ\nĐỀ TÀI\nTÌM HIỂU VỀ THỊ TRƯỜNG CÀ PHÊ.\nHẾT."
    assert segment_texts(text) == text.split("\n")


@pytest.mark.parametrize(
    "unit",
    [
        "Loài này được (W.W. Sm.) Benoist miêu tả. ",
        "(((((A. (B. (C. ",
        "mạng chậm.\\r\\n\\r\\n\\r\\nVNPT\\r\\n ",
        "ỦY BAN NHÂN DÂN\n\nXÃ AN PHÚ\n\n",
        "ỦY BAN NHÂN DÂN\n\n",
        ",\n\n\na,\n\n",
        "TIỂU LUẬN MÔN\nA B HÒA\nTAN.\n",
    ],
)
def test_round_nine_rules_are_lossless_and_linear(unit: str) -> None:
    text = unit * 50
    assert "".join("".join(segment_texts(text)).split()) == "".join(text.split())
    assert_linear(unit, 50_000, slack=0.3)
