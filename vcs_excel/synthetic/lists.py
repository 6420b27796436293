"""Three synthetic lists in the shapes councils and VCS groups really hold.

* an NHS-style shielding list: title rows above the header, NHS numbers, real
  dates of birth, the address split over lines;
* an adult social care list: "SURNAME, Forename" in one cell, day-first text
  dates, the whole address (postcode included) in one cell;
* a VCS group's own list (a food bank): "Mrs Jean Smith", ages instead of
  dates, postcodes typed any old way, +44 phones, notes.

They overlap (the same person on two or three lists), have duplicates within a
tab, and carry typical mistakes: typos, nicknames, day/month swaps, house
moves, married names, missing values, bad check digits, stray spaces and text
that starts like a formula. ``truth`` gives the person behind each row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import names as N
from .people import TODAY, Person, age_on, generate_population

_KEYBOARD_NEIGHBOURS = {
    "a": "qsz", "e": "wrd", "i": "uok", "o": "ipl", "n": "bm", "r": "et", "t": "ry",
    "s": "adw", "l": "kp", "m": "n", "h": "gj", "c": "xv", "d": "sf", "u": "yi",
}  # fmt: skip


@dataclass
class SyntheticSheet:
    """One list: rows above the header, the header, the data, and the truth."""

    name: str
    header: list[str]
    rows: list[list[Any]]
    truth: list[int]
    preamble: list[list[Any]] = field(default_factory=list)
    planted: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def header_row(self) -> int:
        return len(self.preamble) + 1


class _Mess:
    """Seeded ways that real data goes wrong."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def pick(self, options: list[Any] | tuple[Any, ...]) -> Any:
        return options[int(self.rng.integers(0, len(options)))]

    def typo(self, word: str) -> str:
        if len(word) < 4:
            return word
        i = int(self.rng.integers(1, len(word) - 1))
        kind = self.pick(["swap", "drop", "double", "near"])
        if kind == "swap":
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind == "drop":
            return word[:i] + word[i + 1 :]
        if kind == "double":
            return word[:i] + word[i] + word[i:]
        near = _KEYBOARD_NEIGHBOURS.get(word[i].lower())
        return word[:i] + (self.pick(near) if near else word[i]) + word[i + 1 :]

    def phone(self, number: str) -> str:
        digits = number.replace(" ", "")
        style = self.pick(["spaced", "plain", "plus", "plus-spaced", "brackets"])
        if style == "plain":
            return digits
        if style == "plus":
            return "+44" + digits[1:]
        if style == "plus-spaced":
            return "+44 " + number[1:]
        if style == "brackets" and digits.startswith("01"):
            return f"({digits[:4]}) {digits[4:7]} {digits[7:]}"
        return number

    def postcode(self, pc: str) -> str:
        style = self.pick(["ok", "ok", "nospace", "lower", "lower-nospace"])
        if style == "nospace":
            return pc.replace(" ", "")
        if style == "lower":
            return pc.lower()
        if style == "lower-nospace":
            return pc.replace(" ", "").lower()
        return pc


def _address_line(p: Person) -> str:
    return f"{p.flat + ', ' if p.flat else ''}{p.house_number} {p.street}"


def _moved(p: Person, rng: np.random.Generator) -> Person:
    from dataclasses import replace

    street = N.STREET_NAMES[int(rng.integers(0, len(N.STREET_NAMES)))]
    district = list(N.LOCALITIES)[int(rng.integers(0, len(N.LOCALITIES)))]
    unit = "".join(rng.choice(list("ABDEFGHJLNPQRSTUWXYZ"), 2))
    return replace(
        p,
        flat="",
        house_number=str(int(rng.integers(1, 180))),
        street=street,
        locality=N.LOCALITIES[district],
        postcode=f"{district} {int(rng.integers(1, 10))}{unit}",
    )


def _choose(people: list[Person], rng: np.random.Generator, p_old: float, p_young: float):
    return [p for p in people if rng.random() < (p_old if p.age >= 70 else p_young)]


def _with_dupes(chosen: list[Person], rng: np.random.Generator, rate: float) -> list[Person]:
    out = list(chosen)
    for p in chosen:
        if rng.random() < rate:
            out.insert(int(rng.integers(0, len(out) + 1)), p)
    return out


