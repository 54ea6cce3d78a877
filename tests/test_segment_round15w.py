"""Round 15w (dev17, set P: line-structured text that is not wrapped prose): a line break is
a hard wrap only on positive evidence; each family of lines that keeps its breaks has a general
rule, tested here with short invented examples (none is copied from a dev or held-out document
or from the stress set): what must be cut, and what must stay whole. Each case fails without
its rule.

Code and data lines (D4): a line that ends as code or data does (an opening bracket, a value and
its comma, a key alone on its line) before a line that starts as code or data does (a key, a
bracket, one string literal, a comment) is never joined to it, whatever the case of the next
word; a comment line (`// …`) is never joined. A prose line that ends with a quoted word and its
comma still goes on in prose.

Songs and poems (R1; verse lines are not wrapped prose): in a text not wrapped at one width, a
block of eight short lines or more (blank lines between them or not), most of them opening with
a capital, is verse: a line there that ends without a terminator keeps its break even before a
lowercase line (`Giấy bút nhẹ tênh,⏎chữ nghĩa chần chừ`), unless a word holds the phrase open
(`Đặt tên năm⏎và đánh số`). A subtitle's cue wrapped over two lines still joins: its numbers
and time codes cut the cues into runs too short for verse.

Section headings (R1): a line that opens with a section number of two levels or more and a
capital (`2.1.1 Khái niệm …`) starts a new unit even after a full line of a hard-wrapped text,
unless the line before ends mid-phrase or with the word the number belongs to (`… khoản⏎2.1`).

Fences (D4): a long run of backticks that no later run closes is a separator rule of a PDF
extract, not a code block: the wrapped prose after it still joins.

Chord sheets (R8): a chord in brackets glued to its verse line (`[Am]Từng con phố`) is part of
the line, not a glued join; a citation mark glued to the next sentence still is one.
"""

from __future__ import annotations

from segment_table import Split, Whole, assert_lossless, case_tests, one_line_texts

SPLIT: list[Split] = [
    (
        "a JSON front matter, one field or item a line",
        '{\n"ngày": "03-12-2026",\n"nhãn": [\n"bánh tét",\n"ẩm thực miền Tây"\n],\n'
        '"tiêu đề": "Cách gói bánh tét"\n}',
        [
            "{",
            '"ngày": "03-12-2026",',
            '"nhãn": [',
            '"bánh tét",',
            '"ẩm thực miền Tây"',
            "],",
            '"tiêu đề": "Cách gói bánh tét"',
            "}",
        ],
    ),
    (
        "a TypeScript array of cues whose text stops mid-sentence",
        'const cau = [\n  {\n    id: 1,\n    dich: "Chào buổi sáng,",\n  },\n  {\n    id: 2,',
        ["const cau = [", "{", "id: 1,", 'dich: "Chào buổi sáng,",', "},", "{", "id: 2,"],
    ),
    (
        "a key alone on its line before its long string",
        '    dich:\n      "hôm nay trời mưa nên chúng tôi ở nhà đọc sách cả ngày.",\n    id: 3,',
        ["dich:", '"hôm nay trời mưa nên chúng tôi ở nhà đọc sách cả ngày.",', "id: 3,"],
    ),
    (
        "a comment line before code that starts in lowercase",
        '// Chuỗi giao diện tiếng Việt\nconst vi = {\n  luu: "Lưu",',
        ["// Chuỗi giao diện tiếng Việt", "const vi = {", 'luu: "Lưu",'],
    ),
    (
        "chords glued to their verse lines",
        "[Verse 1]\n[C]Nơi tôi sinh ra, đất mẹ hiền hòa\n[F#m7]Dòng sông uốn quanh đồng xa",
        ["[Verse 1]", "[C]Nơi tôi sinh ra, đất mẹ hiền hòa", "[F#m7]Dòng sông uốn quanh đồng xa"],
    ),
    (
        "a citation mark glued to the next sentence is still a join",
        "nghề làm nước mắm ven biển[3]Tương truyền, nghề có từ lâu.",
        ["nghề làm nước mắm ven biển[3]", "Tương truyền, nghề có từ lâu."],
    ),
]

_VERSE = (
    "Giấy bút nhẹ tênh,\n\nchữ nghĩa chần chừ\n\nChuyền mau đi chứ!\n\nGiữ lửa trong tim!\n\n"
    "Thương quê mẹ,\n\nthơ nhắc em suy ngẫm,\n\nTrời vẫn xanh,\n\nHồn lại nhớ cố hương,\n\n"
    "Sông vẫn chảy\n\nNhư ngày xưa ấy"
)
_WRAPPED = (
    "Công ty được thành lập vào tháng 3 năm 2015 với số vốn điều lệ ban đầu là hai mươi tỷ\n"
    "đồng và chuyên cung cấp các dịch vụ vận tải hàng hóa bằng đường thủy nội địa tại các\n"
    "tỉnh đồng bằng sông Cửu Long, từ Cần Thơ đến Cà Mau và các vùng ven biển lân cận khác.\n"
)
SPLIT += [
    ("verse lines separated by blank lines", _VERSE, [line for line in _VERSE.split("\n") if line]),
    (
        "a subtitle cue wrapped over two lines still joins",
        "1\n00:00:01,000 --> 00:00:03,000\nChúng tôi đã đi suốt đêm\nqua những cánh rừng\n\n"
        "2\n00:00:03,500 --> 00:00:05,000\nRồi trời sáng.",
        [
            "1",
            "00:00:01,000 --> 00:00:03,000",
            "Chúng tôi đã đi suốt đêm\nqua những cánh rừng",
            "2",
            "00:00:03,500 --> 00:00:05,000",
            "Rồi trời sáng.",
        ],
    ),
    (
        "a section heading after a full line of a hard-wrapped text",
        _WRAPPED
        + "2.1 Khái niệm, ý nghĩa và vai trò của kho bãi trong chuỗi cung ứng của doanh nghiệp\n"
        "2.1.1 Khái niệm kho bãi\n",
        [
            _WRAPPED.strip(),
            "2.1 Khái niệm, ý nghĩa và vai trò của kho bãi trong chuỗi cung ứng của doanh nghiệp",
            "2.1.1 Khái niệm kho bãi",
        ],
    ),
    (
        "wrapped prose after a long rule of backticks that nothing closes",
        "BÁO CÁO THỰC TẬP\n" + "`" * 60 + "\n" + _WRAPPED,
        ["BÁO CÁO THỰC TẬP", "`" * 60, _WRAPPED.strip()],
    ),
]

WHOLE: list[Whole] = [
    (
        "a menu item wrapped before a continuing word, among short lines",
        "Đặt tên năm\nvà đánh số",
    ),
    (
        "a prose line that ends with a quoted word and its comma goes on",
        'Cả nhà gọi món này là "cá kho tộ",\nvà ai cũng khen ngon.',
    ),
    (
        "a prose line that ends with a number and its comma goes on in lowercase",
        "Giá lúa tăng từ 7.200 lên 7.800,\nnhưng nông dân vẫn lo.",
    ),
    ("a chord inside a verse line", "Nơi tôi [Am]sinh ra, đất mẹ hiền hòa"),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_lossless_on_the_new_marks() -> None:
    for text in (text for text in one_line_texts(SPLIT, WHOLE) if "\n" not in text):
        assert_lossless(text)
        assert_lossless(" ".join([text] * 3))
