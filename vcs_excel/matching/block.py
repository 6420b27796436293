"""Block: which pairs of records are worth comparing.

Comparing every record with every other is n^2. Instead, records are grouped by
several cheap keys and only pairs that share at least one key are compared.
The keys overlap on purpose, so a true pair survives a typo in the surname, a
house move, a missing date of birth or a changed phone number. A key shared
by very many records (a common surname in a big city) is split by a second
key rather than dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

# Each rule: the fields that must all be present and equal.
RULES: tuple[tuple[str, ...], ...] = (
    ("nhs",),
    ("dob", "family_sound"),
    ("dob", "given_sound"),
    ("dob", "postcode"),
    ("postcode", "family_sound"),
    ("postcode", "house"),
    ("family_sound", "given_sound", "district"),
    ("family_sound", "given_sound", "house"),
    ("phone",),
    ("email",),
    # For lists with typos in both names, or no postcode a UK rule can read.
    ("dob", "given_initial"),
    ("dob", "family_initial"),
    ("house", "street"),
    ("given_sound", "family_sound"),
)
MAX_BLOCK = 400  # records sharing one key; bigger groups are split by date of birth


def _key_frame(records: pd.DataFrame) -> pd.DataFrame:
    """One row per record and phone number (records with two phones appear twice)."""
    base = records.copy()
    base["rid"] = np.arange(len(records))
    base["dob"] = base["dob"].map(lambda d: d.isoformat() if d else None)
    base["given_initial"] = base["given_key"].str[:1]
    base["family_initial"] = base["family_key"].str[:1]
    base["age"] = base["age"].map(lambda a: None if a is None or pd.isna(a) else str(int(a)))
    phones = base[["rid", "phones"]].explode("phones").rename(columns={"phones": "phone"})
    return base.merge(phones, on="rid", how="left")


def _pairs_for(
    keyed: pd.DataFrame, fields: Sequence[str], max_block: int = MAX_BLOCK
) -> pd.DataFrame:
    cols = list(fields)
    sub = keyed[["rid", *cols]].dropna()
    for c in cols:
        sub = sub[sub[c].astype(str) != ""]
    if sub.empty:
        return pd.DataFrame(columns=["a", "b"])
    sub = sub.drop_duplicates()
    sizes = sub.groupby(cols)["rid"].transform("size")
    big = sub[sizes > max_block]
    sub = sub[(sizes > 1) & (sizes <= max_block)]
    if not big.empty and "dob" not in cols:
        split = big.merge(keyed[["rid", "dob"]].dropna().drop_duplicates(), on="rid")
        sub = pd.concat([sub, split.drop(columns="dob")]) if len(split) else sub
    joined = sub.merge(sub, on=cols, suffixes=("_a", "_b"))
    joined = joined[joined["rid_a"] < joined["rid_b"]]
    return pd.DataFrame({"a": joined["rid_a"].to_numpy(), "b": joined["rid_b"].to_numpy()})


def candidate_pairs(
    records: pd.DataFrame, rules: Sequence[Sequence[str]] = RULES, max_block: int = MAX_BLOCK
) -> pd.DataFrame:
    """The union of pairs sharing any blocking key: columns ``a`` < ``b`` (record positions)."""
    keyed = _key_frame(records)
    found = [_pairs_for(keyed, r, max_block) for r in rules]
    pairs = pd.concat(found, ignore_index=True).drop_duplicates(ignore_index=True)
    return pairs.astype({"a": np.int64, "b": np.int64}).sort_values(["a", "b"], ignore_index=True)
