"""The Insights tabs, and the safe-to-share file made from them.

The tabs hold only protected counts, percentages and group labels. The export
(a new .xlsx or .csv, never a copy of the user's workbook) holds the same tabs
and a provenance sheet; before it is saved every cell is checked against the
input lists, and a file that would carry a row-level value is not written.
"""

from __future__ import annotations

import csv
import functools
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import BadInputError
from ..workbook import ChartSpec, SheetSpec
from ..workbook.modes import apply_mode
from ..workbook.values import csv_safe
from .dimensions import Rows, tag_key
from .sdc import SUPPRESSED
from .summary import DIGITAL, Insights, InsightTable, percent

TASK = "insights"
GUIDANCE = [
    "Government Statistical Service: Disclosure control for tables produced from "
    "administrative sources (GSS/GSR Disclosure Control Guidance for Tables Produced "
    "from Administrative Sources).",
    "Office for National Statistics: Statistical Disclosure Control policy; and the "
    "GSS Analysis Function guidance on symbols in tables ([c] for confidential).",
]


def _method(insights: Insights) -> str:
    """The method in full, for the provenance sheet."""
    return " ".join([
        *_method_lines(insights),
        "Every row and column has none or at least two hidden cells, and no hidden cell "
        "stands alone on a path of hidden cells. Counts of zero are shown.",
    ])  # fmt: skip


def _method_lines(insights: Insights) -> list[str]:
    """The method in short lines, for the notes above a table."""
    t = insights.threshold
    lines = [
        f"Safe to share: counts from 1 to {t - 1} are shown as {SUPPRESSED}, and enough "
        "other cells that none can be worked out from the totals.",
    ]
    if insights.rounding:
        lines.append(f"Published counts are rounded to the nearest {insights.rounding}.")
    return lines


def main_spec(insights: Insights) -> SheetSpec:
    table = insights.main
    p = table.protected
    n_rows, n_cols = len(table.rows), len(table.columns)
    grand = p.cell(n_rows, n_cols)
    rows: list[list[Any]] = []
    for i, label in enumerate([*table.rows, "Total"]):
        cells = [p.cell(i, j) for j in range(n_cols + 1)]
        rows.append([label, *cells[:n_cols], cells[-1], percent(cells[-1], grand)])
    one_way = n_cols == 1
    columns = [table.row_label, *table.columns, "Total", "% of all"]
    if one_way:  # the only column is its own total
        columns = [table.row_label, "People", "% of all"]
        rows = [[r[0], r[1], r[-1]] for r in rows]
    by_row = f"People by {table.row_label.lower()}"
    charts = [ChartSpec(by_row, 0, (len(columns) - 2,), 0, n_rows - 1, y_title="People")]
    if not one_way and n_cols <= 12:
        charts.append(
            ChartSpec(table.title[:1].upper() + table.title[1:], 0,
                      tuple(range(1, n_cols + 1)), 0, n_rows - 1, y_title="People", stacked=True)
        )  # fmt: skip
    tags = ["#meta+category", *(["#meta+count"] * (len(columns) - 2)), "#meta+percent"]
    return SheetSpec(
        name="Insights",
        columns=columns,
        tags=tags,
        rows=rows,
        task=TASK,
        title=f"Community insights: {table.title}",
        notes=[
            f"From {_sources(insights)}. Made {insights.made:%d/%m/%Y %H:%M}.",
            *_method_lines(insights),
        ],
        formats={len(columns) - 1: "0.0"},
        charts=charts,
        autofilter=False,
        right=set(range(1, len(columns))),
    )


