"""The one exception family users see.

Findings about data are never exceptions (they are issues in a report). An
exception here means "cannot carry on": the message is plain English, names the
file or setting at fault, says what to do, and never contains a resident's data.
"""

from __future__ import annotations


class VcsExcelError(Exception):
    """Base class: a problem the user can fix, with a plain-English message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInputError(VcsExcelError):
    """The workbook, file or setting given cannot be used as it is."""


class WorkbookLockedError(BadInputError):
    """The workbook is open or locked in another program."""


class OutputError(BadInputError):
    """The result cannot be written where the user asked."""


class UnknownTaskError(VcsExcelError):
    """A task name that the registry does not know (a future ribbon button)."""
