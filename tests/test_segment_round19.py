"""Round 19 (dev20, set T: news and government pages).

* A source label that opens a story (R9, D2) is cut from it also before an office's
  abbreviation (`(BTN) - ‖TP. Tây Ninh …`, `(TTXVN) - ‖UBND tỉnh …`) and when its dash is glued
  to it (`Vanvn- ‖Khai thác …`); a place pair written with a glued dash stays one phrase.
* An upper-case heading that ends with a comma goes on in upper case on the next line
  (`I. MỤC ĐÍCH,⏎YÊU CẦU`), in any document; a line of prose before an upper-case word does
  not (`… TỈNH,⏎Căn cứ …`).

The conventions split a source label from its story (R9: "a heading, title or source label
that the scraper ran into prose with only a space is split from it"); dev16, dev19 and dev20
had kept it with the first sentence, and their gold now follows R9 (changed everywhere, as
dev2, dev11 and dev12 already had it). Found in dev20's documents; the examples are invented.
"""

from __future__ import annotations

from segment_table import case_tests

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "a source label before a city's abbreviation",
        "(BTN) - TP. Tây Ninh đang trình đề án nâng loại đô thị.",
        ["(BTN) -", "TP. Tây Ninh đang trình đề án nâng loại đô thị."],
    ),
    (
        "a source label before an upper-case office",
        "(TTXVN) - UBND tỉnh vừa ban hành kế hoạch phòng chống lũ.",
        ["(TTXVN) -", "UBND tỉnh vừa ban hành kế hoạch phòng chống lũ."],
    ),
    (
        "a source label with its dash glued",
        "Vanvn- Khai thác bản thảo từ các truyện dài kỳ là việc khó.",
        ["Vanvn-", "Khai thác bản thảo từ các truyện dài kỳ là việc khó."],
    ),
    (
        "an upper-case heading wrapped at its comma",
        "Kế hoạch như sau:\nI. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích",
        ["Kế hoạch như sau:", "I. MỤC ĐÍCH,\nYÊU CẦU", "1. Mục đích"],
    ),
    (
        "an upper-case line with a comma before prose",
        "ỦY BAN NHÂN DÂN TỈNH,\nCăn cứ Luật Tổ chức chính quyền địa phương;",
        ["ỦY BAN NHÂN DÂN TỈNH,", "Căn cứ Luật Tổ chức chính quyền địa phương;"],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("a place pair with a glued dash", "Tuyến Bắc- Nam dài hơn 1.700 km."),
    ("two cities with a glued dash", "Hà Nội- Hải Phòng mở thêm cao tốc."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)
