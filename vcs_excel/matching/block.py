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
    # For typos in both names: the birthday and both initials; where a record has no
    # postcode a UK rule can read (another country's, or none), one initial. (With a UK
    # postcode on both, one initial and a birthday fit many strangers in a big city and
    # add few true pairs.)
    ("dob", "given_initial", "family_initial"),
    ("dob", "given_initial", "!district"),
    ("dob", "family_initial", "!district"),
    # One home where the postcode is cut short ("LS77B") or mistyped. In a big city the
    # same number and street recur in every district: without a district to tell them
    # apart (no UK postcode at all), the street and number are the key.
    ("house", "street", "district"),
    ("house", "street", "!district"),
    # One postcode and either name's sound on either side: a first name and surname
    # written the other way round with a typo in one ("Brydee Macphail" / "Macphail,
    # Brycdee"), or a record with one name only.
    ("postcode", "name_sound"),
    # Both names, in either order: a first name written as the surname and the surname
    # as the first name ("RICKETT Oliver" in a first-name column) still meets its pair.
    ("names_sound",),
    # Someone with no date of birth on one list (an age instead, or nothing but the
    # age worked out from the other list's birthday) who moved, with a typo in their
    # first name or only its initial on one list: the surname's sound, the first initial
    # and an age within a year. Only in small groups (:data:`RARE_BLOCK`): a name that
    # common at one age fits many people, and only a rare name is worth a person's look
    # with so little else. (The first name's sound with the surname's initial finds a
    # few more, but first names are shared so widely that it made four times the pairs
    # for each one found.)
    ("family_sound", "given_initial", "age_near", "!dob"),
)
MAX_BLOCK = 400  # records sharing one key; bigger groups are split by date of birth
RARE_BLOCK = 6  # records sharing one key of a rule for rare names ("age_near")
RARE_FIELDS = frozenset({"age_near"})
# Pairs one rule may make, per record. A name-only key in a city of a million people
# (every "Smith, John" sounds alike) would make tens of millions; its biggest groups
# are then split by date of birth like those above MAX_BLOCK.
PAIRS_PER_RECORD = 2


# Keys worked out from two fields: the sounds of both names, in either order.
PAIRED = {"names_sound": ("given_sound", "family_sound")}
# Keys a record has two of, either of which may agree with either of another record's:
# the sound of either name; the age or the age a year on (two ages agree on one of them
# when they are at most a year apart).
EITHER = {"name_sound": ("given_sound", "family_sound"), "age_near": ("age", "age_next")}
KEY_FIELDS = sorted({f.lstrip("!") for rule in RULES for f in rule} | {"dob"})


def _column(records: pd.DataFrame, field: str) -> np.ndarray:
    """A field of the records, or one worked out from them for blocking alone."""
    if field == "age_next":
        return (records["age"].to_numpy(np.float64) + 1).astype(object)
    return records[field].to_numpy(object)


def one_code_space(records: pd.DataFrame, fields: tuple[str, str]) -> tuple[np.ndarray, ...]:
    """Codes for two fields drawn from one set of values (the same value, the same code
    in either field); -1 where missing or blank. Comparing uses them too, so a first
    name's sound can meet a surname's."""
    both = np.concatenate([_column(records, f) for f in fields])
    codes, uniques = pd.factorize(both, use_na_sentinel=True)
    blank = np.append(np.asarray(uniques, dtype=object) == "", True).astype(bool)
    codes = np.where(blank[np.where(codes >= 0, codes, -1)], -1, codes).astype(np.int64)
    return codes[: len(records)], codes[len(records) :]


def _either_order(records: pd.DataFrame, fields: tuple[str, str]) -> np.ndarray:
    """One code per record for two fields taken as a set ({x, y} = {y, x}); -1 where
    either is missing or blank."""
    x, y = one_code_space(records, fields)
    low, high = np.minimum(x, y), np.maximum(x, y)
    width = np.int64(max(x.max(initial=0), y.max(initial=0)) + 2)
    return np.where(low >= 0, pd.factorize(low * width + high)[0], -1).astype(np.int64)


