"""Journeys, not tasks: each test runs the tasks a person runs one after another, on the
command line, and every step reads only the file the step before it wrote."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from vcs_excel.cli import main
from vcs_excel.workbook import FileBook

REALWORLD = Path(__file__).resolve().parents[1] / "benchmarks" / "realworld"


def run(capsys, *args: object) -> tuple[int, str]:
    code = main([str(a) for a in ["--quiet", *args]])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out


def run_json(capsys, *args: object) -> dict:
    code, out = run(capsys, *args, "--json")
    assert code in (0, 1), out
    return json.loads(out)


def tag_sheets(capsys, raw: Path) -> dict[str, dict[str, str | None]]:
    """Tag headers on a workbook (applying the tags), then each sheet's header -> tag."""
    tagged = run_json(capsys, "tag", raw, "--apply")
    return {s["sheet"]: {c["header"]: c["tag"] for c in s["columns"]}
            for s in tagged["data"]["sheets"]}  # fmt: skip


def one_list_names(capsys, raw: Path, out: Path) -> list[str]:
    """Find duplicates on a workbook, then the One list's people, "First Surname", sorted."""
    run_json(capsys, "dedupe", raw, "--out", out)
    one = FileBook.open(out).read_table("One list").frame
    return sorted(one["First name"] + " " + one["Surname"])


def test_bringing_lists_together(tmp_path, capsys):
    """Three lists -> tag -> check -> standardised copy -> find duplicates -> a person's
    review decisions -> apply -> community insights -> a safe-to-share export."""
    from vcs_excel.insights.dimensions import Rows
    from vcs_excel.synthetic import demo_lists, write_workbook

    lists = demo_lists()
    raw = tmp_path / "lists.xlsx"
    write_workbook(lists, raw)
    names = [s.name for s in lists]

    # Tag: the tag rows go into the lists themselves (that is the point of --apply).
    tagged = run_json(capsys, "tag", raw, "--apply")
    assert all(s.get("columns") for s in tagged["data"]["sheets"])
    assert all(FileBook.open(raw).read_table(n).has_tags for n in names)

    # Check, then a standardised copy made from the checked file.
    checked = tmp_path / "checked.xlsx"
    report = run_json(capsys, "check", raw, "--out", checked)
    assert report["summary"] and "Issues" in openpyxl.load_workbook(checked).sheetnames
    standard = tmp_path / "standard.xlsx"
    run_json(capsys, "standardise", checked, "--out", standard)
    copies = [f"{n[:18]} standardised" for n in names]
    book = FileBook.open(standard)
    assert all(book.read_table(c).has_tags for c in copies)

    # Find duplicates on the standardised copies, read by their tags.
    matched = tmp_path / "matched.xlsx"
    sheets = [a for c in copies for a in ("--sheet", c)]
    found = run_json(capsys, "dedupe", standard, *sheets, "--out", matched)
    people, records = found["data"]["people"], found["data"]["records"]
    assert records == sum(len(s.rows) for s in lists) and people < records
    review = FileBook.open(matched).read_table("Review")
    assert review.has_tags and len(review.frame) >= 2

    # A person decides the first two pairs on the Review tab, in the workbook.
    wb = openpyxl.load_workbook(matched)
    ws = wb["Review"]
    first = review.header_row + 2  # under the header and its tag row
    ws.cell(first, 1).value = "Same person"
    ws.cell(first + 1, 1).value = "Different people"
    wb.save(matched)
    applied = run_json(capsys, "apply_decisions", matched, *sheets)
    assert applied["summary"].startswith("2 new decision(s) applied")
    one_list = FileBook.open(matched).read_table("One list")
    assert one_list.has_tags and len(one_list.frame) == applied["data"]["people"]

    # Community insights count the One list: as many people as it has rows.
    safe = tmp_path / "safe.xlsx"
    insight = run_json(capsys, "insights", matched, "--by", "age_band,sex", "--out", safe)
    assert insight["data"]["people"] == len(one_list.frame)
    assert insight["data"]["lists"] == [{"sheet": "One list", "rows": len(one_list.frame)}]
    assert insight["data"]["warnings"] == []  # sex is known for some: carried through
    exported = openpyxl.load_workbook(safe)
    assert exported.sheetnames == ["Insights", "Digital divide", "Insights provenance"]

    # The digital divide from the One list agrees with the raw tabs', allowing for the
    # people who were on several lists.
    final = FileBook.open(matched)
    from_one = Rows(final.read_table("One list")).digital()
    from_raw = [Rows(final.read_table(n)).digital() for n in names]
    for measure in ("no_email", "no_mobile"):
        one = from_one[measure].mean()
        every = np.concatenate([d[measure] for d in from_raw]).mean()
        assert abs(one - every) < 0.06, (measure, one, every)
    # The user's own lists are the tagged ones, never changed by any later step.
    assert FileBook.open(matched).read_grid(names[0]).array().tolist() == (
        FileBook.open(raw).read_grid(names[0]).array().tolist()
    )


