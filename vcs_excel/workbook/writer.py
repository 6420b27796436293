"""Writing to an openpyxl workbook: results sheets, cell marks, dropdowns.

Every value from an input list is written as what it is: text that starts with
``=``, ``+``, ``-`` or ``@`` is stored as a text cell, never as a formula.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.fills import GradientFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.xml.functions import fromstring, tostring

from .book import CHART_ROWS, LISTS_SHEET, TOOL_MARK, CellMark, ChartSpec, SheetSpec
from .values import ExcelError, column_letter

TOOL_AUTHOR = "vcs-excel"
HEADER_FILL = "DDEBF7"
MAX_INLINE_LIST = 250
# Wrapping text and sizing rows costs a style per cell: longer sheets get wide columns.
WRAP_LIMIT = 5000


def excel_safe(value: Any) -> Any:
    """Text with characters XML cannot hold replaced by U+FFFD; other values unchanged."""
    if isinstance(value, str) and not isinstance(value, ExcelError):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def put(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write one value; text always stays text (never a formula)."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, ExcelError):
        cell.value = str(value)
        cell.data_type = "e"
        return cell
    cell.value = excel_safe(value)
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, dt.datetime):
        cell.number_format = "dd/mm/yyyy hh:mm" if value.time() != dt.time(0) else "dd/mm/yyyy"
    elif isinstance(value, dt.date):
        cell.number_format = "dd/mm/yyyy"
    return cell


class StyleCache:
    """Styles a cell like the first cell given the same key.

    openpyxl hashes the whole style object on every assignment; for tens of
    thousands of cells that dominates writing a sheet. Each distinct style is
    set once through the public API and then copied as openpyxl's compact
    style record, as openpyxl itself does when copying a worksheet.
    """

    def __init__(self) -> None:
        self._styles: dict[Any, Any] = {}

    def apply(self, cell: Any, key: Any, style: Any) -> None:
        from copy import copy

        if key in self._styles:
            cell._style = copy(self._styles[key])
            return
        style(cell)
        self._styles[key] = copy(cell._style)


def mark_tool_sheet(ws: Any, task: str) -> None:
    """Mark a sheet as made by this tool (a hidden sheet-scoped name), so the
    next run may replace it and no user's sheet is ever mistaken for it."""
    label = (task or "vcs-excel").replace('"', "")
    ws.defined_names[TOOL_MARK] = DefinedName(TOOL_MARK, attr_text=f'"{label}"', hidden=True)


