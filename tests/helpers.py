"""Builders for small real workbooks used across the tests (synthetic people only)."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import xlwings

from vcs_excel.workbook.ooxml import rewrite_zip
from vcs_excel.workbook.writer import put

RIBBON_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui">
  <ribbon><tabs><tab id="vcsTab" label="Community Data">
    <group id="grpCheck" label="Check">
      <button id="btnCheck" label="Check data" onAction="Ribbon_CheckData" size="large"/>
    </group>
  </tab></tabs></ribbon>
</customUI>
"""
RIBBON_REL_TYPE = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"


def letters(number: int) -> str:
    """A number written in letters, one per digit ("bc" for 12): distinct names for made-up
    people (digits in a name are read as the letters they look like)."""
    return "".join("abcdefghij"[int(d)] for d in str(number))


def save_rows(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """Write each sheet's rows from A1 (``None`` leaves a cell blank)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    put(ws, r, c, value)
    wb.save(path)
    return path


def make_ribbon_xlsm(path: Path) -> Path:
    """A macro workbook with a real VBA project (xlwings' quickstart) and a ribbon part."""
    source = Path(xlwings.__file__).parent / "quickstart.xlsm"
    shutil.copy(source, path)
    with zipfile.ZipFile(path) as zf:
        rels = zf.read("_rels/.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdRibbon" Type="{RIBBON_REL_TYPE}" '
        'Target="customUI/customUI14.xml"/></Relationships>',
    )
    rewrite_zip(path, {"_rels/.rels": rels.encode()})
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("customUI/customUI14.xml", RIBBON_XML)
    return path


def zip_part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def patch_sheet_xml(path: Path, sheet_part: str, old: str, new: str) -> None:
    """Edit a sheet's XML in place (to write cells exactly as Excel itself saves them)."""
    xml = zip_part(path, sheet_part).decode()
    assert old in xml, f"{old!r} not in {sheet_part}"
    rewrite_zip(path, {sheet_part: xml.replace(old, new).encode()})


def gift_aid_schedule(path: Path, donors: list[tuple]) -> Path:
    """HMRC's Gift Aid schedule as charities get it: a merged title and notes across the
    sheet, a worked example table, the table to fill in with a row of hints under its
    header, its 1,000 lines numbered in advance, and a warning under them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "R68GAD_V1_00_0_EN"
    heads = ["Title", "First name", "Last name", "House name or number", "Postcode",
             "Aggregated donations", "Sponsored event", "Donation date", "Amount"]  # fmt: skip
    ws["B1"] = "Gift Aid donations schedule"
    ws["B2"] = "Get it right first time - how to complete this schedule:"
    for row in (1, 2):
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=11)
    ws.cell(6, 2, "Fig.1\nExamples")
    for k, head in enumerate(heads):
        ws.cell(6, 3 + k, f"{head}\nup to 35 characters")
    ws.append([None, None, "Prof", "Henry", "Martin", "152A", "M99 2QD", None, None,
               dt.datetime(2015, 3, 24), 240])  # fmt: skip
    ws.append([None, None, "Miss", "B", "Chaudry", "21", "L43 4FB", None, "Yes",
               dt.datetime(2015, 4, 26), 80])  # fmt: skip
    ws["B11"] = "Enter details from here"
    ws.merge_cells("B11:K11")
    ws["B20"], ws["K20"] = "Total donations:", "=SUM(K25:K1024)"
    ws.cell(23, 2, "Item")
    for k, head in enumerate(heads):
        ws.cell(23, 3 + k, head)
    ws["I24"], ws["J24"] = " (Yes/blank)", " (DD/MM/YY)"
    for n in range(1, 1001):
        ws.cell(24 + n, 2, n)
    for n, donor in enumerate(donors):
        for k, value in enumerate(donor):
            ws.cell(25 + n, 3 + k, value)
    ws["B1025"] = "Stop! If you try to enter more than 1,000 rows of donations, you'll get an error"
    wb.save(path)
    return path
