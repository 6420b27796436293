from __future__ import annotations

from pathlib import Path

import pytest

from vcs_excel.template.build import DEFAULT_OUT, build_template, load_sources

COMMITTED = DEFAULT_OUT


@pytest.fixture(scope="session")
def sources():
    return load_sources()


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory) -> Path:
    return build_template(tmp_path_factory.mktemp("template") / "vcs-excel.xlsm")
