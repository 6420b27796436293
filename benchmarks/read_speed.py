"""Reading a sheet into a table: vcs-excel's reader against openpyxl.

The workload is a people list of N rows x 10 columns (text, dates, phone
numbers with leading zeros) written by openpyxl. Contenders:

* vcs-excel: ``FileBook.open`` + ``read_table`` (calamine, then header
  detection, error-value and number-format recovery, a DataFrame with Excel
  row numbers);
* anchor: openpyxl in read-only mode, values into a DataFrame (what a tool
  without calamine would do);
* calamine alone (``to_python``), the floor under our reader.
"""

from __future__ import annotations

import datetime as dt
import time

from .common import DATA, machine, measure, write_section


def make_workbook(rows: int):
    from openpyxl import Workbook

    path = DATA / f"people_{rows}.xlsx"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("People")
    ws.append(["Shielded patient list (synthetic)"])
    ws.append([])
    ws.append(["NHS Number", "Forename", "Surname", "DOB", "Address", "Postcode", "Phone",
               "Email", "Language", "Notes"])  # fmt: skip
    base = dt.date(1930, 1, 1)
    for i in range(rows):
        ws.append(
            [f"999 {i % 1000:03d} {i % 10000:04d}", "Jean", "Smith",
             base + dt.timedelta(days=i % 30000), f"{i % 200} Mill Lane", "LS6 1AB",
             f"07700 900{i % 1000:03d}", f"person{i}@example.com", "English",
             "Prefers a call" if i % 7 == 0 else None]
        )  # fmt: skip
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path


def run(quick: bool = False) -> str:
    sizes = [20_000] if quick else [200_000, 1_000_000]
    lines = [
        "## Reading a sheet into a table",
        "",
        f"Machine: {machine()}. Sheet: N rows x 10 columns, 2 title rows above the header.",
        "",
        "| rows | contender | seconds | peak MB | ratio to vcs-excel |",
        "|---:|---|---:|---:|---:|",
    ]
    for n in sizes:
        t0 = time.perf_counter()
        path = make_workbook(n)
        print(f"  workbook of {n:,} rows ready ({time.perf_counter() - t0:.0f} s)")
        ours = measure(
            "vcs-excel FileBook.read_table",
            f"""
            book = FileBook.open({str(path)!r})
            table = book.read_table("People")
            info = [len(table.frame), table.header_row]
            """,
            setup="from vcs_excel.workbook import FileBook",
        )
        assert ours.info == [n, 3], ours.info
        anchor = measure(
            "openpyxl read-only + DataFrame",
            f"""
            wb = openpyxl.load_workbook({str(path)!r}, read_only=True)
            rows = list(wb["People"].iter_rows(values_only=True))
            frame = pd.DataFrame(rows[3:], columns=rows[2])
            info = len(frame)
            """,
            setup="import openpyxl, pandas as pd",
        )
        floor = measure(
            "calamine to_python only",
            f"""
            wb = python_calamine.CalamineWorkbook.from_path({str(path)!r})
            rows = wb.get_sheet_by_name("People").to_python()
            info = len(rows)
            """,
            setup="import python_calamine",
        )
        for m in (ours, anchor, floor):
            ratio = m.seconds / ours.seconds
            lines.append(f"| {n:,} | {m.name} | {m.seconds:.2f} | {m.peak_mb:.0f} | {ratio:.2f}x |")
            print(f"  {n:,} rows  {m.name:34s} {m.seconds:7.2f} s  {m.peak_mb:6.0f} MB")
    lines += [
        "",
        "A ratio above 1 means slower than vcs-excel. The gap between vcs-excel and "
        "calamine alone is header detection, error-value and number-format recovery and "
        "building the DataFrame with Excel row numbers.",
    ]
    text = "\n".join(lines)
    if not quick:
        write_section("read", text)
    return text
