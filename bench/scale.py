"""Scale: segment and write catalogues for 100,000 segments, then merge a 1% source change.

Both steps run `translate run --no-mt` in a child process (the real command, start-up
included), so the peak memory is the child's own maximum resident set size
(`resource.getrusage(RUSAGE_CHILDREN)` read by a small wrapper process around it). When a
target is missed, the same command runs again under cProfile and the functions that hold the
time are listed with the module (and so the owner) they live in.
"""

from __future__ import annotations

import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bench import Figure, Section, log
from bench.package import CACHE_ROOT, news_sentences

FULL_SEGMENTS = 100_000
QUICK_SEGMENTS = 10_000
TARGET_FIRST_SECONDS = 20.0
TARGET_PEAK_MIB = 1024.0
TARGET_UPDATE_SECONDS = 10.0
CHANGED_SHARE = 0.01
PROFILE_SEGMENTS = 20_000  # a missed target is profiled on a smaller document: same shape
CHILD_TIMEOUT_FULL = 150
CHILD_TIMEOUT_QUICK = 45
SENTENCES_PER_PARAGRAPH = 5

# Sentence openers used to derive distinct variants of a real sentence.
_OPENERS = (
    "Ngoài ra,",
    "Theo đó,",
    "Trong khi đó,",
    "Đồng thời,",
    "Tuy nhiên,",
    "Bên cạnh đó,",
    "Cũng theo nguồn tin này,",
    "Mặt khác,",
    "Thêm vào đó,",
    "Trước đó,",
    "Sau đó,",
)
_FINAL = re.compile(r"([.!?…]+[”\"’)]*)$")


def _lower_first(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def variant(sentence: str, copy: int) -> str:
    """The ``copy``-th deterministic edit of a real sentence (copy 0 is the sentence itself).

    Distinct copies give distinct texts: the opener index is ``copy % (openers + 1)`` and
    the year clause index is ``copy // (openers + 1)``.
    """
    clause_index, opener_index = divmod(copy, len(_OPENERS) + 1)
    text = sentence
    if clause_index:
        match = _FINAL.search(text)
        end = match.group(1) if match else ""
        body = text[: len(text) - len(end)] if end else text
        text = f"{body}, theo số liệu năm {1990 + clause_index}{end}"
    if opener_index:
        text = f"{_OPENERS[opener_index - 1]} {_lower_first(text)}"
    return text


def distinct_sentences(base: list[str], count: int) -> list[str]:
    """``count`` distinct sentences made from ``base`` by deterministic edits."""
    unique = list(dict.fromkeys(s for s in base if s.strip()))
    result: list[str] = []
    seen: set[str] = set()
    copy = 0
    while len(result) < count:
        for sentence in unique:
            text = variant(sentence, copy)
            if text not in seen:
                seen.add(text)
                result.append(text)
                if len(result) == count:
                    break
        copy += 1
    return result


def changed(sentence: str) -> str:
    """A small edit an author might make: a clause added before the final punctuation."""
    match = _FINAL.search(sentence)
    end = match.group(1) if match else ""
    body = sentence[: len(sentence) - len(end)] if end else sentence
    return f"{body} vào tuần trước{end}"


def render_document(sentences: list[str]) -> str:
    """Paragraphs of a few sentences; a sentence without final punctuation stands on its own
    line (as headlines do), so the segmenter sees one segment per sentence."""
    paragraphs: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        if not _FINAL.search(sentence):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            paragraphs.append(sentence)
            continue
        current.append(sentence)
        if len(current) == SENTENCES_PER_PARAGRAPH:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


_MEASURE = """
import json, resource, subprocess, sys, time
timeout = float(sys.argv[1])
started = time.perf_counter()
try:
    completed = subprocess.run(sys.argv[2:], capture_output=True, timeout=timeout)
    returncode, stderr = completed.returncode, completed.stderr
except subprocess.TimeoutExpired as expired:
    returncode, stderr = None, expired.stderr or b""
seconds = time.perf_counter() - started
print(json.dumps({
    "returncode": returncode,
    "seconds": seconds,
    "max_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    "stderr": stderr.decode("utf-8", "replace")[-3000:],
}))
"""


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_mib: float
    timed_out: bool

    def describe(self) -> str:
        stopped = " (stopped: time limit)" if self.timed_out else ""
        return f"{self.seconds:.1f} s{stopped}, peak {self.peak_mib:.0f} MiB"


def measure_child(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> ChildRun:
    """Wall time and peak RSS of ``command``, measured by a fresh wrapper process."""
    completed = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(timeout), *command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(completed.stdout)
    if report["returncode"] not in (0, None):
        raise RuntimeError(
            f"{' '.join(command)} exited {report['returncode']}:\n{report['stderr']}"
        )
    return ChildRun(report["seconds"], report["max_rss_kib"] / 1024, report["returncode"] is None)


def owner_of(filename: str) -> str:
    """Which helper owns a module, for the profile notes (see the team conventions)."""
    owners = {
        "segment.py": "helper A",
        "langid.py": "helper A",
        "abbreviations.py": "helper A",
        "models.py": "helper B",
        "engine.py": "helper B",
        "pipeline.py": "helper C",
        "catalog.py": "helper C",
        "pofile.py": "helper C",
        "fileio.py": "helper D",
    }
    path = Path(filename)
    if "translate" in path.parts and path.name in owners:
        return f"translate/{path.name} ({owners[path.name]})"
    if "site-packages" in path.parts:
        index = path.parts.index("site-packages")
        return f"{path.parts[index + 1]} (third party)" if index + 1 < len(path.parts) else ""
    return path.name


def profile_summary(profile_file: Path, limit: int = 12) -> list[str]:
    """The functions with the most own time, then the project functions with the most
    cumulative time, as note lines."""
    stats = pstats.Stats(str(profile_file))
    table = stats.stats  # type: ignore[attr-defined]
    rows = [
        (tottime, cumtime, calls, f"{owner_of(file)}:{line} {function}")
        for (file, line, function), (_, calls, tottime, cumtime, _) in table.items()
    ]
    total = max((cumtime for _, cumtime, _, _ in rows), default=0.0)
    lines = [f"profile total {total:.2f} s; own time (tottime), calls, function:", "```"]
    for tottime, _, calls, name in sorted(rows, reverse=True)[:limit]:
        lines.append(f"{tottime:8.3f} s  {calls:>9}  {name}")
    lines.append("```")
    project = [row for row in rows if "(helper" in row[3]]
    lines.append("project functions by cumulative time:")
    lines.append("```")
    for _, cumtime, calls, name in sorted(project, key=lambda row: -row[1])[:limit]:
        lines.append(f"{cumtime:8.3f} s  {calls:>9}  {name}")
    lines.append("```")
    return lines


def _profile(command: list[str], cwd: Path, env: dict[str, str], label: str) -> list[str]:
    profile_file = cwd / "run.prof"
    profile_file.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile_file), "-m", "translate", *command],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )
    if not profile_file.is_file():
        return [f"{label}: profiling produced no profile"]
    return [f"Profile of the {label} (cProfile):", *profile_summary(profile_file)]


