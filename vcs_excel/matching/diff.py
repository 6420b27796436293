"""Compare with previous list: who is new, who has gone, whose details changed.

The old and the new version of a list are matched person to person:

1. rows that are the same in both versions, compared on standardised values, are
   paired first, one old row to one new row, so an identical tab has no new and no gone
   people, even where a row has nothing else to be matched by (no date of birth);
2. the rest are matched with the same steps as Find duplicates (so a re-typed name or
   a moved person is still recognised), each old record to at most one new record,
   best first.

Unmatched new records are new people; unmatched old records have gone; matched pairs
whose standardised values differ under the same header have changed. Letter case,
spacing and the way a postcode, phone number or date is written are not changes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz.distance import Levenshtein

from ..checks.engine import CheckSettings, ColumnPlan, plan_columns, standard_column
from ..clean.postcodes import normalise_postcode
from ..standard.hashtags import parse_hashtag
from ..workbook import Table
from ..workbook.values import display_text
from .pipeline import Linker
from .prepare import prepare_table


@dataclass
class ListDiff:
    new: list[int] = field(default_factory=list)  # Excel rows of the new list
    gone: list[int] = field(default_factory=list)  # Excel rows of the old list
    # (old row, new row, {header: (old value, new value)})
    changed: list[tuple[int, int, dict[str, tuple[Any, Any]]]] = field(default_factory=list)
    unchanged: int = 0
    # Who each row is, in words ("Jean Smith, LS6 1AB"), by Excel row of each version.
    old_names: dict[int, str] = field(default_factory=dict)
    new_names: dict[int, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "new": [{"row": r, "person": self.new_names.get(r, "")} for r in self.new],
            "gone": [{"row": r, "person": self.old_names.get(r, "")} for r in self.gone],
            "changed": [
                {
                    "old_row": o,
                    "new_row": n,
                    "person": self.new_names.get(n, ""),
                    "fields": {h: [display_text(a), display_text(b)] for h, (a, b) in f.items()},
                }
                for o, n, f in self.changed
            ],
            "unchanged": self.unchanged,
        }


def _comparable(value: Any) -> str:
    """A standardised value as compared: text in one case with single spaces."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return " ".join(display_text(value).split()).casefold()


def _standardised(table: Table, plans: list[ColumnPlan], today: dt.date) -> pd.DataFrame:
    """Each column's values in their standard form, ready to compare."""
    settings = CheckSettings(today=today)
    return pd.DataFrame(
        {
            p.column.name: [
                _comparable(v) for v in standard_column(table.frame[p.column.name], p, settings)
            ]
            for p in plans
        },
        index=table.frame.index,
    )


def _fields(plans: list[ColumnPlan]) -> dict[str, str]:
    """Each field of a version (its tag's key, or its header where it has no tag) and the
    column that holds it; the first column where two hold one field."""
    out: dict[str, str] = {}
    for p in plans:
        key = parse_hashtag(p.tag).key if p.tag else f"header:{p.column.name.casefold()}"
        out.setdefault(key, p.column.name)
    return out


def _who(records: pd.DataFrame) -> list[str]:
    """ "Jean Smith, LS6 1AB" for each prepared record (what there is of it)."""
    out = []
    for given, family, postcode in zip(
        records["given"], records["family"], records["postcode"], strict=True
    ):
        name = " ".join(str(x).title() for x in (given, family) if isinstance(x, str) and x)
        shown = (
            normalise_postcode(postcode).standard or postcode if isinstance(postcode, str) else ""
        )
        out.append(", ".join(x for x in (name, shown) if x))
    return out


