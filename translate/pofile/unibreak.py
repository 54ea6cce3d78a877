"""GNU gettext's line breaking: libunistring's ``ulc_width_linebreaks`` through ctypes.

``Libunistring`` breaks one string (``__call__``) or many (``many``: the UTF-32 twin of the
function on each, from one buffer, so that a catalogue's worth of strings costs one ctypes
call each, with no buffer, array type, encoding or decoding made per string). Loaded only
when a string needs breaking.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ctypes

# libunistring's break codes (unilbrk.h).
BREAK_PROHIBITED = 1
BREAK_POSSIBLE = 2

_ESCAPE_PAIR = re.compile(rb"\\.", re.DOTALL)
_TEXT_ESCAPE_PAIR = re.compile(r"\\.", re.DOTALL)
_POSSIBLE_BYTE = bytes([BREAK_POSSIBLE])
_UTF8 = b"UTF-8"
_BATCH_CHARACTERS = 1 << 18  # the buffers of one batch call stay small (1 MiB of UTF-32)


class Libunistring:
    """Where GNU starts new lines in an escaped PO string (``Breaker``)."""

    def __init__(self, library: ctypes.CDLL, generation: str) -> None:
        import ctypes

        def bind(name: str, text_type: Any, result_type: Any) -> Any:
            function = library[name]  # a fresh function object: its own argument types
            function.restype = ctypes.c_int
            function.argtypes = [
                text_type,
                ctypes.c_size_t,
                ctypes.c_int,
                ctypes.c_int,
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_char_p,
                result_type,
            ]
            return function

        self._ulc = bind(f"ulc_width_linebreaks{generation}", ctypes.c_char_p, ctypes.c_char_p)
        # The same algorithm on UTF-32 (ulc_ with UTF-8 calls u8_, its twin): text and result
        # are given as addresses in buffers of many strings, and the break positions index
        # characters, so the pieces are slices of the text.
        name = f"u32_width_linebreaks{generation}"
        self._u32 = bind(name, ctypes.c_void_p, ctypes.c_void_p) if hasattr(library, name) else None

    def __call__(self, escaped: str, content_width: int, start: int, newline: bool) -> list[str]:
        import ctypes

        data = escaped.encode("utf-8")
        size = len(data)
        # One buffer per call: ctypes releases the GIL, so a shared one would be written by
        # two threads at once.
        buffer = bytearray(size)
        view = (ctypes.c_char * size).from_buffer(buffer)
        marks = _overrides(data, newline)
        self._ulc(data, size, content_width, start, 0, marks, _UTF8, view)
        bounds = _bounds(buffer, 0, size)
        if len(bounds) == 2:
            return [escaped]
        return [data[a:b].decode("utf-8") for a, b in itertools.pairwise(bounds)]

    def many(self, texts: Sequence[str], content_width: int, start: int) -> list[list[str]]:
        """``self(text, content_width, start, False)`` of each text, in order."""
        if self._u32 is None:
            return [self(text, content_width, start, False) for text in texts]
        result: list[list[str]] = []
        batch: list[str] = []
        size = 0
        for text in texts:
            batch.append(text)
            size += len(text)
            if size >= _BATCH_CHARACTERS:
                result.extend(self._batch(batch, content_width, start))
                batch, size = [], 0
        if batch:
            result.extend(self._batch(batch, content_width, start))
        return result

    def _batch(self, texts: list[str], content_width: int, start: int) -> list[list[str]]:
        import ctypes

        joined = "".join(texts)
        total = max(len(joined), 1)
        # Buffers of this call only (threads), one ctypes object each, read by address.
        data = joined.encode("utf-32-le").ljust(4 * total, b"\0")
        source = (ctypes.c_uint32 * total).from_buffer_copy(data)
        buffer = bytearray(total)
        view = (ctypes.c_char * total).from_buffer(buffer)
        text_at, result_at = ctypes.addressof(source), ctypes.addressof(view)
        function, width = self._u32, content_width
        assert function is not None  # see many()
        offset = 0
        for text in texts:
            size = len(text)
            marks = _text_overrides(text) if "\\" in text else None
            function(text_at + 4 * offset, size, width, start, 0, marks, _UTF8, result_at + offset)
            offset += size
        out: list[list[str]] = []
        offset = 0
        for text in texts:
            end = offset + len(text)
            bounds = _bounds(buffer, offset, end)
            if len(bounds) == 2:
                out.append([text])
            else:
                out.append([joined[a:b] for a, b in itertools.pairwise(bounds)])
            offset = end
        return out


def _bounds(buffer: bytearray, start: int, end: int) -> list[int]:
    """``start``, each position in ``buffer[start:end]`` where a line may start, ``end``."""
    bounds = [start]
    cut = buffer.find(_POSSIBLE_BYTE, start, end)
    while cut != -1:
        bounds.append(cut)
        cut = buffer.find(_POSSIBLE_BYTE, cut + 1, end)
    bounds.append(end)
    return bounds


def _text_overrides(text: str) -> bytes:
    """``_overrides`` of a text indexed by characters (no final newline)."""
    return bytes(_escapes_kept(_TEXT_ESCAPE_PAIR.finditer(text), len(text)))


def _overrides(data: bytes, newline: bool) -> bytes | None:
    """As GNU does: never break inside an escape sequence, nor before a final ``\\n``."""
    if b"\\" not in data:
        return None
    marks = _escapes_kept(_ESCAPE_PAIR.finditer(data), len(data))
    if newline:
        marks[len(data) - 2] = BREAK_PROHIBITED
    return bytes(marks)


def _escapes_kept(escapes: Iterator[re.Match[Any]], size: int) -> bytearray:
    """Break marks of ``size`` positions: none after the backslash of each escape pair."""
    marks = bytearray(size)
    for match in escapes:
        marks[match.start() + 1] = BREAK_PROHIBITED
    return marks


def load() -> Libunistring | None:
    """The breaker of the installed libunistring, or None without one."""
    library = _load_library()
    if library is None:
        return None
    for generation in ("_v2", ""):
        if hasattr(library, f"ulc_width_linebreaks{generation}"):
            return Libunistring(library, generation)
    return None


def _load_library() -> ctypes.CDLL | None:
    import ctypes
    import ctypes.util

    # The usual sonames first: find_library runs `ldconfig -p` in a child process.
    for name in ("libunistring.so.5", "libunistring.so.2"):
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    found = ctypes.util.find_library("unistring")
    if found:
        try:
            return ctypes.CDLL(found)
        except OSError:
            pass
    return None
