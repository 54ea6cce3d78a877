"""Glossaries: required translations and do-not-translate terms, and one matcher for them all.

Files (``load_glossaries``; several are merged, in the order given):

- TSV (``.tsv``, ``.txt``) or CSV (``.csv``), UTF-8, a header row naming the columns
  ``source``, ``target`` and optionally ``note``, ``case``, ``pos`` (``count``, written by
  ``translate terms extract``, is ignored). ``#`` lines and blank lines are skipped.
  ``target`` may list several accepted translations separated by ``|``, the preferred one
  first; rows with the same source add targets. ``=`` (or the source itself) as the target
  makes a do-not-translate term. ``case``: ``auto`` (default: case-sensitive when the source
  has a capital letter, else not), ``sensitive`` or ``insensitive``. A row without a target
  is skipped and reported (a terminologist has not filled it in yet).
- TBX (``.tbx``; TBX-Basic / TBX v2 ``termEntry/langSet/tig`` and TBX v3
  ``conceptEntry/langSec/termSec``), read by ``translate.tbx``.

Matching: ``Glossary.matcher()`` compiles every term into one ``translate.termmatch.TermMatcher``.
"""

from __future__ import annotations

import csv
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from translate.errors import UserError
from translate.frozen import collector_paused, quick_init

if TYPE_CHECKING:
    from translate.termmatch import TermMatcher

CASES = ("auto", "sensitive", "insensitive")
COLUMNS = ("source", "target", "note", "case", "pos", "count")
DEFAULT_NAMES = ("glossary.tsv", "glossary.csv", "glossary.tbx")
DNT_MARK = "="


@quick_init
@dataclass(frozen=True)
class Term:
    """One source term and what it must become (``targets``, preferred first)."""

    source: str
    targets: tuple[str, ...]
    dnt: bool = False  # do not translate: the target is the source itself
    case: str = "auto"
    note: str = ""
    pos: str = ""
    origin: str = ""  # file:line of its first row

    @property
    def sensitive(self) -> bool:
        if self.case == "auto":
            source = self.source
            if source[:1].isupper():  # the usual case-sensitive term: a name
                return True
            return not source.islower() and any(char.isupper() for char in source)
        return self.case == "sensitive"

    @property
    def preferred(self) -> str:
        return self.source if self.dnt else self.targets[0]


@quick_init
@dataclass(frozen=True)
class Row:
    """A glossary row as read, before rows with the same source are merged."""

    source: str
    targets: tuple[str, ...]
    dnt: bool
    case: str
    note: str
    pos: str
    origin: str


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    rows: tuple[Row, ...] = ()  # every row as read (for `terms check`)
    skipped: tuple[str, ...] = ()  # origins of rows without a target
    files: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)

    def matcher(self) -> TermMatcher:
        """All terms compiled into one matcher (translate.termmatch)."""
        from translate.termmatch import TermMatcher

        with collector_paused(keep=True):
            return TermMatcher(self.terms)

    def warnings(self) -> tuple[str, ...]:
        if not self.skipped:
            return ()
        return (
            f"{len(self.skipped)} glossary rows without a target were ignored "
            f"({', '.join(self.skipped[:5])}{', …' if len(self.skipped) > 5 else ''})",
        )


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------
# Reading


def load_glossaries(paths: Iterable[str | Path]) -> Glossary:
    """Read and merge glossary files (UserError naming the file and line on a bad one)."""
    # A Row and a Term per row, kept for the run and none in a cycle (translate.frozen).
    with collector_paused(keep=True):
        return _load(paths)


def _load(paths: Iterable[str | Path]) -> Glossary:
    rows: list[Row] = []
    skipped: list[str] = []
    files: list[str] = []
    for path in paths:
        name = str(path)
        files.append(name)
        data = _read_bytes(Path(path))
        if Path(path).suffix.lower() == ".tbx":
            from translate.tbx import parse_tbx

            found, missing = parse_tbx(data, name)
        else:
            found, missing = parse_table(nfc(_decode(data, name)), name)
        rows.extend(found)
        skipped.extend(missing)
    return Glossary(merge(rows), tuple(rows), tuple(skipped), tuple(files))


