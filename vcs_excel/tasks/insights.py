"""Task: Community insights, safe-to-share counts of the people on the lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..commands import Option, TaskResult, selected_sheets, task
from ..errors import BadInputError
from ..insights.dimensions import DIMENSIONS, Rows, dimension
from ..insights.export import row_level_values, specs, write_export
from ..insights.sdc import THRESHOLD
from ..insights.summary import summarise
from ..workbook import Book, FileBook
from .check import totals_note

ONE_LIST = "One list"


def _wards(book: Book, source: str) -> dict[str, str]:
    """Postcode -> ward from a sheet of this workbook or a CSV/xlsx file, whose columns
    are tagged (or headed) as a postcode and a ward."""
    from ..clean.datatypes import Context, datatype
    from ..insights.dimensions import tag_key

    if source in book.sheet_names():
        table = book.read_table(source)
    elif Path(source).is_file():
        other = FileBook.open(source)
        table = other.read_table(other.sheet_names()[0])
    else:
        raise BadInputError(
            f"The ward lookup {source!r} is neither a sheet of {book.name} nor a file."
        )
    rows = Rows(table)
    postcode = rows.cols.get(tag_key("#contact+address+postcode"), [])
    ward = rows.cols.get(tag_key("#adm3+ward"), [])
    if not postcode or not ward:
        raise BadInputError(
            f"The ward lookup {source!r} needs a postcode column and a ward column "
            "(tags #contact+address+postcode and #adm3+ward, or headers Postcode and Ward)."
        )
    lookup = {}
    postcodes, ctx = datatype("postcode"), Context(dt.date.today())
    for pc, w in zip(table.frame[postcode[0]], table.frame[ward[0]], strict=True):
        code = postcodes.parse(pc, ctx)
        if code and w is not None and str(w).strip():
            lookup[code] = " ".join(str(w).split())
    return lookup


@task(
    "insights",
    "Community insights",
    "Count the people on the lists by area, age band and other groups, with small "
    "numbers hidden so the tables are safe to share; also the digital divide (no e-mail, "
    "no mobile) by area and age band.",
    options=(
        Option(
            "by",
            "the groups to count by, comma-separated: " + ", ".join(DIMENSIONS),
            str,
            "area,age_band",
        ),
        Option("threshold", "counts below this are hidden", int, THRESHOLD),
        Option("round", "round published counts to the nearest 5", flag=True),
        Option("wards", "a sheet or file of postcodes and wards: count by ward, not district"),
        Option("export", "also write the safe-to-share tables to this .xlsx or .csv file"),
    ),
    order=80,
)
def insights(
    book: Book,
    sheets: Sequence[str] | None = None,
    by: str = "area,age_band",
    threshold: int = THRESHOLD,
    round: bool = False,
    wards: str | None = None,
    export: str | None = None,
) -> TaskResult:
    if threshold is None or threshold < 2:
        raise BadInputError("The threshold must be 2 or more (10 is usual).")
    dims = list(dict.fromkeys(dimension(name) for name in (by or "").split(",") if name.strip()))
    if not dims:
        raise BadInputError(
            f"Say what to count by, e.g. --by area,age_band ({', '.join(DIMENSIONS)})."
        )
    if len(dims) > 3:
        raise BadInputError("Count by three groups at most: tables of more are mostly hidden.")
    if not sheets and ONE_LIST in book.sheet_names():
        chosen = [ONE_LIST]  # one row per person, after Find duplicates
    else:
        chosen = selected_sheets(book, sheets)
    if not chosen:
        raise BadInputError(f"{book.name} has no list to count.")
    lookup = _wards(book, wards) if wards else None
    book.status("Counting people")
    lists = [Rows(book.read_table(s), lookup) for s in chosen]
    if not sum(r.n for r in lists):
        raise BadInputError("The lists have no rows to count.")
    result = summarise(lists, dims, threshold, 5 if round else None)
    sheet_specs = specs(result)
    written = [book.write_sheet(spec) for spec in sheet_specs]
    exported = None
    if export:
        exported = write_export(sheet_specs, export, row_level_values(lists, threshold))
    main = result.main.protected
    hidden = int(main.suppressed.sum())
    total = main.cell(main.counts.shape[0] - 1, main.counts.shape[1] - 1)
    summary = (
        f"{total} people on {len(chosen)} list(s) counted by "
        f"{', '.join(d.label.lower() for d in dims)}; {hidden} cell(s) hidden to protect "
        f"small numbers (threshold {threshold})."
    )
    warnings = _all_unknown(lists, dims)
    summary += "".join(f" {w}" for w in warnings)
    summary += totals_note([r.table for r in lists])
    if exported:
        summary += f" Safe-to-share file: {exported}."
    data: dict[str, Any] = {
        "people": total,
        "lists": [{"sheet": s, "rows": n} for s, n in result.sources],
        "by": [d.name for d in dims],
        "threshold": threshold,
        "rounding": result.rounding,
        "hidden_cells": hidden,
        "table": {
            "rows": result.main.rows,
            "columns": result.main.columns,
            "cells": [
                [main.cell(i, j) for j in range(main.counts.shape[1])]
                for i in range(main.counts.shape[0])
            ],
        },
        "export": str(exported) if exported else None,
        "warnings": warnings,
    }
    return TaskResult("insights", summary, sheets=written, data=data)


def _all_unknown(lists: list[Rows], dims: list[Any]) -> list[str]:
    """A warning for each group everyone is "Not known" in, naming the column that
    would tell: a breakdown of nothing but "Not known" is no insight."""
    from ..standard.dictionary import load_dictionary

    dictionary = load_dictionary()
    warnings = []
    for d in dims:
        values = np.concatenate([rows.values(d) for rows in lists])
        if len(values) and all(v is None or v == "" or v == "Not known" for v in values):
            entry = dictionary.lookup(d.tags[0])
            label = entry.label if entry else d.label
            warnings.append(
                f"Everyone is 'Not known' for {d.label.lower()}: no list has a column tagged "
                f"{d.tags[0]} ({label}) with values in it."
            )
    return warnings
