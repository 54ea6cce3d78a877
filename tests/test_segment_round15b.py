"""Round 15b: in-line boundaries on the weakest tuning sets (dev13, dev15, dev2). Each family of
their errors has a general rule, tested here with short invented examples (none is copied from
a dev or held-out document): what must be cut, and what must stay whole.

Wide gaps (:mod:`translate.segment.widegaps`; R9, D2): a site's index strings join their units
with runs of spaces and their words with single ones; where the document writes its sentence
ends that way, a wide gap after a word before a capitalised unit of running text starts that
unit (`Cách bón phân cho lúa  Bón lót trước khi cấy …`). A document with wide gaps before
lowercase words (justified text), or none after its sentence ends, is left alone, and so is a
gap before an upper-case field (a column layout, D3) or after a comma.

A decree flattened onto one line (:mod:`translate.segment.decrees`; R9, D2), its letters
possibly dropped by a lost font: after the national motto, the title is cut from the place and
date, the preamble (`Căn cứ`) from the authority in upper case, the authority from the title's
subject line where it repeats the issuing body, the enacting word (`QUYẾT ĐỊNH:`) from the
preamble's comma and the first article from it. A date before an upper-case word, or a caps
word with a colon after a comma, on a line without the motto, stays inside its sentence; the
preamble's clauses stay one segment (R12).

A title slide flattened onto one line (:mod:`translate.segment.covers`; R7, R9): after an
author's academic title and name that follow the upper-case title, each affiliation (`Bộ môn
…`, `Viện …`, after a lowercase word) and the first section heading (`Mục tiêu`) start a unit.
The name is the longest run of capitalised words a body follows (`Trần Đăng Khoa ‖Bộ môn`);
an author cited in prose is no cover, and a body's name in title case (`Môi Trường`) goes on.

Clause openers (`Cũng`, `Nhằm`, `Nhưng`, `Tuy`, `Mặc`; :mod:`translate.segment.runin`; R9):
capitalised before a lowercase word, they start prose after a caption run in without a
terminator, one longer than a heading and one that ends in a name too. A place's name (`Tuy
Hòa`), a title in title case (`Cũng Đã Quá …`) and an opener inside a quotation go on.

Button labels (:mod:`translate.segment.buttons`; R7, R9): a download button's label that opens
a line before a capitalised Vietnamese sentence is its own unit (`Download ‖Mời bạn …`); the
label used as the sentence's verb (`Download phần mềm …`) and a menu line stay whole.
"""

from __future__ import annotations

from linear_time import assert_linear
from segment_table import assert_lossless, case_tests, one_line_texts, segment_texts

_INDEX_LINE = (
    "Cách bón phân cho lúa  Bón lót trước khi cấy giúp cây bén rễ nhanh.   "
    "Bón thúc đẻ nhánh    Bón thúc sau cấy mười ngày.   Có nên bón vôi không?   "
    "Nên bón vôi ở ruộng chua."
)

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "units of an index string joined by wide gaps",
        _INDEX_LINE,
        [
            "Cách bón phân cho lúa",
            "Bón lót trước khi cấy giúp cây bén rễ nhanh.",
            "Bón thúc đẻ nhánh",
            "Bón thúc sau cấy mười ngày.",
            "Có nên bón vôi không?",
            "Nên bón vôi ở ruộng chua.",
        ],
    ),
    (
        "justified text: wide gaps inside sentences too",
        "Trời  mưa  to.  Ông  trưởng  thôn  cùng  chủ  tịch  xã  Hội  nông  dân  đã  họp.  Xong.",
        [
            "Trời  mưa  to.",
            "Ông  trưởng  thôn  cùng  chủ  tịch  xã  Hội  nông  dân  đã  họp.",
            "Xong.",
        ],
    ),
    (
        "a gap after a comma",
        "Lúa trổ đều.   Năm nay,   Trời mưa thuận nên được mùa.   Ai cũng vui.",
        ["Lúa trổ đều.", "Năm nay,   Trời mưa thuận nên được mùa.", "Ai cũng vui."],
    ),
]

_DECREE = (
    "1. ỦY BAN NHÂN DÂN XÃ TÂN HÀ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
    "phúc Số: 08/QĐ-UBND Tân Hà, ngày 4 tháng 6 năm 2021 QUYẾT ĐỊNH VỀ VIỆC CÔNG NHẬN TỔ "
    "HỢP TÁC ỦY BAN NHÂN DÂN XÃ TÂN HÀ Căn cứ Luật Hợp tác xã; Xét đề nghị của công chức "
    "địa chính, QUYẾT ĐỊNH: Điều 1 - Công nhận tổ hợp tác trồng dâu."
)
_DAMAGED_DECREE = (
    "U BAN NHÂN DÂN XÃ TÂN HÀ C NG HOÀ XÃ H I CH NGHĨA VI T NAM c l p - T do - H nh phúc "
    "S : 08/Q-UBND Tân Hà, ngày 4 tháng 6 năm 2021 QUY T NH V VI C CÔNG NH N T H P TÁC "
    "U BAN NHÂN DÂN XÃ TÂN HÀ Căn c Lu t H p tác xã, QUY T NH: i u 1 - Công nh n t h p tác."
)
SPLIT += [
    (
        "a flattened decree",
        _DECREE,
        [
            "1. ỦY BAN NHÂN DÂN XÃ TÂN HÀ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 08/QĐ-UBND Tân Hà, ngày 4 tháng 6 năm 2021",
            "QUYẾT ĐỊNH VỀ VIỆC CÔNG NHẬN TỔ HỢP TÁC",
            "ỦY BAN NHÂN DÂN XÃ TÂN HÀ",
            "Căn cứ Luật Hợp tác xã; Xét đề nghị của công chức địa chính,",
            "QUYẾT ĐỊNH:",
            "Điều 1 - Công nhận tổ hợp tác trồng dâu.",
        ],
    ),
    (
        "a flattened decree with the letters of a lost font dropped",
        _DAMAGED_DECREE,
        [
            "U BAN NHÂN DÂN XÃ TÂN HÀ C NG HOÀ XÃ H I CH NGHĨA VI T NAM c l p - T do - H nh"
            " phúc S : 08/Q-UBND Tân Hà, ngày 4 tháng 6 năm 2021",
            "QUY T NH V VI C CÔNG NH N T H P TÁC",
            "U BAN NHÂN DÂN XÃ TÂN HÀ",
            "Căn c Lu t H p tác xã,",
            "QUY T NH:",
            "i u 1 - Công nh n t h p tác.",
        ],
    ),
]

