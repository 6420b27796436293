"""The template read by checkers that are not ours: Microsoft's ribbon schema, and
oletools' mraptor, the rating mail gateways and antivirus act on."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from vcs_excel.template.build import DEFAULT_OUT as COMMITTED
from vcs_excel.template.build import DEFAULT_SOURCES, RIBBON_REL

xmlschema = pytest.importorskip("xmlschema")

SCHEMA = Path(__file__).with_name("schemas") / "customui14.xsd"


@pytest.fixture(scope="module")
def customui():
    return xmlschema.XMLSchema(str(SCHEMA))


def _ribbon_part() -> bytes:
    with zipfile.ZipFile(COMMITTED) as zf:
        name = next(n for n in zf.namelist() if n.lower().endswith("customui14.xml"))
        return zf.read(name)


def test_the_ribbon_is_valid_against_microsofts_customui14_schema(customui):
    customui.validate(str(DEFAULT_SOURCES / "customUI14.xml"))
    customui.validate(_ribbon_part().decode("utf-8"))  # as the committed template has it
    assert RIBBON_REL  # the part is the one the package relates as the ribbon


def test_the_schema_check_would_catch_a_broken_ribbon(customui):
    text = (DEFAULT_SOURCES / "customUI14.xml").read_text("utf-8")
    broken = text.replace("onAction=", "onClick=", 1)  # not an attribute of a button
    assert not customui.is_valid(broken)


def test_mraptor_rates_the_template_macro_ok():
    """No macro runs when the workbook opens: mraptor's rule (auto-run, with writing or
    running something) makes mail gateways quarantine a file; xlwings' own standalone
    workbook rates Macro OK, and so does ours."""
    from oletools.mraptor import MacroRaptor
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(COMMITTED))
    code = "\n".join(c for _, _, _, c in parser.extract_macros())
    raptor = MacroRaptor(code)
    raptor.scan()
    assert not raptor.autoexec, raptor.matches
    assert not raptor.suspicious
    # The functions' descriptions are registered when the ribbon loads instead.
    assert 'onLoad="Ribbon_OnLoad"' in (DEFAULT_SOURCES / "customUI14.xml").read_text("utf-8")
    assert "Sub Ribbon_OnLoad(ribbon As IRibbonUI)" in code


def test_mraptor_would_catch_an_auto_run_macro():
    from oletools.mraptor import MacroRaptor

    raptor = MacroRaptor('Private Sub Workbook_Open()\n  Shell "calc"\nEnd Sub\n')
    raptor.scan()
    assert raptor.autoexec and raptor.suspicious
