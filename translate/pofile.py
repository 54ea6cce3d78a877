"""Gettext PO files: a plain data model, a GNU-compatible writer and a tolerant reader.

The model (``Message``, ``PoFile``) is frozen data, so catalogue transformations are pure
functions testable without files (the Babel split between ``Catalog`` and ``pofile``).

``serialize`` writes exactly what GNU ``msgcat`` writes for the same catalogue: strings
wrapped at 79 columns with GNU's algorithm, line-break opportunities taken from the same
Unicode line-breaking library GNU gettext links against (libunistring, loaded with ctypes;
without it a break-after-space rule is used, which agrees with GNU on ordinary prose),
``#:`` references packed as GNU packs them, obsolete entries last. Running ``msgcat`` on
our output therefore leaves it byte-identical, so reviewers' tools and ours never fight over
formatting.

``parse`` reads a file in msgcat's own layout (ours, after any GNU tool) with one pattern match
per entry, and anything else (Poedit, Lokalize, Weblate, Babel, msgctxt, plurals) with polib;
a differential test proves both read the same. A catalogue that does not parse raises
``PoSyntaxError`` (a ``UserError``) carrying its line. ``read``/``read_text`` and
``find_catalogues`` are the one way commands open catalogues.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from translate.errors import UserError

if TYPE_CHECKING:
    import ctypes

PAGE_WIDTH = 79

# libunistring's break codes (unilbrk.h).
_BREAK_UNDEFINED = 0
_BREAK_PROHIBITED = 1
_BREAK_POSSIBLE = 2

# The C escapes GNU writes; any other character, control characters included, is written
# as it is (GNU's default, non `--escape` style).
_ESCAPES = {
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


class PoSyntaxError(UserError):
    """A catalogue that cannot be read, with the line where reading stopped (0: unknown)."""

    def __init__(
        self, path: str, line: int, problem: str, fix: str = "fix or move it away"
    ) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where, at = (f"{path}:{line}", f"line {line}: ") if line else (path, "")
        super().__init__(
            f"{where}: not a valid PO file ({at}{problem}); {fix}, it was left unchanged"
        )


@dataclass(frozen=True)
class Message:
    """One catalogue entry, as GNU gettext models it (msgid "" is the header entry).

    ``comments`` are translator comments (``# …``), one string per line; ``extracted`` are
    ``#.`` comments; ``references`` are ``path:line`` (or bare ``path``) strings.
    """

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()
    extracted: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    fuzzy: bool = False
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    # 1-based line of the `msgid` keyword in the file read (where gettext tools point); 0 for
    # entries not read from a file. Not part of the entry's identity or equality.
    line: int = field(default=0, compare=False)

    @property
    def key(self) -> tuple[str | None, str]:
        """Identity of the entry in its catalogue: (msgctxt, msgid)."""
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return self.msgstr != ""


@dataclass(frozen=True)
class PoFile:
    """A catalogue: the header entry (msgid "") and the other entries in file order."""

    header: Message = field(default_factory=lambda: Message(msgid=""))
    messages: tuple[Message, ...] = ()

    @property
    def fields(self) -> tuple[tuple[str, str], ...]:
        return header_fields(self.header.msgstr)

    def field(self, name: str) -> str | None:
        for key, value in self.fields:
            if key.lower() == name.lower():
                return value
        return None


def po_safe(text: str) -> str:
    """The text as a PO string can hold it: NUL and EOT (the msgctxt separator) replaced."""
    if "\x00" in text or "\x04" in text:
        return text.replace("\x00", "\ufffd").replace("\x04", "\ufffd")
    return text


def header_fields(msgstr: str) -> tuple[tuple[str, str], ...]:
    """``Key: value`` lines of a header msgstr, in order (lines without a colon are skipped)."""
    fields: list[tuple[str, str]] = []
    for line in msgstr.split("\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip():
            fields.append((key.strip(), value.strip()))
    return tuple(fields)


def format_header(fields: Iterable[tuple[str, str]]) -> str:
    return "".join(f"{key}: {value}\n" for key, value in fields)


# ---------------------------------------------------------------------------------------
# Writing


def serialize(po: PoFile, width: int = PAGE_WIDTH) -> str:
    """The catalogue as GNU ``msgcat`` would write it (UTF-8 text, ``\\n`` line ends)."""
    # One join of every piece: a 100,000-entry catalogue is tens of megabytes, and each
    # intermediate concatenation would be another copy of it in memory.
    return "".join([serialize_header(po.header, width), *_message_pieces(po.messages, width)])


def serialize_header(header: Message, width: int = PAGE_WIDTH) -> str:
    """The header entry's text; ``serialize`` = this + ``serialize_messages``."""
    return _format_message(header, width)


def serialize_messages(messages: Sequence[Message], width: int = PAGE_WIDTH) -> str:
    """The entries after the header, each after a blank line, obsolete ones last."""
    return "".join(_message_pieces(messages, width))


def _message_pieces(messages: Sequence[Message], width: int) -> list[str]:
    pieces: list[str] = []
    for message in messages:
        if not message.obsolete:
            pieces.append("\n")
            pieces.append(_format_message(message, width))
    for message in messages:
        # GNU drops obsolete entries that have no translation: nothing to keep.
        if message.obsolete and _first_msgstr(message) != "":
            pieces.append("\n")
            pieces.append(_format_obsolete(message, width))
    return pieces


def serialize_template_entries(
    entries: Iterable[tuple[str, Sequence[str], Sequence[str]]], width: int = PAGE_WIDTH
) -> str:
    """``serialize_messages`` of template entries given as (msgid, extracted, references),
    each with an empty msgstr, without building a ``Message`` per entry."""
    empty_msgstr = wrap_string("", "msgstr", "", width)
    chunks: list[str] = []
    for msgid, extracted, references in entries:
        lines = list(_comment_lines("#.", extracted)) if extracted else []
        if references:
            lines.extend(_reference_lines(references, width))
        comments = "".join(line + "\n" for line in lines)
        chunks.append(f"\n{comments}{wrap_string('', 'msgid', msgid, width)}{empty_msgstr}")
    return "".join(chunks)


def _first_msgstr(message: Message) -> str:
    if message.msgid_plural is not None:
        return message.msgstr_plural[0] if message.msgstr_plural else ""
    return message.msgstr


def _format_message(message: Message, width: int) -> str:
    lines: list[str] = []
    if message.comments:
        lines.extend(_comment_lines("#", message.comments))
    if message.extracted:
        lines.extend(_comment_lines("#.", message.extracted))
    if message.references:
        lines.extend(_reference_lines(message.references, width))
    if message.fuzzy and _first_msgstr(message) != "":
        lines.append("#, fuzzy")
    out = "".join(line + "\n" for line in lines)
    if message.previous_msgid is not None or message.previous_msgctxt is not None:
        out += _previous(message, "#| ", width)
    return out + _strings(message, "", width)


def _format_obsolete(message: Message, width: int) -> str:
    # Obsolete entries keep only translator comments, the fuzzy flag and the strings;
    # extracted comments and references belong to source that no longer exists.
    lines = list(_comment_lines("#", message.comments))
    if message.fuzzy:
        lines.append("#, fuzzy")
    out = "".join(line + "\n" for line in lines)
    out += _previous(message, "#~| ", width)
    out += _strings(message, "#~ ", width)
    return out


def _comment_lines(marker: str, comments: Iterable[str]) -> Iterable[str]:
    for comment in comments:
        for line in comment.split("\n"):
            if line.endswith("\\"):
                # GNU's reader joins a line that ends in a backslash with the next one.
                line += " "
            yield f"{marker} {line}" if line else marker


# GNU gettext 0.22 writes a file name with spaces between these (FIRST STRONG ISOLATE and
# POP DIRECTIONAL ISOLATE), so that readers do not split it; it reads them back the same way.
ISOLATE_START = "\u2068"
ISOLATE_END = "\u2069"


_PLAIN_REFERENCE = re.compile(r"[!-~]*")  # printable ASCII, no space: nothing to check


def reference_problem(reference: str) -> str | None:
    """Why a ``path[:line]`` reference cannot be written to a ``#:`` line, or None.

    A line break ends the comment (msgfmt then rejects the catalogue); other whitespace or
    control characters would be split or mangled by readers.
    """
    if _PLAIN_REFERENCE.fullmatch(reference):
        return None  # the common case, without a look at every character
    for char in reference:
        if char == " ":
            continue
        if char.isspace() or unicodedata.category(char) == "Cc":
            return f"its name contains the character {char!r}"
    return None


def _isolated(reference: str) -> str:
    """``path:line`` as GNU 0.22 writes it: a path with spaces between isolates."""
    while reference.startswith("./"):
        reference = reference[2:]
    if " " not in reference:
        return reference
    path, colon, line = reference.rpartition(":")
    if not (colon and line.isdigit() and path):
        path, colon, line = reference, "", ""
    return f"{ISOLATE_START}{path}{ISOLATE_END}{colon}{line}"


def join_isolated(tokens: Iterable[str]) -> list[str]:
    """References split on whitespace, with isolated file names (GNU 0.22) put back
    together and their isolate marks removed."""
    out: list[str] = []
    pending: str | None = None
    for token in tokens:
        if pending is not None:
            pending += " " + token
        elif token.startswith(ISOLATE_START):
            pending = token
        else:
            out.append(token)
            continue
        if ISOLATE_END in pending:
            out.append(pending.replace(ISOLATE_START, "", 1).replace(ISOLATE_END, "", 1))
            pending = None
    if pending is not None:
        out.append(pending)  # unbalanced: keep what was written
    return out


def _reference_lines(references: Sequence[str], width: int) -> list[str]:
    if not references:
        return []
    for reference in references:
        problem = reference_problem(reference)
        if problem is not None:
            raise UserError(
                f"cannot write the reference {reference!r}: {problem}, which a `#:` line "
                "cannot hold; rename the source file"
            )
    if any(" " in reference for reference in references):
        references = [_isolated(reference) for reference in references]
    if len(references) == 1 and not references[0].startswith("./"):
        return [f"#: {references[0]}"]  # the first reference never wraps
    lines: list[str] = []
    current = "#:"
    seen: set[str] = set()
    for reference in references:
        while reference.startswith("./"):
            reference = reference[2:]
        if reference in seen:
            continue
        seen.add(reference)
        # GNU counts bytes here, not columns.
        length = len(reference.encode("utf-8")) + 1
        if current != "#:" and len(current.encode("utf-8")) + length > width:
            lines.append(current)
            current = "#:"
        current += " " + reference
    lines.append(current)
    return lines


def _previous(message: Message, prefix: str, width: int) -> str:
    out = ""
    if message.previous_msgctxt is not None:
        out += wrap_string(prefix, "msgctxt", message.previous_msgctxt, width)
    if message.previous_msgid is not None:
        out += wrap_string(prefix, "msgid", message.previous_msgid, width)
    if message.previous_msgid_plural is not None:
        out += wrap_string(prefix, "msgid_plural", message.previous_msgid_plural, width)
    return out


def _strings(message: Message, prefix: str, width: int) -> str:
    out = ""
    if message.msgctxt is not None:
        out += wrap_string(prefix, "msgctxt", message.msgctxt, width)
    out += wrap_string(prefix, "msgid", message.msgid, width)
    if message.msgid_plural is not None:
        out += wrap_string(prefix, "msgid_plural", message.msgid_plural, width)
        forms = message.msgstr_plural or ("", "")
        for index, form in enumerate(forms):
            out += wrap_string(prefix, f"msgstr[{index}]", form, width)
    else:
        out += wrap_string(prefix, "msgstr", message.msgstr, width)
    return out


def escape(text: str) -> str:
    """PO string escaping as GNU writes it (control characters other than C escapes raw)."""
    return _NEEDS_ESCAPE.sub(lambda match: _ESCAPES[match.group()], text)


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

    for name in (ctypes.util.find_library("unistring"), "libunistring.so.5", "libunistring.so.2"):
        if not name:
            continue
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
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


# ---------------------------------------------------------------------------------------
# Reading


class _NewlineLines(str):
    """Content for polib whose lines split on ``\\n`` only.

    ``str.splitlines`` also splits on U+2028, U+0085, form feeds and other characters GNU
    writes raw inside strings; polib would then see broken lines.
    """

    def splitlines(self, keepends: bool = False) -> list[str]:
        return self.split("\n")


_OBSOLETE_PREVIOUS = re.compile(r"^[ \t]*#~\|", re.MULTILINE)
_POLIB_LINE = re.compile(r"\(line (\d+)\)")


def parse(text: str, path: str = "<catalogue>") -> PoFile:
    """Read PO text (any formatting GNU tools or editors produce).

    Raises PoSyntaxError (a UserError, exit 2) naming ``path`` and the line when it does not
    parse, or when an entry is defined twice.
    """
    if "\x00" in text:
        raise PoSyntaxError(path, 1, "it contains NUL bytes", "it is not a PO file")
    content = _reader_content(text)
    strict = _parse_strict(content)
    if strict is not None:
        return strict  # every line was checked by the entry pattern
    _check_strings(content, path)
    return _parse_with_polib(content, path)


_LINE_END = re.compile(r"\r\n?")


def _reader_content(text: str) -> str:
    """The text as the readers take it: ``\n`` line ends (GNU reads CRLF and CR files too;
    a raw CR is never part of a string, which writes it `\\r`), ending with a line break, and
    the previous msgid of obsolete entries (`#~| msgid`) as a plain `#|` line, which polib
    reads (it skips the `#~|` form); the `#~ msgid` after it still marks the entry obsolete."""
    content = _LINE_END.sub("\n", text) if "\r" in text else text
    if not content.endswith("\n"):
        content += "\n"
    if "#~|" in content:
        content = _OBSOLETE_PREVIOUS.sub("#|", content)
    return content


def _parse_with_polib(content: str, path: str) -> PoFile:
    import polib  # polib is small; imported here so that `--help` stays fast

    if "\\a" in content:
        content = _bel_for_polib(content)
    try:
        parsed = polib.pofile(_NewlineLines(content), wrapwidth=PAGE_WIDTH)
    except (OSError, ValueError, IndexError, KeyError) as exc:
        match = _POLIB_LINE.search(str(exc))
        raise PoSyntaxError(
            path, int(match.group(1)) if match else 0, _polib_reason(str(exc))
        ) from exc
    header_comments = tuple(parsed.header.split("\n")) if parsed.header else ()
    fields = tuple((key, value) for key, value in parsed.metadata.items())
    header = Message(
        msgid="",
        msgstr=format_header(fields),
        comments=header_comments,
        fuzzy=isinstance(parsed.metadata_is_fuzzy, list) and "fuzzy" in parsed.metadata_is_fuzzy,
    )
    messages: list[Message] = []
    seen: dict[tuple[str | None, str], int] = {}
    lines = content.split("\n")
    for entry in parsed:
        line = _msgid_line(lines, max(entry.linenum or 0, 1))
        _check_plural_forms(entry, path, line)
        message = replace(_from_polib(entry), line=line)
        # As GNU: an obsolete entry repeating a live one is a duplicate too (a merge would
        # otherwise keep one translation and silently drop the other).
        identity = (message.msgctxt, message.msgid)
        if identity in seen:
            raise PoSyntaxError(
                path,
                line,
                f"duplicate message definition of {message.msgid[:60]!r}, first at line "
                f"{seen[identity]}",
                "merge the two entries by hand (msguniq can help)",
            )
        seen[identity] = line
        messages.append(message)
    return PoFile(header=header, messages=tuple(messages))


def _msgid_line(lines: Sequence[str], start: int) -> int:
    """The 1-based line of the `msgid` keyword of the entry that starts at line ``start``."""
    for index in range(start - 1, len(lines)):
        line = lines[index].lstrip()
        if line.startswith("#~"):
            line = line[2:].lstrip()  # an obsolete entry's `#~ msgid`, not a `#~| msgid`
        if line.startswith("msgid"):
            return index + 1
    return start


_Q = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'  # one complete quoted string on its line
# One entry exactly as `serialize` (and GNU msgcat) lays it out, after the blank line that
# separates it from the one before: comments in GNU's order, then the strings.
_STRICT_ENTRY = re.compile(
    rf"""\n
    (?P<tc>(?:\#(?:\ [^\n]*)?\n)*)
    (?P<ec>(?:\#\.\ [^\n]*\n)*)
    (?P<refs>(?:\#:\ [^\n]*\n)*)
    (?P<flags>\#,\ [^\n]*\n)?
    (?:
        (?P<prev>\#\|\ msgid\ {_Q}\n(?:\#\|\ {_Q}\n)*)?
        msgid\ (?P<id>{_Q}\n(?:{_Q}\n)*)
        msgstr\ (?P<str>{_Q}\n(?:{_Q}\n)*)
    |
        (?P<oprev>\#\|\ msgid\ {_Q}\n(?:\#\|\ {_Q}\n)*)?
        \#~\ msgid\ (?P<oid>{_Q}\n(?:\#~\ {_Q}\n)*)
        \#~\ msgstr\ (?P<ostr>{_Q}\n(?:\#~\ {_Q}\n)*)
    )""",
    re.VERBOSE,
)


def _string_value(group: str, first: int = 0, joint: str = '"\n"') -> str:
    """The value of a quoted string and its continuation lines.

    ``group`` ends with a line break; ``first`` is the width of what precedes the first
    quote; ``joint`` is what lies between one line's closing quote and the next line's
    opening one. Escapes never span lines, so the lines are joined before unescaping.
    """
    quoted = group[first + 1 : -2]
    if joint in quoted:
        quoted = quoted.replace(joint, "")
    return _unescape(quoted) if "\\" in quoted else quoted


def _comment_text(group: str, marker_width: int, skip_bare: bool) -> str:
    """Comment lines joined as polib joins them (stripped; an empty first line is lost)."""
    if group.find("\n") == len(group) - 1:  # one line: the usual case
        line = group.strip()
        return "" if skip_bare and len(line) < marker_width else line[marker_width:]
    text = ""
    for raw in group[:-1].split("\n"):
        line = raw.strip()
        if skip_bare and len(line) < marker_width:
            continue  # polib skips a bare `#.`
        text += ("\n" if text else "") + line[marker_width:]
    return text


class _StrictEntry(NamedTuple):
    match: re.Match[str]
    msgid: str
    obsolete: bool
    joint: str  # what lies between two lines of one of its strings
    line: int  # of the msgid keyword


def _strict_entries(content: str) -> tuple[re.Match[str], list[_StrictEntry]] | None:
    """The header's match and the other entries of a file in msgcat's own layout.

    One pattern match per entry checks every line of it. Any other layout, a duplicate or a
    misplaced header returns None (the line reader or polib then reads the file).
    """
    if content.startswith("\ufeff"):
        return None
    text = "\n" + content
    header: re.Match[str] | None = None
    entries: list[_StrictEntry] = []
    seen: set[str] = set()  # GNU: an obsolete entry may not repeat a live msgid either
    position = 0
    match_entry = _STRICT_ENTRY.match
    end = len(text)
    # Lines counted incrementally: text starts with the added "\n", so the newlines before an
    # offset are the 1-based line number of the content there.
    counted, line = 0, 0
    while position < end:
        match = match_entry(text, position)
        if match is None:
            return None
        position = match.end()
        obsolete = match["id"] is None
        joint = '"\n#~ "' if obsolete else '"\n"'
        msgid = _string_value(match["oid"] if obsolete else match["id"], 0, joint)
        keyword = match.start("oid") - 9 if obsolete else match.start("id") - 6
        line += text.count("\n", counted, keyword)
        counted = keyword
        if header is None and not entries:
            if msgid != "" or obsolete:
                return None  # the first entry is not a header: leave it to the full reader
            header = match
            continue
        if msgid == "" or msgid in seen:
            return None
        seen.add(msgid)
        entries.append(_StrictEntry(match, msgid, obsolete, joint, line))
    if header is None:
        return None
    return header, entries


def _parse_strict(content: str) -> PoFile | None:
    """The fastest reader: ``_strict_entries`` made into a catalogue.

    The result is what polib reads from the same text, proven by a differential test.
    """
    found = _strict_entries(content)
    if found is None:
        return None
    header, entries = found
    messages: list[Message] = []
    for match, msgid, obsolete, joint, line in entries:
        (tc, ec, refs, flags, prev, _, msgstr, oprev, _, ostr) = match.groups()
        if obsolete:
            prev, msgstr = oprev, ostr
        assert msgstr is not None
        comments = _comment_text(tc, 2, False) if tc else ""
        extracted = _comment_text(ec, 3, True) if ec else ""
        messages.append(
            Message(
                msgid=msgid,
                msgstr=_string_value(msgstr, 0, joint),
                comments=tuple(comments.split("\n")) if comments else (),
                extracted=tuple(extracted.split("\n")) if extracted else (),
                # Every line starts `#: `: join the lines, drop the first marker, split.
                references=_split_references(refs) if refs else (),
                fuzzy=bool(flags) and "fuzzy" in _flag_list(flags),
                previous_msgid=_string_value(prev, len("#| msgid "), '"\n#| "') if prev else None,
                obsolete=obsolete,
                line=line,
            )
        )
    return PoFile(header=_strict_header(header), messages=tuple(messages))


# Every escape `escape` writes (GNU's C escapes), `\a` included, which polib does not read.
_UNESCAPES = {value[1]: key for key, value in _ESCAPES.items()}
_ESCAPE_SEQUENCE = re.compile(r"\\(.)", re.DOTALL)


def _split_references(refs: str) -> tuple[str, ...]:
    """The references of `#: ` lines (every line starts so): the lines joined, the first
    marker dropped, split on whitespace, isolated names (GNU 0.22) rejoined."""
    tokens = refs.replace("\n#: ", " ")[3:].split()
    return tuple(join_isolated(tokens)) if ISOLATE_START in refs else tuple(tokens)


def _unescape(quoted: str) -> str:
    """The inverse of `escape`; an unknown escape is kept as written (as polib keeps it)."""
    return _ESCAPE_SEQUENCE.sub(lambda m: _UNESCAPES.get(m.group(1), m.group()), quoted)


_STRING_LINE_WITH_BEL = re.compile(r"^(?![ \t]*#(?![~|]))[^\n]*\\a[^\n]*$", re.MULTILINE)


def _bel_for_polib(content: str) -> str:
    """polib reads `\\a` as a backslash and an `a`: give it the character itself (GNU's
    reading) on string lines, escape pairs taken left to right so `\\\\a` stays."""

    def fix_line(line: re.Match[str]) -> str:
        return _ESCAPE_SEQUENCE.sub(
            lambda m: "\a" if m.group(1) == "a" else m.group(), line.group()
        )

    return _STRING_LINE_WITH_BEL.sub(fix_line, content)


def _flag_list(line: str) -> list[str]:
    if line == "#, fuzzy\n":  # what this module and msgcat write: no split needed
        return ["fuzzy"]
    return [flag.strip() for flag in line.strip()[3:].split(",")]


def _polib_header_fields(msgstr: str) -> dict[str, str]:
    """The header entry's fields as polib reads them (a line without a colon continues the
    field before it)."""
    fields: dict[str, str] = {}
    key: str | None = None
    for row in msgstr.splitlines():
        name, colon, value = row.partition(":")
        if colon:
            key = name
            fields[key] = value.strip()
        elif key is not None:
            fields[key] += "\n" + row.strip()
    return fields


def _strict_header(match: re.Match[str]) -> Message:
    fields = _polib_header_fields(_string_value(match["str"]))
    header_comment = _comment_text(match["tc"], 2, False) if match["tc"] else ""
    flags = match["flags"]
    return Message(
        msgid="",
        msgstr=format_header(fields.items()),
        comments=tuple(header_comment.split("\n")) if header_comment else (),
        fuzzy=bool(flags) and "fuzzy" in _flag_list(flags),
    )


_KEYWORD = r"(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)"
_QUOTED = r'"(?:[^"\\\n]|\\.)*"[ \t\r]*$'
# A line that is neither blank, a comment, nor `[keyword] "string"`; or a `#~`/`#|` line that
# starts like a string line but is not one.
_BAD_LINE = re.compile(
    # `(?=([ \t]*))\1` takes the indentation atomically (no backtracking into it).
    rf"^(?=([ \t]*))\1(?!#|[\r]?$)(?!(?:{_KEYWORD}[ \t]*)?{_QUOTED}).*$"
    rf"|^(?=([ \t]*))\2#(?:~\|?|\|)[ \t]*(?=msg|\")(?!(?:{_KEYWORD}[ \t]*)?{_QUOTED}).*$",
    re.MULTILINE,
)


def _check_strings(content: str, path: str) -> None:
    """Unterminated or garbled strings, which polib lets through, with their line number."""
    bad = _BAD_LINE.search(content)
    if bad is not None:
        number = content.count("\n", 0, bad.start()) + 1
        raise PoSyntaxError(path, number, "expected a keyword and a quoted string")


def _check_plural_forms(entry: object, path: str, line: int) -> None:
    """What GNU refuses and polib lets through, losing a translation on the next write."""
    import polib

    assert isinstance(entry, polib.POEntry)
    problem = None
    if entry.msgstr_plural and not entry.msgid_plural:
        problem = "msgstr[N] without msgid_plural"
    elif entry.msgid_plural and not entry.msgstr_plural:
        problem = "msgid_plural followed by a plain msgstr instead of msgstr[0], msgstr[1]…"
    if problem is not None:
        raise PoSyntaxError(path, line, problem, "fix the entry (msgfmt --check says the same)")


def _polib_reason(message: str) -> str:
    reason = message.split(":", 1)[1].strip() if "):" in message else "syntax error"
    return reason or "syntax error"


def _from_polib(entry: object) -> Message:
    import polib

    assert isinstance(entry, polib.POEntry)
    references = tuple(f"{path}:{line}" if line else path for path, line in entry.occurrences)
    if any(ISOLATE_START in reference for reference in references):
        references = tuple(join_isolated(references))
    plural_forms: tuple[str, ...] = ()
    if entry.msgid_plural:
        plural_forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return Message(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        msgctxt=entry.msgctxt,
        msgid_plural=entry.msgid_plural or None,
        msgstr_plural=plural_forms,
        comments=tuple(entry.tcomment.split("\n")) if entry.tcomment else (),
        extracted=tuple(entry.comment.split("\n")) if entry.comment else (),
        references=references,
        fuzzy="fuzzy" in entry.flags,
        previous_msgctxt=entry.previous_msgctxt,
        previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural,
        obsolete=bool(entry.obsolete),
    )


def read_text(path: Path) -> str:
    """The catalogue's text (UTF-8; a BOM is dropped); UserError naming the file otherwise."""
    return decode_text(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The catalogue's bytes: a regular file (links followed; a FIFO, device or socket is
    refused by its type before it is opened), at most `fileguard.MAX_CATALOGUE_BYTES`."""
    from translate import fileguard

    try:
        return fileguard.read_regular(path, limit=fileguard.MAX_CATALOGUE_BYTES, what="catalogue")
    except FileNotFoundError as exc:
        raise UserError(f"{path}: no such catalogue file") from exc
    except OSError as exc:
        raise UserError(f"{path}: cannot read the catalogue ({exc.strerror})") from exc


def decode_text(data: bytes, path: Path) -> str:
    """A catalogue's bytes as text (UTF-8; a BOM is dropped); UserError naming the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{path}: the catalogue is not UTF-8 (bad byte at offset {exc.start}); convert "
            "it with `msgconv -t UTF-8`, it was left unchanged"
        ) from exc


