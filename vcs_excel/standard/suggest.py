"""Suggesting a tag for each column of a sheet, from its header and its values.

Real headers are messy: "D.O.B", "NHS No.", "Post Code", "Client's date of birth",
"Adress", "charity_contact_postcode", "Recipient Org:Postal Code", "CandidateSurname",
"How would you prefer to be contacted?". A header is first read the way people
write them: CamelCase, snake_case and run-together words are split (also around a
code: "cppstartdate"), ``Org:Field`` and ``Org - Field`` give a field and what it
belongs to (a form's section, "Contact Information: Address", is set aside, and an
address book's "Email 1 - Value" is the field before "Value"), a Salesforce field's
package prefix and "__c" are set aside, and words are compared by their stems. It is
then matched, in this order, against every tag's synonyms, label and tag text:

1. a header that is already a tag is looked up as one (confidence 1);
2. the header or its field, normalised, equals a synonym (1);
3. the name of a thing ("practice_name", "Site name", "Recipient Org:Name") is the
   name of an organisation or a place, not a person;
4. the header ends with a synonym and the words before it say whose it is
   ("charity_contact_postcode", "CandidateSurname") (0.9 after fillers such as
   "client's"; 0.84, unsure unless the column's values say the same, after words
   that say whose it is);
5. every word of a synonym appears in the header and the words left over are only
   fillers such as "client's", "current" or a question's "how would you" (0.9);
6. the header is a near spelling of a synonym, as with a typo (0.72 to 0.8, always for
   a person to confirm).

Some headers say what a value is not: who did something ("Created by"), whether
something is known or opted out of (a yes or no), a name or address the person had
before, a second e-mail address.

The sheet is then read as a whole: what its rows are (people, or organisations,
places and grants), so that a ``Name`` or ``Title`` column of a list of grants is not
taken for a person's; numbered columns of what a person has one of ("age2", "sex3")
after the first are other members of a household; under a prefix beside the people
listed ("purchaser_" beside "attendee_") a person's field is someone else's; and what
each column's values are (postcodes, e-mail
addresses, phone numbers, NHS numbers, dates, web addresses, coordinates and
code-list values are recognisable by content). A header that says one thing and
values that say another is unsure, never confident; a column with no fitting
header whose values are clearly of one kind is suggested from them, unsure.

Last, each suggestion is weighed against a model of the headers of many public
lists by other hands (:mod:`.header_model`): a header no rule reads gets the tag such
headers have when the model is very sure of it, and a confident suggestion read from
the header alone whose tag such headers seldom have is left for a person to confirm.

Below that a column gets no tag: an unknown header is left for a person rather
than forced onto a wrong tag. Suggestions under ``CONFIDENT`` are marked for a
person to confirm.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .dictionary import DataDictionary, TagEntry, load_dictionary, normal_key
from .hashtags import HashtagError

if TYPE_CHECKING:
    from ..workbook.grid import Table
    from .header_model import HeaderModel

CONFIDENT = 0.85
LOWEST = 0.72
UNSURE = 0.8  # below CONFIDENT: a person confirms it
_NO_FIT = "no tag fits this header"
_NO_AREA_TAG = "an area the standard has no tag for"
_WHOSE_FIELD = re.compile(r"^#(?:person|org|loc|service)\+")
# A header explained only in part (words left over, or agreeing parts): a good guess
# (right about two times in three on files by other hands), for a person to confirm.
PARTLY = 0.84
FEW = 10  # fewer distinct values than this cannot make a header unsure

_ABBREVIATIONS = {
    "no": "number", "num": "number", "nbr": "number", "tel": "telephone", "mob": "mobile",
    "addr": "address", "add": "address", "dob": "date of birth", "yrs": "years", "hh": "household",
    "info": "information", "org": "organisation", "approx": "approximately",
    "organization": "organisation", "orgs": "organisations", "rec": "record",
    "desc": "description", "rep": "representative", "loc": "location",
    "nhsnumber": "nhs number", "nhsno": "nhs number", "amt": "amount", "liab": "liable",
}  # fmt: skip
# Words that qualify a header without changing what the column holds.
_FILLERS = {
    "client", "clients", "patient", "patients", "resident", "residents", "customer", "customers",
    "service", "user", "users", "person", "persons", "individual", "their", "your", "the", "of",
    "main", "primary", "current", "s", "details", "detail", "field", "column", "registered",
    "recorded", "full", "please", "enter", "this", "record", "member", "members", "applicant",
    "tenant", "beneficiary", "participant", "attendee", "a", "an", "if", "any", "known",
    "latest", "new", "data", "requester", "requestor", "requesters", "caller", "claimant",
    "learner", "pupil", "student", "householder", "enquirer", "visitor", "entered", "input", "as",
    "child", "donor", "donors", "supporter", "supporters", "constituent", "constituents",
    "mailing", "elector", "electors", "voter", "voters", "liable",
    # Qualifiers of where or whose, which do not change the kind of value.
    "home", "venue", "site", "property", "postal", "delivery", "correspondence", "work",
    "shipping", "ship", "residential",
    # The function words of headers written as questions on forms.
    "what", "which", "how", "is", "are", "was", "do", "does", "did", "you", "we", "us", "to",
    "would", "like", "need", "needs", "have", "has", "can", "could", "for", "in", "on", "with",
    "tell", "give", "about", "prefer", "preferred", "best", "or", "and", "our", "my",
    "they", "them", "he", "she", "his", "her", "be", "will", "should", "there", "where", "who",
    "at", "been", "by", "want", "description", "text", "notes", "string",
}  # fmt: skip
_OPTIONS = re.compile(r"\s*/\s*|\s+or\s+")
# Words that make a column about someone else (an emergency contact's phone is not
# the resident's phone): a synonym must name them itself to match such a header.
_OTHER_PARTY = {
    "emergency", "kin", "gp", "doctor", "referrer", "referring", "carer", "parent", "guardian",
    "landlord", "employer", "school", "nok", "spouse", "partner", "referee", "referees",
    "children", "dependants", "dependents", "minor", "minors", "behalf", "assistant",
}  # fmt: skip
# Numbered sets of columns about other people from the first ("Reference 1 Name",
# "Reference 2 Name": a volunteer's referees), besides the other parties above.
_OTHER_SETS = _OTHER_PARTY | {"reference", "references"}
# Last words of headers whose values are for a program to read, not a person.
_MACHINE_DATA = {"json", "jsonb", "xml", "hash", "blob", "base64", "md5", "sha1", "sha256"}
# Records of something asked for or booked: "service request id" is the request's reference.
_REQUESTS = {"request", "requests", "ticket", "tickets", "order", "orders", "booking", "bookings"}
_SOCIAL_MEDIA = {"facebook", "twitter", "instagram", "linkedin", "tiktok", "youtube"}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# "LA (code)", "Trusts (name)", "TypeOfEstablishment (name)": a field given as its code
# or as the name the code stands for (Get Information about Schools' columns).
_QUALIFIED = re.compile(r"^(.*\S)\s*\(\s*(name|code)\s*\)$", re.I)
# Tags of areas and the tags of their codes ("area_name", "area_code").
_AREA_CODES = {
    "#adm1+name": "#adm1+code", "#adm2+name": "#adm2+code", "#adm3+ward": "#adm3+code",
    "#country+name": "#country+code",
}  # fmt: skip
_AREA_NAMES = {code: name for name, code in _AREA_CODES.items()}
_AS_CODE = {**_AREA_CODES, "#org+name": "#org+id"}
# Things that have names and are not people.
_ORG_NOUNS = {
    "organisation", "organisations", "organization", "org", "company", "charity", "practice",
    "provider", "agency",
    "business", "funder", "trust", "group", "school", "college", "club", "foundation",
    "partner", "partners", "establishment", "surgery", "regulator", "employer", "department",
    "recipient", "funding", "institution", "federation", "sponsor", "inspectorate", "academy",
    "association", "society", "network", "body", "partnership", "pharmacy", "dentist",
    "optician", "supplier", "vendor", "contractor",
}  # fmt: skip
_PLACE_NOUNS = {
    "site", "venue", "centre", "center", "camp", "location", "place", "facility", "premises",
    "building", "clinic", "hospital", "station", "settlement", "property", "hub", "amenities",
    "facilities",
}  # fmt: skip
_THING_NOUNS = {
    "grant", "programme", "program", "project", "activity", "document", "report", "event",
    "fund", "award", "policy", "indicator", "objective", "classification", "scheme",
}  # fmt: skip
# Words that say whose a value is, before the field itself ("charity contact postcode").
_WHOSE = _ORG_NOUNS | _PLACE_NOUNS | {
    "contact", "reg", "registered", "candidate", "applicant", "main", "primary", "business",
    "office", "head", "billing", "postal", "correspondence", "home", "personal", "own",
    "trading", "address", "location", "recipient", "beneficiary", "volunteer", "participating",
    "reporting", "implementing", "lead", "funding", "accountable", "extending", "assoc",
    "associated", "parent", "linked", "trustee", "director", "officer", "alternate",
    "alternative", "former", "previous", "official", "legal", "admin", "administrative",
}  # fmt: skip
# "admin_ward", "AdministrativeWard": an area the government draws, never a line of an address.
_ADMIN = {"admin", "administrative"}
# Words of headers about people, and of headers about organisations, places and grants.
_PERSON_WORDS = {
    "forename", "forenames", "surname", "dob", "birth", "nhs", "gender", "sex", "ethnicity",
    "patient", "client", "resident", "firstname", "lastname", "pronouns", "age", "tenant",
    "applicant", "volunteer", "customer", "carer", "pupil", "student", "attendee", "claimant",
    "household", "referral", "referrer", "individual", "person", "people", "trustee",
    "job", "jobtitle", "salary", "employee", "staff", "pension", "remuneration",
}  # fmt: skip
# A row's own ID, whatever the row is.
_ROW_IDS = (["id"], ["uid"], ["unique", "id"], ["record", "id"], ["primary", "key"], ["pk"])
# People a row can be about, named by the column of their reference ("resident_id").
_REFERENCED_PEOPLE = {
    "patient", "client", "resident", "tenant", "applicant", "customer", "claimant", "person",
    "pupil", "student",
}  # fmt: skip
_PERSON_TAGS = {
    "#date+birth", "#person+given+name", "#person+family+name", "#person+id+nhs", "#person+age",
    "#person+sex", "#person+gender", "#person+ethnicity", "#person+religion", "#person+language",
    "#contact+preferred", "#person+vulnerable", "#household+num", "#person+diet",
    "#person+allergy", "#volunteer+skill", "#volunteer+availability", "#volunteer+dbs",
}  # fmt: skip
_NOT_PEOPLE_TAGS = {
    "#org+id", "#org+name", "#value", "#geo+lat", "#geo+lon", "#loc+name", "#adm1+code",
    "#adm2+code", "#adm3+code", "#country+code", "#sector", "#contact+url", "#service+name",
    "#service+description", "#service+eligibility", "#service+referrals", "#service+hours",
}  # fmt: skip
_SERVICE_TAGS = {
    "#service+name", "#service+description", "#service+eligibility", "#service+referrals",
    "#service+hours", "#service+capacity+num", "#service+area", "#service+accessibility",
}  # fmt: skip
# Words of headers of a list of services (HSDS's services table, a directory).
_SERVICE_WORDS = {"service", "services", "eligibility", "fees", "accreditations", "opening"}
_HOW_TO_REFER = {"instructions", "info", "information", "criteria", "process", "route", "routes"}
# Words of headers that only lists of organisations have.
_ORG_WORDS = {"website", "logo", "incorporated", "incorporation", "legal", "charity",
              "company", "expenditure", "accounts", "fin"}  # fmt: skip
# Tags of things that have names ("Region name", "Service name", "Street name").
_NAMED = (
    "#adm",
    "#country",
    "#loc",
    "#org",
    "#service",
    "#activity",
    "#sector",
    "#contact+address",
)
_PART_OF_HOUSEHOLD = {
    "children", "child", "adults", "adult", "under", "over", "aged", "u18", "u16", "u5",
    "dependants", "dependents", "pets", "carers", "disabled", "working", "pensioners",
}  # fmt: skip
_ADDRESS_LINES = ["#contact+address+line1", "#contact+address+line2", "#contact+address+line3"]
# Web addresses that are not a website of the row's own: a picture, or a profile on a
# social network or an encyclopedia.
_NOT_A_WEBSITE = {
    "image", "images", "photo", "photos", "picture", "avatar", "logo", "thumbnail", "icon",
    "facebook", "twitter", "instagram", "linkedin", "youtube", "tiktok", "wikipedia",
}  # fmt: skip
_TEXT_MESSAGES = {"text", "texts", "sms", "txt", "texting", "whatsapp"}
# Messaging services whose links are a group's or a person's there, not a website.
_MESSAGING = {"whatsapp", "telegram", "signal", "messenger", "discord", "slack"}
_ABOUT = {"description", "descriptions", "details", "summary", "notes"}
# Headers that say only that a column holds some way to get in touch: its values tell.
_VAGUE = {"contact details", "contact info", "contact information", "contact detail"}
# The name someone logs in with, not the name they are called by.
_ACCOUNTS = {"user name", "username", "login", "login name", "screen name", "handle",
             "account name"}  # fmt: skip
_POSTCODE_PARTS = {"district", "sector", "area", "outward", "outcode", "prefix", "part", "unit"}
# A header that says only "name", and the tags such a column can have.
_GENERIC_NAME = re.compile(r"^(?:full |display |the )?names?$")
# The first word of a header of the main one of two people ("mainContactEmail"), and the
# people such pairs are about ("contact", "carer"). Not "first": "First name" and "Second
# name", "First line of address" and "Second line" are parts of one person's record.
_MAIN = {"main", "primary", "lead", "principal"}
_WHO_PAIRS = {"contact", "carer", "parent", "guardian", "referrer", "representative"}
# Words of a header naming who runs a place ("provider", "managed_by"), and of headers of
# a venue's own fields ("Venue website"): the rows are places.
_RUNS_IT = {"provider", "managed", "manager", "operator", "operated", "run", "owner", "owned"}
_VENUE_WORDS = {"venue", "venues", "premises", "site"}
_NAMES_OF_ANYONE = {"#person+name", "#org+name", "#loc+name", "#service+name"}
# Headers of another name something goes by, and people's roles at an organisation.
_ALIASES = {"known", "aka", "alias", "trading"}
# What any list has, whatever its rows are: alone, they do not say the rows are people.
_BARE = {"#person+name", "#person+id", "#service+description", "#person+title"}
# What a person takes part in, or a who-does-what-where list reports: an activity (HXL's
# #activity), where in a directory of services the same word names the service.
_ACTIVITY_WORDS = {"activity", "project", "programme", "program"}
# Languages of a person (spoken, preferred) against those a service works in.
_LANGUAGE_TAGS = {"#person+language", "#volunteer+language"}
_GIVEN_OR_WHOLE = {"#person+given+name", "#person+name"}
_PERSONAL_NAMES = {"#person+given+name", "#person+family+name", "#person+title"}
# A person's first, middle and last names (a title alone is often a grant's or a job's).
_NAME_PARTS = {"#person+given+name", "#person+middle+name", "#person+family+name"}
# Words that make a region or a state a line of an address ("Home State").
_OF_AN_ADDRESS = {"address", "addr", "home", "mailing", "postal"}
# Words that say how an amount is measured ("Unit cost", "Total amount", "Weekly income").
_MEASURES = {
    "total", "unit", "weekly", "monthly", "annual", "yearly", "daily", "average", "net",
    "gross", "estimated", "actual", "planned", "max", "maximum", "min", "minimum", "mean",
}  # fmt: skip
# Regions that, beside a street and a postcode, are a line of the address.
_STATES = {"state", "province", "county"}
_PARTS_DIFFER = "its parts say different things"
_ANOTHER_NAME = "another name it goes by"
_ROLES = {
    "head", "headteacher", "contact", "manager", "chair", "chairperson", "director", "owner",
    "proprietor", "principal", "lead", "secretary", "treasurer", "coordinator", "ceo",
}  # fmt: skip
_OWN_REFERENCE = "a reference in a list of organisations"
_PERSON_NAME_TAGS = {"#person+name", "#person+given+name", "#person+family+name"}
# Words of a name or an address the person had before ("previous surname", "old
# postcode"); a name at birth and a maiden name too.
_FORMERLY = {"previous", "former", "prior", "old"}
_BEFORE = _FORMERLY | {"maiden", "birth"}
# How a name is said ("Phonetic First Name", Outlook's "Given Name Yomi").
_SPOKEN = {"phonetic", "yomi", "pronunciation", "pronounced"}
# Another of something a person may have several of ("Secondary Email").
_SECOND = {"secondary", "alternate", "alternative", "second", "other", "additional"}
# A later numbered party's fields of these kinds are that party's, not the row's.
_ONES_OWN = ("#contact+", "#person+", "#value", "#country", "#adm")
# Numbered parties of a row that are organisations ("Account1": a CRM's organisation).
_ORG_PARTIES = _ORG_NOUNS | {"account"}
# Numbered parties of a row ("Contact1", "Adult 2") that are people, besides _PEOPLE.
_PARTIES = {"adult", "parent", "guardian", "donor", "signatory", "carer", "spouse", "partner"}
# The first words of a person's own address and phone, and of another of theirs, in
# exports that hold both ("Home Street" / "Business Street", "MailingCity" / "OtherCity").
_OWN_ADDRESS = {
    "home", "personal", "private", "mailing", "primary", "main", "residential", "house", "property",
    "delivery", "shipping", "ship",
}  # fmt: skip
# Where an export holds a delivery address and a billing one (a food hub's orders), the
# delivery address is where the person is; the billing one is another.
_OTHER_ADDRESS = {"business", "work", "office", "other", "secondary", "alternative", "billing"}
_LINE1, _LINE2 = "#contact+address+line1", "#contact+address+line2"
_ADDRESS_PARTS = {
    "#contact+address", "#contact+address+line1", "#contact+address+line2",
    "#contact+address+line3", "#contact+address+town", "#contact+address+postcode",
}  # fmt: skip
# The Office for National Statistics' column names: kind of area, year, code or name.
_ONS_FIELD = re.compile(r"^([A-Za-z]{2,6})(\d{2})(CD|NM|NMW|cd|nm|nmw)$")
_ONS_AREAS = {
    "CTRY": "#adm1+name", "RGN": "#adm1+name", "GOR": "#adm1+name", "NAT": "#adm1+name",
    "LAD": "#adm2+name", "LTLA": "#adm2+name", "UTLA": "#adm2+name", "CTYUA": "#adm2+name",
    "UA": "#adm2+name", "CTY": "#adm2+name", "LA": "#adm2+name",
    "WD": "#adm3+ward", "WARD": "#adm3+ward",
}  # fmt: skip
# ONS areas the standard has no tag for: statistical areas (LSOA, MSOA, OA), health
# geographies, constituencies, parishes, built-up areas...
_ONS_OTHER_AREAS = {
    "LSOA", "MSOA", "OA", "PCON", "CCG", "ICB", "SICBL", "LHB", "STP", "NHSER", "PAR", "BUA",
    "BUASD", "TTWA", "NUTS", "ITL", "LEP", "PFA", "CSP", "FRA", "LPA", "CAUTH", "CED", "WZ",
}  # fmt: skip
# Areas drawn for statistics (Lower and Middle Layer Super Output Areas, Output Areas).
_STATISTICAL_AREA = re.compile(r"\b(?:lsoas?|msoas?|(?:super )?output areas?)\b")
# "gp_birthDate", "pds.postalCode": a short prefix, then the field.
_NAMESPACE = re.compile(r"^([A-Za-z][A-Za-z0-9]{0,11})[_.](\S.*)$")
# "Contact1 First Name", "Person 2 - Date of birth", "GAU Allocation 2: Amount": a party
# or item numbered in front of its fields, one set of columns for each.
_NUMBERED_PARTY = re.compile(
    r"^((?:[A-Za-z]+[ _]){0,2}[A-Za-z]+)[ _]?(\d{1,2})(?:\s*[:\-_.]\s*|\s+)([A-Za-z].*)$"
)
# The people a list may be about: "<one of them> number" is a person's record ID.
_PEOPLE = {
    "person", "client", "patient", "customer", "member", "resident", "tenant", "child",
    "pupil", "student", "volunteer", "applicant", "claimant", "participant", "attendee",
    "individual", "user", "learner", "adopter", "beneficiary", "donor", "supporter", "guest",
    "visitor", "constituent", "elector", "voter",
}  # fmt: skip
# What a person has only one of: a second numbered column of one is another person's.
_ONE_EACH = {
    "#person+age", "#person+sex", "#person+gender", "#date+birth", "#person+name",
    "#person+given+name", "#person+family+name", "#person+title", "#person+id+nhs",
    "#person+ethnicity", "#person+religion",
}  # fmt: skip
# What people have: two of them, one a date of birth or an ethnic group (which no
# organisation has; a school has a gender and a religious character), say a sheet's rows
# are people, however many columns about their organisation sit beside them (a
# volunteering log with the volunteer's and the community group's details).
_PEOPLE_HAVE = {
    "#date+birth", "#person+sex", "#person+gender", "#person+ethnicity", "#person+religion",
}  # fmt: skip
_ONLY_PEOPLE_HAVE = {"#date+birth", "#person+ethnicity"}
# Other people a list can be of ("Carer name", "Carer DOB": a carers' register).
_LISTED_PARTIES = {"carer", "parent", "guardian", "spouse", "partner", "referrer", "referee"}
# The tags of a person's own details.
_PERSONAL_FIELDS = {
    "#person+name", "#person+given+name", "#person+middle+name", "#person+family+name",
    "#person+title", "#date+birth", "#person+age", "#person+sex", "#person+gender",
    "#contact+address", "#contact+address+line1", "#contact+address+postcode",
    "#contact+phone", "#contact+mobile+phone", "#contact+email", "#person+id+nhs",
}  # fmt: skip
# What a service's own columns say (whom it is for, where, what kind), and a place's.
_SERVICE_FIELDS = _SERVICE_TAGS - {"#service+name"} | {"#service+language"}
_PLACE_FIELDS = _ADDRESS_PARTS | {"#geo+lat", "#geo+lon", "#loc+uprn"}
# Words of the columns of an organisation that runs the row's service or place.
_OWNERS = {"organisation", "organization", "org", "provider", "owner"}
# Tags that say a row is one person: in a list of organisations they mean something else.
_PERSON_ONLY = {"#person+name", "#person+title", "#person+id"}


@dataclass(frozen=True)
class Suggestion:
    """The best tag for one header (``tag`` is ``None`` when there is none)."""

    header: str
    tag: str | None
    confidence: float
    label: str = ""
    reason: str = ""

    @property
    def confident(self) -> bool:
        return self.tag is not None and self.confidence >= CONFIDENT


# "address_first_line", "line two": a line of an address by its number.
_ORDINAL_LINE = re.compile(r"\b(?:(first|second|third) line|line (one|two|three))\b")
_ORDINALS = {"first": "1", "second": "2", "third": "3", "one": "1", "two": "2", "three": "3"}


def _expand(key: str) -> str:
    key = " ".join(_ABBREVIATIONS.get(word, word) for word in key.split())
    return _ORDINAL_LINE.sub(lambda m: "line " + _ORDINALS[m.group(1) or m.group(2)], key)


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# A Salesforce custom field's package prefix ("npe01__") and its mark ("__c").
_API_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*__(?=[A-Za-z]{2})|__[cr]$")
# A form's section before a field ("Contact Information: Address", "About you: Age").
_SECTIONS = {"contact", "information", "info", "details", "detail", "personal", "about", "you",
             "your", "section", "part", "basic", "general"}  # fmt: skip
# The last part of a header written as a label and a value ("Email 1 - Value").
_PAIR_PARTS = {"value", "values", "label", "labels"}
_VALUE_END = re.compile(r"[\s_-]*value$", re.IGNORECASE)
# Where a form's question gives an example or a note ("Name of venue e.g. St John's hall",
# "What do you offer? This might include, for example: ..."): what follows is not the field.
_EXAMPLE = re.compile(
    r"(?:\(\s*|\b)(?:e\.\s?g\b\.?|eg\.|i\.e\.|for example|for instance|such as)", re.IGNORECASE
)
# Words that share a stem with a one-word synonym of something else ("times": opening
# times; "activity"): alone, they are not it.
_STEM_ONLY = {"time", "active"}
# "Attendee #", "Order#": a number sign after a word is the word "number".
_NUMBER_SIGN = re.compile(r"(?<=\w\w)\s*#(?!\w)")
# Where one sentence of a long header ends and the next begins.
_SENTENCE = re.compile(r"(?<=[a-z)][.?!])\s+(?=[A-Z])")
# "Org:Field", "Org - Field", and "RegAddress.PostCode" (a dot before a capital; R's
# "country.of.origin" is only words joined by dots).
_SEGMENTS = re.compile(r"\s*:\s*|\s+-\s+|\s+–\s+|(?<=[a-z0-9])\.(?=[A-Z])")
_CODE_WORDS = {"code", "codes", "pcode", "id", "identifier", "ref", "uri"}
# Last words of headers that name something's identifier ("contact key", "worker ref").
_IDENTIFYING = _CODE_WORDS | {"key", "number", "no", "reference"}
# Words that say what kind of value a header holds, whatever comes before them.
# A person's own fields, whoever's prefix is before them ("SUI_Gender", "Client ethnicity").
_PERSONAL_HEADS = {"gender", "ethnicity", "religion"}
_CONTACT_HEADS = {"website", "url", "link", "email", "phone", "telephone"}
_HEADS = _PERSONAL_HEADS | _CONTACT_HEADS | {
    "status", "date", "datetime", "timestamp", "amount", "postcode", "country", "capacity",
    "beds", "spaces",
}  # fmt: skip
# Words that say a column holds an amount of money (#value), in a list that is not of
# people ("total_gross_income", "expenditure_total", "total-Commitment").
_MONEY = {
    "income", "expenditure", "spending", "spend", "funds", "reserves", "commitment",
    "commitments", "disbursement", "disbursements", "repayment", "repayments", "reimbursement",
    "budget", "costs", "revenue", "turnover", "assets", "liabilities", "amount", "value",
    "salary", "wage", "wages", "bonus", "bonuses", "allowance", "allowances", "expenses",
    "compensation", "contribution", "contributions",
}  # fmt: skip
_AMOUNT_QUALIFIERS = {"total", "gross", "net", "annual", "latest", "sum"}
_TIMES = {"time", "times", "date", "day", "days", "hour", "hours", "minute", "minutes"}
# The last word of "Bonus details", "Salary band", "Income source": words about an amount,
# not the amount.
_ABOUT_AN_AMOUNT = {
    "details", "detail", "description", "notes", "note", "comments", "comment", "reason",
    "reasons", "band", "bands", "grade", "source", "sources", "date", "status", "type",
    "method", "frequency",
}  # fmt: skip
# A currency named in a header ("Item (GBP)", "Total £", "Cost (EUR)"): an amount of money.
_CURRENCY = re.compile(r"[£€]|\b(?:GBP|EUR|USD)\b|\(\s*\$\s*\)", re.IGNORECASE)
# "<another record> id": a link to another table, not this row's own identifier.
_KINDS_OF = {"type", "types", "subtype", "category", "categories"}
_RELATED = {"location", "contact", "schedule", "program", "programme", "phone", "address",
            "at", "taxonomy", "term", "attribute", "document", "supervision", "owner"}  # fmt: skip
_PERSONAL_STATUS = {
    "marital", "employment", "housing", "immigration", "residency", "smoking", "health",
    "relationship", "veteran", "disability", "tenancy", "benefit", "benefits", "care",
    "education", "training", "asylum", "economic", "student", "vaccination", "citizenship",
    "residential",
    # and the kind of an organisation, not the state of a record
    "tax", "legal", "charitable", "vat",
}  # fmt: skip
_STARTS = {
    "start", "started", "open", "opened", "opening", "incorporation", "incorporated", "founded",
    "established", "join", "joined", "joining", "commenced", "begin", "began", "from",
    "since", "entry", "signup", "enrolled", "enrolment", "enrollment", "admission", "admitted",
}  # fmt: skip
_PSEUDONYMISED = {"pseudo", "pseudonymised", "pseudonymized", "hashed", "encrypted", "masked"}
_DATE_TIME = re.compile(r"\bdate\s*/\s*time\b", re.IGNORECASE)
_CHANGED = {"updated", "modified", "changed", "amended", "edited"}
_CHECKED = {"verified", "reviewed", "checked", "confirmed"}
# The last word of a database's name for when something happened ("created_at").
_MOMENT = {"at", "on", "time", "datetime", "timestamp", "date", "when"}
# A channel someone must not be contacted by: "Block_Email", "Suppress mail" (the word
# first), "SMS unsubscribed" (the word last).
_SUPPRESSED = {"blocked", "suppressed", "unsubscribed"}
_SUPPRESS = _SUPPRESSED | {"block", "suppress", "unsubscribe"}
_WHEN = {"start", "end", "planned", "actual", "expected", "estimated", "date", "of", "the"}
_ENDS = {
    "end", "ended", "close", "closed", "closing", "closure", "dissolution", "dissolved",
    "removal", "removed", "left", "leaving", "ceased", "expiry", "expires", "expired", "until",
    "to", "finish", "finished", "discharge", "discharged", "exit", "exited", "resolved",
    "resolution", "concluded", "archive", "archived", "deactivation", "deactivated",
    "disbanded", "wound",
}  # fmt: skip
# The last word of a header that says it is when something starts or ends.
_BOUNDS = {"start", "started", "commenced", "began", "since", "end", "ended", "ceased", "finish",
           "finished", "until", "till", "expires", "expiry", "expired"}  # fmt: skip
# Headers of yes/no flags ("is_organisation", "has_land"): only a yes/no tag fits.
_FLAG = re.compile(r"^(?:is|has|have|does|do|can|was|are)\s+\S")
# A question answered yes or no ("Is eligible postcode", "Do you have a car?").
_QUESTION_FLAG = re.compile(r"^(?:is|has|have|does|do|are|was|were|did|can)\s+\S+\s+\S")
# The same after the thing it is about, in a field's name ("organisationHasTradingName").
_HAS_OR_IS = re.compile(r"^(?:is|has|have|was)\s+\S")
# A short header that says whether something is so ("Is active", "Client is active").
_SHORT_FLAG = re.compile(r"^(?:\w+ )?(?:is|has|was) \w+$")
_COUNT = re.compile(r"^(?:number|no|count|how many)\b(?! and\b)(?: of)?\b")
# "Number of building" (TPP SystmOne's field name): one building's number, not a count,
# which would be of buildings.
_NUMBER_OF_ONE = re.compile(r"^number of (?:building|house|flat|property|dwelling|premises)$")
# The last word of "Organisation type", "geographic area type": a kind of the thing.
_KIND_WORDS = {"type", "types", "kind", "category", "class", "classification"}


def _singular(word: str) -> str:
    """ "trusts" -> "trust" ("Trusts (name)" names the trusts a school belongs to)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def _split_camel(text: str) -> str:
    """``CandidateSurname`` -> ``Candidate Surname``; ``RegAddress`` -> ``Reg Address``;
    ``address1`` -> ``address 1``."""
    text = _LETTER_DIGIT.sub(" ", text)
    if text.isupper() or text.islower():
        return text
    return _CAMEL.sub(" ", text)


