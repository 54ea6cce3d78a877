"""Issue 11, tenth round (seg9d): glued joins that the tuning sets' glued-gap variants
(/work/notes/tools/glue_aug.py) showed missing, each family with what must be cut and what
must stay whole. Every example was written for this file; none is copied from a dev or
held-out document.

* a subtitle cue glued to the stop that ends the cue before it: an SRT cue's number and
  timing (`… tập trước...‖2 00:00:03,071 --> …`, `… vào đó."‖22 00:01:29,256 --> …`) and a
  YouTube SBV timing pair (`… Harry Baker.‖0:00:03.964,0:00:08.867 …`), the cue number with
  its timing (before, the cut fell between them: `trước...2‖00:00:03,071`); a decimal
  number's stop before a timing is no cue's end (`3.5‖00:00:01,023`);
* a source label in brackets, its dash and a capitalised word after it, glued to the stop
  that ends the story before it (`… ở Đà Lạt.‖(NLĐO) - Số tiền …`), while a label followed by
  no prose (`baocao.(PDF) - 2 MB`) and an abbreviation's stop (`TP.(HCM)`) stay whole;
* a Markdown list of links that lost its line breaks: the next item glued to the bracket
  that closes the link before it (`… [Tổng quan](#tong-quan)‖- [Giấy phép](#giay-phep)`),
  while a bracket that closes prose stays (`(xem bảng)- [1] là nguồn`);
* a numbered item glued to the bracket or the citation that ends the item before it (`… cây
  cảnh)‖2. Trồng …`, `… tranh cãi[3][4]‖2. Năm 1802 …`; before, the cut fell after `2.`),
  while a thousands number (`(năm 2022)2.000 người`) and a decimal (`(đã điều chỉnh)2.5 lần`)
  stay whole.
"""

from __future__ import annotations

import pytest
from linear_time import assert_linear
from segment_table import Split, Whole, assert_lossless, case_tests, one_line_texts

SPLIT: list[Split] = [
    (
        "srt-cue-after-an-ellipsis",
        "1 00:00:01,000 --> 00:00:02,500 Lần trước ta đã nói...2 00:00:02,600 --> "
        "00:00:04,100 Hôm nay ta học tiếp.",
        [
            "1 00:00:01,000 --> 00:00:02,500",
            "Lần trước ta đã nói...",
            "2 00:00:02,600 --> 00:00:04,100",
            "Hôm nay ta học tiếp.",
        ],
    ),
    (
        "srt-cue-after-a-question-mark",
        "7 00:01:10,200 --> 00:01:12,000 Cậu đi đâu thế?8 00:01:12,100 --> 00:01:13,900 Ra chợ.",
        [
            "7 00:01:10,200 --> 00:01:12,000",
            "Cậu đi đâu thế?",
            "8 00:01:12,100 --> 00:01:13,900",
            "Ra chợ.",
        ],
    ),
    (
        "srt-cue-after-a-closing-quote",
        '3 00:00:09,000 --> 00:00:11,000 Bà nói: "Con cứ đi đi."14 00:00:11,500 --> '
        "00:00:13,000 Tôi gật đầu.",
        [
            "3 00:00:09,000 --> 00:00:11,000",
            'Bà nói: "Con cứ đi đi."',
            "14 00:00:11,500 --> 00:00:13,000",
            "Tôi gật đầu.",
        ],
    ),
    (
        "sbv-timing-after-a-stop",
        "0:00:01.000,0:00:02.800 Tôi là Minh.0:00:02.800,0:00:05.100 Tôi dạy vật lý.",
        [
            "0:00:01.000,0:00:02.800",
            "Tôi là Minh.",
            "0:00:02.800,0:00:05.100",
            "Tôi dạy vật lý.",
        ],
    ),
    (
        "source-label-after-a-stop",
        "Khách sạn vẫn đóng cửa ở Nha Trang.(NLĐO) - Số tiền hỗ trợ đã được chuyển.",
        ["Khách sạn vẫn đóng cửa ở Nha Trang.", "(NLĐO) -", "Số tiền hỗ trợ đã được chuyển."],
    ),
    (
        "source-label-with-an-en-dash-after-a-quote",
        'Ông gọi đó là "một bước tiến".(TTXVN) – Chiều qua, đoàn công tác đã về tới.',
        [
            'Ông gọi đó là "một bước tiến".',
            "(TTXVN) –",
            "Chiều qua, đoàn công tác đã về tới.",
        ],
    ),
    (
        "a-list-of-links-glued",
        "- [Giới thiệu](#gioi-thieu)- [Cài đặt trên Linux](#cai-dat)- [Giấy phép](#giay-phep)",
        [
            "- [Giới thiệu](#gioi-thieu)",
            "- [Cài đặt trên Linux](#cai-dat)",
            "- [Giấy phép](#giay-phep)",
        ],
    ),
    (
        "a-link-item-after-a-url",
        "Xem [bài giảng](https://video.example.org/watch?v=a1)- [Bài tập tuần 2](https://example.org/b)",
        [
            "Xem [bài giảng](https://video.example.org/watch?v=a1)",
            "- [Bài tập tuần 2](https://example.org/b)",
        ],
    ),
]

