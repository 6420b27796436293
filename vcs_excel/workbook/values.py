"""Cell values as the tool sees them, whichever reader produced them.

Every reader (calamine, openpyxl, xlwings, csv) hands its raw values to
:func:`normalise_cell`, so a table looks the same whether it came from a file or
from live Excel:

* blank cells and empty text are ``None``;
* whole numbers are ``int`` (Excel stores every number as a float);
* real dates are ``datetime.date`` (or ``datetime.datetime`` when they carry a
  time), text that merely looks like a date stays text, and Excel serial numbers
  in number-formatted cells stay numbers: turning those into dates needs to know
  the column's meaning, which is the job of the normalisers;
* Excel error values (``#N/A``, ``#REF!`` ...) are :class:`ExcelError`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

EXCEL_ERRORS = (
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#UNKNOWN!",
    "#BUSY!",
)
_ERROR_SET = frozenset(EXCEL_ERRORS)

# Excel's day zero for the 1900 date system, allowing for its fictitious 29 Feb 1900.
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)

FORMULA_PREFIXES = ("=", "+", "-", "@")


class ExcelError(str):
    """An Excel error value such as ``#N/A``: text that is not data.

    It is a ``str`` so that it prints and compares like what a person sees in the
    cell, while ``isinstance(value, ExcelError)`` tells it apart from real text.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"ExcelError({str(self)!r})"


def is_excel_error_text(text: str) -> bool:
    """True when ``text`` is exactly one of Excel's error values."""
    return text in _ERROR_SET


def normalise_cell(value: Any) -> Any:
    """Return the tool's form of one raw cell value (see the module docstring)."""
    if value is None:
        return None
    if isinstance(value, ExcelError):
        return value
    if isinstance(value, str):
        return value if value != "" else None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return value
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date | dt.time | dt.timedelta | int):
        return value
    return value


def to_object_array(rows: Sequence[Sequence[Any]] | np.ndarray) -> np.ndarray:
    """A rectangular 2-D object array of the rows (short rows padded with ``None``)."""
    if isinstance(rows, np.ndarray) and rows.ndim == 2:
        return rows
    height = len(rows)
    width = max((len(r) for r in rows), default=0)
    arr = np.empty((height, width), dtype=object)
    if height and all(len(r) == width for r in rows):
        arr[:, :] = rows
    else:
        for i, r in enumerate(rows):
            arr[i, : len(r)] = r
    return arr


_type = np.frompyfunc(type, 1, 1)


def normalise_array(arr: np.ndarray) -> np.ndarray:
    """:func:`normalise_cell` over a whole 2-D object array, in place and in bulk.

    The common cases (empty text, whole-number floats) are done with array
    operations; anything rarer goes through :func:`normalise_cell`.
    """
    if arr.size == 0:
        return arr
    kinds = _type(arr)
    # Elementwise type tests over the array (not Python type comparisons).
    is_str, is_float = np.equal(kinds, str), np.equal(kinds, float)
    arr[is_str & np.equal(arr, "")] = None
    floats = np.flatnonzero(is_float)
    if floats.size:
        flat = arr.reshape(-1)
        values = flat[floats].astype(np.float64)
        finite = np.isfinite(values)
        whole = finite & (np.mod(values, 1.0) == 0) & (np.abs(values) < 2**53)
        flat[floats[whole]] = values[whole].astype(np.int64).tolist()
        flat[floats[~finite]] = None
    rare = ~np.isin(kinds, (str, float, int, bool, type(None), dt.date, dt.datetime))
    for i, j in zip(*np.nonzero(rare), strict=True):
        arr[i, j] = normalise_cell(arr[i, j])
    return arr


def excel_serial_to_datetime(serial: float) -> dt.datetime:
    """Convert an Excel serial day number (1900 date system) to a datetime.

    >>> excel_serial_to_datetime(18295)
    datetime.datetime(1950, 2, 1, 0, 0)
    """
    if serial < 61:
        # Excel counts a 29 Feb 1900 that never existed; serials before it are one day off.
        serial += 1
    return _EXCEL_EPOCH + dt.timedelta(days=float(serial))


def column_letter(index: int) -> str:
    """Excel column letters for a 1-based column number (1 -> A, 28 -> AB)."""
    if index < 1:
        raise ValueError("column numbers start at 1")
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """The 1-based column number for Excel column letters (A -> 1, AB -> 28)."""
    total = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise ValueError(f"not a column letter: {letters!r}")
        total = total * 26 + ord(ch) - 64
    return total


_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def parse_cell_ref(ref: str) -> tuple[int, int]:
    """``"C12"`` -> ``(12, 3)`` (row, column), both 1-based."""
    match = _CELL_REF.match(ref.strip())
    if not match:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(match.group(2)), column_index(match.group(1))


def looks_like_formula(text: Any) -> bool:
    """True for text that Excel or another program could run as a formula."""
    return isinstance(text, str) and text.startswith(FORMULA_PREFIXES)


def csv_safe(value: Any) -> Any:
    """A value for a CSV file: text that Excel would run as a formula gets a leading '."""
    return "'" + value if looks_like_formula(value) else value


def display_text(value: Any) -> str:
    """The value as a person would read it in a cell, for messages and matching."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        # As Excel shows a whole number in a cell: 15, not 15.0.
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)