def write_spec(ws: Any, spec: SheetSpec) -> None:
    """Fill an empty worksheet from a :class:`SheetSpec`."""
    row = 1
    if spec.title:
        put(ws, 1, 1, spec.title).font = Font(bold=True, size=14)
        row = 2
    for note in spec.notes:
        put(ws, row, 1, note).font = Font(italic=True, color="595959")
        row += 1
    header_row = spec.header_row
    for c, name in enumerate(spec.columns, start=1):
        cell = put(ws, header_row, c, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    if spec.tags:
        for c, tag in enumerate(spec.tags, start=1):
            if tag:
                put(ws, header_row + 1, c, tag).font = Font(italic=True, color="7F7F7F")
    first = spec.first_data_row
    styles = StyleCache()
    for r, values in enumerate(spec.rows):
        for c, value in enumerate(values, start=1):
            if value is not None:
                cell = ws.cell(row=first + r, column=c)
                if isinstance(value, ExcelError):
                    cell.value, cell.data_type = str(value), "e"
                    continue
                cell.value = excel_safe(value)
                if isinstance(value, str):
                    cell.data_type = "s"
                elif isinstance(value, dt.date):
                    fmt = spec.formats.get(c - 1) or (
                        "dd/mm/yyyy hh:mm"
                        if isinstance(value, dt.datetime) and value.time() != dt.time(0)
                        else "dd/mm/yyyy"
                    )
                    styles.apply(cell, ("format", fmt), lambda x, f=fmt: _set_format(x, f))
    for (r, c), link in spec.links.items():
        cell = ws.cell(row=first + r, column=c + 1)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=link.address)
        styles.apply(cell, "link", _link_style)
    for (r, c), url in spec.urls.items():
        cell = ws.cell(row=first + r, column=c + 1)
        cell.hyperlink = url[:MAX_URL]
        styles.apply(cell, "link", _link_style)
    for (r, c), colour in spec.fills.items():
        cell = ws.cell(row=first + r, column=c + 1)
        styles.apply(cell, ("fill", colour), lambda x, k=colour: _set_fill(x, k))

    last_row = max(first + len(spec.rows) - 1, header_row)
    last_col = column_letter(max(len(spec.columns), 1))
    for c, options in spec.dropdowns.items():
        if spec.rows:
            letter = column_letter(c + 1)
            _add_validation(ws, f"{letter}{first}:{letter}{last_row}", options, strict=True)
    for (r, c), options in spec.cell_dropdowns.items():
        _add_validation(ws, f"{column_letter(c + 1)}{first + r}", options, strict=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    lines = [1] * len(spec.rows)
    for c, name in enumerate(spec.columns):
        longest = max([len(name), *(_text_len(v[c]) for v in spec.rows[:200] if c < len(v))])
        width = spec.widths.get(c)
        if width is None:
            width = min(60, max(10, longest)) + 2
        ws.column_dimensions[column_letter(c + 1)].width = width
        several = any(isinstance(v[c], str) and "\n" in v[c] for v in spec.rows[:200] if c < len(v))
        if (longest > width or several) and len(spec.rows) <= WRAP_LIMIT:
            # Long text wraps inside its column instead of running over the next one.
            for r, values in enumerate(spec.rows):
                cell = ws.cell(row=first + r, column=c + 1)
                styles.apply(cell, ("wrap", _style_key(cell)), lambda x: _set_alignment(x, wrap))
                value = values[c] if c < len(values) else None
                lines[r] = max(lines[r], _lines(value, max(int(width * 0.9), 1)))
    # openpyxl cannot measure text, and Excel keeps the height a file gives: size
    # rows that wrap so every line shows (up to the tallest row Excel allows, 409 pt).
    top = Alignment(vertical="top")
    for r, n in enumerate(lines):
        if n > 1:
            ws.row_dimensions[first + r].height = min(15 * n, MAX_ROW_HEIGHT)
            for c in range(1, len(spec.columns) + 1):
                cell = ws.cell(row=first + r, column=c)
                if not cell.alignment.wrap_text:
                    styles.apply(cell, ("top", _style_key(cell)), lambda x: _set_alignment(x, top))
    for c in spec.hidden_columns:
        ws.column_dimensions[column_letter(c + 1)].hidden = True
    if spec.hidden:
        ws.sheet_state = "hidden"
    if spec.freeze_header:
        ws.freeze_panes = f"A{first}"
    if spec.table and spec.columns:
        _add_table(ws, spec, last_col)
    elif spec.autofilter and spec.columns:
        ws.auto_filter.ref = f"A{header_row}:{last_col}{last_row}"
    right = Alignment(horizontal="right")
    for c in spec.right:
        ws.cell(row=header_row, column=c + 1).alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="right"
        )
        for r in range(len(spec.rows)):
            cell = ws.cell(row=first + r, column=c + 1)
            styles.apply(cell, ("right", _style_key(cell)), lambda x: _set_alignment(x, right))
    for k, chart in enumerate(spec.charts):
        _add_chart(ws, spec, chart, k)


def _add_table(ws: Any, spec: SheetSpec, last_col: str) -> None:
    """The rows as an Excel table (it filters and sorts without an autofilter of its
    own)."""
    top = spec.table_header_row
    headers = spec.tags if spec.tags else spec.columns
    if len(set(headers)) != len(headers) or not all(headers):
        raise ValueError(f"table {spec.table}: every column needs its own tag or header")
    add_excel_table(ws, spec.table or "", f"A{top}:{last_col}{spec.table_last_row}")


