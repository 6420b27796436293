"""Find duplicates: definite matches paired, uncertain ones for review, one list out."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd

from ..clean.phones import is_mobile
from ..commands import Option, TaskResult, task
from ..errors import BadInputError, OutputError
from ..matching.explain import reason, record_name
from ..matching.pipeline import Linker
from ..matching.review import DECISIONS, NOT_SURE, STORE, STORE_COLUMNS
from ..matching.settings import MatchSettings
from ..workbook import Book, CellLink, SheetSpec
from ..workbook.values import csv_safe
from .check import totals_note

DIFFERS = "F8CBAD"
DECIDE = "FFF2CC"  # the colour of a cell for a person to fill in
# The tag of each detail on a side of a Review row (+a or +b is added).
SIDE_TAGS = {
    "Sheet": "#meta+sheet", "Row": "#meta+row", "Name": "#person+name",
    "Date of birth": "#date+birth", "Address": "#contact+address",
    "Postcode": "#contact+address+postcode", "NHS number": "#person+id+nhs",
    "Phone": "#contact+phone", "Record ID": "#person+id",
}  # fmt: skip


def how_sure(probability: float) -> str:
    """A pair's match probability in words (a score of 1.000 says nothing to most)."""
    if probability >= 0.95:
        return "Very likely the same"
    if probability >= 0.8:
        return "Likely the same"
    if probability >= 0.5:
        return "Could be either"
    return "Probably different"


def _grouped(review: pd.DataFrame) -> pd.DataFrame:
    """Review pairs with a group number: pairs that share a record (the same people)
    together, the group with the likeliest pair first."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(review["a"], review["b"], strict=True):
        parent[find(int(a))] = find(int(b))
    roots = [find(int(a)) for a in review["a"]]
    review = review.assign(root=roots)
    best = review.groupby("root")["probability"].transform("max")
    review = review.assign(best=best).sort_values(
        ["best", "root", "probability"], ascending=[False, True, False]
    )
    order = {r: n + 1 for n, r in enumerate(dict.fromkeys(review["root"]))}
    return review.assign(group=review["root"].map(order)).drop(columns=["root", "best"])


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def _address(rec: pd.Series) -> str:
    parts = [f"Flat {rec['flat']}" if rec["flat"] else "", rec["house"], rec["street"].title()]
    return " ".join(p for p in parts if p)


SIDE = ["Sheet", "Row", "Name", "Date of birth", "Address", "Postcode", "NHS number", "Phone"]


def _side(rec: pd.Series, with_id: bool = False) -> list[Any]:
    """One person's details on a Review row (matching the ``SIDE`` column names, then
    "Record ID" when the lists have one)."""
    values = [
        rec["sheet"],
        rec["row"],
        record_name(rec),
        _text(rec["dob"]) or (f"age {int(rec['age'])}" if rec["age"] == rec["age"] else ""),
        _address(rec),
        _text(rec["postcode"]),
        _text(rec["nhs"]),
        _text(rec["phones"]),
    ]
    return [*values, _text(rec["id"])] if with_id else values


# Fields of the standard a One list row carries from its records, when any list has
# them: (header, tag). Names, dates of birth, addresses and contacts come from the
# prepared records; these are read from the lists' own tagged columns.
ONE_LIST_EXTRAS = [
    ("Sex", "#person+sex"),
    ("Gender", "#person+gender"),
    ("Ethnic group", "#person+ethnicity"),
    ("Religion", "#person+religion"),
    ("Main language", "#person+language"),
    ("Interpreter needed", "#person+interpreter"),
    ("Preferred contact", "#contact+preferred"),
    ("Accessible format", "#person+format"),
    ("Needs", "#person+vulnerable"),
    ("Dietary needs", "#person+diet"),
    ("Household size", "#household+num"),
    ("Consent to share", "#consent+share"),
    ("Date of consent", "#date+consent"),
]


def _extra_values(book: Book, records: pd.DataFrame) -> dict[str, list[Any]]:
    """For each extra field some list has, each record's standardised value."""
    from ..checks.engine import CheckSettings, plan_columns, standard_column
    from ..standard.hashtags import parse_hashtag

    wanted = {parse_hashtag(tag).key: header for header, tag in ONE_LIST_EXTRAS}
    settings = CheckSettings()
    by_sheet: dict[str, dict[str, dict[int, Any]]] = {}
    for sheet in records["sheet"].unique():
        table = book.read_table(sheet)
        plans, _, _ = plan_columns(table)
        found: dict[str, dict[int, Any]] = {}
        for plan in plans:
            header = wanted.get(plan.entry.key) if plan.entry else None
            if header is None or header in found:
                continue
            column = table.frame[plan.column.name]
            standard = standard_column(column, plan, settings)
            found[header] = {
                int(r): v
                for r, v in zip(column.index, standard, strict=True)
                if v not in (None, "")
            }
        by_sheet[sheet] = found
    present = [h for h, _ in ONE_LIST_EXTRAS if any(h in f for f in by_sheet.values())]
    return {
        h: [by_sheet[sh].get(h, {}).get(int(r)) for sh, r in zip(
            records["sheet"], records["row"], strict=True)]
        for h in present
    }  # fmt: skip


