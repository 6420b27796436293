"""Check data, Standardised copy, Clear check marks and Tag headers on real workbooks."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from helpers import save_rows

from vcs_excel.cli import main
from vcs_excel.commands import run_task
from vcs_excel.workbook import FileBook

TODAY = dt.date(2026, 11, 20)
HEADER = ["Name", "DOB", "Post Code", "Tel", "NHS No.", "Ethnicity", "Notes"]
ROWS = [
    ["Jean Smith", "01/02/1950", "ls61ab", "0113 496 0001", "943 476 5919", "White British", None],
    ["Bill Jones", "31/02/1950", "LS6 1A", "123", "9434765918", "Whte British", "=1+1"],
    ["Asha Patel", dt.date(1961, 5, 4), "LS7 2CD", "+44 113 496 0002", None, "Indian", "-"],
]


@pytest.fixture
def lists(tmp_path):
    return save_rows(tmp_path / "lists.xlsx", {"People": [HEADER, *ROWS]})


def grid(path, sheet="People"):
    return FileBook.open(path).read_grid(sheet).array().tolist()


def test_check_writes_issues_tab_with_links_and_summary(lists, tmp_path):
    out = tmp_path / "checked.xlsx"
    result = run_task("check", FileBook.open(lists, out=out), test_data=True, today=TODAY)
    codes = {i["code"] for i in result.payload["issues"]}
    assert {"date-invalid", "postcode-invalid", "phone-invalid", "nhs-number-check-digit",
            "not-in-code-list", "formula-like-text", "postcode-format"} <= codes  # fmt: skip
    wb = openpyxl.load_workbook(out)
    ws = wb["Issues"]
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "Severity")
    cells = {ws.cell(r, 3).value: ws.cell(r, 3) for r in range(header_row + 1, ws.max_row + 1)}
    assert cells["B3"].hyperlink.location == "'People'!B3"
    assert "Whte British" in [ws.cell(r, 6).value for r in range(header_row + 1, ws.max_row + 1)]
    summary = wb["Issues summary"]
    assert any(summary.cell(r, 3).value == "not-in-code-list" for r in range(1, summary.max_row))


def test_check_marks_cells_but_never_changes_a_value_and_clear_removes_marks(lists, tmp_path):
    before = grid(lists)
    checked = tmp_path / "checked.xlsx"
    run_task("check", FileBook.open(lists, out=checked), test_data=True, today=TODAY)
    assert grid(checked) == before
    people = openpyxl.load_workbook(checked)["People"]
    assert people["C3"].fill.fgColor.rgb.endswith("FFC7CE")  # the bad postcode
    assert "not a UK postcode" in people["C3"].comment.text
    cleared = tmp_path / "cleared.xlsx"
    result = run_task("clear_marks", FileBook.open(checked, out=cleared))
    assert result.data["cleared"] > 0
    people = openpyxl.load_workbook(cleared)["People"]
    assert people["C3"].fill.fill_type is None and people["C3"].comment is None
    assert grid(cleared) == before


def test_untagged_sheet_is_checked_with_suggested_tags_and_says_so(lists):
    result = run_task("check", FileBook.open(lists), commit=False, test_data=True, today=TODAY)
    assert "People had no tag row, so suggested tags were used" in result.summary
    assert result.payload["summary"]["sheets"][0]["tagged"] is False
    issue = next(i for i in result.payload["issues"] if i["code"] == "postcode-invalid")
    assert issue["tag"] == "#contact+address+postcode"


def test_cli_check_json_shape_and_excel_rows(capsys, tmp_path):
    path = save_rows(tmp_path / "t.xlsx", {"P": [["Title row"], [], HEADER, *ROWS]})
    code = main(["check", str(path), "--json", "--test-data"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert set(data) == {"issues", "summary"}
    keys = {"sheet", "row", "column", "header", "tag", "value", "code", "severity", "message",
            "suggestion"}  # fmt: skip
    assert all(keys <= set(i) for i in data["issues"])
    bad = next(i for i in data["issues"] if i["code"] == "date-invalid")
    assert (bad["sheet"], bad["row"], bad["column"], bad["value"]) == ("P", 5, "B", "31/02/1950")
    suggestion = next(i for i in data["issues"] if i["value"] == "Whte British")
    assert suggestion["suggestion"] == "White: English, Welsh, Scottish, Northern Irish or British"


def test_clean_sheet_exits_0(capsys, tmp_path):
    path = save_rows(
        tmp_path / "ok.xlsx", {"P": [HEADER[:3], ["Jean Smith", dt.date(1950, 2, 1), "LS6 1AB"]]}
    )
    assert main(["check", str(path), "--no-marks"]) == 0


def test_standardised_copy_and_change_log(lists, tmp_path, capsys):
    out = tmp_path / "std.xlsx"
    assert main(["standardise", str(lists), "--out", str(out), "--test-data"]) == 0
    wb = openpyxl.load_workbook(out)
    std = wb["People standardised"]
    assert [std.cell(2, c).value for c in (3, 4, 5)] == [
        "#contact+address+postcode", "#contact+phone", "#person+id+nhs",
    ]  # fmt: skip
    assert std["C3"].value == "LS6 1AB" and std["D3"].value == "+441134960001"
    assert std["B3"].value == dt.datetime(1950, 2, 1) and std["B3"].number_format == "yyyy-mm-dd"
    assert std["F3"].value == "White: English, Welsh, Scottish, Northern Irish or British"
    assert std["C4"].value == "LS6 1A"  # invalid values are left as they are
    log = [[c.value for c in row] for row in wb["Changes"].iter_rows(min_row=4)]
    assert ["People", "C2", "Post Code", "ls61ab", "LS6 1AB", "postcode spacing and case"] in log
    assert grid(out) == grid(lists)  # the source tab is untouched


def test_standardise_needs_an_output_file(lists, capsys):
    assert main(["standardise", str(lists)]) == 2
    assert "--out" in capsys.readouterr().err


def test_tag_suggests_without_changing_then_apply_inserts_tag_row(lists, capsys):
    before = lists.read_bytes()
    assert main(["tag", str(lists), "--json"]) in (0, 1)
    data = json.loads(capsys.readouterr().out)
    columns = data["data"]["sheets"][0]["columns"]
    assert [c["tag"] for c in columns][:3] == [
        "#person+name", "#date+birth", "#contact+address+postcode",
    ]  # fmt: skip
    assert lists.read_bytes() == before
    main(["tag", str(lists), "--apply"])
    book = FileBook.open(lists)
    table = book.read_table("People")
    assert (table.header_row, table.tag_row) == (1, 2)
    assert table.frame.loc[3, "Name"] == "Jean Smith"  # data moved down one row
    ws = openpyxl.load_workbook(lists)["People"]
    rules = [dv for dv in ws.data_validations.dataValidation if "A2" in str(dv.sqref)]
    assert rules and rules[0].formula1.startswith("'_vcs_excel_lists'!")


def test_unsure_suggestions_are_marked_for_a_person(tmp_path):
    path = save_rows(tmp_path / "t.xlsx", {"S": [["Postocde", "Name"], ["LS6 1AB", "Jo Bloggs"]]})
    result = run_task("tag", FileBook.open(path), apply=True)
    ws = openpyxl.load_workbook(path)["S"]
    assert ws["A2"].value == "#contact+address+postcode"
    assert ws["A2"].fill.fgColor.rgb.endswith("FFD966") and "Please check" in ws["A2"].comment.text
    assert ws["B2"].comment is None
    assert result.problems == 1


def test_bad_tags_are_reported_not_dropped(tmp_path, capsys):
    path = save_rows(
        tmp_path / "t.xlsx",
        {"S": [["Name", "Shoe size", "Postcode"], ["#person+name", "#shoe+size", "# postcode"],
               ["Jo Bloggs", 9, "LS6 1AB"]]},
    )  # fmt: skip
    assert main(["check", str(path), "--json"]) == 1
    issues = json.loads(capsys.readouterr().out)["issues"]
    tag_issues = {(i["column"], i["code"]) for i in issues if i["row"] == 2}
    assert tag_issues == {("B", "tag-unknown"), ("C", "tag-malformed")}


def test_tag_row_insertion_refused_when_formulas_point_below(tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "Age"])
    ws.append(["Jo", 40])
    ws["D1"] = "=SUM(B2:B10)"
    wb.save(tmp_path / "f.xlsx")
    before = (tmp_path / "f.xlsx").read_bytes()
    assert main(["tag", str(tmp_path / "f.xlsx"), "--apply"]) == 2
    assert "formulas that point below row 1" in capsys.readouterr().err
    assert (tmp_path / "f.xlsx").read_bytes() == before


def test_tag_row_insertion_moves_merged_cells_and_validation(tmp_path):
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "Consent"])
    ws.append(["Jo Bloggs", "Yes"])
    ws.append(["Note spanning", None])
    ws.merge_cells("A3:B3")
    dv = DataValidation(type="list", formula1='"Yes,No"')
    ws.add_data_validation(dv)
    dv.add("B2:B3")
    wb.save(tmp_path / "m.xlsx")
    run_task("tag", FileBook.open(tmp_path / "m.xlsx"), apply=True)
    ws = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    assert [str(r) for r in ws.merged_cells.ranges] == ["A4:B4"]
    assert any(str(d.sqref) == "B3:B4" for d in ws.data_validations.dataValidation)
    assert ws["A3"].value == "Jo Bloggs"


def test_hxl_tools_read_our_tagged_sheets(lists):
    hxl = pytest.importorskip("hxl")
    run_task("tag", FileBook.open(lists), apply=True)
    source = hxl.data(str(lists), hxl.input.InputOptions(allow_local=True))
    tags = [c.display_tag for c in source.columns]
    assert tags[:3] == ["#person+name", "#date+birth", "#contact+address+postcode"]
    assert next(iter(source)).get("#contact+address+postcode") == "ls61ab"


def test_a_row_of_totals_is_not_checked_or_copied_and_the_user_is_told(tmp_path):
    rows = [["Name", "Household size", "DBS checked?"], ["Jean Smith", 2, "Yes"]]
    rows += [["Bill Jones", 3, "No"], [], ["Total", 5]]
    path = save_rows(tmp_path / "totals.xlsx", {"People": rows})
    checked = run_task("check", FileBook.open(path, out=tmp_path / "c.xlsx"), today=TODAY)
    assert "People row 5" in checked.summary and "totals" in checked.summary
    # The totals row has no name, yet no "missing name" error points at it; a DBS check
    # recorded as Yes or No is a value of the code list, not an error.
    assert not [i for i in checked.payload["issues"] if i["row"] == 5]
    assert checked.payload["summary"]["errors"] == 0
    issues = openpyxl.load_workbook(tmp_path / "c.xlsx")["Issues"]
    lines = [[c.value for c in row] for row in issues.iter_rows()]
    assert any("row(s) 5: totals" in str(line[0]) for line in lines)
    listed = [line for line in lines if line[1] == "People"]  # the issues, in full
    assert len(listed) == len(checked.payload["issues"]) > 0
    assert all(line[0] in ("Error", "Warning", "Can be standardised") for line in listed)
    copied = run_task("standardise", FileBook.open(path, out=tmp_path / "s.xlsx"), today=TODAY)
    assert "People row 5" in copied.summary
    copy = openpyxl.load_workbook(tmp_path / "s.xlsx")["People standardised"]
    values = [c.value for row in copy.iter_rows() for c in row]
    assert "Total" not in values and "Checked, level not recorded" in values


def test_a_dbs_answer_of_yes_with_its_level_is_that_level(tmp_path):
    rows = [["Name", "DBS check"], ["Jean Smith", "Yes - enhanced"], ["Bill Jones", "Yes, basic"]]
    rows += [["Ann Lee", "Yes (enhanced with barred list)"], ["Raj Patel", "Yes"]]
    path = save_rows(tmp_path / "dbs.xlsx", {"Volunteers": rows})
    run_task("tag", FileBook.open(path), apply=True)
    checked = run_task("check", FileBook.open(path), today=TODAY)
    found = {i["value"]: (i["severity"], i["suggestion"]) for i in checked.payload["issues"]}
    assert found == {
        "Yes - enhanced": ("info", "Enhanced"),
        "Yes, basic": ("info", "Basic"),
        "Yes (enhanced with barred list)": ("info", "Enhanced with barred list check"),
        "Yes": ("info", "Checked, level not recorded"),
    }


def test_an_amount_with_a_pound_sign_can_be_standardised_and_plain_numbers_are_no_change(
    tmp_path,
):
    path = tmp_path / "gifts.csv"
    path.write_text('Name,Amount\nJo Bloggs,20\nAl Smith,20.50\nBo Li,"£1,250.00"\n')
    checked = run_task("check", FileBook.open(path, out=tmp_path / "c.xlsx"), today=TODAY)
    found = [(i["row"], i["code"], i["suggestion"]) for i in checked.payload["issues"]]
    assert found == [(4, "number-format", 1250)]
    copied = run_task("standardise", FileBook.open(path, out=tmp_path / "s.xlsx"), today=TODAY)
    assert copied.data["changes"] == 1  # the same one the checker found
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    changes = [r for r in wb["Changes"].iter_rows(values_only=True) if r[0] == "gifts"]
    assert changes == [("gifts", "B4", "Amount", "£1,250.00", "1250", "a number")]
    copy = [r[1] for r in wb["gifts standardised"].iter_rows(min_row=3, values_only=True)]
    assert copy == [20, 20.5, 1250]  # numbers Excel can add up


FORM = """Timestamp,Full name,Email address,Your postcode,Do you have a current DBS check?,\
I agree to my details being shared with the mutual aid group
23/03/2020 18:09:56,Sam Taylor,sam.taylor@example.com,LS6 3AB,No,I agree
24/03/2020 09:01:44,Tom O'Neill,tom@example.org,LS6,Don't know,I agree
"""


def test_a_volunteer_sign_up_form_export_is_read_as_people_answer(tmp_path):
    path = tmp_path / "form.csv"
    path.write_text(FORM)
    tagged = tmp_path / "tagged.xlsx"
    run_task("tag", FileBook.open(path, out=tagged), apply=True)
    result = run_task("check", FileBook.open(tagged, out=tmp_path / "c.xlsx"), test_data=True)
    by_cell = {f"{i['column']}{i['row']}": i["code"] for i in result.payload["issues"]}
    # "I agree" is a yes, "Don't know" a missing value, "LS6" half a postcode: no errors.
    assert result.payload["summary"]["errors"] == 0, by_cell
    assert by_cell["D4"] == "postcode-partial"
    assert by_cell["E4"] == "placeholder"
    assert by_cell["F3"] == "code-list-format"
    run_task("standardise", FileBook.open(tagged, out=tmp_path / "s.xlsx"), test_data=True)
    copy = openpyxl.load_workbook(tmp_path / "s.xlsx")["form standardised"]
    assert copy["A3"].value == dt.datetime(2020, 3, 23, 18, 9, 56)  # the time is kept
    assert copy["A3"].number_format == "yyyy-mm-dd hh:mm:ss"


def test_one_persons_id_on_two_rows_is_not_two_people_sharing_an_id(capsys, tmp_path):
    # A list with a row for each request: the same resident's ID and name again is one
    # person twice (for information); the ID on another person's row is an error.
    rows = [["Client ID", "First name", "Surname"], ["C1", "Maureen", "Okafor"],
            ["C1", "maureen", "OKAFOR "], ["C1", "Owen", "Price"]]  # fmt: skip
    path = save_rows(tmp_path / "requests.xlsx", {"Requests": rows})
    main(["check", str(path), "--json", "--no-marks"])
    issues = json.loads(capsys.readouterr().out)["issues"]
    by_row = {i["row"]: (i["code"], i["severity"]) for i in issues if i["header"] == "Client ID"}
    assert by_row == {3: ("repeated-id", "info"), 4: ("duplicate-id", "error")}
