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

import codecs
import contextlib
import dataclasses
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translate import catalog, catalog_header, journal, pofile
from translate.document import Document
from translate.errors import UserError
from translate.memory_catalog import (
    MemoryHits,
    MemoryOptions,
    RunMemory,
    open_for_run,
    plan_with_memory,
)
from translate.source import SegmentOptions
from translate.translation import MachineSource, Translation
from translate.wording import count

if TYPE_CHECKING:
    from translate.engine import Engine, EngineOptions
    from translate.fileguard import FileStamp
    from translate.glossary import Glossary
    from translate.models import InstalledPackage

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


@dataclass
class _Job:
    """One source document and everything its update needs."""

    # Released once the template entries are made: they hold all the rest of the run needs,
    # and a large source's segments are a good share of its memory.
    document: Document | None
    stem: str
    pot_path: Path
    po_path: Path
    source: str = "-"  # as given
    segments: int = 0
    entries: tuple[catalog.TemplateEntry, ...] = ()
    old_po: pofile.PoFile | None = None
    old_po_text: str | None = None
    old_pot_text: str | None = None
    # What each file was when read: it is replaced only while it still is (see `_write`).
    po_stamp: FileStamp | None = None
    pot_stamp: FileStamp | None = None
    plan: catalog.UpdatePlan = field(default_factory=lambda: catalog.UpdatePlan(needs_mt=()))
    memory_hits: MemoryHits = field(default_factory=MemoryHits)
    memory: RunMemory | None = None  # consulted again when an editor's save forces a re-plan


EngineFactory = Callable[["InstalledPackage", "EngineOptions"], "Engine"]
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
    options, missing_model = _fall_back_without_model(options)
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
        _check_model_options(options)  # a --model or --device typo fails before any work
    progress.phase(f"reading and segmenting {count(len(sources), 'document')}")
    jobs, warnings = _prepare(sources, options)
    glossary = _glossary(options)
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
            _load_and_plan(job, options, memory)
        warnings = (*warnings, *_source_copy_warnings(jobs, options))
        work = _Work(options, progress, engine_factory, now, glossary, before_write)
        work.translate_and_write(jobs)
        engine = work.engine
    flagged = getattr(engine, "flagged", 0)  # translate.guard.GuardedEngine
    warnings = (*warnings, *_guard_warnings(flagged, work.translations))
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
            self.engine, self.machine = _engine(
                self.options, self.factory, self.progress, self.glossary
            )
        record.key = _journal_key(self.engine.source, self.options)

    def _journaled(self, record: journal.RunJournal) -> dict[str, Translation]:
        """What earlier, interrupted runs finished (the model is not loaded for this)."""
        from translate.engine import ENGINE_NAME
        from translate.models import resolve_package

        package = resolve_package(
            self.options.source_lang, self.options.target_lang, self.options.model
        )
        self.machine = MachineSource(ENGINE_NAME, package.code, package.version)
        return record.load(_journal_key(self.machine, self.options))

    def translate_and_write(self, jobs: list[_Job]) -> None:
        options = self.options
        needs = {job.po_path: job.plan.needs_mt for job in jobs} if options.use_mt else {}
        record = journal.RunJournal(needs)
        translations = self.translations
        if options.use_mt and record.pending():
            translations.update(self._journaled(record))  # only from the same package
        finished = 0
        try:
            for chunk in _chunks(jobs, options.chunk_sentences):
                wanted = [m for m in _needed(chunk) if m not in translations]
                record.recorded = 0  # what the interrupted chunk's journals hold
                if wanted:
                    self._start_engine(record)
                    assert self.engine is not None
                    translations.update(_translate(self.engine, wanted, self.progress, record))
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

    def _write_checked(self, job: _Job, record: journal.RunJournal) -> None:
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
                _write(job, self.translations, self.machine, self.options, self.now, done, same)
            except CatalogueChanged:
                _load_and_plan(job, self.options, job.memory)
                wanted = [m for m in job.plan.needs_mt if m not in self.translations]
                if wanted:
                    self._start_engine(record)
                    assert self.engine is not None
                    self.translations.update(_translate(self.engine, wanted, self.progress))
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


