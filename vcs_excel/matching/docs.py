"""How matching decides (``docs/matching.md``), generated from the comparisons and rules."""

from __future__ import annotations

from pathlib import Path

from .block import MAX_BLOCK, PAIRS_PER_RECORD, RARE_BLOCK
from .block import RULES as KEYS
from .comparisons import COMPARISONS
from .decide import DEFINITE, REVIEW, RULES

DOCS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "matching.md"

# The blocking keys' fields, as the page names them.
KEY_WORDS = {
    "nhs": "NHS number", "id": "record ID", "dob": "date of birth", "postcode": "postcode",
    "house": "house number", "street": "street", "district": "postcode district",
    "phone": "phone number (any of them)", "email": "e-mail address",
    "given_sound": "first name's sound", "family_sound": "surname's sound",
    "names_sound": "sounds of both names (in either order)",
    "name_sound": "sound of either name (first name or surname, on either side)",
    "given_initial": "first initial", "family_initial": "surname's initial",
    "age_near": "age within a year (of names shared by at most "
    f"{RARE_BLOCK} records at that age)",
}  # fmt: skip


def key_text(rule: tuple[str, ...]) -> str:
    """ "date of birth and postcode"; "house number and street, one with no postcode
    district"."""
    same = [KEY_WORDS[f] for f in rule if not f.startswith("!")]
    text = " and ".join([", ".join(same[:-1]), same[-1]] if len(same) > 1 else same)
    lacking = [KEY_WORDS[f[1:]] for f in rule if f.startswith("!")]
    return text + "".join(f", where one of the two has no {w}" for w in lacking)


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
        "(weakest first); a value missing on either side says nothing. A pair is one of three",
        "kinds: one person, two people of one home, or strangers. The model starts from these",
        "shares and learns its own from the lists by expectation-maximisation: *m* is how",
        "often one person's two records show a level, *h* how often two people of one home",
        "do (a pair at one address only), *u* how often two strangers' do (measured on random",
        "pairs of the lists; for a shared surname, per surname). It learns, too, how many",
        "people on the lists live together: on lists where no one does, another first name",
        "at one address is a typo, and the household rules below stand down.",
        "",
        "A pair's probability of being one person is of all pairs of records, not of the",
        "compared pairs only (blocking picks pairs for what they share, which the levels",
        "count already), so it can be read as a chance.",
        "",
        "| Field | Level | Starting m | Starting h | Starting u |",
        "|---|---|---:|---:|---:|",
    ]
    for c in COMPARISONS.values():
        for i, level in enumerate(c.levels):
            field = f"{c.field}: {c.description}" if i == 0 else ""
            out.append(
                f"| {field} | {level.label} (`{level.name}`) | {level.m:g} | {level.h:g} "
                f"| {level.u:g} |"
            )
    out += [
        "",
        "## Which pairs are compared",
        "",
        "Comparing every record with every other would take hours at a million records, so",
        "only pairs that share at least one of these keys are compared (a pair never",
        "compared is never matched). The keys overlap on purpose, so one person's records",
        "meet despite a typo in a name, a move, a missing date of birth or a new phone:",
        "",
    ]
    out += [f"- the same {key_text(rule)}" for rule in KEYS]
    out += [
        "",
        f"Groups of a key that more than {MAX_BLOCK} records share (a common surname's sound",
        "at a big city's postcode), or the biggest groups of a key whose groups together",
        f"would make more than {PAIRS_PER_RECORD} pairs per record, are split by date of",
        "birth: their records are compared within each date of birth.",
        "A date of birth and one initial pair records only where a postcode cannot be read,",
        "because with a UK postcode on both they fit many strangers in a big city.",
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
        "household rule said are two people (or the model reads as two people of one home)",
        "into one person is refused and goes to review.",
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
