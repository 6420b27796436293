"""The ribbon's entry point, run(task_name): what the volunteer is told.

There is no Excel here, so the workbook is a small recorder with the two
things run() touches when no task reaches the sheets: the status bar and the
message box.
"""

from __future__ import annotations

from vcs_excel import commands
from vcs_excel.excel import run


class RecordingApp:
    def __init__(self) -> None:
        self.alerts: list[tuple[str, str]] = []
        self.status_bar: object = False
        self.screen_updating = True

    def alert(self, message: str, title: str = "") -> None:
        self.alerts.append((title, message))


class RecordingBook:
    name = "lists.xlsm"

    def __init__(self) -> None:
        self.app = RecordingApp()


def test_planned_task_says_coming_soon_in_a_message_box(monkeypatch):
    # A ribbon built for a later version may have a button this version lacks.
    monkeypatch.setitem(commands.PLANNED, "forecast", "Demand forecast")
    book = RecordingBook()
    message = run("forecast", xl_book=book)
    assert book.app.alerts == [("Coming soon", message)]
    assert message.startswith("Demand forecast is coming soon: this version of vcs-excel")
    assert book.app.status_bar is False  # handed back to Excel


def test_unexpected_error_is_an_apology_not_a_traceback(monkeypatch):
    def broken(book, **options):
        raise KeyError("Jean Smith")  # a resident's name must not reach the message

    monkeypatch.setitem(
        commands.REGISTRY,
        "broken",
        commands.Task("broken", "Broken task", "fails", broken),
    )
    book = RecordingBook()
    message = run("broken", xl_book=book)
    assert book.app.alerts == [("Broken task", message)]
    assert message.startswith("Something went wrong (KeyError). Nothing was changed")
    assert "Jean Smith" not in message and "Traceback" not in message


def test_bad_input_shows_its_plain_message(monkeypatch):
    from vcs_excel.errors import BadInputError

    def refuses(book, **options):
        raise BadInputError("Sheet 'People' has no header row.")

    monkeypatch.setitem(
        commands.REGISTRY, "refuses", commands.Task("refuses", "Refuses", "x", refuses)
    )
    book = RecordingBook()
    assert run("refuses", xl_book=book) == "Sheet 'People' has no header row."
    assert book.app.alerts == [("Refuses", "Sheet 'People' has no header row.")]


def test_every_ribbon_button_reaches_a_task():
    from vcs_excel.template.build import load_sources, ribbon_callbacks

    ribbon = next(m for m in load_sources().modules if m.name == "Ribbon")
    tasks = {t for t in ribbon_callbacks(ribbon.source).values() if t}
    assert "insights" in tasks
    for name in tasks:
        assert commands.get_task(name).name == name
