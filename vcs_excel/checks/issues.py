"""Findings of the Data Checker, as data.

Every finding is an :class:`Issue` with a stable kebab-case ``code``, and each
code is described once in :data:`ISSUE_TYPES` (its severity, a title and how
to fix it), from which the docs' issue reference is generated.

Severities: ``error`` (the value is wrong), ``warning`` (suspicious, or a
security risk), ``info`` (valid, but can be standardised).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class IssueType:
    code: str
    severity: str
    title: str
    fix: str


ISSUE_TYPES: dict[str, IssueType] = {
    t.code: t
    for t in [
        IssueType("required-missing", "error", "Required value missing",
                  "Fill in the value, or remove the row if it is not a real record."),
        IssueType("required-mostly-missing", "warning", "Required column mostly empty",
                  "The list does not keep this detail for most rows: fill it in where it is "
                  "known, or check that the column is tagged right."),
        IssueType("type-error", "error", "Wrong kind of value",
                  "Enter a value of the kind the column holds (see the data dictionary)."),
        IssueType("number-out-of-range", "error", "Number out of range",
                  "Check the number: it is outside what this column allows."),
        IssueType("number-format", "info", "Number can be standardised",
                  "Write the number alone, without a pound sign or commas, so that Excel "
                  "can add it up (the standardised copy does)."),
        IssueType("excel-error", "error", "Excel error value",
                  "The cell shows an Excel error such as #N/A: fix the formula or type the value."),
        IssueType("postcode-invalid", "error", "Not a UK postcode",
                  "Check the postcode against the address (Royal Mail's postcode finder)."),
        IssueType("postcode-partial", "warning", "Only part of a postcode",
                  "The district alone (LS6) covers thousands of homes: add the rest of the "
                  "postcode if it is known, so the address can be found and matched."),
        IssueType("postcode-foreign", "info", "Not a UK postcode",
                  "Another country's postal code, or X (HMRC's mark for a donor abroad): fine "
                  "for an address abroad; otherwise check it."),
        IssueType("postcode-format", "info", "Postcode can be standardised",
                  "Upper case with one space before the last three characters, e.g. LS6 1AB."),
        IssueType("nhs-number-length", "error", "NHS number is not 10 digits",
                  "An NHS number has exactly 10 digits; check it against the source record."),
        IssueType("nhs-number-check-digit", "error", "NHS number fails its check digit",
                  "One digit is wrong or two are swapped: check it against the source record."),
        IssueType("nhs-number-dummy", "error", "Placeholder NHS number",
                  "This is a placeholder (such as 0000000000), not a real NHS number: leave it "
                  "empty if it is not known."),
        IssueType("nhs-number-test", "warning", "NHS test number",
                  "Numbers from 999 000 0000 are kept for testing and never issued to anyone."),
        IssueType("date-invalid", "error", "Not a valid date",
                  "Enter a real date, day first (25/12/1950)."),
        IssueType("date-in-future", "error", "Date in the future",
                  "Check the year: this date has not happened yet."),
        IssueType("date-too-old", "error", "Age over 120",
                  "Check the year of birth: it makes the person older than 120."),
        IssueType("date-partial", "warning", "Only part of a date",
                  "A year, a month and year, or a month alone: enter the whole date (day, month "
                  "and year) if it is known, or keep partial dates in a column of their own."),
        IssueType("date-century-ambiguous", "warning", "Year of birth could be in two centuries",
                  "A two-digit year fits both centuries (15: 2015 or 1915): write the year in "
                  "full."),
        IssueType("date-format", "info", "Date can be standardised",
                  "Typed as text or a serial number; a real Excel date sorts and filters "
                  "correctly."),
        IssueType("age-mismatch", "warning", "Age does not agree with date of birth",
                  "Check both: the age and the date of birth give different ages."),
        IssueType("phone-invalid", "error", "Not a valid phone number",
                  "Check the number of digits and the area code."),
        IssueType("phone-missing-zero", "warning", "Phone number lost its leading 0",
                  "Excel drops the 0 of a number typed into a number cell: put it back (the "
                  "suggestion), and format the column as Text so it stays."),
        IssueType("phone-scientific", "error", "Phone number in scientific notation",
                  "Excel showed the number as 1.61834E+11 and kept only its first digits: find "
                  "the number again and type it into a cell formatted as Text."),
        IssueType("phone-fictional", "warning", "Phone number reserved for drama",
                  "Ofcom keeps this range for TV and radio: it is not a real line."),
        IssueType("email-invalid", "error", "Not a valid e-mail address",
                  "An address looks like name@domain.org, with no spaces."),
        IssueType("email-example", "warning", "Example e-mail address",
                  "This domain is reserved for examples: no e-mail is ever delivered to it."),
        IssueType("not-in-code-list", "error", "Not one of the allowed values",
                  "Choose a value from the code list in the data dictionary."),
        IssueType("code-list-format", "info", "Value can be standardised",
                  "A known spelling of an allowed value; the standard spelling is suggested."),
        IssueType("url-invalid", "error", "Not a web address",
                  "A web address has no spaces: https://example.org or www.example.org."),
        IssueType("id-free-text", "warning", "A note in an ID column",
                  "Put the ID alone in the cell, and the note in a notes column."),
        IssueType("placeholder", "info", "Placeholder for a missing value",
                  "Text such as N/A, TBC, -- or 0000 stands for a value nobody knows: leave the "
                  "cell empty instead (the standardised copy does), so it is not read as a "
                  "value."),
        IssueType("duplicate-id", "error", "ID used twice",
                  "Each record needs its own ID: check whether both rows are the same record."),
        IssueType("repeated-id", "info", "The same person on two rows",
                  "The ID and the name agree with an earlier row: one person on two rows (a "
                  "list with a row for each request or visit), or a row copied twice."),
        IssueType("duplicate-row", "warning", "Row repeated",
                  "The row repeats an earlier row exactly; delete one copy if it is a duplicate."),
        IssueType("stray-whitespace", "info", "Extra spaces",
                  "Spaces at the start or end, doubled spaces or line breaks; the standardised "
                  "copy removes them."),
        IssueType("contact-method-missing", "warning", "Preferred contact detail missing",
                  "The person prefers a way of contact for which the list has no detail."),
        IssueType("formula-like-text", "warning", "Text that could run as a formula",
                  "Text starting with =, or with + - or @ and not a number, can run as a "
                  "formula when opened or pasted elsewhere (a security risk): add a word or a "
                  "space at the start."),
        IssueType("tag-unknown", "warning", "Tag not in the data standard",
                  "Choose a tag from the dropdown, or add this tag to the data dictionary."),
        IssueType("tag-extension", "info", "Extension tag",
                  "A tag of the list's own (HXL's #x_ prefix): kept as it is, and not checked. "
                  "Choose a tag of the standard from the dropdown to have the column checked."),
        IssueType("tag-malformed", "error", "Tag written wrongly",
                  "A tag looks like #hashtag+attribute, with no spaces, e.g. #person+name."),
    ]
}  # fmt: skip


@dataclass
class Issue:
    """One finding, pointing at one cell (``row`` is the Excel row number)."""

    code: str
    sheet: str
    row: int | None
    column: str
    header: str | None
    tag: str | None
    value: Any
    message: str
    suggestion: Any = None

    @property
    def severity(self) -> str:
        return ISSUE_TYPES[self.code].severity

    @property
    def fix(self) -> str:
        return ISSUE_TYPES[self.code].fix

    def to_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "tag": self.tag,
            "value": _plain(self.value),
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "suggestion": _plain(self.suggestion),
        }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@dataclass
class SheetCheck:
    """How a sheet was checked: its tags came from its tag row or were suggested."""

    sheet: str
    rows: int
    tagged: bool
    columns_checked: int
    columns_unchecked: list[str] = field(default_factory=list)
    total_rows: list[int] = field(default_factory=list)  # totals under the data, not checked


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)
    sheets: list[SheetCheck] = field(default_factory=list)

    def count(self, severity: str | None = None) -> int:
        if severity is None:
            return len(self.issues)
        codes = Counter(i.code for i in self.issues)
        return sum(n for code, n in codes.items() if ISSUE_TYPES[code].severity == severity)

    def by_code(self) -> dict[str, int]:
        return dict(Counter(i.code for i in self.issues).most_common())

    def by_column(self) -> list[dict[str, Any]]:
        counts: Counter[tuple[str, str, str | None, str | None, str]] = Counter(
            (i.sheet, i.column, i.header, i.tag, i.code) for i in self.issues
        )
        table: dict[tuple[str, str], dict[str, Any]] = {}
        for (sheet, column, header, tag, code), n in counts.items():
            severity = ISSUE_TYPES[code].severity
            row = table.setdefault(
                (sheet, column),
                {"sheet": sheet, "column": column, "header": header, "tag": tag,
                 "error": 0, "warning": 0, "info": 0},
            )  # fmt: skip
            row[severity] += n
        return sorted(table.values(), key=lambda r: (-r["error"], -r["warning"], r["sheet"]))

    def summary(self) -> dict[str, Any]:
        by_code = self.by_code()
        by_severity = Counter({s: 0 for s in SEVERITIES})
        for code, n in by_code.items():
            by_severity[ISSUE_TYPES[code].severity] += n
        return {
            "issues": len(self.issues),
            "errors": by_severity["error"],
            "warnings": by_severity["warning"],
            "infos": by_severity["info"],
            "by_code": by_code,
            "by_column": self.by_column(),
            "sheets": [asdict(s) for s in self.sheets],
        }

    def to_json(self, summary: dict[str, Any] | None = None) -> dict[str, Any]:
        """The report as JSON data; ``summary`` is :meth:`summary`'s, when already made."""
        return {"issues": [i.to_dict() for i in self.issues], "summary": summary or self.summary()}
