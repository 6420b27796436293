"""Prepare: person records from every tab, in one shape, ready to compare.

Each list has its own headers and layout; their tags (or suggested tags on an
untagged sheet) say which column holds what. From them each row becomes one
record: the name split into title, first, middle and family names (whichever
way it was written: "SMITH, Jean", "Mrs Jean M Smith", "Jean Smith"), the date
of birth read day-first, a valid NHS number, the postcode and the house and
flat numbers (also when the whole address is in one cell), phone numbers in
E.164 and the e-mail address, plus phonetic keys for the names. Every record
keeps its sheet and Excel row, so every match can point at its cells.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..checks.engine import ColumnPlan, plan_columns
from ..clean import collapse_spaces, normalise_postcode
from ..clean.addresses import STREET_WORDS
from ..clean.columns import first_present, per_value, per_value_fields
from ..clean.datatypes import Context, age_on, datatype
from ..clean.postcodes import find_postcode
from ..standard.hashtags import parse_hashtag
from ..workbook import Book, Table

TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "rev",
    "revd",
    "prof",
    "sir",
    "dame",
    "lady",
    "lord",
    "master",
    "fr",
    "father",
    "sister",
    "cllr",
    "capt",
    "col",
    "major",
    "mstr",
}
SUFFIXES = {
    "jr": "junior",
    "jnr": "junior",
    "junior": "junior",
    "sr": "senior",
    "snr": "senior",
    "senior": "senior",
    "ii": "ii",
    "iii": "iii",
}
PARTICLES = {
    "da",
    "de",
    "del",
    "della",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "al",
    "el",
    "bin",
    "ibn",
    "ap",
    "st",
    "dos",
    "das",
}
_NOT_LETTERS = re.compile(r"[^a-z]")
_HAS_DIGIT = re.compile(r"[0-9]")
_DIGIT_IN_WORD = re.compile(r"(?<=[a-z])[0-9]|[0-9](?=[a-z])")


@dataclass(frozen=True)
class NameParts:
    title: str = ""
    given: str = ""
    middle: str = ""
    family: str = ""
    suffix: str = ""  # junior, senior, ii, iii


def _tokens(text: str) -> list[str]:
    """The words of a name, without the stops, commas and brackets around them."""
    return [c for x in text.split() if (c := x.strip(".,;:()"))]


def split_name(text: object) -> NameParts:
    """Split a whole name written any common way.

    >>> split_name("SMITH, Jean Margaret")
    NameParts(title='', given='Jean', middle='Margaret', family='SMITH', suffix='')
    >>> split_name("Mrs Jean M Smith")
    NameParts(title='Mrs', given='Jean', middle='M', family='Smith', suffix='')
    """
    if text is None:
        return NameParts()
    t = str(text)
    if "," in t:
        family, rest = t.split(",", 1)
        tokens = _tokens(rest)
        family_tokens = _tokens(family)
    else:
        tokens = _tokens(t)
        family_tokens = []
    title = ""
    while tokens and tokens[0].lower().rstrip(".") in TITLES:
        title = (title + " " + tokens.pop(0)).strip()
    suffix = ""
    if tokens and tokens[-1].lower().rstrip(".") in SUFFIXES:
        suffix = SUFFIXES[tokens.pop().lower().rstrip(".")]
    if family_tokens and family_tokens[-1].lower().rstrip(".") in SUFFIXES:
        suffix = SUFFIXES[family_tokens.pop().lower().rstrip(".")]
    if not family_tokens:
        if not tokens:
            return NameParts(title=title, suffix=suffix)
        # "SMITH Jean": a list that writes the surname first in capitals ("J Smith" is
        # an initial, not a surname).
        if (
            len(tokens) > 1
            and len(tokens[0]) > 1
            and tokens[0].isupper()
            and not tokens[1].isupper()
        ):
            family_tokens, tokens = [tokens[0]], tokens[1:]
        else:
            family_tokens = [tokens.pop()]
            while tokens and len(tokens) > 1 and tokens[-1].lower() in PARTICLES:
                family_tokens.insert(0, tokens.pop())
    given = tokens[0] if tokens else ""
    middle = " ".join(tokens[1:])
    return NameParts(title, given, middle, " ".join(family_tokens), suffix)


# The letters a digit inside a name stands for: a scanned form read by OCR, or a slip
# on a keyboard's top row ("Pau1", "8ianca", "5cott", "A1EXANDRIA").
_DIGIT_AS_LETTER = str.maketrans("0134568", "oleasgb")
# Letters OCR reads for others: "rn" for "m" ("Thornas"), "cl" for "d", "vv" for "w". Real
# names hold them too (Arnold), so they are undone only to compare, not in the key.
_OCR_LETTERS = (("rn", "m"), ("cl", "d"), ("vv", "w"))


def as_scanned(name: str) -> str:
    """A name key with the letters OCR misreads undone: "thornas" -> "thomas"."""
    for seen, meant in _OCR_LETTERS:
        name = name.replace(seen, meant)
    return name


def name_key(text: str) -> str:
    """Letters only, lower case: "O'Brien" -> "obrien", "Smith-Jones" -> "smithjones". A
    digit next to a letter is the letter it looks like: "Pau1" -> "paul" (a number on
    its own, "Client 12", is dropped)."""
    text = str(text).lower()
    if _HAS_DIGIT.search(text):
        text = _DIGIT_IN_WORD.sub(lambda d: d[0].translate(_DIGIT_AS_LETTER), text)
    return _NOT_LETTERS.sub("", text)


@functools.lru_cache(maxsize=200_000)
def sound(text: str) -> str:
    """A phonetic key (Metaphone), so "Smyth" and "Smith" share a block."""
    import jellyfish

    key = name_key(text)
    return jellyfish.metaphone(key) if key else ""


_POSTCODE_IN_TEXT = re.compile(r"\b[A-Z]{1,2}[0-9][0-9A-Z]?\s*[0-9][A-Z]{2}\b", re.I)
_FLAT = re.compile(r"\b(?:flat|apartment|apt|unit|room)\s*([0-9]+[a-z]?)\b", re.I)
_SLASH = re.compile(r"\b([0-9]+[a-z]?)\s*/\s*([0-9]+[a-z]?)\b")
_HOUSE = re.compile(r"\b([0-9]+[a-z]?)\b(?!\s*/)", re.I)


@dataclass(frozen=True)
class AddressParts:
    flat: str = ""
    house: str = ""
    street: str = ""
    postcode: str = ""


def split_address(text: object) -> AddressParts:
    """Flat, house number, street and postcode from address text.

    >>> split_address("Flat 2, 14 Mill Lane, Leeds LS6 1AB")
    AddressParts(flat='2', house='14', street='mill lane', postcode='LS6 1AB')
    >>> split_address("2/14 Mill Lane")
    AddressParts(flat='2', house='14', street='mill lane', postcode='')
    """
    if text is None:
        return AddressParts()
    t = " ".join(str(text).split())
    postcode = find_postcode(t) or ""
    if postcode:
        # Take the postcode out of the text, wherever it is written.
        compact = postcode.replace(" ", "")
        for m in reversed(list(_POSTCODE_IN_TEXT.finditer(t))):
            if m.group(0).replace(" ", "").upper() == compact:
                t = t[: m.start()] + " " + t[m.end() :]
    flat = house = ""
    if m := _FLAT.search(t):
        flat = m.group(1).lower()
        t = t[: m.start()] + " " + t[m.end() :]
    elif m := _SLASH.search(t):
        flat, house = m.group(1).lower(), m.group(2).lower()
        t = t[: m.start()] + " " + t[m.end() :]
    if not house and (m := _HOUSE.search(t)):
        house = m.group(1).lower()
        rest = t[m.end() :]
    else:
        rest = t
    street = " ".join((rest.split(",")[0] if "," in rest.strip(" ,") else rest).split())
    return AddressParts(flat, house, street_key(street), postcode)


@functools.lru_cache(maxsize=100_000)
def street_key(text: str) -> str:
    """A street name as letters, with its thoroughfare word written out, so "Mill Ln" and
    "mill lane" agree. "St" is "street" only at the end ("St Mary's Rd": saint).

    >>> street_key("St. Mary's Rd")
    'st marys road'
    >>> street_key("Cavendish St")
    'cavendish street'
    """
    words = re.sub(r"[^a-z ]", "", str(text).lower()).split()
    words = [STREET_WORDS.get(w, w) for w in words]
    if len(words) > 1 and words[-1] == "st":
        words[-1] = "street"
    return " ".join(words)


# ------------------------------------------------------------------ records
FIELDS = [
    "sheet",
    "row",
    "title",
    "given",
    "middle",
    "family",
    "suffix",
    "given_key",
    "family_key",
    "given_sound",
    "family_sound",
    "dob",
    "age",
    "nhs",
    "id",
    "postcode",
    "sector",
    "district",
    "flat",
    "house",
    "street",
    "phones",
    "email",
    "sex",
]


def _key(tag: str) -> str:
    return parse_hashtag(tag).key


ROLE = {
    _key("#person+name"): "name",
    _key("#person+volunteer+name"): "name",
    _key("#person+given+name"): "given",
    _key("#person+middle+name"): "middle",
    _key("#person+family+name"): "family",
    _key("#person+title"): "title",
    _key("#date+birth"): "dob",
    _key("#person+age"): "age",
    _key("#person+id+nhs"): "nhs",
    _key("#person+id"): "id",
    _key("#contact+address"): "address",
    _key("#contact+address+line1"): "line1",
    _key("#contact+address+postcode"): "postcode",
    _key("#contact+phone"): "phone",
    _key("#contact+mobile+phone"): "phone",
    _key("#contact+email"): "email",
    _key("#person+sex"): "sex",
    _key("#person+gender"): "sex",
}


def _roles(plans: Iterable[ColumnPlan]) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = {}
    for plan in plans:
        if plan.entry is not None and plan.entry.key in ROLE:
            roles.setdefault(ROLE[plan.entry.key], []).append(plan.column.name)
    return roles


def _last(columns: list[np.ndarray], n: int) -> np.ndarray:
    """Row by row, the last column's value that is not None."""
    return first_present(columns[::-1], n)


