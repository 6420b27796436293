"""NHS numbers: 10 digits, the last a Modulus 11 check digit."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[\s\-./]")
# Placeholders typed when the real number is not known.
_DUMMIES = {str(d) * 10 for d in range(10)} | {"0123456789", "1234567890", "9876543210"}


@dataclass(frozen=True)
class NhsResult:
    valid: bool
    standard: str | None  # "943 476 5919" when valid
    problem: str | None = None  # nhs-number-length, nhs-number-check-digit, nhs-number-dummy

    @property
    def test_number(self) -> bool:
        """NHS numbers 999 000 0000 to 999 999 9999 are kept for testing, never issued."""
        return self.valid and bool(self.standard) and self.standard.startswith("999")


_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def check_digit(nine: str) -> int | None:
    """The Modulus 11 check digit for the first nine digits (None: no valid number)."""
    if len(nine) != 9:
        raise ValueError("nine digits are needed")
    total = sum(map(operator.mul, map(int, nine), _WEIGHTS))
    check = 11 - total % 11
    return 0 if check == 11 else None if check == 10 else check


def check_nhs_number(value: object) -> NhsResult:
    """Check an NHS number, written with or without spaces.

    >>> check_nhs_number("9434765919").standard
    '943 476 5919'
    >>> check_nhs_number("9434765918").problem
    'nhs-number-check-digit'
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "" if value is None else str(value)
    if not (len(text) == 10 and text.isdigit()):  # most are written as 10 digits
        text = _SEPARATORS.sub("", text)
    if not text.isdigit() or not text.isascii() or len(text) != 10:
        return NhsResult(False, None, "nhs-number-length")
    if text in _DUMMIES:
        return NhsResult(False, None, "nhs-number-dummy")
    if check_digit(text[:9]) != int(text[9]):
        return NhsResult(False, None, "nhs-number-check-digit")
    return NhsResult(True, f"{text[:3]} {text[3:6]} {text[6:]}")
