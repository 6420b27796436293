"""Compare with previous list: new, gone and changed people between two versions."""

from __future__ import annotations

import datetime as dt
import json

from helpers import letters, save_rows

from vcs_excel.cli import main

HEADER = ["NHS Number", "Forename", "Surname", "Date of Birth", "Address", "Postcode", "Phone"]
JEAN = ["943 476 5919", "Jean", "Smith", dt.date(1950, 2, 1), "1 Station Road", "LS6 3GH",
        "0113 496 0001"]  # fmt: skip
BILL = [None, "William", "Okonkwo", dt.date(1948, 3, 5), "14 Mill Lane", "LS6 1AB", None]
ASHA = [None, "Asha", "Patel", dt.date(1961, 5, 4), "5 Beech Grove", "LS6 5EF", "07911 123456"]
NORA = [None, "Nora", "Newman", dt.date(1940, 2, 2), "1 New Street", "LS6 9ZZ", None]


def test_new_gone_and_changed_between_two_files(tmp_path, capsys):
    old = save_rows(tmp_path / "old.xlsx", {"Shielding": [HEADER, JEAN, BILL, ASHA]})
    moved = [*JEAN[:4], "22 Church Road", "LS7 4JK", JEAN[6]]
    # The new week's list: re-sorted, Asha gone, Nora new, Jean moved, Bill as "Bill".
    new = save_rows(
        tmp_path / "new.xlsx",
        {"Shielding": [HEADER, NORA, [None, "Bill", *BILL[2:]], moved]},
    )
    assert main(["compare", str(old), str(new), "--json"]) == 0
    envelope = json.loads(capsys.readouterr().out)
    # The same envelope as every other task.
    assert {"task", "summary", "problems", "sheets", "data"} <= set(envelope)
    data = envelope["data"]
    assert data["new"] == [{"row": 2, "person": "Nora Newman, LS6 9ZZ"}]
    assert data["gone"] == [{"row": 4, "person": "Asha Patel, LS6 5EF"}]
    changed = {c["new_row"]: c for c in data["changed"]}
    assert set(changed[4]["fields"]) == {"Address", "Postcode"}
    assert changed[4]["fields"]["Postcode"] == ["LS6 3GH", "LS7 4JK"]
    assert set(changed[3]["fields"]) == {"Forename"}  # Bill is still William Okonkwo
    assert data["unchanged"] == 0


def test_compare_two_tabs_of_one_workbook_writes_a_changes_tab(tmp_path):
    import openpyxl

    from vcs_excel.commands import run_task
    from vcs_excel.workbook import FileBook

    path = save_rows(
        tmp_path / "lists.xlsx",
        {"Last week": [HEADER, JEAN, BILL], "This week": [HEADER, BILL, NORA]},
    )
    out = tmp_path / "out.xlsx"
    result = run_task("compare", FileBook.open(path, out=out))
    assert "1 new, 1 gone" in result.summary
    ws = openpyxl.load_workbook(out)["Changes since"]
    whats = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    assert "New" in whats and "Gone" in whats


def test_compare_needs_two_tabs(tmp_path, capsys):
    path = save_rows(tmp_path / "one.xlsx", {"Only": [HEADER, JEAN]})
    assert main(["compare", str(path)]) == 2
    assert "exactly two tabs" in capsys.readouterr().err


def _list(n: int) -> list[list]:
    """A list of ``n`` people, some with no date of birth (nothing to match them by but
    their own row)."""
    rows = [HEADER]
    for k in range(n):
        dob = None if k % 4 == 0 else dt.date(1930 + k % 60, 1 + k % 12, 1 + k % 28)
        rows.append([None, f"Given{letters(k)}", f"Family{letters(k)}", dob, f"{k} Long Lane",
                     f"LS6 {k % 9}AB", f"0113 496 {k:04d}"])  # fmt: skip
    return rows


def test_an_identical_tab_has_no_new_no_gone_and_no_changes(tmp_path):
    from vcs_excel.matching.diff import diff_tables
    from vcs_excel.workbook import FileBook

    rows = _list(40)
    path = save_rows(tmp_path / "same.xlsx", {"Last week": rows, "This week": rows})
    book = FileBook.open(path)
    result = diff_tables(book.read_table("Last week"), book.read_table("This week"))
    assert (result.new, result.gone, result.changed) == ([], [], [])
    assert result.unchanged == 40


