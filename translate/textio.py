"""Reading source documents and writing catalogues safely.

Reading: a source file becomes NFC text with its line endings exactly as found (the file is
read as bytes, so CRLF, CR and LF survive) and any byte-order mark removed. Every way a file
can be unusable (missing, a directory, unreadable, binary, not in the expected encoding, typed
with a legacy Vietnamese font) is a `UserError` naming the file, the problem and the remedy.

Writing: `atomic_write_bytes` never leaves a half-written file behind: the data goes to a
temporary file in the same folder, is flushed to disk and then renamed over the target, so a
reader (or a crash at any instant) sees either the old file or the new one, complete.

Locking: `catalog_lock` keeps two `translate run` processes from updating the same catalogue
at the same time.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import secrets
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from translate.errors import EXIT_USAGE, UserError
from translate.vietnamese import ACUTE, DOT, GRAVE, HOOK, TILDE, is_vietnamese_syllable

STDIN = "-"
DEFAULT_LOCK_TIMEOUT = 30.0

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "STDIN",
    "SourceText",
    "atomic_write_bytes",
    "atomic_write_text",
    "catalog_lock",
    "decode_source",
    "legacy_font_encoding",
    "lock_path_for",
    "read_source",
    "remove_stale_temp_files",
]


@dataclass(frozen=True)
class SourceText:
    """A decoded source document: NFC text, line endings as found, no byte-order mark."""

    text: str
    path: str  # as given by the user; "-" for standard input
    encoding: str  # the codec that decoded it, e.g. "utf-8", "utf-8-sig", "utf-16-le"
    warnings: tuple[str, ...] = ()


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
    text = to_nfc(text)
    _refuse_binary_text(text, display)
    legacy = legacy_font_encoding(text)
    if legacy is not None:
        raise UserError(_legacy_font_message(display, legacy, decoded_as=used))
    if not text:
        warnings.append(f"{display} is empty: its catalogue will hold only the header")
    elif not text.strip():
        warnings.append(
            f"{display} contains only whitespace: its catalogue will hold only the header"
        )
    return SourceText(text=text, path=path, encoding=used, warnings=tuple(warnings))


# Characters that NFC leaves alone whatever surrounds them: unchanged by normalisation, not
# combining, and never the second half of a canonical composition (tests/test_textio.py
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
    controls = sum(1 for char in sample if _is_binary_control(char))
    # A few escape sequences or bell characters occur in real text (terminal copies).
    if controls >= 8 and controls * 3 > len(sample):
        raise UserError(
            f"{display} is mostly control characters ({controls} of the first {len(sample)}): "
            "it looks like a binary file, not text"
        )


def _is_binary_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v\x1c\x1d\x1e\x85"


def _where(data: bytes, offset: int) -> str:
    """`(line L, column C)` of a byte offset, counting CRLF, CR and LF as line ends."""
    before = data[:offset]
    lines = re.split(rb"\r\n|\r|\n", before)
    return f" (line {len(lines)}, byte {len(lines[-1]) + 1} of the line)"


def _not_utf8_message(data: bytes, display: str, exc: UnicodeDecodeError) -> str:
    offset = exc.start
    bad = data[offset : offset + 4].hex(" ").upper()
    head = (
        f"{display} is not valid UTF-8: bad byte sequence {bad} at byte offset "
        f"{offset}{_where(data, offset)}"
    )
    legacy = _guess_legacy_bytes(data)
    if legacy == "cp1258":
        return (
            f"{head}; it looks like Windows Vietnamese (cp1258): pass --encoding cp1258, "
            "or re-save the file as UTF-8"
        )
    if legacy is not None:
        return f"{head}; {_legacy_font_remedy(legacy)}"
    return (
        f"{head}; if the file uses another encoding, pass it with --encoding (for example "
        "--encoding cp1258 for Windows Vietnamese, --encoding latin-1), or re-save it as UTF-8"
    )


# --------------------------------------------------------------------------------------------
# Legacy Vietnamese encodings (pre-Unicode fonts and code pages)
#
# Before Unicode, Vietnamese was typed with 8-bit fonts: TCVN3 (the ".Vn" fonts of the ABC
# input system) gives each accented letter its own byte; VNI writes a base letter followed
# by bytes for its marks. Shown through a Western code page (cp1252), such text turns into
# `Thõa thuËn` (TCVN3) or `chaøo caùc baïn` (VNI). The detector reinterprets the text under
# each font's byte map and counts words that become well-formed Vietnamese syllables.

# TCVN3 byte values, as cp1252 renders them, and the letter each stands for.
_TCVN3 = dict(
    zip(
        "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\xadøõö÷ùýúûüþ¡¢£¤¥¦§",
        "áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵĂÂÊÔƠƯĐ",
        strict=True,
    )
)

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = ACUTE, GRAVE, HOOK, TILDE, DOT
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

# VNI mark bytes (as cp1252 renders them) that follow a vowel, as combining marks.
_VNI_MARKS_LOWER = {
    "ù": _ACUTE,
    "ø": _GRAVE,
    "û": _HOOK,
    "õ": _TILDE,
    "ï": _DOT,
    "â": _CIRCUMFLEX,
    "ê": _BREVE,
    "á": _CIRCUMFLEX + _ACUTE,
    "à": _CIRCUMFLEX + _GRAVE,
    "å": _CIRCUMFLEX + _HOOK,
    "ã": _CIRCUMFLEX + _TILDE,
    "ä": _CIRCUMFLEX + _DOT,
    "é": _BREVE + _ACUTE,
    "è": _BREVE + _GRAVE,
    "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE,
    "ë": _BREVE + _DOT,
}
_VNI_MARKS = {**_VNI_MARKS_LOWER, **{k.upper(): v for k, v in _VNI_MARKS_LOWER.items()}}
# VNI bytes that are letters of their own.
_VNI_LETTERS_LOWER = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}
_VNI_LETTERS = {
    **_VNI_LETTERS_LOWER,
    **{k.upper(): v.upper() for k, v in _VNI_LETTERS_LOWER.items()},
}
_VOWELS = frozenset("aăâeêioôơuưy")


_EDGE_PUNCTUATION = "\"'()[]{}<>,.;:!?/-–—“”‘’…*#"  # not ¡¢£¤¥¦§«»: letters in TCVN3

_LEGACY_NAMES = {
    "TCVN3": "the TCVN3 (ABC, .Vn fonts) encoding",
    "VNI": "the VNI encoding",
}


def _from_tcvn3(word: str) -> str:
    return "".join(_TCVN3.get(char, char) for char in word)


def _from_vni(word: str) -> str:
    out: list[str] = []
    for char in word:
        mark = _VNI_MARKS.get(char)
        previous = unicodedata.normalize("NFD", out[-1])[0].lower() if out else ""
        if mark is not None and previous in "aeiouyơư" and previous:
            out[-1] = unicodedata.normalize("NFC", out[-1] + mark)
        else:
            out.append(_VNI_LETTERS.get(char, char))
    return "".join(out)


_CONVERTERS: dict[str, Callable[[str], str]] = {"TCVN3": _from_tcvn3, "VNI": _from_vni}


_TOKEN = re.compile(r"\S+")


def _candidate_words(text: str, limit: int = 4000) -> list[str]:
    """Non-ASCII words containing a Latin letter, from the start of the text.

    A few thousand words decide reliably (a legacy-font document is legacy throughout), and
    stopping there keeps reading a 10 MB source fast.
    """
    words: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group().strip(_EDGE_PUNCTUATION)
        if word and not word.isascii() and any(c.isascii() and c.isalpha() for c in word):
            words.append(word)
            if len(words) >= limit:
                break
    return words


def legacy_font_encoding(text: str) -> str | None:
    """Name the legacy font encoding ("TCVN3" or "VNI") that ``text`` was typed in, if any.

    ``text`` is what a legacy-font document looks like once read as UTF-8 or a Western code
    page. Conservative: it answers only when most non-ASCII words are well-formed Vietnamese
    syllables under that font's byte map, and at least 30% more than as they stand (some
    mojibake, like `Thõa`, happens to look like a real syllable), or when 30% of them have
    one of TCVN3's symbol-looking letters glued to a letter (`Hu¾`).
    """
    words = _candidate_words(text)
    if not words:
        return None
    as_is = sum(is_vietnamese_syllable(word) for word in words)
    best: tuple[int, str] | None = None
    for name, convert in _CONVERTERS.items():
        converted = sum(is_vietnamese_syllable(convert(word)) for word in words)
        if best is None or converted > best[0]:
            best = (converted, name)
    assert best is not None
    converted, name = best
    # Conversion must turn most words into Vietnamese and repair a good share of them.
    if converted * 10 >= len(words) * 6 and (converted - as_is) * 10 >= len(words) * 3:
        return name
    # Symbols glued to letters (`Hu¾`, `c«ng`, `n¨m`) are TCVN3 letters, not punctuation.
    glued = sum(_has_glued_tcvn3_symbol(word) for word in words)
    if glued * 10 >= len(words) * 3:
        return "TCVN3"
    return None


# TCVN3 bytes that cp1252 shows as symbols, not letters. `«`, `»`, `©` and `®` count only
# inside a word: at its edge they are ordinary quotes and marks. The middle dot joins letters
# in real words (Catalan `col·lecció`), so it is no evidence.
_TCVN3_SYMBOLS = frozenset(
    c for c in _TCVN3 if not unicodedata.category(c).startswith("L") and c != "·"
)
_EDGE_SAFE_SYMBOLS = frozenset("«»©®")


def _has_glued_tcvn3_symbol(word: str) -> bool:
    for index, char in enumerate(word):
        if char not in _TCVN3_SYMBOLS:
            continue
        before = index > 0 and word[index - 1].isalpha()
        after = index + 1 < len(word) and word[index + 1].isalpha()
        if (before and after) or ((before or after) and char not in _EDGE_SAFE_SYMBOLS):
            return True
    return False


def _guess_legacy_bytes(data: bytes) -> str | None:
    """Which legacy Vietnamese encoding undecodable bytes are in: cp1258, TCVN3, VNI or none."""
    sample = data[:262144]
    cp1258 = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
    words = _candidate_words(cp1258)
    if words and sum(is_vietnamese_syllable(w) for w in words) * 10 >= len(words) * 6:
        return "cp1258"
    return legacy_font_encoding(sample.decode("cp1252", errors="replace"))


def _legacy_font_remedy(name: str) -> str:
    return (
        f"its text looks typed with a legacy Vietnamese font in {_LEGACY_NAMES[name]}: "
        "convert it to Unicode first (e.g. UniKey's converter, Unikey Toolkit, or the "
        "`vietnamese-converter` tool) or ask its author for a Unicode (UTF-8) copy"
    )


def _legacy_font_message(display: str, name: str, decoded_as: str) -> str:
    return (
        f"{display} (read as {decoded_as}) is not Unicode Vietnamese; {_legacy_font_remedy(name)}"
    )


# --------------------------------------------------------------------------------------------
# Atomic writes


def atomic_write_text(
    path: Path, text: str, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Write ``text`` as UTF-8 (no newline translation) atomically; see `atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"), before_replace=before_replace)


def atomic_write_bytes(
    path: Path, data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace the file at ``path`` with ``data`` atomically; see `atomic_writer`."""
    with atomic_writer(path, before_replace=before_replace) as stream:
        # Straight to the descriptor: no copy of a large catalogue into the stream's buffer.
        view = memoryview(data)
        while view:
            written = os.write(stream.fileno(), view)
            view = view[written:]


