"""Every normaliser: never raises on any input, and its standard form is a fixed point."""

from __future__ import annotations

import datetime as dt

import phonenumbers
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from vcs_excel.clean import (
    check_nhs_number,
    collapse_spaces,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    parse_date,
)
from vcs_excel.clean.emails import _validate, simple_address
from vcs_excel.clean.phones import is_drama_number, uk_number_valid

anything = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789 +-()/.", max_size=20),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.dates(),
)
TODAY = dt.date(2026, 11, 20)


@settings(max_examples=400, deadline=None)
@given(anything)
def test_never_raise(value):
    normalise_postcode(value)
    normalise_phone(value)
    normalise_email(value)
    check_nhs_number(value)
    parse_date(value, birth=True, today=TODAY)
    if isinstance(value, str):
        collapse_spaces(value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABCDEFGHJKLMNPRSTUWXYZ0123456789 abcdefghijklmnoprstuvwxyz", max_size=9))
def test_postcode_is_idempotent(text):
    first = normalise_postcode(text)
    if first.valid:
        assert normalise_postcode(first.standard) == first


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"(\+44 ?|0)[1-9]\d{2,3} ?\d{3} ?\d{3,4}", fullmatch=True))
def test_phone_is_idempotent(text):
    first = normalise_phone(text)
    if first.valid:
        assert normalise_phone(first.standard) == first


@settings(max_examples=500, deadline=None)
@given(st.from_regex(r"[1-9]\d{8,9}", fullmatch=True))
def test_remembered_uk_ranges_agree_with_phonenumbers(national):
    assume(not is_drama_number(national))
    number = phonenumbers.PhoneNumber(country_code=44, national_number=int(national))
    assert uk_number_valid(national)[0] == phonenumbers.is_valid_number(number)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\d{3} ?\d{3} ?\d{4}", fullmatch=True))
def test_nhs_is_idempotent(text):
    first = check_nhs_number(text)
    if first.valid:
        assert check_nhs_number(first.standard) == first


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.emails(),
        st.from_regex(r"[a-z.]{1,6}@[a-z.\-]{1,8}\.(com|org|uk)", fullmatch=True),
    )
)
@example("a@a---a.com")  # hyphens 3rd and 4th in a label, after a hyphen: reserved by IDNA
def test_email_is_idempotent_and_fast_path_agrees(address):
    first = normalise_email(address)
    if first.valid:
        assert normalise_email(first.standard) == first
    if simple_address(address):
        assert _validate(address) is not None


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
def test_date_standard_form_reads_back(day):
    for written in (day, day.strftime("%d/%m/%Y"), day.isoformat(), day.strftime("%d %b %Y")):
        result = parse_date(written, today=TODAY)
        assert result.date == day
        assert parse_date(result.standard, today=TODAY).date == day


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_collapse_spaces_is_idempotent(text):
    assert collapse_spaces(collapse_spaces(text)) == collapse_spaces(text)
