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
