"""The groups people are counted by, read from tagged lists.

Each dimension turns one row into a group label: the postcode district (or ward,
from a lookup table), an age band, sex, ethnic group (the ONS 2021 high-level
groups), language, preferred contact method, accessible format, need, or the
list the person is on. Values are worked out once per distinct cell value, so a
million rows take seconds. A row without the value counts as "Not known".

The digital-divide flags say, per row, whether there is no e-mail address, no
mobile number, or only a phone call or a letter to reach the person by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..checks.engine import plan_columns
from ..clean.columns import first_present, per_value
from ..clean.datatypes import Context, age_on, datatype
from ..clean.postcodes import find_postcode
from ..standard.dictionary import load_dictionary
from ..standard.hashtags import parse_hashtag
from ..workbook import Table

NOT_KNOWN = "Not known"
OTHER = "Other"
AGE_BANDS = [(0, 15), (16, 24), (25, 34), (35, 49), (50, 64), (65, 74), (75, 84), (85, None)]


def band_label(low: int, high: int | None) -> str:
    return f"{low}+" if high is None else f"{low}-{high}"


BAND_LABELS = [band_label(lo, hi) for lo, hi in AGE_BANDS]


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str
    tags: tuple[str, ...]  # tags it reads, first found wins
    order: tuple[str, ...] = ()  # a fixed order of groups (else largest first)
    coded: bool = True  # groups come from a fixed list, never from free text


DIMENSIONS: dict[str, Dimension] = {
    d.name: d
    for d in (
        Dimension(
            "area",
            "Area",
            ("#contact+address+postcode", "#contact+address", "#contact+address+line1"),
            coded=False,
        ),
        Dimension("age_band", "Age band", ("#date+birth", "#person+age"), tuple(BAND_LABELS)),
        Dimension("sex", "Sex", ("#person+sex", "#person+gender")),
        Dimension("ethnicity", "Ethnic group", ("#person+ethnicity",)),
        Dimension("language", "Language", ("#person+language",), coded=False),
        Dimension("contact", "Preferred contact", ("#contact+preferred",)),
        Dimension("format", "Accessible format", ("#person+format",)),
        Dimension("need", "Need", ("#person+vulnerable",), coded=False),
        Dimension("list", "List", ()),
    )
}
ALIASES = {"ward": "area", "district": "area", "age": "age_band", "ethnic_group": "ethnicity"}


def dimension(name: str) -> Dimension:
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in DIMENSIONS:
        from ..errors import BadInputError

        raise BadInputError(
            f"There is no dimension called {name!r}: choose from {', '.join(DIMENSIONS)}."
        )
    return DIMENSIONS[key]


def tag_key(tag: str) -> str:
    return parse_hashtag(tag).key


def _columns(table: Table) -> dict[str, list[str]]:
    """Column names by the tag key of their dictionary entry."""
    plans, _, _ = plan_columns(table)
    found: dict[str, list[str]] = {}
    for plan in plans:
        if plan.entry is not None:
            found.setdefault(tag_key(plan.entry.tag), []).append(plan.column.name)
    return found


_TODAY = Context(dt.date.today())


def _postcode(value: Any) -> str | None:
    """The postcode in a cell: the whole cell, or the one inside an address."""
    return datatype("postcode").parse(value, _TODAY) or find_postcode(str(value))


def _district(value: Any) -> str | None:
    code = _postcode(value)
    return code.split()[0] if code else None


def _age(value: Any) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None if value != value or value < 0 or value > 130 else int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _age_from_birth(value: Any, today: dt.date) -> int | None:
    born = datatype("date").parse(value, Context(today, birth=True))
    return age_on(born, today) if born else None


def _band(age: Any) -> str | None:
    if age is None:
        return None
    for lo, hi in AGE_BANDS:
        if age >= lo and (hi is None or age <= hi):
            return band_label(lo, hi)
    return None


class Rows:
    """The rows of one tagged list, ready to count."""

    def __init__(self, table: Table, wards: dict[str, str] | None = None) -> None:
        self.table = table
        self.frame = table.frame
        self.n = len(self.frame)
        self.cols = _columns(table)
        self.wards = wards
        self.today = dt.date.today()

    def _cols(self, tag: str) -> list[str]:
        return self.cols.get(tag_key(tag), [])

    def values(self, dim: Dimension) -> np.ndarray:
        """The group of every row for ``dim`` (None where not known)."""
        if dim.name == "list":
            return np.full(self.n, self.table.sheet, dtype=object)
        if dim.name == "area":
            return self._area()
        if dim.name == "age_band":
            ages = [per_value(self.frame[c], lambda v: _age_from_birth(v, self.today))
                    for c in self._cols("#date+birth")]  # fmt: skip
            ages += [per_value(self.frame[c], _age) for c in self._cols("#person+age")]
            age = first_present(ages, self.n)
            codes, uniques = pd.factorize(age, use_na_sentinel=True)
            bands = np.array([_band(a) for a in uniques] + [None], dtype=object)
            return bands[np.where(codes < 0, len(uniques), codes)]
        dictionary = load_dictionary()
        found = []
        for tag in dim.tags:
            entry = dictionary.lookup(tag)
            codelist = dictionary.codelist_for(entry) if entry else None
            for c in self._cols(tag):
                if codelist is not None:

                    def group(v: Any, cl: Any = codelist, grouped: bool = dim.coded) -> Any:
                        label = cl.canonical(str(v))
                        if label is None:
                            return None
                        return (cl.group_of(label) or label) if grouped else label

                    found.append(per_value(self.frame[c], group))
                else:
                    found.append(per_value(self.frame[c], lambda v: " ".join(str(v).split())))
        return first_present(found, self.n)

    def _area(self) -> np.ndarray:
        tags = DIMENSIONS["area"].tags
        if self.wards is not None:
            wards = self.wards

            def ward(v: Any) -> str | None:
                code = _postcode(v)
                return wards.get(code) if code else None

            fn: Callable[[Any], Any] = ward
        else:
            fn = _district
        return first_present(
            [per_value(self.frame[c], fn) for t in tags for c in self._cols(t)], self.n
        )

    def digital(self) -> dict[str, np.ndarray]:
        """Per row: no e-mail, no mobile, and phone-call-or-letter only."""
        from ..checks.fast import uk_mobiles, valid_emails

        def per_distinct(column: pd.Series, test: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
            codes, uniques = pd.factorize(column.to_numpy(object), use_na_sentinel=True)
            blank = np.array([isinstance(v, str) and not v.strip() for v in uniques], dtype=bool)
            ok = np.append(test(np.asarray(uniques, dtype=object)) & ~blank, False)
            return ok[np.where(codes < 0, len(uniques), codes)]

        has_email = np.zeros(self.n, dtype=bool)
        for c in self._cols("#contact+email"):
            has_email |= per_distinct(self.frame[c], valid_emails)
        has_mobile = np.zeros(self.n, dtype=bool)
        for t in ("#contact+phone", "#contact+mobile+phone"):
            for c in self._cols(t):
                has_mobile |= per_distinct(self.frame[c], uk_mobiles)
        preferred = self.values(DIMENSIONS["contact"])
        old_ways = np.isin(preferred.astype(str), ["Phone", "Letter"])
        return {
            "no_email": ~has_email,
            "no_mobile": ~has_mobile,
            "phone_or_letter": (~has_email & ~has_mobile) | old_ways,
        }