def test_repeat_list(tmp_path, capsys):
    """Last week's and this week's export of one system -> compare."""
    from benchmarks.compare_quality import _write, make_repeat

    repeat = make_repeat(seed=3, people=300)
    old = _write(repeat.old, tmp_path / "last week.xlsx", with_id=False)
    new = _write(repeat.new, tmp_path / "this week.xlsx", with_id=False)
    out = tmp_path / "changes.xlsx"
    result = run_json(capsys, "compare", old, new, "--out", out)
    data = result["data"]
    truth_new = set(repeat.new_ids) - set(repeat.old_ids)
    truth_gone = set(repeat.old_ids) - set(repeat.new_ids)
    assert {repeat.new_ids[n["row"] - 2] for n in data["new"]} == truth_new
    assert {repeat.old_ids[g["row"] - 2] for g in data["gone"]} == truth_gone
    changed = {repeat.new_ids[c["new_row"] - 2] for c in data["changed"]}
    assert changed == repeat.changed & set(repeat.new_ids)
    # The Changes since tab names each person and is in the standard.
    table = FileBook.open(out).read_table("Changes since")
    assert table.has_tags and all(table.frame[table.columns[1].name])


def test_finding_help_in_a_directory_imported_from_a_feed_by_other_hands(tmp_path, capsys):
    """An HSDS feed (Open Referral UK's validator's own) -> the shared directory -> find
    services for a need, a language and an area -> ready-to-send texts."""
    store = tmp_path / "services.json"
    feed = REALWORLD / "hsds" / "oruk-default-service_full.json"
    code, out = run(capsys, "directory", "import", feed, "--store", store, "--by", "t")
    assert code in (0, 1) and "services added" in out
    from vcs_excel.directory import DirectoryStore

    services = DirectoryStore(store).read().services()
    assert services
    target = services[0]
    word = next(w for w in target.name.lower().split() if len(w) > 4)
    lists = tmp_path / "lists.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Postcode"])
    wb.save(lists)
    found = tmp_path / "found.xlsx"
    result = run_json(capsys, "directory", "find", lists, "--store", store, "--need", word,
                      "--out", found)  # fmt: skip
    texts = {f["name"]: f["text"] for f in result["data"]["found"]}
    assert target.name in texts and texts[target.name].startswith(f"*{target.name}*")
    table = FileBook.open(found).read_table("Find services")
    assert table.has_tags and target.name in set(table.frame[table.columns[0].name])
    # A language nobody offers finds nothing, and says so plainly.
    none = run_json(capsys, "directory", "find", lists, "--store", store, "--need", word,
                    "--language", "Tigrinya", "--out", tmp_path / "none.xlsx")  # fmt: skip
    assert none["data"]["found"] == [] or all(
        "Tigrinya" in f["text"] for f in none["data"]["found"]
    )


