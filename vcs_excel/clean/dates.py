"""Dates as people type them in UK lists: day first, always.

Accepted: real Excel dates, Excel serial numbers, and text such as 25/12/1950,
25-12-50, 25.12.1950, 1950-12-25 and 19501225 (ISO 8601, also as a date and time
with a time zone: 2022-05-03T18:09:56Z), 25 Dec 1950, 25 December 1950 and
Dec 25 1950. A two-digit year is read so that a birth date is not in the
future (05/03/47 is 1947); where both centuries give a possible age (05/03/15:
aged 11 or 111) the date is read as the later one and marked ambiguous. Nothing
is ever read month first.

A year alone (2014), a year and month (2014-05, May 2014, 05/2014) or a month
alone (June) is a *partial* date: it is reported as such, not as "not a date".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february", "febr"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$")
# ISO 8601: a date, optionally with a time and a time zone (Z, +01:00, +0100).
_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_COMPACT_ISO = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Parts of a date: a year, a year and month, a month and year, a month alone.
_YEAR = re.compile(r"^(1[89]\d{2}|2[01]\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{4})$")
_NAMED_MONTH_YEAR = re.compile(r"^([a-z]+)\.?[\s\-/,]*(\d{4})$")
_DAY_MONTH_NAME = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*([a-z]+)\.?[\s\-/.,]*(\d{2}|\d{4})$"
)
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")
# The time of day after a date, as typed or in ISO 8601 (its zone is not kept).
_TIME_OF_DAY = re.compile(
    r"[t ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?$"
)


def time_of_day(text: str) -> dt.time | None:
    """The time of day written after a date ("23/03/2020 18:09:56"), or None (none, or
    midnight).

    >>> time_of_day("2022-05-03T18:09:56Z"), time_of_day("23/03/2020")
    (datetime.time(18, 9, 56), None)
    """
    m = _TIME_OF_DAY.search(text.strip().lower())
    if not m:
        return None
    try:
        t = dt.time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    except ValueError:
        return None
    return t if t != dt.time(0) else None


EXCEL_MAX_SERIAL = 2958465  # 31/12/9999


@dataclass(frozen=True)
class DateResult:
    date: dt.date | None
    problem: str | None = None  # date-invalid, date-partial, date-in-future, date-too-old
    source: str = ""  # "date", "serial" or "text"
    partial: str = ""  # what a partial date gives: "year", "month and year" or "month"
    ambiguous: bool = False  # a two-digit year of birth that fits both centuries
    time: dt.time | None = None  # the time of day given with the date (not midnight)

    @property
    def moment(self) -> dt.date | None:
        """The date, with its time of day where one was given."""
        if self.date is None or self.time is None:
            return self.date
        return dt.datetime.combine(self.date, self.time)

    @property
    def standard(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _year(yy: str, today: dt.date, birth: bool) -> int:
    if len(yy) == 4:
        return int(yy)
    century = 2000 if 2000 + int(yy) <= today.year + (0 if birth else 10) else 1900
    return century + int(yy)


def _both_centuries(yy: str, today: dt.date, max_age: int) -> bool:
    """A two-digit year of birth that gives a possible age in either century."""
    if len(yy) != 2:
        return False
    later, earlier = 2000 + int(yy), 1900 + int(yy)
    return later <= today.year and today.year - earlier <= max_age


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _plausible_year(year: int) -> bool:
    return 1800 <= year <= 2200


@functools.lru_cache(maxsize=100_000)
def _parse_text(text: str, today: dt.date, birth: bool) -> dt.date | bool | None:
    """A date, None (looks like a date but is impossible), or False (not a date)."""
    t = _TIME_SUFFIX.sub("", text.strip().lower())
    if m := _NUMERIC.match(t):
        return _make(_year(m.group(3), today, birth), int(m.group(2)), int(m.group(1)))
    if m := _ISO.match(t):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _COMPACT.match(t):
        # Eight digits: day first (25121950), or ISO 8601's basic form (19501225) where
        # day first cannot be a date of a plausible year.
        day_first = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if day_first and _plausible_year(day_first.year):
            return day_first
        if (iso := _COMPACT_ISO.match(t)) and _plausible_year(int(iso.group(1))):
            return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        return day_first
    if (m := _DAY_MONTH_NAME.match(t)) and m.group(2) in _MONTHS:
        return _make(_year(m.group(3), today, birth), _MONTHS[m.group(2)], int(m.group(1)))
    if (m := _MONTH_NAME_DAY.match(t)) and m.group(1) in _MONTHS:
        return _make(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    return False


@functools.lru_cache(maxsize=10_000)
def partial_date(text: str) -> str:
    """What part of a date ``text`` gives, when it is only part of one: "year",
    "month and year" or "month" (empty when it is not a part of a date)."""
    t = text.strip().lower()
    if _YEAR.match(t):
        return "year"
    for pattern, month, year in ((_YEAR_MONTH, 2, 1), (_MONTH_YEAR, 1, 2)):
        if (m := pattern.match(t)) and 1 <= int(m.group(month)) <= 12:
            return "month and year" if _plausible_year(int(m.group(year))) else ""
    if (m := _NAMED_MONTH_YEAR.match(t)) and m.group(1) in _MONTHS:
        return "month and year"
    if t.rstrip(".") in _MONTHS:
        return "month"
    return ""


def parse_date(
    value: object, *, birth: bool = False, today: dt.date | None = None, max_age: int = 120
) -> DateResult:
    """Read a date; say what is wrong with it (impossible, in the future, too old).

    >>> parse_date("05/03/47", birth=True, today=dt.date(2026, 11, 20)).date
    datetime.date(1947, 3, 5)
    >>> parse_date("31/02/1950").problem
    'date-invalid'
    """
    today = today or dt.date.today()
    source = "text"
    time: dt.time | None = None
    if isinstance(value, dt.datetime):
        day: dt.date | bool | None = value.date()
        source = "date"
        time = value.time() if value.time() != dt.time(0) else None
    elif isinstance(value, dt.date):
        day, source = value, "date"
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and _plausible_year(int(value)):
            # 2014 in a date column is a year, not the serial number of a day in 1905.
            return DateResult(None, "date-partial", "serial", partial="year")
        if 1 <= value <= EXCEL_MAX_SERIAL:
            from ..workbook.values import excel_serial_to_datetime

            day, source = excel_serial_to_datetime(float(value)).date(), "serial"
        else:
            day = False
    elif isinstance(value, str) and value.strip():
        day = _parse_text(value, today, birth)
        time = time_of_day(value) if day else None
    else:
        day = False
    if day is False and isinstance(value, str) and (part := partial_date(value)):
        return DateResult(None, "date-partial", source, partial=part)
    if day is False or day is None:
        return DateResult(None, "date-invalid", source)
    assert isinstance(day, dt.date)
    if day > today:
        return DateResult(day, "date-in-future", source)
    if birth and (today.year - day.year) > max_age:
        return DateResult(day, "date-too-old", source)
    ambiguous = False
    if birth and source == "text" and (m := _NUMERIC.match(value.strip().lower())):
        ambiguous = _both_centuries(m.group(3), today, max_age)
    return DateResult(day, None, source, ambiguous=ambiguous, time=time)
