"""Services in the shared directory, as Human Services Data Specification 3.0 objects.

HSDS 3.0 is the base of Open Referral UK. A service carries its organisation,
locations (with address, postcode and accessibility), schedules, contacts,
languages and service areas, as in the specification; its capacity follows the
HSDS 3.1 draft (``capacities``: unit, available, maximum, updated). What the
specification does not cover is added with the ``x_`` prefix it reserves for
extensions: referral status and routes, volunteers needed, Covid precautions,
space to share, the categories of need served and aggregate counts of who was
supported recently.

Fields of HSDS that are not modelled here are kept as they came (``extra``), so
an import followed by an export loses nothing. The directory holds no data about
residents: a field that looks like one (a date of birth, an NHS number, a
client's name) is refused.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

REFERRAL_STATUSES = ("accepting", "waiting list", "closed", "assessment required")
REFERRAL_ROUTES = ("self", "professional")
SERVICE_STATUSES = ("active", "inactive", "defunct", "temporarily closed")
DBS_LEVELS = ("none", "basic", "standard", "enhanced", "enhanced with barred lists")

# Keys that hold data about a person who uses a service: never in the directory.
_RESIDENT_KEY = re.compile(
    r"(^|_)(date_of_birth|dob|birth_date|nhs(_number|_no)?|ni_number|national_insurance|"
    r"resident|client|patient|service_user|beneficiary|person_name|ethnicity|religion|"
    r"sexual_orientation|diagnosis|health_condition)(_|$)",
    re.I,
)


def new_id() -> str:
    """A new identifier, a UUID as HSDS asks."""
    return str(uuid.uuid4())


class HsdsObject(BaseModel):
    """Common behaviour: unknown HSDS fields are kept, resident-like ones refused."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _no_resident_data(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in data:
                if isinstance(key, str) and _RESIDENT_KEY.search(key):
                    raise ValueError(
                        f"'{key}' looks like data about a resident; the directory holds "
                        "only data about services"
                    )
        return data


class Language(HsdsObject):
    id: str = Field(default_factory=new_id)
    name: str | None = None
    code: str | None = None  # ISO 639 ("ur", "pl", "bfi" for British Sign Language)
    note: str | None = None


class Phone(HsdsObject):
    id: str = Field(default_factory=new_id)
    number: str
    extension: float | None = None
    type: str | None = None
    description: str | None = None
    languages: list[Language] = Field(default_factory=list)


class Contact(HsdsObject):
    id: str = Field(default_factory=new_id)
    name: str | None = None
    title: str | None = None
    department: str | None = None
    email: str | None = None
    phones: list[Phone] = Field(default_factory=list)


class Address(HsdsObject):
    id: str = Field(default_factory=new_id)
    attention: str | None = None
    address_1: str = ""
    address_2: str | None = None
    city: str = ""
    region: str | None = None
    state_province: str = ""
    postal_code: str = ""
    country: str = "GB"
    address_type: str = "physical"


class Accessibility(HsdsObject):
    id: str = Field(default_factory=new_id)
    description: str | None = None
    details: str | None = None
    url: str | None = None


class Schedule(HsdsObject):
    id: str = Field(default_factory=new_id)
    freq: str | None = None
    byday: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    description: str | None = None
    notes: str | None = None


class Location(HsdsObject):
    id: str = Field(default_factory=new_id)
    location_type: str = "physical"
    name: str | None = None
    description: str | None = None
    addresses: list[Address] = Field(default_factory=list)
    accessibility: list[Accessibility] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)


class ServiceAtLocation(HsdsObject):
    id: str = Field(default_factory=new_id)
    description: str | None = None
    location: Location | None = None
    schedules: list[Schedule] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)


class ServiceArea(HsdsObject):
    id: str = Field(default_factory=new_id)
    name: str | None = None
    description: str | None = None
    extent: str | None = None
    extent_type: str | None = None


class Unit(HsdsObject):
    id: str = Field(default_factory=new_id)
    name: str  # "places", "food parcels", "appointments"