@pytest.mark.parametrize("source", ["demo", "feed by other hands"])
def test_keeping_the_directory_fresh(tmp_path, capsys, source):
    """A stale entry -> a reminder -> the organisation edits its entry -> pushes the
    update -> the next sync shows the change, and no reminder. On the demo's directory,
    and on one imported from Open Referral UK's validator's feed (its service was last
    changed years ago)."""
    from vcs_excel.demo import write_demo_directory
    from vcs_excel.directory import DirectoryStore

    if source == "demo":
        store = write_demo_directory(tmp_path / "services.json", seed=7)
    else:
        store = tmp_path / "services.json"
        feed = REALWORLD / "hsds" / "oruk-default-service_full.json"
        code, _ = run(capsys, "directory", "import", feed, "--store", store, "--by", "t")
        assert code in (0, 1)
    lists = tmp_path / "lists.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Postcode"])
    wb.save(lists)
    synced = tmp_path / "synced.xlsx"
    run_json(capsys, "directory", "sync", lists, "--store", store, "--out", synced)
    reminders = FileBook.open(synced).read_table("Reminders")
    assert reminders.has_tags and len(reminders.frame)
    id_column = next(c.name for c in reminders.columns if c.tag == "#service+id")
    stale_id = reminders.frame[id_column].iloc[0]
    ws = openpyxl.load_workbook(synced)["Reminders"]
    assert any(c.hyperlink and c.hyperlink.target.startswith("mailto:") for r in ws.iter_rows()
               for c in r)  # fmt: skip
    entry = DirectoryStore(store).read().entries[stale_id]
    org = entry.service.org_name

    # The organisation opens its entry as a form, edits it and pushes it back.
    form = tmp_path / "form.xlsx"
    run_json(capsys, "directory", "form", lists, "--store", store, "--service", entry.name,
             "--out", form)  # fmt: skip
    wb = openpyxl.load_workbook(form)
    ws = wb["My entry"]
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[:2] == ("Field", "Value"))
    keyed = {r[4]: header + 2 + i for i, r in enumerate(rows[header + 1 :]) if r[4]}
    ws.cell(keyed["description"], 2).value = "Now open on Saturday mornings too."
    wb.save(form)
    pushed = run_json(capsys, "directory", "push", form, "--store", store, "--org", org,
                      "--by", "Ann")  # fmt: skip
    assert pushed["problems"] == 0 and len(pushed["data"]["updated"]) == 1

    again = tmp_path / "synced again.xlsx"
    run_json(capsys, "directory", "sync", lists, "--store", store, "--out", again)
    directory = FileBook.open(again).read_table("Directory")
    frame = directory.frame
    tags = {c.tag: c.name for c in directory.columns}
    row = frame[frame[tags["#service+id"]] == stale_id].iloc[0]
    assert row[tags["#service+description"]] == "Now open on Saturday mornings too."
    updated = row[tags["#date+updated"]]
    assert str(updated)[:10] == dt.date.today().isoformat() or (
        isinstance(updated, dt.date) and updated == dt.date.today()
    )
    reminded = FileBook.open(again).read_table("Reminders")
    still = set(reminded.frame[next(c.name for c in reminded.columns
                                    if c.tag == "#service+id")])  # fmt: skip
    assert stale_id not in still


@pytest.mark.parametrize(
    "sheet",
    ["One list", "Review", "Shielding standardised", "Directory", "Find services", "Shortlist",
     "Insights", "Digital divide", "Reminders"],
)  # fmt: skip
def test_every_result_tab_has_a_tag_row_that_inspect_reads_back(demo_output, sheet, capsys):
    # (Changes since is read back in test_repeat_list: the demo has one week's lists.)
    data = run_json(capsys, "inspect", demo_output, "--sheet", sheet)
    (described,) = data["data"]["sheets"] if "sheets" in data["data"] else data["sheets"]
    assert described.get("tag_row"), described


@pytest.fixture(scope="module")
def demo_output(tmp_path_factory):
    from vcs_excel.demo import run_demo

    out = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    run_demo(out)
    return out


def test_same_person_in_a_cell_agrees_with_the_review_tab(demo_output):
    """=VCS.SAME_PERSON on the details a Review row shows (an age where there is no date
    of birth, as the tab shows it) says Not sure, as the Review tab does."""
    from vcs_excel.udfs import same_person

    review = FileBook.open(demo_output).read_table("Review").frame
    assert len(review) >= 2
    for _, r in review.iterrows():
        verdict = same_person(
            r["Name A"],
            r["Date of birth A"],
            r["Postcode A"],
            r["Name B"],
            r["Date of birth B"],
            r["Postcode B"],
            r["Phone A"],
            r["Phone B"],
        )
        assert verdict.startswith("Not sure"), verdict  # fmt: skip


def test_a_register_of_schools_is_tagged_then_checked_without_false_alarms(tmp_path, capsys):
    """A list of organisations written as Get Information about Schools writes its fields
    ("LA (code)", "LA (name)", "GOR (code)") -> tag -> check: its codes and names get the
    area tags, its head teacher's names stay a person's, and checking the tagged list
    finds nothing wrong in clean cells."""
    from helpers import save_rows

    header = ["URN", "LA (code)", "LA (name)", "EstablishmentName", "TypeOfEstablishment (name)",
              "Street", "Town", "Postcode", "SchoolWebsite", "TelephoneNum", "HeadFirstName",
              "HeadLastName", "GOR (code)", "GOR (name)"]  # fmt: skip
    rows = [
        [107000, 383, "Leeds", "Oak Lane Primary School", "Community school", "Oak Lane",
         "Leeds", "LS6 2AB", "www.oaklane.example.sch.uk", "0113 496 0000", "Amina", "Shah",
         "D", "Yorkshire and The Humber"],
        [107001, 383, "Leeds", "Moor View Academy", "Academy converter", "Moor View", "Leeds",
         "LS14 4EF", "https://moorview.example.org", "0113 496 0001", "Peter", "Olsen", "D",
         "Yorkshire and The Humber"],
        [107002, 383, "Leeds", "St Mary's CE Primary", "Voluntary aided school",
         "Church Street", "Leeds", "LS9 9XX", None, "0113 496 0002", "Grace", "Obi", "D",
         "Yorkshire and The Humber"],
    ]  # fmt: skip
    raw = save_rows(tmp_path / "schools.xlsx", {"Schools": [header, *rows]})
    tagged = run_json(capsys, "tag", raw, "--apply")
    tags = {c["header"]: c["tag"] for c in tagged["data"]["sheets"][0]["columns"]}
    assert tags["LA (code)"] == "#adm2+code" and tags["LA (name)"] == "#adm2+name"
    assert tags["GOR (code)"] == "#adm1+code" and tags["EstablishmentName"] == "#org+name"
    assert tags["TypeOfEstablishment (name)"] is None
    assert tags["HeadFirstName"] == "#person+given+name"
    assert FileBook.open(raw).read_table("Schools").has_tags

    report = run_json(capsys, "check", raw, "--out", tmp_path / "checked.xlsx")
    assert report["summary"]["errors"] == 0
    # The only warnings are the test numbers Ofcom keeps for drama.
    assert set(report["summary"]["by_code"]) <= {"phone-fictional"}


