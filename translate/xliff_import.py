"""`translate import`: translations from an XLIFF file back into a catalogue, under the merge
contract (only what changed; reviewed work never overwritten by machine or fuzzy output).

For each unit, the catalogue entry with the same source (and ``resname`` as msgctxt, when the
catalogue has such an entry) is updated as follows (``t`` the unit's target, ``c`` the entry's
msgstr):

- no target or an empty one, or no such live entry: nothing (counted);
- the unit is the translator's: it says so (``approved="yes"`` or a ``translated`` /
  ``signed-off`` / ``final`` state), or its target differs from the text we exported (the
  digest in our note; OmegaT's filter keeps the ``state`` we wrote however the target changed);
- ``t == c``: a translator's unit accepts a fuzzy entry (no longer fuzzy);
- ``t != c`` on an entry that is not reviewed: ``t`` is taken, fuzzy unless the unit is the
  translator's;
- ``t != c`` on a reviewed entry: taken only from a translator's unit, and only when the
  entry did not change since the export (else it is a conflict: the catalogue's stays, and
  is reported); a machine or fuzzy unit never replaces it.

A changed msgstr makes its `# mt:` line stale, so it goes at once; accepted entries lose
their `#|` previous msgid and `# mt-suggestion:` (as ``translate run`` does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from translate.pofile import Message, PoFile, format_header, header_fields, line_ends_as_msgid
from translate.provenance import msgstr_digest, rejoin_wrapped_provenance, without_stale
from translate.xliff import Unit


@dataclass
class ImportReport:
    imported: int = 0  # translations taken from the file
    accepted: int = 0  # fuzzy entries the file marks reviewed, same text
    unchanged: int = 0
    untranslated: int = 0  # units without a target text
    protected: int = 0  # machine or fuzzy units that would have replaced reviewed work
    conflicts: list[str] = field(default_factory=list)  # msgids edited on both sides
    unknown: int = 0  # units whose source is no live entry of the catalogue

    @property
    def changed(self) -> bool:
        return bool(self.imported or self.accepted)

    def line(self, catalogue: str) -> str:
        parts = [
            f"{self.imported} translations imported",
            f"{self.accepted} accepted",
            f"{self.unchanged} unchanged",
        ]
        if self.protected:
            parts.append(f"{self.protected} reviewed entries kept over machine/fuzzy units")
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} conflicts kept as in the catalogue")
        if self.unknown:
            parts.append(f"{self.unknown} units not in the catalogue")
        if self.untranslated:
            parts.append(f"{self.untranslated} without a translation")
        written = "" if self.changed else " (not written)"
        return f"{catalogue}: " + ", ".join(parts) + written


def _translator_made(unit: Unit) -> bool:
    if unit.reviewed:
        return True
    return (
        unit.exported_digest is not None
        and unit.target is not None
        and msgstr_digest(unit.target) != unit.exported_digest
    )


def _find(
    unit: Unit, keyed: dict[tuple[str | None, str], int], by_msgid: dict[str, list[int]]
) -> int | None:
    if unit.resname is not None and (unit.resname, unit.source) in keyed:
        return keyed[(unit.resname, unit.source)]
    if (None, unit.source) in keyed:
        return keyed[(None, unit.source)]
    candidates = by_msgid.get(unit.source, [])
    return candidates[0] if len(candidates) == 1 else None


def _updated(message: Message, msgstr: str, fuzzy: bool) -> Message:
    changed = replace(
        message,
        msgstr=msgstr,
        fuzzy=fuzzy,
        comments=rejoin_wrapped_provenance(message.comments),
    )
    changed = replace(changed, comments=without_stale(changed))
    if not fuzzy:
        changed = replace(
            changed, previous_msgid=None, previous_msgctxt=None, previous_msgid_plural=None
        )
    return changed


def _decide(message: Message, unit: Unit, report: ImportReport) -> Message:
    target = unit.target or ""
    if target != message.msgstr:  # an unedited unit changes nothing, whatever its ends
        # (CAT tools add a line break at an end, a segment edited as a paragraph: msgfmt
        # --check refuses it where the msgid has none)
        target = line_ends_as_msgid(target, message.msgid)
    mine = _translator_made(unit)
    if target == message.msgstr:
        if message.fuzzy and mine:
            report.accepted += 1
            return _updated(message, target, fuzzy=False)
        report.unchanged += 1
        return message
    reviewed = message.translated and not message.fuzzy
    if not reviewed:
        report.imported += 1
        return _updated(message, target, fuzzy=not mine)
    if not mine:
        report.protected += 1
        return message
    if unit.exported_digest is not None and unit.exported_digest != msgstr_digest(message.msgstr):
        report.conflicts.append(message.msgid)
        return message
    report.imported += 1
    return _updated(message, target, fuzzy=False)


def merge_units(catalogue: PoFile, units: Sequence[Unit]) -> tuple[PoFile, ImportReport]:
    """The catalogue with the units' translations merged in (see the module doc)."""
    report = ImportReport()
    messages = list(catalogue.messages)
    keyed: dict[tuple[str | None, str], int] = {}
    by_msgid: dict[str, list[int]] = {}
    for index, message in enumerate(messages):
        if message.obsolete or message.msgid_plural is not None:
            continue
        keyed.setdefault(message.key, index)
        by_msgid.setdefault(message.msgid, []).append(index)
    for unit in units:
        if not unit.target:
            report.untranslated += 1
            continue
        found = _find(unit, keyed, by_msgid)
        if found is None:
            report.unknown += 1
            continue
        messages[found] = _decide(messages[found], unit, report)
    return replace(catalogue, messages=tuple(messages)), report


def with_revision_date(catalogue: PoFile, date: str) -> PoFile:
    """The header's PO-Revision-Date set to ``date`` (added when missing)."""
    fields = list(header_fields(catalogue.header.msgstr))
    for index, (key, _) in enumerate(fields):
        if key.lower() == "po-revision-date":
            fields[index] = (key, date)
            break
    else:
        fields.append(("PO-Revision-Date", date))
    return replace(catalogue, header=replace(catalogue.header, msgstr=format_header(fields)))


def import_xliff(xliff: Path, catalogue: Path | None = None) -> list[str]:
    """Merge ``xliff`` into its catalogues (``catalogue``, else each ``<file original>``),
    each written atomically under its lock only when something changed. Returns one report
    line per catalogue."""
    from translate import catalog
    from translate.fileio import atomic_write_text, catalog_lock
    from translate.pofile import parse, read_text, serialize
    from translate.xliff import read_xliff

    files = read_xliff(xliff)
    targets: dict[Path, list[Unit]] = {}
    for item in files:
        path = catalogue if catalogue is not None else _original(item.original, xliff)
        targets.setdefault(path, []).extend(item.units)
    lines: list[str] = []
    for path, units in targets.items():
        with catalog_lock(path):
            before = parse(read_text(path), str(path))
            merged, report = merge_units(before, units)
            if report.changed:
                merged = with_revision_date(merged, catalog.current_date())
                atomic_write_text(path, serialize(merged))
        lines.append(report.line(str(path)))
    return lines


def _original(original: str, xliff: Path) -> Path:
    """The catalogue a ``<file original="…">`` names: as given (from the current folder),
    else beside the XLIFF file."""
    from translate.errors import UserError

    if original:
        for candidate in (Path(original), xliff.parent / original):
            if candidate.is_file():
                return candidate
    raise UserError(
        f'{xliff}: its <file original="{original}"> names no catalogue found from here or '
        "beside the file; name the catalogue with --catalog"
    )
