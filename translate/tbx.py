"""TBX termbases (TBX-Basic) as glossary rows, parsed without ever resolving an entity.

Both layouts are read: TBX v2 / TBX-Basic (``martif/text/body/termEntry/langSet/tig/term``,
``ntig/termGrp/term`` too) and TBX v3 (``tbx/text/body/conceptEntry/langSec/termSec/term``).
For each entry, every source-language term (``xml:lang`` ``vi`` or ``vi-*``) becomes a row
whose targets are the entry's target-language terms, preferred ones first and deprecated
ones (``administrativeStatus`` ``deprecatedTerm-admn-sts``) left out. A target identical to
the source makes a do-not-translate term. ``termNote type="partOfSpeech"`` gives ``pos``,
the entry's ``descrip``/``note`` the note.

Safety: the XML is parsed with expat, the DTD named by a DOCTYPE is never read, and a
document that declares entities (an internal DTD subset: "billion laughs", external
entities) is refused, as is anything that is not well-formed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from xml.parsers import expat

from translate.errors import UserError
from translate.glossary import Row, check_term_length  # glossary imports us only for .tbx
from translate.safexml import HostileXml, UnreadableEncoding, feed, hardened_parser

_ENTRY = frozenset({"termEntry", "conceptEntry"})
_LANG = frozenset({"langSet", "langSec"})
_TERM_GROUP = frozenset({"tig", "ntig", "termSec"})
_NOTE = frozenset({"descrip", "note", "definition"})
_DEPRECATED = frozenset({"deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "deprecated"})
_PREFERRED = frozenset({"preferredTerm-admn-sts", "preferred"})


@dataclass
class _TermInfo:
    text: str = ""
    pos: str = ""
    status: str = ""


@dataclass
class _Entry:
    line: int
    terms: dict[str, list[_TermInfo]] = field(default_factory=dict)  # language → terms
    note: str = ""


class _Reader:
    def __init__(self, name: str, source_lang: str, target_lang: str) -> None:
        self.name = name
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.rows: list[Row] = []
        self.skipped: list[str] = []
        self.entry: _Entry | None = None
        self.lang = ""
        self.term: _TermInfo | None = None
        self.text: list[str] = []
        self.capture: str | None = None  # element whose text is being collected
        self.note_type = ""
        self.parser = hardened_parser()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._data

    def refuse(self, what: str) -> UserError:
        line = self.parser.CurrentLineNumber
        return UserError(f"{self.name}:{line}: {what}; export the termbase as plain TBX-Basic")

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local in _ENTRY:
            self.entry = _Entry(self.parser.CurrentLineNumber)
        elif local in _LANG:
            self.lang = attributes.get("xml:lang", attributes.get("lang", "")).lower()
        elif local in _TERM_GROUP:
            self.term = _TermInfo()
        elif local == "term" or local in _NOTE or local == "termNote":
            self.capture = local
            self.note_type = attributes.get("type", "")
            self.text = []

    def _data(self, data: str) -> None:
        if self.capture is not None:
            self.text.append(data)

    def _end(self, tag: str) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local == self.capture:
            self._captured(local, " ".join("".join(self.text).split()))
            self.capture = None
        elif local in _TERM_GROUP and self.term is not None and self.entry is not None:
            if self.term.text:
                self.entry.terms.setdefault(self.lang, []).append(self.term)
            self.term = None
        elif local in _ENTRY and self.entry is not None:
            self._finish(self.entry)
            self.entry = None

    def _captured(self, local: str, text: str) -> None:
        if local == "term":
            if self.term is None:  # a bare <term> in the language section
                self.term = _TermInfo()
                self.term.text = text
                if self.entry is not None and text:
                    self.entry.terms.setdefault(self.lang, []).append(self.term)
                self.term = None
            else:
                self.term.text = text
        elif local == "termNote" and self.term is not None:
            if self.note_type == "partOfSpeech":
                self.term.pos = text
            elif self.note_type == "administrativeStatus":
                self.term.status = text
        elif local in _NOTE and self.entry is not None and not self.entry.note:
            self.entry.note = text

    def _language(self, entry: _Entry, code: str) -> list[_TermInfo]:
        terms: list[_TermInfo] = []
        for lang, found in entry.terms.items():
            if lang == code or lang.startswith(code + "-") or lang.startswith(code + "_"):
                terms.extend(found)
        return terms

    def _finish(self, entry: _Entry) -> None:
        sources = self._language(entry, self.source_lang)
        targets = [
            t for t in self._language(entry, self.target_lang) if t.status not in _DEPRECATED
        ]
        targets.sort(key=lambda t: t.status not in _PREFERRED)
        origin = f"{self.name}:{entry.line}"
        for source in sources:
            if source.status in _DEPRECATED:
                continue
            text = _nfc(source.text)
            check_term_length(text, origin)
            if not targets:
                self.skipped.append(origin)
                continue
            accepted = tuple(dict.fromkeys(_nfc(t.text) for t in targets))
            dnt = accepted == (text,)
            self.rows.append(Row(text, accepted, dnt, "auto", entry.note, source.pos, origin))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse_tbx(
    data: bytes, name: str, source_lang: str = "vi", target_lang: str = "en"
) -> tuple[list[Row], list[str]]:
    """Glossary rows of a TBX document, and the origins of entries without a target term."""
    reader = _Reader(name, source_lang.lower(), target_lang.lower())
    try:
        feed(reader.parser, data, True)
    except HostileXml as exc:
        raise reader.refuse(f"refused {exc}") from None
    except UnreadableEncoding as exc:
        raise UserError(
            f"{name}: its XML declaration names an encoding that cannot be read ({exc}); "
            "save it as UTF-8 or export the termbase again"
        ) from None
    except expat.ExpatError as exc:
        raise UserError(
            f"{name}:{exc.lineno}: not well-formed XML ({expat.errors.messages[exc.code]}); "
            "fix the file or export the termbase again"
        ) from None
    if not reader.rows and not reader.skipped:
        raise UserError(
            f"{name}: no {source_lang}→{target_lang} term entries found; a TBX-Basic termbase "
            f'has termEntry/langSet elements with xml:lang="{source_lang}" and "{target_lang}"'
        )
    return reader.rows, reader.skipped
