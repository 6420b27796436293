"""Whole columns at once: a normaliser applied once per distinct value, and the first
value present across several columns. A list of a million rows repeats its names,
dates and postcodes many times over, so this is what makes big lists quick."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd


def per_value(column: pd.Series, fn: Callable[[Any], Any]) -> np.ndarray:
    """``fn`` of every cell (None for a blank one), worked out once per distinct value."""
    codes, uniques = pd.factorize(column.to_numpy(object), use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)
    # A blank cell is None or text of spaces only.
    results[:-1] = [fn(v) if not isinstance(v, str) or v.strip() else None for v in uniques]
    results[-1] = None
    return results[np.where(codes < 0, len(uniques), codes)]


def per_value_fields(
    column: pd.Series, fn: Callable[[Any], Any], fields: Sequence[str]
) -> dict[str, np.ndarray]:
    """Like :func:`per_value` for an ``fn`` that gives an object with several fields (a
    name's parts): one array per field, None where the cell is blank. The fields are
    taken once per distinct value, not once per row."""
    codes, uniques = pd.factorize(column.to_numpy(object), use_na_sentinel=True)
    results = [fn(v) if not isinstance(v, str) or v.strip() else None for v in uniques]
    rows = np.where(codes < 0, len(uniques), codes)
    out = {}
    for name in fields:
        per_unique = np.empty(len(uniques) + 1, dtype=object)
        per_unique[:-1] = [None if r is None else getattr(r, name) for r in results]
        per_unique[-1] = None
        out[name] = per_unique[rows]
    return out


def first_present(columns: list[np.ndarray], n: int) -> np.ndarray:
    """Row by row, the first column's value that is not None."""
    out = np.full(n, None, dtype=object)
    for values in columns:
        empty = pd.isna(out)
        out[empty] = values[empty]
    return out
