"""``vcs-excel template build``: assemble the template .xlsm from its sources.

Sources (``workbook_templates/src``): the ribbon XML, the VBA modules as text,
and ``sheets.toml`` describing the sheets. The build adds xlwings' own VBA
(``xlwings.bas`` and its ``Dictionary`` class, taken from the installed xlwings
so the two always match) and the generated ``VCS`` module of function
wrappers, writes ``vbaProject.bin`` (see :mod:`.vba`), and packages it all as a
macro-enabled workbook with its ribbon part. The same sources always give the
same workbook.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import re
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from .. import __version__
from ..errors import BadInputError
from . import udf_vba
from .vba import (
    WORKBOOK_BASE,
    WORKSHEET_BASE,
    VbaModule,
    build_vba_project,
    class_module,
    document_module,
    source_from_export,
)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = REPO / "workbook_templates" / "src"
DEFAULT_OUT = REPO / "workbook_templates" / "vcs-excel.xlsm"

RIBBON_REL = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
VBA_CT = "application/vnd.ms-office.vbaProject"
XLSM_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CUSTOMUI_NS = "{http://schemas.microsoft.com/office/2009/07/customui}"
FIXED_TIME = dt.datetime(2026, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

TITLE_COLOUR = "1F4E79"
SECTION_FILL = "DDEBF7"


@dataclass(frozen=True)
class RibbonButton:
    group: str
    label: str
    on_action: str
    help: str


@dataclass
class TemplateSources:
    ribbon_xml: bytes
    modules: list[VbaModule]
    sheets: dict[str, Any]

    @property
    def buttons(self) -> list[RibbonButton]:
        return ribbon_buttons(self.ribbon_xml)


def xlwings_vba_dir() -> Path:
    """Where the installed xlwings keeps its VBA, found without importing xlwings."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise BadInputError(
            "xlwings is not installed: install vcs-excel with its installer (installers/) or "
            "pip install dist/vcs_excel-*.whl after make dist."
        )
    return Path(spec.origin).parent


def xlwings_modules() -> list[VbaModule]:
    """xlwings' standalone VBA: the ``xlwings`` module and its ``Dictionary`` class."""
    folder = xlwings_vba_dir()
    return [
        VbaModule(
            "xlwings", "standard", source_from_export((folder / "xlwings.bas").read_text("cp1252"))
        ),
        class_module("Dictionary", (folder / "addin" / "Dictionary.cls").read_text("cp1252")),
    ]


def ribbon_buttons(ribbon_xml: bytes) -> list[RibbonButton]:
    root = ET.fromstring(ribbon_xml)
    buttons = []
    for group in root.iter(f"{CUSTOMUI_NS}group"):
        for button in group.iter(f"{CUSTOMUI_NS}button"):
            buttons.append(
                RibbonButton(
                    group=group.get("label", ""),
                    label=button.get("label", ""),
                    on_action=button.get("onAction", ""),
                    help=button.get("supertip", ""),
                )
            )
    return buttons


def load_sources(src: Path = DEFAULT_SOURCES) -> TemplateSources:
    """Read the template's sources; every VBA module as the text it will be stored as."""
    if not (src / "sheets.toml").exists():
        raise BadInputError(
            f"Template sources not found in {src}: build the template from a copy of the "
            "vcs-excel source folder, or give --sources."
        )
    sheets = tomllib.loads((src / "sheets.toml").read_text("utf-8"))
    this_workbook_code = source_from_export((src / "vba" / "ThisWorkbook.cls").read_text("utf-8"))
    modules = [document_module("ThisWorkbook", WORKBOOK_BASE, this_workbook_code)]
    for sheet in sheets["sheet"]:
        modules.append(document_module(sheet["code_name"], WORKSHEET_BASE))
    modules += xlwings_modules()
    for path in sorted((src / "vba").glob("*.bas")):
        modules.append(
            VbaModule(path.stem, "standard", source_from_export(path.read_text("utf-8")))
        )
    modules.append(VbaModule(udf_vba.VBA_MODULE, "standard", udf_vba.module_source()))
    return TemplateSources((src / "customUI14.xml").read_bytes(), modules, sheets)


