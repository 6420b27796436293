"""The ``vcs-excel`` command line: argument parsing, progress and exit codes.

One pattern for every task: ``vcs-excel TASK WORKBOOK [--out OUT] [--json]``.
Exit codes: 0 when the task found nothing to fix, 1 when it found problems,
2 on bad input (one plain line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .commands import Task, get_task, run_task, tasks
from .errors import VcsExcelError

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class Progress:
    """A progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self._bar: Any = None

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if self.quiet:
            return
        from tqdm import tqdm

        if self._bar is None:
            self._bar = tqdm(total=total, file=sys.stderr, disable=None, leave=False)
        if self._bar.total != total:
            self._bar.reset(total=total)
        self._bar.n = done
        self._bar.set_description_str(message[:40], refresh=False)
        self._bar.refresh()
        if done >= total:
            self.close()

    def status(self, message: str) -> None:
        if not self.quiet and sys.stderr.isatty():
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


# Tasks of the services directory are reached as ``vcs-excel directory ACTION``.
DIRECTORY_ACTIONS = {
    "sync": "directory_sync",
    "form": "directory_form",
    "push": "directory_push",
    "find": "find_services",
}


def _common() -> argparse.ArgumentParser:
    """--quiet and --debug, accepted after a command's name as well as before it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="no progress bar")  # fmt: skip
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show full details of any error")  # fmt: skip
    return common


COMMON = _common()


def _add_task_parser(
    sub: Any, t: Task, name: str | None = None, optional_book: bool = False
) -> None:
    p = sub.add_parser(
        name or t.name, help=t.help, description=f"{t.title}: {t.help}", parents=[COMMON]
    )
    p.add_argument(
        "workbook",
        nargs="?" if optional_book else None,
        help="the .xlsx, .xlsm or .csv file to work on",
    )
    if t.name == "compare":
        p.add_argument(
            "new", nargs="?", help="the new version, when the two lists are in two files"
        )
    p.add_argument(
        "--out",
        help="write the safe-to-share tables (only) to this new .xlsx or .csv file"
        if t.name == "insights"
        else "write the workbook with its results tabs to this new .xlsx/.xlsm file"
        + (" (default: save into the workbook itself)" if t.in_place else ""),
    )
    p.add_argument(
        "--force", action="store_true", help="let --out replace a file that already exists"
    )
    p.add_argument("--sheet", action="append", help="only this sheet (may be repeated)")
    p.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    for opt in t.options:
        flag = "--" + opt.name.replace("_", "-")
        if opt.flag:
            p.add_argument(flag, dest=opt.name, action="store_true", help=opt.help)
        else:
            p.add_argument(flag, dest=opt.name, type=opt.type, default=opt.default, help=opt.help)
    p.set_defaults(task=t)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vcs-excel",
        description="Tag, check, deduplicate and share lists about residents, volunteers "
        "and local services.",
    )
    parser.add_argument("--version", action="version", version=f"vcs-excel {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full details of any error")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    demo = sub.add_parser(
        "demo",
        help="run every task on bundled synthetic lists and write demo_output.xlsx",
        parents=[COMMON],
    )
    demo.add_argument("--out", default="demo_output.xlsx", help="output workbook path")
    demo.add_argument("--people", type=int, default=800, help="size of the synthetic population")
    demo.add_argument("--seed", type=int, default=2026, help="random seed")
    template = sub.add_parser("template", help="build or render the template workbook")
    template_sub = template.add_subparsers(dest="template_command", metavar="ACTION")
    template_sub.required = True
    build = template_sub.add_parser(
        "build", help="assemble the template .xlsm from workbook_templates/src", parents=[COMMON]
    )
    build.add_argument("--out", help="where to write it (default: workbook_templates/)")
    build.add_argument("--sources", help="the sources folder (default: workbook_templates/src)")
    render = template_sub.add_parser(
        "render", help="draw a sheet of a workbook as a PNG (needs LibreOffice)", parents=[COMMON]
    )
    render.add_argument("workbook", help="the workbook, e.g. workbook_templates/vcs-excel.xlsm")
    render.add_argument("--sheet", default="Start", help="which sheet (default: Start)")
    render.add_argument("--out", required=True, help="the PNG file to write")
    directory = sub.add_parser(
        "directory",
        help="the shared services directory: sync, form, push, find, import, export, reminders",
    )
    dsub = directory.add_subparsers(dest="directory_command", metavar="ACTION")
    dsub.required = True
    for action, name in DIRECTORY_ACTIONS.items():
        _add_task_parser(dsub, get_task(name), action, optional_book=action == "find")
    imp = dsub.add_parser(
        "import", help="add or update services from an HSDS 3.0 JSON file", parents=[COMMON]
    )
    imp.add_argument("file", help="HSDS JSON: a service list, services, or an organisation")
    exp = dsub.add_parser(
        "export", help="write the directory as an HSDS 3.0 service list", parents=[COMMON]
    )
    exp.add_argument("--out", required=True, help="the JSON file to write")
    exp.add_argument(
        "--force", action="store_true", help="let --out replace a file that already exists"
    )
    rem = dsub.add_parser(
        "reminders", help="list entries not updated recently, with e-mails", parents=[COMMON]
    )
    rem.add_argument("--stale-days", dest="stale_days", type=int, default=30)
    for p in (imp, exp, rem):
        p.add_argument("--store", help="the shared services.json (default: VCS_EXCEL_DIRECTORY)")
        p.add_argument("--by", default=None, help="your name, recorded with changes")
        p.add_argument("--json", action="store_true", help="print the result as JSON")
    for t in tasks():
        if t.name not in DIRECTORY_ACTIONS.values():
            _add_task_parser(sub, t)
    return parser


def _template(args: argparse.Namespace) -> int:
    from .template import build, render

    if args.template_command == "build":
        kwargs = {"src": Path(args.sources)} if args.sources else {}
        out = build.build_template(Path(args.out) if args.out else None, **kwargs)
        print(f"Template written to {out}")
    else:
        path = Path(args.workbook)
        if not path.exists():
            from .errors import BadInputError

            raise BadInputError(f"File not found: {path}")
        out = render.render_sheet(path, args.sheet, Path(args.out))
        print(f"Picture of {args.sheet} written to {out}")
    return EXIT_OK


def _run(args: argparse.Namespace, progress: Progress) -> int:
    from .workbook import FileBook

    if args.command == "template":
        return _template(args)
    if args.command == "demo":
        from .demo import run_demo

        result = run_demo(
            Path(args.out),
            people=args.people,
            seed=args.seed,
            progress=progress,
            status=progress.status,
        )
        progress.close()
        print(result.summary)
        return EXIT_OK

    if args.command == "directory" and args.directory_command in ("import", "export", "reminders"):
        return _directory(args)
    t: Task = args.task
    if t.name == "find_services" and not args.workbook:
        return _find_to_stdout(args)
    if t.name == "compare" and getattr(args, "new", None):
        return _compare_files(args, progress)
    if t.name == "insights" and args.out:
        # The safe-to-share tables go to --out; the lists themselves never leave the file.
        args.export, args.out = args.out, None
    if t.needs_out and not args.out:
        from .errors import BadInputError

        raise BadInputError(
            f"{t.title} writes a new workbook: give its name with --out, e.g. --out results.xlsx."
        )
    _refuse_overwrite(args.workbook, args.out, args.force)
    if getattr(args, "export", None):
        _refuse_overwrite(args.workbook, args.export, args.force)
    book = FileBook.open(args.workbook, out=args.out, progress=progress, status=progress.status)
    options = {opt.name: getattr(args, opt.name) for opt in t.options}
    if args.sheet:
        options["sheets"] = args.sheet
    # Without --out a task only reports; an in-place task (tag --apply) changes the
    # workbook itself, which is what the user asked for.
    commit = bool(args.out) or t.changes_workbook(options)
    result = run_task(t.name, book, commit=False, **options)
    if commit and (args.out or result.data.get("changed", True)):
        book.commit()
    else:
        commit = False  # an in-place task that found nothing to change writes nothing
    progress.close()
    for note in book.notes:
        print(f"vcs-excel: {note}", file=sys.stderr)
    if args.json:
        json.dump(result.to_json(), sys.stdout, indent=2, default=str, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(result.summary)
        if args.out:
            print(f"Results written to {args.out}")
        elif commit:
            print(f"{args.workbook} updated")
    if not commit and result.sheets and not getattr(args, "export", None):
        # The tabs above exist only in this run: say so, and how to keep them.
        tabs = ", ".join(result.sheets)
        print(
            f"vcs-excel: nothing was saved; {Path(args.workbook).name} is unchanged. To keep "
            f"the new tab(s) ({tabs}), run again with --out and a new file name, e.g. "
            f"--out {Path(args.workbook).stem}-results.xlsx",
            file=sys.stderr,
        )
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def _refuse_overwrite(workbook: str | None, out: str | None, force: bool) -> None:
    """``--out`` is a new file: never the input (it would be overwritten), never a file
    that exists already unless ``--force`` says to replace it."""
    from .errors import BadInputError

    if not out:
        return
    target = Path(out)
    if workbook and target.exists() and target.resolve() == Path(workbook).resolve():
        raise BadInputError(
            f"--out {out} is the file you are working on. Give a new file name: your "
            "workbook is never written over."
        )
    if target.exists() and not force:
        raise BadInputError(
            f"{out} already exists. Give a new file name, or add --force to replace it."
        )


def _find_to_stdout(args: argparse.Namespace) -> int:
    """``vcs-excel directory find --need ...`` with no workbook: the texts, on stdout."""
    from .directory.find import Query, find_services, message
    from .tasks.directory import open_store

    directory = open_store(args.store).read()
    lookup = None
    if args.wards:
        from .tasks.insights import _wards
        from .workbook import FileBook

        wards = FileBook.open(args.wards)
        lookup = _wards(wards, wards.sheet_names()[0])
    query = Query(args.need, args.area, args.language, args.age, args.accepting_only, lookup)
    found = find_services(directory.services(), query)
    if args.json:
        data = [{"id": s.id, "name": s.name, "text": message(s)} for s in found]
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(f"{len(found)} services for {query.describe()}.")
        for s in found:
            print("\n" + message(s))
    return EXIT_OK


def _directory(args: argparse.Namespace) -> int:
    """``vcs-excel directory import|export|reminders``: the shared file itself."""
    import datetime as dt

    from .directory.hsds import export_services, read_hsds
    from .errors import BadInputError
    from .tasks.directory import _days_old, open_store

    store = open_store(args.store, must_exist=args.directory_command != "import")
    who = args.by or "vcs-excel import"
    if args.directory_command == "import":
        imported = read_hsds(args.file)
        added, updated = store.import_services(imported.services, by=who)
        name = Path(args.file).name
        print(f"{name} is an HSDS {imported.describe()}")
        print(f"{added} services added and {updated} updated from {name}.")
        for line in imported.problems:
            print(f"- {line}")
        return EXIT_PROBLEMS if imported.problems else EXIT_OK
    directory = store.read()
    for note in directory.notes:
        print(f"vcs-excel: {note}", file=sys.stderr)
    if args.directory_command == "export":
        out = Path(args.out)
        if out.resolve() == store.path.resolve():
            raise BadInputError("Export to a new file, not over the directory itself.")
        _refuse_overwrite(None, args.out, args.force)
        export = export_services(directory.services())
        left_out = export.invalid + [f"'{e.name}' ({e.id}): {e.error}" for e in directory.invalid()]
        out.write_text(json.dumps(export.document, indent=2, ensure_ascii=False), "utf-8")
        print(f"{export.document['total_items']} services written to {out} (HSDS 3.0).")
        if left_out:
            print(f"{len(left_out)} service(s) left out until they are fixed:")
            for line in left_out:
                print(f"- {line}")
        return EXIT_PROBLEMS if left_out else EXIT_OK
    today = dt.date.today()
    stale = [
        (days, e)
        for e in directory.valid()
        if (days := _days_old(e, today)) is not None and days > args.stale_days
    ]
    stale.sort(key=lambda x: -x[0])
    if args.json:
        rows = [{"service": e.name, "organisation": e.service.org_name,
                 "days": d, "email": e.service.email or e.service.org_email}
                for d, e in stale]  # fmt: skip
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(f"{len(stale)} entries not updated for {args.stale_days} days.")
        for d, e in stale:
            email = e.service.email or e.service.org_email or "no e-mail"
            print(f"- {e.service.org_name}: {e.name}, {d} days ({email})")
    return EXIT_OK


def _compare_files(args: argparse.Namespace, progress: Progress) -> int:
    """``vcs-excel compare OLD NEW [--sheet S]``: two versions of a list in two files.

    Sheets of the same name are compared pair by pair; two files whose sheets are named
    differently compare their first sheets, and say so."""
    from .commands import TaskResult, selected_sheets
    from .errors import BadInputError
    from .matching.diff import diff_tables
    from .tasks.match import _diff_result, diff_spec
    from .workbook import FileBook

    _refuse_overwrite(args.workbook, args.out, args.force)
    _refuse_overwrite(args.new, args.out, args.force)
    old_book = FileBook.open(args.workbook)
    new_book = FileBook.open(args.new, out=args.out, progress=progress)
    old_sheets = selected_sheets(old_book, args.sheet)
    new_sheets = selected_sheets(new_book, args.sheet)
    if not old_sheets or not new_sheets:
        raise BadInputError("Both workbooks need a sheet to compare.")
    pairs = [(s, s) for s in old_sheets if s in new_sheets]
    note = ""
    if not pairs:
        pairs = [(old_sheets[0], new_sheets[0])]
        if len(old_sheets) > 1 or len(new_sheets) > 1:
            note = (
                f" No sheet has the same name in both files, so the first sheets were "
                f"compared: {old_sheets[0]} with {new_sheets[0]} (choose with --sheet)."
            )
    old_file, new_file = Path(args.workbook).name, Path(args.new).name
    outcomes, written = [], []
    for old_sheet, new_sheet in pairs:
        result = diff_tables(old_book.read_table(old_sheet), new_book.read_table(new_sheet))
        old_label = f"{old_file} ({old_sheet})"
        if args.out:
            spec = diff_spec(result, old_sheet, new_sheet, old_in_book=False, old_label=old_label)
            if len(pairs) > 1:
                spec.name = f"Changes {new_sheet}"[:31]
            written.append(new_book.write_sheet(spec))
        outcomes.append(_diff_result(result, old_label, f"{new_file} ({new_sheet})", []))
    if args.out:
        new_book.commit()
    if len(outcomes) == 1:
        outcome = outcomes[0]
        outcome.summary += note
        outcome.sheets = written
    else:
        outcome = TaskResult(
            "compare",
            " ".join(o.summary for o in outcomes),
            sheets=written,
            data={
                "sheets": [
                    {"old_sheet": a, "new_sheet": b, **o.data}
                    for (a, b), o in zip(pairs, outcomes, strict=True)
                ]
            },
        )
    if args.json:
        json.dump(outcome.to_json(), sys.stdout, indent=2, default=str, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(outcome.summary)
        if args.out:
            print(f"Results written to {args.out}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``vcs-excel`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.quiet = getattr(args, "quiet", False)
    args.debug = getattr(args, "debug", False)
    progress = Progress(quiet=args.quiet)
    try:
        return _run(args, progress)
    except VcsExcelError as exc:
        progress.close()
        print(f"vcs-excel: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        progress.close()
        print("vcs-excel: stopped. Nothing was written.", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for users, unless they ask
        progress.close()
        if args.debug:
            traceback.print_exc()
        # Only the kind and place of the error: its message could hold a resident's data.
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" in {Path(frame.filename).name}:{frame.lineno}" if frame else ""
        print(
            f"vcs-excel: internal error ({type(exc).__name__}{where}). Nothing was written. "
            "Run again with --debug for details, and please report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