def _text(value: Any) -> str | None:
    return collapse_spaces(str(value)) or None


# Values are read by their datatype, as the Data Checker reads them.
_BIRTH = Context(dt.date.today(), birth=True)
_PLAIN = Context(dt.date.today())


def _valid_date(value: Any) -> dt.date | None:
    return datatype("date").parse(value, _BIRTH)


def _valid_nhs(value: Any) -> str | None:
    return datatype("nhs_number").parse(value, _PLAIN)


def _record_id(value: Any) -> str | None:
    """A list's own reference, compared without spaces, dashes, dots or slashes and
    without regard to case ("asc-100 133" is "ASC100133"); a whole number stored as a
    decimal (12345.0) is the whole number."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"[\s\-/.]", "", str(value)).upper()
    # "N/A", "unknown", "TBC", "0000": a placeholder, not an ID.
    return text if text.strip("0") and any(ch.isdigit() for ch in text) else None


@dataclass(frozen=True)
class _PostcodeCell:
    valid: str | None  # "LS6 1AB"
    unread: str | None  # a postcode a UK rule cannot read, as written


def _read_postcode(value: Any) -> _PostcodeCell:
    """A postcode cell: the valid postcode, or else a postcode a UK rule cannot read (a
    typo, or another country's) as written; not "NFA", "unknown" or "N/A"."""
    if valid := _valid_postcode(value):
        return _PostcodeCell(valid, None)
    text = re.sub(r"\s+", "", str(value)).upper()
    written = len(text) >= 3 and any(ch.isdigit() for ch in text)
    return _PostcodeCell(None, text if written else None)


def _cut_short(text: str) -> tuple[str, str] | None:
    """(sector, district) of a postcode missing only its last letter ("LS77B"), else None.
    The postcode rule allows an A there, so "LS77BA" checks the rest."""
    if len(text) < 4 or not (text[-1].isalpha() and text[-2].isdigit()):
        return None
    whole = normalise_postcode(text + "A")
    return (whole.standard[:-2], whole.standard.split()[0]) if whole.standard else None


def _valid_postcode(value: Any) -> str | None:
    return datatype("postcode").parse(value, _PLAIN)


def _valid_phone(value: Any) -> str | None:
    return datatype("phone").parse(value, _PLAIN)


def _valid_email(value: Any) -> str | None:
    found = datatype("email").parse(value, _PLAIN)
    return found.lower() if found else None


def _age_value(value: Any) -> int | None:
    """An age: a number, or text such as "39" or "age 39" (as the Review tab shows one)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None if value != value else int(value)
    if isinstance(value, str):
        found = re.fullmatch(r"\s*(?:age[d:]?\s*)?(\d{1,3})\s*", value, re.IGNORECASE)
        return int(found.group(1)) if found else None
    return None


def _sex(value: Any) -> str | None:
    v = str(value).strip().lower()
    return "F" if v[:1] in ("f", "w") else "M" if v[:1] == "m" else None


def _derived(values: np.ndarray, fn: Any) -> np.ndarray:
    """``fn`` of every string in ``values`` (empty for None), once per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    results = np.array([fn(v) for v in uniques] + [fn("")], dtype=object)
    return results[np.where(codes < 0, len(uniques), codes)]


def prepare_table(table: Table, plans: list[ColumnPlan] | None = None) -> pd.DataFrame:
    """One prepared record per data row of ``table`` (columns: :data:`FIELDS`).

    Each column is worked through once per distinct value, not once per row, so a
    list of a million rows with repeated names, dates and postcodes prepares quickly.
    """
    if plans is None:
        plans, _, _ = plan_columns(table)
    roles = _roles(plans)
    frame = table.frame
    n = len(frame)

    def per(role: str, fn: Any) -> list[np.ndarray]:
        return [per_value(frame[c], fn) for c in roles.get(role, [])]

    def parts(roles_: tuple[str, ...], fn: Any, fields: tuple[str, ...]) -> dict[str, np.ndarray]:
        """Each field of ``fn``'s parts from the first of the columns with a value ("" in
        a row with none). Every field of a value's parts is text, so the first column
        present is the same one for every field."""
        found = [per_value_fields(frame[c], fn, fields) for r in roles_ for c in roles.get(r, [])]
        out = {}
        for f in fields:
            value = first_present([x[f] for x in found], n)
            value[pd.isna(value)] = ""
            out[f] = value
        return out

    name = parts(("name",), split_name, ("title", "given", "middle", "family", "suffix"))
    out = pd.DataFrame({"sheet": table.sheet, "row": frame.index.astype(np.int64)})
    for field in ("title", "given", "middle", "family"):
        own = first_present(per(field, _text), n)
        out[field] = np.where(pd.isna(own), name[field], own)
    # A first-name column that holds middle names too ("Andrew Jacob"): the first is the
    # first name, the rest are middle names (where no column of their own gives them).
    given = out["given"].to_numpy(object)
    spaced = np.array([isinstance(g, str) and " " in g.strip() for g in given])
    if spaced.any():
        first = _derived(np.where(spaced, given, None), lambda g: g.split()[0] if g else None)
        rest = _derived(np.where(spaced, given, None),
                        lambda g: " ".join(g.split()[1:]) if g else None)  # fmt: skip
        middle = out["middle"].to_numpy(object)
        no_middle = pd.isna(middle) | (middle == "")
        out["middle"] = np.where(spaced & no_middle, rest, middle)
        out["given"] = np.where(spaced, first, given)
    out["suffix"] = name["suffix"]
    for side in ("given", "family"):
        names = out[side].to_numpy(object)
        out[f"{side}_key"] = _derived(names, name_key)
        out[f"{side}_sound"] = _derived(names, sound)
    dob = first_present(per("dob", _valid_date), n)
    out["dob"] = dob
    today = dt.date.today()
    from_dob = _derived(dob, lambda d: age_on(d, today) if d else None)
    age = np.where(pd.isna(dob), _last(per("age", _age_value), n), from_dob)
    out["age"] = pd.array(age, dtype="Float64").to_numpy(np.float64, na_value=np.nan)
    out["nhs"] = first_present(per("nhs", _valid_nhs), n)
    out["id"] = first_present(per("id", _record_id), n)
    address = parts(("address", "line1"), split_address, ("flat", "house", "street", "postcode"))
    cells = [per_value_fields(frame[c], _read_postcode, ("valid", "unread"))
             for c in roles.get("postcode", [])]  # fmt: skip
    postcode = first_present([c["valid"] for c in cells], n)
    from_address = np.where(address["postcode"] == "", None, address["postcode"])
    postcode = np.where(pd.isna(postcode), from_address, postcode)
    for field in ("flat", "house", "street"):
        out[field] = address[field]
    out["sector"] = _derived(postcode, lambda p: p[:-2] if p else None)
    out["district"] = _derived(postcode, lambda p: p.split()[0] if p else None)
    # A postcode a UK rule cannot read (a typo, or another country's) still agrees with
    # the same text on another record: it has no sector or district, unless only its
    # last letter is missing ("LS77B": LS7 7B?).
    unread = first_present([c["unread"] for c in cells], n)
    out["postcode"] = np.where(pd.isna(postcode), unread, postcode)
    cut = _derived(np.where(pd.isna(postcode), unread, None), _cut_short)
    for i, field in enumerate(("sector", "district")):
        part = np.array([c[i] if c else None for c in cut], dtype=object)
        out[field] = np.where(pd.isna(out[field].to_numpy(object)), part, out[field])
    phone_columns = per("phone", _valid_phone)
    if phone_columns:
        out["phones"] = [
            tuple(dict.fromkeys(p for p in row if p is not None))
            for row in zip(*phone_columns, strict=True)
        ]
    else:
        out["phones"] = [()] * n
    out["email"] = first_present(per("email", _valid_email), n)
    out["sex"] = _last(per("sex", _sex), n)
    return out[FIELDS]  # (its index is already 0 to n - 1)


def prepare_book(book: Book, sheets: Iterable[str] | None = None) -> pd.DataFrame:
    """Prepared records from every user sheet (or those named), one frame. Its
    ``attrs["total_rows"]`` names the rows of totals left out under each list (sheet ->
    row numbers), for the task's summary."""
    from ..commands import selected_sheets

    frames, totals = [], {}
    for name in selected_sheets(book, sheets):
        table = book.read_table(name)
        frames.append(prepare_table(table))
        if table.total_rows:
            totals[table.sheet] = list(table.total_rows)
    records = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=FIELDS)
    records.attrs["total_rows"] = totals
    return records