def shielding_list(people: list[Person], rng: np.random.Generator) -> SyntheticSheet:
    mess = _Mess(rng)
    chosen = _with_dupes(_choose(people, rng, 0.45, 0.06), rng, 0.02)
    header = [
        "NHS Number", "Title", "Forename", "Surname", "Date of Birth", "Address Line 1",
        "Address Line 2", "Address Line 3", "Postcode", "Telephone", "Mobile", "GP Practice",
    ]  # fmt: skip
    rows, planted = [], []
    for i, p in enumerate(chosen):
        nhs = p.nhs_number  # empty once the test range is used up (a million people)
        nhs = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}" if mess.chance(0.6) and nhs else nhs
        if mess.chance(0.02) and nhs:
            nhs = nhs[:-1] + str((int(nhs[-1]) + 1) % 10)
            planted.append((i, "NHS Number", "nhs-number-check-digit"))
        dob: Any = p.dob
        if mess.chance(0.01):
            dob = dt.date(TODAY.year + 1, p.dob.month, min(p.dob.day, 28))
            planted.append((i, "Date of Birth", "date-in-future"))
        first = mess.typo(p.first_name) if mess.chance(0.03) else p.first_name
        last = p.last_name
        if mess.chance(0.02):
            last = f" {last}"
            planted.append((i, "Surname", "stray-whitespace"))
        rows.append(
            [
                nhs, p.title, first, last.upper() if mess.chance(0.3) else last, dob,
                _address_line(p), p.locality, p.town, p.postcode,
                mess.phone(p.landline) if p.landline else None,
                mess.phone(p.mobile) if p.mobile and mess.chance(0.8) else None,
                f"B8{int(rng.integers(1000, 9999))}",
            ]
        )  # fmt: skip
    return SyntheticSheet(
        name="Shielding",
        header=header,
        rows=rows,
        truth=[p.person_id for p in chosen],
        preamble=[
            ["Shielded Patient List - local extract"],
            [f"Extract date: {TODAY:%d/%m/%Y}", None, "OFFICIAL-SENSITIVE"],
            [],
        ],
        planted=planted,
    )


