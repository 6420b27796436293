"""The VBA module of wrappers for the VCS.* functions.

It is the code xlwings' "Import Functions" button writes (a test compares the
two), generated here so the template works on Windows without that manual
step, and without Excel to build it. Each function also carries its
description for Excel's function wizard.
"""

from __future__ import annotations

import inspect

from ..udfs import UDFS, Udf

VBA_MODULE = "VCS"
PYTHON_MODULE = "vcs_excel.excel.udfs"


def _quote(text: str) -> str:
    return text.replace('"', '""')


def wrapper(u: Udf, module: str = PYTHON_MODULE, workbook: str = "ThisWorkbook") -> list[str]:
    """One function's wrapper, line by line, in xlwings' own layout."""
    params = inspect.signature(u.func).parameters.values()
    sig = ", ".join(
        ("Optional " if p.default is not inspect.Parameter.empty else "") + p.name for p in params
    )
    args = "Array(" + ", ".join(p.name for p in params) + ")"
    call = f'XLPy.CallUDF("{module}", "{u.name}", {args}'
    return [
        f"Function {u.name}({sig})",
        '    #If App = "Microsoft Excel" Then',
        "        If TypeOf Application.Caller Is Range Then On Error GoTo failed",
        f"        {u.name} = {call}, {workbook}, Application.Caller)",
        "        Exit Function",
        "    #Else",
        f"        {u.name} = {call})",
        "        Exit Function",
        "    #End If",
        "failed:",
        f"    {u.name} = Err.Description",
        "End Function",
        "",
    ]


def module_source() -> str:
    """The whole ``VCS`` module: wrappers with descriptions, and ``RegisterFunctions``
    (called when the workbook opens) for the Insert Function dialog."""
    lines = [f'Attribute VB_Name = "{VBA_MODULE}"']
    for u in UDFS.values():
        body = wrapper(u)
        lines.append(body[0])
        lines.append(f'Attribute {u.name}.VB_Description = "{_quote(u.description)}"')
        lines += body[1:]
    lines += [
        "Sub RegisterFunctions()",
        "    ' Descriptions and argument help for Excel's Insert Function dialog.",
        "    Dim wasSaved As Boolean",
        "    wasSaved = ThisWorkbook.Saved",
    ]
    for u in UDFS.values():
        call = (
            f'    Application.MacroOptions Macro:="\'" & ThisWorkbook.Name & "\'!{u.name}", '
            f'Description:="{_quote(u.description)}", Category:="VCS"'
        )
        if u.args:
            docs = ", ".join(f'"{_quote(d)}"' for _, d in u.args)
            call += f", ArgumentDescriptions:=Array({docs})"
        lines.append(call)
    lines += ["    ThisWorkbook.Saved = wasSaved", "End Sub", ""]
    return "\r\n".join(lines)