def _either_rows(keyed: pd.DataFrame, field: str) -> pd.DataFrame:
    """``keyed`` with each row twice, once with each of its two ``field`` codes (see
    :data:`EITHER`)."""
    copies = [keyed.assign(**{field: keyed[f"{field}:{k}"]}) for k in (0, 1)]
    return pd.concat(copies, ignore_index=True)


def _key_frame(records: pd.DataFrame) -> pd.DataFrame:
    """The blocking keys as integer codes (-1 where missing), one row per record and
    phone number (records with two phones appear twice, on rows next to each other)."""
    n = len(records)
    columns = {"rid": np.arange(n, dtype=np.int64)}
    for field in KEY_FIELDS:
        if field == "phone":
            continue
        if field in PAIRED:
            columns[field] = _either_order(records, PAIRED[field])
            continue
        if field in EITHER:
            columns[f"{field}:0"], columns[f"{field}:1"] = one_code_space(records, EITHER[field])
            continue
        # An initial is the first letter of the name's key, worked out per distinct key.
        initial = field.endswith("_initial")
        source = field.replace("_initial", "_key") if initial else field
        codes, uniques = pd.factorize(records[source].to_numpy(object), use_na_sentinel=True)
        uniques = np.asarray(uniques, dtype=object)
        if initial:
            first, uniques = pd.factorize(np.array([str(u)[:1] for u in uniques], dtype=object))
            codes = np.append(first, -1)[codes]  # a missing name (-1) stays missing
        blank = np.append(uniques == "", True).astype(bool)
        columns[field] = np.where(blank[np.where(codes >= 0, codes, -1)], -1, codes)
    phones = records["phones"].to_numpy(object)
    counts = np.fromiter((max(len(p), 1) if p else 1 for p in phones), np.int64, n)
    flat = [x for p in phones for x in (p if p else (None,))]
    codes = pd.factorize(np.array(flat, dtype=object), use_na_sentinel=True)[0]
    # One block of integers: a frame built column by column is slow to take rows from.
    table = np.column_stack([columns[f] for f in columns]).astype(np.int64, copy=False)
    if len(flat) != n:
        table = table[np.repeat(np.arange(n), counts)]
    keys = pd.DataFrame(table, columns=list(columns))
    keys["phone"] = codes.astype(np.int64)
    return keys


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


def _group_ids(columns: Sequence[np.ndarray]) -> np.ndarray:
    """One group number (0, 1, ...) per distinct combination of the code columns (all
    codes present, so >= 0)."""
    key = np.asarray(columns[0], dtype=np.int64)
    for column in columns[1:]:
        width = int(column.max(initial=0)) + 1
        if int(key.max(initial=0)) >= np.iinfo(np.int64).max // width:
            key = pd.factorize(key)[0].astype(np.int64)
        key = key * width + column
    return pd.factorize(key)[0].astype(np.int64)


def _pairs_for(
    keyed: pd.DataFrame,
    fields: Sequence[str],
    max_block: int = MAX_BLOCK,
    budget: int | None = None,
    rows: np.ndarray | None = None,
    repeated: bool = False,
) -> pd.DataFrame:
    """The pairs of records that agree on ``fields`` (among ``rows`` of ``keyed``, if
    given), groups bigger than ``max_block`` split by date of birth. ``repeated``: a
    record's rows may be apart (:func:`_either_rows`), not only next to each other."""
    cols = list(fields)
    codes = keyed[cols].to_numpy()
    keep = (codes >= 0).all(axis=1) if rows is None else rows & (codes >= 0).all(axis=1)
    if not keep.any():
        return _no_pairs()
    rid = keyed["rid"].to_numpy(np.int64)[keep]
    dob = keyed["dob"].to_numpy(np.int64)[keep]
    group = _group_ids([codes[keep, i] for i in range(len(cols))])
    if repeated:
        # A record on several rows anywhere (each of two names): once per group.
        _, first = np.unique(group * np.int64(rid.max() + 1) + rid, return_index=True)
        rid, dob, group = rid[first], dob[first], group[first]
    else:
        # A record with two phones is on two rows, next to each other: once per group.
        again = np.r_[False, (rid[1:] == rid[:-1]) & (group[1:] == group[:-1])]
        if again.any():
            rid, dob, group = rid[~again], dob[~again], group[~again]
    sizes = np.bincount(group)[group]
    if budget is not None:
        max_block = _affordable(pd.Series(sizes), max_block, budget)
    fits = (sizes > 1) & (sizes <= max_block)
    found = [_pairs_within(rid[fits], group[fits])]
    big = (sizes > max_block) & (dob >= 0)
    if big.any() and "dob" not in cols:
        # A group too big to compare whole is compared within each date of birth.
        split = _group_ids([group[big], dob[big]])
        split_sizes = np.bincount(split)[split]
        small = (split_sizes > 1) & (split_sizes <= max_block)
        found.append(_pairs_within(rid[big][small], split[small]))
    return pd.concat(found, ignore_index=True)


