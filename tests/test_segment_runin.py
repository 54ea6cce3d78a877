"""Issue 11, second round: where prose starts after a run-in heading, glued links and
layout fields, wrapped upper-case headings, subtitle tags, `<br />` and double-spaced PDFs.

Each case was written for this file in the style of the real documents that showed the
family (tests/data/segdev/dev2); none is copied from them.
"""

from __future__ import annotations

import pytest

from bench.openers import openers, render
from translate.document import Note
from translate.segment import segment_text
from translate.segment.openers import OPENER_COUNTS
from translate.segment.runin import OPENERS, STRONG_OPENERS

CASES: list[tuple[str, str, list[str]]] = [
    (
        "a heading run into prose with a space",
        "Lợi ích và rủi ro của túi khí Trong khi các chuyên gia khuyên dùng, nhiều người vẫn lo.",
        [
            "Lợi ích và rủi ro của túi khí",
            "Trong khi các chuyên gia khuyên dùng, nhiều người vẫn lo.",
        ],
    ),
    (
        "a part of the day with its date opens a lead",
        "Mưa lớn ở miền Trung Chiều 5/3, nước sông Hương dâng cao.",
        ["Mưa lớn ở miền Trung", "Chiều 5/3, nước sông Hương dâng cao."],
    ),
    (
        "an opener inside a name or after a comma is no run-in",
        "Ngày 17 tháng 4, Cơ quan cảnh sát Điều tra đã ra quyết định. Hai cựu Vụ trưởng bị bắt.",
        [
            "Ngày 17 tháng 4, Cơ quan cảnh sát Điều tra đã ra quyết định.",
            "Hai cựu Vụ trưởng bị bắt.",
        ],
    ),
    (
        "glued after an upper-case run",
        "Tin từ TP.HCMÔng Nguyễn Văn Hải cho biết giá rau đã giảm.",
        ["Tin từ TP.HCM", "Ông Nguyễn Văn Hải cho biết giá rau đã giảm."],
    ),
    (
        "a link glued inside a sentence is no join (R8)",
        "Thành cổ từng là kinh đô của một vương quốc hùng mạnh, nơi các vua củaChămpa trị vì.",
        ["Thành cổ từng là kinh đô của một vương quốc hùng mạnh, nơi các vua củaChămpa trị vì."],
    ),
    (
        "an infobox row glued label and value is one field",
        "Dân tộcKinh\nPhối ngẫuNguyễn Thị Lan",
        ["Dân tộcKinh", "Phối ngẫuNguyễn Thị Lan"],
    ),
    (
        "a glued menu still splits",
        "Thời sựNhà nôngThể thao",
        ["Thời sự", "Nhà nông", "Thể thao"],
    ),
    (
        "source-label datelines",
        'TTO - "Đáng lo nhất là tin giả", ông nói.\nKinhtedothi - Ngay trong sáng nay, phố đông.',
        [
            "TTO -",
            '"Đáng lo nhất là tin giả", ông nói.',
            "Kinhtedothi -",
            "Ngay trong sáng nay, phố đông.",
        ],
    ),
    (
        "a region pair is no dateline",
        "Thanh – Nghệ là vùng đất hiếu học.",
        ["Thanh – Nghệ là vùng đất hiếu học."],
    ),
    (
        "an upper-case heading wrapped before a continuing word",
        "TƯ TƯỞNG CỦA NHÀ KHOA HỌC\nCỦA THẾ KỶ HAI MƯƠI\nỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ",
        [
            "TƯ TƯỞNG CỦA NHÀ KHOA HỌC\nCỦA THẾ KỶ HAI MƯƠI",
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ",
            "QUYẾT ĐỊNH",
            "VỀ VIỆC BAN HÀNH QUY CHẾ",
        ],
    ),
    (
        "subtitle lines in italics tags",
        "<i>Mình đang có cuộc sống</i>\n<i>làm thuốc thoải mái ở đây.</i>\n"
        "<i>Vậy mà giờ lại phải đi.</i>",
        [
            "<i>Mình đang có cuộc sống</i>\n<i>làm thuốc thoải mái ở đây.</i>",
            "<i>Vậy mà giờ lại phải đi.</i>",
        ],
    ),
    (
        "an HTML line break ends a line",
        "Các hộ được hỗ trợ theo Quyết định số<br />52/2018/QĐ-UBND.<br />"
        "Bộ trưởng yêu cầu báo cáo.",
        [
            "Các hộ được hỗ trợ theo Quyết định số<br />52/2018/QĐ-UBND.<br />",
            "Bộ trưởng yêu cầu báo cáo.",
        ],
    ),
    (
        "a numbered heading or a sentence opener starts a new line of a PDF",
        "1. Đặt vấn đề\nTrên thế giới chưa có chuẩn mực chung cho việc này, việc đánh giá là\n"
        "một công việc khó khăn\nTrong bài viết này, tác giả đề xuất một cách làm.",
        [
            "1. Đặt vấn đề",
            "Trên thế giới chưa có chuẩn mực chung cho việc này, việc đánh giá là\n"
            "một công việc khó khăn",
            "Trong bài viết này, tác giả đề xuất một cách làm.",
        ],
    ),
    (
        "a URL line never continues the line above",
        "Bài gốc đăng trên trang của tác giả\nhttps://example.vn/bai-goc",
        ["Bài gốc đăng trên trang của tác giả", "https://example.vn/bai-goc"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_case(text: str, expected: list[str]) -> None:
    assert [segment.text for segment in segment_text(text).segments] == expected


DOUBLE_SPACED = "".join(
    f"{line}\n\n"
    for line in (
        "Bài viết tổng kết các trường phái kinh tế học vĩ mô từ",
        "thời Keynes đến nay, lồng trong bối cảnh kinh tế mà các",
        "tư tưởng đó hình thành và phát triển qua nhiều thập kỷ.",
        "Các nhóm tư tưởng bao gồm sáu trường phái chính, mỗi",
        "trường phái có những đóng góp riêng cho chính sách.",
        "Tóm tắt",
        "Lượt xem 2797",
        "nguồn: thư viện",
        "Phần sau trình bày từng trường phái theo thứ tự thời",
        "gian xuất hiện.",
    )
)


def test_double_spaced_pdf_lines_are_wrapped_prose() -> None:
    segments = [segment.text.split() for segment in segment_text(DOUBLE_SPACED).segments]
    assert [" ".join(words) for words in segments] == [
        "Bài viết tổng kết các trường phái kinh tế học vĩ mô từ thời Keynes đến nay, lồng trong "
        "bối cảnh kinh tế mà các tư tưởng đó hình thành và phát triển qua nhiều thập kỷ.",
        "Các nhóm tư tưởng bao gồm sáu trường phái chính, mỗi trường phái có những đóng góp "
        "riêng cho chính sách.",
        "Tóm tắt",
        "Lượt xem 2797",
        "nguồn: thư viện",
        "Phần sau trình bày từng trường phái theo thứ tự thời gian xuất hiện.",
    ]
    assert Note.WRAPPED in segment_text(DOUBLE_SPACED).segments[0].notes


def test_the_opener_table_is_counts_of_function_words() -> None:
    assert {"Trong", "Theo", "Sau", "Khi", "Nếu"} <= STRONG_OPENERS <= OPENERS
    assert not {"Trung", "Anh", "Nhà", "Việt"} & OPENERS  # names are capitalised inside sentences
    assert all(opened >= 3 for opened, _ in OPENER_COUNTS.values())


def test_the_opener_table_renders_from_counts() -> None:
    table = openers(
        ["Trong khi đó, giá tăng.", "Trong năm nay, Trung Quốc mua nhiều.", "Trong nhà."]
    )
    assert table == {"Trong": (3, 0)}
    assert "'Trong'" not in render(table) and '"Trong": (3, 0),' in render(table)