def prepare_books(
    books: Sequence[Book | str | os.PathLike[str]], workers: int | None = None
) -> pd.DataFrame:
    """Prepared records from every user sheet of several books, one frame, in the order
    :func:`prepare_book` gives them book by book.

    Workbook files (given as paths, or opened from disk) are prepared side by side, in
    up to ``workers`` processes, each reading its own file: lists of hundreds of
    thousands of rows then take about as long as the longest. When not given, one more
    process than the machine has cores (with several): three lists on two cores then
    share them, instead of the third waiting for one of the first two to finish. A
    workbook open in Excel, or one process, is worked through in turn.
    """
    from concurrent.futures import ProcessPoolExecutor

    from ..workbook import FileBook

    def path_of(book: Book | str | os.PathLike[str]) -> str | None:
        if isinstance(book, (str, os.PathLike)):
            return os.fspath(book)
        return str(book.path) if isinstance(book, FileBook) else None  # None: open in Excel

    paths = [path_of(book) for book in books]
    cores = os.cpu_count() or 1
    workers = min(workers or (cores + 1 if cores > 1 else 1), len(books))
    if workers < 2 or None in paths:
        opened = [FileBook.open(b) if isinstance(b, (str, os.PathLike)) else b for b in books]
        frames = [prepare_book(book) for book in opened]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            frames = list(pool.map(_prepare_file, paths))
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=FIELDS)


