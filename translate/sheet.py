"""The review as a spreadsheet (CSV or XLSX), and bringing a person's edits back.

Export: one row per live entry in document order, columns ``source, target, state, score,
findings, reference`` and, for the way back, ``catalogue`` and ``digest`` (``sha1:`` and the
first 8 hex of the SHA-1 of the target as exported, ``provenance.msgstr_digest``; the prefix
keeps spreadsheets from reading `12345678` or `1234e567` as a number). XLSX is written with the
standard library (a minimal SpreadsheetML package, inline strings: nothing is ever a formula)
so the install stays light; CSV cells that a spreadsheet would take as a formula get a
leading apostrophe, removed again on import.

Import (``import_sheet``): a row changes its catalogue entry only when its target differs
from the target it was exported with (its digest), so untouched rows never overwrite anyone.
The entry then becomes a person's translation (``catalog.accept_human_translation``:
reviewed, provenance dropped). When the catalogue entry itself was changed by a person after
the export (reviewed, and no longer the exported text), the catalogue wins and the row is
reported as a conflict. Rows whose source is no longer in the catalogue are reported too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from translate import xlsx
from translate.catalog import accept_human_translation
from translate.errors import UserError
from translate.pofile import Message, PoFile, line_ends_as_msgid, po_safe
from translate.provenance import is_reviewed, msgstr_digest
from translate.review import Review, ReviewEntry
from translate.wording import count
from translate.xlsx import sheet_text

DIGEST_PREFIX = "sha1:"
COLUMNS = ("source", "target", "state", "score", "findings", "reference", "catalogue", "digest")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------------------------------
# Export


def entry_row(entry: ReviewEntry) -> tuple[str, ...]:
    """One sheet row; the digest is that of the target as the cell holds it."""
    findings = "; ".join(f"{note.check}: {note.message}" for note in entry.findings)
    target = sheet_text(entry.target)
    return (
        sheet_text(entry.source),
        target,
        entry.label,
        "" if entry.score is None else f"{entry.score:.3f}",
        sheet_text(findings),
        sheet_text(" ".join(entry.references)),
        entry.catalogue,
        DIGEST_PREFIX + msgstr_digest(target),
    )


def sheet_rows(review: Review) -> list[tuple[str, ...]]:
    """Live, singular entries in document order (each once, at its first occurrence)."""
    rows: list[tuple[str, ...]] = []
    for document in review.documents:
        seen: set[str] = set()
        ordered = [
            item.entry
            for section in document.sections
            for paragraph in section.paragraphs
            for item in paragraph.occurrences
        ]
        for entry in ordered:
            if entry.key in seen or entry.msgctxt is not None or entry.plural:
                continue
            seen.add(entry.key)
            rows.append(entry_row(entry))
    return rows


def csv_cell(text: str) -> str:
    """A cell a spreadsheet would run as a formula, with a leading apostrophe (one more on a
    text that already starts with apostrophes before such a character, so import can tell)."""
    return "'" + text if text.lstrip("'").startswith(_FORMULA_START) else text


def to_csv(rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        # The score is a number (negative): it stays as it is.
        writer.writerow(
            [cell if index == 3 else csv_cell(sheet_text(cell)) for index, cell in enumerate(row)]
        )
    return out.getvalue()


def to_xlsx(rows: Iterable[Sequence[str]]) -> bytes:
    """The review sheet as a workbook: header row frozen, source and target wide, wrapped."""
    return xlsx.workbook([COLUMNS, *rows], numeric_columns=(3,), wide_columns=2)


# ---------------------------------------------------------------------------------------
# Reading a sheet back


def read_sheet(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV or XLSX review sheet as column → text; UserError when unreadable."""
    from translate import fileguard  # a FIFO or device is refused by its type, never opened

    suffix = path.suffix.lower()
    try:
        data = fileguard.read_regular(path, limit=fileguard.MAX_INPUT_BYTES, what="review sheet")
    except OSError as exc:
        raise UserError(f"{path}: cannot read the sheet ({exc.strerror})") from exc
    table = xlsx.read_table(data, path) if suffix == ".xlsx" else _csv_table(data, path)
    return _records(table, path)


