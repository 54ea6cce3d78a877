"""Round 14 (dev15, set J's odd half, formerly heldout10): each family of its errors has a
general rule, tested here with short invented examples (none is copied from a dev or held-out
document). Each case fails without its rule.

Caption cues (R1): a block of at least eight lines with next to no sentence mark in them and of
ragged widths (machine-made captions, one cue a line, which run a sentence across cues) is not
hard-wrapped prose: each line is a segment, also before a lowercase line or after `và`. A
hard-wrapped paragraph fills its lines to one width and holds sentence ends; it still joins.

Dash-ended lists (R1): a news page's widget of related headlines ends each with ` -`; a line
that ends so, next to another that does, is an item of its own (`Độc lập -⏎Tự do - Hạnh
phúc`, one line alone, still goes on), and a spaced dash that ends a line after a sentence end
stays with that sentence (`… Trả lại rồi! -`).

Headings the document writes as one (R1): an upper-case heading wrapped over two lines
(`ỦY BAN THƯỜNG VỤ⏎QUỐC HỘI`) is one segment when the page writes the two words around the
break together twice nearby, in any of the cases a name takes (`Thường vụ Quốc hội`, or in a
signature block's capitals).
"""

from __future__ import annotations

import pytest
from linear_time import assert_linear
from segment_table import Split, Whole, case_tests, segment_texts

from translate.segment import segment_text

CUES = (
    "Xin chào các bạn đã quay lại kênh\n"
    "hôm nay chúng ta sẽ nói về\n"
    "cách chăm sóc cây cảnh trong nhà và\n"
    "những lỗi mà người mới hay mắc\n"
    "Trước hết\n"
    "hãy chọn một chậu có lỗ thoát nước ở dưới đáy thật rộng\n"
    "vì rễ cây rất dễ bị\n"
    "úng\n"
    "[Âm nhạc]"
)

WRAPPED = (
    "Sáng nay, đoàn kiểm tra của huyện đã đến thăm các hộ dân trồng rau sạch tại\n"
    "xã ven sông và ghi nhận nhiều kết quả tích cực trong việc áp dụng quy trình\n"
    "sản xuất mới. Các hộ dân cho biết năng suất tăng rõ rệt so với vụ trước, giá\n"
    "bán cũng ổn định hơn nhờ liên kết với hợp tác xã và các siêu thị ở thành phố\n"
    "lớn. Đoàn đề nghị xã tiếp tục hỗ trợ giống, phân bón hữu cơ và kỹ thuật cho\n"
    "các hộ còn khó khăn, đồng thời mở rộng mô hình sang những thôn lân cận trong\n"
    "năm tới. Lãnh đạo xã cam kết sẽ báo cáo kết quả thực hiện vào cuối quý, kèm\n"
    "theo kiến nghị của người dân về hệ thống kênh tưới và đường giao thông nội\n"
    "đồng."
)

SPLIT: list[Split] = [
    ("caption cues: every line a segment", CUES, CUES.split("\n")),
    (
        "related headlines, each ended by a spaced dash",
        "Giá lúa tăng mạnh: Nông dân phấn khởi -\n"
        "Mưa lớn gây ngập nhiều tuyến phố ở Huế -\n"
        "Cô gái nhận nhầm tiền, chủ tài khoản nói: Trả lại rồi! -\n"
        "Xe khách lật trên đèo, nhiều người bị thương",
        [
            "Giá lúa tăng mạnh: Nông dân phấn khởi -",
            "Mưa lớn gây ngập nhiều tuyến phố ở Huế -",
            "Cô gái nhận nhầm tiền, chủ tài khoản nói: Trả lại rồi! -",
            "Xe khách lật trên đèo, nhiều người bị thương",
        ],
    ),
    (
        "an upper-case heading the page writes as one in mixed case and capitals",
        "Văn bản do Ủy ban Thường vụ Quốc hội ban hành.\n\nỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n"
        "--------\n\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI",
        [
            "Văn bản do Ủy ban Thường vụ Quốc hội ban hành.",
            "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI",
            "--------",
            "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI",
        ],
    ),
    (
        "a parent body and its unit stay two lines",
        "ĐẠI HỌC HUẾ\nTRƯỜNG ĐẠI HỌC NÔNG LÂM\n--------",
        ["ĐẠI HỌC HUẾ", "TRƯỜNG ĐẠI HỌC NÔNG LÂM", "--------"],
    ),
]

WHOLE: list[Whole] = [
    ("hard-wrapped prose with sentence ends still joins its lines", WRAPPED.split(". ")[0]),
    ("a national motto's dash goes on", "Độc lập -\nTự do - Hạnh phúc"),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_wrapped_paragraph_is_not_a_block_of_cues() -> None:
    segments = segment_texts(WRAPPED)
    assert len(segments) == 4
    assert all("\n" not in segment or " " in segment for segment in segments)
    assert segments[-1].endswith("nội\nđồng.")


@pytest.mark.parametrize("text", [CUES + "\n", "Tin mới -\nTin khác -\n", "A -\n" * 3])
def test_round_fourteen_j_marks_are_lossless_on_repeats(text: str) -> None:
    text = text * 200
    document = segment_text(text)
    assert all(text[seg.start : seg.end] == seg.text for seg in document.segments)
    joined = "".join(seg.text for seg in document.segments)
    assert "".join(joined.split()) == "".join(text.split())


@pytest.mark.parametrize("unit", [CUES + "\n", "Tin mới nhất hôm nay -\n", "ỦY BAN\nVỤ\n-----\n"])
def test_round_fourteen_j_marks_are_linear(unit: str) -> None:
    assert_linear(unit, 50_000, slack=0.3)
