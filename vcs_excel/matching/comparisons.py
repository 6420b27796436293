"""The comparisons: for each field, the named levels at which two records can agree.

Each :class:`Comparison` lists its levels from the weakest agreement to the strongest,
each with a name, a line for people and the starting ``m`` (how often the same
person's two records show it) and ``u`` (how often two different people's do) that
the model learns from. Splink's comparison library is the model for this.

Code never tests a level by its number: it asks by name.

>>> v = Levels(pd.DataFrame({"dob": [3, 2, -1]}))
>>> v.dob.is_("same").tolist()
[True, False, False]
>>> v.dob.at_least("day_month_swapped").tolist()
[True, True, False]
>>> v.dob.missing.tolist()
[False, False, True]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

MISSING = -1  # a value is missing on one side: it says nothing either way


@dataclass(frozen=True)
class Level:
    name: str  # how code asks for it
    label: str  # how a person reads it
    m: float  # starting share of the same person's pairs at this level
    u: float  # starting share of two different people's pairs at this level
    h: float  # starting share of pairs of two people of one home at this level


@dataclass(frozen=True)
class Comparison:
    field: str
    description: str
    levels: tuple[Level, ...]  # weakest agreement first

    def code(self, name: str) -> int:
        """The code a level is stored as in a comparison vector."""
        for i, level in enumerate(self.levels):
            if level.name == name:
                return i
        raise KeyError(f"{self.field} has no level {name!r}: {', '.join(self.names)}")

    def name_of(self, code: int) -> str | None:
        """The name of the level stored as ``code`` (None for ``MISSING``)."""
        return None if code == MISSING else self.levels[code].name

    @property
    def names(self) -> list[str]:
        return [level.name for level in self.levels]

    @property
    def labels(self) -> list[str]:
        return [level.label for level in self.levels]

    @property
    def top(self) -> int:
        return len(self.levels) - 1

    def m_start(self) -> np.ndarray:
        return np.array([level.m for level in self.levels])

    def u_start(self) -> np.ndarray:
        return np.array([level.u for level in self.levels])

    def h_start(self) -> np.ndarray:
        return np.array([level.h for level in self.levels])


def _c(field: str, description: str, *levels: tuple[str, str, float, float, float]) -> Comparison:
    return Comparison(field, description, tuple(Level(*x) for x in levels))


COMPARISONS: dict[str, Comparison] = {
    c.field: c
    for c in (
        _c(
            "family", "surname",
            ("different", "different", 0.03, 0.975, 0.15),
            ("sounds_alike", "sounds alike", 0.02, 0.010, 0.01),
            ("close_spelling", "close spelling", 0.05, 0.005, 0.02),
            ("same", "same", 0.90, 0.010, 0.82),
        ),
        _c(
            "given", "first name",
            ("different", "different", 0.03, 0.955, 0.93),
            ("initial", "an initial that fits, or the same initial on both", 0.02, 0.010, 0.03),
            ("close_spelling", "close spelling, or the name spelt another way", 0.05, 0.005, 0.01),
            ("nickname", "known nickname", 0.10, 0.005, 0.005),
            ("same", "same", 0.80, 0.025, 0.025),
        ),
        _c(
            "dob", "date of birth",
            ("different", "different", 0.02, 0.9985, 0.98),
            ("one_keystroke", "one digit or year apart", 0.03, 0.0010, 0.003),
            ("day_month_swapped", "day and month swapped", 0.02, 0.0001, 0.0005),
            ("same", "same", 0.93, 0.0004, 0.0165),
        ),
        _c(
            "postcode", "postcode",
            ("different", "different", 0.10, 0.90, 0.02),
            ("same_district", "same district", 0.05, 0.08, 0.01),
            ("same_sector", "same sector", 0.05, 0.015, 0.02),
            ("same", "same", 0.80, 0.005, 0.95),
        ),
        _c(
            "house", "house number and flat",
            ("different", "different", 0.15, 0.92, 0.001),
            ("same", "same", 0.85, 0.08, 0.999),
        ),
        _c(
            "street", "street",
            ("different", "different", 0.10, 0.97, 0.02),
            ("close_spelling", "close spelling", 0.05, 0.005, 0.05),
            ("same", "same", 0.85, 0.025, 0.93),
        ),
        _c(
            "nhs", "NHS number",
            ("different", "different", 0.005, 0.9999, 0.9999),
            ("same", "same", 0.995, 0.0001, 0.0001),
        ),
        _c(
            "id", "record ID (only between lists that share a scheme)",
            ("different", "different", 0.1, 0.99985, 0.99985),
            ("typing_slip", "one typing slip apart", 0.05, 0.00005, 0.00005),
            ("same", "same", 0.85, 0.0001, 0.0001),
        ),
        _c(
            "phone", "phone numbers (any shared): a landline is the household's, a UK "
            "mobile the person's own",
            ("different", "different", 0.3, 0.998, 0.3),
            ("shared_landline", "shared landline or other number", 0.35, 0.0017, 0.69),
            ("shared_mobile", "shared mobile", 0.35, 0.0003, 0.01),
        ),
        _c(
            "email", "e-mail address",
            ("different", "different", 0.2, 0.9995, 0.99),
            ("same", "same", 0.8, 0.0005, 0.01),
        ),
        _c(
            "sex", "sex",
            ("different", "different", 0.02, 0.5, 0.5),
            ("same", "same", 0.98, 0.5, 0.5),
        ),
        _c(
            "age", "age (only where a date of birth is missing on one side)",
            ("different", "more than five years apart", 0.03, 0.89, 0.6),
            ("a_few_years", "two to five years apart (an age given years ago, or guessed)",
             0.07, 0.07, 0.25),
            ("same", "within a year", 0.90, 0.04, 0.15),
        ),
    )
}  # fmt: skip

FIELDS = list(COMPARISONS)
LEVELS: dict[str, list[str]] = {f: c.labels for f, c in COMPARISONS.items()}


def code(field: str, level: str) -> int:
    """``code("dob", "same")``: the stored code of a field's named level."""
    return COMPARISONS[field].code(level)


