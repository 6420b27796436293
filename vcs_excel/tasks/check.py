"""Tasks of the Data Checker: Check data, Standardised copy, Clear check marks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..checks.engine import (
    CheckSettings,
    ColumnPlan,
    check_table,
    plan_columns,
    standard_column,
)
from ..checks.issues import ISSUE_TYPES, SEVERITIES, Report
from ..clean.datatypes import plain_number_text
from ..commands import Option, TaskResult, selected_sheets, task
from ..workbook import Book, CellLink, CellMark, SheetSpec
from ..workbook.values import column_index, display_text

COLOURS = {"error": "FFC7CE", "warning": "FFEB9C"}
MAX_LISTED = 50_000  # rows on the Issues tab (Excel itself stops at 1,048,576)
MAX_MARKED = 20_000  # cells coloured in the user's sheets
SEVERITY_WORDS = {"error": "Error", "warning": "Warning", "info": "Can be standardised"}
# Information that the standardised copy does not act on: said as a note.
NOTES = {"postcode-foreign", "tag-extension"}


def severity_word(code: str) -> str:
    """How the Issues tabs name a finding's severity."""
    return "Note" if code in NOTES else SEVERITY_WORDS[ISSUE_TYPES[code].severity]


TEST_DATA = Option(
    "test_data",
    "accept Ofcom drama phone numbers, NHS test numbers and example.com addresses",
    flag=True,
)


def run_checks(
    book: Book, sheets: Sequence[str] | None, settings: CheckSettings
) -> tuple[Report, dict[str, list[ColumnPlan]]]:
    report = Report()
    plans: dict[str, list[ColumnPlan]] = {}
    names = selected_sheets(book, sheets)
    for i, name in enumerate(names):
        book.progress(i, len(names), f"Checking {name}")
        table = book.read_table(name)
        sheet_plans, tag_issues, _ = plan_columns(table)
        issues, info = check_table(table, settings, plans=sheet_plans)
        info.tagged = table.has_tags
        report.issues.extend(tag_issues + issues)
        report.sheets.append(info)
        plans[name] = sheet_plans
    book.progress(len(names), len(names), "Checked")
    order = {s: i for i, s in enumerate(SEVERITIES)}
    report.issues.sort(key=lambda i: (order[i.severity], i.sheet, i.row or 0, i.column))
    return report, plans


@task(
    "check",
    "Check data",
    "Find what is wrong in the tagged sheets: an Issues tab links to every cell with the "
    "problem and how to fix it, and the cells are coloured. The data is not changed.",
    options=(TEST_DATA, Option("no_marks", "do not colour cells in the sheets", flag=True)),
    order=30,
)
def check(
    book: Book,
    sheets: Sequence[str] | None = None,
    test_data: bool = False,
    no_marks: bool = False,
    today: dt.date | None = None,
) -> TaskResult:
    settings = CheckSettings(today=today, test_data=test_data)
    report, _ = run_checks(book, sheets, settings)
    written = [book.write_sheet(_issues_spec(report)), book.write_sheet(_summary_spec(report))]
    if not no_marks:
        marks = [
            CellMark(
                i.sheet, i.row, column_index(i.column), COLOURS[i.severity], f"{i.message} {i.fix}"
            )
            for i in report.issues
            if i.severity in COLOURS and i.row is not None
        ][:MAX_MARKED]
        book.mark_cells(marks)
    data = report.summary()
    problems = data["errors"] + data["warnings"]
    untagged = [s.sheet for s in report.sheets if not s.tagged]
    summary = (
        f"{data['errors']} error(s), {data['warnings']} warning(s) and "
        f"{data['infos']} note(s) (most of them values the standardised copy tidies), in "
        f"{len(report.sheets)} sheet(s)."
    )
    if untagged:
        summary += (
            f" {', '.join(untagged)} had no tag row, so suggested tags were used "
            "(Tag headers adds them)."
        )
    summary += totals_note(report.sheets)
    result = TaskResult("check", summary, problems=problems, sheets=written, data=data)
    result.payload = report.to_json(data)
    return result


