"""Builders for small real workbooks used across the tests (synthetic people only)."""

from __future__ import annotations

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