def _read_bytes(path: Path) -> bytes:
    from translate import fileguard  # a FIFO or device is refused by its type, never opened

    try:
        return fileguard.read_regular(path, limit=fileguard.MAX_INPUT_BYTES, what="glossary")
    except FileNotFoundError:
        raise UserError(f"{path}: no such glossary file; check the --glossary path") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a glossary file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the glossary ({exc.strerror})") from None


def _decode(data: bytes, name: str) -> str:
    text = _decoded(data, name)
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise UserError(
            f"{name}:{line}: a control character (U+{ord(control.group()):04X}) in a cell; a "
            "glossary is text: remove it (is the file binary, or UTF-16 without its byte-order "
            "mark?)"
        )
    return text


# C0 controls but tab, line feed and carriage return: never part of a term, and a NUL says the
# file is not text (a term holding one would never match, and `terms list` would print it raw).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _decoded(data: bytes, name: str) -> str:
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(
            f"{name}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02X}); save the glossary "
            "as UTF-8 (in a spreadsheet: CSV UTF-8 or Unicode text)"
        ) from None


def _delimiter(name: str, header: str) -> str:
    if name.lower().endswith(".csv"):
        return ","
    return "\t" if "\t" in header or "," not in header else ","


def parse_table(text: str, name: str) -> tuple[list[Row], list[str]]:
    """Rows of a TSV or CSV glossary (NFC text), and the origins of rows without a target."""
    lines = text.splitlines()
    header_number = next((n for n, line in enumerate(lines, 1) if _content(line)), 0)
    if not header_number:
        raise UserError(
            f"{name}: the glossary is empty; its first line names the columns "
            "(source, target[, note, case, pos])"
        )
    header_line = lines[header_number - 1]
    delimiter = _delimiter(name, header_line)
    columns = [c.strip().lower() for c in _cells(header_line, delimiter, name, header_number)]
    _check_header(columns, name, header_number)
    layout = _Layout(columns)
    rows: list[Row] = []
    skipped: list[str] = []
    records: Iterator[tuple[int, list[str]]]
    plain = delimiter == "\t" and _nothing_to_squeeze(lines)
    if plain:
        simple = _simple_rows(lines, header_number, layout, name)
        if simple is not None:
            return simple, skipped
    if delimiter == "\t":
        records = ((n, line.split("\t")) for n, line in enumerate(lines, 1) if n > header_number)
    else:
        records = _csv_records(text.splitlines(keepends=True), name, header_number)
    for number, cells in records:
        first = lines[number - 1][:1]
        if (not first or first == "#" or first.isspace()) and not _content(lines[number - 1]):
            continue
        row = _row(layout, cells, f"{name}:{number}", plain)
        if row is None:
            skipped.append(f"{name}:{number}")
        else:
            rows.append(row)
    return rows, skipped


def _simple_rows(lines: list[str], header: int, layout: _Layout, name: str) -> list[Row] | None:
    """The rows of a TSV whose lines after the header (``plain``: nothing to squeeze) are all
    rows of ``layout.width`` cells with a source and one target, and no case column, built
    column by column; None for any other (read row by row, with its checks and messages)."""
    cells = [line.split("\t") for line in lines[header:]]
    if layout.case >= 0 or not cells or set(map(len, cells)) != {layout.width}:
        return None
    sources = list(map(operator.itemgetter(layout.source), cells))
    targets = list(map(operator.itemgetter(layout.target), cells))
    if "" in sources or "" in targets:  # an empty source, a blank line, a row to skip
        return None
    if max(map(len, sources)) > MAX_TERM_LENGTH:  # refused by _row with its line
        return None
    if "|" in "".join(targets) or "\n#" in "\n" + "\n".join(lines[header:]):  # a comment
        return None
    pairs = zip(sources, targets, strict=True)
    dnts = [target in (DNT_MARK, source) for source, target in pairs]
    kept = [(s,) if dnt else (t,) for s, t, dnt in zip(sources, targets, dnts, strict=True)]
    blank = itertools.repeat("")
    notes = (
        map(str.strip, map(operator.itemgetter(layout.note), cells)) if layout.note >= 0 else blank
    )
    poses = (
        map(str.strip, map(operator.itemgetter(layout.pos), cells)) if layout.pos >= 0 else blank
    )
    origins = map(f"{name}:".__add__, map(str, range(header + 1, len(lines) + 1)))
    return list(map(Row, sources, kept, dnts, itertools.repeat("auto"), notes, poses, origins))