def one_list_spec(book: Book, records: pd.DataFrame) -> SheetSpec:
    """One row per person (``records`` carry a ``person`` column), in the standard: a
    tag row, real dates, mobiles apart from landlines, and every field of the standard
    the lists have."""
    extras = _extra_values(book, records)
    records = records.assign(**{f"x:{h}": v for h, v in extras.items()})
    columns: list[tuple[str, str]] = [
        ("Person", "#person+id"), ("Title", "#person+title"),
        ("First name", "#person+given+name"), ("Surname", "#person+family+name"),
        ("Date of birth", "#date+birth"), ("Age", "#person+age"), ("NHS number", "#person+id+nhs"),
        ("Address", "#contact+address+line1"), ("Postcode", "#contact+address+postcode"),
        ("Mobile", "#contact+mobile+phone"), ("Phone", "#contact+phone"),
        ("Other phone numbers", "#contact+other+phone"), ("E-mail", "#contact+email"),
        *[(h, t) for h, t in ONE_LIST_EXTRAS if h in extras],
        ("Appears on", "#meta+lists"), ("Records", "#meta+count"), ("Sources", "#meta+source"),
    ]  # fmt: skip
    rows, links = [], {}
    sources_col = len(columns) - 1
    # Plain lists, read once: a person's values are picked from them by position (a
    # pandas lookup per person would take most of the time on a long list).
    col = {name: records[name].tolist() for name in (
        "title", "given", "family", "dob", "age", "nhs", "postcode", "phones", "email",
        "sheet", "row", "flat", "house", "street")}  # fmt: skip
    extra = [records[f"x:{h}"].tolist() for h, _ in ONE_LIST_EXTRAS if h in extras]
    members: dict[Any, list[int]] = {}
    for k, pid in enumerate(records["person"].tolist()):
        members.setdefault(pid, []).append(k)

    def best(values: list[Any], at: list[int]) -> Any:
        return _best([values[k] for k in at])

    for n, pid in enumerate(sorted(members)):
        at = members[pid]
        phones = list(dict.fromkeys(p for k in at for p in col["phones"][k]))
        mobiles = [p for p in phones if is_mobile(p)]
        landlines = [p for p in phones if not is_mobile(p)]
        ages = [a for k in at if (a := col["age"][k]) is not None and a == a]
        addresses = [
            " ".join(x for x in (f"Flat {col['flat'][k]}" if col["flat"][k] else "",
                                 col["house"][k], (col["street"][k] or "").title()) if x)
            for k in at
        ]  # fmt: skip
        row = [
            int(pid),
            best(col["title"], at),
            best(col["given"], at),
            best(col["family"], at),
            best(col["dob"], at),
            int(max(ages)) if ages else None,
            _text(best(col["nhs"], at)) or None,
            _best(addresses),
            _text(best(col["postcode"], at)) or None,
            mobiles[0] if mobiles else None,
            landlines[0] if landlines else None,
            ", ".join(mobiles[1:] + landlines[1:]) or None,
            _text(best(col["email"], at)) or None,
            *[best(values, at) for values in extra],
            ", ".join(sorted({col["sheet"][k] for k in at})),
            len(at),
            "; ".join(f"{col['sheet'][k]} row {col['row'][k]}" for k in at),
        ]
        rows.append(row)
        links[(n, sources_col)] = CellLink(col["sheet"][at[0]], int(col["row"][at[0]]), 1)
    return SheetSpec(
        name="One list",
        task="dedupe",
        title=f"{len(rows)} people from {len(records)} rows",
        notes=[
            "One row per person, in the data standard (the tag row under the headers), "
            "so Community insights and the other tasks read it as they read your lists. "
            "Click the sources to go to the first record."
        ],
        columns=[h for h, _ in columns],
        tags=[t for _, t in columns],
        rows=rows,
        links=links,
        formats={4: "dd/mm/yyyy"},
        widths={n: 22 for n in range(len(columns))},
    )


