"""Round 14 (dev14, the even half of set M): each family of its errors has a general rule,
tested here with short invented examples (none is copied from a dev or held-out document): what
must be cut, and what must stay whole. Each case fails without its rule.

HTML in a string (call 5 of set M): tags belong to the unit they wrap, so the blocks closed
together with a paragraph (`…</p></div>`, `…</li></ul>`) end its segment, and so does an
empty block after it (`…</p> <section> </section>`, as the empty `<p>&nbsp;</p>` of set K):
the boundary falls before the next opening tag, not between two closing ones.

Teasers (call 11 of set M, call 16 of set A): a lead cut with an ellipsis is followed by its
link label (`Read more`, `Đọc tiếp`, `Xem thêm`), a segment of its own: the ellipsis before a
label ends the teaser even after a word that goes on in prose (`Đây là …`), and the linked
title glued to the label is cut from it, also when it opens with an acronym (`Xem thêmHLV`).
"""

from __future__ import annotations

import pytest
from linear_time import assert_linear
from segment_table import Split, Whole, assert_lossless, case_tests

SPLIT: list[Split] = [
    (
        "html: a block closed with its paragraph ends the paragraph's segment",
        "<p>Giá lúa tăng mạnh.</p></div><p>Nông dân vui mừng.</p>",
        ["<p>Giá lúa tăng mạnh.</p></div>", "<p>Nông dân vui mừng.</p>"],
    ),
    (
        "html: a list closed with its last item",
        "<ul><li>Mục một.</li></ul><p>Đoạn sau.</p>",
        ["<ul><li>Mục một.</li></ul>", "<p>Đoạn sau.</p>"],
    ),
    (
        "html: a caption's block closed after its credit",
        '<div><p> <img src="a.jpg" /></p><p>Cây cầu dài 2 km. Ảnh: TL</p></div><p>Xe qua cầu.</p>',
        [
            '<div><p> <img src="a.jpg" /></p>',
            "<p>Cây cầu dài 2 km.",
            "Ảnh: TL</p></div>",
            "<p>Xe qua cầu.</p>",
        ],
    ),
    (
        "html: an empty section after a paragraph stays with it",
        "<p>Chợ mở cửa lại.</p> <section> </section><p>Người dân đi chợ đông.</p>",
        ["<p>Chợ mở cửa lại.</p> <section> </section>", "<p>Người dân đi chợ đông.</p>"],
    ),
    (
        "html: an empty article after a heading stays with it",
        "<h2>Tin mới</h2> <article> </article><p>Giá xăng giảm.</p>",
        ["<h2>Tin mới</h2> <article> </article>", "<p>Giá xăng giảm.</p>"],
    ),
    (
        "teaser: a label glued to a title that opens with a capitalised word",
        "Giá vàng hôm nay tăng. Đây là … Read moreGiá vàng tăng mạnh",
        ["Giá vàng hôm nay tăng.", "Đây là …", "Read more", "Giá vàng tăng mạnh"],
    ),
    (
        "teaser: a label glued to a title that opens with an acronym",
        "Ông nói rằng đó là … Đọc tiếpUBND tỉnh họp khẩn",
        ["Ông nói rằng đó là …", "Đọc tiếp", "UBND tỉnh họp khẩn"],
    ),
    (
        "teaser: the label after three periods",
        "Đội khách thua ở phút cuối. Sau đó là... Xem thêmHLV Park nói gì",
        ["Đội khách thua ở phút cuối.", "Sau đó là...", "Xem thêm", "HLV Park nói gì"],
    ),
    (
        "teaser: a label at the end of the line",
        "Cả đội vẫn chờ đợi cùng … Xem tiếp",
        ["Cả đội vẫn chờ đợi cùng …", "Xem tiếp"],
    ),
    (
        "teaser: a title after the label and a space",
        "Đội khách thua. Đây là … Read more HLV Shin vẫn tiếc",
        ["Đội khách thua.", "Đây là …", "Read more", "HLV Shin vẫn tiếc"],
    ),
    (
        "teaser: a quoted title after the label",
        'Giá tăng. Theo ông... Xem tiếp "Chúng tôi sẽ thắng"',
        ["Giá tăng.", "Theo ông...", "Xem tiếp", '"Chúng tôi sẽ thắng"'],
    ),
    (
        "teaser: a label after a full stop opens a sentence, not a title",
        "Luật mới có hiệu lực. Xem thêm Điều 5 của Luật này.",
        ["Luật mới có hiệu lực.", "Xem thêm Điều 5 của Luật này."],
    ),
    (
        "teaser: an English title glued to the label",
        "Bài phỏng vấn của … Continue readingThe Guardian viết",
        ["Bài phỏng vấn của …", "Continue reading", "The Guardian viết"],
    ),
]

WHOLE: list[Whole] = [
    ("a label word inside prose is no link", "Chuyên mục Xem thêmHLV"),
    ("closing tags inside one paragraph", "<p>Trời <b>rất</b> đẹp.</p></div>"),
    ("an ellipsis before a label word in lower case", "Anh ấy nói về… xem thêm ở trang sau."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


@pytest.mark.parametrize(
    "text",
    [
        "<p>Câu.</p></div>" * 5_000,
        "<p>Câu.</p> <section> </section>" * 5_000,
        "Đây là … Read moreHLV " * 5_000,
        "… Read more " * 5_000,
        "</p>" * 20_000,
    ],
)
def test_round_fourteen_marks_are_lossless_on_repeats(text: str) -> None:
    assert_lossless(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit", ["<p>Câu.</p></div>", "</div> <section>   ", "… Read moreHLV", "Xem thêm"]
)
def test_round_fourteen_marks_are_linear(unit: str) -> None:
    """Four times the text takes about four times as long (CPU time, best of two)."""
    assert_linear(unit, 50_000, slack=0.3)
