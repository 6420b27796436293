"""The file-backed :class:`Book`: .xlsx, .xlsm and .csv on disk.

Reading goes through calamine (fast, Rust) with :mod:`.ooxml` filling in what
it cannot see; writing goes through openpyxl. Nothing reaches the disk until
:meth:`FileBook.commit`, which writes a temporary file in the target folder and
moves it into place in one step, so a failed or interrupted run leaves the
user's workbook exactly as it was.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import numpy as np

from ..errors import BadInputError, OutputError, WorkbookLockedError
from . import ooxml
from .book import (
    LISTS_SHEET,
    MARKS_SHEET,
    TOOL_MARK,
    BookBase,
    CellMark,
    ProgressFn,
    SheetSpec,
    StatusFn,
    safe_sheet_name,
)
from .grid import Grid
from .limits import ReadLimits, check_package, check_size, longest_cell
from .modes import apply_mode
from .values import ExcelError, normalise_array, normalise_cell, to_object_array
from .writer import mark_tool_sheet

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
SUPPORTED = ", ".join((*EXCEL_SUFFIXES, ".csv"))

_MARK_COLUMNS = ["sheet", "cell", "fill_xml", "comment", "comment_author", "colour"]


def damaged(name: str, sheet: str | None, exc: BaseException) -> BadInputError:
    """The one-line message for a workbook with a part cut short or broken."""
    where = f" (sheet {sheet})" if sheet else ""
    return BadInputError(
        f"{name} is damaged{where}: part of it is cut short or broken "
        f"({type(exc).__name__}). Open it in Excel, which may repair it, save it as a new "
        ".xlsx, and try that."
    )


def _disguised_table(path: Path) -> np.ndarray | None:
    """The cells of a web page (HTML) table saved with an .xls name, as many systems'
    "Export to Excel" does; ``None`` when the file is not HTML."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    text = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if not (text.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml"))
            or b"<table" in text):  # fmt: skip
        return None
    if text.startswith(b"<?xml") and b"<html" not in text:
        return None  # Excel 2003's XML spreadsheet: not a web page
    import lxml.html

    raw = path.read_bytes()
    try:
        root = lxml.html.fromstring(_decode(raw)[0])
    except Exception:  # lxml's ParserError: nothing it can read as a page
        root = None
    # The outermost tables (a table inside a table's cell is part of that cell).
    tables = root.xpath("//table[not(ancestor::table)]") if root is not None else []
    if len(tables) != 1:
        raise BadInputError(
            f"{path.name} is a web page (HTML), not an Excel workbook, and it has "
            f"{len(tables)} tables. Open it in Excel and save the table you want as an "
            "Excel Workbook (.xlsx)."
        )
    rows = []
    for tr in tables[0].xpath(".//tr[not(ancestor::table[2])]"):
        row: list[Any] = []
        for cell in tr.xpath("./th|./td"):
            # Every value as text, as it shows (nothing guessed into a number: 07700...).
            text = " ".join(cell.text_content().split())
            row.append(text or None)
            row += [None] * (int(cell.get("colspan", "1") or 1) - 1)
        rows.append(row)
    return to_object_array(rows)


