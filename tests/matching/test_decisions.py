"""Review decisions are remembered in the workbook and survive re-sorting and added rows."""

from __future__ import annotations

import csv

import openpyxl

from vcs_excel.cli import main
from vcs_excel.matching import Linker
from vcs_excel.matching.prepare import prepare_book
from vcs_excel.matching.review import STORE, record_keys
from vcs_excel.synthetic import demo_lists, write_workbook
from vcs_excel.workbook import FileBook


def review_rows(path):
    table = FileBook.open(path).read_table("Review")
    return table.frame.reset_index()


def people(path, clusters_csv):
    with open(clusters_csv, encoding="utf-8") as fh:
        ids = {(r["sheet"], int(r["row"])): r["person_id"] for r in csv.DictReader(fh)}
    records = prepare_book(FileBook.open(path))
    keys = record_keys(records)
    return {
        k: ids[(s, int(r))] for k, s, r in zip(keys, records["sheet"], records["row"], strict=True)
    }


def test_decisions_survive_resorting_and_added_rows(tmp_path):
    lists = demo_lists()
    source = tmp_path / "lists.xlsx"
    write_workbook(lists, source)
    book = tmp_path / "work.xlsx"
    assert main(["dedupe", str(source), "--out", str(book)]) in (0, 1)
    pending = review_rows(book)
    assert len(pending) >= 2
    same_key, different_key = pending.loc[0, "Pair key"], pending.loc[1, "Pair key"]

    wb = openpyxl.load_workbook(book)
    review = wb["Review"]
    header = next(r for r in range(1, 10) if review.cell(r, 1).value == "Decision")
    assert review.cell(header + 1, 1).value == "#meta+decision"  # the tag row
    review.cell(header + 2, 1).value = "Same person"
    review.cell(header + 3, 1).value = "Different people"
    # Someone re-sorts a tab and adds a row before applying the decisions.
    care = wb["Adult Social Care"]
    rows = [[c.value for c in row] for row in care.iter_rows(min_row=2)]
    for r, values in enumerate(reversed(rows), start=2):
        for c, value in enumerate(values, start=1):
            care.cell(r, c).value = value
    care.append(
        ["ASC999999", "NEWMAN, Nora", "Female", "02/02/1940", "1 New Street, Leeds LS6 9ZZ"]
    )
    wb.save(book)

    clusters = tmp_path / "clusters.csv"
    assert main(["apply_decisions", str(book), "--clusters-csv", str(clusters)]) in (0, 1)
    remaining = set(review_rows(book)["Pair key"])
    assert same_key not in remaining and different_key not in remaining
    ids = people(book, clusters)
    a, b = same_key.split(":")
    assert ids[a] == ids[b]
    c, d = different_key.split(":")
    assert ids[c] != ids[d]
    stored = openpyxl.load_workbook(book)[STORE]
    assert stored.sheet_state == "hidden"

    # Running Find duplicates again does not ask again.
    main(["dedupe", str(book), "--out", str(tmp_path / "again.xlsx")])
    assert same_key not in set(review_rows(tmp_path / "again.xlsx")["Pair key"])


def test_apply_without_a_review_tab_says_what_to_do(tmp_path, capsys):
    lists = demo_lists()
    write_workbook(lists, tmp_path / "lists.xlsx")
    assert main(["apply_decisions", str(tmp_path / "lists.xlsx")]) == 2
    assert "press Find duplicates first" in capsys.readouterr().err


def _two_rows_and_an_initial(path):
    wb = openpyxl.Workbook()
    gp = wb.active
    gp.title = "GP list"
    gp.append(["Name", "Date of birth", "Address", "Postcode", "Mobile"])
    gp.append(["Jean Smith", "01/02/1950", "12 High Street, Leeds", "LS6 1AA", "07700 900123"])
    gp.append(["Jean Smith", "01/02/1950", "12 High St", "LS6 1AA", ""])
    gp.append(["Peter Jones", "03/04/1961", "4 Low Road, Leeds", "LS7 2BB", ""])
    food = wb.create_sheet("Food bank")
    food.append(["Name", "Address", "Postcode"])
    food.append(["J Smith", "12 High Street", "LS6 1AA"])
    wb.save(path)


def _answer(path, decision):
    wb = openpyxl.load_workbook(path)
    review = wb["Review"]
    header = next(r for r in range(1, 10) if review.cell(r, 1).value == "Decision")
    review.cell(header + 2, 1).value = decision
    wb.save(path)


def test_one_answer_about_two_people_settles_every_pair_of_their_rows(tmp_path):
    source = tmp_path / "lists.xlsx"
    _two_rows_and_an_initial(source)
    for decision, people in (("Same person", 2), ("Different people", 3)):
        book = tmp_path / f"{decision}.xlsx"
        assert main(["dedupe", str(source), "--out", str(book)]) in (0, 1)
        # "J Smith" may be either Jean Smith row: one question, not two.
        pending = review_rows(book)
        assert len(pending) == 1
        linked = Linker().run(FileBook.open(source))
        assert len(linked.decided("review")) == 2 and len(linked.questions()) == 1
        assert "also covers 1 more pair" in pending.loc[0, "Why these may be the same person"]
        _answer(book, decision)
        clusters = tmp_path / f"{decision}.csv"
        assert main(["apply_decisions", str(book), "--clusters-csv", str(clusters)]) in (0, 1)
        assert len(review_rows(book)) == 0  # the other pair is not asked after the answer
        with clusters.open(encoding="utf-8") as fh:
            assert len({r["person_id"] for r in csv.DictReader(fh)}) == people