def add_excel_table(ws: Any, name: str, ref: str) -> None:
    """An Excel table (ListObject) over ``ref``, its first row the header."""
    from openpyxl.worksheet.table import Table as ExcelTable
    from openpyxl.worksheet.table import TableStyleInfo

    table = ExcelTable(displayName=name, ref=ref, headerRowCount=1)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)


def _add_chart(ws: Any, spec: SheetSpec, chart: ChartSpec, k: int) -> None:
    """A native bar chart (openpyxl's chart support), right of the table."""
    from openpyxl.chart import BarChart, Reference

    first = spec.first_data_row
    bar = BarChart()
    bar.type = "bar" if chart.last - chart.first >= 8 else "col"
    bar.grouping = "stacked" if chart.stacked else "clustered"
    if chart.stacked:
        bar.overlap = 100
    bar.title = chart.title
    bar.y_axis.title = chart.y_title or None
    bar.x_axis.title = chart.x_title or None
    # Excel (and LibreOffice) hide axes that openpyxl marks as deleted.
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    bar.height = 8.5
    bar.width = 16
    for c in chart.series:
        data = Reference(ws, min_col=c + 1, min_row=spec.header_row, max_row=first + chart.last)
        bar.add_data(data, titles_from_data=True)
    # add_data took the header as the title; the values start at the first chosen row.
    for series, c in zip(bar.series, chart.series, strict=True):
        letter = column_letter(c + 1)
        top, bottom = first + chart.first, first + chart.last
        series.val.numRef.f = f"'{ws.title}'!${letter}${top}:${letter}${bottom}"
    cats = Reference(
        ws, min_col=chart.categories + 1, min_row=first + chart.first, max_row=first + chart.last
    )
    bar.set_categories(cats)
    if bar.type == "bar":
        bar.x_axis.scaling.orientation = "maxMin"  # first group at the top
    bar.legend = None if len(chart.series) == 1 else bar.legend
    anchor_col = column_letter(len(spec.columns) + 2)
    ws.add_chart(bar, f"{anchor_col}{spec.header_row + k * CHART_ROWS}")


def _style_key(cell: Any) -> tuple[int, ...]:
    style = getattr(cell, "_style", None)
    return tuple(style) if style is not None else ()


def _set_format(cell: Any, number_format: str) -> None:
    cell.number_format = number_format


def _set_fill(cell: Any, colour: str) -> None:
    cell.fill = PatternFill("solid", fgColor=colour)


def _set_alignment(cell: Any, alignment: Alignment) -> None:
    cell.alignment = alignment


def _link_style(cell: Any) -> None:
    cell.font = Font(color="0563C1", underline="single")


MAX_ROW_HEIGHT = 409  # points: Excel's limit
MAX_URL = 2079  # characters: the longest address Excel keeps for a hyperlink


