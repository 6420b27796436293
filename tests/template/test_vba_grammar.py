"""Every VBA module of the template parsed by a VBA grammar (antlr4-vba), as Excel would
compile it on 64-bit Windows, 32-bit Windows and a Mac.

The grammar reads modules as the VBA editor exports them and has no conditional
compilation of its own, so each module is first put in that form: ``#If`` ... ``#End If``
resolved with the platform's constants (a short evaluator below: the grammar package's
own ``vba_cc`` parser finds the directives but does not evaluate them), and a class
module given the header an export has.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("antlr4_vba")

from antlr4 import CommonTokenStream, InputStream
from antlr4.atn.PredictionMode import PredictionMode
from antlr4.error.ErrorListener import ErrorListener
from antlr4_vba.vbaLexer import vbaLexer
from antlr4_vba.vbaParser import vbaParser

# The compiler constants of each platform (VBA 7, Office 2010 and later).
PLATFORMS = {
    "Windows 64-bit": {"VBA6": True, "VBA7": True, "Win64": True, "Win32": True, "Mac": False},
    "Windows 32-bit": {"VBA6": True, "VBA7": True, "Win64": False, "Win32": True, "Mac": False},
    "Mac": {"VBA6": True, "VBA7": True, "Win64": False, "Win32": False, "Mac": True},
}
_DIRECTIVE = re.compile(r"^\s*#(If|ElseIf|Else|End\s*If|Const)\b(.*?)(?:\bThen)?\s*(?:'.*)?$",
                        re.IGNORECASE)  # fmt: skip
# Attributes an exported class has; the others are stored in the project only.
_EXPORTED = ("VB_Name", "VB_GlobalNameSpace", "VB_Creatable", "VB_PredeclaredId", "VB_Exposed")


def _value(expression: str, constants: dict[str, object]) -> object:
    """A conditional-compilation expression's value (an unknown constant is Empty: 0)."""
    text = expression.replace("<>", "!=")
    text = re.sub(r"(?<![<>!=])=(?!=)", "==", text)
    for word, python in (("And", "and"), ("Or", "or"), ("Not", "not")):
        text = re.sub(rf"\b{word}\b", python, text, flags=re.IGNORECASE)
    names = {k.lower(): v for k, v in constants.items()}
    text = re.sub(
        r"\b([A-Za-z_]\w*)\b(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)",
        lambda m: m.group(1) if m.group(1) in ("and", "or", "not")
        else repr(names.get(m.group(1).lower(), 0)),
        text,
    )  # fmt: skip
    return eval(text, {"__builtins__": {}})


def compiled(source: str, platform: dict[str, object]) -> str:
    """The lines Excel compiles on ``platform``; directives and lines left out become
    blank lines, so a parse error's line number is the module's."""
    constants = dict(platform)
    stack: list[tuple[bool, bool]] = []  # (this branch is on, a branch was taken)
    out = []
    for line in source.split("\r\n"):
        m = _DIRECTIVE.match(line)
        on = all(s[0] for s in stack)
        if not m:
            out.append(line if on else "")
            continue
        kind, rest = m.group(1).lower().replace(" ", ""), m.group(2)
        if kind == "const":
            if on:
                name, _, expression = rest.partition("=")
                constants[name.strip()] = _value(expression, constants)
        elif kind == "if":
            taken = bool(_value(rest, constants))
            stack.append((taken, taken))
        elif kind == "elseif":
            _, done = stack.pop()
            taken = not done and bool(_value(rest, constants))
            stack.append((taken, done or taken))
        elif kind == "else":
            _, done = stack.pop()
            stack.append((not done, True))
        else:
            stack.pop()
        out.append("")
    assert not stack, "an #If without its #End If"
    return "\r\n".join(out)


def exported(module) -> str:
    """The module as the VBA editor exports it (the form the grammar reads)."""
    lines = module.source.split("\r\n")
    if module.kind == "standard":
        return module.source
    body = [ln for ln in lines if not ln.startswith("Attribute VB_") or ln.split()[1] in _EXPORTED]
    header = ["VERSION 1.0 CLASS", "BEGIN", "  MultiUse = -1  'True", "END"]
    return "\r\n".join(header + body)


class _Errors(ErrorListener):
    def __init__(self) -> None:
        self.found: list[str] = []

    def syntaxError(self, recognizer, symbol, line, column, message, e):
        self.found.append(f"line {line}:{column} {message}")


def syntax_errors(text: str) -> list[str]:
    errors = _Errors()
    lexer = vbaLexer(InputStream(text if text.endswith("\r\n") else text + "\r\n"))
    lexer.removeErrorListeners()
    lexer.addErrorListener(errors)
    parser = vbaParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(errors)
    # SLL prediction is much faster and as strict for a text it accepts; where it finds
    # an error, the text is parsed again with full LL prediction before it counts.
    parser._interp.predictionMode = PredictionMode.SLL
    parser.startRule()
    if errors.found:
        return _full_ll(text)
    return errors.found


def _full_ll(text: str) -> list[str]:
    errors = _Errors()
    lexer = vbaLexer(InputStream(text if text.endswith("\r\n") else text + "\r\n"))
    lexer.removeErrorListeners()
    parser = vbaParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(errors)
    parser.startRule()
    return errors.found


XLWINGS_OWN = ("xlwings", "Dictionary")  # xlwings' modules, as its own workbook has them


def _parse_all(modules, platforms=PLATFORMS) -> None:
    seen: dict[str, list[str]] = {}  # a text the same on two platforms is parsed once
    for platform, constants in platforms.items():
        for module in modules:
            text = compiled(exported(module), constants)
            if text not in seen:
                seen[text] = syntax_errors(text)
            assert seen[text] == [], (module.name, platform)


def test_every_module_we_write_parses_on_every_platform(sources):
    _parse_all([m for m in sources.modules if m.name not in XLWINGS_OWN])


@pytest.mark.slow  # about a minute: xlwings.bas is 1,200 lines (kept in CI)
def test_xlwings_own_modules_parse_on_every_platform(sources):
    _parse_all([m for m in sources.modules if m.name in XLWINGS_OWN])


def test_the_functions_take_the_excel_branch_on_windows(sources):
    """With its own #Const App, the VCS module compiles the branch that passes the
    calling cell and handles errors (the #Else branch would show #VALUE!)."""
    vcs = next(m for m in sources.modules if m.name == "VCS")
    windows = compiled(vcs.source, PLATFORMS["Windows 64-bit"])
    assert "ThisWorkbook, Application.Caller)" in windows
    assert "On Error GoTo failed" in windows


def test_the_evaluator_and_the_grammar_catch_what_they_should():
    assert compiled('#Const App = "Excel"\r\n#If App = "Excel" Then\r\nx\r\n#Else\r\ny\r\n'
                    "#End If", {}).split("\r\n") == ["", "", "x", "", "", ""]  # fmt: skip
    assert compiled("#If Mac Then\r\na\r\n#ElseIf Win64 Then\r\nb\r\n#Else\r\nc\r\n#End If",
                    PLATFORMS["Windows 32-bit"]).split("\r\n")[5] == "c"  # fmt: skip
    broken = 'Attribute VB_Name = "X"\r\nSub A()\r\n    If x Then\r\nEnd Sub\r\n'
    assert syntax_errors(broken)
