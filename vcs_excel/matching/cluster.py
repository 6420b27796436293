"""Cluster: group definite matches into people, never joining two NHS numbers.

Definite pairs are joined strongest first (union-find). A join that would put
two different valid NHS numbers in one person is refused, and the pair goes
to review instead: the NHS numbers say these are two people, the other details
say one, and a person should look.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def cluster(
    records: pd.DataFrame, pairs: pd.DataFrame, apart: pd.DataFrame | None = None
) -> tuple[np.ndarray, pd.Series]:
    """A person number for every record (from 1), and the pairs' decisions after
    clustering. ``apart`` lists pairs (``a``, ``b``) that must never end up in one
    person (a person said "Different people"); a definite pair whose join would break
    that, or would put two NHS numbers together, becomes "review"."""
    n = len(records)
    parent = np.arange(n)
    nhs: list[set[str]] = [{v} if isinstance(v, str) and v else set() for v in records["nhs"]]
    members: list[set[int]] = [{i} for i in range(n)]
    never: dict[int, set[int]] = {}
    if apart is not None:
        for x, y in zip(apart["a"], apart["b"], strict=True):
            never.setdefault(int(x), set()).add(int(y))
            never.setdefault(int(y), set()).add(int(x))

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
    for idx, a, b in zip(order.index, order["a"], order["b"], strict=True):
        ra, rb = find(int(a)), find(int(b))
        if ra == rb:
            continue
        if nhs[ra] and nhs[rb] and nhs[ra] != nhs[rb]:
            decisions[idx] = "review"
            continue
        if any(never.get(m, set()) & members[rb] for m in members[ra]):
            decisions[idx] = "review"
            continue
        parent[rb] = ra
        nhs[ra] |= nhs[rb]
        members[ra] |= members[rb]
    roots = np.array([find(i) for i in range(n)])
    _, first = np.unique(roots, return_index=True)
    number = {roots[i]: k + 1 for k, i in enumerate(sorted(first))}
    return np.array([number[r] for r in roots]), decisions
