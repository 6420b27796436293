"""Grouping matches into people: whole groups at once where nothing can be refused, one
link at a time where a constraint may hold a link back; the result is the same."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from vcs_excel.matching.cluster import cluster


def _one_link_at_a_time(records, pairs, apart):
    """The rule in its plainest form: strongest link first, refused if it would put two
    NHS numbers or a pair kept apart (a person's answer, or a household rule's "no" at
    a probability of 0.3 or more, not one for too little evidence) in one person; a "no"
    pair not kept apart whose records end up in one person is a match."""
    n = len(records)
    person = list(range(n))
    nhs = [{v} if v else set() for v in records["nhs"]]
    never = {(int(a), int(b)) for a, b in zip(apart["a"], apart["b"], strict=True)}
    ruled = pairs[(pairs["decision"] == "no") & (pairs["probability"] >= 0.3)
                  & ~pairs["too_little"]]  # fmt: skip
    never |= {(int(a), int(b)) for a, b in zip(ruled["a"], ruled["b"], strict=True)}
    decisions = pairs["decision"].copy()
    chosen = pairs[pairs["decision"] == "match"].sort_values("probability", ascending=False)
    for idx, a, b in zip(chosen.index, chosen["a"], chosen["b"], strict=True):
        pa, pb = person[a], person[b]
        if pa == pb:
            continue
        ma = {i for i in range(n) if person[i] == pa}
        mb = {i for i in range(n) if person[i] == pb}
        numbers = set().union(*(nhs[i] for i in ma | mb))
        kept = any((x, y) in never or (y, x) in never for x in ma for y in mb)
        if len(numbers) > 1 or kept:
            decisions[idx] = "review"
            continue
        person = [pa if p == pb else p for p in person]
    for idx, a, b, d in zip(pairs.index, pairs["a"], pairs["b"], pairs["decision"], strict=True):
        if d == "no" and person[a] == person[b] and idx not in ruled.index:
            decisions[idx] = "match"
    return person, decisions


@st.composite
def _cases(draw):
    n = draw(st.integers(2, 12))
    record = st.integers(0, n - 1)
    numbers = draw(st.lists(st.sampled_from([None, "A", "B"]), min_size=n, max_size=n))
    decision = st.sampled_from(["match", "match", "no", "review"])
    link = st.tuples(record, record, decision, st.floats(0.0, 1.0), st.booleans())
    links = draw(st.lists(link, max_size=3 * n))
    kept = draw(st.lists(st.tuples(record, record), max_size=2))
    return numbers, links, kept


@settings(max_examples=200, deadline=None)
@given(_cases())
def test_grouping_equals_joining_one_link_at_a_time(case):
    numbers, links, kept = case
    links = [(a, b, d, p, d == "no" and little) for a, b, d, p, little in links if a != b]
    pairs = pd.DataFrame(links, columns=["a", "b", "decision", "probability", "too_little"])
    pairs = pairs.drop_duplicates(["a", "b"]).drop_duplicates("probability").reset_index(drop=True)
    records = pd.DataFrame({"nhs": numbers})
    apart = pd.DataFrame(kept, columns=["a", "b"], dtype=np.int64)
    person, decisions = cluster(records, pairs, apart)
    expected_person, expected_decisions = _one_link_at_a_time(records, pairs, apart)
    assert list(decisions) == list(expected_decisions)
    # The same people (numbering aside).
    assert len(set(zip(person, expected_person, strict=True))) == len(set(person))
    assert len(set(person)) == len(set(expected_person))


def test_a_person_is_asked_once_about_two_people_not_once_per_two_rows():
    from vcs_excel.matching.pipeline import questions

    # Rows 0 and 1 are one person (a definite match), row 2 another, rows 3 and 4 two more.
    person = np.array([1, 1, 2, 3, 4])
    pairs = pd.DataFrame({
        "a": [0, 0, 1, 0, 3],
        "b": [1, 2, 2, 1, 4],
        "probability": [0.99, 0.6, 0.7, 0.5, 0.4],
        "decision": ["match", "review", "review", "review", "review"],
    })  # fmt: skip
    decision, covers = questions(pairs, pairs["decision"], person, None)
    asked = covers > 0
    # Rows 0 and 1 are one person on the One list already: no question, a match.
    assert decision[3] == "match" and not asked[3]
    # Two pairs about the same two people: the likelier is asked, the other goes with it.
    assert list(decision[[1, 2]]) == ["review", "review"]
    assert list(asked[[1, 2]]) == [False, True]
    assert covers[2] == 2 and covers[4] == 1 and asked.sum() == 2
    # Once a person said one pair of them is two people, the other is not asked again.
    apart = pd.DataFrame({"a": [1], "b": [2]})
    decision, covers = questions(pairs, pairs["decision"].where(pairs.index != 2, "no"),
                                 person, apart)  # fmt: skip
    assert decision[1] == "no" and covers[1] == 0