def _prepare_file(path: str) -> pd.DataFrame:
    """Every user sheet of a workbook file, prepared (run in a worker process)."""
    from ..workbook import FileBook

    return prepare_book(FileBook.open(path))


# Nicknames common in UK communities that the `nicknames` dataset (built from US
# sources) does not have.
EXTRA_NICKNAMES: dict[str, tuple[str, ...]] = {
    "mohammed": ("mo", "moh", "mohd"),
    "muhammad": ("mo", "moh", "mohd"),
    "mohammad": ("mo", "moh", "mohd"),
    "rajesh": ("raj",),
    "rajinder": ("raj",),
    "katarzyna": ("kasia", "kasha"),
    "agnieszka": ("aga",),
    "tomasz": ("tomek",),
    "malgorzata": ("gosia",),
    "emmanuel": ("manny",),
    "oluwaseun": ("seun",),
    "oluwatobi": ("tobi",),
    "chiamaka": ("chi",),
    "chukwuemeka": ("emeka",),
    "albert": ("albie", "bertie"),
    "olivia": ("liv", "livvy"),
    "amelia": ("millie", "mia"),
    "michelle": ("shell",),
    "deborah": ("debs",),
    "siobhan": ("shiv",),
    "sinead": ("shin",),
    "gurpreet": ("gurp",),
    "harpreet": ("harp",),
    "abdullah": ("abdul",),
}


