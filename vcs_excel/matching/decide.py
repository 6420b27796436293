"""Decide: definite match, review, or not a match, with rules a person would insist on.

* A valid NHS number the same on both records, with dates of birth that agree,
  is a definite match. Two different valid NHS numbers are never the same person.
* A home is the house number with the full postcode, or with the street where the
  postcode is cut short, mistyped or missing; the same number in another street is
  another home.
* Households are the hard part: two people at one address with one surname
  (twins, a father and son of the same name, a couple) must never be merged
  without a person deciding. First names that differ (and are not a known
  nickname or an initial), a junior and a senior, or dates of birth decades
  apart stop a pair from being definite.
* Otherwise the match probability decides: at least ``DEFINITE`` is a definite
  match, at least ``REVIEW`` goes to a person; but a definite match also needs one
  strong identifier in agreement (date of birth, NHS number, exact address, phone
  or e-mail) and the same surname.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd

from .compare import spelt_alike
from .prepare import nickname_of, nickname_related

DEFINITE = 0.995
REVIEW = 0.30
_NO, _REVIEW, _MATCH = 0, 1, 2  # decisions while working; named at the end
_NAMES = np.array(["no", "review", "match"], dtype=object)


def _fits_two_people(scored: pd.DataFrame, records: pd.DataFrame, near: np.ndarray) -> np.ndarray:
    """For each pair, whether either record fits two different people at its home: "Chris
    Hall" beside both "Christine Hall" and "Christopher Hall". ``near`` marks the pairs
    at one home whose first names fit (the same, a nickname, a close spelling, an
    initial)."""
    a, b = scored["a"].to_numpy(), scored["b"].to_numpy()
    key = records["given_key"].fillna("").to_numpy(object)
    others = pd.DataFrame({
        "r": np.concatenate([a[near], b[near]]),
        "other": np.concatenate([key[b[near]], key[a[near]]]),
    }).drop_duplicates()  # fmt: skip
    # Two rows of one list at that home, written differently, that both fit: two people.
    sheet = records["sheet"].to_numpy(object)
    rows = pd.DataFrame({
        "r": np.concatenate([a[near], b[near]]),
        "row": np.concatenate([b[near], a[near]]),
    })  # fmt: skip
    rows["sheet"], rows["name"] = sheet[rows["row"]], key[rows["row"]]
    per_list = rows.groupby(["r", "sheet"])["name"].nunique()
    ambiguous = np.zeros(len(records), dtype=bool)
    ambiguous[per_list[per_list > 1].index.get_level_values("r").to_numpy(dtype=np.int64)] = True
    many = others.groupby("r")["other"].transform("size") > 1
    for r, names in others[many].groupby("r")["other"]:
        names = sorted(set(names))
        ambiguous[r] |= any(
            x != y and not nickname_related(x, y)
            for i, x in enumerate(names)
            for y in names[i + 1 :]
        )
    return ambiguous[a] | ambiguous[b]


def _first_names_where(
    scored: pd.DataFrame,
    records: pd.DataFrame,
    chosen: np.ndarray,
    test: Callable[[str, str], bool],
) -> np.ndarray:
    """For the ``chosen`` pairs, ``test(x, y)`` of their first names (keys), worked out
    once per distinct pair of names; False elsewhere."""
    key = records["given_key"].fillna("").to_numpy(object)
    a, b = scored["a"].to_numpy()[chosen], scored["b"].to_numpy()[chosen]
    out = np.zeros(len(scored), dtype=bool)
    if not len(a):
        return out
    names = pd.DataFrame({"x": key[a], "y": key[b]})
    verdict = {(x, y): bool(test(x, y)) for x, y in names.drop_duplicates().itertuples(index=False)}
    out[chosen] = [verdict[(x, y)] for x, y in names.itertuples(index=False)]
    return out


def _people_of_the_name(
    scored: pd.DataFrame, records: pd.DataFrame, joined: np.ndarray
) -> np.ndarray:
    """For each pair, how many people on the lists have the first record's first name and
    surname, records ``joined`` as one person counting once."""
    from .cluster import linked_groups  # cluster imports this module

    a, b = scored["a"].to_numpy(np.int64), scored["b"].to_numpy(np.int64)
    person = linked_groups(len(records), a[joined], b[joined])
    people = (
        pd.DataFrame({
            "given": records["given_key"].fillna("").to_numpy(object),
            "family": records["family_key"].fillna("").to_numpy(object),
            "person": person,
        })
        .groupby(["given", "family"])["person"]
        .transform("nunique")
    )  # fmt: skip
    return people.to_numpy()[a]


def decide(
    scored: pd.DataFrame,
    records: pd.DataFrame,
    definite: float = DEFINITE,
    review: float = REVIEW,
) -> pd.Series:
    """The decision for each scored pair: "match", "review" or "no"."""
    p = scored["probability"].to_numpy()
    nhs, dob, given, family = (scored[c].to_numpy() for c in ("nhs", "dob", "given", "family"))
    # A record ID shared between lists that use one scheme (see compare._trusted_ids)
    # vouches for a pair as an NHS number does: a household rule does not overrule it.
    # A record ID one typing slip away (two characters swapped; or, in lists whose IDs
    # are drawn at random, one character wrong) vouches only with the birthday, or both
    # names, to back it.
    record_id = scored["id"].to_numpy() if "id" in scored else np.full(len(scored), -1)
    # Nothing may contradict it: IDs given out in turn are often one swap from another
    # person's (ASC343117 / ASC343171).
    ages_differ = (dob == 0) | (scored["age"].to_numpy() == 0)
    id_slip = (record_id == 1) & ((dob == 3) | ((given >= 2) & (family >= 2) & ~ages_differ))
    by_id = (record_id == 2) | id_slip
    vouched = (nhs == 1) | by_id
    year = np.array(
        [d.year if isinstance(d, dt.date) else 0 for d in records["dob"]], dtype=np.int32
    )
    ya, yb = year[scored["a"].to_numpy()], year[scored["b"].to_numpy()]
    years_apart = np.where((ya > 0) & (yb > 0), np.abs(ya - yb), 0)
    decision = np.where(p >= definite, _MATCH, np.where(p >= review, _REVIEW, _NO)).astype(np.int8)
    # A definite match needs one strong identifier in agreement: the date of birth, the
    # NHS number, the exact address, a phone number or an e-mail address. Names, ages and
    # districts alone fit too many people. Surnames that differ (a married name) need a
    # person too.
    # A home's phone or address is shared by the household, so it counts only when the
    # dates of birth or ages agree as well; a date of birth, an NHS number or an e-mail
    # address is the person's own.
    personal = (dob == 3) | vouched | (scored["email"].to_numpy() == 1)
    # One home: the same house number and full postcode, or the same house number and
    # street where a postcode is cut short, mistyped or missing ("LS135J"). The same
    # number in another street of the district is another home.
    postcode, house = scored["postcode"].to_numpy(), scored["house"].to_numpy()
    street = scored["street"].to_numpy() if "street" in scored else np.full(len(scored), -1)
    by_street = (house == 1) & (street >= 1) & (postcode != 0) & (postcode != 3)
    home = ((postcode == 3) & (house == 1)) | by_street
    other_street = (house == 1) & (street == 0) & (postcode != 3)
    same_home_or_line = home | (scored["phone"].to_numpy() == 1)
    ages_agree = (scored["age"].to_numpy() == 1) | (dob >= 2)
    strong = personal | (same_home_or_line & ages_agree)
    # Name and date of birth alone, in another district: a namesake is possible in a
    # city, so a person checks (a move is also possible).
    namesake = (
        ((postcode == 0) | ((postcode >= 1) & (postcode < 3) & ((house != 1) | (street == 0))))
        & ~vouched
        & (scored["phone"].to_numpy() != 1)
        & (scored["email"].to_numpy() != 1)
    )
    # The same first name and date of birth at one home under another surname is one
    # person whose surname changed (a marriage): no one else fits.
    renamed = (family == 0) & (given >= 2) & (dob == 3) & home
    weak = (~strong | ((family == 0) & ~renamed) | namesake) & (decision == _MATCH)
    decision = np.where(weak, _REVIEW, decision)
    # Household guards: never definite without a person, unless NHS numbers agree.
    different_first = given == 0
    junior_senior = scored["suffix_differs"].to_numpy() | ((given == 4) & (years_apart >= 12))
    guarded = (different_first | junior_senior | (dob == 0)) & ~vouched
    decision = np.where(guarded & (decision == _MATCH), _REVIEW, decision)
    # Different first names at one address with different birthdays: another household member.
    same_home = ((postcode == 3) | by_street) & (family >= 2)
    decision = np.where(same_home & different_first & (dob != 3) & ~vouched, _NO, decision)
    decision = np.where(junior_senior & ~vouched, _NO, decision)
    # Twins: same birthday and surname, different first names.
    decision = np.where((dob == 3) & different_first & (family >= 2) & ~vouched, _NO, decision)
    # Ages that disagree (a mother and daughter of one name): not the same person.
    age = scored["age"].to_numpy()
    decision = np.where((age == 0) & (dob != 3) & ~vouched, _NO, decision)
    # At one home, first names that are only alike (a nickname, a close spelling, an
    # initial: John / Ian, Chris / Christine) may be two members of the household: a
    # person decides, unless a date of birth or something of the person's own agrees.
    own = (dob == 3) | vouched | (scored["email"].to_numpy() == 1)
    alike = (given >= 1) & (given <= 3)
    # A record fits another person at its home only if their ages do not rule it out.
    fits_two = _fits_two_people(
        scored, records, same_home & (given >= 1) & (age != 0) & (dob != 0) & ~junior_senior
    )
    # Two names linked only through a third (Jean and Janet, both short for Jeanette) are
    # usually two people; so are two ways of writing a name within one list.
    distant = _first_names_where(
        scored, records, same_home & (given == 3), lambda x, y: not nickname_of(x, y)
    )
    sheet = records["sheet"].to_numpy(object)
    one_list = sheet[scored["a"].to_numpy()] == sheet[scored["b"].to_numpy()]
    doubtful = fits_two | distant | one_list
    decision = np.where(same_home & alike & ~own & doubtful & (decision == _MATCH),
                        _REVIEW, decision)  # fmt: skip
    # Different phone numbers and different e-mail addresses, and no date of birth to
    # agree: more likely two people of one name.
    two_contacts = (scored["phone"].to_numpy() == 0) & (scored["email"].to_numpy() == 0)
    decision = np.where(two_contacts & (dob != 3) & ~vouched & (decision == _MATCH),
                        _REVIEW, decision)  # fmt: skip
    # One name at one home with nothing to tell two people apart (no dates of birth,
    # no ages): a person decides.
    unknown_age = (dob == -1) & (age == -1)
    decision = np.where(same_home & unknown_age & (decision == _MATCH) & ~vouched,
                        _REVIEW, decision)  # fmt: skip
    # First name and surname both different: two people (a household shares an address).
    decision = np.where((given == 0) & (family == 0) & ~vouched, _NO, decision)
    # A date of birth that disagrees outright, at another address: two people of one name.
    elsewhere = (postcode != 3) & ~by_street
    decision = np.where((dob == 0) & elsewhere & ~vouched, _NO, decision)
    # Names alone at different houses (no date of birth, NHS number, phone or e-mail to
    # compare) fit too many people in a city: not the same person.
    elsewhere_house = (house == 0) | (postcode == 0) | other_street
    decision = np.where(~strong & elsewhere_house & ~vouched, _NO, decision)
    # Another first name, at another address, with nothing of the person's own agreeing
    # but a birthday: two people of a surname (or one that only sounds alike).
    decision = np.where((given == 0) & (family <= 1) & elsewhere_house & ~vouched
                        & (scored["email"].to_numpy() != 1) & (scored["phone"].to_numpy() != 1),
                        _NO, decision)  # fmt: skip
    # A different surname and a different address: two people.
    decision = np.where((family == 0) & elsewhere & ~vouched, _NO, decision)
    # Worth a person's look, though the rules above say no:
    # * the same names and phone number, or the same e-mail address, at another address
    #   (a move), with no birthday or age against it;
    # * the same names with the day and month of the birthday swapped, at another address;
    # * at one home, first names a letter apart (Jean / Jen, Mary / Maty), of one age with
    #   no date of birth on one of them, or with one date of birth: a typo that made
    #   another real name, or two people of a household a person can tell apart.
    email = scored["email"].to_numpy()
    moved = (
        ((scored["phone"].to_numpy() == 1) & (given >= 2) & (family >= 2))
        | (email == 1)
        | ((dob == 2) & (given >= 3) & (family >= 2))
    ) & ~ages_differ
    # * the same first name, surname and age at another address, and no one else on the
    #   lists of that name (the date of birth missing on one): likely a move.
    one_name = (given == 4) & (family == 3) & (dob == -1) & (age == 1) & (decision == _NO)
    moved |= one_name & (_people_of_the_name(scored, records, decision == _MATCH) == 2)
    typo_at_home = same_home & (given == 0) & ((dob == 3) | ((dob == -1) & (age == 1)))
    typo_at_home &= ~junior_senior & (decision == _NO) & ~vouched
    typo_at_home = _first_names_where(scored, records, typo_at_home, spelt_alike)
    look = (moved | typo_at_home) & (decision == _NO) & (nhs != 0)
    decision = np.where(look, _REVIEW, decision)
    # One person's record ID and date of birth (or, with no date of birth to compare, the
    # first name or surname; a birthday with its day and month swapped needs a name too;
    # one that differs needs the first name and the home): the same person, whatever else
    # was mistyped.
    names_differ = (given == 0) & (family == 0)
    birth_or_name = (
        (dob == 3)
        | ((dob == 2) & ~names_differ)
        | ((dob == -1) & ((given >= 2) | (family >= 2)))
        | ((given >= 2) & home)
    )
    same_id = by_id & birth_or_name
    decision = np.where(same_id, _MATCH, decision)
    # The NHS number rules come last: they override everything else.
    decision = np.where((nhs == 1) & (dob >= 2), _MATCH, decision)
    decision = np.where(nhs == 0, _NO, decision)
    return pd.Series(_NAMES[decision], index=scored.index, name="decision")
