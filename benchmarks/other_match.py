"""Finding duplicates on lists from a second, independent generator (other_lists.py).

The lists come from a generator that shares no code with the demo's and was written
without the matching rules in view, with a published corruption model (see
``benchmarks/other_lists.py``). Seeds 101 to 103 are the development half, on which
the matcher may be studied; seeds 201 to 203 are the test half, whose misses are
never shown.

Anchor in the same run: Splink on the same prepared records (as in the synthetic
benchmark).
"""

from __future__ import annotations

from .common import DATA, machine, measure, write_section
from .match_quality import KINDS, OURS, SCORE, SPLINK_UK, setup_for

HALVES = {"development": (101, 102, 103), "test": (201, 202, 203)}
PEOPLE = {"quick": 6_000, "full": 20_000}
TARGETS = "definite precision at least 0.999, recall incl. review at least 0.99, at most 3 " \
    "review pairs per 100 records, no household false merges"  # fmt: skip


def _lists(people: int, seed: int) -> tuple[list[str], str]:
    from pathlib import Path

    from .other_lists import make_lists

    folder = Path(DATA) / f"other_{people}_{seed}"
    return make_lists(people, seed, folder)


def _totals(results: list[dict]) -> dict[str, float]:
    """Pooled figures over a half's seeds (pairs added up, not averages of ratios)."""
    tp = sum(r["tp"] for r in results)
    fp = sum(r["fp"] for r in results)
    true = sum(r["true"] for r in results)
    reviewed = sum(r["tp_review"] for r in results)
    records = sum(r["records"] for r in results)
    precision = tp / max(tp + fp, 1)
    recall = tp / max(true, 1)
    return {
        "records": records,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "with_review": (tp + reviewed) / max(true, 1),
        "review_per_100": 100 * sum(r["review"] for r in results) / max(records, 1),
        "merges": {k: sum(r["merges"][k] for r in results) for k in KINDS},
    }


COUNTS = """
ids = truth["ids"]
same = ids[a] == ids[b]
info["tp"] = int((same & (decision == "match")).sum())
info["fp"] = int((~same & (decision == "match")).sum())
info["tp_review"] = int((same & (decision == "review")).sum())
counts = np.bincount(ids)
info["true"] = int((counts * (counts - 1) // 2).sum())
"""


# Bands of vcs-excel's probability that a pair is one person, and how often the pairs in
# each band are one person: whether the probability can be read as a chance.
BANDS = (0.0, 0.3, 0.9, 0.95, 0.99, 0.999)
CALIBRATION = f"""
if "scored" in globals() and "probability" in scored:
    band = np.digitize(scored["probability"].to_numpy(), {list(BANDS)!r}) - 1
    info["bands"] = [[int((band == k).sum()), int((same & (band == k)).sum())]
                     for k in range({len(BANDS)})]
"""


# Every compared pair's comparison levels (its pattern), counted with how many are one
# person and how many two people of one household: what any decision over the levels
# could do at best (:func:`frontier`).
PATTERNS = """
if "scored" in globals() and "decision" in scored:
    from vcs_excel.matching.comparisons import COMPARISONS as _C
    _fields = [f for f in _C if f in scored]
    _home = truth["household"][ids[a]] == truth["household"][ids[b]]
    _frame = scored[_fields].astype(int).assign(t=same.astype(int), hh=(_home & ~same).astype(int))
    _counts = _frame.groupby(_fields).agg(n=("t", "size"), t=("t", "sum"), hh=("hh", "sum"))
    info["patterns"] = [[" ".join(map(str, k)), int(r.n), int(r.t), int(r.hh)]
                        for k, r in zip(_counts.index, _counts.itertuples(), strict=True)]
    info["review_pairs"] = int((decision == "review").sum())
"""
RECALLS = (0.95, 0.97, 0.99)


