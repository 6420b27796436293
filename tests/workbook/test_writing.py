"""Writing results: new tabs, marks that can be cleared, and the user's data untouched."""

from __future__ import annotations

import hashlib
import re
import zipfile

import openpyxl
import pytest
from helpers import save_rows, zip_part
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from vcs_excel.errors import OutputError, WorkbookLockedError
from vcs_excel.workbook import CellLink, CellMark, FileBook, SheetSpec

PEOPLE = [
    ["Name", "Phone", "Notes"],
    ["Jean Smith", "07700 900001", '=HYPERLINK("http://example.com")'],
    ["Bill Jones", "+44 7700 900002", "-no answer"],
    ["Asha Patel", None, "@reception"],
]


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def issues_spec(rows=None, **kw) -> SheetSpec:
    return SheetSpec(
        name="Issues",
        task="check",
        title="Issues found",
        columns=["Sheet", "Cell", "Value"],
        rows=rows if rows is not None else [["People", "C2", PEOPLE[1][2]]],
        **kw,
    )


@pytest.fixture
def people(tmp_path):
    return save_rows(tmp_path / "people.xlsx", {"People": PEOPLE})


def test_results_tab_is_written_and_marked_as_the_tools(people, tmp_path):
    out = tmp_path / "out.xlsx"
    book = FileBook.open(people, out=out)
    name = book.write_sheet(issues_spec(links={(0, 1): CellLink("People", 2, 3)}))
    book.commit()
    again = FileBook.open(out)
    assert name == "Issues"
    assert again.sheet_names() == ["People", "Issues"]
    assert again.is_tool_sheet("Issues") and not again.is_tool_sheet("People")
    assert again.user_sheets() == ["People"]
    table = again.read_table("Issues")
    assert table.header_row == 3  # title, blank line, then the header
    assert table.frame.loc[4, "Cell"] == "C2"
    ws = openpyxl.load_workbook(out)["Issues"]
    assert ws["B4"].hyperlink.location == "'People'!C2"
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:C4"


def test_formula_like_text_is_written_as_text_never_as_formula(people, tmp_path):
    out = tmp_path / "out.xlsx"
    rows = [["People", f"C{r}", PEOPLE[r - 1][2]] for r in (2, 3, 4)]
    book = FileBook.open(people, out=out)
    book.write_sheet(issues_spec(rows))
    book.commit()
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
    for part in sheets:
        assert "<f>" not in zip_part(out, part).decode(), part
    ws = openpyxl.load_workbook(out)["Issues"]
    assert [ws[f"C{r}"].value for r in (4, 5, 6)] == [PEOPLE[r][2] for r in (1, 2, 3)]
    assert {ws[f"C{r}"].data_type for r in (4, 5, 6)} == {"s"}


def test_rerun_replaces_the_tools_tab_but_never_a_users_tab(people, tmp_path):
    out = tmp_path / "out.xlsx"
    book = FileBook.open(people, out=out)
    book.write_sheet(issues_spec())
    book.commit()
    again = FileBook.open(out, out=out)
    assert again.write_sheet(issues_spec([["People", "B3", "x"]])) == "Issues"
    again.commit()
    assert FileBook.open(out).sheet_names() == ["People", "Issues"]
    assert FileBook.open(out).read_table("Issues").frame["Cell"].tolist() == ["B3"]

    # A sheet the user made and happened to call "Issues" is left alone.
    mine = save_rows(tmp_path / "mine.xlsx", {"People": PEOPLE, "Issues": [["My notes"]]})
    book = FileBook.open(mine, out=tmp_path / "mine_out.xlsx")
    assert book.write_sheet(issues_spec()) == "Issues (2)"
    book.commit()
    result = FileBook.open(tmp_path / "mine_out.xlsx")
    assert result.sheet_names() == ["People", "Issues", "Issues (2)"]
    assert result.read_grid("Issues").array().tolist() == [["My notes"]]