def test_a_names_column_with_no_telling_header_is_tagged_from_its_values_then_matched(
    tmp_path, capsys
):
    """A food bank's list whose name column is headed 'Column1' -> tag: the values say it
    holds people's names (orange, for a person to check) -> find duplicates reads the
    names and joins the two lists' rows of one person."""
    from helpers import save_rows

    people = [("Jane Smith", "LS6 1AB", "07700 900101"), ("Mohammed Khan", "BD7 2CD", None),
              ("Olu Adeyemi", "LS9 8EF", None), ("Sarah Jones", "LS1 4DY", "07700 900104"),
              ("Tom Brown", "LS8 2AB", None), ("Amina Yusuf", "LS7 3CD", None)]  # fmt: skip
    raw = save_rows(tmp_path / "lists.xlsx", {
        "Food bank": [["Column1", "Postcode", "Mobile"], *[list(p) for p in people]],
        "Befriending": [["Name", "Date of birth", "Postcode", "Mobile"],
                        ["Jane Smith", dt.date(1950, 2, 1), "LS6 1AB", "07700 900101"]],
    })  # fmt: skip
    tagged = run_json(capsys, "tag", raw, "--apply")
    food = next(s for s in tagged["data"]["sheets"] if s["sheet"] == "Food bank")
    column1 = food["columns"][0]
    assert column1["tag"] == "#person+name" and not column1["confident"]
    assert FileBook.open(raw).read_table("Food bank").columns[0].tag == "#person+name"

    matched = run_json(capsys, "dedupe", raw, "--out", tmp_path / "matched.xlsx")
    one = FileBook.open(tmp_path / "matched.xlsx").read_table("One list").frame
    assert len(one) == 6, matched["summary"]
    # The One list has every food bank client's name, read through the new tag.
    assert sorted(one["First name"] + " " + one["Surname"]) == sorted(p[0] for p in people)


def test_contacts_exported_from_an_address_book_and_a_crm_are_tagged_then_matched(tmp_path, capsys):
    """A volunteer pastes Google Contacts' export ('Email 1 - Value', 'Address 1 - Region')
    and a Salesforce report ('MailingPostalCode', 'Email__c') into two tabs -> tag reads
    both as lists of people -> find duplicates joins the one person on both, and a
    second address's column is not read as the person's."""
    from helpers import save_rows

    raw = save_rows(tmp_path / "contacts.xlsx", {
        "Google": [
            ["First Name", "Last Name", "Birthday", "Email 1 - Label", "Email 1 - Value",
             "Phone 1 - Value", "Address 1 - Street", "Address 1 - Region",
             "Address 1 - Postal Code", "Organization Name"],
            ["Asha", "Patel", dt.date(1961, 5, 4), "Home", "asha.patel@example.org",
             "07700 900123", "5 Beech Grove", "West Yorkshire", "LS6 5EF", "Leeds Food Aid"],
            ["Ronald", "Baker", dt.date(1942, 7, 7), "Home", "ron.baker@example.net",
             "0113 496 0000", "12 Moor View", "West Yorkshire", "LS14 4EF", ""],
        ],
        "Salesforce": [
            ["FirstName", "LastName", "Birthdate", "Email__c", "MobilePhone", "MailingStreet",
             "MailingPostalCode", "CreatedById"],
            ["Asha", "Patel", dt.date(1961, 5, 4), "asha.patel@example.org", "07700 900123",
             "5 Beech Grove", "LS6 5EF", "0051t000001"],
            ["Grace", "Okafor", dt.date(1990, 4, 12), "grace.o@example.org", "07700 900777",
             "31 Grange Road", "LS7 3AS", "0051t000001"],
        ],
    })  # fmt: skip
    tags = tag_sheets(capsys, raw)
    assert tags["Google"]["Email 1 - Value"] == "#contact+email"
    assert tags["Google"]["Email 1 - Label"] is None
    assert tags["Google"]["First Name"] == "#person+given+name"
    assert tags["Salesforce"]["MailingPostalCode"] == "#contact+address+postcode"
    assert tags["Salesforce"]["Email__c"] == "#contact+email"
    assert tags["Salesforce"]["CreatedById"] is None

    names = one_list_names(capsys, raw, tmp_path / "matched.xlsx")
    assert names == ["Asha Patel", "Grace Okafor", "Ronald Baker"]


