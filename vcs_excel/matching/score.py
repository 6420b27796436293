"""Score: how likely each compared pair is the same person (Fellegi-Sunter, with EM).

For every field and agreement level, ``m`` is how often true matches show that
level and ``u`` how often non-matches do; a pair's match weight adds up
log2(m/u) over its fields (a missing value adds nothing). ``u`` is measured on
random pairs of records, the surname's "same" level per surname (a match on a
common surname is worth less than one on a rare one); ``m`` is learnt by
expectation-maximisation from the candidate pairs, so no labelled examples are
needed to start, and people's review decisions can be added as known answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .compare import compare_pairs
from .comparisons import COMPARISONS, LEVELS, MISSING

FIELDS = list(COMPARISONS)
# Starting m and u of every level, from the comparisons (low level first). u is how
# often strangers share a surname, a birthday or a postcode: a small list cannot
# measure this itself.
M_START = {f: c.m_start() for f, c in COMPARISONS.items()}
U_START = {f: c.u_start() for f, c in COMPARISONS.items()}
U_PSEUDO = 2000.0  # random pairs' worth of weight for U_START
PSEUDO = 200.0  # weight of the starting values against the data, in pairs
MAX_PRIOR = 0.1


@dataclass
class Model:
    m: dict[str, np.ndarray]
    u: dict[str, np.ndarray]
    prior: float
    family_tf: dict[str, float] = field(default_factory=dict)

    def surname_frequency(self, family_keys: np.ndarray) -> np.ndarray:
        """How often two strangers share each surname (for a pair's first record)."""
        codes, uniques = pd.factorize(pd.Series(family_keys, dtype=object).fillna(""))
        tf = np.array([self.family_tf.get(k, 1e-4) for k in uniques], dtype=np.float64)
        return np.maximum(tf[codes], 1e-6)

    def weights(self, vectors: pd.DataFrame, family_keys: np.ndarray | None = None) -> np.ndarray:
        """Each pair's match weight; ``family_keys`` are the surnames of the pairs' first
        records (or, worked out once, their :meth:`surname_frequency`)."""
        total = np.zeros(len(vectors))
        tf = None
        if family_keys is not None and self.family_tf:
            tf = (
                family_keys
                if family_keys.dtype.kind == "f"
                else self.surname_frequency(family_keys)
            )
        for f in FIELDS:
            levels = vectors[f].to_numpy()
            present = levels != MISSING
            w = np.log2(self.m[f] / self.u[f])
            contrib = np.where(present, w[np.clip(levels, 0, len(w) - 1)], 0.0)
            if f == "family" and tf is not None:
                same = present & (levels == COMPARISONS[f].top)
                contrib = np.where(same, np.log2(self.m[f][-1] / tf), contrib)
            total += contrib
        return total

    def to_dict(self) -> dict:
        """The fitted m and u of every level by name, and the share of matches (the
        surname frequencies are the lists' own, worked out again when loaded)."""
        return {
            "prior": self.prior,
            "levels": {
                f: {
                    name: {"m": float(self.m[f][i]), "u": float(self.u[f][i])}
                    for i, name in enumerate(COMPARISONS[f].names)
                }
                for f in FIELDS
            },
        }

    @classmethod
    def from_dict(cls, data: dict, records: pd.DataFrame) -> Model:
        """A saved model, for these records. Levels are matched by name, so a model saved
        with other comparisons is refused rather than misread."""
        check_saved_model(data)
        levels = data["levels"]
        m, u = {}, {}
        for f in FIELDS:
            saved = levels[f]
            m[f] = np.array([saved[n]["m"] for n in COMPARISONS[f].names])
            u[f] = np.array([saved[n]["u"] for n in COMPARISONS[f].names])
        return cls(m, u, float(data["prior"]), surname_frequencies(records))

    def probability(self, weights: np.ndarray) -> np.ndarray:
        odds = self.prior / (1 - self.prior) * np.power(2.0, np.clip(weights, -60, 60))
        return odds / (1 + odds)


def check_saved_model(data: dict) -> None:
    """Refuse a saved model whose comparison levels are not this version's (it would be
    misread), or whose shares are not numbers between 0 and 1."""
    levels = data.get("levels") if isinstance(data, dict) else None
    if not isinstance(levels, dict) or not isinstance(data.get("prior"), int | float):
        raise ValueError("the model must hold 'prior' and 'levels', as a run saves it")
    for f in FIELDS:
        saved = levels.get(f, {})
        names = COMPARISONS[f].names
        if not isinstance(saved, dict) or set(saved) != set(names):
            found = ", ".join(saved) if isinstance(saved, dict) and saved else "none"
            raise ValueError(
                f"the saved model's {f} levels ({found}) are not this version's "
                f"({', '.join(names)}): match again without it"
            )
        for name in names:
            shares = saved[name]
            if not isinstance(shares, dict) or not all(
                isinstance(shares.get(k), int | float) and 0 < shares[k] <= 1 for k in ("m", "u")
            ):
                raise ValueError(f"the saved model's {f} level {name} needs m and u in (0, 1]")


def estimate_u(records: pd.DataFrame, samples: int = 20000, seed: int = 1) -> dict[str, np.ndarray]:
    """Level frequencies among random pairs of records (nearly all non-matches)."""
    n = len(records)
    rng = np.random.default_rng(seed)
    if n < 2:
        return {f: np.array(U_START[f]) for f in FIELDS}
    possible = n * (n - 1) // 2
    if possible <= samples:
        # A short list: every pair once (repeating the few there are would swamp U_START).
        a, b = np.triu_indices(n, k=1)
    else:
        a = rng.integers(0, n, samples)
        b = rng.integers(0, n, samples)
        keep = a != b
        a, b = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
    # Only the sampled records are compared: coding a million records for 20,000 pairs
    # would take longer than the comparing.
    sampled, inverse = np.unique(np.concatenate([a, b]), return_inverse=True)
    pairs = pd.DataFrame({"a": inverse[: len(a)], "b": inverse[len(a) :]})
    subset = records.iloc[sampled].reset_index(drop=True)
    vectors = compare_pairs(subset, pairs, judge_ids=False)
    u = {}
    for f in FIELDS:
        levels = vectors[f].to_numpy()
        counts = np.bincount(levels[levels != MISSING], minlength=len(LEVELS[f])).astype(float)
        counts += U_PSEUDO * np.array(U_START[f])
        u[f] = counts / counts.sum()
    return u


def surname_frequencies(records: pd.DataFrame) -> dict[str, float]:
    """How often two strangers share each surname of the lists, smoothed towards the
    usual share: a short list cannot tell a rare surname from a common one."""
    keys = records["family_key"].fillna("")
    counts = keys[keys != ""].value_counts()
    base, weight = U_START["family"][-1], 200.0
    return ((counts + weight * base) / (counts.sum() + weight)).to_dict()


def starting_model(records: pd.DataFrame) -> Model:
    """The model before any learning: the comparisons' starting m, u measured on random
    pairs of the records, and the records' surname frequencies."""
    return Model(
        {f: np.array(M_START[f]) for f in FIELDS}, estimate_u(records), prior=0.1,
        family_tf=surname_frequencies(records),
    )  # fmt: skip


def fit(
    vectors: pd.DataFrame,
    records: pd.DataFrame,
    iterations: int = 30,
    known: pd.Series | None = None,
) -> Model:
    """Learn ``m`` and the share of matches by EM; ``known`` (1 same, 0 different, NaN
    not decided) holds people's review decisions, which count as certain answers."""
    model = starting_model(records)
    if not len(vectors):
        return model
    family_keys = records["family_key"].to_numpy()[vectors["a"].to_numpy()]
    patterns, count, answer = _patterns(vectors, family_keys, known)
    tf = model.surname_frequency(family_keys[patterns.index.to_numpy()])
    for _ in range(iterations):
        p = model.probability(model.weights(patterns, tf))
        p = np.where(np.isnan(answer), p, answer)
        for f in FIELDS:
            levels = patterns[f].to_numpy()
            present = levels != MISSING
            weights = (p * count)[present]
            counts = np.bincount(levels[present], weights=weights, minlength=len(LEVELS[f]))
            counts = counts + PSEUDO * np.array(M_START[f])
            model.m[f] = np.maximum(counts / counts.sum(), 1e-4)
        # Households make many candidate pairs look alike; an unchecked share of matches
        # drifts towards "everything matches", so it is held to a plausible range.
        model.prior = float(np.clip((p * count).sum() / count.sum(), 1e-3, MAX_PRIOR))
    return model


def _patterns(
    vectors: pd.DataFrame, family_keys: np.ndarray, known: pd.Series | None
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The distinct comparison patterns among the pairs, how many pairs show each, and
    people's answer for it (NaN if none). Pairs that agree on every level (and on the
    surname, where the surnames are the same) score alike, so EM runs over the patterns:
    a few thousand rows instead of millions of pairs."""
    key = np.zeros(len(vectors), dtype=np.int64)
    for f in FIELDS:
        key = key * 8 + (vectors[f].to_numpy().astype(np.int64) - MISSING)
    same_surname = vectors["family"].to_numpy() == COMPARISONS["family"].code("same")
    surname = pd.factorize(pd.Series(family_keys, dtype=object).fillna(""))[0]
    key = key * (surname.max(initial=0) + 2) + np.where(same_surname, surname + 1, 0)
    answer = np.full(len(vectors), np.nan) if known is None else known.to_numpy(np.float64)
    key = key * 3 + np.where(np.isnan(answer), 0, 1 + (answer > 0.5))
    _, first, count = np.unique(key, return_index=True, return_counts=True)
    return vectors.iloc[first], count.astype(np.float64), answer[first]


def score_pairs(vectors: pd.DataFrame, records: pd.DataFrame, model: Model) -> pd.DataFrame:
    family_keys = records["family_key"].to_numpy()[vectors["a"].to_numpy()]
    out = vectors.copy()
    out["weight"] = model.weights(vectors, family_keys)
    out["probability"] = model.probability(out["weight"].to_numpy())
    return out
