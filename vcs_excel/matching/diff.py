"""Compare with previous list: who is new, who has gone, whose details changed.

The old and the new version of a list are matched person to person with the
same steps as Find duplicates (so a re-typed name or a moved person is still
recognised), each old record to at most one new record, best first. Unmatched
new records are new people; unmatched old records have gone; matched pairs
whose cells differ under the same header have changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..workbook import Table
from ..workbook.values import display_text
from .block import candidate_pairs
from .compare import compare_pairs
from .decide import decide
from .prepare import prepare_table
from .score import fit, score_pairs


@dataclass
class ListDiff:
    new: list[int] = field(default_factory=list)  # Excel rows of the new list
    gone: list[int] = field(default_factory=list)  # Excel rows of the old list
    # (old row, new row, {header: (old value, new value)})
    changed: list[tuple[int, int, dict[str, tuple[Any, Any]]]] = field(default_factory=list)
    unchanged: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "gone": self.gone,
            "changed": [
                {
                    "old_row": o,
                    "new_row": n,
                    "fields": {h: [display_text(a), display_text(b)] for h, (a, b) in f.items()},
                }
                for o, n, f in self.changed
            ],
            "unchanged": self.unchanged,
        }


def diff_tables(old: Table, new: Table) -> ListDiff:
    """Match ``old`` and ``new`` person to person and say what changed."""
    a = prepare_table(old).assign(version="old")
    b = prepare_table(new).assign(version="new")
    b["sheet"] = "__new__"  # the two versions of one sheet are told apart here
    records = pd.concat([a, b], ignore_index=True)
    pairs = candidate_pairs(records)
    versions = records["version"].to_numpy()
    pairs = pairs[versions[pairs["a"].to_numpy()] != versions[pairs["b"].to_numpy()]]
    vectors = compare_pairs(records, pairs.reset_index(drop=True))
    scored = score_pairs(vectors, records, fit(vectors, records))
    scored["decision"] = decide(scored, records)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, p in (
        scored[scored["decision"] == "match"].sort_values("probability", ascending=False).iterrows()
    ):
        i, j = int(p["a"]), int(p["b"])
        o, n = (i, j) if versions[i] == "old" else (j, i)
        if o in taken_old or n in taken_new:
            continue
        taken_old.add(o)
        taken_new.add(n)
        matched.append((o, n))
    result = ListDiff()
    old_rows, new_rows = records["row"].to_numpy(), records["row"].to_numpy()
    n_old = len(a)
    result.gone = sorted(int(old_rows[i]) for i in range(n_old) if i not in taken_old)
    result.new = sorted(int(new_rows[j]) for j in range(n_old, len(records)) if j not in taken_new)
    shared = [c for c in old.frame.columns if c in new.frame.columns]
    for o, n in sorted(matched):
        ro, rn = int(old_rows[o]), int(new_rows[n])
        fields = {}
        for column in shared:
            x, y = old.frame.at[ro, column], new.frame.at[rn, column]
            if display_text(x).strip() != display_text(y).strip():
                fields[column] = (x, y)
        if fields:
            result.changed.append((ro, rn, fields))
        else:
            result.unchanged += 1
    return result