def digital_spec(insights: Insights) -> SheetSpec:
    """Area and age band with the three digital-divide measures, as counts and %."""
    d = insights.digital
    everyone = d["residents"]
    areas, bands = everyone.rows, everyone.columns
    measures = list(DIGITAL)
    columns = ["Area", "Age band", "People", *DIGITAL.values()]
    columns += [f"% {label.lower()}" for label in DIGITAL.values()]

    def line(area: str, band: str, i: int, j: int) -> list[Any]:
        whole = everyone.protected.cell(i, j)
        parts = [d[m].protected.cell(i, j) for m in measures]
        return [area, band, whole, *parts, *(percent(x, whole) for x in parts)]

    n_a, n_b = len(areas), len(bands)
    rows = [line(a, "All ages", i, n_b) for i, a in enumerate(areas)]
    rows.append(line("All areas", "All ages", n_a, n_b))
    by_band_start = len(rows)
    rows += [line("All areas", b, n_a, j) for j, b in enumerate(bands)]
    rows += [line(a, b, i, j) for i, a in enumerate(areas) for j, b in enumerate(bands)]
    pct = tuple(range(3 + len(measures), 3 + 2 * len(measures)))
    kinds = [m.replace("_", "") for m in measures]  # attributes: letters only
    tags = ["#meta+category", "#meta+age+category", "#meta+count"]
    tags += [f"#meta+count+{k}" for k in kinds] + [f"#meta+percent+{k}" for k in kinds]
    return SheetSpec(
        name="Digital divide",
        columns=columns,
        tags=tags,
        rows=rows,
        task=TASK,
        title="Digital divide: who cannot be reached online",
        notes=[
            "No e-mail: no valid e-mail address. No mobile: no valid UK mobile number. Phone "
            "or letter only: neither, or they asked for a phone call or a letter.",
            *_method_lines(insights),
        ],
        right=set(range(2, len(columns))),
        formats={c: "0.0" for c in pct},
        charts=[
            ChartSpec("Digital divide by area (% of people)", 0, pct, 0, n_a - 1, y_title="%"),
            ChartSpec(
                "Digital divide by age band (% of people)",
                1,
                pct,
                by_band_start,
                by_band_start + n_b - 1,
                y_title="%",
            ),
        ],
        autofilter=True,
    )


def _sources(insights: Insights) -> str:
    return ", ".join(f"{sheet} ({n:,} rows)" for sheet, n in insights.sources)


def _suppressed(table: InsightTable) -> str:
    p = table.protected
    return f"{int(p.primary.sum())} small, {int(p.secondary.sum())} more to protect them"


def provenance_spec(insights: Insights) -> SheetSpec:
    rows: list[list[Any]] = [
        ["Made by", "vcs-excel Community insights"],
        ["Made on", f"{insights.made:%d/%m/%Y %H:%M}"],
        ["Sources", _sources(insights)],
        ["Counted by", ", ".join(d.label for d in insights.dims)],
        ["Threshold", f"counts below {insights.threshold} are hidden"],
        ["Rounding", f"to base {insights.rounding}" if insights.rounding else "none"],
        ["Method", _method(insights)],
        ["Cells hidden: " + insights.main.title, _suppressed(insights.main)],
    ]
    for table in insights.digital.values():
        rows.append([f"Cells hidden: digital divide, {table.title.lower()}", _suppressed(table)])
    for label, n in insights.folded.items():
        rows.append([f"Grouped as Other: {label}", f"{n} group(s) with fewer than "
                     f"{insights.threshold} people"])  # fmt: skip
    rows.append(["Not included", "No names, full postcodes, dates of birth, phone numbers, "
                 "e-mail addresses, NHS numbers or other row-level values."])  # fmt: skip
    rows += [["Guidance", g] for g in GUIDANCE]
    return SheetSpec(
        name="Insights provenance",
        columns=["Item", "Detail"],
        tags=["#meta+item", "#meta+detail"],
        rows=rows,
        task=TASK,
        title="Where these figures come from",
        widths={0: 34, 1: 90},
        autofilter=False,
    )


def specs(insights: Insights) -> list[SheetSpec]:
    return [main_spec(insights), digital_spec(insights), provenance_spec(insights)]


# ------------------------------------------------------------------ the safe file
def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


# Columns whose every value is about one person, however often it repeats.
IDENTIFYING = (
    "#person+name", "#person+given+name", "#person+family+name", "#person+middle+name",
    "#person+volunteer+name", "#date+birth", "#person+id+nhs", "#person+id", "#contact+address",
    "#contact+address+line1", "#contact+address+line2", "#contact+address+postcode",
    "#contact+phone", "#contact+mobile+phone", "#contact+email", "#loc+uprn",
)  # fmt: skip


