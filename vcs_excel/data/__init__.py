"""Data files vcs-excel ships (see each folder's README for source and licence)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# The US 1990 census name lists, by the names the ``names`` package gave them.
CENSUS_NAMES = {
    "first:female": HERE / "census1990" / "first_female.txt",
    "first:male": HERE / "census1990" / "first_male.txt",
    "last": HERE / "census1990" / "last.txt",
}
