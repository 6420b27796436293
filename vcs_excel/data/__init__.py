"""Data files vcs-excel ships (see each folder's README for source and licence)."""

from __future__ import annotations

import functools
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The US 1990 census name lists, by the names the ``names`` package gave them.
CENSUS_NAMES = {
    "first:female": HERE / "census1990" / "first_female.txt",
    "first:male": HERE / "census1990" / "first_male.txt",
    "last": HERE / "census1990" / "last.txt",
}


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names (lower case) held by at least one in 100,000 of either sex in the US
    1990 census lists: enough to tell a column of people's names by its values."""
    names: set[str] = set()
    for which in ("first:female", "first:male"):
        with open(CENSUS_NAMES[which], encoding="ascii") as lines:
            for line in lines:
                name, share, *_ = line.split()
                if float(share) >= 0.001:
                    names.add(name.lower())
    return frozenset(names)
