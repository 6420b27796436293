"""The Data Checker: what is wrong in a table, cell by cell.

Each column is checked by what its tag says it holds. Values are checked once
per distinct value (a column of a million postcodes has far fewer distinct
ones), then the findings are spread back to every cell holding that value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..clean import collapse_spaces, has_stray_whitespace
from ..clean.datatypes import Context, age_on, datatype, whole_number
from ..clean.missing import formula_like
from ..standard.dictionary import CodeList, DataDictionary, TagEntry, load_dictionary
from ..standard.hashtags import HashtagError, parse_hashtag
from ..standard.suggest import CONFIDENT, suggest_table, suggest_tags
from ..workbook.grid import Column, Table
from ..workbook.values import ExcelError, display_text
from .fast import FUTURE_OK
from .issues import Issue, SheetCheck

Finding = tuple[str, str, Any]  # code, message, suggestion


def key(tag: str) -> str:
    """The comparison key of a tag written in this module."""
    return parse_hashtag(tag).key


BIRTH, AGE = key("#date+birth"), key("#person+age")
PLAINLY = 0.9  # the share of an untagged column's values that says what it is

RANGES = {
    AGE: (0, 120),
    key("#household+num"): (1, 20),
    key("#volunteer+household+num"): (1, 20),
    key("#service+capacity+num"): (0, None),
    key("#geo+lat"): (-90, 90),
    key("#geo+lon"): (-180, 180),
}


@dataclass
class CheckSettings:
    """How strict to be. ``test_data`` accepts numbers and addresses kept for testing
    (Ofcom drama phone numbers, NHS test numbers, example.com) as if they were real."""

    today: dt.date | None = None
    test_data: bool = False
    max_age: int = 120

    @property
    def day(self) -> dt.date:
        return self.today or dt.date.today()


@dataclass
class ColumnPlan:
    column: Column
    entry: TagEntry | None
    tag: str | None
    suggested: bool = False


def plan_columns(
    table: Table, dictionary: DataDictionary | None = None
) -> tuple[list[ColumnPlan], list[Issue], bool]:
    """Each column's tag entry: from the tag row, or suggested when there is none.

    Returns the plans, issues about the tags themselves, and whether tags were
    suggested (the sheet had no tag row).
    """
    dictionary = dictionary or load_dictionary()
    plans: list[ColumnPlan] = []
    issues: list[Issue] = []
    if table.has_tags:
        for col in table.columns:
            if not col.tag:
                # A column its tag row leaves out is still checked for what its values
                # plainly are (web addresses, e-mail addresses, postcodes); its tag stays
                # empty, as the file has it.
                plans.append(ColumnPlan(col, _plainly(table, col, dictionary), None, True))
                continue
            try:
                entry = dictionary.lookup(col.tag)
            except HashtagError as exc:
                issues.append(
                    Issue(
                        "tag-malformed",
                        table.sheet,
                        table.tag_row,
                        col.letter,
                        col.header,
                        col.tag,
                        col.tag,
                        str(exc),
                    )
                )
                plans.append(ColumnPlan(col, None, col.tag))
                continue
            if entry is None:
                suggestion = suggest_tags([col.header])[0]
                # HXL's own convention for a tag of one's own: #x_ (an extension).
                extension = col.tag.strip().lower().startswith("#x_")
                issues.append(
                    Issue(
                        "tag-extension" if extension else "tag-unknown",
                        table.sheet,
                        table.tag_row,
                        col.letter,
                        col.header,
                        col.tag,
                        col.tag,
                        f"{col.tag} is "
                        + ("an extension tag" if extension else "not a tag of the data standard")
                        + f", so column {col.letter} is not checked.",
                        suggestion.tag,
                    )
                )
            plans.append(ColumnPlan(col, entry, col.tag))
        return plans, issues, False
    for col, s in zip(table.columns, suggest_table(table), strict=True):
        entry = dictionary.lookup(s.tag) if s.tag and s.confidence >= CONFIDENT else None
        plans.append(ColumnPlan(col, entry, s.tag if entry else None, suggested=True))
    return plans, issues, True


def _plainly(table: Table, col: Column, dictionary: DataDictionary) -> TagEntry | None:
    """The tag entry nearly all of an untagged column's values plainly are, if any."""
    from ..standard.content import profile

    found = profile(table.frame[col.name].head(500).tolist(), dictionary)
    if not found or found["values"] < 5:
        return None
    for kind, tag in (("url", "#contact+url"), ("email", "#contact+email"),
                      ("postcode", "#contact+address+postcode")):  # fmt: skip
        if found[kind] >= PLAINLY:
            return dictionary.lookup(tag)
    return None


