"""The shared directory file: ``services.json`` on a shared drive, OneDrive or SharePoint.

Many people save to it, sometimes at the same moment, from machines that sync
the folder in the background. The rules:

* **Writers take turns.** A lock file beside it (``services.json.lock``, through
  ``filelock``) lets one writer at a time read, change and save.
* **Readers never see half a file.** A save writes a temporary file in the same
  folder, flushes it to disk, and renames it over the old one (``os.replace``,
  atomic on Windows and POSIX). A save killed half-way leaves the old file whole.
* **No update is lost.** Every entry has a version. An update made against an old
  version is merged field by field; when someone else has changed the same field
  since, the update is refused with a message naming who and when. Every change
  records who made it, when, and which fields.
* **Damage is survivable.** The last ``keep`` versions are kept in a backups
  folder. A file that is not valid JSON (truncated, overwritten) gives a clear
  message and the newest good backup is used; an entry that is not a valid service
  is reported and kept exactly as it was, and never blocks the others.
* **Cloud-sync conflict copies** ("services-LAPTOP-12.json", "services (Ann's
  conflicted copy).json") are found and merged, or reported when they clash.
* **Versioned format.** ``schema_version`` says which layout the file has; older
  layouts are migrated on read.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import BadInputError, VcsExcelError
from ..workbook.modes import apply_mode
from .models import Service

SCHEMA_VERSION = 2
FORMAT = "vcs-excel services directory"
KEEP_BACKUPS = 10
KEEP_HISTORY = 200  # changes remembered per entry (older updates than that are refused)
LOCK_TIMEOUT = 30.0


class DirectoryError(VcsExcelError):
    """The directory file cannot be used (damaged with no backup, newer format...)."""


class ConflictError(DirectoryError):
    """Someone else changed the same field since this update's version was read."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class Change:
    version: int
    by: str
    at: str
    fields: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "by": self.by, "at": self.at, "fields": self.fields}


@dataclass
class Entry:
    """One service in the file, with its version and the changes made to it."""

    id: str
    version: int
    data: dict[str, Any]  # the HSDS service as stored (kept as it was if invalid)
    history: list[Change] = field(default_factory=list)
    error: str | None = None  # why ``data`` is not a valid service, if it is not
    _model: tuple[int, dict[str, Any], Service] | None = field(default=None, repr=False)

    @property
    def service(self) -> Service:
        """``data`` as a :class:`Service`, validated once per version of the entry."""
        if self._model is None or self._model[0] != self.version or self._model[1] is not self.data:
            self._model = (self.version, self.data, Service.model_validate(self.data))
        return self._model[2]

    @property
    def name(self) -> str:
        return str(self.data.get("name") or self.id)

    @property
    def updated(self) -> str | None:
        """When the service was last changed: its ``last_modified`` (kept from the source
        on import, set on every change here), else the last change recorded."""
        return self.data.get("last_modified") or (self.history[-1].at if self.history else None)

    def to_json(self, keep_history: int = KEEP_HISTORY) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "service": self.data,
            "history": [c.to_json() for c in self.history[-keep_history:]],
        }


@dataclass
class Directory:
    """What was read: the entries, and what a person should know about the file."""

    entries: dict[str, Entry]
    notes: list[str] = field(default_factory=list)
    source: Path | None = None  # the file read (a backup, when the file was damaged)

    def valid(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.error is None]

    def invalid(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.error is not None]

    def services(self) -> list[Service]:
        return [e.service for e in self.valid()]


def _validation_message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "entry"
    return f"{where}: {first.get('msg', 'not valid')}"


def _entry(raw: Any, position: int) -> Entry:
    if not isinstance(raw, dict):
        return Entry(f"entry {position + 1}", 0, {"value": raw}, error="not an object")
    data = raw.get("service")
    data = data if isinstance(data, dict) else {}
    history = []
    for c in raw.get("history") or []:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            history.append(Change(int(c["version"]), str(c["by"]), str(c["at"]), list(c["fields"])))
    try:
        version = int(raw.get("version", 1))
    except (TypeError, ValueError):
        version = 1
    entry = Entry(str(raw.get("id") or data.get("id") or f"entry {position + 1}"), version, data,
                  history)  # fmt: skip
    try:
        entry._model = (version, data, Service.model_validate(data))
    except ValidationError as exc:
        entry.error = _validation_message(exc)
    return entry


