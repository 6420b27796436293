"""The user tasks. Each is one function over a :class:`~vcs_excel.workbook.Book`.

The Excel ribbon (``vcs_excel.excel.run``), the ``vcs-excel`` command line and
the Python API all dispatch through :func:`run_task`, so a task behaves the same
from each of them. A task reads the book, computes, and hands its results back
to the book (new tabs, cell marks); :func:`run_task` commits them only when the
task has finished without error.

>>> from vcs_excel.workbook import FileBook                      # doctest: +SKIP
>>> book = FileBook.open("lists.xlsx", out="lists_described.xlsx")  # doctest: +SKIP
>>> run_task("inspect", book).summary                            # doctest: +SKIP
'3 sheets read: ...'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import BadInputError, UnknownTaskError
from .workbook import Book, CellLink, SheetSpec, Table


@dataclass
class TaskResult:
    """What a task did: a summary for people, counts and details for programs.

    ``problems`` counts findings that need a person's attention; the command
    line exits with 1 when it is not zero.
    """

    task: str
    summary: str
    problems: int = 0
    sheets: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    # A task whose JSON has a documented shape of its own (check) sets it here.
    payload: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        if self.payload is not None:
            return self.payload
        data = asdict(self)
        data.pop("payload")
        return data


@dataclass(frozen=True)
class Option:
    """A setting of one task, offered as ``--name`` on the command line."""

    name: str
    help: str
    type: type = str
    default: Any = None
    flag: bool = False


@dataclass(frozen=True)
class Task:
    """A registered task: its name, its ribbon label, help text and function.

    ``in_place`` tasks change the workbook itself (inserting a tag row, remembering
    review decisions), when their ``in_place_option`` is set if they have one; the
    others write result tabs, which the command line saves only to ``--out``.
    """

    name: str
    title: str
    help: str
    func: Callable[..., TaskResult]
    options: tuple[Option, ...] = ()
    in_place: bool = False
    order: int = 100
    needs_out: bool = False
    in_demo: bool = True
    in_place_option: str | None = None

    def changes_workbook(self, options: dict[str, Any]) -> bool:
        """Whether a run with these options saves into the workbook itself."""
        if not self.in_place:
            return False
        return self.in_place_option is None or bool(options.get(self.in_place_option))


REGISTRY: dict[str, Task] = {}

# Tasks the ribbon already has a button for, with the name they will have.
# Pressing one before it exists says "coming soon" rather than failing.
PLANNED: dict[str, str] = {}


def task(
    name: str,
    title: str,
    help: str,
    *,
    options: Sequence[Option] = (),
    in_place: bool = False,
    order: int = 100,
    needs_out: bool = False,
    in_demo: bool = True,
    in_place_option: str | None = None,
) -> Callable[[Callable[..., TaskResult]], Callable[..., TaskResult]]:
    """Register a function as a task (a ribbon button and a CLI command)."""

    def register(func: Callable[..., TaskResult]) -> Callable[..., TaskResult]:
        if name in REGISTRY:
            raise ValueError(f"task {name!r} registered twice")
        REGISTRY[name] = Task(
            name,
            title,
            help,
            func,
            tuple(options),
            in_place,
            order,
            needs_out,
            in_demo,
            in_place_option,
        )
        return func

    return register


def tasks() -> list[Task]:
    """All tasks, in the order they are run by the demo and shown in help."""
    return sorted(REGISTRY.values(), key=lambda t: (t.order, t.name))


def get_task(name: str) -> Task:
    try:
        return REGISTRY[name]
    except KeyError:
        title = PLANNED.get(name, name)
        raise UnknownTaskError(
            f"{title} is coming soon: this version of vcs-excel cannot do it yet."
        ) from None


def is_known(name: str) -> bool:
    """True for a task that exists or is planned (so a button may name it)."""
    return name in REGISTRY or name in PLANNED


def run_task(name: str, book: Book, *, commit: bool = True, **options: Any) -> TaskResult:
    """Run one task over ``book`` and, if it succeeds, commit its changes."""
    result = get_task(name).func(book, **options)
    if commit:
        book.commit()
    return result


OPTIONS_SHEET = "Options"
OPTIONS_KEY_COLUMN = 4  # column D of the Options sheet: the option's name (E: its tasks)


def workbook_options(book: Book, name: str) -> dict[str, Any]:
    """The options of task ``name`` filled in on the workbook's Options sheet (the
    template's way for a ribbon button to know the directory file, your organisation
    or what to find). Blank cells give nothing; a value that is not what the option
    takes is refused with the option's label."""
    task = get_task(name)
    if not task.options or OPTIONS_SHEET not in book.sheet_names():
        return {}
    wanted = {o.name: o for o in task.options}
    found: dict[str, Any] = {}
    for row in book.read_grid(OPTIONS_SHEET).rows:
        cells = list(row) + [None] * (OPTIONS_KEY_COLUMN + 1)
        key, value, label = cells[OPTIONS_KEY_COLUMN - 1], cells[1], cells[0]
        readers = str(cells[OPTIONS_KEY_COLUMN] or "").split()
        option = wanted.get(str(key or "").strip())
        if option is None or value is None or str(value).strip() == "":
            continue
        if readers and name not in readers:
            continue  # another task's option of that name ("by": a name, or a dimension)
        text = str(value).strip()
        if option.flag:
            found[option.name] = text.lower() in ("yes", "y", "true", "1")
        elif option.type is int:
            try:
                found[option.name] = int(float(text))
            except ValueError as exc:
                raise BadInputError(
                    f"On the Options sheet, {label} must be a whole number, not '{text}'."
                ) from exc
        elif option.name == "store" and book.folder is not None:
            # A file named without its folder is beside the workbook, not wherever
            # Excel happens to be working.
            found[option.name] = str(book.folder / Path(text).expanduser())
        else:
            found[option.name] = text
    return found


