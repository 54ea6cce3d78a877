"""`translate run` without Click: sources in, catalogues out, nobody's work lost.

read (sourcetext) → segment → load the old catalogues → plan every document's update → translate
what the plans need with one loaded engine, in as few calls as possible → merge → write each
document's template and catalogue atomically, under a lock.

Documents are translated in order, in chunks of whole documents (one chunk, so one engine
call, unless the run is large), and each chunk's catalogues are written as soon as its
translations are in: a Ctrl-C loses at most the chunk in progress, and the next run sends
only what is still missing to the model.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translate import catalog, catalog_header, journal
from translate.errors import UserError
from translate.frozen import collector_paused
from translate.memory_catalog import MemoryOptions, open_for_run
from translate.run_engine import (
    EngineFactory,
    check_model_options,
    fall_back_without_model,
    guard_warnings,
    journal_key,
    run_glossary,
    start_engine,
    translate_sentences,
)
from translate.run_jobs import (
    Job,
    chunks,
    load_and_plan,
    needed,
    prepare_jobs,
    source_copy_warnings,
)
from translate.source import SegmentOptions
from translate.translation import MachineSource, Translation
from translate.wording import count

if TYPE_CHECKING:
    from translate.engine import Engine
    from translate.glossary import Glossary

EXIT_INTERRUPTED = 130
# Sentences per engine call when a run is large: big enough for full batches, small enough
# that a Ctrl-C loses little.
DEFAULT_CHUNK_SENTENCES = 4000


@dataclass(frozen=True)
class RunOptions:
    output_dir: Path = Path("locales")
    source_lang: str = "vi"
    target_lang: str = "en"
    model: str | None = None  # package code, package folder or .argosmodel file
    beam_size: int = 4
    alternatives: int = 0
    device: str = "auto"
    threads: int | None = None  # CPU threads for the model; None: every core
    use_mt: bool = True
    purge_obsolete: bool = False
    segmentation: SegmentOptions = field(default_factory=SegmentOptions)
    chunk_sentences: int = DEFAULT_CHUNK_SENTENCES
    # "fail": no installed model is an error (exit 2) when something needs translating;
    # "no-mt": write the catalogues without machine translation and report it in the summary.
    if_no_model: str = "fail"
    glossaries: tuple[Path, ...] = ()  # merged in order (translate.glossary)
    protect: bool = True  # URLs, e-mails, paths, code, hashtags, @handles as placeholders
    memory: MemoryOptions = field(default_factory=MemoryOptions)


@dataclass(frozen=True)
class RunSummary:
    documents: int
    segments: int
    sent_to_model: int  # distinct sentences translated by the model
    reused: int  # entries whose existing translation was kept
    copied: int  # entries copied from the source (not the source language)
    seconds: float
    engine_calls: int
    written: tuple[Path, ...]  # catalogues and templates whose content changed
    unchanged: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    missing_model: str | None = None  # why no model was used (if_no_model="no-mt"), and routes
    memory: Path | None = None  # the translation memory used, if any
    memory_exact: int = 0
    memory_fuzzy: int = 0

    def line(self) -> str:
        calls = count(self.engine_calls, "engine call")
        documents = count(self.documents, "document")
        memory = (
            f"; memory: {self.memory_exact} exact, {self.memory_fuzzy} fuzzy"
            if self.memory is not None
            else ""
        )
        return (
            f"{documents}, {count(self.segments, 'segment')}: {self.sent_to_model} sent to "
            "the model, "
            f"{self.reused} reused, {self.copied} copied; {count(len(self.written), 'file')} "
            f"written, {len(self.unchanged)} unchanged; {self.seconds:.1f} s ({calls}){memory}"
        )


@dataclass
class Progress:
    """Callbacks: ``phase(name)`` as each step starts, and for the one long stage
    ``start(total)``, ``advance(n)`` after each batch, ``finish()``."""

    start: Callable[[int], None] = lambda total: None
    advance: Callable[[int], None] = lambda done: None
    finish: Callable[[], None] = lambda: None
    phase: Callable[[str], None] = lambda name: None


# How often a catalogue an editor keeps saving during the run is read and merged again.
MERGE_ATTEMPTS = 3


def run(
    sources: Sequence[str],
    options: RunOptions,
    *,
    progress: Progress | None = None,
    engine_factory: EngineFactory | None = None,
    notice: Callable[[str], None] = lambda message: None,
    before_write: Callable[[Path], None] | None = None,
) -> RunSummary:
    """Create or update ``<output>/<stem>.pot`` and ``<output>/<to>/<stem>.po`` per source.

    ``before_write(po_path)`` runs after a document's merge and before its files are
    replaced (a test hook: an editor saving the catalogue at that moment).
    """
    started = time.monotonic()
    now = catalog.current_date()
    if not sources:
        raise UserError("no source documents given; name one or more files (or - for stdin)")
    progress = progress or Progress()
    options, missing_model = fall_back_without_model(options)
    with _remove_new_folders_on_failure(options):
        summary = _run(sources, options, progress, engine_factory, notice, now, before_write)
    return dataclasses.replace(
        summary, seconds=time.monotonic() - started, missing_model=missing_model
    )


def _run(
    sources: Sequence[str],
    options: RunOptions,
    progress: Progress,
    engine_factory: EngineFactory | None,
    notice: Callable[[str], None],
    now: str,
    before_write: Callable[[Path], None] | None = None,
) -> RunSummary:
    if options.use_mt:
        check_model_options(options)  # a --model or --device typo fails before any work
    glossary = run_glossary(options)
    progress.phase(f"reading and segmenting {count(len(sources), 'document')}")
    jobs, warnings = prepare_jobs(sources, options)
    warnings += glossary.warnings() if glossary is not None else ()
    with contextlib.ExitStack() as locks:
        from translate.fileio import catalog_lock, remove_stale_temp_files

        for path in sorted({p for job in jobs for p in (job.po_path, job.pot_path)}):
            locks.enter_context(catalog_lock(path, on_wait=_lock_waiter(path, notice)))
            # Under the lock no live writer owns a temp file of ours: leftovers are a SIGKILL's.
            remove_stale_temp_files(path)
        memory = open_for_run(
            options.memory,
            options.output_dir,
            source_lang=options.source_lang,
            target_lang=options.target_lang,
        )
        if memory is not None:
            locks.enter_context(memory)
        for job in jobs:
            load_and_plan(job, options, memory)
        warnings = (*warnings, *source_copy_warnings(jobs, options))
        work = _Work(options, progress, engine_factory, now, glossary, before_write)
        work.translate_and_write(jobs)
        engine = work.engine
    flagged = getattr(engine, "flagged", 0)  # translate.guard.GuardedEngine
    warnings = (*warnings, *guard_warnings(flagged, work.translations))
    return RunSummary(
        documents=len(jobs),
        segments=sum(job.segments for job in jobs),
        sent_to_model=work.sent,
        reused=sum(job.plan.reused for job in jobs),
        copied=sum(job.plan.copied for job in jobs),
        seconds=0.0,  # set by run()
        engine_calls=engine.calls if engine is not None else 0,
        written=tuple(work.written),
        unchanged=tuple(work.unchanged),
        warnings=warnings,
        memory=memory.path if memory is not None else None,
        memory_exact=sum(job.memory_hits.exact for job in jobs),
        memory_fuzzy=sum(job.memory_hits.fuzzy for job in jobs),
    )


@dataclass
class _Work:
    """The model and write stage of a run: chunk by chunk, every finished batch journaled."""

    options: RunOptions
    progress: Progress
    factory: EngineFactory | None
    now: str
    glossary: Glossary | None = None  # what GuardedEngine masks besides the built-in spans
    before_write: Callable[[Path], None] | None = None
    engine: Engine | None = None
    machine: MachineSource | None = None
    sent: int = 0  # distinct sentences sent to the model
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    translations: dict[str, Translation] = field(default_factory=dict)  # msgid → result

    def _start_engine(self, record: journal.RunJournal) -> None:
        if self.engine is None:
            self.engine, self.machine = start_engine(
                self.options, self.factory, self.progress, self.glossary
            )
        record.key = journal_key(self.engine.source, self.options)

    def _journaled(self, record: journal.RunJournal) -> dict[str, Translation]:
        """What earlier, interrupted runs finished (the model is not loaded for this)."""
        from translate.engine import ENGINE_NAME
        from translate.models import resolve_package

        package = resolve_package(
            self.options.source_lang, self.options.target_lang, self.options.model
        )
        self.machine = MachineSource(ENGINE_NAME, package.code, package.version)
        return record.load(journal_key(self.machine, self.options))

    def translate_and_write(self, jobs: list[Job]) -> None:
        options = self.options
        needs = {job.po_path: job.plan.needs_mt for job in jobs} if options.use_mt else {}
        record = journal.RunJournal(needs)
        translations = self.translations
        if options.use_mt and record.pending():
            translations.update(self._journaled(record))  # only from the same package
        finished = 0
        try:
            for chunk in chunks(jobs, options.chunk_sentences):
                wanted = [m for m in needed(chunk) if m not in translations]
                record.recorded = 0  # what the interrupted chunk's journals hold
                if wanted:
                    self._start_engine(record)
                    assert self.engine is not None
                    translations.update(
                        translate_sentences(self.engine, wanted, self.progress, record)
                    )
                    self.sent += len(wanted)
                for job in chunk:
                    self._write_checked(job, record)
                    if options.use_mt:
                        record.consume(job.po_path)
                    finished += 1
        except KeyboardInterrupt:
            if self.engine is not None:
                self.engine.abandon()  # exit now, not after the batches still queued
            message = _interrupted_message(jobs, finished, record.recorded)
            raise UserError(message, EXIT_INTERRUPTED) from None

    def _write_checked(self, job: Job, record: journal.RunJournal) -> None:
        """Merge and write one document, never over content the merge did not read.

        An editor may save the catalogue meanwhile (Poedit: temp file + rename, no lock).
        A file that is no longer the one read is read and merged again (the editor's
        entries win as reviewed work does; what the new merge needs goes to the model),
        up to MERGE_ATTEMPTS times.
        """
        from translate.fileguard import CatalogueChanged

        for _attempt in range(MERGE_ATTEMPTS):
            if self.before_write is not None:
                self.before_write(job.po_path)
            done: list[Path] = []
            same: list[Path] = []
            try:
                # A message and its lines per entry, none in a cycle: the cyclic collector's
                # passes over them were about a fifth of the write of 100,000 entries.
                with collector_paused():
                    _write(job, self.translations, self.machine, self.options, self.now, done, same)
            except CatalogueChanged:
                load_and_plan(job, self.options, job.memory)
                wanted = [m for m in job.plan.needs_mt if m not in self.translations]
                if wanted:
                    self._start_engine(record)
                    assert self.engine is not None
                    self.translations.update(
                        translate_sentences(self.engine, wanted, self.progress)
                    )
                    self.sent += len(wanted)
                continue
            finally:
                self.written.extend(path for path in done if path not in self.written)
            self.unchanged.extend(path for path in same if path not in self.written)
            return
        raise UserError(
            f"{job.po_path} changed {MERGE_ATTEMPTS} times while `translate run` was merging "
            "it (is an editor saving it?); it was left as last saved: close it, or save and "
            "wait, then run the same command again"
        )


@contextlib.contextmanager
def _remove_new_folders_on_failure(options: RunOptions) -> Iterator[None]:
    """A run that fails leaves no empty output folders it created (locks need them early)."""
    folder = options.output_dir / options.target_lang
    new: list[Path] = []  # innermost first
    while not folder.exists() and folder != folder.parent:
        new.append(folder)
        folder = folder.parent
    try:
        yield
    except BaseException:
        for folder in new:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty
        raise


def _write(
    job: Job,
    translations: dict[str, Translation],
    machine: MachineSource | None,
    options: RunOptions,
    now: str,
    written: list[Path],
    unchanged: list[Path],
) -> None:
    from translate.fileio import atomic_write_text

    pot_text, pot_date = catalog_header.finish_template(
        job.entries,
        job.old_pot_text,
        project=job.stem,
        source_lang=options.source_lang,
        target_lang=options.target_lang,
        now=now,
    )
    messages = catalog.apply_update(
        job.entries,
        job.old_po,
        job.plan,
        translations,
        source_lang=options.source_lang,
        target_lang=options.target_lang,
        machine=machine,
        purge_obsolete=options.purge_obsolete,
    )
    po_text = catalog_header.finish_catalogue(
        messages,
        job.saved_po,
        job.old_po_text,
        project=job.stem,
        source_lang=options.source_lang,
        target_lang=options.target_lang,
        pot_date=pot_date,
        now=now,
    )
    from translate.fileguard import change_check

    for path, text, stamp in (
        (job.pot_path, pot_text, job.pot_stamp),
        (job.po_path, po_text, job.po_stamp),
    ):
        if text is None:
            change_check(path, stamp)()  # nothing to write, but nothing unread either
            unchanged.append(path)
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
        # Checked just before the rename: the window left is the rename itself.
        atomic_write_text(path, text, before_replace=change_check(path, stamp))
        written.append(path)


def _interrupted_message(jobs: list[Job], finished: int, kept: int = 0) -> str:
    done = [str(job.po_path) for job in jobs[:finished]]
    left = len(jobs) - finished
    what = (
        f"{count(finished, 'finished document')} written ({', '.join(done)})"
        if done
        else "no catalogue was changed"
    )
    journaled = (
        f" ({count(kept, 'finished translation')} of those kept in .mt-journal files beside "
        "the catalogues)"
        if kept
        else ""
    )
    return (
        f"interrupted during machine translation: {what}; {count(left, 'document')} still "
        f"to translate{journaled}. Run the same command again: it sends only what is still "
        "missing to the model."
    )


def _lock_waiter(path: Path, notice: Callable[[str], None]) -> Callable[[int | None], None]:
    def tell(pid: int | None) -> None:
        holder = f"pid {pid}" if pid is not None else "another process"
        notice(f"waiting for {holder} to finish updating {path}…")

    return tell