def test_a_gift_aid_schedule_is_read_as_its_donors_then_checked_copied_and_matched(
    tmp_path, capsys
):
    """HMRC's form, filled in -> describe -> check -> standardised copy -> find
    duplicates: every step sees the donors, not the worked example, the row of hints or
    the thousand lines numbered in advance."""
    from helpers import gift_aid_schedule

    donors = [
        ("Mrs", "Jean", "Smith", "12", "LS6 1AB", None, None, dt.datetime(2026, 4, 5), 20),
        ("Mr", "Raj", "Patel", "Old Mill", "ls6 2ab", None, "Yes", dt.datetime(2026, 4, 9), 150),
        ("Mrs", "Jean", "Smith", "12", "LS6 1AB", None, None, dt.datetime(2026, 5, 5), "£1,020"),
        # A donor abroad: HMRC asks for X as the postcode.
        ("Ms", "Ana", "Silva", "Rua Nova 4", "X", None, None, dt.datetime(2026, 5, 9), 30),
    ]  # fmt: skip
    form = gift_aid_schedule(tmp_path / "schedule.xlsx", donors)
    seen = run_json(capsys, "inspect", form, "--out", tmp_path / "seen.xlsx")["data"]["sheets"][0]
    assert (seen["header_row"], seen["first_data_row"], seen["rows"]) == (23, 25, 4)

    checked = tmp_path / "checked.xlsx"
    report = run_json(capsys, "check", form, "--out", checked)
    found = {(i["column"], i["row"], i["code"]) for i in report["issues"]}
    assert found == {
        ("G", 26, "postcode-format"),
        ("K", 27, "number-format"),
        ("G", 28, "postcode-foreign"),  # information: an address abroad, not a missing value
    }
    issues = openpyxl.load_workbook(checked, read_only=True)["Issues"]
    assert next(issues.iter_rows(values_only=True))[0] == "Issues: 0 errors, 0 warnings, 3 notes"

    standard = tmp_path / "standard.xlsx"
    run_json(capsys, "standardise", checked, "--out", standard)
    copy = FileBook.open(standard).read_table("R68GAD_V1_00_0_EN standardised")
    assert len(copy.frame) == 4 and list(copy.frame["Amount"]) == [20, 150, 1020, 30]
    assert list(copy.frame["Postcode"]) == ["LS6 1AB", "LS6 2AB", "LS6 1AB", "X"]

    matched = run_json(capsys, "dedupe", standard, "--out", tmp_path / "matched.xlsx")
    assert matched["data"]["records"] == 4  # the copy: the blank lines never became people


def test_a_referral_list_with_yes_no_questions_is_tagged_checked_and_copied(tmp_path, capsys):
    """A council's referral list (the Warm Homes referral file's fields, a form question
    with its example) -> tag -> check -> standardised copy: a question answered yes or no
    is not taken for the postcode it asks about, and a "Yes" typed into the language
    column is asked about, not read as the code of a small language."""
    from helpers import save_rows

    header = ["Referral date", "Referral code", "Name", "Email", "Postcode",
              "Is eligible postcode", "Main language e.g. English, Polish, BSL"]  # fmt: skip
    rows = [
        [dt.datetime(2026, 3, 2), "R-0101", "Jean Smith", "jean@example.com", "LS6 1AB", "Yes",
         "pol"],
        [dt.datetime(2026, 3, 3), "R-0102", "Raj Patel", "raj@example.org", "LS6 2AB", "No",
         "Yes"],
        [dt.datetime(2026, 3, 4), "R-0103", "Amina Shah", "amina@example.net", "LS14 4EF", "Yes",
         "Urdu"],
        # A web form's two-letter code: English, not the En language.
        [dt.datetime(2026, 3, 5), "R-0104", "Tom Reed", "tom@example.org", "LS7 3AS", "Yes",
         "en"],
    ]  # fmt: skip
    raw = save_rows(tmp_path / "referrals.xlsx", {"Referrals": [header, *rows]})
    tagged = run_json(capsys, "tag", raw, "--apply")
    tags = {c["header"]: c["tag"] for c in tagged["data"]["sheets"][0]["columns"]}
    assert tags["Is eligible postcode"] is None
    assert tags["Main language e.g. English, Polish, BSL"] == "#person+language"

    checked = tmp_path / "checked.xlsx"
    report = run_json(capsys, "check", raw, "--out", checked)
    flagged = {(i["column"], i["row"]) for i in report["issues"] if i["severity"] != "info"}
    assert ("G", 4) in flagged  # "Yes" is not a language
    assert not any(column == "F" for column, _ in flagged)  # Yes / No: no postcode errors

    standard = tmp_path / "standard.xlsx"
    run_json(capsys, "standardise", checked, "--out", standard)
    copy = FileBook.open(standard).read_table("Referrals standardised")
    language = copy.frame.iloc[:, 6].tolist()
    # The codes read; the "Yes" left for a person.
    assert language == ["Polish", "Yes", "Urdu", "English"]


