"""Whitespace in text cells."""

from __future__ import annotations

import re

_RUNS = re.compile(r"\s+")
# Several values in one cell: separated by , ; / | or " & ".
MULTI_SPLIT = re.compile(r"\s*[,;/|]\s*|\s+&\s+")


def collapse_spaces(text: str) -> str:
    """Trim the ends and fold every run of spaces, tabs and line breaks into one space."""
    return _RUNS.sub(" ", text).strip()


def has_stray_whitespace(text: str) -> bool:
    """True for spaces at either end, doubled spaces, tabs or line breaks."""
    return collapse_spaces(text) != text
