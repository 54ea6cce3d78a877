"""What `translate terms` does, without Click: glossary listings, checks and term extraction.

- ``glossary_tsv``: the merged glossary as a TSV that ``load_glossaries`` reads back.
- ``check_glossary``: duplicate rows, conflicting rows (do-not-translate in one, translated in
  another; different case rules), rows without a target, and, given texts, terms that never
  occur in them.
- ``extract_candidates``: candidate terms of a set of msgids, for a terminologist: runs of two
  or more capitalised syllables (``Thừa Thiên Huế``, ``Trần Kiêm Hảo``) and acronyms
  (``UBND``, ``TT&TT``, ``CĐS``, ``COVID-19``), with how often they occur. A run that starts a
  sentence counts only if it also occurs inside one (the first word of a sentence is
  capitalised anyway), or for the run without its first word when that occurs inside one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from translate.glossary import Glossary, Term, nfc
from translate.termmatch import TermMatcher


@dataclass(frozen=True)
class GlossaryFinding:
    origin: str  # file:line
    kind: str  # duplicate | conflict | no-target | unused
    message: str

    def as_text(self) -> str:
        return f"{self.origin}: {self.kind}: {self.message}"


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def glossary_tsv(glossary: Glossary) -> str:
    lines = ["source\ttarget\tnote\tcase\tpos"]
    for term in glossary.terms:
        target = "=" if term.dnt else " | ".join(term.targets)
        cells = (term.source, target, term.note, term.case, term.pos)
        lines.append("\t".join(_cell(cell) for cell in cells))
    return "\n".join(lines) + "\n"


def check_glossary(glossary: Glossary, texts: Sequence[str] | None = None) -> list[GlossaryFinding]:
    """Findings in row order; ``texts``: where every term should occur at least once."""
    findings = _duplicates_and_conflicts(glossary)
    findings.extend(
        GlossaryFinding(origin, "no-target", "the row has no target yet; it is ignored")
        for origin in glossary.skipped
    )
    if texts is not None:
        findings.extend(
            GlossaryFinding(term.origin, "unused", f"'{term.source}' never occurs in the texts")
            for term in unused_terms(glossary.terms, texts)
        )
    return findings


def _duplicates_and_conflicts(glossary: Glossary) -> list[GlossaryFinding]:
    findings: list[GlossaryFinding] = []
    seen: dict[tuple[str, str], str] = {}  # (source, target) → origin
    by_source: dict[str, list[tuple[str, bool, str]]] = {}  # folded source → (case, dnt, origin)
    for row in glossary.rows:
        for target in row.targets:
            key = (row.source, target)
            if key in seen:
                message = f"'{row.source}' → '{target}' is also at {seen[key]}"
                findings.append(GlossaryFinding(row.origin, "duplicate", message))
            else:
                seen[key] = row.origin
        folded = row.source.casefold()
        for case, dnt, origin in by_source.get(folded, []):
            conflict = _conflict(row.source, row.dnt, row.case, dnt, case, origin)
            if conflict:
                findings.append(GlossaryFinding(row.origin, "conflict", conflict))
                break
        by_source.setdefault(folded, []).append((row.case, row.dnt, row.origin))
    return findings


def _conflict(
    source: str, dnt: bool, case: str, other_dnt: bool, other_case: str, origin: str
) -> str:
    if dnt != other_dnt:
        what, other = (
            ("do-not-translate", "translated") if dnt else ("translated", "do-not-translate")
        )
        return f"'{source}' is {what} here but {other} at {origin}"
    if case != other_case:
        return f"'{source}' has case {case} here but {other_case} at {origin}"
    return ""


def unused_terms(terms: Sequence[Term], texts: Iterable[str]) -> list[Term]:
    matcher = TermMatcher(terms)
    used = {m.term.source for found in matcher.find_many(list(texts)) for m in found}
    return [term for term in terms if term.source not in used]


# ---------------------------------------------------------------------------------------
# Extraction

_WORD = re.compile(r"[^\W_]+(?:[-&.][^\W_]+)*")
_ACRONYM = re.compile(r"(?:[^\W\d_a-zđ]{2,}|[^\W\d_]+&[^\W\d_]+)(?:[-&][^\W_]+)*")
# Where a sentence starts: the text's start, a sentence end and white space, an opening
# quote or bracket and optional white space (read by _starts_sentence).
_SENTENCE_END_MARKS = frozenset(".!?:;…")
_OPENING_MARKS = frozenset('"“(«')


@dataclass(frozen=True)
class Candidate:
    text: str
    count: int
    kind: str  # acronym | name


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and _ACRONYM.fullmatch(word) is not None
    )


def _runs(text: str) -> Iterable[tuple[str, bool]]:
    """(run of capitalised words, whether it starts a sentence), and acronyms alone."""
    words = list(_WORD.finditer(text))
    index = 0
    while index < len(words):
        word = words[index]
        if not _capitalised(word.group()):
            index += 1
            continue
        end = index + 1
        while (
            end < len(words)
            and _capitalised(words[end].group())
            and text[words[end - 1].end() : words[end].start()] == " "
        ):
            end += 1
        if end - index >= 2:
            yield text[word.start() : words[end - 1].end()], _starts_sentence(text, word.start())
        index = end


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a sentence starts at ``start``, read backwards from there: a regular expression
    searched over the whole text before each run made a long msgid of names quadratic
    (`terms extract` ran over a minute on one 180 kB entry)."""
    before = start
    while before and text[before - 1].isspace():
        before -= 1
    if before == 0:  # (`$` also matched before a newline that was all the text before)
        return start == 0 or text[:start] == "\n"
    mark = text[before - 1]
    return mark in _OPENING_MARKS or (mark in _SENTENCE_END_MARKS and before < start)


def extract_candidates(
    msgids: Iterable[str], *, min_count: int = 2, known: Glossary | None = None
) -> list[Candidate]:
    """Candidate terms, most frequent first (then alphabetical)."""
    names: Counter[str] = Counter()
    at_start: Counter[str] = Counter()
    acronyms: Counter[str] = Counter()
    for msgid in msgids:
        text = nfc(msgid)
        for word in _WORD.finditer(text):
            if _is_acronym(word.group()):
                acronyms[word.group()] += 1
        for run, starts in _runs(text):
            (at_start if starts else names)[run] += 1
    counts: dict[tuple[str, str], int] = {(run, "name"): count for run, count in names.items()}
    for run, count in at_start.items():
        # `Ông Trần Kiêm Hảo` starting a sentence counts for `Trần Kiêm Hảo` when that is
        # seen inside sentences; a run seen only at sentence starts is left out.
        rest = run.split(" ", 1)[1] if run.count(" ") >= 2 else ""
        for key in (run, rest):
            if key and key in names:
                counts[(key, "name")] += count
                break
    for acronym, count in acronyms.items():
        counts[(acronym, "acronym")] = count
    matcher = known.matcher() if known else None
    candidates = [
        Candidate(text, count, kind)
        for (text, kind), count in counts.items()
        if count >= min_count and not (matcher is not None and _known(matcher, text))
    ]
    return sorted(candidates, key=lambda c: (-c.count, c.text))


def _known(matcher: TermMatcher, text: str) -> bool:
    return any(m.start == 0 and m.end == len(text) for m in matcher.find(text))


def candidates_tsv(candidates: Sequence[Candidate]) -> str:
    lines = ["source\ttarget\tnote\tcount"]
    lines.extend(f"{c.text}\t\t{c.kind}\t{c.count}" for c in candidates)
    return "\n".join(lines) + "\n"