def _write_csv(path: str, header: list[str], rows: list[list[Any]]) -> None:
    target = Path(path)
    if not target.parent.is_dir():
        raise OutputError(f"Cannot write {target.name}: the folder {target.parent} does not exist.")
    with target.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows([[csv_safe(v) for v in row] for row in rows])


def _best(values: list[Any]) -> Any:
    present = [v for v in values if _text(v)]
    if not present:
        return None
    counts = Counter(_text(v) for v in present)
    top = max(counts.values())
    # The most common value; on a tie, the longest (William rather than Bill).
    return max((v for v in present if counts[_text(v)] == top), key=lambda v: len(_text(v)))


CSV_OPTIONS = (
    Option("clusters_csv", "also write sheet,row,person_id for every record to this CSV"),
    Option("review_csv", "also write the pairs awaiting a person to this CSV"),
    Option("settings", "a JSON file of matching settings (thresholds, blocking rules)"),
)
SETTINGS_SHEET = "_vcs_excel_match_settings"


def load_settings(path: str | None) -> MatchSettings:
    if not path:
        return MatchSettings()
    try:
        return MatchSettings.from_json(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise BadInputError(f"Settings file not found: {path}") from None
    except (ValueError, TypeError) as exc:
        raise BadInputError(f"The settings in {Path(path).name} cannot be used: {exc}") from None


def stored_decisions(book: Book) -> dict[str, str]:
    """People's earlier answers, kept on the workbook's hidden decisions sheet."""
    if STORE not in book.sheet_names():
        return {}
    frame = book.read_table(STORE).frame
    if "Pair key" not in frame or "Decision" not in frame:
        return {}
    return {
        str(k): str(d)
        for k, d in zip(frame["Pair key"], frame["Decision"], strict=True)
        if k and d in DECISIONS
    }


def _store_spec(decisions: dict[str, str], descriptions: dict[str, tuple[str, str]]) -> SheetSpec:
    rows = [[k, d, *descriptions.get(k, ("", ""))] for k, d in sorted(decisions.items())]
    return SheetSpec(
        name=STORE,
        task="dedupe",
        columns=STORE_COLUMNS,
        rows=rows,
        hidden=True,
        freeze_header=False,
        autofilter=False,
    )


@task(
    "dedupe",
    "Find duplicates",
    "Find the same person across (and within) the tabs: definite matches are joined, uncertain "
    "pairs go to a Review tab, and a One list tab has one row per person.",
    options=CSV_OPTIONS,
    order=50,
)
def dedupe(
    book: Book,
    sheets: Sequence[str] | None = None,
    clusters_csv: str | None = None,
    review_csv: str | None = None,
    settings: str | None = None,
) -> TaskResult:
    return _find_and_write(
        book, sheets, stored_decisions(book), clusters_csv, review_csv, load_settings(settings)
    )


@task(
    "apply_decisions",
    "Apply review decisions",
    "Use the Same person / Different people / Not sure choices on the Review tab: they are "
    "remembered in the workbook, the people are grouped again, and decided pairs are not "
    "asked again.",
    options=CSV_OPTIONS,
    order=55,
    in_demo=False,
    in_place=True,
)
def apply_review_decisions(
    book: Book,
    sheets: Sequence[str] | None = None,
    clusters_csv: str | None = None,
    review_csv: str | None = None,
    settings: str | None = None,
) -> TaskResult:
    if "Review" not in book.sheet_names() or not book.is_tool_sheet("Review"):
        raise BadInputError("There is no Review tab yet: press Find duplicates first.")
    review = book.read_table("Review").frame
    decisions = stored_decisions(book)
    new = 0
    if "Pair key" in review and "Decision" in review:
        for key, decision in zip(review["Pair key"], review["Decision"], strict=True):
            if key and decision in DECISIONS and decisions.get(str(key)) != decision:
                decisions[str(key)] = str(decision)
                new += 1
    result = _find_and_write(
        book, sheets, decisions, clusters_csv, review_csv, load_settings(settings)
    )
    result.task = "apply_decisions"
    result.summary = f"{new} new decision(s) applied. " + result.summary
    return result


def _find_and_write(
    book: Book,
    sheets: Sequence[str] | None,
    decisions: dict[str, str],
    clusters_csv: str | None,
    review_csv: str | None,
    settings: MatchSettings,
) -> TaskResult:
    book.status("Finding duplicates")
    linker = Linker(settings)
    prepared = linker.prepare(book, sheets)
    totals = [
        SimpleNamespace(sheet=s, total_rows=r) for s, r in prepared.attrs["total_rows"].items()
    ]
    linked = linker.link(prepared, decisions)
    records, pairs, person = linked.records, linked.pairs, linked.person
    # One question per two people: the other review pairs of their rows go with its answer.
    review = pairs[(pairs["decision"] == "review") & pairs["asked"]]
    review = review.assign(key=linked.keys(review)).drop_duplicates("key")
    review = _grouped(review)

    # Review tab: one row per uncertain pair, side by side, differences coloured.
    rows, links, fills, review_lines = [], {}, {}, []
    descriptions: dict[str, tuple[str, str]] = {}
    answered = pairs[pairs["key"].isin(decisions)] if decisions else pairs.iloc[:0]
    for _, p in answered.iterrows():
        a, b = records.iloc[int(p["a"])], records.iloc[int(p["b"])]
        descriptions[p["key"]] = (
            f"{a['sheet']} row {a['row']}: {record_name(a)}",
            f"{b['sheet']} row {b['row']}: {record_name(b)}",
        )
    # A list's own record ID is shown when the lists have one (it may be evidence).
    with_id = bool(records["id"].notna().any()) if "id" in records else False
    side = SIDE + (["Record ID"] if with_id else [])
    width = len(side)
    for n, (_, p) in enumerate(review.iterrows()):
        a, b = records.iloc[int(p["a"])], records.iloc[int(p["b"])]
        why = reason(p, a, b)
        if p["covers"] > 1:
            why += f" (this answer also covers {int(p['covers']) - 1} more pair(s) of their rows)"
        side_a, side_b = _side(a, with_id), _side(b, with_id)
        earlier = NOT_SURE if decisions.get(p["key"]) == NOT_SURE else None
        rows.append([earlier, why, how_sure(float(p["probability"])), int(p["group"]),
                     *side_a, *side_b, p["key"]])  # fmt: skip
        fills[(n, 0)] = DECIDE  # the cell to fill in looks like one
        links[(n, 5)] = CellLink(a["sheet"], int(a["row"]), 1)
        links[(n, 5 + width)] = CellLink(b["sheet"], int(b["row"]), 1)
        for k in range(2, width):
            if side_a[k] and side_b[k] and side_a[k].lower() != side_b[k].lower():
                fills[(n, 4 + k)] = DIFFERS
                fills[(n, 4 + width + k)] = DIFFERS
        review_lines.append(
            [a["sheet"], a["row"], b["sheet"], b["row"], round(float(p["probability"]), 4), why]
        )
    written = [
        book.write_sheet(
            SheetSpec(
                name="Review",
                task="dedupe",
                title=f"{len(rows)} pair(s) for a person to decide",
                notes=[
                    "Choose Same person, Different people or Not sure in the yellow Decision "
                    "cells, then press Apply review decisions. Pairs about the same people "
                    "share a group number and sit together. Orange cells are the details "
                    "that differ."
                ],
                columns=[
                    "Decision",
                    "Why these may be the same person",
                    "How sure",
                    "Group",
                    *[f"{c} A" for c in side],
                    *[f"{c} B" for c in side],
                    "Pair key",
                ],
                tags=[
                    "#meta+decision",
                    "#meta+reason",
                    "#meta+likely",
                    "#meta+group",
                    *[f"{SIDE_TAGS[c]}+a" for c in side],
                    *[f"{SIDE_TAGS[c]}+b" for c in side],
                    "#meta+pair",
                ],
                rows=rows,
                links=links,
                fills=fills,
                dropdowns={0: DECISIONS},
                widths={0: 16, 1: 60, 2: 22, 3: 8},
                hidden_columns={4 + 2 * width},
            )
        )
    ]
    if decisions:
        written.append(book.write_sheet(_store_spec(decisions, descriptions)))
    # One list tab: one row per person, the best value of each field, in the standard.
    records = records.assign(person=person)
    n_people = int(records["person"].nunique())
    written.append(book.write_sheet(one_list_spec(book, records)))
    # The settings of this run, beside its results, so it can be repeated exactly.
    written.append(
        book.write_sheet(
            SheetSpec(
                name=SETTINGS_SHEET,
                task="dedupe",
                columns=["Settings (JSON)"],
                rows=[[linked.trained.to_json()]],
                hidden=True,
                freeze_header=False,
                autofilter=False,
            )
        )
    )
    if clusters_csv:
        Path(clusters_csv).with_suffix(".settings.json").write_text(
            linked.trained.to_json(), "utf-8"
        )
        _write_csv(
            clusters_csv,
            ["sheet", "row", "person_id"],
            [
                [s, int(r), int(p)]
                for s, r, p in zip(records["sheet"], records["row"], records["person"], strict=True)
            ],
        )
    if review_csv:
        _write_csv(
            review_csv, ["sheet_a", "row_a", "sheet_b", "row_b", "score", "reason"], review_lines
        )
    definite = int((pairs["decision"] == "match").sum())
    summary = (
        f"{len(records)} records in {records['sheet'].nunique()} tab(s) are "
        f"{n_people} people: {definite} definite match(es) joined, {len(rows)} pair(s) "
        "on the Review tab for a person to decide."
    ) + totals_note(totals)
    return TaskResult(
        "dedupe",
        summary,
        problems=len(rows),
        sheets=written,
        data={
            "records": len(records),
            "people": n_people,
            "definite_pairs": definite,
            "review_pairs": len(rows),
        },
    )


@task(
    "compare",
    "Compare with previous list",
    "Compare two versions of a list (two tabs: the previous one first): who is new, who has "
    "gone, and whose details changed, in a Changes since tab.",
    order=60,
    in_demo=False,
)
def compare_versions(book: Book, sheets: Sequence[str] | None = None) -> TaskResult:
    from ..commands import selected_sheets
    from ..matching.diff import diff_tables

    names = selected_sheets(book, sheets)
    if len(names) != 2:
        raise BadInputError(
            "Compare needs exactly two tabs: the previous list and the new one "
            f"(this workbook has {len(names)}: choose them with --sheet OLD --sheet NEW)."
        )
    old, new = (book.read_table(n) for n in names)
    result = diff_tables(old, new)
    written = book.write_sheet(diff_spec(result, names[0], names[1]))
    return _diff_result(result, names[0], names[1], [written])


def diff_spec(
    result: Any, old_name: str, new_name: str, old_in_book: bool = True, old_label: str = ""
) -> SheetSpec:
    """The Changes since tab: each new, gone and changed person by name and postcode,
    with a link to their row (a gone person's row is in the previous list)."""
    rows, links = [], {}
    old_label = old_label or old_name
    for row in result.new:
        links[(len(rows), 2)] = CellLink(new_name, row, 1)
        rows.append(["New", result.new_names.get(row, ""), f"{new_name} row {row}", None, None,
                     None])  # fmt: skip
    for row in result.gone:
        if old_in_book:
            links[(len(rows), 2)] = CellLink(old_name, row, 1)
        rows.append(["Gone", result.old_names.get(row, ""), f"{old_label} row {row}", None, None,
                     None])  # fmt: skip
    for old_row, new_row, fields in result.changed:
        for header, (was, now) in fields.items():
            links[(len(rows), 2)] = CellLink(new_name, new_row, 1)
            rows.append(
                [
                    "Changed",
                    result.new_names.get(new_row, ""),
                    f"{new_name} row {new_row} (was {old_label} row {old_row})",
                    header,
                    _text(was),
                    _text(now),
                ]
            )
    return SheetSpec(
        name="Changes since",
        task="compare",
        title=f"{new_name} compared with {old_label}",
        notes=[
            f"{len(result.new)} new, {len(result.gone)} gone, {len(result.changed)} changed, "
            f"{result.unchanged} unchanged. Letter case, spacing and the way a postcode, "
            "phone number or date is written are not counted as changes."
        ],
        columns=["What", "Person", "Where", "Field", "Was", "Now"],
        tags=[
            "#meta+change",
            "#person+name",
            "#meta+source",
            "#meta+field",
            "#meta+was",
            "#meta+now",
        ],
        rows=rows,
        links=links,
        widths={0: 13, 1: 34, 2: 46, 3: 16, 4: 24, 5: 24},
    )


def _diff_result(result: Any, old_name: str, new_name: str, written: list[str]) -> TaskResult:
    summary = (
        f"{new_name} compared with {old_name}: {len(result.new)} new, {len(result.gone)} gone, "
        f"{len(result.changed)} with changed details, {result.unchanged} unchanged."
    )
    return TaskResult("compare", summary, problems=0, sheets=written, data=result.to_json())
