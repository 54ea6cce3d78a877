"""Glossary and protected-span compliance of translated entries: `check` findings, `stats` counts.

Pure functions over msgid/msgstr pairs and a ``translate.guard.Guard`` (the same spans and
requirements the run masks):

- ``glossary_messages`` / ``protected_messages``: the ``glossary`` check (a source term whose
  required target is not in the msgstr) and the ``protected`` check (a URL, e-mail, path,
  code span, hashtag, @handle or do-not-translate term of the msgid not in the msgstr
  exactly), registered in translate.qa.checks.CHECKS; ``bind_checks`` gives them the
  glossary `translate check` loaded;
- ``Compliance`` / ``compliance``: how many term and protected-span uses the translations
  keep, for `translate stats`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from translate.guard import Guard, Requirement, unmet

if TYPE_CHECKING:
    from translate.qa.checks import Check, Pair

GLOSSARY_CHECK = "glossary"
PROTECTED_CHECK = "protected"
_ADDRESS_KINDS = ("url", "email")  # also the `url` and `email` checks' concern


@functools.lru_cache(maxsize=1)
def _builtin_guard() -> Guard:
    return Guard()


def glossary_messages(pair: Pair, guard: Guard | None = None) -> list[str]:
    """The ``glossary`` check: terms of the msgid whose required target the msgstr lacks."""
    guard = guard or _builtin_guard()
    if not guard.glossary:
        return []
    return [
        _message(r) for r in unmet(guard.requirements(pair.msgid), pair.msgstr) if r.kind == "term"
    ]


def protected_messages(
    pair: Pair, guard: Guard | None = None, reported_by: Iterable[str] = _ADDRESS_KINDS
) -> list[str]:
    """The ``protected`` check: protected spans and do-not-translate terms not kept exactly.

    A URL or e-mail that the ``url`` or ``email`` check (when among ``reported_by``, the
    checks that run) already reports missing is not repeated.
    """
    guard = guard or _builtin_guard()
    missing = unmet(guard.requirements(pair.msgid), pair.msgstr)
    if not missing:
        return []
    kinds = set(reported_by)
    reported = {p.text for p in pair.missing if p.kind in kinds} if kinds else set()
    return [
        _message(r)
        for r in missing
        if r.kind != "term" and not (r.kind in kinds and _stripped(r.wanted) in reported)
    ]


def _stripped(address: str) -> str:
    return address.rstrip(".,;:!?…")


def bind_checks(checks: Mapping[str, Check], guard: Guard) -> dict[str, Check]:
    """The checks with ``glossary`` and ``protected`` using ``guard`` (its glossary)."""
    running = tuple(kind for kind in _ADDRESS_KINDS if kind in checks)
    bound = {
        GLOSSARY_CHECK: functools.partial(glossary_messages, guard=guard),
        PROTECTED_CHECK: functools.partial(protected_messages, guard=guard, reported_by=running),
    }
    return {
        name: dataclasses.replace(check, run=bound[name]) if name in bound else check
        for name, check in checks.items()
    }


def _message(requirement: Requirement) -> str:
    term = requirement.term
    if requirement.kind == "term" and term is not None:
        accepted = " or ".join(f"'{t}'" for t in term.targets)
        where = f" (glossary {term.origin})" if term.origin else ""
        return f"'{requirement.label}' must be translated as {accepted}{where}"
    if requirement.kind == "dnt":
        where = f" (glossary {term.origin})" if term is not None and term.origin else ""
        return f"do-not-translate term '{requirement.label}' is not in the msgstr as is{where}"
    return f"{requirement.kind} '{requirement.label}' of the msgid is not in the msgstr as is"


@dataclass(frozen=True)
class Compliance:
    """Term and protected-span uses in translated entries, and how many are kept."""

    entries: int = 0  # translated entries with at least one requirement
    terms: int = 0
    terms_kept: int = 0
    protected: int = 0
    protected_kept: int = 0

    def __add__(self, other: Compliance) -> Compliance:
        return Compliance(
            self.entries + other.entries,
            self.terms + other.terms,
            self.terms_kept + other.terms_kept,
            self.protected + other.protected,
            self.protected_kept + other.protected_kept,
        )

    def line(self) -> str:
        def share(kept: int, total: int) -> str:
            return f"{kept} of {total} kept ({100.0 * kept / total:.1f}%)" if total else "none"

        return (
            f"glossary terms: {share(self.terms_kept, self.terms)}; protected spans: "
            f"{share(self.protected_kept, self.protected)} (in {self.entries} translated entries)"
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "entries": self.entries,
            "terms": self.terms,
            "terms_kept": self.terms_kept,
            "protected": self.protected,
            "protected_kept": self.protected_kept,
        }


def compliance(pairs: Iterable[tuple[str, str]], guard: Guard) -> Compliance:
    """Counts over translated (msgid, msgstr) pairs; copies of the msgid are left out."""
    total = Compliance()
    for msgid, msgstr in pairs:
        if not msgstr.strip() or msgstr.strip() == msgid.strip():
            continue
        requirements = guard.requirements(msgid)
        if not requirements:
            continue
        missing = set(unmet(requirements, msgstr))
        terms = [r for r in requirements if r.kind == "term"]
        others = [r for r in requirements if r.kind != "term"]
        total += Compliance(
            1,
            len(terms),
            sum(1 for r in terms if r not in missing),
            len(others),
            sum(1 for r in others if r not in missing),
        )
    return total
