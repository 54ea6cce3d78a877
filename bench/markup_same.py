"""Digests of what the markup readers make, for speed work that must change nothing:
`python -m bench.markup_same OUT.json [--soups N] [--seed S]`.

For every HTML and Markdown file of ``tests/data`` and ``bench/data`` (the blind
``heldout`` sets left out), the bench's 1 MB pages (``bench.markup``) and N random tag soups,
one SHA-256 of ``repr`` of the ``MarkupDocument`` that ``read_markup`` returns (every segment
with its offsets, msgid, comments, language; placeholders; skeleton) and of two exports of
it (each msgid upper-cased, with a target language; each msgid as itself). Make one file on
the tree before a change and one after, then ``cmp`` them: any difference in reading,
segmenting or writing back a page shows as a different digest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_KINDS = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown"}
_BENCH_PAGES = (
    "hue-news.vi.html",
    "portal-notice.vi.html",
    "vpcp-home.vi.html",
    "vnexpress-article.vi.html",
    "provinces-readme.vi.md",
)
# Pieces of pages that meet the readers' edge cases: unclosed and misnested tags, references,
# text that reads as a placeholder, code spans, line breaks, attributes translated whole.
_SOUP = {
    "html": [
        *("<p>", "</p>", "<b>", "</b>", "<a href='/x'>", "</a>", " ", "\n", "Xin chào.", "Huế"),
        *("<code>x</code>", "<code>", "<br>", "<select><option>Một</select>", "<kbd>K</kbd>"),
        *("<script>f()</script>", "<img src=a alt='Ảnh'>", ";", "K", ".", "<li>", "<em>"),
        *("</em>", "&amp;", "&lt;1&gt;", "<2/>", "&nbsp;", "Một. Hai", " ba.", "<span class='x'>"),
        *("</span>", "<div>", "</div>", "<nav>", "</nav>", "<h1>", "</h1>", "  ", "\t", "Tp."),
        *(" HCM", "<strong>", "</strong>", "<td>", "<tr>", "<table>", "</table>", "<title>"),
        *("</title>", "<!-- c -->", "<a title='Tiêu đề'>", "<input type=submit value='Gửi'>"),
        *("?", "!", "…", "\r\n", "1.", " Một"),
    ],
    "markdown": [
        *("Xin chào.", " ", "\n", "\n\n", "`mã`", "**", "*", "[", "](/u)", "[Tin]", "<s>", "</s>"),
        *("<code>k</code>", "<br>", "  \n", "# ", "- ", "Huế", ".", "K", ";", "\n\n[Tin]: /b\n"),
        *('![Ảnh](/a.png "Tiêu đề")', "&amp;", "<1>", "_", "Một. Hai", " ba.", "> ", "1. "),
        *("| a | b |\n|---|---|\n| Một. | Hai |\n", "```\ncode\n```\n", "Tp.", " HCM", "\t"),
        *("[x](/y 'T')", "<a href='/z'>", "</a>", "<!-- c -->", "\\*"),
    ],
}


def documents(soups: int, seed: int) -> Iterator[tuple[str, str, str]]:
    """(name, kind, text) of every document the digests cover."""
    from bench.markup import DATA, _repeated

    for path in sorted([*(ROOT / "tests" / "data").rglob("*"), *(ROOT / "bench").rglob("*")]):
        kind = _KINDS.get(path.suffix.lower())
        if kind is None or "heldout" in str(path) or not path.is_file():
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        yield str(path.relative_to(ROOT)), kind, text
    for name in _BENCH_PAGES:
        kind = "markdown" if name.endswith(".md") else "html"
        yield f"bench:{name}", kind, _repeated(DATA / name, kind)
    rng = random.Random(seed)
    for number in range(soups):
        kind = "html" if number % 2 == 0 else "markdown"
        pieces = rng.choices(_SOUP[kind], k=rng.randint(1, 60))
        yield f"soup {number}", kind, "".join(pieces)


def digest(text: str, kind: str) -> tuple[str, bool]:
    """The document's digest, and whether the reader refused it (its error is digested)."""
    from translate.formats import read_markup
    from translate.formats.rebuild import export_markup

    try:
        page = read_markup(text, path="page.html" if kind == "html" else "page.md", kind=kind)
        messages = [segment.message for segment in page.document.segments]
        upper = export_markup(page, {m: m.upper() for m in messages}, target_lang="en")
        same = export_markup(page, {m: m for m in messages})
        made, refused = f"{page!r}\0{upper!r}\0{same!r}", False
    except Exception as error:  # (a refusal must stay the same refusal)
        made, refused = f"error {type(error).__name__}: {error}", True
    return hashlib.sha256(made.encode("utf-8", "surrogatepass")).hexdigest(), refused


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--soups", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    digests: dict[str, str] = {}
    refusals = 0
    for name, kind, text in documents(options.soups, options.seed):
        digests[name], refused = digest(text, kind)
        refusals += refused
    options.out.write_text(json.dumps(digests, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(digests)} documents, {refusals} refused by the reader")


if __name__ == "__main__":
    main()