def _check_model_options(options: RunOptions) -> None:
    """An unknown --model, or --device cuda without a CUDA device: UserError, without
    loading anything (the model is loaded only when something needs it)."""
    from translate.engine import resolve_device
    from translate.models import resolve_package

    if options.model is not None:
        resolve_package(options.source_lang, options.target_lang, options.model)
    if options.device != "auto":
        resolve_device(options.device)


def _journal_key(source: MachineSource, options: RunOptions) -> str:
    return journal.journal_key(
        source.engine, source.package, source.version, options.beam_size, options.alternatives
    )


def _source_copy_warnings(jobs: Sequence[_Job], options: RunOptions) -> list[str]:
    """One line per catalogue that `msginit -l en` or `msgen` filled with the msgids."""
    then = " and sent to the model" if options.use_mt else ""
    return [
        f"{job.po_path}: {count(job.plan.source_copies, 'translation')} identical to the "
        f"{options.source_lang} msgid (as `msginit -l en` or `msgen` write them) counted as "
        f"untranslated{then}"
        for job in jobs
        if job.plan.source_copies
    ]


def _prepare(sources: Sequence[str], options: RunOptions) -> tuple[list[_Job], tuple[str, ...]]:
    from translate.source import read_and_segment

    stems: list[str] = []
    by_stem: dict[str, str] = {}
    for source in sources:
        problem = pofile.reference_problem(source)
        if problem is not None:
            raise UserError(
                f"{source!r}: {problem}; its catalogue's `#:` references could not be written "
                "so that gettext tools read them back: rename the file (spaces are fine)"
            )
        stem = catalog.catalogue_stem(source, options.source_lang)
        if stem in by_stem:
            raise UserError(
                f"{by_stem[stem]} and {source} would share the catalogue {stem}.po; "
                "rename one of them or run them with different --output-dir"
            )
        by_stem[stem] = source
        stems.append(stem)
    po_paths = [options.output_dir / options.target_lang / f"{stem}.po" for stem in stems]
    jobs: list[_Job] = []
    warnings: list[str] = []
    for source, stem, po_path in zip(sources, stems, po_paths, strict=True):
        read = read_and_segment(source, options.segmentation, check=_refuse_catalogue_source)
        document = dataclasses.replace(
            read.document, path=reference_path(source, options.output_dir)
        )
        warnings.extend(read.warnings)  # each already names the file
        if not document.segments and not read.warnings:
            warnings.append(f"{source}: no text to translate; the catalogue has only a header")
        jobs.append(
            _Job(
                document=document,
                stem=stem,
                pot_path=options.output_dir / f"{stem}.pot",
                po_path=po_path,
                source=source,
            )
        )
    return jobs, tuple(warnings)


def _refuse_catalogue_source(source: str, text: str) -> None:
    from translate.fileguard import catalogue_source_problem

    problem = catalogue_source_problem(source, text)
    if problem is not None:
        raise UserError(
            f"{source} is a gettext catalogue ({problem}), not a source document: `translate "
            "run` takes the documents the catalogues were made from (e.g. seeds/*.txt), "
            "nothing was changed; to export a reviewed catalogue use `translate export`"
        )


def _read_text(path: Path) -> tuple[str | None, FileStamp | None]:
    """The catalogue's text and its stamp; (None, None) when there is none yet.

    A byte order mark is kept at the start of the text: GNU gettext refuses a file with one,
    so the file is written again (without it) even when nothing else changed."""
    from translate.fileguard import check_regular, stamp_of

    if not check_regular(path, what="catalogue"):
        return None, None
    data = pofile.read_bytes(path)
    mark = "\ufeff" if data.startswith(codecs.BOM_UTF8) else ""
    return mark + pofile.decode_text(data, path), stamp_of(path, data)


