"""Block: which pairs of records are compared."""

from __future__ import annotations

import numpy as np
from test_record_ids import _records

from vcs_excel.matching.block import candidate_pairs


def test_street_and_number_alone_pair_only_records_without_a_district():
    # Number 17 Ash Way in two districts is two homes; with no postcode a UK rule can
    # read ("LS?"), it could be either, so it is compared with both.
    records = _records(
        house=["17", "17", "17"],
        street=["ash way", "ash way", "ash way"],
        district=["LS13", "LS6", None],
    )
    rules = [("house", "street", "district"), ("house", "street", "!district")]
    pairs = candidate_pairs(records, rules)
    assert sorted(zip(pairs["a"], pairs["b"], strict=True)) == [(0, 2), (1, 2)]
    assert candidate_pairs(records, [("house", "street")])["a"].to_numpy().tolist() == [0, 0, 1]


def test_pairs_are_each_once_in_order():
    records = _records(
        house=["3", "3", "3", "9"],
        postcode=["LS6 1AB"] * 4,
        district=["LS6"] * 4,
        street=["elm close"] * 4,
    )
    pairs = candidate_pairs(records)
    keys = pairs["a"].to_numpy() * 10 + pairs["b"].to_numpy()
    assert (np.diff(keys) > 0).all() and (pairs["a"] < pairs["b"]).all()
    assert [(a, b) for a, b in zip(pairs["a"], pairs["b"], strict=True) if b < 3] == [
        (0, 1),
        (0, 2),
        (1, 2),
    ]


def test_a_record_with_two_phones_pairs_once_with_each_record_sharing_one():
    records = _records(
        phones=[("07700900001", "01134960001"), ("07700900001",), ("01134960001",), ()],
        house=["3", "3", "8", "3"],
        street=["elm close"] * 4,
        district=["LS6"] * 4,
    )
    pairs = candidate_pairs(records, [("phone",), ("house", "street", "district")])
    assert sorted(zip(pairs["a"], pairs["b"], strict=True)) == [(0, 1), (0, 2), (0, 3), (1, 3)]


def test_a_birthday_and_one_initial_pair_records_only_where_a_postcode_cannot_be_read():
    # Typos in both names ("Jhon Smtih" / "John Smith" read as keys with other sounds),
    # one birthday, one initial of each name alike.
    import datetime as dt

    born = dt.date(1961, 5, 4)
    records = _records(
        given_key=["jhon", "john", "jahn", "jon"],
        family_key=["smtih", "smith", "xmith", "smyth"],
        dob=[born] * 4,
        district=["LS6", "BD7", "LS9", None],
    )
    pairs = candidate_pairs(records)
    found = sorted(zip(pairs["a"], pairs["b"], strict=True))
    # Both initials: any pair of the first, second and fourth; one initial alone ("Jahn
    # Xmith"): only with the record that has no postcode a UK rule can read.
    assert found == [(0, 1), (0, 3), (1, 3), (2, 3)]


def test_the_docs_page_lists_every_blocking_key():
    from vcs_excel.matching.block import RULES
    from vcs_excel.matching.docs import key_text, markdown

    page = markdown()
    assert "## Which pairs are compared" in page
    for rule in RULES:
        assert f"- the same {key_text(rule)}\n" in page
    assert "- the same date of birth and postcode\n" in page


def test_names_written_the_other_way_round_are_compared():
    # "RICKETT Oliver" typed into the first-name column, and moved since: the names'
    # sounds in either order are a key. Olive Rickett (another first name) is not paired
    # by the name alone, and one name missing pairs with no one.
    records = _records(
        given_sound=["O414", "R230", "O410", None],
        family_sound=["R230", "O414", "R230", "R230"],
        postcode=["LS6 1AB", "LS9 4QT", "BD7 2EE", "LS6 1AB"],
    )
    pairs = candidate_pairs(records, [("names_sound",)])
    assert sorted(zip(pairs["a"], pairs["b"], strict=True)) == [(0, 1)]
    ordered = candidate_pairs(records, [("given_sound", "family_sound")])
    assert ordered.empty


def test_either_names_sound_at_one_postcode_pairs_names_swapped_with_a_typo():
    # "Brydee Macphail" and "Macphail, Brycdee" at one postcode: the surname's sound is
    # the other's first name's. A record with no surname ("Nathan") meets its full name
    # there too. A name shared at another postcode does not pair them, and a record is
    # never paired with itself (a surname that is also a first name: "Thomas Thomas").
    records = _records(
        given_sound=["B630", "M214", "N350", "N350", "T520", "B630"],
        family_sound=["M214", "B632", None, "E200", "T520", "M214"],
        postcode=["NE1 4ST"] * 5 + ["LS6 1AB"],
        phones=[("07700900001", "07700900002"), (), (), (), (), ()],
    )
    pairs = candidate_pairs(records, [("postcode", "name_sound")])
    assert sorted(zip(pairs["a"], pairs["b"], strict=True)) == [(0, 1), (2, 3)]


def test_a_rare_name_with_a_typo_and_no_birthday_is_compared_at_another_address():
    # "Cahrles Mulligan", born 1931, on the GP list; "Charles Mulligan", 94, no date of
    # birth, at another address on the food bank's list: the surname's sound, the first
    # initial and ages a year apart at most. Two records that both have a birthday, or
    # ages two years apart, or another initial, are not paired by this key.
    import datetime as dt

    records = _records(
        given_sound=["C642", "C642", "C642", "C642", "D620"],
        given_key=["cahrles", "charles", "charles", "charles", "doris"],
        family_sound=["M452"] * 5,
        family_key=["mulligan"] * 5,
        dob=[dt.date(1931, 12, 7), None, dt.date(1932, 1, 1), None, None],
        age=[94.0, 95.0, 94.0, 97.0, 94.0],
        postcode=["OL7 1ZS", "HX16 3XS", "LS6 1AB", "M1 1AA", "S1 1AA"],
    )
    rules = [("family_sound", "given_initial", "age_near", "!dob")]
    pairs = candidate_pairs(records, rules)
    assert sorted(zip(pairs["a"], pairs["b"], strict=True)) == [(0, 1), (1, 2)]


def test_a_common_name_at_one_age_is_not_compared_by_name_and_age_alone():
    from vcs_excel.matching.block import RARE_BLOCK

    n = RARE_BLOCK + 1  # more John Smiths of 40 with no birthday than the key takes
    records = _records(
        given_sound=["J500"] * n, given_key=["john"] * n, family_sound=["S530"] * n,
        family_key=["smith"] * n, age=[40.0] * n, postcode=[f"LS{i} 1AB" for i in range(n)],
    )  # fmt: skip
    rules = [("family_sound", "given_initial", "age_near", "!dob")]
    assert candidate_pairs(records, rules).empty
    assert (
        len(candidate_pairs(records.iloc[:RARE_BLOCK], rules)) == RARE_BLOCK * (RARE_BLOCK - 1) // 2
    )
