"""Tasks of the services directory: Sync directory, Update my entry, Find services."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from ..commands import Option, TaskResult, task
from ..directory.find import (
    Query,
    address_text,
    availability,
    contact_text,
    find_services,
    language_names,
    message,
    opening_times,
    shortlist_message,
)
from ..directory.models import Service
from ..directory.store import ConflictError, Directory, DirectoryStore, Entry
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

# Directory tab: header, tag, and the field of the My entry form (directory/form.py) an
# organisation may edit there and push back.
DIRECTORY_COLUMNS: list[tuple[str, str, str | None]] = [
    ("Organisation", "#org+name", None),
    ("Service", "#service+name", None),
    ("Category", "#sector", None),
    ("Status", "#service+status", None),
    ("Referrals", "#service+referrals", "referrals"),
    ("Places available", "#service+capacity+num", "available"),
    ("Capacity unit", "#service+capacity+unit", None),
    ("Volunteers needed", "#service+volunteers", "volunteers"),
    ("Languages", "#service+language", None),
    ("Area", "#service+area", None),
    ("Address", "#contact+address", None),
    ("Opening times", "#service+hours", None),
    ("Who for", "#service+eligibility", "who"),
    ("Accessibility", "#service+accessibility", None),
    ("Contact", "#contact+phone", None),
    ("Covid precautions", "#service+covid", "covid"),
    ("Description", "#service+description", "description"),
    ("Last updated", "#date+updated", None),
    ("Stale", "#service+stale", None),
    ("Service ID", "#service+id", None),
    ("Version", "#service+version", None),
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
        s.org_name,
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
    entries = sorted(directory.valid(), key=lambda e: (e.service.org_name.lower(), e.name.lower()))
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
        tags=[t for _, t, _ in DIRECTORY_COLUMNS if t],
        rows=rows,
        fills=fills,
        widths={0: 26, 1: 30, 5: 22, 6: 22, 9: 24, 10: 30, 11: 22, 12: 26, 13: 28, 14: 28, 16: 40},
        formats={headers.index("Last updated"): "dd/mm/yyyy"},
        hidden_columns={headers.index("Service ID"), headers.index("Version")},
        table="ServicesDirectory",
    )


def reminders_spec(directory: Directory, today: dt.date, stale_days: int) -> SheetSpec:
    from urllib.parse import quote

    rows = []
    for entry in directory.valid():
        days = _days_old(entry, today)
        if days is None or days <= stale_days:
            continue
        s = entry.service
        to = s.email or s.org_email or ""
        subject = f"Please check your entry in the local services directory: {s.name}"
        body = (
            f"Hello {s.org_name},\n\nYour entry for {s.name} in the shared directory of "
            f"local services was last updated {days} days ago. Could you check it is still "
            "right (referrals, places, opening times, languages, contacts) and update it, or "
            "reply to say it is?\n\nThank you."
        )
        link = f"mailto:{quote(to, safe='@')}?subject={quote(subject)}&body={quote(body)}"
        shown = f"E-mail {s.org_name}" if to else "No e-mail address: phone them"
        rows.append(([s.org_name, s.name, days, to or None, shown, entry.id], link if to else None))
    rows.sort(key=lambda r: -r[0][2])
    return SheetSpec(
        name="Reminders",
        task="directory_sync",
        title=f"Entries not updated for {stale_days} days",
        notes=[
            "Click 'E-mail ...' to open a ready-to-send e-mail asking the organisation to "
            "check its entry."
        ],
        columns=[
            "Organisation",
            "Service",
            "Days since update",
            "E-mail",
            "Reminder e-mail",
            "Service ID",
        ],
        tags=[
            "#org+name",
            "#service+name",
            "#meta+days",
            "#contact+email",
            "#meta+link",
            "#service+id",
        ],
        rows=[r for r, _ in rows],
        urls={(k, 4): link for k, (_, link) in enumerate(rows) if link},
        widths={0: 28, 1: 30, 3: 30, 4: 34},
    )


def spaces_spec(directory: Directory) -> SheetSpec:
    rows = []
    for entry in directory.valid():
        s = entry.service
        if s.x_space_to_share and s.x_space_to_share.kinds:
            space = s.x_space_to_share
            row = [s.org_name, ", ".join(space.kinds), space.description]
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


# The Find services tab: header, tag, and each service's value.
FIND_COLUMNS: list[tuple[str, str, Any]] = [
    ("Service", "#service+name", lambda s: s.name),
    ("Organisation", "#org+name", lambda s: s.org_name),
    ("Open now?", "#meta+availability", lambda s: availability(s)[1]),
    ("Referrals", "#service+referrals", lambda s: REFERRAL_LABELS.get(s.x_referral_status)),
    ("Places available", "#service+capacity+num",
     lambda s: sum(c.available for c in s.capacities) if s.capacities else None),
    ("Languages", "#service+language", language_names),
    ("Opening times", "#service+hours", lambda s: opening_times(s.all_schedules())),
    ("Phone", "#contact+phone", lambda s: next((p.number for p in s.all_phones()), None)),
    ("E-mail", "#contact+email",
     lambda s: s.email or next((c.email for c in s.contacts if c.email), None)),
    ("Ready-to-send text", "#meta+text", message),
    ("Service ID", "#service+id", lambda s: s.id),
]  # fmt: skip
REFERRAL_LABELS = {
    "accepting": "Accepting",
    "waiting list": "Waiting list",
    "assessment required": "Assessment required",
    "closed": "Closed",
}


def _find_spec(found: list[Service], query: Query) -> SheetSpec:
    rows, fills = [], {}
    for r, s in enumerate(found):
        rows.append([value(s) for _, _, value in FIND_COLUMNS])
        fills[(r, 2)] = availability(s)[2]  # the words, in the colour of how open it is
    notes = [
        f"Services for {query.describe()}: {len(found)} found. Open services taking "
        "referrals come first; full, not taking referrals and temporarily closed ones "
        "after, marked in words and colour."
    ]
    if found:
        notes.append("The Ready-to-send text pastes into WhatsApp, a text or an e-mail; the "
                     "Shortlist tab holds them all in one.")  # fmt: skip
    return SheetSpec(
        name="Find services",
        task="find_services",
        title="Find services",
        notes=notes,
        columns=[h for h, _, _ in FIND_COLUMNS],
        tags=[t for _, t, _ in FIND_COLUMNS],
        rows=rows,
        fills=fills,
        widths={0: 28, 1: 26, 2: 20, 3: 14, 4: 12, 5: 18, 6: 22, 7: 16, 8: 26, 9: 70, 10: 14},
    )


def _shortlist_spec(found: list[Service], query: Query) -> SheetSpec:
    return SheetSpec(
        name="Shortlist",
        task="find_services",
        title="Shortlist to send",
        notes=["Copy the cell below into WhatsApp, a text message or an e-mail."],
        columns=["Shortlist to send"],
        tags=["#meta+text"],
        rows=[[shortlist_message(found, query)]],
        widths={0: 90},
        autofilter=False,
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
        Option(
            "wards",
            "a sheet or file of postcodes and wards: a postcode also finds the "
            "services that cover its ward",
        ),
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
    wards: str | None = None,
    sheets: Any = None,
) -> TaskResult:
    from .insights import _wards

    directory = open_store(store).read()
    lookup = _wards(book, wards) if wards else None
    query = Query(need, area, language, age, accepting_only, lookup)
    found = find_services(directory.services(), query)
    written = [book.write_sheet(_find_spec(found, query))]
    if found:
        written.append(book.write_sheet(_shortlist_spec(found, query)))
    return TaskResult(
        "find_services",
        f"{len(found)} services found for {query.describe()}.",
        sheets=written,
        data={"found": [{"id": s.id, "name": s.name, "text": message(s)} for s in found]},
    )


FORM_SHEET = "My entry"
FORM_COLUMNS = ["Field", "Value", "How to write it", "As it was", "Key"]
INPUT_FILL, FIXED_FILL = "FFF2CC", "EDEDED"


def _entry_for(directory: Directory, service: str | None, org: str | None) -> Entry:
    """The entry named by ``service`` (its ID or name), or the first of ``org``'s."""
    entries = directory.valid()
    if org:
        entries = [e for e in entries if _same(e.service.org_name, org)]
        if not entries:
            raise BadInputError(f"The directory has no services of '{org}'.")
    if service:
        found = [e for e in entries if e.id == service.strip() or _same(e.name, service)]
        if not found:
            raise BadInputError(
                f"The directory has no service called '{service}'"
                + (f" run by {org}." if org else ".")
            )
        if len(found) > 1:
            owners = ", ".join(sorted({e.service.org_name for e in found}))
            raise BadInputError(
                f"Several services are called '{service}' ({owners}): say which organisation."
            )
        return found[0]
    if not org:
        raise BadInputError("Say which service to open (--service), or whose (--org).")
    return sorted(entries, key=lambda e: e.name.lower())[0]


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def form_spec(entry: Entry) -> SheetSpec:
    """The My entry tab: one row per field, the value to edit beside how to write it."""
    from ..directory.form import form_values

    rows, fills, dropdowns = [], {}, {}
    for r, (f, value) in enumerate(form_values(entry.data)):
        rows.append([f.label, value, f.help, value, f.key])
        fills[(r, 1)] = INPUT_FILL if f.put is not None else FIXED_FILL
        if f.choices:
            dropdowns[(r, 1)] = list(f.choices)
    for key, label, value in (
        ("_id", "Service ID (do not change)", entry.id),
        ("_version", "Entry version (do not change)", entry.version),
    ):
        rows.append([label, value, "Update my entry checks it against the file.", value, key])
        fills[(len(rows) - 1, 1)] = FIXED_FILL
    when = _updated(entry)
    return SheetSpec(
        name=FORM_SHEET,
        task="directory_form",
        title=f"{entry.name} ({entry.service.org_name})",
        notes=[
            "Change the yellow cells, then press Update my entry. Only the rows you change "
            "are saved; the rest of the entry, and everyone else's, stays as it is.",
            f"Entry version {entry.version}"
            + (f", last updated {when:%d/%m/%Y}" if when else "")
            + ". Opening times are weekly: 09:00-17:00, or 10:00-12:00, 14:00-16:00.",
        ],
        columns=FORM_COLUMNS,
        rows=rows,
        fills=fills,
        cell_dropdowns=dropdowns,
        widths={0: 26, 1: 48, 2: 52},
        hidden_columns={3, 4},
        autofilter=False,
    )


