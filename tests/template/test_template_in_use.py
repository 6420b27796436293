"""The template as volunteers use it: tasks write into it and it stays a working macro
workbook; the template commands behave like every other command."""

from __future__ import annotations

import shutil
import zipfile

import openpyxl
import pytest
from oletools.olevba import VBA_Parser

from vcs_excel.cli import main
from vcs_excel.template.build import DEFAULT_OUT as COMMITTED
from vcs_excel.template.build import RIBBON_REL
from vcs_excel.workbook import FileBook, SheetSpec


def modules(path):
    return {name: code for _, _, name, code in VBA_Parser(str(path)).extract_macros()}


def test_template_has_no_user_sheets_until_a_list_is_added():
    assert FileBook.open(COMMITTED).user_sheets() == []


def test_results_written_into_the_template_keep_macros_ribbon_and_code_names(tmp_path):
    book_path = tmp_path / "my lists.xlsm"
    shutil.copy(COMMITTED, book_path)
    book = FileBook.open(book_path)
    name = book.write_sheet(
        SheetSpec(name="Review", task="dedupe", columns=["Decision", "Why"], rows=[["", "x"]])
    )
    book.commit()
    assert name == "Review"  # the template's own Review tab is replaced, not duplicated
    assert modules(book_path) == modules(COMMITTED)
    with zipfile.ZipFile(book_path) as zf:
        rels = zf.read("_rels/.rels").decode()
    assert RIBBON_REL in rels and "customUI/customUI14.xml" in rels
    wb = openpyxl.load_workbook(book_path)
    assert [ws.sheet_properties.codeName for ws in wb] == [
        "Sheet1", "Sheet2", "Sheet3", "Sheet4", "Sheet6", "Sheet7", "Sheet5",
    ]  # fmt: skip
    assert (wb["Review"]["B1"].value, wb["Review"]["B2"].value) == ("Why", "x")


def test_cli_builds_the_template_anywhere(tmp_path, capsys):
    out = tmp_path / "copy.xlsm"
    assert main(["template", "build", "--out", str(out)]) == 0
    assert f"Template written to {out}" in capsys.readouterr().out
    assert modules(out) == modules(COMMITTED)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["template", "build", "--out", "x.xlsx"], "name it .xlsm"),
        (["template", "build", "--out", "/no/such/folder/t.xlsm"], "does not exist"),
        (["template", "build", "--out", "t.xlsm", "--sources", "/no/such"], "sources not found"),
        (["template", "render", "/no/such.xlsm", "--out", "x.png"], "File not found"),
    ],
)
def test_cli_template_bad_input(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice and pdftoppm (libreoffice-calc, poppler-utils) are not installed; "
    "CI installs them",
)
def test_start_sheet_renders_to_a_picture(tmp_path):
    out = tmp_path / "start.png"
    assert main(["template", "render", str(COMMITTED), "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def _fill_options(path, values):
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb["Options"]
    rows = {ws.cell(r, 4).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value}
    for key, value in values.items():
        ws.cell(rows[key], 2).value = value
    wb.save(path)


def test_ribbon_buttons_take_their_settings_from_the_options_sheet(tmp_path):
    from vcs_excel.commands import run_task, workbook_options
    from vcs_excel.demo import write_demo_directory
    from vcs_excel.errors import BadInputError

    store = write_demo_directory(tmp_path / "services.json", seed=3)
    book_path = tmp_path / "mine.xlsm"
    shutil.copy(COMMITTED, book_path)
    _fill_options(book_path, {"store": str(store), "org": "Hope Trust", "by": "Ann",
                              "need": "food", "age": "67", "accepting_only": "Yes"})  # fmt: skip
    book = FileBook.open(book_path)
    assert "Options" not in book.user_sheets()
    assert workbook_options(book, "directory_sync") == {"store": str(store), "stale_days": 30}
    assert workbook_options(book, "find_services") == {
        "store": str(store), "need": "food", "age": 67, "accepting_only": True,
    }  # fmt: skip
    assert workbook_options(book, "check") == {}
    # "by" is a person's name for the directory, a breakdown for insights: not mixed up.
    assert workbook_options(book, "directory_push")["by"] == "Ann"
    assert "by" not in workbook_options(book, "insights")
    # What the Find services button does with them.
    found = run_task("find_services", book, **workbook_options(book, "find_services"))
    assert found.data["found"] and "food" in found.summary
    # A file named without its folder is the one beside the workbook.
    _fill_options(book_path, {"store": "services.json"})
    assert workbook_options(FileBook.open(book_path), "directory_sync")["store"] == str(store)
    _fill_options(book_path, {"age": "sixty"})
    with pytest.raises(BadInputError, match="Age must be a whole number"):
        workbook_options(FileBook.open(book_path), "find_services")
