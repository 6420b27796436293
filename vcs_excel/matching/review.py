"""Review decisions that last: keyed by who the records are, not where they are.

A decision ("Same person", "Different people", "Not sure") is stored against a
pair key made from the two records' content (names, date of birth, postcode,
NHS number, house), so it survives re-running, re-sorting the tabs and adding
rows. The decisions live in the workbook itself, on a hidden sheet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import numpy as np
import pandas as pd

SAME, DIFFERENT, NOT_SURE = "Same person", "Different people", "Not sure"
DECISIONS = [SAME, DIFFERENT, NOT_SURE]
STORE = "_vcs_excel_decisions"
STORE_COLUMNS = ["Pair key", "Decision", "Record A", "Record B"]


def record_keys(records: pd.DataFrame) -> pd.Series:
    """A stable key per record; identical records in one tab are told apart by order."""
    parts = records[["sheet", "given_key", "family_key", "dob", "postcode", "nhs", "house",
                     "flat"]].astype(str).agg("|".join, axis=1)  # fmt: skip
    digest = parts.map(lambda t: hashlib.sha1(t.encode("utf-8")).hexdigest()[:12])
    occurrence = digest.groupby(digest).cumcount()
    return digest + np.where(occurrence > 0, "-" + occurrence.astype(str), "")


def pair_keys(records: pd.DataFrame, pairs: pd.DataFrame) -> pd.Series:
    keys = record_keys(records).to_numpy()
    a, b = keys[pairs["a"].to_numpy()], keys[pairs["b"].to_numpy()]
    return pd.Series(
        [f"{min(x, y)}:{max(x, y)}" for x, y in zip(a, b, strict=True)], index=pairs.index
    )


def known_answers(keys: pd.Series, decisions: Mapping[str, str]) -> pd.Series:
    """1 for "Same person", 0 for "Different people", NaN otherwise (for the model)."""
    value = {SAME: 1.0, DIFFERENT: 0.0}
    return keys.map(lambda k: value.get(decisions.get(k, ""), np.nan))


def apply_decisions(decided: pd.Series, keys: pd.Series, decisions: Mapping[str, str]) -> pd.Series:
    """The pairs' decisions after people's answers: same -> match, different -> no."""
    out = decided.copy()
    for idx, key in keys.items():
        answer = decisions.get(key)
        if answer == SAME:
            out[idx] = "match"
        elif answer == DIFFERENT:
            out[idx] = "no"
        elif answer == NOT_SURE:
            out[idx] = "review"
    return out
