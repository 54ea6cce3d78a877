"""Catalogue progress: how much of each catalogue is reviewed, fuzzy, untranslated or obsolete.

Also the entry classification that `check` and `export` share: what counts as reviewed, and
which entries are still untouched machine output (a `# mt:` comment whose digest matches the
msgstr; once a reviewer edits the msgstr the digest no longer matches and the entry is theirs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from translate.catalog import MT_PREFIX, has_current_machine_note, rejoin_wrapped_provenance
from translate.catalog import msgstr_digest as msgstr_digest  # the `# mt:` digest, re-exported
from translate.errors import UserError
from translate.pofile import Message, PoFile

_KEY_VALUE = re.compile(r"([A-Za-z][\w-]*)=(\S+)")
_ONLY_KEY_VALUES = re.compile(r"[A-Za-z][\w-]*=\S+(?:\s+[A-Za-z][\w-]*=\S+)*")


@dataclass(frozen=True)
class MachineNote:
    """The `# mt:` provenance comment of an entry."""

    fields: dict[str, str]

    @property
    def digest(self) -> str:
        return self.fields.get("digest", "")

    @property
    def score(self) -> float | None:
        try:
            return float(self.fields["score"])
        except (KeyError, ValueError):
            return None


def parse_machine_note(translator_comment: str) -> MachineNote | None:
    """The `# mt: key=value …` line among an entry's translator comments, if any.

    Tools that wrap comments (polib at 78 columns) may push the last fields onto the next
    comment line; lines made only of `key=value` fields right after it are read as part of it.
    """
    lines = [line.strip() for line in translator_comment.splitlines()]
    for index, line in enumerate(lines):
        if not line.startswith(MT_PREFIX):
            continue
        text = line[len(MT_PREFIX) :]
        for following in lines[index + 1 :]:
            if not _ONLY_KEY_VALUES.fullmatch(following):
                break
            text += " " + following
        return MachineNote(dict(_KEY_VALUE.findall(text)))
    return None


def machine_note_if_untouched(message: Message) -> MachineNote | None:
    """The entry's `# mt:` note when its digest still matches the msgstr, else None.

    The decision is translate.catalog's, so `stats`, `check` and `run` agree on what is
    still machine output.
    """
    comments = rejoin_wrapped_provenance(message.comments)
    if not message.msgstr or not has_current_machine_note(replace(message, comments=comments)):
        return None
    return parse_machine_note("\n".join(comments))


def entry_state(message: Message) -> str:
    """One of "reviewed", "fuzzy", "untranslated" (a fuzzy empty msgstr counts as untranslated;
    a plural entry is translated when all its forms are)."""
    if not message.translated:
        return "untranslated"
    return "fuzzy" if message.fuzzy else "reviewed"


def source_words(msgid: str) -> int:
    """Whitespace-separated tokens: for Vietnamese these are syllables, as `pocount` counts."""
    return len(msgid.split())


def live_entries(catalogue: PoFile) -> list[Message]:
    """Entries that are neither the header nor obsolete."""
    return [message for message in catalogue.messages if not message.obsolete]


def find_catalogues(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every `*.po` under each directory (sorted); UserError when none.

    A folder that holds templates (`*.pot`) but no catalogue yet, such as a fresh clone's
    `locales/`, yields its templates: they are still checked for validity and counted.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            under = sorted(p for p in path.rglob("*.po") if p.is_file())
            if not under:
                under = sorted(p for p in path.rglob("*.pot") if p.is_file())
            if not under:
                raise UserError(
                    f"{path}: no catalogues (*.po) or templates (*.pot) in this folder; "
                    "create them with `translate run SOURCE…` first"
                )
            found.extend(under)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise UserError(f"{path}: not a regular file or folder")
        else:
            raise UserError(f"{path}: no such file or folder")
    if not found:
        raise UserError("no catalogue given")
    # The same file named twice (directly and through its folder) is counted once.
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)


def load_catalogue(path: Path) -> PoFile:
    """Parse a PO file with translate.pofile, so every command accepts and refuses the same
    files as `translate run`; UserError (exit 2) naming the file and line otherwise."""
    from translate import pofile

    return pofile.read(path)


_MSGID_LINE = re.compile(r'msgid[ \t]*"(.*)"[ \t]*$')
_CONTINUATION = re.compile(r'[ \t]*"(.*)"[ \t]*$')


def msgid_lines(lines: Sequence[str]) -> dict[str, int]:
    """msgid → 1-based line of its `msgid` keyword (where gettext tools point), live entries.

    A light scan of an already validated catalogue, so findings can name lines without a
    second full parse.
    """
    import polib

    found: dict[str, int] = {}
    index = 0
    while index < len(lines):
        match = _MSGID_LINE.match(lines[index])
        if match is None:
            index += 1
            continue
        start = index
        parts = [match.group(1)]
        index += 1
        while index < len(lines):
            continuation = _CONTINUATION.match(lines[index])
            if continuation is None:
                break
            parts.append(continuation.group(1))
            index += 1
        found.setdefault(polib.unescape("".join(parts)), start + 1)
    return found


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

    def as_dict(self) -> dict[str, object]:
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
        }


def catalogue_stats(
    catalogue: PoFile, path: str, lines: Sequence[str] = ()
) -> tuple[CatalogueStats, list[MachineEntry]]:
    """Counts for one parsed catalogue, and its untouched machine translations with a score."""
    counts = {"reviewed": 0, "fuzzy": 0, "untranslated": 0}
    machine = words = reviewed_words = 0
    scored: list[MachineEntry] = []
    line_of: dict[str, int] | None = None
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
                if line_of is None:
                    line_of = msgid_lines(lines)
                line = line_of.get(message.msgid, 0)
                scored.append(MachineEntry(path, line, note.score, message.msgid, message.msgstr))
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


def collect_stats(paths: Iterable[str | Path], worst: int = 0) -> StatsReport:
    """Stats for every catalogue found under ``paths``, the total, and the ``worst`` lowest
    scoring untouched machine translations (ties keep catalogue order)."""
    per_catalogue: list[CatalogueStats] = []
    scored: list[MachineEntry] = []
    for path in find_catalogues(paths):
        catalogue = load_catalogue(path)
        lines = read_lines(path)
        stats, machine_entries = catalogue_stats(catalogue, str(path), lines)
        per_catalogue.append(stats)
        scored.extend(machine_entries)
    lowest = sorted(scored, key=lambda item: item.score)[: max(worst, 0)]
    return StatsReport(tuple(per_catalogue), add_stats(per_catalogue), tuple(lowest))


def read_lines(path: Path) -> list[str]:
    """The catalogue's lines, for line numbers (undecodable bytes replaced, never fatal)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise UserError(f"{path}: cannot read the catalogue: {exc}") from exc


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
