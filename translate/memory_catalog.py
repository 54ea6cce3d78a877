"""The translation memory meets the catalogues: what goes in, and what a run takes out.

In: the human work of catalogues (``translate.provenance.is_human_work``: reviewed, not a copy of
the msgid, not untouched machine output), one unit per entry, its origin the catalogue's
path and the line of its msgid.

Out: for each entry of an update that has no translation yet (the catalogue's own reviewed
and settled entries always win), an exact memory match fills the msgstr, fuzzy unless the
team accepts exact matches as reviewed; otherwise a close match (unless the catalogue has
its own close match) becomes a fuzzy entry with the memory's source as ``#| msgid`` (the
machine translation is added as ``# mt-suggestion:`` by the catalogue update). Both carry a
``# tm: score=… origin=…`` translator comment, which GNU tools keep through msgmerge.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from translate.catalog import TemplateEntry, UpdatePlan
from translate.errors import UserError
from translate.pofile import Message
from translate.provenance import is_settled

if TYPE_CHECKING:  # numpy and rapidfuzz load only when a memory is used
    from translate.memory import Match, Memory, Unit

DEFAULT_NAME = "memory.sqlite"
DEFAULT_THRESHOLD = 75.0
TM_PREFIX = "tm:"
EXACT_MODES = ("fuzzy", "reviewed")
_MACHINE_TRANSLATORS = ("machine translation", "none (template)")


@dataclass(frozen=True)
class MemoryOptions:
    """How `translate run` uses a memory (--tm, --no-tm, --tm-threshold, --tm-exact)."""

    path: Path | None = None  # None: <output-dir>/memory.sqlite when it exists
    enabled: bool = True
    threshold: float = DEFAULT_THRESHOLD  # 0-100, rapidfuzz ratio
    exact_reviewed: bool = False  # exact matches written as reviewed rather than fuzzy


def default_path(output_dir: Path) -> Path:
    """Where `translate run` looks for a memory when --tm is not given."""
    return output_dir / DEFAULT_NAME


def now_epoch() -> int:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (as the catalogues' dates)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        try:
            return int(value)
        except ValueError:
            raise UserError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value!r}"
            ) from None
    return int(time.time())


def tm_comment(match: Match) -> str:
    return f"{TM_PREFIX} score={match.score:.0f} origin={match.origin}"


def units_from_catalogue(path: Path) -> list[Unit]:
    """The human work of the catalogue at ``path`` as memory units."""
    from translate.memory import Unit
    from translate.pofile import read
    from translate.provenance import is_human_work

    catalogue = read(path)
    entries = [m for m in catalogue.messages if is_human_work(m)]
    if not entries:
        return []
    translator = catalogue.field("Last-Translator") or ""
    reviewer = None if translator.startswith(_MACHINE_TRANSLATORS) else translator or None
    project = catalogue.field("Project-Id-Version") or None
    return [
        Unit(
            source=message.msgid,
            target=message.msgstr,
            origin=f"{path}:{message.line}",
            project=project,
            reviewer=reviewer,
        )
        for message in entries
    ]


@dataclass(frozen=True)
class MemoryHits:
    exact: int = 0
    fuzzy: int = 0


def plan_with_memory(
    plan: UpdatePlan,
    entries: Sequence[TemplateEntry],
    memory: RunMemory,
    options: MemoryOptions,
    *,
    source_lang: str,
) -> tuple[UpdatePlan, MemoryHits]:
    """``plan`` with the memory's offers, and exact matches no longer sent to the model."""
    previous: Mapping[str, Message] = plan.previous or {}
    wanted = [
        entry.msgid
        for entry in entries
        if entry.lang == source_lang and not is_settled(previous.get(entry.msgid))
    ]
    if not wanted:
        return plan, MemoryHits()
    store = memory.memory()
    offers: dict[str, Message] = {}
    for msgid, hit in store.exact_many(wanted).items():
        fuzzy_flag = not options.exact_reviewed
        offers[msgid] = Message(msgid, hit.target, comments=(tm_comment(hit),), fuzzy=fuzzy_flag)
    exact = len(offers)
    # The catalogue's own close match (the same document) wins over the memory's.
    rest = [m for m in wanted if m not in offers and m not in plan.matches]
    for msgid, close in zip(rest, store.fuzzy_many(rest, options.threshold), strict=True):
        if close:
            hit = close[0]
            offers[msgid] = Message(hit.source, hit.target, comments=(tm_comment(hit),))
    fuzzy = len(offers) - exact
    if not offers:
        return plan, MemoryHits()
    filled = {msgid for msgid, offer in offers.items() if offer.msgid == msgid}
    return (
        replace(
            plan,
            needs_mt=tuple(m for m in plan.needs_mt if m not in filled),
            matches={k: v for k, v in plan.matches.items() if k not in filled},
            memory=offers,
        ),
        MemoryHits(exact, fuzzy),
    )


class RunMemory:
    """The memory of one run, opened on its first lookup: a re-run with nothing to look up
    does not even load it."""

    def __init__(self, path: Path, source_lang: str, target_lang: str) -> None:
        self.path = path
        self._languages = (source_lang, target_lang)
        self._memory: Memory | None = None

    def memory(self) -> Memory:
        if self._memory is None:
            from translate.memory import Memory

            source_lang, target_lang = self._languages
            self._memory = Memory.open(self.path, source_lang=source_lang, target_lang=target_lang)
        return self._memory

    def __enter__(self) -> RunMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._memory is not None:
            self._memory.close()


def open_for_run(
    options: MemoryOptions, output_dir: Path, *, source_lang: str, target_lang: str
) -> RunMemory | None:
    """The memory a run uses: ``--tm PATH`` (which must exist), else the default file beside
    the catalogues when there is one, else none."""
    if not options.enabled:
        return None
    from translate.fileguard import check_regular

    path = options.path if options.path is not None else default_path(output_dir)
    if not check_regular(path, what="translation memory"):  # a FIFO there: named as one
        if options.path is None:
            return None
        raise UserError(
            f"{path}: no translation memory here; create it with "
            f"`translate tm update --tm {path} CATALOG…` or `translate tm import`, or leave "
            "--tm out"
        )
    return RunMemory(path, source_lang, target_lang)
