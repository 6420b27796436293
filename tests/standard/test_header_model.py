"""The model of header words: what it learned from, and how it weighs the rules."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from vcs_excel.standard import header_model as hm
from vcs_excel.standard.suggest import UNSURE, Suggestion, TagSuggester

CORPUS = Path(__file__).parents[2] / "benchmarks" / "realworld" / "headers.csv"


def test_shipped_model_was_built_from_the_dictionary_and_labels_as_they_are():
    model = hm.HeaderModel.load()
    assert model.fingerprint == hm.fingerprint(hm.training_rows()), (
        "the data dictionary or the labelled headers changed: rebuild the model with make model"
    )


def test_it_learns_from_the_development_half_only():
    with CORPUS.open(encoding="utf-8", newline="") as fh:
        corpus = list(csv.DictReader(fh))
    with hm.LABELLED.open(encoding="utf-8", newline="") as fh:
        labelled = [(r["source"], r["header"], r["tag"]) for r in csv.DictReader(fh)]
    assert labelled == [(r["source"], r["header"], r["tag"]) for r in corpus if r["split"] == "dev"]
    test_sources = {r["source"] for r in corpus if r["split"] == "test"}
    assert test_sources and not test_sources & {source for source, _, _ in labelled}


def test_it_reads_a_header_as_scikit_learn_does():
    from scipy.sparse import hstack

    texts = [text for text, _ in hm.training_rows()]
    vectorizers = [hm._vectorizer(a, n).fit(texts) for a, n in hm._BLOCKS]
    model = hm.HeaderModel.load()
    headers = [*texts[::5], "a", "x y", "Café  name", "", "   "]
    expected = hstack([v.transform(headers) for v in vectorizers]).toarray()
    got = np.zeros_like(expected)
    for row, text in enumerate(headers):
        columns, values = model.features(text)
        got[row, columns] = values
    assert np.abs(expected - got).max() < 1e-6


# A small model, so that each way of weighing is shown on headers of its own.
ROWS = [
    ("pitch ref", "#org+id"),
    ("pitch reference", "#org+id"),
    ("pitch refs", "#org+id"),
    ("club pitch ref", "#org+id"),
    ("kit colour", hm.NO_TAG),
    ("kit colours", hm.NO_TAG),
    ("home kit colour", hm.NO_TAG),
    ("away kit colour", hm.NO_TAG),
    ("website", "#contact+url"),
    ("web site", "#contact+url"),
    ("link", "#contact+url"),
    ("club link", "#contact+url"),
] * 3


@pytest.fixture(scope="module")
def small() -> TagSuggester:
    return TagSuggester(model=hm.HeaderModel.fit(ROWS))


def test_an_unread_header_gets_the_tag_such_headers_have_for_a_person_to_confirm(small):
    (rules,) = TagSuggester().suggest_columns(["Pitch ref"])
    assert rules.tag is None
    (s,) = small.suggest_columns(["Pitch ref"])
    assert s.tag == "#org+id"
    assert s.confidence == UNSURE and not s.confident
    assert "other lists" in s.reason


def test_a_confident_reading_the_model_doubts_is_left_for_a_person(small):
    sure = Suggestion("Club link", "#person+name", 0.9, reason="'club link' is a known header")
    (s,) = small.weighed([sure])
    assert s.tag == "#person+name" and not s.confident
    agreed = Suggestion("Club link", "#contact+url", 0.9, reason="'club link' is a known header")
    assert small.weighed([agreed]) == [agreed]


def test_what_the_values_say_and_misspellings_are_not_overruled(small):
    by_values = Suggestion(
        "Kit colour", "#contact+url", UNSURE, reason="the values are web addresses"
    )
    typo = Suggestion("Kit colour", "#contact+url", UNSURE, reason="looks like 'kit color'")
    assert small.weighed([by_values, typo]) == [by_values, typo]


def test_the_shipped_model_keeps_a_misspelling_and_the_values_settle_a_link():
    # (Which headers the shipped model doubts follows the corpus's labels: the doubting
    # itself is shown on a small model above.)
    shipped = TagSuggester(model=hm.default_model())
    (typo,) = shipped.suggest_columns(["Postocde"])
    assert typo.tag == "#contact+address+postcode"
    # "Place" is a known header that lists use for many things: a person confirms it.
    (s,) = shipped.suggest_columns(["Place"])
    assert s.tag == "#loc+name" and not s.confident
    # Where the column's values are web addresses, they settle "Link".
    links = [f"https://example.org/group/{n}" for n in range(6)]
    (s,) = shipped.suggest_columns(["Link"], [links])
    assert s.tag == "#contact+url" and s.confident


def test_whose_name_it_is_comes_from_the_sheet_and_is_not_doubted():
    # Most "Name" headers in other lists name organisations; in a list of people the
    # sheet says whose, and the model only weighs what the field is.
    shipped = TagSuggester(model=hm.default_model())
    name = shipped.suggest_columns(["Name", "Date of birth", "Postcode"])[0]
    assert name.tag == "#person+name" and name.confident
    org = shipped.suggest_columns(["Name", "Charity number", "Website"])[0]
    assert org.tag == "#org+name"


def test_a_damaged_model_file_leaves_the_rules_to_suggest(tmp_path, caplog):
    damaged = tmp_path / "header_model.npz"
    damaged.write_bytes(b"not a model")
    assert hm.default_model(damaged) is None
    assert "rules alone" in caplog.text
    assert hm.default_model(tmp_path / "missing.npz") is None
