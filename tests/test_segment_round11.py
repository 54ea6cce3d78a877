"""Issue 11, eleventh round: the former blind set heldout3 (set C, now dev11). Each family of
its errors has a general rule, tested here with short invented examples (none is copied from a
dev or held-out document): what must be cut, and what must stay whole.

Run-in openers (R9): a capitalised word after a place's level (`tỉnh`, `huyện`, `xã`,
`phường`, …) is the place's name, never the start of prose, even when it is a word that opens
sentences (`Công an tỉnh Bà Rịa-Vũng Tàu khống chế …`: `Bà` opens many).

Glued menus (R8, D3): a row of share buttons whose labels were glued in lower case, alone on its
line, is split at each label (a small lexicon of share targets: no case change marks the
joins); an acronym glued between a Vietnamese menu item and the next capitalised item is an
item of its own (`Nghiệp‖SSL‖Firewall`), while one glued on one side only stays a link inside a
sentence (`giảiAFF CUP`); a Vietnamese word glued after a mixed-case name's final capital starts
the next item when running text follows (`DDoS‖Tối ưu …`).

Source labels (R9): a bracketed source label may have its stop glued before its dash and no
space before it (`(SGGP).- ‖Trao đổi …`, `(PV)- ‖Tòa án …`), and its story may open with a
count (`(VOV) - ‖12 học sinh …`); a year after the dash is no story, and a bracket's stop
before a flattened list's next item still ends the item before it.
"""

from __future__ import annotations

import pytest
from linear_time import assert_linear
from segment_table import Split, Whole, assert_lossless, case_tests

SPLIT: list[Split] = [
    (
        "an opener after a place's level starts no prose, but after a headline it does",
        "Công an huyện Bà Triệu tiếp nhận tin báo lúc sáng. Tin nóng Sau đó, lực lượng chức "
        "năng có mặt.",
        [
            "Công an huyện Bà Triệu tiếp nhận tin báo lúc sáng.",
            "Tin nóng",
            "Sau đó, lực lượng chức năng có mặt.",
        ],
    ),
    (
        "glued share labels on their own line",
        "Mở bán nhà ở xã hội\n\nFacebooktwitterlinkedinzalomail\n\nSáng nay, dự án mở bán.",
        [
            "Mở bán nhà ở xã hội",
            "Facebook",
            "twitter",
            "linkedin",
            "zalo",
            "mail",
            "Sáng nay, dự án mở bán.",
        ],
    ),
    (
        "an acronym between two glued menu items, and a word glued after a mixed-case name",
        "Hosting Giá tốtVPSCloud Server Anti DDoSTối ưu hiệu suất\n\nNỘI DUNG",
        ["Hosting Giá tốt", "VPS", "Cloud Server Anti DDoS", "Tối ưu hiệu suất", "NỘI DUNG"],
    ),
]

SPLIT += [
    (
        "a source label whose stop is glued to its dash",
        "(TTXVN).- Chiều qua, đoàn công tác đã đến thăm bà con.",
        ["(TTXVN).-", "Chiều qua, đoàn công tác đã đến thăm bà con."],
    ),
    (
        "a source label glued to its dash",
        "(PV)- Tòa án đã tuyên án.",
        ["(PV)-", "Tòa án đã tuyên án."],
    ),
    (
        "a source label before a count",
        "(VOV) - 12 học sinh được khen thưởng.",
        ["(VOV) -", "12 học sinh được khen thưởng."],
    ),
    (
        "a bracket's stop before a flattened list's next item still ends the item",
        "Mang theo: - Đơn (mẫu 1).- Bản sao căn cước.",
        ["Mang theo:", "- Đơn (mẫu 1).", "- Bản sao căn cước."],
    ),
]

WHOLE: list[Whole] = [
    ("a province's name after its level", "Công an tỉnh Bà Rịa-Vũng Tàu khống chế đối tượng."),
    ("a commune's name that opens sentences elsewhere", "Người dân xã Sau Nam đã chuyển đi."),
    ("two share labels are no row", "Facebookzalo"),
    ("a word that only starts like share labels", "Printemailing"),
    ("share labels with a space stay one menu line", "Facebook Twitter Zalo"),
    ("an acronym glued after a word only", "Đội tuyển đoạt giảiAFF CUP năm ấy."),
    ("an acronym glued before a name only", "Anh đến tạiTP HCM hôm qua."),
    ("camel-case code", "Gọi hàm getElementsByTagName trong trang."),
    ("a mixed-case name before a name", "Tải ứng dụng iOSĐiện Biên về máy."),
    ("a title glued to a name", "Bài giảng của ThSNguyễn Văn An"),
    ("a dateline before a year", "Hà Nội - 2024 là năm bản lề."),
    ("a bracket and a price inside a sentence", "Giá vàng (SJC) - 75 triệu đồng một lượng."),
    ("a source label before a year", "(VOV) - 2024 Năm Giáp Thìn"),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


@pytest.mark.parametrize(
    "text",
    [
        "Facebooktwitter" * 20_000,
        "NghiệpSSLF" * 20_000,
        "DDoSTối ưu " * 20_000,
        "Công an tỉnh Bà " * 20_000,
    ],
)
def test_round_eleven_marks_are_lossless_on_repeats(text: str) -> None:
    assert_lossless(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [
        "Facebooktwitterredditmail\n",
        "Hosting Giá tốtVPSCloud Server Anti DDoSTối ưu hiệu suất ",
    ],
)
def test_round_eleven_marks_are_linear(unit: str) -> None:
    """Four times the text takes about four times as long (CPU time, best of two)."""
    assert_linear(unit, 50_000, slack=0.3)


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["NghiệpSSLF", "ABCĐườngNghiệpXYZ", "DDoSTốiiiiiiiiiiiiiii"])
def test_a_long_glued_run_is_linear(unit: str) -> None:
    """A page of glued letters with capitals inside and no space: each capital looks at a
    syllable's worth of letters, not at the whole run (it was quadratic: 6 min for 200,000
    characters of `NghiệpSSLF`)."""
    assert_linear(unit, 20_000, slack=0.3)
