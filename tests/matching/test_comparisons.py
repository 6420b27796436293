"""Comparisons are declared with named levels, and no code asks for a level by number."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vcs_excel.matching import comparisons
from vcs_excel.matching.comparisons import COMPARISONS, MISSING, Levels, code
from vcs_excel.matching.score import M_START, U_START

MATCHING = Path(comparisons.__file__).parent
FIELDS = ("given", "family", "dob", "postcode", "house", "street", "nhs", "id", "phone", "email",
          "age", "sex")  # fmt: skip


def test_every_comparison_starts_at_different_and_its_shares_add_up():
    for comparison in COMPARISONS.values():
        assert comparison.names[0] == "different"
        assert comparison.m_start().sum() == pytest.approx(1, abs=0.01), comparison.field
        assert comparison.u_start().sum() == pytest.approx(1, abs=0.01), comparison.field
        assert len(set(comparison.names)) == len(comparison.names)


def test_the_model_starts_from_the_declared_levels():
    assert list(M_START["dob"]) == [lv.m for lv in COMPARISONS["dob"].levels]
    assert list(U_START["postcode"]) == [lv.u for lv in COMPARISONS["postcode"].levels]


def test_levels_are_asked_for_by_name():
    v = Levels(pd.DataFrame({"given": [code("given", "same"), code("given", "nickname"),
                                       code("given", "initial"), MISSING]}))  # fmt: skip
    assert v.given.is_("same").tolist() == [True, False, False, False]
    assert v.given.at_least("nickname").tolist() == [True, True, False, False]
    assert v.given.below("close_spelling").tolist() == [False, False, True, False]
    assert v.given.missing.tolist() == [False, False, False, True]
    # A field the pairs were not compared on says nothing.
    assert v.email.missing.all()
    with pytest.raises(KeyError, match="no level 'typo'"):
        v.given.is_("typo")


def _integer_level_tests(path: Path) -> list[str]:
    """Comparisons of a comparison-vector field with a literal number, as in
    ``dob == 3`` or ``scored["given"].to_numpy() >= 2``."""
    found = []
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        names = {n.id for s in sides for n in ast.walk(s) if isinstance(n, ast.Name)}
        texts = {n.value for s in sides for n in ast.walk(s) if isinstance(n, ast.Constant)}
        numbers = [c for c in texts if isinstance(c, int) and not isinstance(c, bool)]
        if numbers and (names | {t for t in texts if isinstance(t, str)}) & set(FIELDS):
            found.append(f"{path.name}:{node.lineno}")
    return found


@pytest.mark.parametrize("module", ["decide.py", "explain.py", "compare.py", "cluster.py"])
def test_no_code_tests_a_level_by_its_number(module):
    assert _integer_level_tests(MATCHING / module) == []


def test_the_check_finds_a_level_tested_by_number(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(scored, dob):\n    return (dob == 3) | (scored['given'] >= 2)\n")
    assert len(_integer_level_tests(bad)) == 2


def test_a_level_inserted_into_a_comparison_keeps_decisions_by_name():
    """Asking by name means a new level does not shift the meaning of the others."""
    dob = COMPARISONS["dob"]
    assert dob.code("same") == dob.top
    codes = np.array([dob.code("same"), dob.code("day_month_swapped")])
    assert Levels(pd.DataFrame({"dob": codes})).dob.at_least("day_month_swapped").all()
