"""The template (POT) of a set of segmented documents (pure: no files, no model).

- ``template_entries``: one entry per distinct message, every ``path:line`` reference in
  document order, segmenter remarks (a repaired scrape join, a length cut) as ``#.`` extracted
  comments;
- ``template_header`` / ``template_file`` / ``render_template``: the POT around them;
- ``catalogue_stem``, ``default_project``, ``current_date``: the names and dates a run writes.

:mod:`translate.catalog` turns a template into updated catalogues."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from translate import __version__
from translate.document import BOILERPLATE_NOTE, Document, Note, Segment
from translate.errors import UserError
from translate.pofile import (
    Message,
    PoFile,
    format_header,
    po_safe,
    serialize,
)

_NOTE_TEXT = {
    Note.REPAIRED_JOIN: "repaired scrape join: split from the text before it",
    Note.LENGTH_SPLIT: "cut at the maximum segment length",
}


# ---------------------------------------------------------------------------------------
# Template


@dataclass(frozen=True)
class TemplateEntry:
    """One distinct message of the source documents."""

    msgid: str
    references: tuple[str, ...]
    notes: tuple[str, ...]
    lang: str


def segment_notes(segment: Segment) -> tuple[str, ...]:
    """The reviewer-facing remarks of a segment, as extracted-comment text."""
    notes: list[str] = []
    for note in segment.notes:
        if note is Note.WRAPPED:
            lines = len(re.findall(r"\r\n|\r|\n", segment.text)) + 1
            notes.append(f"hard-wrapped over {lines} source lines")
        elif note in _NOTE_TEXT:
            notes.append(_NOTE_TEXT[note])
    notes.extend(segment.comments)
    return tuple(notes)


def template_entries(documents: Iterable[Document]) -> tuple[TemplateEntry, ...]:
    """Distinct messages in order of first occurrence, with every reference and note."""
    # msgid -> (references, notes, language of the first occurrence); dicts as ordered sets,
    # so that a sentence repeated N times costs N, not N² (1M repeats: seconds, not hours).
    found: dict[str, tuple[dict[str, None], dict[str, None], str]] = {}
    # The boilerplate note stays only on msgids that are boilerplate wherever they occur.
    boilerplate: set[str] = set()
    in_content: set[str] = set()
    for document in documents:
        path = document.path
        while path.startswith("./"):
            path = path[2:]  # as the writer writes it, so a re-read compares equal
        for segment in document.segments:
            msgid = po_safe(segment.message)
            if msgid == "":
                continue
            reference = f"{path}:{segment.line}"
            entry = found.get(msgid)
            if entry is None:
                entry = found[msgid] = ({reference: None}, {}, segment.lang)
            else:
                entry[0][reference] = None
            if segment.notes or segment.comments:
                for note in segment_notes(segment):
                    entry[1][note] = None
            if BOILERPLATE_NOTE in segment.comments:
                boilerplate.add(msgid)
            else:
                in_content.add(msgid)
    for msgid in boilerplate & in_content:  # a page title that is also a menu link
        del found[msgid][1][BOILERPLATE_NOTE]
    return tuple(
        TemplateEntry(msgid, tuple(refs), tuple(notes), lang)
        for msgid, (refs, notes, lang) in found.items()
    )


def format_date(epoch: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime(epoch))


def current_date(environ: Mapping[str, str] | None = None) -> str:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds), as a PO header date."""
    environ = os.environ if environ is None else environ
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return format_date(time.time())
    try:
        return format_date(int(value))
    except (ValueError, OverflowError, OSError):
        raise UserError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value!r}"
        ) from None


def default_project(documents: Sequence[Document], source_lang: str = "vi") -> str:
    if len(documents) == 1:
        return catalogue_stem(documents[0].path, source_lang)
    return "documents"


def catalogue_stem(path: str, source_lang: str) -> str:
    """``seeds/x.vi.txt`` → ``x``: the file name without its extension and source language."""
    if path == "-":
        return "stdin"
    name = PurePath(path).name
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    suffix = f".{source_lang}"
    if stem.endswith(suffix) and len(stem) > len(suffix):
        stem = stem[: -len(suffix)]
    return stem or name


def template_header(
    *, project: str, date: str, source_lang: str = "vi", target_lang: str = "en"
) -> Message:
    # `Language` names the language translations of this template are made in: msgfmt
    # --check warns on an empty one.
    fields = [
        ("Project-Id-Version", project),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", date),
        ("PO-Revision-Date", date),
        ("Last-Translator", "none (template)"),
        ("Language-Team", "none (template)"),
        ("Language", target_lang),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Generator", f"translate {__version__}"),
        ("X-Source-Language", source_lang),
    ]
    return Message(
        msgid="",
        msgstr=format_header(fields),
        comments=(f"Template of {project}: source-language messages, no translations.",),
    )


def template_file(
    entries: Sequence[TemplateEntry],
    *,
    project: str,
    date: str,
    source_lang: str = "vi",
    target_lang: str = "en",
) -> PoFile:
    return PoFile(
        header=template_header(
            project=project, date=date, source_lang=source_lang, target_lang=target_lang
        ),
        messages=tuple(
            Message(msgid=e.msgid, extracted=e.notes, references=e.references) for e in entries
        ),
    )


def render_template(
    documents: Sequence[Document],
    *,
    project: str | None = None,
    date: str | None = None,
    source_lang: str = "vi",
    target_lang: str = "en",
) -> str:
    """The full POT text for ``documents`` (what `translate segment --format pot` prints)."""
    return serialize(
        template_file(
            template_entries(documents),
            project=project or default_project(documents, source_lang),
            date=date or current_date(),
            source_lang=source_lang,
            target_lang=target_lang,
        )
    )