def migrate(document: Any) -> dict[str, Any]:
    """A file of any known layout in the current one.

    Version 1 (and a bare list) held the services alone, with no versions or history.
    """
    if isinstance(document, list):
        document = {"schema_version": 1, "services": document}
    if not isinstance(document, dict):
        raise DirectoryError("is not a directory file (its contents are not a JSON object).")
    version = document.get("schema_version")
    if version is None and "contents" in document:  # an HSDS service list
        document = {"schema_version": 1, "services": document["contents"]}
        version = 1
    if version == 1:
        return {
            "schema_version": SCHEMA_VERSION,
            "format": FORMAT,
            "entries": [
                {
                    "id": s.get("id") if isinstance(s, dict) else None,
                    "version": 1,
                    "service": s,
                    "history": [],
                }
                for s in document.get("services") or []
            ],
        }
    if version == SCHEMA_VERSION:
        return document
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise DirectoryError(
            f"was saved by a newer version of vcs-excel (format {version}; this version reads "
            f"up to {SCHEMA_VERSION}). Update vcs-excel to use it."
        )
    raise DirectoryError(f"has an unknown format version ({version!r}).")


class DirectoryStore:
    """The shared ``services.json`` and its lock, backups and conflict copies.

    >>> store = DirectoryStore("S:/Community/services.json")           # doctest: +SKIP
    >>> entry = store.update(service_id, {"x_referral_status": "closed"},  # doctest: +SKIP
    ...                      base_version=4, by="Ann (Leeds Food Aid)")
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        keep: int = KEEP_BACKUPS,
        timeout: float = LOCK_TIMEOUT,
        keep_history: int = KEEP_HISTORY,
    ) -> None:
        self.path = Path(path)
        self.keep = keep
        self.timeout = timeout
        self.keep_history = keep_history
        self.backups = self.path.parent / f".{self.path.stem}-backups"

    # ------------------------------------------------------------------ reading
    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> Directory:
        """The directory as it is now (a damaged file falls back to its newest good backup)."""
        if not self.path.exists():
            return Directory({}, source=self.path)
        try:
            document = self._load(self.path)
            notes: list[str] = []
            source = self.path
        except DirectoryError as damage:
            document, source = self._newest_backup(damage)
            notes = [
                f"{self.path.name} {damage.message} The last good copy, saved "
                f"{_saved_at(source)}, is used instead; the next save repairs the file."
            ]
        directory = self._directory(document, source)
        directory.notes = notes + directory.notes
        for entry in directory.invalid():
            directory.notes.append(
                f"Entry '{entry.name}' is not a valid service ({entry.error}); it is kept as "
                "it is and left out until it is fixed."
            )
        return directory

    def _load(self, path: Path) -> dict[str, Any]:
        try:
            text = path.read_text("utf-8-sig")
        except OSError as exc:
            raise DirectoryError(f"cannot be read: {exc.strerror or exc}.") from exc
        except UnicodeDecodeError as exc:
            raise DirectoryError("is not a text file.") from exc
        if not text.strip():
            raise DirectoryError("is empty.")
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DirectoryError(
                f"is damaged or incomplete (not valid JSON at line {exc.lineno})."
            ) from exc
        return migrate(document)

    def _directory(self, document: dict[str, Any], source: Path) -> Directory:
        entries: dict[str, Entry] = {}
        notes = []
        for i, raw in enumerate(document.get("entries") or []):
            entry = _entry(raw, i)
            if entry.id in entries:
                notes.append(f"Entry id {entry.id} appears twice; the first is used.")
                continue
            entries[entry.id] = entry
        return Directory(entries, notes, source)

    def _backup_files(self) -> list[Path]:
        if not self.backups.is_dir():
            return []
        return sorted(self.backups.glob(f"{self.path.stem}.*.json"), reverse=True)

    def _newest_backup(self, damage: DirectoryError) -> tuple[dict[str, Any], Path]:
        for backup in self._backup_files():
            with contextlib.suppress(DirectoryError):
                return self._load(backup), backup
        raise DirectoryError(
            f"{self.path.name} {damage.message} There is no good backup to recover from "
            f"(backups are kept in {self.backups.name}). Restore it from the shared drive's "
            "version history."
        )

    # ------------------------------------------------------------------ writing
    @contextlib.contextmanager
    def locked(self) -> Iterator[Directory]:
        """Hold the lock and the current directory; save it with :meth:`save` inside."""
        from filelock import FileLock, Timeout

        lock = FileLock(str(self.path) + ".lock", timeout=self.timeout)
        try:
            lock.acquire()
        except Timeout as exc:
            raise DirectoryError(
                f"{self.path.name} is being saved by someone else and stayed locked for "
                f"{self.timeout:.0f} s. Try again in a minute; if it stays locked, delete "
                f"{self.path.name}.lock when nobody is saving."
            ) from exc
        except OSError as exc:
            raise DirectoryError(
                f"Cannot lock {self.path.name}: {exc.strerror or exc}. Check the folder is "
                "reachable and you can write to it."
            ) from exc
        try:
            yield self.read()
        finally:
            lock.release()

    def save(self, directory: Directory) -> None:
        """Write the whole directory atomically (call inside :meth:`locked`)."""
        document = {
            "schema_version": SCHEMA_VERSION,
            "format": FORMAT,
            "saved_at": now(),
            "entries": [e.to_json(self.keep_history) for e in directory.entries.values()],
        }
        text = json.dumps(document, ensure_ascii=False, indent=1)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.path, text)
        self._keep_backup(text)

    def _keep_backup(self, text: str) -> None:
        """Keep this version in the backups folder: a copy, not a link, so that a program
        writing over the file in place cannot damage its backup too."""
        try:
            self.backups.mkdir(exist_ok=True)
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
            _atomic_write(self.backups / f"{self.path.stem}.{stamp}.json", text)
            for old in self._backup_files()[self.keep :]:
                with contextlib.suppress(OSError):
                    old.unlink()
        except OSError:
            pass  # a backup that cannot be kept must not fail the save itself

    # ------------------------------------------------------------------ changes
    def import_services(self, services: Iterable[Service], by: str) -> tuple[int, int]:
        """Add new services and replace changed ones (an HSDS import): (added, updated)."""
        added = updated = 0
        with self.locked() as directory:
            for service in services:
                data = _service_data(service)
                entry = directory.entries.get(data["id"])
                stamp = now()
                if entry is None:
                    directory.entries[data["id"]] = Entry(
                        data["id"], 1, data, [Change(1, by, stamp, sorted(data))]
                    )
                    added += 1
                elif entry.data != data:
                    fields = sorted(k for k in set(data) | set(entry.data)
                                    if data.get(k) != entry.data.get(k))  # fmt: skip
                    entry.data, entry.version, entry.error = data, entry.version + 1, None
                    entry.history.append(Change(entry.version, by, stamp, fields))
                    updated += 1
            self.save(directory)
        return added, updated

    def add(self, service: Service | Mapping[str, Any], by: str) -> Entry:
        """Add a new service (its id must be new)."""
        data = _service_data(service)
        with self.locked() as directory:
            if data["id"] in directory.entries:
                raise BadInputError(f"The directory already has a service with id {data['id']}.")
            stamp = now()
            data["last_modified"] = stamp
            entry = Entry(data["id"], 1, data, [Change(1, by, stamp, sorted(data))])
            directory.entries[entry.id] = entry
            self.save(directory)
            return entry

    def update(
        self,
        service_id: str,
        changes: Mapping[str, Any],
        base_version: int | None,
        by: str,
    ) -> Entry:
        """Change some top-level fields of one service.

        ``base_version`` is the version the person started from. If the entry has
        moved on since, the update is merged when the fields differ from those
        changed in between, and refused with :class:`ConflictError` when one of them
        was changed by someone else to a different value.
        """
        with self.locked() as directory:
            entry = self._apply(directory, service_id, dict(changes), base_version, by)
            self.save(directory)
            return entry

    def _apply(
        self,
        directory: Directory,
        service_id: str,
        changes: dict[str, Any],
        base_version: int | None,
        by: str,
    ) -> Entry:
        entry = directory.entries.get(service_id)
        if entry is None:
            raise BadInputError(
                f"The directory has no service with id {service_id} (it may have been removed)."
            )
        changes = {k: v for k, v in changes.items() if k not in ("id", "last_modified")}
        changed = sorted(k for k, v in changes.items() if entry.data.get(k) != v)
        if not changed:
            return entry
        if base_version is not None and base_version < entry.version:
            clash = _clashes(entry, changes, base_version, by)
            if clash:
                field_name, change = clash
                raise ConflictError(
                    f"'{field_name}' of '{entry.name}' was changed by {change.by} at "
                    f"{change.at} after you opened it, so your change to it was not saved. "
                    "Sync the directory to see theirs, then make yours again if it is still "
                    "needed."
                )
        data = copy.deepcopy(entry.data)
        data.update({k: changes[k] for k in changed})
        stamp = now()
        data["last_modified"] = stamp
        try:
            Service.model_validate(data)
        except ValidationError as exc:
            raise BadInputError(
                f"The change to '{entry.name}' was not saved: {_validation_message(exc)}."
            ) from exc
        entry.data = data
        entry.version += 1
        entry.error = None
        entry.history.append(Change(entry.version, by, stamp, changed))
        return entry

    # ------------------------------------------------------------------ conflict copies
    def conflict_copies(self) -> list[Path]:
        """Copies a sync client left beside the file: "services-LAPTOP-12.json",
        "services (1).json", "services (Ann's conflicted copy 2026-11-25).json"."""
        stem, suffix = re.escape(self.path.stem), re.escape(self.path.suffix)
        pattern = re.compile(rf"^{stem}(?:[- ].+|\s*\(.+\)){suffix}$", re.I)
        return sorted(
            p
            for p in self.path.parent.iterdir()
            if p.is_file() and p != self.path and pattern.match(p.name)
        )

    def merge_conflict_copies(self, by: str) -> list[str]:
        """Merge what the conflict copies hold that the file does not; report clashes.

        A merged copy is renamed ``*.merged`` (nothing is deleted); a copy with a
        clash stays where it is for a person to look at.
        """
        copies = self.conflict_copies()
        if not copies:
            return []
        report = []
        with self.locked() as directory:
            dirty = False
            for path in copies:
                try:
                    other = self._directory(self._load(path), path)
                except DirectoryError as exc:
                    report.append(f"{path.name} {exc.message} It was left as it is.")
                    continue
                clashes = []
                for entry in other.entries.values():
                    mine = directory.entries.get(entry.id)
                    if mine is None:
                        directory.entries[entry.id] = entry
                        report.append(f"Added '{entry.name}' from {path.name}.")
                        dirty = True
                        continue
                    outcome = _merge_entry(mine, entry)
                    if outcome is None:
                        continue
                    if outcome.startswith("clash:"):
                        clashes.append(f"'{entry.name}' ({outcome[6:]})")
                    else:
                        report.append(f"Merged {outcome} of '{entry.name}' from {path.name}.")
                        dirty = True
                if clashes:
                    report.append(
                        f"{path.name} changes the same fields as the main file for "
                        f"{', '.join(clashes)}; it was kept for a person to compare."
                    )
                else:
                    with contextlib.suppress(OSError):
                        path.rename(path.with_name(path.name + ".merged"))
            if dirty:
                self.save(directory)
        return report


def _clashes(
    entry: Entry, changes: Mapping[str, Any], base_version: int, by: str
) -> tuple[str, Change] | None:
    """A field this update changes that someone else changed after ``base_version``."""
    oldest = entry.history[0].version if entry.history else entry.version
    if base_version < oldest - 1:
        # Changes that old are no longer remembered field by field: play safe.
        last = entry.history[-1] if entry.history else Change(entry.version, "someone", "", [])
        return "this entry", last
    # The latest change by someone else (a person's own earlier saves are no conflict).
    for change in reversed(entry.history):
        if change.version <= base_version or change.by == by:
            continue
        for name in change.fields:
            if name in changes and entry.data.get(name) != changes[name]:
                return name, change
    return None


def _merge_entry(mine: Entry, theirs: Entry) -> str | None:
    """Bring ``theirs`` (from a conflict copy) into ``mine``; a description, or None."""
    if theirs.data == mine.data:
        return None
    # The last version both share, then what each changed after it.
    mine_versions = {c.version: c for c in mine.history}
    common = 0
    for c in theirs.history:
        ours = mine_versions.get(c.version)
        if ours is not None and ours.at == c.at and ours.by == c.by:
            common = max(common, c.version)
    their_changes = [c for c in theirs.history if c.version > common]
    if not their_changes:
        return None  # the copy is older than the file: nothing new in it
    my_fields = {f for c in mine.history if c.version > common for f in c.fields}
    their_fields = {f for c in their_changes for f in c.fields} - {"last_modified"}
    both = sorted(f for f in my_fields & their_fields if mine.data.get(f) != theirs.data.get(f))
    if both:
        return "clash:" + ", ".join(both)
    new = sorted(f for f in their_fields if mine.data.get(f) != theirs.data.get(f))
    if not new:
        return None
    for f in new:
        mine.data[f] = copy.deepcopy(theirs.data.get(f))
    mine.version += 1
    last = their_changes[-1]
    mine.history.append(Change(mine.version, last.by, last.at, new))
    mine.error = None
    return ", ".join(new)


def _service_data(service: Service | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(service, Service):
        return service.model_dump(mode="json", exclude_none=True)
    try:
        return Service.model_validate(dict(service)).model_dump(mode="json", exclude_none=True)
    except ValidationError as exc:
        raise BadInputError(f"Not a valid service: {_validation_message(exc)}.") from exc


def _saved_at(path: Path) -> str:
    try:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return "earlier"
    return stamp.strftime("%d/%m/%Y %H:%M")


def _atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, flush it to disk, rename it over."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        apply_mode(tmp, path)  # a shared file stays shared, never owner-only
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