def frontier(patterns: list[list], true: int, records: int) -> dict[str, object]:
    """The best any decision over the comparison levels could do on these pairs.

    An oracle that knows, for each pattern of levels, how many of its pairs are one
    person: it makes definite the patterns with no two people of one household, purest
    first, while definite precision stays at least 0.999; then sends patterns to a person,
    those with most true pairs per question first, until recall including review reaches
    each of :data:`RECALLS`. It is fitted on the very pairs it is scored on, so no rule
    over the same levels can need fewer review pairs; a decision that also weighs how
    common a name is (as vcs-excel's probability does) is not bound by it.
    """
    pooled: dict[str, list[int]] = {}
    for key, n, t, hh in patterns:
        row = pooled.setdefault(key, [0, 0, 0])
        row[0], row[1], row[2] = row[0] + n, row[1] + t, row[2] + hh
    rows = sorted(pooled.values(), key=lambda r: (r[0] - r[1]) / r[0])
    tp = fp = 0
    left = []
    for n, t, hh in rows:
        if hh == 0 and fp + n - t <= 0.001 * (tp + fp + n):
            tp, fp = tp + t, fp + n - t
        else:
            left.append((n, t))
    left.sort(key=lambda r: -r[1] / r[0])
    compared = tp + sum(t for _, t in left)
    need: dict[float, float | None] = {}
    for goal in RECALLS:
        found, asked = tp, 0
        for n, t in left:
            if found >= goal * true:
                break
            found, asked = found + t, asked + n
        need[goal] = 100 * asked / records if found >= goal * true else None
    return {"compared": compared / max(true, 1), "definite": tp / max(true, 1), "need": need}


def _frontier_lines(fronts: dict[str, tuple[dict, dict]]) -> list[str]:
    goals = " | ".join(f"review pairs per 100 for recall {g:g}" for g in RECALLS)
    lines = [
        "The best any decision over the same comparison levels could do (an oracle that "
        "knows how many pairs of each pattern of levels are one person, fitted on the pairs "
        "it is scored on: a floor for rules over these levels; `frontier` in "
        "`benchmarks/other_match.py`). True pairs never compared cap recall whatever is "
        "decided. Review here counts pairs, as does vcs-excel's column beside it (its "
        "questions, one per two people, are fewer).",
        "",
        "| half | true pairs compared | definite recall at precision 0.999, no household "
        f"merges | {goals} | vcs-excel: recall incl. review, review pairs per 100 |",
        "|---|---:|---:|" + "---:|" * len(RECALLS) + "---:|",
    ]
    for half, (front, ours) in fronts.items():
        need = " | ".join(
            "out of reach" if v is None else f"{v:.2f}" for v in front["need"].values()
        )
        lines.append(
            f"| {half} | {front['compared']:.4f} | {front['definite']:.4f} | {need} "
            f"| {ours['with_review']:.4f}, {ours['review_pairs_per_100']:.2f} |"
        )
    return lines


def _calibration(summary_bands: dict[str, list[list[int]]]) -> list[str]:
    heads = [f"{lo:g} to {hi:g}" for lo, hi in zip(BANDS, (*BANDS[1:], 1.0), strict=True)]
    lines = [
        "How far vcs-excel's probability (before the rules) can be read as a chance: of the "
        "compared pairs in each band, the share that are one person.",
        "",
        "| half | " + " | ".join(heads) + " |",
        "|---|" + "---:|" * len(heads),
    ]
    for half, bands in summary_bands.items():
        cells = [f"{same / n:.3f} ({n:,})" if n else "-" for n, same in bands]
        lines.append(f"| {half} | " + " | ".join(cells) + " |")
    return lines


