"""A tagged resident list with planted errors of every kind the checker looks for.

Clean cells hold valid values in all the formats real lists use (postcodes
without a space, +44 phones, text and serial dates, synonyms from code lists),
so a check can be scored both ways: how many planted errors it finds (recall),
and how many clean cells it wrongly complains about (false alarms).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .people import TODAY, age_on, generate_population, nhs_check_digit

COLUMNS: list[tuple[str, str]] = [
    ("Ref", "#person+id"),
    ("Full name", "#person+name"),
    ("First name", "#person+given+name"),
    ("Surname", "#person+family+name"),
    ("Date of birth", "#date+birth"),
    ("Age", "#person+age"),
    ("Postcode", "#contact+address+postcode"),
    ("Phone", "#contact+phone"),
    ("Email", "#contact+email"),
    ("NHS number", "#person+id+nhs"),
    ("Ethnicity", "#person+ethnicity"),
    ("Preferred contact", "#contact+preferred"),
    ("Language", "#person+language"),
    ("Household size", "#household+num"),
    ("Consent", "#consent+share"),
    ("Diet", "#person+diet"),
    ("Notes", ""),
]
NAMES = [c for c, _ in COLUMNS]

# code -> (column, bad value or a function of the row's clean values)
PLANTS: list[tuple[str, str, Any]] = [
    ("required-missing", "Full name", None),
    ("type-error", "Age", "eighty"),
    ("number-out-of-range", "Household size", 0),
    ("number-out-of-range", "Age", 130),
    ("excel-error", "Ethnicity", "#N/A"),
    ("postcode-invalid", "Postcode", "LS6 1A"),
    ("postcode-invalid", "Postcode", "XX9 9ZZ9"),
    ("nhs-number-length", "NHS number", "999 123 456"),
    ("nhs-number-check-digit", "NHS number", "CHECK"),
    ("nhs-number-dummy", "NHS number", "000 000 0000"),
    ("date-invalid", "Date of birth", "31/02/1950"),
    ("date-in-future", "Date of birth", "03/04/2031"),
    ("date-too-old", "Date of birth", "01/01/1890"),
    ("age-mismatch", "Age", "MISMATCH"),
    ("phone-invalid", "Phone", "0113 496"),
    ("phone-invalid", "Phone", "call me"),
    ("email-invalid", "Email", "jean at example.com"),
    ("email-invalid", "Email", "jean@@example.com"),
    ("not-in-code-list", "Ethnicity", "Whte British"),
    ("not-in-code-list", "Preferred contact", "Pigeon"),
    ("not-in-code-list", "Consent", "Maybe"),
    ("duplicate-id", "Ref", "DUPLICATE"),
    ("stray-whitespace", "Surname", "SPACES"),
    ("contact-method-missing", "Preferred contact", "EMAIL-NO-ADDRESS"),
    ("formula-like-text", "Notes", '=HYPERLINK("http://example.com","x")'),
    ("formula-like-text", "Notes", "@SUM(A1)"),
    ("formula-like-text", "Notes", "-2+3"),
    ("formula-like-text", "Surname", "=1+1"),
]


@dataclass
class PlantedList:
    header: list[str]
    tags: list[str]
    rows: list[list[Any]]
    # (index into rows, column name, issue code)
    planted: list[tuple[int, str, str]] = field(default_factory=list)

    def excel_rows(self, first_data_row: int = 3) -> list[tuple[int, str, str]]:
        return [(first_data_row + i, col, code) for i, col, code in self.planted]


def _nhs(rng: np.random.Generator) -> str:
    while True:
        nine = "999" + "".join(str(d) for d in rng.integers(0, 10, 6))
        check = nhs_check_digit(nine)
        if check is not None:
            return nine + str(check)


def _variant(rng: np.random.Generator, options: list[Any]) -> Any:
    return options[int(rng.integers(0, len(options)))]


def make_planted_list(rows: int = 600, seed: int = 7, per_kind: int = 6) -> PlantedList:
    """``rows`` clean rows of fictional people, then ``per_kind`` of each planted error."""
    rng = np.random.default_rng(seed)
    people = generate_population(rows, seed)
    data: list[list[Any]] = []
    for i, p in enumerate(people):
        dob = p.dob
        nhs = _nhs(rng)
        nhs_spaced, nhs_dashed = (
            f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}",
            f"{nhs[:3]}-{nhs[3:6]}-{nhs[6:]}",
        )
        postcode = p.postcode
        data.append(
            [
                f"R{100000 + i}",
                _variant(rng, [p.full_name, f"{p.title} {p.full_name}".strip(),
                               f"{p.last_name.upper()}, {p.first_name}"]),
                p.first_name,
                p.last_name,
                _variant(rng, [dob, dob.strftime("%d/%m/%Y"), dob.strftime("%d/%m/%y"),
                               (dob - dt.date(1899, 12, 30)).days, dob.strftime("%d %b %Y")]),
                age_on(dob, TODAY),
                _variant(rng, [postcode, postcode.replace(" ", ""), postcode.lower()]),
                _variant(rng, ["0113 496 0{:03d}", "+44 113 496 0{:03d}", "(0113) 4960{:03d}",
                               "01134960{:03d}"]).format(i % 1000),
                _variant(rng, [f"person{i}@example.com", f"Person.{i}@Example.org", None]),
                _variant(rng, [nhs, nhs_spaced, nhs_dashed]),
                _variant(rng, [p.ethnicity, "White British", "Pakistani", "Indian", "Black African",
                               "Prefer not to say"]),
                _variant(rng, ["Phone", "phone call", "Letter", "Text", "In person"]),
                _variant(rng, ["English", "english", "Polish", "BSL", "Punjabi", "Urdu", "Farsi"]),
                _variant(rng, [1, 2, 3, "4", 5]),
                _variant(rng, ["Yes", "Y", "y", "No", "N"]),
                _variant(rng, [None, "Halal", "Vegetarian", "Halal, Diabetic", "Vegan; Nut free"]),
                _variant(rng, [None, None, "Prefers mornings", "Lives alone", "Carer visits"]),
            ]
        )  # fmt: skip
    planted: list[tuple[int, str, str]] = []
    used: set[int] = set()
    col = {name: k for k, name in enumerate(NAMES)}
    for code, column, bad in PLANTS:
        for _ in range(per_kind):
            while True:
                i = int(rng.integers(1, len(data)))
                if i not in used:
                    break
            used.add(i)
            row = data[i]
            if bad == "CHECK":
                good = str(row[col["NHS number"]]).replace(" ", "").replace("-", "")
                value: Any = good[:9] + str((int(good[9]) + 1) % 10)
            elif bad == "MISMATCH":
                value = int(row[col["Age"]]) + 7
            elif bad == "DUPLICATE":
                j = min(u for u in range(len(data)) if u not in used)
                used.add(j)
                value = data[j][col["Ref"]]
            elif bad == "SPACES":
                value = f" {row[col['Surname']]}  "
            elif bad == "EMAIL-NO-ADDRESS":
                value = "E-mail"
                row[col["Email"]] = None
            else:
                value = bad
            if code == "age-mismatch" or column == "Age":
                pass
            elif code in ("date-invalid", "date-in-future", "date-too-old"):
                row[col["Age"]] = None  # no age to disagree with
            row[col[column]] = value
            planted.append((i, column, code))
    # Whole repeated rows.
    for _ in range(per_kind):
        i = int(rng.integers(1, len(data)))
        while i in used:
            i = int(rng.integers(1, len(data)))
        used.add(i)
        data.append(list(data[i]))
        planted.append((len(data) - 1, "Ref", "duplicate-row"))
        planted.append((len(data) - 1, "Ref", "repeated-id"))
    return PlantedList(NAMES, [t for _, t in COLUMNS], data, planted)


def write_planted(planted: PlantedList, path: Any) -> None:
    """Save as a tagged sheet: headers in row 1, tags in row 2, data from row 3."""
    import openpyxl

    from ..workbook.writer import put

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Residents"
    for c, (name, tag) in enumerate(zip(planted.header, planted.tags, strict=True), start=1):
        put(ws, 1, c, name)
        if tag:
            put(ws, 2, c, tag)
    for r, values in enumerate(planted.rows, start=3):
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = put(ws, r, c, value)
            if value == "#N/A":
                cell.data_type = "e"
    wb.save(path)
