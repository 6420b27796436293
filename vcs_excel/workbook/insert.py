"""Inserting a row into a user's sheet through openpyxl, without breaking it.

openpyxl's ``insert_rows`` only moves cell values. Everything else that points
at rows below the new one is moved here: merged cells, data validation,
conditional formatting, hyperlinks, the auto-filter, Excel tables and the print
area. Formulas are the exception: moving their references correctly means
parsing every formula in the workbook, so when any formula refers to the sheet
at or below the new row the insertion is refused with a plain message (Excel
itself, through the ribbon, updates them).
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

from ..errors import BadInputError

_REF = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")


def _shift_ref(ref: str, at: int) -> str:
    """Move every row number at or below ``at`` in an A1 reference one row down."""

    def move(m: re.Match[str]) -> str:
        row = int(m.group(4))
        return f"{m.group(1)}{m.group(2)}{m.group(3)}{row + 1 if row >= at else row}"

    return _REF.sub(move, ref)


def formulas_pointing_below(wb: Any, sheet: str, at: int) -> list[str]:
    """Cells whose formulas refer to ``sheet`` at row ``at`` or below."""
    found = []
    quoted = {sheet.lower(), f"'{sheet.lower()}'"}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f" or not isinstance(cell.value, str):
                    continue
                text = cell.value
                same_sheet = ws.title == sheet
                mentions = any(q + "!" in text.lower() for q in quoted)
                if not (same_sheet or mentions):
                    continue
                rows = [int(m.group(4)) for m in _REF.finditer(text)]
                if any(r >= at for r in rows) or re.search(
                    r"(^|[^A-Z$])\$?[A-Z]{1,3}:\$?[A-Z]", text
                ):
                    found.append(f"{ws.title}!{cell.coordinate}")
    return found


def insert_row(wb: Any, sheet: str, at: int, values: dict[int, Any]) -> None:
    """Insert an empty row at Excel row ``at`` of ``sheet``; fill in ``values`` by column."""
    from .writer import put

    ws = wb[sheet]
    blockers = formulas_pointing_below(wb, sheet, at)
    if blockers:
        shown = ", ".join(blockers[:3]) + (" ..." if len(blockers) > 3 else "")
        raise BadInputError(
            f"Sheet '{sheet}' has formulas that point below row {at - 1} ({shown}); the command "
            "line cannot update them. Nothing was changed: use Tag headers on the ribbon in "
            "Excel, which updates them, or insert an empty row under the header first."
        )
    merged = [CellRange(str(r)) for r in ws.merged_cells.ranges]
    for r in merged:
        ws.unmerge_cells(str(r))
    ws.insert_rows(at)
    for r in merged:
        if r.min_row >= at:
            r.shift(row_shift=1)
        elif r.max_row >= at:
            r.expand(down=1)
        ws.merge_cells(str(r))
    for dv in ws.data_validations.dataValidation:
        dv.sqref = MultiCellRange(_shift_ref(str(dv.sqref), at))
    if ws.conditional_formatting:
        from openpyxl.formatting.formatting import ConditionalFormattingList

        old = ws.conditional_formatting
        new = ConditionalFormattingList()
        for cf in old:
            for rule in cf.rules:
                new.add(_shift_ref(str(cf.sqref), at), rule)
        ws.conditional_formatting = new
    for link in ws._hyperlinks:
        link.ref = _shift_ref(link.ref, at)
    if ws.auto_filter.ref:
        ws.auto_filter.ref = _shift_ref(ws.auto_filter.ref, at)
    for table in ws.tables.values():
        table.ref = _shift_ref(table.ref, at)
        if table.autoFilter is not None and table.autoFilter.ref:
            table.autoFilter.ref = table.ref
    if ws.print_area:
        ws.print_area = _shift_ref(ws.print_area.split("!")[-1], at)
    for col, value in values.items():
        if value is not None:
            put(ws, at, col, value)
