"""Saving a macro workbook keeps its VBA project and its ribbon."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import openpyxl
from helpers import RIBBON_REL_TYPE, RIBBON_XML, make_ribbon_xlsm, zip_part

from vcs_excel.workbook import FileBook, SheetSpec

VBA_CT = "application/vnd.ms-office.vbaProject"
XLSM_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def root_rels(path) -> dict[str, str]:
    root = ET.fromstring(zip_part(path, "_rels/.rels"))
    return {r.get("Target").lstrip("/"): r.get("Type") for r in root}


def content_types(path) -> str:
    return zip_part(path, "[Content_Types].xml").decode()


def test_plain_openpyxl_drops_the_ribbon_relationship(tmp_path):
    # Why FileBook repairs the package: openpyxl keeps the part but forgets its link.
    src = make_ribbon_xlsm(tmp_path / "template.xlsm")
    wb = openpyxl.load_workbook(src, keep_vba=True)
    wb.save(tmp_path / "plain.xlsm")
    with zipfile.ZipFile(tmp_path / "plain.xlsm") as z:
        assert "customUI/customUI14.xml" in z.namelist()
    assert "customUI/customUI14.xml" not in root_rels(tmp_path / "plain.xlsm")


def test_round_trip_keeps_vba_project_and_ribbon(tmp_path):
    src = make_ribbon_xlsm(tmp_path / "template.xlsm")
    vba_before = zip_part(src, "xl/vbaProject.bin")
    assert root_rels(src)["customUI/customUI14.xml"] == RIBBON_REL_TYPE

    out = tmp_path / "saved.xlsm"
    book = FileBook.open(src, out=out)
    book.write_sheet(SheetSpec(name="Issues", columns=["Sheet", "Cell"], rows=[["S", "A1"]]))
    book.commit()

    with zipfile.ZipFile(out) as z:
        names = z.namelist()
    assert zip_part(out, "xl/vbaProject.bin") == vba_before
    assert zip_part(out, "customUI/customUI14.xml") == RIBBON_XML
    rels = root_rels(out)
    assert rels["customUI/customUI14.xml"] == RIBBON_REL_TYPE
    assert rels["xl/workbook.xml"].endswith("/officeDocument")
    assert len(rels) == len(set(rels))
    ct = content_types(out)
    assert VBA_CT in ct and XLSM_CT in ct
    assert "xl/vbaProject.bin" in names
    # The workbook's link to its VBA project is there too.
    wb_rels = zip_part(out, "xl/_rels/workbook.xml.rels").decode()
    assert "vbaProject.bin" in wb_rels
    assert FileBook.open(out).sheet_names()[-1] == "Issues"


def test_round_trip_in_place_twice_stays_intact(tmp_path):
    src = make_ribbon_xlsm(tmp_path / "template.xlsm")
    vba_before = zip_part(src, "xl/vbaProject.bin")
    for n in range(2):
        book = FileBook.open(src)
        book.write_sheet(SheetSpec(name="Issues", columns=["Run"], rows=[[n]]))
        book.commit()
    assert zip_part(src, "xl/vbaProject.bin") == vba_before
    assert list(root_rels(src)).count("customUI/customUI14.xml") == 1
    assert FileBook.open(src).read_table("Issues").frame["Run"].tolist() == [1]


def test_macro_workbook_saved_as_xlsx_has_no_macros(tmp_path):
    src = make_ribbon_xlsm(tmp_path / "template.xlsm")
    out = tmp_path / "plain.xlsx"
    book = FileBook.open(src, out=out)
    book.write_sheet(SheetSpec(name="Issues", columns=["A"], rows=[]))
    book.commit()
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
    assert "xl/vbaProject.bin" not in names
    assert XLSM_CT not in content_types(out)
