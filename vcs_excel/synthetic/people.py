"""A seeded synthetic population: households of fictional people.

The population is the ground truth that synthetic lists are drawn from. It
plants the cases that make matching hard: couples sharing a surname, address
and landline; twins (same surname, address and date of birth); and juniors (a
father and son with the same name at the same address).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np

from . import names as N

TODAY = dt.date(2026, 11, 20)
_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass
class Person:
    person_id: int
    household_id: int
    sex: str
    title: str
    first_name: str
    middle_name: str
    last_name: str
    dob: dt.date
    nhs_number: str
    flat: str
    house_number: str
    street: str
    locality: str
    town: str
    postcode: str
    mobile: str
    landline: str
    email: str
    ethnicity: str
    language: str
    role: str = "adult"  # adult, partner, child, twin, junior
    nicknames: tuple[str, ...] = field(default_factory=tuple)

    @property
    def age(self) -> int:
        return age_on(self.dob, TODAY)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def age_on(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def nhs_check_digit(nine: str) -> int | None:
    """The NHS number Modulus 11 check digit for nine digits, or None if there is none."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


NHS_ATTEMPTS = 60  # tries for an unused test number before giving up
# Numbers given out when the test range counts as used up: one draw in 35 still finds a
# free one, so people before this point are drawn as they always were.
NHS_NEARLY_USED = 880_000


class _Draw:
    """Weighted draws from the name lists with one seeded generator."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.first = {s: [f for f in N.FIRST_NAMES if f[1] == s] for s in "FM"}
        self.first_p = {s: _cdf([f[2] for f in self.first[s]]) for s in "FM"}
        self.surname_p = _cdf([w for _, w in N.SURNAMES])
        self.tail, tail_weights = N.surname_tail()
        self.tail_p = _cdf(tail_weights)
        self.eth_p = _norm([w for _, w in N.ETHNICITIES])
        self.lang_p = _norm([w for _, w in N.LANGUAGES])
        self.used_nhs: set[str] = set()
        self.used_emails: set[str] = set()
        self.used_addresses: set[tuple[str, str, int, str]] = set()
        self.street_sectors: dict[tuple[str, str], str] = {}
        self.street_units: dict[tuple[str, str, int], str] = {}
        self.used_units: set[str] = set()
        # Every number comes from Ofcom's drama ranges, each given out once: when a pool
        # runs out, people have no number rather than a stranger's.
        from ..clean.phones import DRAMA_RANGES

        mobile_prefixes = [p for p, _, _ in DRAMA_RANGES if p.startswith("7")]
        landline_prefixes = [p for p, _, _ in DRAMA_RANGES if p[0] in "12"]
        self.mobiles = [f"{p}{n:03d}" for p in mobile_prefixes for n in range(1000)]
        self.landlines = [f"{p}{n:03d}" for p in landline_prefixes for n in range(1000)]
        rng.shuffle(self.mobiles)
        rng.shuffle(self.landlines)

    def first_name(self, sex: str, avoid: Collection[str] = ()) -> tuple[str, tuple[str, ...]]:
        """A first name and its nicknames, neither of them one of ``avoid``."""
        while True:
            i = self._pick(self.first_p[sex])
            name, _, _, nicks = self.first[sex][i]
            if name not in avoid and not any(n in avoid for n in nicks):
                return name, nicks

    def surname(self) -> str:
        if self.rng.random() < N.COMMON_SURNAME_SHARE:
            return N.SURNAMES[self._pick(self.surname_p)][0]
        return self.tail[self._pick(self.tail_p)]

    def _pick(self, cdf: np.ndarray) -> int:
        """``rng.choice(len(cdf), p=...)`` as numpy draws it (the same number from the
        same generator), without checking and summing the weights on every draw: a
        list of thousands of surnames made each draw slow."""
        return int(cdf.searchsorted(self.rng.random(), side="right"))

    def nhs(self) -> str:
        """A number from the test range (999), each given out once. The range holds
        about 909,000 valid numbers: when it is nearly used up, people have none, without
        drawing (sixty draws a person, for a million people, took most of an hour)."""
        if len(self.used_nhs) >= NHS_NEARLY_USED:
            return ""
        for _ in range(NHS_ATTEMPTS):
            nine = "999" + "".join(str(d) for d in self.rng.integers(0, 10, 6))
            check = nhs_check_digit(nine)
            number = f"{nine}{check}"
            if check is not None and number not in self.used_nhs:
                self.used_nhs.add(number)
                return number
        return ""

    def mobile(self) -> str:
        if not self.mobiles:
            return ""
        national = self.mobiles.pop()
        return f"0{national[:4]} {national[4:]}"

    def landline(self) -> str:
        if not self.landlines:
            return ""
        national = self.landlines.pop()
        if national.startswith("2"):  # 020, 028, 029: a three-digit area code
            return f"0{national[:2]} {national[2:6]} {national[6:]}"
        if national.startswith("1632"):
            return f"0{national[:4]} {national[4:]}"
        return f"0{national[:3]} {national[3:6]} {national[6:]}"

    def dob(self, low: int, high: int) -> dt.date:
        age_days = int(self.rng.integers(low * 365, high * 365 + 364))
        return TODAY - dt.timedelta(days=age_days)


def _cdf(weights: list[float]) -> np.ndarray:
    """The cumulative distribution numpy's ``choice`` makes of ``weights``."""
    cdf = _norm(weights).cumsum()
    cdf /= cdf[-1]
    return cdf


