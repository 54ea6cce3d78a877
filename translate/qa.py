"""Quality checks on vi→en catalogues: the rules behind `translate check` (the CI gate).

Two layers:
- small pure text rules (number/date/time normalisation, bracket balance, language of the
  msgstr) that work on one msgid/msgstr pair and are unit-tested on their own;
- catalogue checks that apply them to the entries of parsed PO files, plus GNU `msgfmt
  --check` and the fuzzy/untranslated thresholds, and return `Finding`s.

Placeable rules accept the English rendering of Vietnamese conventions: `900.000` may become
`900,000` or `900000`, `3,5%` becomes `3.5%`, `12/11/2023` may become `November 12, 2023`,
`7h30` becomes `7:30`, `tháng 11` may become `November`, `5 triệu` may become `5,000,000`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from translate.document import NO_LANGUAGE
from translate.errors import UserError
from translate.stats import (
    entry_state,
    find_catalogues,
    live_entries,
    load_catalogue,
    msgid_lines,
    read_lines,
)

# ---------------------------------------------------------------------------------------------
# Numbers


def canonical_number(text: str) -> str:
    """A plain decimal string without separators, leading or trailing zeros: `07.50` → `7.5`."""
    value = Decimal(text).normalize()
    return format(value, "f")


_VI_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_VI_DECIMAL = re.compile(r"\d+,\d+")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_EN_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


def vietnamese_number_values(token: str) -> frozenset[str]:
    """Readings of a number written in Vietnamese text (dot thousands, comma decimals).

    A dot before exactly three digits is a thousands separator (`900.000` is never 900).
    Vietnamese documents also contain English-style numbers (`4.0`, `1,000`), so otherwise the
    English reading is kept as well: `1,000` reads as 1 or 1000, `3,5` as 3.5.
    """
    if _VI_THOUSANDS.fullmatch(token):
        integer, _, fraction = token.partition(",")
        return frozenset({canonical_number(integer.replace(".", "") + "." + (fraction or "0"))})
    readings: set[str] = set()
    if _VI_DECIMAL.fullmatch(token):
        readings.add(canonical_number(token.replace(",", ".")))
    readings |= english_number_values(token)
    return frozenset(readings)


def english_number_values(token: str) -> frozenset[str]:
    """Readings of a number written the English way (comma thousands, dot decimals)."""
    if _EN_THOUSANDS.fullmatch(token):
        return frozenset({canonical_number(token.replace(",", ""))})
    if _EN_DECIMAL.fullmatch(token):
        return frozenset({canonical_number(token)})
    if re.fullmatch(r"\d+,\d+", token):
        # `3,5` in an English msgstr is most likely a decimal left in the Vietnamese form.
        return frozenset({canonical_number(token.replace(",", "."))})
    return frozenset()


VIETNAMESE_SCALES: dict[str, int] = {
    "nghìn": 10**3,
    "ngàn": 10**3,
    "vạn": 10**4,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
}
ENGLISH_SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
}


def scaled_values(values: Iterable[str], scale: int) -> frozenset[str]:
    """`5` followed by `triệu` (or `million`) also reads as 5000000."""
    return frozenset(canonical_number(str(Decimal(value) * scale)) for value in values)


def _word_list(words: str) -> list[str]:
    return words.split()


_UNITS = _word_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_ORDINALS = _word_list(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENS_ORDINALS = {
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
# Words that stand for a small number in idiomatic English ("twice", "a dozen", "both").
_IDIOMS = {
    "once": 1,
    "single": 1,
    "twice": 2,
    "both": 2,
    "pair": 2,
    "couple": 2,
    "dozen": 12,
    "hundred": 100,
}
_WORD = re.compile(r"[A-Za-z]+")
# word → value, for every number word above, plural forms included (`sixes`, `dozens`).
_NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_ORDINALS)},
    **_TENS_ORDINALS,
    **{word: value for value, word in enumerate(_UNITS)},
    **_TENS,
    **_IDIOMS,
}
_PLURAL_NUMBER_WORDS = {
    word + ("es" if word.endswith("x") else "s"): value
    for word, value in {**{w: v for v, w in enumerate(_UNITS)}, **_TENS, **_IDIOMS}.items()
}
# `twenty-one`, `thirty first`: tens followed by a unit or an ordinal from one to nine.
_TENS_FOLLOWERS = {
    **{word: value for value, word in enumerate(_UNITS[1:10], start=1)},
    **{word: value for value, word in enumerate(_ORDINALS[1:10], start=1)},
}


def english_number_words(text: str) -> frozenset[str]:
    """Values written as English words: `three`, `third`, `twenty-one`, `twice`, `a dozen`."""
    words = [word.lower() for word in _WORD.findall(text)]
    values: set[int] = set()
    for index, word in enumerate(words):
        value = _NUMBER_WORDS.get(word, _PLURAL_NUMBER_WORDS.get(word))
        if value is None:
            continue
        values.add(value)
        if word in _TENS and index + 1 < len(words):
            unit = _TENS_FOLLOWERS.get(words[index + 1])
            if unit is not None:
                values.add(value + unit)
    return frozenset(str(value) for value in values)


# ---------------------------------------------------------------------------------------------
# Dates and times

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# `thứ 2` … `thứ 7` are Monday … Saturday (`thứ 3` can also be the ordinal "third").
WEEKDAYS: dict[int, str] = {
    2: "monday",
    3: "tuesday",
    4: "wednesday",
    5: "thursday",
    6: "friday",
    7: "saturday",
}


@dataclass(frozen=True)
class DateValue:
    """A calendar date as written: any part may be missing (`17/11`, `11/2023`)."""

    day: int | None
    month: int
    year: int | None


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def vietnamese_date(day: str | None, month: str, year: str | None) -> DateValue | None:
    """Day-first numeric date parts as written in Vietnamese, or None when not a date."""
    day_value = int(day) if day is not None else None
    month_value = int(month)
    if not 1 <= month_value <= 12 or (day_value is not None and not 1 <= day_value <= 31):
        return None
    return DateValue(day_value, month_value, int(year) if year is not None else None)


def english_numeric_dates(first: int, second: int, year: int | None) -> frozenset[DateValue]:
    """Both readings of an English numeric date: day-first (British) and month-first (US)."""
    readings = set()
    if _valid_day_month(first, second):
        readings.add(DateValue(first, second, year))
    if _valid_day_month(second, first):
        readings.add(DateValue(second, first, year))
    return frozenset(readings)


def same_year(expected: int, written: int) -> bool:
    """`2023` matches `2023`, and a two-digit year matches its century form (`23`, `2023`)."""
    if expected == written:
        return True
    if expected < 100 <= written:
        return written % 100 == expected
    if written < 100 <= expected:
        return expected % 100 == written
    return False


@dataclass(frozen=True)
class TimeValue:
    hour: int
    minute: int
    minute_written: bool = True


def vietnamese_time(hour: str, minute: str | None) -> TimeValue | None:
    """`7h30`, `07:26`, `19h`: a clock time (hour 0–24, minute 0–59), or None."""
    hour_value = int(hour)
    minute_value = int(minute) if minute else 0
    if hour_value > 24 or minute_value > 59:
        return None
    return TimeValue(hour_value, minute_value, minute is not None)


def english_time_readings(hour: int, minute: int, meridiem: str) -> frozenset[tuple[int, int]]:
    """24-hour readings of an English clock time: `7:30 pm` → 19:30; `7:30` → 7:30 or 19:30."""
    marker = meridiem.lower().replace(".", "").replace(" ", "")
    if marker in ("am", "pm"):
        if not 1 <= hour <= 12:
            return frozenset()
        base = hour % 12
        return frozenset({(base + 12 if marker == "pm" else base, minute)})
    readings = {(hour % 24, minute)}
    if hour < 12:
        readings.add((hour + 12, minute))
    return frozenset(readings)


# ---------------------------------------------------------------------------------------------
# Placeables: what a msgid holds that its msgstr must keep

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”'()\[\]{}]+", re.IGNORECASE)
_DOMAIN = re.compile(
    r"(?<![\w@.])(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|edu|info|io|int|biz|asia)"
    r"(?:/[^\s<>\"“”'()\[\]{}]*)?(?![\w])",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,;:!?…"
_DIGIT = re.compile(r"\d")
_NUMBER = r"\d+(?:[.,]\d+)*"
_DATE_DMY = re.compile(r"(?<![\d.,/])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])")
_DATE_ISO = re.compile(r"(?<![\d.,/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
_DATE_MY = re.compile(r"(?<![\d.,/])(\d{1,2})/(\d{4})(?![\d/])")
_DATE_DM = re.compile(r"(?<![\d.,/])(\d{1,2})/(\d{1,2})(?![\d/])")
_VI_TIME = re.compile(r"(?<![\d.,:])(\d{1,2})(?:h(\d{2})?|:(\d{2})(?::\d{2})?)(?![\w:])")
_VI_PERCENT = re.compile(rf"(?<!\d)({_NUMBER})\s*(?:%|phần trăm)", re.IGNORECASE)
_VI_MONTH = re.compile(r"\btháng\s+(\d{1,2})(?!\d|[/.,]\d)", re.IGNORECASE)
_VI_WEEKDAY = re.compile(r"\bthứ\s+([2-7])(?!\d|[/.,]\d)", re.IGNORECASE)
_VI_NUMBER = re.compile(rf"(?<!\d)({_NUMBER})(?:\s*({'|'.join(VIETNAMESE_SCALES)})\b)?")
_EN_TIME = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|o'clock|)(?![\w:])",
    re.IGNORECASE,
)
_EN_PERCENT = re.compile(
    rf"(?<!\d)({_NUMBER})\s*(?:%|-?\s?per\s?cent\b|\s?pc\b|percentage points?\b)",
    re.IGNORECASE,
)
_EN_WORD_PERCENT = re.compile(
    r"\b([A-Za-z]+(?:[- ][A-Za-z]+)?)\s*(?:%|-?\s?per\s?cent\b)", re.IGNORECASE
)
_EN_NUMBER = re.compile(rf"(?<!\d)({_NUMBER})(?:\s*({'|'.join(ENGLISH_SCALES)})\b)?")
# Month names are capitalised in English; lowercase `may` and `march` are other words.
_EN_MONTH_NAME = re.compile(
    r"\b(" + "|".join(sorted((name.title() for name in MONTHS), key=len, reverse=True)) + r")\b"
)


def _blank(text: str, pattern: re.Pattern[str]) -> tuple[str, list[re.Match[str]]]:
    """Matches of ``pattern`` and the text with them replaced by spaces (offsets kept)."""
    matches: list[re.Match[str]] = []

    def blank(match: re.Match[str]) -> str:
        matches.append(match)
        return " " * (match.end() - match.start())

    return pattern.sub(blank, text), matches


def _strip_address(address: str) -> str:
    return address.rstrip(_TRAILING_PUNCTUATION)


@dataclass(frozen=True)
class Placeable:
    """Something of the msgid that must survive translation.

    ``kind`` is the check name (number, date, time, percent, url, email); ``text`` is how the
    msgid writes it; the other fields are its normalised readings.
    """

    kind: str
    text: str
    values: frozenset[str] = frozenset()
    date: DateValue | None = None
    time: TimeValue | None = None
    month: int | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class TargetFacts:
    """Everything an English msgstr offers to satisfy placeables, normalised."""

    text: str
    numbers: frozenset[str]
    percents: frozenset[str]
    dates: frozenset[DateValue]
    times: frozenset[tuple[int, int]]
    months: frozenset[int]
    words: frozenset[str]
    addresses: frozenset[str] = field(default=frozenset())


def source_placeables(msgid: str) -> list[Placeable]:
    """Numbers, dates, times, percentages, URLs and e-mail addresses of a Vietnamese msgid."""
    found: list[tuple[int, Placeable]] = []
    text, emails = _blank(msgid, _EMAIL)
    found += [(m.start(), Placeable("email", m.group())) for m in emails]
    text, urls = _blank(text, _URL)
    found += [(m.start(), Placeable("url", _strip_address(m.group()))) for m in urls]
    text, domains = _blank(text, _DOMAIN)
    found += [(m.start(), Placeable("url", _strip_address(m.group()))) for m in domains]
    if _DIGIT.search(text) is None:
        # Everything below starts with a digit; most sentences have none.
        return [placeable for _, placeable in sorted(found, key=lambda item: item[0])]

    text, matches = _blank(text, _DATE_ISO)
    for m in matches:
        date = vietnamese_date(m.group(3), m.group(2), m.group(1))
        if date is not None:
            found.append((m.start(), Placeable("date", m.group(), date=date)))
    text, matches = _blank(text, _DATE_DMY)
    for m in matches:
        date = vietnamese_date(m.group(1), m.group(3), m.group(4))
        found.append((m.start(), _date_or_numbers(m.group(), date)))
    text, matches = _blank(text, _DATE_MY)
    for m in matches:
        date = vietnamese_date(None, m.group(1), m.group(2))
        found.append((m.start(), _date_or_numbers(m.group(), date)))
    text, matches = _blank(text, _DATE_DM)
    for m in matches:
        date = vietnamese_date(m.group(1), m.group(2), None)
        found.append((m.start(), _date_or_numbers(m.group(), date)))

    text, matches = _blank(text, _VI_PERCENT)
    for m in matches:
        values = vietnamese_number_values(m.group(1))
        found.append((m.start(), Placeable("percent", m.group().strip(), values=values)))
    text, matches = _blank(text, _VI_TIME)
    for m in matches:
        time = vietnamese_time(m.group(1), m.group(2) or m.group(3))
        if time is not None:
            found.append((m.start(), Placeable("time", m.group(), time=time)))
        else:
            found.append((m.start(), _number(m.group(1))))
    text, matches = _blank(text, _VI_MONTH)
    for m in matches:
        month = int(m.group(1))
        placeable = _number(m.group(1))
        if 1 <= month <= 12:
            placeable = Placeable("number", m.group(1), values=placeable.values, month=month)
        found.append((m.start(1), placeable))
    text, matches = _blank(text, _VI_WEEKDAY)
    for m in matches:
        number = _number(m.group(1))
        weekday = int(m.group(1))
        found.append((m.start(1), Placeable("number", m.group(1), number.values, weekday=weekday)))
    for m in _VI_NUMBER.finditer(text):
        values = vietnamese_number_values(m.group(1))
        if m.group(2):
            values |= scaled_values(values, VIETNAMESE_SCALES[m.group(2).lower()])
        found.append((m.start(), Placeable("number", m.group(1), values=values)))
    found.sort(key=lambda item: item[0])
    return [placeable for _, placeable in found]


def _number(token: str) -> Placeable:
    return Placeable("number", token, values=vietnamese_number_values(token))


def _date_or_numbers(text: str, date: DateValue | None) -> Placeable:
    if date is not None:
        return Placeable("date", text, date=date)
    # `25/40` is a ratio, not a date: its numbers must still be there.
    parts = re.findall(r"\d+", text)
    values = frozenset(canonical_number(part) for part in parts)
    return Placeable("number", text, values=values)


def target_facts(msgstr: str) -> TargetFacts:
    """Normalised numbers, dates, times, months and addresses of an English msgstr."""
    text, emails = _blank(msgstr, _EMAIL)
    text, urls = _blank(text, _URL)
    text, domains = _blank(text, _DOMAIN)
    addresses = frozenset(
        _strip_address(m.group()).lower().rstrip("/") for m in [*emails, *urls, *domains]
    )
    dates: set[DateValue] = set()
    for m in _DATE_ISO.finditer(text):
        if _valid_day_month(int(m.group(3)), int(m.group(2))):
            dates.add(DateValue(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _DATE_DMY.finditer(text):
        dates |= english_numeric_dates(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    for m in _DATE_MY.finditer(text):
        if 1 <= int(m.group(1)) <= 12:
            dates.add(DateValue(None, int(m.group(1)), int(m.group(2))))
    for m in _DATE_DM.finditer(text):
        dates |= english_numeric_dates(int(m.group(1)), int(m.group(2)), None)
    times: set[tuple[int, int]] = set()
    for m in _EN_TIME.finditer(text):
        if m.group(2) is None and not m.group(3):
            continue  # a bare number is not a time
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour <= 24 and minute <= 59:
            times |= english_time_readings(hour, minute, m.group(3) or "")
    percents: set[str] = set()
    for m in _EN_PERCENT.finditer(text):
        percents |= english_number_values(m.group(1))
    for m in _EN_WORD_PERCENT.finditer(text):
        percents |= english_number_words(m.group(1))
    numbers: set[str] = set()
    for m in _EN_NUMBER.finditer(text):
        values = english_number_values(m.group(1))
        # Parts of `7:30`, `12/11/2023` and `2,000` count too: a date written differently
        # still carries its day and year as numbers.
        values |= {canonical_number(part) for part in re.findall(r"\d+", m.group(1))}
        if m.group(2):
            values |= scaled_values(values, ENGLISH_SCALES[m.group(2).lower()])
        numbers |= values
    words = english_number_words(text)
    numbers |= words
    months = frozenset(MONTHS[m.group(1).lower()] for m in _EN_MONTH_NAME.finditer(text))
    lowered_words = frozenset(word.lower() for word in _WORD.findall(text))
    return TargetFacts(
        text=msgstr,
        numbers=frozenset(numbers),
        percents=frozenset(percents),
        dates=frozenset(dates),
        times=frozenset(times),
        months=months,
        words=lowered_words,
        addresses=addresses,
    )


def placeable_kept(placeable: Placeable, target: TargetFacts) -> bool:
    """Whether the msgstr keeps ``placeable`` literally or in an accepted English form."""
    if placeable.kind in ("url", "email"):
        wanted = placeable.text.lower().rstrip("/")
        return wanted in target.addresses or placeable.text in target.text
    if placeable.text in target.text:
        return True
    if placeable.kind == "percent":
        return bool(placeable.values & target.percents)
    if placeable.kind == "date" and placeable.date is not None:
        return _date_kept(placeable.date, target)
    if placeable.kind == "time" and placeable.time is not None:
        return _time_kept(placeable.time, target)
    if placeable.values & target.numbers:
        return True
    if placeable.month is not None and placeable.month in target.months:
        return True
    return placeable.weekday is not None and WEEKDAYS[placeable.weekday] in target.words


def _date_kept(date: DateValue, target: TargetFacts) -> bool:
    for written in target.dates:
        if (
            written.month == date.month
            and (date.day is None or written.day == date.day)
            and (
                date.year is None
                or (written.year is not None and same_year(date.year, written.year))
            )
        ):
            return True
    day_ok = date.day is None or str(date.day) in target.numbers
    year_ok = date.year is None or any(
        number.isdigit() and same_year(date.year, int(number)) for number in target.numbers
    )
    if date.month in target.months and day_ok and year_ok:
        return True
    # `3/5` may be a ratio rather than a date: both numbers kept is enough.
    return date.year is None and day_ok and str(date.month) in target.numbers


def _time_kept(time: TimeValue, target: TargetFacts) -> bool:
    if (time.hour % 24, time.minute) in target.times:
        return True
    # `12:00` is also written `1200 GMT` (military style).
    if str(time.hour * 100 + time.minute) in target.numbers:
        return True
    # `5h` is also a duration ("5 hours"): the number is enough when no minutes were written.
    return not time.minute_written and str(time.hour) in target.numbers


def missing_placeables(msgid: str, msgstr: str) -> list[Placeable]:
    """Placeables of the msgid that the msgstr does not keep, in msgid order."""
    placeables = source_placeables(msgid)
    if not placeables:
        return []
    target = target_facts(msgstr)
    return [placeable for placeable in placeables if not placeable_kept(placeable, target)]


# ---------------------------------------------------------------------------------------------
# Brackets and quotes

_PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}


def bracket_problems(text: str) -> dict[str, str]:
    """Unbalanced brackets and quotes, keyed by pair (`()`, `“”`, `"` …) → description."""
    problems: dict[str, str] = {}
    stack: list[str] = []
    for char in text:
        if char in _PAIRS:
            stack.append(char)
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            if stack and stack[-1] == opener:
                stack.pop()
            elif opener in stack:
                # Close the inner ones that were left open, then this pair.
                while stack and stack[-1] != opener:
                    inner = stack.pop()
                    problems.setdefault(inner + _PAIRS[inner], f"'{inner}' is not closed")
                stack.pop()
            else:
                problems.setdefault(opener + char, f"'{char}' has no opening '{opener}'")
    for opener in stack:
        problems.setdefault(opener + _PAIRS[opener], f"'{opener}' is not closed")
    if text.count('"') % 2:
        problems['"'] = "odd number of '\"'"
    # ’ doubles as the apostrophe, so only an opening ‘ without any ’ after it is a problem.
    if text.count("‘") > text.count("’"):
        problems["‘’"] = "'‘' is not closed"
    return problems


# English and Vietnamese typography use different quote marks (`“…”` may become `"…"`), so an
# open quote in the msgid (a quotation that spans segments) excuses any quote in the msgstr.
_QUOTE_PAIRS = frozenset({"“”", "«»", '"', "‘’"})


def _family(pair: str) -> str:
    return "quotes" if pair in _QUOTE_PAIRS else pair


def new_bracket_problems(msgid: str, msgstr: str) -> list[str]:
    """Bracket/quote problems of the msgstr whose kind is balanced in the msgid."""
    source = {_family(pair) for pair in bracket_problems(msgid)}
    return [
        message for pair, message in bracket_problems(msgstr).items() if _family(pair) not in source
    ]


# ---------------------------------------------------------------------------------------------
# Length and language

# Calibrated on 1,012 FLORES-200 vi–en reference pairs (msgid ≥ 30 characters): the English
# reference is 0.53–1.85× the Vietnamese length. Outside 0.5–2.0 a sentence was probably dropped,
# repeated or cut.
MIN_RATIO = 0.5
MAX_RATIO = 2.0
MIN_RATIO_LENGTH = 30


_TOKEN = re.compile(r"[^\W_]+")
MIN_REPEATS = 3
MAX_REPEATED_WORDS = 6
# On space-joined lowercase tokens: a phrase of 1–6 tokens, then the same phrase twice more.
# Shorter phrases are tried first at each position, so `the the the` reports `the`.
_REPEATED_RUN = re.compile(
    rf"(?<!\S)(\S+(?: \S+){{0,{MAX_REPEATED_WORDS - 1}}}?)(?: \1){{{MIN_REPEATS - 1}}}(?!\S)"
)


def repeated_run(text: str) -> str | None:
    """The first word or phrase (up to six words) said three or more times in a row.

    Neural MT that loses its way loops (`the the the`, `of the city of the city of the city`);
    such runs are rare in real prose.
    """
    tokens = " ".join(token.lower() for token in _TOKEN.findall(text))
    match = _REPEATED_RUN.search(tokens)
    return match.group(1) if match else None


def new_repetition(msgid: str, msgstr: str) -> str | None:
    """A repeated run in the msgstr when the msgid has none (`Không, không, không` may)."""
    if repeated_run(msgid) is not None:
        return None
    return repeated_run(msgstr)


def length_ratio_outlier(
    msgid: str,
    msgstr: str,
    *,
    band: tuple[float, float] = (MIN_RATIO, MAX_RATIO),
    min_length: int = MIN_RATIO_LENGTH,
) -> float | None:
    """The msgstr/msgid character ratio when it is outside ``band``; None if fine or too short."""
    source_length = len(msgid.strip())
    if source_length < min_length:
        return None
    ratio = len(msgstr.strip()) / source_length
    return ratio if not band[0] <= ratio <= band[1] else None


# Letters only Vietnamese uses among Latin-script languages (not French/Portuguese é, à, ô).
_VIETNAMESE_LETTERS = frozenset("ăđơưảạấầẩẫậắằẳẵặẻẽẹếềểễệỉĩịỏọốồổỗộớờởỡợủũụứừửữựỳỷỹỵ")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
# Frequent English function words: a msgstr made of them is English without asking langdetect.
_ENGLISH_FUNCTION_WORDS = frozenset(
    _word_list(
        "the of and to in a is that for on with as was by at from it an be are this which or has "
        "have will not but its their his her they were been also more than into about after said "
        "who would can these all other new there up out such our we you"
    )
)


def _is_ordinary_word(word: str) -> bool:
    """Lowercase or ALL CAPS: not a capitalised name."""
    return word[0].islower() or (len(word) > 1 and word.isupper())


def vietnamese_word_share(text: str) -> tuple[int, float]:
    """Ordinary words carrying Vietnamese letters: (count, share of ordinary words).

    Ordinary = lowercase or ALL CAPS. Capitalised words are left out: English translations
    keep Vietnamese names with their diacritics (`Thừa Thiên Huế`), which says nothing about
    the rest of the sentence.
    """
    ordinary = [word.lower() for word in _LETTER_WORD.findall(text) if _is_ordinary_word(word)]
    if not ordinary:
        return 0, 0.0
    marked = sum(1 for word in ordinary if any(char in _VIETNAMESE_LETTERS for char in word))
    return marked, marked / len(ordinary)


def english_function_word_share(text: str) -> float:
    words = [word.lower() for word in _LETTER_WORD.findall(text)]
    if not words:
        return 0.0
    return sum(1 for word in words if word in _ENGLISH_FUNCTION_WORDS) / len(words)


MIN_LANGDETECT_WORDS = 6


def non_english_language(msgstr: str, detect: Callable[[str], str] | None = None) -> str | None:
    """The language code of a msgstr that is not English, or None when it is (or can't tell).

    Vietnamese is recognised by its letters in ordinary (lowercase) words; other languages by
    langdetect (through translate.langid), asked only for text of six or more lowercase words
    (capitalised ones are mostly names) that is not already plainly English by its function
    words, since it guesses wildly on short strings and on lists of names.
    """
    marked, share = vietnamese_word_share(msgstr)
    if marked >= 2 and share >= 0.2:
        return "vi"
    lowercase_words = [word for word in _LETTER_WORD.findall(msgstr) if word[0].islower()]
    if len(lowercase_words) < MIN_LANGDETECT_WORDS:
        return None
    if english_function_word_share(msgstr) >= 0.15:
        return None
    if detect is None:
        from translate.langid import detect_language

        detect = detect_language
    language = detect(msgstr)
    # A "vi" verdict that the word rule above did not confirm comes from names with diacritics.
    if language in ("en", "vi", NO_LANGUAGE):
        return None
    return language


def is_vietnamese_sentence(text: str, detect: Callable[[str], str] | None = None) -> bool:
    """Vietnamese by translate.langid, with at least one ordinary (lowercase) word.

    A msgid made only of capitalised words is a name (`Nguyễn Xuân Sơn`), which an English
    msgstr rightly copies; ALL-CAPS headings (`TIN MỚI`) are ordinary words.
    """
    if not any(_is_ordinary_word(word) for word in _LETTER_WORD.findall(text)):
        return False
    if detect is None:
        from translate.langid import detect_language

        detect = detect_language
    return detect(text) == "vi"


# ---------------------------------------------------------------------------------------------
# Findings


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    check: str
    message: str

    def as_text(self) -> str:
        return f"{self.path}:{self.line}: {self.check}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "check": self.check, "message": self.message}


def entry_findings(
    msgid: str, msgstr: str, detect: Callable[[str], str] | None = None
) -> list[tuple[str, str]]:
    """(check, message) pairs for one translated msgid/msgstr pair."""
    results: list[tuple[str, str]] = []
    if msgstr.strip() == msgid.strip():
        if is_vietnamese_sentence(msgid, detect):
            results.append(("untranslated", "msgstr is a copy of the Vietnamese msgid"))
        return results
    by_kind: dict[str, list[str]] = {}
    for placeable in missing_placeables(msgid, msgstr):
        by_kind.setdefault(placeable.kind, []).append(placeable.text)
    for kind, texts in by_kind.items():
        listed = ", ".join(f"'{text}'" for text in texts)
        results.append((kind, f"{listed} of the msgid missing from the msgstr"))
    language = non_english_language(msgstr, detect)
    if language is not None:
        results.append(("language", f"msgstr is not English (looks like '{language}')"))
    for problem in new_bracket_problems(msgid, msgstr):
        results.append(("brackets", f"msgstr: {problem} (balanced in the msgid)"))
    repeated = new_repetition(msgid, msgstr)
    if repeated is not None:
        results.append(("repetition", f"msgstr repeats '{repeated}' {MIN_REPEATS}+ times in a row"))
    ratio = length_ratio_outlier(msgid, msgstr)
    if ratio is not None:
        results.append(
            (
                "length",
                f"msgstr is {ratio:.2f}× the msgid's length (expected {MIN_RATIO}–{MAX_RATIO}×):"
                " text may be missing or repeated",
            )
        )
    return results


@dataclass(frozen=True)
class Threshold:
    """`--max-fuzzy 10` (entries) or `--max-fuzzy 5%` (of the catalogue's entries)."""

    value: float
    percent: bool

    def exceeded(self, count: int, total: int) -> bool:
        if self.percent:
            return total > 0 and 100.0 * count / total > self.value
        return count > self.value

    def __str__(self) -> str:
        return f"{self.value:g}%" if self.percent else f"{self.value:g}"


def parse_threshold(text: str, option: str = "threshold") -> Threshold:
    """`12` → 12 entries; `2.5%` → 2.5 per cent; UserError (exit 2) otherwise."""
    raw = text.strip()
    percent = raw.endswith("%")
    number = raw[:-1].strip() if percent else raw
    try:
        value = float(number)
    except ValueError:
        value = -1.0
    if value < 0 or (not percent and not value.is_integer()) or (percent and value > 100):
        raise UserError(f"{option} {text!r}: expected a count (e.g. 10) or a percentage (e.g. 5%)")
    return Threshold(value, percent)


@dataclass(frozen=True)
class CheckOptions:
    include_fuzzy: bool = False
    max_fuzzy: Threshold | None = None
    max_untranslated: Threshold | None = None
    use_msgfmt: bool = True


@dataclass(frozen=True)
class CatalogueSummary:
    path: str
    entries: int
    checked: int
    fuzzy: int
    untranslated: int


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[Finding, ...]
    catalogues: tuple[CatalogueSummary, ...]
    msgfmt: str | None  # path of the msgfmt that ran, or None
    msgfmt_skipped: str = ""  # why msgfmt did not run, for the summary

    def summary_line(self) -> str:
        checked = sum(item.checked for item in self.catalogues)
        fuzzy = sum(item.fuzzy for item in self.catalogues)
        untranslated = sum(item.untranslated for item in self.catalogues)
        count = len(self.findings)
        noun = "finding" if count == 1 else "findings"
        files = len(self.catalogues)
        catalogues = "catalogue" if files == 1 else "catalogues"
        head = f"{count} {noun}" if count else "no findings"
        tail = f"; {self.msgfmt_skipped}" if self.msgfmt_skipped else ""
        return (
            f"{head} in {files} {catalogues} ({checked} entries checked; "
            f"{fuzzy} fuzzy and {untranslated} untranslated not content-checked){tail}"
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "findings": [finding.as_dict() for finding in self.findings],
            "catalogues": [
                {
                    "path": item.path,
                    "entries": item.entries,
                    "checked": item.checked,
                    "fuzzy": item.fuzzy,
                    "untranslated": item.untranslated,
                }
                for item in self.catalogues
            ],
            "msgfmt": self.msgfmt,
            "summary": self.summary_line(),
        }


_MSGFMT_PROGRAM = re.compile(r"^(?:\S*/)?msgfmt: ")
_MSGFMT_TOTAL = re.compile(r"^(?:\S*/)?msgfmt: found \d+ fatal errors?$")
_MSGFMT_LOCATION = re.compile(r"(\d+):(?:\d+:)? ?(.*)$", re.DOTALL)


def parse_msgfmt_output(output: str, path: str) -> list[Finding]:
    """Findings from `msgfmt --check` stderr (`file:line: message`), continuations folded in."""
    findings: list[Finding] = []
    for raw in output.splitlines():
        line = raw.rstrip()
        if not line or _MSGFMT_TOTAL.match(line):
            continue
        if line[:1].isspace() and findings:
            # msgfmt indents the continuation of a long message under its first line.
            previous = findings[-1]
            joined = f"{previous.message}; {line.strip()}"
            findings[-1] = Finding(previous.path, previous.line, previous.check, joined)
            continue
        located = (
            _MSGFMT_LOCATION.match(line[len(path) + 1 :]) if line.startswith(path + ":") else None
        )
        if located is None:
            message = _MSGFMT_PROGRAM.sub("", line).removeprefix(path + ": ")
            findings.append(Finding(path, 1, "msgfmt", message))
            continue
        number, message = int(located.group(1)), located.group(2)
        if message.startswith("...") and findings:
            # `...this is the location of the first definition` belongs to the line before.
            previous = findings[-1]
            joined = f"{previous.message.rstrip('. ')} (see line {number}: {message.strip('. ')})"
            findings[-1] = Finding(previous.path, previous.line, previous.check, joined)
            continue
        findings.append(Finding(path, number, "msgfmt", message))
    return findings


def run_msgfmt(path: str, msgfmt: str) -> list[Finding]:
    """`msgfmt --check` on one catalogue, its warnings and errors as findings."""
    import os

    environment = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}
    try:
        completed = subprocess.run(
            [msgfmt, "--check", "-o", os.devnull, "--", path],
            capture_output=True,
            text=True,
            errors="replace",
            env=environment,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [Finding(path, 1, "msgfmt", f"could not run {msgfmt}: {exc}")]
    findings = parse_msgfmt_output(completed.stderr, path)
    if completed.returncode != 0 and not findings:
        findings.append(Finding(path, 1, "msgfmt", f"exited with status {completed.returncode}"))
    return findings


def check_catalogue(
    path: Path,
    options: CheckOptions,
    msgfmt: str | None,
    detect: Callable[[str], str] | None = None,
) -> tuple[list[Finding], CatalogueSummary]:
    """All findings for one catalogue file."""
    name = str(path)
    lines = read_lines(path)
    findings: list[Finding] = []
    if msgfmt is not None:
        findings += run_msgfmt(name, msgfmt)
    try:
        catalogue = load_catalogue(path)
    except UserError as exc:
        findings.append(parse_finding(name, exc.message))
        findings.sort(key=lambda finding: finding.line)
        return findings, CatalogueSummary(name, 0, 0, 0, 0)

    entries = live_entries(catalogue)
    line_of = msgid_lines(lines)
    states = [entry_state(entry) for entry in entries]
    fuzzy = states.count("fuzzy")
    untranslated = states.count("untranslated")
    checked = 0
    for entry, state in zip(entries, states, strict=True):
        if state == "untranslated" or entry.msgid_plural is not None:
            continue
        if state == "fuzzy" and not options.include_fuzzy:
            continue
        checked += 1
        line = line_of.get(entry.msgid, 1)
        for check, message in entry_findings(entry.msgid, entry.msgstr, detect):
            findings.append(Finding(name, line, check, message))

    total = len(entries)
    header_line = line_of.get("", 1)
    for label, count, threshold in (
        ("fuzzy", fuzzy, options.max_fuzzy),
        ("untranslated", untranslated, options.max_untranslated),
    ):
        if threshold is not None and threshold.exceeded(count, total):
            share = 100.0 * count / total if total else 0.0
            findings.append(
                Finding(
                    name,
                    header_line,
                    f"max-{label}",
                    f"{count} {label} entries ({share:.1f}% of {total}) exceed "
                    f"--max-{label} {threshold}",
                )
            )
    findings.sort(key=lambda finding: finding.line)
    included = fuzzy if options.include_fuzzy else 0
    summary = CatalogueSummary(name, total, checked, fuzzy - included, untranslated)
    return findings, summary


def parse_finding(path: str, message: str) -> Finding:
    """A `parse` finding from the reader's `path:line: problem` (or `path: problem`) error."""
    match = re.match(re.escape(path) + r":(?:(\d+):)? ?(.*)$", message, re.DOTALL)
    if match is None:
        return Finding(path, 1, "parse", message)
    return Finding(path, int(match.group(1) or 1), "parse", match.group(2))


def check_catalogues(
    paths: Iterable[str | Path],
    options: CheckOptions = CheckOptions(),
    detect: Callable[[str], str] | None = None,
) -> CheckReport:
    """Check every catalogue named or found under ``paths`` (UserError when there is none)."""
    catalogues = find_catalogues(paths)
    msgfmt = shutil.which("msgfmt") if options.use_msgfmt else None
    if not options.use_msgfmt:
        skipped = "msgfmt --check not run (--no-msgfmt)"
    elif msgfmt is None:
        skipped = "msgfmt --check not run (GNU gettext is not installed)"
    else:
        skipped = ""
    findings: list[Finding] = []
    summaries: list[CatalogueSummary] = []
    for path in catalogues:
        found, summary = check_catalogue(path, options, msgfmt, detect)
        findings += found
        summaries.append(summary)
    return CheckReport(tuple(findings), tuple(summaries), msgfmt, skipped)
