"""Export: rebuild the target document from the source and its reviewed catalogue.

The source is segmented again with the same options as `translate run`; each segment's text is
replaced by the msgstr of the entry whose msgid is the segment's message, and everything
between segments (paragraph breaks, indentation, line endings) is copied from the source, so
the output keeps the source's layout. A segment without a usable translation keeps its source
text (or, in strict mode, is reported).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from translate import pofile
from translate.document import BreakKind, Document, Segment
from translate.errors import EXIT_FINDINGS, UserError
from translate.pofile import PoFile
from translate.source import SegmentOptions, read_and_segment
from translate.wording import count

# How many untranslated segments a strict export names before "and N more".
STRICT_LISTED = 5


@dataclass(frozen=True)
class ExportOptions:
    """Segmentation must match the run that wrote the catalogue, or msgids will not match."""

    include_fuzzy: bool = False
    segmentation: SegmentOptions = field(default_factory=SegmentOptions)


@dataclass(frozen=True)
class MissingSegment:
    """A source segment exported in the source language."""

    line: int
    message: str
    in_catalogue: bool  # False: no entry at all (source or options changed since the run)


@dataclass(frozen=True)
class ExportResult:
    text: str
    source: str
    segments: int
    translated: int  # replaced by a msgstr that differs from the msgid
    kept: int  # msgstr == msgid: the reviewer kept the source text (names, numbers, English)
    missing: tuple[MissingSegment, ...]
    encoding: str = "utf-8"  # the source's codec (translate.sourcetext)
    byte_order_mark: bool = False

    def encoded(self) -> tuple[bytes, str]:
        """The document's bytes, in the source's Unicode encoding (else UTF-8), and the codec."""
        from translate.sourcetext import encode_like_source

        return encode_like_source(self.text, self.encoding, self.byte_order_mark)

    @property
    def not_in_catalogue(self) -> int:
        return sum(1 for item in self.missing if not item.in_catalogue)

    def summary_line(self) -> str:
        return (
            f"exported {count(self.segments, 'segment')} of {self.source}: "
            f"{self.translated} translated, "
            f"{self.kept} kept as in the source, {len(self.missing)} without a usable "
            "translation (left in the source language)"
        )


def usable_translations(
    catalogue: PoFile, include_fuzzy: bool = False
) -> tuple[dict[str, str], frozenset[str]]:
    """msgid → msgstr for the entries export may use, and every live msgid of the catalogue.

    Usable: not obsolete, non-empty msgstr, and reviewed (not fuzzy) unless ``include_fuzzy``.
    """
    usable: dict[str, str] = {}
    known: set[str] = set()
    for message in catalogue.messages:
        if message.obsolete or message.msgid_plural is not None or message.msgctxt is not None:
            continue
        msgid = message.msgid
        # Segments are NFC (sources are read so); a tool may have saved the msgids
        # decomposed. An entry already in NFC wins over a decomposed twin.
        decomposed = not msgid.isascii() and not unicodedata.is_normalized("NFC", msgid)
        if decomposed:
            msgid = unicodedata.normalize("NFC", msgid)
        known.add(msgid)
        if message.msgstr and (include_fuzzy or not message.fuzzy):
            if decomposed:
                usable.setdefault(msgid, message.msgstr)
            else:
                usable[msgid] = message.msgstr
    return usable, frozenset(known)


def export_document(
    document: Document,
    translations: Mapping[str, str],
    known: frozenset[str] | None = None,
) -> ExportResult:
    """Interleave the document's gaps with each segment's translation (pure).

    Where the msgstr equals the msgid, the original segment text is written, so hard-wrapped
    line breaks inside a kept segment come back exactly.
    """
    parts: list[str] = []
    missing: list[MissingSegment] = []
    translated = kept = 0
    gaps = document.gaps()
    previous: Segment | None = None
    previous_replaced = False
    for segment in document.segments:
        gap = next(gaps)
        message = pofile.po_safe(segment.message)  # the msgid exactly as `translate run` wrote it
        translation = translations.get(message)
        replaced = translation is not None and translation != message
        if _needs_join_space(previous, gap, previous_replaced or replaced):
            gap = " "
        parts.append(gap)
        if translation is None:
            in_catalogue = known is None or message in known
            missing.append(MissingSegment(segment.line, message, in_catalogue))
            parts.append(segment.text)
        elif not replaced:
            kept += 1
            parts.append(segment.text)
        else:
            translated += 1
            parts.append(translation)
        previous, previous_replaced = segment, replaced
    parts.append(next(gaps))
    return ExportResult(
        text="".join(parts),
        source=document.path,
        segments=len(document.segments),
        translated=translated,
        kept=kept,
        missing=tuple(missing),
    )


def _needs_join_space(previous: Segment | None, gap: str, either_replaced: bool) -> bool:
    """A repaired scrape join (`sản phẩmThích ứng`) has no whitespace between its two parts.

    Kept as is when both parts stay in the source language (exports stay exact), but a
    translated part must not be glued to its neighbour: one space separates them.
    """
    return (
        previous is not None
        and previous.break_kind is BreakKind.JOIN
        and gap == ""
        and either_replaced
    )


def reference_file(reference: str) -> str:
    """`seeds/doc.vi.txt:12` → `seeds/doc.vi.txt` (a reference may also be a bare path)."""
    path, colon, line = reference.rpartition(":")
    return path if colon and line.isdigit() and path else reference


def source_from_references(catalogue: PoFile, catalogue_path: str) -> str:
    """The one source file the catalogue's `#:` references name (UserError otherwise)."""
    files: dict[str, None] = {}
    for message in catalogue.messages:
        if message.obsolete:
            continue
        for reference in message.references:
            files.setdefault(reference_file(reference), None)
    if not files:
        raise UserError(
            f"{catalogue_path}: the catalogue has no `#:` source references; "
            "name the source document with --source FILE"
        )
    if len(files) > 1:
        listed = ", ".join(list(files)[:5])
        raise UserError(
            f"{catalogue_path}: the catalogue's references name {len(files)} source files "
            f"({listed}); choose one with --source FILE"
        )
    return next(iter(files))