# ------------------------------------------------------------------ values
def context_for(entry: TagEntry | None, codes: CodeList | None, settings: CheckSettings) -> Context:
    """What the datatype of a column needs to know: the day, the limits, the code list."""
    key = entry.key if entry else ""
    return Context(
        today=settings.day,
        test_data=settings.test_data,
        max_age=settings.max_age,
        birth=key == BIRTH,
        value_range=RANGES.get(key),
        codes=codes,
        multiple=bool(entry and entry.multiple),
        future_ok=key in FUTURE_OK,
    )


def value_findings(
    value: Any, entry: TagEntry | None, codes: CodeList | None, settings: CheckSettings
) -> list[Finding]:
    """What is wrong with one value of a column tagged ``entry``.

    The same for every column: an Excel error, stray spaces, a placeholder for a
    missing value ("N/A", "TBC", "0000 000 0000"), text that could run as a formula.
    The rest is the column's datatype's to say (:mod:`vcs_excel.clean.datatypes`).
    """
    if isinstance(value, ExcelError):
        return [("excel-error", f"The cell shows the Excel error {value}.", None)]
    found: list[Finding] = []
    text = value
    if isinstance(value, str):
        if not value.strip():
            return []
        if has_stray_whitespace(value):
            found.append(
                ("stray-whitespace", "Extra spaces or line breaks.", collapse_spaces(value))
            )
        text = collapse_spaces(value)
    kind = datatype(entry.datatype if entry else "text")
    ctx = context_for(entry, codes, settings)
    typed: list[Finding] = []
    if isinstance(text, str) and kind.missing(text) and not _a_code(text, codes):
        typed.append(("placeholder", f"'{display_text(text)}' stands for a missing value.", None))
    elif entry is not None:
        typed += kind.check(text, ctx)
    if isinstance(value, str) and formula_like(value):
        lead = value.lstrip()[0]
        found.append(
            (
                "formula-like-text",
                f"'{display_text(text)}' starts with {lead} and could run as a formula.",
                None,
            )
        )
    return typed + found


def _a_code(text: str, codes: CodeList | None) -> bool:
    """A value the column's code list has ("None" of allergies, "Not known")."""
    return codes is not None and codes.canonical(text) is not None


# ------------------------------------------------------------------ table
def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_table(
    table: Table,
    settings: CheckSettings | None = None,
    plans: list[ColumnPlan] | None = None,
    dictionary: DataDictionary | None = None,
) -> tuple[list[Issue], SheetCheck]:
    """Every issue in one table, with how its columns were tagged."""
    settings = settings or CheckSettings()
    dictionary = dictionary or load_dictionary()
    tag_issues: list[Issue] = []
    suggested = False
    if plans is None:
        plans, tag_issues, suggested = plan_columns(table, dictionary)
    from .fast import factorize

    issues = list(tag_issues)
    frame = table.frame
    distinct: dict[str, tuple[np.ndarray, np.ndarray, Any]] = {}
    for plan in plans:
        series = frame[plan.column.name]
        distinct[plan.column.name] = factorize(
            series.to_numpy(dtype=object), table.text.get(plan.column.name)
        )
        if plan.entry is None:
            # Safety checks need no tag: a formula or an Excel error is one in any column.
            issues.extend(_untagged_issues(table, plan, series, distinct[plan.column.name]))
            continue
        issues.extend(
            _column_issues(
                table, plan, series, settings, dictionary, distinct[plan.column.name], plans
            )
        )
    issues.extend(_row_issues(table, plans, settings, distinct))
    checked = [p for p in plans if p.entry is not None]
    info = SheetCheck(
        sheet=table.sheet,
        rows=len(frame),
        tagged=not suggested,
        columns_checked=len(checked),
        columns_unchecked=[p.column.name for p in plans if p.entry is None],
        total_rows=list(table.total_rows),
    )
    return issues, info


def _issue(table: Table, plan: ColumnPlan, row: int, value: Any, finding: Finding) -> Issue:
    code, message, suggestion = finding
    col = plan.column
    return Issue(
        code,
        table.sheet,
        int(row),
        col.letter,
        col.header or col.name,
        plan.tag,
        value,
        message,
        suggestion,
    )


