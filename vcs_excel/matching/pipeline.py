"""One linker for every matching feature: prepare -> block -> compare -> score -> decide ->
cluster -> merge.

Find duplicates, Apply review decisions, Compare with previous list, ``=VCS.SAME_PERSON``
and the Python API all run these steps through :class:`Linker`, with one
:class:`MatchSettings` (thresholds, blocking rules and, once a run has trained it, the
fitted model). A saved model loaded again gives the same decisions on the same lists.

>>> from vcs_excel.matching import Linker
>>> linked = Linker().run(FileBook.open("lists.xlsx"))        # doctest: +SKIP
>>> linked.decided("review")                                  # doctest: +SKIP
>>> linked.features()   # recordlinkage's feature frame, for its classifiers  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from ..errors import BadInputError
from ..workbook import Book
from .block import candidate_pairs
from .cluster import cluster
from .compare import compare_pairs
from .comparisons import COMPARISONS
from .decide import decide
from .prepare import ColumnPlan, Table, _age_value, prepare_book, prepare_table
from .review import DIFFERENT, NOT_SURE, SAME, apply_decisions, known_answers, pair_keys
from .score import Model, fit, score_pairs, starting_model
from .settings import MatchSettings


@dataclass
class Linked:
    """What a run found: the prepared records, every candidate pair (its comparison
    levels, weight, probability, decision after grouping and people's answers, and
    ``asked``: the review pairs a person is asked about, one per two people, and
    ``covers``: how many review pairs each question settles), the model, and each
    record's person."""

    records: pd.DataFrame  # prepared records, with sheet and Excel row
    pairs: pd.DataFrame
    model: Model
    person: np.ndarray  # a person number for every record, from 1
    settings: MatchSettings

    def decided(self, decision: str) -> pd.DataFrame:
        """The pairs with this decision, each side named by sheet and Excel row."""
        return self._sides(self.pairs[self.pairs["decision"] == decision])

    def questions(self) -> pd.DataFrame:
        """The review pairs a person is asked about, one per two people (the Review tab's
        rows), each side named by sheet and Excel row."""
        return self._sides(self.pairs[(self.pairs["decision"] == "review") & self.pairs["asked"]])

    def _sides(self, chosen: pd.DataFrame) -> pd.DataFrame:
        a = self.records.iloc[chosen["a"].to_numpy()].reset_index(drop=True)
        b = self.records.iloc[chosen["b"].to_numpy()].reset_index(drop=True)
        return pd.DataFrame({
            "sheet_a": a["sheet"], "row_a": a["row"], "sheet_b": b["sheet"], "row_b": b["row"],
            "probability": chosen["probability"].to_numpy(),
        })  # fmt: skip

    def features(self) -> pd.DataFrame:
        """The comparison vectors as recordlinkage's feature frame: a row per candidate
        pair indexed by the two records, a column per comparison holding its level
        (0 for "different" up to the strongest agreement; -1 where a value is missing),
        so a data team can try recordlinkage's classifiers on them."""
        index = pd.MultiIndex.from_arrays(
            [self.pairs["a"].to_numpy(), self.pairs["b"].to_numpy()], names=["a", "b"]
        )
        return pd.DataFrame(
            {f: self.pairs[f].to_numpy() for f in COMPARISONS if f in self.pairs}, index=index
        )

    def keys(self, pairs: pd.DataFrame) -> pd.Series:
        """Who the two records of each of ``pairs`` are (stable across runs): the key
        people's answers are stored under."""
        return pairs["key"] if "key" in pairs else pair_keys(self.records, pairs)

    def people(self) -> pd.DataFrame:
        """The records with their person number (the merge step's input)."""
        return self.records.assign(person=self.person)

    @property
    def trained(self) -> MatchSettings:
        """The settings with this run's fitted model, to save and load again."""
        return replace(self.settings, model=self.model.to_dict())


