"""E-mail addresses: syntax only (email-validator, no DNS look-up)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Ordinary addresses, checked without calling email-validator (a property test
# shows everything this accepts, email-validator accepts too).
# (A dot only between two other characters of the local part; \Z, not $, so that a
# final line break is not allowed through.)
_SIMPLE = re.compile(
    r"^[A-Za-z0-9](?:\.?[A-Za-z0-9_+\-])*@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\Z"
)


# Domains reserved for examples and testing (RFC 2606, RFC 6761).
EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net", "example", "test", "invalid")


@dataclass(frozen=True)
class EmailResult:
    valid: bool
    standard: str | None  # the domain in lower case

    @property
    def example(self) -> bool:
        """An address at a domain reserved for examples: well-formed, never delivered."""
        if not self.standard:
            return False
        domain = self.standard.rsplit("@", 1)[-1]
        return any(domain == d or domain.endswith("." + d) for d in EXAMPLE_DOMAINS)


# A domain label with hyphens in its 3rd and 4th places ("aa--b") is reserved by IDNA
# (only "xn--" labels may have them): the full validator refuses it.
_RESERVED_LABEL = re.compile(r"[@.][^.@]{2}--")


def simple_address(text: str) -> bool:
    """A plain ASCII address the full validator would accept as it is (the fast path)."""
    return bool(
        _SIMPLE.match(text)
        and len(text.split("@", 1)[0]) <= 64
        and not _RESERVED_LABEL.search(text)
    )


@functools.lru_cache(maxsize=65536)
def _validate(text: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text, check_deliverability=False).normalized
    except (EmailNotValidError, ValueError, UnicodeError):
        return None


def normalise_email(value: object) -> EmailResult:
    """Check an address and lower-case its domain (``Jean@Example.COM`` -> ``Jean@example.com``)."""
    text = "" if value is None else str(value).strip()
    if not text or len(text) > 254 or "@" not in text:
        return EmailResult(False, None)
    if simple_address(text):
        local, domain = text.rsplit("@", 1)
        return EmailResult(True, f"{local}@{domain.lower()}")
    normalised = _validate(text)
    return EmailResult(normalised is not None, normalised)
