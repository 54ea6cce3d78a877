"""The forms a glossary term is searched in, as pure text rules: NFC with both tone placements
(``hòa`` and ``hoà``, ``Ủy`` and ``Uỷ``), and for a case-insensitive term the cases running
text writes it in (``chuyển đổi số``, ``Chuyển đổi số``, ``Chuyển Đổi Số``, ``CHUYỂN ĐỔI SỐ``).
:mod:`translate.termmatch` compiles them into one matcher."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from translate.glossary import nfc, squeezed, squeezed_all

_PLUS_ONE = (1).__add__
_MAX_VARIANTS = 8  # spellings of one term (tone placement) before case variants
# Old-style tone placement (hòa, thúy) and the new style (hoà, thuý) are both in use.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_OLD_TONE: dict[str, str] = {}
for _tone in _TONES:
    for _pair in ("oa", "oe", "uy", "OA", "OE", "UY", "Oa", "Oe", "Uy"):
        _old = unicodedata.normalize("NFC", _pair[0] + _tone + _pair[1])
        _new = unicodedata.normalize("NFC", _pair[0] + _pair[1] + _tone)
        if len(_old) == 2 and len(_new) == 2:
            _OLD_TONE[_old] = _new
_NEW_TONE = {new: old for old, new in _OLD_TONE.items()}
_SECONDS: dict[str, str] = {}  # a tone pair's first letter -> the letters completing one
for _pair in sorted({*_OLD_TONE, *_NEW_TONE}):
    _SECONDS[_pair[0]] = _SECONDS.get(_pair[0], "") + _pair[1]
# One alternative per first letter (24), not per pair (90): sre tries them in turn.
_TONE_PAIR = re.compile("|".join(f"{first}[{seconds}]" for first, seconds in _SECONDS.items()))
_TONE_PAIR_FIRST = frozenset(pair[0] for pair in (*_OLD_TONE, *_NEW_TONE))


def canonical(text: str) -> str:
    """NFC text with old-style tone placement moved to the new style (same length)."""
    text = nfc(text)
    return _TONE_PAIR.sub(lambda m: _OLD_TONE.get(m.group(), m.group()), text)


def fold(text: str) -> str:
    """Lowercase with the same length (offsets stay valid); characters whose lowercase is
    longer (``İ``) are kept as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def spellings(source: str) -> list[str]:
    """The forms of a term searched in texts: both tone placements of each `oa`/`oe`/`uy`."""
    form = squeezed(nfc(source))
    if _TONE_PAIR_FIRST.isdisjoint(form):
        return [form]
    return _placements(form, [match.span() for match in _TONE_PAIR.finditer(form)])


def _placements(form: str, pairs: Sequence[tuple[int, int]]) -> list[str]:
    """``form`` with each combination of placements of its tone ``pairs`` (their spans, in
    order; up to ``_MAX_VARIANTS`` forms)."""
    if len(pairs) == 1:  # the usual: one pair, two forms
        start, end = pairs[0]
        pair = form[start:end]
        return [form, form[:start] + (_OLD_TONE.get(pair) or _NEW_TONE[pair]) + form[end:]]
    forms = [form]
    for start, end in reversed(pairs):
        pair = form[start:end]
        other = _OLD_TONE.get(pair) or _NEW_TONE[pair]
        forms += [f[:start] + other + f[end:] for f in forms]
        if len(forms) >= _MAX_VARIANTS:
            break
    return list(dict.fromkeys(forms))


def spellings_all(sources: Sequence[str]) -> list[list[str]]:
    """``spellings`` of each source: the tone pairs looked for once in all of them."""
    forms, joined = squeezed_all(nfc_all(sources))
    if _TONE_PAIR_FIRST.isdisjoint(joined):
        return [[form] for form in forms]
    starts = list(itertools.accumulate(map(_PLUS_ONE, map(len, forms[:-1])), initial=0))
    pairs: dict[int, list[tuple[int, int]]] = {}  # source index -> its tone pairs' spans
    for match in _TONE_PAIR.finditer(joined):
        start, end = match.span()
        index = bisect.bisect_right(starts, start) - 1
        offset = starts[index]
        pairs.setdefault(index, []).append((start - offset, end - offset))
    result = [[form] for form in forms]
    for index, spans in pairs.items():
        result[index] = _placements(forms[index], spans)
    return result


def case_forms(text: str) -> list[str]:
    """What a case-insensitive term looks like in running text: lowercase, a capital first
    letter, every word capitalised, all capitals."""
    lower = fold(text)
    first = lower[:1].upper() + lower[1:] if len(lower[:1].upper()) == 1 else lower
    title = " ".join(
        w[:1].upper() + w[1:] if len(w[:1].upper()) == 1 else w for w in lower.split(" ")
    )
    upper = text.upper() if len(text.upper()) == len(text) else lower
    return list(dict.fromkeys((lower, first, title, upper)))


def nfc_all(texts: Sequence[str]) -> list[str]:
    """The texts in NFC (checked in one pass over all of them)."""
    form: Literal["NFC"] = "NFC"
    if all(map(unicodedata.is_normalized, itertools.repeat(form), texts)):
        return list(texts)
    return [nfc(text) for text in texts]
