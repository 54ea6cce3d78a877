"""Protected spans: text the model must carry through unchanged, as placeholders.

Pure functions, no model:

- ``builtin_spans(text)``: URLs, e-mail addresses, file paths, code in backticks, hashtags
  and @handles, as ``Span``s.
- ``resolve(*groups)``: one list of non-overlapping spans from several sources (markup
  placeholders, built-in spans, glossary terms), earlier groups first; within a group the
  longest span wins, then the leftmost: the same input always gives the same spans.
- ``mask(text, spans)``: the text with each span replaced by a placeholder ``⟦1⟧``, ``⟦2⟧``…
  (numbered left to right), and what ``restore`` needs to put the spans back.
- ``restore(masked, output)``: the model's output with every placeholder replaced by its
  span's ``restore`` text, or the ``Problem``s that prevent it: a placeholder dropped,
  duplicated, unknown or mangled, or spans marked ``ordered`` that came back badly nested:
  the two spans of a ``group`` (an opening and a closing tag) must come back opener first,
  and two groups may follow each other in any order but never cross. A placeholder the
  model spaced out (``⟦ 1 ⟧``) is repaired and reported as ``spaced``, which is not fatal;
  neither is any other change of order (English word order differs from Vietnamese: `<1>Bộ
  Y tế</1> <2>Huế</2>` may well come back as `<2>Hue</2>'s <1>Health Department</1>`).

Another stage can pass its own spans through the same mechanism: markup placeholders from
HTML or Markdown (``<1>``, ``</1>``, ``<2/>`` already in the msgid) are ``Span(start, end,
kind="markup", restore="<1>", ordered=True, group="1")``; ``mask`` hides them from the model and
``restore`` verifies and puts them back exactly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from translate.frozen import quick_init

OPEN = "⟦"
CLOSE = "⟧"
# Kinds: built-in protected spans, glossary matches (``term`` is restored to its target,
# ``dnt`` to itself) and spans other stages pass in (``markup``).
BUILTIN_KINDS = ("url", "email", "path", "code", "hashtag", "handle")


@quick_init
@dataclass(frozen=True)
class Span:
    """``text[start:end]`` goes through the model as a placeholder and comes back as ``restore``."""

    start: int
    end: int
    kind: str
    restore: str
    ordered: bool = False  # must come back well nested with the other ordered spans
    label: str = ""  # what a flag names (a glossary term's source, …); default: the text
    group: str = ""  # an ordered span's pair: the one of the two that starts first opens it


class Masked(NamedTuple):
    """A source with its spans replaced by placeholders; ``spans[i]`` is placeholder i + 1.

    A named tuple, not a frozen dataclass: a run builds one per sentence with terms, and
    ``tuple.__new__(Masked, (source, text, spans))`` builds it in C, with no Python
    ``__init__`` frame nor instance dict (translate.guard's batch masking)."""

    source: str
    text: str
    spans: tuple[Span, ...]

    def placeholder(self, index: int) -> str:
        return f"{OPEN}{index + 1}{CLOSE}"


@dataclass(frozen=True)
class Problem:
    """Why a placeholder could not be restored (``fatal``) or what was repaired."""

    kind: str  # dropped | duplicated | unknown | mangled | reordered | spaced
    placeholder: str
    fatal: bool

    def describe(self) -> str:
        return f"placeholder {self.placeholder} {self.kind}"


@dataclass(frozen=True)
class Restored:
    text: str | None  # None when a fatal problem prevents restoring
    problems: tuple[Problem, ...]


# ---------------------------------------------------------------------------------------
# Built-in spans

_TRAILING = ".,;:!?…'\"”’"
_URL = re.compile(r"(?<![\w@/])(?:https?://|ftp://|www\.)[^\s<>\"“”‘’`\[\]{}]+", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PATH = re.compile(
    r"(?<![\w/\\.:~])(?:"
    r"[A-Za-z]:\\(?:[\w.-]+\\)*[\w.-]+"  # C:\dir\file.txt
    r"|(?:~|\.\.?)?/(?:[\w.-]+/)*[\w.-]*[\w-]"  # ./x, ../x, ~/x, /etc/x (see _is_path)
    r"|[\w.-]+(?:/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,5}"  # docs/readme.md
    r")(?![\w/\\])"
)
_CODE = re.compile(r"(`+)(?=[^`\s])[^`\n]*?[^`\s]\1(?!`)|`[^`\s]`")
_HASHTAG = re.compile(r"(?<![\w&#/])#[^\W\d_]\w*")
_HANDLE = re.compile(r"(?<![\w.@/])@\w(?:[\w.]*\w)?")


def _trim(text: str, start: int, end: int) -> int:
    """End of a URL without trailing sentence punctuation or an unbalanced closing bracket."""
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    while (
        end > start
        and text[end - 1] == ")"
        and text.count("(", start, end) < text.count(")", start, end)
    ):
        end -= 1
    return end


def _is_path(candidate: str) -> bool:
    # `/` alone, `/5` or `km/h` are not paths: an absolute path needs two parts, a relative
    # one a leading `./`, `../` or `~/`.
    if candidate.startswith(("./", "../", "~/")) or re.match(r"[A-Za-z]:\\", candidate):
        return True
    if candidate.startswith("/"):
        return candidate.count("/") >= 2 and any(c.isalpha() for c in candidate)
    return True


def _may_hold_path(text: str) -> bool:
    """False only when ``_PATH`` cannot match: no backslash, ``./`` or ``~/``, no slash after
    a character that may precede an absolute path, and no ``.x`` extension in the run after a
    slash. Dates (``20/11/2019``) and units (``km/h``) are the usual slashes in news text, and
    the path pattern is the slowest of all."""
    if "\\" in text or "./" in text or "~/" in text:
        return True
    size = len(text)
    position = text.find("/")
    while position != -1:
        before = text[position - 1] if position else " "
        if not (before.isalnum() or before in "_/\\.:~"):
            return True
        end = position + 1
        while end < size and (text[end].isalnum() or text[end] in "_.-"):
            if text[end] == "." and end + 1 < size and text[end + 1] in _ASCII_LETTERS:
                return True
            end += 1
        position = text.find("/", position + 1)
    return False


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def builtin_spans(text: str) -> list[Span]:
    """Every built-in protected span of ``text`` (overlaps resolved, in text order)."""
    found: list[Span] = []
    if "://" in text or "www." in text.lower():
        for match in _URL.finditer(text):
            end = _trim(text, match.start(), match.end())
            found.append(_literal(text, match.start(), end, "url"))
    if "@" in text:
        for match in _EMAIL.finditer(text):
            end = _trim(text, match.start(), match.end())
            found.append(_literal(text, match.start(), end, "email"))
        found.extend(_literal(text, m.start(), m.end(), "handle") for m in _HANDLE.finditer(text))
    if ("/" in text or "\\" in text) and _may_hold_path(text):
        for match in _PATH.finditer(text):
            end = _trim(text, match.start(), match.end())
            if _is_path(text[match.start() : end]):
                found.append(_literal(text, match.start(), end, "path"))
    if "`" in text:
        found.extend(_literal(text, m.start(), m.end(), "code") for m in _CODE.finditer(text))
    if "#" in text:
        found.extend(_literal(text, m.start(), m.end(), "hashtag") for m in _HASHTAG.finditer(text))
    # URLs and e-mails first: a path or a handle inside a URL is part of the URL.
    priority = {kind: rank for rank, kind in enumerate(("code", "url", "email", "path"))}
    groups: dict[int, list[Span]] = {}
    for span in found:
        groups.setdefault(priority.get(span.kind, len(priority)), []).append(span)
    return resolve(*(groups[rank] for rank in sorted(groups)))


def _literal(text: str, start: int, end: int, kind: str) -> Span:
    return Span(start, end, kind, text[start:end])


# ---------------------------------------------------------------------------------------
# Overlaps


def resolve(*groups: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans in text order: earlier groups win, then longer, then leftmost."""
    # ``chosen`` is kept in text order, so its ends rise with its starts: the one chosen span
    # that can overlap a candidate is the last starting before the candidate ends. (Testing
    # every chosen span made a msgid with 100,000 URLs quadratic in `check`.)
    chosen: list[Span] = []
    starts: list[int] = []
    for group in groups:
        for span in sorted(group, key=lambda s: (s.start - s.end, s.start, s.kind)):
            if span.end <= span.start:
                continue
            before = bisect.bisect_left(starts, span.end)
            if before and chosen[before - 1].end > span.start:
                continue
            chosen.insert(before, span)
            starts.insert(before, span.start)
    return chosen


# ---------------------------------------------------------------------------------------
# Masking and restoring

_PLACEHOLDER = re.compile(f"{OPEN}\\s*(\\d+)\\s*{CLOSE}")


def can_mask(text: str) -> bool:
    """False when the text itself holds placeholder brackets (they could not be told apart)."""
    return OPEN not in text and CLOSE not in text


def mask(text: str, spans: Sequence[Span]) -> Masked:
    """``text`` with each span (non-overlapping, in text order) replaced by its placeholder."""
    pieces: list[str] = []
    position = 0
    for number, span in enumerate(spans, 1):
        start = span.start
        if start < position:
            raise ValueError("spans overlap or are out of order")
        pieces.append(text[position:start])
        pieces.append(placeholder(number))
        position = span.end
    pieces.append(text[position:])
    return Masked(source=text, text="".join(pieces), spans=tuple(spans))


# ⟦0⟧ is never used: PLACEHOLDERS[n] is span n's.
PLACEHOLDERS = tuple(f"{OPEN}{number}{CLOSE}" for number in range(64))


def placeholder(number: int) -> str:
    """The placeholder of span ``number`` (1-based): ``⟦1⟧``, ``⟦2⟧``…"""
    return PLACEHOLDERS[number] if number < len(PLACEHOLDERS) else f"{OPEN}{number}{CLOSE}"


def _badly_nested(order: Sequence[int], spans: Sequence[Span]) -> int | None:
    """The first placeholder (in ``order``, the output's) that breaks the nesting of the
    ordered spans' groups: a closer before its opener, or one that closes across another
    group; None when they nest. Spans of a group are told apart by their source position."""
    openers: dict[str, int] = {}
    for number, span in enumerate(spans, 1):
        if span.ordered and span.group:
            known = openers.get(span.group)
            if known is None or span.start < spans[known - 1].start:
                openers[span.group] = number
    if not openers:
        return None
    stack: list[str] = []
    for number in order:
        span = spans[number - 1]
        if not (span.ordered and span.group):
            continue
        if openers[span.group] == number:
            stack.append(span.group)
        elif stack and stack[-1] == span.group:
            stack.pop()
        else:
            return number
    return None


def restore(masked: Masked, output: str) -> Restored:
    """The model's output with the placeholders put back, or the problems that prevent it."""
    problems: list[Problem] = []
    seen: dict[int, int] = {}
    order: list[int] = []
    for match in _PLACEHOLDER.finditer(output):
        number = int(match.group(1))
        token = f"{OPEN}{number}{CLOSE}"
        if not 1 <= number <= len(masked.spans):
            problems.append(Problem("unknown", token, True))
            continue
        if match.group() != token:
            problems.append(Problem("spaced", token, False))
        seen[number] = seen.get(number, 0) + 1
        order.append(number)
    for number in range(1, len(masked.spans) + 1):
        count = seen.get(number, 0)
        token = f"{OPEN}{number}{CLOSE}"
        if count == 0:
            problems.append(Problem("dropped", token, True))
        elif count > 1:
            problems.append(Problem("duplicated", token, True))
    leftover = _PLACEHOLDER.sub("", output)
    if OPEN in leftover or CLOSE in leftover:
        problems.append(Problem("mangled", OPEN + CLOSE, True))
    misplaced = _badly_nested(order, masked.spans)
    if misplaced is not None:
        problems.append(Problem("reordered", f"{OPEN}{misplaced}{CLOSE}", True))
    if any(problem.fatal for problem in problems):
        return Restored(None, tuple(problems))

    def put_back(match: re.Match[str]) -> str:
        span = masked.spans[int(match.group(1)) - 1]
        text = span.restore
        if match.start() == 0 and span.kind == "term" and text[:1].islower():
            text = text[:1].upper() + text[1:]  # a term that begins the sentence
        return text

    return Restored(_PLACEHOLDER.sub(put_back, output), tuple(problems))


def kept_verbatim(span_text: str, output: str) -> bool:
    """Whether a protected span's text is in the output exactly (not inside a longer token)."""
    start = output.find(span_text)
    while start >= 0:
        end = start + len(span_text)
        before = output[start - 1] if start else " "
        after = output[end] if end < len(output) else " "
        if not (_joins(before, span_text[0]) or _joins(span_text[-1], after)):
            return True
        start = output.find(span_text, start + 1)
    return False


def kept_as_span(span_text: str, output: str) -> bool:
    """Whether a built-in span (URL, e-mail, path, code, #tag, @handle) is in the output as
    the same whole span: ``https://a.vn/x`` is not kept in ``https://a.vn/x/`` nor in
    ``https://a.vn/x-en`` (``kept_verbatim`` would accept both), but is in ``…/x.``."""
    return span_text in output and any(s.restore == span_text for s in builtin_spans(output))


def _joins(left: str, right: str) -> bool:
    return left.isalnum() and right.isalnum()
