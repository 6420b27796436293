"""Whole columns at once: a normaliser applied once per distinct value, and the first
value present across several columns. A list of a million rows repeats its names,
dates and postcodes many times over, so this is what makes big lists quick."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd


def _per_distinct(column: pd.Series, fn: Callable[[Any], Any]) -> tuple[list[Any], np.ndarray]:
    """``fn`` of each distinct value (None for a blank one: None or text of spaces only),
    and for each row the position of its value, the position after the last for a
    missing one."""
    codes, uniques = pd.factorize(column.to_numpy(object), use_na_sentinel=True)
    results = [fn(v) if not isinstance(v, str) or v.strip() else None for v in uniques]
    return results, np.where(codes < 0, len(uniques), codes)


def _by_row(per_distinct: list[Any], rows: np.ndarray) -> np.ndarray:
    values = np.empty(len(per_distinct) + 1, dtype=object)
    values[:-1] = per_distinct
    values[-1] = None
    return values[rows]


def per_value(column: pd.Series, fn: Callable[[Any], Any]) -> np.ndarray:
    """``fn`` of every cell (None for a blank one), worked out once per distinct value."""
    return _by_row(*_per_distinct(column, fn))


def per_value_fields(
    column: pd.Series, fn: Callable[[Any], Any], fields: Sequence[str]
) -> dict[str, np.ndarray]:
    """Like :func:`per_value` for an ``fn`` that gives an object with several fields (a
    name's parts): one array per field, None where the cell is blank. The fields are
    taken once per distinct value, not once per row."""
    results, rows = _per_distinct(column, fn)
    return {
        name: _by_row([None if r is None else getattr(r, name) for r in results], rows)
        for name in fields
    }


def first_present(columns: list[np.ndarray], n: int) -> np.ndarray:
    """Row by row, the first column's value that is not None."""
    out = np.full(n, None, dtype=object)
    for values in columns:
        empty = pd.isna(out)
        out[empty] = values[empty]
    return out
