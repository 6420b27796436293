"""Whatever the layout, reading a grid as a table never loses a value below the header."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from vcs_excel.workbook.grid import Grid, table_from_grid
from vcs_excel.workbook.values import ExcelError, column_index, column_letter

cell = st.one_of(
    st.none(),
    st.none(),
    st.text(min_size=1, max_size=12),
    st.sampled_from(["Name", "DOB", "#person+name", "#org", "Postcode", "=SUM(A1)", "+44"]),
    st.integers(-10_000, 10_000_000_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from([ExcelError("#N/A"), ExcelError("#REF!")]),
)


@st.composite
def grids(draw):
    width = draw(st.integers(1, 7))
    height = draw(st.integers(0, 14))
    rows = [[draw(cell) for _ in range(width)] for _ in range(height)]
    merged = ()
    if height >= 2 and width >= 2 and draw(st.booleans()):
        merged = ((1, 1, 1, 2),)
    return Grid(
        rows=rows, first_row=draw(st.integers(1, 3)), first_col=draw(st.integers(1, 3)),
        merged=merged,
    )  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(grids())
def test_no_value_below_the_header_is_lost(grid):
    table = table_from_grid("S", grid)
    skip = max(r or 0 for r in (table.header_row, table.tag_row, table.group_row))
    by_letter = {c.letter: c.name for c in table.columns}
    for i, row in enumerate(grid.rows):
        excel_row = grid.first_row + i
        if excel_row <= skip:
            continue
        if excel_row in table.total_rows:  # totals under the list: said, not records
            assert excel_row > max(table.frame.index, default=0)
            assert all(v is None or isinstance(v, str | int | float) for v in row)
            continue
        for j, value in enumerate(row):
            if value is None:
                continue
            name = by_letter[column_letter(grid.first_col + j)]
            assert table.frame.loc[excel_row, name] == value


@settings(max_examples=200, deadline=None)
@given(grids())
def test_columns_and_rows_point_at_real_cells(grid):
    table = table_from_grid("S", grid)
    assert len({c.name for c in table.columns}) == len(table.columns)
    for c in table.columns:
        assert column_index(c.letter) == c.index >= grid.first_col
    for excel_row in table.frame.index:
        assert grid.first_row <= excel_row < grid.first_row + grid.height
