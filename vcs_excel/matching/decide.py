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
from .comparisons import Levels
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


def _two_generations_at_home(scored: pd.DataFrame, records: pd.DataFrame) -> np.ndarray:
    """For each pair, whether the lists hold two people of the first record's name at its
    home a generation apart (years of birth or ages 12 or more apart): a junior and a
    senior, so a record of that name with no age could be either."""
    home = (records["postcode"].fillna("") + "/" + records["house"].fillna("")).to_numpy(object)
    year = np.array(
        [d.year if isinstance(d, dt.date) else np.nan for d in records["dob"]], dtype=np.float64
    )
    born = np.where(np.isnan(year), 2026 - records["age"].to_numpy(np.float64), year)
    keyed = pd.DataFrame({
        "home": home, "given": records["given_key"].fillna("").to_numpy(object),
        "family": records["family_key"].fillna("").to_numpy(object), "born": born,
    })  # fmt: skip
    born_of = keyed.groupby(["home", "given", "family"])["born"]
    spread = (born_of.transform("max") - born_of.transform("min")).fillna(0.0)
    apart = (spread.to_numpy() >= 12) & ~keyed["home"].str.startswith("/").to_numpy()
    return apart[scored["a"].to_numpy()] | apart[scored["b"].to_numpy()]


def decide(
    scored: pd.DataFrame,
    records: pd.DataFrame,
    definite: float = DEFINITE,
    review: float = REVIEW,
) -> pd.Series:
    """The decision for each scored pair: "match", "review" or "no"."""
    p = scored["probability"].to_numpy()
    v = Levels(scored)
    # A record ID shared between lists that use one scheme (see compare._trusted_ids)
    # vouches for a pair as an NHS number does: a household rule does not overrule it.
    # A record ID one typing slip away (two characters swapped; or, in lists whose IDs
    # are drawn at random, one character wrong) vouches only with the birthday, or both
    # names, to back it.
    # Nothing may contradict it: IDs given out in turn are often one swap from another
    # person's (ASC343117 / ASC343171).
    ages_differ = v.dob.is_("different") | v.age.is_("different")
    names_close = v.given.at_least("close_spelling") & v.family.at_least("close_spelling")
    id_slip = v.id.is_("typing_slip") & (v.dob.is_("same") | (names_close & ~ages_differ))
    by_id = v.id.is_("same") | id_slip
    vouched = v.nhs.is_("same") | by_id
    year = np.array(
        [d.year if isinstance(d, dt.date) else 0 for d in records["dob"]], dtype=np.int32
    )
    ya, yb = year[scored["a"].to_numpy()], year[scored["b"].to_numpy()]
    years_apart = np.where((ya > 0) & (yb > 0), np.abs(ya - yb), 0)
    decision = np.where(p >= definite, _MATCH, np.where(p >= review, _REVIEW, _NO)).astype(np.int8)
    same_dob, email = v.dob.is_("same"), v.email.is_("same")
    phone, mobile = v.phone.at_least("shared_landline"), v.phone.is_("shared_mobile")
    # A definite match needs one strong identifier in agreement: the date of birth, the
    # NHS number, the exact address, a phone number or an e-mail address. Names, ages and
    # districts alone fit too many people. Surnames that differ (a married name) need a
    # person too.
    # A home's landline or address is shared by the household, so it counts only when
    # the dates of birth or ages agree as well; a date of birth, an NHS number, an e-mail
    # address or a mobile number is the person's own.
    personal = same_dob | vouched | email | mobile
    # One home: the same house number and full postcode, or the same house number and
    # street where a postcode is cut short, mistyped or missing ("LS135J"). The same
    # number in another street of the district is another home.
    same_house = v.house.is_("same")
    by_street = (
        same_house & v.street.at_least("close_spelling") & ~v.postcode.is_("different", "same")
    )
    home = (v.postcode.is_("same") & same_house) | by_street
    other_street = same_house & v.street.is_("different") & ~v.postcode.is_("same")
    same_home_or_line = home | phone
    ages_agree = v.age.is_("same") | v.dob.at_least("one_keystroke")
    strong = personal | (same_home_or_line & ages_agree)
    # Name and date of birth in another district (a move, or a namesake) is left to the
    # probability: how common the surname is and how far apart the addresses are weigh
    # in it, where a rule sent every such pair to a person.
    # The same first name and date of birth at one home under another surname is one
    # person whose surname changed (a marriage): no one else fits.
    family_differs = v.family.is_("different")
    # With no date of birth on one side, the same first name and age will do: two people
    # of one name and age under two surnames at one address are rarer than a marriage.
    same_age = v.dob.missing & v.age.is_("same")
    renamed = (
        family_differs
        & home
        & ((v.given.at_least("close_spelling") & same_dob) | (v.given.is_("same") & same_age))
        & ~v.sex.is_("different")
    )
    weak = (~strong | (family_differs & ~renamed)) & (decision == _MATCH)
    decision = np.where(weak, _REVIEW, decision)
    # Household guards: never definite without a person, unless NHS numbers agree.
    different_first = v.given.is_("different")
    junior_senior = scored["suffix_differs"].to_numpy() | (
        v.given.is_("same") & (years_apart >= 12)
    )
    guarded = (different_first | junior_senior | v.dob.is_("different")) & ~vouched
    decision = np.where(guarded & (decision == _MATCH), _REVIEW, decision)
    # Different first names at one address with different birthdays: another household member.
    same_home = (v.postcode.is_("same") | by_street) & v.family.at_least("close_spelling")
    decision = np.where(same_home & different_first & ~same_dob & ~vouched, _NO, decision)
    decision = np.where(junior_senior & ~vouched, _NO, decision)
    # Twins: same birthday and surname, different first names.
    twins = same_dob & different_first & v.family.at_least("close_spelling") & ~vouched
    decision = np.where(twins, _NO, decision)
    # Ages that disagree (a mother and daughter of one name): not the same person.
    decision = np.where(v.age.is_("different") & ~same_dob & ~vouched, _NO, decision)
    # At one home, first names that are only alike (a nickname, a close spelling, an
    # initial: John / Ian, Chris / Christine) may be two members of the household: a
    # person decides, unless a date of birth or something of the person's own agrees.
    own = personal
    alike = v.given.is_("initial", "close_spelling", "nickname")
    # A record fits another person at its home only if their ages do not rule it out.
    fits_two = _fits_two_people(
        scored,
        records,
        same_home
        & v.given.at_least("initial")
        & ~v.age.is_("different")
        & ~v.dob.is_("different")
        & ~junior_senior,
    )
    # Two names linked only through a third (Jean and Janet, both short for Jeanette) are
    # usually two people; so are two ways of writing a name within one list.
    distant = _first_names_where(
        scored, records, same_home & v.given.is_("nickname"), lambda x, y: not nickname_of(x, y)
    )
    sheet = records["sheet"].to_numpy(object)
    one_list = sheet[scored["a"].to_numpy()] == sheet[scored["b"].to_numpy()]
    doubtful = fits_two | distant | one_list
    decision = np.where(same_home & alike & ~own & doubtful & (decision == _MATCH),
                        _REVIEW, decision)  # fmt: skip
    # Different phone numbers and different e-mail addresses, and no date of birth to
    # agree: more likely two people of one name.
    two_contacts = v.phone.is_("different") & v.email.is_("different")
    decision = np.where(two_contacts & ~same_dob & ~vouched & (decision == _MATCH),
                        _REVIEW, decision)  # fmt: skip
    # One name at one home with nothing to tell two people apart (no dates of birth,
    # no ages on one side): a person decides where the lists show two people of that
    # name at that home (a junior and a senior: dates of birth or ages a generation
    # apart), or where the pair's own mobile or e-mail does not settle it.
    unknown_age = v.dob.missing & v.age.missing
    two_of_the_name = _two_generations_at_home(scored, records)
    unsettled = same_home & unknown_age & ~vouched & ~(mobile | email)
    decision = np.where(unsettled & two_of_the_name & (decision == _MATCH), _REVIEW, decision)
    # First name and surname both different: two people (a household shares an address).
    names_differ = different_first & family_differs
    decision = np.where(names_differ & ~vouched, _NO, decision)
    # A date of birth that disagrees outright, at another address: two people of one name.
    elsewhere = ~v.postcode.is_("same") & ~by_street
    decision = np.where(v.dob.is_("different") & elsewhere & ~vouched, _NO, decision)
    # Names alone at different houses (no date of birth, NHS number, phone or e-mail to
    # compare) fit too many people in a city: not the same person.
    elsewhere_house = v.house.is_("different") | v.postcode.is_("different") | other_street
    decision = np.where(~strong & elsewhere_house & ~vouched, _NO, decision)
    # Another first name, at another address, with nothing of the person's own agreeing
    # but a birthday: two people of a surname (or one that only sounds alike).
    decision = np.where(different_first & ~v.family.at_least("close_spelling")
                        & elsewhere_house & ~vouched & ~email & ~phone,
                        _NO, decision)  # fmt: skip
    # A different surname and a different address: two people.
    decision = np.where(family_differs & elsewhere & ~vouched, _NO, decision)
    # Worth a person's look, though the rules above say no:
    # * the same names and phone number, or the same e-mail address, at another address
    #   (a move), with no birthday or age against it;
    # * the same names with the day and month of the birthday swapped, at another address;
    # * at one home, first names a letter apart (Jean / Jen, Mary / Maty), of one age with
    #   no date of birth on one of them, or with one date of birth: a typo that made
    #   another real name, or two people of a household a person can tell apart.
    moved = (
        (phone & names_close)
        | email
        | (
            v.dob.is_("day_month_swapped")
            & v.given.at_least("nickname")
            & v.family.at_least("close_spelling")
        )
    ) & ~ages_differ
    # * the same first name, surname and age at another address, and no one else on the
    #   lists of that name (the date of birth missing on one): likely a move.
    one_name = (
        v.given.is_("same") & v.family.is_("same") & v.dob.missing & v.age.is_("same")
        & (decision == _NO)
    )  # fmt: skip
    moved |= one_name & (_people_of_the_name(scored, records, decision == _MATCH) == 2)
    typo_at_home = same_home & different_first & (same_dob | same_age)
    typo_at_home &= ~junior_senior & (decision == _NO) & ~vouched
    typo_at_home = _first_names_where(scored, records, typo_at_home, spelt_alike)
    look = (moved | typo_at_home) & (decision == _NO) & ~v.nhs.is_("different")
    decision = np.where(look, _REVIEW, decision)
    # One person's record ID and date of birth (or, with no date of birth to compare, the
    # first name or surname; a birthday with its day and month swapped needs a name too;
    # one that differs needs the first name and the home): the same person, whatever else
    # was mistyped.
    birth_or_name = (
        same_dob
        | (v.dob.is_("day_month_swapped") & ~names_differ)
        | (
            v.dob.missing
            & (v.given.at_least("close_spelling") | v.family.at_least("close_spelling"))
        )
        | (v.given.at_least("close_spelling") & home)
    )
    same_id = by_id & birth_or_name
    decision = np.where(same_id, _MATCH, decision)
    # The NHS number rules come last: they override everything else.
    nhs_agrees = v.nhs.is_("same") & v.dob.at_least("day_month_swapped")
    decision = np.where(nhs_agrees, _MATCH, decision)
    decision = np.where(v.nhs.is_("different"), _NO, decision)
    return pd.Series(_NAMES[decision], index=scored.index, name="decision")
