"""The shared services.json: merges, conflicts, many writers, killed saves and damage."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vcs_excel.directory import ConflictError, DirectoryError, DirectoryStore
from vcs_excel.directory.store import SCHEMA_VERSION
from vcs_excel.errors import BadInputError
from vcs_excel.synthetic.services import generate_services


def make_store(tmp_path: Path, n: int = 5, **kwargs) -> tuple[DirectoryStore, list[str]]:
    store = DirectoryStore(tmp_path / "services.json", **kwargs)
    ids = [store.add(s, by="setup").id for s in generate_services(n, seed=3)]
    return store, ids


def test_an_update_from_an_old_version_is_merged_when_fields_differ(tmp_path):
    store, ids = make_store(tmp_path)
    v = store.read().entries[ids[0]].version
    store.update(ids[0], {"x_covid_precautions": "Masks on request"}, v, by="Ann (Hope Trust)")
    entry = store.update(ids[0], {"description": "Now also on Saturdays."}, v, by="Raj")
    assert entry.version == v + 2
    data = store.read().entries[ids[0]].data
    assert data["x_covid_precautions"] == "Masks on request"
    assert data["description"] == "Now also on Saturdays."
    assert [c.by for c in entry.history[-2:]] == ["Ann (Hope Trust)", "Raj"]
    assert entry.history[-1].fields == ["description"]


def test_the_same_field_changed_twice_is_refused_naming_who_and_when(tmp_path):
    store, ids = make_store(tmp_path)
    v = store.read().entries[ids[0]].version
    store.update(ids[0], {"x_covid_precautions": "Masks"}, v, by="Ann (Hope Trust)")
    with pytest.raises(ConflictError) as err:
        store.update(ids[0], {"x_covid_precautions": "None now"}, v, by="Raj")
    assert "Ann (Hope Trust)" in err.value.message
    assert "x_covid_precautions" in err.value.message
    assert store.read().entries[ids[0]].data["x_covid_precautions"] == "Masks"


def test_setting_what_someone_else_already_set_is_not_a_conflict(tmp_path):
    store, ids = make_store(tmp_path)
    v = store.read().entries[ids[0]].version
    store.update(ids[0], {"x_covid_precautions": "Masks"}, v, by="Ann")
    entry = store.update(ids[0], {"x_covid_precautions": "Masks"}, v, by="Raj")
    assert entry.version == v + 1


def test_an_invalid_change_is_refused_and_nothing_is_written(tmp_path):
    store, ids = make_store(tmp_path)
    before = store.path.read_bytes()
    with pytest.raises(BadInputError, match="minimum_age"):
        store.update(ids[0], {"minimum_age": 400}, None, by="Ann")
    assert store.path.read_bytes() == before


def test_resident_data_is_refused(tmp_path):
    store, ids = make_store(tmp_path)
    with pytest.raises(BadInputError, match="resident"):
        store.update(ids[0], {"x_client_names": ["Jean Smith"]}, None, by="Ann")
    service = generate_services(1, seed=9)[0].model_dump(mode="json")
    service["date_of_birth"] = "1950-01-01"
    with pytest.raises(BadInputError, match="resident"):
        store.add(service, by="Ann")


# ---------------------------------------------------------------- many writers
def _writer(path: str, worker: int, ids: list[str], results: str) -> None:
    store = DirectoryStore(path, keep_history=100_000, timeout=120)
    rng = random.Random(worker)
    out = []
    for j in range(50):
        if j % 2:
            target, field = ids[0], "description"  # everyone edits this one field
        else:
            target, field = ids[worker % len(ids)], f"x_note_{worker}"
        value = f"w{worker}-u{j}"
        version = store.read().entries[target].version
        time.sleep(rng.random() * 0.01)
        try:
            store.update(target, {field: value}, version, by=value)
            out.append(("applied", target, value))
        except ConflictError as exc:
            assert "was changed by" in exc.message
            out.append(("refused", target, value))
    Path(results).write_text(json.dumps(out))


def _reader(path: str, stop: str, bad: str) -> None:
    failures = 0
    while not Path(stop).exists():
        try:
            json.loads(Path(path).read_text("utf-8"))
        except FileNotFoundError:
            failures += 1  # the file must never be missing, even during a rename
        except json.JSONDecodeError:
            failures += 1
    Path(bad).write_text(str(failures))


def test_twenty_writers_lose_nothing_and_readers_always_see_valid_json(tmp_path):
    store, ids = make_store(tmp_path, keep_history=100_000)
    ctx = multiprocessing.get_context("fork")
    stop, bad = tmp_path / "stop", tmp_path / "bad"
    reader = ctx.Process(target=_reader, args=(str(store.path), str(stop), str(bad)))
    reader.start()
    workers = [
        ctx.Process(target=_writer, args=(str(store.path), w, ids, str(tmp_path / f"r{w}")))
        for w in range(20)
    ]
    for p in workers:
        p.start()
    for p in workers:
        p.join(600)
        assert p.exitcode == 0
    stop.touch()
    reader.join(60)
    assert int(bad.read_text()) == 0
    outcomes = [tuple(o) for w in range(20) for o in json.loads((tmp_path / f"r{w}").read_text())]
    assert len(outcomes) == 20 * 50
    final = store.read()
    recorded = {c.by for e in final.entries.values() for c in e.history}
    for outcome, _target, value in outcomes:
        assert (value in recorded) == (outcome == "applied"), (outcome, value)
    for target in ids:
        applied = sum(1 for o, t, _ in outcomes if o == "applied" and t == target)
        assert final.entries[target].version == 1 + applied
    # The last applied value of each worker's own field is what the file holds.
    for w in range(20):
        mine = [v for o, t, v in outcomes if o == "applied" and v.startswith(f"w{w}-")]
        own = [v for v in mine if int(v.split("-u")[1]) % 2 == 0]
        assert final.entries[ids[w % len(ids)]].data[f"x_note_{w}"] == own[-1]
    refused = sum(1 for o, *_ in outcomes if o == "refused")
    assert refused > 0  # the contended field really was contended


# ---------------------------------------------------------------- killed saves
SAVER = """
import sys
from vcs_excel.directory import DirectoryStore
store = DirectoryStore(sys.argv[1])
i = 0
while True:
    with store.locked() as d:
        for e in d.entries.values():
            e.data["description"] = f"round {i}"
        store.save(d)
    i += 1
    print(i, flush=True)
