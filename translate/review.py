"""The review of catalogues as plain data: documents in source order, each sentence with its
translation, state, machine score, check findings, previous msgid and alternatives.

Nothing here decides anew what an entry is: reviewed and fuzzy come from
``translate.provenance.entry_state``, machine output from ``machine_note_if_untouched`` (the
`# mt:` digest), copies from ``provenance.is_copy``, findings from ``qa.check_catalogue`` (the
same checks as `translate check --include-fuzzy`). ``translate.review_html`` renders the
model as a page, ``translate.sheet`` as a spreadsheet.

Order and paragraphs come from the catalogue alone: each ``#: path:line`` reference is one
occurrence of the sentence in that source file; occurrences are sorted by line, and a
sentence starts a new paragraph unless it starts on the line where the previous one ended (a
hard-wrapped sentence spans the lines its ``#.`` comment names).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from translate.pofile import Message, PoFile, find_catalogues, read
from translate.provenance import (
    COPY_PREFIX,
    MT_ALT_PREFIX,
    MT_PREFIX,
    MT_SUGGESTION_PREFIX,
    entry_state,
    is_copy,
    machine_note_if_untouched,
    rejoin_wrapped_provenance,
)
from translate.stats import CatalogueStats, add_stats, catalogue_stats

# Review states, in the order the page lists them.
STATES = ("reviewed", "machine", "fuzzy", "untranslated", "copied", "obsolete")
STATE_LABELS = {
    "reviewed": "reviewed",
    "machine": "machine",
    "fuzzy": "fuzzy",
    "untranslated": "untranslated",
    "copied": "copied",
    "obsolete": "obsolete",
}
NEEDS_REVIEW = frozenset({"machine", "fuzzy", "untranslated"})

_WRAPPED = re.compile(r"^hard-wrapped over (\d+) source lines$")
_REFERENCE = re.compile(r"^(.*):(\d+)$")
_ALTERNATIVE = re.compile(r"^score=(\S+) \| (.*)$", re.DOTALL)


@dataclass(frozen=True)
class Alternative:
    """An n-best alternative (`# mt-alt:`) or a fresh suggestion (`# mt-suggestion:`)."""

    kind: str  # "alternative" or "suggestion"
    score: float | None
    text: str


@dataclass(frozen=True)
class CheckNote:
    check: str
    message: str


@dataclass(frozen=True)
class ReviewEntry:
    """One catalogue entry as a reviewer sees it."""

    key: str  # unique in the review: "d<document>-e<entry>"
    catalogue: str
    line: int  # 1-based line of the entry's msgid keyword in the catalogue (0: unknown)
    source: str
    target: str
    state: str  # one of STATES
    score: float | None  # `# mt:` score of untouched machine output
    findings: tuple[CheckNote, ...] = ()
    previous: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    references: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # `#.` extracted comments
    comments: tuple[str, ...] = ()  # the translators' own comments
    msgctxt: str | None = None
    fuzzy: bool = False
    plural: bool = False

    @property
    def needs_review(self) -> bool:
        return self.state in NEEDS_REVIEW or (self.state == "copied" and self.fuzzy)

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state] + (
            " (fuzzy)" if self.state == "copied" and self.fuzzy else ""
        )


@dataclass(frozen=True)
class Occurrence:
    """One appearance of an entry in its source: the reference and its line there."""

    entry: ReviewEntry
    reference: str
    line: int  # source line (0 when the reference names none)
    span: int = 1  # source lines the sentence covers


@dataclass(frozen=True)
class Paragraph:
    occurrences: tuple[Occurrence, ...]


@dataclass(frozen=True)
class Section:
    """The part of a document that comes from one source file (or has no reference)."""

    source: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class ReviewDocument:
    """One catalogue: its entries in source order, obsolete ones apart."""

    index: int
    catalogue: str
    title: str
    sections: tuple[Section, ...]
    entries: tuple[ReviewEntry, ...]  # every entry once, catalogue order, obsolete included
    stats: CatalogueStats
    other_findings: tuple[CheckNote, ...] = ()  # findings on no entry (header, msgfmt…)

    @property
    def obsolete(self) -> tuple[ReviewEntry, ...]:
        return tuple(entry for entry in self.entries if entry.state == "obsolete")

    def state_counts(self) -> dict[str, int]:
        counts = Counter(entry.state for entry in self.entries)
        return {state: counts.get(state, 0) for state in STATES}


@dataclass(frozen=True)
class Review:
    documents: tuple[ReviewDocument, ...]
    total: CatalogueStats

    @property
    def entries(self) -> tuple[ReviewEntry, ...]:
        return tuple(entry for document in self.documents for entry in document.entries)

    def state_counts(self) -> dict[str, int]:
        counts = Counter(entry.state for entry in self.entries)
        return {state: counts.get(state, 0) for state in STATES}

    def finding_counts(self) -> dict[str, int]:
        """Check name → entries with a finding of it (then document-level findings)."""
        counts: Counter[str] = Counter()
        for document in self.documents:
            for entry in document.entries:
                counts.update({note.check for note in entry.findings})
            counts.update(note.check for note in document.other_findings)
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def worst(self, count: int) -> list[ReviewEntry]:
        """The ``count`` lowest-scoring machine translations still needing review."""
        scored = [e for e in self.entries if e.score is not None and e.state == "machine"]
        return sorted(scored, key=lambda entry: entry.score or 0.0)[: max(count, 0)]

    def scores(self) -> list[float]:
        return [e.score for e in self.entries if e.score is not None and e.state != "obsolete"]


# ---------------------------------------------------------------------------------------
# Pure rules


def review_state(message: Message, machine: bool | None = None) -> str:
    """The entry's state on the page, from the shared definitions (``machine``: whether
    ``stats.machine_note_if_untouched`` found a note, when the caller already asked)."""
    if message.obsolete:
        return "obsolete"
    state = entry_state(message)
    if state == "untranslated":
        return "untranslated"
    if is_copy(message):
        return "copied"
    if state == "reviewed":
        return "reviewed"
    if machine is None:
        machine = machine_note_if_untouched(message) is not None
    return "machine" if machine else "fuzzy"


def alternatives(comments: Iterable[str]) -> tuple[Alternative, ...]:
    """`# mt-alt: score=… | text` and `# mt-suggestion: score=… | text` lines."""
    found: list[Alternative] = []
    for comment in comments:
        for prefix, kind in ((MT_ALT_PREFIX, "alternative"), (MT_SUGGESTION_PREFIX, "suggestion")):
            if comment.startswith(prefix):
                match = _ALTERNATIVE.match(comment[len(prefix) :].strip())
                if match is not None:
                    found.append(Alternative(kind, _float(match.group(1)), match.group(2)))
                else:
                    found.append(Alternative(kind, None, comment[len(prefix) :].strip()))
    return tuple(found)


def human_comments(comments: Iterable[str]) -> tuple[str, ...]:
    """Translator comments other than the tool's own `# mt…:`/`# copy:` lines."""
    tool = (MT_PREFIX, MT_ALT_PREFIX, MT_SUGGESTION_PREFIX, COPY_PREFIX)
    return tuple(comment for comment in comments if not comment.startswith(tool))


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def split_reference(reference: str) -> tuple[str, int]:
    """``seeds/a.txt:12`` → ("seeds/a.txt", 12); a bare path → (path, 0)."""
    match = _REFERENCE.match(reference)
    if match is None:
        return reference, 0
    return match.group(1), int(match.group(2))


