"""The documents of a `translate run`: each source read and segmented into a job, its old
catalogues read, its update planned (with the translation memory, when there is one).

Pure planning: nothing here writes a file or loads a model (see ``translate.pipeline``).
"""

from __future__ import annotations

import codecs
import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translate import catalog, pofile
from translate.document import Document
from translate.errors import UserError
from translate.frozen import collector_paused
from translate.memory_catalog import MemoryHits, RunMemory, plan_with_memory
from translate.wording import count

if TYPE_CHECKING:
    from translate.fileguard import FileStamp
    from translate.pipeline import RunOptions


@dataclass
class Job:
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
    old_po: pofile.PoFile | None = None  # as merged: msgids in NFC (`catalog.nfc_msgids`)
    saved_po: pofile.PoFile | None = None  # as read: a file that differs from the merge is written
    old_po_text: str | None = None
    old_pot_text: str | None = None
    # What each file was when read: it is replaced only while it still is (see `pipeline._write`).
    po_stamp: FileStamp | None = None
    pot_stamp: FileStamp | None = None
    plan: catalog.UpdatePlan = field(default_factory=lambda: catalog.UpdatePlan(needs_mt=()))
    memory_hits: MemoryHits = field(default_factory=MemoryHits)
    memory: RunMemory | None = None  # consulted again when an editor's save forces a re-plan


def source_copy_warnings(jobs: Sequence[Job], options: RunOptions) -> list[str]:
    """One line per catalogue that `msginit -l en` or `msgen` filled with the msgids."""
    then = " and sent to the model" if options.use_mt else ""
    return [
        f"{job.po_path}: {count(job.plan.source_copies, 'translation')} identical to the "
        f"{options.source_lang} msgid (as `msginit -l en` or `msgen` write them) counted as "
        f"untranslated{then}"
        for job in jobs
        if job.plan.source_copies
    ]


def prepare_jobs(sources: Sequence[str], options: RunOptions) -> tuple[list[Job], tuple[str, ...]]:
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
    jobs: list[Job] = []
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
            Job(
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


def load_and_plan(job: Job, options: RunOptions, memory: RunMemory | None = None) -> None:
    """Read the job's files (again, after an editor's save) and plan its update."""
    # An entry and a message per msgid, all kept for the write, and none in a cycle: built
    # with the cyclic collector paused, then put in its oldest generation (translate.frozen).
    # Its passes over them were about a quarter of this step on 100,000 entries.
    with collector_paused(keep=True):
        _load_and_plan(job, options, memory)


def _load_and_plan(job: Job, options: RunOptions, memory: RunMemory | None) -> None:
    if job.document is not None:
        job.entries = catalog.template_entries([job.document])
        job.segments = len(job.document.segments)
        job.document = None
    job.old_pot_text, job.pot_stamp = _read_text(job.pot_path)
    job.old_po_text, job.po_stamp = _read_text(job.po_path)
    job.old_po = job.saved_po = None
    if job.old_po_text is not None:
        job.saved_po = pofile.parse(job.old_po_text.removeprefix("\ufeff"), str(job.po_path))
        _refuse_rejected_entries(job.saved_po, job.po_path)
        job.old_po = catalog.nfc_msgids(job.saved_po)
        _refuse_another_source(job, options.output_dir)
    job.plan = catalog.plan_update(
        job.entries, job.old_po, source_lang=options.source_lang, use_mt=options.use_mt
    )
    if memory is not None:
        job.memory = memory
        job.plan, job.memory_hits = plan_with_memory(
            job.plan, job.entries, memory, options.memory, source_lang=options.source_lang
        )


def _refuse_rejected_entries(catalogue: pofile.PoFile, path: Path) -> None:
    """Stop before writing a reviewed entry that GNU msgfmt would refuse to compile.

    The run keeps reviewed msgstrs as they are, so writing the catalogue would carry the
    fatal error forward (and `make check` would fail on a file the run just wrote); the
    reviewer fixes it where they made it, in their editor."""
    for message in catalogue.messages:
        problem = pofile.line_break_mismatch(message)
        if problem is not None:
            raise pofile.PoSyntaxError(
                str(path),
                message.line,
                f"{problem}, which msgfmt --check rejects",
                "remove the line break from the translation in your editor",
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


def _refuse_another_source(job: Job, output_dir: Path) -> None:
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


def chunks(jobs: list[Job], limit: int) -> list[list[Job]]:
    """Consecutive documents grouped until a group needs ``limit`` sentences."""
    chunks: list[list[Job]] = [[]]
    size = 0
    for job in jobs:
        if size >= limit and chunks[-1]:
            chunks.append([])
            size = 0
        chunks[-1].append(job)
        size += len(job.plan.needs_mt)
    return chunks


def needed(chunk: Sequence[Job]) -> list[str]:
    return list(dict.fromkeys(m for job in chunk for m in job.plan.needs_mt))
