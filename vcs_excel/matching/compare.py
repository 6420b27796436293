"""Compare: for each candidate pair, how each field agrees, as a level.

Levels are small integers, highest for the strongest agreement; -1 means a
value is missing on one side (it says nothing either way). The names of the
levels are in :data:`LEVELS`, so a review line can say why a pair was found.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz.distance import JaroWinkler
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


def _jw(a: pd.Series, b: pd.Series) -> np.ndarray:
    return cpdist(
        a.fillna("").tolist(), b.fillna("").tolist(), scorer=JaroWinkler.normalized_similarity
    )


def _family(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    ka, kb = a["family_key"].fillna(""), b["family_key"].fillna("")
    sim = _jw(ka, kb)
    level = np.where(
        sim >= 0.92,
        2,
        np.where(
            (a["family_sound"].to_numpy() == b["family_sound"].to_numpy()) & (ka.to_numpy() != ""),
            1,
            0,
        ),
    )
    level = np.where(ka.to_numpy() == kb.to_numpy(), 3, level)
    return np.where((ka.to_numpy() == "") | (kb.to_numpy() == ""), MISSING, level)


def _given(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    ka, kb = a["given_key"].fillna("").to_numpy(), b["given_key"].fillna("").to_numpy()
    sim = _jw(pd.Series(ka), pd.Series(kb))
    nick = np.fromiter((nickname_related(x, y) for x, y in zip(ka, kb, strict=True)), bool, len(ka))
    initial = np.fromiter(
        ((len(x) == 1 or len(y) == 1) and x[:1] == y[:1] for x, y in zip(ka, kb, strict=True)),
        bool,
        len(ka),
    )
    # Two real names spelt alike (Christine, Christopher) are different names, not a typo.
    both_known = np.fromiter(
        (is_known_name(x) and is_known_name(y) for x, y in zip(ka, kb, strict=True)),
        bool,
        len(ka),
    )
    close = (sim >= 0.9) & ~both_known
    # A misspelt nickname ("Berrt" for Bert, so Albert) is still a close spelling.
    for i in np.flatnonzero(~close & ~nick & ~both_known & (ka != "") & (kb != "")):
        x, y = ka[i], kb[i]
        close[i] = any(
            JaroWinkler.normalized_similarity(name, form) >= 0.9
            for name, forms in ((x, name_forms(y) - {y}), (y, name_forms(x) - {x}))
            for form in forms
        )
    level = np.where(ka == kb, 4, np.where(nick, 3, np.where(close, 2, np.where(initial, 1, 0))))
    return np.where((ka == "") | (kb == ""), MISSING, level)


def _age(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    out = np.full(len(a), MISSING, dtype=np.int8)
    for i, (x, y) in enumerate(zip(a["age"], b["age"], strict=True)):
        if x is not None and y is not None and not (pd.isna(x) or pd.isna(y)):
            out[i] = 1 if abs(int(x) - int(y)) <= 1 else 0
    return out


def _dob(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    out = np.full(len(a), MISSING, dtype=np.int8)
    for i, (x, y) in enumerate(zip(a["dob"], b["dob"], strict=True)):
        if not x or not y:
            continue
        if x == y:
            out[i] = 3
        elif x.year == y.year and x.day == y.month and x.month == y.day:
            out[i] = 2
        else:
            sx, sy = x.strftime("%d%m%Y"), y.strftime("%d%m%Y")
            diffs = sum(c != d for c, d in zip(sx, sy, strict=True))
            out[i] = (
                1
                if diffs == 1
                or (x.month == y.month and x.day == y.day and abs(x.year - y.year) == 1)
                else 0
            )
    return out


def _postcode(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    pa, pb = a["postcode"].fillna("").to_numpy(), b["postcode"].fillna("").to_numpy()
    sa, sb = a["sector"].fillna("").to_numpy(), b["sector"].fillna("").to_numpy()
    da, db = a["district"].fillna("").to_numpy(), b["district"].fillna("").to_numpy()
    level = np.where(pa == pb, 3, np.where(sa == sb, 2, np.where(da == db, 1, 0)))
    return np.where((pa == "") | (pb == ""), MISSING, level)


def _equal(a: pd.Series, b: pd.Series) -> np.ndarray:
    x, y = a.fillna("").astype(str).to_numpy(), b.fillna("").astype(str).to_numpy()
    return np.where((x == "") | (y == ""), MISSING, (x == y).astype(np.int8))


def _house(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    ha = (a["flat"].fillna("") + "/" + a["house"].fillna("")).to_numpy()
    hb = (b["flat"].fillna("") + "/" + b["house"].fillna("")).to_numpy()
    missing = (a["house"].fillna("").to_numpy() == "") | (b["house"].fillna("").to_numpy() == "")
    return np.where(missing, MISSING, (ha == hb).astype(np.int8))


def _phone(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    out = np.full(len(a), MISSING, dtype=np.int8)
    for i, (x, y) in enumerate(zip(a["phones"], b["phones"], strict=True)):
        if x and y:
            out[i] = 1 if set(x) & set(y) else 0
    return out


def compare_pairs(records: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The comparison vector of every pair: one level column per field in :data:`LEVELS`."""
    a = records.iloc[pairs["a"].to_numpy()].reset_index(drop=True)
    b = records.iloc[pairs["b"].to_numpy()].reset_index(drop=True)
    out = pairs[["a", "b"]].reset_index(drop=True).copy()
    out["family"] = _family(a, b)
    out["given"] = _given(a, b)
    # Names written the other way round: first name in the surname column.
    swapped = (
        (a["given_key"].to_numpy() == b["family_key"].to_numpy())
        & (a["family_key"].to_numpy() == b["given_key"].to_numpy())
        & (a["given_key"].to_numpy() != "")
    )
    out.loc[swapped, ["family", "given"]] = [3, 4]
    out["swapped_names"] = swapped
    out["dob"] = _dob(a, b)
    out["postcode"] = _postcode(a, b)
    out["house"] = _house(a, b)
    out["nhs"] = _equal(a["nhs"], b["nhs"])
    out["phone"] = _phone(a, b)
    out["email"] = _equal(a["email"], b["email"])
    out["sex"] = _equal(a["sex"], b["sex"])
    out["age"] = _age(a, b)
    out["suffix_differs"] = a["suffix"].fillna("").to_numpy() != b["suffix"].fillna("").to_numpy()
    return out
