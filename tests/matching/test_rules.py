"""The decisions people insist on: households, twins, juniors, nicknames, NHS numbers."""

from __future__ import annotations

import datetime as dt

from helpers import save_rows

from vcs_excel.matching import find_matches
from vcs_excel.workbook import FileBook

HEADER = ["NHS Number", "Forename", "Surname", "Date of Birth", "Address", "Postcode", "Phone"]
D = dt.date


def decisions(tmp_path, *tabs):
    sheets = {f"List {i + 1}": [HEADER, *rows] for i, rows in enumerate(tabs)}
    matches = find_matches(FileBook.open(save_rows(tmp_path / "lists.xlsx", sheets)))
    out = {}
    for _, p in matches.pairs.iterrows():
        a, b = matches.records.iloc[p["a"]], matches.records.iloc[p["b"]]
        out[(a["given"], b["given"])] = p["decision"]
    return out


def test_same_person_across_lists_with_a_nickname_is_a_definite_match(tmp_path):
    d = decisions(
        tmp_path,
        [[None, "William", "Okonkwo", D(1948, 3, 5), "14 Mill Lane", "LS6 1AB", "0113 496 0101"]],
        [[None, "Bill", "Okonkwo", D(1948, 3, 5), "14 Mill Lane", "LS6 1AB", None]],
    )
    assert d[("William", "Bill")] == "match"


def test_twins_are_never_merged(tmp_path):
    d = decisions(
        tmp_path,
        [
            [None, "Amina", "Hussain", D(2001, 6, 1), "3 Park Avenue", "LS8 2AB", "0113 496 0202"],
            [None, "Zainab", "Hussain", D(2001, 6, 1), "3 Park Avenue", "LS8 2AB", "0113 496 0202"],
        ],
    )
    assert d[("Amina", "Zainab")] == "no"


def test_father_and_son_of_the_same_name_are_never_merged(tmp_path):
    d = decisions(
        tmp_path,
        [[None, "David", "Walker", D(1950, 1, 9), "7 Elm Close", "LS12 3CD", "0113 496 0303"]],
        [[None, "David", "Walker", D(1979, 8, 20), "7 Elm Close", "LS12 3CD", "0113 496 0303"]],
    )
    assert d[("David", "David")] == "no"


def test_a_couple_sharing_surname_address_and_phone_are_not_merged(tmp_path):
    d = decisions(
        tmp_path,
        [[None, "Margaret", "Shaw", D(1944, 2, 2), "9 Moor View", "LS14 4EF", "0113 496 0404"]],
        [[None, "Ronald", "Shaw", D(1942, 7, 7), "9 Moor View", "LS14 4EF", "0113 496 0404"]],
    )
    assert d[("Margaret", "Ronald")] == "no"


def test_valid_nhs_number_and_agreeing_birth_date_is_a_match_despite_a_typo(tmp_path):
    d = decisions(
        tmp_path,
        [["943 476 5919", "Jean", "Smith", D(1950, 2, 1), "1 Station Road", "LS6 3GH", None]],
        [["9434765919", "Jane", "Smyth", D(1950, 2, 1), "22 Church Road", "LS7 4JK", None]],
    )
    assert d[("Jean", "Jane")] == "match"


def test_two_different_valid_nhs_numbers_are_never_the_same_person(tmp_path):
    d = decisions(
        tmp_path,
        [["943 476 5919", "Jean", "Smith", D(1950, 2, 1), "1 Station Road", "LS6 3GH", None]],
        [["999 614 0687", "Jean", "Smith", D(1950, 2, 1), "1 Station Road", "LS6 3GH", None]],
    )
    assert d[("Jean", "Jean")] == "no"


def test_duplicates_inside_one_tab_are_found(tmp_path):
    d = decisions(
        tmp_path,
        [
            [None, "Asha", "Patel", D(1961, 5, 4), "5 Beech Grove", "LS6 5EF", "07911 123456"],
            [None, "Asha", "PATEL", "04/05/1961", "5 Beech Grove", "ls65ef", "+447911123456"],
        ],
    )
    assert d[("Asha", "Asha")] == "match"


