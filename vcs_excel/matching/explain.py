"""Plain-English reasons for a pair, from its comparison levels."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .comparisons import COMPARISONS


def _name(rec: pd.Series) -> str:
    return " ".join(p for p in (rec["given"], rec["middle"], rec["family"]) if p)


def _agreement(
    same: list[str], differ: list[str], what: str, level: str | None, x: str, y: str
) -> None:
    """ "same street"; "streets spelt differently: X / Y"; "streets differ: X / Y"."""
    if level == "same":
        same.append(what)
    elif level == "different":
        differ.append(f"{what}s differ: {x} / {y}")
    elif level is not None:
        differ.append(f"{what}s spelt differently: {x} / {y}")


def reason(pair: pd.Series, a: pd.Series, b: pd.Series) -> str:
    """E.g. "same date of birth and postcode; first names differ: Bill / William, a known
    nickname"."""
    same: list[str] = []
    differ: list[str] = []
    # Each field's level by name (None where a value is missing, or never compared).
    level = {f: c.name_of(int(pair[f])) if f in pair else None for f, c in COMPARISONS.items()}

    def at(field: str, *names: str) -> bool:
        return level[field] in names

    if at("nhs", "same"):
        same.append("NHS number")
    if at("id", "same"):
        same.append("record ID")
    elif at("id", "typing_slip"):
        differ.append(f"record IDs {a['id']} / {b['id']}: one typing slip apart")
    elif at("id", "different"):
        differ.append(f"record IDs differ: {a['id']} / {b['id']}")
    if at("dob", "same"):
        same.append("date of birth")
    elif at("dob", "day_month_swapped"):
        differ.append(
            f"dates of birth {a['dob']:%d/%m/%Y} / {b['dob']:%d/%m/%Y}: day and month swapped"
        )
    elif at("dob", "different", "one_keystroke"):
        differ.append(f"dates of birth differ: {a['dob']:%d/%m/%Y} / {b['dob']:%d/%m/%Y}")
    if at("postcode", "same"):
        same.append("postcode")
    elif at("postcode", "same_district", "same_sector"):
        differ.append(f"postcodes close: {a['postcode']} / {b['postcode']}")
    elif at("postcode", "different"):
        differ.append(f"postcodes differ: {a['postcode']} / {b['postcode']}")
    if at("house", "same"):
        same.append("house number")
    elif at("house", "different"):
        differ.append(f"house numbers differ: {a['house']} / {b['house']}")
    _agreement(same, differ, "street", level["street"], a["street"].title(), b["street"].title())
    if at("phone", "shared_mobile"):
        same.append("mobile number")
    elif at("phone", "shared_landline"):
        same.append("phone number")
    if at("email", "same"):
        same.append("e-mail")
    _agreement(same, differ, "surname", level["family"], a["family"], b["family"])
    if pair.get("swapped_names"):
        differ.append("first name and surname swapped")
    elif at("given", "same"):
        same.append("first name")
    elif at("given", "nickname"):
        differ.append(f"first names differ: {a['given']} / {b['given']}, a known nickname")
    elif at("given", "close_spelling"):
        differ.append(f"first names spelt differently: {a['given']} / {b['given']}")
    elif at("given", "initial"):
        differ.append(f"first names: {a['given']} / {b['given']} (an initial)")
    elif at("given", "different"):
        differ.append(f"first names differ: {a['given']} / {b['given']}")
    if at("age", "same") and level["dob"] is None:
        same.append("age")
    elif at("age", "different", "a_few_years"):
        differ.append(f"ages differ: {a['age']} / {b['age']}")
    elif level["age"] is None and level["dob"] is None:
        # Why one name at one home is not settled: a father and son look the same.
        differ.append("no date of birth or age on one of them")
    parts: list[Any] = []
    if same:
        parts.append("same " + ", ".join(same[:-1]) + (" and " if len(same) > 1 else "") + same[-1])
    parts += differ
    return "; ".join(parts) or "little to go on"


def record_name(rec: pd.Series) -> str:
    return _name(rec)
