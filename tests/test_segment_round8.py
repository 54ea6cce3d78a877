"""Issue 11, eighth round: precision. The former blind set heldout8 (now dev8) showed rules
cutting where the conventions keep one segment; each rule made more careful here is tested
with what must stay whole and what must still be cut. Every example was written for this
file; none is copied from a dev or held-out document.

Layout units that are one segment whole (D3, D4, the conventions' reference lists): a row of a
Markdown table, in a document that has the table's delimiter row, even when its cells hold
``<br>`` tags (a caption boxed in pipes without one is still split; since round 12 a cell of
several sentences is split at them, call 1 of set L); each line of
a fenced code block; one reference entry with its number and separator, its own periods
included (a flattened list of several is still cut before each separator).

A dump's written-out line break (`\\r\\n`) before a capital is a glued boundary even after
a heading without a full stop.

Glued cells: two label-value cells of a table row run together (`Nơi ban hành:Sở Y tếNgười
ký:…`) are one layout line, not a glued menu.

Line breaks, with the document's own evidence: an upper-case heading goes on where the
document writes the two words around the break as one word at least twice nearby (`ỦY⏎BAN`
beside `Ủy ban nhân dân`; once is no evidence: `QUYẾT ĐỊNH⏎VỀ VIỆC`) and over a last line of
one word before lowercase text (no heading is one syllable); a line that ends with a
spaced dash goes on (`Độc lập -⏎Tự do - Hạnh phúc`) unless it is a source or a dateline before
its story; a unit that opens a parenthesised note goes on until the note closes; a lowercase
line in a block of short lines (a page's chrome) is a line of its own, while wrapped prose,
a list item's continuation and a line that starts with a continuing word still join.
"""

from __future__ import annotations

import pytest
from linear_time import assert_linear
from segment_table import segment_texts

from translate.document import Note
from translate.segment import segment_text

_TABLE = (
    "| Lệnh | Tác dụng | Ghi chú |\n"
    "| --- | --- | --- |\n"
    "| `ls` | Liệt kê tệp. Có thể lọc theo tên. | - Nhanh.<br>- Không đổi dữ liệu. |\n"
    "| `rm` | Xóa tệp. | Cẩn thận. Không hoàn tác được. |"
)


def test_a_table_row_is_one_segment_but_for_a_cells_sentences() -> None:
    """Round 12 (call 1 of set L): a cell of several sentences is split at them."""
    lines = _TABLE.split("\n")
    assert segment_texts(_TABLE) == [
        *lines[:2],
        "| `ls` | Liệt kê tệp.",
        "Có thể lọc theo tên. | - Nhanh.<br>- Không đổi dữ liệu. |",
        "| `rm` | Xóa tệp. | Cẩn thận.",
        "Không hoàn tác được. |",
    ]


def test_a_boxed_caption_without_a_table_is_still_split() -> None:
    text = "| Cầu mới nối hai bờ sông. Ảnh: Minh Anh. |"
    assert segment_texts(text) == ["| Cầu mới nối hai bờ sông.", "Ảnh: Minh Anh. |"]


def test_a_table_row_in_prose_after_the_table_is_prose_again() -> None:
    text = _TABLE + "\n\nBảng trên chưa đủ. Xem thêm phần sau."
    assert segment_texts(text)[-2:] == ["Bảng trên chưa đủ.", "Xem thêm phần sau."]


def test_code_lines_are_one_segment_each() -> None:
    lines = ["```", "B[0] B[1] ... B[K-1]    ← dòng đầu. Dòng sau trống.", "...", "```"]
    text = "Định dạng đầu vào:\n" + "\n".join(lines) + "\nSau đó. Chạy thử."
    assert segment_texts(text) == ["Định dạng đầu vào:", *lines, "Sau đó.", "Chạy thử."]


@pytest.mark.parametrize(
    "entry",
    [
        "2. ^ Trần Thị Mai (2015). Cây thuốc vùng núi. Truy cập ngày 3 tháng 4 năm 2016.",
        "^ Lê Văn Hòa; Phạm An (1999). “Rừng ngập mặn”. Tạp chí Sinh học 21 (2): 4–9.",
        "↑ Nguyễn Bình (2001). Địa chí tỉnh. Nxb. Văn hóa.",
    ],
)
def test_a_reference_entry_is_one_segment(entry: str) -> None:
    assert segment_texts("Chú thích\n" + entry) == ["Chú thích", entry]


def test_a_flattened_reference_list_is_still_cut_at_each_separator() -> None:
    texts = segment_texts("^ Trần Mai (2015). Cây thuốc. ^ Lê Hòa (1999). Rừng ngập mặn.")
    assert len(texts) > 1
    assert texts[0].startswith("^ Trần Mai")
    assert any(text.startswith("^ Lê Hòa") for text in texts)


def test_a_numbered_line_without_a_separator_is_still_split() -> None:
    text = "3. Hồ sơ nộp tại xã. Thời hạn là năm ngày."
    assert segment_texts(text) == ["3. Hồ sơ nộp tại xã.", "Thời hạn là năm ngày."]


@pytest.mark.parametrize(
    "row",
    [
        "Nơi ban hành:Sở Y tế tỉnh Bình ĐịnhNgười ký:Trần Văn Bình",
        "Ngày hiệu lực:01/07/2021Tình trạng:Còn hiệu lực",
    ],
)
def test_glued_table_cells_are_one_line(row: str) -> None:
    assert segment_texts(row) == [row]


def test_a_glued_title_without_labels_is_still_cut() -> None:
    text = "Thông báo lịch tiếp dânSáng nay, ông Minh tiếp dân tại trụ sở."
    assert segment_texts(text) == [
        "Thông báo lịch tiếp dân",
        "Sáng nay, ông Minh tiếp dân tại trụ sở.",
    ]


