"""Phone numbers (``phonenumbers``, UK by default), standardised to E.164 (+441134960000).

``phonenumbers`` decides validity. Checking a million numbers one by one with
it takes too long, so for UK numbers its answer is remembered by the number's
first seven digits and its length, which is what a UK number range is
allocated by (a property test compares the two on random numbers).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_STRIP = re.compile(r"[\s\-().]")
_UK = re.compile(r"^(?:\+44|0044|0)(\d{9,10})$")
_EXTENSION = re.compile(r"\s*(?:ext\.?|x|extension)\s*\d{1,6}\s*$", re.I)


# Ofcom's ranges for TV, radio and film drama: well-formed, never a real line.
# (national number prefix, first and last number of the range)
DRAMA_RANGES = (
    *((f"{area}4960", 0, 999) for area in (113, 114, 115, 116, 117, 118, 121, 131, 141, 151, 161)),
    ("1914980", 0, 999),
    ("2079460", 0, 999),
    ("2896496", 0, 999),
    ("2920180", 0, 999),
    ("1632960", 0, 999),
    ("7700900", 0, 999),
    ("8081570", 0, 999),
    ("9098790", 0, 999),
    ("3069990", 0, 999),
)


def is_drama_number(national: str) -> bool:
    """True for a UK number (without its leading 0) in one of Ofcom's drama ranges."""
    return any(
        national.startswith(prefix) and len(national) == len(prefix) + 3
        for prefix, _, _ in DRAMA_RANGES
    )


@dataclass(frozen=True)
class PhoneResult:
    valid: bool
    standard: str | None  # E.164, "+447700900123"
    mobile: bool = False
    fictional: bool = False  # an Ofcom drama number: well-formed, not a real line
    lost_zero: bool = False  # valid once the leading 0 that Excel dropped is put back
    scientific: bool = False  # Excel wrote it as 1.61834E+11: its last digits are lost


# A number Excel showed in scientific notation ("1.61834E+11"): digits are gone for good.
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?e\+?\d{1,2}$", re.I)


@functools.lru_cache(maxsize=200_000)
def _uk_range(prefix: str, length: int) -> tuple[bool, bool]:
    """(valid, mobile) for UK national numbers starting with ``prefix`` of ``length``."""
    import phonenumbers

    sample = prefix + "0" * (length - len(prefix))
    number = phonenumbers.PhoneNumber(country_code=44, national_number=int(sample))
    valid = phonenumbers.is_valid_number(number)
    mobile = valid and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    return valid, mobile


@functools.lru_cache(maxsize=65536)
def _other(text: str) -> PhoneResult:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return PhoneResult(False, None)
    if not phonenumbers.is_valid_number(number):
        return PhoneResult(False, None)
    mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    return PhoneResult(True, phonenumbers.format_number(number, 0), mobile)


def uk_number_valid(national: str) -> tuple[bool, bool]:
    """(valid, mobile) for a UK national significant number (no leading 0)."""
    if len(national) < 7:
        return _uk_range(national, len(national))
    valid, mobile = _uk_range(national[:7], len(national))
    return valid, mobile


def normalise_phone(value: object) -> PhoneResult:
    """Check a phone number and give it in E.164 form.

    >>> normalise_phone("0113 496 0000").standard
    '+441134960000'
    >>> normalise_phone("7700900123").standard  # a mobile whose leading 0 Excel dropped
    '+447700900123'
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "" if value is None else str(value)
    text = _EXTENSION.sub("", text)
    compact = _STRIP.sub("", text)
    if not compact:
        return PhoneResult(False, None)
    if _SCIENTIFIC.match(text.strip()):
        return PhoneResult(False, None, scientific=True)
    if compact.isdigit() and len(compact) in (9, 10) and compact[0] != "0":
        # A number stored as a number loses its leading zero (1612269647 is 0161 226 9647).
        repaired = normalise_phone("0" + compact)
        if repaired.valid:
            return PhoneResult(
                True, repaired.standard, repaired.mobile, repaired.fictional, lost_zero=True
            )
    match = _UK.match(compact)
    if match:
        national = match.group(1)
        if is_drama_number(national):
            return PhoneResult(True, f"+44{national}", national.startswith("7"), fictional=True)
        valid, mobile = uk_number_valid(national)
        return PhoneResult(valid, f"+44{national}" if valid else None, mobile)
    if compact.startswith(("+", "00")) and compact.lstrip("+").isdigit():
        return _other(compact)
    return PhoneResult(False, None)


def is_mobile(number: object) -> bool:
    """A UK mobile number (a person's own, where a landline is the household's)."""
    return bool(number) and normalise_phone(number).mobile
