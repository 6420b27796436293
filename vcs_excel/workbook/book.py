"""The ``Book`` protocol: everything a task may do to a workbook.

Tasks talk only to this protocol. :class:`~vcs_excel.workbook.files.FileBook`
implements it over .xlsx/.xlsm/.csv files and ``vcs_excel.excel.ExcelBook``
over live Excel through xlwings. Both keep every change in memory until
:meth:`Book.commit`, so a task that fails half-way leaves the workbook as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from .grid import Grid, Table, table_from_grid

# Sheet-scoped defined name that marks a sheet as made by this tool.
TOOL_MARK = "_vcs_excel_tool"
# Hidden sheet that remembers the cells "Check data" coloured, so they can be cleared.
MARKS_SHEET = "_vcs_excel_marks"
# Hidden sheet that holds long dropdown lists.
LISTS_SHEET = "_vcs_excel_lists"
HIDDEN_SHEETS = (MARKS_SHEET, LISTS_SHEET)
# Sheets that hold settings, never a list to work on.
SETTINGS_SHEETS = ("xlwings.conf",)

# Excel's own limit on a sheet name, and the characters it forbids.
MAX_SHEET_NAME = 31
_FORBIDDEN = set("[]:*?/\\")


def safe_sheet_name(name: str) -> str:
    """A sheet name Excel accepts: no ``[]:*?/\\``, at most 31 characters."""
    cleaned = "".join("_" if ch in _FORBIDDEN else ch for ch in name).strip("' ")
    return (cleaned or "Sheet")[:MAX_SHEET_NAME]


@dataclass(frozen=True)
class CellLink:
    """An in-workbook hyperlink target: a cell on a sheet."""

    sheet: str
    row: int
    col: int

    @property
    def address(self) -> str:
        from .values import column_letter

        quoted = self.sheet.replace("'", "''")
        return f"'{quoted}'!{column_letter(self.col)}{self.row}"


CHART_ROWS = 18  # the rows one chart takes on a results sheet


@dataclass(frozen=True)
class ChartSpec:
    """A native Excel bar chart over some rows of a results sheet.

    ``categories`` is the column of group names and ``series`` the columns of values
    (0-based, as in :class:`SheetSpec`); ``first`` and ``last`` are 0-based data rows.
    Charts sit to the right of the table, one under another.
    """

    title: str
    categories: int
    series: tuple[int, ...]
    first: int
    last: int
    y_title: str = ""
    x_title: str = ""
    stacked: bool = False


@dataclass
class SheetSpec:
    """A results sheet, described independently of how it will be written.

    ``rows`` hold plain values. Text starting with ``=``, ``+``, ``-`` or ``@``
    is always written as text, never as a formula. ``links``, ``fills`` and
    ``dropdowns`` are keyed by 0-based positions within ``rows`` / ``columns``.
    """

    name: str
    columns: list[str]
    rows: list[list[Any]]
    task: str = ""
    title: str | None = None
    notes: list[str] = field(default_factory=list)
    tags: list[str] | None = None
    links: dict[tuple[int, int], CellLink] = field(default_factory=dict)
    # Links out of the workbook (a web page, a ready e-mail as mailto:), keyed like links;
    # the cell shows its own value, not the address.
    urls: dict[tuple[int, int], str] = field(default_factory=dict)
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    dropdowns: dict[int, list[str]] = field(default_factory=dict)
    formats: dict[int, str] = field(default_factory=dict)  # column -> Excel number format
    hidden_columns: set[int] = field(default_factory=set)
    hidden: bool = False
    freeze_header: bool = True
    autofilter: bool = True
    charts: list[ChartSpec] = field(default_factory=list)
    right: set[int] = field(default_factory=set)  # columns aligned right (numbers and [c])
    # Dropdowns on single cells, keyed (row, column) within ``rows`` (a form's answers).
    cell_dropdowns: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    # Write the rows as an Excel table (ListObject) of this name. With tags, the table
    # starts at the tag row (its header), so sorting and filtering keep the tags in
    # place, as on the template's Projects sheet; every column then needs a tag.
    table: str | None = None

    @property
    def table_header_row(self) -> int:
        return self.header_row + (1 if self.tags else 0)

    @property
    def table_last_row(self) -> int:
        """The table's last row: an empty table keeps one blank row, as Excel does."""
        return self.table_header_row + max(len(self.rows), 1)

    @property
    def header_row(self) -> int:
        """The Excel row the column headers are written on."""
        above = (1 if self.title else 0) + len(self.notes)
        return above + 2 if above else 1

    @property
    def first_data_row(self) -> int:
        return self.header_row + (2 if self.tags else 1)