def selected_sheets(book: Book, sheets: Sequence[str] | None) -> list[str]:
    """The user's sheets to work on: those named, or every sheet a person made."""
    if not sheets:
        return book.user_sheets()
    known = book.sheet_names()
    lower = {s.lower(): s for s in known}
    chosen = []
    for s in sheets:
        if s in known:
            chosen.append(s)
        elif s.lower() in lower:
            chosen.append(lower[s.lower()])
        else:
            raise BadInputError(
                f"{book.name} has no sheet called '{s}'. Its sheets are: {', '.join(known)}."
            )
    return chosen


# ---------------------------------------------------------------------------
# inspect: what the tool sees in each sheet
# ---------------------------------------------------------------------------
def describe_table(table: Table) -> dict[str, Any]:
    return {
        "sheet": table.sheet,
        "header_row": table.header_row,
        "tag_row": table.tag_row,
        "first_data_row": table.data_start_row,
        "rows": len(table.frame),
        "blank_rows_skipped": table.blank_rows,
        "columns": [
            {"name": c.name, "letter": c.letter, "header": c.header, "tag": c.tag}
            for c in table.columns
        ],
        "notes": table.notes,
    }


@task(
    "inspect",
    "Describe sheets",
    "Show where each sheet's header, tag row and data are, and what columns it has.",
    order=10,
)
def inspect(book: Book, sheets: Sequence[str] | None = None) -> TaskResult:
    """Describe every user sheet as the tool reads it, in a "Sheets" tab."""
    names = selected_sheets(book, sheets)
    described, rows, links = [], [], {}
    unreadable = 0
    for i, name in enumerate(names):
        book.progress(i, len(names), f"Reading {name}")
        table = book.read_table(name)
        info = describe_table(table)
        described.append(info)
        if table.header_row is None and table.tag_row is None:
            unreadable += 1
        rows.append(
            [
                name,
                table.header_row,
                table.tag_row,
                len(table.frame),
                len(table.columns),
                ", ".join(c.name for c in table.columns[:12])
                + (" ..." if len(table.columns) > 12 else ""),
                " ".join(table.notes),
            ]
        )
        target_row = table.header_row or table.tag_row or 1
        links[(len(rows) - 1, 0)] = CellLink(name, target_row, 1)
    book.progress(len(names), len(names), "Done")
    spec = SheetSpec(
        name="Sheets",
        task="inspect",
        title="What vcs-excel sees in each sheet",
        notes=["Click a sheet name to go to its header row."],
        columns=["Sheet", "Header row", "Tag row", "Data rows", "Columns", "Column names", "Notes"],
        rows=rows,
        links=links,
        widths={5: 70, 6: 50},
    )
    written = book.write_sheet(spec)
    parts = [f"{d['sheet']} ({d['rows']} rows, {len(d['columns'])} columns)" for d in described]
    summary = f"{len(names)} sheet(s) read: " + "; ".join(parts) + "."
    if unreadable:
        summary += f" {unreadable} sheet(s) have no recognisable header row."
    return TaskResult(
        "inspect", summary, problems=unreadable, sheets=[written], data={"sheets": described}
    )


# The tasks of each area register themselves when imported.
from . import tasks as _tasks  # noqa: E402, F401
