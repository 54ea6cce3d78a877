"""A catalogue's header and dates, and the decision whether a file needs writing at all.

- ``catalogue_header``: the header entry of a catalogue, its fields refreshed and the
  translator's own kept (Language, Plural-Forms and the team stay as a person set them).
- ``finish_catalogue`` / ``finish_template``: the text to write, or None when the file
  already holds this content. PO-Revision-Date moves only when a translation changes, and
  POT-Creation-Date only when the template does, so an unchanged re-run writes identical
  bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from translate import __version__
from translate.catalog import TemplateEntry, template_header
from translate.languages import language_name, plural_forms
from translate.pofile import (
    Message,
    PoFile,
    format_header,
    header_fields,
    serialize,
    serialize_header,
    serialize_template_entries,
)


def catalogue_header(
    old: Message | None,
    *,
    project: str,
    source_lang: str,
    target_lang: str,
    pot_date: str,
    revision_date: str,
) -> Message:
    """The PO header: complete, keeping every field a person or editor set."""
    defaults: list[tuple[str, str]] = [
        ("Project-Id-Version", project),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", pot_date),
        ("PO-Revision-Date", revision_date),
        ("Last-Translator", f"machine translation (translate {__version__})"),
        ("Language-Team", language_name(target_lang)),
        ("Language", target_lang),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", plural_forms(target_lang)),
        ("X-Generator", f"translate {__version__}"),
        ("X-Source-Language", source_lang),
    ]
    if old is None or old.msgstr == "":
        comment = (
            f"{language_name(target_lang)} translation of {project} "
            f"(source language: {language_name(source_lang)}).",
            "Machine translations are marked fuzzy until a reviewer accepts them.",
        )
        return Message(msgid="", msgstr=format_header(defaults), comments=comment)
    fields = list(header_fields(old.msgstr))
    names = {key.lower(): index for index, (key, _) in enumerate(fields)}
    old_language = fields[names["language"]][1] if "language" in names else ""
    forced = {
        "pot-creation-date": pot_date,
        "po-revision-date": revision_date,
        "content-type": "text/plain; charset=UTF-8",
        "content-transfer-encoding": "8bit",
        # A region or script the team chose (en_GB, en-GB, sr@latin) stays while it is --to's
        "language": old_language if same_language(old_language, target_lang) else target_lang,
    }
    for key, value in defaults:
        index = names.get(key.lower())
        if index is None:
            names[key.lower()] = len(fields)
            fields.append((key, value))
        elif key.lower() in forced or _is_placeholder(fields[index][1]):
            fields[index] = (fields[index][0], forced.get(key.lower(), value))
    return replace(old, msgstr=format_header(fields), fuzzy=False)


def same_language(value: str, code: str) -> bool:
    """``en_GB``, ``en-GB``, ``en@quot`` and ``en`` all name the language ``en``."""
    return re.split(r"[_\-@.]", value.strip(), maxsplit=1)[0].lower() == code.lower()


def _same_translations(new: Sequence[Message], old: Sequence[Message]) -> bool:
    """Whether no entry's translation changed: only comments, references or previous msgids.

    PO-Revision-Date says when translations were last revised (msgmerge never moves it), so
    dropping stale provenance or following moved source lines must not move it either.
    """
    return len(new) == len(old) and all(
        a is b
        or (a.key, a.msgstr, a.msgstr_plural, a.fuzzy, a.obsolete)
        == (b.key, b.msgstr, b.msgstr_plural, b.fuzzy, b.obsolete)
        for a, b in zip(new, old, strict=True)
    )


def _is_placeholder(value: str) -> bool:
    """Values xgettext/msginit leave for a person to fill (msgfmt --check warns on them)."""
    return value == "" or any(
        marker in value
        for marker in (
            "PACKAGE VERSION",
            "FULL NAME",
            "EMAIL@ADDRESS",
            "LANGUAGE <LL@li.org>",
            "YEAR-MO-DA",
            "CHARSET",
            "ENCODING",
            "INTEGER",
            "EXPRESSION",
        )
    )


def finish_catalogue(
    messages: Sequence[Message],
    old: PoFile | None,
    old_text: str | None,
    *,
    project: str,
    source_lang: str,
    target_lang: str,
    pot_date: str,
    now: str,
) -> str | None:
    """The catalogue text to write, or None when the file already holds this content.

    PO-Revision-Date moves to ``now`` only when the content changes, so re-running on an
    unchanged source writes nothing (the file stays byte-identical, in whatever layout the
    reviewer's editor saved it).
    """
    languages = {"project": project, "source_lang": source_lang, "target_lang": target_lang}
    old_revision = old.field("PO-Revision-Date") if old is not None else None
    if old is not None and old_text is not None and old_revision and old_text[:1] != "\ufeff":
        header = catalogue_header(
            old.header, pot_date=pot_date, revision_date=old_revision, **languages
        )
        if header == old.header and tuple(messages) == old.messages:
            return None
        if _same_translations(messages, old.messages):
            now = old_revision
    header = catalogue_header(
        old.header if old is not None else None, pot_date=pot_date, revision_date=now, **languages
    )
    text = serialize(PoFile(header=header, messages=tuple(messages)))
    return None if text == old_text else text


_POT_LANGUAGE = re.compile(r'^"Language: *([^"\\]*?) *\\n"', re.MULTILINE)
_POT_DATE = re.compile(r'^"POT-Creation-Date: *([^"\\]*?) *\\n"', re.MULTILINE)


def template_date(text: str) -> str | None:
    """The POT-Creation-Date of a template's text, without parsing it all.

    A template holds no human work: it is compared as text and rewritten when it differs,
    so only its date is read back.
    """
    match = _POT_DATE.search(text)
    return match.group(1) if match else None


def finish_template(
    entries: Sequence[TemplateEntry],
    old_text: str | None,
    *,
    project: str,
    source_lang: str,
    target_lang: str,
    now: str,
) -> tuple[str | None, str]:
    """(POT text to write or None when unchanged, the template's POT-Creation-Date)."""
    old_date = template_date(old_text) if old_text is not None else None
    # The template's Language stays what it was: translations into any language share it, so
    # a run with another --to must not rewrite it (nor move the catalogues' POT-Creation-Date).
    language = _POT_LANGUAGE.search(old_text) if old_text is not None else None
    if language is not None and language.group(1):
        target_lang = language.group(1)
    languages = {"source_lang": source_lang, "target_lang": target_lang}
    body = serialize_template_entries((e.msgid, e.notes, e.references) for e in entries)
    if old_date and old_text is not None:
        header = serialize_header(template_header(project=project, date=old_date, **languages))
        # Compared in place: header + body would be another copy of a large template.
        if (
            len(old_text) == len(header) + len(body)
            and old_text.startswith(header)
            and old_text.endswith(body)
        ):
            return None, old_date
    return serialize_header(template_header(project=project, date=now, **languages)) + body, now
