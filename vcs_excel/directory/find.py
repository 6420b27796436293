"""Finding help fast: filter the directory, and say what a service offers in a message.

A volunteer on the phone needs the services that fit one person: what they need,
where they live (a postcode district such as "LS6", a full postcode, or a ward),
the language they speak, their age, and whether the service is taking referrals.
Each result comes with a ready-to-send text that pastes into WhatsApp, a text
message or an e-mail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..clean.datatypes import Context, datatype
from .models import Schedule, Service

DAY_NAMES = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat",
             "SU": "Sun"}  # fmt: skip
REFERRAL_WORDS = {
    "accepting": "taking referrals now",
    "waiting list": "waiting list: referrals go on a list",
    "closed": "NOT taking referrals at the moment",
    "assessment required": "taking referrals after an assessment",
}


@cache
def language_key(text: str) -> str | None:
    """ISO 639-3 code for a language code or name: "ur", "urd", "Urdu" -> "urd"."""
    import pycountry

    t = text.strip()
    if not t:
        return None
    low = t.lower()
    if low in ("bsl", "british sign language", "bfi"):
        return "bfi"
    if len(low) == 2:
        found = pycountry.languages.get(alpha_2=low)
        return found.alpha_3 if found else None
    if len(low) == 3:
        found = pycountry.languages.get(alpha_3=low)
        if found:
            return found.alpha_3
    from ..standard.dictionary import load_dictionary

    codes = load_dictionary().codelists.get("language")
    if codes is not None:
        label = codes.canonical(t)
        if label:
            return next(v.code for v in codes.values if v.label == label)
    return None


def service_languages(service: Service) -> set[str]:
    keys = set()
    for lang in service.languages + [
        x for sal in service.service_at_locations if sal.location for x in sal.location.languages
    ]:
        for text in (lang.code, lang.name):
            if text and (k := language_key(text)):
                keys.add(k)
                break
    return keys


def area_key(text: str) -> str:
    """A postcode district ("LS6") for a postcode or district; else the text in capitals."""
    t = " ".join(str(text).split()).upper()
    standard = datatype("postcode").parse(t, Context(dt.date.today()))
    return standard.split()[0] if standard else t


def service_areas(service: Service) -> set[str]:
    """Districts and area names the service covers or sits in, in capitals."""
    areas: set[str] = set()
    for area in service.service_areas:
        for text in (area.name, area.description):
            for part in re.split(r"[,;/]| and ", text or ""):
                if part.strip():
                    areas.add(area_key(part))
    for postcode in service.postcodes():
        areas.add(area_key(postcode))
    return areas


@dataclass
class Query:
    need: str | None = None
    area: str | None = None
    language: str | None = None
    age: int | None = None
    accepting_only: bool = False
    # Postcode -> ward (a lookup the user gives): a postcode also finds the services
    # that cover its ward.
    wards: dict[str, str] | None = None

    def areas(self) -> set[str]:
        """The area asked for as the keys of the areas that cover it: a postcode's
        district, its ward where the lookup has it, or the area as written."""
        if not self.area:
            return set()
        keys = {area_key(self.area)}
        standard = datatype("postcode").parse(
            " ".join(self.area.split()).upper(), Context(dt.date.today())
        )
        if standard and self.wards and standard in self.wards:
            keys.add(area_key(self.wards[standard]))
        return keys

    def describe(self) -> str:
        parts = []
        if self.need:
            parts.append(f"need '{self.need}'")
        if self.area:
            parts.append(f"area {self.area}")
        if self.language:
            parts.append(f"language {self.language}")
        if self.age is not None:
            parts.append(f"age {self.age}")
        if self.accepting_only:
            parts.append("taking referrals")
        return ", ".join(parts) or "all services"


def _needs(service: Service) -> str:
    text = " ".join([*service.x_categories, service.name, service.description or ""])
    return " ".join(re.findall(r"\w+", text.lower()))


@cache
def need_words(need: str) -> tuple[tuple[str, ...], ...]:
    """What a need asks for, as alternatives each service text is searched for: the
    need's own words, or every spelling of the need in the standard's list of needs
    ("food" finds a food bank, food parcels, a pantry and a lunch club)."""
    from ..standard.dictionary import load_dictionary

    needs = load_dictionary().codelists.get("need")

    def spellings(text: str) -> tuple[str, ...] | None:
        label = needs.canonical(text) if needs is not None else None
        if label is None:
            return None
        value = next(v for v in needs.values if v.label == label)
        return tuple(dict.fromkeys(
            " ".join(re.findall(r"\w+", t.lower())) for t in (value.label, *value.synonyms)
        ))  # fmt: skip

    whole = spellings(need)
    if whole:
        return (whole,)
    words = [w for w in re.split(r"\W+", need.lower()) if w]
    return tuple(spellings(w) or (w,) for w in words)


def _fits(text: str, wanted: tuple[tuple[str, ...], ...]) -> bool:
    padded = f" {text} "
    return all(
        any(f" {w} " in padded or (len(w) > 4 and w in text) for w in options) for options in wanted
    )


# How open a service is, best first: (rank, words for a volunteer, colour).
AVAILABLE = (0, "Open, taking referrals", "C6EFCE")
OPEN = (1, "Open", "C6EFCE")
ASSESSMENT = (2, "Open, after an assessment", "FFEB9C")
WAITING = (3, "Waiting list", "FFEB9C")
FULL = (4, "Full at the moment", "F4B183")
NOT_TAKING = (5, "Not taking referrals", "FFC7CE")
CLOSED = (6, "Temporarily closed", "D9D9D9")


def availability(service: Service) -> tuple[int, str, str]:
    """How open a service is now, in words and a colour, for ordering and marking."""
    if service.status == "temporarily closed":
        return CLOSED
    if service.x_referral_status == "closed":
        return NOT_TAKING
    if service.capacities and all(c.available <= 0 for c in service.capacities):
        return FULL
    return {
        "accepting": AVAILABLE,
        "waiting list": WAITING,
        "assessment required": ASSESSMENT,
    }.get(service.x_referral_status or "", OPEN)


def find_services(services: Iterable[Service], query: Query) -> list[Service]:
    """Active services that fit the query, open ones taking referrals first."""
    language = language_key(query.language) if query.language else None
    if query.language and language is None:
        from ..errors import BadInputError

        raise BadInputError(f"'{query.language}' is not a language this tool knows.")
    areas = query.areas()
    wanted = need_words(query.need) if query.need and query.need.strip() else ()
    found = []
    for s in services:
        if s.status in ("inactive", "defunct"):
            continue
        if wanted and not _fits(_needs(s), wanted):
            continue
        if areas and not areas & service_areas(s):
            continue
        if language and language not in service_languages(s):
            continue
        if query.age is not None and (
            (s.minimum_age is not None and query.age < s.minimum_age)
            or (s.maximum_age is not None and query.age > s.maximum_age)
        ):
            continue
        if query.accepting_only and s.x_referral_status not in ("accepting", None):
            continue
        found.append(s)
    # Open services first; full, not taking referrals and temporarily closed ones after.
    return sorted(found, key=lambda s: (availability(s)[0], s.name.lower()))


def opening_times(schedules: Iterable[Schedule]) -> str:
    out = []
    for s in schedules:
        if s.description and not (s.byday or s.opens_at):
            out.append(s.description)
            continue
        days = ", ".join(
            DAY_NAMES.get(d.strip(), d.strip()) for d in (s.byday or "").split(",") if d
        )
        hours = f"{s.opens_at[:5]}-{s.closes_at[:5]}" if s.opens_at and s.closes_at else ""
        out.append(" ".join(x for x in (days, hours) if x))
    return "; ".join(x for x in out if x)


def address_text(service: Service) -> str:
    for sal in service.service_at_locations:
        if sal.location:
            for a in sal.location.addresses:
                return ", ".join(x for x in (a.address_1, a.city, a.postal_code) if x)
    return ""


def language_names(service: Service) -> str:
    names = [lang.name or lang.code or "" for lang in service.languages]
    return ", ".join(n for n in names if n)


def contact_text(service: Service) -> str:
    phones = [p.number for p in service.all_phones()]
    emails = [service.email] + [c.email for c in service.contacts]
    parts = list(dict.fromkeys(x for x in [*phones, *emails] if x))
    return ", ".join(parts[:3])


def message(service: Service) -> str:
    """Plain text for WhatsApp, a text message or an e-mail: what, who, where, when,
    how to get in touch, languages, and whether it is taking referrals."""
    lines = [f"*{service.name}* ({service.org_name})"]
    rank, words, _ = availability(service)
    if rank >= FULL[0]:
        # Said first, where no one can miss it.
        note = next((c.description for c in service.capacities if c.description), "")
        lines.append(f"NOTE: {words.upper()}" + (f" ({note})" if note else "") + ".")
    if service.description:
        lines.append(service.description.strip())
    if service.eligibility_description:
        lines.append(f"Who for: {service.eligibility_description.strip()}")
    if where := address_text(service):
        lines.append(f"Where: {where}")
    if when := opening_times(service.all_schedules()):
        lines.append(f"When: {when}")
    if contact := contact_text(service):
        lines.append(f"Contact: {contact}")
    if langs := language_names(service):
        lines.append(f"Languages: {langs}")
    if service.x_referral_status:
        routes = " or ".join(service.x_referral_routes)
        how = f" ({routes} referral)" if routes else ""
        lines.append(f"Referrals: {REFERRAL_WORDS[service.x_referral_status]}{how}")
    return "\n".join(lines)


def shortlist_message(services: list[Service], query: Query) -> str:
    head = f"Services for {query.describe()} ({dt.date.today():%d/%m/%Y}):"
    return "\n\n".join([head, *(message(s) for s in services)])