class Capacity(HsdsObject):
    """HSDS 3.1 draft ``service_capacity``."""

    id: str = Field(default_factory=new_id)
    unit: Unit
    available: float
    maximum: float | None = None
    description: str | None = None
    updated: str  # ISO date-time


class Organization(HsdsObject):
    id: str = Field(default_factory=new_id)
    name: str
    description: str = ""  # required by HSDS 3.0
    email: str | None = None
    website: str | None = None


class VolunteersNeeded(HsdsObject):
    needed: bool = False
    roles: list[str] = Field(default_factory=list)
    dbs_level: Literal[DBS_LEVELS] | None = None  # type: ignore[valid-type]


class SpaceToShare(HsdsObject):
    kinds: list[Literal["room", "storage", "kitchen", "office", "outdoor"]] = Field(
        default_factory=list
    )
    description: str | None = None


class SupportedRecently(HsdsObject):
    """Who the service supported: counts only, never people."""

    period: str  # "October 2026", "last 30 days"
    total: int = Field(ge=0)
    by_group: dict[str, int] = Field(default_factory=dict)


class Service(HsdsObject):
    id: str = Field(default_factory=new_id)
    name: str = Field(min_length=1)
    status: Literal[SERVICE_STATUSES] = "active"  # type: ignore[valid-type]
    description: str | None = None
    url: str | None = None
    email: str | None = None
    eligibility_description: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    application_process: str | None = None
    # HSDS 3.0 needs only a service's id, name and status: a service may name its
    # organisation by organization_id alone, or not at all.
    organization: Organization | None = None
    languages: list[Language] = Field(default_factory=list)
    service_areas: list[ServiceArea] = Field(default_factory=list)
    service_at_locations: list[ServiceAtLocation] = Field(default_factory=list)
    schedules: list[Schedule] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    capacities: list[Capacity] = Field(default_factory=list)
    last_modified: str | None = None
    x_categories: list[str] = Field(default_factory=list)
    x_referral_status: Literal[REFERRAL_STATUSES] | None = None  # type: ignore[valid-type]
    x_referral_routes: list[Literal[REFERRAL_ROUTES]] = Field(default_factory=list)  # type: ignore[valid-type]
    x_volunteers: VolunteersNeeded | None = None
    x_covid_precautions: str | None = None
    x_space_to_share: SpaceToShare | None = None
    x_supported_recently: list[SupportedRecently] = Field(default_factory=list)

    @field_validator("minimum_age", "maximum_age")
    @classmethod
    def _age(cls, value: float | None) -> float | None:
        if value is not None and not 0 <= value <= 130:
            raise ValueError("an age limit must be between 0 and 130")
        return value

    @model_validator(mode="after")
    def _ages_in_order(self) -> Service:
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None and low > high:
            raise ValueError("the minimum age is above the maximum age")
        return self

    # ------------------------------------------------------------ conveniences
    @property
    def org_name(self) -> str:
        """The organisation's name, or what is known of it."""
        if self.organization is not None:
            return self.organization.name
        org_id = (self.model_extra or {}).get("organization_id")
        return f"(organisation {org_id})" if org_id else "(no organisation given)"

    @property
    def org_email(self) -> str | None:
        return self.organization.email if self.organization is not None else None

    def postcodes(self) -> list[str]:
        return [
            a.postal_code
            for sal in self.service_at_locations
            if sal.location
            for a in sal.location.addresses
            if a.postal_code
        ]

    def all_schedules(self) -> list[Schedule]:
        return self.schedules + [s for sal in self.service_at_locations for s in sal.schedules]

    def all_phones(self) -> list[Phone]:
        phones = list(self.phones)
        for c in self.contacts:
            phones += c.phones
        for sal in self.service_at_locations:
            phones += sal.phones
        return phones

    def accessibility_text(self) -> str:
        parts = [
            a.description or a.details or ""
            for sal in self.service_at_locations
            if sal.location
            for a in sal.location.accessibility
        ]
        return "; ".join(p for p in parts if p)