def _column_issues(
    table: Table,
    plan: ColumnPlan,
    series: pd.Series,
    settings: CheckSettings,
    dictionary: DataDictionary,
    distinct: tuple[np.ndarray, np.ndarray, Any],
    plans: list[ColumnPlan] | None = None,
) -> Iterator[Issue]:
    """``plans``: every column's, so an ID repeated with the same name is one person."""
    from .fast import blank_values, fine_values, id_keys, placeholder_values
    from .issues import ISSUE_TYPES

    entry = plan.entry
    assert entry is not None
    codes = dictionary.codelist_for(entry)
    values = series.to_numpy(dtype=object)
    rows = series.index.to_numpy()
    # Each distinct value is checked once; ``which[i]`` is the distinct value in
    # cell ``i`` (-1 for an empty cell).
    which, uniques, text = distinct
    fine = fine_values(
        uniques,
        entry,
        codes,
        settings.day,
        settings.test_data,
        settings.max_age,
        RANGES.get(entry.key, (0, None)),
        text=text,
    )
    cell_findings: dict[int, list[Finding]] = {}
    value_level: dict[int, list[Finding]] = {}
    for u in np.flatnonzero(~fine):
        for finding in value_findings(uniques[u], entry, codes, settings):
            # "Can be standardised" is said once per distinct value, not in every cell.
            target = value_level if ISSUE_TYPES[finding[0]].severity == "info" else cell_findings
            target.setdefault(int(u), []).append(finding)
    if cell_findings:
        for i in np.flatnonzero(np.isin(which, list(cell_findings))):
            for finding in cell_findings[which[i]]:
                yield _issue(table, plan, rows[i], values[i], finding)
    if value_level:
        counts = np.bincount(which[which >= 0], minlength=len(uniques))
        cells = np.flatnonzero(np.isin(which, list(value_level)))
        _, first = np.unique(which[cells], return_index=True)
        for i in cells[np.sort(first)]:
            n = int(counts[which[i]])
            for code, message, suggestion in value_level[which[i]]:
                more = f" ({n:,} cells like this)" if n > 1 else ""
                yield _issue(table, plan, rows[i], values[i], (code, message + more, suggestion))
    if entry.required:
        label = entry.label.lower()
        missing = blank_values(uniques, text) | placeholder_values(uniques, text, entry, codes)
        blank = (which < 0) | np.isin(which, np.flatnonzero(missing))
        empty = np.flatnonzero(blank)
        if len(empty) * 2 > len(which) > 0:
            # Mostly empty: the list does not keep this detail, and an error in every
            # row would bury the rest. One finding, at the header, says so.
            message = (
                f"No {label} in {len(empty):,} of {len(which):,} rows: the data standard "
                "expects one in every row."
            )
            yield Issue(
                "required-mostly-missing", table.sheet, table.header_row, plan.column.letter,
                plan.column.header or plan.column.name, plan.tag, None, message,
            )  # fmt: skip
        else:
            for i in empty:
                yield _issue(
                    table,
                    plan,
                    rows[i],
                    values[i],
                    ("required-missing", f"No {label} given.", None),
                )
    if entry.datatype == "id" and entry.unique:
        # IDs compare as text, ignoring case and spaces around them.
        key_of, has_key = id_keys(uniques, text)
        cells = np.flatnonzero((which >= 0) & has_key[np.maximum(which, 0)])
        keyed = key_of[which[cells]]
        _, first = np.unique(keyed, return_index=True)
        first_cell = np.full(int(key_of.max(initial=-1)) + 1, -1, dtype=np.int64)
        first_cell[keyed[first]] = cells[first]
        names = _person_names(table, plans or []) if entry.key == "#person+id" else None
        for i in cells[first_cell[keyed] != cells]:
            first = first_cell[key_of[which[i]]]
            message = f"This ID is also on row {int(rows[first])}."
            # The same ID and the same name: one person on two rows, not two people
            # sharing an ID.
            same = names is not None and names[i] and names[i] == names[first]
            code = "repeated-id" if same else "duplicate-id"
            yield _issue(table, plan, rows[i], values[i], (code, message, None))


_NAME_TAGS = ("#person+name", "#person+given+name", "#person+family+name")


def _person_names(table: Table, plans: list[ColumnPlan]) -> list[str] | None:
    """Each row's name as its name columns hold it (the whole name, or the first name and
    surname), in lower case with single spaces; None when the sheet has no name column."""
    named = [p.column.name for p in plans if p.entry is not None and p.entry.key in _NAME_TAGS]
    if not named:
        return None
    parts = table.frame[named].astype("string").fillna("")
    joined = parts.agg(" ".join, axis=1).str.lower().str.split().str.join(" ")
    return joined.tolist()


def _untagged_issues(
    table: Table, plan: ColumnPlan, series: pd.Series, distinct: tuple[np.ndarray, np.ndarray, Any]
) -> Iterator[Issue]:
    which, uniques, _ = distinct
    values = series.to_numpy(dtype=object)
    rows = series.index.to_numpy()
    for u, value in enumerate(uniques):
        findings = [
            f
            for f in value_findings(value, None, None, CheckSettings())
            if f[0] in ("formula-like-text", "excel-error")
        ]
        if findings:
            for i in np.flatnonzero(which == u):
                for finding in findings:
                    yield _issue(table, plan, rows[i], values[i], finding)


