"""Compare: for each candidate pair, how each field agrees, at one of the named levels
of its comparison (:mod:`.comparisons`); ``MISSING`` where a value is missing on one
side (it says nothing either way)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd
from rapidfuzz.distance import OSA, JaroWinkler
from rapidfuzz.process import cpdist

from ..clean.phones import is_mobile
from .block import one_code_space
from .comparisons import LEVELS, MISSING, Levels, code
from .prepare import (
    as_scanned,
    is_known_name,
    name_forms,
    nickname_related,
    spelling_key,
    usual_sex,
)

__all__ = ["LEVELS", "MISSING", "compare_pairs", "spelt_alike"]

# The levels set here, by name.
_FAMILY_SAME, _FAMILY_CLOSE, _FAMILY_SOUND = (
    code("family", n) for n in ("same", "close_spelling", "sounds_alike")
)
_GIVEN_SAME, _GIVEN_NICKNAME, _GIVEN_CLOSE, _GIVEN_INITIAL = (
    code("given", n) for n in ("same", "nickname", "close_spelling", "initial")
)
_DIFFERENT = 0  # every comparison's weakest level is "different"


def _codes(values: pd.Series | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes for the values (-1 for missing or empty) and the distinct values."""
    # Missing values (None, NaN) get -1 from factorize itself; empty text is made -1 below.
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    uniques = np.asarray(uniques, dtype=object)
    blank = np.flatnonzero(uniques == "")
    if len(blank):
        codes = np.where(codes == blank[0], -1, codes)
    return codes.astype(np.int64), uniques


