"""Round 15b: in-line boundaries on the weakest tuning sets (dev13, dev15, dev2). Each family of
their errors has a general rule, tested here with short invented examples (none is copied from
a dev or held-out document): what must be cut, and what must stay whole.

Wide gaps (:mod:`translate.segment.widegaps`; R9, D2): a site's index strings join their units
with runs of spaces and their words with single ones; where the document writes its sentence
ends that way, a wide gap after a word before a capitalised unit of running text starts that
unit (`Cách bón phân cho lúa  Bón lót trước khi cấy …`). A document with wide gaps before
lowercase words (justified text), or none after its sentence ends, is left alone, and so is a
gap before an upper-case field (a column layout, D3) or after a comma.
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

WHOLE: list[tuple[str, str]] = []

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
