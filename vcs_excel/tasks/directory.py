"""Tasks of the services directory: Sync directory, Update my entry, Find services."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from ..commands import Option, TaskResult, task
from ..directory.find import (
    REFERRAL_WORDS,
    Query,
    address_text,
    contact_text,
    find_services,
    language_names,
    message,
    opening_times,
    shortlist_message,
)
from ..directory.models import Service
from ..directory.store import ConflictError, Directory, DirectoryStore, Entry, now
from ..errors import BadInputError
from ..workbook import Book, SheetSpec

STORE = Option(
    "store",
    "the shared directory file (services.json); default: the VCS_EXCEL_DIRECTORY setting",
)
STALE_DAYS = Option("stale_days", "entries not updated for this many days are stale", int, 30)
REFERRAL_FILLS = {
    "accepting": "C6EFCE",
    "waiting list": "FFEB9C",
    "assessment required": "DDEBF7",
    "closed": "FFC7CE",
}
STALE_FILL = "F4B183"

# Directory tab: header, tag, and whether an organisation may edit it and push it back.
DIRECTORY_COLUMNS: list[tuple[str, str | None, str | None]] = [
    ("Organisation", "#org+name", None),
    ("Service", "#service+name", None),
    ("Category", "#sector", None),
    ("Status", "#service+status", None),
    ("Referrals", "#service+referrals", "x_referral_status"),
    ("Places available", "#service+capacity+num", "available"),
    ("Capacity unit", None, None),
    ("Volunteers needed", "#service+volunteers", "volunteers"),
    ("Languages", "#service+language", None),
    ("Area", "#service+area", None),
    ("Address", "#contact+address", None),
    ("Opening times", None, None),
    ("Who for", "#service+eligibility", "eligibility_description"),
    ("Accessibility", "#service+accessibility", None),
    ("Contact", "#contact+phone", None),
    ("Covid precautions", None, "x_covid_precautions"),
    ("Description", None, "description"),
    ("Last updated", "#date+updated", None),
    ("Stale", None, None),
    ("Service ID", None, None),
    ("Version", None, None),
]
EDITABLE = {header: key for header, _, key in DIRECTORY_COLUMNS if key}


def open_store(store: str | None, must_exist: bool = True) -> DirectoryStore:
    path = store or os.environ.get("VCS_EXCEL_DIRECTORY")
    if not path:
        raise BadInputError(
            "Say where the shared directory file is: give --store (for example "
            "S:/Community/services.json), or set VCS_EXCEL_DIRECTORY."
        )
    found = DirectoryStore(path)
    if must_exist and not found.exists():
        raise BadInputError(
            f"There is no directory file at {found.path}. Check the path, and that the "
            "shared drive is connected."
        )
    return found


def _updated(entry: Entry) -> dt.datetime | None:
    stamp = entry.updated
    if not stamp:
        return None
    try:
        return dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return None


def _days_old(entry: Entry, today: dt.date) -> int | None:
    when = _updated(entry)
    return None if when is None else (today - when.date()).days


def _capacity(service: Service) -> tuple[float | None, str]:
    if not service.capacities:
        return None, ""
    c = service.capacities[0]
    unit = c.unit.name + (f" (of {c.maximum:g})" if c.maximum is not None else "")
    return c.available, unit


def _directory_row(entry: Entry, today: dt.date, stale_days: int) -> list[Any]:
    s = entry.service
    available, unit = _capacity(s)
    volunteers = s.x_volunteers
    needed = ""
    if volunteers is not None:
        needed = "Yes" if volunteers.needed else "No"
        if volunteers.needed and volunteers.roles:
            needed += ": " + ", ".join(volunteers.roles)
        if volunteers.needed and volunteers.dbs_level and volunteers.dbs_level != "none":
            needed += f" (DBS {volunteers.dbs_level})"
    days = _days_old(entry, today)
    when = _updated(entry)
    return [
        s.organization.name,
        s.name,
        ", ".join(s.x_categories),
        s.status,
        s.x_referral_status,
        available,
        unit,
        needed,
        language_names(s),
        "; ".join(a.name or "" for a in s.service_areas),
        address_text(s),
        opening_times(s.all_schedules()),
        s.eligibility_description,
        s.accessibility_text(),
        contact_text(s),
        s.x_covid_precautions,
        s.description,
        when.date() if when else None,
        f"Stale ({days} days)" if days is not None and days > stale_days else None,
        entry.id,
        entry.version,
    ]


def directory_spec(directory: Directory, today: dt.date, stale_days: int) -> SheetSpec:
    entries = sorted(
        directory.valid(), key=lambda e: (e.service.organization.name.lower(), e.name.lower())
    )
    rows, fills = [], {}
    referral_col = [h for h, _, _ in DIRECTORY_COLUMNS].index("Referrals")
    stale_col = [h for h, _, _ in DIRECTORY_COLUMNS].index("Stale")
    for r, entry in enumerate(entries):
        row = _directory_row(entry, today, stale_days)
        rows.append(row)
        if row[referral_col] in REFERRAL_FILLS:
            fills[(r, referral_col)] = REFERRAL_FILLS[row[referral_col]]
        if row[stale_col]:
            fills[(r, stale_col)] = STALE_FILL
    notes = [
        f"{len(rows)} services from {directory.source.name if directory.source else 'the file'}"
        f", synced {dt.datetime.now():%d/%m/%Y %H:%M}. Referrals: green taking, amber waiting "
        f"list, blue after assessment, red closed. Stale: not updated for {stale_days} days.",
        "To update your organisation's entry, edit its Referrals, Places available, "
        "Volunteers needed, Who for, Covid precautions or Description, then press Update my "
        "entry. Other columns are changed in the directory itself.",
        *directory.notes,
    ]
    headers = [h for h, _, _ in DIRECTORY_COLUMNS]
    return SheetSpec(
        name="Directory",
        task="directory_sync",
        title="Directory of local services",
        notes=notes,
        columns=headers,
        tags=[t or "" for _, t, _ in DIRECTORY_COLUMNS],
        rows=rows,
        fills=fills,
        widths={0: 26, 1: 30, 9: 24, 10: 30, 11: 22, 12: 26, 13: 28, 14: 28, 16: 40},
        formats={headers.index("Last updated"): "dd/mm/yyyy"},
        hidden_columns={headers.index("Service ID"), headers.index("Version")},
    )


def reminders_spec(directory: Directory, today: dt.date, stale_days: int) -> SheetSpec:
    from urllib.parse import quote

    rows = []
    for entry in directory.valid():
        days = _days_old(entry, today)
        if days is None or days <= stale_days:
            continue
        s = entry.service
        to = s.email or s.organization.email or ""
        subject = f"Please check your entry in the local services directory: {s.name}"
        body = (
            f"Hello {s.organization.name},\n\nYour entry for {s.name} in the shared directory of "
            f"local services was last updated {days} days ago. Could you check it is still "
            "right (referrals, places, opening times, languages, contacts) and update it, or "
            "reply to say it is?\n\nThank you."
        )
        link = f"mailto:{to}?subject={quote(subject)}&body={quote(body)}" if to else None
        rows.append([s.organization.name, s.name, days, to or None, link])
    rows.sort(key=lambda r: -r[2])
    return SheetSpec(
        name="Reminders",
        task="directory_sync",
        title=f"Entries not updated for {stale_days} days",
        notes=["Click a link to open a ready-to-send e-mail asking the organisation to check."],
        columns=["Organisation", "Service", "Days since update", "E-mail", "Reminder e-mail"],
        rows=rows,
        widths={0: 28, 1: 30, 3: 30, 4: 60},
    )


def spaces_spec(directory: Directory) -> SheetSpec:
    rows = []
    for entry in directory.valid():
        s = entry.service
        if s.x_space_to_share and s.x_space_to_share.kinds:
            space = s.x_space_to_share
            row = [s.organization.name, ", ".join(space.kinds), space.description]
            rows.append([*row, address_text(s), contact_text(s)])
    return SheetSpec(
        name="Spaces to share",
        task="directory_sync",
        title="Rooms and storage organisations offer to share",
        columns=["Organisation", "Space", "Details", "Address", "Contact"],
        rows=rows,
        widths={0: 28, 2: 40, 3: 32, 4: 30},
    )


@task(
    "directory_sync",
    "Sync directory",
    "Fill the Directory tab from the shared services file: one row per service, "
    "referral status coloured, stale entries marked; plus reminders for stale entries "
    "and the spaces organisations offer to share.",
    options=(STORE, STALE_DAYS),
    order=70,
)
def directory_sync(
    book: Book,
    store: str | None = None,
    stale_days: int = 30,
    sheets: Any = None,
    today: dt.date | None = None,
) -> TaskResult:
    directory_store = open_store(store)
    merged = directory_store.merge_conflict_copies(by="Sync directory")
    directory = directory_store.read()
    directory.notes = merged + directory.notes
    day = today or dt.date.today()
    written = [
        book.write_sheet(directory_spec(directory, day, stale_days)),
        book.write_sheet(reminders_spec(directory, day, stale_days)),
        book.write_sheet(spaces_spec(directory)),
    ]
    stale = sum(1 for e in directory.valid() if (_days_old(e, day) or 0) > stale_days)
    summary = (
        f"{len(directory.valid())} services synced into the Directory tab; {stale} not updated "
        f"for {stale_days} days (see Reminders)."
    )
    if directory.notes:
        summary += " " + " ".join(directory.notes[:3])
    return TaskResult(
        "directory_sync",
        summary,
        problems=len(directory.invalid()),
        sheets=written,
        data={"services": len(directory.valid()), "stale": stale, "notes": directory.notes},
    )


def _find_spec(found: list[Service], query: Query) -> SheetSpec:
    rows = [
        [s.name, s.organization.name, REFERRAL_WORDS.get(s.x_referral_status or "", ""),
         language_names(s), opening_times(s.all_schedules()), contact_text(s), message(s)]
        for s in found
    ]  # fmt: skip
    notes = [f"Services for {query.describe()}: {len(found)} found, taking referrals first."]
    if found:
        notes.append("The last column is a message ready to paste into WhatsApp, a text or "
                     "an e-mail; the shortlist below the table holds them all.")  # fmt: skip
        rows += [[None] * 7, ["Shortlist to send", None, None, None, None, None,
                              shortlist_message(found, query)]]  # fmt: skip
    return SheetSpec(
        name="Find services",
        task="find_services",
        title="Find services",
        notes=notes,
        columns=[
            "Service",
            "Organisation",
            "Referrals",
            "Languages",
            "Opening times",
            "Contact",
            "Ready-to-send text",
        ],
        rows=rows,
        widths={0: 28, 1: 26, 2: 24, 3: 22, 4: 22, 5: 30, 6: 70},
    )


@task(
    "find_services",
    "Find services",
    "Find services for one person's need, area, language and age; the Find services tab "
    "has a ready-to-send text for each.",
    options=(
        STORE,
        Option("need", "what the person needs: food, debt, befriending, mental health ..."),
        Option("area", "postcode, postcode district (LS6) or ward"),
        Option("language", "language spoken (name or ISO code; BSL for British Sign Language)"),
        Option("age", "the person's age", int),
        Option("accepting_only", "only services taking referrals now", flag=True),
    ),
    order=72,
)
def find_services_task(
    book: Book,
    store: str | None = None,
    need: str | None = None,
    area: str | None = None,
    language: str | None = None,
    age: int | None = None,
    accepting_only: bool = False,
    sheets: Any = None,
) -> TaskResult:
    directory = open_store(store).read()
    query = Query(need, area, language, age, accepting_only)
    found = find_services(directory.services(), query)
    written = [book.write_sheet(_find_spec(found, query))]
    return TaskResult(
        "find_services",
        f"{len(found)} services found for {query.describe()}.",
        sheets=written,
        data={"found": [{"id": s.id, "name": s.name, "text": message(s)} for s in found]},
    )


def _cell_changes(entry: Entry, row: dict[str, Any]) -> dict[str, Any]:
    """Top-level service fields an edited Directory row changes."""
    s = entry.service
    data = entry.data
    changes: dict[str, Any] = {}
    for header, key in EDITABLE.items():
        if header not in row:
            continue
        value = row[header]
        text = None if value is None else str(value).strip() or None
        if key == "available":
            if text is None or not s.capacities:
                continue
            try:
                number = float(text)
            except ValueError as exc:
                raise BadInputError(
                    f"Places available for '{s.name}' must be a number, not '{text}'."
                ) from exc
            if number != s.capacities[0].available:
                capacities = [dict(c) for c in data.get("capacities", [])]
                capacities[0]["available"] = int(number) if number.is_integer() else number
                capacities[0]["updated"] = now()
                changes["capacities"] = capacities
        elif key == "volunteers":
            needed = bool(text) and text.lower().startswith(("y", "true"))
            current = dict(data.get("x_volunteers") or {})
            if bool(current.get("needed", False)) != needed:
                current["needed"] = needed
                changes["x_volunteers"] = current
        elif key == "x_referral_status":
            status = (text or "").lower()
            if status and status not in REFERRAL_FILLS:
                raise BadInputError(
                    f"Referrals for '{s.name}' must be one of: {', '.join(REFERRAL_FILLS)}."
                )
            if (status or None) != data.get(key):
                changes[key] = status or None
        elif (text or None) != (data.get(key) or None):
            changes[key] = text
    return changes


@task(
    "directory_push",
    "Update my entry",
    "Send your organisation's edits in the Directory tab back to the shared file: only "
    "the fields you changed, and no one else's entry.",
    options=(
        STORE,
        Option("org", "your organisation's name, as in the Directory tab"),
        Option("by", "your name, recorded with the change"),
    ),
    order=71,
    in_demo=False,
)
def directory_push(
    book: Book,
    store: str | None = None,
    org: str | None = None,
    by: str | None = None,
    sheets: Any = None,
) -> TaskResult:
    if not org:
        raise BadInputError("Say which organisation's entries to update (--org).")
    if "Directory" not in book.sheet_names():
        raise BadInputError("There is no Directory tab: press Sync directory first.")
    directory_store = open_store(store)
    directory = directory_store.read()
    table = book.read_table("Directory")
    frame = table.frame
    if "Service ID" not in frame.columns or "Version" not in frame.columns:
        raise BadInputError("The Directory tab has lost its Service ID or Version column.")
    who = f"{by or 'someone'} ({org})"
    updated, refused, untouched = [], [], 0

    for excel_row, row in zip(frame.index, frame.to_dict("records"), strict=True):
        entry = directory.entries.get(str(row.get("Service ID") or ""))
        if entry is None or entry.error is not None:
            continue
        if entry.service.organization.name.strip().lower() != org.strip().lower():
            continue  # another organisation's row: never pushed from here
        changes = _cell_changes(entry, row)
        if not changes:
            untouched += 1
            continue
        try:
            base = int(row.get("Version") or 0) or None
        except (TypeError, ValueError):
            base = None
        try:
            directory_store.update(entry.id, changes, base, by=who)
            updated.append(f"{entry.name} ({', '.join(sorted(changes))})")
        except ConflictError as exc:
            refused.append(f"Row {excel_row}: {exc.message}")
    if not updated and not refused and not untouched:
        raise BadInputError(f"The Directory tab has no entries of '{org}'.")
    summary = f"{len(updated)} of {org}'s services updated" + (
        f": {'; '.join(updated)}." if updated else "."
    )
    if refused:
        summary += " Not saved: " + " ".join(refused)
    return TaskResult(
        "directory_push",
        summary,
        problems=len(refused),
        data={"updated": updated, "refused": refused},
    )
