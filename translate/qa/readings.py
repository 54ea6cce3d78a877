"""Readings of numbers, dates and times: the values a Vietnamese token stands for, and the
forms English writes them in (`900.000` is 900000, `3,5` is 3.5, `12/11/2023` is 12 November,
`7h30` is 7:30, `5 triệu` is 5,000,000). Pure functions; ``translate.qa.placeables`` uses them
to tell whether a msgstr kept what its msgid holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

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


def valid_day_month(day: int, month: int) -> bool:
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
    if valid_day_month(first, second):
        readings.add(DateValue(first, second, year))
    if valid_day_month(second, first):
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
