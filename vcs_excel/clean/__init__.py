"""Normalisers: one value in, its standard form and what is wrong with it out.

Every normaliser accepts any text without raising, and is idempotent: its
standard form, normalised again, stays the same (property tests check both).
"""

from .dates import DateResult, parse_date
from .emails import EmailResult, normalise_email
from .nhs import NhsResult, check_nhs_number
from .phones import PhoneResult, normalise_phone
from .postcodes import PostcodeResult, normalise_postcode
from .text import collapse_spaces, has_stray_whitespace

__all__ = [
    "DateResult",
    "EmailResult",
    "NhsResult",
    "PhoneResult",
    "PostcodeResult",
    "check_nhs_number",
    "collapse_spaces",
    "has_stray_whitespace",
    "normalise_email",
    "normalise_phone",
    "normalise_postcode",
    "parse_date",
]
