"""Placeables: what a Vietnamese msgid holds that its English msgstr must keep.

How a number, date or time may be read and written is ``translate.qa.readings``'s job.

Numbers, dates, times, percentages, URLs and e-mail addresses are read from the msgid and
normalised; the msgstr is searched for the same values in the forms English writes them:
`900.000` may become `900,000` or `900000`, `3,5%` becomes `3.5%`, `12/11/2023` may become
`November 12, 2023`, `7h30` becomes `7:30`, `tháng 11` may become `November`, `5 triệu` may
become `5,000,000`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from translate.qa.readings import (
    ENGLISH_SCALES,
    MONTHS,
    VIETNAMESE_SCALES,
    WEEKDAYS,
    DateValue,
    TimeValue,
    canonical_number,
    english_number_values,
    english_number_words,
    english_numeric_dates,
    english_time_readings,
    same_year,
    scaled_values,
    valid_day_month,
    vietnamese_date,
    vietnamese_number_values,
    vietnamese_time,
)

# ---------------------------------------------------------------------------------------------
# Placeables: what a msgid holds that its msgstr must keep

_WORD = re.compile(r"[A-Za-z]+")

# Only from the start of a run of address characters (as protect._EMAIL): tried from each
# character of a long word without `@`, the search was quadratic.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
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
# A percentage starts where a number does, never after a digit and its separator: every start
# inside a run like `1.2.3.4…` reaches the same end, so trying each again made a long run of
# them quadratic (a 1 MB msgid took minutes in `check`).
_NUMBER_START = r"(?<!\d)(?<!\d[.,])"
_VI_PERCENT = re.compile(rf"{_NUMBER_START}({_NUMBER})\s*(?:%|phần trăm)", re.IGNORECASE)
_VI_MONTH = re.compile(r"\btháng\s+(\d{1,2})(?!\d|[/.,]\d)", re.IGNORECASE)
_VI_WEEKDAY = re.compile(r"\bthứ\s+([2-7])(?!\d|[/.,]\d)", re.IGNORECASE)
_VI_NUMBER = re.compile(rf"(?<!\d)({_NUMBER})(?:\s*({'|'.join(VIETNAMESE_SCALES)})\b)?")
_EN_TIME = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|o'clock|)(?![\w:])",
    re.IGNORECASE,
)
_EN_PERCENT = re.compile(
    rf"{_NUMBER_START}({_NUMBER})\s*(?:%|-?\s?per\s?cent\b|\s?pc\b|percentage points?\b)",
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
    # The placeable texts found in ``text``, when searched for all at once (see
    # missing_placeables); None: search ``text`` for each.
    literals: frozenset[str] | None = None

    def holds(self, literal: str) -> bool:
        """Whether the msgstr holds ``literal`` as it is."""
        return literal in self.text if self.literals is None else literal in self.literals


def _address(kind: str) -> Reader:
    return lambda m: (m.start(), Placeable(kind, _strip_address(m.group())))


def _iso_date(m: re.Match[str]) -> Found | None:
    date = vietnamese_date(m.group(3), m.group(2), m.group(1))
    return (m.start(), Placeable("date", m.group(), date=date)) if date is not None else None


def _dated(day: int | None, month: int, year: int | None) -> Reader:
    """A d/m/y-style match read as a date, or as its numbers when it is no date (`25/40`)."""

    def read(m: re.Match[str]) -> Found:
        date = vietnamese_date(
            m.group(day) if day else None, m.group(month), m.group(year) if year else None
        )
        return (m.start(), _date_or_numbers(m.group(), date))

    return read


def _percent(m: re.Match[str]) -> Found:
    values = vietnamese_number_values(m.group(1))
    return (m.start(), Placeable("percent", m.group().strip(), values=values))


def _time(m: re.Match[str]) -> Found:
    time = vietnamese_time(m.group(1), m.group(2) or m.group(3))
    if time is None:
        return (m.start(), _number(m.group(1)))
    return (m.start(), Placeable("time", m.group(), time=time))


def _month(m: re.Match[str]) -> Found:
    month = int(m.group(1))
    placeable = _number(m.group(1))
    if 1 <= month <= 12:
        placeable = Placeable("number", m.group(1), values=placeable.values, month=month)
    return (m.start(1), placeable)


def _weekday(m: re.Match[str]) -> Found:
    number = _number(m.group(1))
    return (m.start(1), Placeable("number", m.group(1), number.values, weekday=int(m.group(1))))


def _plain_number(m: re.Match[str]) -> Found:
    values = vietnamese_number_values(m.group(1))
    if m.group(2):
        values |= scaled_values(values, VIETNAMESE_SCALES[m.group(2).lower()])
    return (m.start(), Placeable("number", m.group(1), values=values))


Found = tuple[int, "Placeable"]  # offset in the msgid, placeable
Reader = Callable[[re.Match[str]], Found | None]

# In order: each pattern's matches are blanked before the next one reads the text, so `12/11`
# of a date is not read again as two numbers. Addresses come first; the rest need a digit.
_ADDRESS_READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (_EMAIL, lambda m: (m.start(), Placeable("email", m.group()))),
    (_URL, _address("url")),
    (_DOMAIN, _address("url")),
)
_NUMERIC_READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (_DATE_ISO, _iso_date),
    (_DATE_DMY, _dated(1, 3, 4)),
    (_DATE_MY, _dated(0, 1, 2)),
    (_DATE_DM, _dated(1, 2, 0)),
    (_VI_PERCENT, _percent),
    (_VI_TIME, _time),
    (_VI_MONTH, _month),
    (_VI_WEEKDAY, _weekday),
    (_VI_NUMBER, _plain_number),
)


def source_placeables(msgid: str) -> list[Placeable]:
    """Numbers, dates, times, percentages, URLs and e-mail addresses of a Vietnamese msgid."""
    found: list[Found] = []
    text = msgid
    readers = _ADDRESS_READERS
    if _DIGIT.search(msgid) is not None:  # most sentences have no digit
        readers += _NUMERIC_READERS
    for pattern, reader in readers:
        text, matches = _blank(text, pattern)
        found.extend(item for item in map(reader, matches) if item is not None)
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
        if valid_day_month(int(m.group(3)), int(m.group(2))):
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
        return wanted in target.addresses or target.holds(placeable.text)
    if target.holds(placeable.text):
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
    """Placeables of the msgid that the msgstr does not keep, in msgid order (markup
    placeholders are set aside on both sides: the `markup` check looks at them)."""
    if "<" in msgid or "<" in msgstr:
        # (their digits are no numbers of the text; loaded only for texts that may hold one)
        from translate.formats.placeholders import PLACEHOLDER

        msgid = PLACEHOLDER.sub(" ", msgid)
        msgstr = PLACEHOLDER.sub(" ", msgstr)
    placeables = source_placeables(msgid)
    if not placeables:
        return []
    target = target_facts(msgstr)
    if len(placeables) > _MANY_PLACEABLES:
        target = replace(target, literals=_literals_in(placeables, msgstr))
    return [placeable for placeable in placeables if not placeable_kept(placeable, target)]


# Searching the msgstr for each placeable costs placeables × length, which a hostile msgid
# of a megabyte of `1% 2% 3% …` made hours; past this many, one automaton pass finds them all.
_MANY_PLACEABLES = 64


def _literals_in(placeables: list[Placeable], msgstr: str) -> frozenset[str]:
    import ahocorasick_rs  # only for such msgids: most checks never need it

    texts = list({placeable.text for placeable in placeables})
    automaton = ahocorasick_rs.AhoCorasick(texts)
    return frozenset(automaton.find_matches_as_strings(msgstr, overlapping=True))
