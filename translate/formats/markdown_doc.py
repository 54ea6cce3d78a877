"""Markdown sources: markdown-it-py (CommonMark + tables + strikethrough) → blocks.

Every inline run the parser finds (paragraphs, headings, list items, block quotes, table
cells) is a block; link texts and emphasis inside it are translated, with the markup as
placeholders: ``[text](url)`` gives ``<1>text</1>``, ``**b**`` gives ``<2>b</2>``. Code spans,
images, autolinks and inline HTML are standalone placeholders; code blocks, HTML blocks,
front matter (a leading ``---`` block) and link reference definitions are never translated.

markdown-it-py gives block tokens line ranges but inline tokens no positions, so each inline
run is located on its source lines, and its child tokens are aligned to the raw text
character by character (backslash escapes and entities included). A run that cannot be
aligned exactly is left untranslated (and counted in a warning) rather than guessed at.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from html import unescape
from typing import Any, NamedTuple

from translate.formats.units import CLOSE, OPEN, TEXT, VOID, Atom, Block

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)[ \t]*")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_LABEL = re.compile(r"\[(?:\\.|[^\\\[\]]){0,999}\]", re.DOTALL)
_SPACES = " \t"
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class _Misaligned(Exception):
    """The tokens do not match the source text where expected."""


class MarkdownParts(NamedTuple):
    blocks: list[Block]
    skipped: int  # inline runs left untranslated because they could not be aligned


def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def read_markdown(text: str) -> MarkdownParts:
    """The translatable blocks of a Markdown document, with exact source offsets (pure)."""
    lines = [m.group() for m in _LINE.finditer(text)][:-1] or [""]
    line_starts: list[int] = []
    position = 0
    for line in lines:
        line_starts.append(position)
        position += len(line)
    parsed = _without_front_matter(lines)
    tokens = _parser().parse("".join(parsed))
    blocks: list[Block] = []
    skipped = 0
    row_cells: list[tuple[int, str]] = []
    for token in tokens:
        if token.type == "tr_open" and token.map:
            row_cells = _cells(_bare(lines[token.map[0]]), line_starts[token.map[0]])
            continue
        if token.type == "tr_close":
            row_cells = []
            continue
        if token.type != "inline" or not token.content.strip():
            if token.type == "inline" and row_cells:
                row_cells.pop(0)
            continue
        try:
            if row_cells:
                cell_start, raw = row_cells.pop(0)
                layout = [(0, cell_start)]
                content = raw
            else:
                assert token.map is not None
                content = token.content
                layout = _layout(content, lines, line_starts, token.map[0])
            atoms = _align(token.children or [], content, layout, text)
        except (_Misaligned, IndexError, AssertionError):
            skipped += 1
            continue
        if atoms:
            blocks.append(Block(tuple(atoms)))
    return MarkdownParts(blocks, skipped)


def _bare(line: str) -> str:
    return line.rstrip("\r\n")


def _without_front_matter(lines: list[str]) -> list[str]:
    """The lines with a leading YAML front matter block blanked (line numbers kept)."""
    if not lines or _bare(lines[0]).rstrip() != "---":
        return lines
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.fullmatch(_bare(lines[index])):
            blank = [line[len(_bare(line)) :] for line in lines[: index + 1]]
            return blank + lines[index + 1 :]
    return lines


def _cells(row: str, start: int) -> list[tuple[int, str]]:
    """(source offset, raw text) of each table cell of a row line, stripped."""
    cells: list[tuple[int, str]] = []
    position = len(row) - len(row.lstrip())
    if row.startswith("|", position):
        position += 1
    stripped_end = len(row.rstrip())
    cell_start = position
    index = position
    while index <= stripped_end:
        if index == stripped_end or (row[index] == "|" and (index == 0 or row[index - 1] != "\\")):
            raw = row[cell_start:index]
            lead = len(raw) - len(raw.lstrip())
            if index < stripped_end or raw.strip():
                cells.append((start + cell_start + lead, raw.strip()))
            cell_start = index + 1
        index += 1
    return cells


def _layout(
    content: str, lines: Sequence[str], line_starts: Sequence[int], first_line: int
) -> list[tuple[int, int]]:
    """(content offset, source offset) of each content line's start."""
    layout: list[tuple[int, int]] = []
    content_lines = content.split("\n")
    offset = 0
    for number, piece in enumerate(content_lines):
        source = _bare(lines[first_line + number])
        last = number == len(content_lines) - 1
        body = source.rstrip(_SPACES) if last else source
        if body.endswith(piece):
            column = len(body) - len(piece)
        else:
            column = source.find(piece, source.find("#") + 1 if "#" in source else 0)
            if column < 0 or not piece:
                raise _Misaligned
        layout.append((offset, line_starts[first_line + number] + column))
        offset += len(piece) + 1
    return layout


