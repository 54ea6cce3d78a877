"""Reading source documents: a file becomes NFC text with its line endings exactly as found
(the file is read as bytes, so CRLF, CR and LF survive) and any byte-order mark removed.

Every way a file can be unusable (missing, a directory, a FIFO, unreadable, binary, not in the
expected encoding, typed with a legacy Vietnamese font) is a `UserError` naming the file, the
problem and the remedy.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from translate.errors import UserError
from translate.legacyfont import (
    double_encoded_message,
    guess_legacy_bytes,
    is_double_encoded,
    legacy_font_encoding,
    legacy_font_message,
    legacy_font_remedy,
)

STDIN = "-"


@dataclass(frozen=True)
class SourceText:
    """A decoded source document: NFC text, line endings as found, no byte-order mark."""

    text: str
    path: str  # as given by the user; "-" for standard input
    encoding: str  # the codec that decoded it, e.g. "utf-8", "utf-8-sig", "utf-16-le"
    warnings: tuple[str, ...] = ()
    byte_order_mark: bool = False  # the file opened with one (given back by export)
    # The decoded text before NFC, where it differs (HTML/Markdown export gives back every
    # byte outside the translated text, so pages are read as they are written).
    decoded: str | None = None


# --------------------------------------------------------------------------------------------
# Reading


def read_source(path: str | Path, encoding: str | None = None) -> SourceText:
    """Read a source document (`-` = standard input) as NFC text.

    Without ``encoding``: UTF-8 (with or without BOM), or UTF-16/UTF-32 with a BOM. Anything
    else is refused with the byte offset of the first bad sequence and a hint. With
    ``encoding`` (any Python codec name, e.g. ``cp1258``, ``latin-1``), that codec is used.
    Raises `UserError` (exit 2) naming the file for every problem.
    """
    name = str(path)
    display = "standard input" if name == STDIN else name
    data = _read_bytes(name, display)
    return decode_source(data, name, encoding)


def decode_source(data: bytes, path: str = STDIN, encoding: str | None = None) -> SourceText:
    """Decode the bytes of a source document; see `read_source` for the rules."""
    display = "standard input" if path == STDIN else path
    warnings: list[str] = []
    if encoding is None:
        text, used = _decode_detected(data, display)
    else:
        text, used = _decode_declared(data, display, encoding, warnings)
    decoded = text
    text = to_nfc(text)
    _refuse_binary_text(text, display)
    # (UTF-8 seen through cp1252 has TCVN3's look, symbols glued to letters: decoding it
    # back is the exact test, so it goes first)
    if is_double_encoded(text):
        raise UserError(double_encoded_message(display, decoded_as=used))
    legacy = legacy_font_encoding(text)
    if legacy is not None:
        raise UserError(legacy_font_message(display, legacy, decoded_as=used))
    if not text:
        warnings.append(f"{display} is empty: its catalogue will hold only the header")
    elif not text.strip():
        warnings.append(
            f"{display} contains only whitespace: its catalogue will hold only the header"
        )
    return SourceText(
        text=text,
        path=path,
        encoding=used,
        warnings=tuple(warnings),
        decoded=decoded if decoded != text else None,
        byte_order_mark=used.startswith("utf") and data.startswith(_MARKS),
    )


# The Unicode codecs an exported document is written back in; any other (cp1258, latin-1 …,
# passed with --encoding) may not hold the English text, so those exports are UTF-8.
_UNICODE_CODECS = frozenset(
    ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
)


def encode_like_source(text: str, encoding: str, byte_order_mark: bool) -> tuple[bytes, str]:
    """``text`` encoded as its source was (byte-order mark included), and the codec used.

    A Unicode source is given back in its own encoding, so an export with every msgstr equal
    to its msgid reproduces it byte for byte; a source read with a legacy code page is written
    as UTF-8, which holds any translation.
    """
    codec = encoding if encoding in _UNICODE_CODECS else "utf-8"
    # "utf-8-sig", "utf-16" and "utf-32" write their mark themselves.
    mark = "\ufeff" if byte_order_mark and codec in _BYTE_ORDER_CODECS else ""
    return (mark + text).encode(codec), codec


# Characters that NFC leaves alone whatever surrounds them: unchanged by normalisation, not
# combining, and never the second half of a canonical composition (tests/test_sourcetext.py
# checks this against the whole of Unicode). ASCII, Latin-1, Latin Extended-A/B, Latin
# Extended Additional (every precomposed Vietnamese letter), general punctuation (not the
# U+2000/U+2001 singletons), currency signs.
_NFC_STABLE = "\x00-\x7f\u00a0-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf"
_MAY_CHANGE_UNDER_NFC = re.compile(f"[^{_NFC_STABLE}]")


def to_nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``, normalising only the lines that need it.

    A line made of NFC-stable characters is already NFC; a line break never composes with
    its neighbours, so each line normalises on its own. Vietnamese news is almost all
    precomposed: this skips nearly all the work on a large document.
    """
    first = _MAY_CHANGE_UNDER_NFC.search(text)
    if first is None:
        return text
    pieces: list[str] = []
    position = 0
    for match in _MAY_CHANGE_UNDER_NFC.finditer(text, first.start()):
        if match.start() < position:
            continue  # on a line already normalised
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        if line_end == -1:
            line_end = len(text)
        pieces.append(text[position:line_start])
        pieces.append(unicodedata.normalize("NFC", text[line_start:line_end]))
        position = line_end
    pieces.append(text[position:])
    return "".join(pieces)