def test_user_data_is_unchanged_after_writing_results(people, tmp_path):
    out = tmp_path / "out.xlsx"
    before = FileBook.open(people).read_grid("People").array().tolist()
    book = FileBook.open(people, out=out)
    book.write_sheet(issues_spec())
    book.mark_cells([CellMark("People", 2, 3, note="Text that starts like a formula")])
    book.commit()
    assert FileBook.open(out).read_grid("People").array().tolist() == before


def test_marks_colour_cells_with_notes_and_clear_restores_what_was_there(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "People"
    for row in PEOPLE:
        ws.append(row)
    ws["B2"].fill = PatternFill("solid", fgColor="FFFF00")  # the user's own yellow
    ws["B2"].comment = Comment("Checked by phone", "Volunteer")
    wb.save(tmp_path / "p.xlsx")

    marked = tmp_path / "marked.xlsx"
    book = FileBook.open(tmp_path / "p.xlsx", out=marked)
    assert (
        book.mark_cells(
            [
                CellMark("People", 2, 2, note="Phone number is short"),
                CellMark("People", 3, 1, colour="FFEB9C"),
            ]
        )
        == 2
    )
    book.commit()
    ws = openpyxl.load_workbook(marked)["People"]
    assert ws["B2"].fill.fgColor.rgb.endswith("FFC7CE")
    assert ws["B2"].comment.text == "Phone number is short"
    assert ws["A3"].fill.fgColor.rgb.endswith("FFEB9C")
    assert "_vcs_excel_marks" in openpyxl.load_workbook(marked).sheetnames

    cleared = tmp_path / "cleared.xlsx"
    book = FileBook.open(marked, out=cleared)
    assert book.clear_marks() == 2
    book.commit()
    wb = openpyxl.load_workbook(cleared)
    ws = wb["People"]
    assert ws["B2"].fill.fgColor.rgb.endswith("FFFF00")
    assert ws["B2"].comment.text == "Checked by phone"
    assert ws["B2"].comment.author == "Volunteer"
    assert ws["A3"].fill.fill_type is None
    assert "_vcs_excel_marks" not in wb.sheetnames


def test_clearing_keeps_a_colour_the_user_changed_since(people, tmp_path):
    marked = tmp_path / "marked.xlsx"
    book = FileBook.open(people, out=marked)
    book.mark_cells([CellMark("People", 2, 1)])
    book.commit()
    wb = openpyxl.load_workbook(marked)
    wb["People"]["A2"].fill = PatternFill("solid", fgColor="00B050")
    wb.save(marked)
    book = FileBook.open(marked, out=tmp_path / "c.xlsx")
    book.clear_marks("People")
    book.commit()
    cell = openpyxl.load_workbook(tmp_path / "c.xlsx")["People"]["A2"]
    assert cell.fill.fgColor.rgb.endswith("00B050")


def test_dropdowns_short_inline_and_long_on_a_hidden_sheet(people, tmp_path):
    out = tmp_path / "out.xlsx"
    book = FileBook.open(people, out=out)
    book.add_dropdown("People", "C2:C4", ["Same person", "Different people", "Not sure"])
    long_list = [f"#tag+number{i}" for i in range(60)]
    book.add_dropdown("People", "A2:A4", long_list)
    book.commit()
    wb = openpyxl.load_workbook(out)
    rules = {str(dv.sqref): dv for dv in wb["People"].data_validations.dataValidation}
    assert rules["C2:C4"].formula1 == '"Same person,Different people,Not sure"'
    assert rules["A2:A4"].formula1 == "'_vcs_excel_lists'!$A$1:$A$60"
    lists = wb["_vcs_excel_lists"]
    assert lists.sheet_state == "hidden"
    assert [lists.cell(row=i, column=1).value for i in (1, 60)] == [long_list[0], long_list[-1]]


def test_progress_and_status_reach_the_caller(people, tmp_path):
    seen = []
    book = FileBook.open(
        people, progress=lambda d, t, m: seen.append((d, t, m)), status=seen.append
    )
    book.progress(1, 3, "Reading")
    book.status("Halfway")
    assert seen == [(1, 3, "Reading"), "Halfway"]


def test_a_failed_run_leaves_the_workbook_as_it_was(people, tmp_path):
    before = digest(people)
    book = FileBook.open(people, out=people)
    book.write_sheet(issues_spec())
    book.mark_cells([CellMark("People", 2, 1)])
    del book  # the task failed before commit: nothing was saved
    assert digest(people) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.xlsx"]


def test_save_in_place_is_atomic_and_leaves_no_temporary_files(people, tmp_path):
    book = FileBook.open(people)
    book.write_sheet(issues_spec())
    book.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.xlsx"]
    assert FileBook.open(people).sheet_names() == ["People", "Issues"]


def test_in_place_save_refused_while_open_in_excel(people, tmp_path):
    owner = tmp_path / "~$people.xlsx"
    owner.write_bytes(bytes([9]) + b"Jo Bloggs" + b" " * 44)
    before = digest(people)
    book = FileBook.open(people)
    book.write_sheet(issues_spec())
    with pytest.raises(WorkbookLockedError, match="open in another program by Jo Bloggs"):
        book.commit()
    assert digest(people) == before


def test_in_place_save_refused_when_file_changed_meanwhile(people, tmp_path):
    book = FileBook.open(people)
    book.write_sheet(issues_spec())
    save_rows(people, {"People": PEOPLE[:2]})  # someone else saved in the meantime
    changed = digest(people)
    with pytest.raises(WorkbookLockedError, match="changed by someone else"):
        book.commit()
    assert digest(people) == changed


def test_in_place_save_refused_when_it_would_drop_a_chart(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["Ward", "People"], ["Headingley", 12], ["Beeston", 30]]:
        ws.append(row)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    ws.add_chart(chart, "D2")
    wb.save(tmp_path / "chart.xlsx")
    before = digest(tmp_path / "chart.xlsx")
    book = FileBook.open(tmp_path / "chart.xlsx")
    book.write_sheet(issues_spec())
    with pytest.raises(OutputError, match="contains charts"):
        book.commit()
    assert digest(tmp_path / "chart.xlsx") == before
    # Writing to a new file is allowed: the original stays as it was.
    book = FileBook.open(tmp_path / "chart.xlsx", out=tmp_path / "copy.xlsx")
    book.write_sheet(issues_spec())
    book.commit()
    assert digest(tmp_path / "chart.xlsx") == before


def test_csv_input_results_go_to_a_new_workbook(tmp_path):
    src = tmp_path / "list.csv"
    src.write_text("Name,Phone\nJean Smith,07700900001\n=1+1,+44 7700 900002\n", "utf-8")
    out = tmp_path / "list_results.xlsx"
    book = FileBook.open(src, out=out)
    book.write_sheet(issues_spec())
    book.commit()
    result = FileBook.open(out)
    assert result.sheet_names() == ["list", "Issues"]
    frame = result.read_table("list").frame
    assert frame.loc[2, "Phone"] == "07700900001"
    assert frame.loc[3, "Name"] == "=1+1"
    assert "<f>" not in zip_part(out, "xl/worksheets/sheet1.xml").decode()
    assert src.read_text("utf-8").startswith("Name,Phone")


def test_csv_cannot_take_results_in_place(tmp_path):
    src = tmp_path / "list.csv"
    src.write_text("Name\nJean\n", "utf-8")
    book = FileBook.open(src)
    book.write_sheet(issues_spec())
    with pytest.raises(OutputError, match=r"give an \.xlsx file"):
        book.commit()


def test_sheet_names_are_made_safe_for_excel(people, tmp_path):
    book = FileBook.open(people, out=tmp_path / "o.xlsx")
    name = book.write_sheet(
        SheetSpec(name="Review: a/b [draft] that is far too long", columns=["A"], rows=[])
    )
    assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