def diff_tables(old: Table, new: Table, today: dt.date | None = None) -> ListDiff:
    """Match ``old`` and ``new`` person to person and say what changed."""
    today = today or dt.date.today()
    old_plans, _, _ = plan_columns(old)
    new_plans, _, _ = plan_columns(new)
    a = prepare_table(old, old_plans).assign(version="old")
    b = prepare_table(new, new_plans).assign(version="new")
    b["sheet"] = "__new__"  # the two versions of one sheet are told apart here
    records = pd.concat([a, b], ignore_index=True)
    n_old = len(a)
    rows = records["row"].to_numpy()
    result = ListDiff()
    names = _who(records)
    result.old_names = {int(rows[i]): names[i] for i in range(n_old)}
    result.new_names = {int(rows[j]): names[j] for j in range(n_old, len(records))}

    old_std = _standardised(old, old_plans, today)
    new_std = _standardised(new, new_plans, today)
    # The columns both versions have, paired by what they hold (their tags: "Postcode"
    # and "Post code" are one field), or by header where a column has no tag.
    old_cols, new_cols = _fields(old_plans), _fields(new_plans)
    shared = [(old_cols[k], new_cols[k]) for k in old_cols if k in new_cols]
    old_std = old_std[[o for o, _ in shared]]
    new_std = new_std[[n for _, n in shared]]

    # 1. The same row in both versions (on standardised values): paired one to one.
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    matched: list[tuple[int, int]] = []
    waiting: dict[tuple[str, ...], list[int]] = defaultdict(list)
    if shared:
        old_keys = list(old_std.itertuples(index=False, name=None))
        new_keys = list(new_std.itertuples(index=False, name=None))
        for i in range(n_old - 1, -1, -1):
            waiting[old_keys[i]].append(i)
        for j, key in enumerate(new_keys):
            if any(key) and waiting.get(key):
                i = waiting[key].pop()
                taken_old.add(i)
                taken_new.add(n_old + j)
                matched.append((i, n_old + j))

    def pair_on(keys: list[Any], agree: Any = None) -> None:
        """Pair the records left whose key is the same in both versions and in no other
        record left of either version (and, given ``agree``, that it finds alike)."""
        found: dict[Any, list[list[int]]] = defaultdict(lambda: [[], []])
        for i, key in enumerate(keys):
            if key is not None and i not in taken_old and i not in taken_new:
                found[key][i >= n_old].append(i)
        for olds, news in found.values():
            if len(olds) == 1 and len(news) == 1 and (agree is None or agree(olds[0], news[0])):
                taken_old.add(olds[0])
                taken_new.add(news[0])
                matched.append((olds[0], news[0]))

    # 2. A record ID or NHS number in both versions (an export of one system).
    for field_name in ("nhs", "id"):
        pair_on([v if isinstance(v, str) and v else None for v in records[field_name]])

    # 3. The rest, person to person as Find duplicates matches them.
    left = np.array(
        [i not in taken_old and i not in taken_new for i in range(len(records))], dtype=bool
    )
    if left[:n_old].any() and left[n_old:].any():
        linker = Linker()
        pairs = linker.block(records)
        versions = records["version"].to_numpy()
        ia, ib = pairs["a"].to_numpy(), pairs["b"].to_numpy()
        pairs = pairs[(versions[ia] != versions[ib]) & left[ia] & left[ib]]
        if len(pairs):
            scored = linker.decide_pairs(records, pairs)
            best = scored[scored["decision"] == "match"].sort_values("probability", ascending=False)
            for i, j in zip(best["a"].to_numpy(), best["b"].to_numpy(), strict=True):
                o, n = (int(i), int(j)) if versions[i] == "old" else (int(j), int(i))
                if o in taken_old or n in taken_new:
                    continue
                taken_old.add(o)
                taken_new.add(n)
                matched.append((o, n))

    # 4. Left over: the same name and one more thing that only this person left has in
    # both versions: the date of birth (someone who moved), the address (a row with no
    # date of birth whose phone number changed), a phone number or an e-mail address.
    names = list(zip(records["given_key"], records["family_key"], strict=True))
    address = records["house"].fillna("") + "|" + records["street"].fillna("")
    phones = [p[0] if isinstance(p, tuple) and p else None for p in records["phones"]]
    for other in (records["dob"], records["postcode"], address, phones, records["email"]):
        pair_on([
            (g, f, w) if isinstance(g, str) and g and isinstance(f, str) and f
            and w is not None and not (isinstance(w, float) and w != w)
            and str(w).strip("|") else None
            for (g, f), w in zip(names, other, strict=True)
        ])  # fmt: skip

    # 5. One part of the name the same at the same address: a new surname (married), or
    # a first name's spelling put right, by someone with no date of birth to go by.
    home = [
        f"{h}|{st}|{pc}" if isinstance(st, str) and st and isinstance(pc, str) and pc else None
        for h, st, pc in zip(records["house"], records["street"], records["postcode"],
                             strict=True)
    ]  # fmt: skip
    given, family = records["given_key"].to_numpy(object), records["family_key"].to_numpy(object)
    dob, sex = records["dob"].to_numpy(object), records["sex"].to_numpy(object)

    def known(x: Any) -> bool:
        return x is not None and not (isinstance(x, float) and x != x) and x != ""

    def alike(i: int, j: int) -> bool:
        """Nothing says they are two people: no two dates of birth or sexes, and a first
        name that differs only as a spelling does ("Marke", not "Jane" for "John")."""
        if known(dob[i]) and known(dob[j]) and dob[i] != dob[j]:
            return False
        if known(sex[i]) and known(sex[j]) and sex[i] != sex[j]:
            return False
        a, b = str(given[i] or ""), str(given[j] or "")
        return a == b or (Levenshtein.distance(a, b) <= 1 and min(len(a), len(b)) >= 4)

    for part in (given, family):
        pair_on([
            (x, where) if isinstance(x, str) and x and where else None
            for x, where in zip(part, home, strict=True)
        ], agree=alike)  # fmt: skip

    # 6. Last, a full name that only one person has in each whole version: someone with
    # nothing else to go by who moved. (A person gone and another of the same full name
    # come new in one week is far rarer than that.)
    whole: dict[tuple[Any, Any], list[int]] = defaultdict(lambda: [0, 0])
    for i, (g, f) in enumerate(names):
        whole[(g, f)][i >= n_old] += 1
    pair_on([
        (g, f) if isinstance(g, str) and g and isinstance(f, str) and f
        and whole[(g, f)] == [1, 1] else None
        for g, f in names
    ])  # fmt: skip

    result.gone = sorted(int(rows[i]) for i in range(n_old) if i not in taken_old)
    result.new = sorted(int(rows[j]) for j in range(n_old, len(records)) if j not in taken_new)
    headers = {p.column.name: p.column.header or p.column.name for p in new_plans}
    for o, n in sorted(matched):
        ro, rn = int(rows[o]), int(rows[n])
        fields = {}
        for was, now in shared:
            if old_std.at[ro, was] != new_std.at[rn, now]:
                fields[headers[now]] = (old.frame.at[ro, was], new.frame.at[rn, now])
        if fields:
            result.changed.append((ro, rn, fields))
        else:
            result.unchanged += 1
    return result
