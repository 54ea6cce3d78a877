"""Terminology and protected spans through the model: mask → translate → restore, with a fallback.

    guard = Guard(glossary)                    # glossary may be empty: built-in spans only
    engine = GuardedEngine(engine, guard)      # same translate() as translate.engine.Engine

For each sentence, the protected spans (``translate.protect.builtin_spans``), the glossary
matches and any spans another stage passes in are replaced by placeholders ``⟦1⟧``, ``⟦2⟧``…;
the masked sentences go to the model in the one batched call; each result is restored (a
glossary term becomes its preferred target, a protected span or do-not-translate term its
own text). When the model broke a placeholder (dropped, duplicated, mangled it, or reordered
markup), the sentence is translated again without placeholders, with at least
``RETRY_ALTERNATIVES`` n-best hypotheses, in one more call for all such sentences; the
hypothesis that satisfies the most requirements wins (the decoder's order breaks ties) and
what it still misses is written to ``Translation.notes`` (the catalogue writes them as
``# mt-check:`` comments).

``score`` stays the model's per-token log-probability of the hypothesis the text came from
(for a restored text, of the masked hypothesis); ``alternatives`` are the other hypotheses of
the same decoding, restored (masked ones that cannot be restored are left out); the catalogue's
digest is of the msgstr as written, so it keeps telling untouched machine output from human work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from translate.frozen import collector_paused
from translate.glossary import Glossary, Term, nfc
from translate.protect import (
    BUILTIN_KINDS,
    CLOSE,
    OPEN,
    PLACEHOLDERS,
    Masked,
    Problem,
    Span,
    builtin_spans,
    can_mask,
    kept_as_span,
    kept_verbatim,
    mask,
    resolve,
    restore,
)
from translate.termmatch import Scan, TermMatcher, nfc_all, target_present
from translate.termspans import Located
from translate.translation import Alternative, MachineSource, Translation

if TYPE_CHECKING:
    from translate.models import InstalledPackage

RETRY_ALTERNATIVES = 3
# One of them is in every built-in span (``www.`` in any case, as builtin_spans looks for it).
_TRIGGERS = (
    "/",
    "@",
    "#",
    "`",
    "\\",
    *(a + b + c + "." for a in "wW" for b in "wW" for c in "wW"),
)


class Translator(Protocol):
    """What GuardedEngine needs of an engine (translate.engine.Engine, or a test double)."""

    calls: int

    @property
    def provenance(self) -> str: ...

    def translate(
        self,
        sentences: Sequence[str],
        progress: Callable[[int], None] | None = None,
        on_batch: Callable[[list[Translation]], None] | None = None,
        alternatives: int | None = None,
    ) -> list[Translation]: ...


@dataclass(frozen=True)
class Requirement:
    """Something of the source the translation must contain."""

    kind: str  # a protect kind (url, email, …), "term", "dnt" or "markup"
    label: str  # the source text
    wanted: str  # the text (or preferred target) expected in the translation
    term: Term | None = None

    def met(self, output: str) -> bool:
        if self.term is not None:
            return target_present(self.term, output)
        if self.kind in BUILTIN_KINDS:  # the same whole span, not a longer URL or path
            return kept_as_span(self.wanted, output)
        return kept_verbatim(self.wanted, output)

    def describe(self) -> str:
        if self.kind == "term":
            return f"term '{self.label}' not translated as '{self.wanted}'"
        if self.kind == "dnt":
            return f"do-not-translate term '{self.label}' altered or missing"
        return f"{self.kind} '{self.label}' altered or missing"


class Guard:
    """Spans and requirements of sentences, for one glossary (compiled once)."""

    def __init__(
        self,
        glossary: Glossary | None = None,
        *,
        protect: bool = True,
        extra_spans: Callable[[str], Sequence[Span]] | None = None,
        extra_triggers: Sequence[str] | None = None,
    ) -> None:
        """``extra_spans(text)``: spans another stage already made for a sentence (markup
        placeholders such as ``<1>``…``</1>``, ``ordered=True``); they win over the rest.
        ``extra_triggers``: strings one of which is in every text ``extra_spans`` finds
        spans in (``<`` for markup placeholders); ``masked_many`` then asks only the texts
        holding one (found by the glossary's search), else it asks every text."""
        self.glossary = glossary or Glossary()
        self.protect = protect
        self.extra_spans = extra_spans
        self.extra_triggers = tuple(extra_triggers) if extra_triggers is not None else None
        # One search finds the terms and the texts that may hold a built-in or extra span
        # (or a placeholder bracket: can_mask).
        flags = (*(_TRIGGERS if protect else ()), *(self.extra_triggers or ()), OPEN, CLOSE)
        # Compiled with the collector paused: a run's document is in memory by then, and a
        # collection started by the compile's objects would walk it (kept: they last the run).
        with collector_paused(keep=True):
            self._matcher: TermMatcher | None = (
                TermMatcher(self.glossary.terms, flags=flags)
                if self.glossary or protect or self.extra_triggers
                else None
            )
            self._terms: dict[str, Term] = {t.source: t for t in self.glossary.terms}
            # What a match of each pattern becomes: Span(start, end, *parts).
            self._span_parts: list[tuple[str, str, bool, str]] = [
                ("dnt", t.source, False, t.source)
                if t.dnt
                else ("term", t.targets[0], False, t.source)
                for t in (self._matcher.pattern_terms if self._matcher is not None else ())
            ]

    def spans(self, text: str, extra: Sequence[Span] = ()) -> list[Span]:
        """Spans of the NFC ``text``: ``extra`` (and ``extra_spans``') first, then built-in
        spans, then terms."""
        if self.extra_spans is not None:
            extra = [*extra, *self.extra_spans(text)]
        builtin = builtin_spans(text) if self.protect else []
        terms = self._matcher.spans(text) if self._matcher is not None else []
        if not extra and not (builtin and terms):
            return builtin or terms
        return resolve(extra, builtin, terms)

    def requirement(self, span: Span) -> Requirement:
        term = self._terms.get(span.label) if span.kind in ("term", "dnt") else None
        label = span.label or span.restore
        return Requirement(span.kind, label, span.restore, term)

    def requirements(self, text: str) -> list[Requirement]:
        return unique([self.requirement(span) for span in self.spans(nfc(text))])

    def masked_many(self, texts: Sequence[str]) -> list[Masked | None]:
        """``masked`` for every text, the glossary and the built-in spans' triggers searched in
        one pass over all of them; texts with nothing found are not looked at again."""
        # A Masked and its Spans per sentence with terms, kept for the whole translation and
        # none in a cycle: put in the collector's oldest generation (translate.frozen), not
        # walked by the first young collection after this (a quarter of the run's masking).
        # The search's own objects are freed before, by their reference counts.
        with collector_paused(keep=True):
            if self._matcher is None:
                return self._plans(nfc_all(texts), Scan({}, frozenset()))
            return self._plans(*self._matcher.normalize_and_locate(texts))

    def _plans(self, normal: Sequence[str], scan: Scan) -> list[Masked | None]:
        plans: list[Masked | None] = [None] * len(normal)
        if self.extra_spans is None or self.extra_triggers is not None:
            # The usual case: most texts have terms only, the flagged ones are looked at.
            flagged = scan.flagged  # a trigger, or ⟦ ⟧ (can_mask)
            self._mask_terms(normal, scan.matches, flagged, plans)
            others: Iterable[int] = flagged
        else:
            others = range(len(normal))
        for index in others:
            plans[index] = self._masked(
                normal[index], scan.matches.get(index, ()), index in scan.flagged
            )
        return plans

    def _masked(self, text: str, located: Sequence[Located], flagged: bool) -> Masked | None:
        """One text's masked form from its glossary matches, built-in and extra spans."""
        builtin = builtin_spans(text) if flagged and self.protect else []
        asked = self.extra_spans is not None and (flagged or self.extra_triggers is None)
        extra = self.extra_spans(text) if asked and self.extra_spans is not None else ()
        if not (located or builtin or extra) or not can_mask(text):
            return None
        parts = self._span_parts
        # Already non-overlapping, in text order.
        terms = [Span(start, end, *parts[pattern]) for start, end, pattern in located]
        return mask(text, resolve(extra, builtin, terms) if builtin or extra else terms)

    def _mask_terms(
        self,
        normal: Sequence[str],
        matches: Mapping[int, Sequence[Located]],
        flagged: frozenset[int],
        plans: list[Masked | None],
    ) -> None:
        """``mask`` for each text whose only spans are its (non-overlapping, ordered) glossary
        matches, without its checks, in one loop. One Span per distinct match, shared by the
        Masked of every text holding it (frozen: nothing can tell them apart), and one tuple
        per distinct lone match: a run's news repeats a name at the same offset in many
        sentences (100,000 sentences: 59,000 matches, 13,000 distinct)."""
        parts = self._span_parts
        new = tuple.__new__  # a Masked built in C (a named tuple: no __init__ to run)
        most = len(PLACEHOLDERS)
        one = f"{OPEN}1{CLOSE}"
        alone: dict[Located, tuple[Span]] = {}  # a lone match -> its Masked's spans
        made: dict[Located, Span] = {}  # a match among others -> its Span
        for index, located in matches.items():
            if index in flagged:
                continue
            text = normal[index]
            if len(located) == 1:  # the usual sentence: one term
                match = located[0]
                spans = alone.get(match)
                start, end, pattern = match
                if spans is None:
                    spans = alone[match] = (Span(start, end, *parts[pattern]),)
                plans[index] = new(Masked, (text, f"{text[:start]}{one}{text[end:]}", spans))
                continue
            if len(located) >= most:
                plans[index] = mask(text, [Span(s, e, *parts[p]) for s, e, p in located])
                continue
            pieces: list[str] = []
            shared: list[Span] = []
            position = 0
            for number, match in enumerate(located, 1):
                start, end, pattern = match
                span = made.get(match)
                if span is None:
                    span = made[match] = Span(start, end, *parts[pattern])
                shared.append(span)
                pieces.append(text[position:start])
                pieces.append(PLACEHOLDERS[number])
                position = end
            pieces.append(text[position:])
            plans[index] = new(Masked, (text, "".join(pieces), tuple(shared)))

    def masked(self, text: str, extra: Sequence[Span] = ()) -> Masked | None:
        """The masked form of ``text`` (NFC), or None when it has nothing to protect."""
        text = nfc(text)
        spans = self.spans(text, extra)
        if not spans or not can_mask(text):
            return None
        return mask(text, spans)


def unique(requirements: Sequence[Requirement]) -> list[Requirement]:
    return list(dict.fromkeys(requirements))


def unmet(requirements: Sequence[Requirement], output: str) -> list[Requirement]:
    return [r for r in requirements if not r.met(output)]


@dataclass(frozen=True)
class _Failed:
    plan: Masked
    masked: Translation
    problems: tuple[Problem, ...]


class GuardedEngine:
    """An engine whose sentences go through ``Guard`` masking (see the module doc)."""

    def __init__(self, engine: Translator, guard: Guard, alternatives: int = 0) -> None:
        self.engine = engine
        self.guard = guard
        self.alternatives = alternatives  # n-best wanted after the best, as the engine's
        self.retried = 0  # sentences translated again without placeholders
        self.flagged = 0  # sentences whose translation still misses a requirement

    @property
    def calls(self) -> int:
        return self.engine.calls

    @property
    def provenance(self) -> str:
        return self.engine.provenance

    @property
    def source(self) -> MachineSource:
        source: MachineSource = getattr(self.engine, "source")  # noqa: B009
        return source

    @property
    def package(self) -> InstalledPackage:
        package: InstalledPackage = getattr(self.engine, "package")  # noqa: B009
        return package

    def load(self) -> None:
        getattr(self.engine, "load", lambda: None)()

    def abandon(self) -> None:
        getattr(self.engine, "abandon", lambda: None)()

    def translate(
        self,
        sentences: Sequence[str],
        progress: Callable[[int], None] | None = None,
        on_batch: Callable[[list[Translation]], None] | None = None,
        alternatives: int | None = None,
    ) -> list[Translation]:
        """As ``Engine.translate``; ``on_batch`` gets the restored translations of each batch
        (of the original sentences), and those of the retried sentences after the retry."""
        wanted = self.alternatives if alternatives is None else alternatives
        distinct = [s for s in dict.fromkeys(sentences) if s.strip()]
        plans = dict(zip(distinct, self.guard.masked_many(distinct), strict=True))
        inputs = [plan.text if (plan := plans.get(s)) is not None else s for s in sentences]
        senders: dict[str, list[str]] = {}  # what the model sees → the sentences behind it
        for sentence, text in zip(sentences, inputs, strict=True):
            senders.setdefault(text, [])
            if sentence not in senders[text]:
                senders[text].append(sentence)
        results: dict[str, Translation] = {}
        failed: dict[str, _Failed] = {}

        def settle(batch: list[Translation]) -> list[Translation]:
            done: list[Translation] = []
            for result in batch:
                for sentence in senders.get(result.source, [result.source]):
                    if sentence not in results and sentence not in failed:
                        self._settle(sentence, plans.get(sentence), result, results, failed)
                    if sentence in results:
                        done.append(results[sentence])
            return done

        def batch_done(batch: list[Translation]) -> None:
            settled = settle(batch)
            if on_batch is not None and settled:
                on_batch(settled)

        # Without `alternatives` the engine uses its own options (GuardedEngine.alternatives).
        keywords: dict[str, Any] = {} if alternatives is None else {"alternatives": alternatives}
        if on_batch is not None:
            keywords["on_batch"] = batch_done
        first = self.engine.translate(inputs, progress, **keywords)
        settle(first)
        if failed:
            chosen = self._retry(failed, wanted)
            results.update((t.source, t) for t in chosen)
            if on_batch is not None:
                on_batch(chosen)
        self.flagged += sum(1 for s in results if results[s].notes)
        return [results.get(s) or Translation(source=s, text="", score=0.0) for s in sentences]

    def _retry(self, failed: dict[str, _Failed], wanted: int) -> list[Translation]:
        """The sentences whose placeholders broke, translated again unmasked, with n-best."""
        self.retried += len(failed)
        retry = list(failed)
        again = self.engine.translate(retry, None, alternatives=max(wanted, RETRY_ALTERNATIVES))
        return [
            self._choose(s, failed[s], plain, wanted) for s, plain in zip(retry, again, strict=True)
        ]

    def _settle(
        self,
        sentence: str,
        plan: Masked | None,
        result: Translation,
        results: dict[str, Translation],
        failed: dict[str, _Failed],
    ) -> None:
        """The result of one sentence restored into ``results``, or into ``failed``."""
        if plan is None:
            results[sentence] = _with_notes(replace(result, source=sentence), self.guard, sentence)
            return
        restored = restore(plan, result.text)
        if restored.text is None:
            failed[sentence] = _Failed(plan, result, restored.problems)
            return
        results[sentence] = Translation(
            source=sentence,
            text=restored.text,
            score=result.score,
            alternatives=_restored_alternatives(plan, result.alternatives),
        )

    def _choose(
        self, sentence: str, failed: _Failed, plain: Translation, wanted: int
    ) -> Translation:
        """The hypothesis meeting the most requirements; what it misses becomes a note."""
        requirements = unique([self.guard.requirement(span) for span in failed.plan.spans])
        candidates = [
            Alternative(plain.text, plain.score),
            *plain.alternatives,
            *_restored_alternatives(failed.plan, failed.masked.alternatives),
        ]
        candidates = [c for c in candidates if c.text.strip()] or candidates[:1]
        missing = [unmet(requirements, c.text) for c in candidates]
        best = min(range(len(candidates)), key=lambda i: (len(missing[i]), i))
        others = sorted(
            (c for i, c in enumerate(candidates) if i != best and c.text != candidates[best].text),
            key=lambda c: -c.score,
        )
        notes: tuple[str, ...] = ()
        if missing[best]:
            broken = ", ".join(p.describe() for p in failed.problems if p.fatal)
            notes = (
                "; ".join(r.describe() for r in missing[best])
                + f" ({broken}; translated again without placeholders)",
            )
        return Translation(
            source=sentence,
            text=candidates[best].text,
            score=candidates[best].score,
            alternatives=tuple(dict.fromkeys(others))[:wanted],
            notes=notes,
        )


def _restored_alternatives(
    plan: Masked, alternatives: Sequence[Alternative]
) -> tuple[Alternative, ...]:
    restored: list[Alternative] = []
    for alternative in alternatives:
        text = restore(plan, alternative.text).text
        if text is not None:
            restored.append(Alternative(text, alternative.score))
    return tuple(restored)


def _with_notes(result: Translation, guard: Guard, sentence: str) -> Translation:
    """A sentence translated without masking (nothing to mask, or it could not be masked)."""
    if not guard.glossary and not guard.protect:
        return result
    if can_mask(nfc(sentence)) or not result.text:
        return result
    missing = unmet(guard.requirements(sentence), result.text)
    if not missing:
        return result
    note = "; ".join(r.describe() for r in missing) + " (the source holds ⟦ or ⟧: not masked)"
    return Translation(result.source, result.text, result.score, result.alternatives, (note,))
