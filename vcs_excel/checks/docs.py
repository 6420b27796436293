"""The issue reference (``docs/checks.md``), generated from :data:`ISSUE_TYPES`."""

from __future__ import annotations

from pathlib import Path

from .issues import ISSUE_TYPES, SEVERITIES

DOCS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def markdown() -> str:
    out = [
        "# What the Data Checker reports",
        "",
        "Generated from `vcs_excel/checks/issues.py` (run `python -m vcs_excel.pages`).",
        "Each finding has a stable code, used in the Issues tab, the JSON output of",
        "`vcs-excel check --json` and this page. *Error*: the value is wrong. *Warning*:",
        "suspicious or a security risk. *Info* (a note in the Issues tab): valid, but can",
        "be standardised, or worth knowing, such as an address abroad (reported once for",
        "each distinct value, with the number of cells holding it).",
        "",
    ]
    for severity in SEVERITIES:
        out += [
            f"## {severity.capitalize()}",
            "",
            "| Code | Problem | How to fix |",
            "|---|---|---|",
        ]
        for t in ISSUE_TYPES.values():
            if t.severity == severity:
                out.append(f"| `{t.code}` | {t.title} | {t.fix} |")
        out.append("")
    return "\n".join(out)
