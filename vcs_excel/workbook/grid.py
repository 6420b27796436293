"""From a block of cells to a table: where the header is, where the data is.

Real lists rarely start in A1. Above the header there may be a title, a date, a
"confidential" line, blank rows, or a row of merged group labels ("Contact
details" over "Phone" and "Email"). Under the header there may be an HXL-style
tag row (``#person+name`` ...). This module finds those rows and builds a
:class:`Table` whose DataFrame index is the Excel row number of every data row,
so any finding can point at the cell a person can click. Both the file-backed
and the live-Excel books use it, so row numbers are computed in one place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .values import ExcelError, column_letter, display_text, to_object_array

# How far down a sheet the header may be found.
HEADER_SCAN_ROWS = 40

_TAG_CELL = re.compile(r"^\s*#[A-Za-z][\w-]*(\s*\+\s*[\w-]+)*\s*$")
_SPACE = re.compile(r"\s+")
_NUMERIC_TEXT = re.compile(r"^[\s\d.,:/£$%+-]*$")
# The label of a row of totals under a list: "Total", "Grand total:", "Totals", "Sum",
# "Count", "Average", "Total clients".
_TOTAL_LABEL = re.compile(
    r"^\s*(grand\s+|sub-?\s*)?(totals?|sum|count|average|mean)\b[\s\w:()-]{0,30}$", re.I
)
# Rows of totals looked for at the foot of a list.
TOTAL_ROWS_MAX = 3
MOST_ROWS = 0.9  # the share of records with some text that makes a list one of text


@dataclass(frozen=True)
class Grid:
    """A rectangular block of normalised cell values read from one sheet.

    ``rows[0][0]`` is the cell at Excel row ``first_row``, column ``first_col``.
    ``merged`` lists merged ranges as inclusive Excel coordinates
    ``(min_row, min_col, max_row, max_col)``.
    """

    rows: Sequence[Sequence[Any]] | np.ndarray
    first_row: int = 1
    first_col: int = 1
    merged: tuple[tuple[int, int, int, int], ...] = ()
    # Each column again as an Arrow string array, when the sheet is all text (a CSV):
    # the checker's string kernels use it as it is.
    text: tuple[Any, ...] | None = None

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        if isinstance(self.rows, np.ndarray):
            return self.rows.shape[1] if self.rows.ndim == 2 else 0
        return max((len(r) for r in self.rows), default=0)

    def array(self) -> np.ndarray:
        """The cells as a 2-D object array (the same object when already one)."""
        return to_object_array(self.rows)


@dataclass(frozen=True)
class Column:
    """One column of a table.

    ``name`` is unique within the table and is the DataFrame column name;
    ``header`` is the header text as written (``None`` when the header cell is
    blank); ``tag`` is the text of the tag-row cell, if the sheet has a tag row.
    """

    name: str
    header: str | None
    letter: str
    index: int
    tag: str | None = None


@dataclass
class Table:
    """A sheet read as a table. ``frame.index`` holds Excel row numbers."""

    sheet: str
    header_row: int | None
    tag_row: int | None
    columns: list[Column]
    frame: pd.DataFrame
    group_row: int | None = None
    # A row under the header (and tag row) that shows how to fill the columns in.
    hint_row: int | None = None
    blank_rows: int = 0
    notes: list[str] = field(default_factory=list)
    # Rows of totals under the data ("Total", then numbers): not records, left out.
    total_rows: list[int] = field(default_factory=list)
    # Arrow copies of columns of plain text, by column name (see Grid.text).
    text: dict[str, Any] = field(default_factory=dict)

    @property
    def data_start_row(self) -> int:
        """The first Excel row below the header (and its tag row and row of hints)."""
        last = self.hint_row or self.tag_row or self.header_row or 0
        return last + 1

    @property
    def has_tags(self) -> bool:
        return self.tag_row is not None

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    def cell_ref(self, row: int, name: str) -> str:
        """The A1 reference of a data cell, e.g. ``"C12"``."""
        return f"{self.column(name).letter}{row}"


def is_tag_cell(value: Any) -> bool:
    """True for text shaped like an HXL hashtag with attributes (``#org+name``)."""
    return isinstance(value, str) and bool(_TAG_CELL.match(value))


def is_tag_row(row: Sequence[Any]) -> bool:
    """A tag row: at least half of its filled cells, and at least one, are hashtags."""
    filled = [v for v in row if v is not None]
    if not filled:
        return False
    tags = sum(1 for v in filled if is_tag_cell(v))
    return tags >= 1 and tags * 2 >= len(filled)


def clean_header(value: Any) -> str | None:
    """Header text with line breaks and runs of spaces folded to one space."""
    if value is None or isinstance(value, ExcelError):
        return None
    text = _SPACE.sub(" ", display_text(value)).strip()
    return text or None


def _fill_merged(rows: list[list[Any]], grid: Grid, last_row: int) -> None:
    """Copy each merged range's value into all its cells, for rows up to ``last_row``.

    Only the header area is filled: a merged cell in the data would otherwise
    turn into invented duplicate values.
    """
    for min_r, min_c, max_r, max_c in grid.merged:
        r0, c0 = min_r - grid.first_row, min_c - grid.first_col
        if r0 < 0 or c0 < 0 or r0 >= len(rows) or r0 > last_row:
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        for r in range(r0, min(max_r - grid.first_row, last_row) + 1):
            for c in range(c0, min(max_c - grid.first_col + 1, len(rows[r]))):
                if rows[r][c] is None:
                    rows[r][c] = value


def _is_texty(value: Any) -> bool:
    if isinstance(value, str) and not isinstance(value, ExcelError):
        return not _NUMERIC_TEXT.match(value)
    return False


def _header_like(row: Sequence[Any], min_width: int) -> bool:
    filled = [v for v in row if v is not None]
    if len(filled) < min_width:
        return False
    texts = [v for v in filled if _is_texty(v)]
    if len(texts) * 10 < len(filled) * 8:
        return False
    # A merged group label repeats across its columns: count each run once.
    runs = [v for i, v in enumerate(filled) if i == 0 or v != filled[i - 1]]
    if len(runs) < 2 and min_width >= 2:
        return False  # one title or note across the sheet's width, merged or repeated
    distinct = len({_SPACE.sub(" ", str(v)).strip().lower() for v in runs})
    return distinct * 10 >= len(runs) * 6 and not is_tag_row(row)


def _has_horizontal_merge(grid: Grid, row_index: int) -> bool:
    excel_row = grid.first_row + row_index
    return any(
        min_r <= excel_row <= max_r and max_c > min_c for min_r, min_c, max_r, max_c in grid.merged
    )


def find_header(grid: Grid) -> tuple[int | None, int | None, int | None]:
    """Locate ``(header, tag, group)`` rows as 0-based indexes into ``grid.rows``.

    * A tag row is the strongest signal: the header is the row just above it
      (or there is no human header if the tags come first).
    * Otherwise the header is the first row in the top of the sheet that is
      mostly distinct text and at least half as wide as the widest row near it:
      a title, a date line or a "produced by" note is narrower than that.
    * When that row carries merged group labels and the next row is header-like
      too, the next row is the header and the first is kept as its group row.
    """
    scan = min(grid.height, HEADER_SCAN_ROWS)
    if scan == 0:
        return None, None, None
    rows = [list(r) for r in grid.rows[: scan + 1]]
    _fill_merged(rows, grid, scan)

    for i in range(scan):
        if is_tag_row(rows[i]):
            header = i - 1 if i > 0 and any(v is not None for v in rows[i - 1]) else None
            group = None
            if header is not None and header > 0 and _has_horizontal_merge(grid, header - 1):
                group = header - 1
            return header, i, group

    window = rows[: min(len(rows), scan + 20)]
    widest = max(sum(v is not None for v in r) for r in window)
    if widest == 0:
        return None, None, None
    # First look for a row nearly as wide as the data (titles, dates and notes above
    # a header are narrower), then settle for one at least half as wide.
    floor = min(2, widest)
    for min_width in (max(floor, -(-widest * 4 // 5)), max(floor, (widest + 1) // 2)):
        for i in range(scan):
            if not _header_like(rows[i], min_width):
                continue
            nxt = i + 1
            if (
                nxt < len(rows)
                and _has_horizontal_merge(grid, i)
                and _header_like(rows[nxt], max(1, min_width // 2))
            ):
                tag = nxt + 1 if nxt + 1 < len(rows) and is_tag_row(rows[nxt + 1]) else None
                return nxt, tag, i
            return _repeated_below(rows, i, scan), None, None
    return None, None, None


# Rows of an example table between its header and the same header again: a worked
# example above the list to fill in (HMRC's Gift Aid schedule). A list of records whose
# header is printed again on each page has many more rows before the repeat.
EXAMPLE_ROWS_MAX = 5


def _first_word(value: Any) -> str | None:
    text = clean_header(value)
    return text.split()[0].lower() if text and _is_texty(value) else None


def _repeated_below(rows: list[list[Any]], header: int, scan: int) -> int:
    """The header row, or the same header again further down when only a short example
    table lies between them: the list is under the last one. Headers match column by
    column on their first words ("Title / up to 4 characters" above "Title")."""
    first = [_first_word(v) for v in rows[header]]
    named = [k for k, w in enumerate(first) if w]
    if len(named) < 3:
        return header
    width = len(named)
    examples = 0
    for j in range(header + 1, scan):
        row = rows[j]
        same = sum(1 for k in named if k < len(row) and _first_word(row[k]) == first[k])
        if same * 10 >= width * 6 and same >= 3:
            return _repeated_below(rows, j, scan)
        if len({str(v) for v in row if v is not None}) * 2 >= width:  # notes are merged
            examples += 1
            if examples > EXAMPLE_ROWS_MAX:
                break
    return header


def _unique_names(names: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    taken = {n.lower() for n in names}
    out = []
    for name in names:
        key = name.lower()
        seen[key] += 1
        if seen[key] == 1:
            out.append(name)
            continue
        n = seen[key]
        candidate = f"{name} ({n})"
        while candidate.lower() in taken:
            n += 1
            candidate = f"{name} ({n})"
        taken.add(candidate.lower())
        out.append(candidate)
    return out


def table_from_grid(sheet: str, grid: Grid, header_row: int | None = None) -> Table:
    """Build a :class:`Table` from a grid.

    ``header_row`` (an Excel row number) overrides detection when given.
    """
    notes: list[str] = []
    if header_row is not None:
        h = header_row - grid.first_row
        if not 0 <= h < grid.height:
            from ..errors import BadInputError

            raise BadInputError(f"Sheet '{sheet}' has no row {header_row} to use as the header.")
        t = h + 1 if h + 1 < grid.height and is_tag_row(grid.rows[h + 1]) else None
        g = None
    else:
        h, t, g = find_header(grid)

    header_cells: list[Any] = []
    group_cells: list[Any] = []
    if h is not None or g is not None:
        top = [list(r) for r in grid.rows[: (h if h is not None else 0) + 1]]
        _fill_merged(top, grid, len(top) - 1)
        header_cells = top[h] if h is not None else []
        group_cells = top[g] if g is not None else []
    tag_cells = list(grid.rows[t]) if t is not None else []

    body_start = max(x for x in (h, t, g, -1) if x is not None) + 1
    hint = None
    if h is not None and body_start < grid.height and _is_hint_row(grid.rows[body_start]):
        hint = body_start
        notes.append(
            f"Row {grid.first_row + body_start} shows how to fill the columns in "
            "('(DD/MM/YY)', 'e.g. LS6 1AB'), not a record: left out of the data."
        )
        body_start += 1
    arr = grid.array()[body_start:]
    width = arr.shape[1] if arr.ndim == 2 else 0
    body = arr

    # Keep a column if it has a header, a tag or any data: never drop data.
    keep: list[int] = []
    filled = np.not_equal(arr, None)
    col_has_data = filled.any(axis=0) if len(body) else np.zeros(width, dtype=bool)
    for c in range(width):
        head = header_cells[c] if c < len(header_cells) else None
        tag = tag_cells[c] if c < len(tag_cells) else None
        if head is not None or tag is not None or col_has_data[c]:
            keep.append(c)

    raw_names: list[str] = []
    headers: list[str | None] = []
    for c in keep:
        head = clean_header(header_cells[c] if c < len(header_cells) else None)
        headers.append(head)
        letter = column_letter(grid.first_col + c)
        raw_names.append(head if head is not None else f"Column {letter}")

    if g is not None:
        counts = Counter(n.lower() for n in raw_names)
        for k, c in enumerate(keep):
            group = clean_header(group_cells[c] if c < len(group_cells) else None)
            if counts[raw_names[k].lower()] > 1 and group and group != raw_names[k]:
                raw_names[k] = f"{group} {raw_names[k]}"
    names = _unique_names(raw_names)

    columns = []
    for k, c in enumerate(keep):
        tag = tag_cells[c] if c < len(tag_cells) else None
        columns.append(
            Column(
                name=names[k],
                header=headers[k],
                letter=column_letter(grid.first_col + c),
                index=grid.first_col + c,
                tag=clean_header(tag),
            )
        )

    text: dict[str, Any] = {}
    row_numbers = np.arange(len(body)) + grid.first_row + body_start
    if len(body):
        non_blank = filled[:, keep].any(axis=1) if keep else np.zeros(len(body), dtype=bool)
        if not keep:
            data = np.empty((int(non_blank.sum()), 0), object)
        elif non_blank.all() and keep == list(range(width)):
            data = arr  # the common case: nothing to drop, so nothing to copy
            if grid.text is not None and len(grid.text) == width:
                text = {n: grid.text[k].slice(body_start) for k, n in enumerate(names)}
        else:
            data = arr[non_blank][:, keep]
        index = row_numbers[non_blank]
        numbered = _numbered_blank_rows(data) if len(keep) >= 2 else 0
        if numbered:
            first, last = int(index[len(index) - numbered]), int(index[-1])
            data, index = data[: len(data) - numbered], index[: len(index) - numbered]
            non_blank = non_blank & (row_numbers <= (index[-1] if len(index) else 0))
            notes.append(
                f"Rows {first} to {last} hold only a running number (or a note under "
                "them), the blank lines of a form: left out of the data."
            )
        totals = _total_rows(data, index)
        dropped: list[int] = []
        if totals:
            dropped = [int(r) for r in index[len(index) - totals :]]
            data, index = data[: len(data) - totals], index[: len(index) - totals]
            non_blank = non_blank & (row_numbers <= (index[-1] if len(index) else 0))
            rows = ", ".join(str(r) for r in dropped)
            notes.append(
                f"Row{'s' if totals > 1 else ''} {rows} look{'' if totals > 1 else 's'} like "
                "totals, not a record: left out of the data (the sheet is not changed)."
            )
        blank_rows = int((~non_blank).sum())
        # Blank rows after the last data row are only the sheet's used range, not gaps.
        if non_blank.any():
            last = int(np.flatnonzero(non_blank)[-1])
            blank_rows -= len(body) - 1 - last
        else:
            blank_rows = 0
    else:
        data = np.empty((0, len(keep)), dtype=object)
        index = np.array([], dtype=int)
        blank_rows = 0
        dropped = []

    if text and len(data) < len(body):  # rows left out at the foot
        text = {n: a.slice(0, len(data)) for n, a in text.items()}
    # One block of objects, as read (no copy); names are unique.
    frame = pd.DataFrame(np.asarray(data, dtype=object), columns=names, copy=False)
    frame.index = pd.Index(index.astype(np.int64), name="excel_row")

    def excel(i: int | None) -> int | None:
        return None if i is None else grid.first_row + i

    if h is None and t is None:
        notes.append("No header row found: columns are named by their letters.")
    elif h is not None and grid.first_row + h > 1:
        notes.append(f"Header found on row {grid.first_row + h}.")
    if blank_rows:
        notes.append(f"{blank_rows} blank row(s) inside the data were skipped.")

    return Table(
        sheet=sheet,
        header_row=excel(h),
        tag_row=excel(t),
        group_row=excel(g),
        hint_row=excel(hint),
        columns=columns,
        frame=frame,
        blank_rows=blank_rows,
        notes=notes,
        total_rows=dropped,
        text=text,
    )


_HINT = re.compile(r"^(?:\(.*\)|(?:e\.?g\.?|for example|example)\b.*)$", re.IGNORECASE | re.DOTALL)


def _is_hint_row(row: Sequence[Any]) -> bool:
    """A row under the header saying how to fill the columns in: "(DD/MM/YY)",
    "(Yes/blank)", "e.g. LS6 1AB": every filled cell a hint, at least two of them."""
    filled = [v for v in row if not is_blank_value(v)]
    return len(filled) >= 2 and all(_is_texty(v) and _HINT.match(v.strip()) for v in filled)


# Rows at the foot holding only a running number (1, 2, 3... in the first column): the
# blank lines of a form numbered in advance, not records. Five at least.
NUMBERED_BLANK_MIN = 5


def _is_note(row: np.ndarray) -> bool:
    """A row holding one sentence and nothing else ("Stop! If you try to enter more
    than 1,000 rows...")."""
    filled = [v for v in row if not is_blank_value(v)]
    return len(filled) == 1 and _is_texty(filled[0]) and len(filled[0].split()) >= 5


def _numbered_blank_rows(data: np.ndarray) -> int:
    """How many rows at the foot of ``data`` hold nothing but a number one more than the
    row above's in the first column (with up to three notes under them)."""
    notes = 0
    while notes < min(3, len(data)) and _is_note(data[len(data) - 1 - notes]):
        notes += 1
    count, below = 0, None
    for row in data[len(data) - 1 - notes :: -1]:
        filled = [k for k, v in enumerate(row) if not is_blank_value(v)]
        if filled != [0]:  # a running number is the first column's
            break
        value = row[filled[0]]
        try:
            number = float(str(value).strip())
        except ValueError:
            break
        if not np.isfinite(number) or number != int(number):
            break
        if below is not None and number != below - 1:
            break
        below = number
        count += 1
    return count + notes if count >= NUMBERED_BLANK_MIN else 0


_A_NUMBER = re.compile(r"^\s*[-+]?[£$€]?\d[\d,]*(\.\d+)?%?\s*$")


def _is_number(value: Any) -> bool:
    """A number, or text of one as a CSV file holds it ("1,250", "£35.50", "12%")."""
    if isinstance(value, str):
        return bool(_A_NUMBER.match(value))
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def _total_kind(row: np.ndarray) -> str | None:
    """ "label": a label such as "Total" first and only numbers after it; "numbers":
    numbers alone; None: neither."""
    filled = [v for v in row if v is not None and not (isinstance(v, str) and not v.strip())]
    if not filled:
        return None
    first, rest = filled[0], filled[1:]
    if isinstance(first, str) and _TOTAL_LABEL.match(first):
        return "label" if all(_is_number(v) for v in rest) else None
    return "numbers" if all(_is_number(v) for v in filled) else None


def _total_rows(data: np.ndarray, index: np.ndarray) -> int:
    """How many rows at the foot of the data are totals, not records.

    A row labelled "Total" (or "Grand total", "Sum", "Count", "Average") with only
    numbers after the label is one. So is a row of numbers alone below a blank row or
    below another row of totals, in a list whose records nearly all have some text (a
    name, an address): a record there would have text too, so such a row is sums typed
    under the columns. In a list of numbers alone, it may be a record, and is kept."""
    n = len(data)
    if data.ndim != 2 or n < 2 or not data.shape[1]:
        return 0
    first = max(n - TOTAL_ROWS_MAX, 1)
    kinds = [_total_kind(data[k]) for k in range(first, n)]
    if not any(kinds) or kinds[-1] is None:
        return 0
    has_text = np.frompyfunc(
        lambda v: isinstance(v, str) and bool(v.strip()) and not _is_number(v), 1, 1
    )
    texty = bool(np.mean(has_text(data[:first]).astype(bool).any(axis=1)) >= MOST_ROWS)
    for start in range(first, n):
        kind = kinds[start - first]
        opens = kind == "label" or (
            kind == "numbers" and texty and index[start] - index[start - 1] > 1
        )
        rest = kinds[start - first + 1 :]
        if opens and all(k == "label" or (k == "numbers" and texty) for k in rest):
            return n - start
    return 0


def is_blank_value(value: Any) -> bool:
    """True for a cell a person would call empty (including whitespace-only text)."""
    return value is None or (isinstance(value, str) and not value.strip())


__all__ = [
    "HEADER_SCAN_ROWS",
    "Column",
    "Grid",
    "Table",
    "clean_header",
    "find_header",
    "is_blank_value",
    "is_tag_cell",
    "is_tag_row",
    "table_from_grid",
]