def _load_and_plan(job: _Job, options: RunOptions, memory: RunMemory | None = None) -> None:
    """Read the job's files (again, after an editor's save) and plan its update."""
    if job.document is not None:
        job.entries = catalog.template_entries([job.document])
        job.segments = len(job.document.segments)
        job.document = None
    job.old_pot_text, job.pot_stamp = _read_text(job.pot_path)
    job.old_po_text, job.po_stamp = _read_text(job.po_path)
    job.old_po = None
    if job.old_po_text is not None:
        job.old_po = pofile.parse(job.old_po_text.removeprefix("\ufeff"), str(job.po_path))
        _refuse_another_source(job, options.output_dir)
    job.plan = catalog.plan_update(
        job.entries, job.old_po, source_lang=options.source_lang, use_mt=options.use_mt
    )
    if memory is not None:
        job.memory = memory
        job.plan, job.memory_hits = plan_with_memory(
            job.plan, job.entries, memory, options.memory, source_lang=options.source_lang
        )


def project_root(output_dir: Path) -> Path:
    """The folder references are relative to: the one holding the output folder (the
    project), or the current folder when the output folder is it or above it."""
    here = Path(os.path.abspath("."))
    output = Path(os.path.abspath(output_dir))
    return here if here == output or output in here.parents else output.parent


def reference_path(source: str, output_dir: Path) -> str:
    """How catalogues name ``source`` in ``#:`` references: relative to ``project_root``,
    so that the same run from another folder writes the same catalogue; as given when the
    source lies outside the project (or is standard input)."""
    if source == "-":
        return source
    try:
        return Path(os.path.abspath(source)).relative_to(project_root(output_dir)).as_posix()
    except ValueError:
        return source


def _refuse_another_source(job: _Job, output_dir: Path) -> None:
    """Refuse to turn another document's catalogue obsolete: `a/x.vi.txt` and `b/x.vi.txt`
    share the catalogue `x.po`. A source that moved (its old path is gone) is accepted."""
    assert job.old_po is not None
    named = {
        reference.rpartition(":")[0] or reference
        for message in job.old_po.messages
        if not message.obsolete
        for reference in message.references
    }
    mine = reference_path(job.source, output_dir)
    if not named or mine in named or job.source == "-":
        return
    root = project_root(output_dir)
    for other in sorted(named):
        path = Path(other) if Path(other).is_absolute() else root / other
        if path.is_file() and not os.path.samefile(path, job.source):
            raise UserError(
                f"{job.po_path}: holds the translations of {other}, not of {job.source} (the "
                "same file name); run it with another --output-dir, or rename one of them. "
                "Nothing was changed"
            )


def _chunks(jobs: list[_Job], limit: int) -> list[list[_Job]]:
    """Consecutive documents grouped until a group needs ``limit`` sentences."""
    chunks: list[list[_Job]] = [[]]
    size = 0
    for job in jobs:
        if size >= limit and chunks[-1]:
            chunks.append([])
            size = 0
        chunks[-1].append(job)
        size += len(job.plan.needs_mt)
    return chunks


def _needed(chunk: Sequence[_Job]) -> list[str]:
    return list(dict.fromkeys(m for job in chunk for m in job.plan.needs_mt))


def _fall_back_without_model(options: RunOptions) -> tuple[RunOptions, str | None]:
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


def _glossary(options: RunOptions) -> Glossary | None:
    if not options.glossaries or not options.use_mt:
        return None
    from translate.glossary import load_glossaries

    return load_glossaries(options.glossaries)


def _engine(
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


def _translate(
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


def _guard_warnings(flagged: int, translations: dict[str, Translation]) -> list[str]:
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


def _write(
    job: _Job,
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
        job.old_po,
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


def _interrupted_message(jobs: list[_Job], finished: int, kept: int = 0) -> str:
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