def _norm(weights: list[float]) -> np.ndarray:
    arr = np.asarray(weights, dtype=float)
    return arr / arr.sum()


def _address(draw: _Draw) -> dict[str, str]:
    """A home of its own: no two households share a street, number and flat. A street
    name recurs in other districts (every district has a Church Road), lies in one
    sector of its district, and each run of 20 numbers on it has one postcode, as a
    postman's walk does."""
    rng = draw.rng
    districts = list(N.LOCALITIES)
    while True:
        district = districts[int(rng.integers(0, len(districts)))]
        street = N.STREET_NAMES[int(rng.integers(0, len(N.STREET_NAMES)))]
        number = int(rng.integers(1, 180))
        flat = f"Flat {int(rng.integers(1, 12))}" if rng.random() < 0.18 else ""
        if (district, street, number, flat) not in draw.used_addresses:
            break
    draw.used_addresses.add((district, street, number, flat))
    sector = draw.street_sectors.setdefault(
        (district, street), f"{district} {int(rng.integers(1, 10))}"
    )
    block = (district, street, number // 20)
    postcode = draw.street_units.get(block)
    if postcode is None:
        # A postcode of its own while the sector has some left (in a city of millions
        # some are shared, as a postcode can cover two short streets).
        for _ in range(20):
            postcode = f"{sector}{''.join(rng.choice(list(_UNIT_LETTERS), 2))}"
            if postcode not in draw.used_units:
                break
        draw.street_units[block] = postcode
        draw.used_units.add(postcode)
    return {
        "flat": flat,
        "house_number": str(number),
        "street": street,
        "locality": N.LOCALITIES[district],
        "town": N.TOWN,
        "postcode": postcode,
    }


def _email(draw: _Draw, first: str, last: str, age: int) -> str:
    address = _email_address(draw, first, last, age)
    # An address belongs to one person: two Keith Smiths do not share one.
    while address and address in draw.used_emails:
        local, domain = address.split("@")
        address = f"{local}{int(draw.rng.integers(1, 999))}@{domain}"
    draw.used_emails.add(address)
    return address


def _email_address(draw: _Draw, first: str, last: str, age: int) -> str:
    rng = draw.rng
    chance = 0.85 if age < 60 else 0.55 if age < 75 else 0.25
    if age < 16 or rng.random() > chance:
        return ""
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}{last}{int(rng.integers(1, 99))}",
        ]
    )
    domain = rng.choice(["example.com", "example.org", "example.net"])
    return f"{local}@{domain}".lower().replace("'", "").replace(" ", "")


