"""Round 22 (dev24, set Y: scraped news pages with their chrome).

A capitalised opener after a place's kind names the place, not a new sentence (R9 splits
only where prose starts): `… đặc khu Trường Sa đã …`, `… chợ Bến Thành …`, `… đảo Cô Tô …`;
and `Nhân Ngày 21-6, …` ("on the occasion of" a day) is one phrase. Found in dev24's
documents; the examples here are invented.
"""

from __future__ import annotations

from segment_table import case_tests

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "a run-in heading before a real opener still splits",
        "Tin nóng trong ngày Sáng nay, mưa lớn kéo dài ở Hà Nội.",
        ["Tin nóng trong ngày", "Sáng nay, mưa lớn kéo dài ở Hà Nội."],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("a special zone's name", "Tổ công tác của Ủy ban bầu cử đặc khu Trường Sa đã có mặt ở đảo."),
    ("a market's name", "Du khách đến chợ Bến Thành mua quà trước khi về nước."),
    ("a bridge's name", "Xe tải chết máy trên cầu Sài Gòn khiến giao thông ùn tắc."),
    ("on the occasion of a day", "Nhân Ngày 21-6, báo trân trọng giới thiệu loạt bài viết."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)
