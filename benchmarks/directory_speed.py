"""The services directory at 10,000 services: sync into a workbook, and find.

The shared file holds 10,000 fictional services (HSDS 3.0 with the extensions).
Measured in fresh processes: reading and validating the file and writing the
Directory, Reminders and Spaces to share tabs (the workbook saved), and a find
by need, area and language over the whole file. No other tool does this job,
so there is no anchor: the figures are for planning (a sync on a shared drive).
"""

from __future__ import annotations

from .common import DATA, machine, measure, write_section


def _store(n: int):
    from vcs_excel.directory.store import DirectoryStore
    from vcs_excel.synthetic.services import generate_services

    path = DATA / f"services_{n}.json"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        DirectoryStore(path).import_services(generate_services(n, seed=10), by="benchmark")
    return path


def run(quick: bool = False) -> str:
    n = 1_000 if quick else 10_000
    path = _store(n)
    book = DATA / "directory_book.xlsx"
    out = DATA / "directory_out.xlsx"
    setup = f"""
from vcs_excel.commands import run_task
from vcs_excel.workbook import FileBook
from vcs_excel.synthetic import demo_lists, write_workbook
write_workbook(demo_lists(people=50, seed=1), {str(book)!r})
"""
    sync = measure(
        "Sync directory (read, validate, write 3 tabs, save)",
        f"""
        result = run_task("directory_sync", FileBook.open({str(book)!r}, out={str(out)!r}),
                          store={str(path)!r})
        info = result.data["services"]
        """,
        setup=setup,
    )
    find = measure(
        "Find services (food, LS6, Urdu), result tab",
        f"""
        result = run_task("find_services", FileBook.open({str(book)!r}), commit=False,
                          store={str(path)!r}, need="food", area="LS6", language="Urdu")
        info = len(result.data["found"])
        """,
        setup=setup,
    )
    lines = [
        "## Services directory",
        "",
        f"Machine: {machine()}. A shared services.json of {n:,} fictional services "
        f"({path.stat().st_size / 1e6:.0f} MB).",
        "",
        "| services | step | seconds | peak MB | result |",
        "|---:|---|---:|---:|---:|",
        *(
            f"| {n:,} | {m.name} | {m.seconds:.1f} | {m.peak_mb:.0f} | {m.info:,} |"
            for m in (sync, find)
        ),
        "",
        "No anchor: no other tool syncs an HSDS file into a workbook. Both steps read and "
        "validate every entry (pydantic); the sync also writes and saves the workbook.",
    ]
    text = "\n".join(lines)
    if not quick:
        write_section("directory", text)
    return text
