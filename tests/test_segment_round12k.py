"""Issue 11, twelfth round: the even half of set K (dev12). Each family of its errors has a
general rule, tested here with short invented examples (none is copied from a dev or held-out
document): what must be cut, and what must stay whole.

Written-out line breaks (R1, CALLS-K call 1): in a JSON post, an SQL row or a string literal a
run of `\\n` / `\\r\\n` marks stands where the author pressed Enter; the run ends a line and
belongs to the segment it ends. No cut before a lowercase word (a wrapped sentence, `C:\\new`),
after a word wrapped at its hyphen, after an opening tag, or before what closes code (`\\n");`).
An emoji that opens a line is its bullet (R10, CALLS-K call 10), at a unit's start too.

HTML in a dump (CALLS-K call 3): a run of `<br>` tags takes the written-out breaks after each
and the `&nbsp;` between two tags; a `<br>` before a closing tag ends no line; an empty block
stays with the unit before it (with the next when it opens the unit); closing tags after a
sentence end belong to the sentence; a `&nbsp;` after a stop ends the sentence like a space, and
the next one may open with an inline tag and an entity-coded letter (`<strong>B&aacute;nh`).

Escaped quotes (R8, CALLS-K call 2): `\\"` closes a sentence's quotation or opens the next
sentence glued to a full stop. Source labels (CALLS-K call 6): an accented capital alone opens
the story after `(Agency) -`. Slugs (R1): a lowercase hyphenated token alone on its line under a
title is a line of its own. A bracketed photo credit after a sentence end (`(Ảnh minh họa)`) is
a unit of its own when a capitalised word follows (R7, R6).
"""

from __future__ import annotations

import pytest
from linear_time import assert_linear
from segment_table import Split, Whole, assert_lossless, case_tests

SPLIT: list[Split] = [
    (
        "written-out breaks after a sentence and before an emoji bullet",
        r"Trời mưa to cả ngày.\n\n✅Nước sông dâng cao.\n🌾 Lúa đã gặt xong",
        [r"Trời mưa to cả ngày.\n\n", r"✅Nước sông dâng cao.\n", "🌾 Lúa đã gặt xong"],
    ),
    (
        "a written-out break after a line without a stop, before a list item and a hashtag",
        r"Quà tặng kèm:\n- Một túi vải\nXem thêm :3\n#quatang",
        [r"Quà tặng kèm:\n", r"- Một túi vải\n", r"Xem thêm :3\n", "#quatang"],
    ),
    (
        "an emoji bullet that opens the unit",
        "🌸🌸Hoa nở sớm năm nay. Vườn đông khách.",
        ["🌸🌸Hoa nở sớm năm nay.", "Vườn đông khách."],
    ),
    (
        "a blank line of <br> tags with &nbsp; between them and written-out breaks",
        r"Mùa gặt đã xong.<br />\r\n&nbsp;<br />\r\n<b>Nông dân</b> chuẩn bị vụ mới.",
        [r"Mùa gặt đã xong.<br />\r\n&nbsp;<br />\r\n", "<b>Nông dân</b> chuẩn bị vụ mới."],
    ),
    (
        "an empty paragraph stays with the block before it",
        "<p>Áo mới về.</p><p><br></p><p>Giá tốt.</p>",
        ["<p>Áo mới về.</p><p><br></p>", "<p>Giá tốt.</p>"],
    ),
    (
        "an empty paragraph that opens the unit stays with the next block",
        r"<p>&nbsp;</p>\r\n<p>Vùng đất hiền hòa.</p>\r\n<p>Người dân mến khách.</p>",
        [r"<p>&nbsp;</p>\r\n<p>Vùng đất hiền hòa.</p>\r\n", "<p>Người dân mến khách.</p>"],
    ),
    (
        "closing tags after a sentence end belong to it",
        "<p><span>Hàng đẹp như hình. </span></p><p><span>Giao nhanh.</span></p>",
        ["<p><span>Hàng đẹp như hình. </span></p>", "<p><span>Giao nhanh.</span></p>"],
    ),
    (
        "an escaped quote that opens the next sentence glued to a stop",
        r"Ông đã nhận lỗi.\"Tôi sẽ sửa sai\" - ông nói.",
        [r"Ông đã nhận lỗi.", r"\"Tôi sẽ sửa sai\" - ông nói."],
    ),
    (
        "an escaped quote that closes a sentence",
        r"Cô nói \"Cảm ơn.\" Rồi cô đi.",
        [r"Cô nói \"Cảm ơn.\"", "Rồi cô đi."],
    ),
    (
        "an accented capital alone opens the story after a source label",
        "(Dân trí) - Ở vòng loại, đội khách thắng.",
        ["(Dân trí) -", "Ở vòng loại, đội khách thắng."],
    ),
    (
        "a bracketed photo credit after a sentence, before the next unit",
        "Cầu mới thông xe. (Ảnh minh họa) Giá vé qua cầu tăng nhẹ.",
        ["Cầu mới thông xe.", "(Ảnh minh họa)", "Giá vé qua cầu tăng nhẹ."],
    ),
    (
        "a stop and a no-break space before an entity-coded word in an inline tag",
        "Nghề làm bánh có từ lâu.&nbsp;<strong>B&aacute;nh ngon</strong> nổi tiếng khắp vùng.",
        [
            "Nghề làm bánh có từ lâu.&nbsp;",
            "<strong>B&aacute;nh ngon</strong> nổi tiếng khắp vùng.",
        ],
    ),
    (
        "a slug line under its title",
        "Hội chợ nông sản mùa thu\nhoi-cho-nong-san-mua-thu\nHội chợ mở cửa hôm nay.",
        ["Hội chợ nông sản mùa thu", "hoi-cho-nong-san-mua-thu", "Hội chợ mở cửa hôm nay."],
    ),
]