SPLIT += [
    (
        "a-numbered-item-after-a-bracket",
        "1. Vì sao? (Bài này nói về năm loại cây cảnh)2. Trồng thế nào cho đúng cách?",
        [
            "1. Vì sao?",
            "(Bài này nói về năm loại cây cảnh)",
            "2. Trồng thế nào cho đúng cách?",
        ],
    ),
    (
        "a-numbered-item-after-citations",
        "Việc ấy gây nhiều tranh cãi[3][4]2. Năm 1802, triều Nguyễn được lập.",
        ["Việc ấy gây nhiều tranh cãi[3][4]", "2. Năm 1802, triều Nguyễn được lập."],
    ),
]

WHOLE: list[Whole] = [
    (
        "abbreviations-domains-decimals",
        "Trụ sở ở TP.HCM và P.Bến Nghé, Q.1, xem hue.gov.vn, tỷ lệ 10.2, Washington D.C. "
        "cùng ThS.BS Lan.",
    ),
    ("an-e-mail-and-a-file", "Gửi tệp bao_cao.pdf về lan.nguyen@gmail.com trước thứ Hai."),
    ("a-decimal-before-a-time", "Tỷ lệ đạt 3.5 00:00:01,023 là mốc đo."),
    ("a-bracketed-label-before-a-size", "Tải tệp baocao.(PDF) - 2 MB về máy."),
    ("a-bracket-that-closes-prose", "Kết quả (xem bảng)- [1] là nguồn chính."),
    ("a-link-then-a-dash-in-prose", "Đọc [hướng dẫn](#huong-dan)- rồi làm theo."),
    ("a-thousands-number-after-a-bracket", "Dân số tăng (năm 2022)2.000 người mỗi năm."),
    ("a-decimal-after-a-bracket", "Chỉ số (đã điều chỉnh)2.5 lần so với năm trước."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


@pytest.mark.parametrize("text", one_line_texts(SPLIT, WHOLE))
def test_the_cases_are_lossless(text: str) -> None:
    assert_lossless(text * 3)


@pytest.mark.parametrize(
    "unit",
    [
        "nói...2 00:00:02,600 --> 00:00:04,100 Hôm 3.5 00:00:01,023 x "
        "Minh.0:00:02.800,0:00:05.100 ",
        "Trang.(NLĐO) - Số baocao.(PDF) - 2 ",
        "[Giới](#gioi)- [Cài](#cai-dat)- (xem)- [1] (cây)2. Trồng tãi[3]2. Năm (2022)2.000 ",
    ],
    ids=["subtitle-cues", "source-labels", "link-items"],
)
def test_round_ten_rules_are_linear(unit: str) -> None:
    """Four times the text takes about four times as long (CPU time, best of two)."""
    assert_linear(unit, 50_000, slack=0.3)