@functools.lru_cache(maxsize=4096)
def _unglue(word: str, vocabulary: frozenset[str]) -> str:
    """A run-together word split into known words ("updateddate" -> "updated date"),
    unless it is a misspelling of one ("forname" is "forename", not "for name")."""
    if len(word) < 7 or word in vocabulary or not word.isalpha():
        return word
    import wordninja
    from rapidfuzz import fuzz, process

    near = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=85)
    if near and abs(len(near[0]) - len(word)) <= 1:
        return word

    parts = wordninja.split(word)
    # Real words only ("created date"), not letters picked out of a code ("f hr sid").
    known = [p in vocabulary or len(p) >= 4 for p in parts]
    if 1 < len(parts) <= 4 and all(known) and set(parts) & vocabulary:
        return " ".join(parts)
    # A word the splitter knows whole ("mandate", "national") is not a code and words.
    if len(parts) == 1:
        return word
    return _segmented(word, vocabulary) or _peeled(word, vocabulary) or word


def _segmented(word: str, vocabulary: frozenset[str]) -> str | None:
    """A run-together word made wholly of the standard's own words, in as few as can be
    ("providerid" -> "provider id", where the splitter's English reads "provide rid")."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(2, len(word) + 1):
        for start in range(end - 2, -1, -1):
            before, now = best[start], best[end]
            fewer = before is not None and (now is None or len(before) + 1 < len(now))
            if fewer and word[start:end] in vocabulary:
                best[end] = [*before, word[start:end]]
    pieces = best[-1]
    if pieces is None or len(pieces) < 2 or max(map(len, pieces)) < 4:
        return None
    return " ".join(pieces)


def _peeled(word: str, vocabulary: frozenset[str]) -> str | None:
    """Known words taken off either end of a run-together word around a short code in it
    ("cppstartdate" -> "cpp start date", "dateofinitialcpc" -> "date of initial cpc"):
    the words say what the column is; the code says of what. None if that is not how
    the word is made."""

    def take(rest: str, from_end: bool) -> tuple[str, list[str]]:
        taken: list[str] = []
        while len(rest) > 4:
            for size in range(len(rest) - 2, 1, -1):  # the longest known word first
                piece = rest[-size:] if from_end else rest[:size]
                if piece in vocabulary:
                    taken.append(piece)
                    rest = rest[:-size] if from_end else rest[size:]
                    break
            else:
                break
        return rest, taken

    for from_end in (True, False):
        core, taken = take(word, from_end)
        if 2 <= len(core) <= 4 and core not in vocabulary and any(len(t) >= 4 for t in taken):
            words = [core, *reversed(taken)] if from_end else [*taken, core]
            return " ".join(words)
    return None


@functools.cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def _stems(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_stem(w) for w in words)


def _question(text: str) -> str:
    """A long form header without its examples and the sentences after its first
    ("Name of Warm Centre e.g St Johns Church cafe" is "Name of Warm Centre")."""
    example = _EXAMPLE.search(text)
    head = text[: example.start()] if example and example.start() > 0 else text
    sentences = _SENTENCE.split(head)
    if len(sentences) > 1 and len(sentences[0].split()) >= 4:
        head = sentences[0]
    head = head.strip(" -:;,(/")
    return head if normal_key(head) else text


def header_keys(header: str) -> list[str]:
    """The normalised forms a header is matched in (full, without brackets, expanded)."""
    full = normal_key(_split_camel(header))
    bare = normal_key(_BRACKETS.sub(" ", _split_camel(header)))
    keys = []
    for key in (full, bare, _expand(full), _expand(bare)):
        if key and key not in keys:
            keys.append(key)
    return keys


@dataclass(frozen=True)
class _Header:
    text: str
    keys: list[str]  # the whole header, normalised
    field: list[str]  # the field part ("Postal Code" of "Recipient Org:Postal Code")
    owner: list[str]  # what the field belongs to, as words ("recipient organisation")


def _key_candidates(entry: TagEntry) -> list[str]:
    return [*entry.synonyms, entry.label, entry.tag.replace("#", " ").replace("+", " ")]


class TagSuggester:
    """Suggests tags from one data dictionary (built once, then fast per header)."""

    def __init__(
        self, dictionary: DataDictionary | None = None, model: HeaderModel | None = None
    ) -> None:
        """``model``: what other lists' headers say (:mod:`.header_model`), weighed
        against the rules in :meth:`suggest_columns`; without one, the rules alone."""
        self.dictionary = dictionary or load_dictionary()
        self.model = model
        # The kind of field of each tag the model knows (whose it is set aside).
        self._class_kinds = {
            c: _kind_of_field(self._key(c)) for c in (model.classes if model else [])
            if c.startswith("#")
        }  # fmt: skip
        self.index: dict[str, TagEntry] = {}
        for entry in self.dictionary.entries:
            if entry.group == "Results":
                continue  # written by vcs-excel's own tasks, never suggested for a header
            for text in _key_candidates(entry):
                text = _LETTER_DIGIT.sub(" ", text)
                for key in {normal_key(text), _expand(normal_key(text))}:
                    if key:
                        self.index.setdefault(key, entry)
        self._keys = list(self.index)
        self._word_sets = [(set(k.split()), k) for k in self._keys]
        self._stem_sets = [(_stems(k.split()), k) for k in self._keys]
        self._filler_stems = _stems(_FILLERS)
        self._other_stems = _stems(_OTHER_PARTY)
        words = {w for k in self._keys for w in k.split()}
        words |= _FILLERS | _ORG_NOUNS | _PLACE_NOUNS | _THING_NOUNS | _WHOSE | set(_ABBREVIATIONS)
        self._vocabulary = frozenset(words)

    # ------------------------------------------------------------------ one header
    def _read(self, text: str) -> _Header:
        keys = [self._unglued(k) for k in header_keys(text)]
        keys = list(dict.fromkeys(k for k in keys if k))
        segments = [s for s in _SEGMENTS.split(_BRACKETS.sub(" ", text)) if s.strip()]
        if len(segments) > 1:
            field = self._unglued(_expand(normal_key(_split_camel(segments[-1])))).split()
            owner = []
            for s in segments[:-1]:
                owner += self._unglued(_expand(normal_key(_split_camel(s)))).split()
        else:
            field = keys[-1].split() if keys else []
            owner = []
        return _Header(text, keys, field, owner)

    def _unglued(self, key: str) -> str:
        return " ".join(_unglue(w, self._vocabulary) for w in key.split())

    def suggest(self, header: object) -> Suggestion:
        """The best tag for one header on its own (see :func:`suggest_columns` for a
        sheet, whose other columns and values say more)."""
        found = self._suggest_one(header)
        text = "" if header is None else str(header).strip()
        if found.tag is None and _NUMBER_SIGN.search(text):
            # "Attendee #": read again with the number sign as the word "number".
            spoken = self._suggest_one(_NUMBER_SIGN.sub(" number", text))
            if spoken.tag is not None:
                return dataclasses.replace(spoken, header=text)
        if found.tag == "#person+id+nhs" and _words(text) & _PSEUDONYMISED:
            # "Der_pseudo_nhsnumber": a stand-in for the NHS number, which fails its check
            # digit; the list's own reference for the person.
            return self._entry_suggestion(text, "#person+id", UNSURE, "a pseudonymised NHS number")
        return found

    def _suggest_one(self, header: object) -> Suggestion:
        text = "" if header is None else str(header).strip()
        if not text:
            return Suggestion(text, None, 0.0, reason="empty header")
        if text.startswith("#"):
            try:
                entry = self.dictionary.lookup(text)
            except HashtagError:
                entry = None
            if entry:
                return Suggestion(text, entry.tag, 1.0, entry.label, "already a tag")
            return Suggestion(text, None, 0.0, reason="unknown tag")
        question = _question(text)
        if question != text:
            return dataclasses.replace(self.suggest(question), header=text)
        if set(_header_words(text)) & _SOCIAL_MEDIA:
            # "facebook", "twitter_username", "LinkedIn URL": an account the standard has
            # no tag for (not the row's website, nor a "link" in "linkedin").
            return Suggestion(text, None, 0.0, reason="a social media account")
        words = _header_words(text)
        if "other" in words and (words[-2:] == ["if", "other"] or "specify" in words[-2:]):
            # "ethnicGroupValueIfOther", "Other (please specify)": the words of an "Other"
            # answer to the question beside it, not the answer.
            return Suggestion(text, None, 0.0, reason="the details of an answer 'Other'")
        if len(text.split(".")) > 1:
            path = text.split(".")
            last = _header_words(path[-1])
            owner = _header_words(path[-2])
            if len(last) > 1 and last[-1] == "value" and owner and owner[0][:4] == last[0][:4]:
                # "gender.genderValue", "ethnicity.ethnicGroupValue": a record's field as an
                # object with its value inside; the value is the field.
                inner = ".".join([*path[:-1], _VALUE_END.sub("", path[-1])])
                found = self.suggest(inner)
                if found.tag is None or self._key(found.tag) == "#value":
                    return Suggestion(text, None, 0.0, reason="the value of a field with no tag")
                return dataclasses.replace(found, header=text)
        if set(words[-1:]) & _MACHINE_DATA:
            # "postcode_data_json", "device_fingerprint_hash": data for a program, not a value.
            return Suggestion(text, None, 0.0, reason="data kept for a program (JSON, a hash)")
        ons = _ONS_FIELD.match(text)
        if ons and ons.group(1).upper() in _ONS_AREAS.keys() | _ONS_OTHER_AREAS:
            return self._ons_field(text, ons.group(1).upper(), ons.group(3).upper())
        qualified = _QUALIFIED.match(text)
        if qualified:
            return self._qualified(text, qualified.group(1), qualified.group(2).lower())
        plain = _API_NAME.sub("", text) if text.endswith(("__c", "__r")) else text
        if plain != text and plain.strip("_ "):
            # "npe01__HomeEmail__c", "Email__c": a Salesforce field's name, with the
            # package it comes from and the mark of a custom field.
            return dataclasses.replace(self.suggest(plain.strip("_ ")), header=text)
        segments = [p for p in _SEGMENTS.split(text) if p.strip()]
        section = set(normal_key(segments[0]).split()) if len(segments) == 2 else set()
        if section and section <= _SECTIONS:
            # "Contact Information: Name of Organization": a form's section, then the field
            # ("Contact Information: Name" is the name of the contact person).
            found = dataclasses.replace(self.suggest(segments[1]), header=text)
            if "contact" in section and self._key(found.tag) == "#person+name":
                return self._entry_suggestion(text, "#contact+name", found.confidence,
                                              "the name in a form's contact details")  # fmt: skip
            return found
        if len(segments) > 1 and normal_key(segments[-1]) in _PAIR_PARTS:
            # "Email 1 - Value", "Phone 1 - Label": a field written as a label and a value
            # (Google Contacts' export). The value is the field; its label is not.
            if normal_key(segments[-1]) in ("label", "labels"):
                return Suggestion(text, None, 0.0, reason="the label of another column's value")
            found = self.suggest(" - ".join(segments[:-1]))
            if found.tag is not None and not found.reason.startswith("looks like"):
                return dataclasses.replace(found, header=text)
            if segments[-2].strip()[-1:].isdigit():
                # "Custom Field 1 - Value": the value of a numbered field of the export's own.
                return Suggestion(text, None, 0.0, reason="the value of a field with no tag")
            # "Grant - Value": the value of a thing, an amount (read on as before).
        h = self._read(text)
        if any(_STATISTICAL_AREA.search(key) for key in h.keys):
            # "LSOA code (2011)", "Output Area": an area drawn for statistics, not a
            # council's, and not a slip of "LA code".
            return Suggestion(text, None, 0.0, reason=_NO_AREA_TAG)
        found = self._match(text, h)
        if _CURRENCY.search(text) and (
            found.tag is None or self.dictionary.entry(found.tag).datatype in ("number", "integer")
        ):
            # "Item + Fees (GBP)", "Voucher Amount (£)": whatever it is of, it is money.
            return self._entry_suggestion(text, "#value", 0.9, "an amount in a currency")
        key = h.keys[-1] if h.keys else ""
        if _COUNT.match(key) and not _NUMBER_OF_ONE.match(key):
            # "Number of households" is a count, whatever it counts.
            entry = self.dictionary.entry(found.tag) if found.tag else None
            if entry and entry.datatype not in ("integer", "number"):
                return Suggestion(text, None, 0.0, reason="a count of something")
            words = key.split()
            if (entry is None or entry.key.endswith("household+num")) and (
                set(words) & _PART_OF_HOUSEHOLD
                or (entry is not None and any(w.isdigit() for w in words))
            ):
                # "Number of children in household": part of a household, not its size.
                return Suggestion(text, None, 0.0, reason="a count of some of a household")
        if key in _ACCOUNTS:
            return Suggestion(text, None, 0.0, reason="an account's user name, not a person's name")
        if key in _VAGUE:
            return Suggestion(text, None, 0.0, reason="says only that it holds contact details")
        found = self._refined(text, found)
        last = key.split()[-1] if key else ""
        if self._key(found.tag) in _NAMES_OF_ANYONE and found.reason.startswith("contains"):
            said = found.reason.split("'")[1].split()[-1]
            if last != said and last.rstrip("s") != last and not said.endswith("s"):
                # "Facilities", "Services": a list of things, not the name of one.
                return Suggestion(text, None, 0.0, reason="a list of things, not a name")
        if self._key(found.tag) == "#contact+address+postcode" and last in _POSTCODE_PARTS:
            # "Postcode district" (BD8), "postcode sector" (BD8 7): part of a postcode.
            return Suggestion(text, None, 0.0, reason="part of a postcode, not a whole one")
        if found.tag and last in _KIND_WORDS and last not in found.reason:
            return Suggestion(text, None, 0.0, reason=f"a {last} of something")
        # "Client is active": a short statement read only in part (as "activity").
        partly = _SHORT_FLAG.match(key) and found.reason.startswith(("contains", "looks like"))
        # "hasLand", and "organisationHasDifferentTradingName": a field's name that says
        # whether something has something.
        glued = " " not in text.strip() and (
            _FLAG.match(key) or _HAS_OR_IS.match(" ".join(key.split()[1:]))
        )
        # "Is eligible postcode", "Do you have a car?": a question answered yes or no, not a
        # value of a kind the checker would judge (free text takes a yes or no as it is).
        asked = (
            found.tag
            and _QUESTION_FLAG.match(key)
            and not found.reason.endswith("is a known header")
            and not self._takes_yes(found.tag)
        )
        flag = found.tag and (glued or partly or asked)
        if flag and self.dictionary.entry(found.tag).datatype != "yes_no":
            # "is_organisation", "hasLand": a yes or no, whatever it is about.
            return Suggestion(text, None, 0.0, reason="a yes/no flag")
        words = key.split()
        if found.tag is None and len(words) >= 2 and last in ("name", "label", "id"):
            # "ActionStatusName", "Gender Name", "Gender ID": a coded field's label or
            # code as a CRM exports it.
            coded = self.suggest(" ".join(words[:-1]))
            entry = self.dictionary.entry(coded.tag) if coded.tag else None
            if entry is not None and (entry.datatype == "code" or entry.key == "#status"):
                part = "code" if last == "id" else "label"
                return Suggestion(text, coded.tag, min(coded.confidence, UNSURE), coded.label,
                                  f"{coded.reason}, as its {part}")  # fmt: skip
        if self._key(found.tag) == "#adm1+name" and _OF_AN_ADDRESS & {*h.owner, *words}:
            # "Address 1 - Region": the region (state, county) written as a line of the
            # address, as an address book exports it.
            return self._entry_suggestion(
                text, "#contact+address+line3", found.confidence, "a line of the address"
            )
        if found.tag and (words[:2] in (["do", "not"], ["don", "t"]) or words[:1] == ["dont"]):
            # "Do Not Email", "dont_phone": whether not to, a yes or no.
            return Suggestion(text, None, 0.0, reason="a yes/no: whether not to")
        if found.tag and (
            "optout" in words or " opt out" in f" {key}" or "opted out" in key
            or bool(set(words[:1]) & _SUPPRESS) or bool(set(words[-1:]) & _SUPPRESSED)
        ):  # fmt: skip
            # "OptOut Email", "Block_Email", "Suppress mail": whether they opted out of
            # e-mails or post, a yes or no.
            return Suggestion(text, None, 0.0, reason="a yes/no: whether they opted out")
        by = last == "by" or words[-2:] == ["by", "id"]  # "CreatedById"
        if found.tag and len(words) >= 2 and by and key not in self.index:
            # "Created by", "Last updated by": who did it, not when or what ("Managed by"
            # is a known header: the organisation that runs the place).
            return Suggestion(text, None, 0.0, reason="who did something, not what")
        if (
            found.tag
            and len(words) >= 2
            and last == "known"
            and words[-2] not in ("if", "where", "when", "not", "as", "also")
            and self.dictionary.entry(found.tag).datatype != "yes_no"
        ):
            # "postcode_known", "UPRN known": whether it is known, a yes or no.
            return Suggestion(text, None, 0.0, reason="a yes/no: whether something is known")
        return found

    def _takes_yes(self, tag: str) -> bool:
        """Whether a tag's values may be a plain yes: free text, a yes/no, or a code list
        that reads "Yes" as one of its codes ("Do you have a current DBS check?")."""
        entry = self.dictionary.entry(tag)
        if entry.datatype in ("text", "yes_no"):
            return True
        codes = self.dictionary.codelist_for(entry)
        return codes is not None and codes.canonical("Yes") is not None

    def _ons_field(self, text: str, area: str, part: str) -> Suggestion:
        """ "LAD18CD", "WD23NM", "RGN20CD": the Office for National Statistics names the
        columns of its lookups by the kind of area, the year of its boundaries, and CD for
        the code or NM for the name (NMW, the name in Welsh, is a second name)."""
        level = _ONS_AREAS.get(area)
        if level is None or part == "NMW":
            return Suggestion(text, None, 0.0, reason=_NO_AREA_TAG)
        tag = _AREA_CODES[level] if part == "CD" else level
        return self._entry_suggestion(text, tag, 0.9, "an ONS area column (kind, year, CD or NM)")

    def _qualified(self, text: str, field: str, part: str) -> Suggestion:
        """ "LA (code)", "Trusts (name)": the field's own tag, as a code or a name."""
        words = normal_key(_split_camel(field)).split()
        if words and _singular(words[-1]) in _ORG_NOUNS and not set(words) & _KIND_WORDS:
            # "Trusts", "SchoolSponsors": organisations, given by name or by code.
            tag = "#org+name" if part == "name" else "#org+id"
            return self._entry_suggestion(text, tag, 0.9, f"the {part} of an organisation")
        found = self.suggest(field)
        if found.tag is None:
            # "AdministrativeWard (name)" is a ward's name; "TypeOfEstablishment (name)"
            # is not an establishment's.
            area = self.suggest(f"{field} {part}")
            if self._key(area.tag) in _AREA_NAMES or self._key(area.tag) in _AREA_CODES:
                found = area
        found = dataclasses.replace(found, header=text)
        key = self._key(found.tag)
        if key is None:
            return Suggestion(text, None, 0.0, reason=found.reason)
        if part == "code" and key in _AS_CODE:
            return self._entry_suggestion(
                text, _AS_CODE[key], found.confidence, f"the code of a {found.label.lower()}"
            )
        if part == "name" and key in _AREA_NAMES:
            return self._entry_suggestion(
                text, _AREA_NAMES[key], found.confidence, "the name that goes with a code"
            )
        return found

    def _match(self, text: str, h: _Header) -> Suggestion:
        for key in h.keys:
            if key in self.index:
                entry = self.index[key]
                if key in entry.loose:  # "Title", "Unit": words that often mean other things
                    why = f"'{key}' is a known header, but it often means more"
                    return Suggestion(text, entry.tag, PARTLY, entry.label, why)
                return Suggestion(text, entry.tag, 1.0, entry.label, f"'{key}' is a known header")
        field_key = " ".join(h.field)
        if h.owner and field_key in self.index and field_key not in ("name", "names", "title"):
            entry = self.index[field_key]
            sure = PARTLY if field_key in entry.loose else 1.0  # "Grant - Value"
            if {_singular(w) for w in h.owner} & _OTHER_PARTY:
                # "Emergency Contact Phone - Mobile": someone else's number.
                return Suggestion(text, None, 0.0, reason="someone else's, by its first part")
            if entry.tag.split("+")[-1] in h.owner:
                # "Volunteer Phone - Mobile", "Source Contact Phone - Phone": a field, then
                # its kind. Whose it is comes from the field, read on its own.
                whose = self.suggest(" ".join(h.owner))
                if whose.tag is None:
                    return dataclasses.replace(whose, header=text)
                sure = min(sure, whose.confidence)
            return Suggestion(
                text, entry.tag, sure, entry.label, f"'{field_key}' is a known header"
            )
        if "ods" in [*h.owner, *h.field] and self.dictionary.lookup("#org+id") is not None:
            # An ODS code names an NHS organisation ("generalPractitionerOds", "GP ODS code").
            return self._entry_suggestion(text, "#org+id", PARTLY, "an NHS organisation's ODS code")
        thing = self._thing_name(text, h) or self._area_code(text, h)
        if thing is not None:
            return thing
        return (
            self._alternatives(text)
            or self._suffix(text, h)
            or self._contained(text, h)
            or self._options(text)
            or self._near_or_head(text, h)
        )

    def _near_or_head(self, text: str, h: _Header) -> Suggestion:
        near = self._near(text, h)
        return near if near.tag else (self._head(text, h) or near)

    def _head(self, text: str, h: _Header) -> Suggestion | None:
        """English puts the kind of thing last ("charity registration status" is a
        status, "reporting due date" a date), or before "of" ("country of origin"), or
        first in a list's field names ("date_accounts_received"). Unsure: the other
        words may change what it is."""
        words = h.field if h.field else (h.keys[-1].split() if h.keys else [])
        if words[-2:] == ["date", "time"]:  # "Scheduled Date/Time": one moment
            words = [*words[:-2], "datetime"]
        if len(words) == 1 and words[0] in _MONEY:
            return self._entry_suggestion(text, "#value", UNSURE, "an amount of money")
        if len(words) > 2 and words[0] == "age" and words[1] in ("at", "on", "when", "upon"):
            # "AgeAtDeath", "Age at referral", "Age at start": the person's age then.
            return self._entry_suggestion(text, "#person+age", UNSURE, "an age at a moment")
        if (
            words and words[-1] in _BOUNDS and not set(words[:-1]) & _OTHER_PARTY
            and words[-2:] not in (["front", "end"], ["back", "end"])
        ):  # fmt: skip
            # "Start", "Tenancy end", "MIS_START", "Episode started": when something
            # starts or ends is a date ("Start time" ends in "time", so it is not).
            tag = "#date+start" if words[-1] in _STARTS else "#date+end"
            return self._entry_suggestion(text, tag, UNSURE, "when something starts or ends")
        if len(words) == 2 and words[0] == "last" and words[1].endswith("ed"):
            # "lastverified", "Last attended": when it last happened. A record last
            # checked or changed was last brought up to date.
            tag = "#date+updated" if words[1] in _CHANGED | _CHECKED else "#date"
            return self._entry_suggestion(text, tag, UNSURE, "when something last happened")
        if len(words) >= 2 and words[-1] in _MOMENT and words[-2].endswith("ed"):
            # "startedAt", "deleted_at", "submitted at", "createdtime", "modified_on": a
            # moment, as databases name them.
            verb = words[-2]
            tag = (
                "#date+start" if verb in _STARTS else "#date+end" if verb in _ENDS
                else "#date+updated" if verb in _CHANGED else "#date"
            )  # fmt: skip
            if self.dictionary.lookup(tag) is not None:
                return self._entry_suggestion(text, tag, UNSURE, "when something happened")
        if len(words) < 2:
            return None
        if words[-1] in _CODE_WORDS:  # "registration status code"
            words = words[:-1]
            if words[-1] in _PERSONAL_HEADS:
                return None  # "Gender ID": a code for the gender, read as one below
            if words[-1] in _CONTACT_HEADS:
                # "MagicLinkId", "email_id": the record of a link or an address, not it.
                return Suggestion(text, None, 0.0, reason="the code of another record")
        while len(words) > 1 and words[-1] in _AMOUNT_QUALIFIERS:  # "expenditure_total"
            words = words[:-1]
        if (
            words and words[0] in _MONEY and (len(words) == 1 or words[0] != "value")
            and words[-1] not in _ABOUT_AN_AMOUNT
        ):  # fmt: skip
            # "income_donations_and_legacies": field names put the kind first too.
            return self._entry_suggestion(text, "#value", UNSURE, "an amount of money")
        if words and (set(words) & (_STARTS | _ENDS)) and set(words) <= _WHEN:
            # "start-planned", "end (actual)": when something starts or ends.
            tag = "#date+start" if set(words) & _STARTS else "#date+end"
            return self._entry_suggestion(text, tag, UNSURE, "when something starts or ends")
        if "link" in words[:-1] and words[words.index("link") + 1] == "to" and "link" in self.index:
            # "CompanyLinkToGPGInfo", "Link to group": a web address of something.
            return self._entry_suggestion(text, self.index["link"].tag, UNSURE, "a link")
        candidates = []
        if "of" in words[1:]:
            candidates.append(words.index("of") - 1)
        candidates.append(len(words) - 1)
        if words[0] == "date":
            candidates.append(0)  # a list's field names: "date_accounts_received"
        for i in candidates:
            head, rest = words[i], words[:i] + words[i + 1 :]
            if set(rest) & _OTHER_PARTY:
                return None
            if head == "value" and set(rest) & _TIMES:
                return None  # "start_time_value": a time, not an amount
            if head in _MONEY:
                return self._entry_suggestion(text, "#value", UNSURE, "an amount of money")
            if head not in _HEADS or head not in self.index:
                continue
            if _personal_status(head, rest):
                return None  # marital status, legal status: what someone is, not a record's
            tag = self.index[head].tag
            if head in ("date", "datetime", "timestamp"):
                if set(rest) & _STARTS or " sign up " in f" {' '.join(rest)} ":
                    tag = "#date+start"
                elif set(rest) & _ENDS:
                    tag = "#date+end"
                elif set(rest) & _CHANGED:
                    tag = "#date+updated"
            return self._entry_suggestion(text, tag, UNSURE, f"a kind of {head}")
        return None

    def _alternatives(self, text: str) -> Suggestion | None:
        """ "Sector/Cluster", "Country or territory of residence": a header that names one
        thing several ways gets the tag its parts agree on."""
        plain = re.sub(r"[._]+", " ", _BRACKETS.sub(" ", text))
        if _DATE_TIME.search(plain):
            return None  # "Date/Time From": one moment, not a date or a time
        parts = [p for p in _OPTIONS.split(plain) if p.strip()]
        if len(parts) < 2:
            return None
        found = [s for s in (self.suggest(p) for p in parts) if s.tag]
        tags = {s.tag for s in found}
        if len(tags) > 1:
            # "Individual or organisation": the parts disagree, so no one tag fits.
            return Suggestion(text, None, 0.0, reason=_PARTS_DIFFER)
        if not tags:
            return None
        best = max(found, key=lambda s: s.confidence)
        return Suggestion(text, best.tag, min(best.confidence, PARTLY), best.label,
                          f"its parts say {best.label.lower()}")  # fmt: skip

    def _area_code(self, text: str, h: _Header) -> Suggestion | None:
        """ "Region p-code", "Adm1 ID", "Prefecture p-code": the code of an area."""
        words = [*h.owner, *h.field]
        if len(words) < 2 or words[-1] not in _CODE_WORDS | {"number", "no", "urn", "crn"}:
            return None
        if words[-1] in ("number", "no") and _singular(words[-2]) not in _ORG_NOUNS | _PEOPLE:
            return None  # "organisation number", "client number": "phone number" is no code
        if words[-1] == "urn" and _singular(words[-2]) not in _ORG_NOUNS:
            return None  # "School URN", "Provider URN": DfE's and Ofsted's unique reference
        if words[-1] == "crn" and _singular(words[-2]) not in _ORG_NOUNS | _PEOPLE:
            return None  # a case reference number (probation) or a company's registration
        rest = words[:-1]
        if rest and rest[-1] == "p":  # "p-code"
            rest = rest[:-1]
        if rest and _singular(rest[-1]) in _PEOPLE and words[-1] not in ("codes", "uri"):
            # "Member number", "Child ID", "Customer Code": the record ID of a person.
            return self._entry_suggestion(text, "#person+id", PARTLY, "the reference of a person")
        if rest and _singular(rest[-1]) in _ORG_NOUNS:
            # "Organisation code", "reporting-org-ref": an organisation's identifier.
            return self._entry_suggestion(text, "#org+id", PARTLY, "the code of an organisation")
        if rest and rest[-1] in _RELATED | _PLACE_NOUNS | _THING_NOUNS:
            return Suggestion(text, None, 0.0, reason="the code of another record")
        if rest and (rest[-1] in _KINDS_OF or (rest[-1] == "status" and words[-1] == "id")):
            # "organisation_type_id", "Sub-Type Code", "statusid": the code of a type or a
            # status in a table of them, not of the row's organisation or person.
            return Suggestion(text, None, 0.0, reason="the code of a type or a status")
        worker = self.index.get(" ".join(rest))
        if worker is not None and self._key(worker.tag) == "#contact+name":
            # "call_handler_id", "caseworker ID": the record of the member of staff, whose
            # name is the contact's.
            return Suggestion(text, None, 0.0, reason="the code of another record")
        for start in range(len(rest)):
            area = self.index.get(" ".join(rest[start:]))
            if area is not None and area.tag in _AREA_CODES:
                return self._entry_suggestion(
                    text, _AREA_CODES[area.tag], PARTLY, f"the code of a {area.label.lower()}"
                )
            if area is not None and area.tag.startswith("#adm"):
                # "Polling district ID": the code of the longest area named (a polling
                # district, a parish), not of a shorter one inside its name (a district).
                return Suggestion(text, None, 0.0, reason=_NO_AREA_TAG)
        return None

    def _entry_suggestion(
        self, text: str, tag: str | None, confidence: float, reason: str
    ) -> Suggestion:
        if tag is None:
            return Suggestion(text, None, confidence, reason=reason)
        entry = self.dictionary.entry(tag)
        return Suggestion(text, entry.tag, confidence, entry.label, reason)

    def _thing_name(self, text: str, h: _Header) -> Suggestion | None:
        """ "practice_name", "Site name", "Recipient Org:Name", "Name of organisation",
        "Grant Programme:Title", "OrganisationLabel": the name of something that is not a
        person."""
        field = h.field
        if len(field) > 2 and field[0] in ("name", "names", "title") and field[1] == "of":
            field = [*field[2:], field[0]]  # "Name of Warm Centre": the warm centre's name
        named = {"name", "names", "title", "label"} & set(field)
        if not named or len(field) > 4 or field[-1] not in named:
            return None
        # "Property name", "Venue name": a place's name, though "property postcode" is a
        # postcode like any other.
        fillers = _FILLERS - _PLACE_NOUNS - {"venue"}
        ignore = named | fillers | {"alternate", "other", "short", "official"}
        words = [w for w in [*h.owner, *field] if w not in ignore]
        if not words:
            return None
        if words[-1] in _KIND_WORDS:
            # "Location type name", "Org category name": the name of a kind of thing.
            return Suggestion(text, None, 0.0, reason="the name of a kind, not of a thing")
        # "Region name", "Ward name": the name of an area the standard has a tag for.
        entry = self.index.get(" ".join(words))
        if words == ["area"]:
            entry = None  # "Area name": any kind of area (a council's, a ward's), not a locality
        if entry is not None and entry.tag.startswith(_NAMED):
            label = entry.label.lower()
            article = "an" if label[:1] in ("a", "e", "i", "o", "u") else "a"
            return Suggestion(text, entry.tag, 0.9, entry.label, f"the name of {article} {label}")
        # Otherwise the nearest noun says whose name it is ("Beneficiary Location:Name").
        nouns = [
            _singular(w) for w in words
            if _singular(w) in _ORG_NOUNS | _PLACE_NOUNS | _THING_NOUNS | {"org"}
        ]  # fmt: skip
        if not nouns:
            return None
        noun = nouns[-1]
        if noun in _ORG_NOUNS or noun in ("org", "organisation"):
            if "name" not in named:
                return Suggestion(text, None, 0.0, reason="the title of a thing, not a person")
            return self._entry_suggestion(text, "#org+name", 0.9, "the name of an organisation")
        if noun in _PLACE_NOUNS and "name" in named:
            return self._entry_suggestion(text, "#loc+name", 0.9, "the name of a place")
        return Suggestion(text, None, 0.0, reason="the name of a thing, not a person")

    def _suffix(self, text: str, h: _Header) -> Suggestion | None:
        """A header that ends with a synonym, after words that say whose it is."""
        words = h.field if h.field else (h.keys[-1].split() if h.keys else [])
        for start in range(1, len(words)):
            key = " ".join(words[start:])
            entry = self.index.get(key)
            if entry is None or key in _FILLERS:
                continue
            dropped = {_singular(w) for w in [*words[:start], *h.owner]}
            if dropped & _OTHER_PARTY and not (set(key.split()) & _OTHER_PARTY):
                return None
            if _personal_status(key, dropped):
                return None
            if dropped & _ADMIN and not entry.tag.startswith("#adm"):
                return None  # "admin_county" is an area, not the county line of an address
            measured = dropped & _MEASURES and dropped <= _WHOSE | _FILLERS | _MEASURES
            if entry.datatype == "number" and measured:
                # "Unit cost", "Total amount", "Weekly income": an amount, measured so.
                return Suggestion(text, entry.tag, PARTLY, entry.label, f"ends with '{key}'")
            if dropped <= _WHOSE | _FILLERS:
                # Words that are only fillers ("Client's date of birth") leave nothing
                # unexplained; words that say whose it is ("Provider postcode") may name
                # someone other than the row.
                sure = 0.9 if dropped <= _FILLERS and key not in entry.loose else PARTLY
                return Suggestion(text, entry.tag, sure, entry.label, f"ends with '{key}'")
            return None
        return None

    def _contained(self, text: str, h: _Header) -> Suggestion | None:
        """A synonym whose words all appear in the header, compared by their stems.

        The header's other words must be fillers, unless the synonym itself has
        two or more real words ("main language", "email address"): that is
        strong enough evidence on its own.
        """
        best: tuple[float, int, str] | None = None
        for key in h.keys:
            words = _stems(key.split())
            others = words & self._other_stems
            for syn_words, syn in self._stem_sets:
                if others - syn_words:
                    continue
                content = syn_words - self._filler_stems
                if not content or not syn_words <= words:
                    continue
                # Numbers that count columns ("sic text 1") say nothing of the kind.
                extra = {w for w in words - syn_words - self._filler_stems if not w.isdigit()}
                if extra and extra <= self._code_stems and self._identifier(syn):
                    extra = set()  # "UPRN ID", "NHS number ref": an identifier's own word
                if not self._in_order(key, syn, ordered=bool(extra)):
                    continue  # "post code district" has no "district code" in it
                if _identifies_another(key, syn) and not self._in_order(key, syn, ordered=True):
                    continue  # "contact key" is no "key contact": it identifies a contact
                if extra and len(content) < 2:
                    continue
                if _personal_status(syn, key.split()):
                    continue  # "Residential status": a person's, not the record's
                if set(key.split()) & _REQUESTS - set(syn.split()) and self._identifier(syn):
                    continue  # "service_request_id": a request's reference, not the service's
                if extra & self._code_stems and self.index[syn].datatype == "date":
                    continue  # "provider_id_last_seen": an identifier, named after a date
                confidence = 0.9 if not extra else PARTLY
                candidate = (confidence, len(syn), syn)
                if best is None or candidate > best:
                    best = candidate
        if best is None:
            return None
        confidence, _, syn = best
        entry = self.index[syn]
        literal = any(set(syn.split()) <= set(key.split()) for key in h.keys)
        if not literal and " " not in syn and _STEM_ONLY & set(h.keys[-1].split()):
            return None  # "Time" is not "times" (opening times), "active" not "activity"
        if syn in entry.loose or not literal:
            # A word that often means other things, or one that only shares its stem
            # ("active" is not "activity"): for a person to confirm.
            confidence = min(confidence, PARTLY)
        return Suggestion(text, entry.tag, confidence, entry.label, f"contains '{syn}'")

    def _refined(self, text: str, found: Suggestion) -> Suggestion:
        """What the header's other words say of the tag found: the line of an address
        ("building and street line 2"), a phone for text messages (a mobile)."""
        tag = self._key(found.tag)
        words = self._unglued(normal_key(_split_camel(text))).split()
        if tag in _ADDRESS_LINES and words and words[-1].isdigit():
            line = _ADDRESS_LINES[min(int(words[-1]), 3) - 1] if int(words[-1]) >= 1 else tag
            if line != tag:
                return self._entry_suggestion(
                    text, line, found.confidence, f"line {words[-1]} of an address"
                )
        if tag in _NAMES_OF_ANYONE | {"#activity+name"} and words and words[-1] in _ABOUT:
            # "Activities description": what something is about, not its name.
            return Suggestion(text, None, 0.0, reason=f"a {words[-1]}, not a name")
        if tag == "#value" and len(words) > 1 and words[-1] in _ABOUT_AN_AMOUNT:
            # "AmountDescription", "Cost notes": about an amount, not the amount.
            return Suggestion(text, None, 0.0, reason=f"the {words[-1]} of an amount")
        if tag in _PERSON_NAME_TAGS and set(words) & _BEFORE:
            # "Previous surname", "maiden name": a name the person had, not the one they have.
            return Suggestion(text, None, 0.0, reason="a name the person had before")
        if tag in _ADDRESS_PARTS and set(words) & _FORMERLY:
            # "Previous postcode", "former address": where the person lived, not lives.
            return Suggestion(text, None, 0.0, reason="an address the person had before")
        if tag == "#contact+url" and set(words) & _NOT_A_WEBSITE:
            # "image_url", "facebook_page_url": a picture or a profile elsewhere.
            return Suggestion(text, None, 0.0, reason="a picture's or a social network's address")
        if tag in _PERSON_NAME_TAGS | _NAME_PARTS and set(words) & _SPOKEN:
            # "Phonetic First Name", "Given Name Yomi": how a name is said, beside the name.
            return Suggestion(text, None, 0.0, reason="how a name is said, not the name")
        numbered = any(w.isdigit() and int(w) >= 2 for w in words)
        if tag == "#contact+email" and (numbered or set(words) & _SECOND):
            # "E-mail 2 Address", "Secondary Email", "Contact1 Alternate Email": an
            # address beyond the person's own.
            return Suggestion(text, None, 0.0, reason="a second e-mail address")
        if tag == "#contact+phone" and words and words[-1].isdigit() and int(words[-1]) >= 2:
            # "Phone 2", "Tel2": a second number, beyond the main one.
            return self._entry_suggestion(
                text, "#contact+other+phone", found.confidence, "a second phone number"
            )
        if tag == "#contact+phone" and set(words) & _TEXT_MESSAGES:
            return self._entry_suggestion(
                text, "#contact+mobile+phone", found.confidence, "a number for text messages"
            )
        return found

    def _identifier(self, synonym: str) -> bool:
        entry = self.index[synonym]
        return entry.datatype in ("id", "nhs_number") or entry.key == "#loc+uprn"

    @functools.cached_property
    def _code_stems(self) -> frozenset[str]:
        return _stems(_CODE_WORDS | {"number", "no"})

    def _in_order(self, key: str, synonym: str, ordered: bool) -> bool:
        """A synonym's words appear in the header, each as itself or an inflection of it
        ("nations" for "nation"; "nationality" is another word), and in its order when the
        header has other words too."""
        words = key.split()
        start = 0
        for want in synonym.split():
            stem = _stems([want])
            for i in range(start if ordered else 0, len(words)):
                if _stems([words[i]]) == stem and len(want) - 3 <= len(words[i]) <= len(
                        want) + 3 - (len(want) > len(words[i])):  # fmt: skip
                    start = i + 1
                    break
            else:
                return False
        return True

    def _options(self, text: str) -> Suggestion | None:
        """A header that names the choices ("Halal/Veg", "Large print/braille"):
        every part is a value of the same code list."""
        parts = [p for p in _OPTIONS.split(_BRACKETS.sub(" ", text)) if p.strip()]
        if len(parts) < 2:
            return None
        for entry in self.dictionary.entries:
            codes = self.dictionary.codelist_for(entry)
            usable = codes is not None and codes.name != "yes_no"
            if usable and all(codes.canonical(p) for p in parts):
                return Suggestion(
                    text, entry.tag, 0.86, entry.label, f"lists values of {codes.name}"
                )
        return None

    def _near(self, text: str, h: _Header) -> Suggestion:
        from rapidfuzz import fuzz, process

        top: tuple[float, str] = (0.0, "")
        plain = re.sub(r"[^A-Za-z0-9]", "", text)
        if plain.isupper() and len(plain) <= 6:
            # "UKPRN" is not a slip of "UPRN": a letter more or less makes another acronym.
            return Suggestion(text, None, 0.0, reason=_NO_FIT)
        for key in h.keys:
            if len(key) < 4:
                continue
            # A header of real words near another phrase ("status date", "start date")
            # is more likely that other phrase's neighbour than its typo.
            cutoff = 90 if all(w in self._vocabulary for w in key.split()) else 85
            found = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found and found[1] > top[0]:
                top = (found[1], found[0])
        if not top[1]:
            return Suggestion(text, None, 0.0, reason=_NO_FIT)
        spelt = {w for key in h.keys for w in key.split()}
        near = set(top[1].split())
        if any(fuzz.ratio(w, v) >= 70 for w in (spelt - near) & _OTHER_PARTY for v in near - spelt):
            # "Parent first name" is no slip of "patient first name": another person's.
            return Suggestion(text, None, 0.0, reason=f"another person's (closest was '{top[1]}')")
        # A header spelt like a known one, not the same: for a person to confirm.
        confidence = min(round(0.9 * top[0] / 100, 3), UNSURE)
        entry = self.index[top[1]]
        if confidence < LOWEST:
            return Suggestion(text, None, confidence, reason=f"closest was '{top[1]}'")
        return Suggestion(text, entry.tag, confidence, entry.label, f"looks like '{top[1]}'")

    # ------------------------------------------------------------------ a sheet
    def suggest_columns(
        self, headers: Sequence[object], values: Sequence[Sequence[object]] | None = None
    ) -> list[Suggestion]:
        """The best tag for each column of one sheet, from its headers and values."""
        from .content import profile

        out = [self.suggest(h) for h in headers]
        profiles = (
            [profile(v, self.dictionary) for v in values]
            if values is not None else [{} for _ in headers]
        )  # fmt: skip
        out = self._numbered_parties(
            headers, self._first_line(self._lines_of_an_address(self._namespaced(headers, out)))
        )
        out = self._one_party(headers, out)
        kind = self.sheet_kind(headers, out, profiles)
        if kind == "things":
            out = [self._as_owner(s) if s.tag is None else s for s in out]
        before = out
        out = [self._in_kind(s, kind) for s in out]
        if kind == "people":
            out = self._languages_people_speak(headers, out)
        if kind == "things":
            out = self._organisation_key(self._other_names(self._place_names(out)))
        if kind == "things" and any(self._key(s.tag) == "#org+name" for s in out):
            # "URN", "Reference" in a list of organisations: its own reference for each.
            out = [
                self._entry_suggestion(s.header, "#org+id", UNSURE, _OWN_REFERENCE)
                if self._key(b.tag) == "#person+id" and s.tag is None else s
                for b, s in zip(before, out, strict=True)
            ]  # fmt: skip
        if kind in ("things", "services"):
            out = self._owned_rows(out)
        if values is not None:
            read = out
            out = [self._with_values(s, p, kind) for s, p in zip(out, profiles, strict=True)]
            out = self._one_web_address(read, out)
        if kind == "people":
            out = self._own_and_other_addresses(out)
        out = self._another_places_address(out)
        out = self._details_of_fields(self._second_contacts(out))
        out = self.weighed(self._paired(headers, self._numbered_people(headers, out)), profiles)
        out = self._other_answers(self._row_ids_beside_whose(out))
        return self._address_rows(self._bare_list(out)) if kind == "people" else out

    def _languages_people_speak(
        self, headers: Sequence[object], found: list[Suggestion]
    ) -> list[Suggestion]:
        """ "Languages" in a list of residents, clients or pupils that says nothing of
        volunteering: the languages the person speaks, not a volunteer's to offer."""
        volunteers = any(
            _words(h) & {"volunteer", "volunteers", "volunteering"}
            or (
                (self._key(s.tag) or "").startswith(("#volunteer+", "#person+volunteer"))
                and self._key(s.tag) != "#volunteer+language"
            )
            for h, s in zip(headers, found, strict=True)
        )
        if volunteers:
            return found
        return [
            self._entry_suggestion(s.header, "#person+language", s.confidence,
                                   "the languages of the people listed")
            if self._key(s.tag) == "#volunteer+language"
            and set(_header_words(s.header)) <= {"languages", "language", "spoken"}
            else s
            for s in found
        ]  # fmt: skip

    def _other_answers(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "other_gender" beside "gender": the words someone wrote when they chose "Other"
        from a field's list of answers, not the answer. Only for fields with a list of
        answers: "Other phone" beside "Phone" is a second number."""
        fields = {tuple(_header_words(s.header)): self._key(s.tag) for s in found if s.tag}
        out = []
        for s in found:
            words = tuple(_header_words(s.header))
            key = self._key(s.tag)
            listed = key is not None and self.dictionary.entry(key).codelist
            if listed and len(words) > 1 and words[0] == "other" and fields.get(words[1:]) == key:
                s = Suggestion(s.header, None, 0.0, reason="the details of an answer 'Other'")
            out.append(s)
        return out

    def _row_ids_beside_whose(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "id" beside "resident_id": the rows are records about people (help requests,
        case notes, calls), each with its own ID, and the person's reference is the
        column that says whose it is. Read as the person's, the row's own ID would say
        that two requests of one resident are two people. So beside "ServiceId": the
        rows are a service's costs, contacts or languages."""
        whose = [
            s.header for s in found
            if (self._key(s.tag) == "#person+id" and _words(s.header) & _REFERENCED_PEOPLE)
            or (self._key(s.tag) == "#service+id" and len(_header_words(s.header)) > 1)
        ]  # fmt: skip
        if not whose:
            return found
        why = f"the row's own ID; whose the row is says '{whose[0]}'"
        return [
            Suggestion(s.header, None, 0.0, reason=why)
            if self._key(s.tag) == "#person+id" and _header_words(s.header) in _ROW_IDS
            else s
            for s in found
        ]  # fmt: skip

    def _address_rows(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "id, address_line_1, town_or_city, postcode": a table of addresses (one that a
        list of people points to), whose reference is the address's, not a person's."""
        keys = [self._key(s.tag) for s in found if s.tag]
        lines = [k for k in keys if k in _ADDRESS_PARTS | {"#loc+uprn"}]
        # Nothing else about a person: no name, birthday, phone or e-mail address beside
        # the address (a service's location has its map reference and the service's id).
        personal = [
            k for k in keys
            if k != "#person+id" and (_about_a_person(k) or k.startswith("#contact+"))
            and k not in _ADDRESS_PARTS
        ]  # fmt: skip
        if len(lines) < 3 or "#person+id" not in keys or personal:
            return found
        return [
            Suggestion(s.header, None, 0.0, reason="the reference of an address")
            if self._key(s.tag) == "#person+id" and not _words(s.header) & (_PEOPLE | _PERSON_WORDS)
            else s
            for s in found
        ]  # fmt: skip

    def _owned_rows(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "id", "name" beside "organisation_id", "organisation_name": the organisation
        has its own columns, so the bare name and reference are the row's, a service (a
        sheet that says what it offers, where and for whom) or a place (a sheet of
        addresses and coordinates)."""
        owner = [
            s for s in found
            if self._key(s.tag) in ("#org+name", "#org+id")
            and set(_header_words(s.header)) & _OWNERS
        ]  # fmt: skip
        if not owner:
            return found
        keys = {self._key(s.tag) for s in found if s.tag}
        if keys & _SERVICE_FIELDS:
            name, ref, what = "#service+name", "#service+id", "a service"
        elif keys & _PLACE_FIELDS:
            name, ref, what = "#loc+name", None, "a place"
        else:
            return found
        out = []
        for s in found:
            words = _header_words(s.header)
            if s in owner or len(words) != 1 or words[0] not in ("name", "id", "description"):
                out.append(s)
                continue
            if words[0] == "description":
                described = what == "a service" and s.tag is None
                out.append(self._entry_suggestion(
                    s.header, "#service+description", UNSURE, f"the description of {what}"
                ) if described else s)  # fmt: skip
                continue
            tag = name if words[0] == "name" else ref
            why = f"the name or reference of {what}, beside its organisation's own"
            out.append(self._entry_suggestion(s.header, tag, UNSURE if tag else 0.0, why))
        return out

    def _one_party(self, headers: Sequence[object], found: list[Suggestion]) -> list[Suggestion]:
        """ "Carer name", "Carer date of birth", "Carer postcode": where every header about
        a person names the same other party (a carer, a parent) and nothing else is about
        a person, the rows are those people (a carers' register, a check of parents'
        eligibility), not someone else's carers. For a person to confirm."""
        party_cols: dict[str, list[int]] = {}
        for i, header in enumerate(headers):
            words = _header_words(header)
            if len(words) >= 2 and _singular(words[0]) in _LISTED_PARTIES:
                party_cols.setdefault(_singular(words[0]), []).append(i)
        if len(party_cols) != 1:
            return found
        ((party, cols),) = party_cols.items()
        personal = [i for i, s in enumerate(found) if self._key(s.tag) in _PERSONAL_FIELDS]
        if len(cols) < 2 or any(i not in cols for i in personal):
            return found
        out = list(found)
        for i in cols:
            own = self.suggest(" ".join(_header_words(headers[i])[1:]))
            if self._key(own.tag) in _PERSONAL_FIELDS and found[i].tag in (None, own.tag):
                out[i] = dataclasses.replace(
                    own,
                    header=found[i].header,
                    confidence=min(own.confidence, UNSURE),
                    reason=f"{own.reason}, in a list of each {party}'s details",
                )
        return out

    def _bare_list(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "id, name, slug, description": a sheet with nothing about people but a name
        and a reference is a list of people only by default (a lookup table of
        permissions, rooms or categories has the same columns), so a person confirms."""
        keys = {self._key(s.tag) for s in found if s.tag}
        if len(found) < 2 or not keys or not keys <= _BARE:
            return found
        if any(set(_header_words(s.header)) & _PEOPLE for s in found):
            return found  # "Client ID", "Member name": the headers say whom the list is of
        return [
            _doubted(s, "with nothing else about people beside it")
            if s.confident else s
            for s in found
        ]  # fmt: skip

    def _second_contacts(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "seniorContactEmail" beside "mainContactEmail", "Secondary contact phone"
        beside "Primary contact phone": the fields of a main contact (a person: "contact",
        "carer"), then the same fields of another person (two or more of them). The main
        one's are the row's; the other's get no tag. "Secondary phone" beside "Primary
        phone" is the same person's other number, and stays."""
        main: set[tuple[str, ...]] = set()
        for s in found:
            words = _header_words(s.header)
            whom = words[1:2] and (words[1] in _WHO_PAIRS | _PEOPLE | _ROLES)
            if len(words) >= 3 and words[0] in _MAIN and whom and s.tag is not None:
                main.add(tuple(words[1:]))
        others: dict[str, list[int]] = {}
        for i, s in enumerate(found):
            words = _header_words(s.header)
            if len(words) >= 2 and words[0] not in _MAIN | _FILLERS and tuple(words[1:]) in main:
                others.setdefault(words[0], []).append(i)
        out = list(found)
        for who, columns in others.items():
            if len(columns) < 2:
                continue
            for i in columns:
                why = f"the {who} one's: the main one's fields are beside it"
                out[i] = Suggestion(out[i].header, None, 0.0, reason=why)
        return out

    def _details_of_fields(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "projectStartDateCheck" beside "projectStartDate", "Email verified" beside
        "Email": a header that is another's with words after it, read only as that one
        (unsure), is a detail of that field (whether it was checked, its other value), not
        the field again: no tag. One or two words after it, not only fillers ("as
        entered")."""
        sure = {
            tuple(_header_words(s.header)): self._key(s.tag) for s in found
            if s.confident and s.tag is not None
        }  # fmt: skip
        out = []
        for s in found:
            words = _header_words(s.header)
            if s.tag is not None and not s.confident and words and not words[-1].isdigit():
                for n in range(len(words) - 1, max(len(words) - 3, 0), -1):
                    if set(words[n:]) <= _FILLERS:
                        continue  # "town_or_city_as_entered": the same field, as written
                    if sure.get(tuple(words[:n])) == self._key(s.tag):
                        field = " ".join(words[:n])
                        s = Suggestion(s.header, None, 0.0, reason=f"a detail of '{field}'")
                        break
            out.append(s)
        return out

    def _organisation_key(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "Organisation" beside "Name of Organisation" or "name": the organisation's name
        is the other column, so the bare one is how the list refers to it (an acronym, a
        register's code), as a database names a key after what it points to."""
        bare = [_words(s.header) <= _ORG_NOUNS and len(_words(s.header)) == 1 for s in found]
        named = any(
            self._key(s.tag) == "#org+name" and "name" in _words(s.header) and not is_bare
            for s, is_bare in zip(found, bare, strict=True)
        )
        if not named:
            return found
        return [
            self._entry_suggestion(s.header, "#org+id", UNSURE, "its name is in the column beside")
            if is_bare and self._key(s.tag) == "#org+name" else s
            for s, is_bare in zip(found, bare, strict=True)
        ]  # fmt: skip

    def _place_names(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "Name" beside "Provider" or "Managed by", or beside "Venue address": in a
        list that is not of people, the rows are places (a care home, a leisure centre, a
        warm space) whose running organisation, if any, is named in another column, so
        the plain name is the place's. Unsure: a person confirms."""
        plain = [_is_plain_name(s.header) and self._key(s.tag) == "#org+name" for s in found]
        if not any(plain):
            return found
        runs = venue = False
        for s, is_plain in zip(found, plain, strict=True):
            if is_plain:
                continue
            words = _words(s.header)
            runs |= self._key(s.tag) == "#org+name" and bool(words & _RUNS_IT)
            venue |= bool(words & _VENUE_WORDS)
        if not (runs or venue):
            return found
        why = "a place's name: " + (
            "who runs it is named beside it" if runs else "the other columns are a venue's"
        )
        return [
            self._entry_suggestion(s.header, "#loc+name", UNSURE, why) if is_plain else s
            for s, is_plain in zip(found, plain, strict=True)
        ]  # fmt: skip

    def _other_names(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "Other Name" beside "Camp Name": in a list of places, another name of the
        place, not of an organisation; beside a place's name and an organisation's, of
        either, so for a person to choose."""
        names = {self._key(s.tag) for s in found if s.reason != _ANOTHER_NAME}
        if "#loc+name" not in names:
            return found
        either = "#org+name" in names
        return [
            (Suggestion(s.header, None, 0.0, reason=f"{s.reason}: a place's or an organisation's")
             if either else self._entry_suggestion(s.header, "#loc+name", s.confidence, s.reason))
            if s.reason == _ANOTHER_NAME else s
            for s in found
        ]  # fmt: skip

    def _one_web_address(self, read: list[Suggestion], found: list[Suggestion]) -> list[Suggestion]:
        """A column of web addresses whose header says nothing, beside one whose header
        says it is the row's website: a link to something else (a map, a source).
        ``read``: the suggestions from the headers, ``found``: after the values."""
        url = "#contact+url"
        if not any(self._key(r.tag) == url for r in read):
            return found
        return [
            Suggestion(s.header, None, 0.0, reason="a link to something else, beside the website")
            if self._key(s.tag) == url and self._key(r.tag) != url else s
            for r, s in zip(read, found, strict=True)
        ]  # fmt: skip

    def _own_and_other_addresses(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "Business Street" beside "Home Street" in a list of people: the standard holds
        one address for a person, their own, so the fields of the other address (work,
        other) get no tag, and its phone is another number."""

        def parts(s: Suggestion) -> tuple[str, str]:
            numbered = _NUMBERED_PARTY.match(s.header.strip())  # "Contact1 Work Phone"
            words = normal_key(_split_camel(numbered[3] if numbered else s.header)).split()
            return (words[0], " ".join(words[1:])) if len(words) >= 2 else ("", "")

        own = {rest for q, rest in map(parts, found) if q in _OWN_ADDRESS}
        out = []
        for s in found:
            q, rest = parts(s)
            key = self._key(s.tag) or ""
            if q in _OTHER_ADDRESS and rest in own:
                if key in _ADDRESS_PARTS or key.startswith(("#country", "#adm")):
                    s = Suggestion(
                        s.header, None, 0.0, reason=f"the {q} address, not the person's own"
                    )
                elif key == "#contact+phone":
                    s = self._entry_suggestion(
                        s.header, "#contact+other+phone", PARTLY, f"a {q} number, not the own one"
                    )
                elif key == "#contact+email":
                    s = Suggestion(s.header, None, 0.0, reason=f"the {q} e-mail, not the own one")
            out.append(s)
        return out

    def _field_prefix(self, s: Suggestion) -> tuple[str, ...] | None:
        """The words before the known header in a header read as a part of an address:
        () for "Post_Code", ("polling", "place") for "Polling_Place_Postcode"; ``None``
        where no ending of the header is a known header of its tag."""
        words = _header_words(s.header)
        key = self._key(s.tag)
        for k in range(len(words)):
            found = self.suggest(" ".join(words[k:]))
            if self._key(found.tag) == key and "is a known header" in found.reason:
                return tuple(words[:k])
        return None

    def _another_places_address(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "Postcode" and "AddressLine1" beside "PollingStationPostCode" and
        "PollingStationAddress1": a row has one address of its own, written plainly (or
        as the home's or the house's), and the fields under another name are another
        place's (a polling station, a work place, a GP practice) with it, its name too:
        no tag. Not where every set of fields has a name before it ("Recipient Org:" and
        "Funding Org:", "gp_" and "pds_"): there neither is plainly the row's."""
        keys = [self._key(s.tag) for s in found]
        prefixes = [
            self._field_prefix(s) if k in _ADDRESS_PARTS else None
            for s, k in zip(found, keys, strict=True)
        ]
        own = {p for p in prefixes if p is not None and (not p or set(p) <= _OWN_ADDRESS)}
        if not own:
            return found
        # Another name before a set of fields (two at least: "SubStreetName" alone is a
        # part), and not one that is itself a part of an address ("building_and_street").
        others = {
            p for p, n in Counter(p for p in prefixes if p).items()
            if n >= 2 and not set(p) & _OWN_ADDRESS
            and self._key(self.suggest(" ".join(p)).tag) not in _ADDRESS_PARTS
        }  # fmt: skip
        if not others:
            return found
        out = []
        for s, k, p in zip(found, keys, prefixes, strict=True):
            if p is None and k in ("#loc+name", "#org+name", "#loc+uprn", "#geo+lat", "#geo+lon"):
                words = tuple(_header_words(s.header))
                p = next((o for o in others if words[: len(o)] == o), None)
            if p in others:
                whose = " ".join(p)
                s = Suggestion(s.header, None, 0.0, reason=f"the {whose}'s, not the row's own")
            out.append(s)
        return out

    def weighed(
        self, found: list[Suggestion], profiles: Sequence[dict[str, float]] | None = None
    ) -> list[Suggestion]:
        """Each suggestion weighed against what other lists' headers say (the model of
        :mod:`.header_model`): an unread header may get the tag such headers have, for a
        person to confirm, and a confident suggestion from the header alone is left for a
        person to confirm where such headers seldom have its tag. What the column's
        values said (``profiles``, one per column, from :func:`.content.profile`) is
        not overruled."""
        if self.model is None or not found:
            return found
        chances = self.model.probabilities([_question(s.header) for s in found])
        profiles = profiles if profiles is not None else [{} for _ in found]
        return [self._weigh(*each) for each in zip(found, chances, profiles, strict=True)]

    def _values_agree(self, tag: str, found: dict[str, float]) -> bool:
        """Most of a column's values are clearly of the tag's kind."""
        from .content import fits

        entry = self.dictionary.lookup(tag)
        if entry is None:
            return False
        # A web address must look like one here ("fits" takes any text for one).
        share = found["url"] if entry.datatype == "url" else fits(entry, found, self.dictionary)
        return _agrees(share, found)

    def _weigh(
        self, s: Suggestion, chances: dict[str, float], found: dict[str, float]
    ) -> Suggestion:
        from .header_model import DOUBT, FILL, NO_TAG

        if s.tag is None:
            if s.reason != _NO_FIT:
                return s  # a rule said why it has none
            tag, chance = max(((t, c) for t, c in chances.items() if t != NO_TAG),
                              key=lambda tc: tc[1])  # fmt: skip
            entry = self.dictionary.lookup(tag)
            if chance < FILL or entry is None or entry.group == "Results":
                return s
            return Suggestion(
                s.header, entry.tag, UNSURE, entry.label,
                f"in other lists, headers like it are mostly {entry.label} ({entry.tag})",
            )  # fmt: skip
        if not s.confident or "values" in s.reason or s.reason == "already a tag":
            return s
        if found and self._values_agree(s.tag, found):
            return s
        kind = _kind_of_field(self._key(s.tag))
        chance = sum(c for t, c in chances.items() if self._class_kinds.get(t) == kind)
        if chance >= DOUBT:
            return s
        return _doubted(s, "but in other lists headers like it are often something else")

    def _numbered_people(
        self, headers: Sequence[object], found: list[Suggestion]
    ) -> list[Suggestion]:
        """ "age1", "age2" ... "age8": a household's members, one numbered column each. A
        row is the first of them; the others are other people, whose columns get no tag.
        Only for what a person has one of ("Skill 2" is the same person's second skill)."""
        numbered: dict[str, list[tuple[int, int]]] = {}
        for i, (header, s) in enumerate(zip(headers, found, strict=True)):
            words = normal_key(_split_camel(str(header or ""))).split()
            tag = self._key(s.tag)
            if len(words) >= 2 and words[-1].isdigit() and tag in _ONE_EACH:
                numbered.setdefault(" ".join(words[:-1]), []).append((int(words[-1]), i))
        out = list(found)
        for columns in numbered.values():
            first = min(n for n, _ in columns)
            for n, i in columns:
                if len(columns) >= 2 and n != first:
                    out[i] = Suggestion(
                        out[i].header, None, 0.0,
                        reason="another person's: one numbered column for each person",
                    )  # fmt: skip
        return out

    def _numbered_parties(
        self, headers: Sequence[object], found: list[Suggestion]
    ) -> list[Suggestion]:
        """ "Contact1 First Name" ... "Contact2 First Name": the fields of two people (or
        of two organisations, two allocations) under one numbered prefix each. The first
        set is the row's own, read as the field after the prefix; a later set is
        another's, and what only one person or one address has one of gets no tag there.
        A first organisation's address beside the row's own address is not the row's."""
        sets: dict[str, dict[int, list[tuple[int, str]]]] = {}
        for i, header in enumerate(headers):
            m = _NUMBERED_PARTY.match(str(header or "").strip())
            if m and not self._a_level(m.group(1) + m.group(2)):
                prefix = normal_key(_split_camel(m.group(1)))
                sets.setdefault(prefix, {}).setdefault(int(m.group(2)), []).append((i, m.group(3)))

        def repeated(numbers: dict[int, list[tuple[int, str]]]) -> bool:
            """Counted from one, with a later number repeating a field of the first."""
            first = {normal_key(f) for _, f in numbers[min(numbers)]}
            later = {normal_key(f) for n, cols in numbers.items() if n != min(numbers)
                     for _, f in cols}  # fmt: skip
            return min(numbers) <= 1 and bool(first & later)

        sets = {prefix: numbers for prefix, numbers in sets.items() if repeated(numbers)}
        numbered = {i for numbers in sets.values() for cols in numbers.values() for i, _ in cols}
        own = {self._key(s.tag) for i, s in enumerate(found) if i not in numbered}
        out = list(found)
        for prefix, numbers in sets.items():
            words = set(prefix.split())
            party = words & (_PEOPLE | _ROLES | _PARTIES)
            others = bool(words & _OTHER_SETS)  # every set someone else's: referees
            for n, cols in numbers.items():
                for i, field in cols:
                    inner = self.suggest(field)
                    s, key = found[i], self._key(inner.tag)
                    keys = {k for k in (key, self._key(s.tag)) if k}
                    if n != min(numbers) or others:
                        if any(k in _ONE_EACH or k in _ADDRESS_PARTS or k.startswith(_ONES_OWN)
                               for k in keys):  # fmt: skip
                            out[i] = Suggestion(
                                s.header, None, 0.0,
                                reason=f"another's: one numbered set of columns for each {prefix}",
                            )  # fmt: skip
                    elif (
                        not party
                        and keys & own
                        and any(
                            k in _ADDRESS_PARTS or k.startswith(("#country", "#adm", "#contact+"))
                            for k in keys
                        )
                    ):
                        # "Account1 Street" beside "Home Street".
                        out[i] = Suggestion(
                            s.header, None, 0.0, reason=f"the {prefix}'s, beside the row's own"
                        )
                    elif not party and key == "#person+name" and words & _ORG_PARTIES:
                        out[i] = self._entry_suggestion(
                            s.header, "#org+name", UNSURE, f"the name of the {prefix}"
                        )
                    elif inner.tag is not None and (
                        s.tag is None or not s.confident or self._key(s.tag) != key
                    ):
                        out[i] = Suggestion(
                            s.header, inner.tag, min(inner.confidence, PARTLY), inner.label,
                            f"{inner.reason}, of the first {prefix}",
                        )  # fmt: skip
        return out

    def _lines_of_an_address(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "state" or "County" beside "street", "city" and "zip": a line of the address
        the row has, not the region it is in."""
        keys = [self._key(s.tag) for s in found]
        street = any(
            k in ("#contact+address+line1", "#contact+address+town") and s.confident
            for k, s in zip(keys, found, strict=True)
        )
        if not street or "#contact+address+postcode" not in keys:
            return found
        out = []
        for k, s in zip(keys, found, strict=True):
            unread = k is None and s.reason == _PARTS_DIFFER
            if (unread or (k in ("#adm1+name", "#adm2+name") and not s.confident)) and (
                _words(s.header) & _STATES
            ):
                s = self._entry_suggestion(
                    s.header, "#contact+address+line3", UNSURE, "a line of the address beside it"
                )
            out.append(s)
        return out

    def _first_line(self, found: list[Suggestion]) -> list[Suggestion]:
        """ "Address" beside "Address2" or "Home address" beside "Home address line 2", with
        no first line of its own: the first line of the address, not all of it."""

        def stem(s: Suggestion, number: str) -> tuple[str, ...]:
            return tuple(w for w in _header_words(s.header) if w not in (number, "line"))

        keys = [self._key(s.tag) for s in found]
        if _LINE1 in keys:
            return found  # "address" beside "AddressLine1" and "AddressLine2": all of it
        seconds = {stem(s, "2") for k, s in zip(keys, found, strict=True) if k == _LINE2}
        return [
            self._entry_suggestion(s.header, _LINE1, s.confidence, "the first line, beside line 2")
            if k == "#contact+address" and stem(s, "1") in seconds else s
            for k, s in zip(keys, found, strict=True)
        ]  # fmt: skip

    def _a_level(self, prefix: str) -> bool:
        """ "adm1", "Address line 2": a numbered level of an area or an address, not one
        of several parties."""
        key = self._key(self.suggest(prefix).tag) or ""
        return key.startswith("#adm") or key in _ADDRESS_PARTS

    def _namespaced(self, headers: Sequence[object], found: list[Suggestion]) -> list[Suggestion]:
        """ "gp_name_given" beside "pds_name_given": one record as two systems hold it, each
        field under its system's prefix. A prefix that puts the same fields side by side is
        a name for where the values came from, not part of what they are."""
        split = [_NAMESPACE.match(str(h or "").strip()) for h in headers]
        owners: dict[str, set[str]] = {}
        for m in split:
            if m:
                owners.setdefault(m.group(2).lower(), set()).add(m.group(1).lower())
        shared: dict[str, int] = {}
        for prefixes in owners.values():
            if len(prefixes) >= 2:
                for p in prefixes:
                    shared[p] = shared.get(p, 0) + 1
        namespaces = {p for p, n in shared.items() if n >= 2}
        if not namespaces:
            return found
        # "attendee_Email" beside "purchaser_Email": when one prefix names the people the
        # list is about, the other names someone else, not another system's copy.
        people = {p for p in namespaces if _singular(p) in _PEOPLE}
        others = namespaces - people if people else set()
        out = []
        for m, s in zip(split, found, strict=True):
            if not m or m.group(1).lower() not in namespaces or _words(m.group(2)) & _ROLES:
                # "adult_safeguarding_lead_first_name": the prefix says which lead, a role
                # at the organisation, not whose record it is.
                out.append(s)
                continue
            inner = self.suggest(m.group(2))  # the field under the prefix
            key = self._key(inner.tag)
            if m.group(1).lower() in others and (
                _about_a_person(key) or (key or "").startswith("#contact+")
            ):
                out.append(Suggestion(s.header, None, 0.0,
                                      reason=f"someone else's: the {m.group(1)}'s"))  # fmt: skip
                continue
            if (s.tag is None or not s.confident) and inner.tag is not None:
                s = Suggestion(s.header, inner.tag, min(inner.confidence, PARTLY), inner.label,
                               f"{inner.reason}, from {m.group(1)}")  # fmt: skip
            out.append(s)
        return out

    def _as_owner(self, s: Suggestion) -> Suggestion:
        """In a list of organisations, "School website" and "Parent charity country" are
        the organisation's own: words that elsewhere name another party (a child's school,
        a parent) say whose the value is."""
        words = normal_key(_split_camel(s.header)).split()
        if not set(words) & _OTHER_PARTY:
            return s
        rest = " ".join(w for w in words if w not in _OTHER_PARTY)
        found = self.suggest(rest) if rest else s
        if found.tag is None or _about_a_person(self._key(found.tag)):
            return s
        return Suggestion(s.header, found.tag, min(found.confidence, PARTLY), found.label,
                          f"{found.reason}, of the organisation itself")  # fmt: skip

    def _paired(self, headers: Sequence[object], found: list[Suggestion]) -> list[Suggestion]:
        """ "area_code" is a local authority's code, so "area_name" beside it is the local
        authority: a name whose code column says what area it is gets that area's tag."""
        stems: dict[str, str] = {}
        for header, s in zip(headers, found, strict=True):
            words = normal_key(_split_camel(str(header or ""))).split()
            if len(words) >= 2 and words[-1] in _CODE_WORDS and self._key(s.tag) in _AREA_NAMES:
                stems[" ".join(words[:-1])] = _AREA_NAMES[self._key(s.tag)]
        if not stems:
            return found
        out = []
        for header, s in zip(headers, found, strict=True):
            words = normal_key(_split_camel(str(header or ""))).split()
            name = stems.get(" ".join(words[:-1])) if len(words) >= 2 and words[-1] in (
                "name", "names") else None  # fmt: skip
            if (
                name
                and self._key(s.tag) != name
                and not (s.confident and s.tag in _AREA_NAMES.values())
            ):
                s = self._entry_suggestion(
                    s.header, name, UNSURE, "the name that goes with the code beside it"
                )
            out.append(s)
        return out

    def sheet_kind(
        self,
        headers: Sequence[object],
        found: Sequence[Suggestion],
        profiles: Sequence[dict[str, float]] | None = None,
    ) -> str:
        """What a sheet's rows are: "people", "services", or "things" (organisations,
        places, grants), from its headers, their suggested tags and, when given, what
        each column's values are (a column of names of organisations says it plainly)."""
        from .content import ORG_NAMES

        person = org = service = 0
        own_reference = False  # an organisation's identifier ("reg_number", "company_id")
        seen: set[str | None] = set()
        said: set[str] = set()  # words about people already counted
        # "Contact1 Birthdate" beside "Contact1 First Name": a contact with a date of birth
        # is a person the list is about, not someone at an organisation.
        personal = {
            w for header, s in zip(headers, found, strict=True)
            if self._key(s.tag) in _PERSON_TAGS - _NAME_PARTS
            for w in _words(header) & _ROLES
        }  # fmt: skip
        # A name in parts is two parts or more: "Other names" alone beside a charity's
        # name and number are the charity's other names, not a person's middle ones.
        in_parts = len({self._key(s.tag) for s in found} & _NAME_PARTS) >= 2
        for header, s, found_in in zip(headers, found, profiles or [{}] * len(found), strict=True):
            if self._key(s.tag) in ("#person+name", "#org+name", "#loc+name", "#contact+name") \
                    and found_in.get("orgname", 0.0) >= ORG_NAMES:  # fmt: skip
                org += 3
                continue
            words = _words(header)
            if len(words) == 1:
                # "publicreferralinstructions": a database's name, all one word.
                words = set(self._unglued(next(iter(words))).split())
            tag = self._key(s.tag)
            if _lists_services(header):
                org += 2  # "service_names": a row with several services runs them
                continue
            if tag in _PERSONAL_NAMES and words & _ROLES - personal:
                continue  # "HeadFirstName": a person at an organisation, not a list of people
            if _another_name(_header_words(header), tag):
                continue  # "Known as", "Other names": whoever the rows are, they have them
            # A residential address is a person's: where someone lives. A word about people
            # in columns with no tag says so once, however many repeat it ("offer_staff",
            # "offer_staff_type", "offer_staff_number": one thing offered, in parts).
            residential = "residential" in words and tag in _ADDRESS_PARTS
            about_people = words & _PERSON_WORDS
            if "referral" in words and (
                (tag or "").startswith("#contact+") or words & _HOW_TO_REFER
            ):
                # "referral_email", "Referral link", "public referral instructions": how to
                # refer someone to a service.
                about_people -= {"referral"}
                service += 1
            if tag is None:
                about_people, said = about_people - said, said | about_people
            if tag in _PERSON_TAGS or about_people or residential:
                person += 1
            if tag in _NAME_PARTS and in_parts:
                # A name written in parts (first, middle, last) is a person's, and
                # says so more plainly than a company or a business address beside it.
                person += 1
            # Web addresses say little of whose a row is (people have web pages too), so
            # however many columns have them ("homepage_url", "blog_url"), they count once.
            # So do amounts of money ("Donation Amount", "Gift Aid amount"): people give
            # and are paid, as organisations are.
            repeated = tag in ("#contact+url", "#value") and tag in seen
            seen.add(tag)
            if (tag in _NOT_PEOPLE_TAGS and not repeated) or words & (
                _ORG_NOUNS | _PLACE_NOUNS | _THING_NOUNS | _ORG_WORDS
            ):
                org += 1
            if tag == "#service+hours":
                org += 1  # opening times: people have none
            own_reference |= tag == "#org+id"
            if tag in _SERVICE_TAGS or words & _SERVICE_WORDS:
                service += 1
        if service >= 2 and service >= person and service * 2 >= org:
            return "services"
        if person and person * 2 >= org:
            return "people"
        personal = {self._key(s.tag) for s in found if s.confident} & _PEOPLE_HAVE
        if len(personal) >= 2 and personal & _ONLY_PEOPLE_HAVE:
            return "people"
        # Only a sheet that plainly is not about people is read as a list of things: a
        # list of residents is the usual case, and the safe one to assume. An
        # organisation's identifier with nothing about people beside it ("reg_number",
        # "type", "name") says so plainly enough.
        if not person and own_reference:
            return "things"
        return "things" if org >= 2 and org > 2 * person else "people"

    def _key(self, tag: str | None) -> str | None:
        if tag is None:
            return None
        entry = self.dictionary.lookup(tag)
        return entry.key if entry else None

    def _in_kind(self, s: Suggestion, kind: str) -> Suggestion:
        key = self._key(s.tag)
        words = normal_key(_split_camel(s.header)).split()
        if (
            key == "#service+name"
            and kind != "services"
            and words
            and (
                set(words) <= _ACTIVITY_WORDS | {"name", "title"}
                and words[0] in _ACTIVITY_WORDS
                and (kind == "people" or words == ["activity"])
            )
        ):
            # "Project" in a volunteering log: what the person took part in. "Activity" in a
            # list of organisations' work (a 3W): the activity itself. Neither is a service.
            why = "in a list of people" if kind == "people" else "in a list of what was done"
            return self._entry_suggestion(
                s.header, "#activity+name", UNSURE, f"an activity or project, {why}"
            )
        if key in _LANGUAGE_TAGS and kind in ("services", "things") and not set(words) & _ROLES:
            # "Which languages?" of an organisation or a service: those it works in.
            return self._entry_suggestion(
                s.header, "#service+language", s.confidence,
                f"{s.reason}, in a list that is not of people",
            )  # fmt: skip
        if kind == "people" and key == "#org+name" and s.confident:
            # "Organization Name" in a list of people: the person's employer, a group
            # they belong to, or who referred them, as often as an organisation of the row.
            return _doubted(s, "in a list of people")
        if key == "#service+version" and kind != "services":
            # "version" of a form's record or an organisation's entry: not an entry of the
            # shared directory of services.
            if kind == "people":
                return Suggestion(s.header, None, 0.0, reason="a record's version, not a service's")
            return _doubted(s, "not of services")
        if kind == "people" and key in _SERVICE_FIELDS and s.confident:
            # "Description", "Step free" in a list of people: of the person, their need or
            # a place they offer, as often as of a service.
            return _doubted(s, "in a list of people")
        if kind == "people":
            return s
        if kind == "things" and _lists_services(s.header):
            return Suggestion(s.header, None, 0.0, reason="the services it runs, listed")
        if key == "#status" and kind == "services":
            return self._entry_suggestion(s.header, "#service+status", s.confidence, s.reason)
        if kind == "things" and key == "#person+income":
            return self._entry_suggestion(s.header, "#value", UNSURE, "an amount of money")
        if kind == "things" and key == "#service+description":
            return Suggestion(s.header, None, 0.0, reason="a description in a list of things")
        if key not in _PERSON_ONLY and not _about_a_person(key):
            return s
        if kind == "things" and _another_name(words, key):
            # "Known as", "Other names" in a list of organisations: the names it goes by.
            return self._entry_suggestion(s.header, "#org+name", UNSURE, _ANOTHER_NAME)
        if key in _PERSONAL_NAMES and set(words) & _ROLES:
            # "HeadFirstName", "Contact surname": the name of a person at the organisation.
            return s
        if kind == "services" and key not in _PERSON_ONLY:
            return Suggestion(s.header, None, 0.0, reason="about a person, in a list of services")
        if key == "#person+name" and _full_name(s.header):
            # "Full name" in a list of organisations: a person's, whom to contact there.
            return self._entry_suggestion(
                s.header, "#contact+name", UNSURE, "a person's full name, beside organisations"
            )
        if key == "#person+name":
            # A list of organisations, places or grants: its names are theirs.
            return self._entry_suggestion(
                s.header, "#org+name" if kind == "things" else "#service+name", UNSURE,
                "a name in a list that is not of people",
            )  # fmt: skip
        return Suggestion(s.header, None, 0.0, reason="a list that is not of people")

    def _with_values(self, s: Suggestion, found: dict[str, float], kind: str) -> Suggestion:
        """Weigh the header's suggestion against what the column's values are."""
        from .content import CONTENT_TAGS, clearly_other, content_tag, fits, names_of

        if not found:
            return s
        entry = self.dictionary.lookup(s.tag) if s.tag else None
        named = names_of(found)
        if entry is not None and named and _is_plain_name(s.header) and (
                entry.key in _NAMES_OF_ANYONE):  # fmt: skip
            # "Name" over "Blackrod Library", "BRASS Bolton": whose names the values say.
            if entry.key == named:
                return s
            why = "places" if named == "#loc+name" else "organisations"
            return self._entry_suggestion(s.header, named, UNSURE, f"the values are names of {why}")
        if entry is not None:
            fit = fits(entry, found, self.dictionary)
            if _agrees(fit, found) and s.confidence == PARTLY:
                # Read from part of the header, and the values say the same: confident.
                return dataclasses.replace(
                    s, confidence=0.9, reason=f"{s.reason}, and the values agree"
                )
            # Half the values of the header's kind is agreement enough: the rest are
            # mistakes for the Data Checker to find, not a reason to doubt the header.
            if fit is None or fit >= 0.5:
                return s
            better = content_tag(found, kind, self.dictionary)
            if better == "#contact+url" and _words(s.header) & (_NOT_A_WEBSITE | _MESSAGING):
                # "Whatsapp" over chat.whatsapp.com links: a group or profile elsewhere.
                why = "links to a group or profile elsewhere, not a website"
                return Suggestion(s.header, None, 0.0, reason=why)
            if better and better != entry.tag:
                return Suggestion(
                    s.header, better, UNSURE, self.dictionary.entry(better).label,
                    f"the header says {entry.label.lower()}, but the values are not",
                )  # fmt: skip
            none_fit = fit == 0 and found["values"] >= 5
            grid = found["number"] >= 0.8 and found.get("degrees", 1.0) < 0.2
            if none_fit and entry.key in ("#geo+lat", "#geo+lon") and grid:
                # "GeoX" over 518072: grid references (eastings, northings), not degrees.
                why = "numbers too large for degrees: a grid reference"
                return Suggestion(s.header, None, 0.0, reason=why)
            if found["values"] < FEW and not none_fit and not clearly_other(found):
                return s  # too few values to doubt the header by
            return Suggestion(
                s.header, s.tag, min(s.confidence, UNSURE), s.label,
                f"the header says {entry.label.lower()}, but most values are not",
            )  # fmt: skip
        if s.reason.startswith("the name of a thing") or s.reason.startswith("a list that"):
            return s
        tag = content_tag(found, kind, self.dictionary)
        if tag is None:
            return s
        entry = self.dictionary.entry(tag)
        return Suggestion(
            s.header,
            entry.tag,
            UNSURE,
            entry.label,
            f"the values are {CONTENT_TAGS.get(tag, 'values of its list')}",
        )


def _identifies_another(key: str, synonym: str) -> bool:
    """The header ends with a word of identifiers ("contact key", "worker ref") that the
    synonym has elsewhere than at its end ("key contact"): read in the synonym's order
    it would name the thing, where the header names its identifier."""
    last = key.split()[-1] if key.split() else ""
    ends = synonym.split()[-1] if synonym.split() else ""
    return last in _IDENTIFYING and last != ends


def _header_words(header: object) -> list[str]:
    """The words of a header in order, CamelCase and digits apart ("Contact1" is
    "contact 1")."""
    return normal_key(_split_camel(str(header or ""))).split()


def _another_name(words: list[str], key: str | None) -> bool:
    """ "Known as", "AKA", "Other names": another name the row goes by, which people and
    organisations alike have."""
    if key == "#person+middle+name":  # "Other names" of an organisation, not middle ones
        return words[:1] in (["other"], ["alternative"])
    return bool(set(words) & _ALIASES) and key in _GIVEN_OR_WHOLE


def _personal_status(kind: str, words: Iterable[str]) -> bool:
    """ "Marital status", "Residential status": what someone is, not a record's status."""
    return kind == "status" and bool(set(words) & _PERSONAL_STATUS)


def _doubted(s: Suggestion, why: str) -> Suggestion:
    """The suggestion, for a person to confirm, with the reason for doubt."""
    return dataclasses.replace(s, confidence=UNSURE, reason=f"{s.reason}, {why}")


def _full_name(header: object) -> bool:
    """ "Full name", "fullname" alone: a person's whole name. (A "Member full name" in a
    list of member organisations is the organisation's.)"""
    return _header_words(header) in (["fullname"], ["full", "name"])


def _is_plain_name(header: object) -> bool:
    """A header that says only "name" ("Name", "NAME", "Full name")."""
    return _GENERIC_NAME.match(" ".join(_header_words(header))) is not None


def _words(header: object) -> set[str]:
    """The words of a header, as a set (see :func:`_header_words`)."""
    return set(_header_words(header))


def _kind_of_field(key: str | None) -> str:
    """A tag without whose it is: "#person+name" and "#org+name" are both "#*+name".
    Whose field it is the rules read from the whole sheet; the model, from one header,
    weighs only what it is."""
    return _WHOSE_FIELD.sub("#*+", key or "")


def _agrees(fit: float | None, found: dict[str, float]) -> bool:
    """Most of a column's values (80%, of five or more) are of the tag's kind."""
    return fit is not None and fit >= 0.8 and found["values"] >= 5


def _lists_services(header: object) -> bool:
    """ "service_names", "Service IDs": the several services a row runs, listed."""
    return _header_words(header) in (["service", "names"], ["service", "ids"])


def _about_a_person(key: str | None) -> bool:
    """A tag that only a row about a person can have."""
    return bool(key) and (
        key.startswith("#person+") or key in ("#date+birth", "#household+num", "#contact+preferred")
    )


_DEFAULT: TagSuggester | None = None


def default_suggester() -> TagSuggester:
    global _DEFAULT
    if _DEFAULT is None:
        from .header_model import default_model

        _DEFAULT = TagSuggester(model=default_model())
    return _DEFAULT


def suggest_tags(headers: Iterable[object]) -> list[Suggestion]:
    """The best tag and a confidence for each header, one by one.

    >>> [s.tag for s in suggest_tags(["D.O.B", "Post Code", "Notes"])]
    ['#date+birth', '#contact+address+postcode', None]
    """
    suggester = default_suggester()
    return suggester.weighed([suggester.suggest(h) for h in headers])


def suggest_tag(header: object) -> Sequence[object]:
    """One header's suggestion as (tag, confidence)."""
    s = default_suggester().suggest(header)
    return s.tag, s.confidence


def suggest_columns(
    headers: Sequence[object], values: Sequence[Sequence[object]] | None = None
) -> list[Suggestion]:
    """The best tag for each column of one sheet, from all its headers (what the rows
    are) and, when given, each column's values.

    >>> [s.tag for s in suggest_columns(["Name", "Charity number", "Website"])]
    ['#org+name', '#org+id', '#contact+url']
    """
    return default_suggester().suggest_columns(headers, values)


def suggest_table(table: Table, sample: int = 500) -> list[Suggestion]:
    """:func:`suggest_columns` for a table read from a sheet (its first ``sample`` rows)."""
    head = table.frame.head(sample)
    values = [head[c.name].tolist() for c in table.columns]
    return suggest_columns([c.header for c in table.columns], values)
