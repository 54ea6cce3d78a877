"""Issue 11, fourth round: glued joins and run-in labels found on real documents (dev3) and
in probes of the glued family, with what must stay whole next to each rule.

Glued: an opening straight quote after a full stop, a count or a list dash glued after a full
stop, `v.v.` doing double duty. Initials: a given name's initial after a Vietnamese family and
middle name ends the sentence before a new clause. Run-ins: photo credits, a heading the story
repeats, a dateline place or section label opening a paragraph, the national name and motto of
official documents, a list number opening a heading after an upper-case one. Lines: a table of
contents entry whose dot leader wrapped onto the next line, the national name wrapped, a title
whose spaces the extraction lost wrapped one run a line. Each case was written for this file;
none is copied from a dev or held-out document.
"""

from __future__ import annotations

import pytest

from translate.document import Note
from translate.segment import segment_text

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "an opening straight quote glued after a full stop",
        'Hai người đã bị tạm giữ."Chúng tôi chỉ đi ngang qua", một người khai.',
        ["Hai người đã bị tạm giữ.", '"Chúng tôi chỉ đi ngang qua", một người khai.'],
    ),
    (
        "a closing straight quote before a glued full stop",
        'Cả xã gọi đó là "mùa vàng".Trước đó, lúa mất trắng hai vụ.',
        ['Cả xã gọi đó là "mùa vàng".', "Trước đó, lúa mất trắng hai vụ."],
    ),
    (
        "a quotation that closes after its second sentence",
        '"Nước lên nhanh lắm. Nhà tôi ngập tới mái."Ông Tư kể lại như vậy.',
        ['"Nước lên nhanh lắm.', 'Nhà tôi ngập tới mái."', "Ông Tư kể lại như vậy."],
    ),
    (
        "a count glued after a full stop",
        "Xe khách lật ở đèo Bảo Lộc.12 người bị thương nhẹ.",
        ["Xe khách lật ở đèo Bảo Lộc.", "12 người bị thương nhẹ."],
    ),
    (
        "a list dash glued after a full stop",
        "Hồ sơ nộp tại bộ phận một cửa.- Thời hạn giải quyết là năm ngày.",
        ["Hồ sơ nộp tại bộ phận một cửa.", "- Thời hạn giải quyết là năm ngày."],
    ),
    (
        "v.v. doing double duty before glued prose",
        "Quán bán phở, bún, miến v.v.Giá mỗi tô từ 40.000 đồng.",
        ["Quán bán phở, bún, miến v.v.", "Giá mỗi tô từ 40.000 đồng."],
    ),
    (
        "the given name's initial after a Vietnamese full name ends the sentence",
        "Người trình báo là ông Lê Văn K. Ông cho biết xe bị mất lúc nửa đêm.",
        ["Người trình báo là ông Lê Văn K.", "Ông cho biết xe bị mất lúc nửa đêm."],
    ),
    (
        "a forum smiley's alt text ends the sentence",
        "Mình cũng hay làm món này Smile Tuy nhiên, mỗi nhà một vị.",
        ["Mình cũng hay làm món này Smile", "Tuy nhiên, mỗi nhà một vị."],
    ),
    (
        "a photo credit run into its caption and the story",
        "Lực lượng cứu hộ tại hiện trường ẢNH: MINH TÂM Trước đó, xe tải mất lái.",
        ["Lực lượng cứu hộ tại hiện trường", "ẢNH: MINH TÂM", "Trước đó, xe tải mất lái."],
    ),
    (
        "a credit that ends the unit",
        "Nông dân phơi cà phê trên sân nhà Ảnh: Hoài Thu",
        ["Nông dân phơi cà phê trên sân nhà", "Ảnh: Hoài Thu"],
    ),
    (
        "a numbered heading whose last words the story repeats",
        "3. Làng gốm bên sông Đồng Nai Đồng Nai từng có hàng trăm lò gốm.",
        ["3. Làng gốm bên sông Đồng Nai", "Đồng Nai từng có hàng trăm lò gốm."],
    ),
    (
        "a numbered heading whose first words the story repeats",
        "2. Điều kiện cấp học bổng cho sinh viên vùng cao Điều kiện cấp học bổng gồm hai mục.",
        [
            "2. Điều kiện cấp học bổng cho sinh viên vùng cao",
            "Điều kiện cấp học bổng gồm hai mục.",
        ],
    ),
    (
        "a dateline place and a dash",
        "Quảng Ngãi - Một tàu cá bị sóng đánh chìm ngoài khơi.",
        ["Quảng Ngãi -", "Một tàu cá bị sóng đánh chìm ngoài khơi."],
    ),
    (
        "a section label opening its story",
        "Tin nóng Một đám cháy lớn bùng lên ở chợ đêm.",
        ["Tin nóng", "Một đám cháy lớn bùng lên ở chợ đêm."],
    ),
    (
        "an official header flattened onto one line",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 12/TB-UBND",
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/TB-UBND"],
    ),
    (
        "a list number after an upper-case heading",
        "PHẦN MỞ ĐẦU 1. Lý do chọn đề tài nghiên cứu",
        ["PHẦN MỞ ĐẦU", "1. Lý do chọn đề tài nghiên cứu"],
    ),
    (
        "a list number glued before an upper-case heading",
        "bia sach ebook2. TẢI VỀ",
        ["bia sach ebook", "2. TẢI VỀ"],
    ),
    (
        "a menu of unaccented words, one a line",
        "HOME\nNEWS\nVIDEO\nẢNH",
        ["HOME", "NEWS", "VIDEO", "ẢNH"],
    ),
    (
        "a table of contents entry whose dot leader wrapped",
        "Chương 1: Tổng quan về mạng và cách cài đặt:\n.............. 7\nChương 2: Ứng dụng",
        [
            "Chương 1: Tổng quan về mạng và cách cài đặt:\n.............. 7",
            "Chương 2: Ứng dụng",
        ],
    ),
]

