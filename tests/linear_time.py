"""Whether segmenting grows linearly with the text: a ratio measured side by side, never an
absolute time. Four times the text must take about four times as long (quadratic work would
take sixteen). CPU time, best of two: other processes on a busy machine stretch wall time,
not this process's CPU time."""

from __future__ import annotations

import time
from collections.abc import Callable

from translate.segment import segment_text


def segment_seconds(unit: str, size: int) -> float:
    """CPU seconds to segment ``unit`` repeated to ``size`` characters."""
    text = (unit * (size // len(unit) + 1))[:size]
    started = time.process_time()
    document = segment_text(text)
    elapsed = time.process_time() - started
    assert document.segments[-1].end <= len(text)
    return elapsed


def assert_linear(unit: str, small_size: int, slack: float) -> None:
    """Segmenting 4 × ``small_size`` characters of ``unit`` takes under 8 × the time of
    ``small_size`` plus ``slack`` seconds."""
    small = min(segment_seconds(unit, small_size) for _ in range(2))
    large = min(segment_seconds(unit, 4 * small_size) for _ in range(2))
    assert large < 8 * small + slack, (
        f"{large:.2f} s for {4 * small_size:,} characters vs {small:.2f} s for {small_size:,}"
    )


def assert_linear_work(work: Callable[[int], object], small_size: int, slack: float) -> None:
    """``work(4 × small_size)`` takes under 8 × the CPU time of ``work(small_size)`` plus
    ``slack`` seconds (any input-size-driven call, not only segmenting)."""

    def seconds(size: int) -> float:
        started = time.process_time()
        work(size)
        return time.process_time() - started

    small = min(seconds(small_size) for _ in range(2))
    large = min(seconds(4 * small_size) for _ in range(2))
    assert large < 8 * small + slack, (
        f"{large:.2f} s for size {4 * small_size:,} vs {small:.2f} s for {small_size:,}"
    )