@task(
    "directory_form",
    "Edit my entry",
    "Open one of your organisation's services as a form (the My entry tab): every field, "
    "with its address, contact, opening times, capacity and volunteers. Change what you "
    "need, then press Update my entry.",
    options=(
        STORE,
        Option("service", "the service's name (or ID), as in the Directory tab"),
        Option("org", "your organisation's name; without --service, its first service"),
    ),
    order=71,
)
def directory_form(
    book: Book,
    store: str | None = None,
    service: str | None = None,
    org: str | None = None,
    sheets: Any = None,
) -> TaskResult:
    entry = _entry_for(open_store(store).read(), service, org)
    written = book.write_sheet(form_spec(entry))
    return TaskResult(
        "directory_form",
        f"'{entry.name}' is open in the {written} tab: change the yellow cells, then press "
        "Update my entry.",
        sheets=[written],
        data={"id": entry.id, "version": entry.version},
    )


def _form_push(
    book: Book, directory_store: DirectoryStore, org: str, who: str
) -> tuple[list[str], list[str], Entry | None]:
    """Apply the My entry tab's changed rows; returns (updated, refused, the entry)."""
    from ..directory.form import FormError, apply_form, form_values, same_value

    frame = book.read_table(FORM_SHEET).frame
    if not {"Value", "As it was", "Key"} <= set(frame.columns):
        raise BadInputError(f"The {FORM_SHEET} tab has lost its columns: open it again.")
    rows = {str(k): (v, was) for k, v, was in
            zip(frame["Key"], frame["Value"], frame["As it was"], strict=True)}  # fmt: skip
    service_id = str((rows.get("_id") or (None,))[0] or "")
    directory = directory_store.read()
    entry = directory.entries.get(service_id)
    if entry is None or entry.error is not None:
        raise BadInputError(f"The service in the {FORM_SHEET} tab is no longer in the directory.")
    if not _same(entry.service.org_name, org):
        raise BadInputError(
            f"The {FORM_SHEET} tab holds a service of {entry.service.org_name}, "
            f"not of {org}: only an organisation's own entry is updated from here."
        )
    edits = {k: v for k, (v, was) in rows.items() if not k.startswith("_")
             and not same_value(v, was)}  # fmt: skip
    if not edits:
        return [], [], entry
    try:
        base = int(float(rows["_version"][0]))
    except (KeyError, TypeError, ValueError):
        base = None
    # Merged row by row: a row someone else changed since the form was made (to another
    # value than yours) refuses the push; other rows go on top of the entry as it is now,
    # even where they sit in the same part of it (an address and the opening times).
    others = [c for c in entry.history if base is None or c.version > base]
    others = [c for c in others if c.by != who]
    if others:
        now_shows = {f.key: value for f, value in form_values(entry.data)}
        for key, value in edits.items():
            was = rows[key][1]
            theirs = now_shows.get(key)
            if not same_value(theirs, was) and not same_value(theirs, value):
                return [], [f"{FORM_SHEET}: {_clash_message(entry, key, value, others)}"], entry
    try:
        changes = apply_form(entry.data, edits)
    except FormError as exc:
        raise BadInputError(f"{entry.name}: {exc}") from exc
    try:
        saved = directory_store.update(entry.id, changes, entry.version, by=who)
    except ConflictError as exc:  # someone saved in the moment since it was read
        return [], [f"{FORM_SHEET}: {exc.message}"], entry
    return [f"{entry.name} ({', '.join(sorted(changes))})"], [], saved


