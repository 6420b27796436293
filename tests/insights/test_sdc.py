"""Disclosure control: nothing small is published and nothing suppressed can be worked out."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linprog

from vcs_excel.insights.sdc import bridges, protect, protect_share, with_totals


def _range_of(protected, cell, published):
    """Smallest and largest value a suppressed cell can take, given every published
    cell and total of the table (and that counts are never negative)."""
    counts = protected.counts
    rows, cols = counts.shape
    unknown = list(zip(*np.nonzero(protected.suppressed), strict=True))
    index = {c: k for k, c in enumerate(unknown)}

    def term(i, j):
        return (index[(i, j)], 0.0) if (i, j) in index else (None, float(published[i, j]))

    a_eq, b_eq = [], []
    for lines in (
        [[(i, j) for j in range(cols - 1)] + [(i, cols - 1)] for i in range(rows)],
        [[(i, j) for i in range(rows - 1)] + [(rows - 1, j)] for j in range(cols)],
    ):
        for line in lines:
            row, rhs = np.zeros(len(unknown)), 0.0
            for n, (i, j) in enumerate(line):
                sign = -1.0 if n == len(line) - 1 else 1.0
                k, known = term(i, j)
                if k is None:
                    rhs -= sign * known
                else:
                    row[k] += sign
            a_eq.append(row)
            b_eq.append(rhs)
    target = np.zeros(len(unknown))
    target[index[cell]] = 1.0
    low = linprog(target, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    high = linprog(-target, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    assert low.status == 0 and high.status in (0, 3)  # 3: no upper bound at all
    return low.fun, (np.inf if high.status == 3 else -high.fun)


def _assert_safe(protected):
    counts, published = protected.counts, protected.published
    shown = ~np.isnan(published)
    # No published count of people is below the threshold (zeros are no one).
    small = (counts > 0) & (counts < protected.threshold)
    assert not (shown & small).any()
    # No suppressed cell can be worked out from what is published.
    for cell in zip(*np.nonzero(protected.suppressed), strict=True):
        low, high = _range_of(protected, cell, counts)
        assert high - low >= 1 - 1e-6, f"cell {cell} is pinned to {low}..{high}"
    assert bridges(protected.suppressed) == []


tables = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda cols: arrays(
            np.int64,
            (rows, cols),
            elements=st.one_of(st.integers(0, 12), st.integers(0, 200)),
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(tables, st.integers(3, 12))
def test_no_suppressed_cell_can_be_recovered_from_the_totals(table, threshold):
    _assert_safe(protect(table, threshold))


@settings(max_examples=150, deadline=None)
@given(tables, st.integers(3, 12), st.data())
def test_shares_hide_small_counts_on_either_side(whole, threshold, data):
    part = data.draw(arrays(np.int64, whole.shape, elements=st.integers(0, 200)))
    part = np.minimum(part, whole)
    protected = protect_share(part, whole, threshold)
    _assert_safe(protected)
    rest = with_totals(whole) - protected.counts
    shown = ~np.isnan(protected.published)
    assert not (shown & (rest > 0) & (rest < threshold) & (protected.counts > 0)).any()


def test_one_small_cell_takes_a_second_cell_in_its_row_and_column_with_it():
    table = np.array([[3, 40, 50], [20, 30, 60], [25, 35, 45]])
    p = protect(table, threshold=10)
    assert p.primary[0, 0]
    assert p.suppressed[0].sum() >= 2 and p.suppressed[:, 0].sum() >= 2
    # The smallest cells are chosen, not the totals.
    assert not p.suppressed[-1].any() and not p.suppressed[:, -1].any()
    assert p.cell(0, 0) == "[c]" and p.cell(3, 3) == table.sum()


def test_a_one_way_table_never_shows_a_lone_suppressed_count():
    p = protect(np.array([[120], [4], [300]]), threshold=10)
    assert p.suppressed[1, 0] and p.suppressed[:, 0].sum() >= 2
    assert p.cell(3, 0) == 424 or p.suppressed[3, 0]


@pytest.mark.parametrize("base", [5])
def test_rounding_to_base_five(base):
    p = protect(np.array([[12, 33], [48, 101]]), threshold=10, rounding=base)
    shown = p.published[~np.isnan(p.published)]
    assert (shown % base == 0).all()
    assert p.cell(0, 0) == 10 and p.cell(1, 1) == 100


def test_bulk_email_and_mobile_tests_agree_with_the_normalisers():
    from vcs_excel.checks.fast import uk_mobiles, valid_emails
    from vcs_excel.clean import normalise_email, normalise_phone

    emails = np.array(["a@b.com", "x@aa--b.org", "not an email", "Jo.Bloggs@Example.co.uk",
                       "", "o'neil@mail.net", "a@b", 12], dtype=object)  # fmt: skip
    assert valid_emails(emails).tolist() == [normalise_email(str(e)).valid for e in emails]
    phones = np.array(["07700 900123", "+44 7700 900456", "0113 496 0000", "(0161) 496 0000",
                       "7700900123", "+33 6 12 34 56 78", "phone me", "07624 123456",
                       "0044 7911 123456"], dtype=object)  # fmt: skip
    assert uk_mobiles(phones).tolist() == [bool(normalise_phone(p).mobile) for p in phones]
