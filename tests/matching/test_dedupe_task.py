"""Find duplicates on a workbook: tabs, CSVs, and the user's tabs left exactly as they were."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from vcs_excel.cli import main
from vcs_excel.synthetic import demo_lists, write_workbook
from vcs_excel.workbook import FileBook


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dedupe")
    lists = demo_lists()
    write_workbook(lists, folder / "lists.xlsx")
    return folder, lists


def values(path, sheets):
    book = FileBook.open(path)
    return {s: book.read_grid(s).array().tolist() for s in sheets}


def test_dedupe_writes_review_and_one_list_and_leaves_sources_unchanged(demo, capsys):
    folder, lists = demo
    out = folder / "matched.xlsx"
    clusters, review = folder / "clusters.csv", folder / "review.csv"
    code = main(["dedupe", str(folder / "lists.xlsx"), "--out", str(out),
                 "--clusters-csv", str(clusters), "--review-csv", str(review)])  # fmt: skip
    assert code in (0, 1)
    names = [s.name for s in lists]
    assert values(out, names) == values(folder / "lists.xlsx", names)
    wb = openpyxl.load_workbook(out)
    assert {"Review", "One list"} <= set(wb.sheetnames)
    with clusters.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(s.rows) for s in lists)
    assert set(rows[0]) == {"sheet", "row", "person_id"}
    # Rows are Excel rows of the input: the shielding list's data starts under its title rows.
    shielding = [int(r["row"]) for r in rows if r["sheet"] == "Shielding"]
    assert min(shielding) == lists[0].header_row + 1
    with review.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header == ["sheet_a", "row_a", "sheet_b", "row_b", "score", "reason"]


def test_people_found_match_the_truth_on_the_demo_lists(demo, tmp_path):
    folder, lists = demo
    clusters = tmp_path / "clusters.csv"
    review = tmp_path / "review.csv"
    main([
        "dedupe", str(folder / "lists.xlsx"), "--clusters-csv", str(clusters),
        "--review-csv", str(review),
    ])  # fmt: skip
    with clusters.open(encoding="utf-8") as fh:
        found = {(r["sheet"], int(r["row"])): r["person_id"] for r in csv.DictReader(fh)}
    with review.open(encoding="utf-8") as fh:
        asked = {
            tuple(sorted([(r["sheet_a"], int(r["row_a"])), (r["sheet_b"], int(r["row_b"]))]))
            for r in csv.DictReader(fh)
        }
    truth = {}
    for sheet in lists:
        for i, pid in enumerate(sheet.truth):
            truth[(sheet.name, sheet.header_row + 1 + i)] = pid
    pairs_found = {(a, b) for a in found for b in found if a < b and found[a] == found[b]}
    pairs_true = {(a, b) for a in truth for b in truth if a < b and truth[a] == truth[b]}
    precision = len(pairs_found & pairs_true) / max(len(pairs_found), 1)
    recall = len(pairs_found & pairs_true) / len(pairs_true)
    # The rest of the true pairs are mostly on the Review tab, for a person to decide.
    with_review = len((pairs_found | asked) & pairs_true) / len(pairs_true)
    assert precision >= 0.99 and recall >= 0.85 and with_review >= 0.97, (
        precision,
        recall,
        with_review,
    )


def test_review_tab_has_decision_dropdown_and_links(demo):
    folder, _ = demo
    out = folder / "matched.xlsx"
    ws = openpyxl.load_workbook(out)["Review"]
    rules = list(ws.data_validations.dataValidation)
    assert ws.max_row > 4  # the demo lists always leave pairs for a person
    assert rules and "Same person" in rules[0].formula1
    assert any(c.hyperlink is not None for c in ws["F"])  # Sheet A: a link to the record
    table = FileBook.open(out).read_table("Review")
    assert table.has_tags
    frame = table.frame
    first = table.header_row + 2
    # The Decision cells look like cells to fill in; the reason and how sure are words.
    assert {ws.cell(first + k, 1).fill.fgColor.rgb[-6:] for k in range(len(frame))} == {"FFF2CC"}
    assert set(frame["How sure"]) <= {"Very likely the same", "Likely the same",
                                      "Could be either", "Probably different"}  # fmt: skip
    assert frame["Pair key"].is_unique  # each pair once
    groups = frame["Group"].tolist()
    assert groups == sorted(groups)  # pairs of the same people sit together


def test_review_csv_is_formula_safe(tmp_path):
    from vcs_excel.tasks.match import _write_csv

    path = tmp_path / "r.csv"
    _write_csv(str(path), ["reason"], [["=cmd|' /C calc'!A0"], ["+44 fine"], ["plain"]])
    text = path.read_text("utf-8").splitlines()
    assert text[1:] == ["'=cmd|' /C calc'!A0", "'+44 fine", "plain"]


def test_tabs_with_headers_only_are_a_clear_message(tmp_path, capsys):
    from helpers import save_rows

    path = save_rows(tmp_path / "empty.xlsx", {"Shielding": [["Name", "Postcode"]]})
    assert main(["dedupe", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no rows below their headers" in err and "Traceback" not in err


def test_the_one_list_is_in_the_standard_and_carries_what_its_lists_have(demo, tmp_path):
    import datetime as dt

    folder, lists = demo
    out = tmp_path / "matched.xlsx"
    main(["dedupe", str(folder / "lists.xlsx"), "--out", str(out)])
    table = FileBook.open(out).read_table("One list")
    assert table.has_tags  # the next task reads it by its tags, not its headers
    tags = {c.tag: c.name for c in table.columns}
    for tag in (
        "#person+id",
        "#date+birth",
        "#contact+mobile+phone",
        "#contact+phone",
        "#person+gender",
        "#person+ethnicity",
        "#person+language",
        "#consent+share",
    ):
        assert tag in tags, tag  # fmt: skip
    frame = table.frame
    births = [v for v in frame[tags["#date+birth"]] if v is not None]
    assert births and all(isinstance(v, dt.date) for v in births)  # real dates
    mobiles = [v for v in frame[tags["#contact+mobile+phone"]] if v]
    assert mobiles and all(v.startswith("+447") and "," not in v for v in mobiles)
    assert not any(str(v).startswith("+447") for v in frame[tags["#contact+phone"]] if v)
    # Insights from the One list agree with the raw tabs: the same share without a mobile.
    from vcs_excel.insights.dimensions import Rows

    book = FileBook.open(out)
    one = Rows(book.read_table("One list")).digital()["no_mobile"].mean()
    raw = [Rows(book.read_table(s.name)).digital()["no_mobile"] for s in lists]
    import numpy as np

    assert abs(one - np.concatenate(raw).mean()) < 0.05
    assert 0.2 < one < 0.8  # neither everyone nor no one


def test_a_row_of_totals_is_not_a_person_on_the_one_list_and_the_user_is_told(tmp_path):
    from vcs_excel.commands import run_task

    wb = openpyxl.Workbook()
    food = wb.active
    food.title = "Food bank"
    for row in (
        ["Name", "Date of birth", "Postcode", "Household size"],
        ["Jean Smith", "02/03/1950", "LS6 1AB", 2],
        ["Bill Jones", "11/12/1961", "LS6 2CD", 3],
        [],
        ["Total", None, None, 5],
    ):
        food.append(row)  # fmt: skip
    care = wb.create_sheet("Care")
    for row in (["Full name", "DOB", "Post code"], ["Jean Smith", "02/03/1950", "LS6 1AB"]):
        care.append(row)
    wb.save(tmp_path / "lists.xlsx")
    found = run_task("dedupe", FileBook.open(tmp_path / "lists.xlsx", out=tmp_path / "m.xlsx"))
    assert found.data["records"] == 3 and found.data["people"] == 2
    assert "Food bank row 5" in found.summary and "totals" in found.summary
    one = openpyxl.load_workbook(tmp_path / "m.xlsx")["One list"]
    assert "Total" not in [c.value for row in one.iter_rows() for c in row]