WHOLE: list[tuple[str, str]] = [
    ("the national name wrapped", "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM"),
    ("a title whose spaces were lost, a run a line", "SỔTAY\nHƯỚNGDẪN\nVIẾT\nBÁOCÁO"),
    ("places, units and titles", "Trụ sở ở P.Bến Nghé, Q.1, TP.HCM do ThS.BS Lan phụ trách."),
    ("addresses and numbers", "Xem hue.gov.vn, gửi thư cho ban@hue.gov.vn, tăng 10.2 và 9,5 điểm."),
    ("initials of a place", "Ông từng sống ở Washington, D.C. nhiều năm."),
    ("a file name", "Tải tệp bao_cao_quy3.v2.xlsx về máy."),
    ("a code with a number after a period", "Điều 12.4.QĐ.2 được sửa đổi trong năm nay."),
    ("a count inside a number", "Giá 1.200 đồng và 10.5 phần trăm, bản 2.10 mới."),
    ("a credit in an aside", "Ông Hải (Ảnh: TTXVN) cho biết sẽ xử lý."),
    (
        "a list of bodies that repeats a name",
        "Hội đồng Nhân dân, Uỷ ban Nhân dân, Uỷ ban Mặt trận đều dự.",
    ),
    (
        "a name repeated inside a sentence",
        "Ủy ban nhân dân tỉnh đề nghị Ủy ban nhân dân huyện báo cáo.",
    ),
    ("a route between two places", "Hà Nội - Hải Phòng là tuyến cao tốc đông xe nhất miền Bắc."),
    ("a person and a dash", "Lê Văn Út - kẻ lừa thầy phản bạn, bị cả làng xa lánh."),
    ("a club named after its city", "Hà Nội FC đã thắng 2-0 trên sân nhà."),
    ("a foreign middle initial", "Bức ảnh chụp George W. Bush ở Texas được trưng bày."),
    ("an initial before a comma", "Theo bà Trần Thị B. Hồng, việc này không đúng."),
    ("a chapter label and its number", "CHƯƠNG 1. QUY ĐỊNH CHUNG"),
    ("two columns of an official header", "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("a straight quote opened inside the sentence", 'Bà nói "Không sao đâu." rồi đi tiếp.'),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SPLIT], ids=[c[0] for c in SPLIT])
def test_round4_join_is_cut(text: str, expected: list[str]) -> None:
    assert [segment.text for segment in segment_text(text).segments] == expected


@pytest.mark.parametrize("text", [c[1] for c in WHOLE], ids=[c[0] for c in WHOLE])
def test_round4_stays_one_segment(text: str) -> None:
    assert [segment.text for segment in segment_text(text).segments] == [text]


def test_a_glued_heading_number_is_noted_as_a_repaired_join() -> None:
    segments = segment_text("bia sach ebook2. TẢI VỀ").segments
    assert Note.REPAIRED_JOIN in segments[1].notes
    assert Note.REPAIRED_JOIN not in segment_text("PHẦN MỞ ĐẦU 1. Lý do").segments[1].notes