def _nothing_to_squeeze(lines: list[str]) -> bool:
    """Whether ``squeezed`` leaves every tab-separated cell of the lines as it is (checked on
    all of them at once: two calls per row were a fifth of reading a 10,000-row glossary)."""
    joined = "\n".join(lines)
    return (
        "  " not in joined
        and " \t" not in joined
        and "\t " not in joined
        and " \n" not in joined
        and "\n " not in joined
        and joined[:1] != " "
        and joined[-1:] != " "
        and joined.replace("\t", "").replace("\n", "").isprintable()
    )


def _csv_records(lines: list[str], name: str, header: int) -> Iterator[tuple[int, list[str]]]:
    """The CSV records after the header line, with the line each starts on (a quoted cell may
    hold line breaks: a spreadsheet's note)."""
    reader = csv.reader(lines[header:], delimiter=",", strict=True)
    start = header + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UserError(
                f"{name}:{start}: not a CSV row ({exc}); quote cells with commas"
            ) from None
        yield start, cells
        start = header + reader.line_num + 1


def _content(line: str) -> bool:
    first = line.lstrip()[:1]
    return first != "" and first != "#"


def _cells(line: str, delimiter: str, name: str, number: int) -> list[str]:
    if delimiter == "\t":
        return line.split("\t")
    try:
        return next(csv.reader([line], delimiter=",", strict=True))
    except (csv.Error, StopIteration) as exc:
        raise UserError(
            f"{name}:{number}: not a CSV row ({exc}); quote cells with commas"
        ) from None


def _check_header(columns: list[str], name: str, number: int) -> None:
    where = f"{name}:{number}"
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise UserError(
            f"{where}: unknown column {unknown[0]!r} in the header; the columns are source, "
            "target and optionally note, case, pos"
        )
    for required in ("source", "target"):
        if required not in columns:
            raise UserError(
                f"{where}: the header has no {required!r} column; the first line "
                "names the columns, e.g. source<TAB>target"
            )
    if len(set(columns)) != len(columns):
        raise UserError(f"{where}: a column is named twice in the header")


class _Layout:
    """Where each column is in a row (-1: absent)."""

    def __init__(self, columns: list[str]) -> None:
        self.width = len(columns)
        self.source = columns.index("source")
        self.target = columns.index("target")
        self.required = max(self.source, self.target) + 1
        self.note, self.case, self.pos = (
            columns.index(c) if c in columns else -1 for c in ("note", "case", "pos")
        )