def test_a_carers_register_and_a_client_list_are_tagged_checked_and_matched(tmp_path, capsys):
    """A carers' centre's register ('Carer name', 'Carer DOB', 'Carer postcode') beside a
    befriending list whose carer columns are someone else's -> tag -> check -> find
    duplicates: the register is read as a list of carers (orange, for a person to
    confirm), the client list's carer columns stay untagged, and the carer who is also a
    befriending client is one person on the One list."""
    from helpers import save_rows

    raw = save_rows(tmp_path / "lists.xlsx", {
        "Carers": [["Carer name", "Carer DOB", "Carer postcode", "Carer phone"],
                   ["Jane Smith", dt.date(1950, 2, 1), "LS6 1AB", "0113 496 0101"],
                   ["Omar Farah", dt.date(1962, 7, 9), "LS9 8EF", "0113 496 0102"]],
        "Befriending": [["Client name", "Date of birth", "Postcode", "Carer name", "Carer phone"],
                        ["Jane Smith", dt.date(1950, 2, 1), "LS6 1AB", None, None],
                        ["Ruth Green", dt.date(1938, 5, 3), "LS6 2AB", "Paul Green",
                         "0113 496 0199"]],
    })  # fmt: skip
    tagged = run_json(capsys, "tag", raw, "--apply")
    sheets = {s["sheet"]: s["columns"] for s in tagged["data"]["sheets"]}
    carers = sheets["Carers"]
    expected = ["#person+name", "#date+birth", "#contact+address+postcode", "#contact+phone"]
    assert [c["tag"] for c in carers] == expected
    assert not any(c["confident"] for c in carers)
    befriending = {c["header"]: c["tag"] for c in sheets["Befriending"]}
    assert befriending["Carer name"] is None and befriending["Carer phone"] is None

    report = run_json(capsys, "check", raw, "--out", tmp_path / "checked.xlsx")
    assert report["summary"]["errors"] == 0

    names = one_list_names(capsys, raw, tmp_path / "matched.xlsx")
    # Jane Smith is on both lists once; Paul Green, a client's carer, is on neither.
    assert names == ["Jane Smith", "Omar Farah", "Ruth Green"]