def _without_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def translate_catalogue(po_path: Path) -> None:
    """Give every live entry a stand-in translation recorded as machine output."""
    from dataclasses import replace

    from translate import pofile, provenance

    po = pofile.read(po_path)
    messages = []
    for message in po.messages:
        if message.obsolete:
            messages.append(message)
            continue
        text = _without_diacritics(message.msgid)
        note = (
            f"{provenance.MT_PREFIX} engine=bench package=stand-in version=1 score=-0.500 "
            f"digest={provenance.msgstr_digest(text)}"
        )
        messages.append(replace(message, msgstr=text, fuzzy=True, comments=(note,)))
    po_path.write_text(pofile.serialize(replace(po, messages=tuple(messages))), encoding="utf-8")


def _count_entries(pot: Path) -> tuple[int, int]:
    """Entries of a template and the source references they list (one per segment)."""
    entries = references = 0
    with pot.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("msgid "):
                entries += 1
            elif line.startswith("#: "):
                references += line.count(".txt:")
    return entries - 1, references  # the header is no entry


@dataclass(frozen=True)
class Workload:
    """A source document and its 1%-changed version."""

    original: str
    changed: str
    changed_sentences: int


def workload(base: list[str], segments: int) -> Workload:
    sentences = distinct_sentences(base, segments)
    stride = round(1 / CHANGED_SHARE)
    edited = [changed(s) if i % stride == stride // 2 else s for i, s in enumerate(sentences)]
    return Workload(render_document(sentences), render_document(edited), segments // stride)


def profile_runs(
    work: Workload, command: list[str], workdir: Path, env: dict[str, str]
) -> list[str]:
    """cProfile of a first run and of a 1% update, at PROFILE_SEGMENTS to stay quick."""
    folder = workdir / "profile"
    folder.mkdir()
    source = folder / "news.vi.txt"
    arguments = ["run", "--no-mt", "--output-dir", "locales", source.name]
    source.write_text(work.original, encoding="utf-8")
    notes = _profile(arguments, folder, env, f"first run ({PROFILE_SEGMENTS:,} segments)")
    source.write_text(work.changed, encoding="utf-8")
    notes += _profile(arguments, folder, env, f"1% update ({PROFILE_SEGMENTS:,} entries)")
    return notes


def run(quick: bool) -> Section:
    segments = QUICK_SEGMENTS if quick else FULL_SEGMENTS
    base, _, corpus = news_sentences("all")
    work = workload(base, segments)
    translate = Path(sys.executable).with_name("translate")
    command = [str(translate)] if translate.is_file() else [sys.executable, "-m", "translate"]
    CACHE_ROOT.mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="scale-", dir=CACHE_ROOT))
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    env["ARGOS_PACKAGES_DIR"] = str(workdir / "no-packages")  # --no-mt needs no model
    timeout = CHILD_TIMEOUT_QUICK if quick else CHILD_TIMEOUT_FULL
    notes = [
        f"Scale: {segments:,} distinct sentences made from {len(set(base)):,} real ones "
        f"({corpus}) by deterministic edits (an opener such as `Ngoài ra,` and/or a clause "
        f"`, theo số liệu năm N`), {SENTENCES_PER_PARAGRAPH} per paragraph. Each step is "
        "`translate run --no-mt` in a child process (start-up included); peak memory is the "
        f"child's max RSS (getrusage RUSAGE_CHILDREN); each run is stopped after {timeout} s.",
    ]
    try:
        source = workdir / "news.vi.txt"
        source.write_text(work.original, encoding="utf-8")
        arguments = ["run", "--no-mt", "--output-dir", "locales", source.name]
        log(f"scale: translate run --no-mt on {segments:,} segments")
        first = measure_child([*command, *arguments], workdir, env, timeout)
        pot = workdir / "locales" / "news.pot"
        entries, references = _count_entries(pot) if pot.is_file() else (-1, -1)
        translated_dir = "locales-translated"
        shutil.copytree(workdir / "locales", workdir / translated_dir)
        translate_catalogue(workdir / translated_dir / "en" / "news.po")
        source.write_text(work.changed, encoding="utf-8")
        log(f"scale: 1% update ({work.changed_sentences:,} sentences changed)")
        update = measure_child([*command, *arguments], workdir, env, timeout)
        log("scale: the same update of a translated catalogue")
        translated_arguments = ["run", "--no-mt", "--output-dir", translated_dir, source.name]
        translated = measure_child([*command, *translated_arguments], workdir, env, timeout)
        notes.append(
            f"Scale: the segmenter found {references:,} segments (some lines hold two "
            f"sentences), {entries:,} distinct (the second sentence of such a line repeats "
            f"across its variants); the update changed {work.changed_sentences:,} sentences (a "
            "clause added) and merged into the existing template and catalogue. Source: "
            f"{source.stat().st_size / 1e6:.1f} MB."
        )
        notes.append(
            "Scale: the translated variant starts from the first run's catalogue with every "
            "entry given a translation as machine output (fuzzy, a `# mt:` line whose digest "
            "matches; the text is the msgid without its diacritics), so the update also keeps "
            f"{entries:,} translations, checks their provenance, wraps them, and looks for a "
            "close old match for each changed sentence (the removed ones are candidates)."
        )
        scale_note = " (quick: 10k; the targets apply to 100k)" if quick else ""
        first_ok = (
            not first.timed_out
            and first.seconds < TARGET_FIRST_SECONDS
            and first.peak_mib < TARGET_PEAK_MIB
        )
        update_ok = not update.timed_out and update.seconds < TARGET_UPDATE_SECONDS
        figures = (
            Figure(
                benchmark=f"scale: segment + write {segments:,} segments{scale_note}",
                contender=first.describe(),
                anchor=f"target {TARGET_FIRST_SECONDS:.0f} s / {TARGET_PEAK_MIB:.0f} MiB",
                result=f"{first.seconds / TARGET_FIRST_SECONDS:.0%} of time, "
                f"{first.peak_mib / TARGET_PEAK_MIB:.0%} of memory budget",
                target=f"< {TARGET_FIRST_SECONDS:.0f} s and < 1 GB",
                passed=None if quick else first_ok,
            ),
            Figure(
                benchmark=f"scale: 1% update of {segments:,} entries{scale_note}",
                contender=update.describe(),
                anchor=f"first run {first.seconds:.1f} s",
                result=f"{update.seconds / first.seconds:.0%} of the first run",
                target=f"< {TARGET_UPDATE_SECONDS:.0f} s",
                passed=None if quick else update_ok,
            ),
            Figure(
                benchmark=f"scale: the same update, every entry translated (context){scale_note}",
                contender=translated.describe(),
                anchor=f"untranslated {update.seconds:.1f} s",
                result=f"{translated.seconds / update.seconds:.0%} of the untranslated update",
                target=f"(context; < {TARGET_UPDATE_SECONDS:.0f} s would meet the target)",
                passed=None,
            ),
        )
        if not quick and not (first_ok and update_ok):
            log(f"scale: a target was missed; profiling at {PROFILE_SEGMENTS:,} segments")
            notes += profile_runs(workload(base, PROFILE_SEGMENTS), command, workdir, env)
        return Section("Scale", figures, tuple(notes))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
