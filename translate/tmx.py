"""TMX 1.4b: a streaming reader for other tools' files and a writer other tools can read.

Reading uses the standard library's expat push parser, fed 64 KiB at a time, so a 1 GB TMX
needs no more memory than its largest unit. Any DTD internal subset, entity declaration or
external entity is refused at once with its line (no DTD is ever fetched, no entity ever expanded:
the billion-laughs and external-entity attacks have nothing to work with); defusedxml would
do the same for ElementTree but adds a dependency and a second parser to trust.

Accepted (level 1, and level 2 reduced to text): OmegaT, Okapi, Trados-style and Translate
Toolkit output. Languages match by primary subtag (``vi-VN`` is ``vi``), ``srclang="*all*"``
is fine, TMX 1.1's ``lang`` attribute is read like ``xml:lang``. Inline codes (``bpt``,
``ept``, ``ph``, ``it``, ``ut``) are dropped from the text and counted; ``hi`` keeps its text.
A ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` line (OmegaT writes one) is accepted and never read;
a DOCTYPE with an internal subset is refused. Each unit takes the variant in the memory's
source language as source and the one in its target language as target, whatever the
header's ``srclang`` says (Translate Toolkit's ``po2tmx`` writes ``srclang="en"`` for any
source).
"""

from __future__ import annotations

import calendar
import functools
import time
import xml.parsers.expat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple
from xml.sax.saxutils import escape, quoteattr

from translate import __version__
from translate.errors import UserError
from translate.memory import Unit
from translate.safexml import HostileXml, UnreadableEncoding, feed, hardened_parser
from translate.wording import count

O_TMF = "translate-memory-sqlite"
_READ_SIZE = 64 * 1024
_INLINE_CODES = frozenset(("bpt", "ept", "ph", "it", "ut"))
_DATE_FORMAT = "%Y%m%dT%H%M%SZ"


@functools.lru_cache(maxsize=256)
def primary(lang: str) -> str:
    """The primary language subtag, lower case: ``vi-VN`` → ``vi``."""
    return lang.replace("_", "-").split("-", 1)[0].strip().lower()


def format_date(epoch: int) -> str:
    return time.strftime(_DATE_FORMAT, time.gmtime(epoch))


@functools.lru_cache(maxsize=4096)
def parse_date(value: str | None) -> int | None:
    """Seconds since 1970 of a TMX date (``YYYYMMDDThhmmssZ``); None when absent or invalid."""
    if not value:
        return None
    value = value.strip()
    if len(value) != 16 or value[8] != "T" or value[15] != "Z":
        return None
    digits = value[:8] + value[9:15]
    if not digits.isdigit() or not digits.isascii():
        return None
    fields = [int(digits[a:b]) for a, b in ((0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14))]
    year, month, day, hour, minute, second = fields
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second < 61):
        return None
    return calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))


@dataclass
class ReadReport:
    """What reading found besides units (for the warnings line)."""

    units: int = 0
    inline_codes: int = 0  # units whose text had inline markup dropped
    no_target: int = 0  # units without a variant in the target language (skipped)
    empty: int = 0  # units with an empty source or target (skipped)
    languages: set[str] = field(default_factory=set)

    def warnings(self, path: str, target_lang: str) -> list[str]:
        lines: list[str] = []
        if self.inline_codes:
            lines.append(
                f"{path}: {count(self.inline_codes, 'unit')} had inline markup (bpt/ept/ph/it/ut) "
                "reduced to plain text"
            )
        if self.no_target:
            lines.append(
                f"{path}: {count(self.no_target, 'unit')} had no {target_lang} variant; skipped"
            )
        if self.empty:
            lines.append(f"{path}: {count(self.empty, 'unit')} had an empty segment; skipped")
        return lines