def _csv_table(data: bytes, path: Path) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{path}: not UTF-8 (bad byte at offset {exc.start}); save the sheet as "
            "'CSV UTF-8' and import it again"
        ) from exc
    if "\x00" in text:
        raise UserError(f"{path}: not a CSV file (it contains NUL bytes); nothing was changed")
    try:
        table = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise UserError(f"{path}: not a valid CSV file ({exc}); nothing was changed") from exc
    return [[_uncsv_cell(cell) for cell in row] for row in table]


def _uncsv_cell(text: str) -> str:
    return (
        text[1:] if text.startswith("'") and text.lstrip("'").startswith(_FORMULA_START) else text
    )


def _records(table: Sequence[Sequence[str]], path: Path) -> list[dict[str, str]]:
    if not table:
        raise UserError(f"{path}: the sheet is empty; export one with `translate review`")
    header = [cell.strip().lower() for cell in table[0]]
    missing = [name for name in ("source", "target", "catalogue") if name not in header]
    if missing:
        raise UserError(
            f"{path}: the first row lacks the column(s) {', '.join(missing)}; import a sheet "
            "made by `translate review --format csv|xlsx` (its header row kept)"
        )
    return [
        {name: (row[index] if index < len(row) else "") for index, name in enumerate(header)}
        for row in table[1:]
        if any(cell.strip() for cell in row)
    ]


# ---------------------------------------------------------------------------------------
# Import


@dataclass(frozen=True)
class Change:
    catalogue: str
    msgid: str
    msgstr: str


@dataclass(frozen=True)
class ImportPlan:
    changes: tuple[Change, ...]
    unchanged: int = 0
    skipped: tuple[str, ...] = field(default=())  # one reason per row left out

    def by_catalogue(self) -> dict[str, list[Change]]:
        grouped: dict[str, list[Change]] = {}
        for change in self.changes:
            grouped.setdefault(change.catalogue, []).append(change)
        return grouped


def clean_target(target: str, msgid: str) -> str:
    """A cell as a msgstr: CRLF/CR as LF, no line break at an end where the msgid has none
    (msgfmt --check insists they agree), NUL replaced."""
    return line_ends_as_msgid(po_safe(target.replace("\r\n", "\n").replace("\r", "\n")), msgid)


def plan_import(
    records: Sequence[Mapping[str, str]], catalogues: Mapping[str, PoFile]
) -> ImportPlan:
    """What the sheet changes (pure): see the module doc for the rules."""
    entries = {
        name: {sheet_text(m.msgid): m for m in po.messages if not m.obsolete and m.msgctxt is None}
        for name, po in catalogues.items()
    }
    changes: list[Change] = []
    skipped: list[str] = []
    unchanged = 0
    first: dict[tuple[str, str], tuple[int, str]] = {}  # entry -> the row that changed it
    for number, record in enumerate(records, start=2):
        name, source = record.get("catalogue", "").strip(), record.get("source", "")
        message = entries.get(name, {}).get(source)
        if message is None or message.msgid_plural is not None:
            skipped.append(f"row {number}: {source[:50]!r} is not in {name}")
            continue
        cell = record.get("target", "")
        target = clean_target(cell, message.msgid)
        exported = record.get("digest", "").strip().removeprefix(DIGEST_PREFIX)
        if sheet_text(message.msgstr) in (cell, target) or (
            exported and exported in (msgstr_digest(cell), msgstr_digest(target))
        ):
            unchanged += 1
            continue
        if not target.strip():
            skipped.append(f"row {number}: empty target, the catalogue keeps its translation")
            continue
        if _changed_since(message, exported):
            skipped.append(
                f"row {number}: {name} changed this entry after the export; the catalogue's "
                "translation is kept"
            )
            continue
        earlier = first.setdefault((name, message.msgid), (number, target))
        if earlier[0] != number:  # the entry twice in the sheet: the later row would win
            if earlier[1] != target:
                skipped.append(
                    f"row {number}: {source[:50]!r} was given another target in row "
                    f"{earlier[0]}; that one is imported, this one is not"
                )
            continue
        changes.append(Change(name, message.msgid, target))
    return ImportPlan(tuple(changes), unchanged, tuple(skipped))


