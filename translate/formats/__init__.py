"""Source formats: plain text, HTML and Markdown, read into the one ``Document`` shape.

``read_document`` is what `translate run`, `segment` and `export` call: plain text goes
to the segmenter as it always did; HTML (``html_doc``) and Markdown (``markdown_doc``) are
read into blocks of text and inline markup (``units``), segmented, and keep what export
needs to give the page back with only the text replaced (``rebuild``).

The format comes from ``--input-format``, or from the file name: ``.html``/``.htm``/``.xhtml``
are HTML, ``.md``/``.markdown`` Markdown, anything else (and stdin) plain text. Export reads
the source as its catalogue records it was read (``recorded_format``) unless told otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from translate.errors import UserError
from translate.formats.notes import read_page_note

if TYPE_CHECKING:
    from translate.document import Document
    from translate.formats.units import MarkupDocument

INPUT_FORMATS = ("auto", "text", "html", "markdown")
_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
}


def format_of(path: str, requested: str = "auto") -> str:
    """`text`, `html` or `markdown` for a source named ``path``."""
    if requested not in INPUT_FORMATS:
        raise UserError(f"--input-format {requested!r}: expected one of {', '.join(INPUT_FORMATS)}")
    if requested != "auto":
        return requested
    return _BY_SUFFIX.get(PurePath(path).suffix.lower(), "text")


def recorded_format(extracted_comments: Iterable[Sequence[str]]) -> str | None:
    """The format a catalogue's page was read as (``#. page markup: markdown sha1=…`` on its
    first entry), or None when no entry records one (a plain-text source)."""
    for comments in extracted_comments:
        for comment in comments:
            note = read_page_note(comment)
            if note is not None and note[0] in INPUT_FORMATS and note[0] != "auto":
                return note[0]
    return None


def read_document(
    text: str,
    *,
    path: str,
    input_format: str = "auto",
    line_breaks: str = "auto",
    abbreviations: frozenset[str] | None = None,
    max_length: int | None = None,
    source_lang: str = "vi",
    encoding: str = "utf-8",
) -> tuple[Document, MarkupDocument | None]:
    """The segmented document, and for HTML/Markdown what export needs to rebuild it
    (``max_length`` None: the segmenter's default; ``encoding``: the codec that decoded
    ``text``, which an HTML page's charset declaration must agree with)."""
    kind = format_of(path, input_format)
    if kind == "text":
        from translate.segment import DEFAULT_MAX_LENGTH, segment_text

        document = segment_text(
            text,
            path=path,
            line_breaks=line_breaks,
            abbreviations=abbreviations,
            max_length=DEFAULT_MAX_LENGTH if max_length is None else max_length,
        )
        return document, None
    page = read_markup(
        text,
        path=path,
        kind=kind,
        abbreviations=abbreviations,
        max_length=max_length,
        source_lang=source_lang,
        encoding=encoding,
    )
    return page.document, page


def read_markup(
    text: str,
    *,
    path: str,
    kind: str,
    abbreviations: frozenset[str] | None = None,
    max_length: int | None = None,
    source_lang: str = "vi",
    encoding: str = "utf-8",
) -> MarkupDocument:
    from translate.formats.units import build_document
    from translate.segment import DEFAULT_MAX_LENGTH

    if max_length is None:
        max_length = DEFAULT_MAX_LENGTH

    if kind == "html":
        from translate.formats.html_doc import read_html

        parts = read_html(text, path, source_lang, encoding)
        return build_document(
            text,
            parts.blocks,
            parts.units,
            path=path,
            format="html",
            abbreviations=abbreviations,
            max_length=max_length,
            lang_spans=parts.lang_spans,
            entities=parts.entities,
        )
    from translate.formats.markdown_doc import read_markdown

    found = read_markdown(text)
    return build_document(
        text,
        found.blocks,
        found.units,
        path=path,
        format="markdown",
        abbreviations=abbreviations,
        max_length=max_length,
    )
