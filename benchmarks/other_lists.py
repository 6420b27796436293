"""A second generator of lists about people, written apart from the matcher's rules.

The demo's generator (``vcs_excel.synthetic``) was written beside the matching rules,
so its figures say little about lists made by other hands. This one shares no code
with it and no knowledge of the rules: it draws a population and then corrupts each
list's copy of a person by a published model, in the manner of GeCo (Tran, Vatsalan
and Christen, 2013) and FEBRL's generator (Christen, 2005).

The population
    Households at one address: a single person, a couple, a couple or a parent with
    children (twins among them, one child in twenty-five), and a father and son of one
    name (a junior and a senior, one household in forty). First names and surnames are
    drawn by their frequency in the US 1990 census lists (so common names are common
    and namesakes happen as in life); a partner keeps their own surname half the time.
    A household has a landline from Ofcom's drama ranges while they last; about one
    adult in six has a mobile of their own (the drama range has 1,000); an adult has an
    e-mail address half the time; everyone has a test-range NHS number (999).

The lists (three, as a council and a VCS group hold them, each with its own headers
and its own fields)
    * "GP list": NHS number, forename, surname, date of birth, address lines,
      postcode, telephone.
    * "Social care": client ID, one name cell written "SURNAME, Forename", date of
      birth, the whole address in one cell, postcode, mobile, e-mail.
    * "Food bank": one name cell "Forename Surname", age, address, post code, phone,
      e-mail.
    A person is on each list with a chance of their own (older people more often on
    the first two), and sometimes twice on one list (re-registered).

The corruption model (each record's copy, independently; rates per field)
    * typing slips (5% of names, 3% of other fields): a key next to the right one on
      a QWERTY keyboard, a letter left out or typed twice, two letters swapped;
    * OCR and look-alike slips (1%): O/0, I/l/1, S/5, B/8, rn/m;
    * spelling by sound (3% of names): ph/f, ck/k, ie/y, ou/ow, double letters;
    * nicknames and initials (5% of first names): a short form from a common English
      table, or the initial alone;
    * missing values (8% per field, more for e-mail and phones);
    * forename and surname swapped (1%);
    * date of birth: day and month swapped (2%, US order), one digit wrong (2%), the
      year one out (1%), 1 January of the year (1%), a two-digit year (3%);
    * a move (10% of a person's later records): another address in another district,
      with its own landline;
    * a married name (a third of women in couples, on one list): the partner's surname,
      sometimes double-barrelled;
    * formats: upper case, postcodes without a space or in lower case, phones with
      +44, spaces or brackets, or with the leading 0 lost to Excel.

Truth: the person of every record; the household and role of every person.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

LISTS = ("GP list", "Social care", "Food bank")

_QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_NEAR: dict[str, str] = {}
for _r, _row in enumerate(_QWERTY):
    for _c, _ch in enumerate(_row):
        near = [_row[_c - 1] if _c > 0 else "", _row[_c + 1] if _c + 1 < len(_row) else ""]
        for dr in (-1, 1):
            if 0 <= _r + dr < len(_QWERTY):
                other = _QWERTY[_r + dr]
                near += [other[k] for k in (_c - 1, _c) if 0 <= k < len(other)]
        _NEAR[_ch] = "".join(n for n in near if n)
_DIGIT_NEAR = {str(d): f"{(d - 1) % 10}{(d + 1) % 10}" for d in range(10)}
_OCR = [("O", "0"), ("0", "O"), ("I", "1"), ("l", "1"), ("1", "l"), ("S", "5"), ("5", "S"),
        ("B", "8"), ("8", "B"), ("rn", "m"), ("m", "rn")]  # fmt: skip
_SOUNDS = [("ph", "f"), ("f", "ph"), ("ck", "k"), ("ie", "y"), ("y", "ie"), ("ou", "ow"),
           ("ll", "l"), ("tt", "t"), ("nn", "n"), ("ss", "s"), ("ee", "ea"), ("ae", "a"),
           ("c", "k"), ("mac", "mc"), ("mc", "mac"), ("th", "t")]  # fmt: skip
# Common English short forms, from general knowledge of English names.
_SHORT = {
    "WILLIAM": ["BILL", "WILL", "BILLY"], "ROBERT": ["BOB", "ROB", "BOBBY"],
    "RICHARD": ["DICK", "RICH", "RICKY"], "JAMES": ["JIM", "JIMMY", "JAMIE"],
    "JOHN": ["JACK", "JOHNNY"], "MICHAEL": ["MIKE", "MICK"], "THOMAS": ["TOM", "TOMMY"],
    "CHRISTOPHER": ["CHRIS"], "DANIEL": ["DAN", "DANNY"], "JOSEPH": ["JOE"],
    "DAVID": ["DAVE"], "EDWARD": ["ED", "TED", "EDDIE"], "ANTHONY": ["TONY"],
    "MATTHEW": ["MATT"], "STEVEN": ["STEVE"], "STEPHEN": ["STEVE"], "PETER": ["PETE"],
    "ELIZABETH": ["LIZ", "BETH", "BETTY", "LIZZIE"], "MARGARET": ["MAGGIE", "PEGGY", "MEG"],
    "KATHERINE": ["KATE", "KATHY"], "CATHERINE": ["CATH", "KATE"], "PATRICIA": ["PAT", "TRISH"],
    "JENNIFER": ["JEN", "JENNY"], "SUSAN": ["SUE", "SUZY"], "DEBORAH": ["DEBBIE", "DEB"],
    "REBECCA": ["BECKY", "BEX"], "SAMANTHA": ["SAM"], "VICTORIA": ["VICKY", "TORI"],
    "ALEXANDER": ["ALEX", "SANDY"], "BENJAMIN": ["BEN"], "NICHOLAS": ["NICK"],
    "KENNETH": ["KEN"], "DONALD": ["DON"], "RONALD": ["RON"], "GERALD": ["GERRY"],
    "BARBARA": ["BARB"], "DOROTHY": ["DOT", "DOTTIE"], "JACQUELINE": ["JACKIE"],
    "CHRISTINE": ["CHRIS", "CHRISSIE"], "PAMELA": ["PAM"], "SANDRA": ["SANDY"],
}  # fmt: skip
_AREAS = ["LS", "BD", "M", "OL", "SK", "WF", "HX", "HD", "S", "L", "B", "NE"]
_STREET_WORDS = ["Oak", "Mill", "Church", "Station", "Park", "Victoria", "Albert", "Queens",
                 "Kings", "Chapel", "Moor", "Beech", "Elm", "Ash", "Willow", "Meadow", "Brook",
                 "Hill", "Green", "Spring", "Hollin", "Throstle", "Cross", "Grange", "Manor",
                 "Orchard", "Fern", "Heather", "Heath", "Bank", "Clough", "Fold", "Ridge",
                 "Stone", "Well", "Priory", "Abbey", "Castle", "Bridge", "Canal"]  # fmt: skip
_STREET_KINDS = [("Road", "Rd"), ("Street", "St"), ("Lane", "Ln"), ("Avenue", "Ave"),
                 ("Close", "Cl"), ("Drive", "Dr"), ("Grove", "Gr"), ("Terrace", "Ter"),
                 ("Crescent", "Cres"), ("Way", "Way"), ("Gardens", "Gdns")]  # fmt: skip
_TOWNS = {"LS": "Leeds", "BD": "Bradford", "M": "Manchester", "OL": "Oldham", "SK": "Stockport",
          "WF": "Wakefield", "HX": "Halifax", "HD": "Huddersfield", "S": "Sheffield",
          "L": "Liverpool", "B": "Birmingham", "NE": "Newcastle"}  # fmt: skip
_DOMAINS = ["example.com", "example.org", "example.net"]


@dataclass
class Address:
    house: str
    street: str
    kind: tuple[str, str]
    town: str
    postcode: str
    landline: str | None


@dataclass
class Person:
    pid: int
    household: int
    role: str  # "single", "adult", "partner", "child", "senior", "junior"
    first: str
    middle: str
    family: str
    sex: str
    dob: dt.date
    nhs: str
    mobile: str | None
    email: str | None
    address: Address
    married_name: str | None = None
    moves: list[Address] = field(default_factory=list)


def _names(path: Path, top: int) -> tuple[list[str], np.ndarray]:
    names, weights = [], []
    for line in path.read_text().splitlines()[:top]:
        parts = line.split()
        names.append(parts[0])
        weights.append(float(parts[1]))
    w = np.array(weights)
    return names, np.cumsum(w / w.sum())


class Population:
    def __init__(self, seed: int) -> None:
        from vcs_excel.clean.phones import DRAMA_RANGES
        from vcs_excel.data import CENSUS_NAMES

        self.rng = np.random.default_rng(seed)
        self.female = _names(CENSUS_NAMES["first:female"], 1500)
        self.male = _names(CENSUS_NAMES["first:male"], 800)
        self.last = _names(CENSUS_NAMES["last"], 40000)
        mobiles = [f"0{p}{n:03d}" for p, _, _ in DRAMA_RANGES if p[0] == "7" for n in range(1000)]
        landlines = [f"0{p}{n:03d}" for p, _, _ in DRAMA_RANGES if p[0] in "12"
                     for n in range(1000)]  # fmt: skip
        self.rng.shuffle(mobiles)
        self.rng.shuffle(landlines)
        self.mobiles, self.landlines = mobiles, landlines
        self.nhs_used: set[str] = set()
        self.addresses_used: set[tuple[str, str]] = set()
        self.postcodes: dict[tuple[str, int, str], str] = {}
        self.people: list[Person] = []

    def pick(self, table: tuple[list[str], np.ndarray]) -> str:
        names, cdf = table
        return names[min(int(cdf.searchsorted(self.rng.random())), len(names) - 1)]

    def first(self, sex: str, avoid: set[str]) -> str:
        while True:
            name = self.pick(self.female if sex == "F" else self.male)
            if name not in avoid:
                return name

    def nhs(self) -> str:
        while True:
            digits = [9, 9, 9, *self.rng.integers(0, 10, 6).tolist()]
            total = sum(d * (10 - i) for i, d in enumerate(digits))
            check = 11 - total % 11
            check = 0 if check == 11 else check
            number = "".join(map(str, digits)) + str(check)
            if check != 10 and number not in self.nhs_used:
                self.nhs_used.add(number)
                return number

    def address(self) -> Address:
        rng = self.rng
        while True:
            area = _AREAS[rng.integers(len(_AREAS))]
            district = int(rng.integers(1, 30))
            word = _STREET_WORDS[rng.integers(len(_STREET_WORDS))]
            kind = _STREET_KINDS[rng.integers(len(_STREET_KINDS))]
            street = f"{word} {kind[0]}"
            house = str(int(rng.integers(1, 200)))
            if (area, f"{district}{street}{house}") in self.addresses_used:
                continue
            self.addresses_used.add((area, f"{district}{street}{house}"))
            # One postcode per street per district, so neighbours share it.
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            postcode = self.postcodes.setdefault(
                (area, district, street),
                f"{area}{district} {rng.integers(1, 10)}"
                f"{letters[rng.integers(20)]}{letters[rng.integers(20)]}",
            )
            landline = self.landlines.pop() if self.landlines and rng.random() < 0.7 else None
            return Address(house, street, kind, _TOWNS[area], postcode, landline)

    def add(
        self,
        household: int,
        role: str,
        sex: str,
        family: str,
        dob: dt.date,
        address: Address,
        first: str | None = None,
        avoid: set[str] | None = None,
    ) -> Person:
        rng = self.rng
        first = first or self.first(sex, avoid or set())
        middle = self.first(sex, {first}) if rng.random() < 0.4 else ""
        adult = (dt.date(2026, 1, 1) - dob).days > 18 * 365
        mobile = self.mobiles.pop() if adult and self.mobiles and rng.random() < 0.17 else None
        email = None
        if adult and rng.random() < 0.5:
            style = rng.integers(3)
            local = [f"{first}.{family}", f"{first[0]}{family}", f"{first}{dob.year % 100}"][style]
            email = f"{local.lower()}{rng.integers(1, 999)}@{_DOMAINS[rng.integers(3)]}"
        p = Person(len(self.people) + 1, household, role, first, middle, family, sex, dob,
                   self.nhs(), mobile, email, address)  # fmt: skip
        self.people.append(p)
        return p

    def birthday(self, year_from: int, year_to: int) -> dt.date:
        start = dt.date(year_from, 1, 1).toordinal()
        end = dt.date(year_to, 12, 31).toordinal()
        return dt.date.fromordinal(int(self.rng.integers(start, end + 1)))

    def household(self, h: int) -> None:
        rng = self.rng
        home = self.address()
        family = self.pick(self.last)
        kind = rng.choice(["single", "couple", "family", "lone parent", "junior"],
                          p=[0.3, 0.25, 0.3, 0.12, 0.03])  # fmt: skip
        sex = "F" if rng.random() < 0.5 else "M"
        if kind == "junior":
            senior = self.add(h, "senior", "M", family, self.birthday(1940, 1970), home)
            self.add(h, "junior", "M", family, self.birthday(senior.dob.year + 20,
                     min(senior.dob.year + 40, 2005)), home, first=senior.first)  # fmt: skip
            return
        first = self.add(h, "single" if kind == "single" else "adult", sex, family,
                         self.birthday(1930, 2000), home)  # fmt: skip
        if kind == "single":
            return
        adults = [first]
        if kind in ("couple", "family"):
            other = "M" if sex == "F" else "F"
            own = family if rng.random() < 0.5 else self.pick(self.last)
            year = min(max(first.dob.year + int(rng.integers(-6, 7)), 1930), 2002)
            partner = self.add(h, "partner", other, own, self.birthday(year, year), home,
                               avoid={first.first})  # fmt: skip
            adults.append(partner)
            woman = first if first.sex == "F" else partner
            man = partner if woman is first else first
            if own != family and rng.random() < 0.33:
                woman.married_name = man.family
        if kind == "couple":
            return
        youngest = max(a.dob.year for a in adults)
        names = {a.first for a in adults}
        for _ in range(int(rng.integers(1, 4))):
            year = min(youngest + int(rng.integers(20, 40)), 2024)
            dob = self.birthday(year, year)
            child_sex = "F" if rng.random() < 0.5 else "M"
            child = self.add(h, "child", child_sex, family, dob, home, avoid=names)
            names.add(child.first)
            if rng.random() < 0.04:  # twins: one birthday
                twin_sex = "F" if rng.random() < 0.5 else "M"
                twin = self.add(h, "child", twin_sex, family, dob, home, avoid=names)
                names.add(twin.first)


class Corrupter:
    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def typo(self, text: str) -> str:
        if len(text) < 2:
            return text
        rng = self.rng
        i = int(rng.integers(len(text)))
        how = rng.integers(4)
        ch = text[i]
        if how == 0:  # a neighbouring key
            pool = _NEAR.get(ch.lower()) or _DIGIT_NEAR.get(ch)
            if not pool:
                return text
            new = pool[rng.integers(len(pool))]
            new = new.upper() if ch.isupper() else new
            return text[:i] + new + text[i + 1 :]
        if how == 1 and len(text) > 3:  # left out
            return text[:i] + text[i + 1 :]
        if how == 2:  # typed twice
            return text[:i] + ch + text[i:]
        if i + 1 < len(text):  # two swapped
            return text[:i] + text[i + 1] + ch + text[i + 2 :]
        return text

    def ocr(self, text: str) -> str:
        options = [(a, b) for a, b in _OCR if a in text]
        if not options:
            return text
        a, b = options[self.rng.integers(len(options))]
        return text.replace(a, b, 1)

    def sound(self, text: str) -> str:
        low = text.lower()
        options = [(a, b) for a, b in _SOUNDS if a in low[1:]]
        if not options:
            return text
        a, b = options[self.rng.integers(len(options))]
        i = low.index(a, 1)
        out = low[:i] + b + low[i + len(a) :]
        return out.upper() if text.isupper() else out.capitalize()

    def name(self, text: str, first: bool = False) -> str:
        if not text:
            return text
        r = self.rng.random()
        if first and r < 0.05:
            short = _SHORT.get(text.upper())
            if short and self.chance(0.7):
                text = short[self.rng.integers(len(short))]
            else:
                text = text[0] + ("." if self.chance(0.5) else "")
        elif r < 0.10:
            text = self.typo(text)
        elif r < 0.13:
            text = self.sound(text)
        elif r < 0.14:
            text = self.ocr(text)
        return text

    def case(self, text: str) -> str:
        r = self.rng.random()
        if r < 0.15:
            return text.upper()
        if r < 0.18:
            return text.lower()
        return text.title() if text.isupper() else text

    def dob(self, d: dt.date) -> str:
        rng = self.rng
        r = rng.random()
        day, month, year = d.day, d.month, d.year
        if r < 0.02 and day <= 12:
            day, month = month, day
        elif r < 0.04:
            text = f"{day:02d}{month:02d}{year}"
            i = int(rng.integers(len(text)))
            wrong = str((int(text[i]) + int(rng.integers(1, 10))) % 10)
            text = text[:i] + wrong + text[i + 1 :]
            try:
                d2 = dt.date(int(text[4:]), int(text[2:4]), int(text[:2]))
                day, month, year = d2.day, d2.month, d2.year
            except ValueError:
                pass
        elif r < 0.05:
            year += 1 if self.chance(0.5) else -1
        elif r < 0.06:
            day, month = 1, 1
        if self.chance(0.03):
            return f"{day:02d}/{month:02d}/{year % 100:02d}"
        if self.chance(0.2):
            return f"{year}-{month:02d}-{day:02d}"
        return f"{day:02d}/{month:02d}/{year}"

    def postcode(self, pc: str) -> str:
        r = self.rng.random()
        if r < 0.03:
            pc = self.typo(pc)
        elif r < 0.1:
            pc = pc.replace(" ", "")
        elif r < 0.13:
            pc = pc.lower()
        return pc

    def phone(self, number: str) -> str:
        r = self.rng.random()
        if r < 0.02:
            return self.typo(number)
        if r < 0.05:
            return number[1:]  # Excel dropped the leading 0
        if r < 0.2:
            return "+44 " + number[1:5] + " " + number[5:]
        if r < 0.4:
            return number[:5] + " " + number[5:]
        return number

    def missing(self, p: float = 0.08) -> bool:
        return self.chance(p)


def _street_text(c: Corrupter, a: Address) -> str:
    street = a.street if c.chance(0.8) else a.street.replace(a.kind[0], a.kind[1])
    if c.chance(0.03):
        street = c.typo(street)
    return street


def _record(c: Corrupter, p: Person, list_name: str, home: Address, married: bool,
            today: dt.date, copy: int) -> list[str]:  # fmt: skip
    """One list's row for a person, corrupted."""
    first = p.first.title()
    if p.middle and c.chance(0.15):
        first = f"{first} {p.middle.title()}"
    first = c.case(c.name(first, first=True))
    family = p.married_name if married and p.married_name else p.family
    if married and p.married_name and c.chance(0.2):
        family = f"{p.family}-{p.married_name}"
    family = c.case(c.name(family.title()))
    if c.chance(0.01):
        first, family = family, first
    dob = "" if c.missing(0.05) else c.dob(p.dob)
    postcode = "" if c.missing(0.05) else c.postcode(home.postcode)
    street = _street_text(c, home)
    house = home.house if not c.chance(0.02) else c.typo(home.house)
    landline = home.landline if home.landline and not c.missing(0.3) else None
    mobile = p.mobile if p.mobile and not c.missing(0.2) else None
    email = p.email if p.email and not c.missing(0.3) else ""
    if email and c.chance(0.1):
        email = email.upper() if c.chance(0.5) else c.typo(email)
    if list_name == "GP list":
        tel = mobile or landline
        return [p.nhs if not c.missing(0.03) else "", first, family, dob,
                f"{house} {street}", home.town, postcode,
                c.phone(tel) if tel else ""]  # fmt: skip
    if list_name == "Social care":
        name = f"{family.upper()}, {first.title() if first.isupper() else first}"
        address = f"{house} {street}, {home.town}"
        # A person registered twice was given a second ID.
        return [f"SC{(p.pid * 7919 + copy * 500009) % 1000000:06d}", name, dob, address, postcode,
                c.phone(mobile) if mobile else "", email]  # fmt: skip
    # One name cell is typed in one case, or with the surname in capitals.
    name = _one_case(c, f"{first} {family}", family)
    age = "" if c.missing(0.1) else str((today - p.dob).days // 365)
    tel = mobile or landline
    return [name, age, f"{house} {street}", postcode, c.phone(tel) if tel else "", email]


def _one_case(c: Corrupter, name: str, family: str) -> str:
    r = c.rng.random()
    if r < 0.15:
        return name.upper()
    if r < 0.18:
        return name.lower()
    if r < 0.28:
        return f"{name[: len(name) - len(family)].title()}{family.upper()}"
    return name.title()


HEADERS = {
    "GP list": ["NHS Number", "Forename", "Surname", "DOB", "Address 1", "Address 2", "Postcode",
                "Telephone"],
    "Social care": ["Client ID", "Client Name", "Date of Birth", "Address", "Postcode", "Mobile",
                    "Email"],
    "Food bank": ["Name", "Age", "Address", "Post Code", "Phone", "Email"],
}  # fmt: skip


def make_lists(people: int, seed: int, folder: Path) -> tuple[list[str], str]:
    """Write the three lists for about ``people`` people as CSV files in ``folder``, and
    the truth as ``truth.npz``; return their paths."""
    pop = Population(seed)
    h = 0
    while len(pop.people) < people:
        h += 1
        pop.household(h)
    rng = np.random.default_rng(seed + 1)
    c = Corrupter(rng)
    today = dt.date(2026, 6, 1)
    # Who is on each list: older people more often on the GP and social care lists.
    rows: dict[str, list[list[str]]] = {n: [] for n in LISTS}
    truth: dict[str, list[int]] = {n: [] for n in LISTS}
    married_list = {p.pid: LISTS[rng.integers(3)] for p in pop.people if p.married_name}
    for p in pop.people:
        age = (today - p.dob).days // 365
        chances = {"GP list": 0.45 if age >= 65 else 0.2, "Social care": 0.4 if age >= 70 else 0.1,
                   "Food bank": 0.3 if age >= 18 else 0.1}  # fmt: skip
        moved: Address | None = None
        seen = 0
        for list_name in LISTS:
            if not c.chance(chances[list_name]):
                continue
            copies = 2 if c.chance(0.05) else 1
            for copy in range(copies):
                home = p.address
                if seen and c.chance(0.1):
                    moved = moved or pop.address()
                    home = moved
                seen += 1
                married = married_list.get(p.pid) == list_name
                rows[list_name].append(_record(c, p, list_name, home, married, today, copy))
                truth[list_name].append(p.pid)
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for list_name in LISTS:
        order = rng.permutation(len(rows[list_name]))
        path = folder / f"{list_name}.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            out.writerow(HEADERS[list_name])
            out.writerows(rows[list_name][i] for i in order)
        truth[list_name] = [truth[list_name][i] for i in order]
        paths.append(str(path))
    everyone = pop.people
    np.savez_compressed(
        folder / "truth.npz",
        ids=np.array([pid for n in LISTS for pid in truth[n]]),
        household=np.array([-1] + [p.household for p in everyone]),
        first=np.array([""] + [p.first for p in everyone]),
        dob=np.array([0] + [p.dob.toordinal() for p in everyone]),
        role=np.array([""] + [p.role for p in everyone]),
    )
    return paths, str(folder / "truth.npz")
