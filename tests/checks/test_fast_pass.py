"""The vectorised first pass never passes a value the per-value checks would flag."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from helpers import save_rows
from hypothesis import given, settings
from hypothesis import strategies as st

from vcs_excel.checks import fast
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
    "#geo+lat",
    "#contact+url",
    "#org+id",
    "#date+end",
    "#value",
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
            "a@aa--a.com",  # a label IDNA reserves: the full e-mail validator refuses it
            "N/A",
            "\u2014",  # an em dash: a register's mark for no value
            "TBC",
            "0000 000 0000",
            "2014",
            "2022-05-03T18:09:56Z",
            "1612269647",
            "www.example.org",
            "http:// www.example.org",
            "-2.418753",
            "We are not a registered charity",
            "01/01/2030",
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


# The fast pass runs RE2 (through Arrow), the per-value checks Python's re. RE2 has no
# look-ahead and an ASCII-only \s, so the "tidy text" rule is written out by hand there.
_PYTHON_TIDY = re.compile(r"^[^\s=+\-@](?:[^\s]| (?=[^\s]))*\Z")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.one_of(
                st.sampled_from(
                    " \t\n\x0b\x0c\r\x1c\x1f\x85\xa0\u1680\u2000\u200a\u2028\u202f"
                    "\u3000\u200b=+-@aZ9é"
                ),
                st.characters(codec="utf-8"),
            ),
            max_size=8,
        ),
        min_size=1,
        max_size=20,
    )
)
def test_tidy_text_rule_in_re2_is_python_s(texts):
    arrow = pa.array(texts, type=pa.string())
    got = pc.match_substring_regex(arrow, fast._TIDY).to_pylist()
    assert got == [bool(_PYTHON_TIDY.match(t)) for t in texts]


def test_checking_text_through_arrow_finds_what_checking_objects_finds(tmp_path):
    """A CSV is checked from Arrow's columns; the same cells in an .xlsx from objects."""
    from vcs_excel.checks.engine import check_table
    from vcs_excel.workbook import FileBook

    rows = [
        ["Ref", "Name", "Postcode", "NHS number", "Email", "Phone"],
        [
            "#person+id",
            "#person+name",
            "#contact+address+postcode",
            "#person+id+nhs",
            "#contact+email",
            "#contact+phone",
        ],
        ["A1", "Jean Smith", "LS6 1AB", "943 476 5919", "jean@example.org", "0113 496 0000"],
        ["a1 ", "Jean  Smith", "ls61ab", "9434765918", "Jean@Example.org", "0113 496"],
        ["B2", "", "LS6 1A", "0000000000", "x at y", "+44 7700 900123"],
        ["B2", "=HYPERLINK()", "SW1A 1AA", "4010232137", "bo@nhs.net", "07700900123"],
    ]
    csv_path = tmp_path / "list.csv"
    csv_path.write_text("\n".join(",".join(r) for r in rows) + "\n", "utf-8")
    xlsx_path = tmp_path / "list.xlsx"
    save_rows(xlsx_path, {"list": rows})
    found = {}
    for path in (csv_path, xlsx_path):
        book = FileBook.open(path)
        table = book.read_table("list")
        assert bool(table.text) == (path.suffix == ".csv")
        issues, _ = check_table(table, CheckSettings(today=TODAY, test_data=True))
        found[path.suffix] = sorted((i.row, i.column, i.code, i.message) for i in issues)
    assert found[".csv"] == found[".xlsx"]
    codes = {c for _, _, c, _ in found[".csv"]}
    assert {"duplicate-id", "required-missing", "postcode-invalid", "formula-like-text"} <= codes
