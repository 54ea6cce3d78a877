"""Reading catalogue text: msgcat's own layout with one pattern match per entry, anything else
(Poedit, Lokalize, Weblate, Babel, msgctxt, plurals) with polib, after the checks for what GNU
refuses and polib would let through. Opening the files is ``translate.pofile.files``'s job."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from translate.pofile.model import Message, PoFile, PoSyntaxError, format_header, gnu_flags
from translate.pofile.sections import check_sections, second_header_line
from translate.pofile.wrap import C_ESCAPES, PAGE_WIDTH
from translate.pofile.writer import ISOLATE_START, join_isolated


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
    if "\\" in content and _foreign_escape(content):
        _check_escapes(content, path)
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
    return _from_polib_file(parsed, content, path)


def _from_polib_file(parsed: object, content: str, path: str) -> PoFile:
    """polib's reading of ``content`` as a catalogue, with line numbers, the comment lines
    polib lost, and what GNU refuses (a bad plural, a duplicate, a second header) raised."""
    import polib

    assert isinstance(parsed, polib.POFile)
    lines = content.split("\n")
    header_comments = _polib_comments(parsed.header, lines, 0, _msgid_line(lines, 1) - 1)
    fields = tuple((key, value) for key, value in parsed.metadata.items())
    header = Message(
        msgid="",
        msgstr=format_header(fields),
        comments=header_comments,
        fuzzy=isinstance(parsed.metadata_is_fuzzy, list) and "fuzzy" in parsed.metadata_is_fuzzy,
    )
    messages: list[Message] = []
    seen: dict[tuple[str | None, str], int] = {}
    for entry in parsed:
        start = max(entry.linenum or 0, 1)
        line = _msgid_line(lines, start)
        _check_plural_forms(entry, path, line)
        check_sections(lines, line, bool(entry.msgid_plural), path)
        message = replace(
            _from_polib(entry),
            line=line,
            comments=_polib_comments(entry.tcomment, lines, start - 1, line - 1),
        )
        _check_unique(message, seen, content, path)
        messages.append(message)
    return PoFile(header=header, messages=tuple(messages))


def _check_unique(
    message: Message, seen: dict[tuple[str | None, str], int], content: str, path: str
) -> None:
    """Record ``message``'s key in ``seen``; PoSyntaxError when an entry before had it."""
    # As GNU: an obsolete entry repeating a live one is a duplicate too (a merge would
    # otherwise keep one translation and silently drop the other).
    identity = (message.msgctxt, message.msgid)
    if identity == (None, ""):
        # A second header: polib keeps one as the header and the other as an entry
        # (which the writer would then emit as a `#~ msgid ""` GNU rejects), losing a msgstr.
        raise PoSyntaxError(
            path,
            second_header_line(content) or message.line,
            'a second header entry (msgid ""): duplicate message definition',
            "merge the two headers into one by hand",
        )
    if identity in seen:
        raise PoSyntaxError(
            path,
            message.line,
            f"duplicate message definition of {message.msgid[:60]!r}, first at line "
            f"{seen[identity]}",
            "merge the two entries by hand (msguniq can help)",
        )
    seen[identity] = message.line


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


def _extracted_text(group: str) -> str:
    """`#.` lines joined as polib joins them (stripped; a bare `#.` is skipped)."""
    if group.find("\n") == len(group) - 1:  # one line: the usual case
        line = group.strip()
        return "" if len(line) < 3 else line[3:]
    text = ""
    for raw in group[:-1].split("\n"):
        line = raw.strip()
        if len(line) < 3:
            continue  # polib skips a bare `#.`
        text += ("\n" if text else "") + line[3:]
    return text


def _translator_comments(group: str) -> tuple[str, ...]:
    """`# ` lines, one string each (stripped; a bare `#` is an empty one, which GNU keeps)."""
    return tuple(raw.strip()[2:] for raw in group[:-1].split("\n"))


def _bare_lines_polib_lost(lines: Sequence[str], start: int, stop: int) -> int:
    """How many bare `#` lines open the translator comment of lines ``start``..``stop``
    (0-based, ``stop`` excluded): polib joins comment lines so that these vanish."""
    count = 0
    for index in range(start, min(stop, len(lines))):
        line = lines[index].strip()
        if line == "#":
            count += 1
        elif line.startswith("# "):
            break
    return count