def line_span(notes: Iterable[str]) -> int:
    """Source lines a sentence covers: its `hard-wrapped over N source lines` note, else 1."""
    for note in notes:
        match = _WRAPPED.match(note)
        if match is not None:
            return max(int(match.group(1)), 1)
    return 1


def paragraphs(occurrences: Sequence[Occurrence]) -> tuple[Paragraph, ...]:
    """Occurrences of one source in line order, grouped: a sentence continues the paragraph
    when it starts on the line where the previous sentence ended."""
    groups: list[list[Occurrence]] = []
    last_line = -1
    for occurrence in sorted(occurrences, key=lambda item: item.line):
        if not groups or occurrence.line == 0 or occurrence.line > last_line:
            groups.append([occurrence])
        else:
            groups[-1].append(occurrence)
        last_line = occurrence.line + occurrence.span - 1
    return tuple(Paragraph(tuple(group)) for group in groups)


_BIN_WIDTHS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)


def score_histogram(scores: Sequence[float], most: int = 12) -> list[tuple[float, float, int]]:
    """(low, high, count) bins covering the machine scores (log-probability per token, ≤ 0):
    the narrowest of a few round widths that needs at most ``most`` bins; a score on a
    boundary goes in the bin above it (the highest bin includes its top)."""
    if not scores:
        return []
    low, high = min(scores), min(max(scores), 0.0)
    width = _BIN_WIDTHS[-1]
    for candidate in _BIN_WIDTHS:
        first = math.floor(low / candidate)
        if max(math.ceil(high / candidate), first + 1) - first <= most:
            width = candidate
            break
    first = math.floor(low / width)
    bins = max(math.ceil(high / width) - first, 1)
    counts = [0] * bins
    for score in scores:
        position = math.floor(score / width) - first
        counts[min(max(position, 0), bins - 1)] += 1
    return [
        (round((first + index) * width, 6), round((first + index + 1) * width, 6), count)
        for index, count in enumerate(counts)
    ]


