"""How matching decides (``docs/matching.md``), generated from the comparisons and rules."""

from __future__ import annotations

from pathlib import Path

from .comparisons import COMPARISONS
from .decide import DEFINITE, REVIEW, RULES

DOCS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "matching.md"


def markdown() -> str:
    out = [
        "# How Find duplicates decides",
        "",
        "Generated from `vcs_excel/matching/comparisons.py` and `vcs_excel/matching/decide.py`",
        "(run `python -m vcs_excel.pages`). Find duplicates, Apply review decisions, Compare",
        "with previous list, `=VCS.SAME_PERSON` and the Python API (`vcs_excel.matching.Linker`)",
        "all run the same steps: prepare, block, compare, score, decide, group into people.",
        "",
        "## Comparisons",
        "",
        "Each pair of records is compared field by field, at one of the named levels below",
        "(weakest first); a value missing on either side says nothing. The model starts from",
        "these shares and learns its own from the lists by expectation-maximisation: *m* is",
        "how often one person's two records show a level, *u* how often two strangers' do",
        "(measured on random pairs of the lists; for a shared surname, per surname).",
        "",
        "| Field | Level | Starting m | Starting u |",
        "|---|---|---:|---:|",
    ]
    for c in COMPARISONS.values():
        for i, level in enumerate(c.levels):
            field = f"{c.field}: {c.description}" if i == 0 else ""
            out.append(f"| {field} | {level.label} (`{level.name}`) | {level.m:g} | {level.u:g} |")
    out += [
        "",
        "## Decisions",
        "",
        f"A pair whose probability of being one person is at least {DEFINITE} is a definite",
        f"match; at least {REVIEW}, it goes to a person on the Review tab; below that, it is",
        "not a match. Then these rules run in order, each changing only the decisions it",
        "names. A person's answer on the Review tab overrides them all, and grouping never",
        "joins two records a person said are different people, nor two valid NHS numbers.",
        "",
        "| # | Rule | Turns | into | When |",
        "|---:|---|---|---|---|",
    ]
    for n, rule in enumerate(RULES, 1):
        turns = "any decision" if len(rule.changes) == 3 else " or ".join(rule.changes)
        out.append(f"| {n} | {rule.name} | {turns} | {rule.outcome} | {rule.doc} |")
    out += [
        "",
        "## Grouping into people, and what a person is asked",
        "",
        "Definite matches are joined into people, strongest first. A join that would put two",
        "valid NHS numbers, two records a person said are different people, or two records a",
        "household rule said are two people into one person is refused and goes to review.",
        'A pair decided "no" only for too little evidence whose records other matches join',
        "is one person on the One list, and so is a review pair whose two records other",
        'matches join: its decision says "match".',
        "",
        "A person is asked once about two people, not once per two rows: of the review pairs",
        "between the rows of the same two people, the likeliest is on the Review tab and its",
        'answer settles the others ("Same person" joins the two people; after "Different',
        'people" none of their pairs is asked again).',
    ]
    return "\n".join(out) + "\n"