def _lines(value: Any, per_line: int) -> int:
    """The lines a wrapped cell takes: each of its own lines, wrapped at ``per_line``."""
    if value is None or isinstance(value, dt.date):
        return 1
    return sum(max(1, -(-len(part) // per_line)) for part in str(value).split("\n"))


def _text_len(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return len(str(value))


def _add_validation(ws: Any, ref: str, formula_or_options: Any, strict: bool) -> None:
    if isinstance(formula_or_options, str):
        formula = formula_or_options
    else:
        formula = '"' + ",".join(formula_or_options) + '"'
    dv = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        error="Choose a value from the list." if strict else "This value is not in the list.",
    )
    ws.add_data_validation(dv)
    dv.add(ref)


def add_list_validation(wb: Any, sheet: str, ref: str, options: list[str], strict: bool = False):
    """Add a dropdown on ``ref``. Long lists (or items with commas) are kept on a
    hidden helper sheet, because Excel limits an inline list to 255 characters."""
    ws = wb[sheet]
    inline = ",".join(options)
    if len(inline) <= MAX_INLINE_LIST and not any("," in o or '"' in o for o in options):
        _add_validation(ws, ref, options, strict)
        return
    if LISTS_SHEET in wb.sheetnames:
        lists = wb[LISTS_SHEET]
        col = lists.max_column + 1
    else:
        lists = wb.create_sheet(LISTS_SHEET)
        lists.sheet_state = "hidden"
        mark_tool_sheet(lists, "lists")
        col = 1
    for i, option in enumerate(options, start=1):
        put(lists, i, col, option)
    letter = column_letter(col)
    formula = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(options)}"
    _add_validation(ws, ref, formula, strict)


# ---------------------------------------------------------------------- marks
def _fill_xml(cell: Any) -> str:
    if not cell.has_style:
        return ""
    fill = cell.fill
    if isinstance(fill, PatternFill | GradientFill) or hasattr(fill, "to_tree"):
        if getattr(fill, "fill_type", None) is None and not isinstance(fill, GradientFill):
            return ""
        return tostring(fill.to_tree()).decode()
    return ""


def _fill_from_xml(xml: str) -> Any:
    if not xml:
        return PatternFill(fill_type=None)
    node = fromstring(xml)
    if node.tag.endswith("gradientFill"):
        return GradientFill.from_tree(node)
    return PatternFill.from_tree(node)


def _current_colour(cell: Any) -> str:
    fill = cell.fill
    rgb = getattr(getattr(fill, "fgColor", None), "rgb", None)
    return rgb[-6:].upper() if isinstance(rgb, str) else ""


def apply_marks(wb: Any, marks: list[CellMark], store: Any) -> int:
    """Colour each marked cell and attach its note, recording what was there."""
    known = {(row[0].value, row[1].value) for row in store.iter_rows(min_row=2) if row[0].value}
    count = 0
    for mark in marks:
        ws = wb[mark.sheet]
        cell = ws.cell(row=mark.row, column=mark.col)
        key = (mark.sheet, cell.coordinate)
        if key not in known:
            comment = cell.comment
            record = [
                mark.sheet,
                cell.coordinate,
                _fill_xml(cell),
                comment.text if comment else None,
                comment.author if comment else None,
                mark.colour.upper(),
            ]
            r = store.max_row + 1
            for c, value in enumerate(record, start=1):
                put(store, r, c, value)
            known.add(key)
        cell.fill = PatternFill("solid", fgColor=mark.colour)
        if mark.note:
            cell.comment = Comment(mark.note, TOOL_AUTHOR, width=300, height=120)
        count += 1
    return count


def remove_marks(wb: Any, store: Any, sheet: str | None) -> int:
    """Undo :func:`apply_marks` for one sheet or all; returns the cells restored.

    A cell whose colour the user has changed since keeps the user's colour.
    """
    keep, cleared = [], 0
    for row in store.iter_rows(min_row=2, values_only=True):
        if not row or row[0] is None:
            continue
        name, ref, fill_xml, text, author, colour = (list(row) + [None] * 6)[:6]
        if (sheet is not None and name != sheet) or name not in wb.sheetnames:
            if name in wb.sheetnames:
                keep.append(row)
            continue
        cell = wb[name][ref]
        if _current_colour(cell) == (colour or "").upper():
            cell.fill = _fill_from_xml(fill_xml or "")
        if cell.comment is not None and cell.comment.author == TOOL_AUTHOR:
            cell.comment = Comment(text, author or "") if text else None
        cleared += 1
    store.delete_rows(2, store.max_row)
    for r, row in enumerate(keep, start=2):
        for c, value in enumerate(row, start=1):
            put(store, r, c, value)
    if not keep:
        wb.remove(store)
    return cleared
