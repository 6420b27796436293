"""Tags at first look: each batch of development sources run through the suggester as it
stood just before the batch joined the corpus (kept for provenance; not run by tests).

A batch's headers were labelled before any run, and the code of the commit before them
had never seen them, so this measures the suggester on kinds of file it did not know,
with many more headers than one test half. The test half is never run here.

Run ``python -m benchmarks.realworld.first_look`` in a clone with its history. It adds a
git worktree per batch under a temporary folder, reads the current gold tags (and the
kept files' values) and prints the pooled figures and the confident suggestions' share
right by the kind of reason given.
"""

from __future__ import annotations

import csv
import json
import pickle
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent

# (commit that added the batch, its sources): the suggester of the commit's parent runs.
BATCHES = [
    ("7545e2d", "companies-house fsa-fhrs opg-casrec"),
    ("b1b2938", "ch-datafabric charity-lookups dluhc-providers hse-social-housing"),
    ("e016062", "coronacorps-volunteers"),
    ("d94158e", "trafford-care-homes trafford-charities trafford-defibrillators "
                "trafford-food-banks trafford-libraries trafford-mental-health "
                "trafford-pharmacies trafford-polling-stations trafford-schools "
                "trafford-sports-clubs"),
    ("2833617", "bradford-asc rtof-refugees"),
    ("5046346", "trafford-card-spend trafford-cctv trafford-community-hubs "
                "trafford-land-assets trafford-leisure-centres trafford-org-structure "
                "trafford-parking"),
    ("f359f19", "cqc-locations"),
    ("4eb7e88", "gds-shielding-form"),
    ("4c428e0", "openvcs"),
    ("5592524", "givefood-foodbanks"),
    ("eae368a", "dfe-gias helpberkeley-members oscr-register"),
    ("5f05ca0", "gpg-employers nhs-list-reconciliation"),
    ("b52bfec", "postcodes-io"),
    ("dab96cb", "dfe-ssda903 ofsted-annex-a"),
    ("be1b6dd", "uk-mutual-aid-volunteers romsey-help-requests casc-register"),
    ("ec7d81a", "makerspace-members disciple-tools-contacts"),
    ("b64d4cf", "core-lettings"),
    ("904aa1e", "core-schemes"),
    ("1c6fed4", "dfe-cin-census"),
    ("de3efdf", "dfe-school-census"),
    ("cd6b3d3", "dfe-csww"),
    ("36b2273", "google-contacts-export club-member-roster"),
    ("87e9c1f", "outlook-contacts-export"),
    ("b3521f4", "event-tickets"),
    ("e05d8cc", "salesforce-contacts"),
    ("46549c7", "surveymonkey-providers"),
]  # fmt: skip

# Run in the worktree: suggestions for the batch's sheets, as JSON lines.
_WORKER = """
import json, pickle, sys
sys.path.insert(0, sys.argv[1])
from vcs_excel.standard.suggest import suggest_columns
for headers, values in pickle.load(open(sys.argv[2], "rb")):
    try:
        found = suggest_columns(headers, values)
    except TypeError:  # a suggester that read headers only
        found = suggest_columns(headers)
    print(json.dumps([[s.tag, bool(s.confident), s.reason] for s in found]))
"""


def _kind(reason: str) -> str:
    for kind in ("is a known header", "ends with", "contains"):
        if kind in reason:
            return kind
    return "other"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.real_world import _sheet_columns

    columns = _sheet_columns()
    splits = {}
    with (HERE / "headers.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            splits[row["source"]] = row["split"]
    known = right = confident = confident_right = no_tag = left = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with tempfile.TemporaryDirectory() as tmp:
        for commit, names in BATCHES:
            sources = set(names.split())
            if any(splits.get(s) != "dev" for s in sources):
                raise SystemExit(f"{commit}: only development sources are run here")
            tree = Path(tmp) / commit
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), f"{commit}^"],
                check=True,
                capture_output=True,
            )
            sheets = [v for (sid, _), v in columns.items() if sid in sources]
            batch = Path(tmp) / f"{commit}.pickle"
            batch.write_bytes(pickle.dumps([(h, v) for h, _, v, _ in sheets]))
            done = subprocess.run(
                [sys.executable, "-c", _WORKER, str(tree), str(batch)],
                text=True,
                capture_output=True,
                check=True,
            )
            for (_, gold, _, _), out in zip(sheets, done.stdout.splitlines(), strict=True):
                for expected, (tag, sure, reason) in zip(gold, json.loads(out), strict=True):
                    if expected:
                        known += 1
                        right += tag == expected
                    else:
                        no_tag += 1
                        left += tag is None
                    if tag and sure:
                        confident += 1
                        confident_right += tag == expected
                        by_kind[_kind(reason)][0] += 1
                        by_kind[_kind(reason)][1] += tag == expected
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=True, capture_output=True)  # fmt: skip
    print(f"{len(BATCHES)} batches: top-1 {right}/{known} = {right / known:.1%}; confident "
          f"right {confident_right}/{confident} = {confident_right / confident:.1%}; no-tag "
          f"headers left untagged {left}/{no_tag} = {left / no_tag:.1%}")  # fmt: skip
    for kind, (n, ok) in sorted(by_kind.items(), key=lambda x: -x[1][0]):
        print(f"  confident, reason '{kind}': {ok}/{n} = {ok / n:.1%}")


if __name__ == "__main__":
    main()
