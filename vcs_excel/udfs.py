"""The Excel functions (UDFs) vcs-excel offers, as plain Python functions.

This is the one list they are registered in. From it come the xlwings
functions Excel calls (``vcs_excel.excel.udfs``), the VBA wrapper module in the
template workbook (so the functions work without xlwings' "Import Functions"),
the function wizard's descriptions, and the docs. In a cell they are called
with the ``VCS.`` prefix: ``=VCS.VERSION()``.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import __version__


@dataclass(frozen=True)
class Udf:
    """One Excel function: its name (without ``VCS.``), code, and descriptions."""

    name: str
    func: Callable[..., Any]
    description: str
    args: tuple[tuple[str, str], ...] = ()

    @property
    def excel_name(self) -> str:
        return f"VCS.{self.name}"

    @property
    def optional(self) -> set[str]:
        """Arguments that may be left out (those with a default in Python)."""
        parameters = inspect.signature(self.func).parameters.values()
        return {p.name for p in parameters if p.default is not inspect.Parameter.empty}

    @property
    def signature(self) -> str:
        names = [f"[{a}]" if a in self.optional else a for a, _ in self.args]
        return f"{self.excel_name}({', '.join(names)})"


UDFS: dict[str, Udf] = {}


def udf(
    name: str, description: str, args: tuple[tuple[str, str], ...] = ()
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a plain function as the Excel function ``VCS.<name>``."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        if not name.isidentifier() or name.upper() != name:
            raise ValueError(f"Excel function names are upper-case identifiers: {name!r}")
        if name in UDFS:
            raise ValueError(f"function {name} registered twice")
        params = func.__code__.co_varnames[: func.__code__.co_argcount]
        if tuple(a for a, _ in args) != params:
            raise ValueError(f"{name}: described arguments {args} do not match {params}")
        UDFS[name] = Udf(name, func, description, args)
        return func

    return register


@udf("VERSION", "The version of vcs-excel that answers the VCS functions in this workbook.")
def version() -> str:
    """``=VCS.VERSION()`` -> ``"0.1.0"``."""
    return __version__


@udf(
    "DESCRIBE",
    "What a data-standard tag means, in plain English.",
    args=(("tag", "A tag such as #volunteer+household+num"),),
)
def describe(tag: object) -> str:
    """``=VCS.DESCRIBE("#volunteer+household+num")`` -> its label and meaning."""
    from .standard.dictionary import load_dictionary
    from .standard.hashtags import HashtagError

    text = "" if tag is None else str(tag).strip()
    try:
        entry = load_dictionary().lookup(text)
    except HashtagError as exc:
        return str(exc)
    if entry is None:
        return f"{text} is not a tag of the vcs-excel data standard."
    return f"{entry.label}: {entry.description}"


@udf(
    "TAG",
    "The data-standard tag suggested for a column header (empty when none fits).",
    args=(("header", "A column header such as D.O.B"),),
)
def tag(header: object) -> str:
    """``=VCS.TAG("D.O.B")`` -> ``"#date+birth"``."""
    from .standard.suggest import suggest_tags

    return suggest_tags([header])[0].tag or ""


@udf(
    "SAME_PERSON",
    "Whether two people written in cells are the same person, how likely (0 to 1), and why.",
    args=(
        ("name_a", "The first person's name, e.g. Mrs Jean Smith"),
        ("dob_a", "The first person's date of birth"),
        ("postcode_a", "The first person's postcode"),
        ("name_b", "The second person's name"),
        ("dob_b", "The second person's date of birth"),
        ("postcode_b", "The second person's postcode"),
        ("phone_a", "Optional: the first person's phone number"),
        ("phone_b", "Optional: the second person's phone number"),
    ),
)
def same_person(
    name_a: object,
    dob_a: object,
    postcode_a: object,
    name_b: object,
    dob_b: object,
    postcode_b: object,
    phone_a: object = None,
    phone_b: object = None,
) -> str:
    """``=VCS.SAME_PERSON("Bill Okonkwo", ..., "William Okonkwo", ...)`` -> "Same person
    (1.000): same date of birth, postcode and surname; first names differ: Bill / William,
    a known nickname"."""
    from .matching.pipeline import compare_two

    phones = (phone_a, phone_b) if phone_a is not None or phone_b is not None else None
    probability, decision, why = compare_two(
        (name_a, dob_a, postcode_a, *(phones[:1] if phones else ())),
        (name_b, dob_b, postcode_b, *(phones[1:] if phones else ())),
    )
    verdict = {"match": "Same person", "review": "Not sure", "no": "Different people"}[decision]
    return f"{verdict} ({probability:.3f}): {why}"


# The shared directory file, read once per version of the file: a sheet of formulas
# recalculates often, and the file can hold thousands of services.
_DIRECTORY_CACHE: dict[tuple[str, int, int], Any] = {}


@udf(
    "FIND_SERVICES",
    "Services in the shared directory for a need, language and area: a table (taking "
    "referrals first) that spills below and to the right of the cell.",
    args=(
        ("need", "What the person needs, e.g. food, debt, befriending (may be empty)"),
        ("language", "Optional: a language, e.g. Urdu or BSL"),
        ("area", "Optional: a postcode, district or ward, e.g. LS6 1AB"),
        ("store", "Optional: the shared directory file (else the VCS_EXCEL_DIRECTORY setting)"),
    ),
)
def find_services(
    need: object, language: object = None, area: object = None, store: object = None
) -> Any:
    """``=VCS.FIND_SERVICES("food", "Urdu", "LS6")`` -> a table of services, or one cell
    saying why there is none."""
    from .directory.find import REFERRAL_WORDS, Query, contact_text, language_names
    from .directory.find import find_services as find
    from .errors import VcsExcelError
    from .tasks.directory import open_store

    def text(value: object) -> str | None:
        return None if value is None else " ".join(str(value).split()) or None

    query = Query(text(need), text(area), text(language))
    if not text(store) and not os.environ.get("VCS_EXCEL_DIRECTORY"):
        return (
            "Say where the shared directory file is: put its path as the fourth argument, "
            "or set VCS_EXCEL_DIRECTORY."
        )
    try:
        found_store = open_store(text(store))
        stat = found_store.path.stat()
        key = (str(found_store.path), stat.st_mtime_ns, stat.st_size)
        if key not in _DIRECTORY_CACHE:
            _DIRECTORY_CACHE.clear()
            _DIRECTORY_CACHE[key] = found_store.read()
        services = find(_DIRECTORY_CACHE[key].services(), query)
    except VcsExcelError as exc:
        return str(exc)
    if not services:
        return f"No service found for {query.describe()}."
    rows: list[list[Any]] = [["Service", "Organisation", "Referrals", "Languages", "Contact"]]
    rows += [
        [s.name, s.org_name, REFERRAL_WORDS.get(s.x_referral_status or "", ""),
         language_names(s), contact_text(s)]
        for s in services
    ]  # fmt: skip
    return rows
