"""The ribbon's way in: ``run(task_name)``, called by the template's VBA.

Each ribbon button's VBA callback runs
``RunPython "import vcs_excel.excel as v; v.run('check')"``. This module finds
the calling workbook, runs the task through the same registry as the command
line, and tells the user what happened in a message box. Errors never show a
Python traceback: a problem with the data or the workbook gets its plain
message, and anything unexpected a short apology with where to find details.
"""

from __future__ import annotations

import logging
import tempfile
import traceback
from pathlib import Path
from typing import Any

from ..commands import get_task, run_task, workbook_options
from ..errors import UnknownTaskError, VcsExcelError
from .book import ExcelBook

LOG_PATH = Path(tempfile.gettempdir()) / "vcs-excel.log"


def _caller_book() -> Any:
    import xlwings as xw

    return xw.Book.caller()


def run(task_name: str, xl_book: Any = None, **options: Any) -> str:
    """Run one task on the workbook that pressed the button; returns the message shown."""
    book = ExcelBook(xl_book if xl_book is not None else _caller_book())
    title = "vcs-excel"
    try:
        task = get_task(task_name)
        title = task.title
        book.status(f"{task.title}...")
        settings = {**task_defaults(task_name), **workbook_options(book, task_name), **options}
        result = run_task(task_name, book, **settings)
        message = result.summary
    except UnknownTaskError as exc:
        title, message = "Coming soon", exc.message
    except VcsExcelError as exc:
        message = exc.message
    except Exception as exc:
        # The log keeps the traceback on this machine only; its message may hold data.
        logging.basicConfig(filename=LOG_PATH, level=logging.ERROR)
        logging.getLogger("vcs_excel").error("%s failed:\n%s", task_name, traceback.format_exc())
        message = (
            f"Something went wrong ({type(exc).__name__}). Nothing was changed in your "
            f"workbook. Details are in {LOG_PATH} on this computer."
        )
    finally:
        book.release_status()
    book.alert(message, title)
    return message


def task_defaults(task_name: str) -> dict[str, Any]:
    """Options a ribbon button passes: in Excel an in-place task applies its change."""
    task = get_task(task_name)
    if task.in_place and task.in_place_option:
        return {task.in_place_option: True}
    return {}
