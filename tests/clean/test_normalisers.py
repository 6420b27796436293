"""What each normaliser does with the values real lists hold."""

from __future__ import annotations

import datetime as dt

import pytest

from vcs_excel.clean import (
    check_nhs_number,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    parse_date,
)

TODAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("raw", "standard"),
    [
        ("ls61ab", "LS6 1AB"),
        ("LS6 1AB", "LS6 1AB"),
        (" sw1a 1aa ", "SW1A 1AA"),
        ("gir0aa", "GIR 0AA"),
    ],
)
def test_postcode_without_space_or_in_lower_case_is_normalised(raw, standard):
    assert normalise_postcode(raw).standard == standard


@pytest.mark.parametrize("raw", ["LS6 1A", "X1 1AA", "LS61", "not a postcode", ""])
def test_bad_postcodes_are_invalid(raw):
    assert not normalise_postcode(raw).valid


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0113 496 0000", "+441134960000"),
        ("+44 113 496 0000", "+441134960000"),
        ("(0113) 496 0000", "+441134960000"),
        ("07911 123456", "+447911123456"),
        ("+447911123456", "+447911123456"),
        ("7911123456", "+447911123456"),  # Excel dropped the leading zero
        (7911123456, "+447911123456"),
        ("0113 496 0000 ext 12", "+441134960000"),
        ("+33 1 42 68 53 00", "+33142685300"),
    ],
)
def test_phones_in_any_format_become_e164(raw, e164):
    assert normalise_phone(raw).standard == e164


def test_drama_numbers_are_well_formed_but_fictional():
    assert normalise_phone("07700 900123").fictional
    assert not normalise_phone("07911 123456").fictional


@pytest.mark.parametrize("raw", ["123", "0113 496", "07911 12345", "phone me", "+44 0000 000000"])
def test_bad_phones_are_invalid(raw):
    assert not normalise_phone(raw).valid


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("943 476 5919", None),
        ("9434765919", None),
        ("943-476-5919", None),
        (9434765919, None),
        ("9434765918", "nhs-number-check-digit"),
        ("943476591", "nhs-number-length"),
        ("1111111111", "nhs-number-dummy"),
        ("1234567890", "nhs-number-dummy"),
    ],
)
def test_nhs_numbers(raw, problem):
    assert check_nhs_number(raw).problem == problem


def test_nhs_test_range_is_recognised():
    assert check_nhs_number("999 614 0687").test_number
    assert not check_nhs_number("943 476 5919").test_number


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("01/02/1950", dt.date(1950, 2, 1)),
        ("1/2/50", dt.date(1950, 2, 1)),
        ("05/03/47", dt.date(1947, 3, 5)),
        ("01-02-1950", dt.date(1950, 2, 1)),
        ("01.02.1950", dt.date(1950, 2, 1)),
        ("1950-02-01", dt.date(1950, 2, 1)),
        ("1 Feb 1950", dt.date(1950, 2, 1)),
        ("1st February 1950", dt.date(1950, 2, 1)),
        (18295, dt.date(1950, 2, 1)),
        (dt.datetime(1950, 2, 1), dt.date(1950, 2, 1)),
    ],
)
def test_dates_are_read_day_first(raw, day):
    assert parse_date(raw, birth=True, today=TODAY).date == day


@pytest.mark.parametrize(
    ("raw", "problem"),
    [("31/02/1950", "date-invalid"), ("12/12/2030", "date-in-future"),
     ("01/01/1890", "date-too-old"), ("1950", "date-partial"), ("soon", "date-invalid")],
)  # fmt: skip
def test_impossible_future_and_too_old_dates(raw, problem):
    assert parse_date(raw, birth=True, today=TODAY).problem == problem


def test_email_domain_is_lower_cased_and_bad_addresses_fail():
    assert normalise_email("Jean@Example.COM").standard == "Jean@example.com"
    assert not normalise_email("jean at example.com").valid
    assert not normalise_email("a..b@example.com").valid
    for bad in ("jean.@example.com", ".jean@example.com", "jean@example..com", "jean@-x.com"):
        assert not normalise_email(bad).valid, bad
    assert normalise_email("jean@example.com").example