def test_clusters_never_hold_two_nhs_numbers_and_respect_different_people():
    import pandas as pd

    from vcs_excel.matching.cluster import cluster

    records = pd.DataFrame({"nhs": ["943 476 5919", None, "999 614 0687", None]})
    pairs = pd.DataFrame(
        {
            "a": [0, 1, 2],
            "b": [1, 2, 3],
            "decision": ["match"] * 3,
            "probability": [0.999, 0.998, 0.997],
        }
    )
    person, decisions = cluster(records, pairs)
    assert person[0] == person[1] and person[2] == person[3] and person[0] != person[2]
    assert list(decisions) == ["match", "review", "match"]
    # A person said records 0 and 3 are different people: 2-3 would join them via 1-2 no more.
    apart = pd.DataFrame({"a": [0], "b": [3]})
    records = pd.DataFrame({"nhs": [None] * 4})
    person, decisions = cluster(records, pairs, apart)
    assert person[0] != person[3]
    assert "review" in set(decisions)


def test_same_person_function_gives_the_verdict_and_reason():
    from vcs_excel.udfs import same_person

    text = same_person(
        "Bill Okonkwo", D(1948, 3, 5), "LS6 1AB", "Mr William OKONKWO", "05/03/1948", "ls61ab"
    )
    assert text.startswith("Same person (")
    assert "Bill / William, a known nickname" in text
    twins = same_person(
        "Jean Smith", "01/02/1950", "LS6 1AB", "John Smith", "01/02/1950", "LS6 1AB"
    )
    assert twins.startswith("Different people")


def test_typos_in_both_names_and_no_postcode_still_reach_comparison(tmp_path):
    """Blocking: the same birthday and first initials, or the same house and street."""
    d = decisions(
        tmp_path,
        # Neither name sounds the same as its typo ("Lidya", "Sheppard"), and no postcode.
        [[None, "Lydia", "Shepherd", D(1951, 2, 9), "7 Wallaby Place", None, None]],
        [[None, "Lidya", "Sheppard", D(1951, 2, 9), "7 Wallaby Place", None, None]],
    )
    assert ("Lydia", "Lidya") in d


def test_twins_are_not_joined_through_a_record_that_fits_both(tmp_path):
    from vcs_excel.matching import Linker

    twins = [
        [None, "Amina", "Hussain", D(2001, 6, 1), "3 Park Avenue", "LS8 2AB", "0113 496 0202"],
        [None, "Zainab", "Hussain", D(2001, 6, 1), "3 Park Avenue", "LS8 2AB", "0113 496 0202"],
    ]
    # A food bank wrote only the surname: it fits either twin.
    no_first_name = [[None, None, "Hussain", D(2001, 6, 1), "3 Park Avenue", "LS8 2AB", None]]
    sheets = {"Care": [HEADER, *twins], "Food bank": [HEADER, *no_first_name]}
    linker = Linker()
    records = linker.prepare(FileBook.open(save_rows(tmp_path / "lists.xlsx", sheets)))
    # Pair by pair, each twin is the food bank's record...
    decided = linker.decide_pairs(records, linker.block(records))
    assert (decided["decision"] == "match").sum() == 2
    # ...but grouping keeps the twins two people: one link is kept, the other goes to a
    # person.
    linked = linker.link(records)
    assert linked.person[0] != linked.person[1]
    assert sorted(linked.pairs["decision"][decided["decision"] == "match"]) == ["match", "review"]


def test_a_name_that_fits_two_people_at_one_home_goes_to_a_person(tmp_path):
    # The food bank lists two brothers; the care list has John with his birthday.
    care = [[None, "John", "Jones", D(2015, 1, 14), "138 Chapel Road", "LS7 1FF", None]]
    food_bank = [
        [None, "Johnny", "Jones", None, "138 Chapel Road", "LS7 1FF", None],
        [None, "Ian", "Jones", None, "138 Chapel Road", "LS7 1FF", None],
    ]
    d = decisions(tmp_path, care, food_bank)
    # Ian is a form of John, but two boys of that home fit: nothing is merged unasked.
    assert d[("John", "Ian")] != "match" and d[("John", "Johnny")] != "match"


def test_a_couple_written_as_chris_and_christine_in_one_list_is_not_merged(tmp_path):
    food_bank = [
        [None, "Christine", "Hall", None, "Flat 2, 39 Grange Road", "LS7 3AS", None],
        [None, "Chris", "Hall", None, "Flat 2, 39 Grange Road", "LS7 3AS", None],
    ]
    assert decisions(tmp_path, food_bank)[("Christine", "Chris")] != "match"


