"""Dates as people type them in UK lists: day first, always.

Accepted: real Excel dates, Excel serial numbers, and text such as 25/12/1950,
25-12-50, 25.12.1950, 1950-12-25 (ISO), 25 Dec 1950, 25 December 1950 and
Dec 25 1950. A two-digit year is read so that a birth date is not in the
future (05/03/47 is 1947). Nothing is ever read month first.
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
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_DAY_MONTH_NAME = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*([a-z]+)\.?[\s\-/.,]*(\d{2}|\d{4})$"
)
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")
EXCEL_MAX_SERIAL = 2958465  # 31/12/9999


@dataclass(frozen=True)
class DateResult:
    date: dt.date | None
    problem: str | None = None  # date-invalid, date-in-future, date-too-old
    source: str = ""  # "date", "serial" or "text"

    @property
    def standard(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _year(yy: str, today: dt.date, birth: bool) -> int:
    if len(yy) == 4:
        return int(yy)
    century = 2000 if 2000 + int(yy) <= today.year + (0 if birth else 10) else 1900
    return century + int(yy)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@functools.lru_cache(maxsize=100_000)
def _parse_text(text: str, today: dt.date, birth: bool) -> dt.date | bool | None:
    """A date, None (looks like a date but is impossible), or False (not a date)."""
    t = _TIME_SUFFIX.sub("", text.strip().lower())
    if m := _NUMERIC.match(t):
        return _make(_year(m.group(3), today, birth), int(m.group(2)), int(m.group(1)))
    if m := _ISO.match(t):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _COMPACT.match(t):
        return _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if (m := _DAY_MONTH_NAME.match(t)) and m.group(2) in _MONTHS:
        return _make(_year(m.group(3), today, birth), _MONTHS[m.group(2)], int(m.group(1)))
    if (m := _MONTH_NAME_DAY.match(t)) and m.group(1) in _MONTHS:
        return _make(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    return False


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
    if isinstance(value, dt.datetime):
        day: dt.date | bool | None = value.date()
        source = "date"
    elif isinstance(value, dt.date):
        day, source = value, "date"
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value <= EXCEL_MAX_SERIAL:
            from ..workbook.values import excel_serial_to_datetime

            day, source = excel_serial_to_datetime(float(value)).date(), "serial"
        else:
            day = False
    elif isinstance(value, str) and value.strip():
        day = _parse_text(value, today, birth)
    else:
        day = False
    if day is False or day is None:
        return DateResult(None, "date-invalid", source)
    assert isinstance(day, dt.date)
    if day > today:
        return DateResult(day, "date-in-future", source)
    if birth and (today.year - day.year) > max_age:
        return DateResult(day, "date-too-old", source)
    return DateResult(day, None, source)
