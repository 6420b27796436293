"""Decide: definite match, review, or not a match.

The match probability decides first: at least ``DEFINITE`` is a definite match, at
least ``REVIEW`` goes to a person, below that it is not a match. Then the named rules
of :data:`RULES` run in order, each over named comparison levels, each changing only
the decisions it names: what a person would insist on that a probability cannot know
(two valid NHS numbers that differ are two people; a father and son of one name are
never merged without a person), and household knowledge the model's probability
carries only in part (a Chris at a home of a Christine and a Christopher). On lists the
model finds no households in, the rules about households stand down at a shared
address, and on lists with none at all within a postcode
(:attr:`Evidence.lone_postcode`). ``docs/matching.md`` lists them, from their docstrings.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .compare import spelt_alike
from .comparisons import Levels, one_home, same_house_and_street
from .prepare import nickname_of, nickname_related, short_for_both_sexes

DEFINITE = 0.95
# A probability sure enough to outweigh a rule that only doubts (names alone at another
# house of one postcode, with another birthday, on lists where no one lives together).
SURE = 0.99
REVIEW = 0.30
# Below this chance that two people at one address are of the household (if they are not
# one person), the lists show no households: see Evidence.lone_home.
HOUSEHOLDS = 0.01
HOMES_TO_TELL = 100
_NO, _REVIEW, _MATCH = 0, 1, 2  # decisions while working; named at the end
_NAMES = np.array(["no", "review", "match"], dtype=object)
_CODES = {"no": _NO, "review": _REVIEW, "match": _MATCH}


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


# Among this many people of one name, two share a date of birth (of some 25,000 in a
# lifetime's span) about once in 8,000 names: a record of the name and birthday
# elsewhere is the same person, moved.
_FEW_OF_A_NAME = 3


def _joined_people(e: Evidence, joined: np.ndarray) -> np.ndarray:
    """For each record, the number of the person the ``joined`` pairs make it part of."""
    from .cluster import linked_groups  # cluster imports this module

    a, b = e.scored["a"].to_numpy(np.int64), e.scored["b"].to_numpy(np.int64)
    return linked_groups(len(e.records), a[joined], b[joined]).astype(np.int64)


def _people_of_the_name(e: Evidence, joined: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each pair, how many people on the lists have the first record's first name and
    surname, and how many the second's; records ``joined`` as one person count once."""
    a, b = e.scored["a"].to_numpy(np.int64), e.scored["b"].to_numpy(np.int64)
    person = _joined_people(e, joined)
    name = e.name_codes
    # Each (name, person) once, then how many people each name has.
    width = person.max(initial=0) + 1
    distinct = pd.unique(name * width + person)
    people = np.bincount(distinct // width, minlength=name.max(initial=0) + 1)
    return people[name[a]], people[name[b]]


def _birthdays_disagree(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """For each pair, whether the rows already joined to its two records (as one person
    each, by the matches so far) hold dates of birth that disagree: a record with no date
    of birth joined at its home to a John Love born in October is not the John Love born
    in June elsewhere."""
    a, b = e.scored["a"].to_numpy(np.int64), e.scored["b"].to_numpy(np.int64)
    person = _joined_people(e, decision == _MATCH)
    born = pd.factorize(e.records["dob"].to_numpy(object), use_na_sentinel=True)[0]
    known = born >= 0
    # Each person's date of birth, or -1 where they have none, or two already (a typo
    # that other evidence joined says nothing either way).
    dates = pd.DataFrame({"person": person[known], "born": born[known]}).drop_duplicates()
    counts = dates.groupby("person")["born"].agg(["first", "size"])
    of_person = np.full(person.max(initial=0) + 1, -1, dtype=np.int64)
    of_person[counts.index.to_numpy()] = np.where(counts["size"] > 1, -1, counts["first"])
    x, y = of_person[person[a]], of_person[person[b]]
    return (x >= 0) & (y >= 0) & (x != y)


def _rare_name(e: Evidence, decision: np.ndarray, chosen: np.ndarray, most: int) -> np.ndarray:
    """For the ``chosen`` pairs, whether at most ``most`` people on the lists have either
    record's name (rows matched so far count as one person); False elsewhere. A typo
    makes a name look rare, so both spellings must be."""
    rare = np.zeros(len(chosen), dtype=bool)
    if chosen.any():
        people = np.maximum(*_people_of_the_name(e, decision == _MATCH))
        rare[chosen] = people[chosen] <= most
    return rare


class Evidence:
    """What a pair's comparison levels say, in named parts the rules are written in. Each
    part is worked out once, when a rule first asks for it."""

    def __init__(
        self, scored: pd.DataFrame, records: pd.DataFrame, definite: float = DEFINITE
    ) -> None:
        self.scored, self.records = scored, records
        self.v = Levels(scored)
        self.definite = definite  # the probability of a definite match

    @functools.cached_property
    def name_codes(self) -> np.ndarray:
        """A number for each record's first name and surname (the same for the same)."""
        given = pd.factorize(self.records["given_key"].fillna("").to_numpy(object))[0]
        family = pd.factorize(self.records["family_key"].fillna("").to_numpy(object))[0]
        return pd.factorize(given.astype(np.int64) * (family.max(initial=0) + 1) + family)[0]

    @functools.cached_property
    def ages_differ(self) -> np.ndarray:
        return self.v.dob.is_("different") | self.v.age.is_("different")

    @functools.cached_property
    def names_close(self) -> np.ndarray:
        """Both names the same or a close spelling."""
        v = self.v
        return v.given.at_least("close_spelling") & v.family.at_least("close_spelling")

    @functools.cached_property
    def by_id(self) -> np.ndarray:
        """A record ID shared between lists that use one scheme (compare._trusted_ids);
        or one typing slip away, with the birthday, or both names and no age against it
        (IDs given out in turn are often one swap from another person's). Where the
        lists' IDs are drawn at random, like a social security number, two people of one
        name (a junior and a senior) are as unlikely as anyone to hold IDs a keystroke
        apart: there both names and the slip vouch, whatever the ages say."""
        v = self.v
        slip = v.id.is_("typing_slip") & (
            v.dob.is_("same") | (self.names_close & (~self.ages_differ | self.random_ids))
        )
        return v.id.is_("same") | slip

    @functools.cached_property
    def random_ids(self) -> np.ndarray:
        """The two lists' record IDs are drawn at random, like a social security number
        (compare._trusted_ids), not given out in turn."""
        return self.scored["ids_random"].to_numpy(bool)

    @functools.cached_property
    def vouched(self) -> np.ndarray:
        """The NHS number or a record ID vouches for the pair: household rules do not
        overrule it."""
        return self.v.nhs.is_("same") | self.by_id

    @functools.cached_property
    def years_apart(self) -> np.ndarray:
        year = np.array(
            [d.year if isinstance(d, dt.date) else 0 for d in self.records["dob"]],
            dtype=np.int32,
        )
        ya, yb = year[self.scored["a"].to_numpy()], year[self.scored["b"].to_numpy()]
        return np.where((ya > 0) & (yb > 0), np.abs(ya - yb), 0)

    @functools.cached_property
    def personal(self) -> np.ndarray:
        """Something of the person's own agrees: the date of birth, the NHS number or a
        record ID, an e-mail address or a mobile number (a home's landline and address
        are the household's)."""
        v = self.v
        return v.dob.is_("same") | self.vouched | v.email.is_("same") | v.phone.is_("shared_mobile")

    @functools.cached_property
    def by_street(self) -> np.ndarray:
        """The same house number and street where a postcode is cut short, mistyped or
        missing ("LS135J")."""
        return same_house_and_street(self.v)

    @functools.cached_property
    def home(self) -> np.ndarray:
        """One home (:func:`comparisons.one_home`): the same house number and full
        postcode, or the same house number and street."""
        return one_home(self.v)

    @functools.cached_property
    def lone_home(self) -> np.ndarray:
        """One home on lists where the model finds no households: if the two are not one
        person, they are likelier strangers than two people of the home (a scored
        ``household`` below :data:`HOUSEHOLDS`, or any pair at one home on lists with no
        households at all, :attr:`no_households`). The rules about households stand down
        there, and the probability decides. A short list cannot show that no one lives
        together: it needs :data:`HOMES_TO_TELL` pairs at one address."""
        if "household" not in self.scored or self.home.sum() < HOMES_TO_TELL:
            return np.zeros(len(self.scored), dtype=bool)
        lone = (self.scored["household"].to_numpy() < HOUSEHOLDS) | self.no_households
        return self.home & lone

    @functools.cached_property
    def no_households(self) -> bool:
        """The lists show no households at all: the model finds hardly any other people
        of a record's home (fewer than one record in a hundred has one), or, where the
        scores do not say, hardly any of the pairs at one home (:attr:`home`) are two
        people of it (see :attr:`lone_home`)."""
        if "household" not in self.scored or self.home.sum() < HOMES_TO_TELL:
            return False
        per_record = self.scored.attrs.get("households_per_record")
        if per_record is not None:
            return bool(per_record < HOUSEHOLDS)
        at_home = self.scored["household"].to_numpy()[self.home]
        return bool((at_home >= 0.5).mean() < HOUSEHOLDS)

    @functools.cached_property
    def lone_postcode(self) -> np.ndarray:
        """One home, or one postcode with another house number (mistyped), on lists that
        show no households at all (:attr:`no_households`): not two people of a home."""
        if not self.no_households:
            return self.lone_home
        return self.home | self.v.postcode.is_("same")

    @functools.cached_property
    def same_home(self) -> np.ndarray:
        """One address (the postcode, or house and street) and one surname or a close
        spelling of it: one household."""
        v = self.v
        return (v.postcode.is_("same") | self.by_street) & v.family.at_least("close_spelling")

    @functools.cached_property
    def strong(self) -> np.ndarray:
        """Something of the person's own agrees, or the home or a phone with the ages
        (dates of birth within a keystroke, or ages within a year)."""
        v = self.v
        ages_agree = v.age.is_("same") | v.dob.at_least("one_keystroke")
        return self.personal | ((self.home | v.phone.at_least("shared_landline")) & ages_agree)

    @functools.cached_property
    def renamed(self) -> np.ndarray:
        """Another surname at one home, with the same first name and date of birth (or,
        with no date of birth on one side, the same first name and age) and no sex
        against it: a marriage."""
        v = self.v
        same_age = v.dob.missing & v.age.is_("same")
        # With only an age to go on, the address must agree in full: the full postcode,
        # the house number and the street.
        whole_address = v.postcode.is_("same") & v.house.is_("same") & ~v.street.is_("different")
        return (
            v.family.is_("different")
            & self.home
            & (
                (v.given.at_least("close_spelling") & v.dob.is_("same"))
                | (v.given.is_("same") & same_age & whole_address)
            )
            & ~v.sex.is_("different")
        )

    @functools.cached_property
    def junior_senior(self) -> np.ndarray:
        """A junior and a senior: a suffix that differs, or one first name and surname (or
        a close spelling of it) with years of birth twelve or more apart. Not where the
        dates of birth are one keystroke apart (1947-03-11 / 1987-03-11): a junior and a
        senior share a birthday about once a year in 365, and the year's digits as well
        far more rarely than a decade is mistyped."""
        v = self.v
        far_apart = (self.years_apart >= 12) & ~v.dob.is_("one_keystroke")
        return self.scored["suffix_differs"].to_numpy() | (
            v.given.is_("same") & v.family.at_least("close_spelling") & far_apart
        )

    @functools.cached_property
    def unopposed(self) -> np.ndarray:
        """No NHS number, record ID or sex that says two people."""
        v = self.v
        return (
            ~v.nhs.is_("different")
            & ~v.id.is_("different", "typing_slip")
            & ~v.sex.is_("different")
        )

    @functools.cached_property
    def elsewhere(self) -> np.ndarray:
        """Another postcode, and not the same house and street."""
        return ~self.v.postcode.is_("same") & ~self.by_street

    @functools.cached_property
    def elsewhere_house(self) -> np.ndarray:
        """Another house: another number, another postcode district, or the same number
        in another street."""
        v = self.v
        other_street = v.house.is_("same") & v.street.is_("different") & ~v.postcode.is_("same")
        return v.house.is_("different") | v.postcode.is_("different") | other_street

    @functools.cached_property
    def doubtful_alike_names(self) -> np.ndarray:
        """At one home, first names that are only alike (a nickname, a close spelling, an
        initial) where a record fits two people there, both are on one list, or the names
        are in doubt (:attr:`names_in_doubt`)."""
        v, scored, records = self.v, self.scored, self.records
        fits_two = _fits_two_people(
            scored,
            records,
            self.same_home
            & v.given.at_least("initial")
            & ~v.age.is_("different")
            & ~v.dob.is_("different")
            & ~self.junior_senior,
        )
        sheet = records["sheet"].to_numpy(object)
        one_list = sheet[scored["a"].to_numpy()] == sheet[scored["b"].to_numpy()]
        return fits_two | one_list | self.names_in_doubt

    @functools.cached_property
    def names_in_doubt(self) -> np.ndarray:
        """At one home, a nickname that may stand for another person there: the names
        are linked only through a third (Jean and Janet, both short for Jeanette), or the
        short name stands for names of both sexes ("Chris" at a home of a Christine and
        a Christopher)."""
        v, scored, records = self.v, self.scored, self.records
        nickname = self.same_home & v.given.is_("nickname")
        return _first_names_where(
            scored,
            records,
            nickname,
            lambda x, y: (
                not nickname_of(x, y) or short_for_both_sexes(x) or short_for_both_sexes(y)
            ),
        )


@dataclass(frozen=True)
class Rule:
    """A decision a probability cannot make: where ``when`` holds, a pair decided one of
    ``changes`` becomes ``outcome``. A "no" says two people (grouping never puts them in
    one person through others), unless ``apart`` is False: then it says only that the
    evidence is too little for this pair, and other links may still join the two."""

    name: str
    outcome: str  # "match", "review" or "no"
    changes: tuple[str, ...]
    when: Callable[[Evidence, np.ndarray], np.ndarray]
    apart: bool = True

    @property
    def doc(self) -> str:
        return " ".join((self.when.__doc__ or "").split())


ANY = ("match", "review", "no")


def _personal_evidence(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """A definite match needs something of the person's own in agreement, or the home or
    a phone with the ages; names, ages and districts alone fit too many people. Another
    surname needs a person too, unless it is a marriage at one home, or the first name
    agrees and the NHS number or record ID vouches for the pair (a surname changed on
    marriage keeps them). On lists with no households (:attr:`Evidence.lone_postcode`),
    the home, or on lists with none at all the postcode, is the person's own."""
    v = e.v
    kept = e.vouched & v.given.at_least("close_spelling")
    another_surname = v.family.is_("different") & ~e.renamed & ~e.lone_postcode & ~kept
    return ~(e.strong | e.lone_postcode) | another_surname


def _namesake(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Another address, in another district or street, with no phone, e-mail address, NHS
    number or record ID in common: a move, or two people of one name and birthday (in a
    city of a million, first names and birthdays coincide, and surnames that sound
    alike are common), so a person decides. Not where the names are the same or close
    spellings, the whole date of birth is the same and at most three people on the lists
    have either spelling of the name: among three people, two share a birthday about
    once in 8,000 names, so it is a move (:func:`_rare_name_moved`)."""
    v = e.v
    near_only = v.postcode.is_("same_district", "same_sector") & (
        ~v.house.is_("same") | v.street.is_("different")
    )
    fires = (
        (v.postcode.is_("different") | near_only)
        & ~e.vouched
        & ~v.phone.at_least("shared_landline")
        & ~v.email.is_("same")
    )
    alike = fires & e.names_close & v.dob.is_("same")
    return fires & ~_rare_name(e, decision, alike, _FEW_OF_A_NAME)


def _rare_name_moved(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Both names the same (or close spellings) and the whole date of birth the same at
    another address, with no NHS numbers or record IDs that differ, when at most three
    people on the lists have either spelling of the name (rows already joined count as
    one; a typo makes a name look rare, so both spellings must be): among three people,
    two share a birthday about once in 8,000 names, so it is one person, moved. (The
    model weighs the name and the birthday apart, and a move's postcode, street and
    house number each against it, so it cannot see this.)"""
    v = e.v
    moved = e.names_close & v.dob.is_("same") & e.elsewhere_house & e.unopposed
    return _rare_name(e, decision, moved, _FEW_OF_A_NAME)


def _moved_with_name_and_age(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """The same first name and surname and the same age at another address, with no date
    of birth on either side to compare, no phone, e-mail address, NHS number or record ID
    against them, a probability of a definite match, and no one else of the name on the
    lists (rows already joined count as one, and the rows joined to either hold no date of
    birth against the other's): a move. A person shown the two rows has nothing more to go
    on, so asking would not tell them apart any better. Where a third person of the name
    is on the lists, the two may be any two of them: a person decides."""
    v = e.v
    sure = e.scored["probability"].to_numpy() >= e.definite
    moved = (
        sure
        & v.given.is_("same")
        & v.family.is_("same")
        & v.dob.missing
        & v.age.is_("same")
        & e.elsewhere
        & ~v.phone.is_("different")
        & ~v.email.is_("different")
        & e.unopposed
    )
    if moved.any():
        moved &= ~_birthdays_disagree(e, decision)
    return _rare_name(e, decision, moved, 2)


def _household_guard(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Another first name, a junior and a senior, or dates of birth that differ: never
    definite without a person, unless the NHS number or a record ID vouches, or the pair
    is at one home or postcode on lists with no households (:attr:`Evidence.lone_postcode`)."""
    v = e.v
    guard = v.given.is_("different") | e.junior_senior | v.dob.is_("different")
    return guard & ~e.vouched & ~e.lone_postcode


def _another_household_member(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Another first name at one home without the same birthday: another member of the
    household. So is another first name and another date of birth at one house and
    postcode, whatever the surnames (a partner, a lodger), and another first name at one
    house with a surname that only sounds alike and no birthday to say otherwise. Not
    on lists with no households (:attr:`Evidence.lone_postcode`)."""
    v = e.v
    other = v.given.is_("different") & ~e.vouched
    lodger = e.home & v.dob.is_("different")
    alike = e.home & v.family.at_least("sounds_alike") & ~v.dob.is_("same")
    return other & ((e.same_home & ~v.dob.is_("same")) | lodger | alike) & ~e.lone_postcode


def _junior_and_senior(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """A junior and a senior of one name are two people (within one postcode, only on
    lists with households: where no one lives together, one name at one home with years
    of birth far apart is a date typed wrong, and the probability decides)."""
    return e.junior_senior & ~e.vouched & ~e.lone_postcode


def _twins(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Twins: one birthday and surname, different first names. Not on lists that show no
    households at all (:attr:`Evidence.no_households`): twins mostly live together, and
    where no one on the lists does, the probability decides."""
    v = e.v
    return (
        v.dob.is_("same")
        & v.given.is_("different")
        & v.family.at_least("close_spelling")
        & ~e.vouched
        & ~e.lone_postcode
        & (not e.no_households)
    )


def _ages_disagree(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Ages more than five years apart, with no date of birth on one side to agree (a
    mother and daughter of one name): two people, unless something of the person's own
    agrees (an e-mail address or a mobile number: an age is mistyped more often than a
    mother and a daughter share a mobile)."""
    return e.v.age.is_("different") & ~e.personal


def _alike_names_at_one_home(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """At one home, first names that are only alike, where they may be two members of
    the household (:attr:`Evidence.doubtful_alike_names`), or an initial alone (it fits
    any of a family's children of that letter, and a partner of one age): a person
    decides, unless something of the person's own agrees (for names in doubt,
    :attr:`Evidence.names_in_doubt`, other than the birthday, which twins share). Not on
    lists with no households (:attr:`Evidence.lone_postcode`)."""
    v = e.v
    alike = v.given.is_("initial", "close_spelling", "nickname")
    own = v.email.is_("same") | v.phone.is_("shared_mobile") | e.vouched
    doubtful = e.same_home & alike & ~e.personal & e.doubtful_alike_names
    in_doubt = e.names_in_doubt & ~own
    initial = e.same_home & v.given.is_("initial") & ~e.personal
    return (doubtful | in_doubt | initial) & ~e.lone_postcode


def _two_contacts(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Different phone numbers and different e-mail addresses, with no date of birth to
    agree: more likely two people of one name, so a person decides."""
    v = e.v
    return v.phone.is_("different") & v.email.is_("different") & ~v.dob.is_("same") & ~e.vouched


def _both_names_differ(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """First name and surname both different: two people (a household shares an
    address). Not at one home on lists with no households, nor within one postcode on
    lists with none at all (:attr:`Evidence.lone_postcode`): there the probability
    decides."""
    return e.v.given.is_("different") & e.v.family.is_("different") & ~e.vouched & ~e.lone_postcode


def _birthday_disagrees_elsewhere(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """A date of birth that disagrees outright, at another address: two people of one
    name."""
    return e.v.dob.is_("different") & e.elsewhere & ~e.vouched


def _names_alone_elsewhere(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Names alone at different houses, with nothing of the person's own and no home or
    phone with the ages to compare, fit too many people in a city: not the same person
    (a move worth a look is sent back to a person below). Within one postcode on lists
    with no households at all (:attr:`Evidence.lone_postcode`), a house number that
    differs is a typo and the probability decides, unless the dates of birth differ too
    and the model, which learned from these lists how often each field is mistyped, is
    not sure (:data:`SURE`)."""
    sure = e.scored["probability"].to_numpy() >= SURE
    within = e.lone_postcode & (~e.v.dob.is_("different") | sure)
    return ~e.strong & e.elsewhere_house & ~e.vouched & ~within


def _another_first_name_elsewhere(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Another first name, at another house, with a surname that only sounds alike or
    differs and no phone or e-mail in common: two people (within one postcode, only on
    lists with households)."""
    v = e.v
    return (
        v.given.is_("different")
        & ~v.family.at_least("close_spelling")
        & e.elsewhere_house
        & ~e.vouched
        & ~v.email.is_("same")
        & ~v.phone.at_least("shared_landline")
        & ~e.lone_postcode
    )


def _another_surname_elsewhere(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Another surname at another address: two people."""
    return e.v.family.is_("different") & e.elsewhere & ~e.vouched


def _worth_a_look(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Worth a person's look, though the rules above say no: the same names (or close
    spellings) and date of birth at another house; the same names and a phone,
    or the same e-mail address, at another address (a move) with no age against it; the
    same names with the birthday's day and month swapped; the same name (or a close
    spelling) and age at another address when no one else on the lists has that name or
    spelling (rows already joined count as one person); the names at another house
    number in the same postcode and street, with no age against them (a house number
    mistyped, or a move next door); and at one home, first names a letter apart
    (Jean / Jen) of one age or birthday. Never with two NHS numbers that differ."""
    v, scored, records = e.v, e.scored, e.records
    moved = (
        (v.phone.at_least("shared_landline") & e.names_close)
        | v.email.is_("same")
        | (
            v.dob.is_("day_month_swapped")
            & v.given.at_least("nickname")
            & v.family.at_least("close_spelling")
        )
    ) & ~e.ages_differ
    moved |= (
        v.postcode.is_("same")
        & v.street.at_least("close_spelling")
        & v.house.is_("different")
        & e.names_close
        & ~e.ages_differ
    )  # next door
    moved |= e.names_close & v.dob.is_("same") & e.elsewhere_house  # a namesake, or moved
    same_age = v.dob.missing & v.age.is_("same")
    moved |= _rare_name(e, decision, e.names_close & same_age & (decision == _NO), 2)
    typo_at_home = e.same_home & v.given.is_("different") & (v.dob.is_("same") | same_age)
    typo_at_home &= ~e.junior_senior & (decision == _NO) & ~e.vouched
    typo_at_home = _first_names_where(scored, records, typo_at_home, spelt_alike)
    return (moved | typo_at_home) & ~v.nhs.is_("different")


def _record_id_vouches(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """One person's record ID with the date of birth (or, with no date of birth to
    compare, the first name, the surname or the home; a birthday with its day and month
    swapped needs a name too; one a keystroke off needs the first name; one that differs
    needs the first name and the home): the same person, whatever else was mistyped. An ID
    drawn at random (like a social security number) and shared needs only no date of birth
    against it."""
    v = e.v
    names_differ = v.given.is_("different") & v.family.is_("different")
    birth_or_name = (
        v.dob.is_("same")
        | (v.dob.is_("day_month_swapped") & ~names_differ)
        | (
            v.dob.missing
            & (v.given.at_least("close_spelling") | v.family.at_least("close_spelling") | e.home)
        )
        | (v.given.at_least("close_spelling") & e.home)
        | (v.given.at_least("close_spelling") & v.dob.is_("one_keystroke"))
    )
    # An ID drawn at random is shared by two people only if one was typed as the other's
    # in full: where no date of birth says otherwise, it is the person, whatever the names.
    drawn = v.id.is_("same") & e.random_ids & (v.dob.missing | v.dob.at_least("one_keystroke"))
    return (e.by_id & birth_or_name) | drawn


def _nhs_number_agrees(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """A valid NHS number the same on both records, with dates of birth that agree (or
    have the day and month swapped): the same person."""
    return e.v.nhs.is_("same") & e.v.dob.at_least("day_month_swapped")


def _nhs_numbers_differ(e: Evidence, decision: np.ndarray) -> np.ndarray:
    """Two different valid NHS numbers are never the same person."""
    return e.v.nhs.is_("different")


RULES: tuple[Rule, ...] = (
    Rule("personal evidence", "review", ("match",), _personal_evidence),
    Rule("a rare name moved", "match", ("no", "review"), _rare_name_moved),
    Rule("a namesake is possible", "review", ("match",), _namesake),
    Rule("household guard", "review", ("match",), _household_guard),
    Rule("another household member", "no", ANY, _another_household_member),
    Rule("a junior and a senior", "no", ANY, _junior_and_senior),
    Rule("twins", "no", ANY, _twins),
    Rule("ages disagree", "no", ANY, _ages_disagree),
    Rule("alike names at one home", "review", ("match",), _alike_names_at_one_home),
    Rule("two sets of contacts", "review", ("match",), _two_contacts),
    Rule("both names differ", "no", ANY, _both_names_differ),
    Rule("a birthday that disagrees elsewhere", "no", ANY, _birthday_disagrees_elsewhere),
    Rule("names alone elsewhere", "no", ANY, _names_alone_elsewhere, apart=False),
    Rule("another first name elsewhere", "no", ANY, _another_first_name_elsewhere),
    Rule("another surname elsewhere", "no", ANY, _another_surname_elsewhere),
    Rule("worth a look", "review", ("no",), _worth_a_look),
    Rule("moved, with name and age", "match", ("no", "review"), _moved_with_name_and_age),
    Rule("a record ID vouches", "match", ANY, _record_id_vouches),
    Rule("the NHS number agrees", "match", ANY, _nhs_number_agrees),
    Rule("NHS numbers differ", "no", ANY, _nhs_numbers_differ),
)


def decide(
    scored: pd.DataFrame,
    records: pd.DataFrame,
    definite: float = DEFINITE,
    review: float = REVIEW,
    trace: list[list[str]] | None = None,
    too_little: list[np.ndarray] | None = None,
) -> pd.Series:
    """The decision for each scored pair: "match", "review" or "no"; the probability's,
    then each of :data:`RULES` in order. ``trace``, if given, is filled with the names
    of the rules that changed each pair's decision; ``too_little``, if given, receives
    which "no" pairs a rule decided for too little evidence, not as two people."""
    p = scored["probability"].to_numpy()
    decision = np.where(p >= definite, _MATCH, np.where(p >= review, _REVIEW, _NO)).astype(np.int8)
    evidence = Evidence(scored, records, definite)
    if trace is not None:
        trace[:] = [[] for _ in range(len(scored))]
    little = np.zeros(len(decision), dtype=bool)
    for rule in RULES:
        applies = np.zeros(len(decision), dtype=bool)
        for changes in rule.changes:
            applies |= decision == _CODES[changes]
        if not applies.any():
            continue
        outcome = _CODES[rule.outcome]
        changed = applies & rule.when(evidence, decision) & (decision != outcome)
        if trace is not None:
            for i in np.flatnonzero(changed):
                trace[i].append(rule.name)
        decision = np.where(changed, outcome, decision)
        little = np.where(changed, outcome == _NO and not rule.apart, little)
    if too_little is not None:
        too_little[:] = [little & (decision == _NO)]
    return pd.Series(_NAMES[decision], index=scored.index, name="decision")
