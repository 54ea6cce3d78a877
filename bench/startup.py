"""Start-up: `translate --help` (and `translate run --help`) against `python -c pass`."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import Figure, Section, log

TARGET_SECONDS = 0.3


def _translate_command() -> list[str]:
    script = Path(sys.executable).with_name("translate")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "translate"]


def _wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {completed.returncode}: "
            + completed.stderr.decode(errors="replace")[-500:]
        )
    return elapsed


def median_wall_times(
    commands: dict[str, list[str]], runs: int
) -> tuple[dict[str, float], dict[str, str]]:
    """Median wall time of each command, and the error of each command that failed.

    Runs interleave so that load drifts hit all commands alike.
    """
    failures: dict[str, str] = {}
    for name, command in commands.items():  # warm the page cache and .pyc files first
        try:
            _wall_time(command)
        except RuntimeError as error:
            failures[name] = str(error)
    working = {name: command for name, command in commands.items() if name not in failures}
    samples: dict[str, list[float]] = {name: [] for name in working}
    for _ in range(runs):
        for name, command in working.items():
            samples[name].append(_wall_time(command))
    return {name: statistics.median(values) for name, values in samples.items()}, failures


def run(quick: bool) -> Section:
    runs = 5 if quick else 11
    log(f"start-up: {runs} interleaved runs each of python -c pass / translate --help")
    translate = _translate_command()
    commands = {
        "python": [sys.executable, "-c", "pass"],
        "help": [*translate, "--help"],
        "run-help": [*translate, "run", "--help"],
    }
    medians, failures = median_wall_times(commands, runs)
    if "python" in failures:
        raise RuntimeError(failures["python"])
    figures = []
    for name, label in (("help", "translate --help"), ("run-help", "translate run --help")):
        if name in failures:
            figures.append(
                Figure(
                    benchmark=f"start-up: {label}",
                    contender=f"{label}: failed ({failures[name].splitlines()[-1][:80]})",
                    anchor=f"python -c pass: {medians['python']:.3f} s",
                    result="n/a",
                    target=f"≤ +{TARGET_SECONDS} s",
                    passed=None,
                )
            )
            continue
        difference = medians[name] - medians["python"]
        figures.append(
            Figure(
                benchmark=f"start-up: {label}",
                contender=f"{label}: {medians[name]:.3f} s",
                anchor=f"python -c pass: {medians['python']:.3f} s",
                result=f"+{difference:.3f} s",
                target=f"≤ +{TARGET_SECONDS} s",
                passed=difference <= TARGET_SECONDS,
            )
        )
    notes = (
        f"Start-up: median of {runs} interleaved runs after one warm-up run each; "
        f"command `{' '.join(translate)} --help`.",
    )
    return Section("Start-up", tuple(figures), notes)
