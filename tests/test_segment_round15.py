"""Round 15 (dev16, set N): each family of errors has a general rule, tested here with short
invented examples (none is copied from a dev or held-out document): what must be cut, and what
must stay whole. Each case fails without its rule.

JSON front matter (R1, D4; CALLS-N call 1): a page or file that opens with a JSON object (`{`
alone on the first line, then a quoted key) holds one field, entry or brace a line, each a
segment, however the next line starts; the text after the object's closing brace is read as
usual.

Flattened lists (R10): every introducer ending in `:` of a unit is a segment of its own and
each ` - `, ` • `, ` + ` or Markdown ` * ` item after it starts one, not only after the unit's
first introducer (`Kỹ năng: - Đo … Thái độ: - Cẩn thận …`); a roman numeral before a dash
(`II - Phương pháp`) heads the next section, it is no item.

Counted headings run together (R9, R10; D2): three labels or more of one kind numbered 1, 2,
3 … on one line (`Bước 1: … Bước 2: … Bước 3: …`, `Chương I: … Chương II: …`, roman
sections `I - … II - … III - …`) start a unit each; a label after a comma or `và` belongs to a
sentence's own list and stays. A numbered run may glue its numbers to the items
(`1.Kiến thức: … 2.Kỹ năng: … 3.Thái độ:`), and items that are labels with a colon are a run
even after a word that a count completes (`… cần đạt 1.Kiến thức:`).

Section signs (R3): `§2.Phạm vi` keeps its number's period with the title.

Page breaks in a flattened PDF preview (R1, R9, D2; CALLS-N call 12): a rule of underscores
between two words (not a form's blank after a colon) is a unit, and the long line's opening
words repeated later after a page number are the running header, a unit at both places; the
sentence the break cuts stays in two segments.
"""

from __future__ import annotations

from linear_time import assert_linear
from segment_table import Split, Whole, assert_lossless, case_tests, one_line_texts

SPLIT: list[Split] = [
    (
        "a JSON front matter: one field or entry a line",
        '{\n"tieu_de": "Cách ghép cành bưởi",\n  "the": [\n"ghép cành",\n"bưởi da xanh"\n],\n'
        '  "tac_gia": {\n"ten": "Lê Văn Tâm"\n},\n"nhap": false\n}\n\nBài này hướng dẫn ghép cành.',
        [
            "{",
            '"tieu_de": "Cách ghép cành bưởi",',
            '"the": [',
            '"ghép cành",',
            '"bưởi da xanh"',
            "],",
            '"tac_gia": {',
            '"ten": "Lê Văn Tâm"',
            "},",
            '"nhap": false',
            "}",
            "Bài này hướng dẫn ghép cành.",
        ],
    ),
    (
        "a brace inside a JSON string does not close the object",
        '{\n"mo_ta": "dấu } trong chuỗi",\n"ten": "Hà"\n}\nBài viết của\nchị Hà.',
        ["{", '"mo_ta": "dấu } trong chuỗi",', '"ten": "Hà"', "}", "Bài viết của\nchị Hà."],
    ),
]