SPLIT += [
    (
        "a flattened title slide",
        "KỸ THUẬT NUÔI CẤY MÔ THỰC VẬT TS. Lê Thị Hồng Vân Bộ môn Sinh học phân tử Viện Công"
        " nghệ sinh học Mục tiêu 1. Nêu được các bước nuôi cấy mô 2. Pha được môi trường nuôi"
        " cấy 3. Biết cách khử trùng mẫu",
        [
            "KỸ THUẬT NUÔI CẤY MÔ THỰC VẬT",
            "TS. Lê Thị Hồng Vân",
            "Bộ môn Sinh học phân tử",
            "Viện Công nghệ sinh học",
            "Mục tiêu",
            "1. Nêu được các bước nuôi cấy mô",
            "2. Pha được môi trường nuôi cấy",
            "3. Biết cách khử trùng mẫu",
        ],
    ),
    (
        "a given name that is also a body's kind",
        "QUẢN LÝ CHẤT THẢI RẮN ThS. Trần Đăng Khoa Bộ môn Quản lý Môi Trường đô thị",
        [
            "QUẢN LÝ CHẤT THẢI RẮN",
            "ThS. Trần Đăng Khoa",
            "Bộ môn Quản lý Môi Trường đô thị",
        ],
    ),
]

SPLIT += [
    (
        "a long caption run in before a clause opener",
        "Chiếc máy gặt đập liên hợp đầu tiên được hợp tác xã mua về từ năm ngoái và chạy thử"
        " trên cánh đồng mẫu Nhằm giảm chi phí thuê máy, xã viên góp vốn mua thêm hai chiếc.",
        [
            "Chiếc máy gặt đập liên hợp đầu tiên được hợp tác xã mua về từ năm ngoái và chạy"
            " thử trên cánh đồng mẫu",
            "Nhằm giảm chi phí thuê máy, xã viên góp vốn mua thêm hai chiếc.",
        ],
    ),
    (
        "a caption that ends in a name before a clause opener",
        "Lô xoài đầu tiên được xuất sang Hàn Quốc Cũng như năm trước, giá xoài tăng mạnh.",
        [
            "Lô xoài đầu tiên được xuất sang Hàn Quốc",
            "Cũng như năm trước, giá xoài tăng mạnh.",
        ],
    ),
]

SPLIT += [
    (
        "a button label run into its notice",
        "Xem trước tài liệu\n  Download Mời bạn đăng nhập để tải bản đầy đủ",
        ["Xem trước tài liệu", "Download", "Mời bạn đăng nhập để tải bản đầy đủ"],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("a button label as the sentence's verb", "Download phần mềm diệt virus miễn phí tại đây"),
    ("a menu line", "Download Tin tức Thể thao Giải trí"),
    ("an English title", "Download Manager giúp tải tệp nhanh hơn"),
    ("a place that starts with a clause opener", "Xe khách chạy tuyến Sài Gòn Tuy Hòa mỗi ngày."),
    ("a title in title case", "Bài hát Mình Cũng Đã Quá Mệt Rồi được nhiều người nghe."),
    (
        "a clause opener inside a quotation",
        'Anh ấy hỏi lại "Chúng ta có kịp không Nhưng ai sẽ lái xe" rồi đứng dậy.',
    ),
    (
        "an author cited in prose",
        "Theo ThS. Lê Văn An Khoa Dược cho biết mẫu thuốc đã được kiểm nghiệm.",
    ),
    (
        "a date before an acronym in a sentence",
        "Từ ngày 4 tháng 6 năm 2021 UBND TỈNH đã giao đất cho hợp tác xã Căn cứ theo luật.",
    ),
    (
        "an upper-case word with a colon after a comma, no motto",
        "Ông đọc to từng chữ, QUYẾT ĐỊNH: giao đất cho hợp tác xã trồng dâu.",
    ),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_no_evidence_no_cut() -> None:
    # The same heading run in with a wide gap, in a document whose sentence ends are single
    # spaced: no evidence that wide gaps separate units.
    text = "Cách bón phân cho lúa  Bón lót trước khi cấy. Bón thúc sau mười ngày. Xong."
    assert segment_texts(text)[0].startswith("Cách bón phân cho lúa  Bón lót")


def test_upper_case_columns_stay_one_line() -> None:
    text = "UBND XÃ AN PHÚ      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.   Xong rồi.   Hết giờ."
    assert segment_texts(text)[0] == "UBND XÃ AN PHÚ      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM."


def test_lossless_on_the_new_marks() -> None:
    for text in one_line_texts(SPLIT, WHOLE):
        assert_lossless(text)
        assert_lossless("   ".join([text] * 3))


def test_wide_gaps_stay_linear() -> None:
    assert_linear("Bón thúc đẻ nhánh    Bón thúc sau cấy.   ", 20_000, 0.5)
    assert_linear("a" + " " * 50, 20_000, 0.5)
