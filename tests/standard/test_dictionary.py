"""The data standard as data, and the pages people read generated from it."""

from __future__ import annotations

import pytest

from vcs_excel.standard import docs
from vcs_excel.standard.dictionary import load_dictionary
from vcs_excel.standard.hashtags import HashtagError, parse_hashtag
from vcs_excel.udfs import describe, tag

REQUIRED_FIELDS = {
    "Residents": ["#person+name", "#person+given+name", "#person+family+name",
                  "#contact+address", "#contact+address+postcode", "#loc+uprn", "#adm3+ward",
                  "#date+birth", "#person+age", "#person+sex", "#person+gender",
                  "#person+ethnicity", "#person+religion", "#person+income", "#contact+preferred",
                  "#person+language", "#person+interpreter", "#person+format", "#person+allergy",
                  "#person+diet", "#person+vulnerable", "#person+id+nhs", "#contact+phone",
                  "#contact+email", "#household+num", "#consent+share", "#date+consent",
                  "#person+known+org"],
    "Volunteers": ["#volunteer+skill", "#volunteer+availability", "#volunteer+experience",
                   "#volunteer+dbs", "#date+dbs", "#volunteer+language",
                   "#volunteer+household+num"],
    "Services": ["#org+name", "#service+name", "#service+status", "#service+eligibility",
                 "#service+area", "#service+referrals", "#service+capacity+num",
                 "#service+volunteers", "#service+language", "#service+accessibility"],
    "Records": ["#person+id", "#date+updated"],
}  # fmt: skip


def test_tags_ignore_case_and_attribute_order():
    assert (
        parse_hashtag("#Person+Volunteer+AllNames").key
        == parse_hashtag("#person+allnames+volunteer").key
    )
    with pytest.raises(HashtagError, match="starts with #"):
        parse_hashtag("person+name")


def test_the_examples_people_use_work_as_written():
    d = load_dictionary()
    assert d.lookup("#Person+Volunteer+AllNames").label == "Volunteer's full name"
    assert d.lookup("#Volunteer+Household+Number").label == "Volunteer's household size"


@pytest.mark.parametrize("core", ["#contact+name", "#contact+phone", "#adm1", "#org", "#sector"])
def test_hxl_core_tags_are_understood(core):
    assert load_dictionary().lookup(core) is not None


def test_coverage_of_fields_councils_and_vcs_groups_need():
    d = load_dictionary()
    for group, tags in REQUIRED_FIELDS.items():
        for t in tags:
            entry = d.lookup(t)
            assert entry is not None, t
            assert entry.group == group, t
            assert entry.label and entry.description and entry.datatype and entry.example, t


def test_entries_say_what_is_special_category_and_required():
    d = load_dictionary()
    special = {e.tag for e in d.entries if e.special}
    assert {"#person+ethnicity", "#person+religion", "#person+vulnerable"} <= special
    assert d.lookup("#person+name").required


def test_code_lists_follow_the_standards_named():
    d = load_dictionary()
    ethnicity = d.codelists["ethnicity"]
    assert len([v for v in ethnicity.values if v.code != "not_stated"]) == 19  # ONS 2021
    assert len([v for v in d.codelists["allergen"].values if v.code != "none"]) == 14
    assert d.codelists["language"].canonical("BSL") == "British Sign Language"
    formats = set(d.codelists["accessible_format"].labels)
    assert formats == {"Braille", "Large print", "Easy read", "Audio", "British Sign Language"}
    assert ethnicity.suggest("Whte British") == (
        "White: English, Welsh, Scottish, Northern Irish or British"
    )


def test_a_word_in_a_language_column_is_not_a_small_languages_code():
    languages = load_dictionary().codelists["language"]
    # Widely used languages by their three-letter code, as case systems write them.
    assert [languages.canonical(c) for c in ("pol", "urd", "ben", "som", "tir")] == [
        "Polish", "Urdu", "Bengali", "Somali", "Tigrinya"]  # fmt: skip
    # "Yes" (an answer to "Do you need an interpreter?"), "any", "all", "see": words, not
    # Nyankpa, Anyin, Allar or Seneca, so the checker asks about them.
    assert [languages.canonical(w) for w in ("Yes", "any", "all", "see")] == [None] * 4
    assert languages.canonical("Nyankpa") == "Nyankpa"  # by name, still a language
    # A widely used language's code comes before a small language of that name.
    assert [languages.canonical(c) for c in ("ron", "dan")] == ["Romanian", "Danish"]
    # Nor is a short word a near miss of some other language's name.
    assert languages.suggest("Yes") is None and languages.suggest("Polsh") == "Polish"


def test_a_two_letter_language_code_is_the_language_not_a_language_of_that_name():
    languages = load_dictionary().codelists["language"]
    # Web forms and CRM exports write ISO 639-1 codes: "en" is English, not the En
    # language of Vietnam; "so" is Somali, not the Sô language.
    assert [languages.canonical(c) for c in ("en", "pl", "so", "ur", "FR")] == [
        "English", "Polish", "Somali", "Urdu", "French"]  # fmt: skip
    # "No" in a language column answers "Do you need an interpreter?": it is asked about.
    assert languages.canonical("No") is None


def test_describe_and_tag_functions():
    assert describe("#volunteer+household+num").startswith("Volunteer's household size: ")
    assert "not a tag" in describe("#shoe+size")
    assert "not a valid tag" in describe("person name")
    assert tag("D.O.B") == "#date+birth"
    assert tag("Notes") == ""


def test_generated_pages_are_up_to_date():
    from vcs_excel.pages import PAGES

    for path, make in PAGES.items():
        assert path.read_text("utf-8") == make(), f"{path.name}: run python -m vcs_excel.pages"


def test_dictionary_rows_fill_the_dictionary_tab():
    rows = docs.dictionary_rows()
    assert len(rows) == len(load_dictionary().entries)
    assert all(len(r) == len(docs.COLUMNS) for r in rows)
