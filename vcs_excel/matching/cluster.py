"""Cluster: group definite matches into people, never joining two NHS numbers.

Definite pairs are joined strongest first (union-find). A join that would put
two different valid NHS numbers in one person is refused, and the pair goes
to review instead: the NHS numbers say these are two people, the other details
say one, and a person should look.

The same goes for a person held together only by links through a third record:
if twins A and B were each matched to an ambiguous record C ("J Smith", same
birthday and address), joining A-C and then C-B would make the twins one person.
Pairs the household rules ruled out (the model scored them alike, a rule said
"two people") and pairs a person marked "Different people" are never put in one
person; the link that would do it goes to review.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .decide import REVIEW


def cluster(
    records: pd.DataFrame,
    pairs: pd.DataFrame,
    apart: pd.DataFrame | None = None,
    ruled_out_above: float = REVIEW,
) -> tuple[np.ndarray, pd.Series]:
    """A person number for every record (from 1), and the pairs' decisions after
    clustering. ``apart`` lists pairs (``a``, ``b``) that must never end up in one
    person (a person said "Different people"); a definite pair whose join would break
    that, or would put two NHS numbers together, becomes "review". So does one that
    would join a pair decided "no" although it scored at least ``ruled_out_above``
    (a household rule said two people)."""
    n = len(records)
    parent = np.arange(n)
    nhs: list[set[str]] = [{v} if isinstance(v, str) and v else set() for v in records["nhs"]]
    members: list[set[int]] = [{i} for i in range(n)]
    never: dict[int, set[int]] = {}  # a person said, or a household rule said, two people
    said: dict[int, set[int]] = {}  # a person said so
    ruled_out = pairs[(pairs["decision"] == "no") & (pairs["probability"] >= ruled_out_above)]
    # Only records that some match would join can be joined wrongly.
    matched = pairs.loc[pairs["decision"] == "match", ["a", "b"]].to_numpy().ravel()
    in_match = np.zeros(n, dtype=bool)
    in_match[matched] = True
    ruled_out = ruled_out[in_match[ruled_out["a"].to_numpy()] & in_match[ruled_out["b"].to_numpy()]]
    for frame, books in ((apart, (never, said)), (ruled_out[["a", "b"]], (never,))):
        if frame is None:
            continue
        for x, y in zip(frame["a"], frame["b"], strict=True):
            for book in books:
                book.setdefault(int(x), set()).add(int(y))
                book.setdefault(int(y), set()).add(int(x))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return int(i)

    decisions = pairs["decision"].copy()
    # People's "Same person" answers (priority 1) are joined before the model's matches.
    chosen = pairs[pairs["decision"] == "match"]
    if "priority" not in chosen:
        chosen = chosen.assign(priority=0)
    order = chosen.sort_values(["priority", "probability"], ascending=False)
    # A link the NHS number or a shared record ID vouches for is one person's own: the
    # household rules' "two people" elsewhere in the cluster does not hold it back
    # (twins have an ID each), though a person's "Different people" does.
    vouched = np.zeros(len(order), dtype=bool)
    for column, level in (("nhs", 1), ("id", 2)):
        if column in order:
            vouched |= order[column].to_numpy() == level
    for idx, a, b, by_id in zip(order.index, order["a"], order["b"], vouched, strict=True):
        ra, rb = find(int(a)), find(int(b))
        if ra == rb:
            continue
        if nhs[ra] and nhs[rb] and nhs[ra] != nhs[rb]:
            decisions[idx] = "review"
            continue
        apart_from = said if by_id else never
        if any(apart_from.get(m, set()) & members[rb] for m in members[ra]):
            decisions[idx] = "review"
            continue
        parent[rb] = ra
        nhs[ra] |= nhs[rb]
        members[ra] |= members[rb]
    roots = np.array([find(i) for i in range(n)])
    _, first = np.unique(roots, return_index=True)
    number = {roots[i]: k + 1 for k, i in enumerate(sorted(first))}
    return np.array([number[r] for r in roots]), decisions
