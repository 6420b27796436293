"""Finding the same person across lists: prepare -> block -> compare -> score -> decide ->
cluster -> review -> merge."""

from .pipeline import Deduper, Linked, Linker, Matches, find_matches
from .prepare import (
    AddressParts,
    NameParts,
    nickname_related,
    prepare_book,
    prepare_books,
    prepare_table,
    split_address,
    split_name,
)
from .settings import MatchSettings

__all__ = [
    "AddressParts",
    "Deduper",
    "Linked",
    "Linker",
    "MatchSettings",
    "Matches",
    "NameParts",
    "find_matches",
    "nickname_related",
    "prepare_book",
    "prepare_books",
    "prepare_table",
    "split_address",
    "split_name",
]
