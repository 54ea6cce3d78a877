"""Round 16: a line that opens with a symbol bullet is an item line (R1, R10).

READMEs, posts and slides mark their items with pictographs and symbols instead of `-` or
`•`: `✅ Hỗ trợ …`, `👉 Xem …`, `► Bước 2`, keycap digits `1️⃣`. Such a line never continues
the line above it, even in a document whose prose is hard-wrapped at one width and even when
the line above ends with a word that usually goes on (`và`). Before this rule the lines of a
feature list in a wrapped README were joined into one segment (found on a real Vietnamese
README; the example here is invented).

A period written apart from the word before it and glued to a file extension or a platform's
suffix opens a name (R3): `Microsoft .Net framework`, `tệp .PDF`. A detached period glued to
any other word still ends its sentence (`Xong rồi .Hẹn gặp lại.`, as before).
"""

from __future__ import annotations

from segment_table import case_tests, segment_texts

_FEATURES = (
    "Phần mềm ghi chú này giúp bạn lưu lại ý tưởng, công việc và lịch hẹn\n"
    "trên mọi thiết bị, kể cả khi không có mạng, rồi đồng bộ lại khi có\n"
    "kết nối. Bản mới nhất sửa nhiều lỗi nhỏ và chạy nhanh hơn trước rất nhiều.\n"
    "\n"
    "Tính năng chính\n"
    "\n"
    "✅ Ghi chú bằng chữ, hình ảnh và giọng nói ngay trên điện thoại và\n"
    "✅ Giao diện gọn gàng, dễ dùng cho cả người lớn tuổi trong gia đình\n"
    "👉 Đồng bộ tự động giữa điện thoại, máy tính bảng và máy tính cá nhân\n"
    "► Nhắc việc theo giờ, theo ngày hoặc theo địa điểm bạn đã chọn sẵn\n"
    "1️⃣ Tải ứng dụng từ kho ứng dụng chính thức của hãng điện thoại\n"
)

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "symbol bullets in a hard-wrapped README",
        _FEATURES,
        [
            "Phần mềm ghi chú này giúp bạn lưu lại ý tưởng, công việc và lịch hẹn\n"
            "trên mọi thiết bị, kể cả khi không có mạng, rồi đồng bộ lại khi có\nkết nối.",
            "Bản mới nhất sửa nhiều lỗi nhỏ và chạy nhanh hơn trước rất nhiều.",
            "Tính năng chính",
            "✅ Ghi chú bằng chữ, hình ảnh và giọng nói ngay trên điện thoại và",
            "✅ Giao diện gọn gàng, dễ dùng cho cả người lớn tuổi trong gia đình",
            "👉 Đồng bộ tự động giữa điện thoại, máy tính bảng và máy tính cá nhân",
            "► Nhắc việc theo giờ, theo ngày hoặc theo địa điểm bạn đã chọn sẵn",
            "1️⃣ Tải ứng dụng từ kho ứng dụng chính thức của hãng điện thoại",
        ],
    ),
    (
        "a detached period before an ordinary word",
        "Xong rồi .Hẹn gặp lại.",
        ["Xong rồi .", "Hẹn gặp lại."],
    ),
    (
        "a dotted name that ends its sentence, glued to the next one",
        "Phần mềm viết bằng .NET.Sau đó chạy thử.",
        ["Phần mềm viết bằng .NET.", "Sau đó chạy thử."],
    ),
    (
        "a symbol bullet after a line that ends in a joining word",
        "Chuẩn bị gồm\n☑ Giấy tờ tùy thân và\n☑ Hai ảnh chân dung cỡ nhỏ",
        ["Chuẩn bị gồm", "☑ Giấy tờ tùy thân và", "☑ Hai ảnh chân dung cỡ nhỏ"],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("a symbol inside a line", "Giá vé → 50.000 đồng ✅ đã gồm bữa trưa"),
    ("a platform written after a space", "Cài Microsoft .Net framework từ bản 3.0 trở lên"),
    ("an upper-case platform", "Ứng dụng chạy trên .NET và cần Windows 10"),
    ("a file extension after a space", "Mở tệp .PDF bằng trình đọc có sẵn"),
    ("a dotted name at the end", "Đó là bản dựng cho .Net."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_symbol_bullets_lossless() -> None:
    text = _FEATURES * 3
    assert "".join("".join(segment_texts(text)).split()) == "".join(text.split())
