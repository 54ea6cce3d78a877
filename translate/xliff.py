"""XLIFF 1.2, the exchange format of CAT tools (OmegaT, Okapi, Translate Toolkit, Trados…).

Writing (``catalogue_to_xliff``): one ``<file>`` per catalogue, ``source-language`` the
catalogue's source language (``vi``), ``target-language`` its ``Language``, one
``<trans-unit>`` per live singular entry (obsolete and plural entries are left out), in
catalogue order:

- untouched machine output: ``<target state="needs-review-translation"
  state-qualifier="leveraged-mt">``; another fuzzy translation (a close match):
  ``needs-review-translation`` / ``fuzzy-match``; reviewed: ``state="translated"`` and
  ``approved="yes"``; untranslated: no ``<target>``;
- ``msgctxt`` as ``resname``; references as Translate Toolkit's ``po-reference`` context
  groups; ``#.`` comments as ``<note from="developer">``, translator comments as
  ``<note from="translator">``, our provenance lines and the digest of the exported msgstr as
  ``<note from="translate">`` (the import uses that digest to tell a translator's edit in the
  CAT tool from the text we sent, since tools such as OmegaT's Okapi filter never update
  ``state``);
- the markup placeholders of HTML and Markdown entries as inline elements: ``<1>…</1>`` as
  ``<g id="1">…</g>``, ``<2/>`` as ``<x id="2"/>`` (``<bx/>``/``<ex/>`` for a tag without its
  partner), read back to the same placeholders.

Reading (``read_xliff``) accepts XLIFF 1.0–1.2 with or without namespace, ``<group>``
nesting, Translate Toolkit's ``po2xliff`` output (its header unit is skipped) and files
written back by OmegaT. XML is parsed with the standard library after refusing any document
type declaration: without a DTD there are no entity declarations, so neither external
entities (file or network access) nor entity-expansion bombs can occur. (defusedxml would do
the same check; it is not needed for this one rule.)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from translate import __version__
from translate.errors import UserError
from translate.formats.notes import MARKUP_PREFIX
from translate.pofile import Message, PoFile
from translate.provenance import (
    has_current_machine_note,
    human_comments,
    is_own_line,
    msgstr_digest,
    rejoin_wrapped_provenance,
)
from translate.safexml import XML_UNWRITABLE

if TYPE_CHECKING:
    from translate.formats.placeholders import Token

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TOOL_NOTE = "translate"  # the `from` of our notes
EXPORTED = "exported: digest="  # our note holding the digest of the exported msgstr
REVIEWED_STATES = frozenset({"translated", "signed-off", "final"})
_DOCTYPE = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_SKIPPED_RESTYPES = frozenset({"x-gettext-domain-header", "x-gettext-plurals"})


@dataclass(frozen=True)
class Unit:
    """One ``<trans-unit>`` as read: texts and the attributes the import needs."""

    id: str
    source: str
    target: str | None  # None: no <target> element
    state: str | None = None
    state_qualifier: str | None = None
    approved: bool | None = None
    resname: str | None = None
    exported_digest: str | None = None  # from our own note, when we wrote the file

    @property
    def reviewed(self) -> bool:
        """What the file claims: approved, or a final state."""
        return self.approved is True or (self.state or "") in REVIEWED_STATES


@dataclass(frozen=True)
class XliffFile:
    original: str
    source_language: str
    target_language: str
    units: tuple[Unit, ...]
    skipped: int = 0  # header and plural units, which the import does not use


# ---------------------------------------------------------------------------------------
# Writing


def _state(message: Message) -> dict[str, str]:
    if not message.translated:
        return {}
    if not message.fuzzy:
        return {"state": "translated"}
    qualifier = "leveraged-mt" if has_current_machine_note(message) else "fuzzy-match"
    return {"state": "needs-review-translation", "state-qualifier": qualifier}


def _unit(message: Message, number: int, inline: list[tuple[ET.Element, str]]) -> ET.Element:
    """The trans-unit of one entry; a source or target with markup placeholders is left
    empty and added to ``inline``, to be filled once the document is indented (indentation
    inside mixed content would change the text)."""
    attributes = {"id": str(number), f"{{{XML_NS}}}space": "preserve"}
    if message.msgctxt is not None:
        attributes["resname"] = message.msgctxt
    if message.translated:
        attributes["approved"] = "no" if message.fuzzy else "yes"
    unit = ET.Element(f"{{{XLIFF_NS}}}trans-unit", attributes)
    source = ET.SubElement(unit, f"{{{XLIFF_NS}}}source")
    target = (
        ET.SubElement(unit, f"{{{XLIFF_NS}}}target", _state(message))
        if message.translated
        else None
    )
    if _holds_markup(message):
        inline.append((source, message.msgid))
        if target is not None:
            inline.append((target, message.msgstr))
    else:
        source.text = message.msgid
        if target is not None:
            target.text = message.msgstr
    for reference in message.references:
        path, colon, line = reference.rpartition(":")
        if not colon or not line.isdigit():
            path, line = reference, ""
        group = ET.SubElement(
            unit, f"{{{XLIFF_NS}}}context-group", {"name": "po-reference", "purpose": "location"}
        )
        ET.SubElement(group, f"{{{XLIFF_NS}}}context", {"context-type": "sourcefile"}).text = path
        if line:
            ET.SubElement(
                group, f"{{{XLIFF_NS}}}context", {"context-type": "linenumber"}
            ).text = line
    comments = rejoin_wrapped_provenance(message.comments)
    notes = [("developer", text) for text in message.extracted]
    notes += [("translator", text) for text in human_comments(comments)]
    notes += [(TOOL_NOTE, text) for text in comments if is_own_line(text)]
    notes.append((TOOL_NOTE, f"{EXPORTED}{msgstr_digest(message.msgstr)}"))
    for author, text in notes:
        ET.SubElement(unit, f"{{{XLIFF_NS}}}note", {"from": author}).text = text
    return unit


def catalogue_to_xliff(catalogue: PoFile, original: str) -> str:
    """The XLIFF 1.2 text of a catalogue's live singular entries (see the module doc).

    UserError naming ``original`` and the entry's line when a text holds a character XML
    cannot carry: the file would be ill-formed, refused by every CAT tool and by the import.
    """
    _refuse_unwritable(catalogue, original)
    ET.register_namespace("", XLIFF_NS)
    root = ET.Element(f"{{{XLIFF_NS}}}xliff", {"version": "1.2"})
    file = ET.SubElement(
        root,
        f"{{{XLIFF_NS}}}file",
        {
            "original": original,
            "source-language": catalogue.field("X-Source-Language") or "vi",
            "target-language": catalogue.field("Language") or "en",
            "datatype": "po",
        },
    )
    header = ET.SubElement(file, f"{{{XLIFF_NS}}}header")
    ET.SubElement(
        header,
        f"{{{XLIFF_NS}}}tool",
        {"tool-id": "translate", "tool-name": "translate", "tool-version": __version__},
    )
    body = ET.SubElement(file, f"{{{XLIFF_NS}}}body")
    number = 0
    inline: list[tuple[ET.Element, str]] = []
    for message in catalogue.messages:
        if message.obsolete or message.msgid_plural is not None:
            continue
        number += 1
        body.append(_unit(message, number, inline))
    ET.indent(root, space="  ")
    for element, text in inline:
        _set_inline(element, text)
    written = ET.tostring(root, encoding="unicode")
    # ElementTree writes a carriage return in text as it is, and every XML parser reads a
    # raw one as a line feed: a reviewed "A\rB" would come back "A\nB", changed. As a
    # character reference it survives. (Attributes already get `&#13;` from ElementTree.)
    written = written.replace("\r", "&#13;")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + written + "\n"


def _refuse_unwritable(catalogue: PoFile, original: str) -> None:
    for message in catalogue.messages:
        if message.obsolete or message.msgid_plural is not None:
            continue
        texts = (message.msgid, message.msgstr, message.msgctxt or "", *message.comments)
        texts += (*message.extracted, *message.references)
        for text in texts:
            # (a PO string may hold one: a form feed pasted from pdftotext output)
            found = XML_UNWRITABLE.search(text)
            if found is not None:
                where = f"{original}:{message.line}" if message.line else original
                raise UserError(
                    f"{where}: the entry holds U+{ord(found.group()):04X}, a control "
                    "character XML cannot carry, so no XLIFF file can hold it; remove it "
                    "from the entry (or export this catalogue as text)"
                )


# ---------------------------------------------------------------------------------------
# Inline markup: the placeholders of HTML and Markdown entries as XLIFF inline elements


def _holds_markup(message: Message) -> bool:
    return any(comment.startswith(MARKUP_PREFIX) for comment in message.extracted)


def _paired(found: list[Token]) -> set[int]:
    """Indices of the opening and closing placeholders that pair and nest properly."""
    paired: set[int] = set()
    stack: list[int] = []
    for index, token in enumerate(found):
        if token.kind == "open":
            stack.append(index)
        elif token.kind == "close" and stack and found[stack[-1]].number == token.number:
            paired.update((stack.pop(), index))
    return paired


def _set_inline(element: ET.Element, text: str) -> None:
    """``element``'s content: ``text`` with ``<n>…</n>`` as ``<g id="n">``, ``<n/>`` as
    ``<x id="n"/>`` and a tag without its partner as ``<bx/>`` or ``<ex/>``, so that a CAT
    tool shows them as tags a translator moves but cannot mistype."""
    from translate.formats.placeholders import tokens

    found = tokens(text)
    paired = _paired(found)
    parents = [element]
    last: ET.Element | None = None  # the element whose tail the next text goes to
    position = 0

    def put(piece: str) -> None:
        if not piece:
            return
        if last is None:
            parents[-1].text = (parents[-1].text or "") + piece
        else:
            last.tail = (last.tail or "") + piece

    for index, token in enumerate(found):
        put(text[position : token.start])
        position = token.end
        number = str(token.number)
        if index in paired and token.kind == "open":
            parents.append(ET.SubElement(parents[-1], f"{{{XLIFF_NS}}}g", {"id": number}))
            last = None
        elif index in paired:
            last = parents.pop()
        else:
            name = {"void": "x", "close": "ex", "open": "bx"}[token.kind]
            last = ET.SubElement(parents[-1], f"{{{XLIFF_NS}}}{name}", {"id": number})
    put(text[position:])


def _inline_text(element: ET.Element) -> str:
    """The text of a ``<source>`` or ``<target>``, its inline elements with numeric ids given
    back as placeholders (``_set_inline``); any other element gives its text.

    Walked with a stack of its own, not by recursion: a file nesting its inline elements
    thousands deep (which the XML parser reads) must not end in a RecursionError."""
    parts = [element.text or ""]
    stack: list[tuple[ET.Element, Iterator[ET.Element], str]] = [(element, iter(element), "")]
    while stack:
        node, children, closing = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(closing)
            if stack:  # the tail follows an inner element, never the <source> itself
                parts.append(node.tail or "")
            continue
        name, number = _local(child.tag), child.get("id", "")
        if number.isdigit() and name in _STANDALONE:
            parts.append(_STANDALONE[name].format(number))
            parts.append(child.tail or "")
            continue
        paired = number.isdigit() and name == "g"
        parts.append((f"<{number}>" if paired else "") + (child.text or ""))
        stack.append((child, iter(child), f"</{number}>" if paired else ""))
    return "".join(parts)


# The inline elements that stand for one placeholder mark, whatever they hold.
_STANDALONE = {"x": "<{}/>", "bx": "<{}>", "ex": "</{}>"}


# ---------------------------------------------------------------------------------------
# Reading


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _approved(value: str | None) -> bool | None:
    return None if value is None else value.strip().lower() == "yes"


def _read_unit(element: ET.Element) -> Unit | None:
    source = _child(element, "source")
    if source is None:
        return None
    target = _child(element, "target")
    exported = None
    for note in element:
        if _local(note.tag) == "note" and note.get("from") == TOOL_NOTE:
            text = _text(note)
            if text.startswith(EXPORTED):
                exported = text[len(EXPORTED) :].strip()
    return Unit(
        id=element.get("id", ""),
        source=_inline_text(source),
        target=_inline_text(target) if target is not None else None,
        state=target.get("state") if target is not None else None,
        state_qualifier=target.get("state-qualifier") if target is not None else None,
        approved=_approved(element.get("approved")),
        resname=element.get("resname"),
        exported_digest=exported,
    )


def _units(element: ET.Element, found: list[Unit]) -> int:
    """Collect the trans-units under ``element`` (groups included); returns the skipped."""
    skipped = 0
    for child in element:
        name = _local(child.tag)
        if child.get("restype") in _SKIPPED_RESTYPES:
            skipped += 1
        elif name == "trans-unit":
            unit = _read_unit(child)
            if unit is None or unit.source == "":
                skipped += 1
            else:
                found.append(unit)
        elif name in ("group", "body"):
            skipped += _units(child, found)
    return skipped


def parse_xliff(text: str, path: str) -> tuple[XliffFile, ...]:
    """The ``<file>`` elements of an XLIFF document; UserError naming ``path`` otherwise."""
    if _DOCTYPE.search(text):
        raise UserError(
            f"{path}: has a document type declaration (<!DOCTYPE or <!ENTITY), which XLIFF "
            "never needs and which could make the reader open other files; remove it"
        )
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line = exc.position[0]
        raise UserError(
            f"{path}: not well-formed XML at line {line} ({exc.msg}); export it again from "
            "the CAT tool"
        ) from None
    if _local(root.tag) != "xliff":
        raise UserError(f"{path}: not an XLIFF file (the root element is <{_local(root.tag)}>)")
    version = root.get("version", "")
    if version[:1] not in ("", "1"):  # 2.x has <unit>/<segment>, read as no units at all
        raise UserError(
            f"{path}: XLIFF {version}; translate reads XLIFF 1.2 (what `translate export "
            "--format xliff` writes): export it from the CAT tool as XLIFF 1.2"
        )
    files: list[XliffFile] = []
    for element in root:
        if _local(element.tag) != "file":
            continue
        units: list[Unit] = []
        body = _child(element, "body")
        skipped = _units(body, units) if body is not None else 0
        files.append(
            XliffFile(
                original=element.get("original", ""),
                source_language=element.get("source-language", ""),
                target_language=element.get("target-language", ""),
                units=tuple(units),
                skipped=skipped,
            )
        )
    if not files:
        raise UserError(f"{path}: an XLIFF file without any <file> element; nothing to import")
    return tuple(files)


def read_xliff(path: Path) -> tuple[XliffFile, ...]:
    from translate import fileguard  # a FIFO or device is refused by its type, never opened

    try:
        data = fileguard.read_regular(path, limit=fileguard.MAX_INPUT_BYTES, what="XLIFF")
    except OSError as exc:
        raise UserError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    for bom, encoding in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            text = data.decode(encoding)
            break
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError(
                f"{path}: not UTF-8 (bad byte at offset {exc.start}); save it as UTF-8"
            ) from None
    # The declaration's encoding was applied above; ElementTree refuses a str that has one.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    return parse_xliff(text, str(path))
