"""A list's own reference (Client ID, Ref, membership number) as evidence of one person,
only where two lists share one scheme; names written the other way round with a typo;
postcodes a UK rule cannot read."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from helpers import save_rows

from vcs_excel.matching import find_matches
from vcs_excel.matching.compare import compare_pairs
from vcs_excel.matching.comparisons import Levels
from vcs_excel.workbook import FileBook

D = dt.date
HEADER = ["Client ID", "Forename", "Surname", "Date of Birth", "Address", "Postcode"]
# Six people of one care system; each appears in last week's and this week's export.
PEOPLE = [
    ["ASC-100133", "Margaret", "Shaw", D(1944, 2, 2), "9 Moor View", "LS14 4EF"],
    ["ASC-100147", "Ronald", "Baker", D(1942, 7, 7), "12 Moor View", "LS14 4EF"],
    ["ASC-100152", "Asha", "Patel", D(1961, 5, 4), "5 Beech Grove", "LS6 5EF"],
    ["ASC-100168", "David", "Walker", D(1950, 1, 9), "7 Elm Close", "LS12 3CD"],
    ["ASC-100171", "Jean", "Okonkwo", D(1938, 11, 30), "2 Mill Lane", "LS6 1AB"],
    ["ASC-100185", "Lydia", "Shepherd", D(1951, 2, 9), "7 Wallaby Place", "LS9 2WE"],
]
# Precious Adeyemi is known by her middle name at the day centre: this week's export
# has "Grace". Her twin sister is on the list too, with her own ID.
TWINS = [
    ["ASC-100190", "Precious", "Adeyemi", D(1990, 4, 12), "31 Grange Road", "LS7 3AS"],
    ["ASC-100191", "Blessing", "Adeyemi", D(1990, 4, 12), "31 Grange Road", "LS7 3AS"],
]


def _run(tmp_path, sheets):
    matches = find_matches(FileBook.open(save_rows(tmp_path / "lists.xlsx", sheets)))
    records, pairs = matches.records, matches.pairs
    out = {}
    for _, p in pairs.iterrows():
        a, b = records.iloc[p["a"]], records.iloc[p["b"]]
        out[(a["sheet"], a["given"], b["sheet"], b["given"])] = p["decision"]
    return out, pairs


def test_a_shared_client_id_vouches_for_a_person_whose_first_name_changed(tmp_path):
    last_week = [HEADER, *PEOPLE, *TWINS]
    grace = ["asc 100190", "Grace", "Adeyemi", D(1990, 4, 12), "31 Grange Road", "LS7 3AS"]
    this_week = [HEADER, *PEOPLE, grace, TWINS[1]]
    d, pairs = _run(tmp_path, {"Last week": last_week, "This week": this_week})
    # The ID (written differently) and birthday agree: the same person, not a twin.
    assert d[("Last week", "Precious", "This week", "Grace")] == "match"
    # Her twin has another ID: still two people.
    assert d[("Last week", "Blessing", "This week", "Grace")] == "no"
    assert d[("Last week", "Precious", "Last week", "Blessing")] == "no"
    assert Levels(pairs).id.is_("same").sum() >= 7
    # The reason a person reads names the ID.
    from vcs_excel.matching.explain import reason

    records = find_matches(FileBook.open(tmp_path / "lists.xlsx")).records
    grace = pairs[(records["given"].to_numpy()[pairs["b"]] == "Grace")
                  & (records["given"].to_numpy()[pairs["a"]] == "Precious")].iloc[0]  # fmt: skip
    why = reason(grace, records.iloc[grace["a"]], records.iloc[grace["b"]])
    assert why.startswith("same record ID, date of birth") and "Precious / Grace" in why


def test_without_the_id_a_changed_first_name_at_the_twins_home_is_not_merged(tmp_path):
    strip = [row[1:] for row in (*PEOPLE, *TWINS)]
    grace = ["Grace", "Adeyemi", D(1990, 4, 12), "31 Grange Road", "LS7 3AS"]
    sheets = {
        "Last week": [HEADER[1:], *strip],
        "This week": [HEADER[1:], *strip[:6], grace, strip[7]],
    }
    d, _ = _run(tmp_path, sheets)
    assert d[("Last week", "Precious", "This week", "Grace")] != "match"


def test_a_membership_number_shared_by_a_household_is_not_evidence(tmp_path):
    # A food bank numbers households: everyone at one home has the same number.
    header = ["Membership no", "Forename", "Surname", "Date of Birth", "Address", "Postcode"]
    rows = []
    for n, (_, given, family, born, street, postcode) in enumerate(PEOPLE, start=1):
        rows.append([f"FB{n:04d}", given, family, born, street, postcode])
        rows.append([f"FB{n:04d}", "Sam", family, D(born.year + 3, 1, 1), street, postcode])
    twins = [["FB0099", *t[1:]] for t in TWINS]
    sheets = {"Week 1": [header, *rows, *twins], "Week 2": [header, *rows, *twins]}
    d, pairs = _run(tmp_path, sheets)
    assert Levels(pairs).id.is_("same").sum() == 0  # the numbers are ignored
    assert d[("Week 1", "Precious", "Week 1", "Blessing")] == "no"
    assert d[("Week 1", "Precious", "Week 2", "Blessing")] == "no"
    assert d[("Week 1", "Precious", "Week 2", "Precious")] == "match"


def test_ids_of_two_unrelated_systems_that_collide_are_ignored(tmp_path):
    # Both organisations number their clients 1, 2, 3, ...; their numbers mean nothing
    # to each other, so Precious (1 in one list) and Blessing (1 in the other) stay apart.
    people = [row[1:] for row in (*TWINS, *PEOPLE)]
    header = ["Ref", *HEADER[1:]]
    one = [[n, *row] for n, row in enumerate(people, start=1)]
    council = [people[1], *people[:1:-1], people[0]]  # Blessing is their number 1
    other = [[n, *row] for n, row in enumerate(council, start=1)]
    d, pairs = _run(tmp_path, {"Charity": [header, *one], "Council": [header, *other]})
    assert Levels(pairs).id.is_("same").sum() == 0
    assert d[("Charity", "Precious", "Council", "Blessing")] == "no"
    assert d[("Charity", "Precious", "Council", "Precious")] == "match"


def _records(**columns):
    n = len(next(iter(columns.values())))
    base = {
        "sheet": ["A"] * n, "given_key": [None] * n, "given_sound": [None] * n,
        "family_key": [None] * n, "family_sound": [None] * n, "suffix": [""] * n,
        "dob": [None] * n, "age": [np.nan] * n, "nhs": [None] * n, "id": [None] * n,
        "postcode": [None] * n, "sector": [None] * n, "district": [None] * n,
        "flat": [""] * n, "house": [""] * n, "street": [""] * n, "phones": [()] * n,
        "email": [None] * n,
        "sex": [None] * n,
    }  # fmt: skip
    base.update(columns)
    return pd.DataFrame(base)


@pytest.mark.parametrize(
    "given_key, given_sound, family_key, family_sound, unswapped",
    [
        # "Jack Stubbs" / "Stubbs Jaxck": one name written as the other's other; Madeline
        # Smith is no swap.
        (["jack", "stubbs", "madeline"], ["J200", "S312", "M354"],
         ["stubbs", "jaxck", "smith"], ["S312", "J220", "S530"], "given"),
        # "Jasper Desilva" / "Desllva Jaspe": a typo in both, but the surname sounds as the
        # other's first name does. Desmond Jasper has the first name in the surname
        # column, but Desmond is not Desilva.
        (["jasper", "desllva", "desmond"], ["J216", "D214", "D255"],
         ["desilva", "jaspe", "jasper"], ["D214", "J210", "J216"], "family"),
    ],
)  # fmt: skip
def test_names_written_the_other_way_round_with_a_typo_are_a_swap(
    given_key, given_sound, family_key, family_sound, unswapped
):
    records = _records(
        given_key=given_key,
        given_sound=given_sound,
        family_key=family_key,
        family_sound=family_sound,
    )
    pairs = pd.DataFrame({"a": [0, 0], "b": [1, 2]})
    v = compare_pairs(records, pairs)
    assert bool(v["swapped_names"][0]) and v["given"][0] >= 2 and v["family"][0] >= 2
    assert not v["swapped_names"][1] and v[unswapped][1] == 0


def test_postcodes_a_uk_rule_cannot_read_still_compare(tmp_path):
    from vcs_excel.matching.prepare import prepare_book

    codes = ["LS15 6GS", "LS156G", "2615", "2615", "2651", "2913", "LS7 1FF", "NFA", "n/a"]
    rows = [["Name", "Postcode"], *[[f"Person {n}", c] for n, c in enumerate(codes)]]
    book = FileBook.open(save_rows(tmp_path / "p.xlsx", {"List": rows}))
    records = prepare_book(book)
    assert records["postcode"].tolist()[:3] == ["LS15 6GS", "LS156G", "2615"]
    # Missing only its last letter, "LS156G" is still in sector LS15 6; "2615" is in none.
    assert records["sector"].tolist()[1:3] == ["LS15 6", None]
    assert records["district"].tolist()[1:3] == ["LS15", None]
    assert records["postcode"].tolist()[7:] == [None, None]  # no fixed abode, not known
    pairs = pd.DataFrame({"a": [0, 2, 2, 2, 1, 2], "b": [1, 3, 4, 5, 6, 6]})
    levels = compare_pairs(records, pairs)["postcode"].tolist()
    # cut short / same text / one character apart / different / cut short in another
    # district / unread beside a full one
    assert levels == [2, 3, 2, 0, 0, -1]


def test_placeholder_ids_are_no_ids(tmp_path):
    from vcs_excel.matching.prepare import prepare_book

    rows = [["Client ID", "Name"], ["N/A", "A"], ["unknown", "B"], ["0000", "C"], ["asc-1 2", "D"]]
    records = prepare_book(FileBook.open(save_rows(tmp_path / "ids.xlsx", {"List": rows})))
    assert records["id"].tolist() == [None, None, None, "ASC12"]


def test_review_tab_shows_the_record_ids_when_the_lists_have_them(tmp_path):
    import openpyxl

    from vcs_excel.commands import run_task

    # Ronald's ID is one more than last week's (the next one given out, perhaps his
    # son's) and his birthday is missing: a person decides.
    ronald = ["ASC-100148", "Ronald", "Baker", None, "12 Moor View", "LS14 4EF"]
    sheets = {"Last week": [HEADER, *PEOPLE], "This week": [HEADER, *PEOPLE[:1], ronald,
                                                            *PEOPLE[2:]]}  # fmt: skip
    out = tmp_path / "out.xlsx"
    run_task("dedupe", FileBook.open(save_rows(tmp_path / "lists.xlsx", sheets), out=out))
    ws = openpyxl.load_workbook(out)["Review"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(r for r in rows if r and r[0] == "Decision")
    assert "Record ID A" in header and "Record ID B" in header
    assert header[-1] == "Pair key" and ws.column_dimensions["W"].hidden
    ids = {r[header.index("Record ID A")] for r in rows[rows.index(header) + 1 :]}
    ids |= {r[header.index("Record ID B")] for r in rows[rows.index(header) + 1 :]}
    assert "ASC100148" in ids
    why = next(r[1] for r in rows if r and r[header.index("Record ID B")] == "ASC100148")
    assert "record IDs differ: ASC100147 / ASC100148" in why


def test_an_id_with_two_characters_swapped_and_the_same_birthday_is_a_match(tmp_path):
    slip = ["ASC-100174", "Ronald", "Baker", D(1942, 7, 7), "12 Moor View", "LS14 4EF"]
    son = ["ASC-100148", "Ronald", "Baker", D(1972, 3, 1), "12 Moor View", "LS14 4EF"]
    sheets = {"Last week": [HEADER, *PEOPLE], "This week": [HEADER, *PEOPLE[:1], slip, son,
                                                            *PEOPLE[2:]]}  # fmt: skip
    matches = find_matches(FileBook.open(save_rows(tmp_path / "lists.xlsx", sheets)))
    records, pairs = matches.records, matches.pairs
    born = records["dob"].to_numpy()
    first = pairs[(born[pairs["a"]] == D(1942, 7, 7)) & (born[pairs["b"]] == D(1942, 7, 7))]
    assert Levels(first).id.is_("typing_slip").tolist() == [True] and first[
        "decision"
    ].tolist() == ["match"]
    father_son = pairs[(born[pairs["a"]] == D(1942, 7, 7)) & (born[pairs["b"]] == D(1972, 3, 1))]
    assert set(father_son["decision"]) == {"no"}  # the next ID given out: his son


def test_an_id_one_swap_from_a_namesakes_is_not_evidence_when_birthdays_differ(tmp_path):
    # Client IDs are given out in turn, so ASC-343117 is one swap from ASC-343171; two
    # Colin Carters born eight years apart in different streets stay two people.
    colin = ["ASC-343117", "Colin", "Carter", D(1935, 11, 16), "148 Mill Row", "LS13 6YU"]
    other = ["ASC-343171", "Colin", "Carter", D(1943, 7, 13), "71 Wetherby Road", "LS13 6NJ"]
    sheets = {"Last week": [HEADER, *PEOPLE, colin], "This week": [HEADER, *PEOPLE, other]}
    d, pairs = _run(tmp_path, sheets)
    assert Levels(pairs).id.is_("same").sum() == len(PEOPLE)  # the scheme is trusted
    assert d[("Last week", "Colin", "This week", "Colin")] == "no"


def test_a_random_id_one_character_wrong_is_a_typing_slip_where_ids_are_random(tmp_path):
    # Two extracts numbered by a social security number, drawn at random: this week three
    # numbers were typed with one character wrong, and Precious is "Grace" again. Where
    # numbers one character apart agree on everything else, one character wrong is a
    # slip; where they are given out in turn (the twins' ASC-100190 and ASC-100191) it is
    # the next person registered.
    ssn = ["4818243", "7053329", "1962570", "3377401", "5541862", "8290715"]
    slips = ["4818248", "7058329", "196257", *ssn[3:]]
    twins = [["9130446", *TWINS[0][1:]], ["2274059", *TWINS[1][1:]]]
    last_week = [HEADER, *[[n, *p[1:]] for n, p in zip(ssn, PEOPLE, strict=True)], *twins]
    grace = ["9130476", "Grace", "Adeyemi", D(1990, 4, 12), "31 Grange Road", "LS7 3AS"]
    this_week = [HEADER, *[[n, *p[1:]] for n, p in zip(slips, PEOPLE, strict=True)], grace]
    d, pairs = _run(tmp_path, {"Last week": last_week, "This week": this_week})
    assert Levels(pairs).id.is_("typing_slip").sum() == 4
    assert d[("Last week", "Precious", "This week", "Grace")] == "match"
    assert d[("Last week", "Blessing", "This week", "Grace")] == "no"


def test_a_random_id_a_keystroke_away_vouches_against_a_date_of_birth_typed_wrong(tmp_path):
    # Numbers drawn at random (as above). This week Ronald Baker's date of birth was
    # typed as another's entirely and one digit of his number is wrong. One name at one
    # home with birthdays thirty years apart reads as a junior and a senior; but a
    # junior and a senior are as unlikely as any two people to hold numbers a keystroke
    # apart, so the number vouches and it is Ronald. (Where numbers are given out in
    # turn, a number one swap from a namesake's says nothing: the test above it.)
    ssn = ["4818243", "7053329", "1962570", "3377401", "5541862", "8290715"]
    slips = ["4818248", "7053320", "196257", "3377461", *ssn[4:]]
    twins = [["9130446", *TWINS[0][1:]], ["2274059", *TWINS[1][1:]]]
    last_week = [HEADER, *[[n, *p[1:]] for n, p in zip(ssn, PEOPLE, strict=True)], *twins]
    this_week = [HEADER, *[[n, *p[1:]] for n, p in zip(slips, PEOPLE, strict=True)], *twins]
    this_week[2][3] = D(1972, 11, 3)  # Ronald, born 1942
    d, pairs = _run(tmp_path, {"Last week": last_week, "This week": this_week})
    ronald = pairs[Levels(pairs).dob.is_("different")]
    assert Levels(ronald).id.is_("typing_slip").tolist() == [True]
    assert ronald["ids_random"].tolist() == [True]
    assert d[("Last week", "Ronald", "This week", "Ronald")] == "match"


def test_a_random_id_shared_with_no_birthday_against_it_is_the_person_whatever_the_names(
    tmp_path,
):
    # Numbers drawn at random (as above). This week Lydia Shepherd is "L. Grant" (married),
    # with no birthday, at a new address: her number, the same, says it is her. Where
    # numbers are given out in turn, a shared number needs a name or the birthday too
    # (the tests above).
    ssn = ["4818243", "7053329", "1962570", "3377401", "5541862", "8290715"]
    slips = ["4818248", "7053320", "196257", *ssn[3:]]
    twins = [["9130446", *TWINS[0][1:]], ["2274059", *TWINS[1][1:]]]
    last_week = [HEADER, *[[n, *p[1:]] for n, p in zip(ssn, PEOPLE, strict=True)], *twins]
    this_week = [HEADER, *[[n, *p[1:]] for n, p in zip(slips, PEOPLE, strict=True)], *twins]
    this_week[6] = ["8290715", "L", "Grant", None, "40 Ash Road", "LS11 5QQ"]
    d, pairs = _run(tmp_path, {"Last week": last_week, "This week": this_week})
    lydia = pairs[Levels(pairs).id.is_("same") & ~Levels(pairs).given.at_least("close_spelling")]
    assert len(lydia) == 1 and lydia["ids_random"].tolist() == [True]
    assert d[("Last week", "Lydia", "This week", "L")] == "match"


def test_ids_given_out_in_turn_one_character_apart_are_two_people(tmp_path):
    # A care system numbers people in turn, so a couple registered together have numbers
    # one character apart (ASC-100301, ASC-100302). This week three numbers were typed
    # with one character wrong, but most numbers one character apart are two people:
    # such a number is not a slip here, and Grace (one character from Precious's number)
    # is not merged with her by it.
    couples = []
    for k, (family, street) in enumerate(
        [("Shaw", "9 Moor View"), ("Iqbal", "4 Kirk Lane"), ("Moss", "8 Holt Road"),
         ("Quinn", "3 Ash Way")]
    ):  # fmt: skip
        couples += [
            [f"ASC-1003{2 * k + 1:02d}", "Alan", family, D(1950 + k, 3, 4), street, "LS9 4QT"],
            [f"ASC-1003{2 * k + 2:02d}", "Rita", family, D(1953 + k, 8, 1), street, "LS9 4QT"],
        ]
    slipped = [["ASC-100134", *PEOPLE[0][1:]], ["ASC-100148", *PEOPLE[1][1:]],
               ["ASC-100153", *PEOPLE[2][1:]], *PEOPLE[3:]]  # fmt: skip
    grace = ["ASC-100180", "Grace", "Adeyemi", D(1990, 4, 12), "31 Grange Road", "LS7 3AS"]
    d, pairs = _run(
        tmp_path,
        {
            "Last week": [HEADER, *PEOPLE, *couples, *TWINS],
            "This week": [HEADER, *slipped, *couples, grace, TWINS[1]],
        },
    )
    assert Levels(pairs).id.is_("same").sum() >= 8  # the scheme is trusted for the same number
    assert Levels(pairs).id.is_("typing_slip").sum() == 0
    assert d[("Last week", "Precious", "This week", "Grace")] != "match"


def test_a_postcode_mistyped_into_another_valid_one_at_one_house_is_one_home(tmp_path):
    from vcs_excel.matching.comparisons import Levels, one_home
    from vcs_excel.matching.prepare import prepare_book

    rows = [
        ["Name", "Address", "Postcode"],
        ["Dorothy Evans", "45 Kings Crescent", "BB18 2BW"],
        ["Dorothy Scott", "45 Kings Crescent", "B18 2BW"],  # a letter lost: another district
        ["Dora Evans", "47 Kings Crescent", "B18 2BW"],  # another house: another home
        ["Dot Evans", "45 Kings Crescent", "BD18 2BX"],  # two keystrokes: another home
    ]
    records = prepare_book(FileBook.open(save_rows(tmp_path / "p.xlsx", {"List": rows})))
    pairs = pd.DataFrame({"a": [0, 0, 0], "b": [1, 2, 3]})
    v = compare_pairs(records, pairs)
    assert v["postcode"].tolist() == [2, 0, 0]  # as close as one sector, then different
    assert v["house"].tolist()[0] == 1 and v["street"].tolist()[0] == 2
    # The home's household rules hold there: Dorothy Scott may be Dorothy Evans's
    # relative, so she is weighed as someone of the same home.
    assert one_home(Levels(v)).tolist() == [True, False, False]
