"""Run every benchmark against its anchor and print one results table.

The table (with the machine's CPU and core count, and notes on how each figure was made) is
also written as Markdown to bench/out/results.md, or to --out FILE. `make bench` runs the full
set (under 10 minutes on 2 cores), `make bench-quick` the quick one (under 2 minutes).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from bench import Figure, Section, log

DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "results.md"

# Module name -> title; each module has `run(quick: bool) -> Section`.
BENCHMARKS: tuple[tuple[str, str], ...] = (
    ("bench.startup", "Start-up"),
    ("bench.segment", "Segmentation quality"),
    ("bench.segstress", "Segmentation stress families"),
    ("bench.segspeed", "Segmentation speed against the round's start"),
    ("bench.scale", "Scale"),
    ("bench.terms", "Terminology"),
    ("bench.floods", "Floods"),
    ("bench.mt", "Machine translation"),
    ("bench.markup", "HTML and Markdown"),
    ("bench.memory", "Translation memory"),  # after mt: reuses its cached model
)


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_line() -> str:
    import ctranslate2

    return (
        f"CPU: {cpu_model()}, {os.cpu_count()} cores (os.cpu_count()); "
        f"Python {platform.python_version()}; CTranslate2 {ctranslate2.__version__}; "
        f"{platform.system()} {platform.release()}"
    )


def _status(figure: Figure) -> str:
    return {True: "PASS", False: "MISS", None: "info"}[figure.passed]


def _note_lines(notes: tuple[str, ...]) -> list[str]:
    """Notes as list items, except fenced blocks (a note of just ```), kept verbatim."""
    lines: list[str] = []
    fenced = False
    for note in notes:
        if note.startswith("```"):
            fenced = not fenced
            lines.append(note)
        else:
            lines.append(note if fenced else f"- {note}")
    return lines


def render_markdown(sections: list[Section], command: str, seconds: float) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine_line()}",
        f"- Command: `{command}` ({seconds:.0f} s in all)",
        "",
        "| Benchmark | Measured | Anchor | Result | Target | Status |",
        "|---|---|---|---|---|---|",
    ]
    for section in sections:
        for figure in section.figures:
            cells = [
                figure.benchmark,
                figure.contender,
                figure.anchor,
                figure.result,
                figure.target,
                _status(figure),
            ]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    for section in sections:
        if section.notes:
            lines += ["", f"## {section.title}", ""]
            lines += _note_lines(section.notes)
    return "\n".join(lines) + "\n"


def render_text(sections: list[Section]) -> str:
    rows = [("Benchmark", "Result", "Target", "Status", "Measured / anchor")]
    for section in sections:
        for figure in section.figures:
            rows.append(
                (
                    figure.benchmark,
                    figure.result,
                    figure.target,
                    _status(figure),
                    f"{figure.contender}; {figure.anchor}",
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + "  "
        + row[4]
        for row in rows
    )


def _crashed(title: str, error: BaseException) -> Section:
    detail = "".join(traceback.format_exception_only(type(error), error)).strip()
    return Section(
        title,
        (Figure(title, f"benchmark failed: {detail[:120]}", "-", "n/a", "-", None),),
        (f"{title} failed:", "```", traceback.format_exc().rstrip(), "```"),
    )


def run_all(quick: bool, only: list[str] | None) -> tuple[list[Section], bool]:
    sections: list[Section] = []
    healthy = True
    for module_name, title in BENCHMARKS:
        if only and module_name.rsplit(".", 1)[1] not in only:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                log(f"{module_name} is not there yet; skipped")
                continue
            raise
        runner: Callable[[bool], Section] = module.run
        started = time.perf_counter()
        log(f"== {title} ==")
        try:
            sections.append(runner(quick))
        except Exception as error:  # one broken benchmark must not hide the others' figures
            healthy = False
            sections.append(_crashed(title, error))
        log(f"{title}: {time.perf_counter() - started:.1f} s")
    return sections, healthy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--quick", action="store_true", help="small model and corpus (< 2 min)")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="Markdown results file (%(default)s)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=[name.rsplit(".", 1)[1] for name, _ in BENCHMARKS],
        help="run only this benchmark (repeatable)",
    )
    options = parser.parse_args(argv)
    started = time.perf_counter()
    sections, healthy = run_all(options.quick, options.only)
    seconds = time.perf_counter() - started
    command = "python -m bench" + (" --quick" if options.quick else "")
    print(render_text(sections))
    markdown = render_markdown(sections, command, seconds)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(markdown, encoding="utf-8")
    print(f"\n{machine_line()}\nResults written to {options.out} ({seconds:.0f} s)")
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
