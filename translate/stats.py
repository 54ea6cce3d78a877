"""Catalogue progress: how much of each catalogue is reviewed, fuzzy, untranslated or obsolete.

The classification of entries is translate.provenance's, shared with `check` and `run`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translate.pofile import PoFile, find_catalogues, live_entries, read
from translate.provenance import entry_state, machine_note_if_untouched

if TYPE_CHECKING:
    from translate.compliance import Compliance
    from translate.guard import Guard


def source_words(msgid: str) -> int:
    """Whitespace-separated tokens: for Vietnamese these are syllables, as `pocount` counts."""
    return len(msgid.split())


@dataclass(frozen=True)
class MachineEntry:
    """An untouched machine translation and where it is."""

    path: str
    line: int
    score: float
    msgid: str
    msgstr: str


@dataclass(frozen=True)
class CatalogueStats:
    path: str
    reviewed: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    machine: int = 0
    words: int = 0
    reviewed_words: int = 0

    @property
    def entries(self) -> int:
        return self.reviewed + self.fuzzy + self.untranslated

    @property
    def reviewed_percent(self) -> float:
        return 100.0 * self.reviewed / self.entries if self.entries else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "entries": self.entries,
            "reviewed": self.reviewed,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "obsolete": self.obsolete,
            "machine": self.machine,
            "source_words": self.words,
            "reviewed_words": self.reviewed_words,
            "reviewed_percent": round(self.reviewed_percent, 1),
        }


@dataclass(frozen=True)
class StatsReport:
    catalogues: tuple[CatalogueStats, ...]
    total: CatalogueStats
    worst: tuple[MachineEntry, ...] = field(default=())
    glossary: Compliance | None = None  # with a Guard: term and protected-span compliance

    def as_dict(self) -> dict[str, object]:
        glossary = {"glossary": self.glossary.as_dict()} if self.glossary is not None else {}
        return {
            "catalogues": [item.as_dict() for item in self.catalogues],
            "total": self.total.as_dict(),
            "worst": [
                {
                    "path": item.path,
                    "line": item.line,
                    "score": item.score,
                    "msgid": item.msgid,
                    "msgstr": item.msgstr,
                }
                for item in self.worst
            ],
            **glossary,
        }


def catalogue_stats(catalogue: PoFile, path: str) -> tuple[CatalogueStats, list[MachineEntry]]:
    """Counts for one parsed catalogue, and its untouched machine translations with a score."""
    counts = {"reviewed": 0, "fuzzy": 0, "untranslated": 0}
    machine = words = reviewed_words = 0
    scored: list[MachineEntry] = []
    for message in live_entries(catalogue):
        state = entry_state(message)
        counts[state] += 1
        entry_words = source_words(message.msgid)
        words += entry_words
        if state == "reviewed":
            reviewed_words += entry_words
        note = machine_note_if_untouched(message)
        if note is not None:
            machine += 1
            if note.score is not None:
                scored.append(
                    MachineEntry(path, message.line, note.score, message.msgid, message.msgstr)
                )
    obsolete = sum(1 for message in catalogue.messages if message.obsolete)
    stats = CatalogueStats(
        path=path,
        reviewed=counts["reviewed"],
        fuzzy=counts["fuzzy"],
        untranslated=counts["untranslated"],
        obsolete=obsolete,
        machine=machine,
        words=words,
        reviewed_words=reviewed_words,
    )
    return stats, scored


def add_stats(items: Sequence[CatalogueStats], path: str = "total") -> CatalogueStats:
    return CatalogueStats(
        path=path,
        reviewed=sum(item.reviewed for item in items),
        fuzzy=sum(item.fuzzy for item in items),
        untranslated=sum(item.untranslated for item in items),
        obsolete=sum(item.obsolete for item in items),
        machine=sum(item.machine for item in items),
        words=sum(item.words for item in items),
        reviewed_words=sum(item.reviewed_words for item in items),
    )


def collect_stats(
    paths: Iterable[str | Path], worst: int = 0, guard: Guard | None = None
) -> StatsReport:
    """Stats for every catalogue found under ``paths``, the total, and the ``worst`` lowest
    scoring untouched machine translations (ties keep catalogue order); with ``guard``, the
    glossary compliance of the translated entries (translate.compliance)."""
    per_catalogue: list[CatalogueStats] = []
    scored: list[MachineEntry] = []
    pairs: list[tuple[str, str]] = []
    for path in find_catalogues(paths):
        catalogue = read(path)
        stats, machine_entries = catalogue_stats(catalogue, str(path))
        per_catalogue.append(stats)
        scored.extend(machine_entries)
        if guard is not None:
            pairs.extend((m.msgid, m.msgstr) for m in live_entries(catalogue) if m.translated)
    lowest = sorted(scored, key=lambda item: item.score)[: max(worst, 0)]
    glossary = None
    if guard is not None:
        from translate.compliance import compliance

        glossary = compliance(pairs, guard)
    return StatsReport(tuple(per_catalogue), add_stats(per_catalogue), tuple(lowest), glossary)


def format_table(report: StatsReport) -> str:
    """Plain-text table: one row per catalogue, then the total (when more than one)."""
    header = (
        "catalogue",
        "entries",
        "reviewed",
        "fuzzy",
        "untransl.",
        "obsolete",
        "machine",
        "words",
        "reviewed%",
    )
    rows = [_row(item) for item in report.catalogues]
    if len(report.catalogues) > 1:
        rows.append(_row(report.total))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    if report.worst:
        lines.append("")
        lines.append(f"{len(report.worst)} lowest-scoring machine translations:")
        for item in report.worst:
            lines.append(f"{item.path}:{item.line}: score {item.score:.3f}: {item.msgid}")
            lines.append(f"    -> {item.msgstr}")
    if report.glossary is not None:
        lines.append("")
        lines.append(report.glossary.line())
    return "\n".join(lines)


def _row(item: CatalogueStats) -> tuple[str, ...]:
    return (
        item.path,
        str(item.entries),
        str(item.reviewed),
        str(item.fuzzy),
        str(item.untranslated),
        str(item.obsolete),
        str(item.machine),
        str(item.words),
        f"{item.reviewed_percent:.1f}",
    )
