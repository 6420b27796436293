"""A seeded, fictional directory of local services (for the demo, tests and benchmarks).

Organisations, people and numbers are invented: phone numbers come from Ofcom's
drama ranges and e-mail addresses from example.org.
"""

from __future__ import annotations

import datetime as dt
import uuid

import numpy as np

from ..directory.models import (
    Accessibility,
    Address,
    Capacity,
    Contact,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    SpaceToShare,
    SupportedRecently,
    Unit,
    VolunteersNeeded,
)

# category, service names, what it offers, capacity unit
KINDS = [
    ("food", ["Food Bank", "Community Pantry", "Hot Meals Club"],
     "Emergency food parcels and a weekly pantry; halal and vegetarian options.", "food parcels"),
    ("befriending", ["Befriending Service", "Telephone Friends", "Good Neighbours"],
     "Weekly visits or phone calls from a trained volunteer for people who feel alone.",
     "new people matched"),
    ("debt advice", ["Money Advice", "Debt Help Drop-in", "Benefits and Debt Clinic"],
     "Free, confidential help with debts, benefits and budgeting.", "appointments"),
    ("employment", ["Jobs Club", "Work Ready", "Employment Support"],
     "CV help, job search and interview practice, one to one or in a group.", "places"),
    ("mental health", ["Wellbeing Café", "Talking Space", "Peer Support Group"],
     "A friendly space to talk, with peer support and links to NHS talking therapies.",
     "places"),
    ("digital skills", ["Digital Drop-in", "Get Online Sessions", "Tablet Lending Library"],
     "Help to get online: e-mail, video calls, online forms; devices to borrow.", "sessions"),
    ("domestic abuse", ["Domestic Abuse Support", "Safe Space Advocacy", "Freedom Programme"],
     "Confidential support and advocacy for anyone experiencing domestic abuse.", "referrals"),
    ("bereavement", ["Bereavement Support", "Grief Café", "Loss and Hope Group"],
     "Someone to talk to after a death, one to one or in a group.", "places"),
]  # fmt: skip
ORG_WORDS = ["Hope", "Bridge", "Harehills", "Chapeltown", "Beeston", "Armley", "Riverside",
             "Unity", "Meadow", "Oak Tree", "St Aidan's", "Community", "Together", "Bramley",
             "Seacroft", "Holbeck", "Gipton", "Horsforth", "Kirkstall", "Middleton"]  # fmt: skip
ORG_KINDS = ["Trust", "Community Centre", "Association", "Network", "Project", "CIC",
             "Church", "Mosque", "Gurdwara", "Foundation"]  # fmt: skip
LANGUAGES = [("English", "en"), ("Urdu", "ur"), ("Polish", "pl"), ("Punjabi", "pa"),
             ("Arabic", "ar"), ("Romanian", "ro"), ("Bengali", "bn"), ("Somali", "so"),
             ("Kurdish", "ku"), ("Tigrinya", "ti"), ("British Sign Language", "bfi"),
             ("Slovak", "sk"), ("Farsi", "fa")]  # fmt: skip
DISTRICTS = ["LS1", "LS2", "LS4", "LS5", "LS6", "LS7", "LS8", "LS9", "LS11", "LS12", "LS13",
             "LS14", "LS15", "LS16", "LS17", "LS18", "LS27", "LS28"]  # fmt: skip
STREETS = ["Chapeltown Road", "Roundhay Road", "Dewsbury Road", "Tong Road", "Kirkstall Road",
           "York Road", "Harehills Lane", "Beeston Road", "Town Street",
           "Stainbeck Lane"]  # fmt: skip
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]
ACCESS = ["Step-free entrance and an accessible toilet", "Hearing loop at reception",
          "Ground floor, level access", "Lift to all floors; accessible parking",
          "Upstairs, no lift (home visits offered instead)"]  # fmt: skip
REFERRALS = ["accepting", "accepting", "accepting", "waiting list", "closed",
             "assessment required"]  # fmt: skip
ROLES = ["driver", "befriender", "warehouse helper", "receptionist", "digital buddy",
         "cook", "fundraiser", "interpreter"]  # fmt: skip


def _uuid(rng: np.random.Generator) -> str:
    return str(uuid.UUID(bytes=rng.bytes(16), version=4))