class FieldLevels:
    """One field's levels over many pairs, asked for by name."""

    def __init__(self, comparison: Comparison, codes: np.ndarray) -> None:
        self.comparison = comparison
        self.codes = codes

    def is_(self, *names: str) -> np.ndarray:
        """Pairs at any of the named levels."""
        out = np.zeros(len(self.codes), dtype=bool)
        for name in names:  # faster than np.isin over millions of pairs
            out |= self.codes == self.comparison.code(name)
        return out

    def at_least(self, name: str) -> np.ndarray:
        """Pairs at the named level or a stronger one (levels are weakest first)."""
        return self.codes >= self.comparison.code(name)

    def below(self, name: str) -> np.ndarray:
        """Pairs present on both sides, weaker than the named level."""
        return (self.codes != MISSING) & (self.codes < self.comparison.code(name))

    @property
    def missing(self) -> np.ndarray:
        return self.codes == MISSING

    @property
    def present(self) -> np.ndarray:
        return self.codes != MISSING

    def not_(self, *names: str) -> np.ndarray:
        """Pairs present on both sides at none of the named levels."""
        return self.present & ~self.is_(*names)


class Levels:
    """A frame of comparison vectors, field by field: ``Levels(pairs).dob.is_("same")``.
    A field the frame lacks reads as missing on every pair."""

    def __init__(self, vectors: pd.DataFrame) -> None:
        self._vectors = vectors
        self._n = len(vectors)

    def __getattr__(self, field: str) -> FieldLevels:
        if field.startswith("_") or field not in COMPARISONS:
            raise AttributeError(field)
        if field in self._vectors:
            codes = self._vectors[field].to_numpy()
        else:
            codes = np.full(self._n, MISSING, dtype=np.int8)
        return FieldLevels(COMPARISONS[field], codes)


def same_house_and_street(v: Levels) -> np.ndarray:
    """The same house number and street where a postcode is cut short, mistyped or
    missing ("LS135J")."""
    return (
        v.house.is_("same")
        & v.street.at_least("close_spelling")
        & ~v.postcode.is_("different", "same")
    )


def one_home(v: Levels) -> np.ndarray:
    """One home: the same house number and full postcode, or the same house number and
    street (:func:`same_house_and_street`). The same number in another street is another
    home."""
    return (v.postcode.is_("same") & v.house.is_("same")) | same_house_and_street(v)
