"""Whole columns at once: a normaliser applied once per distinct value, and the first
value present across several columns. A list of a million rows repeats its names,
dates and postcodes many times over, so this is what makes big lists quick."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def per_value(column: pd.Series, fn: Callable[[Any], Any]) -> np.ndarray:
    """``fn`` of every cell (None for a blank one), worked out once per distinct value."""
    codes, uniques = pd.factorize(column.to_numpy(object), use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)
    results[:-1] = [None if blank(v) else fn(v) for v in uniques]
    results[-1] = None
    return results[np.where(codes < 0, len(uniques), codes)]


def first_present(columns: list[np.ndarray], n: int) -> np.ndarray:
    """Row by row, the first column's value that is not None."""
    out = np.full(n, None, dtype=object)
    for values in columns:
        empty = pd.isna(out)
        out[empty] = values[empty]
    return out
