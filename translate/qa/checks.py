"""The content checks of `translate check`, by name: one function each, one registry.

A check takes an :class:`Pair` (a translated msgid/msgstr pair) and returns its messages;
adding a check is one function and one entry in :data:`CHECKS`, which `translate check
--help`, `--skip` and `--only` read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from translate.qa.placeables import Placeable, missing_placeables
from translate.qa.textrules import (
    MAX_RATIO,
    MIN_RATIO,
    MIN_REPEATS,
    is_vietnamese_sentence,
    length_ratio_outlier,
    new_bracket_problems,
    new_repetition,
    non_english_language,
)

Detect = Callable[[str], str]


@dataclass(frozen=True)
class Pair:
    """One translated entry as the checks see it."""

    msgid: str
    msgstr: str
    detect: Detect | None = None

    @property
    def is_copy(self) -> bool:
        """A msgstr identical to its msgid is judged by `untranslated` alone."""
        return self.msgstr.strip() == self.msgid.strip()

    @functools.cached_property
    def missing(self) -> tuple[Placeable, ...]:
        # Shared by the six placeable checks: the msgid is read once.
        return tuple(missing_placeables(self.msgid, self.msgstr))


@dataclass(frozen=True)
class Check:
    name: str
    summary: str  # one line for `translate check --help`
    run: Callable[[Pair], list[str]]
    on_copies: bool = False  # also run when the msgstr is a copy of the msgid


def untranslated(pair: Pair) -> list[str]:
    if pair.is_copy and is_vietnamese_sentence(pair.msgid, pair.detect):
        return ["msgstr is a copy of the Vietnamese msgid"]
    return []


def _placeable_check(kind: str) -> Callable[[Pair], list[str]]:
    def check(pair: Pair) -> list[str]:
        texts = [placeable.text for placeable in pair.missing if placeable.kind == kind]
        if not texts:
            return []
        listed = ", ".join(f"'{text}'" for text in texts)
        return [f"{listed} of the msgid missing from the msgstr"]

    check.__name__ = kind
    return check


def language(pair: Pair) -> list[str]:
    found = non_english_language(pair.msgstr, pair.detect)
    return [f"msgstr is not English (looks like '{found}')"] if found is not None else []


def brackets(pair: Pair) -> list[str]:
    return [
        f"msgstr: {problem} (balanced in the msgid)"
        for problem in new_bracket_problems(pair.msgid, pair.msgstr)
    ]


def markup(pair: Pair) -> list[str]:
    from translate.formats.placeholders import markup_problem

    problem = markup_problem(pair.msgid, pair.msgstr)
    return [problem] if problem is not None else []


def repetition(pair: Pair) -> list[str]:
    repeated = new_repetition(pair.msgid, pair.msgstr)
    if repeated is None:
        return []
    return [f"msgstr repeats '{repeated}' {MIN_REPEATS}+ times in a row"]


def length(pair: Pair) -> list[str]:
    ratio = length_ratio_outlier(pair.msgid, pair.msgstr)
    if ratio is None:
        return []
    return [
        f"msgstr is {ratio:.2f}× the msgid's length (expected {MIN_RATIO}–{MAX_RATIO}×):"
        " text may be missing or repeated"
    ]


def glossary(pair: Pair) -> list[str]:
    from translate.compliance import glossary_messages  # bound to a glossary by the CLI

    return glossary_messages(pair)


def protected(pair: Pair) -> list[str]:
    from translate.compliance import protected_messages

    return protected_messages(pair)


PLACEABLE_KINDS = {
    "number": "a number",
    "date": "a date",
    "time": "a time of day",
    "percent": "a percentage",
    "url": "a URL or domain",
    "email": "an e-mail address",
}

_REGISTRY: tuple[Check, ...] = (
    Check("untranslated", "msgstr left identical to a Vietnamese msgid", untranslated, True),
    *(
        Check(kind, f"{what} of the msgid missing from the msgstr", _placeable_check(kind))
        for kind, what in PLACEABLE_KINDS.items()
    ),
    Check("language", "msgstr is not English", language),
    Check("brackets", "unbalanced brackets or quotes in the msgstr but not the msgid", brackets),
    Check(
        "markup",
        "an HTML/Markdown placeholder (<1>…</1>, <2/>) missing, extra or badly nested",
        markup,
    ),
    Check("repetition", "a word or phrase repeated 3+ times in a row (looping MT)", repetition),
    Check(
        "length",
        f"msgstr/msgid length ratio outside {MIN_RATIO}–{MAX_RATIO} (msgids of 30+ characters)",
        length,
    ),
    Check("glossary", "a glossary term whose required translation is missing", glossary),
    Check(
        "protected", "a URL, e-mail, path, `code`, #tag, @handle or fixed term altered", protected
    ),
)

CHECKS: Mapping[str, Check] = {check.name: check for check in _REGISTRY}


def entry_findings(
    msgid: str,
    msgstr: str,
    detect: Detect | None = None,
    checks: Mapping[str, Check] = CHECKS,
) -> list[tuple[str, str]]:
    """(check, message) pairs for one translated msgid/msgstr pair."""
    pair = Pair(msgid, msgstr, detect)
    copy = pair.is_copy
    findings: list[tuple[str, str]] = []
    for name, check in checks.items():
        if copy and not check.on_copies:
            continue
        findings.extend((name, message) for message in check.run(pair))
    # Placeable findings in the order the msgid holds them, as a reader scans the sentence.
    order = {kind: index for index, kind in enumerate(_first_kinds(pair))}
    findings.sort(key=lambda item: order.get(item[0], len(order)))
    return findings


def _first_kinds(pair: Pair) -> list[str]:
    if pair.is_copy:
        return []
    return list(dict.fromkeys(placeable.kind for placeable in pair.missing))


def select_checks(only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> dict[str, Check]:
    """The registry narrowed by `--only` and `--skip` (names checked by the caller)."""
    return {
        name: check
        for name, check in CHECKS.items()
        if (not only or name in only) and name not in skip
    }
