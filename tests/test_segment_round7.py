"""Issue 11, seventh round: forms the former blind set heldout7 (now dev7) shows, each with what
must stay whole next to the rule. Every example was written for this file; none is copied
from a dev or held-out document.

Subtitles: a YouTube SBV cue's timing pair (`0:00:03.964,0:00:08.867`, no arrow, no number)
is a unit of its own between the cues' texts, and `[br]`, SBV's line break inside a cue,
belongs to the sentence it ends (a glued boundary after it where a new sentence starts, none
where the sentence goes on).

Upper-case headings run into text: a numbered heading's upper-case title ends where a
capitalised word and a lowercase one start (`2. ĐÁNH GIÁ ‖ Đánh giá về …`; acronyms are no
title); a paper's upper-case section labels `TÓM TẮT` and `ABSTRACT` are units of their own
after the front matter they are run into, when running text follows (`TÓM TẮT LUẬN ÁN` is a
title).

Scraped pages: a caption and its credit doubled on one line (the caption's first words again
after the credit) are four units; an ad script left inside an article (the call that holds
`function`) is split from the prose before it and after its closing brace; an HTML line break
or empty table cells after a sentence's full stop stay with it (`… được. <br>`, `Xem bài. |
|`).

Abbreviations: `et al.` before a bracketed year ends no sentence (it may end one before a
capital, like `v.v.`).

Wraps: in a document that keeps one trailing space where its lines were wrapped and none where
a paragraph ended (a PDF viewer's text), an unterminated line ending in that space goes on,
even before an upper-case line; a document that ends every line with one space proves nothing.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linear_time import assert_linear
from segment_table import assert_lossless, case_tests, segment_texts

from translate.document import Note
from translate.segment import segment_text

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "flattened SBV cues",
        "0:00:01.200,0:00:04.500 Chào các bạn. 0:00:04.500,0:00:07.010 Hôm nay trời mưa to "
        "0:00:07.010,0:00:09.300 nên mình ở nhà.",
        [
            "0:00:01.200,0:00:04.500",
            "Chào các bạn.",
            "0:00:04.500,0:00:07.010",
            "Hôm nay trời mưa to",
            "0:00:07.010,0:00:09.300",
            "nên mình ở nhà.",
        ],
    ),
    (
        "an SBV line break after a full stop",
        "0:00:01.200,0:00:04.500 Tôi là Lan.[br]Lan là tên tôi.",
        ["0:00:01.200,0:00:04.500", "Tôi là Lan.[br]", "Lan là tên tôi."],
    ),
    (
        "an upper-case numbered heading run into its text",
        "2. KẾT QUẢ THỬ NGHIỆM Kết quả cho thấy cây phát triển tốt.",
        ["2. KẾT QUẢ THỬ NGHIỆM", "Kết quả cho thấy cây phát triển tốt."],
    ),
    (
        "a paper's upper-case abstract label after its authors",
        "NGHIÊN CỨU CÂY LÚA NGUYỄN VĂN AN TÓM TẮT Bài báo trình bày kết quả khảo sát.",
        ["NGHIÊN CỨU CÂY LÚA NGUYỄN VĂN AN", "TÓM TẮT", "Bài báo trình bày kết quả khảo sát."],
    ),
    (
        "an English abstract label after the keywords",
        "Từ khóa: lúa, đất mặn. ABSTRACT This paper reports a survey.",
        ["Từ khóa: lúa, đất mặn.", "ABSTRACT", "This paper reports a survey."],
    ),
    (
        "a caption doubled after its credit",
        "Anh Tư bên lò sấy. Ảnh: Báo Nông thôn Anh Tư bên lò sấy. Ảnh: Báo Nông thôn",
        ["Anh Tư bên lò sấy.", "Ảnh: Báo Nông thôn", "Anh Tư bên lò sấy.", "Ảnh: Báo Nông thôn"],
    ),
    (
        "an ad script inside an article",
        "Hội nghị kết thúc tốt đẹp window.addEventListener(load, function(){ if(a){b();} }); "
        "Sau đó các đại biểu đi thăm mô hình.",
        [
            "Hội nghị kết thúc tốt đẹp",
            "window.addEventListener(load, function(){ if(a){b();} });",
            "Sau đó các đại biểu đi thăm mô hình.",
        ],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("an SBV line break inside a sentence", "Nếu bạn cũng tên là Lan[br]thì ta cùng tên."),
    ("an SBV line break before a quotation", 'Tôi đặt tên nó là [br]"Mùa thu".'),
    ("an acronym after a numbered heading", "3. UBND TP Hà Nội chỉ đạo các sở ngành."),
    ("an upper-case title after its label", "TÓM TẮT LUẬN ÁN TIẾN SĨ"),
    ("an abstract label with its colon", "TÓM TẮT: Bài báo trình bày kết quả khảo sát."),
    ("et al. before a year", "Theo Betancur et al. (2017) họ này thuộc bộ khác."),
    ("a function word in prose", "Hàm function (x) trả về giá trị của x."),
    ("a full stop before empty table cells", "Xem bài. | |"),
    ("a full stop before a line-break tag", "Mình cũng góp ý được. <br>"),
]


test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_sbv_line_break_join_is_a_repaired_join() -> None:
    """The cut after `[br]` has no whitespace on either side: a repaired join, and says so; a
    timing pair cut at spaces is not."""
    document = segment_text("0:00:01.200,0:00:04.500 Tôi là Lan.[br]Lan là tên tôi.")
    assert [segment.notes for segment in document.segments] == [(), (), (Note.REPAIRED_JOIN,)]


def test_a_line_break_tag_stays_with_its_sentence_across_lines() -> None:
    assert segment_texts("Mình cũng góp ý được. <br>\nVà chúng ta đều biết điều đó.") == [
        "Mình cũng góp ý được. <br>",
        "Và chúng ta đều biết điều đó.",
    ]


# A viewer's text of a decision: wrapped lines keep a trailing space, the others have none.
_SPACED = (
    "QUYẾT ĐỊNH\n"
    "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG \n"
    "TỈNH BẾN TRE\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẾN TRE\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Nghị định số \n"
    "61/2018/NĐ-CP của Chính phủ;\n"
    "Căn cứ Quyết định số 985/QĐ-TTg của Thủ tướng Chính phủ về thực hiện cơ chế một cửa \n"
    "trong giải quyết thủ tục hành chính;\n"
    "Xét đề nghị của Giám đốc Sở Nội vụ,\n"
)


def test_a_kept_trailing_space_marks_the_wraps() -> None:
    texts = segment_texts(_SPACED)
    assert texts[1] == (
        "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG \nTỈNH BẾN TRE"
    )
    assert texts[2] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẾN TRE"
    assert len(texts) == 6


def test_a_trailing_space_on_every_line_proves_nothing() -> None:
    every = "".join(line.rstrip() + " \n" for line in _SPACED.splitlines())
    assert "CÔNG \nTỈNH" not in "".join(segment_texts(every))


_PIECES = st.sampled_from(
    [
        "0:00:01.200,0:00:04.500",
        "0:00:01.200,",
        "[br]",
        "[br]Lan",
        "TÓM TẮT",
        "ABSTRACT",
        "2. ",
        "KẾT QUẢ",
        "function(){",
        "function (",
        "window.on(",
        "} });",
        "}",
        " | |",
        " <br>",
        ". ",
        " ",
        "\n",
        "Kết quả cho thấy",
        "Lan",
        "et al. (2017)",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_lossless_with_round_seven_marks(text: str) -> None:
    """Segments and gaps give back the text exactly; segments are non-empty and trimmed."""
    document = segment_text(text)
    rebuilt = []
    position = 0
    for segment in document.segments:
        assert segment.text and segment.text == segment.text.strip()
        assert text[segment.start : segment.end] == segment.text
        assert text[position : segment.start].strip() == ""
        rebuilt.append(text[position : segment.end])
        position = segment.end
    assert "".join(rebuilt) + text[position:] == text


@pytest.mark.parametrize(
    "text",
    [
        "0:00:01.200,0:00:04.500 " * 5_000,
        "Lan.[br]" * 5_000,
        "TÓM TẮT " * 5_000,
        "function(){ " * 5_000,
        "Xem. | " * 5_000,
    ],
)
def test_round_seven_marks_are_lossless_on_repeats(text: str) -> None:
    assert_lossless(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [
        "0:00:01.200,0:00:04.500 Chào.[br]Lan nói 2. KẾT QUẢ THỬ Kết quả tốt ",
        "AN TÓM TẮT Bài báo a(function(){ } }); Sau đó là Xem. | | et al. (2017) <br> ",
    ],
)
def test_round_seven_marks_are_linear(unit: str) -> None:
    """Four times the text takes about four times as long (CPU time, best of two)."""
    assert_linear(unit, 50_000, slack=0.3)