def strict_error(result: ExportResult) -> UserError:
    """The error a strict export raises: how many segments lack a translation, the first few."""
    shown = [
        f"{result.source}:{item.line}: {_excerpt(item.message)}"
        + ("" if item.in_catalogue else " (not in the catalogue)")
        for item in result.missing[:STRICT_LISTED]
    ]
    more = len(result.missing) - len(shown)
    if more:
        shown.append(f"… and {more} more")
    noun = "segment has" if len(result.missing) == 1 else "segments have"
    remedy = (
        "review them (or pass --include-fuzzy to accept machine translations)"
        if any(item.in_catalogue for item in result.missing)
        else "run `translate run` on the source again"
    )
    return UserError(
        f"{len(result.missing)} {noun} no usable translation; {remedy}:\n  " + "\n  ".join(shown),
        EXIT_FINDINGS,
    )


def _excerpt(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def export_catalogue(
    catalogue_path: str | Path,
    source: str | None = None,
    *,
    options: ExportOptions = ExportOptions(),
) -> tuple[ExportResult, tuple[str, ...]]:
    """Read the catalogue and its source, and rebuild the target text.

    Returns the result and the source reader's warnings. ``source`` defaults to the file the
    catalogue's `#:` references name, relative to the working directory.
    """
    from translate.fileguard import check_regular

    path = Path(catalogue_path)
    if not check_regular(path, what="catalogue") or not path.is_file():
        raise UserError(f"{path}: no such catalogue file")
    catalogue = pofile.read(path)
    if source is None:
        source = source_from_references(catalogue, str(path))
        # A FIFO or device there is named as such (a FIFO was "not found"), never opened.
        if not check_regular(source, what="source"):
            raise UserError(
                f"{source}: source document (from the references in {path}) not found; "
                "run from the folder where `translate run` ran, or pass --source FILE"
            )
    segmentation = options.segmentation
    if segmentation.input_format == "auto":  # as `translate run` read it (--input-format)
        from translate.formats import recorded_format

        kind = recorded_format(m.extracted for m in catalogue.messages if not m.obsolete)
        if kind is not None:
            segmentation = replace(segmentation, input_format=kind)
    read = read_and_segment(source, segmentation)
    translations, known = usable_translations(catalogue, options.include_fuzzy)
    warnings: tuple[str, ...] = ()
    if read.markup is None:
        result = export_document(read.document, translations, known)
    else:
        from translate.formats.rebuild import markup_export_warnings

        result, warnings = markup_export_warnings(read.markup, catalogue, translations, known)
    result = replace(result, encoding=read.encoding, byte_order_mark=read.byte_order_mark)
    return result, (*read.warnings, *warnings)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_output_over_inputs(output: Path, catalogue: Path, source: str) -> None:
    """Refuse an ``-o`` that names the catalogue or the source document (links followed):
    the English text would replace a reviewer's catalogue, or the original."""
    inputs = [("the catalogue", catalogue)]
    if source != "-":
        inputs.append(("the source document", Path(source)))
    for role, path in inputs:
        if _same_file(output, path):
            raise UserError(
                f"{output}: is {role} being exported ({path}); refusing to write the English "
                "document over it, nothing was written: give another file name for -o"
            )
