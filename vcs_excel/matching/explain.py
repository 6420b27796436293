"""Plain-English reasons for a pair, from its comparison levels."""

from __future__ import annotations

from typing import Any

import pandas as pd


def _name(rec: pd.Series) -> str:
    return " ".join(p for p in (rec["given"], rec["middle"], rec["family"]) if p)


def _agreement(
    same: list[str], differ: list[str], what: str, top: bool, level: int, x: str, y: str
) -> None:
    """ "same street"; "streets spelt differently: X / Y"; "streets differ: X / Y"."""
    if top:
        same.append(what)
    elif level >= 1:
        differ.append(f"{what}s spelt differently: {x} / {y}")
    elif level == 0:
        differ.append(f"{what}s differ: {x} / {y}")


def reason(pair: pd.Series, a: pd.Series, b: pd.Series) -> str:
    """E.g. "same date of birth and postcode; first names differ: Bill / William, a known
    nickname"."""
    same: list[str] = []
    differ: list[str] = []
    if pair["nhs"] == 1:
        same.append("NHS number")
    if pair.get("id") == 2:
        same.append("record ID")
    elif pair.get("id") == 1:
        differ.append(f"record IDs {a['id']} / {b['id']}: one typing slip apart")
    elif pair.get("id") == 0:
        differ.append(f"record IDs differ: {a['id']} / {b['id']}")
    if pair["dob"] == 3:
        same.append("date of birth")
    elif pair["dob"] == 2:
        differ.append(
            f"dates of birth {a['dob']:%d/%m/%Y} / {b['dob']:%d/%m/%Y}: day and month swapped"
        )
    elif pair["dob"] in (0, 1):
        differ.append(f"dates of birth differ: {a['dob']:%d/%m/%Y} / {b['dob']:%d/%m/%Y}")
    if pair["postcode"] == 3:
        same.append("postcode")
    elif pair["postcode"] in (1, 2):
        differ.append(f"postcodes close: {a['postcode']} / {b['postcode']}")
    elif pair["postcode"] == 0:
        differ.append(f"postcodes differ: {a['postcode']} / {b['postcode']}")
    if pair["house"] == 1:
        same.append("house number")
    street = pair.get("street", -1)
    _agreement(
        same, differ, "street", street == 2, street, a["street"].title(), b["street"].title()
    )
    if pair["phone"] == 1:
        same.append("phone number")
    if pair["email"] == 1:
        same.append("e-mail")
    family = pair["family"]
    _agreement(same, differ, "surname", family == 3, family, a["family"], b["family"])
    given = pair["given"]
    if pair.get("swapped_names"):
        differ.append("first name and surname swapped")
    elif given == 4:
        same.append("first name")
    elif given == 3:
        differ.append(f"first names differ: {a['given']} / {b['given']}, a known nickname")
    elif given == 2:
        differ.append(f"first names spelt differently: {a['given']} / {b['given']}")
    elif given == 1:
        differ.append(f"first names: {a['given']} / {b['given']} (an initial)")
    elif given == 0:
        differ.append(f"first names differ: {a['given']} / {b['given']}")
    if pair["age"] == 0:
        differ.append(f"ages differ: {a['age']} / {b['age']}")
    elif pair["age"] == -1 and pair["dob"] == -1:
        # Why one name at one home is not settled: a father and son look the same.
        differ.append("no date of birth or age on one of them")
    parts: list[Any] = []
    if same:
        parts.append("same " + ", ".join(same[:-1]) + (" and " if len(same) > 1 else "") + same[-1])
    parts += differ
    return "; ".join(parts) or "little to go on"


def record_name(rec: pd.Series) -> str:
    return _name(rec)
