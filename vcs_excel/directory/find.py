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
    return " ".join([*service.x_categories, service.name, service.description or ""]).lower()


def find_services(services: Iterable[Service], query: Query) -> list[Service]:
    """Active services that fit the query, those taking referrals first."""
    language = language_key(query.language) if query.language else None
    if query.language and language is None:
        from ..errors import BadInputError

        raise BadInputError(f"'{query.language}' is not a language this tool knows.")
    area = area_key(query.area) if query.area else None
    words = [w for w in re.split(r"\W+", (query.need or "").lower()) if w]
    found = []
    for s in services:
        if s.status in ("inactive", "defunct"):
            continue
        if words and not all(w in _needs(s) for w in words):
            continue
        if area and area not in service_areas(s):
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
    rank = {"accepting": 0, None: 1, "assessment required": 2, "waiting list": 3, "closed": 4}
    return sorted(found, key=lambda s: (rank.get(s.x_referral_status, 5), s.name.lower()))


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
    if service.status == "temporarily closed":
        lines.append("Note: temporarily closed.")
    return "\n".join(lines)


def shortlist_message(services: list[Service], query: Query) -> str:
    head = f"Services for {query.describe()} ({dt.date.today():%d/%m/%Y}):"
    return "\n\n".join([head, *(message(s) for s in services)])
