"""Community insights at a million rows: counts by three groups, protected.

The checker benchmark's list of 1,000,000 fictional residents (CSV, tagged: name,
date of birth, postcode, phone, e-mail, NHS number, ethnicity, ...) is counted
by area (postcode district), age band and ethnic group, with disclosure control
and the digital-divide tables (no e-mail, no mobile) by area and age band. The
time covers reading the file, reading every value (dates, postcodes, code-list
values, e-mail addresses and phone numbers validated), counting and protecting.

Anchor in the same run: pandas reading the same CSV and ``pd.crosstab`` of the
three raw columns after the least cleaning that makes them countable (district
split from the postcode, age from the date of birth): no validation, no code
lists, no disclosure control and no digital divide. It is the floor a hand-made
pivot table would sit on.
"""

from __future__ import annotations

from .check_speed import make_csv
from .common import machine, measure, write_section

OURS = """
from vcs_excel.commands import run_task
from vcs_excel.workbook import FileBook
result = run_task("insights", FileBook.open(PATH), commit=False, by="area,age_band,ethnicity")
info = {"people": result.data["people"], "hidden": result.data["hidden_cells"]}
"""

PANDAS = """
import pandas as pd
frame = pd.read_csv(PATH, skiprows=[1], dtype=str)
district = frame["Postcode"].str.strip().str.upper().str.split().str[0]
born = pd.to_datetime(frame["Date of birth"], dayfirst=True, format="%d/%m/%Y", errors="coerce")
age = (pd.Timestamp.today() - born).dt.days // 365
band = pd.cut(age, [-1, 15, 24, 34, 49, 64, 74, 84, 200])
table = pd.crosstab(district, [band, frame["Ethnicity"]])
info = {"people": int(table.to_numpy().sum()), "hidden": 0}
"""


def run(quick: bool = False) -> str:
    rows = 200_000 if quick else 1_000_000
    path = make_csv(rows)
    setup = f"PATH = {str(path)!r}\n"
    ours = measure("vcs-excel Community insights", OURS, setup=setup)
    anchor = measure("pandas read_csv + crosstab (no checks, no protection)", PANDAS, setup=setup)
    lines = [
        "## Community insights: a million rows by three groups",
        "",
        f"Machine: {machine()}. {rows:,} fictional residents in one tagged CSV, counted by "
        "area, age band and ethnic group with disclosure control (threshold 10), plus the "
        "digital-divide tables by area and age band.",
        "",
        "| contender | seconds | peak MB | people counted | cells hidden |",
        "|---|---:|---:|---:|---:|",
    ]
    for m in (ours, anchor):
        lines.append(
            f"| {m.name} | {m.seconds:.1f} | {m.peak_mb:.0f} | {m.info['people']} "
            f"| {m.info['hidden']} |"
        )
        print("  " + lines[-1], flush=True)
    lines += [
        "",
        "Target: 10 s or less for 1,000,000 rows. vcs-excel takes "
        f"{ours.seconds / anchor.seconds:.1f}x the time of the bare pandas pivot, which "
        "validates nothing and protects nothing.",
    ]
    text = "\n".join(lines)
    if not quick:
        write_section("insights", text)
    return text