# Names the nicknames dataset links that are names of their own in the UK: Ian and Ivan
# are John in Scots and Russian, not what anyone calls a John; Emma is not short for
# Emily, nor Emily for Amelia; a Lisa is registered as Lisa, not Elizabeth; Peter is not
# Patrick. Two children of one home, or a couple, can have both.
NOT_NICKNAMES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("ian", "john"),
        ("ivan", "john"),
        ("emma", "emily"),
        ("emily", "amelia"),
        ("lisa", "elizabeth"),
        ("peter", "patrick"),
    )
)


@functools.lru_cache(maxsize=50_000)
def _nickname_sets(name: str) -> frozenset[str]:
    namer = _namer()
    forms = {name, *namer.canonicals_of(name), *namer.nicknames_of(name)}
    forms.update(EXTRA_NICKNAMES.get(name, ()))
    forms.update(full for full, nicks in EXTRA_NICKNAMES.items() if name in nicks)
    return frozenset(f for f in forms if frozenset((name, f)) not in NOT_NICKNAMES)


@functools.lru_cache(maxsize=1)
def _namer() -> Any:
    from nicknames import NickNamer

    return NickNamer()


def nickname_related(a: str, b: str) -> bool:
    """True when the first names are nicknames of one name (Bill / William, Ted / Ed)."""
    a, b = name_key(a), name_key(b)
    if not a or not b or a == b or frozenset((a, b)) in NOT_NICKNAMES:
        return False
    if b in _nickname_sets(a) or a in _nickname_sets(b):
        return True
    # Two forms of one name (Ted and Ed, both Edward; Jack and Johnny, both John) are
    # related; two full names that share only a short form (William and Robert, both
    # Bill) are not.
    shared = _canonicals(a) & _canonicals(b)
    if any(len(x) >= min(len(a), len(b)) for x in shared):
        return True
    # Spellings of one full name (C/K, PH/F): Kate is a nickname of Katherine, so of
    # Catherine. Sharing a nickname (Chris) does not make two full names one.
    return bool(_full_spellings(a) & _full_spellings(b))


