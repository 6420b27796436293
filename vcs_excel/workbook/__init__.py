"""Workbooks as tables with Excel row numbers: the ``Book`` protocol and its file form."""

from .book import Book, BookBase, CellLink, CellMark, ChartSpec, SheetSpec, safe_sheet_name
from .files import FileBook
from .grid import Column, Grid, Table, find_header, table_from_grid
from .values import ExcelError, column_index, column_letter, display_text, looks_like_formula

__all__ = [
    "Book",
    "BookBase",
    "CellLink",
    "CellMark",
    "ChartSpec",
    "Column",
    "ExcelError",
    "FileBook",
    "Grid",
    "SheetSpec",
    "Table",
    "column_index",
    "column_letter",
    "display_text",
    "find_header",
    "looks_like_formula",
    "safe_sheet_name",
    "table_from_grid",
]