def _changed_since(message: Message, exported: str) -> bool:
    """A person's translation that is not the one exported (so someone edited it since)."""
    current = msgstr_digest(sheet_text(message.msgstr))
    return bool(exported) and is_reviewed(message) and current != exported


def apply_changes(catalogue: PoFile, changes: Iterable[Change]) -> PoFile:
    targets = {change.msgid: change.msgstr for change in changes}
    messages = tuple(
        accept_human_translation(m, targets[m.msgid])
        if not m.obsolete and m.msgctxt is None and m.msgid in targets
        else m
        for m in catalogue.messages
    )
    return PoFile(header=catalogue.header, messages=messages)


def catalogue_names(records: Iterable[Mapping[str, str]]) -> Iterator[str]:
    seen: set[str] = set()
    for record in records:
        name = record.get("catalogue", "").strip()
        if name and name not in seen:
            seen.add(name)
            yield name


@dataclass(frozen=True)
class ImportReport:
    """What `translate import` of a sheet did."""

    imported: int  # entries whose translation was brought in
    unchanged: int  # rows or units that changed nothing
    skipped: tuple[str, ...] = ()  # one sentence per row/unit left out, and why
    written: tuple[str, ...] = ()  # catalogues written

    def summary(self) -> str:
        return (
            f"{count(self.imported, 'translation')} imported into "
            f"{count(len(self.written), 'catalogue')}, "
            f"{self.unchanged} unchanged, {len(self.skipped)} skipped"
        )


def import_sheet(path: Path, now: str | None = None) -> ImportReport:
    """Bring the targets a person changed in ``path`` back into their catalogues.

    Every catalogue the sheet names is read and the whole sheet planned before anything is
    written (a bad sheet or a missing catalogue changes nothing); each catalogue is then
    re-read, planned again and written atomically under its lock, so a `translate run` in
    between cannot be lost.
    """
    from translate.catalog import current_date
    from translate.fileio import atomic_write_text, catalog_lock
    from translate.pofile import format_header, serialize
    from translate.pofile import read as load_catalogue

    records = read_sheet(path)
    names = list(catalogue_names(records))
    for name in names:
        if Path(name).suffix != ".po":
            raise UserError(
                f"{path}: its catalogue column names {name!r}, not a .po catalogue; import only "
                "sheets made by `translate review`; nothing was changed"
            )
        if not Path(name).is_file():
            raise UserError(
                f"{path}: its catalogue {name} does not exist here; run the import from the "
                "folder the review was made in; nothing was changed"
            )
    plan = plan_import(records, {name: load_catalogue(Path(name)) for name in names})
    written: list[str] = []
    stamp = now or current_date()
    for name in plan.by_catalogue():
        with catalog_lock(Path(name)):
            catalogue = load_catalogue(Path(name))
            mine = [r for r in records if r.get("catalogue", "").strip() == name]
            fresh = plan_import(mine, {name: catalogue})
            if not fresh.changes:
                continue
            updated = apply_changes(catalogue, fresh.changes)
            fields = [
                (key, stamp if key == "PO-Revision-Date" else value)
                for key, value in updated.fields
            ]
            header = replace(updated.header, msgstr=format_header(fields))
            atomic_write_text(Path(name), serialize(replace(updated, header=header)))
            written.append(name)
    return ImportReport(len(plan.changes), plan.unchanged, plan.skipped, tuple(written))
