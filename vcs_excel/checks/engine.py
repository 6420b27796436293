"""The Data Checker: what is wrong in a table, cell by cell.

Each column is checked by what its tag says it holds. Values are checked once
per distinct value (a column of a million postcodes has far fewer distinct
ones), then the findings are spread back to every cell holding that value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..clean import (
    check_nhs_number,
    collapse_spaces,
    has_stray_whitespace,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    parse_date,
)
from ..standard.dictionary import MULTI_SPLIT, CodeList, DataDictionary, TagEntry, load_dictionary
from ..standard.hashtags import HashtagError, parse_hashtag
from ..standard.suggest import CONFIDENT, default_suggester
from ..workbook.grid import Column, Table
from ..workbook.values import ExcelError, display_text
from .issues import Issue, SheetCheck

Finding = tuple[str, str, Any]  # code, message, suggestion
# Text dates already in a standard form (day first with a four-digit year, or ISO).
_STANDARD_DATE = re.compile(r"^(?:\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2})$")


def key(tag: str) -> str:
    """The comparison key of a tag written in this module."""
    return parse_hashtag(tag).key


BIRTH, AGE = key("#date+birth"), key("#person+age")
RANGES = {
    AGE: (0, 120),
    key("#household+num"): (1, 20),
    key("#volunteer+household+num"): (1, 20),
    key("#service+capacity+num"): (0, None),
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
                plans.append(ColumnPlan(col, None, None))
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
                suggestion = default_suggester().suggest(col.header)
                issues.append(
                    Issue(
                        "tag-unknown",
                        table.sheet,
                        table.tag_row,
                        col.letter,
                        col.header,
                        col.tag,
                        col.tag,
                        f"{col.tag} is not a tag of the data standard, so column {col.letter} "
                        "is not checked.",
                        suggestion.tag,
                    )
                )
            plans.append(ColumnPlan(col, entry, col.tag))
        return plans, issues, False
    suggester = default_suggester()
    for col in table.columns:
        s = suggester.suggest(col.header)
        entry = dictionary.lookup(s.tag) if s.tag and s.confidence >= CONFIDENT else None
        plans.append(ColumnPlan(col, entry, s.tag if entry else None, suggested=True))
    return plans, issues, True


# ------------------------------------------------------------------ values
def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if re.fullmatch(r"[+-]?\d+(\.0+)?", text):
            return int(float(text))
    return None


_POSTCODE_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5"})


def _repair_postcode(text: str) -> str | None:
    """A valid postcode one look-alike letter away (O for 0 in the inward code...)."""
    compact = re.sub(r"[^A-Z0-9]", "", text.upper())
    if len(compact) < 5:
        return None
    fixed = compact[:-3] + compact[-3].translate(_POSTCODE_LOOKALIKES) + compact[-2:]
    result = normalise_postcode(fixed)
    return result.standard if result.valid else None


def _age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def value_findings(
    value: Any, entry: TagEntry | None, codes: CodeList | None, settings: CheckSettings
) -> list[Finding]:
    """What is wrong with one value of a column tagged ``entry``."""
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
    datatype = entry.datatype if entry else "text"
    shown = display_text(text)
    typed: list[Finding] = []
    if datatype == "date":
        birth = entry is not None and entry.key == BIRTH
        r = parse_date(text, birth=birth, today=settings.day, max_age=settings.max_age)
        if r.problem == "date-invalid":
            typed.append(("date-invalid", f"'{shown}' is not a real date.", None))
        elif r.problem == "date-in-future":
            typed.append(("date-in-future", f"{r.date:%d/%m/%Y} is in the future.", None))
        elif r.problem == "date-too-old" and r.date:
            age = _age_on(r.date, settings.day)
            typed.append(("date-too-old", f"{r.date:%d/%m/%Y} makes the person {age}.", None))
        elif r.source == "serial" or (r.source == "text" and not _STANDARD_DATE.match(str(text))):
            if r.source == "serial":
                why = f"'{shown}' is an Excel serial number for {r.date:%d %B %Y}."
            elif re.search(r"[/.\-]\d{2}$", str(text)):
                why = f"'{shown}' has a two-digit year: read as {r.date:%d %B %Y}."
            else:
                why = f"'{shown}' is {r.date:%d %B %Y}."
            found.append(("date-format", why, r.date))
    elif datatype in ("integer", "number"):
        n = _int(text) if datatype == "integer" else _number(text)
        if n is None:
            kind = "a whole number" if datatype == "integer" else "a number"
            typed.append(("type-error", f"'{shown}' is not {kind}.", None))
        else:
            low, high = RANGES.get(entry.key if entry else "", (0, None))
            if n < low or (high is not None and n > high):
                limit = f"from {low} to {high}" if high is not None else f"{low} or more"
                typed.append(("number-out-of-range", f"{n} is outside {limit}.", None))
    elif datatype == "postcode":
        r = normalise_postcode(text)
        if not r.valid:
            repair = _repair_postcode(str(text))
            hint = f" Did you mean {repair}?" if repair else ""
            typed.append(("postcode-invalid", f"'{shown}' is not a UK postcode.{hint}", repair))
        elif r.standard != text:
            found.append(
                ("postcode-format", f"'{shown}' is written {r.standard} as standard.", r.standard)
            )
    elif datatype == "phone":
        r = normalise_phone(text)
        if not r.valid:
            typed.append(("phone-invalid", f"'{shown}' is not a valid phone number.", None))
        elif r.fictional and not settings.test_data:
            typed.append(("phone-fictional", f"{shown} is in Ofcom's drama range.", None))
    elif datatype == "email":
        r = normalise_email(text)
        if not r.valid:
            typed.append(("email-invalid", f"'{shown}' is not a valid e-mail address.", None))
        elif r.example and not settings.test_data:
            typed.append(("email-example", f"{shown} is at a domain kept for examples.", None))
    elif datatype == "nhs_number":
        r = check_nhs_number(text)
        if r.problem:
            typed.append((r.problem, _NHS_MESSAGES[r.problem].format(shown), None))
        elif r.test_number and not settings.test_data:
            typed.append(("nhs-number-test", f"{shown} is an NHS test number.", None))
    elif datatype in ("code", "yes_no") and codes is not None:
        typed += _code_findings(str(text), entry, codes, found)
    elif datatype == "uprn":
        digits = str(_int(text) if _int(text) is not None else text).strip()
        if not (digits.isdigit() and 1 <= len(digits) <= 12):
            typed.append(("type-error", f"'{shown}' is not a UPRN (1 to 12 digits).", None))
    if isinstance(value, str) and len(value.strip()) > 1:
        lead = value.lstrip()[0]
        free_text = datatype in ("text", "name", "address", "id")
        if lead == "=" or (lead in "+-@" and (typed or free_text)):
            found.append(
                (
                    "formula-like-text",
                    f"'{shown}' starts with {lead} and could run as a formula.",
                    None,
                )
            )
    return typed + found


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "").strip())
    except ValueError:
        return None


_NHS_MESSAGES = {
    "nhs-number-length": "'{}' does not have 10 digits.",
    "nhs-number-check-digit": "{} fails the NHS number check digit.",
    "nhs-number-dummy": "{} is a placeholder, not an NHS number.",
}


def _code_findings(
    text: str, entry: TagEntry | None, codes: CodeList, found: list[Finding]
) -> list[Finding]:
    parts = [p for p in MULTI_SPLIT.split(text) if p] if entry and entry.multiple else [text]
    canonical, errors = [], []
    for part in parts:
        label = codes.canonical(part)
        if label is None:
            guess = codes.suggest(part)
            hint = f" Did you mean '{guess}'?" if guess else ""
            errors.append(
                ("not-in-code-list", f"'{part}' is not in the {codes.name} list.{hint}", guess)
            )
            canonical.append(guess or part)
        else:
            canonical.append(label)
    standard = ", ".join(canonical)
    if not errors and standard != text:
        found.append(
            ("code-list-format", f"'{text}' is written '{standard}' as standard.", standard)
        )
    return errors


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
            _column_issues(table, plan, series, settings, dictionary, distinct[plan.column.name])
        )
    issues.extend(_row_issues(table, plans, settings, distinct))
    checked = [p for p in plans if p.entry is not None]
    info = SheetCheck(
        sheet=table.sheet,
        rows=len(frame),
        tagged=not suggested,
        columns_checked=len(checked),
        columns_unchecked=[p.column.name for p in plans if p.entry is None],
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
) -> Iterator[Issue]:
    from .fast import blank_values, fine_values, id_keys
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
        blank = (which < 0) | np.isin(which, np.flatnonzero(blank_values(uniques, text)))
        for i in np.flatnonzero(blank):
            yield _issue(
                table, plan, rows[i], values[i], ("required-missing", f"No {label} given.", None)
            )
    if entry.datatype == "id":
        # IDs compare as text, ignoring case and spaces around them.
        key_of, has_key = id_keys(uniques, text)
        cells = np.flatnonzero((which >= 0) & has_key[np.maximum(which, 0)])
        keyed = key_of[which[cells]]
        _, first = np.unique(keyed, return_index=True)
        first_cell = np.full(int(key_of.max(initial=-1)) + 1, -1, dtype=np.int64)
        first_cell[keyed[first]] = cells[first]
        for i in cells[first_cell[keyed] != cells]:
            message = f"This ID is also on row {int(rows[first_cell[key_of[which[i]]]])}."
            yield _issue(table, plan, rows[i], values[i], ("duplicate-id", message, None))


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
    for row, age, born in zip(
        frame.index, frame[age_plan.column.name], frame[dob_plan.column.name], strict=True
    ):
        years = _int(age)
        if years is None or _blank(born):
            continue
        r = parse_date(born, birth=True, today=settings.day, max_age=settings.max_age)
        if r.date is None or r.problem:
            continue
        actual = _age_on(r.date, settings.day)
        if abs(actual - years) > 1:
            yield _issue(
                table,
                age_plan,
                row,
                age,
                (
                    "age-mismatch",
                    f"Age {years}, but the date of birth "
                    f"{r.date:%d/%m/%Y} makes the person {actual}.",
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
