"""Lines of code and data (JSON, JavaScript objects, TypeScript arrays) inside a document:
each is a segment (D4), so a break between two of them is never a hard wrap, however the
line ends (`"keywords": [⏎"tập tin sbv",`, `translation: "Xin chào lần nữa,",⏎},`,
`phonetic:⏎"aɪ hoʊp …",`). Prose ends a line with an opening bracket or a quoted string and
its comma only when it goes on in prose, never before a key, a bracket or a string.
"""

from __future__ import annotations

import re

# How a line of code or data ends: an opening bracket (`const vi = {`, `… = [`) or a value and
# its comma (`"22-03-2023",`, `1709,`, `true,`, `},`); or it is a key alone, its value on the
# next line (`phonetic:`, `"author":`).
_VALUE_END = re.compile(r"(?:[{\[]|(?:[\"'`}\]\d]|\btrue|\bfalse|\bnull)[ \t]*,)[ \t]*\Z")
_KEY_ALONE = re.compile(r"(?:\"[^\"\n]{1,60}\"|[A-Za-z_$][A-Za-z0-9_$]*)[ \t]*:")
# How a line of code or data starts: a key and its colon, a bracket, a comment, or it is one
# string literal (`"tập tin sbv",`).
_CODE_START = re.compile(
    r"(?:\"[^\"\n]{0,60}\"[ \t]*:|[A-Za-z_$][A-Za-z0-9_$]*[ \t]*:|[{}\[\]]|//"
    r"|\"[^\"\n]*\"[ \t]*[,\]}]?[ \t]*\Z|N?'[^'\n]*'[ \t]*[,\]})]?[ \t]*\Z)"
)
# A statement that is code whatever surrounds it: an import (`import pandas as pd`, `from
# pathlib import Path`), an include, a `using` or `package` line, a keyword and its string.
_CODE_STATEMENT = re.compile(
    r"(?:import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?|from[ \t]+[\w.]+[ \t]+import[ \t]+[\w., *()]+"
    r"|#include[ \t]*[<\"][\w./]+[>\"]|(?:using|package)[ \t]+[\w.]+;"
    # a keyword and one string, as catalogues and scripts write them: `msgid "Lưu"`,
    # Ren'Py's `old "View license"` and `new "Xem giấy phép"`
    r"|[a-z_]{2,12}[ \t]+\"(?:[^\"\\\n]|\\.)*\""
    # a JavaScript import (`import Author from '@site/…';`), a JSX or HTML tag left open
    # (`<Author`) and its attributes one a line (`name="HR Team"`, `/>`)
    r"|import[ \t]+[\w{}, *$]+[ \t]+from[ \t]+['\"][^'\"\n]+['\"];?"
    r"|<[A-Za-z][\w.:-]*|/?>|[A-Za-z_][\w:.-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|\{[^\n]*\}))[ \t]*\Z"
)
# A line that is a statement or a block's head in C, Java, JavaScript or Python: a call or an
# assignment closed by `;` (`printf("Ngày xưa …\\n");`, `x = 5;`), `return 0;`, a block
# opened by a keyword (`int main() {`, `def chao(ten):`, `else:`), an assignment that goes on
# on the next line (`module.exports =`), or only closing brackets (`});`, `} );`, `];`).
_STATEMENT = re.compile(
    r"(?:[A-Za-z_$][\w$.]*(?:\[[^\]\n]*\])?[ \t]*(?:\([^\n]*\))?[ \t]*(?:[-+*/%|&]?=[^=\n][^\n]*)?;"
    r"|(?:return|break|continue|throw)\b[^\n]*;"
    r"|(?:(?:public|private|protected|static|final|async|export|default)[ \t]+)*"
    r"(?:int|void|char|float|double|bool|boolean|string|String|function|def|class|if|elif|else"
    r"|for|while|switch|try|catch|except|finally|with|const|let|var|fn|func)\b[^\n]*[{:]"
    r"|[A-Za-z_$][\w$.]*[ \t]*="
    r"|[}\])][ \t}\])]*[;,]?)[ \t]*\Z"
)
_STATEMENT_LAST = frozenset(";{:=)}]")
_LONGEST_STATEMENT = 400  # characters: longer lines are not looked at (a bounded match)
# A call on a line of its own, as Python writes it (`print(f"Xin chào {ten}")`): after a
# docstring's closing quotes it is code, not the sentence going on.
_CALL_LINE = re.compile(r"[A-Za-z_$][\w$.]*\([^\n]*\)[ \t]*(?:\r?\n|\r|\Z)")
_DOCSTRING_ENDS = ('"""', "'''")
_LAST_CHARACTERS = frozenset("{[,:")
_LONGEST_LITERAL_LINE = 4000  # characters of the next line looked at
_LINE_END = re.compile(r"[\r\n]")
_LONGEST_OPEN_FENCE = 8  # marks


def code_lines(text: str, first: int, end: int, next_start: int) -> bool:
    """Are the line ``text[first:end]`` and the line at ``next_start`` both code or data? A
    comment line (`// Vietnamese translations`) is one too, whatever follows it."""
    if text.startswith("//", first):
        return True
    if (
        text[end - 1] in _STATEMENT_LAST
        and end - first <= _LONGEST_STATEMENT
        and _STATEMENT.match(text, first, end) is not None
    ):
        return True  # (`printf("…");⏎printf("…");`, `int main() {⏎printf(…`: never joined)
    if text.endswith(_DOCSTRING_ENDS, first, end):  # (a docstring closed, then code)
        next_end = _next_line_end(text, next_start, _LONGEST_STATEMENT)
        return (
            _CALL_LINE.match(text, next_start) is not None
            or _CODE_STATEMENT.match(text, next_start, next_end) is not None
            or _STATEMENT.match(text, next_start, next_end) is not None
        )
    if text[end - 1] not in _LAST_CHARACTERS:  # (most lines end otherwise: no regex)
        return (text[first].isalpha() or text[first] in "#<>/") and (
            _CODE_STATEMENT.match(text, first, end) is not None
        )
    if text[end - 1] == ":":
        if _KEY_ALONE.fullmatch(text, first, end) is None:
            return False  # (`… như sau:` is prose: only a key alone on its line counts)
    elif _VALUE_END.search(text, max(first, end - 12), end) is None:
        return False
    # (a string literal may hold a paragraph: `'iPhone 6s 32 GB được nâng cấp …',`)
    next_end = _next_line_end(text, next_start, _LONGEST_LITERAL_LINE)
    return _CODE_START.match(text[next_start:next_end].rstrip()) is not None


def _next_line_end(text: str, start: int, reach: int) -> int:
    """Where the line at ``start`` ends, or ``start + reach`` if it is longer (a bounded look)."""
    found = _LINE_END.search(text, start, start + reach)
    return start + reach if found is None else found.start()


def fence_closes(text: str, first: int, end: int) -> bool:
    """Is the line ``text[first:end]`` a fence that opens a code block: a short run of marks
    (a README may leave its last block open), or a long one that a later run at least as long
    closes (CommonMark's rule)? A long run that nothing closes is a rule in a PDF extract."""
    mark = text[first]
    run_end = first
    while run_end < end and text[run_end] == mark:
        run_end += 1
    if run_end - first < _LONGEST_OPEN_FENCE:
        return True
    return text.find(text[first:run_end], end) >= 0
