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