def squeezed(text: str) -> str:
    """``" ".join(text.split())``, without the split when there is nothing to squeeze (every
    whitespace character but the space is unprintable)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def squeezed_all(texts: Sequence[str]) -> tuple[list[str], str]:
    """``squeezed`` of each text, and them joined by line breaks: checked on all of them at once
    (the usual: a glossary's terms have nothing to squeeze)."""
    joined = "\n".join(texts)
    if (
        joined.count("\n") == len(texts) - 1  # no text holds a line break
        and "  " not in joined
        and " \n" not in joined
        and "\n " not in joined
        and joined[:1] != " "
        and joined[-1:] != " "
        and joined.replace("\n", "").isprintable()
    ):
        return list(texts), joined
    forms = list(map(squeezed, texts))
    return forms, "\n".join(forms)


# A term is a word or a phrase; the matcher's automaton grows with the square of one long
# needle (a 2 MB source cell, a file whose line breaks were lost, took minutes to compile).
MAX_TERM_LENGTH = 1_000


def check_term_length(source: str, origin: str) -> None:
    """Refuse a source term no glossary holds: longer than ``MAX_TERM_LENGTH`` characters."""
    if len(source) > MAX_TERM_LENGTH:
        raise UserError(
            f"{origin}: a source term of {len(source):,} characters (at most "
            f"{MAX_TERM_LENGTH:,}); a term is a word or a phrase: are line breaks or "
            "separators missing?"
        )


def _row(layout: _Layout, cells: list[str], origin: str, plain: bool = False) -> Row | None:
    """The row of ``cells``; ``plain``: no cell has anything to squeeze (whitespace)."""
    count = len(cells)
    if count > layout.width or count < layout.required:
        raise UserError(
            f"{origin}: {count} columns, the header has {layout.width}; check the "
            "separators (a tab in TSV, a comma in CSV; quote CSV cells holding commas)"
        )
    source = cells[layout.source] if plain else squeezed(cells[layout.source])
    if not source:
        raise UserError(f"{origin}: empty source term; fill it in or delete the row")
    check_term_length(source, origin)
    case = "auto"
    if 0 <= layout.case < count:
        case = cells[layout.case].strip().lower() or "auto"
        if case not in CASES:
            raise UserError(f"{origin}: case {case!r} is not one of {', '.join(CASES)}")
    raw = cells[layout.target]
    if "|" in raw:
        targets = tuple(dict.fromkeys(squeezed(t) for t in raw.split("|") if t.strip()))
    else:
        target = raw if plain else squeezed(raw)
        targets = (target,) if target else ()
    if not targets:
        return None
    dnt = targets == (DNT_MARK,) or targets == (source,)
    if dnt:
        targets = (source,)
    elif DNT_MARK in targets:
        targets = tuple(t for t in targets if t != DNT_MARK)
    note = cells[layout.note].strip() if 0 <= layout.note < count else ""
    pos = cells[layout.pos].strip() if 0 <= layout.pos < count else ""
    return Row(source, targets, dnt, case, note, pos, origin)


_SOURCE = operator.attrgetter("source")


def merge(rows: Sequence[Row]) -> tuple[Term, ...]:
    """One term per (source, case): targets in order of appearance, the first row's fields."""
    distinct = len(set(map(_SOURCE, rows))) == len(rows)  # a quicker test than the pairs
    if distinct or len({(row.source, row.case) for row in rows}) == len(rows):  # the usual
        return tuple(
            [Term(r.source, r.targets, r.dnt, r.case, r.note, r.pos, r.origin) for r in rows]
        )
    merged: dict[tuple[str, str], Term] = {}
    for row in rows:
        key = (row.source, row.case)
        term = merged.get(key)
        if term is None:
            merged[key] = Term(
                row.source, row.targets, row.dnt, row.case, row.note, row.pos, row.origin
            )
            continue
        merged[key] = Term(
            term.source,
            tuple(dict.fromkeys((*term.targets, *row.targets))),
            term.dnt and row.dnt,
            term.case,
            term.note or row.note,
            term.pos or row.pos,
            term.origin,
        )
    return tuple(merged.values())


def default_glossary_paths(folders: Iterable[Path]) -> list[Path]:
    """The project glossary: the first of ``DEFAULT_NAMES`` found in each folder, in order."""
    from translate.fileguard import check_regular

    found: list[Path] = []
    for folder in dict.fromkeys(Path(f) for f in folders):
        for name in DEFAULT_NAMES:
            path = folder / name
            if not path.is_file():
                if path.exists():  # a FIFO or device: refused as such, not silently skipped
                    check_regular(path, what="glossary")
                continue
            if path.resolve() not in {p.resolve() for p in found}:
                found.append(path)
            break
    return found
