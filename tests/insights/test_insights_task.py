"""Community insights on real workbooks: the tabs, the safe file, and what never leaks."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import zipfile

import openpyxl
import pytest
from helpers import save_rows

from vcs_excel.cli import main
from vcs_excel.commands import run_task
from vcs_excel.insights.export import scan
from vcs_excel.synthetic import demo_lists, write_workbook
from vcs_excel.workbook import FileBook

PERSONAL_HEADERS = {
    "NHS Number", "Forename", "Surname", "Full Name", "Name", "Date of Birth", "DOB",
    "Address", "Address Line 1", "Post Code", "Postcode", "Phone", "Mobile", "Telephone",
    "Email", "E-mail", "Contact Number", "Client Name",
}  # fmt: skip


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    path = tmp_path_factory.mktemp("insights") / "lists.xlsx"
    write_workbook(demo_lists(people=2500, seed=11), path)
    return path


def _cells(path):
    wb = openpyxl.load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def _personal_values(path):
    """Every value of the input's personal columns, as text, however it is written."""
    found = set()
    for rows in _cells(path).values():
        header_at = next(i for i, r in enumerate(rows) if any(c in PERSONAL_HEADERS for c in r))
        header = rows[header_at]
        for row in rows[header_at + 1 :]:
            for name, value in zip(header, row, strict=False):
                if name in PERSONAL_HEADERS and value not in (None, ""):
                    text = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else value
                    found.add(" ".join(str(text).split()).casefold())
    return found


def test_insights_tabs_publish_no_small_count_and_leave_the_lists_alone(lists, tmp_path):
    out = tmp_path / "with_insights.xlsx"
    before = _cells(lists)
    result = run_task("insights", FileBook.open(lists, out=out), by="area,age_band")
    assert result.sheets == ["Insights", "Digital divide", "Insights provenance"]
    after = _cells(out)
    for name, rows in before.items():
        assert after[name] == rows  # every value of the user's tabs unchanged
    table = after["Insights"]
    header_at = next(i for i, r in enumerate(table) if r[0] == "Area")
    header = table[header_at]
    assert header[1:4] == ["0-15", "16-24", "25-34"] and header[-2:] == ["Total", "% of all"]
    assert table[header_at + 1][0] == "#meta+category"  # in the standard: a tag row
    body = table[header_at + 2 :]
    counts = [v for r in body for v in r[1:-1]]
    numbers = [v for v in counts if isinstance(v, int)]
    assert "[c]" in counts and numbers
    assert all(v == 0 or v >= 10 for v in numbers)
    # The grand total is everyone on the three lists.
    assert body[-1][0] == "Total" and body[-1][-2] == sum(s["rows"] for s in result.data["lists"])
    digital = after["Digital divide"]
    at = next(i for i, r in enumerate(digital) if r[0] == "Area")
    assert digital[at][2:6] == ["People", "No e-mail", "No mobile", "Phone or letter only"]
    assert digital[at + 1][3] == "#meta+count+noemail"
    for row in digital[at + 2 :]:
        people, *parts = row[2:6]
        for part in parts:
            assert part == "[c]" or part == 0 or part >= 10
            if isinstance(part, int) and isinstance(people, int):
                assert people - part == 0 or people - part >= 10  # the rest is not small either


def test_the_safe_file_holds_no_row_level_value(lists, tmp_path, capsys):
    personal = _personal_values(lists)
    assert len(personal) > 1000
    for suffix in ("xlsx", "csv"):
        safe = tmp_path / f"safe.{suffix}"
        code = main(["insights", str(lists), "--by", "area,age_band,sex", "--out", str(safe)])
        assert code == 0, capsys.readouterr().err
        if suffix == "xlsx":
            sheets = _cells(safe)
            assert list(sheets) == ["Insights", "Digital divide", "Insights provenance"]
            cells = [v for rows in sheets.values() for r in rows for v in r if v is not None]
            with zipfile.ZipFile(safe) as z:
                charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
                assert len(charts) >= 3 and b"barChart>" in z.read(charts[0])
        else:
            with safe.open(encoding="utf-8-sig") as fh:
                cells = [v for r in csv.reader(fh) for v in r if v]
        texts = {" ".join(str(v).split()).casefold() for v in cells}
        assert not texts & personal, sorted(texts & personal)[:5]
        # Every full postcode pattern is absent too (districts such as LS6 are fine).
        assert not [t for t in texts if len(t.split()) == 2 and t.split()[1][:1].isdigit()
                    and t.split()[1][1:].isalpha() and len(t.split()[1]) == 3]  # fmt: skip
    provenance = {r[0]: r[1] for r in _cells(tmp_path / "safe.xlsx")["Insights provenance"] if r[0]}
    assert "counts below 10 are hidden" in provenance["Threshold"]
    assert (
        "Shielding" in provenance["Sources"] and provenance["Counted by"] == "Area, Age band, Sex"
    )
    guidance = [
        r[1] for r in _cells(tmp_path / "safe.xlsx")["Insights provenance"] if r[0] == "Guidance"
    ]
    assert any("Government Statistical Service" in g for g in guidance)
    # The user's workbook itself was not changed by the export.
    assert not {"Insights"} & set(openpyxl.load_workbook(lists).sheetnames)


