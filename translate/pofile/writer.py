"""Catalogues written exactly as GNU ``msgcat`` writes them: entries in order, obsolete ones
last, ``#:`` references packed and isolated as gettext 0.22 does."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from translate.errors import UserError
from translate.pofile.model import Message, PoFile
from translate.pofile.wrap import PAGE_WIDTH, prepare_wraps, wrap_string, wrap_strings


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
    live = [message for message in messages if not message.obsolete]
    prepare_wraps("", "msgid", (message.msgid for message in live), width)
    singular = (message.msgstr for message in live if message.msgid_plural is None)
    prepare_wraps("", "msgstr", singular, width)
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
    entries = list(entries)
    msgids = wrap_strings("", "msgid", (msgid for msgid, _, _ in entries), width)
    empty_msgstr = wrap_string("", "msgstr", "", width)
    chunks: list[str] = []
    for (_, extracted, references), msgid_lines in zip(entries, msgids, strict=True):
        lines = list(_comment_lines("#.", extracted)) if extracted else []
        if references:
            lines.extend(_reference_lines(references, width))
        comments = "".join(line + "\n" for line in lines)
        chunks.append(f"\n{comments}{msgid_lines}{empty_msgstr}")
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
    flags = _flag_line(message.fuzzy and _first_msgstr(message) != "", message.flags)
    if flags:
        lines.append(flags)
    out = "".join(line + "\n" for line in lines)
    width = _string_width(message, width)
    if message.previous_msgid is not None or message.previous_msgctxt is not None:
        out += _previous(message, "#| ", width)
    return out + _strings(message, "", width)


# GNU writes the strings of a `no-wrap` entry unwrapped (cut only after embedded newlines).
_NO_WRAP_WIDTH = 1 << 30


def _string_width(message: Message, width: int) -> int:
    return _NO_WRAP_WIDTH if message.flags and "no-wrap" in message.flags else width


def _flag_line(fuzzy: bool, flags: tuple[str, ...]) -> str:
    if not flags:
        return "#, fuzzy" if fuzzy else ""
    return "#, " + ", ".join(("fuzzy", *flags) if fuzzy else flags)


def _format_obsolete(message: Message, width: int) -> str:
    # Obsolete entries keep only translator comments, the fuzzy flag and the strings;
    # extracted comments and references belong to source that no longer exists.
    lines = list(_comment_lines("#", message.comments))
    flags = _flag_line(message.fuzzy, message.flags)
    if flags:
        lines.append(flags)
    out = "".join(line + "\n" for line in lines)
    width = _string_width(message, width)
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
    if len(references) == 1:
        only = references[0]
        if _PLAIN_REFERENCE.fullmatch(only) and not only.startswith("./"):
            return [f"#: {only}"]  # the usual entry: nothing to check, isolate or pack
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
