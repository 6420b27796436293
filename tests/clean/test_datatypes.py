"""One datatype object per kind of value: what it reads, what it says is wrong, what the
standardised copy writes. Values are the ones found in files by other hands."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcs_excel.clean.datatypes import DATATYPES, Context, datatype
from vcs_excel.clean.missing import formula_like, placeholder

TODAY = dt.date(2026, 11, 30)
CTX = Context(TODAY)
BIRTH = Context(TODAY, birth=True)


def codes(value, kind, ctx=CTX):
    return [f[0] for f in datatype(kind).check(value, ctx)]


@pytest.mark.parametrize(
    "text", ["-2.418753", "-13,5933962", "+44 7700 900123", "-", "--", "+", "-0.5", "- 3"]
)
def test_numbers_and_signs_alone_are_never_formula_like(text):
    assert not formula_like(text)


@pytest.mark.parametrize(
    "text", ["=1+1", '=HYPERLINK("http://x")', "@SUM(A1:A3)", "+cmd|' /C calc'!A0", "-abc"]
)
def test_text_a_spreadsheet_would_run_is_formula_like(text):
    assert formula_like(text)


@pytest.mark.parametrize(
    "value", ["2022-05-03T18:09:56Z", "2020-11-03T00:00:00+00:00", "2021-01-26T09:30:00.5+0100",
              "19740401", "25.09.2014", "2014-05-03"]
)  # fmt: skip
def test_iso_8601_dates_and_date_times_are_dates(value):
    assert datatype("date").parse(value, CTX) is not None
    assert "date-invalid" not in codes(value, "date")


@pytest.mark.parametrize(
    ("value", "part"),
    [("2014", "year"), ("2014-05", "month and year"), ("May 2014", "month and year"),
     ("05/2014", "month and year"), ("June", "month"), (2012, "year")],
)  # fmt: skip
def test_a_year_or_a_month_alone_is_a_partial_date_not_an_invalid_one(value, part):
    (finding,) = datatype("date").check(value, CTX)
    assert finding[0] == "date-partial" and part in finding[1]


def test_a_two_digit_year_of_birth_is_never_in_the_future_and_is_flagged_when_ambiguous():
    day = datatype("date").parse("05/03/47", BIRTH)
    assert day == dt.date(1947, 3, 5)
    assert codes("05/03/47", "date", BIRTH) == ["date-format"]
    # 15 could be 2015 (aged 11) or 1915 (aged 111): both possible, so say so.
    assert datatype("date").parse("05/03/15", BIRTH) == dt.date(2015, 3, 5)
    assert codes("05/03/15", "date", BIRTH) == ["date-century-ambiguous"]
    # 03 as 1903 would be 123 years old: only 2003 is possible.
    assert codes("05/03/03", "date", BIRTH) == ["date-format"]


@pytest.mark.parametrize(
    ("value", "fixed"),
    [("1612269647", "01612269647"), (1612269647, "01612269647"), ("7700900123", "07700900123"),
     ("8001234567", "08001234567")],
)  # fmt: skip
def test_a_phone_that_lost_its_leading_zero_is_one_fixable_finding(value, fixed):
    ((code, message, suggestion),) = datatype("phone").check(value, Context(TODAY, test_data=True))
    assert code == "phone-missing-zero" and suggestion == fixed and fixed in message
    assert datatype("phone").standard(value, CTX) == "+44" + fixed[1:]


def test_a_phone_in_scientific_notation_says_its_digits_are_lost():
    ((code, message, _),) = datatype("phone").check("1.61834E+11", CTX)
    assert code == "phone-scientific" and "lost" in message


@pytest.mark.parametrize(
    ("text", "numeric", "expected"),
    [("N/A", False, True), ("n/a", False, True), ("TBC", False, True), ("--", False, True),
     ("00000000", False, True), ("0000 000 0000", False, True), ("unknown", False, True),
     ("0", True, False), ("none", False, True), ("Nil.", False, True), ("LS6 1AB", False, False),
     ("Naomi", False, False), ("\u2014", False, True), ("\u2013\u2013", False, True),
     ("-2.5", False, False)],
)  # fmt: skip
def test_placeholders_for_a_missing_value(text, numeric, expected):
    assert placeholder(text, numeric) is expected


def test_coordinates_and_web_addresses():
    lat = Context(TODAY, value_range=(-90, 90))
    assert codes("-13.5475", "number", lat) == []
    assert codes("9,609019", "number", lat) == ["type-error"]  # a decimal comma
    assert codes("9.611940, ", "number", lat) == ["type-error"]
    assert codes("www.asapsu.org", "url") == []
    assert codes("http:// www.goal.ie", "url") == ["url-invalid"]


def test_foreign_postcodes_are_information_and_uk_ones_are_checked():
    assert codes("10036", "postcode") == ["postcode-foreign"]
    assert codes("SE1OEH", "postcode") == ["postcode-invalid"]
    assert datatype("postcode").check("SE1OEH", CTX)[0][2] == "SE1 0EH"
    assert codes("se1 0eh", "postcode") == ["postcode-format"]


@pytest.mark.parametrize("value", ["LS6", "ls6", "SW1A", "M1", "LS6 1"])
def test_the_first_part_of_a_postcode_alone_is_said_so(value):
    assert codes(value, "postcode") == ["postcode-partial"]


@pytest.mark.parametrize("value", ["LS6 1A", "LS", "QQ6", "LS6 1AB9"])
def test_a_postcode_cut_short_elsewhere_is_not_a_district(value):
    assert codes(value, "postcode") == ["postcode-invalid"]


def test_a_note_in_an_id_column_is_found():
    note = "As discussed, we are not a registered charity but a private company"
    assert codes(note, "id") == ["id-free-text"]
    assert codes("GB-CHC-1000147", "id") == []


def test_same_compares_standard_forms():
    assert datatype("postcode").same("ls61ab", "LS6 1AB", CTX)
    assert datatype("phone").same("0113 496 0000", "+44 113 4960000", CTX)
    assert datatype("date").same("2020-11-03T00:00:00+00:00", "03/11/2020", CTX)
    assert not datatype("date").same("03/11/2020", "11/03/2020", CTX)


@given(st.text(max_size=40), st.sampled_from(sorted(DATATYPES)))
def test_no_datatype_raises_on_any_text_and_standard_is_idempotent(text, kind):
    dt_ = datatype(kind)
    dt_.check(text, CTX)
    once = dt_.standard(text, CTX)
    if isinstance(once, str):
        assert dt_.standard(once, CTX) == once


def test_every_datatype_describes_itself():
    for kind in DATATYPES.values():
        assert kind.describe() and kind.describe().endswith(".")


def test_a_date_and_time_keeps_its_time_except_a_birth():
    date = datatype("date")
    for text in ("23/03/2020 18:09:56", "2020-03-23T18:09:56Z", "2020-03-23 18:09:56+01:00"):
        assert date.standard(text, CTX) == dt.datetime(2020, 3, 23, 18, 9, 56)
        ((code, message, suggestion),) = date.check(text, CTX)
        assert code == "date-format" and "18:09:56" in message
        assert suggestion == dt.datetime(2020, 3, 23, 18, 9, 56)
    assert date.standard(dt.datetime(2020, 3, 23, 18, 9), CTX) == dt.datetime(2020, 3, 23, 18, 9)
    assert date.standard("2020-03-23T00:00:00Z", CTX) == dt.date(2020, 3, 23)
    born = Context(today=CTX.today, birth=True)
    assert date.standard("23/03/1950 18:09", born) == dt.date(1950, 3, 23)
