"""The catalogue model: frozen entries and files, as GNU gettext models them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from translate.errors import UserError


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
    # The other flags GNU keeps (format flags, `range:`, `no-wrap`), as ``gnu_flags`` gives
    # them: editors and msgcat keep them, and msgfmt --check checks format strings by them.
    flags: tuple[str, ...] = ()
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


def line_break_mismatch(message: Message) -> str | None:
    """What ``msgfmt --check`` rejects in an entry it compiles (live, not fuzzy): a msgstr
    that begins or ends with a line break where the msgid does not, or the other way round.

    An editor lets a reviewer type one (Enter at the end of the text in Lokalize); the
    translation is theirs, so it is reported, never trimmed."""
    if message.obsolete or message.fuzzy or not message.msgid:
        return None
    for msgstr in message.msgstr_plural or (message.msgstr,):
        if not msgstr:
            continue
        for end, test in (("begin", str.startswith), ("end", str.endswith)):
            if test(message.msgid, "\n") != test(msgstr, "\n"):
                return f"the msgid and the msgstr do not both {end} with a line break"
    return None


def line_ends_as_msgid(msgstr: str, msgid: str) -> str:
    """``msgstr`` without a line break at an end where ``msgid`` has none: what an editor,
    a CAT tool or a spreadsheet cell adds, and what :func:`line_break_mismatch` reports."""
    if not msgid.startswith("\n"):
        msgstr = msgstr.lstrip("\n")
    if not msgid.endswith("\n"):
        msgstr = msgstr.rstrip("\n")
    return msgstr


def live_entries(catalogue: PoFile) -> list[Message]:
    """Entries that are neither the header nor obsolete."""
    return [message for message in catalogue.messages if not message.obsolete]


# The format flags of GNU gettext 0.21, in the order msgcat writes them.
_FORMATS = (
    "c objc python python-brace java csharp javascript scheme lisp elisp librep ruby sh awk lua "
    "object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl perl perl-brace php "
    "gcc-internal gfc-internal ycp"
)
_FORMAT_ORDER = {name: index for index, name in enumerate(_FORMATS.split())}
_RANGE = re.compile(r"range: *(\d+)\.\.(\d+)")


def gnu_flags(flags: Iterable[str]) -> tuple[str, ...]:
    """The flags of a `#,` line other than fuzzy as GNU msgcat keeps and writes them: format
    flags in GNU's order (the last of `X-format` / `no-X-format` wins, `possible-X-format`
    reads as `X-format`), then `range: A..B`, then `no-wrap`. ``wrap`` (the default) and
    flags GNU does not know are dropped, as msgcat and msgmerge drop them."""
    formats: dict[str, str] = {}
    limits: str | None = None
    no_wrap = False
    for raw in flags:
        flag = raw.strip()
        if flag.endswith("-format"):
            name, negated = flag[: -len("-format")], False
            if name.startswith("no-"):
                name, negated = name[3:], True
            elif name.startswith("possible-"):
                name = name[len("possible-") :]
            if name in _FORMAT_ORDER:
                formats[name] = f"no-{name}-format" if negated else f"{name}-format"
        elif flag in ("wrap", "no-wrap"):
            no_wrap = flag == "no-wrap"
        elif (found := _RANGE.fullmatch(flag)) is not None:
            limits = f"range: {found.group(1)}..{found.group(2)}"
    kept = [formats[name] for name in sorted(formats, key=_FORMAT_ORDER.__getitem__)]
    kept += [limits] if limits else []
    return (*kept, "no-wrap") if no_wrap else tuple(kept)
