"""The model learns from the lists whether people live together: a third kind of pair,
two people of one home, beside one person and strangers."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.febrl import _truth, _workbook
from vcs_excel.matching import Linker
from vcs_excel.matching.comparisons import Levels, one_home
from vcs_excel.synthetic.lists import demo_lists, write_workbook
from vcs_excel.workbook import FileBook


def households_per_record(model) -> float:
    return model.household * (model.records - 1) / 2


def test_on_lists_where_people_live_together_another_first_name_at_home_is_another_person(
    tmp_path,
):
    path = tmp_path / "lists.xlsx"
    write_workbook(demo_lists(), path)
    linked = Linker().run(FileBook.open(path))
    # Couples, parents and children: most records have another member of the home listed.
    assert households_per_record(linked.model) > 0.1
    h = dict(zip(("different", "initial"), linked.model.h["given"], strict=False))
    assert h["different"] > 0.8
    pairs = linked.pairs
    v = Levels(pairs)
    others = one_home(v) & v.given.is_("different") & v.dob.is_("different")
    assert others.sum() > 20
    assert (pairs["household"].to_numpy()[others] > 0.9).all()
    assert (pairs["decision"].to_numpy()[others] == "no").all()


def _linked_alone(name: str, tmp_path):
    """A FEBRL list linked (its people each live alone), its pairs' levels, and which of
    its pairs are one person."""
    linked = Linker().run(FileBook.open(_workbook(name, tmp_path / f"{name}.xlsx")))
    assert households_per_record(linked.model) < 0.001
    truth = np.array(_truth(name))
    pairs = linked.pairs
    return linked, Levels(pairs), truth[pairs["a"]] == truth[pairs["b"]]


def test_on_lists_of_people_who_live_alone_another_first_name_at_home_is_a_typo(tmp_path):
    # FEBRL 1: fictional Australians, each at an address of their own; a duplicate's first
    # name is sometimes replaced outright.
    linked, v, same_person = _linked_alone("febrl1", tmp_path)
    pairs = linked.pairs
    typo = one_home(v) & v.given.is_("different") & v.dob.is_("same")
    assert typo.sum() >= 3 and same_person[typo].all()
    # The household rules stand down: the probability decides, and they are linked.
    assert (pairs["decision"].to_numpy()[typo] == "match").all()
    matched = pairs["decision"].to_numpy() == "match"
    assert same_person[matched].all()


def test_a_saved_model_keeps_the_households_and_gives_the_same_decisions(tmp_path):
    path = tmp_path / "lists.xlsx"
    write_workbook(demo_lists(), path)
    book = FileBook.open(path)
    first = Linker().run(book)
    again = Linker(first.trained).run(book)
    assert again.model.household == pytest.approx(first.model.household)
    assert (again.pairs["decision"].to_numpy() == first.pairs["decision"].to_numpy()).all()


def test_a_model_saved_by_an_earlier_version_is_refused_with_what_to_do():
    from vcs_excel.matching.score import check_saved_model

    with pytest.raises(ValueError, match="match again without it"):
        check_saved_model({"prior": 0.1, "levels": {}})


def test_on_lists_of_people_who_live_alone_one_name_at_home_years_apart_is_a_date_typed_wrong(
    tmp_path,
):
    # FEBRL 3: a duplicate's date of birth is sometimes replaced outright. On lists where
    # people live together, one name at one home with years of birth twelve or more apart
    # is a junior and a senior; here no one lives together, so it is a typo.
    linked, v, same_person = _linked_alone("febrl3", tmp_path)
    pairs = linked.pairs
    born = np.array([d.year if d else 0 for d in linked.records["dob"]])
    apart = np.abs(born[pairs["a"]] - born[pairs["b"]])
    junior_senior = (
        (one_home(v) & v.given.is_("same") & v.family.is_("same") & v.dob.is_("different"))
        & (apart >= 12)
        & (born[pairs["a"]] > 0)
        & (born[pairs["b"]] > 0)
    )
    assert junior_senior.sum() >= 5 and same_person[junior_senior].all()
    # The probability decides: linked, or sent to a person where grouping with the
    # person's other records is in doubt; never two people.
    decided = pairs["decision"].to_numpy()[junior_senior]
    assert "no" not in decided and (decided == "match").mean() > 0.9


@pytest.mark.parametrize("with_id", [True, False])
def test_on_lists_of_people_who_live_alone_household_rules_stand_down_within_a_postcode(
    tmp_path, with_id
):
    # FEBRL 4: the duplicates' names, dates of birth and house numbers are replaced at
    # random. With no households on the lists, two records of one postcode are not twins,
    # a junior and a senior, a partner or another member of one home, even at two house
    # numbers, and the postcode is as much the person's own as the home: the probability
    # decides. (At another postcode the rules still hold, but for twins: where no one on
    # the lists lives together, twins, who mostly do, are not read into a shared birthday
    # and surname.) Without the social security number, the model still finds no
    # households: the same holds.
    from vcs_excel.matching.decide import SURE, decide

    path = _workbook("febrl4", tmp_path / "febrl4.xlsx", with_id=with_id)
    linker = Linker()
    records = linker.prepare(FileBook.open(path))
    vectors = linker.compare(records, linker.block(records))
    scored = linker.score(vectors, records, linker.train(vectors, records))
    trace: list[list[str]] = []
    decision = decide(scored, records, trace=trace).to_numpy()
    v = Levels(scored)
    near = v.postcode.is_("same") | one_home(v)
    household_rules = {
        "personal evidence",
        "household guard",
        "another household member",
        "a junior and a senior",
        "twins",
        "alike names at one home",
        "both names differ",
        "another first name elsewhere",
    }
    assert not any(household_rules & set(trace[i]) for i in np.flatnonzero(near))
    assert not any("twins" in rules for rules in trace)
    # Names alone at another house number of the postcode are a typo too, unless the
    # dates of birth differ as well and the model (which learned how often these lists
    # mistype each field) is not sure.
    alone = [i for i in np.flatnonzero(near) if "names alone elsewhere" in trace[i]]
    probability = scored["probability"].to_numpy()
    assert v.dob.is_("different")[alone].all() and (probability[alone] < SURE).all()
    typed_twice = near & v.dob.is_("different") & v.given.is_("same") & v.family.is_("same")
    typed_twice &= ~v.house.is_("same") & (probability >= SURE)
    assert typed_twice.sum() >= 3 and (decision[typed_twice] == "match").all()
    truth = np.array(_truth("febrl4"))
    same_person = truth[scored["a"]] == truth[scored["b"]]
    twin_like = near & v.dob.is_("same") & v.given.is_("different") & v.family.is_("same")
    matched = decision == "match"
    assert twin_like.sum() >= 3 and matched[twin_like & same_person].any()
    # A surname typed as another, with the first name and birthday, at one postcode.
    renamed = v.postcode.is_("same") & v.family.is_("different") & v.given.is_("same")
    renamed &= v.dob.is_("same") & (scored["probability"].to_numpy() >= 0.95)
    assert renamed.sum() >= 3 and matched[renamed].all()
    assert same_person[matched].all()