def generate_population(n: int, seed: int = 2026) -> list[Person]:
    """``n`` fictional people in households, the same for the same seed."""
    rng = np.random.default_rng(seed)
    draw = _Draw(rng)
    people: list[Person] = []
    household = 0
    while len(people) < n:
        household += 1
        addr = _address(draw)
        size = int(rng.choice([1, 2, 3, 4, 5], p=[0.33, 0.35, 0.15, 0.12, 0.05]))
        surname = draw.surname()
        landline = draw.landline() if rng.random() < 0.35 else ""
        eth_i = rng.choice(len(N.ETHNICITIES), p=draw.eth_p)
        lang_i = rng.choice(len(N.LANGUAGES), p=draw.lang_p)
        members: list[tuple[str, str, tuple[str, ...], dt.date, str, str]] = []
        head_sex = "F" if rng.random() < 0.52 else "M"
        head_first, head_nicks = draw.first_name(head_sex)
        head_dob = draw.dob(22 if size > 2 else 18, 96)
        members.append((head_sex, head_first, head_nicks, head_dob, surname, "adult"))
        if size >= 2:
            sex = "M" if head_sex == "F" else "F"
            if rng.random() < 0.08:
                sex = head_sex
            first, nicks = draw.first_name(sex, avoid=(head_first,))
            age = max(18, min(99, age_on(head_dob, TODAY) + int(rng.integers(-6, 7))))
            same_surname = rng.random() < 0.8
            members.append(
                (
                    sex,
                    first,
                    nicks,
                    draw.dob(age, age),
                    surname if same_surname else draw.surname(),
                    "partner",
                )
            )
        parent_age = min(age_on(m[3], TODAY) for m in members)
        children = size - len(members)
        twins = children >= 2 and rng.random() < 0.2
        # Parents give their children different names, and not two forms of one name
        # (Elizabeth and Lisa); a son may be named after his father (a junior).
        siblings: set[str] = set()
        for k in range(children):
            sex = "F" if rng.random() < 0.5 else "M"
            first, nicks = draw.first_name(sex, avoid=siblings)
            role = "child"
            max_age = max(0, min(40, parent_age - 18))
            dob = draw.dob(0, max_age)
            if twins and k == 1:
                prev = members[-1]
                dob, role = prev[3], "twin"
            elif k == 0 and head_sex == "M" and rng.random() < 0.25:
                sex, first, nicks, role = "M", head_first, head_nicks, "junior"
                dob = draw.dob(max(0, max_age - 15), max_age)
            members.append((sex, first, nicks, dob, surname, role))
            siblings |= {first, *nicks}
        for sex, first, nicks, dob, last, role in members:
            age = age_on(dob, TODAY)
            middle = draw.first_name(sex, avoid=(first,))[0] if rng.random() < 0.3 else ""
            title = (
                ("Mr" if sex == "M" else str(rng.choice(N.TITLES_F)))
                if age >= 18
                else ("Master" if sex == "M" and age < 12 else "")
            )
            people.append(
                Person(
                    person_id=len(people) + 1,
                    household_id=household,
                    sex=sex,
                    title=title,
                    first_name=first,
                    middle_name=middle,
                    last_name=last,
                    dob=dob,
                    nhs_number=draw.nhs(),
                    mobile=draw.mobile() if age >= 12 and rng.random() < 0.75 else "",
                    landline=landline,
                    email=_email(draw, first, last, age),
                    ethnicity=N.ETHNICITIES[eth_i][0],
                    language=N.LANGUAGES[lang_i][0],
                    role=role,
                    nicknames=nicks,
                    **addr,
                )
            )
    return people[:n]