def _decode(raw: bytes) -> tuple[str, str]:
    """Text from bytes, and the encoding it was in: UTF-16 with its byte-order mark
    (Excel's "Unicode Text"), UTF-8 (with or without one), else Windows-1252, as Excel
    reads them."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def read_csv_rows(path: Path) -> np.ndarray:
    """All cells of a CSV file as text (``None`` for empty): see :func:`read_csv`."""
    return read_csv(path)[0]


def read_csv(path: Path) -> tuple[np.ndarray, list[Any] | None]:
    """All cells of a CSV file as text (``None`` for empty), keeping leading zeros.

    The encoding is UTF-8 (with or without a byte-order mark) or, failing that,
    Windows-1252, which Excel uses for "CSV" on Windows. The delimiter is found
    among comma, semicolon, tab and pipe. Arrow's multi-threaded parser reads it
    (every value as text, nothing guessed into a number, a date or a missing
    value); a file with rows of different lengths falls back to Python's csv module.

    Returns the cells, and Arrow's own copy of each column when Arrow read it.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    raw = path.read_bytes()
    text, encoding = _decode(raw)
    if "\x00" in text[:4096]:
        raise BadInputError(f"{path.name} is not a text file, so it cannot be read as CSV.")
    sample = text[:65536]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    if not text.strip("\r\n"):
        return np.empty((0, 0), dtype=object), None
    limits = ReadLimits.from_env()
    check_size(path.name, text.count("\n"), 0, limits)
    data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    if encoding != "utf-8-sig":
        data = text.encode("utf-8")
    # Arrow takes the column count from the first record; every column is read as text.
    width = max(line.count(dialect.delimiter) for line in sample.splitlines() or [""]) + 1
    try:
        table = pacsv.read_csv(
            pa.py_buffer(data),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(
                delimiter=dialect.delimiter, quote_char=dialect.quotechar or '"',
                newlines_in_values=True, ignore_empty_lines=False,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(width)},
                null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=True,
            ),
        )  # fmt: skip
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        rows = [[c if c != "" else None for c in r] for r in csv.reader(io.StringIO(text), dialect)]
        return to_object_array(rows), None
    check_size(path.name, table.num_rows, table.num_columns, limits)
    arr = np.empty((table.num_rows, table.num_columns), dtype=object)
    for i, column in enumerate(table.columns):
        arr[:, i] = column.to_numpy(zero_copy_only=False)
        lengths = pc.max(pc.utf8_length(column)).as_py() if table.num_rows else 0
        longest_cell(path.name, lengths or 0, limits)
    return arr, list(table.columns)