class _Aligner:
    """Walks the inline child tokens over the raw content, making atoms in source offsets."""

    def __init__(self, content: str, layout: list[tuple[int, int]], source: str) -> None:
        self.content = content
        self.layout = layout
        self.starts = [start for start, _ in layout]
        self.source = source
        self.cursor = 0
        self.atoms: list[Atom] = []

    def where(self, offset: int) -> int:
        layout = self.layout
        index = 0 if len(layout) == 1 else bisect.bisect_right(self.starts, offset) - 1
        content_start, source_start = layout[index]
        return source_start + offset - content_start

    def add(self, kind: int, start: int, end: int, **fields: Any) -> None:
        self.atoms.append(Atom(kind, self.where(start), self.where(end), **fields))

    def expect(self, literal: str) -> int:
        if not literal or not self.content.startswith(literal, self.cursor):
            raise _Misaligned
        start = self.cursor
        self.cursor += len(literal)
        return start

    def skip_spaces(self) -> None:
        while self.cursor < len(self.content) and self.content[self.cursor] in _SPACES:
            self.cursor += 1

    def text(self, decoded: str) -> None:
        content = self.content
        if content.startswith(decoded, self.cursor) and "\n" not in decoded:
            self.add(TEXT, self.cursor, self.cursor + len(decoded), text=decoded)
            self.cursor += len(decoded)
            return
        run_start = self.cursor
        for char in decoded:
            here = self.cursor
            escaped = content.startswith("\\" + char, here) and char in _PUNCTUATION
            entity = _ENTITY.match(content, here) if content.startswith("&", here) else None
            if entity is not None and unescape(entity.group()) != char:
                entity = None
            if not escaped and entity is None:
                if not content.startswith(char, here) or char == "\n":
                    raise _Misaligned
                self.cursor += 1
                continue
            self._flush_run(run_start, here)
            end = here + 2 if escaped else entity.end() if entity is not None else here
            self.add(TEXT, here, end, text=char, literal=False)
            self.cursor = end
            run_start = self.cursor
        self._flush_run(run_start, self.cursor)

    def _flush_run(self, start: int, end: int) -> None:
        if end > start:
            self.add(TEXT, start, end, text=self.content[start:end])

    def line_break(self, *, hard: bool) -> None:
        start = self.cursor
        self.skip_spaces()
        if hard and self.content.startswith("\\", self.cursor):
            self.cursor += 1
        self.expect("\n")
        self.skip_spaces()
        if hard:
            self.add(VOID, start, self.cursor, line=True)
        else:
            self.add(TEXT, start, self.cursor, text=" ", literal=False)

    def code(self, markup: str) -> None:
        start = self.expect(markup)
        closing = re.compile(rf"(?<!`){re.escape(markup)}(?!`)")
        match = closing.search(self.content, self.cursor)
        if match is None:
            raise _Misaligned
        self.cursor = match.end()
        self.add(VOID, start, self.cursor, sticky=True)

    def link_tail(self) -> None:
        """After the link text: `](dest "title")`, `][label]`, `][]` or `]`."""
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle

        content = self.content
        self.expect("]")
        end = self.cursor
        if content.startswith("(", end):
            position = _skip_whitespace(content, end + 1)
            if content.startswith(")", position):
                self.cursor = position + 1
                return
            destination = parseLinkDestination(content, position, len(content))
            if destination.ok:
                position = _skip_whitespace(content, destination.pos)
                if position < len(content) and content[position] in "\"'(":
                    title = parseLinkTitle(content, position, len(content))
                    if title.ok:
                        position = _skip_whitespace(content, title.pos)
                if content.startswith(")", position):
                    self.cursor = position + 1
                    return
        label = _LABEL.match(content, end)
        if label is not None:
            self.cursor = label.end()

    def image(self) -> None:
        start = self.expect("![")
        depth = 1
        content = self.content
        while depth and self.cursor < len(content):
            char = content[self.cursor]
            if char == "\\":
                self.cursor += 1
            elif char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    break
            self.cursor += 1
        self.link_tail()
        self.add(VOID, start, self.cursor, sticky=True)


def _skip_whitespace(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n":
        position += 1
    return position


def _align(
    children: Sequence[Any], content: str, layout: list[tuple[int, int]], source: str
) -> list[Atom]:
    walker = _Aligner(content, layout, source)
    links: list[int] = []  # cursor at each open link, for its close
    in_autolink = False
    for child in children:
        kind = child.type
        if in_autolink:
            in_autolink = kind != "link_close"
            continue
        if kind == "text":
            walker.text(child.content)
        elif kind in ("softbreak", "hardbreak"):
            walker.line_break(hard=kind == "hardbreak")
        elif kind == "code_inline":
            walker.code(child.markup)
        elif kind.endswith("_open") and kind != "link_open":
            start = walker.expect(child.markup)
            walker.add(OPEN, start, walker.cursor, name=kind[: -len("_open")])
        elif kind.endswith("_close") and kind != "link_close":
            start = walker.expect(child.markup)
            walker.add(CLOSE, start, walker.cursor, name=kind[: -len("_close")])
        elif kind == "link_open" and child.markup == "autolink":
            start = walker.expect("<")
            end = content.find(">", walker.cursor)
            if end < 0:
                raise _Misaligned
            walker.cursor = end + 1
            walker.add(VOID, start, walker.cursor, sticky=True)
            in_autolink = True
        elif kind == "link_open":
            start = walker.expect("[")
            links.append(start)
            walker.add(OPEN, start, walker.cursor, name="link")
        elif kind == "link_close":
            start = walker.cursor
            walker.link_tail()
            walker.add(CLOSE, start, walker.cursor, name="link")
        elif kind == "image":
            walker.image()
        elif kind == "html_inline":
            start = walker.expect(child.content)
            walker.add(VOID, start, walker.cursor)
        else:
            raise _Misaligned
    if content[walker.cursor :].strip():
        raise _Misaligned
    for atom in walker.atoms:
        if atom.kind == TEXT and atom.literal and source[atom.start : atom.end] != atom.text:
            raise _Misaligned
    return walker.atoms
