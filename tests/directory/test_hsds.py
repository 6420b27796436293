"""HSDS 3.0 exchange: exports validate against the official schema; the spec's examples
import and export again without losing a field."""

from __future__ import annotations

import json

import pytest

from vcs_excel.directory import export_services, read_hsds
from vcs_excel.directory.hsds import HSDS_DIR, schema_problems, to_hsds
from vcs_excel.errors import BadInputError
from vcs_excel.synthetic.services import generate_services


def test_export_validates_against_the_hsds_service_list_schema():
    exported = export_services(generate_services(60, seed=8))
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
    services, problems = read_hsds(HSDS_DIR / "examples" / name)
    assert problems == [] and len(services) == 1
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
    assert export_services(services)["contents"][0]["id"] == source["id"]


def test_import_refuses_what_is_not_hsds(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"hello": 1}), "utf-8")
    with pytest.raises(BadInputError, match="not HSDS"):
        read_hsds(path)
