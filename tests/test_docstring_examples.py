"""The examples in the package's docstrings are what the code does (a stale example
misleads whoever reads it)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import vcs_excel

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(vcs_excel.__path__, "vcs_excel.")
    if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, report=False)
    assert result.failed == 0, f"{result.failed} example(s) in {name} do not hold"
