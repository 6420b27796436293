"""Exchange with other Open Referral directories: HSDS 3.0 JSON in and out.

Export writes a service list as HSDS 3.0 serves one (``contents`` plus the
paging fields), each service checked against the official compiled schema kept in
``hsds/service.schema.json``; a service that breaks it is left out and listed.
Import reads any HSDS 3.0 document that holds services (see :func:`parse_hsds`) and
checks each service against the same schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import BadInputError
from .models import Service

HSDS_DIR = Path(__file__).parent / "hsds"


@cache
def _service_validator() -> Any:
    import jsonschema

    schema = json.loads((HSDS_DIR / "service.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def service_schema_problems(service: dict[str, Any]) -> list[str]:
    """Where one service, with everything nested in it, breaks the compiled HSDS 3.0
    service schema (empty when it is valid)."""
    return [
        f"{'.'.join(str(p) for p in e.absolute_path) or 'service'}: {e.message}"
        for e in _service_validator().iter_errors(service)
    ]


def schema_problems(service: dict[str, Any]) -> list[str]:
    """Where one exported service breaks HSDS 3.0: the same check import makes."""
    return service_schema_problems(service)


def to_hsds(service: Service) -> dict[str, Any]:
    """One service as HSDS JSON (extensions keep their ``x_`` names)."""
    data = _without_empty_lists(service.model_dump(mode="json", exclude_none=True))
    org = data.get("organization")
    if isinstance(org, dict) and org.get("id"):
        data.setdefault("organization_id", org["id"])
    return data


def _without_empty_lists(value: Any) -> Any:
    """HSDS arrays are optional: an empty one says nothing, so it is left out."""
    if isinstance(value, dict):
        return {k: _without_empty_lists(v) for k, v in value.items() if v != []}
    if isinstance(value, list):
        return [_without_empty_lists(v) for v in value]
    return value


@dataclass
class Export:
    """An HSDS 3.0 service list of the valid services, and what kept the others out."""

    document: dict[str, Any]
    invalid: list[str] = field(default_factory=list)


def export_services(services: Iterable[Service]) -> Export:
    """A one-page HSDS 3.0 service list of every service that is valid under the schema;
    a line for each one that is not (with what to fix), which is left out."""
    contents, invalid = [], []
    for service in services:
        item = to_hsds(service)
        problems = schema_problems(item)
        if problems:
            invalid.append(f"'{item.get('name')}' ({item.get('id')}): " + "; ".join(problems[:3]))
        else:
            contents.append(item)
    n = len(contents)
    document = {
        "total_items": n,
        "total_pages": 1,
        "page_number": 1,
        "size": n,
        "first_page": True,
        "last_page": True,
        "empty": n == 0,
        "contents": contents,
    }
    return Export(document, invalid)


@dataclass
class Imported:
    """What an HSDS file held: its kind, the services read, and those left out."""

    kind: str  # "service list", "organisation with its services", ...
    services: list[Service] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # not valid HSDS 3.0, with what to fix
    repeated: list[str] = field(default_factory=list)  # ids used by more than one service
    found: int = 0  # services in the file, repeats included

    @property
    def problems(self) -> list[str]:
        return self.invalid + self.repeated

    def describe(self) -> str:
        """One line for the user: what the file was and what became of its services."""
        kept = len(self.services)
        line = f"{self.kind}: {self.found} service(s), {kept} read"
        if self.invalid:
            line += f", {len(self.invalid)} not valid HSDS 3.0"
        if self.repeated:
            line += f", {len(self.repeated)} id(s) used more than once"
        return line + "."


def read_hsds(path: str | Path) -> Imported:
    """The services of an HSDS JSON file (see :func:`parse_hsds`)."""
    p = Path(path)
    try:
        document = json.loads(p.read_text("utf-8-sig"))
    except FileNotFoundError as exc:
        raise BadInputError(f"File not found: {p}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{p.name} is not a JSON file.") from exc
    return parse_hsds(document)


def parse_hsds(document: Any) -> Imported:
    """The services of any HSDS 3.0 document: a service list (paginated, with
    ``contents``), a list of services, one service, an organisation with its services,
    an organisation list, a service at a location, or a list of those.

    Each service is checked as export checks it: one the HSDS 3.0 schema refuses is
    left out with what to fix, and so is one that holds data about residents. An id
    used by several services is reported: the first is read, the others are not.
    """
    kind, items = _items(document)
    if kind is None:
        raise BadInputError(
            "This is not HSDS JSON: expected a service list (with 'contents'), a list of "
            "services, one service, an organisation with its services, an organisation "
            "list, or a service at a location."
        )
    result = Imported(kind, found=len(items))
    first_of: dict[str, int] = {}
    repeats: dict[str, list[int]] = {}
    for n, (raw, org, at) in enumerate(items, start=1):
        label = f"'{raw.get('name') or raw.get('id') or '?'}' (item {n})"
        problems = service_schema_problems(raw)
        if problems:
            result.invalid.append(f"{label}: " + "; ".join(problems[:3]))
            continue
        sid = str(raw.get("id"))
        if sid in first_of:
            repeats.setdefault(sid, []).append(n)
            continue
        data = dict(raw)
        if org is not None and not data.get("organization"):
            data["organization"] = org
        if at is not None:
            data["service_at_locations"] = [*(data.get("service_at_locations") or []), at]
        try:
            result.services.append(Service.model_validate(data))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(x) for x in error.get("loc", ())) or "service"
            result.invalid.append(f"{label}: {where}: {error['msg']}")
            continue
        first_of[sid] = n
    for sid, items_n in repeats.items():
        kept = result.services[[s.id for s in result.services].index(sid)]
        result.repeated.append(
            f"id {sid} is used by {len(items_n) + 1} services (items {first_of[sid]}, "
            f"{', '.join(map(str, items_n[:10]))}{', ...' if len(items_n) > 10 else ''}): "
            f"item {first_of[sid]} ('{kept.name}') was read, the others were not"
        )
    return result


Item = tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]


def _is_service(d: dict[str, Any]) -> bool:
    return "name" in d and ("status" in d or "organization_id" in d or "organization" in d)


def _is_service_at_location(d: dict[str, Any]) -> bool:
    return isinstance(d.get("service"), dict)


def _is_organisation(d: dict[str, Any]) -> bool:
    return (
        "name" in d
        and not _is_service(d)
        and (
            "services" in d
            or "description" in d
            or "website" in d
            or "organization_identifiers" in d
        )
    )


def _one(d: dict[str, Any]) -> tuple[str, list[Item]] | None:
    """The kind of one HSDS object and the services in it."""
    if _is_service_at_location(d):
        at = {k: v for k, v in d.items() if k != "service"}
        return "service at a location", [(d["service"], None, at)]
    if isinstance(d.get("services"), list) and "name" in d:
        org = {k: v for k, v in d.items() if k != "services"}
        return "organisation with its services", [
            (s, org, None) for s in d["services"] if isinstance(s, dict)
        ]
    if _is_service(d):
        return "service", [(d, None, None)]
    if _is_organisation(d):
        return "organisation", []
    return None


def _items(document: Any) -> tuple[str | None, list[Item]]:
    many = document if isinstance(document, list) else None
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        many = document["contents"]
    if many is None:
        found = _one(document) if isinstance(document, dict) else None
        return (found[0], found[1]) if found else (None, [])
    kinds, items = [], []
    for d in many:
        found = _one(d) if isinstance(d, dict) else None
        if found:
            kinds.append(found[0])
            items += found[1]
    if not kinds and many:
        return None, []
    plural = {"service": "service list", "service at a location": "service-at-location list",
              "organisation with its services": "organisation list",
              "organisation": "organisation list"}  # fmt: skip
    kind = plural[max(set(kinds), key=kinds.count)] if kinds else "service list"
    return kind, items
