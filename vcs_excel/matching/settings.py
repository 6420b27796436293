"""Settings of a matching run: a dataclass that round-trips to JSON.

They are saved beside every run's results (a hidden sheet in the workbook, and
a JSON file next to the clusters CSV), with the comparisons' levels and the model the
run fitted, so a run can be repeated exactly: settings that hold a model use it
instead of fitting a new one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .block import MAX_BLOCK, RULES
from .decide import DEFINITE, REVIEW
from .score import check_saved_model


@dataclass
class MatchSettings:
    definite: float = DEFINITE  # probability at or above which a pair is a definite match
    review: float = REVIEW  # probability at or above which a pair goes to a person
    blocking_rules: list[list[str]] = field(default_factory=lambda: [list(r) for r in RULES])
    max_block: int = MAX_BLOCK
    em_iterations: int = 30
    # The fitted model (m and u of every comparison level by name, and the share of
    # matches), as Linked.trained saves it; None fits one on the lists.
    model: dict | None = None

    def __post_init__(self) -> None:
        if not 0 < self.review <= self.definite <= 1:
            raise ValueError("thresholds must satisfy 0 < review <= definite <= 1")
        if self.model is not None:
            check_saved_model(self.model)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    @classmethod
    def from_json(cls, text: str) -> MatchSettings:
        data = json.loads(text)
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**data)
