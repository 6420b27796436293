"""Exchange with other Open Referral directories: HSDS 3.0 JSON in and out.

Export writes a service list as HSDS 3.0 serves one (``contents`` plus the
paging fields), each service checked against the official schema kept in
``hsds/service_list.schema.json``. Import reads a service list, a list of
services, one service, or an organisation with its services nested in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import BadInputError
from .models import Service

HSDS_DIR = Path(__file__).parent / "hsds"


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads((HSDS_DIR / "service_list.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


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
    """Where one exported service breaks the HSDS 3.0 schema (empty when it is valid)."""
    return [
        f"{'.'.join(str(p) for p in e.absolute_path) or 'service'}: {e.message}"
        for e in _validator().iter_errors(service)
    ]


def to_hsds(service: Service) -> dict[str, Any]:
    """One service as HSDS JSON (extensions keep their ``x_`` names)."""
    data = service.model_dump(mode="json", exclude_none=True)
    org = data.get("organization")
    if isinstance(org, dict) and org.get("id"):
        data.setdefault("organization_id", org["id"])
    return data


def export_services(services: Iterable[Service]) -> dict[str, Any]:
    """A one-page HSDS 3.0 service list; raises if a service breaks the schema."""
    contents = [to_hsds(s) for s in services]
    problems = []
    for item in contents:
        for p in schema_problems(item)[:3]:
            problems.append(f"'{item.get('name')}' ({item.get('id')}): {p}")
    if problems:
        raise BadInputError(
            "These services cannot be exported as HSDS 3.0 until they are fixed: "
            + "; ".join(problems[:10])
        )
    n = len(contents)
    return {
        "total_items": n,
        "total_pages": 1,
        "page_number": 1,
        "size": n,
        "first_page": True,
        "last_page": True,
        "empty": n == 0,
        "contents": contents,
    }


def read_hsds(path: str | Path) -> tuple[list[Service], list[str]]:
    """Services from an HSDS JSON file, and a line for each one that could not be read."""
    p = Path(path)
    try:
        document = json.loads(p.read_text("utf-8-sig"))
    except FileNotFoundError as exc:
        raise BadInputError(f"File not found: {p}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{p.name} is not a JSON file.") from exc
    return parse_hsds(document)


def parse_hsds(document: Any) -> tuple[list[Service], list[str]]:
    raws = _service_dicts(document)
    if raws is None:
        raise BadInputError(
            "This is not HSDS JSON: expected a service list (with 'contents'), a list of "
            "services, one service, or an organisation with its services."
        )
    services, problems = [], []
    for raw in raws:
        try:
            services.append(Service.model_validate(raw))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first.get("loc", ())) or "service"
            problems.append(f"'{raw.get('name', raw.get('id', '?'))}': {where}: {first['msg']}")
    return services, problems


def _service_dicts(document: Any) -> list[dict[str, Any]] | None:
    if isinstance(document, list):
        return [d for d in document if isinstance(d, dict)]
    if not isinstance(document, dict):
        return None
    if isinstance(document.get("contents"), list):
        return [d for d in document["contents"] if isinstance(d, dict)]
    if isinstance(document.get("services"), list) and "name" in document:
        # An organisation with its services nested in it.
        org = {k: v for k, v in document.items() if k != "services"}
        out = []
        for s in document["services"]:
            if isinstance(s, dict):
                s = dict(s)
                s.setdefault("organization", org)
                out.append(s)
        return out
    if "name" in document and "id" in document:
        return [document]
    return None
