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

A page that puts each link on the line under its paragraph (`… xem TẠI ĐÂY⏎https://…`) or
letters its items (`a) Đơn …`) begins those lines in lowercase without continuing a sentence:
they are not evidence that the document is wrapped prose, which had its unterminated lines
joined to the capitalised lines after them (R1). Items lettered or numbered with a slash
(`a/ Sản phẩm`, `1/ Mượn sách`) open their lines as `a)` and `1.` do. And a field label that
opens a line (`Đối tượng: …`, `Mức hỗ trợ: …`) ends the clause above it, even one that opens
with `Căn cứ` (R1, R12). All three found in a real university handbook scraped to text; the
examples are invented.
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

_LINKS_UNDER_PARAGRAPHS = (
    "Học bổng khuyến khích\n"
    "Nhà trường dành quỹ học bổng cho sinh viên có kết quả học tập tốt.\n"
    "Mức thấp nhất tương đương học phí sinh viên phải đóng\n"
    "Mức cao nhất bằng một phẩy năm lần mức thấp nhất.\n"
    "Quy định chi tiết sinh viên xem TẠI ĐÂY\n"
    "https://example.edu.vn/quy-dinh-hoc-bong\n"
    "Kế hoạch xét cấp học kỳ này sinh viên xem TẠI ĐÂY\n"
    "https://example.edu.vn/ke-hoach\n"
    "Biểu mẫu đăng ký sinh viên lấy TẠI ĐÂY\n"
    "https://example.edu.vn/bieu-mau\n"
    "Hồ sơ gồm:\n"
    "a) Đơn đề nghị theo mẫu;\n"
    "b) Bản sao giấy khai sinh.\n"
)
_FIELDS_AFTER_A_BASIS = (
    "Căn cứ thực hiện: Quyết định số 12/2020/QĐ-UBND của Ủy ban nhân dân tỉnh về hỗ trợ học "
    "phí cho học sinh vùng cao\n"
    "Đối tượng: Học sinh người dân tộc thiểu số thuộc hộ nghèo\n"
    "Mức hỗ trợ: Bằng một nửa học phí của năm học.\n"
)
_WRAPPED = (
    "Hội đồng nhân dân xã đã thông qua kế hoạch nạo vét kênh\n"
    "mương trước mùa mưa, giao cho các thôn tự huy động nhân\n"
    "lực và phương tiện, báo cáo kết quả về ủy ban trước ngày\n"
    "cuối tháng. Kinh phí do ngân sách xã chi trả\n"
    "Người dân được mời tham gia đóng góp ý kiến.\n"
)

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "links under paragraphs are no wrapped prose",
        _LINKS_UNDER_PARAGRAPHS,
        [line for line in _LINKS_UNDER_PARAGRAPHS.splitlines() if line],
    ),
    (
        "field labels after a basis clause",
        _FIELDS_AFTER_A_BASIS,
        [line for line in _FIELDS_AFTER_A_BASIS.splitlines() if line],
    ),
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
        "items lettered and numbered with a slash",
        "3. Sản phẩm và dịch vụ\na/ Sản phẩm\n- Thư mục sách mới\nb/ Dịch vụ\n"
        "1/ Mượn sách\n2/ Đọc tại chỗ",
        [
            "3. Sản phẩm và dịch vụ",
            "a/ Sản phẩm",
            "- Thư mục sách mới",
            "b/ Dịch vụ",
            "1/ Mượn sách",
            "2/ Đọc tại chỗ",
        ],
    ),
    (
        "a symbol bullet after a line that ends in a joining word",
        "Chuẩn bị gồm\n☑ Giấy tờ tùy thân và\n☑ Hai ảnh chân dung cỡ nhỏ",
        ["Chuẩn bị gồm", "☑ Giấy tờ tùy thân và", "☑ Hai ảnh chân dung cỡ nhỏ"],
    ),
]

WHOLE: list[tuple[str, str]] = [
    (
        "a preamble clause wrapped before a capital",
        "Xét đề nghị của Giám đốc\nSở Tài chính tại Tờ trình số 45/TTr-STC;",
    ),
    ("a symbol inside a line", "Giá vé → 50.000 đồng ✅ đã gồm bữa trưa"),
    ("a platform written after a space", "Cài Microsoft .Net framework từ bản 3.0 trở lên"),
    ("an upper-case platform", "Ứng dụng chạy trên .NET và cần Windows 10"),
    ("a file extension after a space", "Mở tệp .PDF bằng trình đọc có sẵn"),
    ("a dotted name at the end", "Đó là bản dựng cho .Net."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_wrapped_prose_still_joins() -> None:
    texts = segment_texts(_WRAPPED)
    assert texts[0].count("\n") == 3 and texts[0].endswith("cuối tháng.")


def test_symbol_bullets_lossless() -> None:
    text = _FEATURES * 3
    assert "".join("".join(segment_texts(text)).split()) == "".join(text.split())
