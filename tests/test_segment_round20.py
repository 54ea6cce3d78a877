"""Round 20 (dev21, set V: line-structured code and data files; D4, R1).

Code lines are never joined, so a line break between two of them is a boundary however the
first ends. Lines now known as code: a string in single quotes (`'Đội tuyển …',`, SQL's
`N'…'`), an import or include (`import pandas as pd`, `from pathlib import Path`), a keyword
and its string (`msgid "Lưu"`, Ren'Py's `old "…"` / `new "…"`), a C, Java or JavaScript
statement (`printf("…\\n");`, `return 0;`, `int main() {`, `module.exports =`, `});`), and a
call after a docstring's closing quotes. An LRC time tag glued to its verse (`[00:15.44]Kiếp
…`) stays with it, and a call's closing bracket after a sentence in its string (`format(
"Hãy nhập lại." ),`) stays with the sentence. Found in dev21's documents; the examples here are
invented.
"""

from __future__ import annotations

from segment_table import assert_lossless, case_tests, segment_texts

_PYTHON = (
    "import pandas as pd\n"
    "from pathlib import Path\n"
    "SENTENCES = [\n"
    "    'Đội tuyển giành chiến thắng với tỷ số 3-0.',\n"
    "    'các cầu thủ thể hiện phong độ cao',\n"
    "]\n"
)
_C = (
    "int main() {\n"
    '    printf("Ngày xưa có một con bống\\n");\n'
    '    printf("bống ở dưới giếng\\n");\n'
    "    return 0;\n"
    "}\n"
)

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "imports and single-quoted strings",
        _PYTHON,
        [
            "import pandas as pd",
            "from pathlib import Path",
            "SENTENCES = [",
            "'Đội tuyển giành chiến thắng với tỷ số 3-0.',",
            "'các cầu thủ thể hiện phong độ cao',",
            "]",
        ],
    ),
    (
        "C statements",
        _C,
        [
            "int main() {",
            'printf("Ngày xưa có một con bống\\n");',
            'printf("bống ở dưới giếng\\n");',
            "return 0;",
            "}",
        ],
    ),
    (
        "a keyword and its string",
        '    old "View license"\n    new "Xem giấy phép"\n',
        ['old "View license"', 'new "Xem giấy phép"'],
    ),
    (
        "an assignment that goes on",
        'module.exports =\n  vi:\n    save: "Lưu"\n',
        ["module.exports =", "vi:", 'save: "Lưu"'],
    ),
    (
        "a docstring, then a call",
        'def chao(ten):\n    """Chào người dùng."""\n    print(f"Xin chào {ten}")\n',
        ["def chao(ten):", '"""Chào người dùng."""', 'print(f"Xin chào {ten}")'],
    ),
    (
        "LRC time tags",
        "[00:15.44]Kiếp trước có lẽ hai ta yêu nhau\n[00:19.65]Nghĩ thoáng nên mai ra sao\n",
        ["[00:15.44]Kiếp trước có lẽ hai ta yêu nhau", "[00:19.65]Nghĩ thoáng nên mai ra sao"],
    ),
    (
        "a call's closing bracket after the sentence",
        '\tmax: $.validator.format( "Hãy nhập từ {0} trở xuống." ),\n'
        '\tmin: $.validator.format( "Hãy nhập từ {0} trở lên." )\n',
        [
            'max: $.validator.format( "Hãy nhập từ {0} trở xuống." ),',
            'min: $.validator.format( "Hãy nhập từ {0} trở lên." )',
        ],
    ),
]

_LONG_FIELD = (
    "'iPhone 32 GB được nâng cấp camera sau lên 12 MP, lấy nét nhanh hơn và chụp ảnh "
    "thiếu sáng tốt hơn nhiều so với thế hệ trước, pin dùng trọn một ngày, màn hình sáng "
    "rõ ngoài trời nắng, vỏ nhôm nguyên khối chắc chắn.',"
)
SPLIT.append(
    (
        "a long string field on the line after the SQL values",
        "INSERT INTO PRODUCTS VALUES ('P1234', 'iPhone 6s',\n" + _LONG_FIELD + "\n135, 'Apple');\n",
        ["INSERT INTO PRODUCTS VALUES ('P1234', 'iPhone 6s',", _LONG_FIELD, "135, 'Apple');"],
    )
)

WHOLE: list[tuple[str, str]] = [
    ("a clause of prose that ends with a semicolon", "Căn cứ Luật Tổ chức Chính phủ;"),
    (
        "a wrapped sentence after a semicolon clause",
        "các cơ quan có liên quan;\ncác đơn vị trực thuộc thực hiện",
    ),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)


def test_long_code_lines_stay_whole_and_linear() -> None:
    for text in ("a(" + ")=" * 50_000 + ";\nb\n", ("x = f(" * 300 + ");\n") * 20):
        assert "".join("".join(segment_texts(text)).split()) == "".join(text.split())
    assert_lossless('Xong. printf("a"); ' * 2_000)
