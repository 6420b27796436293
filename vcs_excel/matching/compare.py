"""Compare: for each candidate pair, how each field agrees, as a level.

Levels are small integers, highest for the strongest agreement; -1 means a
value is missing on one side (it says nothing either way). The names of the
levels are in :data:`LEVELS`, so a review line can say why a pair was found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd
from rapidfuzz.distance import OSA, JaroWinkler
from rapidfuzz.process import cpdist

from .prepare import is_known_name, name_forms, nickname_related

LEVELS: dict[str, list[str]] = {
    "family": ["different", "sounds alike", "close spelling", "same"],
    "given": ["different", "initial", "close spelling", "known nickname", "same"],
    "dob": ["different", "one digit or year apart", "day and month swapped", "same"],
    "postcode": ["different", "same district", "same sector", "same"],
    "house": ["different", "same"],
    "nhs": ["different", "same"],
    "phone": ["different", "shared"],
    "email": ["different", "same"],
    "sex": ["different", "same"],
    "age": ["different", "same"],
}
MISSING = -1


def _codes(values: pd.Series | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes for the values (-1 for missing or empty) and the distinct values."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object).fillna("").to_numpy(object))
    uniques = np.asarray(uniques, dtype=object)
    blank = np.flatnonzero(uniques == "")
    if len(blank):
        codes = np.where(codes == blank[0], -1, codes)
    return codes.astype(np.int64), uniques


def _per_distinct_pair(
    ca: np.ndarray, cb: np.ndarray, values: np.ndarray, level_of: Callable[..., np.ndarray]
) -> np.ndarray:
    """``level_of(left, right)`` (arrays of values) for each pair of different, present
    codes, worked out once per distinct pair of values; -1 elsewhere."""
    out = np.full(len(ca), MISSING, dtype=np.int8)
    todo = (ca >= 0) & (cb >= 0) & (ca != cb)
    if not todo.any():
        return out
    key = ca[todo] * len(values) + cb[todo]
    distinct, inverse = np.unique(key, return_inverse=True)
    levels = level_of(values[distinct // len(values)], values[distinct % len(values)])
    out[todo] = np.asarray(levels, dtype=np.int8)[inverse]
    return out


def _jw(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return cpdist(list(a), list(b), scorer=JaroWinkler.normalized_similarity)


def _family_levels(sounds: dict[str, str]) -> Callable[..., np.ndarray]:
    def level_of(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        same_sound = np.array([sounds[p] == sounds[q] for p, q in zip(x, y, strict=True)])
        return np.where(_jw(x, y) >= 0.92, 2, np.where(same_sound, 1, 0))

    return level_of


def _typo(p: str, q: str) -> bool:
    """One letter wrong, missing, added or two swapped ("Pter", "Mzrk", "Jmaes") in names
    of four letters or more, or spelt alike (Jaro-Winkler 0.9) in names of three or more."""
    if min(len(p), len(q)) < 3:
        return False
    # Three-letter names are one letter from many others (Pal, Pat, Sal): spelling only.
    one_letter = min(len(p), len(q)) >= 4 and OSA.distance(p, q) <= 1
    return one_letter or JaroWinkler.normalized_similarity(p, q) >= 0.9


def _given_levels(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Levels of two different first names (keys): a known nickname, a close spelling
    or an initial."""
    out = np.zeros(len(x), dtype=np.int8)
    for i, (p, q) in enumerate(zip(x, y, strict=True)):
        if nickname_related(p, q):
            out[i] = 3
            continue
        # Two real names spelt alike (Christine, Christopher; Mark, Mary) are different
        # names, not a typo; a misspelt nickname ("Berrt" for Bert, so Albert) is a close
        # spelling.
        if not (is_known_name(p) and is_known_name(q)) and (
            _typo(p, q)
            or any(
                _typo(name, form)
                for name, forms in ((p, name_forms(q) - {q}), (q, name_forms(p) - {p}))
                for form in forms
            )
        ):
            out[i] = 2
        elif (len(p) == 1 or len(q) == 1) and p[:1] == q[:1]:
            out[i] = 1
    return out


def _equal(ca: np.ndarray, cb: np.ndarray) -> np.ndarray:
    return np.where((ca < 0) | (cb < 0), MISSING, ca == cb).astype(np.int8)


