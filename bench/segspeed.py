"""Segmentation speed against the segmenter this round started from: `python -m bench.segspeed`.

Issue 11 asks for a segmenter that holds on real documents and is "no slower than today on
1 MB of text". "Today" is the commit the round started from (``BASELINE``, 2026-11-26); its
``translate`` package is taken out of this repository's history with ``git archive`` into
``.bench-cache`` (no git, or a shallow clone without the commit: the section says so).

Both segmenters run in fresh child processes, one after the other, N times (CPU time, best of
N, so that load from other processes hits both alike). Each child loads langdetect's profiles
and segments a small text before the clock starts, so neither side pays a one-time cost the
other does not; what is timed is one ``segment_text`` call on 1 MB, as a first run meets it:
the language of every segment is decided for the first time (a segment only langdetect can
judge costs a few milliseconds there).

Two texts of 1,000,000 characters:

* news: the Vietnamese NTREX sentences of ``../shared/data``, one paragraph each (blank lines
  between), repeated: clean text, where neither side needs langdetect;
* real documents: the tuning sets of ``tests/data/segdev`` (dev to dev10; never the held-out
  ones), blank lines between, repeated: scraped pages, decrees, Wikipedia, forums, Markdown.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from bench import Figure, Section, log
from bench.segment_real import TUNING_SETS

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench-cache"
BASELINE = "2fdd1c5"  # the last commit of 2026-11-26: the code issue 11 was filed against
NTREX = ROOT.parent / "shared" / "data" / "ntrex128-newstest2019.vi-en.tsv"
SEGDEV = ROOT / "tests" / "data" / "segdev"
SIZE = 1_000_000

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from translate.langid import detect_language
from translate.segment import segment_text
text = open(sys.argv[2], encoding="utf-8").read()
detect_language("The quick brown fox jumps over the lazy dog near the river bank today")
segment_text(text[:20000])
started = time.process_time()
count = len(segment_text(text).segments)
print(json.dumps({"seconds": time.process_time() - started, "segments": count}))
"""


def baseline_tree() -> Path | str:
    """The baseline's source tree under .bench-cache, or why it cannot be had."""
    target = CACHE / f"segmenter-{BASELINE}"
    if (target / "translate" / "__init__.py").is_file():
        return target
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", BASELINE, "translate"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return f"commit {BASELINE} is not in this checkout's history (no git, or a shallow clone)"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as tar:
            if hasattr(tarfile, "data_filter"):  # (Python 3.10.12 and later)
                tar.extractall(target, filter="data")
            else:
                tar.extractall(target)  # (our own repository's history)
    return target


def _repeated(parts: list[str]) -> str:
    text = "\n\n".join(parts)
    return (text * (SIZE // len(text) + 1))[:SIZE]


def corpora(folder: Path) -> dict[str, Path]:
    """The two 1 MB texts, written once to ``folder``."""
    texts = {}
    if NTREX.is_file():
        lines = NTREX.read_text(encoding="utf-8").splitlines()
        texts["news"] = _repeated([line.split("\t", 1)[0] for line in lines])
    documents = [
        path.read_text(encoding="utf-8")
        for name in TUNING_SETS
        for path in sorted((SEGDEV / name / "docs").glob("*.txt"))
    ]
    if documents:
        texts["real documents"] = _repeated(documents)
    paths = {}
    for name, text in texts.items():
        path = folder / f"{name.replace(' ', '-')}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def _timed(tree: Path, text: Path) -> tuple[float, int]:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree), str(text)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout)
    return float(figures["seconds"]), int(figures["segments"])


def measure(runs: int) -> tuple[list[Figure], list[str]]:
    baseline = baseline_tree()
    if isinstance(baseline, str):
        return [], [f"Segmentation speed against {BASELINE}: not measured, {baseline}."]
    figures, notes = [], []
    with tempfile.TemporaryDirectory() as folder:
        for name, path in corpora(Path(folder)).items():
            best = {"now": float("inf"), "then": float("inf")}
            counts = {}
            for run in range(runs):
                log(f"segspeed: {name}, run {run + 1} of {runs}")
                for side, tree in (("now", ROOT), ("then", baseline)):
                    seconds, counts[side] = _timed(tree, path)
                    best[side] = min(best[side], seconds)
            ratio = best["now"] / best["then"]
            figures.append(
                Figure(
                    benchmark=f"segmentation speed on 1 MB of {name}, against {BASELINE}",
                    contender=f"segment_text now: {best['now']:.2f} s CPU, "
                    f"{counts['now']:,} segments",
                    anchor=f"segment_text at {BASELINE}: {best['then']:.2f} s CPU, "
                    f"{counts['then']:,} segments",
                    result=f"{ratio:.2f}×",
                    target="≤ 1× (no slower)",
                    passed=ratio <= 1.0,
                )
            )
    notes.append(
        f"Segmentation speed: best CPU time of {runs} interleaved runs, each side in a fresh "
        f"process with langdetect loaded and a warm-up first; the baseline is commit {BASELINE} "
        "(the code issue 11 was filed against), taken from git history into .bench-cache. The "
        "real-document text is the tuning sets only. The two sides find different segments: the "
        "counts say how many."
    )
    return figures, notes


def run(quick: bool) -> Section:
    """Entry point for `python -m bench`."""
    figures, notes = measure(3 if quick else 7)
    return Section("Segmentation speed against the round's start", tuple(figures), tuple(notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs instead of 7")
    options = parser.parse_args(argv)
    section = run(options.quick)
    for figure in section.figures:
        print(f"{figure.benchmark}: {figure.result} ({figure.contender}; {figure.anchor})")
    for note in section.notes:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
