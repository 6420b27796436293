"""The benchmark's floor for any decision over the comparison levels (``frontier``)."""

from benchmarks.other_match import frontier


def test_a_pattern_holding_two_people_of_one_home_is_never_definite():
    # pattern, pairs, one person, two people of one home
    patterns = [["a", 100, 100, 0], ["b", 10, 9, 1], ["c", 40, 20, 0]]
    front = frontier(patterns, true=130, records=1000)
    assert front["definite"] == 100 / 130
    # Both patterns left go to a person: 129 of the 130 true pairs were compared.
    assert front["need"][0.99] == 100 * 50 / 1000
    assert front["compared"] == 129 / 130


def test_true_pairs_never_compared_put_a_recall_out_of_reach():
    front = frontier([["a", 100, 90, 0]], true=100, records=1000)
    assert front["compared"] == 0.9
    assert front["need"][0.95] is None


def test_review_goes_to_the_patterns_with_most_true_pairs_per_question_first():
    patterns = [["sure", 900, 900, 0], ["likely", 60, 57, 3], ["doubtful", 200, 40, 0]]
    front = frontier(patterns, true=1000, records=10_000)
    assert front["definite"] == 0.9
    # 0.95 needs 50 more true pairs: the likely pattern (57 true in 60 pairs) is enough.
    assert front["need"][0.95] == 100 * 60 / 10_000
    # 0.99 needs the doubtful pattern too, and reaches 997 of 1000.
    assert front["need"][0.99] == 100 * 260 / 10_000


def test_a_few_strangers_fit_in_the_precision_allowed():
    # 2 strangers among 2,000 pairs of one pattern keep precision at 0.999.
    patterns = [["p", 2000, 1998, 0], ["q", 10, 5, 0]]
    front = frontier(patterns, true=2003, records=5000)
    assert front["definite"] == 1998 / 2003
