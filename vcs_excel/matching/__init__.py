"""Finding the same person across lists: prepare -> block -> compare -> score -> decide ->
cluster -> review -> merge. This package holds the steps built so far."""

from .pipeline import Matches, find_matches
from .prepare import (
    AddressParts,
    NameParts,
    nickname_related,
    prepare_book,
    prepare_table,
    split_address,
    split_name,
)

__all__ = [
    "AddressParts",
    "Matches",
    "NameParts",
    "find_matches",
    "nickname_related",
    "prepare_book",
    "prepare_table",
    "split_address",
    "split_name",
]