def _clash_message(entry: Entry, key: str, value: Any, others: list[Any]) -> str:
    """Who changed the part of the entry that a form row belongs to, since the form."""
    from ..directory.form import BY_KEY, FormError, apply_form

    try:
        part = set(apply_form(entry.data, {key: value}))
    except FormError:
        part = set()
    touched = [c for c in others if part & set(c.fields)] or others
    names = list(dict.fromkeys(c.by for c in touched))
    return (
        f"'{BY_KEY[key].label}' of '{entry.name}' was changed after you opened it (by "
        f"{' or '.join(names)}; last at {touched[-1].at}), so your changes were not saved. "
        "Press Edit my entry to see theirs, then make yours again."
    )


def _cell_changes(entry: Entry, row: dict[str, Any]) -> dict[str, Any]:
    """Top-level service fields an edited Directory row changes (read as the same rows
    of the My entry form)."""
    from ..directory.form import FormError, apply_form, form_values, same_value

    shown = {f.key: value for f, value in form_values(entry.data)}
    edits = {}
    for header, key in EDITABLE.items():
        if header not in row:
            continue
        value = row[header]
        if key == "available" and (value is None or not entry.service.capacities):
            continue  # a blank cell, or a service that counts no places
        if key == "volunteers" and value is not None:
            value = str(value).split(":")[0]  # "Yes: driver (DBS basic)"
        if not same_value(value, shown[key]):
            edits[key] = value
    try:
        return apply_form(entry.data, edits)
    except FormError as exc:
        raise BadInputError(f"{entry.name}: {exc}") from exc