@functools.lru_cache(maxsize=50_000)
def _canonicals(name: str) -> frozenset[str]:
    """The name and the full names the nicknames dataset gives for it."""
    return frozenset(_namer().canonicals_of(name) | {name})


@functools.lru_cache(maxsize=50_000)
def _full_spellings(name: str) -> frozenset[str]:
    return frozenset(_spelling(f) for f in _full_names(name))


def nickname_of(a: str, b: str) -> bool:
    """True when one first name is a nickname of the other itself (Chris / Christine,
    Bill / William), not only through a third name (Jean and Janet, both Jeanette)."""
    a, b = name_key(a), name_key(b)
    return bool(a and b and a != b and (b in _nickname_sets(a) or a in _nickname_sets(b)))


@functools.lru_cache(maxsize=50_000)
def short_for_both_sexes(name: str) -> bool:
    """A short name that stands for names of both sexes: Chris (Christine, Christopher),
    Pat (Patricia, Patrick), Sam (Samantha, Samuel)."""
    key = name_key(name)
    sexes = {usual_sex(full) for full in _full_names(key) if full != key} if key else set()
    return {"F", "M"} <= sexes


def _full_names(name: str) -> set[str]:
    namer = _namer()
    names = {name, *(c for c in namer.canonicals_of(name) if len(c) > len(name))}
    names.update(full for full, nicks in EXTRA_NICKNAMES.items() if name in nicks)
    return names


