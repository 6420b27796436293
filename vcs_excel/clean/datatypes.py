"""One object per kind of value: it reads, checks, standardises and compares it.

The data dictionary gives each tag a datatype (postcode, phone, date, ...). The Data
Checker, the standardised copy, Find duplicates and Community insights all go
through the datatype's object, so a value is judged the same way everywhere:

* ``parse(value, ctx)``: the value in its standard form as a Python object
  (``"LS6 1AB"``, ``datetime.date``, ``"+441134960000"``), or ``None`` when it is not
  a valid value of the type;
* ``check(value, ctx)``: what is wrong with it, as findings ``(code, message,
  suggestion)``; a valid value written differently gives at most an information
  finding ("can be standardised");
* ``standard(value, ctx)``: what the standardised copy writes (the value unchanged
  when it cannot be standardised);
* ``same(a, b, ctx)``: whether two values are the same once standardised;
* ``describe()``: what the type holds, in plain words.

``value`` is a cell value with its spaces already folded (text), or a number, a date
or a bool as the workbook gave it. Placeholders for a missing value, stray spaces
and formula-like text are judged before the datatype, the same way for every type
(see :mod:`vcs_excel.checks.engine`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from .dates import parse_date
from .emails import normalise_email
from .missing import placeholder
from .nhs import check_nhs_number
from .phones import normalise_phone
from .postcodes import normalise_postcode, partial_postcode
from .text import MULTI_SPLIT

if TYPE_CHECKING:
    from ..standard.dictionary import CodeList

Finding = tuple[str, str, Any]  # code, message, suggestion


@dataclass(frozen=True)
class Context:
    """What a datatype needs to know about the column and the run."""

    today: dt.date
    test_data: bool = False
    max_age: int = 120
    birth: bool = False  # a date of birth
    value_range: tuple[float, float | None] | None = None
    codes: CodeList | None = None  # the column's code list (canonical, suggest, name)
    multiple: bool = False  # several code-list values in a cell
    future_ok: bool = False  # a date that may rightly be in the future (a planned end)


class Datatype:
    name: ClassVar[str] = "text"
    description: ClassVar[str] = "Any text."
    # Zeros are a number here, not a placeholder for a missing value.
    numeric: ClassVar[bool] = False
    # Values (lower case) that look like a placeholder but mean something in this type.
    marks: ClassVar[frozenset[str]] = frozenset()

    def missing(self, text: str) -> bool:
        """Whether the text stands for a missing value ("N/A", "TBC", "--"; zeros only
        where the type is not a number), not one of this type's :attr:`marks`."""
        return placeholder(text, self.numeric) and text.strip().lower() not in self.marks

    def parse(self, value: Any, ctx: Context) -> Any:
        return value if not isinstance(value, str) or value.strip() else None

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        return []

    def standard(self, value: Any, ctx: Context) -> Any:
        parsed = self.parse(value, ctx)
        return value if parsed is None else parsed

    def same(self, a: Any, b: Any, ctx: Context) -> bool:
        pa, pb = self.parse(a, ctx), self.parse(b, ctx)
        if pa is None or pb is None:
            return _folded(a) == _folded(b)
        return pa == pb

    def describe(self) -> str:
        return self.description


