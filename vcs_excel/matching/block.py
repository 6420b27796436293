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

# Each rule: the fields that must all be present and equal. "!field": at least one of
# the two records lacks that field.
RULES: tuple[tuple[str, ...], ...] = (
    ("nhs",),
    ("id",),
    ("dob", "family_sound"),
    ("dob", "given_sound"),
    ("dob", "postcode"),
    ("postcode", "family_sound"),
    ("postcode", "house"),
    ("family_sound", "given_sound", "house"),
    ("phone",),
    ("email",),
    # For lists with typos in both names, or no postcode a UK rule can read.
    ("dob", "given_initial"),
    ("dob", "family_initial"),
    # One home where the postcode is cut short ("LS77B") or mistyped. In a big city the
    # same number and street recur in every district: without a district to tell them
    # apart (no UK postcode at all), the street and number are the key.
    ("house", "street", "district"),
    ("house", "street", "!district"),
    ("given_sound", "family_sound"),
)
MAX_BLOCK = 400  # records sharing one key; bigger groups are split by date of birth
# Pairs one rule may make, per record. A name-only key in a city of a million people
# (every "Smith, John" sounds alike) would make tens of millions; its biggest groups
# are then split by date of birth like those above MAX_BLOCK.
PAIRS_PER_RECORD = 2


KEY_FIELDS = sorted({f.lstrip("!") for rule in RULES for f in rule} | {"dob"})


def _key_frame(records: pd.DataFrame) -> pd.DataFrame:
    """The blocking keys as integer codes (-1 where missing), one row per record and
    phone number (records with two phones appear twice)."""
    keys = pd.DataFrame({"rid": np.arange(len(records), dtype=np.int64)})
    text = {
        "given_initial": records["given_key"].fillna("").str[:1],
        "family_initial": records["family_key"].fillna("").str[:1],
    }
    for field in KEY_FIELDS:
        if field == "phone":
            continue
        column = text[field] if field in text else records[field]
        values = column.to_numpy(object)
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        blank = np.append(np.asarray(uniques, dtype=object) == "", True).astype(bool)
        codes = np.where(blank[np.where(codes >= 0, codes, -1)], -1, codes)
        keys[field] = codes.astype(np.int64)
    phones = records["phones"].to_numpy(object)
    rid = np.repeat(np.arange(len(records)), [max(len(p), 1) if p else 1 for p in phones])
    flat = [x for p in phones for x in (p if p else (None,))]
    codes = pd.factorize(np.array(flat, dtype=object), use_na_sentinel=True)[0]
    return keys.iloc[rid].reset_index(drop=True).assign(phone=codes.astype(np.int64))


def _affordable(sizes: pd.Series, max_block: int, budget: int) -> int:
    """The largest group size (at most ``max_block``) whose groups, with all smaller
    ones, make no more than ``budget`` pairs. ``sizes`` has each row's group size."""
    counts = sizes.value_counts().sort_index()  # group size -> rows in groups that size
    counts = counts[(counts.index > 1) & (counts.index <= max_block)]
    if counts.empty:
        return max_block
    pairs = (counts * (counts.index.to_numpy() - 1) // 2).cumsum()
    within = pairs[pairs <= budget]
    if len(within) == len(pairs):
        return max_block
    return int(within.index.max()) if len(within) else 1


def _pairs_for(
    keyed: pd.DataFrame,
    fields: Sequence[str],
    max_block: int = MAX_BLOCK,
    budget: int | None = None,
) -> pd.DataFrame:
    cols = list(fields)
    sub = keyed[["rid", *cols]]
    sub = sub[(sub[cols].to_numpy() >= 0).all(axis=1)]
    if sub.empty:
        return pd.DataFrame(columns=["a", "b"])
    sub = sub.drop_duplicates()
    sizes = sub.groupby(cols)["rid"].transform("size")
    if budget is not None:
        max_block = _affordable(sizes, max_block, budget)
    big = sub[sizes > max_block]
    sub = sub[(sizes > 1) & (sizes <= max_block)]
    found = [_self_join(sub, cols)]
    if not big.empty and "dob" not in cols:
        # A group too big to compare whole is compared within each date of birth.
        dob = keyed.loc[keyed["dob"] >= 0, ["rid", "dob"]].drop_duplicates()
        split = big.merge(dob, on="rid")
        split_sizes = split.groupby([*cols, "dob"])["rid"].transform("size")
        found.append(_self_join(split[(split_sizes > 1) & (split_sizes <= max_block)],
                                [*cols, "dob"]))  # fmt: skip
    return pd.concat(found, ignore_index=True)


def _rule_pairs(
    keyed: pd.DataFrame, rule: Sequence[str], max_block: int, budget: int
) -> pd.DataFrame:
    """The pairs of one rule, "!field" entries honoured (see :data:`RULES`)."""
    fields = [f for f in rule if not f.startswith("!")]
    lacking = [f[1:] for f in rule if f.startswith("!")]
    if not lacking:
        return _pairs_for(keyed, fields, max_block, budget)
    # Only groups holding a record that lacks the field, and only pairs with one such.
    without = (keyed[lacking].to_numpy() < 0).any(axis=1)
    present = (keyed[fields].to_numpy() >= 0).all(axis=1)
    groups = keyed.loc[present & without, fields].drop_duplicates()
    sub = keyed[present].merge(groups, on=fields)
    pairs = _pairs_for(sub, fields, max_block, budget)
    if pairs.empty:
        return pairs
    lacks = np.zeros(int(keyed["rid"].max()) + 1 if len(keyed) else 0, dtype=bool)
    lacks[keyed.loc[without, "rid"].to_numpy()] = True
    a, b = pairs["a"].to_numpy(np.int64), pairs["b"].to_numpy(np.int64)
    return pairs[lacks[a] | lacks[b]]


def _self_join(sub: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """Every pair of records (a < b) that agree on ``cols``."""
    joined = sub.merge(sub, on=cols, suffixes=("_a", "_b"))
    joined = joined[joined["rid_a"] < joined["rid_b"]]
    return pd.DataFrame({"a": joined["rid_a"].to_numpy(), "b": joined["rid_b"].to_numpy()})


def candidate_pairs(
    records: pd.DataFrame, rules: Sequence[Sequence[str]] = RULES, max_block: int = MAX_BLOCK
) -> pd.DataFrame:
    """The union of pairs sharing any blocking key: columns ``a`` < ``b`` (record positions)."""
    keyed = _key_frame(records)
    budget = max(PAIRS_PER_RECORD * len(records), 100_000)
    found = [_rule_pairs(keyed, r, max_block, budget) for r in rules]
    # Each pair as one number, a * n + b: sorted, then repeats dropped. (A plain sort
    # and compare: numpy 2's np.unique without its return options is many times slower.)
    n = np.int64(max(len(records), 1))
    key = np.sort(
        np.concatenate([
            f["a"].to_numpy(np.int64) * n + f["b"].to_numpy(np.int64) for f in found
        ] or [np.empty(0, np.int64)])
    )  # fmt: skip
    key = key[np.concatenate([[True], key[1:] != key[:-1]])] if len(key) else key
    return pd.DataFrame({"a": key // n, "b": key % n})
