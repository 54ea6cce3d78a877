"""A second process that wraps catalogue strings while the main one reads and plans.

Wrapping every string as GNU gettext does (libunistring's line breaking) is the costliest
step of writing a large catalogue, and it depends on nothing but the strings. A ``WrapAhead``
hands that work to one forked worker while the main process reads, segments and plans:

* an update: as soon as the run starts, the worker reads the old catalogue itself and wraps
  its msgids and translations, which the new catalogue and template mostly write again. The
  main process takes the result only if the catalogue it read under its lock is the very text
  the worker read (same digest); msgids new to this run it wraps itself;
* a first run: once the sources are segmented, the new msgids go to the worker in chunks;
  when the catalogue is written, the main process takes the chunks the worker has wrapped and
  wraps the rest itself, sharing what is left.

Each string is wrapped by the same function either way, so the files are the same bytes with
or without the helper. The worker is forked before the run takes any lock or loads any model
(no threads yet), ignores Ctrl-C (the main process stops it), and only on Linux with two or
more cores; anything that goes wrong with it only means the main process wraps those strings
itself.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sys
import threading
import weakref
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from translate import pofile
from translate.errors import UserError

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

CHUNK = 2000  # strings per task: ~20 ms of work, so cancelling what is left loses little
MIN_STRINGS = 5000  # below this, wrapping in the main process is quicker than a round trip
MIN_SOURCE_BYTES = 500_000  # about 2,500 sentences: smaller runs never start the worker

WrapTicket = list[tuple[str, list[str], "Future[list[str]]"]]
_Wrapped = tuple[str, list[str], list[str]]  # (text digest, wrapped msgids, wrapped msgstrs)


@dataclass
class CatalogueTicket:
    """The worker's wrapping of one old catalogue, to be matched with what the run reads."""

    future: Future[_Wrapped | None]
    text: str | None = None  # the catalogue as the main process read it, once it has
    catalogue: pofile.PoFile | None = None


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _wrap_catalogue(path: str) -> _Wrapped | None:
    """Worker task: read and parse the catalogue at ``path``, wrap what a run writes again."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
        strings = pofile.strings_written_again_in(text)
        if strings is None:  # not in msgcat's layout: read it all
            strings = pofile.strings_written_again(pofile.parse(text, path))
    except (OSError, UnicodeDecodeError, UserError):
        return None  # the main process reports it, under its lock
    msgids, msgstrs = strings
    return (
        text_digest(text),
        pofile.wrap_strings("", "msgid", msgids),
        pofile.wrap_strings("", "msgstr", msgstrs),
    )


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# The threads our pools start in this process (their manager and queue feeder), which may
# outlive a closed pool for a moment.
_POOL_THREADS: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


def _other_threads_running() -> bool:
    """A fork copies one thread only: with others running (a host program embedding the
    pipeline), a lock one of them holds could stay locked in the worker forever."""
    current = threading.current_thread()
    return any(t is not current and t not in _POOL_THREADS for t in threading.enumerate())


def available() -> bool:
    """A worker can be forked safely here and has a core of its own."""
    return sys.platform == "linux" and (os.cpu_count() or 1) >= 2


class WrapAhead:
    """Wrap strings in a worker process ahead of need; see the module docstring."""

    def __init__(self, executor: ProcessPoolExecutor | None) -> None:
        self._executor = executor
        self.chunks_taken = 0  # chunks wrapped by the worker and used (for tests)
        self.chunks_cancelled = 0  # chunks left to the main process

    @classmethod
    def start(cls, expected_bytes: int) -> WrapAhead:
        """Fork the worker now when the run is large enough to gain from it."""
        if expected_bytes < MIN_SOURCE_BYTES or not available() or _other_threads_running():
            return cls(None)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:
            executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_ignore_interrupts,
            )
        except (OSError, ValueError):
            return cls(None)
        helper = cls(executor)
        before = set(threading.enumerate())
        try:
            executor.submit(int).result(timeout=30)  # fork now, while the process is small
            _POOL_THREADS.update(set(threading.enumerate()) - before)
        except (OSError, RuntimeError):  # TimeoutError is an OSError
            helper.close()
            return cls(None)
        return helper

    @property
    def running(self) -> bool:
        return self._executor is not None

    def submit(self, keyword: str, values: Sequence[str]) -> WrapTicket:
        """Queue ``values`` for wrapping under ``keyword`` (no prefix, default width)."""
        ticket: WrapTicket = []
        if self._executor is None or len(values) < MIN_STRINGS:
            return ticket
        for start in range(0, len(values), CHUNK):
            chunk = list(values[start : start + CHUNK])
            try:
                future = self._executor.submit(pofile.wrap_strings, "", keyword, chunk)
            except RuntimeError:  # the pool broke or was shut down
                break
            ticket.append((keyword, chunk, future))
        return ticket

    def submit_catalogue(self, path: Path) -> CatalogueTicket | None:
        """Have the worker read the catalogue at ``path`` and wrap its strings."""
        if self._executor is None or not path.is_file():
            return None
        try:
            return CatalogueTicket(self._executor.submit(_wrap_catalogue, str(path)))
        except RuntimeError:
            return None

    def collect_catalogue(self, ticket: CatalogueTicket) -> None:
        """Keep the worker's wrappings if it read the same catalogue text as this run."""
        if ticket.text is None or ticket.catalogue is None:
            ticket.future.cancel()
            return
        try:
            result = ticket.future.result()
        except Exception:  # a lost task: the strings are wrapped on demand instead
            return
        if result is None or result[0] != text_digest(ticket.text):
            return  # changed on disk since the worker read it, or unreadable
        msgids, msgstrs = pofile.strings_written_again(ticket.catalogue)
        pofile.remember_wrapped("", "msgid", msgids, result[1])
        pofile.remember_wrapped("", "msgstr", msgstrs, result[2])
        self.chunks_taken += 1

    def collect(self, ticket: WrapTicket) -> None:
        """Make every string of ``ticket`` wrapped, sharing what is left with the worker.

        Of the chunks the worker has not finished, the main process takes the later half
        (those it can still cancel) and wraps them while the worker finishes the earlier ones.
        """
        unfinished = [item for item in ticket if not item[2].done()]
        for keyword, chunk, future in reversed(unfinished[len(unfinished) // 2 :]):
            if future.cancel():
                pofile.remember_wrapped("", keyword, chunk, pofile.wrap_strings("", keyword, chunk))
                self.chunks_cancelled += 1
        for keyword, chunk, future in ticket:
            if future.cancelled():
                continue
            try:
                wrapped = future.result()
            except Exception:  # a lost chunk is wrapped on demand instead
                continue
            pofile.remember_wrapped("", keyword, chunk, wrapped)
            self.chunks_taken += 1
        ticket.clear()

    def close(self) -> None:
        """Stop the worker now, even in the middle of a task (after Ctrl-C, say): nothing it
        still computes is needed, and the interpreter would otherwise wait for it at exit."""
        if self._executor is None:
            return
        executor, self._executor = self._executor, None
        # The pool's processes, its managing thread and its result pipe: not public API, but
        # present in every supported Python.
        processes = list(getattr(executor, "_processes", {}).values())
        manager = getattr(executor, "_executor_manager_thread", None)
        results = getattr(executor, "_result_queue", None)
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.kill()  # it holds nothing: no lock, no file
        # A worker killed while it sent a result leaves half a message in the pipe, and the
        # managing thread waiting for the rest would wait forever (and the interpreter for it,
        # at exit): with this process's end of the pipe closed too, it reads end-of-file.
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
        if manager is not None:
            manager.join(timeout=5)  # it sees the worker gone and ends