def test_a_food_hubs_order_export_is_tagged_checked_and_matched(tmp_path, capsys):
    """A food hub's order export (delivery and billing addresses, amounts in pounds)
    beside a food bank's list -> tag -> check -> find duplicates: the delivery address is
    the person's and is checked, the billing address is left alone, the amounts are money,
    and the customer on both lists is one person."""
    from helpers import save_rows

    raw = save_rows(tmp_path / "orders.xlsx", {
        "Orders": [["Customer", "Email", "Ship Street", "Ship Postcode", "Billing Street",
                    "Billing Postcode", "Customer Code", "Total (GBP)"],
                   ["Jane Smith", "jane.smith@example.org", "1 Oak Lane", "LS6 1AB",
                    "9 Bank Road", "NOT A CODE", "C001", 12.5],
                   ["Omar Farah", "omar.farah@example.org", "4 Elm Road", "LS9 8",
                    "4 Elm Road", "LS9 8EF", "C002", 30]],
        "Food bank": [["Name", "Date of birth", "Postcode", "Email"],
                      ["Jane Smith", dt.date(1950, 2, 1), "LS6 1AB", "jane.smith@example.org"],
                      ["Ruth Green", dt.date(1938, 5, 3), "LS6 2AB", None]],
    })  # fmt: skip
    tagged = run_json(capsys, "tag", raw, "--apply")
    sheets = {s["sheet"]: s["columns"] for s in tagged["data"]["sheets"]}
    tags = {c["header"]: c["tag"] for c in sheets["Orders"]}
    assert tags["Ship Street"] == "#contact+address+line1"
    assert tags["Ship Postcode"] == "#contact+address+postcode"
    assert tags["Billing Street"] is None and tags["Billing Postcode"] is None
    assert tags["Customer Code"] == "#person+id" and tags["Total (GBP)"] == "#value"

    report = run_json(capsys, "check", raw, "--out", tmp_path / "checked.xlsx")
    # The delivery postcode cut short is found; the billing address is not the
    # standard's, so its bad postcode is left alone.
    flagged = {(i["header"], i["code"]) for i in report["issues"] if i["severity"] != "info"}
    assert ("Ship Postcode", "postcode-partial") in flagged
    assert not any(header.startswith("Billing") for header, _ in flagged)
    orders = next(s for s in report["summary"]["sheets"] if s["sheet"] == "Orders")
    assert "Billing Postcode" in orders["columns_unchecked"]

    names = one_list_names(capsys, raw, tmp_path / "matched.xlsx")
    assert names == ["Jane Smith", "Omar Farah", "Ruth Green"]


def test_a_charitys_donations_report_and_volunteer_export_are_tagged_checked_and_matched(
    tmp_path, capsys
):
    """A charity's online donations report (every field after 'Donor') beside its
    volunteer system's export (ADDRESS, ADDRESS2, VOLID) -> tag -> check -> find duplicates:
    a donor's town and e-mail are the person's, a block on e-mails is a yes/no left
    unchecked, an address beside its second line is its first, and the donor who also
    volunteers is one person."""
    from helpers import save_rows

    raw = save_rows(tmp_path / "supporters.xlsx", {
        "Donations": [["Donor User Id", "Donor FirstName", "Donor LastName", "Donor E-mail",
                       "Donor Town", "Donor Postcode", "Block_Email", "Donation Date",
                       "Donation Auth Amount"],
                      ["JG1", "Asha", "Patel", "asha.patel@example.org", "Leeds", "LS6 1AB",
                       "No", dt.date(2026, 3, 1), 10],
                      ["JG2", "Tom", "Reed", "tom.reed@example", "Leeds", "LS7 2CD", "Yes",
                       dt.date(2026, 3, 2), 25]],
        "Volunteers": [["VOLID", "FIRSTNAME", "SURNAME", "ADDRESS", "ADDRESS2", "CITY",
                        "POSTCODE", "EMAIL"],
                       ["V1", "Asha", "Patel", "1 Oak Lane", "Headingley", "Leeds", "LS6 1AB",
                        "asha.patel@example.org"],
                       ["V2", "Grace", "Obi", "8 Ash Road", "", "Leeds", "LS8 3EF",
                        "grace.obi@example.org"]],
    })  # fmt: skip
    sheets = tag_sheets(capsys, raw)
    donations, volunteers = sheets["Donations"], sheets["Volunteers"]
    assert donations["Donor E-mail"] == "#contact+email"
    assert donations["Donor Town"] == "#contact+address+town"
    assert donations["Block_Email"] is None
    assert donations["Donation Auth Amount"] == "#value"
    assert volunteers["ADDRESS"] == "#contact+address+line1"
    assert volunteers["ADDRESS2"] == "#contact+address+line2"

    report = run_json(capsys, "check", raw, "--out", tmp_path / "checked.xlsx")
    flagged = {(i["header"], i["row"]) for i in report["issues"] if i["severity"] != "info"}
    # The e-mail address with no domain is found; "Yes" in the block column is not an
    # e-mail address to check.
    assert any(header == "Donor E-mail" for header, _ in flagged)
    assert not any(header == "Block_Email" for header, _ in flagged)

    names = one_list_names(capsys, raw, tmp_path / "matched.xlsx")
    assert names == ["Asha Patel", "Grace Obi", "Tom Reed"]