def _polib_comments(text: str, lines: Sequence[str], start: int, stop: int) -> tuple[str, ...]:
    """polib's translator comment of the entry on lines ``start``..``stop``, with the bare
    `#` lines it lost put back."""
    comments = tuple(text.split("\n")) if text else ()
    return ("",) * _bare_lines_polib_lost(lines, start, stop) + comments


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
        extracted = _extracted_text(ec) if ec else ""
        messages.append(
            Message(
                msgid=msgid,
                msgstr=_string_value(msgstr, 0, joint),
                comments=_translator_comments(tc) if tc else (),
                extracted=tuple(extracted.split("\n")) if extracted else (),
                # Every line starts `#: `: join the lines, drop the first marker, split.
                references=_split_references(refs) if refs else (),
                fuzzy=bool(flags) and "fuzzy" in _flag_list(flags),
                flags=_other_flags(flags) if flags else (),
                previous_msgid=_string_value(prev, len("#| msgid "), '"\n#| "') if prev else None,
                obsolete=obsolete,
                line=line,
            )
        )
    return PoFile(header=_strict_header(header), messages=tuple(messages))


# Every escape `escape` writes (GNU's C escapes), `\a` included, which polib does not read.
_UNESCAPES = {value[1]: key for key, value in C_ESCAPES.items()}
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


def _other_flags(line: str) -> tuple[str, ...]:
    if line == "#, fuzzy\n":
        return ()
    return gnu_flags(_flag_list(line))


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
    flags = match["flags"]
    return Message(
        msgid="",
        msgstr=format_header(fields.items()),
        comments=_translator_comments(match["tc"]) if match["tc"] else (),
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


# A backslash before anything but the escapes GNU reads as characters (a literal prefix,
# so the search runs at C speed); `_foreign_escape` skips the escaped backslashes.
_BACKSLASH_BEFORE_OTHER = re.compile(r'\\[^abfnrtv\\"]')


def _foreign_escape(content: str) -> bool:
    """Whether a backslash that is not itself escaped precedes a character GNU does not read
    as an escape, anywhere (comments too: a prefilter for `_check_escapes`)."""
    for found in _BACKSLASH_BEFORE_OTHER.finditer(content):
        start = run = found.start()
        while run > 0 and content[run - 1] == "\\":
            run -= 1
        if (start - run) % 2 == 0:
            return True
    return False


# A line holding a string: the strings of live, obsolete (`#~`) and previous (`#|`) entries.
_STRING_LINE = re.compile(
    r'^[ \t]*(?:#(?:~\|?|\|)[ \t]*)?(?:[a-z_]+(?:\[\d+\])?[ \t]*)?"[^\n]*$', re.M
)
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]*|[0-7]{1,3}|.?)")


def _check_escapes(content: str, path: str) -> None:
    r"""Escapes GNU reads otherwise than this reader, which would change a translation the
    first time the catalogue is written again, stop with their line.

    GNU reads `\303\251` and `\xe9` as bytes (this reader would keep them as text and
    write them back with the backslash escaped); it refuses `\'`, `\?`, `\u00e9` as invalid
    control sequences (this reader would keep the backslash, so an apostrophe written `\'` by
    a Python-minded tool would become a backslash in the English document)."""
    for line in _STRING_LINE.finditer(content):
        text = line.group()
        if "\\" not in text:
            continue
        for escape in _ESCAPE.finditer(text, text.index('"')):
            char = escape.group(1)
            if not char or char in _UNESCAPES:
                continue  # (a backslash ending the line is the string checks' business)
            number = content.count("\n", 0, line.start()) + 1
            if char[:1] in "01234567x":
                raise PoSyntaxError(
                    path,
                    number,
                    f"an octal or hex escape `{escape.group()}`, which this tool does not read",
                    "let GNU msgcat rewrite it as the character (msgcat -o FILE FILE)",
                )
            raise PoSyntaxError(
                path,
                number,
                f"invalid escape `{escape.group()}` (GNU msgfmt refuses it too)",
                "write the character itself instead",
            )


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
        extracted=tuple(entry.comment.split("\n")) if entry.comment else (),
        references=references,
        fuzzy="fuzzy" in entry.flags,
        flags=gnu_flags(entry.flags) if entry.flags else (),
        previous_msgctxt=entry.previous_msgctxt,
        previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural,
        obsolete=bool(entry.obsolete),
    )
