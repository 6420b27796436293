"""Hostile and awkward files: refused clearly and fast, or read where people expect them
to be. Each ends in under 10 s with exit 0, 1 or 2 and one line, and no input byte
changes."""

from __future__ import annotations

import hashlib
import time
import zipfile
from pathlib import Path

import pytest
from helpers import save_rows

from vcs_excel.cli import main

PEOPLE = {"People": [["Name", "Postcode"], ["Jean Smith", "LS6 1AB"], ["Amir Khan", "LS7 2BD"]]}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys, *args) -> tuple[int, str, str, float]:
    t0 = time.perf_counter()
    code = main(["--quiet", *map(str, args)])
    seconds = time.perf_counter() - t0
    captured = capsys.readouterr()
    return code, captured.out, captured.err, seconds


def _rewrite(source: Path, target: Path, change) -> Path:
    """A copy of an .xlsx with some of its parts changed (``change(name, data)``)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                dst.writestr(info.filename, data)
    return target


def _refused(capsys, path: Path, *fragments: str, task: str = "check") -> str:
    before = _digest(path)
    code, _, err, seconds = _run(capsys, task, path)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    for fragment in fragments:
        assert fragment in err, err
    assert seconds < 10 and _digest(path) == before
    return err


def test_a_decompression_bomb_is_refused_before_it_is_parsed(tmp_path, capsys):
    good = save_rows(tmp_path / "good.xlsx", PEOPLE)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, src.read(info.filename))
                continue
            # The sheet with 300 MB of spaces inside it: a few hundred KB compressed.
            xml = src.read(info.filename)
            head, tail = xml.split(b"<sheetData>", 1)
            with dst.open(info.filename, "w") as fh:
                fh.write(head + b"<sheetData>")
                block = b" " * (1 << 20)
                for _ in range(300):
                    fh.write(block)
                fh.write(tail)
    assert bomb.stat().st_size < 2_000_000
    for task in ("check", "dedupe"):
        _refused(capsys, bomb, "bomb.xlsx was not read", "expand", task=task)


def test_the_limits_can_be_changed_and_a_real_big_sheet_is_not_a_bomb(tmp_path, capsys,
                                                                      monkeypatch):  # fmt: skip
    path = save_rows(tmp_path / "people.xlsx", PEOPLE)
    monkeypatch.setenv("VCS_EXCEL_MAX_ROWS", "1")
    _refused(capsys, path, "3 rows, more than the limit of 1", "VCS_EXCEL_MAX_ROWS")
    monkeypatch.setenv("VCS_EXCEL_MAX_ROWS", "lots")
    _refused(capsys, path, "VCS_EXCEL_MAX_ROWS must be a whole number")
    monkeypatch.delenv("VCS_EXCEL_MAX_ROWS")
    code, out, _, _ = _run(capsys, "inspect", path)
    assert code == 0 and "People" in out


def test_an_xml_entity_declaration_is_refused_and_never_read(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", "utf-8")
    good = save_rows(tmp_path / "good.xlsx", PEOPLE)

    def with_entity(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        doctype = f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>'.encode()
        if data.startswith(b"<?xml"):
            end = data.index(b"?>") + 2
            data = data[:end] + doctype + data[end:]
        else:
            data = doctype + data
        assert b"Jean Smith" in data or b"<is>" in data or b"<v>" in data
        return data.replace(b"Jean Smith", b"&e;")

    hostile = _rewrite(good, tmp_path / "entity.xlsx", with_entity)
    err = _refused(capsys, hostile, "document type declaration")
    assert "TOP-SECRET" not in err
    code, out, err, _ = _run(capsys, "inspect", hostile, "--json")
    assert code == 2 and "TOP-SECRET" not in out + err


def test_a_sheet_cut_short_is_damaged_not_an_internal_error(tmp_path, capsys):
    good = save_rows(tmp_path / "good.xlsx", PEOPLE)

    def cut(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "xl/worksheets/sheet1.xml" else data

    broken = _rewrite(good, tmp_path / "cut.xlsx", cut)
    _refused(capsys, broken, "cut.xlsx is damaged", "Open it in Excel")


def test_a_utf16_unicode_text_export_is_read_as_excel_reads_it(tmp_path, capsys):
    text = "Name\tPostcode\tNotes\r\nJean Smith\tLS6 1AB\tCafé\r\nŁucja Nowak\tLS7 2BD\t\r\n"
    path = tmp_path / "export.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    before = _digest(path)
    code, out, err, seconds = _run(capsys, "inspect", path, "--json")
    assert code == 0 and seconds < 10 and _digest(path) == before, err
    assert "Łucja" in out or "Name" in out
    from vcs_excel.workbook import FileBook

    book = FileBook.open(path)
    table = book.read_table(book.sheet_names()[0])
    assert [c.header for c in table.columns] == ["Name", "Postcode", "Notes"]
    assert table.frame.iloc[1, 0] == "Łucja Nowak" and table.frame.iloc[0, 2] == "Café"


def test_a_web_page_saved_as_xls_is_said_to_be_one_and_its_table_read(tmp_path, capsys):
    page = tmp_path / "case export.xls"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><th>Client Name</th><th>Post Code</th><th>Phone</th></tr>"
        "<tr><td>Jean Smith</td><td>LS6 1AB</td><td>07700 900123</td></tr>"
        "<tr><td>Amir Khan</td><td>ls72bd</td><td>01134960000</td></tr>"
        "</table></body></html>",
        "utf-8",
    )
    before = _digest(page)
    code, _, err, seconds = _run(capsys, "inspect", page)
    assert code == 0 and seconds < 10 and _digest(page) == before, err
    code = main(["inspect", str(page)])  # without --quiet: the status line says what it is
    assert code == 0 and "is a web page (HTML) with one table" in capsys.readouterr().err
    from vcs_excel.workbook import FileBook

    book = FileBook.open(page)
    table = book.read_table(book.sheet_names()[0])
    assert [c.header for c in table.columns] == ["Client Name", "Post Code", "Phone"]
    assert table.frame.iloc[0, 2] == "07700 900123"
    assert table.frame.iloc[1, 2] == "01134960000"  # text kept as text: its leading zero
    # Checked and written to a real workbook, as a CSV file would be.
    out_path = tmp_path / "checked.xlsx"
    code, _, err, _ = _run(capsys, "check", page, "--out", out_path)
    assert code in (0, 1) and out_path.exists(), err


def test_a_web_page_with_several_tables_or_none_is_refused_clearly(tmp_path, capsys):
    two = tmp_path / "two.xls"
    two.write_text("<html><table><tr><td>a</td></tr></table>"
                   "<table><tr><td>b</td></tr></table></html>", "utf-8")  # fmt: skip
    _refused(capsys, two, "web page (HTML)", "2 tables", task="inspect")
    real_xls = tmp_path / "old.xls"
    real_xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    _refused(capsys, real_xls, "old.xls is in .xls format", task="inspect")


@pytest.mark.parametrize("size", [40_000])
def test_a_cell_longer_than_excel_holds_is_refused(tmp_path, capsys, size):
    path = tmp_path / "long.csv"
    path.write_text("Name,Notes\nJean Smith," + "x" * size + "\n", "utf-8")
    _refused(capsys, path, "40,000 characters", "VCS_EXCEL_MAX_CELL", task="inspect")
