"""The committed template, read by programs that are not ours."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest
from oletools.olevba import VBA_Parser

from vcs_excel.template.build import DEFAULT_OUT as COMMITTED
from vcs_excel.template.build import RIBBON_REL, VBA_REL, XLSM_CT


def test_olevba_lists_every_module_with_its_exact_source(sources):
    parser = VBA_Parser(str(COMMITTED))
    found = {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    assert set(found) == {m.name for m in sources.modules}
    for m in sources.modules:
        assert found[m.name] == m.source, m.name


def test_package_has_vba_project_and_ribbon_parts():
    with zipfile.ZipFile(COMMITTED) as zf:
        rels = ET.fromstring(zf.read("_rels/.rels"))
        wb_rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        types = zf.read("[Content_Types].xml").decode()
        names = zf.namelist()
    assert {(r.get("Type"), r.get("Target")) for r in rels} >= {
        (RIBBON_REL, "customUI/customUI14.xml")
    }
    assert (VBA_REL, "vbaProject.bin") in {(r.get("Type"), r.get("Target")) for r in wb_rels}
    assert XLSM_CT in types and "application/vnd.ms-office.vbaProject" in types
    assert {"xl/vbaProject.bin", "customUI/customUI14.xml"} <= set(names)


def test_sheets_and_their_code_names(sources):
    wb = openpyxl.load_workbook(COMMITTED)
    expected = [(s["name"], s["code_name"]) for s in sources.sheets["sheet"]]
    assert [(ws.title, ws.sheet_properties.codeName) for ws in wb] == expected
    assert wb.code_name == "ThisWorkbook"
    assert {"Start", "Dictionary", "Review", "Directory", "xlwings.conf"} <= set(wb.sheetnames)
    conf = wb["xlwings.conf"]
    # Only settings with a value: an empty Interpreter row would override the one the
    # installer writes into the user's own xlwings.conf.
    assert [conf[f"A{r}"].value for r in range(1, 3)] == ["UDF Modules", None]
    assert conf["B1"].value == "vcs_excel.excel.udfs"
    # Excel's own form: text in a shared strings table, no recalculation on every open
    # (with it, Excel asks to save at every close).
    with zipfile.ZipFile(COMMITTED) as zf:
        assert "xl/sharedStrings.xml" in zf.namelist()
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"inlineStr" in zf.read(n) for n in sheets)
        assert b'fullCalcOnLoad="1"' not in zf.read("xl/workbook.xml")


needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (Debian package libreoffice-calc) is not installed; CI installs it",
)


@needs_libreoffice
def test_libreoffice_opens_the_template_and_imports_our_modules(tmp_path, sources):
    src = tmp_path / "vcs-excel.xlsm"
    shutil.copy(COMMITTED, src)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "ods", "--outdir", str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    with zipfile.ZipFile(tmp_path / "vcs-excel.ods") as ods:
        names = ods.namelist()
        library = {
            n.split("/")[-1][:-4]: ods.read(n).decode()
            for n in names
            if n.startswith("Basic/VBAProject/") and not n.endswith("script-lb.xml")
        }
        content = ods.read("content.xml").decode()
    assert set(library) == {m.name for m in sources.modules}
    for m in sources.modules:
        # LibreOffice drops the Attribute lines; every other line of code is there.
        code_lines = [
            ln for ln in m.source.split("\r\n") if ln.strip() and not ln.startswith("Attribute ")
        ]
        text = re.sub(r"&apos;", "'", re.sub(r"&quot;", '"', library[m.name]))
        text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        missing = [ln for ln in code_lines if ln not in text]
        assert not missing, (m.name, missing[:3])
    for sheet in sources.sheets["sheet"]:
        assert f'table:name="{sheet["name"]}"' in content


def test_dictionary_tab_is_filled_from_the_data_dictionary():
    from vcs_excel.standard.docs import dictionary_rows
    from vcs_excel.workbook import FileBook

    table = FileBook.open(COMMITTED).read_table("Dictionary")
    assert table.frame["Tag"].tolist() == [r[0] for r in dictionary_rows()]


def test_projects_sheet_is_a_tagged_table_with_dropdowns():
    from vcs_excel.standard.dictionary import load_dictionary
    from vcs_excel.workbook import FileBook

    book = FileBook.open(COMMITTED)
    table = book.read_table("Projects")
    assert (table.header_row, table.tag_row) == (4, 5)
    assert [c.name for c in table.columns][:2] == ["Project", "Question"]
    dictionary = load_dictionary()
    tags = [c.tag for c in table.columns]
    assert all(dictionary.lookup(t) is not None for t in tags), tags
    # Not a list of people: the tasks leave it out unless it is named.
    assert book.is_tool_sheet("Projects") and "Projects" not in book.user_sheets()
    ws = openpyxl.load_workbook(COMMITTED)["Projects"]
    assert list(ws.tables) == ["InsightProjects"]
    formulas = " ".join(str(v.formula1) for v in ws.data_validations.dataValidation)
    assert "Public task" in formulas and "Signed" in formulas and "Running" in formulas


def _headers(path) -> dict[str, list[str]]:
    """Each module's Attribute lines at its top, as olevba reads them."""
    parser = VBA_Parser(str(path))
    out = {}
    for _, _, name, code in parser.extract_macros():
        lines = code.splitlines()
        out[name] = [line for line in lines[: next(
            (k for k, line in enumerate(lines) if not line.startswith("Attribute VB_")),
            len(lines))]]  # fmt: skip
    return out


def test_every_module_header_is_as_excel_saves_it():
    """Against a workbook Excel saved (xlwings' own quickstart_standalone.xlsm): a class
    module with VB_Base and the rest (without them the class's first New fails with
    "Invalid procedure call or argument"), document modules, standard modules."""
    import xlwings

    reference = _headers(Path(xlwings.__file__).parent / "quickstart_standalone.xlsm")
    ours = _headers(COMMITTED)
    assert ours["Dictionary.cls"] == reference["Dictionary.cls"]
    assert ours["ThisWorkbook.cls"] == reference["ThisWorkbook.cls"]
    sheets = [n for n in ours if re.fullmatch(r"Sheet\d+\.cls", n)]
    assert sheets and all(ours[n][1:] == reference["Sheet1.cls"][1:] for n in sheets)
    for name in ("xlwings.bas", "Ribbon.bas", "VCS.bas"):
        assert ours[name] == [f'Attribute VB_Name = "{name[:-4]}"']
