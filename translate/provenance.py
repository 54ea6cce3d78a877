"""Provenance: the comments the toolkit writes on an entry, and how to recognise them.

Provenance lives in translator comments, the only comment kind GNU tools keep:
``# mt: engine=… package=… version=… score=… digest=…`` (digest = first 8 hex of the SHA-1
of the msgstr as written: once a reviewer edits the msgstr the line is stale and dropped),
``# mt-alt:`` n-best alternatives, ``# mt-suggestion:`` a fresh machine translation beside a
fuzzy one, ``# copy:`` a segment copied rather than translated.

Also the one classification of entries every command shares: reviewed, fuzzy, untranslated,
untouched machine output, and human work (what the translation memory keeps).

A line is ours only when it has exactly the shape we write (an `mt:` line is nothing but
``key=value`` fields, one of them an 8-hex ``digest``), so a reviewer's own ``# mt: check the
name`` is never taken for provenance and never deleted (issue 12, case 4).

Editors and libraries re-wrap long comments: polib at 78 columns, Babel at 76 columns of text,
Weblate-style writers at 77, all with Python's ``textwrap`` (breaks at spaces or after
hyphens). ``rejoin_wrapped_provenance`` puts our lines back together, so that when an entry is
reviewed and its provenance goes, no fragment of it stays behind as if a person had written it.
Babel also writes a ``#| msgid`` as the translator comment ``# | msgid …``; ``repair`` turns that
back into the previous msgid (on a fuzzy entry) or drops it (issue 12, case 3).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from translate.document import NO_LANGUAGE
from translate.pofile import Message, po_safe
from translate.translation import MachineSource, Translation

MT_PREFIX = "mt:"
MT_ALT_PREFIX = "mt-alt:"
MT_SUGGESTION_PREFIX = "mt-suggestion:"
MT_CHECK_PREFIX = "mt-check:"  # what the machine translation still misses (translate.guard)
COPY_PREFIX = "copy:"
MACHINE_PREFIXES = (MT_PREFIX, MT_ALT_PREFIX, MT_SUGGESTION_PREFIX, MT_CHECK_PREFIX)
_DIGEST_FIELD = re.compile(r"\bdigest=([0-9a-f]{8})\b")
COPY_ENDING = "not sent to the model"
_MT_LINE = re.compile(r"mt:((?: [A-Za-z][\w-]*=\S+)+)")
_SCORED_LINE = re.compile(r"(?:mt-alt|mt-suggestion): score=-?\d+(?:\.\d+)? \| .*", re.DOTALL)
# The wording before names and codes were counted as having no words (still recognised).
_OLD_NO_WORDS = r"no language \(numbers, dates or punctuation only\)"
_NO_WORDS = "no words to translate (numbers, codes, names or punctuation only)"
_COPY_LINE = re.compile(
    rf"copy: (?:source language is \S+|{re.escape(_NO_WORDS)}|{_OLD_NO_WORDS}), "
    + re.escape(COPY_ENDING)
)
# Text widths (without the "# " marker) at which tools wrap comment lines: polib's default 78
# columns and a Weblate-style 77 (both counting the marker), Babel's 76 (not counting it).
_WRAP_WIDTHS = (75, 76, 77)
_BABEL_PREVIOUS = re.compile(r'\| (?:msgctxt |msgid |msgid_plural )?"')
_COMPLETE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
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
    lines.extend(f"{MT_CHECK_PREFIX} {one_line(note)}" for note in translation.notes)
    return lines


def suggestion_comment(translation: Translation) -> str:
    return (
        f"{MT_SUGGESTION_PREFIX} score={_score(translation.score)} | {one_line(translation.text)}"
    )


def copy_comment(lang: str) -> str:
    if lang == NO_LANGUAGE:
        return f"{COPY_PREFIX} {_NO_WORDS}, {COPY_ENDING}"
    return f"{COPY_PREFIX} source language is {lang}, {COPY_ENDING}"


def is_machine_line(comment: str) -> bool:
    """A `# mt:` provenance line as this tool writes it (fields only, with a digest)."""
    return (
        comment.startswith(MT_PREFIX)
        and _MT_LINE.fullmatch(comment) is not None
        and _DIGEST_FIELD.search(comment) is not None
    )


def is_alternative_line(comment: str) -> bool:
    return comment.startswith(MT_ALT_PREFIX) and _SCORED_LINE.fullmatch(comment) is not None


def is_suggestion_line(comment: str) -> bool:
    return comment.startswith(MT_SUGGESTION_PREFIX) and _SCORED_LINE.fullmatch(comment) is not None


def is_copy_line(comment: str) -> bool:
    return comment.startswith(COPY_PREFIX) and _COPY_LINE.fullmatch(comment) is not None


def is_own_line(comment: str) -> bool:
    """Whether this translator comment is one the tool wrote (after rejoining)."""
    return (
        is_machine_line(comment)
        or is_alternative_line(comment)
        or is_suggestion_line(comment)
        or is_copy_line(comment)
    )


def machine_line(comments: Iterable[str]) -> str | None:
    """The entry's `# mt:` line, if it has one of ours."""
    return next((c for c in comments if is_machine_line(c)), None)


