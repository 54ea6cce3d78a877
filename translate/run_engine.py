"""The model side of a `translate run`: its options checked before any work, the engine
loaded behind the guard that masks and restores protected spans, sentences translated with
progress, and the run's warning about what the guard still flagged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from translate import journal
from translate.translation import MachineSource, Translation
from translate.wording import count

if TYPE_CHECKING:
    from translate.engine import Engine, EngineOptions
    from translate.glossary import Glossary
    from translate.models import InstalledPackage
    from translate.pipeline import Progress, RunOptions

EngineFactory = Callable[["InstalledPackage", "EngineOptions"], "Engine"]


def check_model_options(options: RunOptions) -> None:
    """An unknown --model, or --device cuda without a CUDA device: UserError, without
    loading anything (the model is loaded only when something needs it)."""
    from translate.engine import resolve_device
    from translate.models import resolve_package

    if options.model is not None:
        resolve_package(options.source_lang, options.target_lang, options.model)
    if options.device != "auto":
        resolve_device(options.device)


def journal_key(source: MachineSource, options: RunOptions) -> str:
    return journal.journal_key(
        source.engine, source.package, source.version, options.beam_size, options.alternatives
    )


def fall_back_without_model(options: RunOptions) -> tuple[RunOptions, str | None]:
    """With if_no_model="no-mt" and no package to be had: the options of a --no-mt run, and
    the resolver's message (where it looked, how to get one)."""
    if not options.use_mt or options.if_no_model != "no-mt":
        return options, None
    from translate.models import MissingPackageError, resolve_package

    try:
        resolve_package(options.source_lang, options.target_lang, options.model)
    except MissingPackageError as exc:
        return dataclasses.replace(options, use_mt=False), exc.message
    return options, None


def run_glossary(options: RunOptions) -> Glossary | None:
    # Read even when nothing goes to the model (--no-mt, or no model installed): a broken
    # glossary the user named is an error now, not a surprise on the run that has a model.
    if not options.glossaries:
        return None
    from translate.glossary import load_glossaries

    return load_glossaries(options.glossaries)


def start_engine(
    options: RunOptions,
    factory: EngineFactory | None,
    progress: Progress,
    glossary: Glossary | None = None,
) -> tuple[Engine, MachineSource]:
    from translate.engine import Engine, EngineOptions, split_threads
    from translate.models import resolve_package

    package = resolve_package(options.source_lang, options.target_lang, options.model)
    engine_options = EngineOptions(
        beam_size=options.beam_size, alternatives=options.alternatives, device=options.device
    )
    if options.threads is not None:
        inter, intra = split_threads(options.threads)
        engine_options = dataclasses.replace(
            engine_options, inter_threads=inter, intra_threads=intra
        )
    engine = (factory or Engine)(package, engine_options)
    progress.phase(f"loading {engine.provenance}")
    engine.load()
    source = engine.source
    from translate.formats.placeholders import SPAN_TRIGGERS, spans
    from translate.guard import Guard, GuardedEngine

    # One mechanism masks, restores and verifies every span: glossary terms, built-in
    # protected spans and the markup placeholders of HTML/Markdown msgids (<1>…</1>, <2/>).
    guard = Guard(
        glossary, protect=options.protect, extra_spans=spans, extra_triggers=SPAN_TRIGGERS
    )
    engine = GuardedEngine(engine, guard, options.alternatives)  # type: ignore[assignment]
    return engine, source


def translate_sentences(
    engine: Engine,
    sentences: list[str],
    progress: Progress,
    record: journal.RunJournal | None = None,
) -> dict[str, Translation]:
    progress.start(len(sentences))
    try:
        results = engine.translate(
            sentences,
            progress=progress.advance,
            on_batch=record.record if record is not None else None,
        )
    finally:
        progress.finish()
    return dict(zip(sentences, results, strict=True))


def guard_warnings(flagged: int, translations: dict[str, Translation]) -> list[str]:
    """One line for the machine translations the guard flagged, saying how many of them lost
    markup (those are also the ones export keeps in the source language)."""
    from translate.formats.placeholders import markup_problem

    broken = sum(
        1 for message, result in translations.items() if markup_problem(message, result.text)
    )
    markup = (
        f"{count(broken, 'machine translation')} lost or misplaced markup placeholders "
        "(<1>…</1>): they stay fuzzy, `translate check --include-fuzzy` lists them (markup) "
        "and export leaves them in the source language until they are fixed"
    )
    if flagged <= broken:
        return [markup] if broken else []
    line = (
        f"{count(flagged, 'machine translation')} still miss a glossary term, a protected "
        "span or a markup placeholder (see their `# mt-check:` comments; `translate check` "
        "reports them once reviewed)"
    )
    return [f"{line}; of them, {markup}" if broken else line]
