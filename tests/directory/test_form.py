"""The My entry form's rows against a service's nested HSDS parts."""

from __future__ import annotations

import pytest

from vcs_excel.directory.form import FormError, apply_form, form_values, same_value
from vcs_excel.directory.models import Service

BARE = {
    "id": "s1",
    "name": "Warm Space",
    "status": "active",
    "organization": {"id": "o1", "name": "Hope Trust", "description": ""},
}


def test_rows_of_a_bare_service_create_its_nested_parts_and_validate():
    changes = apply_form(BARE, {
        "address_1": "2 Mill Lane", "city": "Leeds", "postcode": "ls6 1ab",
        "access": "Step-free", "contact": "Duty worker", "phone": "0113 496 0000",
        "email": "hello@hope.example.org", "hours_MO": "10-12", "hours_WE": "10:00-12:00",
        "available": "12", "maximum": 20, "min_age": "18", "languages": "Urdu, bsl",
        "areas": "LS6; Headingley ward", "routes": "Self", "categories": "Food, Warm space",
    })  # fmt: skip
    service = Service.model_validate({**BARE, **changes})
    place = service.service_at_locations[0].location
    assert place.addresses[0].postal_code == "LS6 1AB" and place.addresses[0].city == "Leeds"
    assert place.accessibility[0].description == "Step-free"
    assert service.contacts[0].name == "Duty worker" and service.phones[0].number
    # Monday and Wednesday share their hours: one weekly schedule for both.
    assert [(s.byday, s.opens_at, s.closes_at) for s in service.schedules] == [
        ("MO,WE", "10:00", "12:00")
    ]
    assert service.capacities[0].available == 12 and service.capacities[0].maximum == 20
    assert service.minimum_age == 18
    assert [lang.code for lang in service.languages] == ["ur", "bfi"]
    assert [a.name for a in service.service_areas] == ["LS6", "Headingley ward"]
    assert service.x_referral_routes == ["self"] and service.x_categories == ["food", "warm space"]
    # The form shows what it wrote.
    shown = {f.key: v for f, v in form_values({**BARE, **changes})}
    assert shown["hours_MO"] == shown["hours_WE"] == "10:00-12:00" and shown["hours_TU"] is None
    assert same_value(shown["available"], "12") and shown["postcode"] == "LS6 1AB"


def test_blank_rows_remove_values_and_untouched_parts_stay_as_they_were():
    data = {**BARE, **apply_form(BARE, {"description": "Tea", "access": "Ramp",
                                         "hours_FR": "9:00-17:00"})}  # fmt: skip
    monthly = {"id": "m1", "freq": "MONTHLY", "description": "First Sunday of the month"}
    data["schedules"].append(monthly)
    changes = apply_form(data, {"description": None, "access": "", "hours_FR": None})
    after = {**data, **changes}
    assert after["description"] is None
    assert after["service_at_locations"][0]["location"]["accessibility"] == []
    assert after["schedules"] == [monthly]  # a schedule the form cannot show is kept
    assert set(changes) == {"description", "service_at_locations", "schedules"}


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("postcode", "LS6", "Postcode: 'LS6' is not a UK postcode"),
        ("hours_TU", "17:00-09:00", "Open Tuesday: '17:00-09:00' closes before it opens"),
        ("languages", "Elvish", "'Elvish' is not a language this tool knows"),
        ("min_age", "adult", "^Youngest age must be a number"),
        ("dbs", "very", "The DBS check is one of"),
        ("space", "garage", "Space to share is any of room, storage"),
        ("referrals", "maybe", "Referrals must be one of"),
    ],
)
def test_bad_rows_are_refused_with_the_rows_label(key, value, message):
    with pytest.raises(FormError, match=message):
        apply_form(BARE, {key: value})
