"""What the HTML reader takes from a start tag's attributes (pure, one reading per distinct
tag source): the values that matter (class, id, role, lang…), whether the tag says not to
translate its content, and the plan of what each occurrence of the tag adds to the page's
reading: its translated attribute values as units, its ``lang`` spans, a charset to check.

A page repeats its tags (`<li class="menu-item">`, a share button's `<a title="Facebook">`),
so ``html_doc`` keeps each distinct tag's :class:`Reading` and, at each occurrence, only
makes the plan's units at that occurrence's offsets.
"""

from __future__ import annotations

from typing import NamedTuple

from translate.formats.html_elements import (
    _INTERESTING,
    _NO_VALUES,
    _WANTED,
    BUTTON_INPUT_TYPES,
    META_TEXT,
    _boilerplate_kind,
    _matters,
    _may_translate,
    is_button_input,
)
from translate.formats.html_tokens import attribute_values, attributes

Values = dict[str, "str | None"]


class Plan(NamedTuple):
    """What each occurrence of a tag adds, at offsets relative to the tag's start."""

    charset: bool  # a meta tag: its charset is checked
    boilerplate: bool  # its units are boilerplate by the tag itself (a navigation role…)
    langs: tuple[tuple[int, int], ...]  # `lang` values naming the source language
    units: tuple[tuple[int, int, str, str, str], ...]  # start, end, text, comment, quote


class Reading(NamedTuple):
    values: Values  # the attributes that matter, by lower-cased name (the first one wins)
    no_translate: bool  # `translate="no"` or `class="notranslate"`
    plan: Plan | None  # None: the tag adds nothing (no unit, `lang` or charset)


def read_tag(tag: str, raw: str, source_lang: str) -> Reading:
    """The reading of a start tag named ``tag`` whose source ``raw`` holds a `=`: no values
    for a tag without an attribute that matters (`<a href=…>`; `meta` is always read)."""
    lowered = raw.lower()
    labelled = tag == "input" and is_button_input(tag, lowered)
    if tag != "meta" and not labelled and not _matters(raw, lowered):
        values = _NO_VALUES
    # Attributes without a value (`disabled`) mean nothing here: only tags with `=`.
    elif tag != "meta" and not labelled and not _may_translate(lowered):  # (values alone)
        values = attribute_values(raw, len(tag) + 1, _WANTED)
    else:
        found = attributes(raw, len(tag) + 1, _WANTED)
        values = {}
        for name, value, _, _, _ in found:  # (as attribute_values: the first one wins)
            if name not in values:
                values[name] = value
        if values and (tag == "meta" or labelled or values.keys() & _INTERESTING):
            plan = _plan(tag, values, found, source_lang)
            return Reading(values, _says_no_translate(raw, lowered, values), plan)
    return Reading(values, _says_no_translate(raw, lowered, values), None)


def _plan(
    tag: str,
    values: Values,
    found: list[tuple[str, str | None, int, int, str]],
    source_lang: str,
) -> Plan:
    """The units and `lang` spans of a tag's ``found`` attributes (offsets in the tag)."""
    interesting = _INTERESTING
    meta = (values.get("name") or values.get("property") or "").lower()
    language = tag == "meta" and (values.get("http-equiv") or "").lower() == "content-language"
    if tag == "meta" and (meta in META_TEXT or language):
        interesting = _INTERESTING | {"content"}
    elif tag == "input" and (values.get("type") or "").strip().lower() in BUTTON_INPUT_TYPES:
        interesting = _INTERESTING | {"value"}
    if not values.keys() & interesting:
        return Plan(tag == "meta", False, (), ())
    langs: list[tuple[int, int]] = []
    units: list[tuple[int, int, str, str, str]] = []
    for name, decoded, value_start, value_end, quote in found:
        if name not in interesting or decoded is None:
            continue
        if name in ("lang", "xml:lang") or language:  # (the page's language: the target's)
            if decoded.strip().lower().split("-")[0] == source_lang:
                langs.append((value_start, value_end))
            continue
        if not decoded.strip():
            continue
        what = f"meta {meta}" if name == "content" else f"{name} attribute"
        units.append((value_start, value_end, decoded, what, quote))
    boilerplate = bool(_boilerplate_kind(tag, values, inside_main=True))
    return Plan(tag == "meta", boilerplate, tuple(langs), tuple(units))


def _says_no_translate(raw: str, lowered: str, values: Values) -> bool:
    """Whether the start tag ``raw`` (``lowered``) with ``values`` says not to translate its
    content (`translate="no"` and `notranslate` name it, unless written as references)."""
    return ("translate" in lowered or "&" in raw) and bool(values) and _no_translate(values)


def _no_translate(values: Values) -> bool:
    """``translate="no"`` or ``class="notranslate"``."""
    return (values.get("translate") or "").strip().lower() == "no" or "notranslate" in (
        values.get("class") or ""
    ).split()
