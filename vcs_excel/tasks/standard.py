"""Tasks of the data standard: Tag headers, Data dictionary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..commands import Option, TaskResult, selected_sheets, task
from ..standard.dictionary import load_dictionary
from ..standard.docs import COLUMNS, dictionary_rows
from ..standard.suggest import suggest_table
from ..workbook import Book, CellMark, SheetSpec

CHECK_COLOUR = "FFD966"  # orange: a suggestion for a person to confirm


@task(
    "tag",
    "Tag headers",
    "Suggest a data-standard tag for every header; with --apply, insert the tag row under "
    "the header, with a dropdown on each tag and unsure suggestions marked for checking.",
    options=(Option("apply", "insert the tag row into the workbook", flag=True),),
    in_place=True,
    in_place_option="apply",
    order=20,
)
def tag_headers(book: Book, sheets: Sequence[str] | None = None, apply: bool = False) -> TaskResult:
    dictionary = load_dictionary()
    all_tags = [e.tag for e in dictionary.entries]
    report: list[dict[str, Any]] = []
    lines, to_check, problems, inserted = [], 0, 0, 0
    for name in selected_sheets(book, sheets):
        table = book.read_table(name)
        if table.has_tags:
            from ..checks.engine import plan_columns

            _, tag_issues, _ = plan_columns(table, dictionary)
            problems += len(tag_issues)
            report.append(
                {
                    "sheet": name,
                    "tag_row": table.tag_row,
                    "already_tagged": True,
                    "problems": [i.to_dict() for i in tag_issues],
                }
            )
            lines.append(
                f"{name} is already tagged (row {table.tag_row})"
                + (f": {len(tag_issues)} tag(s) to fix" if tag_issues else "")
            )
            continue
        if table.header_row is None:
            lines.append(f"{name}: no header row found, nothing tagged")
            problems += 1
            continue
        columns = []
        for col, s in zip(table.columns, suggest_table(table), strict=True):
            columns.append(
                {
                    "column": col.letter,
                    "header": col.header,
                    "tag": s.tag,
                    "confidence": s.confidence,
                    "confident": s.confident,
                    "reason": s.reason,
                }
            )
        unsure = [c for c in columns if c["tag"] and not c["confident"]]
        tagged = [c for c in columns if c["tag"]]
        to_check += len(unsure)
        report.append({"sheet": name, "header_row": table.header_row, "columns": columns})
        lines.append(
            f"{name}: {len(tagged)} of {len(columns)} columns tagged"
            + (f", {len(unsure)} to check (orange)" if unsure else "")
        )
        if apply:
            at = table.header_row + 1
            values = {c.index: s["tag"] for c, s in zip(table.columns, columns, strict=True)}
            book.insert_row(name, at, values)
            inserted += 1
            first = min(c.index for c in table.columns)
            last = max(c.index for c in table.columns)
            from ..workbook.values import column_letter

            book.add_dropdown(
                name, f"{column_letter(first)}{at}:{column_letter(last)}{at}", all_tags
            )
            book.mark_cells(
                CellMark(
                    name,
                    at,
                    col.index,
                    CHECK_COLOUR,
                    f"Suggested from the header '{col.header}' ({s['reason']}). "
                    "Please check, or choose another tag from the list.",
                )
                for col, s in zip(table.columns, columns, strict=True)
                if s["tag"] and not s["confident"]
            )
    if apply and not inserted:
        action = "No tag row inserted: every sheet is already tagged, or has no header row"
    elif apply:
        action = f"Tag rows inserted into {inserted} sheet(s)"
    else:
        action = "Suggested tags (use --apply to insert them)"
    summary = f"{action}. " + "; ".join(lines) + "."
    data = {"sheets": report, "inserted": inserted, "changed": bool(apply and inserted)}
    return TaskResult("tag", summary, problems=problems + to_check, data=data)


@task(
    "dictionary",
    "Data dictionary",
    "Write every tag of the data standard, what it means and its allowed values to a "
    "Dictionary tab.",
    order=15,
)
def data_dictionary(book: Book, sheets: Sequence[str] | None = None) -> TaskResult:
    rows = dictionary_rows()
    spec = SheetSpec(
        name="Dictionary",
        task="dictionary",
        title="Dictionary",
        notes=["The vcs-excel data standard: put these tags in a row under your headers."],
        columns=COLUMNS,
        rows=rows,
        widths={0: 34, 1: 24, 2: 60, 3: 11, 4: 50, 5: 9, 6: 9, 7: 22},
    )
    written = book.write_sheet(spec)
    return TaskResult(
        "dictionary",
        f"The Dictionary tab lists {len(rows)} tags.",
        sheets=[written],
        data={"tags": len(rows)},
    )
