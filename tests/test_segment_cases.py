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


# Issue 11: what real documents (scraped pages, decrees from PDFs, Wikipedia, Markdown) carry,
# family by family. The texts are invented in the styles of those documents.
REAL_DOCUMENT_CASES: list[tuple[str, str, list[str]]] = [
    # --- 1. glued joins after a terminator ----------------------------------------------------
    (
        "1 glued after a period",
        "Hai người đã bị tạm giữ.Sáng cùng ngày, công an phường lập biên bản.",
        ["Hai người đã bị tạm giữ.", "Sáng cùng ngày, công an phường lập biên bản."],
    ),
    (
        "1 glued after a number",
        "Vụ cháy xảy ra tại phường 5.Chiều qua, lực lượng chức năng đã có mặt.",
        ["Vụ cháy xảy ra tại phường 5.", "Chiều qua, lực lượng chức năng đã có mặt."],
    ),
    (
        "1 glued after a closing quote",
        'Ông gọi đó là "bài học đắt giá".Trước đó, nhiều hộ đã bỏ nghề.',
        ['Ông gọi đó là "bài học đắt giá".', "Trước đó, nhiều hộ đã bỏ nghề."],
    ),
    (
        "1 glued step number",
        "Tắt máy rồi khởi động lại.2Mở phần cài đặt và chọn Wi-Fi.",
        ["Tắt máy rồi khởi động lại.", "2Mở phần cài đặt và chọn Wi-Fi."],
    ),
    (
        "1 citation mark glued to the next sentence",
        "Nghề làm nước mắm nổi tiếng ở miền Trung[3]Sau đó nghề lan vào Nam.",
        ["Nghề làm nước mắm nổi tiếng ở miền Trung[3]", "Sau đó nghề lan vào Nam."],
    ),
    (
        "1 glued question, ellipsis and a parenthesis after the full stop",
        "Bạn đã thử chưa?Mình thử rồi. Chờ mãi…Cuối cùng xe cũng tới. Phạt 300.000 đồng.(theo "
        "Điều 17)",
        [
            "Bạn đã thử chưa?",
            "Mình thử rồi.",
            "Chờ mãi…",
            "Cuối cùng xe cũng tới.",
            "Phạt 300.000 đồng.",
            "(theo Điều 17)",
        ],
    ),
    (
        "1 a detached period glued to the next sentence",
        "Đó là một cột mốc mang tính lịch sử .Ý tôi là chúng ta đã đi một chặng đường dài.",
        [
            "Đó là một cột mốc mang tính lịch sử .",
            "Ý tôi là chúng ta đã đi một chặng đường dài.",
        ],
    ),
    (
        "1 tokens with periods stay whole",
        "Văn phòng ở P.Bến Nghé, Q.1, TP.HCM, xem hue.gov.vn, điểm 9,5 và 10.2, gặp ThS.BS Lan ở "
        "Washington D.C. hoặc gửi thư tới Lien.He@hue.gov.vn kèm Bao_Cao.V2.xlsx và ảnh N.T.Kiên.",
        [
            "Văn phòng ở P.Bến Nghé, Q.1, TP.HCM, xem hue.gov.vn, điểm 9,5 và 10.2, gặp ThS.BS Lan "
            "ở Washington D.C. hoặc gửi thư tới Lien.He@hue.gov.vn kèm Bao_Cao.V2.xlsx và ảnh "
            "N.T.Kiên."
        ],
    ),
    (
        "1 glued after a closing quote, a date or time, an emoji",
        "Cả đội hô vang “Không bỏ cuộc”Rạng sáng, họ lại đi. 14/03/2025 - 07:45Hà Nội mưa to. "
        "Ngon hết sảy 😋😋Ai muốn đặt thì nhắn. Mẫu Galaxy S23Ultra bán chạy.",
        [
            "Cả đội hô vang “Không bỏ cuộc”",
            "Rạng sáng, họ lại đi.",
            "14/03/2025 - 07:45",
            "Hà Nội mưa to.",
            "Ngon hết sảy 😋😋",
            "Ai muốn đặt thì nhắn.",
            "Mẫu Galaxy S23Ultra bán chạy.",
        ],
    ),
    (
        "1 a short unaccented suffix after an unaccented name is no sentence",
        "Dùng ASP.Net và Node.Js, đọc VnExpress.Net. Thua 2-0.Real Madrid bị loại.",
        ["Dùng ASP.Net và Node.Js, đọc VnExpress.Net.", "Thua 2-0.", "Real Madrid bị loại."],
    ),
    # --- 2. hard-wrapped prose -----------------------------------------------------------------
    (
        "2 a line ending in a word that never ends a phrase",
        "Các đơn vị báo cáo theo quy định của\nChính phủ về quản lý đầu tư.",
        ["Các đơn vị báo cáo theo quy định của Chính phủ về quản lý đầu tư."],
    ),
    (
        "2 a heading label and its title on the next line",
        "Chương IV.\nBẾN ĐÒ NGANG VÀ PHÀ DÂN SINH",
        ["Chương IV. BẾN ĐÒ NGANG VÀ PHÀ DÂN SINH"],
    ),
    (
        "2 a finished sentence before a capitalised line is not joined",
        "Dự án phải hoàn thành trong Quý II.\nBộ trưởng yêu cầu báo cáo tiến độ hằng tháng.",
        ["Dự án phải hoàn thành trong Quý II.", "Bộ trưởng yêu cầu báo cáo tiến độ hằng tháng."],
    ),
    (
        "2 time codes and preamble clauses are lines of their own",
        "1\n00:00:01,000 --> 00:00:02,000\nxin chào các bạn\n\nCăn cứ Luật Đất đai;\nCăn cứ Nghị "
        "định số 20/2008/NĐ-CP;",
        [
            "1",
            "00:00:01,000 --> 00:00:02,000",
            "xin chào các bạn",
            "Căn cứ Luật Đất đai;",
            "Căn cứ Nghị định số 20/2008/NĐ-CP;",
        ],
    ),
    (
        "2 an issuing body cut off a narrow column",
        "ỦY\nBAN NHÂN DÂN TỈNH LONG AN\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ["ỦY BAN NHÂN DÂN TỈNH LONG AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ),
    # --- 3. abbreviations the lists do not know ------------------------------------------------
    (
        "3 hyphenated and comma titles",
        "Hội thảo do PGS-TS. Võ Trọng Nghĩa và PGS, TS. Ninh Thị Hảo chủ trì. Kết quả tốt.",
        ["Hội thảo do PGS-TS. Võ Trọng Nghĩa và PGS, TS. Ninh Thị Hảo chủ trì.", "Kết quả tốt."],
    ),
    (
        "3 born and died",
        "Nhà thơ Hạ Thanh Đồng (s. 1941 – m. 2016) để lại gần 30 tập thơ.",
        ["Nhà thơ Hạ Thanh Đồng (s. 1941 – m. 2016) để lại gần 30 tập thơ."],
    ),
    (
        "3 foreign initials before a surname",
        "Lý thuyết của J. Keynes và K. Popper được nhắc lại. Sinh viên tự đọc thêm.",
        ["Lý thuyết của J. Keynes và K. Popper được nhắc lại.", "Sinh viên tự đọc thêm."],
    ),
    (
        "3 an ellipsis before a name inside the sentence",
        "Bài hát khiến tôi nhớ về… Sài Gòn của những năm tám mươi. MÙA NƯỚC NỔI... NHỮNG "
        "CHUYẾN ĐÒ CUỐI",
        [
            "Bài hát khiến tôi nhớ về… Sài Gòn của những năm tám mươi.",
            "MÙA NƯỚC NỔI... NHỮNG CHUYẾN ĐÒ CUỐI",
        ],
    ),
    # --- 4. markup ----------------------------------------------------------------------------
    (
        "4 Markdown legal headings and a quoted list number",
        '**Điều 9. Trách nhiệm thi hành**\n### Điều 7. Quyền của xã viên\n"2. Mức hỗ trợ tối đa '
        'không quá 45 triệu đồng cho mỗi hộ."',
        [
            "**Điều 9. Trách nhiệm thi hành**",
            "### Điều 7. Quyền của xã viên",
            '"2. Mức hỗ trợ tối đa không quá 45 triệu đồng cho mỗi hộ."',
        ],
    ),
    (
        "4 section numbers and caption labels keep their titles",
        "1.1. Công thức thì hiện tại đơn\n\nNhư thể hiện ở Hình 1.\n\nHình 1. Quy trình nghiên "
        "cứu\n\nBảng 2.3. Kết quả khảo sát\n\nChỉ số đạt 2.1. Sau đó giảm.",
        [
            "1.1. Công thức thì hiện tại đơn",
            "Như thể hiện ở Hình 1.",
            "Hình 1. Quy trình nghiên cứu",
            "Bảng 2.3. Kết quả khảo sát",
            "Chỉ số đạt 2.1.",
            "Sau đó giảm.",
        ],
    ),
    (
        "4 glued emphasis between units",
        "**Khoản 3. Bên vi phạm phải bồi thường toàn bộ.****Điều 11. Xử lý chuyển tiếp**",
        ["**Khoản 3. Bên vi phạm phải bồi thường toàn bộ.**", "**Điều 11. Xử lý chuyển tiếp**"],
    ),
    (
        "4 Wikipedia edit links",
        "## Thời trai trẻ[sửa | sửa mã nguồn]Sau khi đỗ tú tài, ông về quê dạy học.\n"
        "[sửa | sửa mã nguồn]## Tiểu sử\nTự nguyện nhường ngôi\nsửaNhường ngôi cho con",
        [
            "## Thời trai trẻ",
            "[sửa | sửa mã nguồn]",
            "Sau khi đỗ tú tài, ông về quê dạy học.",
            "[sửa | sửa mã nguồn]",
            "## Tiểu sử",
            "Tự nguyện nhường ngôi",
            "sửa",
            "Nhường ngôi cho con",
        ],
    ),
    (
        "4 footnote marks stay with their sentence",
        "Ông làm hiệu trưởng từ năm 1932.[4] Sau đó ông về hưu. Bà làm hiệu phó[7] cho đến năm "
        "1960.",
        [
            "Ông làm hiệu trưởng từ năm 1932.[4]",
            "Sau đó ông về hưu.",
            "Bà làm hiệu phó[7] cho đến năm 1960.",
        ],
    ),
    (
        "4 a footnote mark detached by a space",
        "Hai nước ngày càng thân thiết. [14] Sau đó họ ký hiệp ước. Hết. [15]",
        ["Hai nước ngày càng thân thiết. [14]", "Sau đó họ ký hiệp ước.", "Hết. [15]"],
    ),
    (
        "4 a flattened reference list",
        "Lê Văn A (2010), Sách X, Nxb. Thuận Hóa, tr. 45.**^**Quách Thị Yến (2014), Ghe bầu xứ "
        "Quảng, tr. 112–118.",
        [
            "Lê Văn A (2010), Sách X, Nxb. Thuận Hóa, tr. 45.",
            "**^**Quách Thị Yến (2014), Ghe bầu xứ Quảng, tr. 112–118.",
        ],
    ),
    (
        "4 a list flattened onto one line after its introducer",
        "Người nộp cần mang theo: - Đơn đề nghị theo mẫu số 07; - Bản sao căn cước; - Hai ảnh. "
        "Byline: Quang Định - Thu Sương",
        [
            "Người nộp cần mang theo:",
            "- Đơn đề nghị theo mẫu số 07;",
            "- Bản sao căn cước;",
            "- Hai ảnh.",
            "Byline: Quang Định - Thu Sương",
        ],
    ),
    # --- 5. run-in datelines and layout lines --------------------------------------------------
    (
        "5 datelines glued or run in",
        "Hà NộiChiều qua, mưa lớn gây ngập nhiều tuyến phố.\nWASHINGTON – Hoa Kỳ vừa công bố số "
        "liệu mới.",
        [
            "Hà Nội",
            "Chiều qua, mưa lớn gây ngập nhiều tuyến phố.",
            "WASHINGTON –",
            "Hoa Kỳ vừa công bố số liệu mới.",
        ],
    ),
    (
        "5 a line of layout fields is one segment",
        "Trang nhà > Tin tức > Nhà nông > Cây ăn trái\nTel: 0236.3891.245 Hotline: 0905.612.347",
        [
            "Trang nhà > Tin tức > Nhà nông > Cây ăn trái",
            "Tel: 0236.3891.245 Hotline: 0905.612.347",
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, expected) for _, text, expected in REAL_DOCUMENT_CASES],
    ids=[c[0] for c in REAL_DOCUMENT_CASES],
)
def test_real_document_case(text: str, expected: list[str]) -> None:
    document = segment_text(text)
    assert [segment.message for segment in document.segments] == expected