def _spelling(name: str) -> str:
    return name.replace("ph", "f").replace("c", "k")


_SILENT_H = re.compile(r"([aeiou])h(?![aeiou])")
_HARD_C = re.compile(r"c(?=[aou])")
_Y_ENDING = re.compile(r"(?:ie|ey|ee|i)$")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=50_000)
def spelling_key(name: str) -> str:
    """A first name (key) with English spelling conventions undone: PH for F, CK and a
    hard C for K, a silent H after a vowel, an ending of IE, EY, EE or I for Y, doubled
    letters. Two spellings of one name share it (Tommy and Tommie, Jennifer and Jenifer,
    Sarah and Sara, Phillip and Philip, Catherine and Katherine); two names do not (Mark
    and Mary, Jean and Joan, Christine and Christopher). Phonetic codes (Soundex, NYSIIS,
    Metaphone) put different names together (Brian and Bruno, Julia and Jill, Todd and
    Ted), so they serve surnames, not first names."""
    key = name.replace("ph", "f").replace("ck", "k")
    key = _HARD_C.sub("k", key)
    key = _SILENT_H.sub(r"\1", key)
    key = _Y_ENDING.sub("y", key)
    return _DOUBLED.sub(r"\1", key)


@functools.lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    from nicknames import name_triplets

    names: set[str] = set()
    for triplet in name_triplets():
        names.add(triplet.name1.lower())
        names.add(triplet.name2.lower())
    return frozenset(names)


def is_known_name(name: str) -> bool:
    """True for a first name in the nicknames dataset (so a spelling of its own, not a typo)."""
    return name_key(name) in _known_names()


@functools.lru_cache(maxsize=1)
def _census_sexes() -> dict[str, str]:
    """First names that are nearly always one sex ("F" or "M"): at least nine in ten
    holders, from the US 1990 census name lists (``vcs_excel/data/census1990``). Names
    held by fewer than one in 10,000 of that sex are left out: a typo can land on one."""
    from ..data import CENSUS_NAMES

    shares: dict[str, list[float]] = {}
    for column, which in ((0, "first:female"), (1, "first:male")):
        with open(CENSUS_NAMES[which], encoding="ascii") as lines:
            for line in lines:
                name, share, *_ = line.split()
                shares.setdefault(name.lower(), [0.0, 0.0])[column] = float(share)
    return {
        name: "F" if female >= 9 * male else "M"
        for name, (female, male) in shares.items()
        if max(female, male) >= 0.01 and (female >= 9 * male or male >= 9 * female)
    }


@functools.lru_cache(maxsize=50_000)
def usual_sex(name: str) -> str | None:
    """ "F" or "M" for a first name nearly always given to one sex (Jean, Sean), else None.
    A nickname the census does not list (Shell) takes the sex of its full names, if they
    agree."""
    key = name_key(name)
    if not key:
        return None
    sexes = _census_sexes()
    if key in sexes:
        return sexes[key]
    found = {sexes.get(form) for form in _full_names(key) if form != key} - {None}
    return found.pop() if len(found) == 1 else None


def name_forms(name: str) -> frozenset[str]:
    """A first name with its nicknames and the names it is a nickname of."""
    key = name_key(name)
    return _nickname_sets(key) if key else frozenset()