class _Reader:
    """The expat handlers: a small state machine from ``tmx`` down to ``seg``."""

    def __init__(self, path: str, source_lang: str, target_lang: str, report: ReadReport) -> None:
        self.path = path
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.report = report
        self.parser = hardened_parser()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.buffer_text = True
        self.stack: list[str] = []
        self.header_seen = False
        self.done: list[Unit] = []
        self._tu_line = 0
        self._tu_attrs: dict[str, str] = {}
        self._props: dict[str, str] = {}
        self._prop_type: str | None = None
        self._prop_text: list[str] = []
        self._variants: dict[str, str] = {}
        self._variant_attrs: dict[str, dict[str, str]] = {}
        self._tuv_lang: str | None = None
        self._seg: list[str] | None = None
        self._code_depth = 0
        self._inline = False

    # -- refusals
    def error(self, what: str, line: int | None = None) -> UserError:
        where = line if line is not None else self.parser.CurrentLineNumber
        return UserError(f"{self.path}: line {where}: {what}; the memory was left unchanged")

    # -- elements
    def _start(self, name: str, attrs: dict[str, str]) -> None:
        depth = len(self.stack)
        self.stack.append(name)
        if depth == 0:
            if name != "tmx":
                raise self.error(f"the root element is <{name}>, not <tmx>: not a TMX file")
            return
        if self._seg is not None:
            if name in _INLINE_CODES or self._code_depth:
                self._code_depth += 1
                self._inline = True
            return
        if name == "header" and depth == 1:
            self._header(attrs)
        elif name == "tu":
            if not self.header_seen:
                raise self.error("a <tu> before the <header>: not a TMX file")
            self._tu_line = self.parser.CurrentLineNumber
            self._tu_attrs = attrs
            self._props = {}
            self._variants = {}
            self._variant_attrs = {}
            self._inline = False
        elif name == "prop" and self.stack[-2] == "tu":
            self._prop_type = attrs.get("type", "")
            self._prop_text = []
        elif name == "tuv":
            self._tuv_lang = attrs.get("xml:lang") or attrs.get("lang")
            if not self._tuv_lang:
                raise self.error("a <tuv> without xml:lang")
            self._variant_attrs.setdefault(primary(self._tuv_lang), attrs)
        elif name == "seg" and self._tuv_lang is not None:
            self._seg = []

    def _header(self, attrs: dict[str, str]) -> None:
        self.header_seen = True
        srclang = attrs.get("srclang", "").strip()
        if not srclang:
            raise self.error('the <header> has no srclang (TMX requires it; "*all*" is accepted)')

    def _end(self, name: str) -> None:
        self.stack.pop()
        if self._seg is not None:
            if self._code_depth:
                self._code_depth -= 1
                return
            if name == "seg":
                assert self._tuv_lang is not None
                self._variants.setdefault(primary(self._tuv_lang), "".join(self._seg))
                self._seg = None
            return
        if name == "prop" and self._prop_type is not None:
            self._props.setdefault(self._prop_type, "".join(self._prop_text).strip())
            self._prop_type = None
        elif name == "tuv":
            self._tuv_lang = None
        elif name == "tu":
            self._finish_unit()
        elif name == "header" and not self.stack:
            pass

    def _text(self, data: str) -> None:
        if self._seg is not None:
            if not self._code_depth:
                self._seg.append(data)
        elif self._prop_type is not None:
            self._prop_text.append(data)

    def _finish_unit(self) -> None:
        report = self.report
        report.languages.update(self._variants)
        source = self._variants.get(self.source_lang)
        if source is None:
            found = ", ".join(sorted(self._variants)) or "none"
            raise self.error(
                f"the <tu> has no {self.source_lang} variant (languages: {found})",
                self._tu_line,
            )
        target = self._variants.get(self.target_lang)
        if target is None:
            report.no_target += 1
            return
        if not source.strip() or not target.strip():
            report.empty += 1
            return
        if self._inline:
            report.inline_codes += 1
        # Dates and author: on the <tu>, or (OmegaT) on the target <tuv>.
        attrs = {**self._tu_attrs, **self._variant_attrs.get(self.target_lang, {})}
        created = parse_date(attrs.get("creationdate"))
        changed = parse_date(attrs.get("changedate")) or created
        origin = self._props.get("x-origin") or f"{self.path}:{self._tu_line}"
        self.done.append(
            Unit(
                source=source,
                target=target,
                origin=origin,
                project=self._props.get("x-project") or None,
                reviewer=attrs.get("changeid") or attrs.get("creationid") or None,
                created=created,
                changed=changed,
            )
        )
        report.units += 1


