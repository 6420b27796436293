"""Tags at first look: each batch of development sources run through the suggester as it
stood just before the batch joined the corpus (kept for provenance; not run by tests).

A batch's headers were labelled before any run, and the code of the commit before them
had never seen them, so this measures the suggester on kinds of file it did not know,
with many more headers than one test half. The test half is never run here.

Run ``python -m benchmarks.realworld.first_look`` in a clone with its history. It adds a
git worktree per batch under a temporary folder, reads the current gold tags (and the
kept files' values) and prints the pooled figures and the confident suggestions' share
right by the kind of reason given.

With ``--with-model`` each batch's suggestions are also weighed by the model of header
words (``vcs_excel.standard.header_model``) as the suggester weighs them, the model
learned only from what was there before the batch: the data dictionary of the commit
before it and the labelled headers of the sources that joined earlier (about 15 s a
batch). ``--show-wrong`` prints each confident suggestion that was wrong, with its reason;
``--show-all-wrong`` prints the unsure ones too. ``--last N`` runs only the latest N
batches (the suggester at its most recent first looks).
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
    ("c6d9f2e", "anl-consent-form"),
    ("fa16d09", "dc-candidates-2019 odm-lsoa-councillors odm-local-parties odm-councillor-pages "
                "ons-census-disability odm-air-quality-sites"),
    ("fd8a4b3", "lambeth-foodbank-signposting foodbank-southlondon-requests"),
    ("0207189", "lewisham-mutual-aid-resources"),
    ("7b8c3e7", "npsp-data-import npsp-legacy-donors"),
    ("a324a41", "brc-refugee-support-actions"),
    ("14fc8bf", "civicrm-contacts"),
    ("de224b5", "asc-client-level-data"),
    ("a2ca2bb", "adur-public-toilets"),
    ("9f00033", "anl-volunteer-applications"),
    ("09829e6", "dc-ems-dcounts dc-ems-idox dc-ems-xpress dc-ems-halarose dc-eoni"),
    ("6a85ece", "hmrc-gift-aid-schedule gift-aid-declarations"),
    ("e862334", "warm-spaces"),
    ("d753d15", "eventbrite-attendees mailchimp-audience"),
    ("624ea34", "tnlcf-awards-for-all"),
    ("121352d", "whlg-referrals"),
    ("06f9b99", "twine-volunteer-logs twine-upload-templates leeds2023-rosterfy"),
    ("39891df", "hackney-spl hackney-nsss hackney-generic-ingestion"),
    ("8d3d4e3", "slms-members blackbaud-constituents"),
    ("95ba5bf", "digital-land-organisations"),
    ("2efb30d", "dfe-fsm-eligibility rtof-outcomes"),
    ("25bc69e", "jadu-cxm-imports nfi-data-specs"),
    ("0f81bce", "aliss-directory"),
    ("88c906f", "dhsc-healthy-start-claims"),
    ("6c6b868", "moj-interventions-referrals"),
    ("c9fe531", "ofn-reports timeoverflow-exports"),
    ("acce6ac", "civivolunteer-report"),
    ("ad11f92", "lamplight-api donorfy-constituent justgiving-donorfy"),
    ("24c88aa", "teamkinetic-exports"),
    ("99d0807", "givefood-donationpoints"),
    ("a2806bb", "gp-system-extracts"),
    ("b2402c5", "trafford-transparency-returns"),
    ("54d4258", "ccni-register"),
    ("6c35df9", "hfu-host-offers hfu-organisation-offers hfu-child-sponsors"),
    ("e0fc8b1", "citizens-advice-offices"),
    ("c59f7a0", "gds-business-offers"),
    ("82c714c", "hackney-fss-directory"),
    ("9a58a11", "open311-georeport"),
    ("22363a9", "hackney-resident-systems"),
    ("be22f38", "point-volunteer-import"),
    ("bc57320", "hackney-housing-register"),
    ("29b13bc", "hackney-here-to-help"),
    ("c397d89", "hackney-equality-information"),
    ("e74231d", "hackney-social-care"),
    ("3c82635", "nhs-directory-of-services"),
    ("3d524e6", "hackney-care-packages"),
    ("ae0ec59", "dfe-family-hubs-referrals dfe-family-hubs-directory"),
    ("c35e602", "dfe-sui-matcher"),
    ("4af6b40", "dfe-tuition-partners"),
    ("a927909", "nbf-foodbank"),
    ("a7ef7af", "hackney-ways-into-work"),
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
    for kind in ("headers like it are mostly", "is a known header", "ends with", "contains"):
        if kind in reason:
            return kind
    return "other"


def _weighed(tree: Path, earlier: set[str], sheets: list, found: list[list]) -> list[list]:
    """The batch's suggestions weighed by a model learned only from what came before."""
    from vcs_excel.standard import header_model as hm
    from vcs_excel.standard.dictionary import load_dictionary
    from vcs_excel.standard.suggest import UNSURE, Suggestion, TagSuggester

    folder = tree / "vcs_excel" / "data_dictionary"
    dictionary = load_dictionary(folder if folder.exists() else tree / "data_dictionary")
    with (HERE / "headers.csv").open(encoding="utf-8", newline="") as fh:
        labelled = [
            (hm.header_text(r["header"]), r["tag"] or hm.NO_TAG)
            for r in csv.DictReader(fh)
            if r["source"] in earlier
        ]
    rows = hm._synonym_rows(dictionary) * hm._SYNONYM_WEIGHT + labelled
    suggester = TagSuggester(model=hm.HeaderModel.fit(rows))
    out = []
    for (headers, _, _, _), sheet in zip(sheets, found, strict=True):
        given = [
            Suggestion(str(h), tag, 0.9 if sure else UNSURE, reason=reason)
            for h, (tag, sure, reason) in zip(headers, sheet, strict=True)
        ]
        out.append([[s.tag, s.confident, s.reason] for s in suggester.weighed(given)])
    return out


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.real_world import _sheet_columns

    with_model = "--with-model" in sys.argv[1:]
    show_all = "--show-all-wrong" in sys.argv[1:]  # the unsure ones too
    show_wrong = show_all or "--show-wrong" in sys.argv[1:]  # the confident ones that were wrong
    args = sys.argv[1:]
    last = int(args[args.index("--last") + 1]) if "--last" in args else len(BATCHES)
    batches = BATCHES[len(BATCHES) - last :]

    columns = _sheet_columns()
    splits = {}
    with (HERE / "headers.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            splits[row["source"]] = row["split"]
    known = right = confident = confident_right = no_tag = left = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    unsure_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    later = {s for _, names in batches for s in names.split()}  # this batch and after
    with tempfile.TemporaryDirectory() as tmp:
        for commit, names in batches:
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
            found = [json.loads(line) for line in done.stdout.splitlines()]
            if with_model:
                earlier = {sid for (sid, _), v in columns.items() if v[3] == "dev"} - later
                found = _weighed(tree, earlier, sheets, found)
            later -= sources
            for (headers, gold, _, _), out in zip(sheets, found, strict=True):
                for header, expected, (tag, sure, reason) in zip(headers, gold, out, strict=True):
                    if show_wrong and tag != expected and (sure or show_all):
                        how = "confidently" if tag and sure else "unsure" if tag else "untagged"
                        print(f"  {commit}: {header!r} {how} {tag}, labelled "
                              f"{expected or 'no tag'} ({reason})")  # fmt: skip
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
                    elif tag:
                        unsure_kind[_kind(reason)][0] += 1
                        unsure_kind[_kind(reason)][1] += tag == expected
                        unsure_kind[_kind(reason)][2] += not expected
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=True, capture_output=True)  # fmt: skip
    print(f"{len(batches)} batches: top-1 {right}/{known} = {right / known:.1%}; confident "
          f"right {confident_right}/{confident} = {confident_right / confident:.1%}; no-tag "
          f"headers left untagged {left}/{no_tag} = {left / no_tag:.1%}")  # fmt: skip
    for kind, (n, ok) in sorted(by_kind.items(), key=lambda x: -x[1][0]):
        print(f"  confident, reason '{kind}': {ok}/{n} = {ok / n:.1%}")
    for kind, (n, ok, none) in sorted(unsure_kind.items(), key=lambda x: -x[1][0]):
        print(
            f"  unsure, reason '{kind}': right {ok}/{n} = {ok / n:.1%}, on a header with "
            f"no tag {none}"
        )


if __name__ == "__main__":
    main()