def run(quick: bool = False) -> str:
    people = PEOPLE["quick" if quick else "full"]
    lines = [
        "## Finding duplicates: lists from an independent generator",
        "",
        f"Machine: {machine()}. Three lists (a GP list, a social care list, a food bank's "
        f"list) for {people:,} people from a second generator written apart from the "
        "matching rules (`benchmarks/other_lists.py`): households with couples, twins, a "
        "junior and a senior; names drawn by their frequency in the US 1990 census lists; "
        'each list with its own headers and fields (one name cell "SURNAME, Forename", the '
        "whole address in one cell, an age instead of a date of birth); and each record "
        "corrupted by a published model in the manner of GeCo and FEBRL's generator "
        "(keyboard and OCR slips, spelling by sound, nicknames and initials, missing values, "
        "swapped names, dates of birth with day and month swapped or a digit wrong, moves, "
        "married names, the formats people type). Seeds 101-103 are the development half; "
        "seeds 201-203 the test half, never studied. Figures pool the three seeds of a half. "
        "Review per 100 counts the questions a person is asked: one per two people, "
        "whose answer settles every review pair of their rows.",
        "",
        "| half | contender | records | seconds (all seeds) | precision | recall | F1 "
        "| recall incl. review | review per 100 | false merges: " + " / ".join(KINDS) + " |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    summary, bands, fronts = {}, {}, {}
    for half, seeds in HALVES.items():
        for name, body in (("vcs-excel", OURS), ("Splink 5 (DuckDB)", SPLINK_UK)):
            results, seconds = [], 0.0
            for seed in seeds:
                paths, truth = _lists(people, seed)
                after = SCORE + COUNTS + CALIBRATION + PATTERNS
                m = measure(name, body, setup=setup_for(paths, truth), after=after)
                results.append(m.info)
                seconds += m.seconds
                if "bands" in m.info:
                    pooled = bands.setdefault(half, [[0, 0] for _ in BANDS])
                    for k, (n, same) in enumerate(m.info["bands"]):
                        pooled[k][0] += n
                        pooled[k][1] += same
            t = _totals(results)
            summary[(half, name)] = t
            if all("patterns" in r for r in results):
                t["review_pairs_per_100"] = (
                    100 * sum(r["review_pairs"] for r in results) / max(t["records"], 1)
                )
                patterns = [p for r in results for p in r["patterns"]]
                true = sum(r["true"] for r in results)
                fronts[half] = (frontier(patterns, true, t["records"]), t)
            merges = " / ".join(str(t["merges"][k]) for k in KINDS)
            lines.append(
                f"| {half} | {name} | {t['records']:,} | {seconds:.1f} | {t['precision']:.4f} "
                f"| {t['recall']:.4f} | {t['f1']:.4f} | {t['with_review']:.4f} "
                f"| {t['review_per_100']:.1f} | {merges} |"
            )
            print("  " + lines[-1], flush=True)
    lines += ["", f"Targets on the test half: {TARGETS}.", "", _verdict(summary), ""]
    lines += [*_calibration(bands), "", *_frontier_lines(fronts)]
    text = "\n".join(lines)
    if not quick:
        write_section("other", text)
    return text


def _verdict(summary: dict) -> str:
    t = summary.get(("test", "vcs-excel"))
    if t is None:
        return ""
    merges = sum(t["merges"].values())
    checks = [
        (f"precision {t['precision']:.4f}", t["precision"] >= 0.999),
        (f"recall incl. review {t['with_review']:.4f}", t["with_review"] >= 0.99),
        (f"review load {t['review_per_100']:.2f} per 100", t["review_per_100"] <= 3),
        (f"household false merges {merges}", merges == 0),
    ]
    splink = summary.get(("test", "Splink 5 (DuckDB)"))
    if splink:
        checks.append((f"F1 {t['f1']:.3f} (Splink {splink['f1']:.3f})", t["f1"] >= splink["f1"]))
    met = [x for x, ok in checks if ok]
    missed = [x for x, ok in checks if not ok]
    text = f"Test half, targets met: {'; '.join(met) or 'none'}."
    return text + (f" Missed: {'; '.join(missed)}." if missed else "")
