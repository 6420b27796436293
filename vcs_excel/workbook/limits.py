"""Limits on what a file may hold before vcs-excel reads it, and the checks that keep
hostile files out: a zip "bomb" (a small .xlsx whose parts expand to gigabytes), an XML
document type declaration (which could make a reader fetch other files), and files
too big for Excel itself.

Each limit has a default that a real list stays well inside (a sheet of a million rows
is about 550 MB of XML, compressed about 12 to 1) and can be changed with an
environment variable, for a council with bigger files:

==========================  ===============================================  =========
environment variable        limit                                            default
==========================  ===============================================  =========
``VCS_EXCEL_MAX_PART_MB``   the largest part of an .xlsx, uncompressed (MB)  2000
``VCS_EXCEL_MAX_RATIO``     how many times a large part may expand           200
``VCS_EXCEL_MAX_ROWS``      rows in one sheet or CSV file                    5000000
``VCS_EXCEL_MAX_COLUMNS``   columns in one sheet                             16384
``VCS_EXCEL_MAX_CELL``      characters in one cell                           32767
==========================  ===============================================  =========
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass

from ..errors import BadInputError

__all__ = ["ReadLimits", "check_package", "check_size"]

# A part smaller than this is never a bomb, however well it compresses.
_SMALL = 20 * 1024 * 1024


def _env(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadInputError(f"{name} must be a whole number, not {value!r}.") from None
    if number <= 0:
        raise BadInputError(f"{name} must be more than 0.")
    return number


@dataclass(frozen=True)
class ReadLimits:
    max_part_mb: int = 2000
    max_ratio: int = 200
    max_rows: int = 5_000_000
    max_columns: int = 16_384  # Excel's own
    max_cell: int = 32_767  # Excel's own

    @classmethod
    def from_env(cls) -> ReadLimits:
        d = cls()
        return cls(
            _env("VCS_EXCEL_MAX_PART_MB", d.max_part_mb),
            _env("VCS_EXCEL_MAX_RATIO", d.max_ratio),
            _env("VCS_EXCEL_MAX_ROWS", d.max_rows),
            _env("VCS_EXCEL_MAX_COLUMNS", d.max_columns),
            _env("VCS_EXCEL_MAX_CELL", d.max_cell),
        )


def check_package(zf: zipfile.ZipFile, name: str, limits: ReadLimits) -> None:
    """Refuse a workbook package before any part of it is parsed: a part too big, or
    expanding far more than real workbooks do, or XML with a document type declaration
    (Excel never writes one; its entities could point at other files)."""
    for info in zf.infolist():
        size_mb = info.file_size / (1024 * 1024)
        if size_mb > limits.max_part_mb:
            raise BadInputError(
                f"{name} was not read: its part {info.filename} would take {size_mb:,.0f} MB "
                f"unpacked, more than the limit of {limits.max_part_mb:,} MB "
                "(VCS_EXCEL_MAX_PART_MB). Split the list, or raise the limit if you trust it."
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _SMALL and ratio > limits.max_ratio:
            raise BadInputError(
                f"{name} was not read: its part {info.filename} would expand {ratio:,.0f} "
                f"times when unpacked (real workbooks expand about 10 times; the limit is "
                f"{limits.max_ratio}, VCS_EXCEL_MAX_RATIO). It may be built to exhaust the "
                "computer; do not open it in Excel either."
            )
    for info in zf.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            with zf.open(info) as fh:
                head = fh.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise BadInputError(
                    f"{name} was not read: its part {info.filename} has an XML document "
                    "type declaration, which Excel never writes (it can make a reader open "
                    "other files). Open the file in Excel, save it as a new .xlsx, and try "
                    "that."
                )


def check_size(name: str, rows: int, columns: int, limits: ReadLimits) -> None:
    """Refuse a sheet with more rows or columns than the limits."""
    if rows > limits.max_rows:
        raise BadInputError(
            f"{name} has {rows:,} rows, more than the limit of {limits.max_rows:,} "
            "(VCS_EXCEL_MAX_ROWS). Split the list into smaller files."
        )
    if columns > limits.max_columns:
        raise BadInputError(
            f"{name} has {columns:,} columns, more than the limit of {limits.max_columns:,} "
            "(VCS_EXCEL_MAX_COLUMNS)."
        )


def longest_cell(name: str, length: int, limits: ReadLimits) -> None:
    if length > limits.max_cell:
        raise BadInputError(
            f"{name} has a cell of {length:,} characters, more than the {limits.max_cell:,} "
            "Excel can hold (VCS_EXCEL_MAX_CELL). Shorten it, or split it over several cells."
        )
