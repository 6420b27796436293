"""Score: how likely each compared pair is the same person (Fellegi-Sunter, with EM).

For every field and agreement level, ``m`` is how often true matches show that
level and ``u`` how often non-matches do; a pair's match weight adds up
log2(m/u) over its fields (a missing value adds nothing). ``u`` is measured on
random pairs of records, the surname's "same" level per surname (a match on a
common surname is worth less than one on a rare one); ``m`` is learnt by
expectation-maximisation from the candidate pairs, so no labelled examples are
needed to start, and people's review decisions can be added as known answers.

Pairs at one home are of three kinds, not two: one person, two people of the
household, and strangers. Two people of one home share the address, often the
surname and the landline, so a two-class model learns "one household" for "one
person". The model has a third class for them, with its own level shares ``h``
and share of pairs, learnt by EM from the lists: on lists where people live
together, another first name at a shared address is learnt to be another member
of the household; on lists of people who live alone, it is learnt to be a typo.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .compare import compare_pairs
from .comparisons import COMPARISONS, LEVELS, MISSING, Levels, one_home

FIELDS = list(COMPARISONS)
# Starting m and u of every level, from the comparisons (low level first). u is how
# often strangers share a surname, a birthday or a postcode: a small list cannot
# measure this itself.
M_START = {f: c.m_start() for f, c in COMPARISONS.items()}
U_START = {f: c.u_start() for f, c in COMPARISONS.items()}
H_START = {f: c.h_start() for f, c in COMPARISONS.items()}
U_PSEUDO = 2000.0  # random pairs' worth of weight for U_START
PSEUDO = 200.0  # weight of the starting values against the data, in pairs
# EM's first guess: of all pairs of records, how many per record are one person, and how
# many two people of one home.
START_PER_RECORD = {"one_person": 0.2, "one_home": 0.2}


@dataclass
class Model:
    """The level shares of the three kinds of pair (``m`` one person, ``h`` two people
    of one home, ``u`` strangers), and how likely two records of the lists, taken at
    random, are one person (``prior``) or two people of one home (``household``).
    The two chances are of all pairs of the ``records``, not of the compared pairs
    only: blocking picks pairs for what they share, which the weights count already."""

    m: dict[str, np.ndarray]
    u: dict[str, np.ndarray]
    h: dict[str, np.ndarray]
    prior: float
    household: float
    records: int
    family_tf: dict[str, float] = field(default_factory=dict)

    def surname_frequency(self, family_keys: np.ndarray) -> np.ndarray:
        """How often two strangers share each surname (for a pair's first record)."""
        codes, uniques = pd.factorize(pd.Series(family_keys, dtype=object).fillna(""))
        tf = np.array([self.family_tf.get(k, 1e-4) for k in uniques], dtype=np.float64)
        return np.maximum(tf[codes], 1e-6)

    def weights(self, vectors: pd.DataFrame, family_keys: np.ndarray | None = None) -> np.ndarray:
        """Each pair's match weight, log2 of how much likelier its levels are for one
        person than for strangers; ``family_keys`` are the surnames of the pairs' first
        records (or, worked out once, their :meth:`surname_frequency`)."""
        return self._log2_ratio(self.m, vectors, family_keys)

    def household_weights(
        self,
        vectors: pd.DataFrame,
        family_keys: np.ndarray | None = None,
        at_home: np.ndarray | None = None,
    ) -> np.ndarray:
        """log2 of how much likelier each pair's levels are for two people of one home
        than for strangers; minus infinity for a pair not at one home (``at_home``, if
        worked out already)."""
        if at_home is None:
            at_home = one_home(Levels(vectors))
        total = np.full(len(vectors), -np.inf)
        keys = None if family_keys is None else family_keys[at_home]
        total[at_home] = self._log2_ratio(self.h, vectors[at_home], keys)
        return total

    def _log2_ratio(
        self, shares: dict[str, np.ndarray], vectors: pd.DataFrame, family_keys: np.ndarray | None
    ) -> np.ndarray:
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
            w = np.log2(shares[f] / self.u[f])
            contrib = np.where(present, w[np.clip(levels, 0, len(w) - 1)], 0.0)
            if f == "family" and tf is not None:
                same = present & (levels == COMPARISONS[f].top)
                contrib = np.where(same, np.log2(shares[f][-1] / tf), contrib)
            total += contrib
        return total

    def to_dict(self) -> dict:
        """The fitted m, u and h of every level by name, and how many other records per
        record are the same person or another person of the home (so the model fits a
        list of another length; the surname frequencies are the lists' own, worked out
        again when loaded)."""
        pairs_per_record = (self.records - 1) / 2
        return {
            "per_record": {
                "one_person": self.prior * pairs_per_record,
                "one_home": self.household * pairs_per_record,
            },
            "levels": {
                f: {
                    name: {
                        "m": float(self.m[f][i]),
                        "u": float(self.u[f][i]),
                        "h": float(self.h[f][i]),
                    }
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
        shares: dict[str, dict[str, np.ndarray]] = {"m": {}, "u": {}, "h": {}}
        for f in FIELDS:
            for kind, by_field in shares.items():
                by_field[f] = np.array([levels[f][n][kind] for n in COMPARISONS[f].names])
        n = len(records)
        pairs_per_record = max(n - 1, 1) / 2
        per_record = data["per_record"]
        return cls(
            shares["m"], shares["u"], shares["h"],
            prior=min(per_record["one_person"] / pairs_per_record, 0.5),
            household=min(per_record["one_home"] / pairs_per_record, 0.5),
            records=n, family_tf=surname_frequencies(records),
        )  # fmt: skip

    def kinds(
        self, weights: np.ndarray, household: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, float]:
        """How likely each pair's levels are as one person, as two people of one home and
        as strangers (in proportion, not summing to 1), from its match ``weights`` and its
        :meth:`household_weights`."""
        one = self.prior * np.power(2.0, np.clip(weights, -80, 80))
        at_home = self.household * np.power(2.0, np.clip(household, -80, 80))
        return one, at_home, 1 - self.prior - self.household


def check_saved_model(data: dict) -> None:
    """Refuse a saved model whose comparison levels are not this version's (it would be
    misread), or whose shares are not numbers between 0 and 1."""
    levels = data.get("levels") if isinstance(data, dict) else None
    per_record = data.get("per_record") if isinstance(data, dict) else None
    if not isinstance(levels, dict) or not isinstance(per_record, dict):
        raise ValueError(
            "the model must hold 'per_record' and 'levels', as this version saves it: "
            "match again without it"
        )
    for kind in ("one_person", "one_home"):
        value = per_record.get(kind)
        if not isinstance(value, int | float) or value < 0:
            raise ValueError(f"the saved model's per_record {kind} must be a number, 0 or more")
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
                isinstance(shares.get(k), int | float) and 0 < shares[k] <= 1
                for k in ("m", "u", "h")
            ):
                raise ValueError(f"the saved model's {f} level {name} needs m, u and h in (0, 1]")


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
    """The model before any learning: the comparisons' starting m and h, u measured on
    random pairs of the records, and the records' surname frequencies."""
    n = len(records)
    pairs_per_record = max(n - 1, 1) / 2
    return Model(
        {f: np.array(M_START[f]) for f in FIELDS}, estimate_u(records),
        {f: np.array(H_START[f]) for f in FIELDS},
        prior=min(START_PER_RECORD["one_person"] / pairs_per_record, 0.1),
        household=min(START_PER_RECORD["one_home"] / pairs_per_record, 0.1),
        records=n, family_tf=surname_frequencies(records),
    )  # fmt: skip


def fit(
    vectors: pd.DataFrame,
    records: pd.DataFrame,
    iterations: int = 30,
    known: pd.Series | None = None,
) -> Model:
    """Learn ``m``, ``h`` and the chances of one person and of two people of one home by
    EM; ``known`` (1 same, 0 different, NaN not decided) holds people's review
    decisions, which count as certain answers."""
    model = starting_model(records)
    if not len(vectors):
        return model
    family_keys = records["family_key"].to_numpy()[vectors["a"].to_numpy()]
    patterns, count, answer = _patterns(vectors, family_keys, known)
    tf = model.surname_frequency(family_keys[patterns.index.to_numpy()])
    n = len(records)
    all_pairs = max(n * (n - 1) / 2, count.sum())
    at_home = one_home(Levels(patterns))
    # Only pairs at one home can be two people of the home: their patterns, taken once.
    home_patterns, home_tf = patterns[at_home], tf[at_home]
    levels = {f: patterns[f].to_numpy() for f in FIELDS}
    for _ in range(iterations):
        before = model.prior, model.household
        household = np.full(len(patterns), -np.inf)
        household[at_home] = model._log2_ratio(model.h, home_patterns, home_tf)
        one, home, strangers = model.kinds(model.weights(patterns, tf), household)
        total = one + home + strangers
        p, q = one / total, home / total
        # A person's answer is certain: "same" is one person; "different" leaves the
        # household and strangers to share the pair as before.
        p = np.where(np.isnan(answer), p, answer)
        q = np.where(np.isnan(answer), q, (1 - answer) * home / (home + strangers))
        for shares, start, weight in ((model.m, M_START, p), (model.h, H_START, q)):
            for f in FIELDS:
                present = levels[f] != MISSING
                counts = np.bincount(
                    levels[f][present],
                    weights=(weight * count)[present],
                    minlength=len(LEVELS[f]),
                )
                counts = counts + PSEUDO * np.array(start[f])
                shares[f] = np.maximum(counts / counts.sum(), 1e-4)
        # Pairs never compared are strangers: the chances are of all pairs.
        model.prior = float(np.clip((p * count).sum() / all_pairs, 1e-12, 0.5))
        model.household = float(np.clip((q * count).sum() / all_pairs, 1e-30, 0.5))
        if np.allclose(before, (model.prior, model.household), rtol=1e-4, atol=0):
            break  # settled
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
    """``vectors`` with each pair's match ``weight``, its ``probability`` of being one
    person, and ``household``: if the two are not one person, the chance they are two
    people of one home (near 1 at a shared address on lists where people live
    together, near 0 on lists where they do not)."""
    family_keys = records["family_key"].to_numpy()[vectors["a"].to_numpy()]
    tf = model.surname_frequency(family_keys)
    out = vectors.copy()
    out["weight"] = model.weights(vectors, tf)
    one, home, strangers = model.kinds(
        out["weight"].to_numpy(), model.household_weights(vectors, tf)
    )
    out["probability"] = one / (one + home + strangers)
    out["household"] = home / (home + strangers)
    # How many other people of their home the model finds per record, on these lists.
    out.attrs["households_per_record"] = model.household * (model.records - 1) / 2
    return out
