"""The command line: exit codes, one-line messages for bad input, JSON output."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest
from helpers import save_rows
from msoffcrypto.format.ooxml import OOXMLFile

from vcs_excel.cli import main

PEOPLE = {"People": [["Name", "Postcode"], ["Jean Smith", "LS6 1AB"]]}


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def people(tmp_path):
    return save_rows(tmp_path / "people.xlsx", PEOPLE)


# ------------------------------------------------------------------ bad input
def test_missing_file(capsys, tmp_path):
    code, _, err = run_cli(capsys, "inspect", tmp_path / "nowhere.xlsx")
    assert_one_line_error(code, err, "File not found", "nowhere.xlsx")


def test_text_file_renamed_xlsx(capsys, tmp_path):
    fake = tmp_path / "list.xlsx"
    fake.write_text("Name,Postcode\nJean Smith,LS6 1AB\n", "utf-8")
    code, _, err = run_cli(capsys, "inspect", fake)
    assert_one_line_error(code, err, "list.xlsx is not an Excel workbook", "renamed")


def test_empty_workbook(capsys, tmp_path):
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    code, _, err = run_cli(capsys, "inspect", tmp_path / "empty.xlsx")
    assert_one_line_error(code, err, "empty.xlsx is empty")


def test_zero_byte_file(capsys, tmp_path):
    (tmp_path / "zero.xlsx").write_bytes(b"")
    code, _, err = run_cli(capsys, "inspect", tmp_path / "zero.xlsx")
    assert_one_line_error(code, err, "zero.xlsx is empty")


def test_password_protected_workbook(capsys, people, tmp_path):
    locked = tmp_path / "locked.xlsx"
    with open(people, "rb") as src, open(locked, "wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    code, _, err = run_cli(capsys, "inspect", locked)
    assert_one_line_error(code, err, "locked.xlsx is protected with a password")


def test_damaged_workbook(capsys, people, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(people.read_bytes()[:200])
    code, _, err = run_cli(capsys, "inspect", broken)
    assert_one_line_error(code, err, "broken.xlsx is damaged")


def test_old_xls_format(capsys, tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    code, _, err = run_cli(capsys, "inspect", tmp_path / "old.xls")
    assert_one_line_error(code, err, "old.xls is in .xls format", ".xlsx")


def test_output_open_in_another_program(capsys, people, tmp_path):
    out = tmp_path / "results.xlsx"
    save_rows(out, PEOPLE)
    (tmp_path / "~$results.xlsx").write_bytes(bytes([7]) + b"A Clerk" + b" " * 46)
    code, _, err = run_cli(capsys, "inspect", people, "--out", out, "--force")
    assert_one_line_error(code, err, "results.xlsx is open in another program by A Clerk")


def test_workbook_open_in_excel_cannot_be_changed_in_place(capsys, people, tmp_path):
    (tmp_path / "~$people.xlsx").write_bytes(b"\x00")
    before = people.read_bytes()
    code, _, err = run_cli(capsys, "tag", people, "--apply")
    assert_one_line_error(code, err, "people.xlsx is open in another program", "~$people.xlsx")
    assert people.read_bytes() == before


def test_workbook_locked_against_reading(capsys, people, monkeypatch):
    # Another program holding the file exclusively makes the OS refuse to open it.
    # Root can read any file, so the OS's answer is simulated for this one path.
    import builtins

    real_open = builtins.open

    def locked_open(file, *args, **kwargs):
        if str(file) == str(people):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", locked_open)
    code, _, err = run_cli(capsys, "inspect", people)
    assert_one_line_error(code, err, "people.xlsx cannot be read", "locked by another program")


def test_output_folder_missing(capsys, people, tmp_path):
    code, _, err = run_cli(capsys, "inspect", people, "--out", tmp_path / "no" / "out.xlsx")
    assert_one_line_error(code, err, "Cannot write out.xlsx", "does not exist")


def test_output_under_a_file_not_a_folder(capsys, people, tmp_path):
    code, _, err = run_cli(capsys, "inspect", people, "--out", people / "out.xlsx")
    assert_one_line_error(code, err, "is not a folder")


def test_output_with_a_wrong_ending(capsys, people, tmp_path):
    code, _, err = run_cli(capsys, "inspect", people, "--out", tmp_path / "out.csv")
    assert_one_line_error(code, err, "must be an .xlsx or .xlsm file")


def test_unknown_sheet(capsys, people):
    code, _, err = run_cli(capsys, "inspect", people, "--sheet", "Volunteers")
    assert_one_line_error(code, err, "no sheet called 'Volunteers'", "People")


# ------------------------------------------------------------------ good input
def test_inspect_prints_summary_and_exits_0(capsys, people):
    before = people.read_bytes()
    code, out, err = run_cli(capsys, "inspect", people)
    assert code == 0
    assert "People (1 rows, 2 columns)" in out
    # Its Sheets tab is not saved without --out, and it says so (once, on stderr).
    assert err.count("\n") == 1 and "nothing was saved" in err and "--out" in err
    assert people.read_bytes() == before


def test_inspect_json_gives_excel_rows(capsys, tmp_path):
    path = save_rows(tmp_path / "t.xlsx", {"S": [["Title"], [], ["Name", "Age"], ["A", 1]]})
    code, out, _ = run_cli(capsys, "inspect", path, "--json")
    data = json.loads(out)
    assert code == 0
    sheet = data["data"]["sheets"][0]
    assert (sheet["header_row"], sheet["first_data_row"], sheet["rows"]) == (3, 4, 1)
    assert [c["letter"] for c in sheet["columns"]] == ["A", "B"]


def test_problems_found_exit_1(capsys, tmp_path):
    # A sheet of numbers only has no header a person could recognise.
    path = save_rows(tmp_path / "n.xlsx", {"S": [[1, 2], [3, 4]]})
    code, out, _ = run_cli(capsys, "inspect", path)
    assert code == 1
    assert "no recognisable header row" in out


def test_inspect_without_out_does_not_touch_the_workbook(capsys, people):
    before = people.read_bytes()
    run_cli(capsys, "inspect", people)
    assert people.read_bytes() == before


def test_inspect_with_out_writes_a_sheets_tab(capsys, people, tmp_path):
    out = tmp_path / "described.xlsx"
    code, stdout, _ = run_cli(capsys, "inspect", people, "--out", out)
    assert code == 0 and f"Results written to {out}" in stdout
    ws = openpyxl.load_workbook(out)["Sheets"]
    assert ws["A5"].value == "People" and ws["A5"].hyperlink.location == "'People'!A1"


def test_console_script_runs_as_a_module(people):
    result = subprocess.run(
        [sys.executable, "-m", "vcs_excel", "inspect", str(people), "--json"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["task"] == "inspect"


def test_every_command_has_help():
    from vcs_excel.cli import DIRECTORY_ACTIONS, build_parser
    from vcs_excel.commands import tasks

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    directory = next(a for a in sub.choices["directory"]._actions if a.dest == "directory_command")
    by_task = {name: action for action, name in DIRECTORY_ACTIONS.items()}
    for t in tasks():
        assert t.help and t.title
        # The directory's tasks are `vcs-excel directory sync|push|find`.
        choices = directory.choices if t.name in by_task else sub.choices
        assert choices[by_task.get(t.name, t.name)].format_help().strip()
    assert {"import", "export", "reminders"} <= set(directory.choices)
    assert "demo" in sub.choices


# ------------------------------------------------------------------ saying what was done
def test_out_is_never_the_input_and_never_an_existing_file_without_force(capsys, people, tmp_path):
    before = people.read_bytes()
    code, _, err = run_cli(capsys, "check", people, "--out", people)
    assert_one_line_error(code, err, "is the file you are working on")
    code, _, err = run_cli(capsys, "check", people, "--out", people, "--force")
    assert_one_line_error(code, err, "is the file you are working on")
    assert people.read_bytes() == before
    other = save_rows(tmp_path / "other.xlsx", PEOPLE)
    kept = other.read_bytes()
    code, _, err = run_cli(capsys, "check", people, "--out", other)
    assert_one_line_error(code, err, "other.xlsx already exists", "--force")
    assert other.read_bytes() == kept
    code, _, _ = run_cli(capsys, "check", people, "--out", other, "--force")
    assert code in (0, 1) and "Issues" in openpyxl.load_workbook(other).sheetnames


def test_a_task_that_saves_nothing_says_so_and_how_to_save(capsys, people):
    before = people.read_bytes()
    code, out, err = run_cli(capsys, "dictionary", people)
    assert code == 0 and "Dictionary" in out
    assert "nothing was saved" in err and "people.xlsx is unchanged" in err
    assert people.read_bytes() == before
    code, out, err = run_cli(capsys, "dictionary", people, "--json")
    json.loads(out)  # the note never spoils the JSON on stdout
    assert "nothing was saved" in err


def test_tag_apply_on_a_tagged_sheet_says_so_and_leaves_the_file_alone(capsys, people):
    code, out, _ = run_cli(capsys, "tag", people, "--apply")
    assert "Tag rows inserted into 1 sheet" in out and "updated" in out
    tagged = people.read_bytes()
    code, out, _ = run_cli(capsys, "tag", people, "--apply")
    assert code in (0, 1) and "No tag row inserted" in out and "already tagged" in out
    assert "updated" not in out and people.read_bytes() == tagged


def test_clear_marks_saves_into_the_workbook_and_says_when_there_were_none(capsys, tmp_path):
    rows = [["Name", "Postcode"], ["Jean Smith", "LS6 1AB"], ["Amir Khan", "L56 IAB?"]]
    people = save_rows(tmp_path / "people.xlsx", {"People": rows})
    run_cli(capsys, "tag", people, "--apply")
    checked = people.with_name("checked.xlsx")
    run_cli(capsys, "check", people, "--out", checked)
    code, out, _ = run_cli(capsys, "clear_marks", checked)
    assert "removed" in out and "updated" in out
    code, out, _ = run_cli(capsys, "clear_marks", checked)
    assert code == 0 and "There were no check marks" in out and "updated" not in out


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_and_debug_work_before_or_after_the_command(capsys, people, where):
    flags = ["--quiet", "--debug"]
    args = [*flags, "inspect", people] if where == "before" else ["inspect", people, *flags]
    code, out, _ = run_cli(capsys, *args)
    assert code == 0 and "People" in out