def test_one_typo_in_a_short_first_name_is_a_close_spelling(tmp_path):
    d = decisions(
        tmp_path,
        [[None, "Peter", "Baker", D(1937, 3, 11), "5 Hill Top", "LS6 2AB", None]],
        [[None, "Pter", "Baker", D(1937, 3, 11), "5 Hill Top", "LS6 2AB", None]],
    )
    assert d[("Peter", "Pter")] == "match"


def test_two_spellings_of_one_first_name_are_one_name_but_two_names_are_not(tmp_path):
    # Tommie and Tommy, Jennipher and Jennifer are one name written two ways; Mark and
    # Mary (a letter apart, both real names) at one home are two people.
    d = decisions(
        tmp_path,
        [
            [None, "Tommy", "Staples", D(1952, 5, 1), "14 Brook Close", "LS6 2AB", None],
            [None, "Jennifer", "Ortiz", D(1987, 8, 9), "109 Moor Gardens", "LS9 8NE", None],
            [None, "Mark", "Dunn", D(1970, 4, 2), "3 Ash Way", "LS7 1AA", None],
        ],
        [
            [None, "Tommie", "STAPLES", D(1952, 5, 1), "14 Brook Close", "LS6 2AB", None],
            [None, "Jennipher", "Ortiz", D(1987, 8, 9), "109 Moor Gardens", "LS9 8NE", None],
            [None, "Mary", "Dunn", D(1971, 9, 30), "3 Ash Way", "LS7 1AA", None],
        ],
    )
    assert d[("Tommy", "Tommie")] == "match"
    assert d[("Jennifer", "Jennipher")] == "match"
    assert d.get(("Mark", "Mary"), "no") == "no"


def test_a_link_vouched_by_a_shared_id_is_not_held_back_by_a_household_rule():
    import pandas as pd

    from vcs_excel.matching.cluster import cluster

    records = pd.DataFrame({"nhs": [None] * 3})
    # 0 and 1 were ruled two people (another first name, the same birthday: twins?);
    # 1 and 2 match on their details, and 0 and 2 share the record ID and birthday.
    pairs = pd.DataFrame({
        "a": [0, 1, 0], "b": [1, 2, 2], "decision": ["no", "match", "match"],
        "probability": [0.9, 0.999, 0.998], "id": [0, -1, 2], "nhs": [-1, -1, -1],
    })  # fmt: skip
    person, decided = cluster(records, pairs)
    assert person[0] == person[1] == person[2] and list(decided) == ["no", "match", "match"]
    # Without the shared ID the third link goes to a person.
    person, decided = cluster(records, pairs.assign(id=-1))
    assert person[0] != person[1] and list(decided) == ["no", "match", "review"]
    # And a person's "Different people" holds even against the ID.
    person, decided = cluster(records, pairs, apart=pd.DataFrame({"a": [0], "b": [1]}))
    assert person[0] != person[1] and decided[2] == "review"


FOOD_BANK = ["Name", "Age", "House/Street", "Post Code"]


def food_bank_decisions(tmp_path, *tabs, reasons=None):
    from vcs_excel.matching.explain import reason

    sheets = {f"List {i + 1}": [FOOD_BANK, *rows] for i, rows in enumerate(tabs)}
    matches = find_matches(FileBook.open(save_rows(tmp_path / "lists.xlsx", sheets)))
    out = {}
    for _, p in matches.pairs.iterrows():
        a, b = matches.records.iloc[p["a"]], matches.records.iloc[p["b"]]
        key = (a["given"], a["street"], b["given"], b["street"])
        out[key] = p["decision"]
        if reasons is not None:
            reasons[key] = reason(p, a, b)
    return out


def test_the_same_house_number_in_another_street_is_another_home(tmp_path):
    # Two David Smiths at number 17 in one district, one with no age: two people.
    why = {}
    d = food_bank_decisions(
        tmp_path,
        [["David Smith", 65, "17 Ash Way", "LS13 8DU"]],
        [["David Smith", None, "17 Park Lane", "LS13 3BR"]],
        reasons=why,
    )
    assert d[("David", "ash way", "David", "park lane")] == "no"
    assert "streets differ: Ash Way / Park Lane" in why[("David", "ash way", "David", "park lane")]


