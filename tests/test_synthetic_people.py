"""The synthetic population the demo and the benchmarks are drawn from."""

from __future__ import annotations

from collections import defaultdict

from vcs_excel.synthetic.people import generate_population


def test_households_are_shaped_like_real_ones():
    homes = defaultdict(list)
    for p in generate_population(20_000, seed=5):
        homes[p.household_id].append(p)
    twins = juniors = 0
    for members in homes.values():
        children = [p for p in members if p.role in ("child", "twin", "junior")]
        # No two children of one home share a first name or two forms of one (Elizabeth
        # and Liz): parents tell their children apart.
        for i, x in enumerate(children):
            for y in children[i + 1 :]:
                assert x.first_name != y.first_name
                assert x.first_name not in y.nicknames and y.first_name not in x.nicknames
                assert not set(x.nicknames) & set(y.nicknames)
        for p in members:
            if p.role == "twin":
                twins += 1
                assert any(q.dob == p.dob and q is not p for q in children)
            if p.role == "junior":
                juniors += 1
                assert members[0].first_name == p.first_name and members[0].sex == "M"
    assert twins > 50 and juniors > 100


def test_every_household_has_a_home_of_its_own():
    homes = defaultdict(set)
    postcodes = defaultdict(set)
    for p in generate_population(20_000, seed=5):
        homes[(p.house_number, p.flat, p.street, p.locality)].add(p.household_id)
        postcodes[(p.street, p.locality, int(p.house_number) // 20)].add(p.postcode)
    assert all(len(h) == 1 for h in homes.values())
    # Neighbours on one stretch of a street share a postcode.
    assert all(len(p) == 1 for p in postcodes.values())
    assert max(len(h) for h in homes.values()) == 1 and len(homes) > 8_000


def test_surnames_have_a_long_tail_as_in_a_real_city():
    from collections import Counter

    people = generate_population(20_000, seed=5)
    households = {p.household_id: p.last_name for p in people if p.role == "adult"}
    counts = Counter(households.values())
    top_100 = sum(n for _, n in counts.most_common(100))
    # A common name is common (Smith about one in a hundred), but most households have a
    # surname outside the hundred most common, and thousands of surnames are in use.
    assert 0.005 < counts["Smith"] / len(households) < 0.03
    assert top_100 / len(households) < 0.5
    assert len(counts) > 2_000


def test_when_the_nhs_test_range_is_nearly_used_up_people_have_none_without_drawing():
    import numpy as np

    from vcs_excel.synthetic.people import NHS_NEARLY_USED, _Draw

    draw = _Draw(np.random.default_rng(1))
    first = draw.nhs()
    assert first.startswith("999") and len(first) == 10
    draw.used_nhs = set(range(NHS_NEARLY_USED))  # stands in for the numbers given out
    state = draw.rng.bit_generator.state
    assert draw.nhs() == ""
    assert draw.rng.bit_generator.state == state  # nothing drawn