def _row_issues(
    table: Table,
    plans: list[ColumnPlan],
    settings: CheckSettings,
    distinct: dict[str, tuple[np.ndarray, np.ndarray, Any]],
) -> Iterator[Issue]:
    frame = table.frame
    if len(frame) and len(frame.columns):
        # Rows compare by the distinct value in each cell, already worked out per column.
        # Only a row whose value in the most varied column is not unique can repeat another.
        varied = max(distinct.values(), key=lambda d: len(d[1]))[0] + 1
        candidates = np.flatnonzero(np.bincount(varied)[varied] > 1)
        codes = pd.DataFrame({name: which[candidates] for name, (which, _, _) in distinct.items()})
        involved = candidates[codes.duplicated(keep=False).to_numpy()]
        if len(involved):
            matrix = np.column_stack([which for which, _, _ in distinct.values()])
            first_of: dict[tuple[int, ...], int] = {}
            lead = plans[0]
            rows = frame.index.to_numpy()
            for i in involved:
                key = tuple(matrix[i].tolist())
                if key in first_of:
                    yield _issue(
                        table,
                        lead,
                        rows[i],
                        frame[lead.column.name].iat[i],
                        ("duplicate-row", f"Row {rows[i]} repeats row {first_of[key]}.", None),
                    )
                else:
                    first_of[key] = int(rows[i])
    by_key = {p.entry.key: p for p in plans if p.entry is not None}
    yield from _age_against_birth(table, by_key, settings)
    yield from _contact_method(table, by_key)


def _age_against_birth(table: Table, by_key: dict[str, ColumnPlan], settings: CheckSettings):
    age_plan, dob_plan = by_key.get(AGE), by_key.get(BIRTH)
    if not age_plan or not dob_plan:
        return
    frame = table.frame
    dates = datatype("date")
    ctx = Context(settings.day, max_age=settings.max_age, birth=True)
    for row, age, born in zip(
        frame.index, frame[age_plan.column.name], frame[dob_plan.column.name], strict=True
    ):
        years = whole_number(age)
        if years is None or _blank(born):
            continue
        day = dates.parse(born, ctx)
        if day is None:
            continue
        actual = age_on(day, settings.day)
        if abs(actual - years) > 1:
            yield _issue(
                table,
                age_plan,
                row,
                age,
                (
                    "age-mismatch",
                    f"Age {years}, but the date of birth {day:%d/%m/%Y} makes the person {actual}.",
                    actual,
                ),
            )


_NEEDS = {
    "email": (("#contact+email",), "an e-mail address"),
    "phone": (("#contact+phone", "#contact+mobile+phone"), "a phone number"),
    "text": (("#contact+mobile+phone", "#contact+phone"), "a mobile number"),
    "letter": (
        ("#contact+address", "#contact+address+line1", "#contact+address+postcode"),
        "an address",
    ),
}


def _contact_method(table: Table, by_key: dict[str, ColumnPlan]):
    plan = by_key.get(key("#contact+preferred"))
    if not plan:
        return
    dictionary = load_dictionary()
    codes = dictionary.codelists["contact_method"]
    code_of = {v.label: v.code for v in codes.values}
    frame = table.frame
    for row, value in frame[plan.column.name].items():
        if _blank(value):
            continue
        label = codes.canonical(str(value))
        need = _NEEDS.get(code_of.get(label or "", ""))
        if need is None:
            continue
        tags, what = need
        columns = [by_key[key(t)].column.name for t in tags if key(t) in by_key]
        if not any(not _blank(frame.at[row, c]) for c in columns):
            yield _issue(
                table,
                plan,
                row,
                value,
                ("contact-method-missing", f"Prefers {label}, but no {what} is given.", None),
            )


def standard_value(value: Any, plan: ColumnPlan, settings: CheckSettings) -> Any:
    """The standard form of one value (unchanged when it cannot be standardised): its
    datatype's standard form, trimmed text, and nothing for a placeholder ("N/A")."""
    if value is None or isinstance(value, ExcelError):
        return value
    text = collapse_spaces(value) if isinstance(value, str) else value
    entry = plan.entry
    if entry is None or text == "":
        return text
    kind = datatype(entry.datatype)
    codes = load_dictionary().codelist_for(entry)
    if isinstance(text, str) and kind.missing(text) and not _a_code(text, codes):
        return None
    return kind.standard(text, context_for(entry, codes, settings))


def standard_column(values: Iterable[Any], plan: ColumnPlan, settings: CheckSettings) -> list[Any]:
    """:func:`standard_value` of each value of a column, worked out once per distinct
    value (a long list repeats its postcodes, dates and codes)."""
    cache: dict[Any, Any] = {}
    out = []
    for value in values:
        try:
            new = cache[value] if value in cache else cache.setdefault(
                value, standard_value(value, plan, settings))  # fmt: skip
        except TypeError:  # an unhashable value: standardised directly
            new = standard_value(value, plan, settings)
        out.append(new)
    return out