@task(
    "directory_push",
    "Update my entry",
    "Send your organisation's edits in the My entry tab or the Directory tab back to the "
    "shared file: only the fields you changed, and no one else's entry.",
    options=(
        STORE,
        Option("org", "your organisation's name, as in the Directory tab"),
        Option("by", "your name, recorded with the change"),
    ),
    order=74,
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
    names = book.sheet_names()
    if "Directory" not in names and FORM_SHEET not in names:
        raise BadInputError(
            "There is no Directory tab or My entry tab: press Sync directory or Edit my entry "
            "first."
        )
    directory_store = open_store(store)
    who = f"{by or 'someone'} ({org})"
    updated, refused, untouched = [], [], 0
    written = []
    if FORM_SHEET in names:
        done, failed, entry = _form_push(book, directory_store, org, who)
        updated += done
        refused += failed
        untouched += not (done or failed)
        if done and entry is not None:
            # The form now shows the saved entry, with its new version.
            written.append(book.write_sheet(form_spec(entry)))
    if "Directory" not in names:
        return _push_result(org, updated, refused, untouched, written)
    directory = directory_store.read()
    table = book.read_table("Directory")
    frame = table.frame
    if "Service ID" not in frame.columns or "Version" not in frame.columns:
        raise BadInputError("The Directory tab has lost its Service ID or Version column.")

    for excel_row, row in zip(frame.index, frame.to_dict("records"), strict=True):
        entry = directory.entries.get(str(row.get("Service ID") or ""))
        if entry is None or entry.error is not None:
            continue
        if not _same(entry.service.org_name, org):
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
    return _push_result(org, updated, refused, untouched, written)


def _push_result(
    org: str, updated: list[str], refused: list[str], untouched: int, written: list[str]
) -> TaskResult:
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
        sheets=written,
        data={"updated": updated, "refused": refused},
    )
