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
        "// Chuỗi giao diện tiếng Việt\nconst vi = {\n  luu: \"Lưu\",",
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

WHOLE: list[Whole] = [
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
    for text in one_line_texts(SPLIT, WHOLE):
        assert_lossless(text)
        assert_lossless(" ".join([text] * 3))