def totals_note(sheets: Sequence[Any]) -> str:
    """A sentence on rows of totals under the lists, left out; "" when there are none.
    ``sheets`` are tables or sheet summaries (anything with ``sheet`` and ``total_rows``)."""
    found = [f"{s.sheet} row {', '.join(map(str, s.total_rows))}" for s in sheets if s.total_rows]
    if not found:
        return ""
    return f" Left out as totals under the list, not records: {'; '.join(found)}."


def _issues_spec(report: Report) -> SheetSpec:
    rows, links, fills = [], {}, {}
    for n, issue in enumerate(report.issues[:MAX_LISTED]):
        cell = f"{issue.column}{issue.row}" if issue.row else issue.column
        rows.append(
            [
                severity_word(issue.code),
                issue.sheet,
                cell,
                issue.header,
                issue.tag,
                display_text(issue.value),
                issue.message,
                issue.fix,
                display_text(issue.suggestion) if issue.suggestion is not None else None,
                issue.code,
            ]
        )
        if issue.row:
            links[(n, 2)] = CellLink(issue.sheet, issue.row, column_index(issue.column))
        if issue.severity in COLOURS:
            fills[(n, 0)] = COLOURS[issue.severity]
    checked = "; ".join(
        f"{s.sheet} ({s.rows} rows, {s.columns_checked} columns checked"
        + ("" if s.tagged else ", tags suggested from headers")
        + ")"
        for s in report.sheets
    )
    notes = [f"Checked: {checked}."]
    for s in report.sheets:
        if s.total_rows:
            totals = ", ".join(str(r) for r in s.total_rows)
            notes.append(
                f"{s.sheet} row(s) {totals}: totals under the list, not records: not checked."
            )
    notes.append("Click a cell reference to go to the cell.")
    if len(report.issues) > MAX_LISTED:
        notes.append(f"Only the first {MAX_LISTED:,} of {len(report.issues):,} issues are listed.")
    return SheetSpec(
        name="Issues",
        task="check",
        title="Issues: "
        + ", ".join(
            _counted(report.count(severity), word)
            for severity, word in (("error", "error"), ("warning", "warning"), ("info", "note"))
        ),
        notes=notes,
        columns=[
            "Severity",
            "Sheet",
            "Cell",
            "Column",
            "Tag",
            "Value",
            "Problem",
            "How to fix",
            "Suggestion",
            "Code",
        ],
        rows=rows,
        links=links,
        fills=fills,
        widths={0: 14, 1: 16, 2: 8, 3: 18, 4: 22, 5: 24, 6: 48, 7: 48, 8: 22, 9: 20},
    )


def _summary_spec(report: Report) -> SheetSpec:
    rows: list[list[Any]] = []
    for code, n in report.by_code().items():
        t = ISSUE_TYPES[code]
        rows.append(["By problem", t.title, code, severity_word(code), n])
    rows.append([None] * 5)
    for c in report.by_column():
        label = f"{c['sheet']} {c['column']}: {c['header']}"
        total = c["error"] + c["warning"] + c["info"]
        rows.append(
            ["By column", label, c["tag"], f"{c['error']} errors, {c['warning']} warnings", total]
        )
    return SheetSpec(
        name="Issues summary",
        task="check",
        title="Issues by problem and by column",
        columns=["Grouped", "Problem or column", "Code or tag", "Severity", "Count"],
        rows=rows,
        widths={0: 12, 1: 48, 2: 28, 3: 26, 4: 8},
        autofilter=False,
    )