def generate_services(n: int = 40, seed: int = 2026, today: dt.date | None = None) -> list[Service]:
    """``n`` fictional services run by about ``n / 2`` organisations in Leeds."""
    rng = np.random.default_rng(seed)
    today = today or dt.date.today()
    orgs = []
    for i in range(max(1, n // 2)):
        name = f"{ORG_WORDS[i % len(ORG_WORDS)]} {ORG_KINDS[(i * 7 + i // 20) % len(ORG_KINDS)]}"
        if i >= len(ORG_WORDS):
            name += f" {i // len(ORG_WORDS) + 1}"
        slug = name.lower().replace("'", "").replace(" ", "")
        orgs.append(Organization(id=_uuid(rng), name=name, email=f"hello@{slug}.example.org",
                                 website=f"https://{slug}.example.org"))  # fmt: skip
    services = []
    for i in range(n):
        category, names, offer, unit = KINDS[i % len(KINDS)]
        k = int(rng.integers(0, len(orgs)))
        org = orgs[k]
        district = DISTRICTS[int(rng.integers(0, len(DISTRICTS)))]
        postcode = (
            f"{district} {int(rng.integers(1, 10))}{'ABDEFGHJLNPQRSTUWXYZ'[i % 20]}"
            + ("ABDEFGHJLNPQRSTUWXYZ"[(i * 3) % 20])
        )
        langs = [LANGUAGES[0]] + [
            LANGUAGES[int(k)]
            for k in rng.choice(np.arange(1, len(LANGUAGES)), int(rng.integers(0, 4)), False)
        ]
        phone = f"0113 496 {int(rng.integers(0, 1000)):04d}"
        days = sorted(rng.choice(len(DAYS), int(rng.integers(1, 4)), replace=False))
        opens = int(rng.choice([9, 10, 13, 17]))
        updated = today - dt.timedelta(days=int(rng.integers(0, 46)))
        stamp = f"{updated.isoformat()}T10:00:00Z"
        low = int(rng.choice([0, 0, 16, 18, 18, 50, 60]))
        maximum = int(rng.integers(10, 60))
        location = Location(
            id=_uuid(rng),
            name=f"{org.name}, {STREETS[i % len(STREETS)]}",
            addresses=[Address(id=_uuid(rng), address_1=f"{int(rng.integers(1, 300))} "
                               f"{STREETS[i % len(STREETS)]}", city="Leeds",
                               state_province="West Yorkshire", postal_code=postcode)],
            accessibility=[Accessibility(id=_uuid(rng), description=ACCESS[i % len(ACCESS)])],
        )  # fmt: skip
        service = Service(
            id=_uuid(rng),
            name=f"{ORG_WORDS[k % len(ORG_WORDS)]} {names[i % len(names)]}",
            description=offer,
            status="active" if i % 23 else "temporarily closed",
            email=org.email,
            eligibility_description=(
                "Anyone living in Leeds" if low == 0 else f"Adults aged {low} and over"
            ),
            minimum_age=low or None,
            organization=org,
            languages=[Language(id=_uuid(rng), name=nm, code=code) for nm, code in langs],
            service_areas=[
                ServiceArea(
                    id=_uuid(rng),
                    name=", ".join(
                        sorted(
                            {
                                district,
                                *(
                                    DISTRICTS[int(k)]
                                    for k in rng.choice(len(DISTRICTS), 2, replace=False)
                                ),
                            }
                        )
                    ),
                )
            ],
            service_at_locations=[
                ServiceAtLocation(
                    id=_uuid(rng),
                    location=location,
                    schedules=[
                        Schedule(
                            id=_uuid(rng),
                            freq="WEEKLY",
                            byday=",".join(DAYS[d] for d in days),
                            opens_at=f"{opens:02d}:00",
                            closes_at=f"{opens + 3:02d}:00",
                        )
                    ],
                )
            ],
            contacts=[
                Contact(
                    id=_uuid(rng),
                    name="Duty worker",
                    email=org.email,
                    phones=[Phone(id=_uuid(rng), number=phone)],
                )
            ],
            phones=[Phone(id=_uuid(rng), number=phone, type="voice")],
            capacities=[
                Capacity(
                    id=_uuid(rng),
                    unit=Unit(id=_uuid(rng), name=unit),
                    available=int(rng.integers(0, maximum + 1)),
                    maximum=maximum,
                    updated=stamp,
                )
            ],
            last_modified=stamp,
            x_categories=[category],
            x_referral_status=REFERRALS[int(rng.integers(0, len(REFERRALS)))],
            x_referral_routes=["self", "professional"] if i % 3 else ["professional"],
            x_volunteers=VolunteersNeeded(
                needed=bool(i % 2),
                roles=[ROLES[i % len(ROLES)]] if i % 2 else [],
                dbs_level=("enhanced" if category in ("befriending", "domestic abuse") else "basic")
                if i % 2
                else None,
            ),
            x_covid_precautions="Hand gel at the door; masks on request." if i % 4 == 0 else None,
            x_space_to_share=(
                SpaceToShare(
                    kinds=["room"] if i % 2 else ["storage"],
                    description="A meeting room for 12, free on weekday mornings"
                    if i % 2
                    else "Dry storage for food donations",
                )
                if i % 5 == 0
                else None
            ),
            x_supported_recently=[
                SupportedRecently(period="last 30 days", total=int(rng.integers(5, 200)))
            ],
        )
        services.append(service)
    return services
