"""Catalogues from segmented documents, and updating them without losing anyone's work.

Pure functions over ``translate.pofile`` data (no files, no model):

- ``template_entries`` / ``template_file`` / ``render_template``: the template (POT) of a set
  of documents, from ``translate.catalog_template`` (exported here too).
- ``plan_update``: which messages need the model. Compute it for every document first, so
  the run makes one batched engine call.
- ``apply_update``: the new catalogue, with the ``msgmerge`` contract plus machine
  translation (see ``apply_update``'s docstring for the rules).

Header fields, and dates that change only when the content does (``finish_catalogue``,
``finish_template``), are ``translate.catalog_header``'s.

What the toolkit writes about an entry (`# mt:` and the other provenance comments) is defined
in ``translate.provenance``; the close matches an edited sentence inherits its translation
from (msgmerge's fuzzy search) come from ``translate.closematch``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from translate.catalog_template import (
    TemplateEntry,
    catalogue_stem,
    current_date,
    default_project,
    format_date,
    render_template,
    segment_notes,
    template_entries,
    template_file,
    template_header,
)
from translate.closematch import fuzzy_matches
from translate.document import NO_LANGUAGE
from translate.pofile import Message, PoFile
from translate.provenance import (
    copy_comment,
    has_current_machine_note,
    human_comments,
    is_copy_line,
    is_settled,
    is_suggestion_line,
    machine_comments,
    one_line,
    repair,
    suggestion_comment,
    without_stale,
)
from translate.translation import MachineSource, Translation

__all__ = [
    "TemplateEntry",
    "UpdatePlan",
    "accept_human_translation",
    "apply_update",
    "catalogue_stem",
    "copies_source",
    "current_date",
    "default_project",
    "format_date",
    "nfc_msgids",
    "plan_update",
    "render_template",
    "segment_notes",
    "template_entries",
    "template_file",
    "template_header",
]


# ---------------------------------------------------------------------------------------
# Update: plan, then apply


@dataclass(frozen=True)
class UpdatePlan:
    """What an update needs before it can be applied.

    ``needs_mt``: messages to send to the model, in template order (new source-language
    messages, and fuzzy-matched ones whose fresh MT becomes a suggestion comment).
    ``matches``: new msgid → the old entry whose translation it inherits as fuzzy.
    """

    needs_mt: tuple[str, ...]
    matches: Mapping[str, Message] = field(default_factory=dict)
    reused: int = 0  # entries whose old translation is kept as it is
    copied: int = 0  # entries whose msgstr is a copy of the msgid (not the source language)
    # entries whose msgstr was the source-language msgid itself (msginit, msgen): retranslated
    source_copies: int = 0
    # msgid → old entry (see _index_old), when planned against an old catalogue
    previous: Mapping[str, Message] | None = None
    # msgid → what the translation memory offers for an entry that has no translation: an
    # exact match (same msgid, used as the entry) or a close one (the memory's source as
    # msgid, inherited like ``matches``). Filled by translate.memory_catalog.
    memory: Mapping[str, Message] = field(default_factory=dict)


def nfc_msgids(old: PoFile) -> PoFile:
    """The catalogue with its msgids in NFC, the form every template msgid has (sources are
    read as NFC, ``translate.sourcetext``).

    A tool that saved the msgids decomposed (NFD: a macOS file pipeline, ``uconv -x nfd``)
    would otherwise leave every reviewed entry unmatched: obsolete, and its translation back
    as fuzzy. An entry whose NFC form another entry already has keeps its bytes."""
    if all(m.msgid.isascii() or unicodedata.is_normalized("NFC", m.msgid) for m in old.messages):
        return old
    taken = {m.key for m in old.messages}
    messages: list[Message] = []
    for message in old.messages:
        msgid = unicodedata.normalize("NFC", message.msgid)
        if msgid != message.msgid and (message.msgctxt, msgid) not in taken:
            taken.add((message.msgctxt, msgid))
            message = replace(message, msgid=msgid)
        messages.append(message)
    return replace(old, messages=tuple(messages))


def _index_old(old: PoFile | None) -> dict[str, Message]:
    """msgid → old entry; a live entry wins over an obsolete one with the same msgid."""
    index: dict[str, Message] = {}
    if old is None:
        return index
    for message in sorted(old.messages, key=lambda m: m.obsolete):
        if message.msgctxt is None and message.msgid_plural is None:
            index.setdefault(message.msgid, repair(message))
    return index


def copies_source(message: Message, lang: str, source_lang: str) -> bool:
    """A msgstr that is the source-language msgid itself (``msginit -l en`` and ``msgen`` fill
    catalogues so): untranslated, not reviewed. A model answer that happens to equal its input
    (a name), or a copy this tool made (`# copy:`), is kept."""
    return (
        lang == source_lang
        and message.msgstr == message.msgid
        and message.msgid_plural is None
        and not has_current_machine_note(message)
        and not any(is_copy_line(c) for c in message.comments)
    )


def plan_update(
    entries: Sequence[TemplateEntry],
    old: PoFile | None,
    *,
    source_lang: str,
    use_mt: bool = True,
) -> UpdatePlan:
    """Decide, without a model, what each template entry needs (see ``apply_update``)."""
    previous = _index_old(old)
    new_msgids = {e.msgid for e in entries}
    needs: list[str] = []
    unmatched: list[str] = []
    reused = copied = source_copies = 0
    for entry in entries:
        existing = previous.get(entry.msgid)
        if is_settled(existing):
            assert existing is not None
            if not copies_source(existing, entry.lang, source_lang):
                reused += 1
                continue
            source_copies += 1
        if entry.lang != source_lang:
            copied += 1
        else:
            unmatched.append(entry.msgid)
    candidates = [
        m for m in previous.values() if m.msgid not in new_msgids and m.msgstr not in ("", m.msgid)
    ]
    matches = fuzzy_matches([m for m in unmatched if m not in previous], candidates)
    if use_mt:
        needs = unmatched
    return UpdatePlan(
        needs_mt=tuple(needs),
        matches=matches,
        reused=reused,
        copied=copied,
        source_copies=source_copies,
        previous=previous,
    )


def apply_update(
    entries: Sequence[TemplateEntry],
    old: PoFile | None,
    plan: UpdatePlan,
    translations: Mapping[str, Translation],
    *,
    source_lang: str,
    target_lang: str,
    machine: MachineSource | None,
    purge_obsolete: bool = False,
) -> tuple[Message, ...]:
    """The catalogue's entries after an update (the header is ``translate.catalog_header``'s job).

    - An entry with a translation keeps it with its flags and translator comments (reviewed
      work is never changed); only a stale `# mt:` line is dropped. ``#.`` comments and
      references come from the template, as ``msgmerge`` does.
    - A new message in the source language gets the machine translation (fuzzy, `# mt:`),
      or, when it closely matches a removed one, that old translation as fuzzy with the old
      msgid as ``#|`` and the fresh machine translation as `# mt-suggestion:`.
    - A message in another language (or none) is copied to msgstr, marked `# copy:`, fuzzy
      unless it is already in the target language or has no language.
    - Entries whose message left the source become obsolete (``#~``), unless purged.
    """
    # The plan's index when it was made against this catalogue; built again otherwise.
    previous = plan.previous if plan.previous is not None and old is not None else _index_old(old)
    consumed = {m.msgid for m in plan.matches.values()}
    in_template = {e.msgid for e in entries}
    variants = _context_variants(old, in_template)
    messages: list[Message] = []
    for entry in entries:
        existing, match = previous.get(entry.msgid), plan.matches.get(entry.msgid)
        offer = plan.memory.get(entry.msgid)
        if offer is not None and not is_settled(existing):
            if offer.msgid != entry.msgid:
                match = match or offer
            else:
                kept = _human_comments(existing.comments) if existing is not None else ()
                existing = replace(offer, comments=(*kept, *offer.comments))
        messages.append(
            _updated_entry(
                entry,
                existing,
                match,
                translations.get(entry.msgid),
                source_lang=source_lang,
                target_lang=target_lang,
                machine=machine,
            )
        )
        for variant in variants.get(entry.msgid, ()):
            messages.append(_kept(variant, entry.notes, entry.references, obsolete=False))
    if not purge_obsolete and old is not None:
        for message in old.messages:
            if message.msgctxt is not None and message.msgid in in_template:
                continue  # kept live above
            plain = message.msgctxt is None and message.msgid_plural is None
            if plain and (message.msgid in in_template or message.msgid in consumed):
                continue
            if message.msgstr == "" and not any(message.msgstr_plural):
                continue  # nothing worth keeping (GNU drops these too)
            messages.append(_kept(message, (), (), obsolete=True))
    return tuple(messages)


def _context_variants(old: PoFile | None, in_template: set[str]) -> dict[str, list[Message]]:
    """Old entries with a msgctxt whose msgid the template still has, by msgid.

    The template knows no contexts, so these are a person's additions: they stay live, next
    to the template's entry (the pair never collides: the keys differ by the context). A
    plural entry without context would collide with the template's entry: it goes obsolete.
    """
    variants: dict[str, list[Message]] = {}
    if old is None:
        return variants
    for message in old.messages:
        if message.msgctxt is not None and message.msgid in in_template:
            variants.setdefault(message.msgid, []).append(message)
    return variants


def _kept(
    message: Message, notes: tuple[str, ...], references: tuple[str, ...], *, obsolete: bool
) -> Message:
    """An old entry carried over with its translation, minus stale provenance."""
    message = repair(message)
    return _without_previous(
        replace(
            message,
            obsolete=obsolete,
            references=references,
            extracted=notes,
            comments=without_stale(message),
        )
    )


def _without_previous(message: Message) -> Message:
    """msgmerge drops the previous msgid (``#|``) once an entry is not fuzzy."""
    if message.fuzzy or (message.previous_msgid is None and message.previous_msgctxt is None):
        return message
    return replace(message, previous_msgid=None, previous_msgctxt=None, previous_msgid_plural=None)


def _updated_entry(
    entry: TemplateEntry,
    existing: Message | None,
    match: Message | None,
    translation: Translation | None,
    *,
    source_lang: str,
    target_lang: str,
    machine: MachineSource | None,
) -> Message:
    # Extracted comments and references always come from the template, as msgmerge does.
    if (
        existing is not None
        and is_settled(existing)
        and not copies_source(existing, entry.lang, source_lang)
    ):
        return _settled(entry, existing)
    kept = _human_comments(existing.comments) if existing is not None else ()
    if entry.lang != source_lang:
        return Message(
            msgid=entry.msgid,
            msgstr=entry.msgid,
            comments=(*kept, copy_comment(entry.lang)),
            fuzzy=entry.lang not in (target_lang, NO_LANGUAGE),
            extracted=entry.notes,
            references=entry.references,
        )
    if match is not None:
        return _inherited(entry, match, kept, translation)
    if translation is not None and machine is not None:
        # An empty answer is recorded too (not fuzzy: nothing to review), so that re-runs do
        # not ask the model again; delete the `# mt:` line to have it retried.
        text = one_line(translation.text)
        return Message(
            entry.msgid,
            text,
            comments=(*kept, *machine_comments(translation, text, machine)),
            fuzzy=text != "",
            extracted=entry.notes,
            references=entry.references,
        )
    return Message(
        entry.msgid, "", comments=kept, extracted=entry.notes, references=entry.references
    )


def _settled(entry: TemplateEntry, existing: Message) -> Message:
    """A reviewed entry, unchanged but for the template's comments and references and a stale
    `# mt:` line or previous msgid."""
    comments = without_stale(existing)
    cleared = _without_previous(existing)
    if cleared is existing and (
        comments,
        existing.extracted,
        existing.references,
        existing.obsolete,
    ) == (existing.comments, entry.notes, entry.references, False):
        return existing  # the common case on re-runs: nothing to copy
    return replace(
        cleared,
        comments=comments,
        obsolete=False,
        extracted=entry.notes,
        references=entry.references,
    )


def _inherited(
    entry: TemplateEntry,
    match: Message,
    kept: tuple[str, ...],
    translation: Translation | None,
) -> Message:
    """A new message given a close old one's translation, fuzzy, with the old msgid as
    ``#|`` and the fresh machine translation as `# mt-suggestion:`."""
    # The inherited msgstr keeps its own provenance (a still-valid `# mt:` line says it
    # is machine output, of the old message).
    inherited = without_stale(replace(match, fuzzy=True))
    suggested = [
        *kept,
        *(c for c in inherited if not (is_suggestion_line(c) or is_copy_line(c))),
    ]
    if translation is not None and translation.text.strip():
        suggested.append(suggestion_comment(translation))
    return Message(
        msgid=entry.msgid,
        msgstr=match.msgstr,
        comments=tuple(suggested),
        fuzzy=True,
        previous_msgid=match.msgid,
        extracted=entry.notes,
        references=entry.references,
    )


def _human_comments(comments: Iterable[str]) -> tuple[str, ...]:
    """Translator comments minus the tool's own provenance lines."""
    return human_comments(comments)


def accept_human_translation(message: Message, msgstr: str) -> Message:
    """The entry with a person's translation: reviewed (not fuzzy), no previous msgid, and
    none of the tool's provenance lines (they describe a msgstr that is no longer there)."""
    return replace(
        message,
        msgstr=msgstr,
        fuzzy=False,
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
        comments=_human_comments(message.comments),
    )