def test_one_street_and_number_is_one_home_when_the_postcode_is_cut_short(tmp_path):
    # "LS49E" is not a postcode, but the street and number agree: one home, where the
    # household rules apply as they do at a full postcode.
    d = food_bank_decisions(
        tmp_path,
        [["Catherine Morgan", 76, "35 Rose Mount", "LS4 9ER"],
         ["David Morgan", 75, "35 Rose Mount", "LS4 9ER"]],
        [["David Morgan", 75, "35 Rose Mt", "LS49E"],
         ["Catherine Morgan", 76, "35 Rose Mount", "LS49E"]],
    )  # fmt: skip
    assert d[("David", "rose mount", "David", "rose mount")] == "match"
    assert d[("Catherine", "rose mount", "Catherine", "rose mount")] == "match"
    assert d[("Catherine", "rose mount", "David", "rose mount")] == "no"
    assert d[("David", "rose mount", "Catherine", "rose mount")] == "no"


def test_a_changed_surname_at_one_home_with_the_same_birthday_is_one_person(tmp_path):
    d = decisions(
        tmp_path,
        [[None, "Olivia", "Wheatley", D(1992, 10, 7), "5 Crisp Close", "LS6 2AB", None],
         [None, "Ruth", "Hale", D(1960, 3, 1), "8 Kirk Lane", "LS9 4QT", None]],
        [[None, "Olivia", "Winfield", D(1992, 10, 7), "5 Crisp Close", "LS6 2AB", None],
         [None, "Ruth", "Moss", D(1960, 3, 1), "40 Holt Road", "LS14 1JP", None]],
    )  # fmt: skip
    assert d[("Olivia", "Olivia")] == "match"
    # Elsewhere, a first name and birthday under another surname is someone else's.
    assert d.get(("Ruth", "Ruth"), "no") != "match"


def test_names_of_their_own_that_the_nickname_dataset_links_stay_two_people(tmp_path):
    # Emma and Emily are twins; Ian and John brothers. The dataset lists Emma under Emily
    # and Ian under John, but in the UK they are names of their own.
    d = decisions(
        tmp_path,
        [[None, "Emma", "Wilson", D(1993, 7, 10), "43 Cavendish Walk", "LS14 8BF", None],
         [None, "John", "Harris", D(2022, 1, 30), "130 Elm Road", "LS15 1UP", None]],
        [[None, "Emily", "Wilson", D(1993, 7, 10), "43 Cavendish Walk", "LS14 8BF", None],
         [None, "Ian", "Harris", None, "130 Elm Road", "LS15 1UP", None]],
    )  # fmt: skip
    assert d[("Emma", "Emily")] == "no"
    assert d[("John", "Ian")] == "no"


def test_the_reason_says_when_there_is_no_age_to_tell_two_people_apart(tmp_path):
    # One list has no date of birth: John Williams could be a father or his son.
    why = {}
    food_bank_decisions(
        tmp_path,
        [["John Williams", 87, "145 Victoria Drive", "LS9 4BQ"]],
        [["John Williams", None, "145 Victoria Drive", "LS9 4BQ"]],
        reasons=why,
    )
    text = why[("John", "victoria drive", "John", "victoria drive")]
    assert text.startswith("same postcode, house number, street")
    assert text.endswith("no date of birth or age on one of them")


def test_a_couple_with_names_a_letter_apart_or_linked_by_a_nickname_stay_two_people(tmp_path):
    # A food bank row has only a name, an age and an address. Jean and Sean, Michael and
    # Michelle (written "Shell"), Elizabeth and Lisa: couples of one age at one home.
    d = food_bank_decisions(
        tmp_path,
        [["Jean Wright", 93, "97 Cross Row", "LS13 7WP"],
         ["Michael Jones", 73, "143 Otley Grove", "LS6 3TN"],
         ["Elizabeth Collins", 95, "176 Queens Lane", "LS12 6TT"]],
        [["Sean Wright", 93, "97 Cross Row", "LS13 7WP"],
         ["Shell Jones", 73, "143 Otley Grove", "LS6 3TN"],
         ["Lisa Collins", 95, "176 Queens Lane", "LS12 6TT"]],
    )  # fmt: skip
    assert d[("Jean", "cross row", "Sean", "cross row")] == "no"
    assert d[("Michael", "otley grove", "Shell", "otley grove")] == "no"
    assert d[("Elizabeth", "queens lane", "Lisa", "queens lane")] == "no"


