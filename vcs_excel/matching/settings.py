"""Settings of a matching run: a dataclass that round-trips to JSON.

They are saved beside every run's results (a hidden sheet in the workbook, and
a JSON file next to the clusters CSV), so a run can be repeated exactly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .block import MAX_BLOCK, RULES
from .decide import DEFINITE, REVIEW


@dataclass
class MatchSettings:
    definite: float = DEFINITE  # probability at or above which a pair is a definite match
    review: float = REVIEW  # probability at or above which a pair goes to a person
    blocking_rules: list[list[str]] = field(default_factory=lambda: [list(r) for r in RULES])
    max_block: int = MAX_BLOCK
    em_iterations: int = 30

    def __post_init__(self) -> None:
        if not 0 < self.review <= self.definite <= 1:
            raise ValueError("thresholds must satisfy 0 < review <= definite <= 1")

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