def test_glued_split_is_a_repaired_join() -> None:
    """The catalogue comment stays truthful: the second part of a glued split says so."""
    first, second = segment_text("Hai người đã bị tạm giữ.Sáng cùng ngày, ông về.").segments
    assert first.break_kind is BreakKind.JOIN
    assert Note.REPAIRED_JOIN in second.notes
    assert Note.REPAIRED_JOIN not in first.notes


WRAPPED_DECREE = (
    "Căn cứ Quyết định số 118/QĐ-UBND ngày 12 tháng 6 năm 2023 của\n"
    "Ủy ban nhân dân tỉnh về việc phê duyệt kế hoạch phát triển du\n"
    "lịch cộng đồng tại các xã ven biển, Sở Văn hóa tỉnh Hà Tĩnh và\n"
    "Sở Tài chính đã thống nhất phân bổ kinh phí theo Thông tư số\n"
    "07/2021/TT-BTC để các huyện triển khai ngay trong tháng 6 năm\n"
    "2023; các xã chủ động bố trí mặt bằng cho các hộ dân tỉnh Hà\n"
    "Tĩnh tham gia mô hình du lịch cộng đồng theo đúng tiến độ.\n"
    "Bộ trưởng yêu cầu báo cáo tiến độ hằng tháng.\n"
)


def test_hard_wrapped_lines_join_by_the_document_width() -> None:
    """Lines that end within a few columns of one width are full: the break is a wrap,
    whatever the next line starts with (`năm⏎2023;`, `Hà⏎Tĩnh`, `số⏎07/2021`)."""
    document = segment_text(WRAPPED_DECREE)
    assert len(document.segments) == 2
    assert document.segments[0].message.endswith("theo đúng tiến độ.")
    assert Note.WRAPPED in document.segments[0].notes
    assert document.segments[1].message == "Bộ trưởng yêu cầu báo cáo tiến độ hằng tháng."


def test_short_lines_are_not_taken_for_a_wrapped_document() -> None:
    text = "Trang nhà\nThời sự\nNhà nông\nGiải trí\nThể thao\nVideo\nẢnh\n"
    assert len(segment_text(text).segments) == 7


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
    # `Clock` (a widget label) and the dateline `TTH -` have no words to translate.
    assert by_message["Clock"].lang == by_message["TTH -"].lang == "none"
    layout = {"Return to top", "Clock", "TTH -"}
    vietnamese = [segment for segment in document.segments if segment.message not in layout]
    assert {segment.lang for segment in vietnamese} == {"vi"}
