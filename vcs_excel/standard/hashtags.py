"""HXL-style hashtags: ``#hashtag+attribute+attribute``.

Case and the order of attributes do not matter: ``#Person+Volunteer+AllNames``
and ``#person+allnames+volunteer`` are the same tag. A tag's *key* is its
lower-case hashtag followed by its attributes sorted, which is how tags are
compared everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HASHTAG = re.compile(r"^\s*#([A-Za-z][A-Za-z0-9_]*)((?:\s*\+\s*[A-Za-z][A-Za-z0-9_]*)*)\s*$")


@dataclass(frozen=True)
class Hashtag:
    """A parsed hashtag: the tag name and its set of attributes (all lower case)."""

    name: str
    attributes: frozenset[str]

    @property
    def key(self) -> str:
        """``#name+a+b`` with attributes sorted: the form tags are compared in."""
        return "#" + "+".join([self.name, *sorted(self.attributes)])

    def has(self, other: Hashtag) -> bool:
        """HXL matching: the same hashtag with at least ``other``'s attributes."""
        return self.name == other.name and other.attributes <= self.attributes


class HashtagError(ValueError):
    """Text that is not a well-formed hashtag."""


def parse_hashtag(text: str) -> Hashtag:
    """Parse ``#tag+attr`` text; raises :class:`HashtagError` with the reason.

    >>> parse_hashtag("#Volunteer+Household+Number").key
    '#volunteer+household+number'
    """
    match = _HASHTAG.match(text or "")
    if not match:
        stripped = (text or "").strip()
        if not stripped.startswith("#"):
            reason = "a tag starts with #"
        elif re.search(r"\s", stripped.replace(" +", "+").replace("+ ", "+")):
            reason = "a tag has no spaces inside it"
        else:
            reason = "use letters, digits and _ only, joined by +"
        raise HashtagError(f"'{stripped}' is not a valid tag: {reason}")
    name = match.group(1).lower()
    attrs = [a.strip().lower() for a in match.group(2).split("+") if a.strip()]
    return Hashtag(name, frozenset(attrs))


def tag_key(text: str) -> str | None:
    """The comparison key of a tag, or ``None`` when the text is not a valid tag."""
    try:
        return parse_hashtag(text).key
    except HashtagError:
        return None
