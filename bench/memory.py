"""Translation memory at scale: a 1,000,000-unit memory, updated and used by `translate run`.

Every measured step is the real command in a child process (start-up included), timed with
its peak RSS by the wrapper of bench.scale. The 1,000,000-unit memory is built in-process with
``Memory.add`` (set-up, not measured), then exported with `translate tm export` (the TMX the
size is compared with); `tm import` is timed on a TMX of ``IMPORT_UNITS`` units (context). Units
are distinct sentences made from real ones (bench.scale's deterministic edits); the stand-in
targets are the sources with non-ASCII letters replaced, so both sides have realistic sizes.

- `tm update` of a catalogue of 100,000 reviewed entries not yet in the memory (< 30 s);
- `translate run --no-mt` of a 10,000-sentence document (40% exact memory matches, 30% close
  variants, 30% new) with the memory beside the same run without one (< 10 s and < 1 GB more);
- the memory file beside the TMX it came from (< 2x);
- with the model: a first run of a document whose sentences are partly in the memory, then an
  unchanged re-run (0 engine calls, <= 3% of the first run).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from bench import Figure, Section, log
from bench.package import BASE, CACHE_ROOT, SMALL, build_package, news_sentences
from bench.scale import changed, distinct_sentences, measure_child, render_document

if TYPE_CHECKING:
    from translate.memory import Unit

FULL_UNITS = 1_000_000
QUICK_UNITS = 100_000
UPDATE_ENTRIES = 100_000
QUICK_UPDATE_ENTRIES = 10_000
IMPORT_UNITS = 50_000
BATCH = 10_000
TARGET_UPDATE_SECONDS = 30.0
TARGET_LOOKUP_SECONDS = 10.0
TARGET_LOOKUP_MIB = 1024.0
TARGET_SIZE_RATIO = 2.0
TARGET_RERUN_SHARE = 0.03
MT_EXACT, MT_CLOSE, MT_NEW = 300, 100, 150
_HITS = re.compile(r"memory: (\d+) exact, (\d+) fuzzy")
_CALLS = re.compile(r"\((\d+) engine calls?\)")


def with_bytecode(env: dict[str, str]) -> dict[str, str]:
    """The children cache their bytecode, as every installed Python program does.

    Without it (PYTHONDONTWRITEBYTECODE, set in some sandboxes) each `translate` compiles
    its ~40 modules from source at start-up, about 0.1 s, which is a third of an unchanged
    re-run. The cache goes to .bench-cache/pycache, not beside the sources.
    """
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE_ROOT / "pycache")
    return env


def stand_in(source: str) -> str:
    return source.encode("ascii", "replace").decode("ascii")


def units_of(sources: list[str]) -> Iterator[Unit]:
    from translate.memory import Unit

    for i, source in enumerate(sources):
        yield Unit(source, stand_in(source), f"locales/en/news.po:{i}", "news", None)


def write_tmx(path: Path, sources: list[str]) -> None:
    from translate.tmx import write_units

    with path.open("wb") as stream:
        write_units(stream, units_of(sources), source_lang="vi", target_lang="en", now=0)


def build_memory(path: Path, sources: list[str]) -> None:
    from translate.memory import Memory

    with Memory.open(path, create=True) as memory:
        memory.add(units_of(sources), 1_700_000_000)


def write_reviewed_catalogue(path: Path, sources: list[str]) -> None:
    from translate.pofile import Message, PoFile, format_header, serialize

    header = Message(
        "",
        format_header(
            [
                ("Project-Id-Version", "update"),
                ("Last-Translator", "Reviewer <r@example.org>"),
                ("Language", "en"),
                ("MIME-Version", "1.0"),
                ("Content-Type", "text/plain; charset=UTF-8"),
                ("Content-Transfer-Encoding", "8bit"),
            ]
        ),
    )
    messages = tuple(Message(s, stand_in(s) + " (reviewed)") for s in sources)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(serialize(PoFile(header, messages)), encoding="utf-8")


def hits(stderr_file: Path) -> str:
    text = stderr_file.read_text(encoding="utf-8") if stderr_file.is_file() else ""
    match = _HITS.search(text)
    return f"{match.group(1)} exact, {match.group(2)} fuzzy" if match else "no memory line"


def run(quick: bool) -> Section:
    units = QUICK_UNITS if quick else FULL_UNITS
    update_entries = QUICK_UPDATE_ENTRIES if quick else UPDATE_ENTRIES
    base, _, corpus = news_sentences("all")
    log(f"memory: making {units + update_entries + BATCH:,} distinct sentences")
    sentences = distinct_sentences(base, units + update_entries + BATCH)
    in_memory = sentences[:units]
    to_update = sentences[units : units + update_entries]
    new = sentences[units + update_entries :]
    translate = Path(sys.executable).with_name("translate")
    command = [str(translate)] if translate.is_file() else [sys.executable, "-m", "translate"]
    CACHE_ROOT.mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="memory-", dir=CACHE_ROOT))
    env = with_bytecode(dict(os.environ))
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    env["ARGOS_PACKAGES_DIR"] = str(workdir / "no-packages")
    memory = workdir / "memory.sqlite"
    timeout = 900.0
    try:
        log(f"memory: building a memory of {units:,} units (set-up)")
        build_memory(memory, in_memory)
        sample = workdir / "sample.tmx"
        write_tmx(sample, in_memory[:IMPORT_UNITS])
        log(f"memory: translate tm import of {IMPORT_UNITS:,} units into an empty memory")
        imported = measure_child(
            [*command, "tm", "import", "--tm", str(workdir / "fresh.sqlite"), str(sample)],
            workdir,
            env,
            timeout,
        )
        catalogue = workdir / "reviewed" / "en" / "update.po"
        write_reviewed_catalogue(catalogue, to_update)
        log(f"memory: translate tm update of {update_entries:,} reviewed entries")
        updated = measure_child(
            [*command, "tm", "update", "--tm", str(memory), str(catalogue)], workdir, env, timeout
        )
        # The 10,000-sentence batch: exact matches, close variants, new sentences.
        step = max(units // BATCH, 1)
        exact = [in_memory[i * step] for i in range(BATCH * 4 // 10)]
        close = [changed(in_memory[i * step + 1]) for i in range(BATCH * 3 // 10)]
        batch = exact + close + new[: BATCH - len(exact) - len(close)]
        (workdir / "batch.vi.txt").write_text(render_document(batch), encoding="utf-8")
        arguments = ["run", "--no-mt", "batch.vi.txt"]
        log("memory: run of the batch without a memory, then with it")
        without = measure_child(
            [*command, *arguments, "--no-tm", "--output-dir", "plain"], workdir, env, timeout
        )
        stderr_file = workdir / "with.stderr"
        with_memory = measure_child(
            [
                "sh",
                "-c",
                '"$@" 2> with.stderr',
                "sh",
                *command,
                *arguments,
                "--tm",
                str(memory),
                "--output-dir",
                "with",
            ],
            workdir,
            env,
            timeout,
        )
        found = hits(stderr_file)
        log("memory: the same run again (both read the band index `tm update` saved)")
        again = measure_child(
            [*command, *arguments, "--tm", str(memory), "--output-dir", "again"],
            workdir,
            env,
            timeout,
        )
        tmx = workdir / "memory.tmx"
        log("memory: translate tm export (the memory with its saved band index)")
        exported = measure_child(
            [*command, "tm", "export", "--tm", str(memory), "-o", str(tmx)], workdir, env, timeout
        )
        tmx_size, memory_size = tmx.stat().st_size, memory.stat().st_size
        tmx.unlink()
        rerun_figure, rerun_notes = _rerun(quick, command, workdir, env, memory, exact, close, new)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    extra_seconds = with_memory.seconds - without.seconds
    extra_mib = with_memory.peak_mib - without.peak_mib
    ratio = memory_size / tmx_size
    scale = " (quick: targets apply to 1,000,000 units)" if quick else ""

    def judged(ok: bool) -> bool | None:
        return None if quick else ok

    figures = (
        Figure(
            f"memory: tm update of {update_entries:,} reviewed entries into {units:,} units{scale}",
            updated.describe(),
            f"target {TARGET_UPDATE_SECONDS:.0f} s",
            f"{updated.seconds / TARGET_UPDATE_SECONDS:.0%} of the time budget",
            f"< {TARGET_UPDATE_SECONDS:.0f} s",
            judged(not updated.timed_out and updated.seconds < TARGET_UPDATE_SECONDS),
        ),
        Figure(
            f"memory: run of {BATCH:,} sentences, exact + fuzzy lookup{scale}",
            f"with memory: {with_memory.describe()} ({found})",
            f"no memory: {without.describe()}",
            f"+{extra_seconds:.1f} s, +{extra_mib:.0f} MiB",
            f"< +{TARGET_LOOKUP_SECONDS:.0f} s and < +1 GB",
            judged(extra_seconds < TARGET_LOOKUP_SECONDS and extra_mib < TARGET_LOOKUP_MIB),
        ),
        Figure(
            f"memory: the same run again (context){scale}",
            f"second run: {again.describe()}",
            f"no memory: {without.describe()}",
            f"+{again.seconds - without.seconds:.1f} s, "
            f"+{again.peak_mib - without.peak_mib:.0f} MiB",
            "(context)",
            None,
        ),
        Figure(
            f"memory: file size, {units + update_entries:,} units{scale}",
            f"memory.sqlite with its band index: {memory_size / 1e6:.0f} MB",
            f"its TMX: {tmx_size / 1e6:.0f} MB",
            f"{ratio:.2f}×",
            f"< {TARGET_SIZE_RATIO:.0f}×",
            judged(ratio < TARGET_SIZE_RATIO),
        ),
        Figure(
            f"memory: tm export of {units + update_entries:,} units, tm import of "
            f"{IMPORT_UNITS:,} (context)",
            f"export {exported.describe()}",
            f"import {imported.describe()}",
            f"export {(units + update_entries) / exported.seconds:,.0f} units/s, "
            f"import {IMPORT_UNITS / imported.seconds:,.0f} units/s",
            "(context)",
            None,
        ),
        rerun_figure,
    )
    notes = (
        f"Memory: {units:,} distinct sentences made from {len(set(base)):,} real ones ({corpus}) "
        "by bench.scale's deterministic edits, added in-process; stand-in targets "
        "are the sources with non-ASCII letters replaced (same length). The update adds "
        f"{update_entries:,} more sentences from a reviewed catalogue (the band index saved in "
        "the file stays valid: the runs merge the added units' keys into it, no rebuild). "
        "The batch is "
        f"{len(exact):,} sentences from the memory, {len(close):,} of them with a clause added "
        "(`vào tuần trước`, a close match), and new ones; both runs are `translate run --no-mt` "
        "(the lookups need no model), the difference is the memory's cost. Every child caches "
        "its bytecode (.bench-cache/pycache), as an installed program does.",
        "Memory: fuzzy candidates come from 12 MinHash bands of 3 word hashes (two sentences "
        "sharing two thirds of their words meet with probability 0.98), prefiltered by length, "
        "scored by rapidfuzz's ratio; the fuzzy count above against the close variants is the "
        "recall on this data.",
        *rerun_notes,
    )
    return Section("Translation memory", figures, notes)


def _rerun(
    quick: bool,
    command: list[str],
    workdir: Path,
    env: dict[str, str],
    memory: Path,
    exact: list[str],
    close: list[str],
    new: list[str],
) -> tuple[Figure, tuple[str, ...]]:
    shape = SMALL if quick else BASE
    log(f"memory: first run and unchanged re-run with the {shape.name} model")
    package = build_package(shape)
    env = {**env, "ARGOS_PACKAGES_DIR": str(package.packages_dir), "ARGOS_DEVICE_TYPE": "cpu"}
    document = exact[:MT_EXACT] + close[:MT_CLOSE] + new[-MT_NEW:]
    (workdir / "mt.vi.txt").write_text(render_document(document), encoding="utf-8")
    script = '"$@" 2> "$STDERR_FILE"'
    arguments = ["run", "mt.vi.txt", "--tm", str(memory), "--output-dir", "mt"]
    outputs = []
    for name in ("first", "rerun"):
        env["STDERR_FILE"] = str(workdir / f"{name}.stderr")
        outputs.append(
            measure_child(["sh", "-c", script, "sh", *command, *arguments], workdir, env, 600)
        )
    first, rerun = outputs
    first_text = (workdir / "first.stderr").read_text(encoding="utf-8")
    rerun_text = (workdir / "rerun.stderr").read_text(encoding="utf-8")
    calls = _CALLS.search(rerun_text)
    rerun_calls = int(calls.group(1)) if calls else -1
    share = rerun.seconds / first.seconds
    figure = Figure(
        f"memory: unchanged re-run with a memory ({shape.name} model)",
        f"re-run: {rerun.seconds:.2f} s, {rerun_calls} engine calls",
        f"first run: {first.seconds:.2f} s ({hits(workdir / 'first.stderr')})",
        f"{share:.1%}",
        "≤ 3%, 0 engine calls",
        None if quick else (rerun_calls == 0 and share <= TARGET_RERUN_SHARE),
    )
    note = (
        f"Memory re-run: a document of {len(document)} sentences ({MT_EXACT} in the memory, "
        f"{MT_CLOSE} close variants, {MT_NEW} new) translated with the {shape.name} benchmark "
        "model and the memory above, then run again unchanged. First run's summary: "
        f"`{first_text.strip().splitlines()[-1] if first_text.strip() else '-'}`."
    )
    return figure, (note,)
