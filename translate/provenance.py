"""Provenance: the comments the toolkit writes on an entry, and how to recognise them.

Provenance lives in translator comments, the only comment kind GNU tools keep:
``# mt: engine=… package=… version=… score=… digest=…`` (digest = first 8 hex of the SHA-1
of the msgstr as written: once a reviewer edits the msgstr the line is stale and dropped),
``# mt-alt:`` n-best alternatives, ``# mt-suggestion:`` a fresh machine translation beside a
fuzzy one, ``# copy:`` a segment copied rather than translated.

Also the one classification of entries every command shares: reviewed, fuzzy, untranslated,
and untouched machine output.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from translate.document import NO_LANGUAGE
from translate.pofile import Message, po_safe
from translate.translation import MachineSource, Translation

MT_PREFIX = "mt:"
MT_ALT_PREFIX = "mt-alt:"
MT_SUGGESTION_PREFIX = "mt-suggestion:"
COPY_PREFIX = "copy:"
MACHINE_PREFIXES = (MT_PREFIX, MT_ALT_PREFIX, MT_SUGGESTION_PREFIX)
_DIGEST_FIELD = re.compile(r"\bdigest=([0-9a-f]{8})\b")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85]+\s*")


def msgstr_digest(msgstr: str) -> str:
    return hashlib.sha1(msgstr.encode("utf-8")).hexdigest()[:8]


def one_line(text: str) -> str:
    """Model output as one PO-safe line (msgids never hold line breaks, so msgstrs must not)."""
    return po_safe(_LINE_BREAKS.sub(" ", text).strip())


def _score(value: float) -> str:
    return f"{value:.3f}"


def machine_comments(translation: Translation, msgstr: str, source: MachineSource) -> list[str]:
    lines = [
        f"{MT_PREFIX} engine={source.engine} package={source.package} "
        f"version={source.version or '-'} score={_score(translation.score)} "
        f"digest={msgstr_digest(msgstr)}"
    ]
    lines.extend(
        f"{MT_ALT_PREFIX} score={_score(alt.score)} | {one_line(alt.text)}"
        for alt in translation.alternatives
    )
    return lines


def suggestion_comment(translation: Translation) -> str:
    return (
        f"{MT_SUGGESTION_PREFIX} score={_score(translation.score)} | {one_line(translation.text)}"
    )


def copy_comment(lang: str) -> str:
    if lang == NO_LANGUAGE:
        return (
            f"{COPY_PREFIX} no language (numbers, dates or punctuation only), not sent to the model"
        )
    return f"{COPY_PREFIX} source language is {lang}, not sent to the model"


def has_current_machine_note(message: Message) -> bool:
    """Untouched machine output: a `# mt:` line whose digest matches the msgstr."""
    if message.msgstr == "":
        return False
    note = next((c for c in message.comments if c.startswith(MT_PREFIX)), None)
    return note is not None and _describes(note, message.msgstr)


def _describes(note: str, msgstr: str) -> bool:
    """Whether a `# mt:` line's digest is that of ``msgstr`` (no human changed it since)."""
    digest = msgstr_digest(msgstr)
    if f"digest={digest}" not in note:
        return False  # whatever the field holds, it is not this digest
    match = _DIGEST_FIELD.search(note)
    return match is not None and match.group(1) == digest


def without_stale_provenance(comments: tuple[str, ...], msgstr: str) -> tuple[str, ...]:
    """Drop `# mt:` / `# mt-alt:` lines that no longer describe the msgstr (a human edited it)."""
    note = next((c for c in comments if c.startswith(MT_PREFIX)), None)
    if note is None or _describes(note, msgstr):
        return comments
    return tuple(c for c in comments if not c.startswith((MT_PREFIX, MT_ALT_PREFIX)))


def is_settled(message: Message | None) -> bool:
    """Has a translation, or the model already answered it with nothing (not asked again)."""
    if message is None:
        return False
    if message.msgstr != "":
        return True
    if not message.comments:
        return False
    empty_answer = f"digest={msgstr_digest('')}"
    return any(c.startswith(MT_PREFIX) and empty_answer in c for c in message.comments)


def is_copy(message: Message) -> bool:
    """A msgstr the tool copied from the msgid (`# copy:`), not changed by anyone since."""
    return message.msgstr == message.msgid and any(
        comment.startswith(COPY_PREFIX) for comment in message.comments
    )


def is_reviewed(message: Message) -> bool:
    """Reviewed = not fuzzy and translated (the gettext notion: msgfmt compiles it)."""
    return not message.fuzzy and message.translated


_KEY_VALUES = re.compile(r"[A-Za-z][\w-]*=\S+(?:\s+[A-Za-z][\w-]*=\S+)*")
_COPY_ENDING = "not sent to the model"


def rejoin_wrapped_provenance(comments: tuple[str, ...]) -> tuple[str, ...]:
    """Undo comment wrapping by tools such as polib (78 columns) on the tool's own lines.

    A `# mt:` line continues on lines made only of ``key=value`` fields; a `# copy:` line
    continues until its fixed ending.
    """
    joined: list[str] = []
    for comment in comments:
        previous = joined[-1] if joined else ""
        if (
            previous.startswith(MT_PREFIX)
            and "digest=" not in previous
            and _KEY_VALUES.fullmatch(comment.strip())
        ):
            joined[-1] += " " + comment.strip()
            continue
        if joined and joined[-1].startswith(COPY_PREFIX) and not joined[-1].endswith(_COPY_ENDING):
            joined[-1] += " " + comment.strip()
            continue
        joined.append(comment)
    return tuple(joined)


_KEY_VALUE = re.compile(r"([A-Za-z][\w-]*)=(\S+)")


@dataclass(frozen=True)
class MachineNote:
    """The `# mt:` provenance comment of an entry."""

    fields: dict[str, str]

    @property
    def digest(self) -> str:
        return self.fields.get("digest", "")

    @property
    def score(self) -> float | None:
        try:
            return float(self.fields["score"])
        except (KeyError, ValueError):
            return None


def parse_machine_note(translator_comment: str) -> MachineNote | None:
    """The `# mt: key=value …` line among an entry's translator comments, if any.

    Tools that wrap comments (polib at 78 columns) may push the last fields onto the next
    comment line; lines made only of `key=value` fields right after it are read as part of it.
    """
    lines = [line.strip() for line in translator_comment.splitlines()]
    for index, line in enumerate(lines):
        if not line.startswith(MT_PREFIX):
            continue
        text = line[len(MT_PREFIX) :]
        for following in lines[index + 1 :]:
            if not _KEY_VALUES.fullmatch(following):
                break
            text += " " + following
        return MachineNote(dict(_KEY_VALUE.findall(text)))
    return None


def machine_note_if_untouched(message: Message) -> MachineNote | None:
    """The entry's `# mt:` note when its digest still matches the msgstr, else None.

    The same decision as ``has_current_machine_note``, so `stats`, `check` and `run` agree on
    what is still machine output.
    """
    comments = rejoin_wrapped_provenance(message.comments)
    if not message.msgstr or not has_current_machine_note(replace(message, comments=comments)):
        return None
    return parse_machine_note("\n".join(comments))


def entry_state(message: Message) -> str:
    """One of "reviewed", "fuzzy", "untranslated" (a fuzzy empty msgstr counts as untranslated;
    a plural entry is translated when all its forms are)."""
    if not message.translated:
        return "untranslated"
    return "fuzzy" if message.fuzzy else "reviewed"
