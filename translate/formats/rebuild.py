"""Export of markup sources: the page with only its translated text replaced.

Each segment's source span is replaced by its msgstr, where the msgstr's placeholders become
the original markup they stand for and its text is escaped the way the format needs (HTML:
``&``, ``<``, ``>`` and characters the page only writes as entities, such as ``&nbsp;``;
Markdown: backslash escapes for punctuation that would become markup). Everything else is
copied. A msgstr whose placeholders do not match its msgid is not used: the segment stays in
the source language and is reported, so a page never comes out with broken structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from translate.document import Segment
from translate.export import ExportResult, MissingSegment
from translate.formats import placeholders
from translate.formats.notes import read_page_note
from translate.formats.units import MarkupDocument, SegmentMarkup
from translate.pofile import PoFile

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?\w+;)")
# What may precede a segment on its line for the segment to begin the line's text: indentation
# and the markers of the blocks that contain it (block quotes, list items).
_LINE_PREFIX = re.compile(r"[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]*)*")
# Text that at the start of a line would open a block: a heading, a list item, a setext
# underline or thematic break (`*`, `_`, `>`, `` ` ``, `~`, `<` and `|` are always escaped).
_BLOCK_OPENER = re.compile(
    r"(?:#{1,6}|[-+])(?=[ \t]|\Z)|(\d{1,9})(?=[.)](?:[ \t]|\Z))|[=-]+[ \t]*\Z"
)


@dataclass(frozen=True)
class MarkupExport:
    result: ExportResult
    broken: tuple[MissingSegment, ...]  # msgstrs not used: their placeholders do not match
    markup_changed: str | None  # the catalogue's skeleton digest when it differs from the page


def catalogue_skeleton(extracted: Sequence[str]) -> str | None:
    """The page digest a catalogue recorded (``#. page markup: html sha1=…``), if any."""
    for comment in extracted:
        note = read_page_note(comment)
        if note is not None and note[1] is not None:
            return note[1]
    return None


def export_markup(
    page: MarkupDocument,
    translations: Mapping[str, str],
    known: frozenset[str] | None = None,
    *,
    target_lang: str | None = None,
    recorded_skeleton: str | None = None,
) -> MarkupExport:
    """Rebuild the page from ``translations`` (msgid → msgstr), pure."""
    text = page.document.text
    segments = page.document.segments
    entity_of = dict(page.entities)
    edits: dict[int, tuple[int, str]] = {}  # start → (end, replacement)
    missing: list[MissingSegment] = []
    broken: list[MissingSegment] = []
    translated = kept = 0
    plan: list[tuple[Segment, SegmentMarkup, str]] = []
    for segment, markup in zip(segments, page.markup, strict=True):
        message = segment.message
        translation = translations.get(message)
        if translation is None:
            missing.append(MissingSegment(segment.line, message, known is None or message in known))
        elif translation == message:
            kept += 1
        elif placeholders.markup_problem(message, translation) is not None:
            item = MissingSegment(segment.line, message, True)
            missing.append(item)
            broken.append(item)
        else:
            translated += 1
            plan.append((segment, markup, translation))
    if translated and target_lang:
        for start, end in page.lang_spans:
            edits[start] = (end, target_lang)
    # Attribute values first: a translated sentence may hold a tag whose alt/title changes.
    for segment, markup, translation in sorted(plan, key=lambda item: item[1].quote is None):
        if markup.quote is not None and page.format == "markdown":
            edits[segment.start] = (segment.end, _escape_markdown_value(translation, markup.quote))
            continue
        if markup.quote is not None:
            quote = markup.quote or '"'  # an unquoted value is written quoted
            value = _escape_html(translation, entity_of, quote)
            if not markup.quote:
                value = f'"{value}"'
            edits[segment.start] = (segment.end, value)
            continue
        if page.format == "markdown":
            rendered = _markdown_rendered(translation, markup, text, segment.start, edits)
        else:
            rendered = _render(
                translation, markup, text, edits, partial(_escape_html, entity_of=entity_of)
            )
        edits[segment.start] = (segment.end, rendered)
    result = ExportResult(
        text=_apply(text, edits),
        source=page.document.path,
        segments=len(segments),
        translated=translated,
        kept=kept,
        missing=tuple(missing),
    )
    changed = (
        recorded_skeleton
        if recorded_skeleton is not None and recorded_skeleton != page.skeleton
        else None
    )
    return MarkupExport(result, tuple(broken), changed)


def _render(
    translation: str,
    markup: SegmentMarkup,
    text: str,
    edits: dict[int, tuple[int, str]],
    escape_text: Callable[[str], str],
    *,
    relabel: bool = False,
) -> str:
    """The translation with placeholders as their original markup (with nested edits).

    ``relabel`` (Markdown): a collapsed or shortcut reference link (``[Trang chủ][]``,
    ``[Tin tức]``) is named by its text, so its translated text would match no definition:
    it is written as a full reference with the source's label (``[Home][Trang chủ]``)."""
    spans = {token: (start, end) for token, start, end in markup.placeholders}
    parts: list[str] = []
    for piece in placeholders.split(translation):
        if isinstance(piece, str):
            parts.append(escape_text(piece))
            continue
        token = translation[piece.start : piece.end]
        if token not in spans:  # text that only looks like a placeholder (msgids of old runs)
            parts.append(escape_text(token))
            continue
        start, end = spans[token]
        if relabel and token.startswith("</") and text[start:end] in ("]", "][]"):
            opening = spans.get("<" + token[2:])
            if opening is not None and text[opening[0] : opening[1]] == "[":
                parts.append(f"][{text[opening[1] : start]}]")
                continue
        inner = {at: edits.pop(at) for at in [at for at in edits if start <= at < end]}
        parts.append(
            _apply(text[start:end], {at - start: (e - start, v) for at, (e, v) in inner.items()})
        )
    return "".join(parts)


def _apply(text: str, edits: Mapping[int, tuple[int, str]]) -> str:
    parts: list[str] = []
    position = 0
    for start in sorted(edits):
        end, value = edits[start]
        if start < position:
            continue
        parts.append(text[position:start])
        parts.append(value)
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _escape_html(value: str, entity_of: Mapping[str, str], quote: str | None = None) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote is not None:
        value = value.replace(quote, "&quot;" if quote == '"' else "&#39;")
    if entity_of:
        value = "".join(entity_of.get(char, char) if char not in "&<>" else char for char in value)
    return value


def _escape_markdown(value: str) -> str:
    return _MARKDOWN_SPECIAL.sub(lambda m: "\\" + (m.group(1) or "&"), value)


def _begins_line(text: str, start: int) -> bool:
    """Whether a Markdown segment at ``start`` begins its line's text (only indentation and
    block-quote or list markers before it)."""
    line_start = text.rfind("\n", 0, start) + 1
    return _LINE_PREFIX.fullmatch(text, line_start, start) is not None


def _markdown_rendered(
    translation: str,
    markup: SegmentMarkup,
    text: str,
    start: int,
    edits: dict[int, tuple[int, str]],
) -> str:
    """A msgstr rendered for the Markdown line it goes on. Its line breaks become spaces (a
    blank line would end the paragraph, a marker after a break open a block); where it begins
    a line, no indentation (a code block) and no bare block marker (``# ``, ``- ``, ``+ ``,
    ``1. ``, ``1) ``, a setext underline) is left: they stay text, as the translator means."""
    if "\n" in translation or "\r" in translation:
        translation = " ".join(translation.split())
    rendered = _render(translation, markup, text, edits, _escape_markdown, relabel=True)
    if not _begins_line(text, start):
        return rendered
    rendered = rendered.lstrip(" \t")
    match = _BLOCK_OPENER.match(rendered)
    if match is None:
        return rendered
    if match.group(1) is not None:  # `1.` → `1\.`
        return match.group(1) + "\\" + rendered[match.end(1) :]
    return "\\" + rendered


def _escape_markdown_value(value: str, quote: str) -> str:
    """An image's alt text (``quote`` is ``]``) or a link title delimited by ``quote``."""
    if quote == "]":
        return _escape_markdown(value)
    closer = ")" if quote == "(" else quote
    value = value.replace("\\", "\\\\").replace(closer, "\\" + closer)
    return value.replace("(", "\\(") if quote == "(" else value


def markup_export_warnings(
    page: MarkupDocument,
    catalogue: PoFile,
    translations: Mapping[str, str],
    known: frozenset[str],
) -> tuple[ExportResult, tuple[str, ...]]:
    """Export a page from a catalogue: the result and what the user should be told."""
    recorded = None
    for message in catalogue.messages:
        if not message.obsolete:
            recorded = catalogue_skeleton(message.extracted)
            if recorded is not None:
                break
    done = export_markup(
        page,
        translations,
        known,
        target_lang=catalogue.field("Language") or None,
        recorded_skeleton=recorded,
    )
    warnings: list[str] = []
    path = page.document.path
    if done.markup_changed is not None:
        warnings.append(
            f"{path}: the page's markup changed since `translate run` (recorded "
            f"{done.markup_changed}, now {page.skeleton}): exported from the page as it is now; "
            "run `translate run` on it again to bring the catalogue up to date"
        )
    if done.broken:
        lines = ", ".join(str(item.line) for item in done.broken[:5])
        warnings.append(
            f"{path}: {len(done.broken)} translations do not match their msgid's markup "
            f"placeholders (lines {lines}); they were left in the source language: fix them "
            "(`translate check` lists them as markup)"
        )
    return done.result, tuple(warnings)
