"""``vcs-excel demo``: every task over three synthetic lists, in one workbook.

The demo writes the lists as a person would have them (``demo_input.xlsx``),
opens that workbook through the same :class:`FileBook` the command line uses,
runs every registered task in order and saves everything to
``demo_output.xlsx``. It grows as tasks are added.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from pathlib import Path

from .commands import TaskResult, run_task, tasks
from .errors import BadInputError
from .synthetic import demo_lists, write_workbook
from .workbook import FileBook
from .workbook.book import ProgressFn, StatusFn


@dataclass
class DemoResult:
    input_path: Path
    output_path: Path
    results: list[TaskResult]

    @property
    def summary(self) -> str:
        lines = [f"Input lists: {self.input_path}", f"Output workbook: {self.output_path}"]
        lines += [f"- {r.task}: {r.summary}" for r in self.results]
        return "\n".join(lines)


def run_demo(
    out: Path | str = "demo_output.xlsx",
    *,
    people: int = 800,
    seed: int = 2026,
    progress: ProgressFn | None = None,
    status: StatusFn | None = None,
) -> DemoResult:
    """Generate the demo lists, run every task on them, write the output workbook."""
    out = Path(out)
    if not out.parent.is_dir():
        raise BadInputError(f"Cannot write {out.name}: the folder {out.parent} does not exist.")
    input_path = out.with_name("demo_input.xlsx")
    write_workbook(demo_lists(people=people, seed=seed), input_path)
    services = write_demo_directory(out.with_name("demo_services.json"), seed)
    book = FileBook.open(input_path, out=out, progress=progress, status=status)
    results = []
    for t in (t for t in tasks() if t.in_demo):
        accepts = inspect.signature(t.func).parameters
        options: dict[str, object] = {}
        if "apply" in accepts:
            options["apply"] = True  # the demo's tabs are its own: tag them
        if "test_data" in accepts:
            # The demo's people are fictional: their phone numbers come from Ofcom's drama
            # ranges and their NHS numbers from the test range, which is correct for them.
            options["test_data"] = True
        if "store" in accepts:
            options["store"] = str(services)
        if t.name == "find_services":
            options.update(need="food")
        if t.name == "directory_form":
            from .directory.store import DirectoryStore

            first = min(DirectoryStore(services).read().valid(), key=lambda e: e.name.lower())
            options.update(service=first.name)
        results.append(run_task(t.name, book, commit=False, **options))
    book.commit()
    return DemoResult(input_path, out, results)


def write_demo_directory(path: Path, seed: int = 2026) -> Path:
    """A fictional shared directory of 40 local services, saved as ``path``."""
    from .directory.store import DirectoryStore
    from .synthetic.services import generate_services

    path.unlink(missing_ok=True)  # the demo's own file, made afresh each run
    DirectoryStore(path).import_services(generate_services(40, seed=seed), by="vcs-excel demo")
    return path
