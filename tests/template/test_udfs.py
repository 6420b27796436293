"""The VCS.* functions: one registry, plain Python, and wrappers as xlwings writes them."""

from __future__ import annotations

import importlib
import io
import sys
import types

import pytest

import vcs_excel
from vcs_excel.template.udf_vba import PYTHON_MODULE, module_source, wrapper
from vcs_excel.udfs import UDFS, Udf, udf


def test_version_function():
    assert UDFS["VERSION"].func() == vcs_excel.__version__
    assert UDFS["VERSION"].excel_name == "VCS.VERSION"


def test_registry_refuses_bad_names_and_mismatched_arguments():
    with pytest.raises(ValueError, match="upper-case"):
        udf("lower", "x")(lambda: 1)
    with pytest.raises(ValueError, match="do not match"):
        udf("MISMATCH", "x", args=(("a", "first"),))(lambda b: b)


@pytest.fixture
def xlwings_generator(monkeypatch):
    """xlwings' own "Import Functions" generator. Its module needs pywin32 only for
    COM calls the generator never makes; stand-ins let it load here."""
    for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    sys.modules["pythoncom"].CoInitialize = lambda: None
    sys.modules["win32com.client"].Dispatch = None
    monkeypatch.delitem(sys.modules, "xlwings.udfs", raising=False)
    return importlib.import_module("xlwings.udfs")


def test_wrappers_are_what_xlwings_import_functions_writes(xlwings_generator):
    u = xlwings_generator

    def find(need, language=None, area=None):
        return need

    samples = [*UDFS.values(), Udf("FIND", find, "Find", (("need", "a need"),))]
    module = types.ModuleType(PYTHON_MODULE)
    for s in samples:
        f = types.FunctionType(s.func.__code__, s.func.__globals__, s.name, s.func.__defaults__)
        setattr(module, s.name, u.xlfunc(category="VCS")(f))

    class Workbook:
        Name = "vcs-excel.xlsm"

    buffer = io.StringIO()
    u.generate_vba_wrapper(PYTHON_MODULE, module, buffer, Workbook())
    theirs = buffer.getvalue().rstrip("\n").split("\n")
    ours = [line for s in sorted(samples, key=lambda s: s.name) for line in wrapper(s)]
    assert ours[:-1] == theirs


def test_module_has_descriptions_for_the_function_wizard():
    source = module_source()
    assert source.startswith('Attribute VB_Name = "VCS"\r\n')
    for u in UDFS.values():
        assert f'Attribute {u.name}.VB_Description = "' in source
        assert f"'!{u.name}\", Description:=" in source
    assert "Sub RegisterFunctions()" in source


def test_readme_lists_exactly_the_registered_functions():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `=VCS.")]
    expected = [f"| `={u.signature}` | {u.description} |" for u in UDFS.values()]
    assert rows == expected


def test_the_vcs_module_is_the_whole_module_xlwings_import_functions_writes(
    xlwings_generator, monkeypatch
):
    """The whole module, not only the function bodies: its #Const App line above all
    (private to each module: without it every function takes the #Else branch)."""
    u = xlwings_generator
    sys.modules["pywintypes"].com_error = RuntimeError
    module = types.ModuleType(PYTHON_MODULE)
    for s in UDFS.values():
        f = types.FunctionType(s.func.__code__, s.func.__globals__, s.name, s.func.__defaults__)
        setattr(module, s.name, u.xlfunc(category="VCS")(f))
    monkeypatch.setattr(u, "get_udf_module", lambda name, book: module)
    imported: list[str] = []

    class Components:
        def Remove(self, component):
            raise RuntimeError("no such module yet")

        def __call__(self, name):
            return name

        def Import(self, path):
            with open(path, encoding="utf-8") as fh:
                imported.append(fh.read())

    class Excel:
        Version = "16.0"

        def MacroOptions(self, *args, **kwargs):
            pass

    class Workbook:
        Name = "vcs-excel.xlsm"
        VBProject = types.SimpleNamespace(VBComponents=Components())
        Application = Excel()

    u.import_udfs(PYTHON_MODULE, Workbook())
    theirs = imported[0].rstrip("\n").split("\n")
    theirs[0] = 'Attribute VB_Name = "VCS"'  # xlwings names its module xlwings_udfs
    ours = module_source().split("\r\n")
    # Ours adds each function's description for the function wizard, and the Sub that
    # registers them: without those lines the two modules are the same, line for line.
    start = ours.index("Sub RegisterFunctions()")
    kept = [line for line in ours[:start] if ".VB_Description = " not in line]
    assert kept[:-1] == theirs