class _Coded:
    """The records' fields as integer codes and numbers, for comparing many pairs at once."""

    def __init__(self, records: pd.DataFrame) -> None:
        n = len(records)
        names = np.concatenate([
            records["given_key"].to_numpy(object), records["family_key"].to_numpy(object)
        ])  # fmt: skip
        codes, self.names = _codes(names)
        self.given, self.family = codes[:n], codes[n:]
        self.family_sound = dict(zip(records["family_key"], records["family_sound"], strict=True))
        self.suffix = _codes(records["suffix"])[0]
        for f in ("postcode", "sector", "district", "nhs", "email", "sex"):
            setattr(self, f, _codes(records[f])[0])
        house = records["house"].fillna("")
        self.house = _codes(records["flat"].fillna("") + "/" + house)[0]
        self.house[house.to_numpy() == ""] = -1
        dob = records["dob"].to_numpy(object)
        self.year = np.array([d.year if isinstance(d, dt.date) else 0 for d in dob], dtype=np.int32)
        self.month = np.array(
            [d.month if isinstance(d, dt.date) else 0 for d in dob], dtype=np.int32
        )
        self.day = np.array([d.day if isinstance(d, dt.date) else 0 for d in dob], dtype=np.int32)
        self.age = pd.to_numeric(records["age"], errors="coerce").to_numpy(np.float64)
        phones = records["phones"].to_numpy(object)
        width = max((len(p) for p in phones if p), default=0)
        flat = [p[i] if p and i < len(p) else "" for i in range(width) for p in phones]
        codes = _codes(np.array(flat, dtype=object))[0] if width else np.empty(0, np.int64)
        self.phones = codes.reshape(width, n) if width else np.full((0, n), -1)


def _dob(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ya, yb, ma, mb, da, db = c.year[a], c.year[b], c.month[a], c.month[b], c.day[a], c.day[b]
    same = (ya == yb) & (ma == mb) & (da == db)
    swapped = (ya == yb) & (da == mb) & (ma == db)
    # Written as ddmmyyyy, one digit differs; or the same birthday a year apart.
    digits = np.zeros(len(a), dtype=np.int8)
    for x, y, scale in ((da, db, 10), (ma, mb, 10), (ya, yb, 1000)):
        while scale >= 1:
            digits += (x // scale % 10) != (y // scale % 10)
            scale //= 10
    near = (digits == 1) | ((ma == mb) & (da == db) & (np.abs(ya - yb) == 1))
    level = np.where(same, 3, np.where(swapped, 2, np.where(near, 1, 0)))
    return np.where((ya == 0) | (yb == 0), MISSING, level).astype(np.int8)


def _postcode(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    level = np.where(
        c.postcode[a] == c.postcode[b],
        3,
        np.where(c.sector[a] == c.sector[b], 2, np.where(c.district[a] == c.district[b], 1, 0)),
    )
    return np.where((c.postcode[a] < 0) | (c.postcode[b] < 0), MISSING, level).astype(np.int8)


def _phone(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if not len(c.phones):
        return np.full(len(a), MISSING, dtype=np.int8)
    pa, pb = c.phones[:, a], c.phones[:, b]
    shared = np.zeros(len(a), dtype=bool)
    for x in pa:
        for y in pb:
            shared |= (x == y) & (x >= 0)
    present = (pa[0] >= 0) & (pb[0] >= 0)
    return np.where(present, shared, MISSING).astype(np.int8)


def _age(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    x, y = c.age[a], c.age[b]
    near = np.abs(np.trunc(x) - np.trunc(y)) <= 1
    return np.where(np.isnan(x) | np.isnan(y), MISSING, near).astype(np.int8)


def compare_pairs(records: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The comparison vector of every pair: one level column per field in :data:`LEVELS`.

    Fields are compared as integer codes, and names once per distinct pair of names,
    so a million pairs compare in seconds.
    """
    c = _Coded(records)
    a, b = pairs["a"].to_numpy(np.int64), pairs["b"].to_numpy(np.int64)
    out = pd.DataFrame({"a": a, "b": b})
    ga, gb, fa, fb = c.given[a], c.given[b], c.family[a], c.family[b]
    family = _per_distinct_pair(fa, fb, c.names, _family_levels(c.family_sound))
    family = np.where((fa == fb) & (fa >= 0), 3, family)
    given = _per_distinct_pair(ga, gb, c.names, _given_levels)
    given = np.where((ga == gb) & (ga >= 0), 4, given)
    # Names written the other way round: first name in the surname column.
    swapped = (ga == fb) & (fa == gb) & (ga >= 0)
    out["family"] = np.where(swapped, 3, family).astype(np.int8)
    out["given"] = np.where(swapped, 4, given).astype(np.int8)
    out["swapped_names"] = swapped
    out["dob"] = _dob(c, a, b)
    out["postcode"] = _postcode(c, a, b)
    out["house"] = _equal(c.house[a], c.house[b])
    out["nhs"] = _equal(c.nhs[a], c.nhs[b])
    out["phone"] = _phone(c, a, b)
    out["email"] = _equal(c.email[a], c.email[b])
    out["sex"] = _equal(c.sex[a], c.sex[b])
    out["age"] = _age(c, a, b)
    out["suffix_differs"] = c.suffix[a] != c.suffix[b]
    return out