def _read_bytes(name: str, display: str) -> bytes:
    if name == STDIN:
        if sys.stdin is None:  # started without a standard input (some services, CI)
            raise UserError("cannot read standard input: there is none; name a file instead")
        try:
            return sys.stdin.buffer.read()
        except OSError as exc:
            raise UserError(f"cannot read standard input: {exc.strerror or exc}") from exc
    if os.path.isdir(name):
        raise UserError(f"{display} is a directory, not a text file; name the files in it")
    from translate import fileguard

    try:
        # Links are followed; a FIFO, socket or device is refused before it is opened, and
        # what is read is bounded.
        return fileguard.read_regular(name, display, limit=fileguard.MAX_SOURCE_BYTES)
    except FileNotFoundError as exc:
        raise UserError(f"{display} does not exist; check the path") from exc
    except PermissionError as exc:
        raise UserError(
            f"cannot read {display}: permission denied; check the file's permissions"
        ) from exc
    except IsADirectoryError as exc:  # a race with the check above
        raise UserError(f"{display} is a directory, not a text file") from exc
    except OSError as exc:
        raise UserError(f"cannot read {display}: {exc.strerror or exc}") from exc


# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MARKS = tuple(bom for bom, _ in _BOMS)
_BYTE_ORDER_CODECS = frozenset(("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))

# Formats people pass by mistake; named so the message can say what to do instead.
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document", "extract its text first (e.g. `pdftotext`)"),
    (
        b"PK\x03\x04",
        "a ZIP archive (a .docx/.odt/.xlsx document is one)",
        "save it as plain text (UTF-8) first",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Microsoft Office document (.doc/.xls)",
        "save it as plain text (UTF-8) first",
    ),
    (b"{\\rtf", "an RTF document", "save it as plain text (UTF-8) first"),
    (b"\x89PNG", "a PNG image", "pass a text file"),
    (b"\xff\xd8\xff", "a JPEG image", "pass a text file"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first"),
    (b"\x7fELF", "an executable program", "pass a text file"),
)


def _decode_detected(data: bytes, display: str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                # The mark is sliced off here: decode the rest with the plain codec, so that a
                # second mark (a zero-width no-break space in the text) is kept.
                return data[len(bom) :].decode(codec.removesuffix("-sig")), codec
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                raise UserError(
                    f"{display} starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} at byte offset {offset}{_where(data, offset)}; "
                    "re-save it as UTF-8 or pass the right --encoding"
                ) from exc
    _refuse_signature(data, display)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise UserError(
            f"{display} contains a NUL byte at byte offset {nul}: it looks like a binary "
            "file, not text (UTF-16 without a byte-order mark? then pass --encoding utf-16-le "
            "or utf-16-be)"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        raise UserError(_not_utf8_message(data, display, exc)) from exc


def _decode_declared(
    data: bytes, display: str, encoding: str, warnings: list[str]
) -> tuple[str, str]:
    try:
        info = codecs.lookup(encoding)
    except LookupError as exc:
        raise UserError(
            f"unknown encoding {encoding!r} given for {display}; use a codec name such as "
            "utf-8, utf-16, cp1258 (Windows Vietnamese) or latin-1"
        ) from exc
    if not getattr(info, "_is_text_encoding", True):
        # rot13, base64, zlib, hex…: codecs between bytes or between strings, not text ones.
        raise UserError(
            f"--encoding {encoding} given for {display} is not a text encoding (it converts "
            "bytes to bytes or text to text); use a character encoding such as utf-8, "
            "utf-16, cp1258 (Windows Vietnamese) or latin-1"
        )
    codec = info.name
    if not codec.startswith("utf"):
        for bom, bom_codec in _BOMS:
            if data.startswith(bom):
                raise UserError(
                    f"{display} starts with a {bom_codec.replace('-sig', '').upper()} "
                    f"byte-order mark, but --encoding {encoding} was given; drop --encoding "
                    "(the mark says how to read it)"
                )
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{display} is not valid {encoding}: cannot decode byte 0x{data[exc.start]:02X} at "
            f"byte offset {exc.start}{_where(data, exc.start)}; check the --encoding value"
        ) from exc
    except (ValueError, TypeError) as exc:  # codecs that fail in their own ways (idna, punycode…)
        raise UserError(
            f"{display} cannot be decoded as {encoding} ({exc}); check the --encoding value"
        ) from exc
    surrogate = _LONE_SURROGATE.search(text)
    if surrogate is not None:
        # utf-7, unicode_escape or raw_unicode_escape can produce half of a UTF-16 pair, which
        # no UTF-8 file (and so no catalogue) can hold.
        code = ord(surrogate.group())
        raise UserError(
            f"{display} decoded as {encoding} holds a lone surrogate U+{code:04X} at character "
            f"{surrogate.start()}, which is not text; check the --encoding value"
        )
    if not codec.startswith("utf") and not data.isascii() and _is_utf8(data):
        warnings.append(
            f"{display} was decoded as {encoding} as asked, but it is also valid UTF-8 text; "
            "if the result looks garbled, drop --encoding"
        )
    if codec in _BYTE_ORDER_CODECS and text.startswith("\ufeff"):
        text = text[1:]  # these codecs keep the mark; "utf-16" and "utf-8-sig" drop it
    return text, codec


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _refuse_signature(data: bytes, display: str) -> None:
    for magic, what, remedy in _SIGNATURES:
        if data.startswith(magic):
            raise UserError(f"{display} is {what}, not plain text; {remedy}")


def _refuse_binary_text(text: str, display: str) -> None:
    nul = text.find("\x00")
    if nul >= 0:
        raise UserError(
            f"{display} contains a NUL character (character {nul}): it looks like a binary "
            "file, not text"
        )
    sample = text[:65536]
    controls = len(_BINARY_CONTROL.findall(sample))
    # A few escape sequences or bell characters occur in real text (terminal copies).
    if controls >= 8 and controls * 3 > len(sample):
        raise UserError(
            f"{display} is mostly control characters ({controls} of the first {len(sample)}): "
            "it looks like a binary file, not text"
        )


# The control characters (category Cc: U+0000-U+001F, U+007F-U+009F) other than the
# whitespace ones (tab, line ends, form feed, the file/group/record separators, NEL).
_BINARY_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def _where(data: bytes, offset: int) -> str:
    """`(line L, column C)` of a byte offset, counting CRLF, CR and LF as line ends."""
    before = data[:offset]
    lines = re.split(rb"\r\n|\r|\n", before)
    return f" (line {len(lines)}, byte {len(lines[-1]) + 1} of the line)"


def _declares_a_charset(data: bytes) -> bool:
    """Whether the bytes hold an HTML charset declaration (``<meta charset=…>`` or the
    ``http-equiv`` form) near the start, where browsers look for it."""
    return re.search(rb"<meta[^>]*charset\s*=", data[:4096], re.IGNORECASE) is not None


def _mostly_utf8(data: bytes) -> str | None:
    """How few bad sequences there are, when the bytes are UTF-8 but for a few (a stray byte,
    a pasted fragment): many valid multi-byte letters and at most one bad sequence in fifty of
    them. A legacy encoding's text holds no valid multi-byte sequences to speak of, so no
    guess of one is made then."""
    # (incremental, not final: a character the sample's cut splits is no bad sequence)
    decoded = codecs.getincrementaldecoder("utf-8")("replace").decode(data[:262144])
    bad = decoded.count("\ufffd")
    good = sum(1 for character in decoded if character > "\x7f") - bad
    if bad == 0 or good < 20 or bad * 50 > good:
        return None
    return f"{bad} bad byte sequence{'s' if bad > 1 else ''} among {good} non-ASCII characters"


def _not_utf8_message(data: bytes, display: str, exc: UnicodeDecodeError) -> str:
    offset = exc.start
    bad = data[offset : offset + 4].hex(" ").upper()
    head = (
        f"{display} is not valid UTF-8: bad byte sequence {bad} at byte offset "
        f"{offset}{_where(data, offset)}"
    )
    cut = exc.end == len(data) and exc.reason == "unexpected end of data"
    if cut and not data[:offset].isascii():
        # UTF-8 letters, then a character cut at the end: no legacy font's look to guess at.
        return (
            f"{head}; the file ends in the middle of a UTF-8 character: it was cut short (an "
            "interrupted download or copy): get the whole file again, or remove those bytes"
        )
    damaged = _mostly_utf8(data)
    if damaged is not None:
        return (
            f"{head}; the rest of it is UTF-8 ({damaged}): the file is damaged or mixes "
            "encodings, so fix or remove the bytes there and keep it UTF-8"
        )
    legacy = guess_legacy_bytes(data)
    if legacy == "cp1258" and _declares_a_charset(data):
        # (--encoding would not do: a page is written back as UTF-8, under its declaration)
        return (
            f"{head}; it looks like Windows Vietnamese (cp1258) and declares its charset: "
            "convert it (iconv -f cp1258 -t UTF-8) and change its <meta charset> to UTF-8"
        )
    if legacy == "cp1258":
        return (
            f"{head}; it looks like Windows Vietnamese (cp1258): pass --encoding cp1258, "
            "or re-save the file as UTF-8"
        )
    if legacy is not None:
        return f"{head}; {legacy_font_remedy(legacy)}"
    return (
        f"{head}; if the file uses another encoding, pass it with --encoding (for example "
        "--encoding cp1258 for Windows Vietnamese, --encoding latin-1), or re-save it as UTF-8"
    )
