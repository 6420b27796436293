"""Count people by groups and protect the tables: the core of Community insights.

:func:`summarise` takes the prepared rows of several lists, the dimensions to
count by and the disclosure settings, and returns protected tables only: the
counts of people never leave this module without disclosure control applied.
Groups of a free-text dimension (a language, a need, an area) with fewer people
than the threshold are counted as "Other", so a rare value is never published
as a label either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .dimensions import DIMENSIONS, NOT_KNOWN, OTHER, Dimension, Rows
from .sdc import THRESHOLD, Protected, protect, protect_share

DIGITAL = {
    "no_email": "No e-mail",
    "no_mobile": "No mobile",
    "phone_or_letter": "Phone or letter only",
}


@dataclass
class Grouped:
    """Every row's group for each dimension, as codes into ordered labels."""

    dims: list[Dimension]
    labels: list[list[str]]
    codes: list[np.ndarray]
    folded: dict[str, int]


@dataclass
class InsightTable:
    """A protected two-way table: ``rows`` x ``columns`` with totals."""

    title: str
    row_label: str
    rows: list[str]
    columns: list[str]
    protected: Protected


@dataclass
class Insights:
    main: InsightTable
    digital: dict[str, InsightTable]  # "residents" and each DIGITAL measure
    sources: list[tuple[str, int]]
    dims: list[Dimension]
    threshold: int
    rounding: int | None
    folded: dict[str, int] = field(default_factory=dict)
    made: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))


def group(values: np.ndarray, dim: Dimension, threshold: int) -> tuple[np.ndarray, list[str], int]:
    """Codes and ordered labels for one dimension's values; rare free-text groups fold
    into "Other". Returns the codes, the labels and how many groups were folded."""
    series = pd.Series(values, dtype=object).fillna(NOT_KNOWN)
    counts = series.value_counts()
    folded = 0
    if not dim.coded:
        rare = counts[(counts < threshold) & (counts.index != NOT_KNOWN)].index
        folded = len(rare)
        if folded:
            series = series.where(~series.isin(set(rare)), OTHER)
            counts = series.value_counts()
    # Largest group first; equal groups in alphabetical order.
    counts = counts.sort_index(key=lambda x: x.astype(str)).sort_values(
        ascending=False, kind="stable"
    )
    if dim.order:
        labels = [x for x in dim.order if x in counts.index]
        labels += [x for x in counts.index if x not in dim.order and x not in (OTHER, NOT_KNOWN)]
    else:
        labels = [x for x in counts.index if x not in (OTHER, NOT_KNOWN)]
    labels += [x for x in (OTHER, NOT_KNOWN) if x in counts.index]
    codes = pd.Categorical(series, categories=labels).codes.astype(np.int64)
    return codes, labels, folded


def crosstab(codes: list[np.ndarray], sizes: list[int]) -> np.ndarray:
    """Counts of rows in every combination of groups (an n-way table)."""
    if not codes:
        return np.zeros(0, dtype=np.int64)
    flat = np.ravel_multi_index(codes, sizes) if len(codes) > 1 else codes[0]
    return np.bincount(flat, minlength=int(np.prod(sizes))).reshape(sizes)


def _two_way(counts: np.ndarray) -> np.ndarray:
    """The first dimension down, every combination of the others across."""
    return counts.reshape(counts.shape[0], -1) if counts.ndim > 1 else counts.reshape(-1, 1)


def _column_labels(labels: list[list[str]]) -> list[str]:
    if len(labels) == 1:
        return ["People"]
    combos: list[str] = [""]
    for level in labels[1:]:
        combos = [f"{a} / {b}" if a else b for a in combos for b in level]
    return combos


def summarise(
    lists: list[Rows],
    dims: list[Dimension],
    threshold: int = THRESHOLD,
    rounding: int | None = None,
) -> Insights:
    """Protected tables of the people on ``lists`` by ``dims``, and the digital divide
    by area and age band."""
    wanted = list(dict.fromkeys([*dims, DIMENSIONS["area"], DIMENSIONS["age_band"]]))
    values = {d.name: np.concatenate([rows.values(d) for rows in lists]) for d in wanted}
    grouped = {d.name: group(values[d.name], d, threshold) for d in wanted}
    codes = [grouped[d.name][0] for d in dims]
    labels = [grouped[d.name][1] for d in dims]
    counts = crosstab(codes, [len(x) for x in labels])
    title = " by ".join(d.label for d in dims)
    main = InsightTable(
        f"People by {title.lower()}" if dims else "People",
        dims[0].label,
        labels[0],
        _column_labels(labels),
        protect(_two_way(counts), threshold, rounding),
    )
    # The digital divide: area down, age band across, for everyone and each measure.
    area_codes, area_labels, _ = grouped["area"]
    age_codes, age_labels, _ = grouped["age_band"]
    sizes = [len(area_labels), len(age_labels)]
    everyone = crosstab([area_codes, age_codes], sizes)
    per_list = [rows.digital() for rows in lists]
    flags = {k: np.concatenate([d[k] for d in per_list]) for k in DIGITAL}
    digital = {
        "residents": InsightTable(
            "People", "Area", area_labels, age_labels, protect(everyone, threshold, rounding)
        )
    }
    for key, label in DIGITAL.items():
        chosen = flags[key]
        part = crosstab([area_codes[chosen], age_codes[chosen]], sizes)
        digital[key] = InsightTable(
            label, "Area", area_labels, age_labels,
            protect_share(part, everyone, threshold, rounding),
        )  # fmt: skip
    return Insights(
        main,
        digital,
        [(rows.table.sheet, rows.n) for rows in lists],
        dims,
        threshold,
        rounding,
        {DIMENSIONS[k].label: v[2] for k, v in grouped.items() if v[2]},
    )


def percent(part: int | str, whole: int | str) -> float | str:
    """``part`` as a percentage of ``whole`` to one decimal place; [c] if either is."""
    if isinstance(part, str) or isinstance(whole, str):
        return "[c]"
    return round(100 * part / whole, 1) if whole else 0.0
