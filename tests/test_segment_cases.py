"""Hard cases for the segmenter, table-driven: input text → expected segments (messages).

The texts are written in the styles the toolkit meets (news, interviews, decrees,
encyclopaedia articles, forum posts); each case names the rule it exercises. The seed
document is checked against its hand segmentation in tests/data/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translate.document import BreakKind, Note
from translate.segment import segment_text

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"

# (case id, input, expected segments in order)
CASES: list[tuple[str, str, list[str]]] = [
    # --- abbreviations that never end a sentence ---------------------------------------------
    (
        "TP. before a city name",
        "Sáng nay, TP. Huế đón đoàn khách quốc tế đầu tiên. Đoàn gồm 120 người.",
        ["Sáng nay, TP. Huế đón đoàn khách quốc tế đầu tiên.", "Đoàn gồm 120 người."],
    ),
    (
        "TP.HCM at sentence end and inside",
        "Giá nhà ở TP.HCM tăng mạnh. Người mua chuyển về Bình Dương.",
        ["Giá nhà ở TP.HCM tăng mạnh.", "Người mua chuyển về Bình Dương."],
    ),
    (
        "Tp. in mixed case",
        "Ông sinh ra ở Tp. Hồ Chí Minh. Năm 20 tuổi, ông ra Hà Nội.",
        ["Ông sinh ra ở Tp. Hồ Chí Minh.", "Năm 20 tuổi, ông ra Hà Nội."],
    ),
    (
        "stacked PGS.TS. before a name",
        "PGS.TS. Trần Kiêm Hảo, Giám đốc Sở Y tế, đã trả lời phỏng vấn. Ông cho biết thêm.",
        ["PGS.TS. Trần Kiêm Hảo, Giám đốc Sở Y tế, đã trả lời phỏng vấn.", "Ông cho biết thêm."],
    ),
    (
        "GS.TSKH. and GS. TS. with a space",
        "Hội đồng do GS.TSKH. Nguyễn Văn Hiệu chủ trì, cùng GS. TS. Lê Văn Thuyết. Kết quả tốt.",
        [
            "Hội đồng do GS.TSKH. Nguyễn Văn Hiệu chủ trì, cùng GS. TS. Lê Văn Thuyết.",
            "Kết quả tốt.",
        ],
    ),
    (
        "ThS., Th.S and BS. titles",
        "Phát biểu có ThS. Lê Hoa, Th.S. Ngô Minh và BS. Phan Lan. Buổi họp kết thúc lúc 11h.",
        [
            "Phát biểu có ThS. Lê Hoa, Th.S. Ngô Minh và BS. Phan Lan.",
            "Buổi họp kết thúc lúc 11h.",
        ],
    ),
    (
        "KS. and CN. degrees",
        "Nhóm gồm KS. Đặng Văn Lâm và CN. Võ Thị Thu. Họ làm việc tại Đà Nẵng.",
        ["Nhóm gồm KS. Đặng Văn Lâm và CN. Võ Thị Thu.", "Họ làm việc tại Đà Nẵng."],
    ),
    (
        "NXB. and Nxb. publishers, tr. pages",
        "Sách do NXB. Trẻ in, tái bản bởi Nxb. Giáo dục, xem tr. 12. Bản này đã hết.",
        ["Sách do NXB. Trẻ in, tái bản bởi Nxb. Giáo dục, xem tr. 12.", "Bản này đã hết."],
    ),
    (
        "Q. and P. in addresses",
        "Cửa hàng ở số 5, P. 7, Q. 3. Mở cửa từ 8h sáng.",
        ["Cửa hàng ở số 5, P. 7, Q. 3.", "Mở cửa từ 8h sáng."],
    ),
    (
        "TT. (thị trấn) before a place name",
        "Lễ hội diễn ra tại TT. Phú Bài, thị xã Hương Thủy. Người dân rất phấn khởi.",
        ["Lễ hội diễn ra tại TT. Phú Bài, thị xã Hương Thủy.", "Người dân rất phấn khởi."],
    ),
    (
        "UBND ending a sentence",
        "Đơn đã được gửi lên UBND. Đến nay vẫn chưa có trả lời.",
        ["Đơn đã được gửi lên UBND.", "Đến nay vẫn chưa có trả lời."],
    ),
    (
        "v.v. ends a sentence before a capital",
        "Chợ bán đủ loại rau, củ, quả v.v. Ngoài ra còn có hải sản.",
        ["Chợ bán đủ loại rau, củ, quả v.v.", "Ngoài ra còn có hải sản."],
    ),
    (
        "v.v. and vv. continue before lowercase",
        "Các môn như toán, lý v.v. đều được dạy bằng tiếng Anh, vv. nhưng không bắt buộc.",
        ["Các môn như toán, lý v.v. đều được dạy bằng tiếng Anh, vv. nhưng không bắt buộc."],
    ),
    (
        "St. before a name",
        "Anh từng sống ở St. Petersburg hai năm. Sau đó anh về nước.",
        ["Anh từng sống ở St. Petersburg hai năm.", "Sau đó anh về nước."],
    ),
    (
        "abbreviation followed by a lowercase Vietnamese letter",
        "Đoàn đến TP. đúng giờ. Ở đó, mọi người đã chờ sẵn.",
        ["Đoàn đến TP. đúng giờ.", "Ở đó, mọi người đã chờ sẵn."],
    ),
    # --- initials --------------------------------------------------------------------------
    (
        "initials inside a Vietnamese name",
        "Ông Nguyễn V. A. cho biết đã nộp đơn. Bà Trần Thị B. (45 tuổi) xác nhận.",
        ["Ông Nguyễn V. A. cho biết đã nộp đơn.", "Bà Trần Thị B. (45 tuổi) xác nhận."],
    ),
    (
        "a consonant cluster as an initial",
        "Anh Lê Văn Th. cho biết đã báo công an. Chị Ngh. (30 tuổi) là nhân chứng.",
        ["Anh Lê Văn Th. cho biết đã báo công an.", "Chị Ngh. (30 tuổi) là nhân chứng."],
    ),
    (
        "initials of a foreign name",
        "Cuốn sách của J. K. Rowling bán chạy nhất năm. Bản tiếng Việt ra mắt tháng 5.",
        ["Cuốn sách của J. K. Rowling bán chạy nhất năm.", "Bản tiếng Việt ra mắt tháng 5."],
    ),
    (
        "a one-letter word is not an initial",
        "Trận đấu diễn ra tại Naples, Ý. Chelsea thắng 2-0.",
        ["Trận đấu diễn ra tại Naples, Ý.", "Chelsea thắng 2-0."],
    ),
    (
        "a group letter after a lowercase word ends the sentence",
        "Việt Nam nằm ở bảng B. Các đội còn lại đều mạnh.",
        ["Việt Nam nằm ở bảng B.", "Các đội còn lại đều mạnh."],
    ),
    # --- numbers, dates, times, addresses ------------------------------------------------------
    (
        "thousands separators and decimals",
        "Hue-S có hơn 900.000 tài khoản, doanh thu 1.234.567 đồng, tăng 3,5%. Con số khả quan.",
        [
            "Hue-S có hơn 900.000 tài khoản, doanh thu 1.234.567 đồng, tăng 3,5%.",
            "Con số khả quan.",
        ],
    ),
    (
        "dates and times",
        "Họp lúc 07:26 ngày 12/11/2023, hoãn sang 7h30 ngày 12.11.2023. Ngày 2/9/1945. Hết.",
        [
            "Họp lúc 07:26 ngày 12/11/2023, hoãn sang 7h30 ngày 12.11.2023.",
            "Ngày 2/9/1945.",
            "Hết.",
        ],
    ),
    (
        "URL, e-mail and domain",
        "Xem https://hue.gov.vn/tin-tuc.html?id=5. Gửi thư tới lienhe@hue.gov.vn hoặc vào "
        "thuathienhue.gov.vn. Cảm ơn.",
        [
            "Xem https://hue.gov.vn/tin-tuc.html?id=5.",
            "Gửi thư tới lienhe@hue.gov.vn hoặc vào thuathienhue.gov.vn.",
            "Cảm ơn.",
        ],
    ),
    (
        "a sentence that starts with a number",
        "Diễn ra trong 2 ngày 16 và 17/11. 3 phiên hội thảo sẽ làm rõ các vấn đề.",
        ["Diễn ra trong 2 ngày 16 và 17/11.", "3 phiên hội thảo sẽ làm rõ các vấn đề."],
    ),
    # --- terminators, quotes, brackets ---------------------------------------------------------
    (
        "question and exclamation runs",
        "Thật vậy sao?! Tôi không tin!!! Còn anh thì sao??",
        ["Thật vậy sao?!", "Tôi không tin!!!", "Còn anh thì sao??"],
    ),
    (
        "closing curly quote stays with its sentence",
        "“Chào bạn.” Rồi anh đi. Cô nói: “Hẹn gặp lại!” Tàu chạy.",
        ["“Chào bạn.”", "Rồi anh đi.", "Cô nói: “Hẹn gặp lại!”", "Tàu chạy."],
    ),
    (
        "closing straight quote and bracket",
        'Ông nói: "Xin chào." Sau đó ông đi (về nhà.) Trời tối.',
        ['Ông nói: "Xin chào."', "Sau đó ông đi (về nhà.)", "Trời tối."],
    ),
    (
        "closing quote separated by a space",
        'Bà nói: "Tôi ở lại. Các bạn cũng vậy. " Mọi người vỗ tay.',
        ['Bà nói: "Tôi ở lại.', 'Các bạn cũng vậy. "', "Mọi người vỗ tay."],
    ),
    (
        "attribution after a quote stays with it",
        "“Đi đâu vậy?” anh hỏi. “Có cá mập!” Hammel kể. “Vâng.” – chị đáp.",
        ["“Đi đâu vậy?” anh hỏi.", "“Có cá mập!” Hammel kể.", "“Vâng.” – chị đáp."],
    ),
    (
        "ellipsis with lowercase continuation",
        "Tôi chờ mãi… rồi cũng đến lượt. Anh ấy nói... đợi chút. Thế là xong.",
        ["Tôi chờ mãi… rồi cũng đến lượt.", "Anh ấy nói... đợi chút.", "Thế là xong."],
    ),
    (
        "ellipsis before a capital ends the sentence",
        "Hợp đồng điện tử… Nhưng vận hành còn khó. Ba chấm... Hết.",
        ["Hợp đồng điện tử…", "Nhưng vận hành còn khó.", "Ba chấm...", "Hết."],
    ),
    (
        "omission mark in brackets",
        "Ông viết: “Dữ liệu […] phải sống.” Đó là ý chính.",
        ["Ông viết: “Dữ liệu […] phải sống.”", "Đó là ý chính."],
    ),
    (
        "a sentence may start with a known lowercase brand",
        "Apple ra mắt máy mới. iPhone 15 có cổng USB-C.",
        ["Apple ra mắt máy mới.", "iPhone 15 có cổng USB-C."],
    ),
    (
        "forum post without capitals",
        "mình mới mua máy. dùng cũng ổn... nhưng pin yếu. ai biết chỉ mình với!!!",
        ["mình mới mua máy.", "dùng cũng ổn... nhưng pin yếu.", "ai biết chỉ mình với!!!"],
    ),
    (
        "Vietnamese capital after a period",
        "Trời mưa to. Đường ngập sâu. Ở đây không ai ra đường. Ước gì trời tạnh.",
        ["Trời mưa to.", "Đường ngập sâu.", "Ở đây không ai ra đường.", "Ước gì trời tạnh."],
    ),
    # --- lines: headlines, captions, bylines, lists ------------------------------------------
    (
        "headline, byline and body lines",
        "Hướng đến hệ sinh thái đồng bộ\nLiên Minh (Thực hiện)\n"
        "Tuần lễ diễn ra 2 ngày. Có 3 phiên.",
        [
            "Hướng đến hệ sinh thái đồng bộ",
            "Liên Minh (Thực hiện)",
            "Tuần lễ diễn ra 2 ngày.",
            "Có 3 phiên.",
        ],
    ),
    (
        "caption line with leading space",
        "Phát triển dữ liệu là yêu cầu cấp thiết.\n\n"
        " Các đại biểu nghe giới thiệu về giải pháp số\n",
        [
            "Phát triển dữ liệu là yêu cầu cấp thiết.",
            "Các đại biểu nghe giới thiệu về giải pháp số",
        ],
    ),
    (
        "decree articles and numbered clauses",
        "Điều 1. Phạm vi điều chỉnh\n1. Nghị định này quy định về dữ liệu.\n"
        "2. Cơ quan nhà nước phải:\na) công khai dữ liệu;\nb) bảo vệ dữ liệu cá nhân.",
        [
            "Điều 1. Phạm vi điều chỉnh",
            "1. Nghị định này quy định về dữ liệu.",
            "2. Cơ quan nhà nước phải:",
            "a) công khai dữ liệu;",
            "b) bảo vệ dữ liệu cá nhân.",
        ],
    ),
    (
        "dash list items",
        "Hồ sơ gồm:\n- Đơn đề nghị;\n- bản sao giấy khai sinh.",
        ["Hồ sơ gồm:", "- Đơn đề nghị;", "- bản sao giấy khai sinh."],
    ),
    (
        "hard-wrapped sentence continues in lowercase",
        "Sở Thông tin và Truyền thông đề nghị các\nđơn vị gửi báo cáo trước ngày 20/3.\n"
        "Trân trọng.",
        [
            "Sở Thông tin và Truyền thông đề nghị các đơn vị gửi báo cáo trước ngày 20/3.",
            "Trân trọng.",
        ],
    ),
    (
        "hard wrap after a title abbreviation",
        "Buổi lễ có sự tham dự của PGS.TS.\nTrần Kiêm Hảo. Ông phát biểu.",
        ["Buổi lễ có sự tham dự của PGS.TS. Trần Kiêm Hảo.", "Ông phát biểu."],
    ),
    # --- scrape joins and mixed-case names ---------------------------------------------------
    (
        "scrape joins between titles",
        "Chất lượng sản phẩmThích ứng chuyển đổi số để khởi nghiệpTuần Chuyển đổi số Huế",
        [
            "Chất lượng sản phẩm",
            "Thích ứng chuyển đổi số để khởi nghiệp",
            "Tuần Chuyển đổi số Huế",
        ],
    ),
    (
        "scrape join after an English label",
        "ClockChủ Nhật, 12/11/2023 07:26",
        ["Clock", "Chủ Nhật, 12/11/2023 07:26"],
    ),
    (
        "mixed-case names are not joins",
        "Nền tảng Hue-S, giải VietFuture, kênh YouTube và TikTok, bằng PhD, quán McDonald's "
        "ở Đà Nẵng, điện thoại iPhone đều có mặt.",
        [
            "Nền tảng Hue-S, giải VietFuture, kênh YouTube và TikTok, bằng PhD, quán McDonald's "
            "ở Đà Nẵng, điện thoại iPhone đều có mặt."
        ],
    ),
    (
        "ASCII camel case brand names are not joins",
        "Khách hàng thanh toán qua MoMo, ZaloPay hoặc mua xe VinFast tại Hà Nội.",
        ["Khách hàng thanh toán qua MoMo, ZaloPay hoặc mua xe VinFast tại Hà Nội."],
    ),
    (
        "hashtags are not joins",
        "Chia sẻ với hashtag #ChuyểnĐổiSố nhé.",
        ["Chia sẻ với hashtag #ChuyểnĐổiSố nhé."],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, expected) for _, text, expected in CASES],
    ids=[c[0] for c in CASES],
)
def test_hard_case(text: str, expected: list[str]) -> None:
    document = segment_text(text)
    assert [segment.message for segment in document.segments] == expected


def _hand_segmentation(path: Path) -> list[list[str]]:
    """Paragraphs of a hand-segmented file: one segment per line, blank lines between."""
    paragraphs: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def test_seed_document_matches_hand_segmentation() -> None:
    source = SEEDS / "hue-digital-transformation-week-2023.vi.txt"
    gold = _hand_segmentation(DATA / "hue-digital-transformation-week-2023.segments.txt")
    document = segment_text(source.read_text(encoding="utf-8"), path=str(source))
    produced = [[segment.message for segment in paragraph] for paragraph in document.paragraphs()]
    assert produced == gold


def test_seed_document_notes_and_languages() -> None:
    source = SEEDS / "hue-digital-transformation-week-2023.vi.txt"
    document = segment_text(source.read_text(encoding="utf-8"))
    by_message = {segment.message: segment for segment in document.segments}
    assert by_message["Return to top"].lang == "en"
    assert by_message["Chủ Nhật, 12/11/2023 07:26"].notes == (Note.REPAIRED_JOIN,)
    assert by_message["Thích ứng chuyển đổi số để khởi nghiệp"].break_kind is BreakKind.JOIN
    vietnamese = [segment for segment in document.segments if segment.message != "Return to top"]
    assert {segment.lang for segment in vietnamese[1:]} == {"vi"}
