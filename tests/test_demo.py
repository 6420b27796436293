"""``vcs-excel demo`` writes an output workbook with every task's results."""

from __future__ import annotations

import openpyxl
import pytest

from vcs_excel.cli import main
from vcs_excel.synthetic import demo_lists
from vcs_excel.workbook import FileBook


@pytest.fixture(scope="module")
def demo_output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    assert main(["--quiet", "demo", "--out", str(folder / "demo_output.xlsx")]) == 0
    return folder / "demo_output.xlsx"


def test_demo_writes_input_and_output_workbooks(demo_output):
    assert demo_output.exists()
    assert (demo_output.parent / "demo_input.xlsx").exists()
    names = openpyxl.load_workbook(demo_output).sheetnames
    assert names[:3] == ["Shielding", "Adult Social Care", "Food Bank"]
    assert "Sheets" in names
    # Community insights counts the One list that Find duplicates made.
    assert {"Insights", "Digital divide", "Insights provenance"} <= set(names)
    insights = openpyxl.load_workbook(demo_output)["Insights"]
    assert "One list" in insights["A2"].value


def test_demo_sheets_tab_describes_each_list(demo_output):
    expected = {s.name: s for s in demo_lists()}
    book = FileBook.open(demo_output)
    sheets = book.read_table("Sheets").frame.set_index("Sheet")
    for name, lst in expected.items():
        assert sheets.loc[name, "Header row"] == lst.header_row
        assert sheets.loc[name, "Data rows"] == len(lst.rows)
        assert sheets.loc[name, "Columns"] == len(lst.header)


def test_demo_lists_overlap_and_keep_formula_like_text_as_text(demo_output):
    lists = demo_lists()
    ids = [set(s.truth) for s in lists]
    assert ids[0] & ids[1] and ids[0] & ids[2] and ids[1] & ids[2]
    assert any(len(s.truth) > len(set(s.truth)) for s in lists)  # duplicates within a tab
    ws = openpyxl.load_workbook(demo_output)["Food Bank"]
    notes = [c for c in ws["K"] if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert notes and all(c.data_type == "s" for c in notes)


def test_demo_is_repeatable():
    first, second = demo_lists(seed=7), demo_lists(seed=7)
    assert [s.rows for s in first] == [s.rows for s in second]
    assert [s.rows for s in demo_lists(seed=8)] != [s.rows for s in first]


def test_demo_tags_checks_and_standardises_its_lists(demo_output):
    book = FileBook.open(demo_output)
    names = book.sheet_names()
    assert {"Dictionary", "Issues", "Issues summary", "Changes"} <= set(names)
    for sheet in ("Shielding", "Adult Social Care", "Food Bank"):
        table = book.read_table(sheet)
        assert table.tag_row == table.header_row + 1
        assert f"{sheet[:18]} standardised" in names
    issues = book.read_table("Issues").frame
    codes = set(issues["Code"])
    # Every kind of mistake the demo planted in its lists is found.
    planted = {code for sheet in demo_lists() for _, _, code in sheet.planted}
    assert planted and planted <= codes, planted - codes
    assert issues["Cell"].str.match(r"^[A-Z]+\d+$").all()
    ws = openpyxl.load_workbook(demo_output)["Issues"]
    linked = [c for c in ws["C"] if c.hyperlink is not None]
    assert len(linked) == len(issues)


def test_demo_shows_the_directory_a_find_result_and_an_entry_form(demo_output):
    book = FileBook.open(demo_output)
    directory = book.read_table("Directory").frame
    kinds = {"food", "befriending", "debt advice", "employment", "mental health",
             "digital skills", "domestic abuse", "bereavement"}  # fmt: skip
    assert kinds <= set(directory["Category"])
    languages = {x.strip() for cell in directory["Languages"] for x in str(cell).split(",")}
    assert {"English", "Urdu", "Polish", "British Sign Language"} <= languages
    found = book.read_table("Find services").frame
    texts = [t for t in found["Ready-to-send text"] if isinstance(t, str) and t.startswith("*")]
    assert texts and all("Contact:" in t for t in texts)
    assert "Field" in book.read_table("My entry").frame.columns