def _folded(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _shown(value: Any) -> str:
    from ..workbook.values import display_text

    return display_text(value)


class Normalised(Datatype):
    """A datatype whose normaliser (``clean.postcodes`` and the like) says whether a
    value is valid and gives its standard form."""

    @staticmethod
    def normalise(value: Any) -> Any:  # pragma: no cover - every subclass sets one
        raise NotImplementedError

    def parse(self, value: Any, ctx: Context) -> Any:
        r = self.normalise(value)
        return r.standard if r.valid else None


class Text(Datatype):
    name = "text"


class Name(Text):
    name = "name"
    description = "A person's name."


class Address(Text):
    name = "address"
    description = "An address, in one cell or one line of it."


class Id(Datatype):
    name = "id"
    description = "An identifier: a reference, a case or record number, an organisation's number."

    def parse(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        return text or None

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        text = str(value)
        # An ID is one token or a few; a sentence in an ID column is a note to move.
        if len(text.split()) >= 4 and sum(ch.isalpha() for ch in text) > len(text) / 3:
            return [("id-free-text", f"'{_shown(text)}' reads as a note, not an ID.", None)]
        return []

    def same(self, a: Any, b: Any, ctx: Context) -> bool:
        return _folded(self.parse(a, ctx)) == _folded(self.parse(b, ctx))


def whole_number(value: Any) -> int | None:
    """A whole number written as a number or as text ("12", "1,200", 12.0), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if re.fullmatch(r"[+-]?\d+(\.0+)?", text):
            return int(float(text))
    return None


_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
# A number written plainly as text (as every number in a CSV file is): digits, perhaps a
# sign and decimals; no pound sign or thousands commas for Excel to trip on.
_PLAIN_NUMBER = re.compile(r"^\s*[+-]?\d+(?:\.\d+)?\s*$")


def plain_number_text(value: Any) -> bool:
    """Whether ``value`` is a number written as plain text ("20", "20.50")."""
    return isinstance(value, str) and bool(_PLAIN_NUMBER.match(value))


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if value != value else float(value)
    text = str(value).strip().replace("£", "", 1)
    if not text or not _NUMBER.match(text) or text in "+-.":
        return None
    return float(text.replace(",", ""))


class Integer(Datatype):
    name = "integer"
    description = "A whole number."
    numeric = True
    what = "a whole number"
    default_range: ClassVar[tuple[float, float | None]] = (0, None)

    def parse(self, value: Any, ctx: Context) -> Any:
        return whole_number(value)

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        n = self.parse(value, ctx)
        if n is None:
            return [("type-error", f"'{_shown(value)}' is not {self.what}.", None)]
        low, high = ctx.value_range or self.default_range
        if n < low or (high is not None and n > high):
            limit = f"from {low:g} to {high:g}" if high is not None else f"{low:g} or more"
            if low == float("-inf"):
                limit = f"{high:g} or less"
            return [("number-out-of-range", f"{n:g} is outside {limit}.", None)]
        if isinstance(value, str) and not plain_number_text(value):
            # "£1,250.00": a number, with signs Excel cannot add up.
            return [("number-format", f"'{value}' is written {n:g} as a number.", n)]
        return []


class Number(Integer):
    name = "number"
    description = "A number, with a full stop for the decimal point."
    what = "a number"
    default_range = (float("-inf"), None)

    def parse(self, value: Any, ctx: Context) -> Any:
        return _number(value)


class Date(Datatype):
    name = "date"
    description = "A date, day first (25/12/1950), or ISO 8601 (1950-12-25)."
    # Text dates already in a standard form (day first with a four-digit year, or ISO).
    _STANDARD = re.compile(r"^(?:\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2})$")

    def read(self, value: Any, ctx: Context):
        return parse_date(value, birth=ctx.birth, today=ctx.today, max_age=ctx.max_age)

    def parse(self, value: Any, ctx: Context) -> Any:
        """The date; with its time of day where one was given, except for a birth."""
        r = self.read(value, ctx)
        ok = not r.problem or (r.problem == "date-in-future" and ctx.future_ok)
        if not (r.date and ok):
            return None
        return r.date if ctx.birth else r.moment

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        r = self.read(value, ctx)
        shown = _shown(value)
        if r.problem == "date-partial":
            return [("date-partial", f"'{shown}' gives only the {r.partial}, not a whole date.",
                     None)]  # fmt: skip
        if r.problem == "date-invalid":
            return [("date-invalid", f"'{shown}' is not a real date.", None)]
        if r.problem == "date-in-future" and not ctx.future_ok:
            return [("date-in-future", f"{r.date:%d/%m/%Y} is in the future.", None)]
        if r.problem == "date-too-old" and r.date:
            age = age_on(r.date, ctx.today)
            return [("date-too-old", f"{r.date:%d/%m/%Y} makes the person {age}.", None)]
        assert r.date is not None
        if r.ambiguous:
            other = r.date.replace(year=r.date.year - 100)
            return [
                (
                    "date-century-ambiguous",
                    f"'{shown}' could be {r.date:%Y} or {other:%Y}: read as {r.date:%d %B %Y}.",
                    r.date,
                )
            ]
        if r.source == "serial":
            why = f"'{shown}' is an Excel serial number for {r.date:%d %B %Y}."
        elif r.source == "text" and not self._STANDARD.match(str(value)):
            if re.search(r"[/.\-]\d{2}$", str(value)):
                why = f"'{shown}' has a two-digit year: read as {r.date:%d %B %Y}."
            elif r.time is not None and not ctx.birth:
                why = f"'{shown}' is {r.date:%d %B %Y}, {r.time:%H:%M:%S}."
            else:
                why = f"'{shown}' is {r.date:%d %B %Y}."
        else:
            return []
        return [("date-format", why, r.date if ctx.birth else r.moment)]


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years from ``born`` to ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


_POSTCODE_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5"})
# Postcodes of other countries: a US ZIP (with a state), four or five digits.
_FOREIGN_POSTCODE = re.compile(r"^(?:[A-Z]{2}\s?)?\d{4,5}(?:-\d{4})?$")


def repair_postcode(text: str) -> str | None:
    """A valid postcode one look-alike letter away (O for 0 in the inward code...)."""
    compact = re.sub(r"[^A-Z0-9]", "", text.upper())
    if len(compact) < 5:
        return None
    fixed = compact[:-3] + compact[-3].translate(_POSTCODE_LOOKALIKES) + compact[-2:]
    result = normalise_postcode(fixed)
    return result.standard if result.valid else None


class Postcode(Normalised):
    name = "postcode"
    description = "A UK postcode (LS6 1AB); X for an address outside the UK."
    normalise = staticmethod(normalise_postcode)
    # HMRC's Gift Aid schedule asks for X as the postcode of a donor who lives abroad.
    marks = frozenset({"x"})

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        standard = self.parse(value, ctx)
        shown = _shown(value)
        if str(value).strip().lower() in self.marks:
            return [("postcode-foreign", f"'{shown}' marks an address outside the UK.", None)]
        if standard is None:
            if _FOREIGN_POSTCODE.match(str(value).strip().upper()):
                return [("postcode-foreign", f"'{shown}' is not a UK postcode.", None)]
            district = partial_postcode(value)
            if district is not None:
                return [
                    (
                        "postcode-partial",
                        f"'{shown}' is only the first part of a postcode ({district}).",
                        None,
                    )
                ]
            repair = repair_postcode(str(value))
            hint = f" Did you mean {repair}?" if repair else ""
            return [("postcode-invalid", f"'{shown}' is not a UK postcode.{hint}", repair)]
        if standard != value:
            return [("postcode-format", f"'{shown}' is written {standard} as standard.", standard)]
        return []


class Phone(Normalised):
    name = "phone"
    description = "A phone number: UK numbers start 0 or +44; stored as +44... (E.164)."
    normalise = staticmethod(normalise_phone)

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        r = self.normalise(value)
        shown = _shown(value)
        if r.scientific:
            return [("phone-scientific", f"'{shown}' is a phone number Excel turned into "
                     "scientific notation: its last digits are lost.", None)]  # fmt: skip
        if not r.valid:
            return [("phone-invalid", f"'{shown}' is not a valid phone number.", None)]
        if r.lost_zero:
            fixed = "0" + r.standard[3:]  # +441612269647 is 01612269647
            return [("phone-missing-zero", f"'{shown}' has lost its leading 0: {fixed}.", fixed)]
        if r.fictional and not ctx.test_data:
            return [("phone-fictional", f"{shown} is in Ofcom's drama range.", None)]
        return []


class Email(Normalised):
    name = "email"
    description = "An e-mail address (name@domain)."
    normalise = staticmethod(normalise_email)

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        r = self.normalise(value)
        shown = _shown(value)
        if not r.valid:
            return [("email-invalid", f"'{shown}' is not a valid e-mail address.", None)]
        if r.example and not ctx.test_data:
            return [("email-example", f"{shown} is at a domain kept for examples.", None)]
        return []

    def same(self, a: Any, b: Any, ctx: Context) -> bool:
        pa, pb = self.parse(a, ctx), self.parse(b, ctx)
        if pa is None or pb is None:
            return _folded(a) == _folded(b)
        return pa.lower() == pb.lower()


_NHS_MESSAGES = {
    "nhs-number-length": "'{}' does not have 10 digits.",
    "nhs-number-check-digit": "{} fails the NHS number check digit.",
    "nhs-number-dummy": "{} is a placeholder, not an NHS number.",
}


class NhsNumber(Normalised):
    name = "nhs_number"
    description = "An NHS number: 10 digits, the last a check digit (943 476 5919)."
    numeric = True  # 0000000000 is a placeholder NHS number, reported as such
    normalise = staticmethod(check_nhs_number)

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        r = self.normalise(value)
        shown = _shown(value)
        if r.problem:
            return [(r.problem, _NHS_MESSAGES[r.problem].format(shown), None)]
        if r.test_number and not ctx.test_data:
            return [("nhs-number-test", f"{shown} is an NHS test number.", None)]
        return []


class Code(Datatype):
    name = "code"
    description = "A value from the column's code list."

    def _parts(self, value: Any, ctx: Context) -> list[str]:
        text = str(value)
        return [p for p in MULTI_SPLIT.split(text) if p] if ctx.multiple else [text]

    def parse(self, value: Any, ctx: Context) -> Any:
        if ctx.codes is None:
            return super().parse(value, ctx)
        labels = [ctx.codes.canonical(p) for p in self._parts(value, ctx)]
        return ", ".join(labels) if labels and all(labels) else None  # type: ignore[arg-type]

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        codes = ctx.codes
        if codes is None:
            return []
        errors, canonical = [], []
        for part in self._parts(value, ctx):
            label = codes.canonical(part)
            if label is None:
                guess = codes.suggest(part)
                hint = f" Did you mean '{guess}'?" if guess else ""
                errors.append(
                    ("not-in-code-list", f"'{part}' is not in the {codes.name} list.{hint}", guess)
                )
                canonical.append(guess or part)
            else:
                canonical.append(label)
        standard = ", ".join(canonical)
        if errors:
            return errors
        if standard != str(value):
            return [("code-list-format", f"'{value}' is written '{standard}' as standard.",
                     standard)]  # fmt: skip
        return []


class YesNo(Code):
    name = "yes_no"
    description = "Yes or No."


class Uprn(Datatype):
    name = "uprn"
    description = "A Unique Property Reference Number: 1 to 12 digits."

    def parse(self, value: Any, ctx: Context) -> Any:
        n = whole_number(value)
        digits = str(n if n is not None else value).strip()
        return digits if digits.isdigit() and 1 <= len(digits) <= 12 else None

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        if self.parse(value, ctx) is None:
            return [("type-error", f"'{_shown(value)}' is not a UPRN (1 to 12 digits).", None)]
        return []


class Url(Datatype):
    name = "url"
    description = "A web address (https://example.org, or www.example.org)."

    def parse(self, value: Any, ctx: Context) -> Any:
        import validators

        text = str(value).strip()
        if not text or any(ch.isspace() for ch in text):
            return None
        full = text if re.match(r"^[a-z][a-z0-9+.\-]*://", text, re.I) else f"http://{text}"
        return text if validators.url(full) is True else None

    def check(self, value: Any, ctx: Context) -> list[Finding]:
        if self.parse(value, ctx) is None:
            return [("url-invalid", f"'{_shown(value)}' is not a web address.", None)]
        return []


DATATYPES: dict[str, Datatype] = {
    t.name: t
    for t in (
        Text(), Name(), Address(), Id(), Integer(), Number(), Date(), Postcode(), Phone(),
        Email(), NhsNumber(), Code(), YesNo(), Uprn(), Url(),
    )
}  # fmt: skip


def datatype(name: str | None) -> Datatype:
    """The datatype object for a data dictionary datatype name (text when unknown)."""
    return DATATYPES.get(name or "text", DATATYPES["text"])
