"""A vectorised first pass: which distinct values of a column are certainly fine.

The per-value checks in :mod:`.engine` are the definition of what is wrong;
this pass only spares them the values that are plainly right (most of any real
list), using array operations. It may leave a fine value for the slow path,
but never passes a value the slow path would flag (a property test checks it).
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from ..clean.emails import _SIMPLE, EXAMPLE_DOMAINS
from ..clean.phones import DRAMA_RANGES, uk_number_valid
from ..standard.dictionary import CodeList, TagEntry

# No whitespace but single spaces between words, and no formula-like first character.
# (\Z, not $: in Python $ also matches before a final line break.)
_TIDY = r"^[^\s=+\-@](?:[^\s]| (?=[^\s]))*\Z"
_POSTCODE_STANDARD = re.compile(
    r"^(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKSTUW]|"
    r"[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y]) [0-9][ABD-HJLNP-UW-Z]{2}\Z"
)
_NHS = r"^[0-9]{3} ?[0-9]{3} ?[0-9]{4}\Z"
_DUMMIES = {str(d) * 10 for d in range(10)} | {"0123456789", "1234567890", "9876543210"}
_DATE_STANDARD = r"^[0-9]{2}/[0-9]{2}/[0-9]{4}\Z"


def _tidy(text: pd.Series) -> np.ndarray:
    return text.str.match(_TIDY).to_numpy(bool)


def fine_values(
    values: np.ndarray, entry: TagEntry, codes: CodeList | None, today: dt.date, test_data: bool,
    max_age: int = 120, value_range: tuple[int, int | None] | None = None,
) -> np.ndarray:  # fmt: skip
    """A boolean mask over ``values`` (distinct cell values): True where certainly fine."""
    fine = np.zeros(len(values), dtype=bool)
    if not len(values):
        return fine
    is_str = np.fromiter((type(v) is str for v in values), bool, len(values))
    text = pd.Series(values[is_str], dtype=object).astype(str)
    kind = entry.datatype
    ok = np.zeros(len(text), dtype=bool)
    if len(text):
        tidy = _tidy(text)
        if kind in ("text", "name", "address", "id"):
            ok = tidy
        elif kind == "postcode":
            ok = tidy & text.str.match(_POSTCODE_STANDARD).to_numpy(bool)
        elif kind == "email":
            parts = text.str.split("@", n=1, expand=True)
            simple = text.str.match(_SIMPLE).to_numpy(bool)
            if parts.shape[1] == 2:
                local_ok = (parts[0].str.len() <= 64).to_numpy(bool)
                domain = parts[1].fillna("")
                lower = (domain == domain.str.lower()).to_numpy(bool)
                example = np.zeros(len(text), dtype=bool)
                if not test_data:
                    for d in EXAMPLE_DOMAINS:
                        example |= ((domain == d) | domain.str.endswith("." + d)).to_numpy(bool)
                ok = tidy & simple & local_ok & lower & ~example
        elif kind == "nhs_number":
            ok = _nhs_fine(text, test_data)
        elif kind == "phone":
            ok = _phone_fine(text, test_data)
        elif kind == "date":
            standard = text.str.match(_DATE_STANDARD).to_numpy(bool)
            parsed = pd.to_datetime(text.where(standard), format="%d/%m/%Y", errors="coerce")
            ok = standard & _date_in_range(parsed, entry, today, max_age)
        elif kind in ("code", "yes_no") and codes is not None and not entry.multiple:
            ok = tidy & text.isin(set(codes.labels)).to_numpy(bool)
        elif kind == "integer" and value_range is not None:
            digits = text.str.fullmatch(r"[0-9]{1,9}").to_numpy(bool)
            numbers = pd.to_numeric(text.where(digits), errors="coerce")
            ok = digits & _in_range(numbers.to_numpy(float), value_range)
        elif kind == "uprn":
            ok = text.str.fullmatch(r"[0-9]{1,12}").to_numpy(bool)
    fine[is_str] = ok
    others = ~is_str
    if others.any():
        rest = values[others]
        if kind == "date":
            stamps = pd.to_datetime(
                pd.Series([v if isinstance(v, dt.date) else None for v in rest], dtype=object),
                errors="coerce",
            )
            fine[others] = _date_in_range(stamps, entry, today, max_age)
        elif kind == "integer" and value_range is not None:
            ints = np.array([float(v) if type(v) is int else np.nan for v in rest], dtype=float)
            fine[others] = _in_range(ints, value_range)
    return fine


def _in_range(numbers: np.ndarray, value_range: tuple[int, int | None]) -> np.ndarray:
    low, high = value_range
    ok = ~np.isnan(numbers) & (numbers >= low)
    if high is not None:
        ok &= numbers <= high
    return ok


def _date_in_range(
    stamps: pd.Series | pd.DatetimeIndex, entry: TagEntry, today: dt.date, max_age: int
) -> np.ndarray:
    stamps = pd.Series(stamps)
    ok = stamps.notna() & (stamps <= pd.Timestamp(today))
    if entry.key == "#date+birth":
        ok &= stamps.dt.year >= today.year - max_age
    return ok.to_numpy(bool)


def _nhs_fine(text: pd.Series, test_data: bool) -> np.ndarray:
    shaped = text.str.match(_NHS).to_numpy(bool)
    ok = np.zeros(len(text), dtype=bool)
    if not shaped.any():
        return ok
    digits = text[shaped].str.replace(" ", "", regex=False)
    arr = np.frombuffer("".join(digits).encode("ascii"), dtype=np.uint8).reshape(-1, 10) - 48
    check = 11 - (arr[:, :9].astype(int) * np.arange(10, 1, -1)).sum(axis=1) % 11
    check[check == 11] = 0
    good = (check == arr[:, 9]) & ~digits.isin(_DUMMIES).to_numpy(bool)
    if not test_data:
        good &= ~digits.str.startswith("999").to_numpy(bool)
    ok[shaped] = good
    return ok


_PHONE_STRIP = r"[\s\-().]"
_UK = r"^(?:\+44|0044|0)([1-9][0-9]{8,9})$"
_DRAMA_PREFIXES = tuple(prefix for prefix, _, _ in DRAMA_RANGES)


def _phone_fine(text: pd.Series, test_data: bool) -> np.ndarray:
    tidy = ~text.str.startswith(("=", "-", "@")).to_numpy(bool)
    tidy &= (text == text.str.strip()).to_numpy(bool)
    compact = text.str.replace(_PHONE_STRIP, "", regex=True)
    national = compact.str.extract(_UK, expand=False)
    has = national.notna().to_numpy(bool)
    ok = np.zeros(len(text), dtype=bool)
    if not has.any():
        return ok
    nat = national[has]
    keys = pd.Series(list(zip(nat.str[:7], nat.str.len(), strict=True)), index=nat.index)
    verdict = {k: uk_number_valid(k[0] + "0" * (k[1] - 7))[0] for k in set(keys)}
    valid = keys.map(verdict).to_numpy(bool)
    drama = np.zeros(len(nat), dtype=bool)
    for prefix in _DRAMA_PREFIXES:
        drama |= (nat.str.startswith(prefix) & (nat.str.len() == len(prefix) + 3)).to_numpy(bool)
    ok[has] = np.where(drama, test_data, valid)
    return ok & tidy
