"""HSDS 3.0 exchange: exports validate against the official schema; the spec's examples
import and export again without losing a field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vcs_excel.directory import export_services, read_hsds
from vcs_excel.directory.hsds import HSDS_DIR, parse_hsds, schema_problems, to_hsds
from vcs_excel.errors import BadInputError
from vcs_excel.synthetic.services import generate_services


def test_export_validates_against_the_hsds_service_schema():
    export = export_services(generate_services(60, seed=8))
    assert export.invalid == []
    exported = export.document
    assert exported["total_items"] == 60 and len(exported["contents"]) == 60
    for service in exported["contents"]:
        assert schema_problems(service) == []
        assert service["x_referral_status"] in ("accepting", "waiting list", "closed",
                                                "assessment required")  # fmt: skip


def test_the_schema_check_is_real():
    service = to_hsds(generate_services(1, seed=8)[0])
    service["status"] = "open-ish"
    service["id"] = "not-a-uuid"
    problems = schema_problems(service)
    assert any("status" in p for p in problems) and any("uuid" in p for p in problems)


@pytest.mark.parametrize("name", ["service_full.json", "service_list.json",
                                  "organization_full.json"])  # fmt: skip
def test_spec_examples_import_and_export_without_loss(name):
    raw = json.loads((HSDS_DIR / "examples" / name).read_text("utf-8"))
    source = {"service_full.json": raw, "service_list.json": raw.get("contents", [None])[0],
              "organization_full.json": (raw.get("services") or [None])[0]}[name]  # fmt: skip
    imported = read_hsds(HSDS_DIR / "examples" / name)
    services = imported.services
    assert imported.problems == [] and len(services) == 1
    out = to_hsds(services[0])

    def same(a, b, path=""):
        if isinstance(a, dict):
            for k, v in a.items():
                assert k in b, f"{path}.{k} lost"
                same(v, b[k], f"{path}.{k}")
        elif isinstance(a, list):
            assert len(a) == len(b), path
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                same(x, y, f"{path}[{i}]")
        else:
            assert a == b, path

    same(source, out)
    assert export_services(services).document["contents"][0]["id"] == source["id"]


def test_import_refuses_what_is_not_hsds(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"hello": 1}), "utf-8")
    with pytest.raises(BadInputError, match="not HSDS"):
        read_hsds(path)


# ------------------------------------------------------------------ feeds by other hands
FEEDS = Path(__file__).resolve().parents[2] / "benchmarks" / "realworld" / "hsds"


def test_a_service_with_only_what_hsds_requires_imports_and_exports_unchanged():
    contents = json.loads((FEEDS / "oruk-test-service_list.json").read_text("utf-8"))["contents"]
    raw = next(s for s in contents if "organization" not in s)
    assert {"id", "name", "status"} <= set(raw) and "organization_id" not in raw
    imported = parse_hsds(raw)
    assert imported.kind == "service" and imported.invalid == []
    (service,) = imported.services
    assert service.org_name == "(no organisation given)"
    assert to_hsds(service) == {k: v for k, v in raw.items() if v is not None}


def test_a_service_naming_its_organisation_by_id_alone_keeps_the_id():
    raw = {
        "id": "5a1f0c2e-8b7d-4e1a-9c3b-2d4e6f8a0b1c",
        "name": "Warm space",
        "status": "active",
        "organization_id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
    }
    (service,) = parse_hsds(raw).services
    assert service.org_name == "(organisation d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610)"
    assert to_hsds(service) == raw


def test_an_organisation_list_and_a_service_at_a_location_say_what_they_are():
    orgs = read_hsds(FEEDS / "oruk-default-organization_list.json")
    assert orgs.kind == "organisation list" and orgs.found == 0 and orgs.problems == []
    at = read_hsds(FEEDS / "oruk-default-service_at_location_full.json")
    assert at.kind == "service at a location" and len(at.services) == 1
    (service,) = at.services
    # The location the file gives the service at comes with it.
    assert service.service_at_locations and service.service_at_locations[-1].location


def test_an_id_used_by_many_services_is_reported_not_collapsed_silently():
    feed = read_hsds(FEEDS / "oruk-test-service_list.json")
    assert feed.found == 128 and len(feed.services) == 1
    (line,) = feed.repeated
    assert "used by 128 services" in line and "item 1" in line and "the others were not" in line


def test_invalid_services_are_reported_with_what_to_fix_and_the_valid_ones_imported():
    good = to_hsds(generate_services(2, seed=3)[0])
    bad = dict(to_hsds(generate_services(2, seed=3)[1]), status="open-ish")
    imported = parse_hsds({"contents": [good, bad]})
    assert [s.id for s in imported.services] == [good["id"]]
    (line,) = imported.invalid
    assert "item 2" in line and "status" in line and "open-ish" in line


def test_import_refuses_resident_data_even_in_a_schema_valid_service():
    service = dict(to_hsds(generate_services(1, seed=4)[0]), client_date_of_birth="1950-01-01")
    imported = parse_hsds(service)
    assert imported.services == [] and "resident" in imported.invalid[0]


def test_export_writes_the_valid_services_and_lists_the_invalid_ones():
    services = generate_services(3, seed=5)
    services[1].id = "not-a-uuid"
    export = export_services(services)
    assert export.document["total_items"] == 2
    (line,) = export.invalid
    assert "not-a-uuid" in line and "uuid" in line


def test_cli_import_says_what_it_read_and_export_exits_1_listing_what_it_left_out(tmp_path, capsys):
    from vcs_excel.cli import main

    store = tmp_path / "services.json"
    code = main(["directory", "import", str(FEEDS / "oruk-test-service_list.json"),
                 "--store", str(store)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1  # the repeated id is a problem to look at
    assert "HSDS service list: 128 service(s), 1 read" in out and "used by 128" in out
    from vcs_excel.directory import DirectoryStore

    assert len(DirectoryStore(store).read().entries) == 1
    other = tmp_path / "other.json"
    other.write_text(json.dumps(to_hsds(generate_services(1, seed=9)[0])), "utf-8")
    assert main(["directory", "import", str(other), "--store", str(store)]) == 0
    capsys.readouterr()
    out_file = tmp_path / "export.json"
    assert main(["directory", "export", "--store", str(store), "--out", str(out_file)]) == 0
    exported = json.loads(out_file.read_text("utf-8"))
    assert exported["total_items"] == 2


def test_journey_a_feed_by_other_hands_imports_syncs_into_the_directory_tab_and_exports(
    tmp_path, capsys
):
    import openpyxl
    from helpers import save_rows

    from vcs_excel.cli import main
    from vcs_excel.commands import run_task
    from vcs_excel.workbook import FileBook

    store = tmp_path / "services.json"
    for feed in ("hsds-spec-organization_full.json", "oruk-test-service_list.json",
                 "oruk-default-service_at_location_full.json"):  # fmt: skip
        main(["directory", "import", str(FEEDS / feed), "--store", str(store)])
    capsys.readouterr()
    book = save_rows(tmp_path / "lists.xlsx", {"People": [["Name"], ["A. Person"]]})
    out = tmp_path / "synced.xlsx"
    result = run_task("directory_sync", FileBook.open(book, out=out), store=str(store))
    rows = [list(r) for r in openpyxl.load_workbook(out)["Directory"].iter_rows(values_only=True)]
    names = {r[1] for r in rows if r and r[1]}
    assert result.data["services"] >= 1 and "Community Counselling" in names
    exported = tmp_path / "export.json"
    code = main(["directory", "export", "--store", str(store), "--out", str(exported)])
    document = json.loads(exported.read_text("utf-8"))
    assert code == 0 and document["total_items"] == result.data["services"]
