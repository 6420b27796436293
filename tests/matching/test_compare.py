"""Compare with previous list: new, gone and changed people between two versions."""

from __future__ import annotations

import datetime as dt
import json

from helpers import save_rows

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
    data = json.loads(capsys.readouterr().out)
    assert data["new"] == [2]  # Nora, Excel row 2 of the new file
    assert data["gone"] == [4]  # Asha, Excel row 4 of the old file
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
