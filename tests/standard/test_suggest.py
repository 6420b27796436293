"""Suggesting tags for the messy headers real lists have."""

from __future__ import annotations

import pytest

from benchmarks.header_tags import evaluate
from vcs_excel.standard.suggest import CONFIDENT, suggest_tags


@pytest.mark.parametrize(
    ("header", "tag"),
    [
        ("First Name", "#person+given+name"),
        ("Forename", "#person+given+name"),
        ("Surname", "#person+family+name"),
        ("D.O.B", "#date+birth"),
        ("DOB", "#date+birth"),
        ("Date of birth", "#date+birth"),
        ("Post Code", "#contact+address+postcode"),
        ("Tel", "#contact+phone"),
        ("Mobile", "#contact+mobile+phone"),
        ("NHS No.", "#person+id+nhs"),
        ("Client Name", "#person+name"),
        ("Address", "#contact+address"),
        ("House/Street", "#contact+address+line1"),
        ("Client's date of birth", "#date+birth"),
        ("What is your main language?", "#person+language"),
        ("Halal/Veg", "#person+diet"),
        ("#Person+Volunteer+AllNames", "#person+volunteer+name"),
        ("#Volunteer+Household+Number", "#volunteer+household+num"),
    ],
)
def test_messy_headers_get_the_right_tag(header, tag):
    (s,) = suggest_tags([header])
    assert s.tag == tag
    assert s.confidence >= CONFIDENT


@pytest.mark.parametrize(
    "header", ["Notes", "GP Practice", "Emergency contact number", "Column1", "Number of parcels"]
)
def test_headers_with_no_tag_are_not_forced(header):
    (s,) = suggest_tags([header])
    assert s.tag is None


def test_typos_are_suggested_but_marked_for_a_person():
    (s,) = suggest_tags(["Postocde"])
    assert s.tag == "#contact+address+postcode"
    assert not s.confident


def test_labelled_benchmark_stays_above_target():
    scores, _ = evaluate()
    assert scores["all"].accuracy >= 0.95
    assert scores["all"].wrong / scores["all"].known <= 0.02
    assert scores["all"].unknown_left / scores["all"].unknown >= 0.9
