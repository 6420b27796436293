"""The VCS.* Excel functions as xlwings calls them (the ``UDF Modules`` setting).

Each function here is made from its plain Python twin in :mod:`vcs_excel.udfs`
(same code, under its Excel name), so the registry there is the only list.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import xlwings as xw

from ..udfs import UDFS, Udf


def _excel_function(u: Udf) -> Callable[..., Any]:
    code = u.func
    f = types.FunctionType(
        code.__code__, code.__globals__, u.name, code.__defaults__, code.__closure__
    )
    f.__doc__ = u.description
    f.__module__ = __name__
    for arg, doc in reversed(u.args):
        f = xw.arg(arg, doc=doc)(f)
    return xw.func(category="VCS")(f)


for _u in UDFS.values():
    globals()[_u.name] = _excel_function(_u)