class FileBook(BookBase):
    """A workbook file on disk, opened for reading and (at commit) writing.

    >>> book = FileBook.open("lists.xlsx", out="lists_checked.xlsx")  # doctest: +SKIP
    >>> table = book.read_table("Shielding")                          # doctest: +SKIP
    """

    def __init__(
        self,
        path: Path,
        out: Path | None = None,
        *,
        progress: ProgressFn | None = None,
        status: StatusFn | None = None,
    ) -> None:
        self.path = path
        self.out = out
        self.kind = "csv" if path.suffix.lower() in CSV_SUFFIXES else path.suffix.lower()[1:]
        self._progress_fn = progress
        self._status_fn = status
        self._wb: Any = None
        self._created: set[str] = set()
        self._calamine: Any = None
        self._parts: dict[str, str] | None = None
        self._tool_sheets: set[str] | None = None
        self._padded: dict[int, str] | None = None
        self._mtime = path.stat().st_mtime_ns
        self._csv_rows: np.ndarray | None = None
        self._csv_text: list[Any] | None = None
        self._csv_pending = False
        # Filling result sheets and colouring cells wait until they are needed (a save,
        # or reading a result back): a run that only reports (--json) skips them.
        self._deferred: list[Callable[[], None]] = []
        # Grids read from the file, by sheet; the file does not change while open.
        self._grids: dict[str, Grid] = {}
        self._cal_sheets: dict[str, Any] = {}
        # What the user should know about how the file was read (one line each).
        self.notes: list[str] = []

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        out: str | os.PathLike[str] | None = None,
        *,
        progress: ProgressFn | None = None,
        status: StatusFn | None = None,
    ) -> FileBook:
        """Open ``path`` after checking it is a workbook this tool can read.

        Raises :class:`BadInputError` with a plain-English message for a missing
        file, a file that is not really a workbook, a password-protected or old
        binary workbook, an empty workbook and an unusable ``out`` path.
        """
        p = Path(path)
        if not p.exists():
            raise BadInputError(f"File not found: {p}")
        if p.is_dir():
            raise BadInputError(f"{p} is a folder, not a workbook file.")
        suffix = p.suffix.lower()
        if suffix in (".xls", ".htm", ".html"):
            disguised = _disguised_table(p)
            if disguised is not None:
                book = cls(p, _check_out(p, Path(out) if out is not None else None),
                           progress=progress, status=status)  # fmt: skip
                book.kind = "csv"  # one table of text cells, read like a CSV file
                book._csv_rows, book._csv_text = disguised, None
                book.notes.append(
                    f"{p.name} is a web page (HTML) with one table, saved with an {suffix} "
                    "name: its table was read."
                )
                book._check_has_data()
                return book
        if suffix not in EXCEL_SUFFIXES + CSV_SUFFIXES:
            if suffix in (".xls", ".xlsb", ".ods", ".numbers"):
                raise BadInputError(
                    f"{p.name} is in {suffix} format. Open it in Excel and save it as "
                    f"an Excel Workbook (.xlsx), then try again."
                )
            raise BadInputError(f"{p.name} is not a file this tool reads ({SUPPORTED}).")
        try:
            kind = ooxml.sniff(p)
        except PermissionError as exc:
            raise WorkbookLockedError(
                f"{p.name} cannot be read: it is locked by another program or you do not "
                "have permission. Close it in other programs and try again."
            ) from exc
        if suffix in EXCEL_SUFFIXES:
            if kind == "encrypted":
                raise BadInputError(
                    f"{p.name} is protected with a password. Open it in Excel, remove the "
                    "password (File > Info > Protect Workbook > Encrypt with Password, "
                    "clear it), save, and try again."
                )
            if kind == "ole":
                raise BadInputError(
                    f"{p.name} is an old-style Excel file (.xls) renamed to {suffix}. Open it "
                    "in Excel and save it as an Excel Workbook (.xlsx)."
                )
            if kind in ("empty", "empty-zip"):
                raise BadInputError(f"{p.name} is empty (0 sheets, no data).")
            if kind != "zip":
                raise BadInputError(
                    f"{p.name} is not an Excel workbook: its contents are not in Excel "
                    "format (perhaps a text or CSV file renamed to "
                    f"{suffix}). Open it in Excel and save it as .xlsx."
                )
            try:
                with zipfile.ZipFile(p) as zf:
                    names = zf.namelist()
                    # Before any part is parsed: a zip bomb, or XML with a DOCTYPE.
                    check_package(zf, p.name, ReadLimits.from_env())
            except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
                raise BadInputError(
                    f"{p.name} is damaged or incomplete and cannot be opened as a workbook."
                ) from exc
            if not any(n.startswith("xl/") for n in names):
                raise BadInputError(
                    f"{p.name} is a zip file but not an Excel workbook (no spreadsheet inside)."
                )
        elif kind in ("zip", "encrypted", "ole"):
            raise BadInputError(
                f"{p.name} looks like an Excel workbook saved with a {suffix} name. "
                "Rename it to .xlsx, or save it from Excel as CSV."
            )
        out_path = _check_out(p, Path(out) if out is not None else None)
        book = cls(p, out_path, progress=progress, status=status)
        book._check_has_data()
        return book

    def _check_has_data(self) -> None:
        names = self.sheet_names()
        if not names:
            raise BadInputError(f"{self.path.name} has no sheets.")
        if self.kind == "csv":
            cells = self._read_csv()
            if not cells.size or not np.not_equal(cells, None).any():
                raise BadInputError(f"{self.path.name} is empty: there is no data to work on.")
            return
        for name in names:
            sheet = self._calamine_sheet(name)
            if sheet.height and sheet.width:
                # Stop at the first value: rows are read lazily.
                for row in sheet.iter_rows():
                    if any(v != "" for v in row):
                        return
        raise BadInputError(f"{self.path.name} is empty: every sheet is blank.")

    # ------------------------------------------------------------------ reading
    @property
    def name(self) -> str:
        return self.path.name

    @property
    def folder(self) -> Path | None:
        return self.path.resolve().parent

    def _read_csv(self) -> np.ndarray:
        if self._csv_rows is None:
            self._csv_rows, self._csv_text = read_csv(self.path)
        return self._csv_rows

    def _calamine_book(self) -> Any:
        if self._calamine is None:
            import python_calamine

            try:
                self._calamine = python_calamine.CalamineWorkbook.from_path(str(self.path))
            except PermissionError as exc:
                raise WorkbookLockedError(
                    f"{self.path.name} is locked by another program. Close it and try again."
                ) from exc
            except Exception as exc:
                raise BadInputError(
                    f"{self.path.name} is damaged and cannot be read as a workbook "
                    f"({type(exc).__name__})."
                ) from exc
        return self._calamine

    def _calamine_sheet(self, name: str) -> Any:
        # calamine parses the whole sheet when it is fetched: fetch each sheet once.
        if name not in self._cal_sheets:
            try:
                sheet = self._calamine_book().get_sheet_by_name(name)
            except BadInputError:
                raise
            except Exception as exc:  # calamine's XmlError, ZipError...: a damaged part
                raise damaged(self.path.name, name, exc) from exc
            check_size(f"{self.path.name} ({name})", sheet.height, sheet.width,
                       ReadLimits.from_env())  # fmt: skip
            self._cal_sheets[name] = sheet
        return self._cal_sheets[name]

    def _package_info(self) -> None:
        try:
            with zipfile.ZipFile(self.path) as zf:
                self._parts = ooxml.sheet_parts(zf)
                self._padded = ooxml.zero_padded_styles(zf)
                self._tool_sheets = {
                    sheet
                    for name, sheet, _ in ooxml.defined_names(zf)
                    if name == TOOL_MARK and sheet
                }
        except (ET.ParseError, zipfile.BadZipFile, KeyError, EOFError, zlib.error) as exc:
            raise damaged(self.path.name, None, exc) from exc

    def sheet_names(self) -> list[str]:
        if self._wb is not None:
            return list(self._wb.sheetnames)
        if self.kind == "csv":
            return [safe_sheet_name(self.path.stem)]
        return list(self._calamine_book().sheet_names)

    def is_tool_sheet(self, sheet: str) -> bool:
        if sheet in (MARKS_SHEET, LISTS_SHEET):
            return True
        if self._wb is not None and sheet in self._wb.sheetnames:
            return TOOL_MARK in self._wb[sheet].defined_names
        if self.kind == "csv":
            return False
        if self._tool_sheets is None:
            self._package_info()
        assert self._tool_sheets is not None
        return sheet in self._tool_sheets

    def read_grid(self, sheet: str) -> Grid:
        """All cells of ``sheet`` from A1 to the end of its used range."""
        if sheet not in self.sheet_names():
            raise BadInputError(f"{self.name} has no sheet called '{sheet}'.")
        if sheet in self._created:
            self._flush()
            return self._grid_from_openpyxl(sheet)
        if sheet not in self._grids:
            self._grids[sheet] = self._read_grid_from_file(sheet)
        return self._grids[sheet]

    def _read_grid_from_file(self, sheet: str) -> Grid:
        if self.kind == "csv":
            rows = to_object_array(self._read_csv())
            return Grid(rows=rows, text=tuple(self._csv_text) if self._csv_text else None)
        cal = self._calamine_sheet(sheet)
        self._cal_sheets.pop(sheet, None)  # its grid is cached from now on
        rows = cal.to_python(skip_empty_area=False) if cal.height else []
        arr = normalise_array(to_object_array(rows))
        del rows
        merged = tuple(
            (r0 + 1, c0 + 1, r1 + 1, c1 + 1)
            for (r0, c0), (r1, c1) in (cal.merged_cell_ranges or [])
        )
        self._apply_overrides(sheet, arr)
        return Grid(rows=arr, merged=merged)

    def _apply_overrides(self, sheet: str, rows: np.ndarray) -> None:
        if self._parts is None:
            self._package_info()
        assert self._parts is not None and self._padded is not None
        part = self._parts.get(sheet)
        if part is None:
            return
        with zipfile.ZipFile(self.path) as zf:
            overrides = ooxml.cell_overrides(zf, part, self._padded)
        for (r, c), value in overrides.items():
            if r - 1 < rows.shape[0] and c - 1 < rows.shape[1]:
                rows[r - 1, c - 1] = value

    def _grid_from_openpyxl(self, sheet: str) -> Grid:
        ws = self._wb[sheet]
        rows = []
        for row in ws.iter_rows():
            out = []
            for cell in row:
                if cell.data_type == "e":
                    out.append(ExcelError(str(cell.value)))
                else:
                    out.append(normalise_cell(cell.value))
            rows.append(out)
        merged = tuple((m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges)
        return Grid(rows=rows, merged=merged)

    # ------------------------------------------------------------------ writing
    def _flush(self) -> None:
        """Carry out the deferred writes, in the order they were asked for."""
        while self._deferred:
            self._deferred.pop(0)()

    def _materialise_csv(self) -> None:
        """Copy the CSV's cells into its sheet (text stays text: put never makes a formula)."""
        from .writer import put

        if not self._csv_pending:
            return
        ws = self._wb.worksheets[0]
        cells = self._read_csv()
        for r, c in zip(*np.nonzero(np.not_equal(cells, None)), strict=True):
            put(ws, int(r) + 1, int(c) + 1, cells[r, c])
        self._csv_pending = False

    def _workbook(self) -> Any:
        """The openpyxl model, loaded on the first change."""
        if self._wb is None:
            import openpyxl

            if self.kind == "csv":
                wb = openpyxl.Workbook()
                wb.active.title = safe_sheet_name(self.path.stem)
                # The CSV's cells are copied in only when they are needed (saving, or a
                # row inserted): a check of a million rows must not build them for nothing.
                self._csv_pending = True
            else:
                target = self.out or self.path
                keep_vba = self.kind == "xlsm" and target.suffix.lower() == ".xlsm"
                with warnings.catch_warnings():
                    # openpyxl warns about extensions it does not read; commit()
                    # refuses an in-place save that would lose content instead.
                    warnings.simplefilter("ignore")
                    try:
                        wb = openpyxl.load_workbook(self.path, keep_vba=keep_vba)
                    except PermissionError as exc:
                        raise WorkbookLockedError(
                            f"{self.path.name} is locked by another program. Close it and "
                            "try again."
                        ) from exc
            self._wb = wb
        return self._wb

    def write_sheet(self, spec: SheetSpec) -> str:
        """Write a results sheet; a previous sheet of the same name made by the tool
        is replaced, a user's sheet of that name never is (the new one gets ``(2)``)."""
        from .writer import write_spec

        wb = self._workbook()
        name = self.free_sheet_name(spec.name)
        index, code_name = None, None
        if name in wb.sheetnames:
            index = wb.sheetnames.index(name)
            # Keep the sheet's VBA code name, or its code module would be orphaned.
            code_name = wb[name].sheet_properties.codeName
            wb.remove(wb[name])
        ws = wb.create_sheet(name, index)
        if code_name:
            ws.sheet_properties.codeName = code_name
        self._deferred.append(lambda: write_spec(ws, spec))
        mark_tool_sheet(ws, spec.task)
        self._created.add(name)
        return name

    def insert_row(self, sheet: str, at: int, values: dict[int, Any]) -> None:
        """Insert a row at Excel row ``at`` of a user's sheet (the tag row under the
        header), moving everything below it down; see :mod:`.insert`."""
        from .insert import insert_row

        grid = self.read_grid(sheet)
        self._workbook()
        self._materialise_csv()
        self._flush()
        insert_row(self._wb, sheet, at, values)
        if sheet not in self._created:
            self._grids[sheet] = _grid_with_row(grid, at, values)

    def mark_cells(self, marks: Iterable[CellMark]) -> int:
        """Colour cells (and attach notes) in the user's sheets, remembering the
        original fill and note of each so :meth:`clear_marks` can put them back."""
        from .writer import apply_marks

        wb = self._workbook()
        marks = list(marks)
        self._deferred.append(lambda: apply_marks(wb, marks, self._marks_sheet(create=True)))
        return len(marks)

    def clear_marks(self, sheet: str | None = None) -> int:
        """Remove every mark this tool made (on one sheet, or all); returns how many."""
        from .writer import remove_marks

        wb = self._workbook()
        self._flush()
        store = self._marks_sheet(create=False)
        if store is None:
            return 0
        return remove_marks(wb, store, sheet)

    def _marks_sheet(self, create: bool) -> Any:
        wb = self._workbook()
        if MARKS_SHEET in wb.sheetnames:
            return wb[MARKS_SHEET]
        if not create:
            return None
        ws = wb.create_sheet(MARKS_SHEET)
        ws.append(_MARK_COLUMNS)
        ws.sheet_state = "hidden"
        mark_tool_sheet(ws, "marks")
        return ws

    def add_dropdown(
        self, sheet: str, ref: str, options: Sequence[str], strict: bool = False
    ) -> None:
        """A list dropdown on ``ref`` (``"B3:B200"``) offering ``options``."""
        from .writer import add_list_validation

        self._flush()
        add_list_validation(self._workbook(), sheet, ref, list(options), strict=strict)

    # ------------------------------------------------------------------ saving
    def commit(self) -> None:
        """Write all changes: to ``out`` if given, else back to the workbook itself.

        The save is atomic (temporary file in the same folder, then a rename),
        refuses to overwrite a workbook that is open in Excel or was changed
        while the task ran, and refuses an in-place save that would drop
        content openpyxl cannot keep (charts, pictures, slicers...).
        """
        target = self.out or self.path
        in_place = target.resolve() == self.path.resolve()
        if self._wb is None and in_place:
            return  # nothing changed
        if in_place:
            if self.kind == "csv":
                raise OutputError(
                    f"Results cannot be added to a CSV file ({self.path.name}): give an "
                    ".xlsx file to write them to (--out results.xlsx)."
                )
            self._check_writable_in_place()
        wb = self._workbook()
        self._materialise_csv()
        self._flush()
        tmp = target.with_name(f".~vcs-{os.getpid()}-{target.name}")
        try:
            try:
                wb.save(tmp)
            except PermissionError as exc:
                raise OutputError(f"Cannot write to {target.parent}: permission denied.") from exc
            except OSError as exc:
                raise OutputError(f"Cannot write {target.name}: {exc.strerror or exc}.") from exc
            if self.kind in ("xlsx", "xlsm") and target.suffix.lower() == ".xlsm":
                ooxml.restore_package_parts(self.path, tmp)
            apply_mode(tmp, target)  # a replaced workbook keeps its permissions
            try:
                os.replace(tmp, target)
            except PermissionError as exc:
                raise WorkbookLockedError(
                    f"{target.name} is open in another program, so it cannot be replaced. "
                    "Close it and try again."
                ) from exc
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        self._mtime = target.stat().st_mtime_ns if in_place else self._mtime

    def _check_writable_in_place(self) -> None:
        lock = ooxml.lock_file(self.path)
        if lock is not None:
            owner = ooxml.lock_owner(lock)
            who = f" by {owner}" if owner else ""
            raise WorkbookLockedError(
                f"{self.path.name} is open in another program{who}. Close it and try again "
                f"(if it is not open, delete the leftover file {lock.name})."
            )
        if self.path.stat().st_mtime_ns != self._mtime:
            raise WorkbookLockedError(
                f"{self.path.name} was changed by someone else while the task ran. "
                "Nothing was written: run the task again."
            )
        with zipfile.ZipFile(self.path) as zf:
            lost = ooxml.parts_lost_on_save(zf)
        if lost:
            raise OutputError(
                f"{self.path.name} contains {', '.join(lost)}, which the command line cannot "
                "keep when it saves. Nothing was changed: write the results to a new file "
                "instead (--out), or run the task from Excel."
            )


def _check_out(source: Path, out: Path | None) -> Path | None:
    if out is None:
        return None
    if out.suffix.lower() not in EXCEL_SUFFIXES:
        raise OutputError(f"The output must be an .xlsx or .xlsm file, not {out.name}.")
    if out.suffix.lower() == ".xlsm" and source.suffix.lower() != ".xlsm":
        raise OutputError(
            f"Only a macro workbook can be saved as .xlsm: name the output "
            f"{out.with_suffix('.xlsx').name} instead."
        )
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.exists():
        raise OutputError(f"Cannot write {out.name}: the folder {parent} does not exist.")
    if not parent.is_dir():
        raise OutputError(f"Cannot write {out.name}: {parent} is not a folder.")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"Cannot write to {parent}: permission denied.")
    if out.exists() and out.is_dir():
        raise OutputError(f"Cannot write {out}: it is a folder.")
    lock = ooxml.lock_file(out) if out.exists() else None
    if lock is not None and out.resolve() != source.resolve():
        owner = ooxml.lock_owner(lock)
        who = f" by {owner}" if owner else ""
        raise WorkbookLockedError(
            f"{out.name} is open in another program{who}. Close it or choose another name."
        )
    return out


def _grid_with_row(grid: Grid, at: int, values: dict[int, Any]) -> Grid:
    """The grid as it is after inserting a row at Excel row ``at``."""
    arr = grid.array()
    width = max(arr.shape[1] if arr.ndim == 2 else 0, max(values, default=0))
    index = at - grid.first_row
    row = np.empty((1, width), dtype=object)
    for col, value in values.items():
        row[0, col - grid.first_col] = normalise_cell(value)
    if arr.shape[1] < width:
        pad = np.empty((arr.shape[0], width - arr.shape[1]), dtype=object)
        arr = np.hstack([arr, pad])
    rows = np.vstack([arr[:index], row, arr[index:]]) if index <= len(arr) else arr
    merged = tuple(
        (r0 + 1, c0, r1 + 1, c1) if r0 >= at else (r0, c0, r1 + 1, c1) if r1 >= at else m
        for m in grid.merged
        for (r0, c0, r1, c1) in [m]
    )
    return Grid(rows=rows, first_row=grid.first_row, first_col=grid.first_col, merged=merged)
