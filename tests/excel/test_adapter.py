"""The live-Excel adapter's pure parts: what it reads and writes in one block.

No Excel exists here, so these check the conversions the adapter applies
around xlwings' block reads and writes; everything else in it is a direct
xlwings call.
"""

from __future__ import annotations

import datetime as dt

from vcs_excel.commands import get_task
from vcs_excel.errors import UnknownTaskError
from vcs_excel.excel import ExcelBook
from vcs_excel.excel.book import (
    from_excel,
    hyperlink_formula,
    original_fill_rgb,
    spec_block,
    to_excel,
    union_addresses,
)
from vcs_excel.excel.ribbon import task_defaults
from vcs_excel.workbook import Book, CellLink, ExcelError, FileBook, SheetSpec


def test_both_books_offer_every_member_of_the_protocol():
    members = [n for n in vars(Book) if not n.startswith("_")]
    assert "read_table" in members and "commit" in members
    for cls in (ExcelBook, FileBook):
        missing = [n for n in members if not hasattr(cls, n)]
        assert missing == [], cls.__name__


def test_values_from_excel_match_the_file_reader():
    assert from_excel(3.0) == 3 and isinstance(from_excel(3.0), int)
    assert from_excel("") is None
    assert from_excel("#N/A") == "#N/A" and isinstance(from_excel("#N/A"), ExcelError)
    assert from_excel(dt.datetime(1950, 2, 1)) == dt.date(1950, 2, 1)
    assert from_excel(dt.datetime(2026, 1, 1, 9, 30)) == dt.datetime(2026, 1, 1, 9, 30)
    assert from_excel("07700900123") == "07700900123"


def test_formula_like_text_is_escaped_for_excel():
    for text in ("=SUM(A1:A9)", "+44 7700 900123", "-no answer", "@home"):
        assert to_excel(text) == "'" + text
    assert to_excel("Jean") == "Jean"
    assert to_excel(ExcelError("#N/A")) == "#N/A"


def test_spec_block_layout_matches_header_row_and_links():
    spec = SheetSpec(
        name="Issues",
        title="Issues found",
        notes=["Click a cell reference to go there."],
        columns=["Sheet", "Cell", "Value"],
        rows=[["People", "C2", "=cmd|' /C calc'!A0"], ["People", "B3", None]],
        links={(0, 1): CellLink("People", 2, 3)},
    )
    block = spec_block(spec)
    assert len(block) == spec.first_data_row - 1 + len(spec.rows)
    assert block[spec.header_row - 1] == ["Sheet", "Cell", "Value"]
    first = spec.first_data_row - 1
    assert block[first][1] == '=HYPERLINK("#\'People\'!C2","C2")'
    assert block[first][2] == "'=cmd|' /C calc'!A0"
    assert all(len(row) == 3 for row in block)


def test_hyperlink_formula_quotes_are_doubled():
    assert hyperlink_formula("'A \"b\"'!A1", 'say "hi"') == (
        '=HYPERLINK("#\'A ""b""\'!A1","say ""hi""")'
    )


def test_marks_written_by_either_book_can_be_cleared_by_the_other():
    assert original_fill_rgb("rgb:FFFF00") == (255, 255, 0)
    xml = '<patternFill patternType="solid"><fgColor rgb="00FFFF00"/></patternFill>'
    assert original_fill_rgb(xml) == (255, 255, 0)
    assert original_fill_rgb("") is None


def test_unknown_ribbon_task_is_coming_soon():
    try:
        get_task("sync_directory")
    except UnknownTaskError as exc:
        assert "coming soon" in exc.message
    else:  # pragma: no cover
        raise AssertionError("expected UnknownTaskError")
    assert task_defaults("inspect") == {}


def test_cells_are_formatted_in_a_few_union_ranges():
    cells = [(r, 3) for r in range(2, 2002)]
    chunks = union_addresses(cells)
    assert all(len(chunk) <= 250 for chunk in chunks)
    assert len(chunks) < 50
    assert ",".join(chunks).split(",") == [f"C{r}" for r in range(2, 2002)]
