"""Progress on standard error that tells the truth: phases by name, `n of N`, a rate and an
ETA that does not swing.

Modes: ``bar`` shows each phase as it starts and redraws one status line on a terminal;
``plain`` prints the current status about every ten seconds, so logs (make, CI, nohup) show a
long job alive while a short one (or one that fails at once) prints only its summary or its
one `Error:` line; ``none`` prints nothing. ``auto`` is ``bar`` on a terminal, else ``plain``.
"""

from __future__ import annotations

import math
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

MODES = ("auto", "bar", "plain", "none")
PLAIN_INTERVAL = 10.0  # seconds between plain lines
BAR_INTERVAL = 0.2  # seconds between redraws of the bar
# Time constant of the rate's moving average, in seconds: a measurement counts by the time it
# spans, so a batch that lands right after another (CTranslate2 returns them in bursts) cannot
# swing the ETA, while a real change of pace shows within a few time constants.
RATE_TIME_CONSTANT = 10.0


def resolve_mode(mode: str, stream: TextIO | None = None) -> str:
    if mode != "auto":
        return mode
    stream = stream or sys.stderr
    return "bar" if stream.isatty() else "plain"


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass
class RateEstimate:
    """Items per second as a moving average over the updates, and the ETA it gives."""

    started: float
    last_time: float
    last_done: int = 0
    rate: float | None = None

    def update(self, now: float, done: int) -> None:
        elapsed = now - self.last_time
        if elapsed <= 0 or done <= self.last_done:
            return
        measured = (done - self.last_done) / elapsed
        if self.rate is None:
            # The first measurement includes the start-up of the work: use the whole span.
            total_elapsed = now - self.started
            self.rate = done / total_elapsed if total_elapsed > 0 else measured
        else:
            weight = 1.0 - math.exp(-elapsed / RATE_TIME_CONSTANT)
            self.rate += weight * (measured - self.rate)
        self.last_time, self.last_done = now, done

    def eta(self, remaining: int) -> float | None:
        if not self.rate:
            return None
        return remaining / self.rate


class Reporter:
    """Phases and counted work on ``stream`` in one of the MODES (already resolved)."""

    def __init__(
        self,
        mode: str,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.mode = mode
        self.stream = stream or sys.stderr
        self.clock = clock
        self._label = ""
        self._unit = ""
        self._total = 0
        self._done = 0
        self._estimate: RateEstimate | None = None
        self._last_shown = 0.0
        self._bar_visible = False
        self._phase = ""
        self._began = clock()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        if mode == "plain":
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()

    def phase(self, message: str) -> None:
        """A named step (`loading model …`, `writing …`)."""
        self._phase = message
        if self.mode == "bar":
            self._clear_bar()
            self._write(f"{message}…\n")

    def start(self, total: int, label: str = "translating", unit: str = "sentences") -> None:
        now = self.clock()
        self._label, self._unit, self._total, self._done = label, unit, total, 0
        self._estimate = RateEstimate(started=now, last_time=now)
        self._last_shown = now
        if self.mode == "bar":
            self._draw()

    def advance(self, count: int) -> None:
        if self._estimate is None:
            return
        self._done = min(self._total, self._done + count)
        now = self.clock()
        self._estimate.update(now, self._done)
        if self.mode == "bar" and now - self._last_shown >= BAR_INTERVAL:
            self._last_shown = now
            self._draw()

    def finish(self) -> None:
        if self._estimate is None:
            return
        if self.mode == "bar":
            self._draw()
            self._write("\n")
            self._bar_visible = False
        elif self.mode == "plain" and self.clock() - self._began >= PLAIN_INTERVAL:
            self._write(self.status(final=True) + "\n")  # a long job: say how it ended
        self._estimate = None

    def plain_line(self) -> str:
        """What the plain ticker prints: the elapsed time and the current status or phase."""
        elapsed = format_duration(self.clock() - self._began)
        current = self.status() if self._estimate is not None else f"{self._phase}…"
        return f"[{elapsed}] {current}"

    def _tick(self) -> None:
        while not self._stop.wait(PLAIN_INTERVAL):
            if self._phase or self._estimate is not None:
                self._write(self.plain_line() + "\n")

    def status(self, final: bool = False) -> str:
        """`translating: 1,200/4,000 sentences (30%), 40.1/s, ETA 1:10`."""
        total, done = self._total, self._done
        percent = 100 * done // total if total else 100
        text = f"{self._label}: {done:,}/{total:,} {self._unit} ({percent}%)"
        estimate = self._estimate
        if estimate is not None and estimate.rate:
            text += f", {estimate.rate:.1f}/s"
            if final:
                text += f", {format_duration(self.clock() - estimate.started)}"
            else:
                eta = estimate.eta(total - done)
                if eta is not None:
                    text += f", ETA {format_duration(eta)}"
        return text

    def _draw(self) -> None:
        self._write(f"\r{self.status()}\x1b[K")
        self._bar_visible = True

    def _clear_bar(self) -> None:
        if self._bar_visible:
            self._write("\n")
            self._bar_visible = False

    def _write(self, text: str) -> None:
        with self._lock:  # the plain ticker writes from its own thread
            self.stream.write(text)
            self.stream.flush()
