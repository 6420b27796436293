"""The ribbon, its VBA callbacks and the task registry agree with each other."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

import xlwings

from vcs_excel.commands import PLANNED, REGISTRY, is_known
from vcs_excel.template.build import CUSTOMUI_NS, ribbon_callbacks

REQUIRED = {
    "Standard": {"Tag headers", "Data dictionary"},
    "Check": {"Check data", "Standardised copy", "Clear check marks"},
    "Match": {"Find duplicates", "Apply review decisions", "Compare with previous list"},
    "Directory": {"Sync directory", "Edit my entry", "Update my entry", "Find services"},
    "Insights": {"Community insights"},
    "Help": set(),
}


def module(sources, name):
    return next(m for m in sources.modules if m.name == name)


def test_ribbon_has_the_groups_and_buttons_volunteers_need(sources):
    root = ET.fromstring(sources.ribbon_xml)
    tabs = [t.get("label") for t in root.iter(f"{CUSTOMUI_NS}tab")]
    assert tabs == ["Community Data"]
    groups = {
        g.get("label"): {b.get("label") for b in g.iter(f"{CUSTOMUI_NS}button")}
        for g in root.iter(f"{CUSTOMUI_NS}group")
    }
    assert list(groups) == list(REQUIRED)
    for group, buttons in REQUIRED.items():
        assert buttons <= groups[group], group
    assert groups["Help"]


def test_every_on_action_names_a_ribbon_callback_sub(sources):
    callbacks = ribbon_callbacks(module(sources, "Ribbon").source)
    actions = [b.on_action for b in sources.buttons]
    assert len(actions) == len(set(actions))
    assert set(actions) <= set(callbacks), set(actions) - set(callbacks)
    # The signature Office calls a ribbon button's macro with.
    for name in actions:
        assert re.search(
            rf"^Sub {name}\(control As IRibbonControl\)\r$", module(sources, "Ribbon").source, re.M
        )


def test_every_callback_runs_a_task_that_exists_or_is_coming_soon(sources):
    callbacks = ribbon_callbacks(module(sources, "Ribbon").source)
    tasks = {task for task in callbacks.values() if task}
    assert tasks, "no callback runs a task"
    assert all(is_known(t) for t in tasks), [t for t in tasks if not is_known(t)]
    # Only the Help button runs no task, and it stays inside Excel.
    assert [name for name, task in callbacks.items() if task is None] == ["Ribbon_Help"]
    assert set(PLANNED).isdisjoint(REGISTRY)


def test_run_task_goes_through_the_python_entry_point(sources):
    ribbon = module(sources, "Ribbon").source
    assert 'RunPython "import vcs_excel.excel as vcs; vcs.run(\'" & taskName & "\')"' in ribbon
    import vcs_excel.excel as vcs

    assert callable(vcs.run)


def test_xlwings_vba_version_is_the_installed_version(sources):
    source = module(sources, "xlwings").source
    found = re.search(r"^'Version: (\S+)\r$", source, re.M)
    assert found and found.group(1) == xlwings.__version__
    assert f"xlwings64-{xlwings.__version__}.dll" in source


def test_udf_module_setting_names_an_importable_module(sources):
    settings = next(s for s in sources.sheets["sheet"] if s["name"] == "xlwings.conf")["settings"]
    keys = [k for k, _, _ in settings]
    assert keys == ["UDF Modules"]
    value = dict((k, v) for k, v, _ in settings)["UDF Modules"]
    import importlib

    udfs = importlib.import_module(value)
    assert udfs.VERSION() == __import__("vcs_excel").__version__


def test_help_finds_the_start_sheet_by_its_code_name(sources):
    """Users rename sheets; a sheet's code name stays."""
    ribbon = next(m for m in sources.modules if m.name == "Ribbon").source
    start = next(s for s in sources.sheets["sheet"] if s["name"] == "Start")["code_name"]
    help_sub = ribbon[ribbon.index("Sub Ribbon_Help") :]
    help_sub = help_sub[: help_sub.index("End Sub")]
    assert f"{start}.Activate" in help_sub and 'Worksheets("Start")' not in help_sub


def test_the_ribbon_onload_callback_is_a_sub(sources):
    root = ET.fromstring(sources.ribbon_xml)
    on_load = root.get("onLoad")
    ribbon = next(m for m in sources.modules if m.name == "Ribbon").source
    assert on_load and f"Sub {on_load}(ribbon As IRibbonUI)" in ribbon