def test_a_councils_electoral_register_and_parking_permits_are_tagged_checked_and_matched(
    tmp_path, capsys
):
    """Two of a council's own systems, with their own column names (elector_forename,
    property_urn; forename_of_applicant, date_of_birth_of_applicant) -> tag -> check ->
    find duplicates: the resident on both lists at one home, with no birthday on the
    register to tell a junior from a senior, is a question for a person, not two people
    in the One list without a word."""
    from helpers import save_rows

    raw = save_rows(tmp_path / "council.xlsx", {
        "Electors": [["elector_id", "elector_forename", "elector_middle_name", "elector_surname",
                      "property_address_1", "property_post_code", "property_urn"],
                     ["E1", "Halina", "", "Wozniak", "12 Ash Way", "LS13 8DU", "72012345"],
                     ["E2", "Tom", "James", "Reed", "4 Moor View", "LS14 4EF", "72012346"],
                     ["E3", "Grace", "", "Obi", "8 Ash Road", "LS8 3ZZ9", "72012347"]],
        "Permits": [["permit_reference", "forename_of_applicant", "surname_of_applicant",
                     "date_of_birth_of_applicant", "email_address_of_applicant", "postcode",
                     "uprn", "address_line_1", "permit_type"],
                    ["P1", "Halina", "Wozniak", dt.date(1939, 5, 2), "halina.w@example.org",
                     "LS13 8DU", "72012345", "12 Ash Way", "Residents"],
                    ["P2", "Sam", "Hill", dt.date(1980, 1, 9), "sam.hill@example.org",
                     "LS9 4QT", "72019999", "88 Kirk Lane", "Residents"]],
    })  # fmt: skip
    sheets = tag_sheets(capsys, raw)
    electors, permits = sheets["Electors"], sheets["Permits"]
    assert electors["elector_forename"] == "#person+given+name"
    assert electors["elector_surname"] == "#person+family+name"
    assert electors["property_urn"] == "#loc+uprn"
    assert permits["forename_of_applicant"] == "#person+given+name"
    assert permits["date_of_birth_of_applicant"] == "#date+birth"
    assert permits["email_address_of_applicant"] == "#contact+email"

    report = run_json(capsys, "check", raw, "--out", tmp_path / "checked.xlsx")
    flagged = {(i["sheet"], i["header"]) for i in report["issues"] if i["severity"] != "info"}
    assert ("Electors", "property_post_code") in flagged  # "LS8 3ZZ9" is no postcode
    assert not {h for _, h in flagged} & {"elector_forename", "property_urn", "uprn"}

    out = tmp_path / "matched.xlsx"
    names = one_list_names(capsys, raw, out)
    review = FileBook.open(out).read_table("Review").frame
    assert "Wozniak" in review.to_string()
    assert names == ["Grace Obi", "Halina Wozniak", "Halina Wozniak", "Sam Hill", "Tom Reed"]


def test_a_councils_help_requests_and_a_food_banks_clients_are_tagged_checked_and_matched(
    tmp_path, capsys
):
    """A council's help request system (a row per request, its own 'id' beside the
    resident's 'resident_id', someone asking 'on behalf' of the resident) and a food
    bank's clients -> tag -> check -> find duplicates: two requests of one resident are
    one person, not two people told apart by the requests' own IDs, and the neighbour
    who asked on her behalf is not her."""
    from helpers import save_rows

    raw = save_rows(tmp_path / "help.xlsx", {
        "Help requests": [["id", "resident_id", "first_name", "last_name", "postcode",
                           "contact_mobile_number", "on_behalf_first_name",
                           "on_behalf_last_name", "date_time_recorded"],
                          ["101", "R7", "Maureen", "Okafor", "LS6 2AB", "07700 900461",
                           "Dev", "Patel", dt.date(2026, 11, 2)],
                          ["102", "R7", "Maureen", "Okafor", "LS6 2AB", "07700 900461",
                           "", "", dt.date(2026, 11, 20)],
                          ["103", "R9", "Owen", "Price", "LS7 1FF", "07700 900462", "", "",
                           dt.date(2026, 11, 21)]],
        "Food bank": [["Client Full Name", "Phone Number", "Postcode", "Voucher Number"],
                      ["Maureen Okafor", "07700900461", "LS6 2AB", "V-2231"],
                      ["Jo Bell", "07700900463", "LS8 3AS", "V-2232"]],
    })  # fmt: skip
    requests = tag_sheets(capsys, raw)["Help requests"]
    assert requests["id"] is None and requests["resident_id"] == "#person+id"
    assert requests["on_behalf_first_name"] is None
    assert requests["contact_mobile_number"] == "#contact+mobile+phone"

    report = run_json(capsys, "check", raw, "--out", tmp_path / "checked.xlsx")
    assert not [i for i in report["issues"] if i["severity"] == "error"]

    out = tmp_path / "matched.xlsx"
    run_json(capsys, "dedupe", raw, "--out", out)
    one = FileBook.open(out).read_table("One list").frame
    names = sorted(
        one.filter(like="name").fillna("").agg(" ".join, axis=1).str.split().str.join(" ")
    )
    assert names.count("Maureen Okafor") == 1
    assert not any("Dev" in n or "Patel" in n for n in names)