def test_case_spacing_and_formats_are_not_changes_but_a_new_phone_is(tmp_path):
    from vcs_excel.matching.diff import diff_tables
    from vcs_excel.workbook import FileBook

    old = _list(20)
    new = [list(r) for r in old]
    for r in new[1:]:
        r[1], r[2] = r[1].upper(), f"  {r[2]} "  # letter case and stray spaces
        r[5] = r[5].replace(" ", "").lower()  # "ls60ab"
        r[6] = "+44 113 496 " + r[6][-4:]  # the same number, written another way
        if r[3] is not None:
            r[3] = r[3].strftime("%d/%m/%Y")  # a date typed as text
    new[5][6] = "07700 900123"  # one real change
    path = save_rows(tmp_path / "v.xlsx", {"Old": old, "New": new})
    book = FileBook.open(path)
    result = diff_tables(book.read_table("Old"), book.read_table("New"))
    assert (result.new, result.gone) == ([], [])
    assert [(o, n, set(f)) for o, n, f in result.changed] == [(6, 6, {"Phone"})]  # Excel row 6


def test_changes_since_names_each_person_and_links_gone_people_to_the_previous_tab(tmp_path):
    import openpyxl

    from vcs_excel.commands import run_task
    from vcs_excel.workbook import FileBook

    path = save_rows(
        tmp_path / "lists.xlsx",
        {"Last week": [HEADER, JEAN, BILL, ASHA], "This week": [HEADER, BILL, NORA, JEAN]},
    )
    out = tmp_path / "out.xlsx"
    run_task("compare", FileBook.open(path, out=out))
    ws = openpyxl.load_workbook(out)["Changes since"]
    cells = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    gone = cells["Gone"]
    assert ws.cell(gone, 2).value == "Asha Patel, LS6 5EF"
    assert ws.cell(gone, 3).hyperlink.location == "'Last week'!A4"
    assert ws.cell(cells["New"], 2).value == "Nora Newman, LS6 9ZZ"
    assert ws.cell(cells["New"], 3).hyperlink.location == "'This week'!A3"
    # The tab is in the standard: a tag row that inspect reads back.
    from vcs_excel.workbook import FileBook as Book

    table = Book.open(out).read_table("Changes since")
    assert table.has_tags and "#person+name" in [c.tag for c in table.columns]


def test_two_files_with_several_sheets_compare_each_pair_by_name(tmp_path, capsys):
    old = save_rows(tmp_path / "old.xlsx", {"Shielding": [HEADER, JEAN], "Food": [HEADER, BILL]})
    new = save_rows(tmp_path / "new.xlsx", {"Food": [HEADER, BILL, NORA], "Shielding": [HEADER]})
    assert main(["compare", str(old), str(new), "--json"]) == 0
    envelope = json.loads(capsys.readouterr().out)
    by_sheet = {s["new_sheet"]: s for s in envelope["data"]["sheets"]}
    assert len(by_sheet["Food"]["new"]) == 1 and by_sheet["Food"]["gone"] == []
    assert len(by_sheet["Shielding"]["gone"]) == 1


def test_one_person_of_a_household_gone_and_another_come_is_not_a_change(tmp_path):
    from vcs_excel.matching.diff import diff_tables
    from vcs_excel.workbook import FileBook

    john = [None, "John", "Smith", None, "4 Elm Road", "LS6 2AA", None]
    jane = [None, "Jane", "Smith", None, "4 Elm Road", "LS6 2AA", None]
    julie = [None, "Julie", "Sotelo", None, "92 Tempest Road", "LS11 5LF", "0115 496 0364"]
    married = [None, "Julie", "Akins", None, "92 Tempest Road", "LS11 5LF", "0115 496 0364"]
    path = save_rows(tmp_path / "h.xlsx", {"Old": [HEADER, john, julie],
                                          "New": [HEADER, married, jane]})  # fmt: skip
    book = FileBook.open(path)
    result = diff_tables(book.read_table("Old"), book.read_table("New"))
    assert result.gone == [2] and result.new == [3]  # John gone, Jane new
    assert [(o, n, set(f)) for o, n, f in result.changed] == [(3, 2, {"Surname"})]


def test_a_new_version_with_other_headers_still_compares_field_by_field(tmp_path, capsys):
    # Next month's export renamed its columns ("Post code", "DOB") and added one: the
    # fields are paired by what they hold, so a move is still a change.
    renamed = ["NHS No", "First name", "Last name", "DOB", "Address", "Post code", "Tel", "Notes"]
    moved = [*JEAN[:4], "22 Church Road", "LS7 4JK", JEAN[6], "moved"]
    old = save_rows(tmp_path / "old.xlsx", {"Shielding": [HEADER, JEAN, BILL]})
    new = save_rows(tmp_path / "new.xlsx", {"Shielding": [renamed, moved, [*BILL, None]]})
    assert main(["compare", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["data"]
    assert data["new"] == [] and data["gone"] == []
    (changed,) = data["changed"]
    assert changed["fields"] == {
        "Address": ["1 Station Road", "22 Church Road"],
        "Post code": ["LS6 3GH", "LS7 4JK"],
    }
    assert data["unchanged"] == 1
