"""Progress that tells the truth: n of N, a rate and an ETA that do not swing, per mode."""

from __future__ import annotations

import io

import pytest

from translate.cli import progress as progress_module
from translate.cli.progress import RateEstimate, Reporter, format_duration, resolve_mode


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_auto_mode_follows_the_stream() -> None:
    assert resolve_mode("auto", Terminal()) == "bar"
    assert resolve_mode("auto", io.StringIO()) == "plain"
    assert resolve_mode("none", Terminal()) == "none"


def test_bar_shows_phases_counts_rate_and_eta_from_the_first_batch() -> None:
    clock, out = Clock(), Terminal()
    with Reporter("bar", out, clock) as reporter:
        reporter.phase("loading argos-ctranslate2 translate-vi_en 1.0")
        reporter.start(1000)
        assert "translating: 0/1,000 sentences (0%)" in out.getvalue()
        clock.now += 5
        reporter.advance(100)
        shown = out.getvalue()
        assert "100/1,000 sentences (10%), 20.0/s, ETA 0:45" in shown
        clock.now += 5
        reporter.advance(100)
        reporter.finish()
    text = out.getvalue()
    assert text.startswith("loading argos-ctranslate2 translate-vi_en 1.0…\n")
    assert "200/1,000" in text and text.endswith("\n")


def test_eta_does_not_swing_with_one_odd_batch() -> None:
    estimate = RateEstimate(started=0.0, last_time=0.0)
    done = 0
    for second in range(1, 11):  # a steady 10 sentences/s
        done += 10
        estimate.update(float(second), done)
    steady = estimate.eta(1000)
    estimate.update(10.1, done + 40)  # one batch that finishes all at once
    assert steady is not None and abs(steady - 100) < 1
    after = estimate.eta(1000)
    assert after is not None and after > 0.5 * steady  # a raw rate would say 0:03


def test_plain_mode_is_silent_for_short_jobs_and_ticks_on_long_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock, out = Clock(), io.StringIO()
    monkeypatch.setattr(progress_module, "PLAIN_INTERVAL", 0.05)
    with Reporter("plain", out, clock) as reporter:
        reporter.phase("reading and segmenting 3 documents")
        reporter.start(10)
        reporter.advance(3)
        assert out.getvalue() == ""  # nothing at once: an error stays one line
        clock.now += 1
        for _ in range(200):  # the ticker thread prints within a few intervals
            if out.getvalue():
                break
            import time

            time.sleep(0.01)
        reporter.advance(7)
        reporter.finish()
    assert out.getvalue().startswith("[0:01] translating: 3/10 sentences (30%)")


def test_none_prints_nothing() -> None:
    out = Terminal()
    with Reporter("none", out, Clock()) as reporter:
        reporter.phase("x")
        reporter.start(3)
        reporter.advance(3)
        reporter.finish()
    assert out.getvalue() == ""


@pytest.mark.parametrize(
    ("seconds", "shown"), [(0, "0:00"), (59.6, "1:00"), (3725, "1:02:05"), (-3, "0:00")]
)
def test_durations(seconds: float, shown: str) -> None:
    assert format_duration(seconds) == shown