"""


def test_a_writer_killed_mid_save_leaves_a_whole_file(tmp_path):
    store = DirectoryStore(tmp_path / "services.json")
    store.import_services(generate_services(3000, seed=5), by="setup")
    size = store.path.stat().st_size
    assert size > 2_000_000  # big enough that a save takes a while
    for round_ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(store.path)],
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2])),
        )
        proc.stdout.readline()  # one save done: the next is under way
        time.sleep(random.Random(round_).random() * 0.3)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        document = json.loads(store.path.read_text("utf-8"))
        rounds = {e["service"]["description"] for e in document["entries"]}
        assert len(rounds) == 1  # one save's content, whole, not a mixture
        assert len(document["entries"]) == 3000
    # Temporary files of killed saves never look like a conflict copy.
    assert store.conflict_copies() == []


# ---------------------------------------------------------------- damage
def test_a_truncated_file_is_reported_and_the_last_good_backup_used(tmp_path):
    store, ids = make_store(tmp_path)
    good = store.read()
    text = store.path.read_text("utf-8")
    store.path.write_text(text[: len(text) // 2], "utf-8")
    directory = store.read()
    assert "damaged or incomplete" in directory.notes[0]
    assert set(directory.entries) == set(good.entries)
    store.update(ids[1], {"description": "Repaired"}, None, by="Ann")  # repairs the file
    assert json.loads(store.path.read_text("utf-8"))["schema_version"] == SCHEMA_VERSION


def test_a_non_json_file_with_no_backup_gives_a_clear_error(tmp_path):
    path = tmp_path / "services.json"
    path.write_text("<html>Sign in to SharePoint</html>", "utf-8")
    with pytest.raises(DirectoryError, match=r"not valid JSON.*no good backup"):
        DirectoryStore(path).read()


def test_a_file_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "services.json"
    path.write_text(json.dumps({"schema_version": 99, "entries": []}), "utf-8")
    with pytest.raises(DirectoryError, match="newer version of vcs-excel"):
        DirectoryStore(path).read()


def test_an_older_layout_is_migrated(tmp_path):
    path = tmp_path / "services.json"
    services = [s.model_dump(mode="json") for s in generate_services(3, seed=4)]
    path.write_text(json.dumps({"schema_version": 1, "services": services}), "utf-8")
    directory = DirectoryStore(path).read()
    assert len(directory.valid()) == 3
    assert {e.version for e in directory.entries.values()} == {1}


def test_one_invalid_entry_is_reported_kept_and_blocks_nothing(tmp_path):
    store, ids = make_store(tmp_path)
    document = json.loads(store.path.read_text("utf-8"))
    document["entries"][2]["service"]["minimum_age"] = "eighteen"
    broken = json.dumps(document["entries"][2]["service"], sort_keys=True)
    store.path.write_text(json.dumps(document), "utf-8")
    directory = store.read()
    assert len(directory.valid()) == 4 and len(directory.invalid()) == 1
    assert any("not a valid service" in n and "minimum_age" in n for n in directory.notes)
    store.update(ids[0], {"description": "Changed"}, None, by="Ann")
    again = json.loads(store.path.read_text("utf-8"))["entries"][2]["service"]
    assert json.dumps(again, sort_keys=True) == broken


def test_a_conflict_copy_is_merged_or_reported(tmp_path):
    store, ids = make_store(tmp_path)
    base = store.read().entries[ids[0]].version
    # A laptop offline: its copy of the file got one change...
    laptop = DirectoryStore(tmp_path / "offline" / "services.json")
    laptop.path.parent.mkdir()
    laptop.path.write_bytes(store.path.read_bytes())
    laptop.update(ids[0], {"x_covid_precautions": "Masks please"}, base, by="Laptop user")
    laptop.update(ids[1], {"x_covid_precautions": "Laptop rule"}, None, by="Laptop user")
    copy_path = tmp_path / "services-LAPTOP-12.json"
    copy_path.write_bytes(laptop.path.read_bytes())
    # ...while the shared file got another.
    store.update(ids[0], {"description": "New times"}, base, by="Office")
    assert store.conflict_copies() == [copy_path]
    report = store.merge_conflict_copies(by="Office")
    assert any("x_covid_precautions" in line for line in report)
    data = store.read().entries[ids[0]].data
    assert data["x_covid_precautions"] == "Masks please" and data["description"] == "New times"
    assert store.read().entries[ids[1]].data["x_covid_precautions"] == "Laptop rule"
    assert not copy_path.exists() and copy_path.with_name(copy_path.name + ".merged").exists()
    # A copy that changed the same field as the file is kept and reported.
    clash = tmp_path / "services (Ann's conflicted copy 2026-11-25).json"
    laptop.update(ids[2], {"description": "Laptop text"}, None, by="Laptop user")
    clash.write_bytes(laptop.path.read_bytes())
    store.update(ids[2], {"description": "Office text"}, None, by="Office")
    report = store.merge_conflict_copies(by="Office")
    assert any("kept for a person to compare" in line for line in report)
    assert clash.exists()
    assert store.read().entries[ids[2]].data["description"] == "Office text"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_the_shared_file_and_its_backups_stay_readable_by_the_group(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o2775)  # a team's shared folder
    old = os.umask(0o022)
    try:
        store, ids = make_store(shared, n=2)
        path = shared / "services.json"
        assert path.stat().st_mode & 0o777 == 0o664  # the folder's group may read and write
        path.chmod(0o640)  # someone narrowed it on purpose: a save keeps their choice
        v = store.read().entries[ids[0]].version
        store.update(ids[0], {"description": "Open on Saturdays."}, v, by="Raj")
        assert path.stat().st_mode & 0o777 == 0o640
        backups = list(store.backups.glob("*.json"))
        assert backups and all(b.stat().st_mode & 0o077 for b in backups)
    finally:
        os.umask(old)