def _per_distinct_pair(
    ca: np.ndarray, cb: np.ndarray, values: np.ndarray, level_of: Callable[..., np.ndarray]
) -> np.ndarray:
    """``level_of(left, right)`` (arrays of values) for each pair of different, present
    codes, worked out once per distinct pair of values; -1 elsewhere."""
    out = np.full(len(ca), MISSING, dtype=np.int8)
    todo = (ca >= 0) & (cb >= 0) & (ca != cb)
    if not todo.any():
        return out
    key = ca[todo] * len(values) + cb[todo]
    inverse, distinct = pd.factorize(key)  # hashing, not sorting: millions of pairs
    levels = level_of(values[distinct // len(values)], values[distinct % len(values)])
    out[todo] = np.asarray(levels, dtype=np.int8)[inverse]
    return out


def _jw(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return cpdist(list(a), list(b), scorer=JaroWinkler.normalized_similarity, workers=-1)


def _family_levels(sounds: dict[str, str]) -> Callable[..., np.ndarray]:
    def level_of(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        same_sound = np.array([sounds[p] == sounds[q] for p, q in zip(x, y, strict=True)])
        misread = np.array([as_scanned(p) == as_scanned(q) for p, q in zip(x, y, strict=True)])
        return np.where(
            (_jw(x, y) >= 0.92) | misread,
            _FAMILY_CLOSE,
            np.where(same_sound, _FAMILY_SOUND, _DIFFERENT),
        )

    return level_of


def _typo(p: str, q: str) -> bool:
    """One letter wrong, missing, added or two swapped ("Pter", "Mzrk", "Jmaes") in names
    of four letters or more, or spelt alike (Jaro-Winkler 0.9) in names of three or more;
    letters OCR misreads ("Sirnone" for Simone) count as one."""
    if min(len(p), len(q)) < 3:
        return False
    # Three-letter names are one letter from many others (Pal, Pat, Sal): spelling only.
    one_letter = min(len(p), len(q)) >= 4 and (
        OSA.distance(p, q) <= 1 or OSA.distance(as_scanned(p), as_scanned(q)) <= 1
    )
    return one_letter or JaroWinkler.normalized_similarity(p, q) >= 0.9


def spelt_alike(p: str, q: str) -> bool:
    """Two first names (keys) a letter apart, or spelt alike, and not of two sexes: Jean
    and Jen, Mary and Maty, though each may also be a name of its own."""
    return _typo(p, q) and not _two_sexes(p, q)


def _two_sexes(p: str, q: str) -> bool:
    sexes = {usual_sex(p), usual_sex(q)}
    return None not in sexes and len(sexes) == 2


def _given_levels(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Levels of two different first names (keys): a known nickname, a close spelling
    or an initial."""
    out = np.zeros(len(x), dtype=np.int8)
    for i, (p, q) in enumerate(zip(x, y, strict=True)):
        # Two spellings of one name (Tommy and Tommie, Sarah and Sara, Jennipher and
        # Jennifer) are one name, though each may be a name of its own; not initials (C, K).
        if min(len(p), len(q)) >= 3 and spelling_key(p) == spelling_key(q) and not _two_sexes(p, q):
            out[i] = _GIVEN_CLOSE
            continue
        if nickname_related(p, q):
            out[i] = _GIVEN_NICKNAME
            continue
        # Two real names spelt alike (Christine, Christopher; Mark, Mary) are different
        # names, not a typo; a misspelt nickname ("Berrt" for Bert, so Albert) is a close
        # spelling, but a real name is not a misspelt full name of a nickname (Michael is
        # not Michelle, so not Shell). Names of two sexes (Jean, Sean) are two people.
        if (
            not (is_known_name(p) and is_known_name(q))
            and (
                _typo(p, q)
                or any(
                    _typo(name, form)
                    for name, forms in ((p, name_forms(q) - {q}), (q, name_forms(p) - {p}))
                    for form in forms
                    if not (is_known_name(name) and is_known_name(form))
                )
            )
            and not _two_sexes(p, q)
        ):
            out[i] = _GIVEN_CLOSE
        elif (len(p) == 1 or len(q) == 1) and p[:1] == q[:1]:
            out[i] = _GIVEN_INITIAL
    return out


def _equal(ca: np.ndarray, cb: np.ndarray, field: str) -> np.ndarray:
    """A field's "same" level where the codes agree, "different" where they do not."""
    level = np.where(ca == cb, code(field, "same"), _DIFFERENT)
    return np.where((ca < 0) | (cb < 0), MISSING, level).astype(np.int8)


class _Coded:
    """The records' fields as integer codes and numbers, for comparing many pairs at once."""

    def __init__(self, records: pd.DataFrame) -> None:
        n = len(records)
        names = np.concatenate([
            records["given_key"].to_numpy(object), records["family_key"].to_numpy(object)
        ])  # fmt: skip
        codes, self.names = _codes(names)
        self.given, self.family = codes[:n], codes[n:]
        self.sound = {}
        for side in ("given", "family"):
            keys = records[[f"{side}_key", f"{side}_sound"]].drop_duplicates(f"{side}_key")
            self.sound.update(zip(keys[f"{side}_key"], keys[f"{side}_sound"], strict=True))
        # Both names' sounds as codes from one set, so a first name's can meet a surname's.
        self.given_sound, self.family_sound = one_code_space(
            records, ("given_sound", "family_sound")
        )
        self.suffix = _codes(records["suffix"])[0]
        for f in ("sector", "district", "nhs", "email", "sex"):
            setattr(self, f, _codes(records[f])[0])
        self.id, self.ids = _codes(records["id"])
        # IDs that are one swap apart are written with the same characters.
        letters = np.array(["".join(sorted(v)) for v in self.ids], dtype=object)
        self.id_letters = np.append(pd.factorize(letters)[0], -1)[self.id]
        self.postcode, self.postcodes = _codes(records["postcode"])
        house = records["house"].fillna("")
        self.house = _codes(records["flat"].fillna("") + "/" + house)[0]
        self.house[house.to_numpy() == ""] = -1
        # Streets compare without spaces ("kelleway avenue" / "kellewayavenue").
        self.street, self.streets = _codes(records["street"].fillna("").str.replace(" ", ""))
        # Each distinct date of birth taken apart once.
        codes, dates = pd.factorize(records["dob"].to_numpy(object), use_na_sentinel=True)
        ymd = np.array(
            [(d.year, d.month, d.day) if isinstance(d, dt.date) else (0, 0, 0) for d in dates]
            + [(0, 0, 0)],
            dtype=np.int32,
        ).reshape(-1, 3)[codes]  # the last row (0, 0, 0) is for a missing date
        self.year, self.month, self.day = ymd[:, 0].copy(), ymd[:, 1].copy(), ymd[:, 2].copy()
        # The eight digits of ddmmyyyy, for counting the digits two dates differ in.
        self.digits = np.stack(
            [self.day // 10, self.day % 10, self.month // 10, self.month % 10]
            + [self.year // 10**k % 10 for k in (3, 2, 1, 0)],
            axis=1,
        ).astype(np.int8)
        self.age = pd.to_numeric(records["age"], errors="coerce").to_numpy(np.float64)
        phones = records["phones"].to_numpy(object)
        width = max((len(p) for p in phones if p), default=0)
        flat = [p[i] if p and i < len(p) else "" for i in range(width) for p in phones]
        codes, numbers = _codes(np.array(flat, dtype=object)) if width else (
            np.empty(0, np.int64), np.empty(0, dtype=object))  # fmt: skip
        self.phones = codes.reshape(width, n) if width else np.full((0, n), -1)
        # Which numbers are UK mobiles (a person's own), by the numbering plan.
        self.mobile = np.array([is_mobile(x) for x in numbers] + [False], dtype=bool)


def _street_levels(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Close: spelt alike ("cavendish raod"), or one name the start of the other
    ("cavendish" / "cavendish road")."""
    alike = _jw(x, y) >= 0.9
    start = np.array([
        min(len(p), len(q)) >= 5 and (p.startswith(q) or q.startswith(p))
        for p, q in zip(x, y, strict=True)
    ])  # fmt: skip
    return np.where(alike | start, code("street", "close_spelling"), _DIFFERENT)


def _street(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ca, cb = c.street[a], c.street[b]
    level = _per_distinct_pair(ca, cb, c.streets, _street_levels)
    return np.where((ca == cb) & (ca >= 0), code("street", "same"), level).astype(np.int8)


def _dob(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ya, yb, ma, mb, da, db = c.year[a], c.year[b], c.month[a], c.month[b], c.day[a], c.day[b]
    same = (ya == yb) & (ma == mb) & (da == db)
    swapped = (ya == yb) & (da == mb) & (ma == db)
    # Written as ddmmyyyy, one digit differs; or the same birthday a year apart.
    digits = (c.digits[a] != c.digits[b]).sum(axis=1)
    near = (digits == 1) | ((ma == mb) & (da == db) & (np.abs(ya - yb) == 1))
    level = np.where(
        same,
        code("dob", "same"),
        np.where(
            swapped,
            code("dob", "day_month_swapped"),
            np.where(near, code("dob", "one_keystroke"), _DIFFERENT),
        ),
    )
    return np.where((ya == 0) | (yb == 0), MISSING, level).astype(np.int8)


def _postcode(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    sector = (c.sector[a] == c.sector[b]) & (c.sector[a] >= 0)
    district = (c.district[a] == c.district[b]) & (c.district[a] >= 0)
    same, same_sector = code("postcode", "same"), code("postcode", "same_sector")
    level = np.where(
        c.postcode[a] == c.postcode[b],
        same,
        np.where(
            sector, same_sector, np.where(district, code("postcode", "same_district"), _DIFFERENT)
        ),
    )
    # A postcode with no sector (one a UK rule cannot read: cut short, mistyped, or
    # another country's) is close to another written one character differently, or to
    # a full postcode it is the start of ("LS156G", "LS15 6GS"); otherwise it says
    # nothing beside a full postcode, and differs from another unread one.
    ua, ub = c.sector[a] < 0, c.sector[b] < 0
    unread = (ua | ub) & (c.postcode[a] >= 0) & (c.postcode[b] >= 0)
    if unread.any():
        only = np.where(unread, c.postcode[a], -1)
        close = _per_distinct_pair(only, c.postcode[b], c.postcodes, _close_postcodes)
        level = np.where(unread & (close == 1), same_sector, level)
        level = np.where(unread & (close == 0) & (ua != ub), MISSING, level)
    # Two full postcodes a keystroke apart ("BB18 2BW", "B18 2BW") at the same house
    # number and street are one home with a postcode mistyped into another valid one:
    # as close as one sector, so the house and street are compared and the home's
    # household rules hold.
    slip = (
        (level == _DIFFERENT)
        & (c.house[a] == c.house[b]) & (c.house[a] >= 0)
        & (c.street[a] == c.street[b]) & (c.street[a] >= 0)
    )  # fmt: skip
    if slip.any():
        only = np.where(slip, c.postcode[a], -1)
        close = _per_distinct_pair(only, c.postcode[b], c.postcodes, _close_postcodes)
        level = np.where(slip & (close == 1), same_sector, level)
    return np.where((c.postcode[a] < 0) | (c.postcode[b] < 0), MISSING, level).astype(np.int8)


def _close_postcodes(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    out = np.zeros(len(x), dtype=bool)
    for i, (p, q) in enumerate(zip(x, y, strict=True)):
        p, q = p.replace(" ", ""), q.replace(" ", "")
        short, full = sorted((p, q), key=len)
        out[i] = OSA.distance(p, q) <= 1 or (len(short) >= 3 and full.startswith(short))
    return out


def _phone(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A shared mobile (a person's own), a shared landline or other number (the
    household's), different numbers, or missing."""
    if not len(c.phones):
        return np.full(len(a), MISSING, dtype=np.int8)
    pa, pb = c.phones[:, a], c.phones[:, b]
    shared = np.zeros(len(a), dtype=bool)
    mobile = np.zeros(len(a), dtype=bool)
    for x in pa:
        for y in pb:
            both = (x == y) & (x >= 0)
            shared |= both
            mobile |= both & c.mobile[x]
    present = (pa[0] >= 0) & (pb[0] >= 0)
    level = np.where(
        mobile,
        code("phone", "shared_mobile"),
        np.where(shared, code("phone", "shared_landline"), _DIFFERENT),
    )
    return np.where(present, level, MISSING).astype(np.int8)


def _age(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Ages within a year; two to five years apart (an age written down years ago, or
    guessed); or further apart. Where both records have a date of birth, their ages are
    worked out from them and say nothing more: the dates are compared instead (1957 and
    1967 is one keystroke apart, not a mother and a daughter)."""
    x, y = c.age[a], c.age[b]
    apart = np.abs(np.trunc(x) - np.trunc(y))
    level = np.where(
        apart <= 1,
        code("age", "same"),
        np.where(apart <= 5, code("age", "a_few_years"), _DIFFERENT),
    )
    both_dates = (c.year[a] > 0) & (c.year[b] > 0)
    return np.where(np.isnan(x) | np.isnan(y) | both_dates, MISSING, level).astype(np.int8)


def _record_ids(c: _Coded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The same record ID; one with two neighbouring characters swapped (a typing slip:
    3590063 / 3590603; IDs given out in turn differ in their last digit instead);
    different; or missing."""
    equal = _equal(c.id[a], c.id[b], "id")
    differ = equal == _DIFFERENT
    differ &= c.id_letters[a] == c.id_letters[b]
    level = equal
    if differ.any():
        only = np.where(differ, c.id[a], -1)
        swapped = _per_distinct_pair(only, c.id[b], c.ids, _swapped_neighbours)
        level = np.where(differ & (swapped == 1), code("id", "typing_slip"), level)
    return level.astype(np.int8)


def _one_character_apart(c: _Coded, a: np.ndarray, b: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Pairs whose different record IDs are one character apart: one wrong, missing or
    added (3590063 / 3590068)."""
    out = np.zeros(len(a), dtype=bool)
    todo = np.flatnonzero(level == _DIFFERENT)
    if len(todo):
        x, y = c.ids[c.id[a[todo]]], c.ids[c.id[b[todo]]]
        out[todo] = cpdist(list(x), list(y), scorer=OSA.distance, score_cutoff=1) == 1
    return out


def _swapped_neighbours(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    out = np.zeros(len(x), dtype=bool)
    for i, (p, q) in enumerate(zip(x, y, strict=True)):
        if len(p) == len(q) and len(p) >= 4:
            diff = [k for k in range(len(p)) if p[k] != q[k]]
            out[i] = (
                len(diff) == 2 and diff[1] == diff[0] + 1
                and p[diff[0]] == q[diff[1]] and p[diff[1]] == q[diff[0]]
            )  # fmt: skip
    return out


def _trusted_ids(
    records: pd.DataFrame, out: pd.DataFrame, level: np.ndarray, one_apart: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The record-ID level, kept only between lists whose IDs name one person in one
    scheme; -1 (says nothing) elsewhere. And for each pair, whether its lists' IDs are
    drawn at random (below).

    A list's own reference ("Ref", "Client ID") is evidence only where both lists
    use the same references for the same people: this week's and last week's export
    of one system, say, but not a food bank's numbers beside a council's. So for each
    pair of lists (and each list with itself) the pairs that agree on everything else
    (first name, surname, and the date of birth or the home) must mostly share their
    ID; and an ID shared by two records must mostly be shared by one name, not by a
    household (a membership or claim number covers everyone at home).

    Between lists whose IDs are trusted, IDs ``one_apart`` (one character wrong,
    missing or added) are a typing slip, level 1, where such pairs agree on everything
    else about as often as pairs sharing an ID do, as they do when IDs are drawn at
    random (a social security number). Where IDs are given out in turn, one character
    apart is usually the next person registered, often of the same household: they
    stay different.
    """
    present = level >= 0
    if not present.any():
        return level, np.zeros(len(level), dtype=bool)
    sheet = pd.factorize(records["sheet"].to_numpy(object))[0].astype(np.int64)
    a, b = out["a"].to_numpy(), out["b"].to_numpy()
    sa, sb = sheet[a], sheet[b]
    lists = np.minimum(sa, sb) * (sheet.max(initial=0) + 1) + np.maximum(sa, sb)
    v = Levels(out)
    home = v.postcode.is_("same") & v.house.is_("same")
    contact = v.phone.at_least("shared_landline") | v.email.is_("same")
    alike = (
        v.given.is_("same")
        & v.family.is_("same")
        & (v.dob.is_("same") | (v.dob.missing & (home | contact)))
    )
    ids = Levels(pd.DataFrame({"id": level}))
    same = ids.id.is_("same")
    tally = pd.DataFrame({
        "lists": lists[present],
        "alike": alike[present],
        "alike_same": (alike & same)[present],
        "same": same[present],
        "same_name": (same & v.given.at_least("initial"))[present],
        "apart": one_apart[present],
        "alike_apart": (alike & one_apart)[present],
    }).groupby("lists").sum()  # fmt: skip
    trusted_rows = (
        (tally["alike"] >= 3)
        & (tally["alike_same"] * 2 >= tally["alike"])
        & (tally["same_name"] * 3 >= tally["same"] * 2)
    )
    trusted = tally[trusted_rows].index.to_numpy()
    # One character apart is a slip where such pairs look like the pairs that share an
    # ID: alike at least half as often.
    slips = tally[
        trusted_rows
        & (tally["alike_apart"] >= 3)
        & (tally["alike_apart"] * tally["same"] * 2 >= tally["apart"] * tally["alike_same"])
    ].index.to_numpy()
    level = np.where(one_apart & np.isin(lists, slips), code("id", "typing_slip"), level)
    # Within one list, an ID on two rows with different first names, as often as not,
    # numbers a household or a case: that list's IDs say nothing anywhere.
    inside = same & (sa == sb)
    shared_by = pd.DataFrame({"sheet": sa[inside], "other": v.given.is_("different")[inside]})
    other = shared_by.groupby("sheet")["other"].mean()
    households = other[other >= 0.5].index.to_numpy()
    keep = np.isin(lists, trusted) & ~np.isin(sa, households) & ~np.isin(sb, households)
    return np.where(keep, level, MISSING).astype(np.int8), keep & np.isin(lists, slips)


def compare_pairs(
    records: pd.DataFrame, pairs: pd.DataFrame, judge_ids: bool = True
) -> pd.DataFrame:
    """The comparison vector of every pair: one level column per comparison.

    Record IDs count only between lists that share them (:func:`_trusted_ids`, judged
    from these pairs); ``judge_ids=False`` compares them everywhere (for random pairs).

    Fields are compared as integer codes, and names once per distinct pair of names,
    so a million pairs compare in seconds.
    """
    c = _Coded(records)
    a, b = pairs["a"].to_numpy(np.int64), pairs["b"].to_numpy(np.int64)
    out = pd.DataFrame({"a": a, "b": b})
    ga, gb, fa, fb = c.given[a], c.given[b], c.family[a], c.family[b]
    family = _per_distinct_pair(fa, fb, c.names, _family_levels(c.sound))
    family = np.where((fa == fb) & (fa >= 0), _FAMILY_SAME, family)
    given = _per_distinct_pair(ga, gb, c.names, _given_levels)
    given = np.where((ga == gb) & (ga >= 0), _GIVEN_SAME, given)
    # Names written the other way round: first name in the surname column, one or both
    # perhaps misspelt ("Jack Stubbs" / "Stubbs Jaxck"; "Jasper Desilva" / "Desllva Jaspe").
    given_there, family_there = (ga == fb) & (ga >= 0), (fa == gb) & (fa >= 0)
    exact = given_there & family_there
    swapped = exact.copy()
    # Only pairs with one name written, or sounding, as the other's other can be a swap.
    sounds_there = (c.given_sound[a] == c.family_sound[b]) & (c.given_sound[a] >= 0)
    sounds_there |= (c.family_sound[a] == c.given_sound[b]) & (c.family_sound[a] >= 0)
    unlike = (
        (given <= _GIVEN_CLOSE)
        & (family <= _FAMILY_CLOSE)
        & ~exact
        & (given_there | family_there | sounds_there)
    )
    if unlike.any():
        only = np.where(unlike, ga, -1), np.where(unlike, fa, -1)
        cross_given = _per_distinct_pair(only[0], fb, c.names, _given_levels)
        cross_given = np.where(given_there, _GIVEN_SAME, cross_given)
        cross_family = _per_distinct_pair(only[1], gb, c.names, _family_levels(c.sound))
        cross_family = np.where(family_there, _FAMILY_SAME, cross_family)
        crossed = unlike & (cross_given >= _GIVEN_CLOSE) & (cross_family >= _FAMILY_CLOSE)
        given = np.where(crossed, cross_given, given)
        family = np.where(crossed, cross_family, family)
        swapped |= crossed
    out["family"] = np.where(exact, _FAMILY_SAME, family).astype(np.int8)
    given = np.where(exact, _GIVEN_SAME, given)
    # The same initial on both sides ("S Wesley" twice) is an initial, not a first name
    # that agrees: it fits any of a household's people of that letter. In names written
    # the other way round, the initial may stand in either column.
    one_letter = np.append([len(name) == 1 for name in c.names], False)
    initials = one_letter[ga] | (exact & one_letter[fa])
    out["given"] = np.where((given == _GIVEN_SAME) & initials, _GIVEN_INITIAL, given).astype(
        np.int8
    )
    out["swapped_names"] = swapped
    out["dob"] = _dob(c, a, b)
    out["postcode"] = _postcode(c, a, b)
    # Two full postcodes of other districts are two addresses: the house number and
    # street say nothing more (counted again, a move would weigh three times against a
    # pair). Within a district they still tell a mistyped postcode from another street.
    apart = out["postcode"].to_numpy() == _DIFFERENT
    out["house"] = np.where(apart, MISSING, _equal(c.house[a], c.house[b], "house"))
    out["street"] = np.where(apart, MISSING, _street(c, a, b)).astype(np.int8)
    out["nhs"] = _equal(c.nhs[a], c.nhs[b], "nhs")
    out["phone"] = _phone(c, a, b)
    out["email"] = _equal(c.email[a], c.email[b], "email")
    out["sex"] = _equal(c.sex[a], c.sex[b], "sex")
    out["age"] = _age(c, a, b)
    out["suffix_differs"] = c.suffix[a] != c.suffix[b]
    ids = _record_ids(c, a, b)
    random_ids = np.zeros(len(a), dtype=bool)
    if judge_ids:
        ids, random_ids = _trusted_ids(records, out, ids, _one_character_apart(c, a, b, ids))
    out["id"] = ids
    # Whether the two lists' IDs are drawn at random (a social security number), where
    # an ID a keystroke from another person's is rare; not where IDs are given out in turn.
    out["ids_random"] = random_ids
    return out
