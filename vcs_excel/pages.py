"""The documentation pages generated from data: ``python -m vcs_excel.pages`` rewrites them.

A test fails when a committed page differs from what its source generates.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .checks import docs as checks_docs
from .matching import docs as matching_docs
from .standard import docs as standard_docs

PAGES: dict[Path, Callable[[], str]] = {
    standard_docs.DOCS_PAGE: standard_docs.markdown,
    checks_docs.DOCS_PAGE: checks_docs.markdown,
    matching_docs.DOCS_PAGE: matching_docs.markdown,
}


def write_pages() -> list[Path]:
    for path, make in PAGES.items():
        path.write_text(make(), "utf-8")
    return list(PAGES)


if __name__ == "__main__":  # pragma: no cover
    for written in write_pages():
        print(f"Written {written}")