def _no_pairs() -> pd.DataFrame:
    return pd.DataFrame({"a": np.empty(0, np.int64), "b": np.empty(0, np.int64)})


def _rule_pairs(
    keyed: pd.DataFrame, rule: Sequence[str], max_block: int, budget: int
) -> pd.DataFrame:
    """The pairs of one rule, "!field" entries honoured (see :data:`RULES`)."""
    fields = [f for f in rule if not f.startswith("!")]
    lacking = [f[1:] for f in rule if f.startswith("!")]
    repeated = False
    for field in fields:
        if field in EITHER:
            keyed, repeated = _either_rows(keyed, field), True
    if not lacking:
        return _pairs_for(keyed, fields, max_block, budget, repeated=repeated)
    # Only groups holding a record that lacks the field, and only pairs with one such.
    without = (keyed[lacking].to_numpy() < 0).any(axis=1)
    codes = keyed[fields].to_numpy()
    present = (codes >= 0).all(axis=1)
    if not (present & without).any():
        return _no_pairs()
    group = np.full(len(keyed), -1, dtype=np.int64)
    group[present] = _group_ids([codes[present, i] for i in range(len(fields))])
    wanted = np.zeros(int(group.max()) + 1, dtype=bool)
    wanted[group[present & without]] = True
    pairs = _pairs_for(
        keyed, fields, max_block, budget, rows=present & wanted[group], repeated=repeated
    )
    if pairs.empty:
        return pairs
    lacks = np.zeros(int(keyed["rid"].max()) + 1, dtype=bool)
    lacks[keyed.loc[without, "rid"].to_numpy()] = True
    a, b = pairs["a"].to_numpy(np.int64), pairs["b"].to_numpy(np.int64)
    return pairs[lacks[a] | lacks[b]]


def _pairs_within(rid: np.ndarray, group: np.ndarray) -> pd.DataFrame:
    """Every pair of records (a < b) in the same group: records sorted by group, each
    followed by the records after it in its group (laid out with numpy; a self-merge of
    millions of rows is slower)."""
    if not len(rid):
        return _no_pairs()
    order = np.argsort(group, kind="stable")
    rid, group = rid[order], group[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, len(group)])
    position = np.arange(len(group))
    after = np.repeat(starts + sizes, sizes) - position - 1  # records later in the group
    left = np.repeat(position, after)
    right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(after) - after, after)
    a, b = rid[left], rid[right]
    return pd.DataFrame({"a": np.minimum(a, b), "b": np.maximum(a, b)})


def candidate_pairs(
    records: pd.DataFrame, rules: Sequence[Sequence[str]] = RULES, max_block: int = MAX_BLOCK
) -> pd.DataFrame:
    """The union of pairs sharing any blocking key: columns ``a`` < ``b`` (record positions)."""
    keyed = _key_frame(records)
    budget = max(PAIRS_PER_RECORD * len(records), 100_000)
    found = [
        _rule_pairs(keyed, r, min(max_block, RARE_BLOCK) if RARE_FIELDS & set(r) else max_block,
                    budget)
        for r in rules
    ]  # fmt: skip
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
