"""Reading real spreadsheet layouts and values into tables with Excel row numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from helpers import gift_aid_schedule, patch_sheet_xml, save_rows

from vcs_excel.workbook import ExcelError, FileBook
from vcs_excel.workbook.values import excel_serial_to_datetime


def read(path: Path, sheet: str | None = None):
    book = FileBook.open(path)
    return book.read_table(sheet or book.sheet_names()[0])


# --------------------------------------------------------------- header row
def test_header_below_title_rows_and_blank_rows_is_found(tmp_path):
    path = save_rows(
        tmp_path / "list.xlsx",
        {
            "Shielding": [
                ["Shielded Patient List - local extract"],
                ["Extract date: 20/11/2026", None, "OFFICIAL-SENSITIVE"],
                [],
                [],
                ["NHS Number", "Forename", "Surname", "Postcode"],
                ["999 000 0018", "Jean", "Smith", "LS6 1AB"],
                ["9990000026", "Bill", "Jones", "LS7 2CD"],
            ]
        },
    )
    table = read(path)
    assert table.header_row == 5
    assert [c.name for c in table.columns] == ["NHS Number", "Forename", "Surname", "Postcode"]
    assert list(table.frame.index) == [6, 7]
    assert table.frame.loc[7, "Forename"] == "Bill"
    assert table.cell_ref(7, "Surname") == "C7"


def test_header_under_a_logo_row_and_not_in_column_a(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.row_dimensions[1].height = 60  # room for a logo: no cell values
    ws["C3"], ws["D3"], ws["E3"] = "Name", "Phone", "Email"
    ws["C4"], ws["D4"], ws["E4"] = "Asha Patel", "07700 900123", "asha@example.com"
    wb.save(tmp_path / "logo.xlsx")
    table = read(tmp_path / "logo.xlsx")
    assert table.header_row == 3
    assert [(c.name, c.letter) for c in table.columns] == [
        ("Name", "C"),
        ("Phone", "D"),
        ("Email", "E"),
    ]
    assert table.frame.loc[4, "Email"] == "asha@example.com"


def test_tag_row_under_header_is_recognised(tmp_path):
    path = save_rows(
        tmp_path / "tagged.xlsx",
        {
            "Volunteers": [
                ["Volunteer name", "Household size", "Notes"],
                ["#Person+Volunteer+AllNames", "#Volunteer+Household+Number", None],
                ["Kwame Mensah", 3, "Drives"],
            ]
        },
    )
    table = read(path)
    assert (table.header_row, table.tag_row, table.data_start_row) == (1, 2, 3)
    assert [c.tag for c in table.columns] == [
        "#Person+Volunteer+AllNames",
        "#Volunteer+Household+Number",
        None,
    ]
    assert list(table.frame.index) == [3]
    assert table.frame.loc[3, "Household size"] == 3


def test_tags_without_human_headers_become_the_header(tmp_path):
    path = save_rows(tmp_path / "hxl.xlsx", {"S": [["#org", "#adm1"], ["Food Bank", "Leeds"]]})
    table = read(path)
    assert (table.header_row, table.tag_row) == (None, 1)
    assert [c.tag for c in table.columns] == ["#org", "#adm1"]
    assert table.frame.loc[2, "Column A"] == "Food Bank"


def test_merged_group_header_over_two_header_rows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "Home", None, "Work", None])
    ws.append([None, "Phone", "Email", "Phone", "Email"])
    ws.append(["Jean Smith", "0113 496 0001", "jean@example.com", "0113 496 0002", None])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:C1")
    ws.merge_cells("D1:E1")
    wb.save(tmp_path / "merged.xlsx")
    table = read(tmp_path / "merged.xlsx")
    assert table.header_row == 2
    assert table.group_row == 1
    assert [c.name for c in table.columns] == [
        "Name",
        "Home Phone",
        "Home Email",
        "Work Phone",
        "Work Email",
    ]
    assert table.frame.loc[3, "Work Phone"] == "0113 496 0002"


def test_merged_cells_in_data_are_not_copied_into_other_rows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "Notes"])
    ws.append(["A Person", "Shared note"])
    ws.append(["B Person", None])
    ws.merge_cells("B2:B3")
    wb.save(tmp_path / "m.xlsx")
    table = read(tmp_path / "m.xlsx")
    assert table.frame.loc[3, "Notes"] is None


def test_blank_rows_and_columns_inside_data_keep_row_numbers(tmp_path):
    path = save_rows(
        tmp_path / "gaps.xlsx",
        {
            "S": [
                ["Name", None, "Postcode"],
                ["Ann Lee", None, "LS6 1AB"],
                [],
                [],
                ["Bo Chen", None, "LS7 1AB"],
            ]
        },
    )
    table = read(path)
    assert list(table.frame.index) == [2, 5]
    assert [c.letter for c in table.columns] == ["A", "C"]  # the empty column B is dropped
    assert table.blank_rows == 2


def test_a_row_of_totals_under_the_list_is_not_a_record(tmp_path):
    path = save_rows(
        tmp_path / "totals.xlsx",
        {
            "S": [
                ["Ref", "Name", "Household size", "Parcels"],
                [1, "Ann Lee", 2, 4],
                [2, "Bo Chen", 3, 1],
                [],
                ["Total", None, 5, 5],
                [None, None, 2.5, 2.5],  # averages typed under the columns, unlabelled
            ]
        },
    )
    table = read(path)
    assert list(table.frame.index) == [2, 3]
    assert table.total_rows == [5, 6]
    assert table.blank_rows == 0  # the blank row is above the totals, not inside the data
    assert any("totals" in n for n in table.notes)
    # The sheet itself is not changed.
    assert openpyxl.load_workbook(path)["S"]["A5"].value == "Total"


@pytest.mark.parametrize(
    "last",
    [
        ["Total Fitness Gym", "LS6 1AB", 3, 4],  # a record whose name starts "Total"
        [3, "Cy Dee", 1, 1],  # a record after a gap
        [None, None, 5, None],  # numbers alone with no blank row above: may be a record
    ],
)
def test_a_record_at_the_foot_of_the_list_is_kept(tmp_path, last):
    rows = [["Name", "Postcode", "Size", "Parcels"], ["Ann Lee", "LS6 1AB", 2, 4]]
    rows += [["Bo Chen", "LS7 1AB", 3, 1]]
    rows += [[]] if last[0] == 3 else []
    table = read(save_rows(tmp_path / "k.xlsx", {"S": [*rows, last]}))
    assert len(table.frame) == 3
    assert table.total_rows == []


def test_a_row_of_totals_in_a_csv_file_is_not_a_record(tmp_path):
    path = tmp_path / "totals.csv"
    path.write_text(
        'Name,Postcode,Parcels\nAnn Lee,LS6 1AB,4\nBo Chen,LS7 1AB,"1,250"\n,,\nTOTAL:,,"1,254"\n'
    )
    table = read(path)
    assert list(table.frame["Name"]) == ["Ann Lee", "Bo Chen"]
    assert table.total_rows == [5]


def test_numbers_below_a_gap_in_a_list_of_numbers_are_records(tmp_path):
    rows = [["NHS number", "Household size"], [9434765919, 2], [9434765870, 1], [], [9434765900, 3]]
    table = read(save_rows(tmp_path / "n.xlsx", {"S": rows}))
    assert list(table.frame.index) == [2, 3, 5]
    csv = tmp_path / "n.csv"
    csv.write_text("NHS number,Household size\n9434765919,2\n9434765870,1\n,\n9434765900,3\n")
    assert list(read(csv).frame.index) == [2, 3, 5]


def test_data_in_a_column_without_header_is_kept(tmp_path):
    header = ["Name", "Address", "Postcode", "Phone", "Email", None]
    row = ["Ann Lee", "1 Mill Lane", "LS6 1AB", "0113 496 0000", "a@example.com", "note"]
    table = read(save_rows(tmp_path / "h.xlsx", {"S": [header, row]}))
    assert table.header_row == 1
    assert [c.name for c in table.columns][-1] == "Column F"
    assert table.frame.loc[2, "Column F"] == "note"


def test_duplicate_headers_get_distinct_names(tmp_path):
    path = save_rows(tmp_path / "d.xlsx", {"S": [["Phone", "phone", "Name"], ["1", "2", "x"]]})
    assert [c.name for c in read(path).columns] == ["Phone", "phone (2)", "Name"]


def test_sheet_with_only_headers_gives_empty_table(tmp_path):
    path = save_rows(tmp_path / "h.xlsx", {"S": [["Name", "DOB", "Postcode"]]})
    table = read(path)
    assert table.header_row == 1
    assert [c.name for c in table.columns] == ["Name", "DOB", "Postcode"]
    assert len(table.frame) == 0


def test_very_wide_sheet(tmp_path):
    width = 400
    header = [f"Field {i}" for i in range(width)]
    rows = [[f"r{r}c{c}" for c in range(width)] for r in range(3)]
    table = read(save_rows(tmp_path / "wide.xlsx", {"S": [header, *rows]}))
    assert len(table.columns) == width
    assert table.columns[-1].letter == "OJ"
    assert table.frame.loc[4, "Field 399"] == "r2c399"


def test_header_row_can_be_given(tmp_path):
    path = save_rows(tmp_path / "g.xlsx", {"S": [["a", "b"], ["Name", "Age"], ["X Y", 4]]})
    table = FileBook.open(path).read_table("S", header_row=2)
    assert [c.name for c in table.columns] == ["Name", "Age"]
    assert list(table.frame.index) == [3]


# --------------------------------------------------------------- values
def test_leading_zeros_in_text_cells_survive(tmp_path):
    path = save_rows(tmp_path / "z.xlsx", {"S": [["Phone", "CHI"], ["07700900123", "0101501234"]]})
    row = read(path).frame.loc[2]
    assert row["Phone"] == "07700900123"
    assert row["CHI"] == "0101501234"


def test_leading_zeros_shown_by_a_number_format_survive(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Phone", "CHI", "Plain"])
    ws.append([7700900123, 101501234, 42])
    ws["A2"].number_format = "00000000000"
    ws["B2"].number_format = "000000 0000"
    wb.save(tmp_path / "fmt.xlsx")
    row = read(tmp_path / "fmt.xlsx").frame.loc[2]
    assert row["Phone"] == "07700900123"
    assert row["CHI"] == "010150 1234"
    assert row["Plain"] == 42


def test_dates_real_text_and_serial_are_kept_as_they_are(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Real", "Text", "Serial", "With time"])
    ws.append([dt.date(1950, 2, 1), "01/02/1950", 18295, dt.datetime(2026, 11, 20, 9, 30)])
    ws["A2"].number_format = "dd/mm/yyyy"
    wb.save(tmp_path / "dates.xlsx")
    row = read(tmp_path / "dates.xlsx").frame.loc[2]
    assert row["Real"] == dt.date(1950, 2, 1)
    assert row["Text"] == "01/02/1950"  # never guessed into a date here
    assert row["Serial"] == 18295
    assert excel_serial_to_datetime(row["Serial"]).date() == dt.date(1950, 2, 1)
    assert row["With time"] == dt.datetime(2026, 11, 20, 9, 30)


def test_numbers_stored_as_text_stay_text_and_numbers_are_whole(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["As text", "Number", "Decimal", "Flag"])
    ws.append(["123", 3.0, 2.5, True])
    wb.save(tmp_path / "n.xlsx")
    row = read(tmp_path / "n.xlsx").frame.loc[2]
    assert row["As text"] == "123" and isinstance(row["As text"], str)
    assert row["Number"] == 3 and isinstance(row["Number"], int)
    assert row["Decimal"] == 2.5
    assert row["Flag"] is True


def test_excel_error_values_survive(tmp_path):
    path = save_rows(tmp_path / "e.xlsx", {"S": [["Name", "Ward"], ["Ann", "x"], ["Bo", "y"]]})
    # Write the cells exactly as Excel saves a formula whose result is an error.
    patch_sheet_xml(
        path,
        "xl/worksheets/sheet1.xml",
        '<c r="B2" t="inlineStr"><is><t>x</t></is></c>',
        '<c r="B2" t="e"><f>VLOOKUP(A2,Wards!A:B,2,FALSE)</f><v>#N/A</v></c>',
    )
    patch_sheet_xml(
        path,
        "xl/worksheets/sheet1.xml",
        '<c r="B3" t="inlineStr"><is><t>y</t></is></c>',
        '<c r="B3" s="0" t="e"><v>#REF!</v></c>',
    )
    frame = read(path).frame
    assert frame.loc[2, "Ward"] == "#N/A"
    assert isinstance(frame.loc[2, "Ward"], ExcelError)
    assert isinstance(frame.loc[3, "Ward"], ExcelError) and frame.loc[3, "Ward"] == "#REF!"


def test_text_that_looks_like_an_error_is_still_text(tmp_path):
    path = save_rows(tmp_path / "t.xlsx", {"S": [["Note"], ["#N/A"]]})
    value = read(path).frame.loc[2, "Note"]
    assert value == "#N/A" and not isinstance(value, ExcelError)


def test_every_sheet_can_be_read_and_named(tmp_path):
    path = save_rows(
        tmp_path / "two.xlsx", {"First": [["A"], ["1"]], "Second list": [["B"], ["2"]]}
    )
    book = FileBook.open(path)
    assert book.sheet_names() == ["First", "Second list"]
    assert book.read_table("Second list").frame.loc[2, "B"] == "2"


# --------------------------------------------------------------- CSV
def test_csv_keeps_leading_zeros_and_reads_everything_as_text(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name,Phone,Age\nJean Smith,07700900123,81\n,,\nBo Chen,,7\n", "utf-8")
    book = FileBook.open(path)
    table = book.read_table(book.sheet_names()[0])
    assert book.sheet_names() == ["list"]
    assert table.frame.loc[2, "Phone"] == "07700900123"
    assert table.frame.loc[2, "Age"] == "81"
    assert list(table.frame.index) == [2, 4]


def test_csv_from_excel_on_windows_semicolons_and_cp1252(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("Name;Town\nZoë Brontë;Leeds\n".encode("cp1252"))
    table = FileBook.open(path).read_table("export")
    assert table.frame.loc[2, "Name"] == "Zoë Brontë"
    assert table.frame.loc[2, "Town"] == "Leeds"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_utf8_with_or_without_bom(tmp_path, bom):
    path = tmp_path / "u.csv"
    path.write_bytes(bom + "Name\nŁukasz Nowak\n".encode())
    assert FileBook.open(path).read_table("u").frame.loc[2, "Name"] == "Łukasz Nowak"


def test_csv_with_quoted_line_breaks_and_rows_of_different_lengths(tmp_path):
    path = tmp_path / "messy.csv"
    path.write_text(
        'Name,Notes,Phone\n"Smith, Jean","Line one\nline two",07700900123\nBo Chen\n'
        "Ann Lee,,0113 496 0000,extra\n",
        "utf-8",
    )
    table = FileBook.open(path).read_table("messy")
    assert table.frame.loc[2, "Name"] == "Smith, Jean"
    assert table.frame.loc[2, "Notes"] == "Line one\nline two"
    assert table.frame.loc[2, "Phone"] == "07700900123"
    assert table.frame.loc[3, "Name"] == "Bo Chen" and table.frame.loc[3, "Phone"] is None
    assert table.frame.loc[4, "Column D"] == "extra"  # nothing dropped from a long row


def test_csv_words_other_tools_read_as_missing_stay_text(tmp_path):
    path = tmp_path / "words.csv"
    path.write_text("Name,Allergies,Code\nNA Smith,N/A,NULL\nnan,NA,#N/A\n", "utf-8")
    frame = FileBook.open(path).read_table("words").frame
    assert frame.loc[2].tolist() == ["NA Smith", "N/A", "NULL"]
    assert frame.loc[3].tolist() == ["nan", "NA", "#N/A"]


def test_a_form_with_an_example_table_hints_and_numbered_lines_reads_as_its_records(tmp_path):
    donors = [("Mrs", "Jean", "Smith", "12", "LS6 1AB", None, None, dt.datetime(2026, 4, 5), 20),
              ("Mr", "Raj", "Patel", "The Old Mill", "ls6 2ab", None, "Yes",
               dt.datetime(2026, 4, 9), 150)]  # fmt: skip
    table = read(gift_aid_schedule(tmp_path / "schedule.xlsx", donors))
    assert table.header_row == 23  # not the example's header, nor a title across the sheet
    assert [c.name for c in table.columns][:3] == ["Item", "Title", "First name"]
    assert list(table.frame.index) == [25, 26]  # not the hints, nor the blank lines
    assert (table.hint_row, table.data_start_row) == (24, 25)
    assert table.frame.loc[26, "Postcode"] == "ls6 2ab"
    assert any("Row 24" in n and "not a record" in n for n in table.notes)
    assert any("Rows 27 to 1025" in n for n in table.notes)
    empty = read(gift_aid_schedule(tmp_path / "empty.xlsx", []))
    assert empty.header_row == 23 and len(empty.frame) == 0


def test_a_row_of_examples_under_the_header_is_not_a_record(tmp_path):
    rows = [["Name", "Date of birth", "Postcode"],
            ["e.g. Jane Smith", "e.g. 25/12/1950", "eg LS6 1AB"],
            ["Jo Bloggs", "01/02/1960", "LS7 2AB"],
            ["Examples of care", "are listed", "below"]]  # fmt: skip
    table = read(save_rows(tmp_path / "form.xlsx", {"People": rows}))
    assert list(table.frame.index) == [3, 4]  # a later row of plain text is a record
    assert any("Row 2" in n for n in table.notes)


def test_a_header_printed_again_after_each_page_of_records_is_not_taken_for_the_header(tmp_path):
    people = [[f"Person {n}", f"LS6 {n}AB", n + 1] for n in range(8)]
    rows = [["Name", "Postcode", "Household size"], *people,
            ["Name", "Postcode", "Household size"], *people]  # fmt: skip
    table = read(save_rows(tmp_path / "pages.xlsx", {"People": rows}))
    assert table.header_row == 1
    assert len(table.frame) == 17  # the repeated header is a row of the data, not lost
    # Numbers that are data (a household size in its own column) stay records.
    rows = [["Name", "Size"], ["Jo", 1], *[[None, n] for n in range(2, 9)]]
    assert len(read(save_rows(tmp_path / "sizes.xlsx", {"S": rows})).frame) == 8