def human_comments(comments: Iterable[str]) -> tuple[str, ...]:
    """Translator comments minus the tool's own lines."""
    return tuple(c for c in comments if not is_own_line(c))


def has_current_machine_note(message: Message) -> bool:
    """Untouched machine output: a `# mt:` line whose digest matches the msgstr."""
    if message.msgstr == "":
        return False
    note = machine_line(message.comments)
    return note is not None and _describes(note, message.msgstr)


def _describes(note: str, msgstr: str) -> bool:
    """Whether a `# mt:` line's digest is that of ``msgstr`` (no human changed it since)."""
    digest = msgstr_digest(msgstr)
    if f"digest={digest}" not in note:
        return False  # whatever the field holds, it is not this digest
    match = _DIGEST_FIELD.search(note)
    return match is not None and match.group(1) == digest


def without_stale_provenance(comments: tuple[str, ...], msgstr: str) -> tuple[str, ...]:
    """Drop `# mt:` / `# mt-alt:` / `# mt-check:` lines that no longer describe the msgstr (a
    human edited it)."""
    return without_stale(Message("-", msgstr, comments=comments, fuzzy=True))


def without_stale(message: Message) -> tuple[str, ...]:
    """The comments to keep on an entry that keeps its translation.

    The `# mt:`, `# mt-alt:` and `# mt-check:` lines go once they no longer describe the
    msgstr (a human edited it); a `# mt-suggestion:` goes once the entry is reviewed (no
    longer fuzzy).
    """
    comments = message.comments
    note = machine_line(comments)
    stale_mt = note is not None and not _describes(note, message.msgstr)
    reviewed = not message.fuzzy and message.translated
    if not stale_mt and not reviewed:
        return comments
    return tuple(
        c
        for c in comments
        if not (
            (
                stale_mt
                and (is_machine_line(c) or is_alternative_line(c) or c.startswith(MT_CHECK_PREFIX))
            )
            or (reviewed and is_suggestion_line(c))
        )
    )


def is_settled(message: Message | None) -> bool:
    """Has a translation, or the model already answered it with nothing (not asked again)."""
    if message is None:
        return False
    if message.msgstr != "":
        return True
    if not message.comments:
        return False
    empty_answer = f"digest={msgstr_digest('')}"
    return any(empty_answer in c and is_machine_line(c) for c in message.comments)


def is_copy(message: Message) -> bool:
    """A msgstr the tool copied from the msgid (`# copy:`), not changed by anyone since."""
    return message.msgstr == message.msgid and any(
        comment.startswith(COPY_PREFIX) for comment in message.comments
    )


def is_reviewed(message: Message) -> bool:
    """Reviewed = not fuzzy and translated (the gettext notion: msgfmt compiles it)."""
    return not message.fuzzy and message.translated


_KEY_VALUES = re.compile(r"[A-Za-z][\w-]*=\S+(?:\s+[A-Za-z][\w-]*=\S+)*")


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0]


def _wrapped_before(previous_line: str, following: str) -> bool:
    """Whether ``textwrap`` at one of the known widths would have broken here: the previous
    physical line fits, and the following line's first word would not have fitted on it."""
    word = _first_word(following)
    return any(
        len(previous_line) <= width < len(previous_line) + 1 + len(word)
        or (
            previous_line.endswith("-")
            and len(previous_line) <= width < len(previous_line) + len(word)
        )
        for width in _WRAP_WIDTHS
    )


def _joined(previous_line: str, following: str) -> str:
    # textwrap breaks after hyphens inside words too ("Hue-" / "S"): no space was there.
    if previous_line.endswith("-") and not previous_line.endswith(" -"):
        return following
    return " " + following


