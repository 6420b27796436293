"""The matching steps built so far, run in order: prepare -> block -> compare -> score ->
decide. (Clustering, the Review and One list tabs and remembered decisions come next.)"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from ..errors import BadInputError
from ..workbook import Book
from .block import candidate_pairs
from .compare import compare_pairs
from .decide import decide
from .prepare import prepare_book
from .review import apply_decisions, known_answers, pair_keys
from .score import Model, fit, score_pairs
from .settings import MatchSettings


@dataclass
class Matches:
    records: pd.DataFrame  # prepared records, with sheet and Excel row
    pairs: pd.DataFrame  # candidate pairs: comparison levels, weight, probability, decision
    model: Model

    def decided(self, decision: str) -> pd.DataFrame:
        """The pairs with this decision, each side named by sheet and Excel row."""
        chosen = self.pairs[self.pairs["decision"] == decision]
        a = self.records.iloc[chosen["a"].to_numpy()].reset_index(drop=True)
        b = self.records.iloc[chosen["b"].to_numpy()].reset_index(drop=True)
        return pd.DataFrame({
            "sheet_a": a["sheet"], "row_a": a["row"], "sheet_b": b["sheet"], "row_b": b["row"],
            "probability": chosen["probability"].to_numpy(),
        })  # fmt: skip


class Deduper:
    """The matching workflow with its settings: ``Deduper(settings).run(book)``.

    >>> from vcs_excel.matching import Deduper, MatchSettings
    >>> deduper = Deduper(MatchSettings(definite=0.999))          # doctest: +SKIP
    >>> matches = deduper.run(FileBook.open("lists.xlsx"))        # doctest: +SKIP
    >>> matches.decided("review")                                  # doctest: +SKIP
    """

    def __init__(self, settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()

    def run(
        self,
        book: Book,
        sheets: Iterable[str] | None = None,
        decisions: Mapping[str, str] | None = None,
    ) -> Matches:
        """Every candidate pair across the user's tabs (and within each), scored and decided.

        ``decisions`` (pair key -> "Same person" / "Different people" / "Not sure") are
        people's earlier answers: they teach the model and override its decision.
        """
        s = self.settings
        decisions = decisions or {}
        records = prepare_book(book, sheets)
        if records.empty:
            raise BadInputError(
                "There is no one to compare: the tabs have no rows below their headers."
            )
        pairs = candidate_pairs(records, s.blocking_rules, s.max_block)
        vectors = compare_pairs(records, pairs)
        keys = pair_keys(records, vectors)
        known = known_answers(keys, decisions) if decisions else None
        model = fit(vectors, records, iterations=s.em_iterations, known=known)
        scored = score_pairs(vectors, records, model)
        scored["key"] = keys
        decided = decide(scored, records, s.definite, s.review)
        scored["decision"] = apply_decisions(decided, keys, decisions)
        return Matches(records, scored, model)


def find_matches(
    book: Book,
    sheets: Iterable[str] | None = None,
    decisions: Mapping[str, str] | None = None,
    settings: MatchSettings | None = None,
) -> Matches:
    """:meth:`Deduper.run` with the given (or default) settings."""
    return Deduper(settings).run(book, sheets, decisions)
