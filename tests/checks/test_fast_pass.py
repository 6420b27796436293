"""The vectorised first pass never passes a value the per-value checks would flag."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from vcs_excel.checks.engine import RANGES, CheckSettings, value_findings
from vcs_excel.checks.fast import fine_values
from vcs_excel.standard.dictionary import load_dictionary

TODAY = dt.date(2026, 11, 20)
TAGS = [
    "#person+id",
    "#person+name",
    "#date+birth",
    "#date+updated",
    "#person+age",
    "#contact+address+postcode",
    "#contact+phone",
    "#contact+email",
    "#person+id+nhs",
    "#person+ethnicity",
    "#household+num",
    "#consent+share",
    "#loc+uprn",
    "#person+diet",
]

values = st.one_of(
    st.text(max_size=14),
    st.from_regex(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", fullmatch=True),
    st.from_regex(r"(\+44 ?|0)(1|7)\d{2,3} ?\d{3} ?\d{3,4}", fullmatch=True),
    st.from_regex(r"9\d{2} ?\d{3} ?\d{4}", fullmatch=True),
    st.from_regex(
        r"[a-z]{1,6}(\.[a-z]{1,4})?@[a-z]{1,6}\.(org|com|co\.uk|example\.com)", fullmatch=True
    ),
    st.from_regex(r"[0-3]\d/[01]\d/(19|20)\d\d", fullmatch=True),
    st.sampled_from(
        [
            "White British",
            "Yes",
            "Y",
            " Yes",
            "Halal",
            "No",
            "=1",
            "+44 113 496 0000",
            "-",
            "LS6 1AB",
            "ls6 1ab",
            "0",
            "121",
            "07700 900123",
        ]
    ),
    st.integers(-5, 10**13),
    st.dates(min_value=dt.date(1880, 1, 1), max_value=dt.date(2040, 1, 1)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(values, min_size=1, max_size=12, unique_by=repr), st.booleans())
def test_fine_values_have_no_findings(sample, test_data):
    dictionary = load_dictionary()
    check = CheckSettings(today=TODAY, test_data=test_data)
    array = np.empty(len(sample), dtype=object)
    array[:] = sample
    for tag in TAGS:
        entry = dictionary.lookup(tag)
        codes = dictionary.codelist_for(entry)
        fine = fine_values(
            array, entry, codes, TODAY, test_data, 120, RANGES.get(entry.key, (0, None))
        )
        for value, ok in zip(sample, fine, strict=True):
            if ok:
                assert value_findings(value, entry, codes, check) == [], (tag, value)
