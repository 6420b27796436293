"""The Data Checker on files written by other people (benchmarks/realworld): its error and
warning flags fall on cells that are really wrong, and it finds what is."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from vcs_excel.checks.engine import CheckSettings, check_table, plan_columns
from vcs_excel.commands import run_task
from vcs_excel.workbook import FileBook

FILES = Path(__file__).resolve().parents[2] / "benchmarks" / "realworld" / "files"
TODAY = dt.date(2026, 11, 30)


def flags_and_problems(name: str):
    book = FileBook.open(FILES / name)
    table = book.read_table(book.sheet_names()[0])
    plans, _, _ = plan_columns(table)
    issues, _ = check_table(table, CheckSettings(today=TODAY), plans=plans)
    letters = {c.header: c.letter for c in table.columns}
    with (FILES / name).with_suffix(".problems.csv").open(encoding="utf-8", newline="") as fh:
        problems = {(int(r["row"]), letters[r["column"]]) for r in csv.DictReader(fh)}
    cells = [i for i in issues if i.row in table.frame.index]
    return cells, problems


@pytest.mark.parametrize(
    "name",
    ["grants_abct.csv", "grants_alwf.csv", "sbtf_gin_health.csv", "gp_practices.csv",
     "unhcr_3w.csv", "rowca_gin_adm2.csv"],
)  # fmt: skip
def test_no_false_alarms_on_real_files(name):
    cells, problems = flags_and_problems(name)
    false = [
        (i.row, i.column, i.code, i.value)
        for i in cells
        if i.severity in ("error", "warning") and (i.row, i.column) not in problems
    ]
    assert false == []


def test_the_real_problems_of_a_grants_file_are_found_with_their_fixes():
    cells, problems = flags_and_problems("grants_abct.csv")
    found = {(i.row, i.column) for i in cells}
    assert problems <= found
    (letter_o,) = [i for i in cells if i.code == "postcode-invalid"]
    assert letter_o.value == "SE1OEH" and letter_o.suggestion == "SE1 0EH"


def test_iso_date_times_negative_coordinates_and_compact_dates_are_not_flagged():
    for name, code in [("grants_alwf.csv", "date-invalid"), ("sbtf_gin_health.csv",
                       "formula-like-text"), ("gp_practices.csv", "date-invalid")]:  # fmt: skip
        cells, _ = flags_and_problems(name)
        assert not [i for i in cells if i.code == code], name


def test_standardised_copy_of_a_real_file_empties_placeholders_and_reads_iso_dates(tmp_path):
    out = tmp_path / "tidy.xlsx"
    result = run_task("standardise", FileBook.open(FILES / "grants_alwf.csv", out=out),
                      today=TODAY)  # fmt: skip
    assert result.data["changes"] > 0
    book = FileBook.open(out)
    changes = book.read_table("Changes").frame
    was_now = dict(zip(changes["Was"], changes["Now"], strict=True))
    assert was_now["2020-11-03T00:00:00+00:00"] == "03/11/2020"
    assert was_now["0"] is None or was_now["0"] == ""  # a placeholder postcode, emptied


def test_an_hxl_files_own_tags_are_read_and_its_extension_tags_are_information():
    book = FileBook.open(FILES / "sbtf_gin_health.csv")
    table = book.read_table(book.sheet_names()[0])
    plans, tag_issues, _ = plan_columns(table)
    by_tag = {p.column.tag: p.entry.tag if p.entry else None for p in plans}
    assert by_tag["#lat_deg"] == "#geo+lat" and by_tag["#adm1"] == "#adm1+name"
    assert by_tag["#address"] == "#contact+address" and by_tag["#from_date"] == "#date+start"
    from vcs_excel.tasks.check import severity_word

    extension = [i for i in tag_issues if i.code == "tag-extension"]
    assert severity_word("tag-extension") == "Note"
    assert extension and all(i.tag.startswith("#x_") and i.severity == "info" for i in extension)
    assert not [i for i in tag_issues if i.code == "tag-unknown" and i.tag.startswith("#x_")]


def test_journey_on_a_real_file_tag_then_check_then_standardise(tmp_path, capsys):
    """Each step reads only what the one before wrote: a grants file from a funder is
    tagged, the tagged copy is checked, its standardised copy carries the tags on."""
    import json

    from vcs_excel.cli import main

    source = FILES / "grants_alwf.csv"
    tagged, tidy = tmp_path / "tagged.xlsx", tmp_path / "tidy.xlsx"
    assert main(["tag", str(source), "--apply", "--out", str(tagged)]) in (0, 1)
    capsys.readouterr()
    main(["inspect", str(tagged), "--json"])
    (sheet,) = json.loads(capsys.readouterr().out)["data"]["sheets"]
    tags = {c["header"]: c["tag"] for c in sheet["columns"]}
    assert sheet["tag_row"] == 2
    assert tags["Recipient Org:Postal Code"] == "#contact+address+postcode"
    assert tags["Award Date"] == "#date" and tags["Recipient Org:Name"] == "#org+name"
    assert tags["Title"] in (None, "")  # a grant's title is not a person's

    main(["check", str(tagged), "--json"])
    issues = json.loads(capsys.readouterr().out)["issues"]
    with (FILES / "grants_alwf.problems.csv").open(encoding="utf-8", newline="") as fh:
        problems = {(int(r["row"]) + 1, r["column"]) for r in csv.DictReader(fh)}  # + tag row
    letters = {c["header"]: c["letter"] for c in sheet["columns"]}
    problems = {(row, letters[header]) for row, header in problems}
    flagged = {(i["row"], i["column"]) for i in issues if i["severity"] in ("error", "warning")}
    assert flagged and flagged <= problems
    assert problems <= {(i["row"], i["column"]) for i in issues}

    main(["standardise", str(tagged), "--out", str(tidy)])
    copy = FileBook.open(tidy).read_table("grants_alwf standardised")
    assert copy.has_tags
    copied = {c.header: c.tag for c in copy.columns}
    assert copied["Recipient Org:Postal Code"] == "#contact+address+postcode"
    # The copy is standard: checked again, its postcodes need no more standardising.
    again, _ = check_table(copy, CheckSettings(today=TODAY))
    assert not [i for i in again if i.code in ("postcode-format", "date-format")]


def test_a_column_its_tag_row_leaves_out_is_checked_for_what_its_values_plainly_are(tmp_path):
    from helpers import save_rows

    links = [f"https://example.org/page{n}" for n in range(9)] + ["https//example.org/x"]
    rows = [["Org", "Link", "Notes"], ["#org+name", "", ""]]
    rows += [[f"Group {n}", link, "see https://a.org"] for n, link in enumerate(links)]
    path = save_rows(tmp_path / "tagged.xlsx", {"Orgs": rows})
    book = FileBook.open(path)
    table = book.read_table("Orgs")
    plans, _, _ = plan_columns(table)
    assert plans[1].entry is not None and plans[1].entry.datatype == "url"
    assert plans[1].tag is None and plans[2].entry is None  # the file's tags are its own
    issues, _ = check_table(table, CheckSettings(today=TODAY), plans=plans)
    flagged = {(i.row, i.column) for i in issues if i.severity in ("error", "warning")}
    assert flagged == {(12, "B")}