def row_level_values(lists: Iterable[Rows], threshold: int) -> set[str]:
    """Every input value a published cell must never show: all values of identifying
    columns (names, dates of birth, addresses, postcodes, phones, e-mails, NHS numbers),
    and any other text held by fewer than ``threshold`` rows (a rare note)."""
    seen: dict[str, int] = {}
    forbidden: set[str] = set()
    identifying = {tag_key(t) for t in IDENTIFYING}
    for rows in lists:
        personal = {c for key, cols in rows.cols.items() if key in identifying for c in cols}
        for name in rows.frame.columns:
            codes, uniques = pd.factorize(rows.frame[name].to_numpy(object))
            counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
            for value, n in zip(uniques, counts, strict=True):
                key = _norm(value)
                if not key:
                    continue
                if name in personal:
                    forbidden.add(key)
                seen[key] = seen.get(key, 0) + int(n)
    return (forbidden | {k for k, n in seen.items() if n < threshold}) - vocabulary()


@functools.cache
def vocabulary() -> frozenset[str]:
    """Words of the standard itself (code-list labels and groups, age bands): a label
    such as "White" or "Female" names a group, even where a list also holds it."""
    from ..standard.dictionary import load_dictionary
    from .dimensions import BAND_LABELS, NOT_KNOWN, OTHER

    words = {NOT_KNOWN, OTHER, *BAND_LABELS}
    for codelist in load_dictionary().codelists.values():
        for v in codelist.values:
            words.update((v.label, v.group))
    return frozenset(_norm(w) for w in words)


def scan(cells: Iterable[Any], forbidden: set[str]) -> list[str]:
    """The cells (as text) that show a row-level input value."""
    found = []
    for value in cells:
        if isinstance(value, str) and _norm(value) in forbidden:
            found.append(value)
    return found


def _cells(sheet_specs: list[SheetSpec]) -> list[Any]:
    out: list[Any] = []
    for spec in sheet_specs:
        out += [spec.title, *spec.notes, *spec.columns]
        out += [v for row in spec.rows for v in row]
    return out


def write_export(sheet_specs: list[SheetSpec], path: str | Path, forbidden: set[str]) -> Path:
    """Write the safe-to-share file (.xlsx or .csv) atomically, after the scan."""
    target = Path(path)
    leaks = scan(_cells(sheet_specs), forbidden)
    if leaks:
        raise BadInputError(
            f"The export was not written: {len(leaks)} cell(s) would show a value from a "
            "single row of the lists. Use a higher --threshold or fewer dimensions."
        )
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise BadInputError(f"Export to a .xlsx or .csv file, not {target.name}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".insights-", suffix=suffix, dir=target.parent)
    os.close(fd)
    try:
        if suffix == ".csv":
            _write_csv(sheet_specs, Path(tmp))
        else:
            _write_xlsx(sheet_specs, Path(tmp))
        apply_mode(tmp, target)  # an export is for sharing: never owner-only
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _write_xlsx(sheet_specs: list[SheetSpec], path: Path) -> None:
    import openpyxl

    from ..workbook.writer import write_spec

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for spec in sheet_specs:
        write_spec(wb.create_sheet(spec.name), spec)
    wb.save(path)


def _write_csv(sheet_specs: list[SheetSpec], path: Path) -> None:
    """One long table: the tab, the row's labels, the column and the value."""
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow(["table", "group", "subgroup", "measure", "value"])
        # In the data standard too: the next tool reads the columns by their tags.
        out.writerow(["#meta+table", "#meta+category", "#meta+category+sub", "#meta+measure",
                      "#meta+value"])  # fmt: skip
        for spec in sheet_specs:
            labels = 2 if spec.name == "Digital divide" else 1
            if spec.name == "Insights provenance":
                for item, detail in spec.rows:
                    out.writerow([spec.name, item, "", "", csv_safe(detail)])
                continue
            for row in spec.rows:
                sub = row[1] if labels == 2 else ""
                for name, value in zip(spec.columns[labels:], row[labels:], strict=True):
                    out.writerow([spec.name, csv_safe(row[0]), csv_safe(sub), name, value])
