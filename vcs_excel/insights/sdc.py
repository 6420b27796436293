"""Statistical disclosure control for count tables, as the ONS and the GSS describe it.

A published table of counts can reveal a person: "1 Bangladeshi resident aged 85+
in LS6" points at someone. The Government Statistical Service's guidance on
disclosure control for tables produced from administrative sources (and the ONS
policy for the Census) applies three steps, which this module follows:

1. **Primary suppression.** A count from 1 to ``threshold - 1`` (default 10) is
   not published; it is shown as ``[c]`` (confidential, the GSS symbol).
2. **Secondary suppression.** Row and column totals are published too, so one
   suppressed cell in a row could be worked out by subtraction. More cells are
   suppressed until no suppressed cell can be worked out from the published
   cells and totals. For a two-way table with its totals that has an exact test:
   draw each suppressed cell as an edge between its row and its column (the
   totals are one more row and column); a suppressed cell can be worked out
   exactly when its edge is a *bridge*, on no cycle of suppressed cells (around a
   cycle the cells can move by +1 / -1 in turn and every published total still
   holds). So first every row and column gets zero or at least two suppressed
   cells (the usual rule), then each remaining bridge is closed into a rectangle
   with the smallest other cells, totals only when nothing else will do.
   Secondary cells are never zero, so every suppressed cell can move both ways.
3. **Rounding** (optional) of the published counts to base 5.

Zeros are published: a count of no one is not a small count of people.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

THRESHOLD = 10
SUPPRESSED = "[c]"  # GSS symbol for a confidential (suppressed) value


@dataclass
class Protected:
    """A table with its totals after disclosure control.

    ``counts`` is the table with a total column and row added (last column and row;
    the last cell is the grand total). ``primary`` and ``secondary`` mark suppressed
    cells; ``published`` holds what may be shown (NaN where suppressed, rounded when
    asked).
    """

    counts: np.ndarray
    primary: np.ndarray
    secondary: np.ndarray
    published: np.ndarray
    threshold: int
    rounding: int | None

    @property
    def suppressed(self) -> np.ndarray:
        return self.primary | self.secondary

    def cell(self, i: int, j: int) -> int | str:
        """What to write in the cell: a whole number, or ``[c]``."""
        v = self.published[i, j]
        return SUPPRESSED if np.isnan(v) else int(v)


def with_totals(table: np.ndarray) -> np.ndarray:
    """The table with a total column and a total row (the grand total last)."""
    t = np.asarray(table, dtype=np.int64)
    t = np.column_stack([t, t.sum(axis=1)])
    return np.vstack([t, t.sum(axis=0)])


def _cheapest(values: np.ndarray, blocked: np.ndarray, margin: np.ndarray) -> int | None:
    """The index of the smallest non-zero cell not yet suppressed, totals last."""
    cost = np.where((values > 0) & ~blocked, values + margin * (values.max() + 1), np.inf)
    best = int(np.argmin(cost))
    return None if np.isinf(cost[best]) else best


def _lines(counts: np.ndarray, sup: np.ndarray) -> bool:
    """Give every row and column either none or at least two suppressed cells."""
    changed = False
    rows, cols = counts.shape
    margin_col = np.zeros(cols, dtype=bool)
    margin_col[-1] = True
    margin_row = np.zeros(rows, dtype=bool)
    margin_row[-1] = True
    for i in range(rows):
        if sup[i].sum() == 1 and (j := _cheapest(counts[i], sup[i], margin_col)) is not None:
            sup[i, j] = changed = True
    for j in range(cols):
        if sup[:, j].sum() == 1:
            i = _cheapest(counts[:, j], sup[:, j], margin_row)
            if i is not None:
                sup[i, j] = changed = True
    return changed


def bridges(sup: np.ndarray) -> list[tuple[int, int]]:
    """Suppressed cells on no cycle of suppressed cells: those totals would give away."""
    rows = sup.shape[0]
    adj: dict[int, list[tuple[int, int]]] = {}
    cells = list(zip(*np.nonzero(sup), strict=True))
    for e, (i, j) in enumerate(cells):
        adj.setdefault(int(i), []).append((rows + int(j), e))
        adj.setdefault(rows + int(j), []).append((int(i), e))
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    found: list[tuple[int, int]] = []
    counter = 0
    for root in adj:
        if root in order:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack = [(root, -1, iter(adj[root]))]
        while stack:
            node, via, edges = stack[-1]
            advanced = False
            for nxt, e in edges:
                if e == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                    continue
                order[nxt] = low[nxt] = counter
                counter += 1
                stack.append((nxt, e, iter(adj[nxt])))
                advanced = True
                break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    i, j = cells[via]
                    found.append((int(i), int(j)))
    return found


def _close(counts: np.ndarray, sup: np.ndarray, i: int, j: int) -> None:
    """Suppress the cheapest three cells that make a rectangle with (i, j)."""
    rows, cols = counts.shape
    penalty = counts.max() + 1
    margin = np.zeros_like(counts, dtype=bool)
    margin[-1, :] = margin[:, -1] = True
    cost = np.where(sup, 0, counts + margin * penalty).astype(float)
    cost[counts == 0] = np.inf
    best, pick = np.inf, None
    for k in range(rows):
        if k == i:
            continue
        for m in range(cols):
            if m == j:
                continue
            c = cost[i, m] + cost[k, j] + cost[k, m]
            if c < best:
                best, pick = c, (k, m)
    if pick is None:  # cannot happen for a non-zero cell: the totals always close it
        sup[counts > 0] = True
        return
    k, m = pick
    sup[i, m] = sup[k, j] = sup[k, m] = True


def protect(
    table: np.ndarray, threshold: int = THRESHOLD, rounding: int | None = None
) -> Protected:
    """Suppress small counts and enough others that none can be worked out.

    ``table`` is a two-way table of counts without totals (one column for a one-way
    table). Totals are added and protected with it.
    """
    counts = with_totals(table)
    primary = (counts > 0) & (counts < threshold)
    return _published(counts, primary, _secondary(counts, primary), threshold, rounding)


def protect_share(
    part: np.ndarray, whole: np.ndarray, threshold: int = THRESHOLD, rounding: int | None = None
) -> Protected:
    """Protect counts of people with an attribute (no e-mail, say) out of a published
    whole: a cell is also suppressed when the people *without* it are few, since
    ``whole - part`` would otherwise publish that small count."""
    counts = with_totals(part)
    rest = with_totals(whole) - counts
    primary = ((counts > 0) & (counts < threshold)) | ((rest > 0) & (rest < threshold))
    primary &= counts > 0
    return _published(counts, primary, _secondary(counts, primary), threshold, rounding)


def _published(
    counts: np.ndarray,
    primary: np.ndarray,
    suppressed: np.ndarray,
    threshold: int,
    rounding: int | None,
) -> Protected:
    published = counts.astype(float)
    if rounding:
        published = np.round(published / rounding) * rounding
    published[suppressed] = np.nan
    return Protected(counts, primary, suppressed & ~primary, published, threshold, rounding)


def _mirror(sup: np.ndarray) -> None:
    """A one-way table's total column repeats its only column: suppress both alike."""
    if sup.shape[1] == 2:
        sup[:, 0] |= sup[:, 1]
        sup[:, 1] = sup[:, 0]


def _secondary(counts: np.ndarray, primary: np.ndarray) -> np.ndarray:
    """Every cell to suppress: ``primary`` and enough others that none can be worked out."""
    sup = primary & (counts > 0)
    _mirror(sup)
    while True:
        changed = _lines(counts, sup)
        _mirror(sup)
        for i, j in bridges(sup)[:1]:
            _close(counts, sup, i, j)
            _mirror(sup)
            changed = True
        if not changed:
            return sup