def test_a_misspelt_name_or_a_nickname_of_the_same_sex_still_matches(tmp_path):
    d = food_bank_decisions(
        tmp_path,
        [["Jean Wright", 93, "97 Cross Row", "LS13 7WP"],
         ["Michelle Jones", 73, "143 Otley Grove", "LS6 3TN"]],
        [["Jaen Wright", 93, "97 Cross Row", "LS13 7WP"],
         ["Shell Jones", 73, "143 Otley Grove", "LS6 3TN"]],
    )  # fmt: skip
    assert d[("Jean", "cross row", "Jaen", "cross row")] == "match"
    assert d[("Michelle", "otley grove", "Shell", "otley grove")] == "match"


def test_a_move_with_the_same_mobile_is_one_person_and_a_swapped_birthday_goes_to_a_person(
    tmp_path,
):
    # Another address: the same names and mobile number (no birthday on one list), or the
    # same names and a birthday with its day and month swapped. A person's own mobile
    # settles a move; with only a swapped birthday, a person decides rather than the tool
    # saying no.
    d = decisions(
        tmp_path,
        [[None, "Gareth", "Pembridge", D(1961, 4, 2), "12 Ash Way", "LS13 8DU", "07700 900123"],
         [None, "Ruth", "Ingleby", D(1958, 3, 11), "4 Moor View", "LS14 4EF", None]],
        [[None, "Gareth", "Pembridge", None, "88 Kirk Lane", "LS9 4QT", "07700 900123"],
         [None, "Ruth", "Ingleby", D(1958, 11, 3), "30 Holt Road", "LS15 1JP", None]],
    )  # fmt: skip
    assert d[("Gareth", "Gareth")] == "match"
    assert d[("Ruth", "Ruth")] == "review"


def test_a_shared_landline_after_a_move_goes_to_a_person(tmp_path):
    # A landline is the household's: the same names and landline at another address is
    # likely a move, but a person decides.
    d = decisions(
        tmp_path,
        [[None, "Gareth", "Pembridge", D(1961, 4, 2), "12 Ash Way", "LS13 8DU", "0113 496 0999"]],
        [[None, "Gareth", "Pembridge", None, "88 Kirk Lane", "LS9 4QT", "0113 496 0999"]],
    )
    assert d[("Gareth", "Gareth")] == "review"


def test_first_names_a_letter_apart_at_one_home_and_one_age_go_to_a_person(tmp_path):
    # Jen is a name of its own, and also "Jean" with a letter missing: at one home, of
    # one age, with no birthday on the food bank's list, a person decides.
    d = food_bank_decisions(
        tmp_path,
        [["Jean Clark", 72, "24 Kirk Lane", "LS8 8RL"]],
        [["Jen Clark", 72, "24 Kirk Lane", "LS8 8RL"]],
    )
    assert d[("Jean", "kirk lane", "Jen", "kirk lane")] == "review"


def test_a_rare_name_of_one_age_at_another_address_is_one_person_moved(tmp_path):
    # No one else on the lists is called Halina Wozniak (her two rows at one home are one
    # person): at another address, of the same age, she has moved, and a person shown the
    # rows would know no more. Three Patricia Joneses of one age could be anyone.
    d = food_bank_decisions(
        tmp_path,
        [["Halina Wozniak", 87, "12 Ash Way", "LS13 8DU"],
         ["Halina Wozniak", 87, "12 Ash Way", "LS13 8DU"],
         ["Patricia Jones", 70, "4 Moor View", "LS14 4EF"],
         ["Patricia Jones", 70, "19 Hill Top", "LS6 2AB"]],
        [["Halina Wozniak", 87, "88 Kirk Lane", "LS9 4QT"],
         ["Patricia Jones", 70, "30 Holt Road", "LS15 1JP"]],
    )  # fmt: skip
    assert d[("Halina", "ash way", "Halina", "kirk lane")] == "match"
    assert d[("Patricia", "moor view", "Patricia", "holt road")] == "no"