def rejoin_wrapped_provenance(comments: tuple[str, ...]) -> tuple[str, ...]:
    """Undo comment wrapping by other tools on the tool's own lines.

    A `# mt:` line continues on lines made only of ``key=value`` fields (until it has its
    digest); a `# copy:` line continues until its fixed ending; a `# mt-alt:` or
    `# mt-suggestion:` line continues where the break is exactly where a known writer's
    wrapping puts one.
    """
    if not comments or not any(c.startswith(("mt", COPY_PREFIX)) for c in comments):
        return comments
    joined: list[str] = []
    physical = ""  # the last physical line of joined[-1]
    for comment in comments:
        text = comment.strip()
        last = joined[-1] if joined else ""
        if text and (
            (
                last.startswith(MT_PREFIX)
                and "digest=" not in last
                and _KEY_VALUES.fullmatch(text) is not None
            )
            or (last.startswith(COPY_PREFIX) and not last.endswith(COPY_ENDING))
            or (
                last.startswith((MT_ALT_PREFIX, MT_SUGGESTION_PREFIX))
                and not text.startswith(("mt:", "mt-alt:", "mt-suggestion:", COPY_PREFIX))
                and _wrapped_before(physical, text)
            )
        ):
            joined[-1] = last + _joined(physical, text)
            physical = text
            continue
        joined.append(comment)
        physical = comment
    return tuple(joined)


def _babel_damage(comments: tuple[str, ...]) -> tuple[list[int], dict[str, str]]:
    """Indices of the `# | msgid "…"` lines (Babel's rendering of `#| msgid`, possibly wrapped
    again by Babel itself) and the previous fields they held."""
    indices: list[int] = []
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    index = 0
    while index < len(comments):
        comment = comments[index]
        if not (comment.startswith("| ") and _BABEL_PREVIOUS.match(comment)):
            index += 1
            current = None
            continue
        body = comment[2:]
        keyword, _, rest = body.partition(" ")
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            current = fields.setdefault(keyword, [])
        else:
            rest = body
        indices.append(index)
        index += 1
        # Babel wraps its own long comment lines: the quoted string goes on until it closes.
        while _COMPLETE_QUOTED.fullmatch(rest) is None and index < len(comments):
            rest += " " + comments[index].strip()
            indices.append(index)
            index += 1
        if current is not None and _COMPLETE_QUOTED.fullmatch(rest):
            current.append(_unquote(rest))
    return indices, {key: "".join(parts) for key, parts in fields.items()}


def _unquote(quoted: str) -> str:
    from polib import unescape

    return str(unescape(quoted[1:-1]))


def repair(message: Message) -> Message:
    """The message with our wrapped lines rejoined and Babel's `# | msgid` damage undone."""
    comments = rejoin_wrapped_provenance(message.comments)
    if any(c.startswith("| ") for c in comments):
        indices, previous = _babel_damage(comments)
        if indices:
            dropped = set(indices)
            comments = tuple(c for i, c in enumerate(comments) if i not in dropped)
            if message.fuzzy and message.previous_msgid is None and "msgid" in previous:
                message = replace(
                    message,
                    previous_msgid=previous["msgid"],
                    previous_msgctxt=previous.get("msgctxt"),
                    previous_msgid_plural=previous.get("msgid_plural"),
                )
    if comments == message.comments:
        return message
    return replace(message, comments=comments)


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
    a plural entry is translated when all its forms are; so does a msgstr that is the
    Vietnamese msgid itself, as ``msginit -l en`` and ``msgen`` write them)."""
    if not message.translated or copies_vietnamese(message):
        return "untranslated"
    return "fuzzy" if message.fuzzy else "reviewed"


def copies_vietnamese(message: Message) -> bool:
    """msgstr = msgid, the msgid a Vietnamese sentence, and neither the model's answer nor a
    copy this tool made on purpose (`# copy:`)."""
    if message.msgstr != message.msgid or message.msgid_plural is not None:
        return False
    comments = rejoin_wrapped_provenance(message.comments)
    if any(is_copy_line(c) for c in comments) or has_current_machine_note(
        replace(message, comments=comments)
    ):
        return False
    from translate.qa.textrules import is_vietnamese_sentence  # qa builds on this module

    return is_vietnamese_sentence(message.msgid)


def is_human_work(message: Message) -> bool:
    """A translation a person made or accepted: reviewed (`entry_state`), not a copy of the
    msgid, and not machine output whose `# mt:` digest still matches (what the translation
    memory keeps). Plural entries are left out (a memory unit is one sentence)."""
    return (
        message.msgid_plural is None
        and not message.obsolete
        and entry_state(message) == "reviewed"
        and message.msgstr != message.msgid
        and machine_note_if_untouched(message) is None
    )
