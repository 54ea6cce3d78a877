"""Floods stay linear (issue 19, case 14): `python -m bench.floods [--quick]`.

Two inputs that used to be quadratic, each timed at size N and 4N in the same run; the figure
is the ratio t(4N) / t(N): about 4 when linear, about 16 when quadratic.

* one sentence repeated N times, one per line: segmenting, then gathering its N references
  into one template entry (was a list membership test per reference: 40k repeats 23 s);
* a run of N combining marks with no space: the length cut (was one segment per mark after a
  walk back of the maximum length each, 1M marks never finished).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from bench import Figure, Section, log

TARGET_RATIO = 6.0  # linear: ~4 (plus noise on shared cores); quadratic: ~16


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _repeats(count: int) -> Callable[[], object]:
    from translate import catalog
    from translate.segment import segment_text

    text = "Xin chào các bạn.\n" * count

    def work() -> object:
        return catalog.template_entries([segment_text(text, path="flood.txt")])

    return work


def _marks(count: int) -> Callable[[], object]:
    from translate.segment import segment_text

    text = "a" + "\u0301" * count

    def work() -> object:
        return segment_text(text, path="marks.txt")

    return work


def _figure(
    name: str, small: int, make: Callable[[int], Callable[[], object]], runs: int
) -> Figure:
    large = small * 4
    log(f"floods: {name}, {small:,} and {large:,}")
    make(small // 10)()  # warm-up: imports, compiled patterns, langdetect's profiles
    t_small = _best_of(runs, make(small))
    t_large = _best_of(runs, make(large))
    ratio = t_large / t_small if t_small > 0 else float("inf")
    return Figure(
        benchmark=f"floods: {name}",
        contender=f"{large:,}: {t_large:.2f} s",
        anchor=f"{small:,}: {t_small:.2f} s",
        result=f"{ratio:.1f}× for 4× the input",
        target=f"≤ {TARGET_RATIO:.0f}× (linear ≈ 4×)",
        passed=ratio <= TARGET_RATIO,
    )


def run(quick: bool) -> Section:
    runs = 2 if quick else 3
    figures = (
        _figure("one sentence repeated", 25_000 if quick else 50_000, _repeats, runs),
        _figure("run of combining marks", 250_000, _marks, runs),
    )
    notes = (
        f"Floods: best of {runs} run(s) at N and 4N in the same process; the ratio is what "
        "the target is about (absolute times depend on the machine and its load).",
    )
    return Section("Floods", figures, notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    options = parser.parse_args(argv)
    section = run(options.quick)
    for figure in section.figures:
        print(f"{figure.benchmark}: {figure.result} ({figure.contender}; {figure.anchor})")
    return 0 if all(figure.passed is not False for figure in section.figures) else 1


if __name__ == "__main__":
    sys.exit(main())