@contextlib.contextmanager
def atomic_writer(
    path: Path, *, before_replace: Callable[[], None] | None = None
) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces the file at ``path``, never seen half-written.

    The data goes to a uniquely named temporary file in the target's folder (created if
    missing), is fsynced and renamed over the target when the block ends without error, then
    the folder is fsynced. The new file keeps the old one's permissions (a new one gets the
    umask default). A symlinked target is resolved and replaced, but only a regular file
    (a device, FIFO, socket or folder is refused). ``before_replace`` runs just before the
    rename; whatever it raises cancels the write (`translate run` checks there that the
    catalogue is still the one it read). On any failure,
    including KeyboardInterrupt, the temporary file is removed and the old file is untouched;
    OS errors become `UserError`.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    folder = target.parent
    _refuse_special_target(path, target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        mode = _existing_mode(target)
        temp, fd = _create_temp(folder, target.name)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            if mode is not None:
                _chmod_fd(stream.fileno(), temp, mode)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise UserError(
                f"cannot write {path}: {exc.strerror or exc}; the previous file is unchanged"
            ) from exc
        raise
    _fsync_folder(folder)


def _refuse_special_target(path: Path, target: Path) -> None:
    """A link is resolved and its target replaced, but only when that is a regular file (or
    nothing yet): a device, FIFO, socket or folder is never swapped for a regular file."""
    import stat

    from translate.fileguard import file_kind

    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # nothing there yet (or unreadable: the write itself will say)
    if stat.S_ISREG(mode):
        return
    via = f" (a link to {target})" if Path(path) != target else ""
    raise UserError(
        f"cannot write {path}{via}: it is {file_kind(mode)}, not a regular file; translate "
        "replaces only regular files, it was left untouched: remove it or name another file"
    )


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Delete temporary files that killed writers of ``path`` left beside it; return them.

    Only files named as `atomic_writer` names them, whose writer process is gone, are
    removed; a SIGKILL between creating and renaming one is the only way to leave one behind.
    """
    target = Path(path)
    pattern = re.compile(re.escape(f".{target.name}.") + r"(\d+)\.[0-9a-f]{8}\.tmp")
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or _process_alive(int(match.group(1))):
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target.parent / name)
            removed.append(target.parent / name)
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell cheaply: keep the file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _existing_mode(target: Path) -> int | None:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return None


def _create_temp(folder: Path, name: str) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = folder / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            # 0o666 lets the umask decide, as for any new file.
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue


def _chmod_fd(fd: int, temp: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only bit exists
        os.chmod(temp, mode)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------
# Catalogue lock


def lock_path_for(path: Path) -> Path:
    """The lock file that guards ``path``: ``<path>.lock`` next to it."""
    path = Path(path)
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def catalog_lock(
    path: Path,
    timeout: float = DEFAULT_LOCK_TIMEOUT,
    *,
    on_wait: Callable[[int | None], None] | None = None,
) -> Iterator[None]:
    """Hold an exclusive lock on the catalogue ``path`` (via ``<path>.lock``) for the block.

    Waits up to ``timeout`` seconds for another holder (``on_wait(pid)`` is called once when
    it has to wait), then raises `UserError` naming the holder's pid. The lock is released
    when the block ends, and by the operating system if the process dies.
    """
    lock_path = lock_path_for(path)
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {lock_path}: {exc.strerror or exc}") from exc
    deadline = time.monotonic() + timeout
    fd = _acquire(lock_path, path, deadline, on_wait)
    try:
        yield
    finally:
        # Unlink while still holding the lock: a waiter then sees a stale inode and retries.
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        _unlock(fd)
        os.close(fd)


def _acquire(
    lock_path: Path,
    path: Path,
    deadline: float,
    on_wait: Callable[[int | None], None] | None,
) -> int:
    waited = False
    delay = 0.02
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as exc:
            raise UserError(f"cannot create {lock_path}: {exc.strerror or exc}") from exc
        if _try_lock(fd):
            if _same_file(fd, lock_path):
                try:
                    _record_pid(fd)
                except OSError as exc:  # a full disk, a quota
                    with contextlib.suppress(OSError):
                        os.unlink(lock_path)
                    _unlock(fd)
                    os.close(fd)
                    raise UserError(
                        f"cannot write the lock file {lock_path}: {exc.strerror or exc}; "
                        "free some space (nothing was changed) and run again"
                    ) from exc
                return fd
            # The previous holder removed this lock file after we opened it: start again.
            _unlock(fd)
            os.close(fd)
            continue
        holder = _read_pid(fd)
        os.close(fd)
        if time.monotonic() >= deadline:
            who = f" (pid {holder})" if holder is not None else ""
            raise UserError(
                f"{path} is being updated by another `translate run`{who}; "
                "try again when it finishes",
                EXIT_USAGE,
            )
        if not waited:
            waited = True
            if on_wait is not None:
                on_wait(holder)
        time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
        delay = min(delay * 2, 0.25)


def _same_file(fd: int, lock_path: Path) -> bool:
    try:
        on_disk = os.stat(lock_path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _record_pid(fd: int) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode("ascii"))


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 32)
    except OSError:
        return None
    text = raw.decode("ascii", errors="replace").strip()
    return int(text) if text.isdigit() else None


if sys.platform == "win32":
    import msvcrt

    # Lock a byte far past the pid record, so readers can still read the pid.
    _WIN_LOCK_OFFSET = 1 << 20

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