# ------------------------------------------------------------------ standardise
@task(
    "standardise",
    "Standardised copy",
    "Write a standardised copy of each sheet (postcodes, E.164 phones, ISO dates, code-list "
    "values, trimmed text) to a new tab, with a Changes tab logging every change.",
    options=(TEST_DATA,),
    order=40,
    needs_out=True,
)
def standardise(
    book: Book,
    sheets: Sequence[str] | None = None,
    test_data: bool = False,
    today: dt.date | None = None,
) -> TaskResult:
    settings = CheckSettings(today=today, test_data=test_data)
    changes: list[list[Any]] = []
    change_links: dict[tuple[int, int], CellLink] = {}
    written = []
    tables = []
    for name in selected_sheets(book, sheets):
        table = book.read_table(name)
        tables.append(table)
        plans, _, _ = plan_columns(table)
        rows, links = [], {}
        standard = [standard_column(table.frame[p.column.name], p, settings) for p in plans]
        for r, (excel_row, values) in enumerate(
            zip(table.frame.index, table.frame.itertuples(index=False), strict=True)
        ):
            out = []
            for c, (plan, value) in enumerate(zip(plans, values, strict=True)):
                new = standard[c][r]
                out.append(new)
                # A number that was plain text (as in every CSV file) is only stored as one.
                stored = isinstance(new, int | float) and plain_number_text(value)
                if new != value and not stored:
                    changes.append(
                        [
                            name,
                            f"{plan.column.letter}{excel_row}",
                            plan.column.header,
                            display_text(value),
                            display_text(new),
                            _why(plan, new),
                        ]
                    )
                    change_links[(len(changes) - 1, 1)] = CellLink(
                        name, int(excel_row), plan.column.index
                    )
            out.append(int(excel_row))
            rows.append(out)
            links[(r, len(plans))] = CellLink(name, int(excel_row), 1)
        date_columns = {
            c: "yyyy-mm-dd hh:mm:ss" if any(isinstance(v, dt.datetime) for v in standard[c])
            else "yyyy-mm-dd"
            for c, p in enumerate(plans)
            if p.entry and p.entry.datatype == "date"
        }  # fmt: skip
        spec = SheetSpec(
            name=f"{name[:18]} standardised",
            task="standardise",
            columns=[p.column.name for p in plans] + ["Source row"],
            tags=[p.tag or "" for p in plans] + [""],
            rows=rows,
            links=links,
            formats=date_columns,
        )
        written.append(book.write_sheet(spec))
    written.append(
        book.write_sheet(
            SheetSpec(
                name="Changes",
                task="standardise",
                title=f"{len(changes)} value(s) standardised",
                notes=["Your sheets are unchanged: the standardised copies are in new tabs."],
                columns=["Sheet", "Cell", "Column", "Was", "Now", "Why"],
                rows=changes,
                links=change_links,
            )
        )
    )
    return TaskResult(
        "standardise",
        f"{len(changes)} value(s) standardised into {len(written) - 1} new tab(s); every change "
        "is listed on the Changes tab." + totals_note(tables),
        sheets=written,
        data={"changes": len(changes)},
    )


def _why(plan: ColumnPlan, new: Any = "") -> str:
    if new is None:
        return "a placeholder for a missing value, left empty"
    if plan.entry is None:
        return "trimmed text"
    return {
        "postcode": "postcode spacing and case",
        "number": "a number",
        "id": "trimmed text",
        "url": "trimmed text",
        "phone": "phone number in E.164 form",
        "email": "e-mail domain in lower case",
        "nhs_number": "NHS number written 3-3-4",
        "date": "a real date",
        "integer": "a whole number",
        "code": "the standard spelling from the code list",
        "yes_no": "the standard spelling from the code list",
    }.get(plan.entry.datatype, "trimmed text")


@task(
    "clear_marks",
    "Clear check marks",
    "Remove the colours and notes that Check data put on cells; your own formatting stays.",
    order=35,
    in_demo=False,
    in_place=True,
)
def clear_marks(book: Book, sheets: Sequence[str] | None = None) -> TaskResult:
    names = list(sheets) if sheets else [None]
    cleared = sum(book.clear_marks(s) for s in names)
    summary = f"{cleared} check mark(s) removed." if cleared else "There were no check marks."
    return TaskResult("clear_marks", summary, data={"cleared": cleared, "changed": cleared > 0})


def _counted(n: int, word: str) -> str:
    """ "1 note", "2 notes", "0 errors"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
