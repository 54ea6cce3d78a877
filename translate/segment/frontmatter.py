"""A Markdown file's front matter (round 12, dev13): the YAML (`---`) or TOML (`+++`) block
that opens a Jekyll, Hugo or Docusaurus page, or Hugo's JSON object (`{` … `}`, round 15,
dev16), which also opens a pretty-printed JSON file. Each of its lines is a field or a list entry
(`title: "…"`, `  - thong-tu`, `"bai tap javascript",`) that its writer ended there, so no
line break inside the block is a hard wrap, however the next line starts.
"""

from __future__ import annotations

import re

# The opening fence on the document's first line (after a byte order mark), and the closing
# fence, `---` or YAML's `...` (TOML: `+++`), on a line of its own.
_OPENING = re.compile(r"\ufeff?(---|\+\+\+)[ \t]*\r?\n")
_LONGEST = 20_000  # characters searched for the closing fence: front matter is short
# Its first line is a field (`layout: page`, `title = "…"`): a text that merely opens with a
# rule (`---`) and has another further down holds no front matter.
_FIELD = re.compile(r"[ \t]*[\w\"'-]+[ \t]*[:=]")


# JSON: the opening brace alone on the first line, then a quoted key and its colon; the block
# ends at the brace that closes it (braces inside strings do not count).
_JSON_OPENING = re.compile(r"\ufeff?\{[ \t]*\r?\n[ \t]*\"[^\"\n]{1,80}\"[ \t]*:")
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}]')


def front_matter_end(text: str) -> int:
    """Where the front matter that opens ``text`` ends (the start of its closing fence), or
    -1 when the text opens with none."""
    if text.startswith(("{", "\ufeff{")):
        return _json_end(text)
    opening = _OPENING.match(text)
    if opening is None or _FIELD.match(text, opening.end()) is None:
        return -1
    fence = opening.group(1)
    closing = re.compile(rf"^(?:{re.escape(fence)}|\.\.\.)[ \t]*$", re.MULTILINE)
    found = closing.search(text, opening.end(), opening.end() + _LONGEST)
    return -1 if found is None else found.start()


def _json_end(text: str) -> int:
    """Where the JSON object that opens ``text`` closes (its closing brace), or -1."""
    if _JSON_OPENING.match(text) is None:
        return -1
    depth = 0
    for token in _JSON_TOKEN.finditer(text, 0, _LONGEST):
        brace = token.group()
        if brace == "{":
            depth += 1
        elif brace == "}":
            depth -= 1
            if depth == 0:
                return token.start()
    return -1
