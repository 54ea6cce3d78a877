"""Round 18 (dev19, set R: in-line boundaries in flattened and multi-sentence text).

* An emoji after a sentence's stop belongs to that sentence (R14): `Xong rồi. 🙂 ‖Mai gặp.`;
  a symbol that marks items (`✅`, `👉`, `🔹`, `📌`) still opens the next one.
* A list number after a symbol bullet is a list number (`🔹 3.1. Tỷ lệ …` is one segment).
* Phases counted on one line (`Giai Đoạn I: … Giai Đoạn II: … Giai Đoạn III: …`) are cut
  before their two-word label, not between its words.
* An inline element closed after the stop, in HTML kept as text, ends the sentence with it
  (`… An Giang.</strong> ‖Sinh năm …`), as a closing quote does.
* A Markdown fence that names no language and holds Vietnamese sentences (a prompt, a sample
  input) is prose: its sentences are split as the text's are, where code stays whole (D4).

Found in dev19's documents; the examples here are invented.
"""

from __future__ import annotations

from segment_table import assert_lossless, case_tests, segment_texts

SPLIT: list[tuple[str, str, list[str]]] = [
    ("an emoji after the stop", "Xong rồi. 🙂 Mai gặp lại.", ["Xong rồi. 🙂", "Mai gặp lại."]),
    (
        "emoji with a variation selector after the stop",
        "Thích lắm. ❤️ Cảm ơn shop nhé.",
        ["Thích lắm. ❤️", "Cảm ơn shop nhé."],
    ),
    (
        "item symbols open the next item",
        "Giá 50 nghìn. ✅ Giao nhanh. ✅ Đóng gói kỹ.",
        ["Giá 50 nghìn.", "✅ Giao nhanh.", "✅ Đóng gói kỹ."],
    ),
    (
        "phases counted on one line",
        "Có bốn giai đoạn. Giai Đoạn I: Thử trên nhóm nhỏ. Giai Đoạn II: Thử trên nhóm lớn. "
        "Giai Đoạn III: Thử diện rộng.",
        [
            "Có bốn giai đoạn.",
            "Giai Đoạn I: Thử trên nhóm nhỏ.",
            "Giai Đoạn II: Thử trên nhóm lớn.",
            "Giai Đoạn III: Thử diện rộng.",
        ],
    ),
    (
        "phases in lowercase without stops",
        "Giai đoạn 1: Chuẩn bị Giai đoạn 2: Thực hiện Giai đoạn 3: Tổng kết",
        ["Giai đoạn 1: Chuẩn bị", "Giai đoạn 2: Thực hiện", "Giai đoạn 3: Tổng kết"],
    ),
    (
        "an inline element closed after the stop",
        "Ông là người đầu tiên ở An Giang.</strong> Sinh năm 1991, ông học ở đây.",
        ["Ông là người đầu tiên ở An Giang.</strong>", "Sinh năm 1991, ông học ở đây."],
    ),
    (
        "Vietnamese sentences in a fence that names no language",
        "Ví dụ:\n```\nSản phẩm rất tốt. Giao hàng nhanh. Đóng gói cẩn thận.\n```\n",
        ["Ví dụ:", "```", "Sản phẩm rất tốt.", "Giao hàng nhanh.", "Đóng gói cẩn thận.", "```"],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("a list number after a symbol bullet", "🔹 3.1. Tỷ lệ đánh giá theo thời gian"),
    ("a pointing hand and a number", "👉 2. Bước tiếp theo là cài đặt."),
    ("an emoji that ends the text", "Xong rồi. 🙂"),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_code_in_a_fence_without_a_language_stays_whole() -> None:
    text = "```\npip install translate. Sau đó chạy lệnh (xem [docs]) = {a: 1}.\n```\n"
    assert "pip install translate. Sau đó chạy lệnh (xem [docs]) = {a: 1}." in segment_texts(text)


def test_emoji_runs_stay_lossless() -> None:
    assert_lossless("Xong. 🙂🙂 Rồi. ✅ Tiếp. " * 2_000)
    assert_lossless("A.</strong> B.</em></b> " * 2_000)