def test_a_written_out_break_before_a_capital_is_a_glued_boundary() -> None:
    text = "Lễ trao bằng\\r\\nSáng 5.9, trường tổ chức lễ trao bằng.\\r\\nĐiểm\\nhay"
    document = segment_text(text)
    assert [segment.text for segment in document.segments] == [
        "Lễ trao bằng\\r\\n",
        "Sáng 5.9, trường tổ chức lễ trao bằng.\\r\\n",
        "Điểm\\nhay",
    ]
    assert Note.REPAIRED_JOIN in document.segments[1].notes


_CHARTER = (
    "ĐIỀU LỆ HOẠT ĐỘNG CỦA ỦY\nBAN MẶT TRẬN XÃ\n"
    "Điều 1. Ủy ban Mặt trận xã họp mỗi quý một lần.\n"
    "Điều 2. Ủy ban có trách nhiệm báo cáo."
)


def test_an_upper_case_heading_goes_on_where_the_document_writes_one_word() -> None:
    assert segment_texts(_CHARTER)[0] == "ĐIỀU LỆ HOẠT ĐỘNG CỦA ỦY\nBAN MẶT TRẬN XÃ"
    assert Note.WRAPPED in segment_text(_CHARTER).segments[0].notes


def test_a_word_written_once_is_no_evidence() -> None:
    text = "QUYẾT ĐỊNH\nVỀ VIỆC GIAO ĐẤT\nTheo quy định về giao đất, xã lập hồ sơ."
    assert segment_texts(text)[:2] == ["QUYẾT ĐỊNH", "VỀ VIỆC GIAO ĐẤT"]


def test_an_upper_case_heading_ends_with_its_one_word_line() -> None:
    text = "Chương II\nNHỮNG QUY ĐỊNH\nRIÊNG\nĐiều 5. Phạm vi áp dụng"
    assert segment_texts(text) == ["Chương II\nNHỮNG QUY ĐỊNH\nRIÊNG", "Điều 5. Phạm vi áp dụng"]


def test_a_one_word_line_before_more_upper_case_is_not_a_heading_end() -> None:
    text = "Tải về tại đây.\n\nNGHỊ QUYẾT\nLUẬT\nVỀ TỔ CHỨC CHÍNH QUYỀN\nCăn cứ Hiến pháp;"
    assert segment_texts(text)[1] == "NGHỊ QUYẾT"


def test_a_line_ending_with_a_spaced_dash_goes_on() -> None:
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập -\nTự do - Hạnh phúc"
    assert segment_texts(text) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập -\nTự do - Hạnh phúc",
    ]


@pytest.mark.parametrize(
    "prefix", ["(Thông Tấn) -", "ĐÀ NẴNG -", "Cần Thơ -"], ids=["source", "caps", "dateline"]
)
def test_a_source_or_a_dateline_before_a_dash_stays_apart(prefix: str) -> None:
    text = f"{prefix}\nSáng nay, mưa lớn gây ngập nhiều tuyến đường."
    assert segment_texts(text) == [prefix, "Sáng nay, mưa lớn gây ngập nhiều tuyến đường."]


def test_a_parenthesised_note_goes_on_until_it_closes() -> None:
    note = "(Ban hành\nkèm theo Quyết định số: 12/QĐ-UBND\nNgày 5 tháng\n3 năm 2020 của xã)"
    text = f"QUY CHẾ TIẾP DÂN\n{note}\nChương I\nQUY ĐỊNH CHUNG"
    assert segment_texts(text)[1] == note
    assert (
        segment_texts(text)[2] == "Chương I\nQUY ĐỊNH CHUNG"
    )  # (a label and its title: one heading)


def test_a_block_of_short_lines_is_one_segment_a_line() -> None:
    chrome = ["giấy phép", "cc-by-sa-4.0", "quyền tác giả", "nguồn gốc", "xem trang gốc"]
    text = "Bài viết còn sơ khai.\n" + "\n".join(chrome)
    assert segment_texts(text) == ["Bài viết còn sơ khai.", *chrome]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nhà thầu phải quây tôn quanh công trường,\nlắp biển cảnh báo và đèn nháy ban đêm",
            ["Nhà thầu phải quây tôn quanh công trường,\nlắp biển cảnh báo và đèn nháy ban đêm"],
        ),
        ("Xem thêm\n• Bài viết\nliên quan", ["Xem thêm", "• Bài viết\nliên quan"]),
        ("Danh mục\nĐặt tên đường\nvà đánh số", ["Danh mục", "Đặt tên đường\nvà đánh số"]),
        ("Sông chảy qua đồng bằng\nbắc bộ.", ["Sông chảy qua đồng bằng\nbắc bộ."]),
    ],
    ids=["wrapped-prose", "list-item", "continuing-word", "last-line"],
)
def test_lowercase_continuations_still_join(text: str, expected: list[str]) -> None:
    assert segment_texts(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [
        "| --- | --- |\n| a | Câu một. Câu hai.<br>- Ý. |\n2. ^ Tên (2010). Sách.\n```\nx. Y\n",
        "licença\ncc-by\nĐộc lập -\nTự do\n(Ban hành\nkèm theo\n"
        "ỦY\nBAN Ủy ban \nSố:12Người ký:An\n",
    ],
    ids=["layout-units", "line-breaks"],
)
def test_round_eight_rules_are_linear(unit: str) -> None:
    """Four times the text takes about four times as long (CPU time, best of two)."""
    assert_linear(unit, 50_000, slack=0.3)
