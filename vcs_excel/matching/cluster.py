"""Cluster: group definite matches into people, never joining two NHS numbers.

Definite pairs are joined strongest first (union-find). A join that would put
two different valid NHS numbers in one person is refused, and the pair goes
to review instead: the NHS numbers say these are two people, the other details
say one, and a person should look.

The same goes for a person held together only by links through a third record:
if twins A and B were each matched to an ambiguous record C ("J Smith", same
birthday and address), joining A-C and then C-B would make the twins one person.
Pairs the household rules ruled out (the model scored them alike, a rule said
"two people"), pairs the model itself reads as two people of one home, and pairs a
person marked "Different people" are never put in one person; the link that would do
it goes to review.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .comparisons import Levels
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
    (a household rule said two people; not a pair marked ``too_little``, decided "no"
    for too little evidence), or one the model reads as two people of one home (a
    ``household`` chance of at least a half)."""
    n = len(records)
    parent = np.arange(n)
    decision = pairs["decision"].to_numpy(object)
    ruled_out = (decision == "no") & (pairs["probability"].to_numpy() >= ruled_out_above)
    if "too_little" in pairs:
        # "Too little evidence for this pair" is not "two people": others may join them.
        ruled_out &= ~pairs["too_little"].to_numpy(bool)
    if "household" in pairs:
        # The model's own "two people of one home": likelier of the household than
        # strangers, and not one person.
        ruled_out |= (decision == "no") & (pairs["household"].to_numpy() >= 0.5)
    ruled_out = pairs[ruled_out]
    decisions = pairs["decision"].copy()
    # People's "Same person" answers (priority 1) are joined before the model's matches.
    chosen = pairs[decision == "match"]
    if "priority" not in chosen:
        chosen = chosen.assign(priority=0)
    order = chosen.sort_values(["priority", "probability"], ascending=False)
    # A link the NHS number or a shared record ID vouches for is one person's own: the
    # household rules' "two people" elsewhere in the cluster does not hold it back
    # (twins have an ID each), though a person's "Different people" does.
    v = Levels(order)
    vouched = v.nhs.is_("same") | v.id.is_("same")
    # A group of records joined by matches that holds no two NHS numbers and no pair
    # kept apart is joined whole: no link in it can be refused. Joining one link at a
    # time is needed only in the groups where a refusal may happen.
    kept_apart = np.concatenate(
        [f[["a", "b"]].to_numpy(np.int64) for f in (apart, ruled_out) if f is not None]
    )
    nhs_numbers = records["nhs"].to_numpy(object)
    has_nhs = np.array([isinstance(v, str) and bool(v) for v in nhs_numbers], dtype=bool)
    group = _free_groups(n, order, np.where(has_nhs, nhs_numbers, None), kept_apart)
    free = np.flatnonzero(group >= 0)
    parent[free] = pd.Series(free).groupby(group[free]).transform("min").to_numpy()
    left = group[order["a"].to_numpy(np.int64)] < 0
    order, vouched = order[left], vouched[left]
    held = group < 0
    nhs = {int(i): {nhs_numbers[i]} if has_nhs[i] else set() for i in np.flatnonzero(held)}
    members = {int(i): {int(i)} for i in np.flatnonzero(held)}
    never: dict[int, set[int]] = {}  # a person said, or a household rule said, two people
    said: dict[int, set[int]] = {}  # a person said so
    for frame, books in ((apart, (never, said)), (ruled_out, (never,))):
        if frame is None:
            continue
        x, y = frame["a"].to_numpy(np.int64), frame["b"].to_numpy(np.int64)
        inside = held[x] & held[y]
        for u, v in zip(x[inside].tolist(), y[inside].tolist(), strict=True):
            for book in books:
                book.setdefault(u, set()).add(v)
                book.setdefault(v, set()).add(u)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return int(i)

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
    roots = parent.copy()
    while True:  # every record's root, by pointer jumping
        up = parent[roots]
        if (up == roots).all():
            break
        roots = up
    # People are numbered in the order of their first record.
    _, first, inverse = np.unique(roots, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(1, len(first) + 1)
    person = rank[inverse]
    # A pair decided "no" for too little evidence whose two records other matches join
    # into one person is one person on the One list: its decision says so too. A pair a
    # household rule ruled two people keeps its "no" even where a shared ID joined them.
    a_all, b_all = pairs["a"].to_numpy(np.int64), pairs["b"].to_numpy(np.int64)
    joined = (decision == "no") & (person[a_all] == person[b_all])
    joined &= ~pairs.index.isin(ruled_out.index)
    decisions[joined] = "match"
    return person, decisions


def _free_groups(
    n: int, links: pd.DataFrame, nhs: np.ndarray, kept_apart: np.ndarray
) -> np.ndarray:
    """For each record, the number of its group of records joined by ``links`` where the
    group holds no two different NHS numbers (``nhs``: None where a record has none) and
    no pair ``kept_apart``; -1 elsewhere."""
    group = linked_groups(n, links["a"].to_numpy(np.int64), links["b"].to_numpy(np.int64))
    held = np.zeros(group.max(initial=0) + 1, dtype=bool)
    numbers = pd.Series(nhs).groupby(group).nunique()  # None is not counted
    held[numbers[numbers > 1].index.to_numpy()] = True
    if len(kept_apart):
        x, y = kept_apart[:, 0].astype(np.int64), kept_apart[:, 1].astype(np.int64)
        same = group[x] == group[y]
        held[group[x][same]] = True
    return np.where(held[group], -1, group)


def linked_groups(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each of ``n`` records, the number of its group of records joined, directly or
    through others, by the links ``a``-``b``."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    return connected_components(graph, directed=False)[1]