def social_care_list(people: list[Person], rng: np.random.Generator) -> SyntheticSheet:
    mess = _Mess(rng)
    chosen = _with_dupes(_choose(people, rng, 0.30, 0.04), rng, 0.03)
    header = [
        "Client ID", "Client Name", "Gender", "DOB", "Address", "Phone", "Ethnicity",
        "Main Language", "Care Package", "Last Review",
    ]  # fmt: skip
    rows, planted = [], []
    for i, p in enumerate(chosen):
        if mess.chance(0.05):
            p = _moved(p, rng)
        last, first = p.last_name, p.first_name
        if p.sex == "F" and 20 <= p.age <= 55 and mess.chance(0.15):
            last = N.SURNAMES[int(rng.integers(0, len(N.SURNAMES)))][0]
        if p.nicknames and mess.chance(0.12):
            first = mess.pick(p.nicknames)
        if mess.chance(0.03):
            last = mess.typo(last)
        name = f"{last.upper()}, {first}" + (f" {p.middle_name}" if p.middle_name else "")
        d = p.dob
        if d.day <= 12 and d.day != d.month and mess.chance(0.04):
            d = dt.date(d.year, d.day, d.month)
        dob = mess.pick([f"{d:%d/%m/%Y}", f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d:%y}"])
        if mess.chance(0.03):
            dob = None
        address = f"{_address_line(p)}, {p.locality}, {p.town} {mess.postcode(p.postcode)}"
        phone = p.landline or p.mobile
        ethnicity = p.ethnicity
        if mess.chance(0.03):
            ethnicity = "Whte British"
            planted.append((i, "Ethnicity", "not-in-code-list"))
        rows.append(
            [
                f"ASC{100000 + p.person_id * 7 % 899999:06d}",
                name,
                {"F": "Female", "M": "Male"}[p.sex],
                dob,
                address,
                mess.phone(phone) if phone else None,
                ethnicity,
                p.language,
                mess.pick(["Home care", "Day centre", "Meals", "Telecare", "Reablement"]),
                TODAY - dt.timedelta(days=int(rng.integers(5, 400))),
            ]
        )
    return SyntheticSheet(
        name="Adult Social Care",
        header=header,
        rows=rows,
        truth=[p.person_id for p in chosen],
        planted=planted,
    )


def vcs_list(people: list[Person], rng: np.random.Generator) -> SyntheticSheet:
    mess = _Mess(rng)
    chosen = _with_dupes(_choose(people, rng, 0.20, 0.12), rng, 0.04)
    header = [
        "Name", "Age", "House/Street", "Post Code", "Mobile", "Email", "Household size",
        "Dietary needs", "Language", "Consent to share (Y/N)", "Notes",
    ]  # fmt: skip
    sizes: dict[int, int] = {}
    for p in people:
        sizes[p.household_id] = sizes.get(p.household_id, 0) + 1
    rows, planted = [], []
    for i, p in enumerate(chosen):
        first = p.first_name
        if p.nicknames and mess.chance(0.25):
            first = mess.pick(p.nicknames)
        if mess.chance(0.04):
            first = mess.typo(first)
        name = (
            f"{p.title} {first} {p.last_name}".strip()
            if mess.chance(0.6)
            else (f"{first} {p.last_name}")
        )
        age: Any = age_on(p.dob, TODAY)
        if mess.chance(0.05):
            age = None
        postcode = mess.postcode(p.postcode)
        if mess.chance(0.02):
            postcode = postcode[:-1]
            planted.append((i, "Post Code", "postcode-invalid"))
        phone = p.mobile or p.landline
        email = p.email or None
        if email and mess.chance(0.02):
            email = email.replace("@", " at ")
            planted.append((i, "Email", "email-invalid"))
        note = mess.pick(["", "", "", "", "Prefers a call after 2pm", "Collects for neighbour",
                          "Referred by GP", "Needs ground floor access"])  # fmt: skip
        if mess.chance(0.03):
            note = mess.pick(["=HYPERLINK(\"http://example.com\")", "-no answer twice",
                              "@reception desk", "+1 extra parcel"])  # fmt: skip
            planted.append((i, "Notes", "formula-like-text"))
        rows.append(
            [
                name, age, _address_line(p), postcode,
                mess.phone(phone) if phone and mess.chance(0.9) else None,
                email, sizes[p.household_id], mess.pick(N.DIETARY) or None,
                p.language if mess.chance(0.9) else None,
                mess.pick(["Y", "Y", "Y", "N", "y", "Yes"]), note or None,
            ]
        )  # fmt: skip
    return SyntheticSheet(
        name="Food Bank",
        header=header,
        rows=rows,
        truth=[p.person_id for p in chosen],
        planted=planted,
    )


def demo_lists(people: int = 800, seed: int = 2026) -> list[SyntheticSheet]:
    """The three demo lists drawn from one seeded population."""
    return lists_of(generate_population(people, seed), seed)


def lists_of(population: list[Person], seed: int) -> list[SyntheticSheet]:
    """The three lists (shielding, adult social care, a VCS group) drawn from
    ``population`` as :func:`demo_lists` draws them for ``seed``."""
    rng = np.random.default_rng(seed + 1)
    return [
        shielding_list(population, rng),
        social_care_list(population, rng),
        vcs_list(population, rng),
    ]


def write_workbook(sheets: list[SyntheticSheet], path: Any) -> None:
    """Save the lists as a workbook laid out as a person would have typed them."""
    import openpyxl
    from openpyxl.styles import Font

    from ..workbook.writer import put

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        for r, line in enumerate(sheet.preamble, start=1):
            for c, value in enumerate(line, start=1):
                if value is not None:
                    put(ws, r, c, value).font = Font(bold=r == 1)
        hr = sheet.header_row
        for c, name in enumerate(sheet.header, start=1):
            put(ws, hr, c, name).font = Font(bold=True)
            ws.column_dimensions[ws.cell(row=hr, column=c).column_letter].width = 18
        for r, values in enumerate(sheet.rows, start=hr + 1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    put(ws, r, c, value)
    wb.save(path)