def read(path: Path) -> PoFile:
    """Parse the catalogue at ``path``: every command accepts and refuses the same files."""
    return parse(read_text(path), str(path))


def live_entries(catalogue: PoFile) -> list[Message]:
    """Entries that are neither the header nor obsolete."""
    return [message for message in catalogue.messages if not message.obsolete]


def find_catalogues(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every `*.po` under each directory (sorted); UserError when none.

    A folder that holds templates (`*.pot`) but no catalogue yet, such as a fresh clone's
    `locales/`, yields its templates: they are still checked for validity and counted.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            under = sorted(p for p in path.rglob("*.po") if p.is_file())
            if not under:
                under = sorted(p for p in path.rglob("*.pot") if p.is_file())
            if not under:
                raise UserError(
                    f"{path}: no catalogues (*.po) or templates (*.pot) in this folder; "
                    "create them with `translate run SOURCE…` first"
                )
            found.extend(under)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise UserError(f"{path}: not a regular file or folder")
        else:
            raise UserError(f"{path}: no such file or folder")
    if not found:
        raise UserError("no catalogue given")
    # The same file named twice (directly and through its folder) is counted once.
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)


def load_catalogue(path: Path) -> PoFile:
    """Parse a PO file with translate.pofile, so every command accepts and refuses the same
    files as `translate run`; UserError (exit 2) naming the file and line otherwise."""
    from translate import pofile

    return pofile.read(path)
