"""Sync directory, Find services and Update my entry, on real workbooks and a real file."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from helpers import save_rows

from vcs_excel.cli import main
from vcs_excel.commands import run_task
from vcs_excel.demo import write_demo_directory
from vcs_excel.directory import DirectoryStore
from vcs_excel.directory.hsds import schema_problems
from vcs_excel.workbook import FileBook

LIST = [["Name", "Postcode"], ["Jean Smith", "LS6 1AB"]]


@pytest.fixture
def setup(tmp_path):
    store = write_demo_directory(tmp_path / "services.json", seed=7)
    book_path = save_rows(tmp_path / "lists.xlsx", {"People": LIST})
    return store, book_path


def _sheet_rows(path, name):
    ws = openpyxl.load_workbook(path)[name]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_sync_fills_the_directory_tab_and_leaves_the_users_sheet_alone(setup, tmp_path):
    store, book_path = setup
    out = tmp_path / "out.xlsx"
    result = run_task("directory_sync", FileBook.open(book_path, out=out), store=str(store))
    assert result.data["services"] == 40
    assert _sheet_rows(out, "People") == LIST
    wb = openpyxl.load_workbook(out)
    ws = wb["Directory"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] == "Organisation")
    assert rows[header + 1][0] == "#org+name"  # the tag row, from the data standard
    data = [r for r in rows[header + 2 :] if r[1]]
    assert len(data) == 40
    col = rows[header].index("Referrals")
    colours = {
        r[col]: ws.cell(header + 3 + i, col + 1).fill.fgColor.rgb[-6:] for i, r in enumerate(data)
    }
    assert colours["accepting"] == "C6EFCE" and colours["closed"] == "FFC7CE"
    stale = rows[header].index("Stale")
    assert any(r[stale] and r[stale].startswith("Stale (") for r in data)
    assert ws.column_dimensions["T"].hidden  # Service ID: kept for Update my entry
    # An Excel table to filter and sort, starting at the tag row so the tags stay put.
    table = ws.tables["ServicesDirectory"]
    top, bottom = table.ref.split(":")
    assert top == f"A{header + 2}" and bottom == f"U{header + 2 + 40}"
    tags = rows[header + 1]
    assert all(t and t.startswith("#") for t in tags) and len(set(tags)) == len(tags)
    assert ws.auto_filter.ref is None  # the table filters; a second filter would clash
    assert "Reminders" in wb.sheetnames and "Spaces to share" in wb.sheetnames
    # Each reminder is a real hyperlink that opens a ready e-mail, within Excel's limit,
    # shown as words, not as a 600-character address.
    ws = wb["Reminders"]
    links = [c.hyperlink.target for r in ws.iter_rows() for c in r if c.hyperlink]
    assert links and all(u.startswith("mailto:") and len(u) <= 2079 for u in links)
    assert "subject=" in links[0] and "body=" in links[0]
    shown = [c.value for r in ws.iter_rows() for c in r if c.hyperlink]
    assert all(v.startswith("E-mail ") for v in shown)
    assert FileBook.open(out).read_table("Reminders").has_tags


def test_find_filters_and_gives_ready_to_send_text(setup, tmp_path):
    store, book_path = setup
    out = tmp_path / "found.xlsx"
    result = run_task(
        "find_services", FileBook.open(book_path, out=out), store=str(store), need="food",
        accepting_only=True,
    )  # fmt: skip
    found = result.data["found"]
    assert found
    services = {e.id: e.service for e in DirectoryStore(store).read().valid()}
    for item in found:
        s = services[item["id"]]
        assert "food" in s.x_categories and s.x_referral_status == "accepting"
        assert "taking referrals now" in item["text"]
        assert s.phones[0].number in item["text"]
    shortlist = _sheet_rows(out, "Shortlist")
    assert any(isinstance(c, str) and found[0]["text"] in c for r in shortlist for c in r)
    # Language, area and age narrow the list; nothing is invented to fill it.
    every = DirectoryStore(store).read().services()
    urdu = run_task("find_services", FileBook.open(book_path), commit=False, store=str(store),
                    language="ur").data["found"]  # fmt: skip
    assert {f["id"] for f in urdu} == {s.id for s in every if "Urdu" in
                                       [lang.name for lang in s.languages]}  # fmt: skip
    young = run_task("find_services", FileBook.open(book_path), commit=False, store=str(store),
                     age=16).data["found"]  # fmt: skip
    assert all((services[f["id"]].minimum_age or 0) <= 16 for f in young)


def test_update_my_entry_pushes_only_changed_fields_of_my_organisation(setup, tmp_path):
    store, book_path = setup
    synced = tmp_path / "synced.xlsx"
    run_task("directory_sync", FileBook.open(book_path, out=synced), store=str(store))
    before = {
        e.id: json.dumps(e.data, sort_keys=True) for e in DirectoryStore(store).read().valid()
    }
    wb = openpyxl.load_workbook(synced)
    ws = wb["Directory"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] == "Organisation")
    cols = rows[header]
    mine = header + 2  # first data row (0-based)
    org = rows[mine][0]
    other = next(i for i in range(mine, len(rows)) if rows[i][0] and rows[i][0] != org)
    ref = cols.index("Referrals")
    new_status = "closed" if rows[mine][ref] != "closed" else "accepting"
    ws.cell(mine + 1, ref + 1).value = new_status
    ws.cell(other + 1, ref + 1).value = "waiting list"  # someone else's row: not pushed
    wb.save(synced)
    result = run_task("directory_push", FileBook.open(synced), commit=False, store=str(store),
                      org=org, by="Ann")  # fmt: skip
    assert len(result.data["updated"]) == 1 and "x_referral_status" in result.data["updated"][0]
    after = DirectoryStore(store).read()
    my_id = rows[mine][cols.index("Service ID")]
    other_id = rows[other][cols.index("Service ID")]
    assert after.entries[my_id].data["x_referral_status"] == new_status
    assert after.entries[my_id].history[-1].fields == ["x_referral_status"]
    assert after.entries[my_id].history[-1].by == f"Ann ({org})"
    assert json.dumps(after.entries[other_id].data, sort_keys=True) == before[other_id]
    # Someone changes the same field in the file; pushing the old tab again is refused.
    DirectoryStore(store).update(my_id, {"x_referral_status": "waiting list"}, None, by="Office")
    again = run_task("directory_push", FileBook.open(synced), commit=False, store=str(store),
                     org=org, by="Ann")  # fmt: skip
    assert again.problems == 1 and "Office" in again.data["refused"][0]
    assert DirectoryStore(store).read().entries[my_id].data["x_referral_status"] == "waiting list"


def test_cli_directory_actions(setup, tmp_path, capsys):
    store, book_path = setup
    assert main(["directory", "find", "--store", str(store), "--need", "debt"]) == 0
    assert "Contact:" in capsys.readouterr().out
    out = tmp_path / "export.json"
    assert main(["directory", "export", "--store", str(store), "--out", str(out)]) == 0
    exported = json.loads(out.read_text("utf-8"))
    assert exported["total_items"] == 40
    assert all(schema_problems(s) == [] for s in exported["contents"])
    capsys.readouterr()
    assert main(["directory", "reminders", "--store", str(store), "--json"]) == 0
    stale = json.loads(capsys.readouterr().out)
    today = dt.date.today()
    for item in stale:
        assert item["days"] > 30 and item["email"].endswith("example.org")
    assert today  # the reminders are relative to today
    code = main(["directory", "sync", str(book_path), "--store", str(tmp_path / "none.json")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "no directory file" in err


def test_find_services_function_gives_a_table_or_one_clear_cell(setup, monkeypatch):
    from vcs_excel.udfs import UDFS, find_services

    store = str(setup[0])
    table = find_services("food", None, "LS6", store)
    assert table[0] == ["Service", "Organisation", "Referrals", "Languages", "Contact"]
    assert len(table) > 1 and all(len(row) == 5 for row in table)
    found = run_task("find_services", FileBook.open(setup[1]), commit=False, store=store,
                     need="food", area="LS6")  # fmt: skip
    assert [row[0] for row in table[1:]] == [f["name"] for f in found.data["found"]]
    # A later save of the shared file is seen by the next recalculation.
    first = found.data["found"][0]["id"]
    entry = DirectoryStore(store).read().entries[first]
    DirectoryStore(store).update(first, {"name": "Renamed Pantry"}, entry.version, "test")
    assert "Renamed Pantry" in [row[0] for row in find_services("food", None, "LS6", store)]
    assert find_services("zzz unheard-of need", None, None, store).startswith("No service found")
    assert find_services("food", "Klingonese", None, store) == (
        "'Klingonese' is not a language this tool knows."
    )
    monkeypatch.delenv("VCS_EXCEL_DIRECTORY", raising=False)
    assert "fourth argument" in find_services("food", None, None, None)
    assert UDFS["FIND_SERVICES"].signature == "VCS.FIND_SERVICES(need, [language], [area], [store])"


def _form(path):
    """The My entry tab as {key: (row number, value)}."""
    ws = openpyxl.load_workbook(path)["My entry"]
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[:2] == ("Field", "Value"))
    return ws, {r[4]: (header + 2 + i, r[1]) for i, r in enumerate(rows[header + 1 :]) if r[4]}


def test_edit_my_entry_form_changes_nested_fields_and_nothing_else(setup, tmp_path):
    store, book_path = setup
    entries = DirectoryStore(store).read().valid()
    mine = next(e for e in entries if e.service.service_at_locations and e.service.contacts)
    org = mine.service.organization.name
    formed = tmp_path / "form.xlsx"
    result = run_task("directory_form", FileBook.open(book_path, out=formed), store=str(store),
                      service=mine.name.upper())  # fmt: skip
    assert result.data["id"] == mine.id
    ws, form = _form(formed)
    assert form["name"][1] == mine.name and form["org"][1] == org
    assert form["_id"][1] == mine.id and form["_version"][1] == mine.version
    # The Value cells of code fields offer their lists.
    ranges = {str(r) for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges}
    assert f"B{form['referrals'][0]}" in ranges and f"B{form['dbs'][0]}" in ranges
    assert ws.column_dimensions["D"].hidden and ws.column_dimensions["E"].hidden
    # Someone else changes the description in the file meanwhile.
    DirectoryStore(store).update(mine.id, {"description": "Theirs."}, None, by="Office")
    edits = {
        "postcode": "ls7 3as",
        "access": "Step-free; hearing loop",
        "hours_TU": "9am-12:30, 14:00-16:00",
        "hours_SA": "10:00-13:00",
        "languages": "English, Polish, BSL",
        "volunteers": "Yes",
        "roles": "driver, befriender",
        "dbs": "enhanced",
        "available": 4,
        "space": "room, kitchen",
    }
    for key, value in edits.items():
        ws.cell(form[key][0], 2).value = value
    ws.parent.save(formed)
    pushed = run_task("directory_push", FileBook.open(formed), store=str(store), org=org,
                      by="Ann")  # fmt: skip
    assert pushed.problems == 0 and len(pushed.data["updated"]) == 1
    after = DirectoryStore(store).read().entries[mine.id]
    s = after.service
    assert s.description == "Theirs."  # the form did not undo another person's change
    address = s.service_at_locations[0].location.addresses[0]
    assert address.postal_code == "LS7 3AS" and address.address_1  # the rest of it kept
    assert s.service_at_locations[0].location.accessibility[0].description.startswith("Step")
    from vcs_excel.directory.find import opening_times

    times = opening_times(s.all_schedules())
    assert "Tue 09:00-12:30" in times and "Tue 14:00-16:00" in times and "Sat 10:00-13:00" in times
    assert [lang.code for lang in s.languages] == ["en", "pl", "bfi"]
    assert s.x_volunteers.needed and s.x_volunteers.roles == ["driver", "befriender"]
    assert s.x_volunteers.dbs_level == "enhanced" and s.capacities[0].available == 4
    assert s.x_space_to_share.kinds == ["room", "kitchen"]
    assert after.history[-1].by == f"Ann ({org})"
    changed = set(after.history[-1].fields)
    assert "description" not in changed and "organization" not in changed
    assert {"languages", "capacities", "x_volunteers", "service_at_locations"} <= changed
    # The form was rewritten from the saved entry: pushing again changes nothing.
    _, form = _form(formed)
    assert form["_version"][1] == after.version and form["postcode"][1] == "LS7 3AS"
    again = run_task("directory_push", FileBook.open(formed), store=str(store), org=org)
    assert (
        again.data["updated"] == []
        and DirectoryStore(store).read().entries[mine.id].version == after.version
    )


def test_edit_my_entry_refuses_bad_values_and_other_organisations(setup, tmp_path):
    store, book_path = setup
    entries = DirectoryStore(store).read().valid()
    mine = entries[0]
    org = mine.service.organization.name
    formed = tmp_path / "form.xlsx"
    run_task("directory_form", FileBook.open(book_path, out=formed), store=str(store), org=org)
    ws, form = _form(formed)
    ws.cell(form["hours_MO"][0], 2).value = "after lunch"
    ws.parent.save(formed)
    before = DirectoryStore(store).read().entries[mine.id].version
    with pytest.raises(Exception, match="Open Monday: write opening times as 09:00-17:00"):
        run_task("directory_push", FileBook.open(formed), store=str(store), org=org)
    other = next(e.service.organization.name for e in entries
                 if e.service.organization.name != org)  # fmt: skip
    with pytest.raises(Exception, match="only an organisation's own entry"):
        run_task("directory_push", FileBook.open(formed), store=str(store), org=other)
    assert DirectoryStore(store).read().entries[mine.id].version == before
    assert main(["directory", "form", str(book_path), "--store", str(store),
                 "--service", "No such service"]) == 2  # fmt: skip


def test_two_forms_of_one_entry_merge_row_by_row_and_clashes_are_refused(setup, tmp_path):
    store, book_path = setup
    mine = next(e for e in DirectoryStore(store).read().valid()
                if e.service.service_at_locations[0].schedules)  # fmt: skip
    org = mine.service.organization.name
    forms = {}
    for who in ("ann", "bilal", "cara"):
        forms[who] = tmp_path / f"{who}.xlsx"
        run_task("directory_form", FileBook.open(book_path, out=forms[who]), store=str(store),
                 service=mine.id)  # fmt: skip

    def edit_and_push(who, key, value):
        ws, form = _form(forms[who])
        ws.cell(form[key][0], 2).value = value
        ws.parent.save(forms[who])
        return run_task("directory_push", FileBook.open(forms[who]), store=str(store),
                        org=org, by=who.title())  # fmt: skip

    # The address and the opening times are both kept in the entry's place: still merged.
    assert edit_and_push("ann", "postcode", "LS7 3AS").problems == 0
    assert edit_and_push("bilal", "hours_SU", "11:00-15:00").problems == 0
    s = DirectoryStore(store).read().entries[mine.id].service
    assert s.service_at_locations[0].location.addresses[0].postal_code == "LS7 3AS"
    from vcs_excel.directory.find import opening_times

    assert "Sun 11:00-15:00" in opening_times(s.all_schedules())
    # Cara changes the postcode Ann changed: refused, with Ann's name; nothing saved.
    version = DirectoryStore(store).read().entries[mine.id].version
    refused = edit_and_push("cara", "postcode", "LS8 1AA")
    assert refused.problems == 1 and "'Postcode'" in refused.data["refused"][0]
    assert "(by Ann (" in refused.data["refused"][0]
    assert DirectoryStore(store).read().entries[mine.id].version == version


def _service(name: str, category: str, **extra) -> dict:
    return {
        "name": name,
        "status": extra.pop("status", "active"),
        "organization": {"name": f"{name} Trust"},
        "description": extra.pop("description", f"{name} for people in LS6."),
        "service_areas": [{"name": "LS6"}],
        "x_categories": [category],
        "phones": [{"number": "0113 496 0000"}],
        **extra,
    }


def test_find_services_puts_closed_and_full_services_last_in_words_and_colour(tmp_path):
    store = DirectoryStore(tmp_path / "services.json")
    store.add(_service("Hope Food Bank", "food", status="temporarily closed",
                       x_referral_status="accepting"), by="t")  # fmt: skip
    full = {"unit": {"name": "food parcels"}, "available": 0, "updated": "2026-11-20T10:00:00Z",
            "description": "all parcels gone until Monday"}  # fmt: skip
    store.add(_service("Full Pantry", "food", x_referral_status="accepting", capacities=[full]),
              by="t")  # fmt: skip
    store.add(_service("Zion Lunch Club", "befriending", x_referral_status="accepting",
                       description="A hot meal and company every Tuesday."), by="t")  # fmt: skip
    store.add(_service("Money Matters", "money", x_referral_status="accepting"), by="t")
    book_path = save_rows(tmp_path / "lists.xlsx", {"People": LIST})
    out = tmp_path / "found.xlsx"
    result = run_task("find_services", FileBook.open(book_path, out=out),
                      store=str(store.path), need="food", area="LS6 1AB")  # fmt: skip
    names = [f["name"] for f in result.data["found"]]
    # Food by meaning: a lunch club's hot meal is food; money advice is not.
    assert names == ["Zion Lunch Club", "Full Pantry", "Hope Food Bank"]
    texts = {f["name"]: f["text"] for f in result.data["found"]}
    assert texts["Hope Food Bank"].splitlines()[1] == "NOTE: TEMPORARILY CLOSED."
    assert "FULL AT THE MOMENT (all parcels gone until Monday)" in texts["Full Pantry"]
    ws = openpyxl.load_workbook(out)["Find services"]
    table = FileBook.open(out).read_table("Find services")
    assert table.has_tags and table.columns[2].tag == "#meta+availability"
    first = table.header_row + 2  # the first service's row, under the tag row
    words = [ws.cell(first + k, 3).value for k in range(3)]
    assert words == ["Open, taking referrals", "Full at the moment", "Temporarily closed"]
    colours = [ws.cell(first + k, 3).fill.fgColor.rgb[-6:] for k in range(3)]
    assert len(set(colours)) == 3
    # Every line of each ready-to-send text shows: the row is tall enough for it.
    for k in range(3):
        text = ws.cell(first + k, 10).value
        assert ws.row_dimensions[first + k].height >= 15 * len(text.splitlines())


def test_a_postcode_finds_the_services_that_cover_its_ward(tmp_path):
    store = DirectoryStore(tmp_path / "services.json")
    ward = _service("Headingley Lunch Club", "food", x_referral_status="accepting")
    ward["service_areas"] = [{"name": "Little London & Woodhouse"}]
    store.add(ward, by="t")
    store.add(_service("LS6 Pantry", "food", x_referral_status="accepting"), by="t")
    lookup = [["Postcode", "Ward"], ["LS6 2QD", "Little London & Woodhouse"],
              ["LS6 1AB", "Headingley & Hyde Park"]]  # fmt: skip
    book_path = save_rows(tmp_path / "lists.xlsx", {"People": LIST, "Wards": lookup})

    def found(area: str, **extra) -> list[str]:
        result = run_task("find_services", FileBook.open(book_path), commit=False,
                          store=str(store.path), need="food", area=area, **extra)  # fmt: skip
        return sorted(f["name"] for f in result.data["found"])

    # Without the lookup a postcode finds what covers its district only.
    assert found("LS6 2QD") == ["LS6 Pantry"]
    # With it, also what covers its ward; a ward's name finds the ward's services.
    assert found("ls6 2qd", wards="Wards") == ["Headingley Lunch Club", "LS6 Pantry"]
    assert found("LS6 1AB", wards="Wards") == ["LS6 Pantry"]
    assert found("Little London & Woodhouse") == ["Headingley Lunch Club"]