def test_scan_finds_a_row_level_value():
    assert scan(["LS6", "Total", "Jean  SMITH", 12], {"jean smith"}) == ["Jean  SMITH"]


def test_rare_free_text_is_counted_as_other_never_published(tmp_path):
    header = ["Name", "Postcode", "Date of Birth", "Support needs"]
    rows = [[f"Person {i}", "LS6 1AB", dt.date(1950, 1, 1), "Shopping"] for i in range(30)]
    rows.append(["Jean Smith", "LS6 1AB", dt.date(1950, 1, 1), "Insulin twice daily, lives alone"])
    book = save_rows(tmp_path / "needs.xlsx", {"People": [header, *rows]})
    safe = tmp_path / "safe.csv"
    assert main(["insights", str(book), "--by", "need", "--out", str(safe)]) == 0
    text = safe.read_text("utf-8-sig")
    assert "Shopping" in text and "Other" in text
    assert "Insulin" not in text and "Jean" not in text
    if os.name == "posix":  # an export is for sharing: never readable by its owner alone
        assert safe.stat().st_mode & 0o044


def test_wards_from_a_lookup_sheet(tmp_path):
    header = ["Name", "Postcode", "Age"]
    rows = [[f"P{i}", "LS6 1AB" if i % 2 else "LS8 2DE", 30 + i % 40] for i in range(60)]
    wards = [["Postcode", "Ward"], ["LS6 1AB", "Headingley"], ["LS8 2DE", "Roundhay"]]
    book = FileBook.open(
        save_rows(tmp_path / "w.xlsx", {"People": [header, *rows], "Wards": wards})
    )
    result = run_task("insights", book, commit=False, sheets=["People"], by="area",
                      wards="Wards")  # fmt: skip
    assert result.data["table"]["rows"] == ["Headingley", "Roundhay"]
    assert [r[0] for r in result.data["table"]["cells"]] == [30, 30, 60]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--by", "colour"], "There is no dimension called 'colour'"),
        (["--threshold", "1"], "The threshold must be 2 or more"),
        (["--by", "area,sex,list,need"], "three groups at most"),
        (["--wards", "Nowhere"], "neither a sheet"),
        (["--out", "tables.pdf"], "Export to a .xlsx or .csv file"),
    ],
)
def test_bad_choices_get_one_clear_line(lists, tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(["insights", str(lists), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_one_list_tab_is_counted_instead_of_the_lists(lists, tmp_path):
    deduped = tmp_path / "deduped.xlsx"
    run_task("dedupe", FileBook.open(lists, out=deduped))
    result = run_task("insights", FileBook.open(deduped), commit=False, by="list")
    one_list = FileBook.open(deduped).read_table("One list").frame
    assert [s["sheet"] for s in result.data["lists"]] == ["One list"]
    assert result.data["people"] == len(one_list) or result.data["people"] == "[c]"


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice and pdftoppm (libreoffice-calc, poppler-utils) are not installed; "
    "CI installs them",
)
def test_insights_tab_renders_with_its_charts(lists, tmp_path):
    safe = tmp_path / "safe.xlsx"
    assert main(["insights", str(lists), "--out", str(safe)]) == 0
    png = tmp_path / "insights.png"
    assert main(["template", "render", str(safe), "--sheet", "Insights", "--out", str(png)]) == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_a_breakdown_of_nothing_but_not_known_is_warned_about(tmp_path):
    header = ["Name", "Postcode", "Age"]
    rows = [[f"Person {i}", "LS6 1AB", 40 + i % 30] for i in range(30)]
    book = save_rows(tmp_path / "people.xlsx", {"People": [header, *rows]})
    from vcs_excel.commands import run_task
    from vcs_excel.workbook import FileBook

    result = run_task("insights", FileBook.open(book), commit=False, by="sex,age_band")
    assert result.data["warnings"] == [
        "Everyone is 'Not known' for sex: no list has a column tagged #person+sex (Sex) "
        "with values in it."
    ]
    assert "Everyone is 'Not known' for sex" in result.summary
    result = run_task("insights", FileBook.open(book), commit=False, by="age_band")
    assert result.data["warnings"] == []
