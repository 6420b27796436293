"""What a column's values are: postcodes, e-mail addresses, phone numbers, NHS numbers,
dates, web addresses, numbers, coordinates, values of a code list.

The tag suggester weighs a header against its column's values with these shares: a
``Whatsapp`` column of group links is not a mobile number, a ``Prefecture p-code``
column of ``GIN002001`` is not a postcode, and a column with no usable header but
nothing but e-mail addresses in it is a column of e-mail addresses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ..clean.addresses import THOROUGHFARES
from ..clean.datatypes import Context, datatype
from ..clean.missing import placeholder
from ..data import first_names
from .dictionary import DataDictionary, TagEntry

SAMPLE = 200  # distinct values looked at per column
MOST = 0.8  # the share of values that makes a column one kind
ORG_NAMES = 0.4  # the share of names with an organisation's or place's word in them
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# Opening hours: a time of day, or a day of the week beside a range ("Mon-Fri 9am-5pm",
# "09:00 - 17:00", "Tuesdays 10 till 2").
_TIME = r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}[:.]\d{2}\b"
_DAY = r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|days|s)?\b"
_HOURS = re.compile(rf"(?:{_TIME}).*(?:-|–|to|till|until)|{_DAY}.*(?:{_TIME}|\d)", re.I)
# The United Kingdom's extent in degrees (the Channel Islands to Shetland, the west of
# Northern Ireland to the east of Suffolk).
_UK_LAT = (49.0, 61.0)
_UK_LON = (-8.7, 1.8)
# Code lists whose values are too common to say what a column is (Y/N, None).
_UNTELLING = {"yes_no", "allergen", "diet", "dbs_level"}

# Words in the names of organisations and of places (never in a person's name, bar a
# few surnames, which is why a share of a column's values, not one, decides).
_ORG_WORDS = frozenset({
    "ltd", "limited", "plc", "llp", "cic", "cio", "inc", "trust", "trustees", "foundation",
    "charity", "charitable", "association", "society", "club", "clubs", "group", "groups",
    "network", "partnership", "alliance", "forum", "council", "committee", "federation",
    "union", "league", "fellowship", "ministries", "ministry", "mission", "army", "church",
    "churches", "chapel", "mosque", "temple", "gurdwara", "synagogue", "parish", "diocese",
    "school", "schools", "academy", "college", "university", "nursery", "playgroup",
    "preschool", "pre-school", "project", "projects", "services", "service", "support", "care",
    "pharmacy", "chemist", "chemists", "surgery", "practice", "clinic", "medical", "health",
    "healthcare", "dental", "dentist", "dentists", "opticians", "foodbank", "foodbanks", "food",
    "pantry", "larder", "kitchen", "cafe", "café", "hub", "community", "communities",
    "residents", "tenants", "fc", "afc", "rfc", "cc", "united", "athletic", "rovers", "team",
    "youth", "scouts", "guides", "brigade", "rotary", "lions", "company", "co", "corporation",
    "enterprises", "enterprise", "solutions", "consultancy", "agency", "department", "nhs",
    "hospice", "institute", "centre's", "voluntary", "action", "age", "uk", "appeal", "fund"
})  # fmt: skip
_PLACE_WORDS = frozenset({
    "library", "libraries", "centre", "center", "hall", "halls", "house", "station", "park",
    "gardens", "garden", "court", "building", "buildings", "site", "stadium", "ground",
    "grounds", "pool", "baths", "leisure", "arena", "theatre", "museum", "gallery", "office",
    "offices", "depot", "campus", "square", "market", "estate", "village", "allotments",
    "allotment", "field", "fields", "green", "common", "pavilion", "lodge"
})  # fmt: skip
_HAS_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NAME_TOKEN = re.compile(r"[a-zà-ÿ'’.-]+")
# GSS (ONS) codes of areas: a letter for the nation, two digits for the kind of area.
_GSS = re.compile(r"^[ENSW]\d{8}$")
_GSS_KINDS = {
    "adm1": ("E12", "E15", "E92", "W92", "S92", "N92"),
    "adm2": ("E06", "E07", "E08", "E09", "W06", "S12", "N09", "E10"),
    "adm3": ("E05", "W05", "S13", "N08"),
}

# What the values of a column suggest, for messages ("the values are postcodes").
CONTENT_TAGS = {
    "#contact+email": "e-mail addresses",
    "#contact+address+postcode": "postcodes",
    "#person+id+nhs": "NHS numbers",
    "#contact+mobile+phone": "mobile numbers",
    "#contact+phone": "phone numbers",
    "#contact+url": "web addresses",
    "#service+hours": "opening hours",
    "#geo+lat": "latitudes in the United Kingdom",
    "#geo+lon": "longitudes in the United Kingdom",
    "#date": "dates",
    "#adm1+code": "codes of regions or nations",
    "#adm2+code": "codes of local authorities",
    "#adm3+code": "codes of wards",
    "#person+name": "people's names",
    "#org+name": "names of organisations",
    "#loc+name": "names of places",
}


def names_of(found: dict[str, float]) -> str | None:
    """ "#org+name" or "#loc+name" when a column of names is of organisations or places."""
    org, place = found.get("orgname", 0.0), found.get("placename", 0.0)
    if org < ORG_NAMES:
        return None
    return "#loc+name" if place >= 0.8 * org else "#org+name"


def name_words(text: str) -> tuple[bool, bool]:
    """Whether a name has a word of an organisation's name, and of a place's."""
    words = set(_NAME_TOKEN.findall(text.lower().replace("&", " and ")))
    org = bool(words & _ORG_WORDS) or text.strip().lower().startswith(("st ", "st. "))
    return org, bool(words & _PLACE_WORDS)


_WHOLE_NAME = re.compile(r"^[A-Za-z][A-Za-z'\-.]*(?:,? [A-Za-z][A-Za-z'\-.]*){1,3}$")
PERSON_NAMES = 0.6  # the share of values written as a person's name to say a column is
# Words of a street or a house's name, which first names start too ("Hope Street").
_ADDRESS_WORDS = THOROUGHFARES | {"cottage", "farm", "villas", "flats"}


def _person_name(text: str) -> bool:
    """Text written as a person's whole name: two to four words, one of the first two (or
    the one after a comma: "SMITH, Jane") a first name, and no word of an organisation's
    or a place's name."""
    text = " ".join(text.split())
    if not _WHOLE_NAME.match(text):
        return False
    org, place = name_words(text)
    if org or place:
        return False
    words = [w.strip(".,").lower() for w in text.replace(",", ", ").split()]
    if _ADDRESS_WORDS & set(words):
        return False  # "Hope Street", "Rose Cottage": an address
    given = words[1:2] if "," in text else words[:2]
    return any(w in first_names() for w in given)


