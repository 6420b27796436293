"""The VBA project writer, checked by independent readers (oletools, olefile) and
against a VBA project that Office itself wrote."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import olefile
import pytest
import xlwings
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, decompress_stream

from vcs_excel.template.build import xlwings_modules
from vcs_excel.template.vba import (
    WORKBOOK_BASE,
    WORKSHEET_BASE,
    VbaModule,
    build_vba_project,
    compress,
    decompress,
    decrypt_field,
    document_module,
    encrypt_field,
    source_from_export,
)

XLWINGS = Path(xlwings.__file__).parent
OFFICE_MADE = XLWINGS / "quickstart_standalone.xlsm"


def office_project() -> olefile.OleFileIO:
    with zipfile.ZipFile(OFFICE_MADE) as z:
        return olefile.OleFileIO(io.BytesIO(z.read("xl/vbaProject.bin")))


def oletools_decompress(data: bytes) -> bytes:
    return bytes(decompress_stream(bytearray(data)))


# ------------------------------------------------------------------ compression
def test_xlwings_module_round_trips_through_oletools():
    source = (XLWINGS / "xlwings.bas").read_bytes()
    assert len(source) > 40_000  # many chunks: the case other writers get wrong
    packed = compress(source)
    assert len(packed) < len(source) * 0.6
    assert oletools_decompress(packed) == source
    assert decompress(packed) == source


def test_office_compressed_streams_decompress_with_our_reader():
    ole = office_project()
    for stream in ("VBA/dir", "VBA/xlwings"):
        raw = ole.openstream(stream).read()
        assert decompress(raw) == oletools_decompress(raw)


@pytest.mark.parametrize("size", [0, 1, 2, 3, 4095, 4096, 4097, 8192, 8193, 20000])
def test_chunk_boundaries(size):
    text = (b'Sub Foo()\r\n    MsgBox "hi"\r\nEnd Sub\r\n' * 1000)[:size]
    assert oletools_decompress(compress(text)) == text


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=9000),
        st.text(alphabet="ab \r\n", max_size=12000).map(str.encode),
        st.lists(st.sampled_from([b"Dim x As Long\r\n", b"    ", b"'", b"End Sub\r\n"]),
                 max_size=900).map(b"".join),
    )
)  # fmt: skip
def test_any_bytes_round_trip(data):
    packed = compress(data)
    assert decompress(packed)[: len(data)] == data
    assert oletools_decompress(packed)[: len(data)] == data
    if len(data) % 4096 == 0 or len(packed) < len(data):
        assert oletools_decompress(packed) == data


# ------------------------------------------------------------------ PROJECT fields
def test_office_protection_fields_decrypt_to_unprotected_visible():
    text = office_project().openstream("PROJECT").read().decode("cp1252")
    fields = {
        k: v.strip('"')
        for k, v in (line.split("=", 1) for line in text.split("\r\n") if "=" in line)
    }
    assert decrypt_field(fields["CMG"]) == b"\x00\x00\x00\x00"
    assert decrypt_field(fields["DPB"]) == b"\x00"
    assert decrypt_field(fields["GC"]) == b"\xff"


@pytest.mark.parametrize("seed", [0, 1, 2, 6, 0x8D, 255])
def test_encryption_round_trips(seed):
    pid = "{5CF9CDAB-B77B-4FE4-BD7E-D29900070E1B}"
    for data in (b"\x00\x00\x00\x00", b"\x00", b"\xff"):
        assert decrypt_field(encrypt_field(pid, data, seed)) == data


# ------------------------------------------------------------------ whole project
@pytest.fixture(scope="module")
def modules() -> list[VbaModule]:
    ribbon = (
        'Attribute VB_Name = "Ribbon"\r\nSub Ribbon_Check(control As IRibbonControl)\r\n'
        '    RunTask "check"\r\nEnd Sub\r\n'
    )
    return [
        document_module("ThisWorkbook", WORKBOOK_BASE),
        document_module("Sheet1", WORKSHEET_BASE),
        *xlwings_modules(),
        VbaModule("Ribbon", "standard", ribbon),
    ]


def test_olevba_reads_every_module_back_exactly(modules):
    data = build_vba_project(modules)
    parser = VBA_Parser("vbaProject.bin", data=data)
    found = {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    assert set(found) == {m.name for m in modules}
    for m in modules:
        assert found[m.name] == m.source, m.name


def test_class_export_header_is_not_part_of_the_source():
    exported = (XLWINGS / "addin" / "Dictionary.cls").read_text("cp1252")
    assert exported.startswith("VERSION 1.0 CLASS")
    assert source_from_export(exported).startswith('Attribute VB_Name = "Dictionary"')


def test_project_streams_are_laid_out_like_office(modules):
    ole = olefile.OleFileIO(io.BytesIO(build_vba_project(modules)))
    names = {"/".join(p) for p in ole.listdir()}
    assert {"PROJECT", "PROJECTwm", "VBA/_VBA_PROJECT", "VBA/dir"} <= names
    assert {f"VBA/{m.name}" for m in modules} <= names
    assert ole.openstream("VBA/_VBA_PROJECT").read() == (
        office_project().openstream("VBA/_VBA_PROJECT").read()
    )
    project = ole.openstream("PROJECT").read().decode("cp1252").split("\r\n")
    assert "Document=ThisWorkbook/&H00000000" in project
    assert "Module=xlwings" in project and "Class=Dictionary" in project
    fields = dict(line.split("=", 1) for line in project if line[:4] in ("CMG=", "DPB=", 'GC="'))
    assert decrypt_field(fields["GC"].strip('"')) == b"\xff"


def test_same_sources_build_the_same_project(modules):
    assert build_vba_project(modules) == build_vba_project(modules)


def test_duplicate_module_names_are_refused(modules):
    with pytest.raises(ValueError, match="unique"):
        build_vba_project([*modules, modules[-1]])