def test_a_shared_mobile_is_the_persons_own_and_a_shared_landline_the_households(tmp_path):
    from vcs_excel.matching.comparisons import Levels

    sheets = {
        "List 1": [HEADER,
                   [None, "Priya", "Shah", None, "4 Oak Road", "LS6 2AB", "07700 900 111"],
                   [None, "Tom", "Shah", None, "4 Oak Road", "LS6 2AB", "0113 496 0505"]],
        "List 2": [HEADER,
                   [None, "Priya", "Shah", D(1980, 1, 2), "4 Oak Road", "LS6 2AB", "07700900111"],
                   [None, "Tom", "Shah", D(2010, 3, 4), "4 Oak Road", "LS6 2AB", "01134960505"]],
    }  # fmt: skip
    matches = find_matches(FileBook.open(save_rows(tmp_path / "lists.xlsx", sheets)))
    pairs, records = matches.pairs, matches.records
    given = records["given"].to_numpy()
    v = Levels(pairs)
    same = given[pairs["a"]] == given[pairs["b"]]
    priya = same & (given[pairs["a"]] == "Priya")
    tom = same & (given[pairs["a"]] == "Tom")
    assert v.phone.is_("shared_mobile")[priya].all()
    assert v.phone.is_("shared_landline")[tom].all()
    # Her own mobile settles it without an age on one side; the home's landline does not.
    assert set(pairs.loc[priya, "decision"]) == {"match"}
    assert set(pairs.loc[tom, "decision"]) == {"review"}


def test_ages_worked_out_from_dates_of_birth_are_not_counted_again(tmp_path):
    """1957 and 1967 are one keystroke apart: a typo to weigh, not a mother and daughter
    of one name."""
    d = decisions(
        tmp_path,
        [["", "Grace", "Mensah", D(1957, 4, 12), "3 Mill Lane", "LS6 1AB", "07700 900 222"]],
        [["", "Grace", "Mensah", D(1967, 4, 12), "3 Mill Lane", "LS6 1AB", "07700 900 222"]],
    )
    assert d[("Grace", "Grace")] in ("match", "review")


def test_a_married_name_at_one_home_with_the_same_first_name_and_age_is_one_person(tmp_path):
    d = food_bank_decisions(
        tmp_path,
        [["Aisha Khan", 34, "5 Mill Lane", "LS6 1AB"]],
        [["Aisha Begum", 34, "5 Mill Lane", "LS6 1AB"]],
    )
    assert d[("Aisha", "mill lane", "Aisha", "mill lane")] == "match"
    # Another first name under another surname at that home is someone else.
    d = food_bank_decisions(
        tmp_path,
        [["Aisha Khan", 34, "5 Mill Lane", "LS6 1AB"]],
        [["Sana Begum", 34, "5 Mill Lane", "LS6 1AB"]],
    )
    assert d.get(("Aisha", "mill lane", "Sana", "mill lane"), "no") == "no"


def test_a_short_name_for_both_sexes_at_a_couples_home_goes_to_a_person(tmp_path):
    # "Chris Ansell" on the food bank's list may be Christine or her husband Christopher.
    care = [[None, "Christine", "Ansell", D(1932, 7, 22), "127 Wetherby View", "LS9 8UY", None]]
    food_bank = [[None, "Chris", "Ansell", None, "127 Wetherby View", "LS9 8UY", None]]
    d = decisions(tmp_path, care, food_bank)
    assert d[("Christine", "Chris")] == "review"
    # Bill is only ever William: the same home and birthday settle it.
    care = [[None, "William", "Okonkwo", D(1948, 3, 5), "14 Mill Lane", "LS6 1AB", None]]
    food_bank = [[None, "Bill", "Okonkwo", D(1948, 3, 5), "14 Mill Lane", "LS6 1AB", None]]
    assert decisions(tmp_path, care, food_bank)[("William", "Bill")] == "match"


def test_the_same_initial_at_one_home_fits_anyone_of_that_letter_there(tmp_path):
    # "S Wesley" on two lists at one home with its landline: Sarah or Steven, whoever
    # the lists meant. The initial agrees, but an initial is not a first name.
    from vcs_excel.matching.comparisons import Levels

    def pair(given):
        row = [None, given, "Wesley", None, "100 Stone Street", "L27 2TS", "0117 496 0372"]
        sheets = {"List 1": [HEADER, row], "List 2": [HEADER, row]}
        path = save_rows(tmp_path / f"{given}.xlsx", sheets)
        return find_matches(FileBook.open(path)).pairs

    initials, names = pair("S"), pair("Sarah")
    assert Levels(initials).given.is_("initial").all()
    assert Levels(names).given.is_("same").all()
    assert (initials["decision"] != "match").all()