class Linker:
    """The matching steps with their settings: ``Linker(settings).run(book)``."""

    def __init__(self, settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()

    # Each step, for a data team to run one at a time.
    def prepare(self, book: Book, sheets: Iterable[str] | None = None) -> pd.DataFrame:
        records = prepare_book(book, sheets)
        if records.empty:
            raise BadInputError(
                "There is no one to compare: the tabs have no rows below their headers."
            )
        return records

    def block(self, records: pd.DataFrame) -> pd.DataFrame:
        return candidate_pairs(records, self.settings.blocking_rules, self.settings.max_block)

    def compare(self, records: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
        return compare_pairs(records, pairs)

    def train(
        self, vectors: pd.DataFrame, records: pd.DataFrame, known: pd.Series | None = None
    ) -> Model:
        """The saved model if the settings hold one, else one fitted by EM on these pairs
        (people's answers count as known)."""
        saved = self.settings.model
        if saved is not None:
            return Model.from_dict(saved, records)
        return fit(vectors, records, iterations=self.settings.em_iterations, known=known)

    def score(self, vectors: pd.DataFrame, records: pd.DataFrame, model: Model) -> pd.DataFrame:
        return score_pairs(vectors, records, model)

    def decide(self, scored: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
        """``scored`` with each pair's decision, and ``too_little``: the "no" pairs a rule
        decided for too little evidence, which grouping may still join through others."""
        little: list[np.ndarray] = []
        decision = decide(
            scored, records, self.settings.definite, self.settings.review, too_little=little
        )
        return scored.assign(decision=decision, too_little=little[0])

    def decide_pairs(
        self, records: pd.DataFrame, pairs: pd.DataFrame, model: Model | None = None
    ) -> pd.DataFrame:
        """Compare, score and decide the given pairs (no grouping): their levels,
        probability and decision."""
        vectors = self.compare(records, pairs.reset_index(drop=True))
        model = model or self.train(vectors, records)
        return self.decide(self.score(vectors, records, model), records)

    def link(self, records: pd.DataFrame, decisions: Mapping[str, str] | None = None) -> Linked:
        """Every candidate pair among prepared records, decided and grouped into people.

        ``decisions`` (pair key -> "Same person" / "Different people" / "Not sure") are
        people's earlier answers: they teach the model, override its decision, and hold
        in grouping ("Different people" are never joined; a pair decided already is not
        asked again).
        """
        decisions = decisions or {}
        pairs = self.block(records)
        vectors = self.compare(records, pairs)
        # Pair keys (who the two records are) are worked out only where people's answers
        # are to be matched to pairs: a million records make millions of pairs.
        keys = pair_keys(records, vectors) if decisions else None
        known = known_answers(keys, decisions) if keys is not None else None
        model = self.train(vectors, records, known)
        scored = self.decide(self.score(vectors, records, model), records)
        keep_apart = None
        if keys is not None:
            answers = keys.map(decisions.get)
            scored["key"] = keys
            scored["decision"] = apply_decisions(scored["decision"], keys, decisions)
            scored["priority"] = (answers == SAME).astype(int)
            keep_apart = scored[answers == DIFFERENT]
        person, grouped = cluster(records, scored, keep_apart, self.settings.review)
        if keys is not None:
            # A pair a person has decided is not asked again, even if grouping sent it back.
            grouped = grouped.where(~keys.isin(decisions) | (grouped != "review"), "no")
            grouped = grouped.where(answers != NOT_SURE, "review")
        grouped, covers = questions(scored, grouped, person, keep_apart)
        pairs = scored.assign(decision=grouped, asked=covers > 0, covers=covers)
        return Linked(records, pairs, model, person, self.settings)

    def run(
        self,
        book: Book,
        sheets: Iterable[str] | None = None,
        decisions: Mapping[str, str] | None = None,
    ) -> Linked:
        """:meth:`link` over the records of the user's tabs (and within each)."""
        return self.link(self.prepare(book, sheets), decisions)


def questions(
    pairs: pd.DataFrame, decision: pd.Series, person: np.ndarray, apart: pd.DataFrame | None
) -> tuple[pd.Series, np.ndarray]:
    """One question for a person per two people, not per two rows.

    After grouping, a review pair whose two rows other matches joined into one person is
    one person on the One list, and its decision says so ("match"); one whose two people
    a person has already said are different people is "no". Of the review pairs left
    between the same two people, the likeliest is the one asked: its answer settles the
    others, which join or stay apart with it. Returns the decisions and, for each pair,
    how many review pairs it is the question for (0 for a pair not asked)."""
    decision = decision.copy()
    a = person[pairs["a"].to_numpy(np.int64)]
    b = person[pairs["b"].to_numpy(np.int64)]
    review = decision.to_numpy(object) == "review"
    decision.iloc[np.flatnonzero(review & (a == b))] = "match"
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    size = np.int64(person.max(initial=0) + 1)
    if apart is not None and len(apart):
        pa = person[apart["a"].to_numpy(np.int64)]
        pb = person[apart["b"].to_numpy(np.int64)]
        said = np.minimum(pa, pb).astype(np.int64) * size + np.maximum(pa, pb)
        between = np.flatnonzero(review & (a != b))
        told = between[np.isin(lo[between].astype(np.int64) * size + hi[between], said)]
        decision.iloc[told] = "no"
    review = decision.to_numpy(object) == "review"
    covers = np.zeros(len(pairs), dtype=np.int64)
    if review.any():
        left = pd.DataFrame({"lo": lo[review], "hi": hi[review],
                             "p": pairs["probability"].to_numpy()[review],
                             "at": np.flatnonzero(review)})  # fmt: skip
        left = left.sort_values(["p", "at"], ascending=[False, True], kind="stable")
        size_of = left.groupby(["lo", "hi"])["at"].transform("size").to_numpy()
        first = ~left.duplicated(["lo", "hi"]).to_numpy()
        covers[left["at"].to_numpy()[first]] = size_of[first]
    return decision, covers


def find_matches(
    book: Book,
    sheets: Iterable[str] | None = None,
    decisions: Mapping[str, str] | None = None,
    settings: MatchSettings | None = None,
) -> Linked:
    """:meth:`Linker.run` with the given (or default) settings."""
    return Linker(settings).run(book, sheets, decisions)


def compare_two(a: Sequence[Any], b: Sequence[Any]) -> tuple[float, str, str]:
    """(probability, decision, reason) for two people given as (name, date of birth,
    postcode[, phone]), with the model's starting values (there is no list to learn from)
    and the same decision rules as Find duplicates."""
    from ..standard.dictionary import load_dictionary
    from ..workbook.grid import Column
    from .explain import reason

    fields = [("Name", "#person+name"), ("Date of birth", "#date+birth"),
              ("Postcode", "#contact+address+postcode"), ("Phone", "#contact+phone"),
              ("Age", "#person+age")]  # fmt: skip
    rows = []
    for x in (a, b):
        row = [*x, *([None] * (4 - len(x)))][:4]
        # An age in place of a date of birth ("age 39", as the Review tab shows one).
        age = _age_value(row[1])
        age = age if age is not None and 0 <= age <= 130 else None
        rows.append([*row[:1], None if age is not None else row[1], *row[2:], age])
    frame = pd.DataFrame(rows, columns=[f for f, _ in fields], index=[1, 2])
    d = load_dictionary()
    letters = "ABCDE"
    table = Table(
        "cells",
        None,
        None,
        [Column(f, f, letters[k], k + 1) for k, (f, _) in enumerate(fields)],
        frame,
    )
    plans = [
        ColumnPlan(col, d.lookup(tag), tag)
        for col, (_, tag) in zip(table.columns, fields, strict=True)
    ]
    records = prepare_table(table, plans)
    # No list to learn from: the model's starting values, through the same linker.
    pairs = pd.DataFrame({"a": [0], "b": [1]})
    scored = Linker().decide_pairs(records, pairs, starting_model(records))
    row = scored.iloc[0]
    why = reason(row, records.iloc[0], records.iloc[1])
    return float(row["probability"]), str(row["decision"]), why


# Earlier names, kept for scripts that use them.
Deduper = Linker
Matches = Linked