SPLIT += [
    (
        "every introducer of a flattened lesson plan opens its own items",
        "Mục tiêu: - Biết đo chiều dài bằng thước. Kỹ năng: - Đo cẩn thận. "
        "Thái độ : - Hợp tác với bạn trong nhóm",
        [
            "Mục tiêu:",
            "- Biết đo chiều dài bằng thước.",
            "Kỹ năng:",
            "- Đo cẩn thận.",
            "Thái độ :",
            "- Hợp tác với bạn trong nhóm",
        ],
    ),
    (
        "a Markdown star bullet after an introducer",
        "Chuẩn bị: * Giáo viên: tranh vẽ cây lúa * Học sinh: vở ghi",
        ["Chuẩn bị:", "* Giáo viên: tranh vẽ cây lúa", "* Học sinh: vở ghi"],
    ),
    (
        "roman sections run together, the dash after a numeral is no item",
        "I - Yêu cầu: - đọc trơn bài thơ II - Chuẩn bị tranh ảnh III - Lên lớp",
        ["I - Yêu cầu:", "- đọc trơn bài thơ", "II - Chuẩn bị tranh ảnh", "III - Lên lớp"],
    ),
    (
        "steps that count up run together",
        "Tiến trình Bước 1: Chào hỏi (2’) Bước 2: Ôn bài cũ Bước 3: Học bài mới",
        ["Tiến trình", "Bước 1: Chào hỏi (2’)", "Bước 2: Ôn bài cũ", "Bước 3: Học bài mới"],
    ),
    (
        "chapters in roman numerals that count up",
        "Sách có bốn chương Chương I: Đất trồng Chương II: Giống lúa Chương III: Phân bón",
        [
            "Sách có bốn chương",
            "Chương I: Đất trồng",
            "Chương II: Giống lúa",
            "Chương III: Phân bón",
        ],
    ),
    (
        "numbers glued to label items after a word that completes a count",
        "Yêu cầu cần đạt 1.Kiến thức: biết đọc số 2.Kỹ năng: đọc to rõ "
        "3.Thái độ: yêu thích môn học",
        [
            "Yêu cầu cần đạt",
            "1.Kiến thức: biết đọc số",
            "2.Kỹ năng: đọc to rõ",
            "3.Thái độ: yêu thích môn học",
        ],
    ),
    (
        "a section sign's number glued to its title",
        "Tiết 5 : §2.Phạm vi áp dụng",
        ["Tiết 5 : §2.Phạm vi áp dụng"],
    ),
]

_PAGE = (
    "GIÁO ÁN SINH HỌC 7 Năm học 2011-2012 Bài 1: Cá chép sống ở đâu? "
    + "Cá chép sống trong ao hồ và sông ngòi nước ngọt. " * 5
    + "Thân cá có vảy xếp như ngói lợp giúp cá "
    + "_" * 40
    + " Trường THCS Hòa Bình Giáo viên Lê Hà 1 GIÁO ÁN SINH HỌC 7 Năm học 2011-2012 "
    + "bơi nhanh trong nước. "
    + "Vây cá giúp cá giữ thăng bằng khi bơi. " * 5
)

SPLIT += [
    (
        "a flattened page break: the rule, the footer and the running header",
        _PAGE,
        [
            "GIÁO ÁN SINH HỌC 7 Năm học 2011-2012",
            "Bài 1: Cá chép sống ở đâu?",
            *["Cá chép sống trong ao hồ và sông ngòi nước ngọt."] * 5,
            "Thân cá có vảy xếp như ngói lợp giúp cá",
            "_" * 40,
            "Trường THCS Hòa Bình Giáo viên Lê Hà 1",
            "GIÁO ÁN SINH HỌC 7 Năm học 2011-2012",
            "bơi nhanh trong nước.",
            *["Vây cá giúp cá giữ thăng bằng khi bơi."] * 5,
        ],
    ),
]

WHOLE: list[Whole] = [
    ("a form's blank after a colon", "Họ và tên người nhận: " + "_" * 30 + " Ký tên"),
    (
        "chapters listed in a sentence, after commas",
        "Luận văn gồm Chương 1: Tổng quan, Chương 2: Phương pháp, Chương 3: Kết quả.",
    ),
    (
        "a star after a colon that closes an emphasis",
        "Bà Lan kể *lại: * “Hôm đó trời mưa to” rồi về.",
    ),
    ("a score and a dash, no roman section", "Đội nhà thắng 3 - 1 và đội khách thắng 2 - 0."),
    ("a brace that opens a wrapped note, not JSON", '{ghi chú của\n"người dịch": xem thêm}'),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_lossless_on_the_new_marks() -> None:
    for text in one_line_texts(SPLIT, WHOLE):
        assert_lossless(text * 7)


def test_json_front_matter_stays_linear() -> None:
    assert_linear('{\n"a": "x",\n', 20_000, 0.5)


def test_counted_headings_stay_linear() -> None:
    assert_linear("Bước 1: Chào Bước 2: Hỏi Bước 3: Học II - Ôn ", 20_000, 0.5)
    assert_linear("Kỹ năng: - Đo - Đọc Thái độ: * Cẩn thận ", 20_000, 0.5)


def test_page_breaks_stay_linear() -> None:
    assert_linear("GIÁO ÁN SINH HỌC 7 Năm học 2011 cá " + "_" * 25 + " Lê Hà 1 ", 20_000, 0.5)
    assert_linear("Họ tên: " + "_" * 30 + " ", 20_000, 0.5)
