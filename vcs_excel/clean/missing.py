"""Values that stand for something else: placeholders for a missing value, and text
that a spreadsheet would run as a formula."""

from __future__ import annotations

import re

# Words and marks people type when they do not know a value (compared in lower case,
# with surrounding spaces and a final full stop removed).
PLACEHOLDER_WORDS = frozenset(
    {
        "n/a", "na", "n.a", "n/k", "nk", "n.k", "none", "nil", "null", "tbc", "tba", "tbd",
        "unknown", "not known", "not applicable", "not available", "no data", "missing",
        "blank", "empty", "-empty-", "--empty--", "see notes", "?", "??", "???", ".", "..",
        "...", "x", "xx", "xxx", "#", "*", "don't know", "don’t know", "dont know",
        "do not know", "not sure", "unsure", "dk",
    }
)  # fmt: skip
# Runs of zeros, with or without spaces or dashes: 0, 00000000, 0000 000 0000.
_ZEROS = re.compile(r"^0+(?:[\s\-]*0+)*$")
# Dashes of any kind, alone or repeated: "-", "--", an en dash, an em dash ("—").
_DASH_CHARS = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASHES = re.compile(f"^[{_DASH_CHARS}]+$")
# The same, as RE2 patterns for the checker's first pass over whole columns.
PLACEHOLDER_PATTERN = (
    r"(?i)^\s*(?:"
    + "|".join(re.escape(w) for w in sorted(PLACEHOLDER_WORDS, key=len, reverse=True))
    + f"|[{_DASH_CHARS}]+"
    + r")\.?\s*$"
)
ZEROS_PATTERN = r"^\s*0+(?:[\s\-]*0+)*\s*$"


def placeholder(text: str, numeric: bool = False) -> bool:
    """True for text that stands for a missing value ("N/A", "TBC", "--", an em dash,
    "0000 000 0000").

    In a column of numbers a zero is a number, so zeros count only where ``numeric``
    is false.

    >>> placeholder("N/A"), placeholder("0000 000 0000"), placeholder("0", numeric=True)
    (True, True, False)
    """
    t = text.strip().lower()
    if not t:
        return False
    bare = t.rstrip(".") or t
    if t in PLACEHOLDER_WORDS or bare in PLACEHOLDER_WORDS or _DASHES.match(bare):
        return True
    return not numeric and bool(_ZEROS.match(t))


# A sign followed by a number (with spaces, brackets or separators, as phone numbers and
# coordinates are written): a spreadsheet reads it as a number, never runs it.
_SIGNED_NUMBER = re.compile(r"^[+\-]\s*[\d(][\d\s().,/\-]*$")


def formula_like(text: str) -> bool:
    """True for text a spreadsheet would run as a formula when opened or pasted.

    That is text whose first character (after spaces) is ``=``, or ``+``, ``-`` or
    ``@`` followed by something that is not a number. Negative numbers (-2.418753)
    and phone numbers (+44 7700 900123) are not formulas.

    >>> formula_like("=HYPERLINK(\\"http://x\\")"), formula_like("-2.418753")
    (True, False)
    >>> formula_like("+44 7700 900123"), formula_like("@SUM(A1)"), formula_like("-")
    (False, True, False)
    """
    t = text.lstrip()
    if len(t) < 2 or t[0] not in "=+-@":
        return False
    if t[0] == "=":
        return True
    return not _SIGNED_NUMBER.match(t) and not set(t) <= set("+-@ ")