@dataclass(frozen=True)
class CellMark:
    """A highlight (and optional note) on a cell of a user's sheet."""

    sheet: str
    row: int
    col: int
    colour: str = "FFC7CE"
    note: str | None = None


ProgressFn = Callable[[int, int, str], None]
StatusFn = Callable[[str], None]


@runtime_checkable
class Book(Protocol):
    """What a task can do with a workbook (see the module docstring)."""

    @property
    def name(self) -> str: ...

    @property
    def folder(self) -> Path | None:
        """The folder the workbook is saved in (None if it is not a local file)."""
        ...

    def sheet_names(self) -> list[str]: ...

    def read_grid(self, sheet: str) -> Grid: ...

    def read_table(self, sheet: str, header_row: int | None = None) -> Table: ...

    def is_tool_sheet(self, sheet: str) -> bool: ...

    def user_sheets(self) -> list[str]: ...

    def write_sheet(self, spec: SheetSpec) -> str: ...

    def insert_row(self, sheet: str, at: int, values: dict[int, Any]) -> None: ...

    def mark_cells(self, marks: Iterable[CellMark]) -> int: ...

    def clear_marks(self, sheet: str | None = None) -> int: ...

    def add_dropdown(
        self, sheet: str, ref: str, options: Sequence[str], strict: bool = False
    ) -> None: ...

    def progress(self, done: int, total: int, message: str = "") -> None: ...

    def status(self, message: str) -> None: ...

    def commit(self) -> None: ...


class BookBase:
    """Behaviour shared by every book, built on its ``read_grid`` and sheet list."""

    _progress_fn: ProgressFn | None = None
    _status_fn: StatusFn | None = None

    def read_grid(self, sheet: str) -> Grid:  # pragma: no cover - provided by subclasses
        raise NotImplementedError

    def sheet_names(self) -> list[str]:  # pragma: no cover - provided by subclasses
        raise NotImplementedError

    def is_tool_sheet(self, sheet: str) -> bool:  # pragma: no cover - provided by subclasses
        raise NotImplementedError

    def read_table(self, sheet: str, header_row: int | None = None) -> Table:
        """Read ``sheet`` as a table; the header row is found unless given."""
        return table_from_grid(sheet, self.read_grid(sheet), header_row=header_row)

    def user_sheets(self) -> list[str]:
        """The sheets a person made (not results tabs, helper or settings sheets)."""
        skip = {s.lower() for s in HIDDEN_SHEETS + SETTINGS_SHEETS}
        return [
            s for s in self.sheet_names() if s.lower() not in skip and not self.is_tool_sheet(s)
        ]

    def progress(self, done: int, total: int, message: str = "") -> None:
        if self._progress_fn is not None:
            self._progress_fn(done, total, message)

    def status(self, message: str) -> None:
        if self._status_fn is not None:
            self._status_fn(message)

    def free_sheet_name(self, wanted: str) -> str:
        """``wanted`` if free or made by this tool, else ``wanted (2)``, ``(3)`` ..."""
        wanted = safe_sheet_name(wanted)
        existing = {s.lower(): s for s in self.sheet_names()}
        if wanted.lower() not in existing or self.is_tool_sheet(existing[wanted.lower()]):
            return existing.get(wanted.lower(), wanted)
        n = 2
        while True:
            suffix = f" ({n})"
            candidate = wanted[: MAX_SHEET_NAME - len(suffix)] + suffix
            found = existing.get(candidate.lower())
            if found is None or self.is_tool_sheet(found):
                return found or candidate
            n += 1
