"""Vietnamese-aware sentence segmentation: source text → :class:`Document`.

Pure functions, no I/O. The text is split in three passes, each linear in the text length:

1. **Lines into units.** A unit is a stretch of running text: one line, or several
   hard-wrapped lines (``--line-breaks``). Each unit is one paragraph of the document.
2. **Units into sentences.** Candidate ends are runs of ``. ! ? …`` followed by whitespace;
   small rules (abbreviations, initials, list numbers, quotes, case of the next word)
   decide which candidates are sentence ends. Web-scrape joins (``sản phẩmThích ứng``) are
   cut as well.
3. **Length cap.** A segment longer than ``max_length`` is cut at its last comma or space
   before the cap.

Segments never start or end with whitespace; what lies between them (spaces, line breaks,
blank lines) stays in the document's gaps, so segments and gaps give back the text exactly.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from translate.abbreviations import (
    ABBREVIATIONS,
    FINAL_CAPABLE_ABBREVIATIONS,
    KNOWN_TOKENS,
)
from translate.document import BreakKind, Document, Note, Segment
from translate.errors import UserError
from translate.langid import detect_language
from translate.vietnamese import SHARED_ACCENTED_LETTERS, VIETNAMESE_ONLY_LETTERS

LINE_BREAK_MODES = ("auto", "paragraph", "wrap")
DEFAULT_MAX_LENGTH = 2000

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NON_SPACE = re.compile(r"\S")

# A candidate sentence end: terminator run, then closing quotes/brackets glued to it, then
# whitespace (a period followed by a letter or digit is part of a token: 900.000, TP.HCM,
# hue.gov.vn, 12.11.2023).
# (It starts with a character class so that the regex engine can skip ahead quickly.)
_CANDIDATE = re.compile(r"([.!?…](?<![.!?…][.!?…])[.!?…]*)[\"'”’»›)\]}]*(?=\s)")
_QUOTES = "\"'”’»›“‘«‹"
_QUOTE_SET = frozenset(_QUOTES)
_CLOSING_QUOTES_AFTER_SPACE = frozenset('”’»"')
_DASHES = "-–—"
# Opening punctuation skipped to find the first word after a candidate end.
_OPENERS = "\"'“‘«‹([{" + _DASHES + "•*"
_OPENER_LOOKAHEAD = 6
_TOKEN_LOOKBACK = 64

# Letters that stand for a name as an initial; accented capitals are words (`Ý` is Italy).
# Vietnamese initials may be a whole consonant cluster: `anh Nguyễn Văn Th. cho biết`.
_INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ") | frozenset(
    ("Ch", "Gh", "Gi", "Kh", "Ng", "Ngh", "Nh", "Ph", "Qu", "Th", "Tr")
)
_NEXT_INITIAL = re.compile(r"[A-ZĐ]\.(?:\s|[A-ZĐ]\.)")
# After a closing quote: a capitalised speaker of up to four words and a speech verb that
# end the sentence (`“…” Bà Sumbung chia sẻ.`); `Ông nói rằng…` starts a new one.
_SPEECH_VERBS = (
    "nói|cho biết|cho hay|chia sẻ|phát biểu|hỏi|đáp|trả lời|khẳng định|nhấn mạnh|tuyên bố|"
    "bày tỏ|giải thích|kể|viết|đưa tin|nhận định|nhận xét|bình luận|tiết lộ|thừa nhận|"
    "thông báo|lưu ý|cảnh báo|tâm sự|nhắc lại|bổ sung|thốt lên|lên tiếng|kết luận|yêu cầu|"
    "said|says|asked|told|wrote"
)
_ATTRIBUTION = re.compile(
    rf"[^\W\d_][^\s.!?]*(?:\s+[^\s.!?]+){{0,3}}?\s+(?:{_SPEECH_VERBS})(?:\s+(?:thêm|lại|tiếp))?[.!?…]"
)
# The whole segment so far is a list number or a legal heading number: `1.`, `a.`, `IV.`,
# `Điều 5.` (decrees put the heading title after it).
_LIST_NUMBER = re.compile(
    r"(?:\d{1,3}|[IVXLC]{1,6}|[ivx]{1,4}|[a-zđ])"
    r"|(?:Điều|Chương|Mục|Phần|Khoản|Bài|Câu|Tiết|Phụ lục|Bước)\s+[\dIVXLC]{1,4}[a-zđ]?"
)
_LONGEST_LIST_NUMBER = 16
# A line that starts a list item never continues the line above it.
_LIST_ITEM_LINE = re.compile(
    r"(?:[-–—•●▪◦·*+]|\d{1,3}[.)]|\(\d{1,3}\)|[a-zđ][.)]|\([a-zđ]\)|[IVXLC]{1,6}[.)])\s"
)
_ENDS_WITH_TERMINATOR = re.compile(r"[.!?…]+[\"'”’»›)\]}]*\Z")


def _letter_class(predicate: Callable[[str], bool]) -> str:
    """A regex character class body for the cased letters of the Latin, Greek and Cyrillic
    blocks that satisfy ``predicate`` (Unicode-aware, unlike ``[a-z]``)."""
    blocks = ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x2000))
    codes = [code for low, high in blocks for code in range(low, high) if predicate(chr(code))]
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )


_LOWER = _letter_class(str.islower)
_UPPER = _letter_class(str.isupper)
# Two lowercase letters glued to a capitalised word: `phẩmThích`, `ClockChủ`. (It starts with
# the capital so that the regex engine skips ahead quickly; the look-behind comes after it.)
_SCRAPE_JOIN = re.compile(f"[{_UPPER}](?<=[{_LOWER}]{{2}}[{_UPPER}])(?=[{_LOWER}])")
_VIETNAMESE_ACCENTED = re.compile(f"[{VIETNAMESE_ONLY_LETTERS}{SHARED_ACCENTED_LETTERS}]")
_LETTERS = re.compile(r"[^\W\d_]+")
_THROUGH_LAST_SPACE = re.compile(r".*\s", re.DOTALL)
_NON_SPACE_RUN = re.compile(r"\S*")


@dataclass(frozen=True)
class _Rules:
    prefix_abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]
    # lower+upper letter pair -> (known token, offset of the upper letter in it)
    known_transitions: dict[str, tuple[tuple[str, int], ...]]
    lowercase_known_token: re.Pattern[str]  # `iPhone`, `eBay`: may start a sentence


class _Unit(NamedTuple):
    """Running text between line breaks that end paragraphs; no outer whitespace."""

    start: int
    end: int
    break_kind: BreakKind  # what follows the unit


class _Piece(NamedTuple):  # a tuple: thousands are made per document
    start: int
    end: int
    break_kind: BreakKind
    notes: tuple[Note, ...] = ()


def segment_text(
    text: str,
    *,
    path: str = "-",
    line_breaks: str = "auto",
    abbreviations: frozenset[str] | None = None,
    max_length: int = DEFAULT_MAX_LENGTH,
) -> Document:
    """Split NFC ``text`` into paragraphs and sentences.

    ``line_breaks``: ``paragraph`` (every line break ends a paragraph), ``wrap`` (only blank
    lines do; single line breaks are hard wraps inside sentences) or ``auto`` (decide at each
    line break: a line without final punctuation followed by a lowercase line is wrapped).
    ``abbreviations`` adds to the built-in list: entries ending in ``.`` never end a sentence,
    others are mixed-case names that are never cut as scrape joins (see
    :func:`load_abbreviations`). Segments longer than ``max_length`` characters are cut.
    """
    if line_breaks not in LINE_BREAK_MODES:
        raise ValueError(f"line_breaks must be one of {LINE_BREAK_MODES}, not {line_breaks!r}")
    if max_length < 1:
        raise ValueError(f"max_length must be positive, not {max_length}")
    rules = _rules(frozenset(abbreviations) if abbreviations else None)
    line_starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
    pieces: list[_Piece] = []
    paragraph_of: list[int] = []
    for paragraph, unit in enumerate(_units(text, line_starts, line_breaks, rules)):
        for piece in _limit_length(text, _split_unit(text, unit, rules), max_length):
            pieces.append(piece)
            paragraph_of.append(paragraph)
    segments = []
    for index, (piece, paragraph) in enumerate(zip(pieces, paragraph_of, strict=True)):
        span_text = text[piece.start : piece.end]
        notes = piece.notes
        if _LINE_BREAK.search(span_text) is not None:
            notes = (*notes, Note.WRAPPED)
        break_kind = BreakKind.END if index == len(pieces) - 1 else piece.break_kind
        segments.append(
            Segment(
                text=span_text,
                start=piece.start,
                end=piece.end,
                line=bisect.bisect_right(line_starts, piece.start),
                paragraph=paragraph,
                break_kind=break_kind,
                lang=detect_language(span_text),
                notes=notes,
            )
        )
    return Document(text=text, segments=tuple(segments), path=path)


def load_abbreviations(path: Path) -> frozenset[str]:
    """Read a user abbreviation file: one entry per line, ``#`` starts a comment.

    Entries ending in ``.`` (``BSCKII.``, ``Nxb.``) are abbreviations that never end a
    sentence; entries without a final period (``VinFast``) are mixed-case names that must
    never be cut as scrape joins. The result adds to the built-in lists in segment_text.
    """
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"abbreviation file {path} does not exist") from None
    except UnicodeDecodeError as exc:
        raise UserError(
            f"abbreviation file {path} is not UTF-8 (byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise UserError(f"cannot read abbreviation file {path}: {exc.strerror}") from None
    entries = set()
    for number, line in enumerate(raw.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if any(character.isspace() for character in entry):
            raise UserError(
                f"{path}:{number}: {entry!r} contains a space; write one abbreviation per line"
            )
        entries.add(unicodedata.normalize("NFC", entry))
    return frozenset(entries)


@lru_cache(maxsize=32)
def _rules(extra: frozenset[str] | None) -> _Rules:
    entries = ABBREVIATIONS | (extra or frozenset())
    with_period = frozenset(entry for entry in entries if entry.endswith("."))
    final = FINAL_CAPABLE_ABBREVIATIONS & with_period
    known = KNOWN_TOKENS | frozenset(entry for entry in entries if not entry.endswith("."))
    return _Rules(
        prefix_abbreviations=with_period - final,
        final_abbreviations=final,
        known_transitions=_case_transitions(known),
        lowercase_known_token=re.compile(
            "|".join(
                re.escape(token)
                for token in sorted(known, key=len, reverse=True)
                if token[:1].islower()
            )
            or "(?!)"
        ),
    )


def _case_transitions(tokens: frozenset[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    transitions: dict[str, list[tuple[str, int]]] = {}
    for token in sorted(tokens):
        for offset in range(1, len(token)):
            if token[offset - 1].islower() and token[offset].isupper():
                transitions.setdefault(token[offset - 1 : offset + 1], []).append((token, offset))
    return {pair: tuple(entries) for pair, entries in transitions.items()}


# --- pass 1: lines into units ------------------------------------------------------------


def _units(text: str, line_starts: list[int], mode: str, rules: _Rules) -> list[_Unit]:
    units: list[_Unit] = []
    unit_start = -1
    last_end = -1  # end of the stripped content of the last non-blank line
    blank_since_last = False
    for index, line_start in enumerate(line_starts):
        line_end = _line_content_end(text, line_starts, index)
        first = _NON_SPACE.search(text, line_start, line_end)
        if first is None:
            blank_since_last = True
            continue
        content_end = line_start + len(text[line_start:line_end].rstrip())
        if unit_start >= 0:
            if not blank_since_last and _continues(
                text, last_end, first.start(), unit_start, mode, rules
            ):
                last_end = content_end
                continue
            kind = BreakKind.PARAGRAPH if blank_since_last else BreakKind.LINE
            units.append(_Unit(unit_start, last_end, kind))
        unit_start = first.start()
        last_end = content_end
        blank_since_last = False
    if unit_start >= 0:
        units.append(_Unit(unit_start, last_end, BreakKind.END))
    return units


def _line_content_end(text: str, line_starts: list[int], index: int) -> int:
    if index + 1 == len(line_starts):
        return len(text)
    end = line_starts[index + 1] - 1
    if text[end] == "\n" and end > 0 and text[end - 1] == "\r":
        end -= 1
    return end


def _continues(
    text: str, line_end: int, next_start: int, unit_start: int, mode: str, rules: _Rules
) -> bool:
    """Is the line break between ``line_end`` and ``next_start`` inside a sentence?"""
    if mode == "wrap":
        return True
    if mode == "paragraph":
        return False
    if _LIST_ITEM_LINE.match(text, next_start) is not None:
        return False
    tail = text[max(unit_start, line_end - _TOKEN_LOOKBACK) : line_end]
    ending = _ENDS_WITH_TERMINATOR.search(tail)
    if ending is None:
        return _next_word_case(text, next_start, len(text), rules)[0] == "lower"
    terminator_start = line_end - len(tail) + ending.start()
    closers_end = line_end
    terminator_end = terminator_start
    while terminator_end < closers_end and text[terminator_end] in ".!?…":
        terminator_end += 1
    return not _is_sentence_end(
        text, terminator_start, terminator_end, closers_end, next_start, unit_start, rules
    )


# --- pass 2: units into sentences --------------------------------------------------------


def _split_unit(text: str, unit: _Unit, rules: _Rules) -> list[_Piece]:
    pieces: list[_Piece] = []
    joins = _scrape_joins(text, unit.start, unit.end, rules)
    join_index = 0
    segment_start = unit.start
    notes: tuple[Note, ...] = ()
    # Straight quotes are counted over the whole unit: a quotation may span sentences.
    quotes_counted_to = segment_start
    straight_quotes = 0
    for match in _CANDIDATE.finditer(text, unit.start, unit.end):
        terminator_start = match.start()
        if terminator_start < segment_start:
            continue  # inside a closing quote already attached to the previous segment
        while join_index < len(joins) and joins[join_index] <= terminator_start:
            join = joins[join_index]
            join_index += 1
            if join <= segment_start:
                continue
            pieces.append(_Piece(segment_start, join, BreakKind.JOIN, notes))
            segment_start = join
            notes = (Note.REPAIRED_JOIN,)
        closers_end = match.end()
        next_match = _NON_SPACE.search(text, closers_end, unit.end)
        if next_match is None:
            break
        next_start = next_match.start()
        # A closing quote separated from its sentence by a space: `ở lại. " Ông`.
        following = text[next_start]
        if following in _CLOSING_QUOTES_AFTER_SPACE:
            straight_quotes += text.count('"', quotes_counted_to, closers_end)
            quotes_counted_to = closers_end
            after_quote = next_start + 1
            at_end = after_quote >= unit.end
            closing = following != '"' or straight_quotes % 2 == 1 or at_end
            if closing and (at_end or text[after_quote].isspace()):
                closers_end = after_quote
                straight_quotes += following == '"'
                quotes_counted_to = closers_end
                next_match = _NON_SPACE.search(text, closers_end, unit.end)
                if next_match is None:
                    break
                next_start = next_match.start()
        if _is_sentence_end(
            text, terminator_start, match.end(1), closers_end, next_start, segment_start, rules
        ):
            pieces.append(_Piece(segment_start, closers_end, BreakKind.SENTENCE, notes))
            segment_start = next_start
            notes = ()
    for join in joins[join_index:]:
        if join > segment_start:
            pieces.append(_Piece(segment_start, join, BreakKind.JOIN, notes))
            segment_start = join
            notes = (Note.REPAIRED_JOIN,)
    pieces.append(_Piece(segment_start, unit.end, unit.break_kind, notes))
    return pieces


def _is_sentence_end(
    text: str,
    terminator_start: int,
    terminator_end: int,
    closers_end: int,
    next_start: int,
    segment_start: int,
    rules: _Rules,
) -> bool:
    """Does the terminator at ``terminator_start`` end a sentence, given the next word?"""
    terminator = text[terminator_start:terminator_end]
    if text[next_start].isupper():  # the common case, without the function call
        next_case, after_dash = "upper", False
    else:
        next_case, after_dash = _next_word_case(text, next_start, len(text), rules)
    if closers_end > terminator_end:
        closed_quote = not _QUOTE_SET.isdisjoint(text[terminator_end:closers_end])
        if next_case == "lower" and closed_quote:
            return False  # `“Đi đâu?” anh hỏi`: the attribution continues the sentence
        if closed_quote and _ATTRIBUTION.match(text, next_start) is not None:
            return False  # `“Có cá mập!” Hammel kể.`: a capitalised speaker, then the verb
    if next_case == "lower" and after_dash:
        return False  # `“Vâng.” – chị đáp`
    window_start = max(segment_start, terminator_start - _TOKEN_LOOKBACK)
    before = text[window_start:terminator_start]
    stripped = before.rstrip()
    if not stripped or stripped[-1] in "([{":
        return False  # `[…]`, `( ... )`: an omission mark, not a sentence
    if "!" in terminator or "?" in terminator:
        return True
    if terminator != ".":  # an ellipsis: a lowercase continuation stays in the sentence
        return next_case != "lower"
    if (
        terminator_start - segment_start <= _LONGEST_LIST_NUMBER
        and _LIST_NUMBER.fullmatch(text, segment_start, terminator_start) is not None
    ):
        return False
    if before[-1].isspace():
        return True  # a detached period (`đi về . Sau đó`) is no abbreviation
    token = before.rsplit(None, 1)[-1].lstrip(_OPENERS) + "."
    if token in rules.final_abbreviations:
        return next_case == "upper"
    if token in rules.prefix_abbreviations:
        return False
    parts = token[:-1].split(".")
    if len(parts) > 1:  # stacked titles: `PGS.TS.`, `GS.TSKH.`, `ThS.BS.`
        last = parts[-1] + "."
        if last in rules.final_abbreviations:
            return next_case == "upper"
        if last in rules.prefix_abbreviations:
            return False
        if all(part in _INITIALS for part in parts):
            return _initials_end_sentence(before, next_case, text, next_start)
    if token[:-1] in _INITIALS:
        return _initials_end_sentence(before, next_case, text, next_start)
    return True


def _initials_end_sentence(before: str, next_case: str, text: str, next_start: int) -> bool:
    """`Nguyễn V. A. cho biết`, `George W. Bush`, `anh Nguyễn Văn T. (35 tuổi)`: an initial
    inside a name is no end; after a lowercase word or a comma (`bảng B. Các đội…`) it is a
    sentence-final letter."""
    if text[next_start] == "(" or _NEXT_INITIAL.match(text, next_start) is not None:
        return False
    if next_case != "upper":
        return next_case != "lower"
    words = before.split()
    if len(words) < 2:
        return False
    previous = words[-2].lstrip(_OPENERS)
    return not previous[:1].isupper() or previous[-1:] in ',;:)”"'


def _next_word_case(text: str, start: int, limit: int, rules: _Rules) -> tuple[str, bool]:
    """Case of the first word at ``start`` after opening quotes, brackets and dashes:
    ``lower``, ``upper``, ``digit`` or ``other``; and whether a dash came before it."""
    position = start
    after_dash = False
    stop = min(limit, start + _OPENER_LOOKAHEAD)
    while position < stop and (text[position] in _OPENERS or text[position].isspace()):
        after_dash = after_dash or text[position] in _DASHES
        position += 1
    if position >= limit:
        return "other", after_dash
    character = text[position]
    if character.islower():
        if rules.lowercase_known_token.match(text, position) is not None:
            return "upper", after_dash  # `iPhone 15 ra mắt…` starts a sentence
        return "lower", after_dash
    if character.isupper() or character.istitle():
        return "upper", after_dash
    if character.isdigit():
        return "digit", after_dash
    return "other", after_dash


def _scrape_joins(text: str, start: int, end: int, rules: _Rules) -> list[int]:
    """Positions where a Vietnamese word is glued to the capital of the next title."""
    joins = []
    for match in _SCRAPE_JOIN.finditer(text, start, end):
        position = match.start()
        if position - 2 < start:
            continue
        floor = max(start, position - _TOKEN_LOOKBACK)
        through_last_space = _THROUGH_LAST_SPACE.match(text, floor, position)
        token_start = floor if through_last_space is None else through_last_space.end()
        rest = _NON_SPACE_RUN.match(text, position, min(end, position + _TOKEN_LOOKBACK))
        token_end = position if rest is None else rest.end()
        token = text[token_start:token_end]
        if token[:1] in "#@" or "@" in token or "://" in token or "www." in token:
            continue  # hashtags (#ChuyểnĐổiSố), mentions, addresses
        left = _LETTERS.findall(text, token_start, position)
        right = _LETTERS.findall(text, position, token_end)
        left_word = left[-1] if left else ""
        right_word = right[0] if right else ""
        if _VIETNAMESE_ACCENTED.search(left_word + right_word) is None:
            continue  # ASCII camel case is a brand name far more often than a join
        if _inside_known_token(text, position, rules):
            continue
        joins.append(position)
    return joins


def _inside_known_token(text: str, position: int, rules: _Rules) -> bool:
    """Is the case change at ``position`` the inside of a known name (`VietFuture`)?"""
    candidates = rules.known_transitions.get(text[position - 1 : position + 1], ())
    return any(text.startswith(token, position - offset) for token, offset in candidates)


# --- pass 3: length cap ------------------------------------------------------------------

_SOFT_CUT = re.compile(r"[,;:，；]\s")
_WHITESPACE_CHARACTERS = tuple(chr(code) for code in range(0x3001) if chr(code).isspace())


def _limit_length(text: str, pieces: list[_Piece], max_length: int) -> list[_Piece]:
    limited: list[_Piece] = []
    for piece in pieces:
        if piece.end - piece.start <= max_length:
            limited.append(piece)
            continue
        notes = (*piece.notes, Note.LENGTH_SPLIT)
        start = piece.start
        while piece.end - start > max_length:
            cut_end, next_start = _length_cut(text, start, max_length)
            limited.append(_Piece(start, cut_end, BreakKind.LENGTH, notes))
            start = next_start
        limited.append(_Piece(start, piece.end, piece.break_kind, notes))
    return limited


def _length_cut(text: str, start: int, max_length: int) -> tuple[int, int]:
    """Where to cut a too-long segment starting at ``start``: (end of the first part, start of
    the rest). Prefers the last comma in the second half, then the last space, then a hard
    cut that keeps combining marks with their letter."""
    window = text[start : start + max_length + 1]
    soft = [match.start() + 1 for match in _SOFT_CUT.finditer(window, max_length // 2)]
    if soft:
        cut = soft[-1]
    else:
        cut = max(window.rfind(space) for space in _WHITESPACE_CHARACTERS)
        if cut <= 0:
            cut = max_length
            while cut > 1 and unicodedata.combining(window[cut]):
                cut -= 1
            if cut == 1 and unicodedata.combining(window[1]):
                # Marks all the way back: no letter to keep them with. Cut the run at the
                # full length, or each cut would take one character (1M marks: 1M segments,
                # each after a walk of max_length).
                cut = max_length
    end = start + len(window[:cut].rstrip())
    following = _NON_SPACE.search(text, start + cut)
    assert following is not None  # the segment ends with a non-space character
    return end, following.start()