def _values(values: Sequence[Any]) -> list[Any]:
    seen: dict[Any, None] = {}
    for v in values:
        if v is None or (isinstance(v, float) and v != v):
            continue
        if isinstance(v, str):
            v = v.strip()
            if not v or placeholder(v):
                continue
        try:
            seen.setdefault(v, None)
        except TypeError:
            continue
        if len(seen) >= SAMPLE:
            break
    return list(seen)


def profile(values: Sequence[Any], dictionary: DataDictionary) -> dict[str, float]:
    """The share of a column's distinct values (placeholders aside) of each kind.

    Keys: ``postcode``, ``email``, ``phone``, ``mobile``, ``nhs``, ``date``, ``url``,
    ``number``, ``lat``, ``lon`` and ``codes:NAME`` for each code list. Empty when the
    column has fewer than three values to go on.
    """
    sample = _values(values)
    n = len(sample)
    if n < 3:
        return {}
    ctx = Context(dt.date.today())
    from ..clean.dates import parse_date
    from ..clean.phones import normalise_phone

    def share(test: Any) -> float:
        return sum(1 for v in sample if test(v)) / n

    texts = [str(v) for v in sample]
    found = {
        "values": float(n),
        "postcode": share(lambda v: datatype("postcode").parse(v, ctx) is not None),
        "email": share(lambda v: "@" in str(v) and datatype("email").parse(v, ctx) is not None),
        "nhs": share(lambda v: datatype("nhs_number").parse(v, ctx) is not None),
        "url": sum(1 for t in texts if _URL.match(t)) / n,
        "hours": sum(1 for t in texts if _HOURS.search(t)) / n,
        "number": share(lambda v: datatype("number").parse(v, ctx) is not None),
    }
    phones = [normalise_phone(v) for v in sample]
    found["phone"] = sum(1 for p in phones if p.valid) / n
    found["mobile"] = sum(1 for p in phones if p.valid and p.mobile) / n
    dates = [parse_date(v) for v in sample]
    found["date"] = sum(1 for d in dates if d.date or d.problem == "date-partial") / n
    numbers = [datatype("number").parse(v, ctx) for v in sample]
    decimals = [
        x for x, t in zip(numbers, texts, strict=True)
        if x is not None and re.search(r"\.\d{3,}", t)
    ]  # fmt: skip
    found["lat"] = sum(1 for x in decimals if -90 <= x <= 90) / n
    # Numbers of any precision small enough to be degrees (grid references are not).
    found["degrees"] = sum(1 for x in numbers if x is not None and -180 <= x <= 180) / n
    found["has_email"] = sum(1 for t in texts if _HAS_EMAIL.search(t)) / n
    gss = [t.strip().upper()[:3] for t in texts if _GSS.match(t.strip().upper())]
    for name, prefixes in _GSS_KINDS.items():
        found[f"gss:{name}"] = sum(1 for g in gss if g in prefixes) / n
    # Names of organisations and places: text with letters, not a number or a code.
    named = [name_words(t) for t in texts if re.search(r"[A-Za-z]{2}", t) and " " in t.strip()]
    found["orgname"] = sum(1 for org, place in named if org or place) / n
    found["placename"] = sum(1 for org, place in named if place) / n
    found["personname"] = sum(1 for t in texts if _person_name(t)) / n
    found["lon"] = sum(1 for x in decimals if -180 <= x <= 180) / n
    # Degrees of latitude and longitude in and around the United Kingdom, to three places
    # or more (a map reading, not an amount or a score).
    found["uk_lat"] = sum(1 for x in decimals if _UK_LAT[0] <= x <= _UK_LAT[1]) / n
    found["uk_lon"] = sum(1 for x in decimals if _UK_LON[0] <= x <= _UK_LON[1]) / n
    used = {e.codelist for e in dictionary.entries if e.codelist}
    for name, codes in dictionary.codelists.items():
        if name not in _UNTELLING and name in used:
            # One or two letters (A, M, Z) are codes of too many lists to tell by.
            found[f"codes:{name}"] = sum(1 for t in texts if len(t) > 2 and codes.canonical(t)) / n
    return found