def read_units(
    path: Path, *, source_lang: str, target_lang: str, report: ReadReport | None = None
) -> Iterator[Unit]:
    """The units of the TMX at ``path``, streamed; UserError (file and line) on bad input."""
    report = report if report is not None else ReadReport()
    from translate.fileguard import check_regular

    reader = _Reader(str(path), primary(source_lang), primary(target_lang), report)
    check_regular(path, what="TMX")  # a FIFO would block the open, a device never end
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise UserError(f"{path}: cannot read the TMX file ({exc.strerror})") from exc
    with stream:
        while True:
            try:
                chunk = stream.read(_READ_SIZE)
            except OSError as exc:
                raise UserError(f"{path}: cannot read the TMX file ({exc.strerror})") from exc
            try:
                feed(reader.parser, chunk, not chunk)
            except HostileXml as exc:
                raise reader.error(f"refused {exc}") from None
            except UnreadableEncoding as exc:
                raise UserError(
                    f"{path}: its XML declaration names an encoding that cannot be read "
                    f"({exc}); save it as UTF-8; the memory was left unchanged"
                ) from None
            except xml.parsers.expat.ExpatError as exc:
                raise UserError(
                    f"{path}: line {exc.lineno}: not well-formed XML "
                    f"({xml.parsers.expat.ErrorString(exc.code)}); the memory was left unchanged"
                ) from None
            yield from reader.done
            reader.done.clear()
            if not chunk:
                break
    if not reader.header_seen:
        raise reader.error("no <header>: not a TMX file")


# ---------------------------------------------------------------------------------------
# Writing


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR) become U+FFFD."""
    if text.isprintable():
        return text
    return "".join(
        "\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c
        for c in text
    )


def _xml_safe(text: str) -> str:
    # A raw CR would come back as LF (XML end-of-line handling): written as a reference.
    return escape(_clean(text), {"\r": "&#13;"})


class Written(NamedTuple):
    """What :func:`write_units` wrote: units, and those with characters XML cannot carry."""

    units: int
    altered: int  # a C0 control (not tab, LF, CR), U+FFFE or U+FFFF written as U+FFFD


def _carried_whole(unit: Unit) -> bool:
    return all(
        _clean(text) == text
        for text in (unit.source, unit.target, unit.origin, unit.project or "", unit.reviewer or "")
    )


def write_units(
    stream: BinaryIO,
    units: Iterable[Unit],
    *,
    source_lang: str,
    target_lang: str,
    now: int,
) -> Written:
    """Write a TMX 1.4b document of ``units`` to ``stream``: how many, how many altered."""
    header = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tmx version="1.4">\n'
        f'  <header creationtool="translate" creationtoolversion={quoteattr(__version__)} '
        f'datatype="plaintext" segtype="sentence" adminlang="en" srclang={quoteattr(source_lang)} '
        f'o-tmf="{O_TMF}" creationdate="{format_date(now)}"/>\n'
        "  <body>\n"
    )
    stream.write(header.encode("utf-8"))
    count = altered = 0
    source_attr = quoteattr(source_lang)
    target_attr = quoteattr(target_lang)
    pieces: list[str] = []
    for unit in units:
        dates = ""
        if unit.created is not None:
            dates += f' creationdate="{format_date(unit.created)}"'
        if unit.changed is not None:
            dates += f' changedate="{format_date(unit.changed)}"'
        if unit.reviewer:
            dates += f" changeid={quoteattr(_clean(unit.reviewer))}"
        props = f'      <prop type="x-origin">{_xml_safe(unit.origin)}</prop>\n'
        if unit.project:
            props += f'      <prop type="x-project">{_xml_safe(unit.project)}</prop>\n'
        pieces.append(
            f"    <tu{dates}>\n{props}"
            f"      <tuv xml:lang={source_attr}><seg>{_xml_safe(unit.source)}</seg></tuv>\n"
            f"      <tuv xml:lang={target_attr}><seg>{_xml_safe(unit.target)}</seg></tuv>\n"
            "    </tu>\n"
        )
        count += 1
        if not _carried_whole(unit):
            altered += 1
        if len(pieces) >= 2000:
            stream.write("".join(pieces).encode("utf-8"))
            pieces = []
    pieces.append("  </body>\n</tmx>\n")
    stream.write("".join(pieces).encode("utf-8"))
    return Written(count, altered)
