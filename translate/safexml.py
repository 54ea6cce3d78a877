"""Untrusted XML (TMX, TBX) read with expat hardened once: no DTD is ever read and no entity
is ever expanded, so neither external entities nor expansion bombs can do anything.

A bare ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` (OmegaT writes one on every file) is allowed
because it is never fetched; an internal subset, any ENTITY declaration and any reference to
an undeclared or external entity raise :class:`HostileXml`, naming the construct. The
characters no XML can carry are named here once for the writers (:data:`XML_UNWRITABLE`).
"""

from __future__ import annotations

import re
from xml.parsers import expat

# Characters XML 1.0 cannot hold at all, not even as character references (C0 controls but
# tab and line breaks, surrogates, the two non-characters): what every XML the tool writes
# (XLIFF, .xlsx sheets) must replace or refuse, although a PO string may hold them.
XML_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class HostileXml(Exception):
    """A DTD or entity construct that is never accepted (the message says which)."""


class UnreadableEncoding(Exception):
    """The XML declaration names an encoding Python has no text codec for."""


def feed(parser: expat.XMLParserType, data: bytes, final: bool) -> None:
    """``parser.Parse``, with an unknown or non-text encoding in the XML declaration
    (``encoding="rot13"``) raised as UnreadableEncoding, not as LookupError."""
    try:
        parser.Parse(data, final)
    except (LookupError, UnicodeError) as exc:
        raise UnreadableEncoding(str(exc)) from None


def _doctype(name: str, system: str | None, public: str | None, internal: int) -> None:
    if internal:
        raise HostileXml("a DOCTYPE with an internal subset (DTDs are never read: remove it)")


def _entity(*args: object) -> None:
    raise HostileXml("an ENTITY declaration (entities are never expanded: remove it)")


def _skipped(name: str, is_parameter: int) -> None:
    raise HostileXml(f"a reference to the undeclared entity &{name}; (never resolved)")


def _external(*args: object) -> int:
    raise HostileXml("a reference to an external entity (never resolved: remove it)")


def hardened_parser() -> expat.XMLParserType:
    """An expat parser that refuses every DTD and entity construct with HostileXml."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _doctype
    parser.EntityDeclHandler = _entity
    parser.ExternalEntityRefHandler = _external
    parser.SkippedEntityHandler = _skipped
    return parser
