"""UK postcodes: the format rule published for the Bulk Data Transfer service
(GOV.UK), plus the special cases (BFPO, GIR 0AA, overseas territories)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Outward code (area and district), then the inward code (sector digit and unit).
_POSTCODE = re.compile(
    r"^(?:GIR ?0AA|(?:(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|"
    r"[A-PR-UWYZ][0-9][A-HJKSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})"
    r"|(?:BFPO ?[0-9]{1,4})|(?:(?:ASCN|STHL|TDCU|BBND|BIQQ|FIQQ|PCRN|SIQQ|TKCA) ?1ZZ))$"
)
# The first half alone: the outward code (the district, "LS6", "SW1A"), perhaps with
# the sector's digit ("LS6 1").
_OUTWARD = re.compile(
    r"^(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKSTUW]|"
    r"[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y])(?: [0-9])?$"
)
_NOT_POSTCODE = re.compile(r"[^A-Z0-9]")
# Something shaped like a postcode inside upper-case text.
_IN_TEXT = re.compile(r"([A-Z]{1,2}[0-9][0-9A-Z]?\s*[0-9][A-Z]{2})\b")


@dataclass(frozen=True)
class PostcodeResult:
    valid: bool
    standard: str | None  # "LS6 1AB" when valid

    @property
    def problem(self) -> str | None:
        return None if self.valid else "postcode-invalid"


def _spaced(compact: str) -> str:
    if compact.startswith("BFPO"):
        return f"BFPO {compact[4:]}"
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_postcode(value: object) -> PostcodeResult:
    """Check a postcode and give it upper case with one space: ``"ls61ab"`` -> ``"LS6 1AB"``.

    >>> normalise_postcode("ls61ab").standard
    'LS6 1AB'
    """
    text = "" if value is None else str(value)
    compact = _NOT_POSTCODE.sub("", text.upper())
    if len(compact) < 5 or len(compact) > 8:
        return PostcodeResult(False, None)
    spaced = _spaced(compact)
    if _POSTCODE.match(spaced):
        return PostcodeResult(True, spaced)
    return PostcodeResult(False, None)


def partial_postcode(value: object) -> str | None:
    """The district (and sector) of a postcode given without its last part, in capitals:
    ``"ls6"`` -> ``"LS6"``, ``"LS6 1"`` -> ``"LS6 1"``; None for anything else.

    >>> partial_postcode("ls6"), partial_postcode("LS6 1AB")
    ('LS6', None)
    """
    text = " ".join(str(value).upper().split())
    return text if _OUTWARD.match(text) else None


def find_postcode(text: str) -> str | None:
    """The last thing in ``text`` that is a valid postcode (for a whole address in one cell)."""
    upper = str(text).upper()
    found = _IN_TEXT.findall(upper)
    for candidate in reversed(found):
        result = normalise_postcode(candidate)
        if result.valid:
            return result.standard
    return None
