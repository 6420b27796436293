"""One service as a form: a row per field, nested parts included, for editing in Excel.

The Directory tab shows a service on one row, which suits a few fields (referrals,
places available). The form shows everything an organisation keeps current, nested
parts of HSDS included: the address and accessibility of its place, its contact,
its opening times day by day, its capacity, the volunteers it needs and the space
it can share. Each row holds the value as the form was made (``was``) beside the
value to edit; only rows whose value changed are applied, on top of the entry as it
is in the file now, so a form that sat open for a week never undoes someone else's
change to another field.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .find import DAY_NAMES, language_key
from .models import (
    DBS_LEVELS,
    REFERRAL_ROUTES,
    REFERRAL_STATUSES,
    SERVICE_STATUSES,
    Accessibility,
    Address,
    Capacity,
    Contact,
    HsdsObject,
    Language,
    Location,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    Unit,
)

DAYS = list(DAY_NAMES)  # MO .. SU
DAY_WORDS = {
    "MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
    "SA": "Saturday", "SU": "Sunday",
}  # fmt: skip
SPACE_KINDS = ("room", "storage", "kitchen", "office", "outdoor")
YES_NO = ("Yes", "No")


class FormError(ValueError):
    """A value in the form that cannot be saved; the message says how to write it."""


@dataclass(frozen=True)
class FormField:
    key: str
    label: str
    help: str
    get: Callable[[dict[str, Any]], Any]
    put: Callable[[dict[str, Any], str | None], None] | None  # None: shown, not edited
    choices: tuple[str, ...] = ()


# ------------------------------------------------------------------ reading parts
def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _items(text: str | None, sep: str = ",") -> list[str]:
    return [p.strip() for p in re.split(rf"[{sep}\n]", text or "") if p.strip()]


def _first(items: list[Any] | None) -> dict[str, Any]:
    return items[0] if items else {}


def _place(data: dict[str, Any]) -> dict[str, Any]:
    return _first(data.get("service_at_locations")).get("location") or {}


def _address(data: dict[str, Any]) -> dict[str, Any]:
    return _first(_place(data).get("addresses"))


def _contact(data: dict[str, Any]) -> dict[str, Any]:
    return _first(data.get("contacts"))


def _capacity(data: dict[str, Any]) -> dict[str, Any]:
    return _first(data.get("capacities"))


# ------------------------------------------------------------------ making parts
def _new(part: HsdsObject) -> dict[str, Any]:
    """A new HSDS part as stored in the file: the model's defaults, a new ID."""
    return part.model_dump(exclude_none=True)


def _place_for_edit(data: dict[str, Any]) -> dict[str, Any]:
    sals = data.setdefault("service_at_locations", [])
    if not sals:
        sals.append(_new(ServiceAtLocation()))
    if not sals[0].get("location"):
        sals[0]["location"] = _new(Location())
    return sals[0]["location"]


def _address_for_edit(data: dict[str, Any]) -> dict[str, Any]:
    addresses = _place_for_edit(data).setdefault("addresses", [])
    if not addresses:
        addresses.append(_new(Address()))
    return addresses[0]


def _contact_for_edit(data: dict[str, Any]) -> dict[str, Any]:
    contacts = data.setdefault("contacts", [])
    if not contacts:
        contacts.append(_new(Contact()))
    return contacts[0]


