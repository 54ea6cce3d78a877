"""Ctrl-C around library code that cannot take it.

Some libraries load data with a bare ``except:`` (langdetect turns a Ctrl-C while it reads its
profiles into a "format error" and keeps the half-loaded profiles), and a C extension
interrupted while it initialises leaves a broken, half-imported module behind. Inside
`deferred_interrupts` a SIGINT is only recorded; when the block ends it is raised as
`KeyboardInterrupt`, so Ctrl-C still means "stop, exit 130, nothing written", and the loaded
thing is complete.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["deferred_interrupts"]


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT for the block and raise `KeyboardInterrupt` after it if one came.

    Only the main thread receives signals; elsewhere (and where the handler cannot be
    changed) the block runs as is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    try:
        previous = signal.getsignal(signal.SIGINT)
    except (ValueError, OSError):  # pragma: no cover - no signal support
        yield
        return
    received: list[int] = []

    def record(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    signal.signal(signal.SIGINT, record)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received and previous is not signal.SIG_IGN:
        raise KeyboardInterrupt
