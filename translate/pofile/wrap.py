"""PO strings laid out as GNU write-po lays them out: C escapes, and lines wrapped at
Unicode line-break opportunities (libunistring through ctypes, or a break-after-space
fallback that agrees with GNU on ordinary prose)."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ctypes

PAGE_WIDTH = 79

# libunistring's break codes (unilbrk.h).
_BREAK_UNDEFINED = 0
_BREAK_PROHIBITED = 1
_BREAK_POSSIBLE = 2

# The C escapes GNU writes; any other character, control characters included, is written
# as it is (GNU's default, non `--escape` style).
C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}
_NEEDS_ESCAPE = re.compile('[\a\b\f\n\r\t\v\\\\"]')


def escape(text: str) -> str:
    """PO string escaping as GNU writes it (control characters other than C escapes raw)."""
    return _NEEDS_ESCAPE.sub(lambda match: C_ESCAPES[match.group()], text)


def wrap_string(prefix: str, keyword: str, value: str, width: int = PAGE_WIDTH) -> str:
    """``keyword "value"`` lines exactly as GNU gettext's write-po wraps them.

    The value is cut after each embedded newline; a portion longer than the line is broken
    at Unicode line-break opportunities (after spaces in prose). When the value needs more
    than one line, GNU starts with ``keyword ""`` and puts all the text on the lines after.
    """
    return _wrap(prefix, keyword, value, width)


# A run writes every msgid twice (template and catalogue), and wrapping is the costliest step
# of writing a large catalogue: the cache is bounded and lru_cache is safe across threads.
@functools.lru_cache(maxsize=1 << 18)
def _wrap(prefix: str, keyword: str, value: str, width: int) -> str:
    content_width = width - 1 - (len(prefix) + 1)
    first_start = len(keyword) + 1
    if "\n" not in value:
        # One portion (the common case), written without the general machinery below.
        escaped = escape(value) if _NEEDS_ESCAPE.search(value) else value
        # Wrapped from column 0 first: text that breaks there breaks after the keyword too
        # (less room), so the usual long sentence costs one line-breaking pass, not two.
        pieces = _wrap_pieces(escaped, content_width, 0, False)
        if len(pieces) == 1:
            pieces = _wrap_pieces(escaped, content_width, first_start, False)
            if len(pieces) == 1 and first_start <= content_width:
                return f'{prefix}{keyword} "{escaped}"\n'
            pieces = [escaped]
        if escaped:
            body = "".join(f'{prefix}"{piece}"\n' for piece in pieces)
            return f'{prefix}{keyword} ""\n{body}'
    portions = _split_after_newlines(value)
    out: list[str] = []
    first_line = True
    for index, portion in enumerate(portions):
        escaped = escape(portion)
        newline = portion.endswith("\n")
        more_follow = index + 1 < len(portions)
        start = first_start if first_line else 0
        pieces = _wrap_pieces(escaped, content_width, start, newline)
        if first_line and escaped and (more_follow or start > content_width or len(pieces) > 1):
            out.append(f'{prefix}{keyword} ""\n')
            first_line = False
            pieces = _wrap_pieces(escaped, content_width, 0, newline)
        lead = f"{prefix}{keyword} " if first_line else prefix
        out.append(f'{lead}"{pieces[0]}"\n')
        out.extend(f'{prefix}"{piece}"\n' for piece in pieces[1:])
        first_line = False
    return "".join(out)


def _split_after_newlines(value: str) -> list[str]:
    if value == "":
        return [""]
    parts = value.split("\n")
    portions = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        portions.append(parts[-1])
    return portions


# Characters that may take two columns (East Asian wide, emoji): everything outside the
# ranges of Latin, Vietnamese, Greek, Cyrillic and general punctuation, to be safe.
_MAYBE_WIDE = re.compile("[^\x00-\u10ff\u1e00-\u1fff\u2000-\u206f]")


def _wrap_pieces(escaped: str, content_width: int, start: int, newline: bool) -> list[str]:
    """The escaped text cut where GNU starts new lines (one piece when it fits)."""
    if not escaped:
        return [""]
    # Upper bound of the width in columns: text that fits even so is never broken.
    if start + len(escaped) + len(_MAYBE_WIDE.findall(escaped)) <= content_width:
        return [escaped]
    return _breaker()(escaped, content_width, start, newline)


Breaker = Callable[[str, int, int, bool], list[str]]
_ESCAPE_PAIR = re.compile(rb"\\.", re.DOTALL)
_POSSIBLE_BYTE = bytes([_BREAK_POSSIBLE])


@functools.cache
def _breaker() -> Breaker:
    import ctypes  # only when a string needs wrapping: keeps `--help` fast

    library = _load_libunistring()
    if library is None:
        return _break_after_spaces
    function = getattr(library, "ulc_width_linebreaks_v2", None) or getattr(
        library, "ulc_width_linebreaks", None
    )
    if function is None:
        return _break_after_spaces
    function.restype = ctypes.c_int
    function.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
    ]

    def libunistring_pieces(
        escaped: str, content_width: int, start: int, newline: bool
    ) -> list[str]:
        data = escaped.encode("utf-8")
        size = len(data)
        # One buffer per call: ctypes releases the GIL, so a shared one would be written by
        # two threads at once.
        buffer = bytearray(size)
        view = (ctypes.c_char * size).from_buffer(buffer)
        # As GNU does: never break inside an escape sequence, nor before a final `\n`.
        overrides = None
        if b"\\" in data:
            marks = bytearray(size)
            for match in _ESCAPE_PAIR.finditer(data):
                marks[match.start() + 1] = _BREAK_PROHIBITED
            if newline:
                marks[size - 2] = _BREAK_PROHIBITED
            overrides = bytes(marks)
        function(data, size, content_width, start, 0, overrides, b"UTF-8", view)
        cut = buffer.find(_POSSIBLE_BYTE, 0, size)
        if cut == -1:
            return [escaped]
        pieces: list[str] = []
        previous = 0
        while cut != -1:
            pieces.append(data[previous:cut].decode("utf-8"))
            previous = cut
            cut = buffer.find(_POSSIBLE_BYTE, cut + 1, size)
        pieces.append(data[previous:].decode("utf-8"))
        return pieces

    return libunistring_pieces


def _load_libunistring() -> ctypes.CDLL | None:
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


def _column_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cc", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _break_after_spaces(escaped: str, content_width: int, start: int, newline: bool) -> list[str]:
    """Fallback without libunistring: GNU's greedy fill with breaks only after spaces."""
    cuts: list[int] = []
    last_break: int | None = None
    column = start  # column at the last break opportunity
    piece = 0  # width since the last break opportunity
    final_escape = len(escaped) - 2 if newline else -1
    for index, char in enumerate(escaped):
        opportunity = (
            index > 0 and escaped[index - 1] == " " and char != " " and index != final_escape
        )
        if opportunity:
            if last_break is not None and column + piece > content_width:
                cuts.append(last_break)
                column = 0
            last_break = index
            column += piece
            piece = 0
        piece += _column_width(char)
    if last_break is not None and column + piece > content_width:
        cuts.append(last_break)
    bounds = [0, *cuts, len(escaped)]
    return [escaped[a:b] for a, b in itertools.pairwise(bounds)]