def _set(obj: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        obj.pop(key, None)
    else:
        obj[key] = value


# ------------------------------------------------------------------ fields
def _plain(key: str) -> tuple[Callable[..., Any], Callable[..., None]]:
    def get(data: dict[str, Any]) -> Any:
        return data.get(key)

    def put(data: dict[str, Any], text: str | None) -> None:
        _set(data, key, text)

    return get, put


def _choice(key: str, choices: tuple[str, ...], label: str) -> Callable[..., None]:
    def put(data: dict[str, Any], text: str | None) -> None:
        value = (text or "").strip().lower() or None
        if value is not None and value not in choices:
            raise FormError(f"{label} must be one of: {', '.join(choices)}.")
        _set(data, key, value)

    return put


def _put_status(data: dict[str, Any], text: str | None) -> None:
    _choice("status", SERVICE_STATUSES, "Status")(data, text or "active")


def _number(label: str) -> Callable[[str | None], float | int | None]:
    def read(text: str | None) -> float | int | None:
        if text is None:
            return None
        try:
            number = float(text)
        except ValueError as exc:
            raise FormError(f"{label} must be a number, not '{text}'.") from exc
        if number < 0:
            raise FormError(f"{label} must be 0 or more, not '{text}'.")
        return int(number) if number.is_integer() else number

    return read


def _age(key: str, label: str) -> tuple[Callable[..., Any], Callable[..., None]]:
    read = _number(label)

    def put(data: dict[str, Any], text: str | None) -> None:
        _set(data, key, None if text is None else float(read(text) or 0))

    return (lambda data: data.get(key)), put


def _get_routes(data: dict[str, Any]) -> str:
    return ", ".join(data.get("x_referral_routes") or [])


def _put_routes(data: dict[str, Any], text: str | None) -> None:
    routes = [r.lower() for r in _items(text)]
    wrong = [r for r in routes if r not in REFERRAL_ROUTES]
    if wrong:
        raise FormError(f"Referral routes are {' and '.join(REFERRAL_ROUTES)}, not '{wrong[0]}'.")
    data["x_referral_routes"] = list(dict.fromkeys(routes))


def _get_categories(data: dict[str, Any]) -> str:
    return ", ".join(data.get("x_categories") or [])


def _put_categories(data: dict[str, Any], text: str | None) -> None:
    data["x_categories"] = list(dict.fromkeys(c.lower() for c in _items(text)))


def _get_languages(data: dict[str, Any]) -> str:
    return ", ".join(x.get("name") or x.get("code") or "" for x in data.get("languages") or [])


def _put_languages(data: dict[str, Any], text: str | None) -> None:
    import pycountry

    old = {
        language_key(x.get("code") or x.get("name") or ""): x for x in data.get("languages") or []
    }
    out = []
    for word in _items(text):
        key = language_key(word)
        if key is None:
            raise FormError(
                f"'{word}' is not a language this tool knows: write its English name "
                "(Polish, Urdu, British Sign Language) or its ISO 639 code (pl, ur, bfi)."
            )
        if key in old:
            out.append(old[key])
            continue
        found = pycountry.languages.get(alpha_3=key)
        name = "British Sign Language" if key == "bfi" else (found.name if found else word)
        out.append(_new(Language(name=name, code=getattr(found, "alpha_2", None) or key)))
    data["languages"] = out


def _get_areas(data: dict[str, Any]) -> str:
    return "; ".join(a.get("name") or "" for a in data.get("service_areas") or [])


def _put_areas(data: dict[str, Any], text: str | None) -> None:
    old = {(a.get("name") or "").strip().lower(): a for a in data.get("service_areas") or []}
    data["service_areas"] = [
        old.get(name.lower()) or _new(ServiceArea(name=name)) for name in _items(text, ";")
    ]


def _address_field(key: str) -> tuple[Callable[..., Any], Callable[..., None]]:
    def get(data: dict[str, Any]) -> Any:
        return _address(data).get(key)

    def put(data: dict[str, Any], text: str | None) -> None:
        # HSDS requires the first line and the city: emptied, they are empty text.
        _address_for_edit(data)[key] = text or ""

    return get, put


def _valid(kind: str, text: str) -> Any:
    """``text`` in its standard form, if it is a valid value of the datatype ``kind``."""
    import datetime as dt

    from ..clean.datatypes import Context, datatype

    return datatype(kind).parse(text, Context(dt.date.today()))


def _put_postcode(data: dict[str, Any], text: str | None) -> None:
    if text is not None:
        standard = _valid("postcode", text)
        if standard is None:
            raise FormError(f"'{text}' is not a UK postcode (for example LS6 1AB).")
        text = standard
    _address_for_edit(data)["postal_code"] = text or ""


def _get_access(data: dict[str, Any]) -> Any:
    return _first(_place(data).get("accessibility")).get("description")


def _put_access(data: dict[str, Any], text: str | None) -> None:
    items = _place_for_edit(data).setdefault("accessibility", [])
    if text is None:
        if items:
            items.pop(0)
        return
    if not items:
        items.append(_new(Accessibility()))
    items[0]["description"] = text


def _contact_field(key: str) -> tuple[Callable[..., Any], Callable[..., None]]:
    def get(data: dict[str, Any]) -> Any:
        return _contact(data).get(key)

    def put(data: dict[str, Any], text: str | None) -> None:
        _set(_contact_for_edit(data), key, text)

    return get, put


def _get_phone(data: dict[str, Any]) -> Any:
    return _first(data.get("phones")).get("number") or _first(_contact(data).get("phones")).get(
        "number"
    )


def _put_phone(data: dict[str, Any], text: str | None) -> None:
    if text is not None and _valid("phone", text) is None:
        raise FormError(f"'{text}' is not a UK phone number (for example 0113 496 0000).")
    old = _get_phone(data)
    # The number is kept on the service and often on its contact too: both change.
    targets = [
        phones
        for phones in (data.get("phones"), _contact(data).get("phones"))
        if phones and phones[0].get("number") == old
    ]
    for phones in targets:
        if text is None:
            phones.pop(0)
        else:
            phones[0]["number"] = text
    if text is not None and not targets:
        data.setdefault("phones", []).insert(0, _new(Phone(number=text, type="voice")))


def _put_email(data: dict[str, Any], text: str | None) -> None:
    if text is not None and _valid("email", text) is None:
        raise FormError(f"'{text}' is not an e-mail address.")
    _set(data, "email", text)


# Opening times: weekly schedules, one row per day.
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*$", re.I)


def _clock(text: str) -> str:
    m = _TIME.match(text)
    if not m:
        raise FormError(f"write opening times as 09:00-17:00, not '{text}'.")
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        raise FormError(f"'{text}' is not a time of day.")
    return f"{hour:02d}:{minute:02d}"


def _weekly(schedule: dict[str, Any]) -> bool:
    """A schedule this form can show day by day: weekly, with days and hours."""
    return (
        (schedule.get("freq") or "WEEKLY").upper() == "WEEKLY"
        and bool(schedule.get("byday"))
        and bool(schedule.get("opens_at"))
        and bool(schedule.get("closes_at"))
        and not schedule.get("bymonthday")
        and not schedule.get("interval")
    )


def _schedule_lists(data: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The service's own schedules and each of its places' (those that have any)."""
    lists = [data.get("schedules")] + [
        sal.get("schedules") for sal in data.get("service_at_locations") or []
    ]
    return [x for x in lists if x is not None]


def _schedules_home(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Where the service's weekly times are kept: the service itself, or its place."""
    if any(_weekly(s) for s in data.get("schedules") or []):
        return data["schedules"]
    sals = data.get("service_at_locations") or []
    if sals and any(_weekly(s) for s in sals[0].get("schedules") or []):
        return sals[0]["schedules"]
    return data.setdefault("schedules", [])


def _hours(data: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {d: [] for d in DAYS}
    for schedules in _schedule_lists(data):
        for s in schedules:
            _add_hours(found, s)
    return found


def _add_hours(found: dict[str, list[str]], schedule: dict[str, Any]) -> None:
    if not _weekly(schedule):
        return
    span = f"{schedule['opens_at'][:5]}-{schedule['closes_at'][:5]}"
    for day in str(schedule["byday"]).split(","):
        day = day.strip().upper()[-2:]
        if day in found and span not in found[day]:
            found[day].append(span)


def _day(day: str) -> tuple[Callable[..., Any], Callable[..., None]]:
    def get(data: dict[str, Any]) -> str:
        return ", ".join(sorted(_hours(data)[day]))

    def put(data: dict[str, Any], text: str | None) -> None:
        if sum(any(_weekly(s) for s in p) for p in _schedule_lists(data)) > 1:
            raise FormError(
                "the service has its own times at more than one place; change them in the "
                "directory file, so each place keeps its times."
            )
        spans = []
        for part in _items(text):
            if "-" not in part:
                raise FormError(f"write opening times as 09:00-17:00, not '{part}'.")
            opens, closes = (_clock(x) for x in part.split("-", 1))
            if closes <= opens:
                raise FormError(f"'{part}' closes before it opens.")
            spans.append((opens, closes))
        _set_day(data, day, spans)

    return get, put


def _set_day(data: dict[str, Any], day: str, spans: list[tuple[str, str]]) -> None:
    """Rewrite the weekly schedules so ``day`` has exactly ``spans`` (other days keep
    theirs); schedules the form cannot show (monthly, by description) stay as they are."""
    home = _schedules_home(data)
    hours = _hours(data)
    hours[day] = [f"{a}-{b}" for a, b in spans]
    kept = [s for s in home if not _weekly(s)]
    by_span: dict[str, list[str]] = {}
    for d in DAYS:
        for span in hours[d]:
            by_span.setdefault(span, []).append(d)
    old = {(s.get("byday"), s.get("opens_at"), s.get("closes_at")): s for s in home if _weekly(s)}
    rebuilt = []
    for span, days in by_span.items():
        opens, closes = span.split("-")
        key = (",".join(days), opens, closes)
        weekly = Schedule(freq="WEEKLY", byday=key[0], opens_at=opens, closes_at=closes)
        rebuilt.append(old.get(key) or _new(weekly))
    _clear_weekly_elsewhere(data, home)
    home[:] = kept + rebuilt


def _clear_weekly_elsewhere(data: dict[str, Any], home: list[dict[str, Any]]) -> None:
    """Weekly times now live in ``home`` only, so no day is listed twice."""
    for schedules in _schedule_lists(data):
        if schedules is not home:
            schedules[:] = [s for s in schedules if not _weekly(s)]


def _capacity_field(part: str) -> tuple[Callable[..., Any], Callable[..., None]]:
    label = {"unit": "Capacity unit", "available": "Places available", "maximum": "Places in all"}
    read = _number(label[part])

    def get(data: dict[str, Any]) -> Any:
        c = _capacity(data)
        return (c.get("unit") or {}).get("name") if part == "unit" else c.get(part)

    def put(data: dict[str, Any], text: str | None) -> None:
        from .store import now

        capacities = data.setdefault("capacities", [])
        if not capacities:
            if text is None:
                return
            capacities.append(_new(Capacity(unit=Unit(name="places"), available=0, updated=now())))
        c = capacities[0]
        if part == "unit":
            c["unit"] = {**(c.get("unit") or _new(Unit(name="places"))), "name": text or "places"}
        elif part == "available":
            c["available"] = read(text) or 0
        else:
            _set(c, "maximum", read(text))
        c["updated"] = now()

    return get, put


def _volunteers() -> dict[str, tuple[Callable[..., Any], Callable[..., None]]]:
    def part(data: dict[str, Any]) -> dict[str, Any]:
        return data.get("x_volunteers") or {}

    def editable(data: dict[str, Any]) -> dict[str, Any]:
        data["x_volunteers"] = dict(part(data)) or {"needed": False, "roles": []}
        return data["x_volunteers"]

    def put_needed(data: dict[str, Any], text: str | None) -> None:
        word = (text or "no").strip().lower()
        if word not in ("yes", "no", "y", "n", "true", "false"):
            raise FormError("Volunteers needed is Yes or No.")
        editable(data)["needed"] = word in ("yes", "y", "true")

    def put_roles(data: dict[str, Any], text: str | None) -> None:
        editable(data)["roles"] = _items(text)

    def put_dbs(data: dict[str, Any], text: str | None) -> None:
        level = (text or "").strip().lower() or None
        if level is not None and level not in DBS_LEVELS:
            raise FormError(f"The DBS check is one of: {', '.join(DBS_LEVELS)}.")
        _set(editable(data), "dbs_level", level)

    def get_needed(data: dict[str, Any]) -> str | None:
        if "x_volunteers" not in data or data["x_volunteers"] is None:
            return None
        return "Yes" if part(data).get("needed") else "No"

    return {
        "needed": (get_needed, put_needed),
        "roles": (lambda data: ", ".join(part(data).get("roles") or []), put_roles),
        "dbs": (lambda data: part(data).get("dbs_level"), put_dbs),
    }


def _space() -> dict[str, tuple[Callable[..., Any], Callable[..., None]]]:
    def part(data: dict[str, Any]) -> dict[str, Any]:
        return data.get("x_space_to_share") or {}

    def put_kinds(data: dict[str, Any], text: str | None) -> None:
        kinds = [k.lower() for k in _items(text)]
        wrong = [k for k in kinds if k not in SPACE_KINDS]
        if wrong:
            raise FormError(f"Space to share is any of {', '.join(SPACE_KINDS)}, not '{wrong[0]}'.")
        data["x_space_to_share"] = {**part(data), "kinds": list(dict.fromkeys(kinds))}

    def put_about(data: dict[str, Any], text: str | None) -> None:
        space = {**part(data)}
        space.setdefault("kinds", [])
        _set(space, "description", text)
        data["x_space_to_share"] = space

    return {
        "kinds": (lambda data: ", ".join(part(data).get("kinds") or []), put_kinds),
        "about": (lambda data: part(data).get("description"), put_about),
    }


def _fields() -> list[FormField]:
    v, sp = _volunteers(), _space()
    f = FormField
    fields = [
        f(
            "org",
            "Organisation",
            "Changed by the directory's keepers, not here.",
            lambda d: (d.get("organization") or {}).get("name"),
            None,
        ),
        f("name", "Service name", "What people call the service.", *_plain("name")),
        f(
            "description",
            "What it offers",
            "A sentence or two, in plain words.",
            *_plain("description"),
        ),
        f(
            "status",
            "Status",
            "Whether the service is running.",
            lambda d: d.get("status") or "active",
            _put_status,
            SERVICE_STATUSES,
        ),
        f(
            "referrals",
            "Referrals",
            "Whether it is taking referrals now.",
            lambda d: d.get("x_referral_status"),
            _choice("x_referral_status", REFERRAL_STATUSES, "Referrals"),
            REFERRAL_STATUSES,
        ),
        f(
            "routes",
            "Who can refer",
            "self, professional (or both, with a comma).",
            _get_routes,
            _put_routes,
        ),
        f(
            "who",
            "Who it is for",
            "Who can use it, in plain words.",
            *_plain("eligibility_description"),
        ),
        f(
            "min_age",
            "Youngest age",
            "Leave blank if there is no lower limit.",
            *_age("minimum_age", "Youngest age"),
        ),
        f(
            "max_age",
            "Oldest age",
            "Leave blank if there is no upper limit.",
            *_age("maximum_age", "Oldest age"),
        ),
        f(
            "categories",
            "Kinds of help",
            "food, debt advice, befriending ... (commas between).",
            _get_categories,
            _put_categories,
        ),
        f(
            "languages",
            "Languages spoken",
            "English, Polish, British Sign Language (commas).",
            _get_languages,
            _put_languages,
        ),
        f(
            "areas",
            "Areas served",
            "Postcode districts or wards; semicolons between areas.",
            _get_areas,
            _put_areas,
        ),
        f(
            "address_1",
            "Address",
            "Building and street of the place people come to.",
            *_address_field("address_1"),
        ),
        f("city", "Town or city", "", *_address_field("city")),
        f(
            "postcode",
            "Postcode",
            "A UK postcode, e.g. LS6 1AB.",
            _address_field("postal_code")[0],
            _put_postcode,
        ),
        f(
            "access",
            "Accessibility",
            "Step-free access, hearing loop, accessible toilet ...",
            _get_access,
            _put_access,
        ),
        f("contact", "Contact person", "A role is fine (Duty worker).", *_contact_field("name")),
        f("phone", "Phone", "The number people should ring.", _get_phone, _put_phone),
        f("email", "E-mail", "", lambda d: d.get("email"), _put_email),
    ]
    for day in DAYS:
        fields.append(
            f(
                f"hours_{day}",
                f"Open {DAY_WORDS[day]}",
                "09:00-17:00; two sessions with a comma; blank if closed.",
                *_day(day),
            )
        )
    fields += [
        f("capacity_unit", "Capacity counts", "places, food parcels, appointments ...",
          *_capacity_field("unit")),
        f("available", "Places available", "How many more people it can take now.",
          *_capacity_field("available")),
        f("maximum", "Places in all", "Its full capacity.", *_capacity_field("maximum")),
        f("volunteers", "Volunteers needed", "Yes or No.", *v["needed"], YES_NO),
        f("roles", "Volunteer roles", "driver, befriender ... (commas between).", *v["roles"]),
        f("dbs", "DBS check for volunteers", "The check the roles need.", *v["dbs"],
          DBS_LEVELS),
        f("covid", "Covid precautions", "", *_plain("x_covid_precautions")),
        f("space", "Space to share", f"Any of: {', '.join(SPACE_KINDS)} (commas between).",
          *sp["kinds"]),
        f("space_about", "About the space", "When it is free, how big, what it suits.",
          *sp["about"]),
    ]  # fmt: skip
    return fields


FIELDS = _fields()
BY_KEY = {f.key: f for f in FIELDS}


def form_values(data: dict[str, Any]) -> list[tuple[FormField, Any]]:
    """Each field of the form with the service's value (text or a number)."""
    out = []
    for f in FIELDS:
        value = f.get(data)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append((f, value if value not in ("", []) else None))
    return out


def same_value(a: Any, b: Any) -> bool:
    """Whether two cell values say the same (5 and 5.0, "Yes" and "yes ", blank and None)."""
    x, y = _text(a), _text(b)
    if x is None or y is None:
        return x == y
    try:
        return float(x) == float(y)
    except ValueError:
        return x.casefold() == y.casefold()


def apply_form(data: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
    """The top-level fields of the service that ``edits`` (field key -> new value) change,
    applied to a copy of ``data``. Raises :class:`FormError` with the field's label."""
    new = copy.deepcopy(data)
    for key, value in edits.items():
        f = BY_KEY.get(key)
        if f is None or f.put is None:
            continue
        try:
            f.put(new, _text(value))
        except FormError as exc:
            text = str(exc)
            raise FormError(text if text.startswith(f.label) else f"{f.label}: {text}") from exc
    changed = {k: v for k, v in new.items() if data.get(k) != v}
    # A field emptied on the form is cleared (the file keeps the key, with no value).
    changed.update({k: None for k in data if k not in new and data[k] is not None})
    return changed