# ---------------------------------------------------------------------------------------
# Building the review


def _entry(
    message: Message,
    *,
    key: str,
    catalogue: str,
    line: int,
    findings: Sequence[CheckNote],
) -> ReviewEntry:
    comments = rejoin_wrapped_provenance(message.comments)
    live = not message.obsolete and message.translated
    note = machine_note_if_untouched(message) if live else None
    state = review_state(message, note is not None)
    target = message.msgstr if message.msgid_plural is None else " | ".join(message.msgstr_plural)
    return ReviewEntry(
        key=key,
        catalogue=catalogue,
        line=line,
        source=message.msgid,
        target=target,
        state=state,
        score=note.score if note is not None else None,
        findings=tuple(findings),
        previous=message.previous_msgid,
        alternatives=alternatives(comments),
        references=message.references,
        notes=message.extracted,
        comments=human_comments(comments),
        msgctxt=message.msgctxt,
        fuzzy=message.fuzzy,
        plural=message.msgid_plural is not None,
    )


def _sections(entries: Sequence[ReviewEntry]) -> tuple[Section, ...]:
    by_source: dict[str, list[Occurrence]] = {}
    unreferenced: list[Occurrence] = []
    for entry in entries:
        if entry.state == "obsolete":
            continue
        if not entry.references:
            unreferenced.append(Occurrence(entry, "", 0))
        for reference in entry.references:
            source, line = split_reference(reference)
            by_source.setdefault(source, []).append(
                Occurrence(entry, reference, line, line_span(entry.notes))
            )
    sections = [Section(source, paragraphs(found)) for source, found in by_source.items()]
    if unreferenced:
        sections.append(Section("", tuple(Paragraph((item,)) for item in unreferenced)))
    return tuple(sections)


def document_title(catalogue: PoFile, path: str) -> str:
    return catalogue.field("Project-Id-Version") or Path(path).stem


def review_document(
    index: int,
    path: str,
    catalogue: PoFile,
    findings: Iterable[tuple[int, str, str]] = (),
) -> ReviewDocument:
    """The review of one parsed catalogue; ``findings`` are (line, check, message)."""
    lines_of_entries = [0 if message.obsolete else message.line for message in catalogue.messages]
    owner = _finding_owner(lines_of_entries)
    attached: dict[int, list[CheckNote]] = {}
    other: list[CheckNote] = []
    for line, check, text in findings:
        number = owner(line)
        (other if number is None else attached.setdefault(number, [])).append(
            CheckNote(check, text)
        )
    entries = [
        _entry(
            message,
            key=f"d{index}-e{number}",
            catalogue=path,
            line=lines_of_entries[number],
            findings=attached.get(number, ()),
        )
        for number, message in enumerate(catalogue.messages)
    ]
    stats, _ = catalogue_stats(catalogue, path)
    return ReviewDocument(
        index=index,
        catalogue=path,
        title=document_title(catalogue, path),
        sections=_sections(entries),
        entries=tuple(entries),
        stats=stats,
        other_findings=tuple(other),
    )


def _finding_owner(entry_lines: Sequence[int]) -> Callable[[int], int | None]:
    """line → index of the entry a finding on that line belongs to: the entry whose msgid
    keyword is the last at or before the line (msgfmt may name the msgstr line); None for
    lines before the first entry (the header)."""
    import bisect

    starts = sorted((line, number) for number, line in enumerate(entry_lines) if line > 0)
    keys = [line for line, _ in starts]

    def owner(line: int) -> int | None:
        position = bisect.bisect_right(keys, line) - 1
        if position < 0:
            return None
        return starts[position][1]

    return owner


Detector = Callable[[str], str]


def build_review(
    paths: Iterable[str | Path],
    *,
    use_msgfmt: bool = True,
    detect: Detector | None = None,
) -> Review:
    """Read every catalogue named or found under ``paths`` (as `translate stats` finds them)
    and check it as `translate check --include-fuzzy` does; UserError on unreadable input."""
    import shutil

    from translate.qa import CheckOptions, check_catalogue

    msgfmt = shutil.which("msgfmt") if use_msgfmt else None
    options = CheckOptions(include_fuzzy=True, use_msgfmt=use_msgfmt)
    documents: list[ReviewDocument] = []
    for index, path in enumerate(find_catalogues(paths)):
        catalogue = read(path)  # UserError (exit 2) when it does not parse
        found, _ = check_catalogue(path, options, msgfmt, detect)
        documents.append(
            review_document(
                index,
                str(path),
                catalogue,
                ((item.line, item.check, item.message) for item in found),
            )
        )
    return Review(tuple(documents), add_stats([document.stats for document in documents]))
