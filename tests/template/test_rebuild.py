"""The committed template is exactly what its sources build."""

from __future__ import annotations

import zipfile

import openpyxl
from oletools.olevba import VBA_Parser

from vcs_excel.template.build import DEFAULT_OUT as COMMITTED
from vcs_excel.template.build import build_template

REBUILD_HINT = "the committed template is out of date: run `vcs-excel template build`"


def vba_sources(path):
    return {name: code for _, _, name, code in VBA_Parser(str(path)).extract_macros()}


def cells(path):
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}


def parts(path):
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_vba_source_matches(rebuilt):
    assert vba_sources(rebuilt) == vba_sources(COMMITTED), REBUILD_HINT


def test_ribbon_xml_matches(rebuilt):
    assert parts(rebuilt)["customUI/customUI14.xml"] == parts(COMMITTED)["customUI/customUI14.xml"]


def test_sheets_match(rebuilt):
    assert cells(rebuilt) == cells(COMMITTED), REBUILD_HINT


def test_every_part_matches(rebuilt):
    new, old = parts(rebuilt), parts(COMMITTED)
    assert sorted(new) == sorted(old)
    changed = [name for name in new if new[name] != old[name]]
    assert changed == [], f"{REBUILD_HINT} (parts that differ: {changed})"


def test_build_is_repeatable(tmp_path, rebuilt):
    again = build_template(tmp_path / "again.xlsm")
    assert again.read_bytes() == rebuilt.read_bytes()


def test_building_leaves_no_scratch_file_in_the_current_folder(tmp_path, monkeypatch):
    from vcs_excel.template.vba import write_compound_file

    monkeypatch.chdir(tmp_path)
    data = write_compound_file({"VBA/dir": b"x" * 100, "PROJECT": b"ID=1"})
    assert data[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # a compound file
    assert list(tmp_path.iterdir()) == []
