"""Prepare: the same person's details, however each list writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import save_rows

from vcs_excel.matching import (
    NameParts,
    nickname_related,
    prepare_book,
    split_address,
    split_name,
)
from vcs_excel.workbook import FileBook


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("SMITH, Jean Margaret", NameParts("", "Jean", "Margaret", "SMITH")),
        ("Mrs Jean M Smith", NameParts("Mrs", "Jean", "M", "Smith")),
        ("Jean Smith", NameParts("", "Jean", "", "Smith")),
        ("SMITH Jean", NameParts("", "Jean", "", "SMITH")),
        ("Mr John Smith Jr", NameParts("Mr", "John", "", "Smith", "junior")),
        ("Maria Da Silva", NameParts("", "Maria", "", "Da Silva")),
        ("O'BRIEN, Patrick", NameParts("", "Patrick", "", "O'BRIEN")),
        ("Dr. Asha  Patel", NameParts("Dr", "Asha", "", "Patel")),
        ("Mrs Smith", NameParts("Mrs", "", "", "Smith")),
        ("T Rucker", NameParts("", "T", "", "Rucker")),  # an initial, not a surname
        ("J. SMITH", NameParts("", "J", "", "SMITH")),
    ],
)
def test_names_are_split_however_they_are_written(written, parts):
    assert split_name(written) == parts


@pytest.mark.parametrize(
    ("written", "flat", "house", "street", "postcode"),
    [
        ("Flat 2, 14 Mill Lane, Leeds LS6 1AB", "2", "14", "mill lane", "LS6 1AB"),
        ("2/14 Mill Lane", "2", "14", "mill lane", ""),
        ("14a Church Road", "", "14a", "church road", ""),
        ("123 Grange Road, Harehills, Leeds ls83xw", "", "123", "grange road", "LS8 3XW"),
    ],
)
def test_addresses_in_one_cell_give_flat_house_street_and_postcode(
    written, flat, house, street, postcode
):
    a = split_address(written)
    assert (a.flat, a.house, a.street, a.postcode) == (flat, house, street, postcode)


def test_a_first_name_column_with_middle_names_gives_the_first_name(tmp_path):
    path = save_rows(
        tmp_path / "gp.xlsx",
        {"GP list": [["Forename", "Surname"], ["Andrew Jacob", "Myers"], ["Mary", "Myers"]]},
    )
    records = prepare_book(FileBook.open(path))
    assert records["given_key"].tolist() == ["andrew", "mary"]
    assert records["middle"].tolist()[0] == "Jacob"


def test_known_nicknames_are_related_and_different_names_are_not():
    assert nickname_related("Bill", "William")
    assert nickname_related("peggy", "Margaret")
    assert not nickname_related("Jean", "John")
    assert not nickname_related("William", "William")  # the same name is not a nickname


def test_three_lists_in_their_own_shapes_give_the_same_person(tmp_path):
    path = save_rows(
        tmp_path / "lists.xlsx",
        {
            "Shielding": [
                ["Shielded patient list"],
                [],
                [
                    "NHS Number",
                    "Forename",
                    "Surname",
                    "Date of Birth",
                    "Address Line 1",
                    "Postcode",
                    "Mobile",
                ],
                [
                    "943 476 5919",
                    "William",
                    "Okonkwo",
                    dt.date(1948, 3, 5),
                    "Flat 2, 14 Mill Lane",
                    "LS6 1AB",
                    "07911 123456",
                ],
            ],
            "Social care": [
                ["Client Name", "DOB", "Address", "Phone"],
                ["OKONKWO, William", "05/03/1948", "2/14 Mill Lane, Leeds ls61ab", "+447911123456"],
            ],
            "Food bank": [
                ["Name", "House/Street", "Post Code", "Email"],
                ["Mr Bill Okonkwo", "Flat 2, 14 Mill Lane", "LS6 1AB", "Bill@Example.ORG"],
            ],
        },
    )
    recs = prepare_book(FileBook.open(path)).set_index("sheet")
    assert list(recs["row"]) == [4, 2, 2]
    assert set(recs["family_key"]) == {"okonkwo"}
    assert list(recs["given"]) == ["William", "William", "Bill"]
    assert recs.loc["Shielding", "nhs"] == "943 476 5919"
    assert recs.loc["Shielding", "dob"] == recs.loc["Social care", "dob"] == dt.date(1948, 3, 5)
    assert set(recs["postcode"]) == {"LS6 1AB"}
    assert set(recs["flat"]) == {"2"} and set(recs["house"]) == {"14"}
    assert (
        recs.loc["Shielding", "phones"] == recs.loc["Social care", "phones"] == ("+447911123456",)
    )
    assert recs.loc["Food bank", "email"] == "bill@example.org"
    assert recs.loc["Food bank", "sector"] == "LS6 1" and recs.loc["Food bank", "district"] == "LS6"


@pytest.mark.parametrize(
    ("a", "b", "related"),
    [
        ("Kate", "Catherine", True),
        ("Mo", "Mohammed", True),
        ("Kasia", "Katarzyna", True),
        ("Ted", "Ed", True),
        ("Jean", "John", False),
        ("Christine", "Christopher", False),
        ("Priya", "Leo", False),
        ("Bill", "Will", True),
        ("William", "Robert", False),
        ("Jack", "Johnny", True),
    ],
)
def test_nickname_relations_including_spellings_and_uk_names(a, b, related):
    assert nickname_related(a, b) is related


@pytest.mark.parametrize(
    ("a", "b", "one_name"),
    [
        ("tommy", "tommie", True),
        ("sarah", "sara", True),
        ("phillip", "philip", True),
        ("catherine", "katherine", True),
        ("jennipher", "jennifer", True),
        ("ann", "ahn", True),
        ("mark", "mary", False),
        ("jean", "joan", False),
        ("christine", "christopher", False),
        ("brian", "bruno", False),
    ],
)
def test_two_spellings_of_one_first_name_share_a_spelling_key(a, b, one_name):
    from vcs_excel.matching.prepare import spelling_key

    assert (spelling_key(a) == spelling_key(b)) is one_name


def test_a_first_name_nearly_always_given_to_one_sex_is_known():
    from vcs_excel.matching.prepare import usual_sex

    assert usual_sex("Jean") == "F" and usual_sex("SEAN") == "M"
    assert usual_sex("Shell") == "F"  # a nickname of Michelle
    assert usual_sex("Chris") is None and usual_sex("Francis") is None  # either sex
    assert usual_sex("Agnieszka") is None  # not in the census lists


def test_several_files_prepared_side_by_side_match_one_by_one(tmp_path):
    import pandas as pd

    from vcs_excel.errors import BadInputError
    from vcs_excel.matching.prepare import prepare_book, prepare_books
    from vcs_excel.synthetic import demo_lists, write_workbook
    from vcs_excel.workbook import FileBook

    paths = []
    for i, sheet in enumerate(demo_lists()):
        paths.append(tmp_path / f"list{i}.xlsx")
        write_workbook([sheet], paths[-1])
    one_by_one = [prepare_book(FileBook.open(p)) for p in paths]
    expected = pd.concat(one_by_one, ignore_index=True)
    side_by_side = prepare_books(paths, workers=2)
    pd.testing.assert_frame_equal(side_by_side, expected)
    # Opened books work too, and so does one process.
    pd.testing.assert_frame_equal(prepare_books([FileBook.open(p) for p in paths]), expected)
    pd.testing.assert_frame_equal(prepare_books(paths, workers=1), expected)
    # A file that is not a workbook is the same clear message from a worker.
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook", "utf-8")
    with pytest.raises(BadInputError, match="not an Excel workbook"):
        prepare_books([paths[0], bad], workers=2)


def test_a_digit_inside_a_name_is_read_as_the_letter_it_looks_like():
    from vcs_excel.matching.prepare import name_key

    # Names read from scanned forms, or typed with a slip to the top row of the keyboard.
    assert name_key("Pau1") == name_key("Paul") == "paul"
    assert name_key("8ianca") == "bianca" and name_key("5COTT") == "scott"
    assert name_key("O'Brien") == "obrien"
    # A cell of digits alone is no name.
    assert name_key("123") == ""


def test_a_name_read_by_ocr_matches_the_name_typed(tmp_path):
    from helpers import save_rows

    from vcs_excel.matching import find_matches
    from vcs_excel.workbook import FileBook

    header = ["Forename", "Surname", "Date of Birth", "Address", "Postcode"]
    born = dt.date(1961, 5, 2)
    path = save_rows(tmp_path / "lists.xlsx", {
        "Typed": [header, ["Paul", "Walters", born, "4 Mill Lane", "LS6 1AB"]],
        "Scanned": [header, ["Pau1", "Wa1ters", born, "4 Mill Lane", "LS6 1AB"]],
    })  # fmt: skip
    matches = find_matches(FileBook.open(path))
    assert list(matches.pairs["decision"]) == ["match"]


def test_spellings_of_one_name_are_a_close_spelling_but_two_initials_are_not():
    import numpy as np

    from vcs_excel.matching.compare import _given_levels
    from vcs_excel.matching.comparisons import code

    levels = _given_levels(np.array(["tommie", "c", "mark"]), np.array(["tommy", "k", "mary"]))
    close = code("given", "close_spelling")
    assert levels[0] == close  # one name, two spellings
    assert levels[1] != close and levels[2] != close  # two initials; two names


def test_letters_misread_by_ocr_are_a_close_spelling():
    import numpy as np

    from vcs_excel.matching.compare import _family_levels, _given_levels
    from vcs_excel.matching.comparisons import code

    # "rn" read for "m" in a scanned form: Thornas is Thomas, Sirnone Simone.
    given = _given_levels(np.array(["thornas", "sirnone"]), np.array(["thomas", "simone"]))
    assert list(given) == [code("given", "close_spelling")] * 2
    sounds = {"clarnpton": "KLRNPTN", "dampton": "TMPTN"}
    family = _family_levels(sounds)(np.array(["clarnpton"]), np.array(["dampton"]))
    assert list(family) == [code("family", "close_spelling")]
