"""House rules that keep the design testable without Excel."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "vcs_excel"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
    return found


def test_only_the_excel_package_imports_xlwings():
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "excel" not in path.relative_to(PACKAGE).parts[:1]
        and any(m == "xlwings" or m.startswith("xlwings.") for m in imports_of(path))
    ]
    assert offenders == []


def test_the_rule_would_catch_an_offender(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from xlwings import Book\n", "utf-8")
    assert "xlwings" in imports_of(bad)


def test_command_line_runs_without_loading_xlwings():
    code = (
        "import sys, vcs_excel.cli, vcs_excel.commands, vcs_excel.workbook;"
        "print('xlwings' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
