"""Matching settings: a JSON round trip, saved beside every run, and used when given."""

from __future__ import annotations

import json

import openpyxl
import pytest

from vcs_excel.cli import main
from vcs_excel.matching import Deduper, MatchSettings
from vcs_excel.synthetic import demo_lists, write_workbook
from vcs_excel.workbook import FileBook


def test_settings_round_trip_and_refuse_nonsense():
    s = MatchSettings(definite=0.999, review=0.5, max_block=100)
    assert MatchSettings.from_json(s.to_json()) == s
    with pytest.raises(ValueError, match="thresholds"):
        MatchSettings(definite=0.2, review=0.5)
    with pytest.raises(ValueError, match="unknown settings: colour"):
        MatchSettings.from_json('{"colour": "blue"}')


def test_settings_are_saved_beside_the_results_and_change_them(tmp_path, capsys):
    write_workbook(demo_lists(), tmp_path / "lists.xlsx")
    strict = tmp_path / "strict.json"
    strict.write_text(MatchSettings(definite=0.9999999, review=0.9).to_json(), "utf-8")
    out = tmp_path / "out.xlsx"
    clusters = tmp_path / "clusters.csv"
    main(
        [
            "dedupe",
            str(tmp_path / "lists.xlsx"),
            "--out",
            str(out),
            "--settings",
            str(strict),
            "--clusters-csv",
            str(clusters),
        ]
    )
    saved = openpyxl.load_workbook(out)["_vcs_excel_match_settings"]
    assert saved.sheet_state == "hidden"
    stored = json.loads(saved["A2"].value)
    assert stored["definite"] == 0.9999999
    assert json.loads(clusters.with_suffix(".settings.json").read_text("utf-8")) == stored
    default = Deduper().run(FileBook.open(tmp_path / "lists.xlsx"))
    stricter = Deduper(MatchSettings.from_json(strict.read_text("utf-8"))).run(
        FileBook.open(tmp_path / "lists.xlsx")
    )
    assert len(stricter.decided("match")) < len(default.decided("match"))


def test_a_bad_settings_file_is_a_clear_message(tmp_path, capsys):
    write_workbook(demo_lists(), tmp_path / "lists.xlsx")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    assert main(["dedupe", str(tmp_path / "lists.xlsx"), "--settings", str(bad)]) == 2
    assert "cannot be used" in capsys.readouterr().err


def test_a_saved_model_loads_and_gives_the_same_decisions(tmp_path):
    from vcs_excel.matching import Linker

    write_workbook(demo_lists(), tmp_path / "lists.xlsx")
    book = FileBook.open(tmp_path / "lists.xlsx")
    first = Linker().run(book)
    saved = first.trained.to_json()
    # The model is saved by level name, with the share of matches.
    model = json.loads(saved)["model"]
    assert set(model["levels"]["dob"]) == {"different", "one_keystroke", "day_month_swapped",
                                           "same"}  # fmt: skip
    again = Linker(MatchSettings.from_json(saved)).run(FileBook.open(tmp_path / "lists.xlsx"))
    assert again.pairs["decision"].tolist() == first.pairs["decision"].tolist()
    assert again.pairs["probability"].to_numpy() == pytest.approx(
        first.pairs["probability"].to_numpy()
    )
    # A model saved with other levels is refused with a reason, not misread.
    model["levels"]["dob"] = {"different": {"m": 0.1, "u": 0.9}, "same": {"m": 0.9, "u": 0.1}}
    with pytest.raises(ValueError, match="saved model's dob levels"):
        MatchSettings.from_json(json.dumps({**json.loads(saved), "model": model}))


def test_the_settings_saved_beside_a_run_repeat_it_and_stale_ones_are_refused(tmp_path, capsys):
    write_workbook(demo_lists(), tmp_path / "lists.xlsx")
    lists = str(tmp_path / "lists.xlsx")
    first, again = tmp_path / "people.csv", tmp_path / "again.csv"
    assert main(["dedupe", lists, "--out", str(tmp_path / "a.xlsx"), "--clusters-csv",
                 str(first)]) == 1  # fmt: skip
    saved = first.with_suffix(".settings.json")
    assert "model" in json.loads(saved.read_text("utf-8"))
    assert main(["dedupe", lists, "--out", str(tmp_path / "b.xlsx"), "--settings", str(saved),
                 "--clusters-csv", str(again)]) == 1  # fmt: skip
    assert again.read_text("utf-8") == first.read_text("utf-8")
    # Settings saved by a version with other comparison levels: one line, exit 2.
    stale = json.loads(saved.read_text("utf-8"))
    del stale["model"]["levels"]["phone"]["shared_mobile"]
    (tmp_path / "stale.json").write_text(json.dumps(stale), "utf-8")
    capsys.readouterr()
    code = main(["dedupe", lists, "--out", str(tmp_path / "c.xlsx"), "--settings",
                 str(tmp_path / "stale.json")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "phone levels" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "c.xlsx").exists()


def test_the_comparison_vectors_are_recordlinkages_feature_frame(tmp_path):
    import recordlinkage

    from vcs_excel.matching import Linker

    write_workbook(demo_lists(), tmp_path / "lists.xlsx")
    linked = Linker().run(FileBook.open(tmp_path / "lists.xlsx"))
    features = linked.features()
    assert features.index.names == ["a", "b"]
    assert len(features) == len(linked.pairs)
    assert {"given", "family", "dob", "postcode", "phone"} <= set(features.columns)
    # recordlinkage's own classifier runs on them as they are.
    links = recordlinkage.ECMClassifier(binarize=0.5).fit_predict(features)
    assert len(links) and links.isin(features.index).all()
    ours = features.index[(linked.pairs["decision"] == "match").to_numpy()]
    assert ours.isin(links).mean() > 0.8
