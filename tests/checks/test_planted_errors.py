"""The checker against a 600-row list with planted errors of every kind."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from vcs_excel.commands import run_task
from vcs_excel.synthetic.planted import NAMES, PLANTS, make_planted_list, write_planted
from vcs_excel.workbook import FileBook
from vcs_excel.workbook.values import column_letter

TODAY = dt.date(2026, 11, 20)
LETTER = {name: column_letter(k + 1) for k, name in enumerate(NAMES)}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    planted = make_planted_list(rows=600)
    path = tmp_path_factory.mktemp("planted") / "residents.xlsx"
    write_planted(planted, path)
    result = run_task("check", FileBook.open(path), commit=False, test_data=True, today=TODAY)
    return planted, result.payload["issues"]


def test_fixture_has_every_kind_of_error_and_enough_rows(checked):
    planted, _ = checked
    assert len(planted.rows) >= 500
    kinds = {code for _, _, code in planted.planted}
    assert kinds >= {code for code, _, _ in PLANTS} | {"duplicate-row"}


def test_recall_of_planted_errors_is_at_least_98_percent(checked):
    planted, issues = checked
    found = {(i["row"], i["column"], i["code"]) for i in issues}
    expected = {(row, LETTER[col], code) for row, col, code in planted.excel_rows()}
    missed = expected - found
    assert len(expected & found) / len(expected) >= 0.98, Counter(c for *_, c in missed)


def test_false_alarms_are_at_most_half_a_percent_of_clean_cells(checked):
    planted, issues = checked
    planted_cells = {(row, LETTER[col]) for row, col, _ in planted.excel_rows()}
    alarms = [
        i for i in issues
        if i["severity"] != "info" and (i["row"], i["column"]) not in planted_cells
    ]  # fmt: skip
    clean = len(planted.rows) * len(NAMES) - len(planted_cells)
    assert len(alarms) / clean <= 0.005, alarms[:5]


def test_valid_but_differently_formatted_values_are_at_most_info(checked):
    planted, issues = checked
    planted_cells = {(row, LETTER[col]) for row, col, _ in planted.excel_rows()}
    for issue in issues:
        if (issue["row"], issue["column"]) in planted_cells:
            continue
        if issue["code"] in ("postcode-format", "date-format", "code-list-format"):
            assert issue["severity"] == "info"
    formats = Counter(i["code"] for i in issues if i["severity"] == "info")
    assert formats["postcode-format"] > 100 and formats["date-format"] > 100