# --------------------------------------------------------------------------- sheets
def _estimate_lines(text: str, width: float) -> int:
    # About 1.25 characters of body text fit in one unit of column width.
    return max(1, -(-len(text) // max(int(width * 1.25), 1)))


def _fill_start(ws: Any, sources: TemplateSources) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..commands import REGISTRY
    from ..udfs import UDFS
    from ..workbook.writer import put

    start = sources.sheets["start"]
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 95
    wrap = Alignment(wrap_text=True, vertical="top")
    section_fill = PatternFill("solid", fgColor=SECTION_FILL)
    row = 1

    def line(a: Any = None, b: Any = None, *, bold: bool = False, height: bool = True) -> None:
        nonlocal row
        if a is not None:
            cell = put(ws, row, 1, a)
            cell.alignment = wrap
            cell.font = Font(bold=bold)
        if b is not None:
            cell = put(ws, row, 2, b)
            cell.alignment = wrap
            if height:
                ws.row_dimensions[row].height = 15 * _estimate_lines(str(b), 95)
        row += 1

    def section(title: str) -> None:
        nonlocal row
        row += 1
        for col in (1, 2):
            ws.cell(row=row, column=col).fill = section_fill
        put(ws, row, 1, title).font = Font(bold=True, size=13, color=TITLE_COLOUR)
        row += 1

    put(ws, 1, 1, start["title"]).font = Font(bold=True, size=22, color=TITLE_COLOUR)
    ws.row_dimensions[1].height = 32
    put(ws, 2, 1, start["subtitle"]).font = Font(italic=True, size=12)
    row = 4
    for text in start["intro"]:
        cell = put(ws, row, 1, text)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell.alignment = wrap
        ws.row_dimensions[row].height = 15 * _estimate_lines(text, 120)
        row += 1

    section(start["setup_title"])
    for i, text in enumerate(start["setup"], start=1):
        line(f"Step {i}", text, bold=True)

    section(start["buttons_title"])
    callbacks = _ribbon_tasks(sources)
    planned = {task for task in callbacks.values() if task and task not in REGISTRY}
    group = None
    for button in sources.buttons:
        if button.group != group:
            group = button.group
            line(f"{group}", None, bold=True)
            ws.cell(row=row - 1, column=1).font = Font(bold=True, color=TITLE_COLOUR)
        task = callbacks.get(button.on_action)
        text = button.help + (" (Coming soon.)" if task in planned else "")
        line(f"   {button.label}", text)

    section(start["functions_title"])
    for u in UDFS.values():
        line(f"={u.signature}", u.description)

    section(start["projects_title"])
    for text in start["projects"]:
        line("", text)

    section(start["where_title"])
    for text in start["where"]:
        line("", text)

    row += 1
    put(ws, row, 1, f"vcs-excel {__version__}").font = Font(italic=True, color="7F7F7F")
    ws.sheet_view.showGridLines = False
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _fill_projects(ws: Any, sheet: dict[str, Any]) -> None:
    """The Projects sheet: a header, a tag row and an Excel table to type into, with
    dropdowns from the data dictionary's code lists."""
    from openpyxl.styles import Alignment, Font

    from ..standard.dictionary import load_dictionary
    from ..workbook.values import column_letter
    from ..workbook.writer import _add_validation, add_excel_table, put

    dictionary = load_dictionary()
    header, tags, last = 4, 5, 5 + sheet["rows"]
    cells = _title_and_header(ws, sheet, [name for name, _ in sheet["columns"]])
    for c, (cell, (_, tag)) in enumerate(zip(cells, sheet["columns"], strict=True), start=1):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        put(ws, tags, c, tag).font = Font(italic=True, color="7F7F7F")
        entry = dictionary.entry(tag)
        letter = column_letter(c)
        widths = {"date": 12, "code": 22}
        ws.column_dimensions[letter].width = widths.get(entry.datatype, 30)
        codelist = dictionary.codelist_for(entry)
        if codelist is not None:
            _add_validation(ws, f"{letter}{tags + 1}:{letter}{last}", codelist.labels, strict=False)
        if entry.datatype == "date":
            for r in range(tags + 1, last + 1):
                ws.cell(row=r, column=c).number_format = "dd/mm/yyyy"
    ws.row_dimensions[header].height = 30
    # The table starts at the tag row, so the tags stay with it when it is sorted.
    add_excel_table(ws, "InsightProjects", f"A{tags}:{column_letter(len(sheet['columns']))}{last}")
    ws.freeze_panes = f"A{tags + 1}"


def _title_and_header(ws: Any, sheet: dict[str, Any], columns: list[str]) -> list[Any]:
    """A template sheet's title, its note, and its header row (row 4); the header cells."""
    from openpyxl.styles import Font, PatternFill

    from ..workbook.writer import HEADER_FILL, put

    put(ws, 1, 1, sheet["name"]).font = Font(bold=True, size=14)
    put(ws, 2, 1, sheet["note"]).font = Font(italic=True, color="595959")
    cells = []
    for c, name in enumerate(columns, start=1):
        cell = put(ws, 4, c, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cells.append(cell)
    return cells


def _fill_options(ws: Any, sheet: dict[str, Any]) -> None:
    """The Options sheet: a value to fill in for each option the ribbon's tasks read
    (see :func:`vcs_excel.commands.workbook_options`); the option's name is in the
    hidden column D, the tasks that read it in column E."""
    from openpyxl.styles import Font, PatternFill

    from ..commands import OPTIONS_KEY_COLUMN, get_task
    from ..workbook.writer import _add_validation, put

    _title_and_header(ws, sheet, ["Option", "Value", "What it is"])
    row, readers = 5, ""
    for key, label, about in sheet["options"]:
        if key == "heading":
            put(ws, row + 1, 1, label).font = Font(bold=True, size=12)
            row, readers = row + 2, about
            continue
        option = next(o for t in readers.split() for o in get_task(t).options if o.name == key)
        put(ws, row, 1, label)
        ws.cell(row=row, column=2).fill = PatternFill("solid", fgColor="FFF2CC")
        put(ws, row, 3, about).font = Font(color="595959")
        put(ws, row, OPTIONS_KEY_COLUMN, key)
        put(ws, row, OPTIONS_KEY_COLUMN + 1, readers)
        if option.flag:
            _add_validation(ws, f"B{row}", ["Yes", "No"], strict=True)
        elif option.default is not None:
            ws.cell(row=row, column=2).value = option.default
        row += 1
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 90
    ws.column_dimensions["D"].hidden = True
    ws.column_dimensions["E"].hidden = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _ribbon_tasks(sources: TemplateSources) -> dict[str, str | None]:
    """Ribbon callback -> the task it runs (None for a button that runs no task)."""
    ribbon = next(m for m in sources.modules if m.name == "Ribbon")
    return ribbon_callbacks(ribbon.source)


_SUB = re.compile(r"^Sub (\w+)\(control As IRibbonControl\)\r?\n(.*?)^End Sub", re.M | re.S)
_RUN = re.compile(r'^\s*RunTask "(\w+)"', re.M)


def ribbon_callbacks(source: str) -> dict[str, str | None]:
    """Each ``Sub Name(control As IRibbonControl)`` and the task its body runs."""
    found: dict[str, str | None] = {}
    for match in _SUB.finditer(source):
        run = _RUN.search(match.group(2))
        found[match.group(1)] = run.group(1) if run else None
    return found


def _fill_config(ws: Any, settings: list[list[str]]) -> None:
    from openpyxl.styles import Alignment, Font

    from ..workbook.writer import put

    for r, (key, value, help_text) in enumerate(settings, start=1):
        put(ws, r, 1, key).font = Font(bold=True)
        if value:
            put(ws, r, 2, value)
        cell = put(ws, r, 4, help_text)
        cell.font = Font(italic=True, color="595959")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = 15 * _estimate_lines(help_text, 90)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 3
    ws.column_dimensions["D"].width = 90


def build_sheets(sources: TemplateSources) -> bytes:
    """The workbook's sheets as an .xlsx package (no macros yet)."""
    import openpyxl

    from ..workbook.book import SheetSpec
    from ..workbook.writer import mark_tool_sheet, write_spec

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.code_name = "ThisWorkbook"
    for sheet in sources.sheets["sheet"]:
        ws = wb.create_sheet(sheet["name"])
        ws.sheet_properties.codeName = sheet["code_name"]
        kind = sheet.get("kind", "results")
        if kind == "start":
            _fill_start(ws, sources)
            mark_tool_sheet(ws, "template")
        elif kind == "config":
            _fill_config(ws, sheet["settings"])
        elif kind == "projects":
            _fill_projects(ws, sheet)
            mark_tool_sheet(ws, "projects")
        elif kind == "directory":
            # The layout Sync directory writes (an empty, tagged Excel table), so the tab
            # looks the same before the first sync as after it.
            import dataclasses

            from ..directory.store import Directory
            from ..tasks.directory import directory_spec

            spec = directory_spec(Directory({}), dt.date.today(), 30)
            write_spec(ws, dataclasses.replace(spec, title=sheet["name"], notes=[sheet["note"]]))
            mark_tool_sheet(ws, "directory_sync")
        elif kind == "options":
            _fill_options(ws, sheet)
            mark_tool_sheet(ws, "options")
        elif kind == "dictionary":
            from ..standard.docs import COLUMNS, dictionary_rows

            write_spec(
                ws,
                SheetSpec(
                    name=sheet["name"], columns=COLUMNS, rows=dictionary_rows(),
                    title=sheet["name"], notes=[sheet["note"]],
                    widths={0: 34, 1: 24, 2: 60, 3: 11, 4: 50, 5: 9, 6: 9, 7: 22},
                ),
            )  # fmt: skip
            mark_tool_sheet(ws, "template")
        else:
            write_spec(
                ws,
                SheetSpec(
                    name=sheet["name"], columns=sheet["columns"], rows=[], title=sheet["name"],
                    notes=[sheet["note"]], autofilter=False,
                ),
            )  # fmt: skip
            mark_tool_sheet(ws, "template")
    wb.active = 0
    props = wb.properties
    props.creator = props.lastModifiedBy = "vcs-excel"
    props.title = "Community Data (vcs-excel template)"
    props.created = props.modified = FIXED_TIME
    # Excel recalculates formulas itself; with fullCalcOnLoad it asks to save on every close.
    wb.calculation.fullCalcOnLoad = False
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- package
def _add_relationship(xml: bytes, rel_id: str, rel_type: str, target: str) -> bytes:
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    ET.register_namespace("", ns)
    root = ET.fromstring(xml)
    ET.SubElement(root, f"{{{ns}}}Relationship", Id=rel_id, Type=rel_type, Target=target)
    return ET.tostring(root, xml_declaration=True, encoding="UTF-8")


def _add_override(xml: bytes, part: str, content_type: str) -> bytes:
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    ET.register_namespace("", ns)
    root = ET.fromstring(xml)
    ET.SubElement(root, f"{{{ns}}}Override", PartName=part, ContentType=content_type)
    return ET.tostring(root, xml_declaration=True, encoding="UTF-8")


def _macro_content_types(xml: bytes) -> bytes:
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    ET.register_namespace("", ns)
    root = ET.fromstring(xml)
    for el in root:
        if el.get("ContentType") == XLSX_CT:
            el.set("ContentType", XLSM_CT)
    if not any(el.get("Extension") == "bin" for el in root):
        root.insert(0, ET.Element(f"{{{ns}}}Default", Extension="bin", ContentType=VBA_CT))
    return ET.tostring(root, xml_declaration=True, encoding="UTF-8")


SST_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SST_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
# A cell with no text, as openpyxl writes one with or without lxml.
_EMPTY_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr" ?([^>]*?)(?:/>|></c>)')
_INLINE = re.compile(
    rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>'
)


def shared_strings(sheets: dict[str, bytes]) -> tuple[dict[str, bytes], bytes]:
    """Excel keeps a workbook's text in one table of shared strings, not in each cell
    (openpyxl writes them inline): the sheets with their text moved there, and the
    table's part."""
    table: dict[bytes, int] = {}
    count = 0

    def shared(m: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        index = table.setdefault(m.group(3), len(table))
        return b"<c " + m.group(1) + b't="s"' + m.group(2) + b"><v>%d</v></c>" % index

    out = {
        name: _EMPTY_INLINE.sub(rb"<c \1\2/>", _INLINE.sub(shared, xml))
        for name, xml in sheets.items()
    }
    items = b"".join(
        b'<si><t xml:space="preserve">' + text + b"</t></si>"
        if text[:1].isspace() or text[-1:].isspace() else b"<si><t>" + text + b"</t></si>"
        for text in table
    )  # fmt: skip
    sst = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + f'<sst xmlns="{SST_NS}" count="{count}" uniqueCount="{len(table)}">'.encode()
        + items
        + b"</sst>"
    )
    return out, sst


def package_xlsm(xlsx: bytes, vba_project: bytes, ribbon_xml: bytes) -> bytes:
    """Turn an .xlsx package into an .xlsm with a VBA project and a ribbon part, its
    text in a shared strings table as Excel writes it."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):

        def write(name: str, data: bytes) -> None:
            dst.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)

        sheets = {n: src.read(n) for n in src.namelist() if n.startswith("xl/worksheets/sheet")}
        sheets, sst = shared_strings(sheets)
        has_sst = "xl/sharedStrings.xml" in src.namelist()
        for name in src.namelist():
            data = sheets.get(name) or src.read(name)
            if name == "[Content_Types].xml":
                data = _macro_content_types(data)
                if not has_sst:
                    data = _add_override(data, "/xl/sharedStrings.xml", SST_CT)
            elif name == "_rels/.rels":
                data = _add_relationship(
                    data, "rIdVcsRibbon", RIBBON_REL, "customUI/customUI14.xml"
                )
            elif name == "xl/_rels/workbook.xml.rels":
                data = _add_relationship(data, "rIdVcsVba", VBA_REL, "vbaProject.bin")
                if not has_sst:
                    data = _add_relationship(data, "rIdVcsSst", SST_REL, "sharedStrings.xml")
            elif name == "docProps/core.xml":
                # openpyxl stamps the time of saving; a rebuild must give the same file.
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    data,
                )
            write(name, data)
        if not has_sst:
            write("xl/sharedStrings.xml", sst)
        write("xl/vbaProject.bin", vba_project)
        write("customUI/customUI14.xml", ribbon_xml)
    return out.getvalue()


def build_template(out: Path | None = None, src: Path = DEFAULT_SOURCES) -> Path:
    """Build the template workbook from ``src`` and write it to ``out``."""
    out = Path(out) if out is not None else DEFAULT_OUT
    if out.suffix.lower() != ".xlsm":
        raise BadInputError(f"The template is a macro workbook: name it .xlsm, not {out.name}.")
    if not out.parent.is_dir():
        raise BadInputError(f"Cannot write {out.name}: the folder {out.parent} does not exist.")
    sources = load_sources(src)
    data = package_xlsm(
        build_sheets(sources), build_vba_project(sources.modules), sources.ribbon_xml
    )
    tmp = out.with_name(f".~vcs-{out.name}")
    tmp.write_bytes(data)
    tmp.replace(out)
    return out
