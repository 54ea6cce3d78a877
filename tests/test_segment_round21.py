"""Round 21 (dev22, set W: PDF extracts, Markdown decrees and documentation).

* A tag shown in a code span is text, no closed HTML block (`(`<h1>H1</h1>`, `<h2>H2</h2>`)`
  stays one sentence).
* No sentence starts with an ampersand: `… được Merr. & Chun mô tả …` is one.
* A flattened table of contents whose entries open with a section sign (`…… 5 §2. LỰC LƯỢNG
  …`) is cut before each entry, and `§2.` is a label, no sentence end.
* More lines are code (D4): a JavaScript import (`import Author from '@site/…';`), a JSX tag
  left open (`<Author`) and its attributes one a line (`name="HR Team"`, `/>`).
* Pandoc's hard break inside an opened emphasis (`**\\⏎MỤC LỤC**`) goes on to the next line.

Found in dev22's documents; the examples here are invented.
"""

from __future__ import annotations

from segment_table import case_tests

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "a flattened contents with section signs",
        "LỜI NÓI ĐẦU ........................ 5 §1. TẬP HỢP SỐ THỰC ........................ 7 "
        "§2. LỰC LƯỢNG ........................ 16",
        [
            "LỜI NÓI ĐẦU ........................ 5",
            "§1. TẬP HỢP SỐ THỰC ........................ 7",
            "§2. LỰC LƯỢNG ........................ 16",
        ],
    ),
    (
        "MDX imports and a JSX tag",
        "import Author from '@site/src/components/Author';\n<Author\n  name=\"Nhóm nhân sự\"\n/>\n",
        [
            "import Author from '@site/src/components/Author';",
            "<Author",
            'name="Nhóm nhân sự"',
            "/>",
        ],
    ),
    (
        "a hard break inside an opened emphasis",
        "**\\\nMỤC LỤC**\n\nNội dung chính của chương.",
        ["**\\\nMỤC LỤC**", "Nội dung chính của chương."],
    ),
]

WHOLE: list[tuple[str, str]] = [
    (
        "tags in code spans",
        "Để tạo tiêu đề (`<h1>H1</h1>`, `<h2>H2</h2>`, `<h3>H3</h3>`) ta dùng cú pháp `#`.",
    ),
    ("an ampersand after an abbreviation", "Loài này được Merr. & Chun mô tả khoa học năm 1934."),
]

test_split, test_whole = case_tests(SPLIT, WHOLE)