def fits(entry: TagEntry, found: dict[str, float], dictionary: DataDictionary) -> float | None:
    """The share of values that fit a tag's datatype (``None``: values cannot tell)."""
    kind = entry.datatype
    if entry.key == "#geo+lat":
        return found["lat"]
    if entry.key == "#geo+lon":
        return found["lon"]
    if kind == "url":
        # A web address may be written without http://: what is not a number, an e-mail
        # address or a phone number could be one.
        return max(found["url"], 1 - found["number"] - found["email"] - found["phone"])
    simple = {"postcode": "postcode", "email": "email", "phone": "phone", "nhs_number": "nhs",
              "number": "number", "integer": "number", "date": "date"}  # fmt: skip
    if kind in simple:
        return found[simple[kind]]
    if kind == "code" and entry.codelist and entry.codelist not in _UNTELLING:
        codes = f"codes:{entry.codelist}"
        return found.get(codes)
    if kind == "name" and found["number"] >= MOST:
        return 0.0  # numbers are not names
    if kind == "name" and found["email"] + found["phone"] + found["url"] >= 0.5:
        return 0.0  # contact details are not names
    for level in ("adm1", "adm2", "adm3"):
        if entry.key.startswith(f"#{level}+code"):
            gss = found.get("gss:adm1", 0) + found.get("gss:adm2", 0) + found.get("gss:adm3", 0)
            # Codes of other kinds (p-codes) say nothing; GSS codes of another level do.
            return None if gss < 0.5 else found[f"gss:{level}"]
    return None


def content_tag(found: dict[str, float], kind: str, dictionary: DataDictionary) -> str | None:
    """The tag a column's values alone point to, when nearly all of them are one kind."""
    if not found:
        return None
    if found["email"] >= MOST:
        return "#contact+email"
    if found["postcode"] >= MOST:
        return "#contact+address+postcode"
    if found["nhs"] >= MOST and kind == "people":
        return "#person+id+nhs"
    if found["phone"] >= MOST:
        return "#contact+mobile+phone" if found["mobile"] >= MOST else "#contact+phone"
    if found["date"] >= MOST and found["number"] < MOST:
        return "#date"
    if found["url"] >= MOST:
        return "#contact+url"
    if found.get("hours", 0.0) >= MOST and kind != "people":
        return "#service+hours"
    # Latitude first: a UK latitude (49 to 61) is never a UK longitude (-8.7 to 1.8).
    if found.get("uk_lat", 0.0) >= MOST:
        return "#geo+lat"
    if found.get("uk_lon", 0.0) >= MOST:
        return "#geo+lon"
    for level in ("adm2", "adm3", "adm1"):
        if found.get(f"gss:{level}", 0) >= MOST:
            return f"#{level}+code"
    if found.get("has_email", 0) >= 0.5 and found["has_email"] + found["phone"] >= MOST:
        # E-mail addresses, some with a phone number beside them, and phone numbers where
        # there is no e-mail address: a contact column whose main kind is e-mail.
        return "#contact+email"
    if (
        kind == "people"
        and found.get("personname", 0.0) >= PERSON_NAMES
        and found.get("orgname", 0.0) < ORG_NAMES
    ):
        return "#person+name"
    used = {e.codelist for e in dictionary.entries if e.codelist}
    best = max(
        ((v, k[6:]) for k, v in found.items() if k.startswith("codes:") and k[6:] in used),
        default=(0.0, ""),
    )
    if best[0] >= MOST:
        tags = [e.tag for e in dictionary.entries if e.codelist == best[1]]
        if best[1] == "language" and kind == "services":
            return "#service+language"
        return tags[0] if tags else None
    return None


def clearly_other(found: dict[str, float]) -> bool:
    """Nearly every value is of one recognisable kind (web addresses, e-mail addresses,
    postcodes, phone numbers, dates): a header that says otherwise is in doubt."""
    kinds = ("url", "email", "postcode", "phone", "date", "nhs")
    return any(found.get(k, 0.0) >= MOST for k in kinds)
