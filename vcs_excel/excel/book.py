"""``ExcelBook``: the :class:`~vcs_excel.workbook.Book` protocol over live Excel.

This is the only place that talks to Excel, through xlwings, and it stays thin:
read a sheet's used range in one call, write a results sheet in one call, colour
cells, show a message. Changes are queued and applied by :meth:`commit` once the
task has finished, so a task that fails leaves the workbook as it was.

What live Excel cannot tell us cheaply (so it differs from the file reader):
number formats are not read, so a number shown with leading zeros through a
custom format comes back as the number (the normalisers restore the zero of a
phone or NHS number); and a date-time at exactly midnight comes back as a date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..workbook.book import (
    CHART_ROWS,
    HIDDEN_SHEETS,
    LISTS_SHEET,
    MARKS_SHEET,
    TOOL_MARK,
    BookBase,
    CellMark,
    ChartSpec,
    SheetSpec,
)
from ..workbook.grid import Grid
from ..workbook.values import (
    ExcelError,
    column_letter,
    is_excel_error_text,
    looks_like_formula,
    normalise_cell,
)

MARK_COLUMNS = ["sheet", "cell", "fill_xml", "comment", "comment_author", "colour"]
TOOL_AUTHOR = "vcs-excel"
HEADER_FILL = "DDEBF7"


def from_excel(value: Any) -> Any:
    """One value as xlwings returns it, in the tool's form (see ``values``)."""
    if isinstance(value, str) and is_excel_error_text(value):
        return ExcelError(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return normalise_cell(value)


def to_excel(value: Any) -> Any:
    """One value for a block write: text that Excel would run stays text."""
    if isinstance(value, ExcelError):
        return str(value)
    if looks_like_formula(value):
        # A leading apostrophe makes Excel store the rest as text; it is not shown.
        return "'" + value
    return value


def hyperlink_formula(address: str, text: Any) -> str:
    """An in-workbook link written as one formula, so thousands go in one block."""
    shown = str(text).replace('"', '""')
    return f'=HYPERLINK("#{address.replace(chr(34), chr(34) * 2)}","{shown}")'


def spec_block(spec: SheetSpec) -> list[list[Any]]:
    """The whole sheet of a :class:`SheetSpec` as one rectangular block from A1."""
    width = max(len(spec.columns), 1)
    block: list[list[Any]] = []

    def line(values: Sequence[Any]) -> list[Any]:
        out = [to_excel(v) for v in values][:width]
        return out + [None] * (width - len(out))

    if spec.title:
        block.append(line([spec.title]))
    for note in spec.notes:
        block.append(line([note]))
    if block:
        block.append(line([]))
    block.append(line(spec.columns))
    if spec.tags:
        block.append(line(spec.tags))
    first = len(block)
    for values in spec.rows:
        block.append(line(values))
    for (r, c), link in spec.links.items():
        shown = spec.rows[r][c] if c < len(spec.rows[r]) else ""
        block[first + r][c] = hyperlink_formula(link.address, shown)
    return block


def union_addresses(cells: Iterable[tuple[int, int]], limit: int = 250) -> list[str]:
    """Pack cells into comma-joined addresses ("A2,C5,D9") Excel takes as one range.

    Excel refuses a range address longer than 255 characters, so long lists are
    split; formatting a few thousand cells then takes a handful of calls.
    """
    chunks: list[str] = []
    current: list[str] = []
    length = 0
    for row, col in cells:
        address = f"{column_letter(col)}{row}"
        if current and length + len(address) + 1 > limit:
            chunks.append(",".join(current))
            current, length = [], 0
        current.append(address)
        length += len(address) + 1
    if current:
        chunks.append(",".join(current))
    return chunks


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour[-6:]
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _rgb_to_hex(rgb: Any) -> str:
    if not rgb:
        return ""
    return "{:02X}{:02X}{:02X}".format(*rgb[:3])


_XML_RGB = re.compile(r'fgColor[^>]*rgb="(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})"')


def original_fill_rgb(record: str) -> tuple[int, int, int] | None:
    """The fill colour kept in a marks record (written by Excel or by the file book)."""
    if not record:
        return None
    if record.startswith("rgb:"):
        return _hex_to_rgb(record[4:])
    match = _XML_RGB.search(record)
    return _hex_to_rgb(match.group(1)) if match else None


class ExcelBook(BookBase):
    """A workbook open in Excel (``xlwings.Book``)."""

    def __init__(self, xl_book: Any) -> None:
        self._xb = xl_book
        self._ops: list[Callable[[], None]] = []
        self._pending: list[str] = []

    @property
    def name(self) -> str:
        return str(self._xb.name)

    @property
    def folder(self) -> Path | None:
        # A workbook opened from OneDrive or SharePoint has a web address, not a folder.
        full = str(self._xb.fullname)
        if "://" in full or not os.path.isabs(full):
            return None
        return Path(full).parent

    def sheet_names(self) -> list[str]:
        return [s.name for s in self._xb.sheets] + [
            p for p in self._pending if p not in {s.name for s in self._xb.sheets}
        ]

    def is_tool_sheet(self, sheet: str) -> bool:
        if sheet in HIDDEN_SHEETS or sheet in self._pending:
            return True
        try:
            names = self._xb.sheets[sheet].names
        except Exception:
            return False
        return any(str(n.name).split("!")[-1] == TOOL_MARK for n in names)

    # ------------------------------------------------------------------ reading
    def read_grid(self, sheet: str) -> Grid:
        sht = self._xb.sheets[sheet]
        used = sht.used_range
        values = used.options(ndim=2, err_to_str=True).value or []
        rows = [[from_excel(v) for v in row] for row in values]
        return Grid(
            rows=rows,
            first_row=used.row,
            first_col=used.column,
            merged=self._merged(sht, used, len(rows), len(rows[0]) if rows else 0),
        )

    def _merged(self, sht: Any, used: Any, height: int, width: int) -> tuple:
        """Merged ranges in the top rows, where headers are (cell by cell, so only
        when Excel says the area holds merged cells at all)."""
        from ..workbook.grid import HEADER_SCAN_ROWS

        if not height or not width:
            return ()
        top = sht.range(
            (used.row, used.column),
            (used.row + min(height, HEADER_SCAN_ROWS + 1) - 1, used.column + width - 1),
        )
        try:
            if top.merge_cells is False:
                return ()
        except Exception:
            return ()
        found: set[tuple[int, int, int, int]] = set()
        for cell in top:
            if cell.merge_cells:
                area = cell.merge_area
                found.add(
                    (area.row, area.column, area.row + area.rows.count - 1,
                     area.column + area.columns.count - 1)
                )  # fmt: skip
        return tuple(sorted(found))

    # ------------------------------------------------------------------ writing (queued)
    def write_sheet(self, spec: SheetSpec) -> str:
        name = self.free_sheet_name(spec.name)
        if name not in self._pending:
            self._pending.append(name)
        block = spec_block(spec)

        def op() -> None:
            existing = {s.name for s in self._xb.sheets}
            if name in existing:
                sht = self._xb.sheets[name]
                for table in list(sht.tables):
                    table.api.Unlist()  # a table of the last run; its cells are cleared next
                sht.clear()
            else:
                sht = self._xb.sheets.add(name, after=self._xb.sheets[-1])
            sht.range("A1").value = block
            header = spec.header_row
            head = sht.range((header, 1), (header, max(len(spec.columns), 1)))
            head.font.bold = True
            head.color = _hex_to_rgb(HEADER_FILL)
            if spec.title:
                sht.range("A1").font.bold = True
                sht.range("A1").font.size = 14
            first = spec.first_data_row
            by_colour: dict[str, list[tuple[int, int]]] = {}
            for (r, c), colour in spec.fills.items():
                by_colour.setdefault(colour, []).append((first + r, c + 1))
            for colour, cells in by_colour.items():
                for address in union_addresses(cells):
                    sht.range(address).color = _hex_to_rgb(colour)
            for (r, c), url in spec.urls.items():
                shown = spec.rows[r][c] if c < len(spec.rows[r]) else url
                sht.range((first + r, c + 1)).add_hyperlink(url[:2079], str(shown))
            for c, options in spec.dropdowns.items():
                if spec.rows:
                    letter = column_letter(c + 1)
                    ref = f"{letter}{first}:{letter}{first + len(spec.rows) - 1}"
                    self._validation(sht, ref, options, strict=True)
            for (r, c), options in spec.cell_dropdowns.items():
                self._validation(sht, f"{column_letter(c + 1)}{first + r}", options, strict=True)
            if spec.table:
                area = sht.range(
                    (spec.table_header_row, 1), (spec.table_last_row, max(len(spec.columns), 1))
                )
                sht.tables.add(source=area, name=spec.table, table_style_name="TableStyleLight9")
            sht.autofit("c")
            for c in spec.hidden_columns:
                sht.range((1, c + 1)).api.EntireColumn.Hidden = True
            for k, chart in enumerate(spec.charts):
                _add_chart(sht, spec, chart, k)
            if spec.hidden:
                sht.visible = False
            sht.names.add(TOOL_MARK, f'="{spec.task or "vcs-excel"}"')

        self._ops.append(op)
        return name

    def insert_row(self, sheet: str, at: int, values: dict[int, Any]) -> None:
        """Insert a whole row (Excel moves formulas, formats and tables itself)."""
        first, last = min(values, default=1), max(values, default=1)
        block = [[to_excel(values.get(c)) for c in range(first, last + 1)]]

        def op() -> None:
            sht = self._xb.sheets[sheet]
            sht.range(f"{at}:{at}").insert(shift="down")
            sht.range((at, first)).value = block

        self._ops.append(op)

    def mark_cells(self, marks: Iterable[CellMark]) -> int:
        marks = list(marks)

        def op() -> None:
            store = self._store(create=True)
            known = {
                (r[0], r[1]) for r in (store.used_range.options(ndim=2).value or [])[1:] if r[0]
            }
            records = []
            for mark in marks:
                rng = self._xb.sheets[mark.sheet].range((mark.row, mark.col))
                ref = rng.address.replace("$", "")
                if (mark.sheet, ref) not in known:
                    note = rng.note.text if rng.note is not None else None
                    fill = _rgb_to_hex(rng.color)
                    records.append(
                        [mark.sheet, ref, f"rgb:{fill}" if fill else "", note,
                         "", mark.colour.upper()]
                    )  # fmt: skip
                    known.add((mark.sheet, ref))
                if mark.note:
                    if rng.note is not None:
                        rng.note.delete()
                    rng.add_note(mark.note)
            for sheet_name in {m.sheet for m in marks}:
                sht = self._xb.sheets[sheet_name]
                by_colour: dict[str, list[tuple[int, int]]] = {}
                for m in marks:
                    if m.sheet == sheet_name:
                        by_colour.setdefault(m.colour, []).append((m.row, m.col))
                for colour, cells in by_colour.items():
                    for address in union_addresses(cells):
                        sht.range(address).color = _hex_to_rgb(colour)
            if records:
                start = store.used_range.last_cell.row + 1
                store.range((start, 1)).value = [[to_excel(v) for v in r] for r in records]

        self._ops.append(op)
        return len(marks)

    def clear_marks(self, sheet: str | None = None) -> int:
        if MARKS_SHEET not in {s.name for s in self._xb.sheets}:
            return 0
        store = self._xb.sheets[MARKS_SHEET]
        rows = [r for r in (store.used_range.options(ndim=2).value or [])[1:] if r and r[0]]
        mine = [r for r in rows if sheet is None or r[0] == sheet]

        def op() -> None:
            names = {s.name for s in self._xb.sheets}
            for name, ref, fill, text, _author, colour in (list(r) + [None] * 6 for r in mine):
                if name not in names:
                    continue
                rng = self._xb.sheets[name].range(ref)
                if _rgb_to_hex(rng.color) == str(colour or "").upper():
                    rng.color = original_fill_rgb(str(fill or ""))
                if rng.note is not None:
                    rng.note.delete()
                if text:
                    rng.add_note(str(text))
            keep = [r for r in rows if r not in mine]
            store.clear()
            if keep:
                store.range("A1").value = [MARK_COLUMNS, *keep]
            else:
                store.delete()

        self._ops.append(op)
        return len(mine)

    def _store(self, create: bool) -> Any:
        if MARKS_SHEET in {s.name for s in self._xb.sheets}:
            return self._xb.sheets[MARKS_SHEET]
        sht = self._xb.sheets.add(MARKS_SHEET, after=self._xb.sheets[-1])
        sht.range("A1").value = [MARK_COLUMNS]
        sht.visible = False
        sht.names.add(TOOL_MARK, '="marks"')
        return sht

    def add_dropdown(
        self, sheet: str, ref: str, options: Sequence[str], strict: bool = False
    ) -> None:
        options = list(options)
        self._ops.append(
            lambda: self._validation(self._xb.sheets[sheet], ref, options, strict=strict)
        )

    def _validation(self, sht: Any, ref: str, options: list[str], strict: bool) -> None:
        inline = ",".join(options)
        if len(inline) <= 250 and not any("," in o for o in options):
            formula = inline
        else:
            if LISTS_SHEET in {s.name for s in self._xb.sheets}:
                lists = self._xb.sheets[LISTS_SHEET]
                col = lists.used_range.last_cell.column + 1
            else:
                lists = self._xb.sheets.add(LISTS_SHEET, after=self._xb.sheets[-1])
                lists.visible = False
                lists.names.add(TOOL_MARK, '="lists"')
                col = 1
            lists.range((1, col)).options(transpose=True).value = options
            letter = column_letter(col)
            formula = f"='{LISTS_SHEET}'!${letter}$1:${letter}${len(options)}"
        try:  # Windows (COM); Excel for Mac has no scriptable data validation
            validation = sht.range(ref).api.Validation
            validation.Delete()
            validation.Add(Type=3, AlertStyle=1 if strict else 2, Operator=1, Formula1=formula)
        except Exception:
            self.status("Dropdown lists could not be added in this version of Excel.")

    # ------------------------------------------------------------------ feedback
    def progress(self, done: int, total: int, message: str = "") -> None:
        pct = f" {100 * done // total}%" if total else ""
        self.status(f"{message}{pct}")

    def status(self, message: str) -> None:
        with contextlib.suppress(Exception):
            self._xb.app.status_bar = f"vcs-excel: {message}" if message else False

    def release_status(self) -> None:
        """Hand the status bar back to Excel."""
        with contextlib.suppress(Exception):
            self._xb.app.status_bar = False

    def alert(self, message: str, title: str = "vcs-excel") -> None:
        self._xb.app.alert(message, title=title)

    def commit(self) -> None:
        """Apply every queued change, with screen updating off while it runs."""
        app = self._xb.app
        created_before = {s.name for s in self._xb.sheets}
        app.screen_updating = False
        try:
            for op in self._ops:
                op()
        except Exception:
            # Undo what can be undone: new sheets made by this commit.
            for sht in list(self._xb.sheets):
                if sht.name not in created_before:
                    sht.delete()
            raise
        finally:
            app.screen_updating = True
            self._ops.clear()
            self._pending.clear()


def _add_chart(sht: Any, spec: SheetSpec, chart: ChartSpec, k: int) -> None:
    """A native bar chart right of the table (the same place the file book puts it)."""
    first = spec.first_data_row
    left = sht.range((spec.header_row, len(spec.columns) + 2)).left
    top = sht.range((spec.header_row + k * CHART_ROWS, 1)).top
    made = sht.charts.add(left=left, top=top, width=460, height=240)
    kind = "bar" if chart.last - chart.first >= 8 else "column"
    made.chart_type = f"{kind}_{'stacked' if chart.stacked else 'clustered'}"
    cats = sht.range((first + chart.first, chart.categories + 1),
                     (first + chart.last, chart.categories + 1))  # fmt: skip
    api = made.api[1]
    while api.SeriesCollection().Count:
        api.SeriesCollection(1).Delete()
    for c in chart.series:
        series = api.SeriesCollection().NewSeries()
        series.Name = spec.columns[c]
        series.Values = sht.range((first + chart.first, c + 1), (first + chart.last, c + 1)).api
        series.XValues = cats.api
    api.HasTitle = True
    api.ChartTitle.Text = chart.title
