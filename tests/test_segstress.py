"""The synthetic stress families of bench.segstress on sentences written here (the benchmark
uses ../shared/data): every generated gold reproduces its document, and the segmenter holds
each family. Fast: a few hundred sentences, in process."""

from __future__ import annotations

import random

import pytest

from bench.segstress import FAMILIES, StressDoc, build_family, split_units
from translate.segment import segment_text

SENTENCES = [
    "Chiều qua, mưa lớn kéo dài khiến nhiều tuyến phố ở trung tâm thành phố ngập sâu.",
    "Lực lượng cứu hộ đã có mặt từ sớm để hỗ trợ người dân di chuyển tài sản.",
    "Theo Sở Giao thông vận tải, khoảng 20 tuyến đường bị ảnh hưởng.",
    "Nông dân Lâm Hà trúng mùa bơ sáp",
    "Giá bơ năm nay tăng gần 15% so với cùng kỳ năm ngoái.",
    "Nhiều thương lái đổ về các vườn từ tờ mờ sáng để thu mua.",
    "Ông Trần Văn Minh, chủ một vườn bơ rộng hai héc-ta, cho biết nhà ông thu 300 triệu đồng.",
    "“Năm nay thời tiết thuận lợi nên cây ra trái đều.",
    "Chúng tôi chỉ lo đầu ra không ổn định”, ông nói.",
    "Ủy ban nhân dân tỉnh Hà Tĩnh vừa ban hành kế hoạch phát triển du lịch cộng đồng.",
    "Kế hoạch đặt mục tiêu đón 50.000 lượt khách vào năm 2025.",
    "Sáu tháng qua, lượng cá tra Việt Nam bán sang Trung Đông tăng gần 18%.",
    "Các doanh nghiệp cho rằng thị trường này còn nhiều dư địa.",
    "Chủ tàu khai gian sản lượng sẽ chịu phạt theo Luật Thủy sản.",
    "Hội chợ kéo dài đến hết chủ nhật.",
    "Ban tổ chức dự kiến đón 17.300 lượt khách.",
    "Bí ẩn ấy đến giờ chưa ai giải được.",
    "TS. Lưu Quang Vinh cho rằng cần thêm số liệu thực địa.",
    "Trường học ở vùng cao thiếu giáo viên",
    "Năm học mới, nhiều điểm trường vẫn chưa đủ giáo viên tiếng Anh và tin học.",
    "Phụ huynh phải góp tiền để thuê thêm người dạy.",
    "Sở Giáo dục và Đào tạo cho biết sẽ điều động giáo viên từ các huyện lân cận.",
]
# The floor each family must hold (boundary F1 on whitespace-free offsets, as segscore counts).
FLOORS = {
    "space": 0.95,
    "glued": 0.95,
    "wrapped": 0.95,
    "wrapped-caps": 0.93,
    "markdown": 0.95,
    "quoted": 0.93,
    "numbered": 0.85,
    "runin": 0.85,  # a prose start with no opener (a name, a quote) is not found
}


def _documents() -> list[list[str]]:
    rng = random.Random(11)
    return [rng.sample(SENTENCES, 12) for _ in range(12)]


def _squash(text: str) -> str:
    return "".join(character for character in text if not character.isspace())


def _cuts(pieces: list[str]) -> set[int]:
    cuts, position = set(), 0
    for piece in pieces:
        position += len(_squash(piece))
        cuts.add(position)
    return cuts - {position}


def _f1(docs: list[StressDoc]) -> float:
    true_positive = predicted = gold = 0
    for doc in docs:
        expected = _cuts(list(doc.gold))
        found = _cuts([segment.text for segment in segment_text(doc.text).segments])
        true_positive += len(expected & found)
        predicted += len(found)
        gold += len(expected)
    precision, recall = true_positive / predicted, true_positive / gold
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_stress_family(family: str) -> None:
    docs = build_family(family, _documents())
    for doc in docs:
        assert _squash("".join(doc.gold)) == _squash(doc.text)
    assert _f1(docs) >= FLOORS[family]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Vàng mềm và dễ uốn. Nó được dát mỏng.", ["Vàng mềm và dễ uốn.", "Nó được dát mỏng."]),
        ("Tuyển thủ ghép cặp với Justin Thomas. Hai người thắng.", 2),
        ("Tỷ lệ giảm gần bằng 0. Đây là tin vui.", 2),
        ("Bệnh Đa xơ cứng (MS). Con số này tăng.", 2),
        ("“Có cá mập ở đó!” Hammel chia sẻ thêm.", 1),  # an attribution stays (R5)
        ("Ông J. Keynes và TS. Lò Văn Pấng đến.", 1),  # initials and titles
        ("Tiếng Chuông Nhà Thờ St. Martin Rơi", 1),
        ("Theo Điều 5. Quy định chung thì khác.", 1),  # a label's number
        ("Cuộc họp do Prof. Smith chủ trì.", 1),
    ],
)
def test_source_lines_split_at_their_sentence_ends(line: str, expected: list[str] | int) -> None:
    """A source line with two sentences gives two gold segments (R2, D1); no cut at an
    abbreviation, an initial, a title, a list number or before an attribution."""
    units = split_units(line)
    assert units == expected if isinstance(expected, list) else len(units) == expected
    assert "".join(units).replace(" ", "") == line.replace(" ", "")