WHOLE: list[Whole] = [
    ("a written-out break before a lowercase word", r"Chúng tôi đi\nthăm vườn."),
    ("a path with a written-out-looking mark", r"Mở thư mục C:\new\Tài liệu để xem."),
    ("a word wrapped at its hyphen", r"Virus SARS-\r\nCoV-2 lây qua đường hô hấp."),
    ("an opening tag before the break", r"<p>\r\nNgày mai trời nắng.</p>"),
    ("a literal in code", r'printf("Xin chào\n"); return 0;'),
    ("a string that opens with the mark", r'Chuỗi "\n\nXin chào" được in ra.'),
    ("a pattern's quantifier after the mark", r'Dùng re.split(r"\n+", s) để tách dòng.'),
    ("an escaped backslash before an n", r"Gõ \\nKhông phải xuống dòng."),
    ("a <br> before the block's end", "<p>Dòng cuối<br></p>"),
    ("a list number before a no-break space", "1.&nbsp;Giới thiệu chung về dự án"),
    ("a bracketed credit inside a sentence", "Ông (Ảnh: TTXVN) Nam phát biểu tại hội nghị."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


@pytest.mark.parametrize(
    "text",
    [
        r"\n" * 50_000,
        r"a\n✅B" * 20_000,
        "<br />&nbsp;" * 20_000,
        "<p><br></p>" * 20_000,
        r"x.\"Y" * 20_000,
        "</span>" * 20_000,
    ],
)
def test_round_twelve_marks_are_lossless_on_repeats(text: str) -> None:
    assert_lossless(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [
        r"Câu một.\n\n✅Câu hai\n",
        "<p>Áo.</p><p><br></p><br />\\r\\n&nbsp;<br />",
        r"Xong.\"Tiếp ",
    ],
)
def test_round_twelve_marks_are_linear(unit: str) -> None:
    """Four times the text takes about four times as long (CPU time, best of two)."""
    assert_linear(unit, 50_000, slack=0.3)
