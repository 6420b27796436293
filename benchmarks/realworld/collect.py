"""How the real-world corpus in this folder was made (kept for provenance; not run by tests).

Every file here comes from a public repository, copied at the commit named in
``sources.csv``. Run ``python -m benchmarks.realworld.collect MIRRORS`` where MIRRORS
holds a bare copy of each repository as ``owner+name/repo`` to make the files again.

Gold tags (``headers.csv``) were written by hand from the header text, the file's
own documentation and, for HXL files, the file's own hashtag row, before the tag
suggester was run on them. Only files about organisations, places and grants keep
their values; from files about people only headers are kept.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

# (source id, repository, commit, path, licence, publisher, split of its file for the checker;
# the tags' split is per header, in headers.csv)
SOURCES = [
    ("iom-haiti-dtm", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/iom-haiti-dtm.csv", "Unlicense (repository); IOM data", "IOM Haiti", "dev"),
    ("rowca-3w", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/rowca-3w-hxl.csv", "Unlicense (repository); OCHA ROWCA data", "OCHA ROWCA", "test"),  # noqa: E501
    ("rowca-gin-adm2", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/rowca-gin-adm2.csv", "Unlicense (repository); OCHA ROWCA data", "OCHA ROWCA", "dev"),  # noqa: E501
    ("sbtf-gin-health", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/sbtf-gin-health.csv", "Unlicense (repository); SBTF data", "Standby Task Force", "dev"),  # noqa: E501
    ("sbtf-lbr-health", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/sbtf-lbr-health.csv", "Unlicense (repository); SBTF data", "Standby Task Force", "dev"),  # noqa: E501
    ("unhcr-3w", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/unhcr-3w.csv", "Unlicense (repository); UNHCR data", "UNHCR", "test"),
    ("unhcr-refugees", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/unhcr-refugee-data.csv", "Unlicense (repository); UNHCR data", "UNHCR", "dev"),
    ("mali-movements", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/mali-population-movements.csv", "Unlicense (repository)", "OCHA Mali", "dev"),
    ("brc-movement", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/brc-westafrica-movement.csv", "Unlicense (repository); British Red Cross data",
     "British Red Cross", "dev"),
    ("iati-sle", "HXLStandard/hxl-showcase", "fdfbd98d39c8dae02750a1abd085ef5755270644",
     "sample-data/iati-sierraleone.csv", "Unlicense (repository); IATI data", "IATI", "dev"),
    ("libhxl-3w-es", "HXLStandard/libhxl-python", "e1b745c7cc4c2c856bb73aabc53ee1f235244b49",
     "tests/files/test_io/input-valid.csv", "Unlicense", "HXL project", "dev"),
    ("ccew-register", "drkane/charity-lookups", "6264d4f2aa5ebdcbf076002ea3caf403cbcda00b",
     "ccew-fields.csv", "ODbL (repository); field names of the Charity Commission register "
     "extract (OGL)", "Charity Commission for England and Wales", "dev"),
    ("360giving-grants", "ThreeSixtyGiving/standard", "9387abcf8fa3db035b1ae9584c1ec68ae561af70",
     "documentation/_static/360-giving-schema-titles-with-meta-tab.xlsx", "CC BY 4.0",
     "360Giving", "dev"),
    ("hsds-tables", "openreferral/specification", "279fd2eb3552c349bf698c07c00cc25f5fc8249b",
     "examples/csv/*.csv", "CC BY-SA 4.0", "Open Referral", "dev"),
    ("ods-gp-practices", "psychty/primary-care-geographies",
     "628a9bd2594527f5884c61f4fc18dcd2e4a7b004", "epraccur.csv",
     "OGL v3 (NHS Digital ODS data; headers from the ODS file specification)", "NHS Digital",
     "test"),
    ("360g-abct", "ThreeSixtyGiving/dataquality", "783b746fb031208e92553bdb47a37af8fc84fd32",
     "tools/data/json_acceptable_license_valid/a001p00000zgyHZAAY.json", "CC BY 4.0",
     "A B Charitable Trust (360Giving)", "dev"),
    ("companies-house", "mrbrianevans/ch-guide", "", "pages/bulk-data/datasets/companies.md",
     "OGL v3 (Companies House's header names, as the guide lists them)", "Companies House", "dev"),
    ("fsa-fhrs", "addresscloud/open-data-loaders", "48395885aecff6705a6e9c38a21dcbfb94fb8268",
     "food-hygiene-ratings/fhrs_to_csv.py", "OGL v3 (FSA's field names; the CSV the script writes)",
     "Food Standards Agency", "dev"),
    ("opg-casrec", "ministryofjustice/opg-data-casrec-migration",
     "0d024cee501da9c37b2e7ed1071b4bceab541ba4",
     "migration_steps/acquire_target_ids/app/sql/schemas/pre_migrate.sql",
     "MIT (repository); column names of the persons, addresses and phonenumbers tables only",
     "Office of the Public Guardian (MoJ)", "dev"),
    ("360g-alwf", "ThreeSixtyGiving/dataquality", "783b746fb031208e92553bdb47a37af8fc84fd32",
     "tools/data/json_acceptable_license_valid/a003W000001B7PzQAK.json", "CC BY 4.0",
     "Andrew Lloyd Webber Foundation (360Giving)", "dev"),
    # Headers only, copied by hand from each repository's documentation or code.
    ("ch-datafabric", "harnesspi/external-datafabric-docs",
     "09ec299f2af9b0a6bbf112c56eb8d0e61fb9e9c8", "docs/Company.md",
     "OGL v3 (Companies House field names); keys of the example responses only",
     "Companies House data (as a data API's docs give it)", "dev"),
    ("charity-lookups", "drkane/charity-lookups", "6264d4f2aa5ebdcbf076002ea3caf403cbcda00b",
     "*.csv (headers)", "ODbL", "drkane (charity data lookups)", "dev"),
    ("hse-social-housing", "hse-digital/bsr-rbi", "",
     "HSE.RP.Client/src/assets/json/social-housing-organisation-names.ts",
     "keys of the social housing provider list only",
     "Health and Safety Executive (building safety regulator)", "dev"),
    ("dluhc-providers", "communitiesuk/submit-social-housing-lettings-and-sales-data-prototype",
     "", "app/datasets/registered-providers.js", "keys of the registered providers list only",
     "Department for Levelling Up, Housing and Communities", "dev"),
    ("coronacorps-volunteers", "3dprintscanner/coronacorps",
     "a4ea0f5ef05751e7038f6eebfcb20d20a83988fe", "src/site/volunteer.md",
     "MIT; the volunteer sign-up form's questions, as a form export heads its columns",
     "a mutual aid group (Islington)", "dev"),
    ("bradford-asc", "ConnectedBradford/Connected-Bradford-AdultSocialCare",
     "3177b87beb0545dd4b63595d16819ecad0e3dea1",
     "docs/datadict/Data Dictionary for yhcr-prd-phm-bia-core.CY_FDM_AdultSocialCare.xls",
     "MIT; column names of the source tables only", "Connected Bradford (adult social care)",
     "dev"),
    ("rtof-refugees", "SocialFinanceDigitalLabs/RTOF-specification",
     "bd53d41f4268c0fc39994cf8ad7b98437d3753e0", "_data/records.yml",
     "no licence file; field ids of the person, baseline and date-last-seen records only",
     "Refugee Transitions Outcomes Fund (Social Finance)", "dev"),
    ("gds-shielding-form", "alphagov/govuk-shielded-vulnerable-people-service",
     "b1fbf7a51323835f237104c5bb16a67a30b2d403",
     "loadtests/src/test/resources/data/svp_submission_data.json",
     "MIT (Crown Copyright, GDS); the submission's field names only",
     "Government Digital Service (shielded vulnerable people service)", "dev"),
    ("givefood-foodbanks", "givefood/data", "d0a946cad8478d37ad0624c1bcb42d14a7ef5419",
     "foodbanks.csv", "column names only (the list names MPs and holds contact e-mails)",
     "Give Food (UK food banks)", "dev"),
    ("openvcs", "OpenVCS/openvcs-standard", "13d73b5cfac88b6bf0f62b206ef39582ea1bd47a",
     "openvcs-standard.md", "no licence file; the format's field names only",
     "Oxfordshire Community and Voluntary Action (OpenVCS format)", "dev"),
    ("cqc-locations", "kanedata/find-that-charity", "6708b982a55d3e6f7768ea00392aa9bc4453dd35",
     "other_data/models/cqc.py", "MIT; the CQC care directory's column names (OGL), as the "
     "model's verbose names give them", "Care Quality Commission", "dev"),
    # Measured once before any change made for them (top-1 48%, 70% and 67%), then used
    # as development data.
    ("dfe-gias", "MastodonC/witan.gias", "34107760e0788e87ab9202d6304c0a3a9518ab82",
     "src/witan/gias/all_data.clj", "OGL v3 (DfE's Get Information about Schools "
     "establishment fields); the CSV's column labels as the reader names them",
     "Department for Education (Get Information about Schools)", "dev"),
    ("oscr-register", "kanedata/find-that-charity", "a66bebdbf784de1d76c2d4c075475d2cd1680143",
     "charity/management/commands/import_oscr.py", "MIT; OSCR's register download column "
     "names (OGL v2) as the importer lists them", "Office of the Scottish Charity Regulator",
     "dev"),
    ("helpberkeley-members", "HelpBerkeley/member-data",
     "d91ed03d06acdf26e6b2c21d03718086711b3225", "documentation/schemas.txt",
     "no licence file; the member and consumer reports' column names only",
     "Help Berkeley (a mutual aid group's member lists)", "dev"),
    # Measured once before any change made for them (top-1 82% and 75%).
    ("gpg-employers", "kanedata/find-that-charity", "1a95058f5c892a465602511a6eaba911e6ad94ca",
     "other_data/models/gender_pay_gap.py", "MIT; the gender pay gap service's CSV column "
     "names (OGL) as the model names its fields", "Government Equalities Office (gender pay "
     "gap reports)", "dev"),
    ("nhs-list-reconciliation", "johnwaghorn/list-reconciliation",
     "5fa8a7f62ecf1c16a573d9db450a7f4c293b7565", "docs/specifications/output-specification.md",
     "no licence file; the column names of the GP and PDS registration reports only",
     "NHS Digital (GP list reconciliation against PDS)", "dev"),
    # Measured once before any change made for it (top-1 78%).
    ("postcodes-io", "ideal-postcodes/postcodes.io", "b593f05ecd33e73239f1ab336deae54e13ead084",
     "test/helper/type_checking.ts", "MIT; the postcode lookup's field names (ONS Postcode "
     "Directory, OGL)", "postcodes.io (ONS Postcode Directory lookups)", "dev"),
    # Labelled before any run. Ofsted's Annex A lists (children's social care) were test
    # data in place of the Companies House field names, part of which a search showed; the
    # whole test half of then (Annex A, the charity lookups, the two social housing lists,
    # the mutual aid form and five Trafford files) is development data since its misses
    # were once printed.
    ("ofsted-annex-a", "SocialFinanceDigitalLabs/liia-tools",
     "0dd821c2968f6930b62ee2223da0203b33db0a96", "liiatools/spec/annex_a/samples/Annex_A.xlsx",
     "MIT; the column headers of Ofsted's Annex A lists 1, 8 and 11 only",
     "Ofsted (Annex A, children's social care lists)", "dev"),
    ("dfe-ssda903", "SocialFinanceDigitalLabs/liia-tools",
     "0dd821c2968f6930b62ee2223da0203b33db0a96", "liiatools/spec/s903/SSDA903_schema_2024.yml",
     "MIT; the column names of the SSDA903 return's header, episodes and missing tables",
     "Department for Education (SSDA903 return on looked-after children)", "dev"),
    # The test half: labelled before any run, never looked at.
    ("fixmystreet-reports", "mysociety/fixmystreet", "4342066e132d4d2b6a114e75256d080641689b28",
     "perllib/FixMyStreet/Reporting.pm", "AGPL v3 (code); the column headers of the council "
     "dashboard's CSV export of reports, with a highways council's extra columns, only",
     "mySociety (FixMyStreet, reports to councils)", "test"),
    ("dfe-help-with-tech", "DFE-Digital/get-help-with-tech",
     "ed3450ab52c558f8db143b16e99fc39f12cdada3",
     "public/collecting-mobile-information/extra-mobile-data-requests-template.xlsx; "
     "app/services/{exporters/mno_requests_csv,donated_device_requests_exporter,"
     "school_data_exporter}.rb", "MIT; the template's and the exports' column headers only",
     "Department for Education (Get help with technology, Covid-19)", "test"),
    ("cdct-volunteers", "ceresdct-bot/cdct-website", "5c4a6e799a50e58ea8dd0b8a037d3d4894667531",
     "content/volunteers.md", "no licence file; the volunteer form's field names, as a form "
     "export heads its columns, only", "a community development trust (volunteer form)",
     "test"),
    ("uk-mutual-aid-volunteers", "uk-mutual-aid/mutualaid-functions",
     "39d4e1e115f875ddf4e20383fb3e296ad96ef224", "src/functions/handlers/volunteerSignUp.js",
     "no licence file; the sign-up form's questions, as a form export heads its columns, only",
     "a mutual aid network's volunteer sign-up (UK)", "dev"),
    ("romsey-help-requests", "romseymutualaid/helpRequests",
     "060956dc10efb602681bbb2ac0ba187f38c41b51", "variables.gs",
     "no licence file; the tracking sheet's column names only",
     "Romsey Mutual Aid (help request tracking sheet)", "dev"),
    ("casc-register", "ThreeSixtyGiving/cascs", "7685debc8b233d8b4f01d1ccb3b595182d7a49f1",
     "cascs.csv", "MIT (repository); OGL v3 (HMRC data)",
     "HMRC (community amateur sports clubs, as 360Giving publishes them)", "dev"),
    ("makerspace-members", "southlondonmakerspace/membership-system",
     "bf7106b6241b75d5f132b0f5103386a505299641", "apps/export/README.md",
     "AGPL-3.0 (code); the members export's column names only",
     "South London Makerspace (a community group's member export)", "dev"),
    ("disciple-tools-contacts", "DiscipleTools/DT_DOCS", "",
     "Disciple_Tools_Theme/user_mass_contacts_csv_import.rst",
     "no licence file; the import file's column names only",
     "Disciple.Tools (a faith groups' contact manager: CSV import)", "dev"),
    ("core-lettings", "communitiesuk/submit-social-housing-lettings-and-sales-data",
     "06d3e3268eaa274368e80483a581fe48f1c16dac",
     "spec/fixtures/files/lettings_log_csv_export_labels_24.csv",
     "MIT; the export's column headers only",
     "Department for Levelling Up, Housing and Communities (CORE social housing lettings "
     "logs: the CSV export)", "dev"),
    ("core-schemes", "communitiesuk/submit-social-housing-lettings-and-sales-data",
     "00bf179f6e11a6ea0427ca3025b157731eec87c6",
     "spec/fixtures/files/schemes_and_locations_csv_export.csv",
     "MIT; the export's column headers only",
     "Department for Levelling Up, Housing and Communities (CORE supported housing schemes "
     "and their locations: the CSV export)", "dev"),
    ("dfe-cin-census", "SocialFinanceDigitalLabs/liia-tools",
     "381ff916c15a5886f5378028aa827f5ba9f1ba55",
     "liiatools/cin_census_pipeline/spec/CIN_schema_2016.yml",
     "MIT; the tables' column names only",
     "Department for Education (Children in Need census, as a children's services extract's "
     "tables)", "dev"),
    ("dfe-school-census", "SocialFinanceDigitalLabs/liia-tools",
     "4d07d59d176fcd1d4b9279b5bbfe630b8ec65256",
     "liiatools/school_census_pipeline/spec/school_census_schema_2023.yml",
     "MIT; the tables' column names only",
     "Department for Education (school census pupil records, as a children's services "
     "extract's tables)", "dev"),
    ("dfe-csww", "SocialFinanceDigitalLabs/liia-tools",
     "16132ae4ed6a5b8b48b4e611539008cc45eedee7", "liiatools/csww_pipeline/spec/pipeline.yml",
     "MIT; the tables' column names only",
     "Department for Education (children's social work workforce return: workers and a "
     "council's totals)", "dev"),
    ("google-contacts-export", "sohamb117/ContactExtractor", "",
     "add-in/src/taskpane/api/consts.js", "no licence file; the export's column names only",
     "Google Contacts (the CSV export's columns, as an add-in expects them)", "dev"),
    ("club-member-roster", "bjerstedtTech/tm-member-manager", "", "docs/roster-format.md",
     "no licence file; the roster's column names only",
     "Toastmasters International (a club's member roster, as a club tool documents it)",
     "dev"),
    ("outlook-contacts-export", "michalbe/csv2vcard", "", "README.md", "column names only",
     "Microsoft Outlook (the contacts CSV export's columns, as a converter lists them)", "dev"),
    ("event-tickets", "nescheytt/eventik", "", "types/ticket.ts",
     "no licence file; the ticket record's field names only",
     "an event ticketing export (attendees and their purchasers)", "dev"),
    ("salesforce-contacts", "AethereusMohamedAskar/aethereusDev",
     "e94532c33a016c6b1f8c94aeec1d8d8e7468d3c0",
     "retrieve/AccentureSFMC/_ParentBU_/dataExtension/Contact_Salesforce.dataExtension-doc.md",
     "no licence file; the field names only",
     "Salesforce (the Contact object's fields, as a marketing tool's synchronised copy lists "
     "them)", "dev"),
    ("surveymonkey-providers", "TheGoodHoustonians/backend",
     "146bc81adbc0c902452f9f2768c05c767ea741f5", "data_notes.md",
     "no licence file; the export's column names only",
     "a SurveyMonkey export of service providers' answers (a city's homelessness services "
     "directory)", "dev"),
    ("streetsupport-services", "StreetSupport/streetsupport-web",
     "40fcebe7adc9b60d60e6646c01cde753223dfbd7", "spec/find-help/by-day/supportServiceData.js",
     "MIT; the field names of a service provider and its address and opening times only",
     "Street Support (services for people facing homelessness)", "test"),
] + [
    # Trafford Data Lab's tidied council open data (Greater Manchester): lists of
    # organisations and places, kept for tags from values (no problems.csv: the checker's
    # files are the ones above).
    (f"trafford-{sid}", "traffordDataLab/open_data", "a33a7d94948399556302a5c2a2d1cbf4ce4878aa",
     path, "OGL v3", "Trafford Data Lab", split)
    for sid, path, split in (
        ("food-banks", "food_banks/gm_food_banks.csv", "dev"),
        ("charities", "charities/charities_operating_in_trafford.csv", "dev"),
        ("defibrillators", "defibrillators/trafford_defibrillators.csv", "dev"),
        ("sports-clubs", "sports_clubs/sports_clubs.csv", "dev"),
        ("libraries", "libraries/gm_libraries.csv", "dev"),
        ("care-homes", "care_homes/trafford_care_homes.csv", "dev"),
        ("pharmacies", "pharmacies/gm_pharmacies.csv", "dev"),
        ("polling-stations", "elections/polling_stations/gm_polling_stations.csv", "dev"),
        ("schools", "schools_and_colleges/trafford_schools_and_colleges.csv", "dev"),
        ("mental-health", "mental_health/trafford_mental_health_services.csv", "dev"),
        ("ev-charging", "electric_vehicle_charging_locations/"
         "trafford_electric_vehicle_charging_locations.csv", "test"),
    )
] + [
    # Trafford Council's own open data (its assets, and files of the Local Government
    # Transparency Code, whose column names every English council uses).
    (f"trafford-{sid}", "traffordDataLab/council_open_data",
     "fe5479dc2923a44d46ce8dd87eb3cdce65bc9cc8", path, licence, "Trafford Council", "dev")
    for sid, path, licence in (
        ("cctv", "assets/cctv/trafford_cctv_cameras.csv", "OGL v3"),
        ("community-hubs", "assets/community_hubs/trafford_community_hubs.csv", "OGL v3"),
        ("leisure-centres", "assets/leisure_centres/trafford_leisure_centres.csv", "OGL v3"),
        ("land-assets", "transparency_code/local_authority_land/"
         "trafford_land_and_building_assets.csv", "OGL v3"),
        ("parking", "transparency_code/parking_spaces/off_street_parking_spaces.csv", "OGL v3"),
        ("org-structure", "transparency_code/organisation_chart/"
         "trafford_council_organisation_structure.csv", "OGL v3; names people: headers only"),
        ("card-spend", "transparency_code/government_procurement_card_transactions/"
         "government_procurement_card_transactions_2025-26.csv",
         "OGL v3; may name people: headers only"),
    )
]  # fmt: skip

# The NHS ODS epraccur file has no header row; these are the column names of its
# published file specification.
ODS_HEADERS = [
    "Organisation Code", "Name", "National Grouping", "High Level Health Geography",
    "Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5",
    "Postcode", "Open Date", "Close Date", "Status Code", "Organisation Sub-Type Code",
    "Commissioner", "Join Provider/Purchaser Date", "Left Provider/Purchaser Date",
    "Contact Telephone Number", "Null 1", "Null 2", "Null 3", "Amended Record Indicator",
    "Null 4", "Provider/Purchaser", "Null 5", "Prescribing Setting", "Null 6",
]  # fmt: skip

# The 360Giving spreadsheet titles a funder's grants are published under (flatten-tool).
GRANT_COLUMNS = [
    ("Identifier", lambda g: g.get("id")),
    ("Title", lambda g: g.get("title")),
    ("Description", lambda g: g.get("description")),
    ("Currency", lambda g: g.get("currency")),
    ("Amount Applied For", lambda g: g.get("amountAppliedFor")),
    ("Amount Awarded", lambda g: g.get("amountAwarded")),
    ("Award Date", lambda g: g.get("awardDate")),
    ("Planned Dates:Duration (months)", lambda g: _first(g, "plannedDates", "duration")),
    ("Recipient Org:Identifier", lambda g: _first(g, "recipientOrganization", "id")),
    ("Recipient Org:Name", lambda g: _first(g, "recipientOrganization", "name")),
    ("Recipient Org:Charity Number", lambda g: _first(g, "recipientOrganization", "charityNumber")),
    ("Recipient Org:Company Number", lambda g: _first(g, "recipientOrganization", "companyNumber")),
    ("Recipient Org:Street Address", lambda g: _first(g, "recipientOrganization", "streetAddress")),
    ("Recipient Org:City", lambda g: _first(g, "recipientOrganization", "addressLocality")),
    ("Recipient Org:Postal Code", lambda g: _first(g, "recipientOrganization", "postalCode")),
    ("Recipient Org:Organisation Type",
     lambda g: _first(g, "recipientOrganization", "organisationType")),
    ("Beneficiary Location:Name", lambda g: _first(g, "beneficiaryLocation", "name")),
    ("Beneficiary Location:Geographic Code", lambda g: _first(g, "beneficiaryLocation", "geoCode")),
    ("Beneficiary Location:Country Code",
     lambda g: _first(g, "beneficiaryLocation", "countryCode")),
    ("Grant Programme:Title", lambda g: _first(g, "grantProgramme", "title")),
    ("Funding Org:Identifier", lambda g: _first(g, "fundingOrganization", "id")),
    ("Funding Org:Name", lambda g: _first(g, "fundingOrganization", "name")),
    ("Last Modified", lambda g: g.get("dateModified")),
    ("Data Source", lambda g: g.get("dataSource")),
]  # fmt: skip

# Files kept whole (or their first rows) for the checker and for tags from values.
FILES = {
    "iom-haiti-dtm": None,  # about sites, but names contact people: headers only
    "rowca-3w": "rowca_3w.csv",
    "rowca-gin-adm2": "rowca_gin_adm2.csv",
    "sbtf-gin-health": "sbtf_gin_health.csv",
    "sbtf-lbr-health": "sbtf_lbr_health.csv",
    "unhcr-3w": "unhcr_3w.csv",
    "unhcr-refugees": "unhcr_refugees.csv",
    "ods-gp-practices": "gp_practices.csv",
    "360g-abct": "grants_abct.csv",
    "360g-alwf": "grants_alwf.csv",
    "casc-register": "cascs.csv",
    **{
        f"trafford-{name}": f"trafford_{name.replace('-', '_')}.csv"
        for name in (
            "food-banks",
            "charities",
            "defibrillators",
            "sports-clubs",
            "libraries",
            "care-homes",
            "pharmacies",
            "polling-stations",
            "schools",
            "mental-health",
            "ev-charging",
            "cctv",
            "community-hubs",
            "leisure-centres",
            "land-assets",
            "parking",
        )
    },
}
MAX_ROWS = 400

# HSDS 3.0 feeds: the Open Referral UK validator's own mock feeds and the specification's
# examples. (target name, repository, commit, path)
FEEDS = [
    (f"oruk-{kind.lower()}-{name}", "OpenReferralUK/oruk-validator",
     "8cbf722927b22c8ab5b37f34519fe075c72a1ebf",
     f"OpenReferralApi/Mocks/V3.0-UK-{kind}/{name}.json")
    for kind in ("Default", "Test", "Warn", "Fail")
    for name in ("service_list", "service_full", "organization_list", "organization_full",
                 "service_at_location_list", "service_at_location_full")
    if not (kind == "Default" and name == "organization_full")
] + [
    (f"hsds-spec-{name}", "openreferral/specification",
     "279fd2eb3552c349bf698c07c00cc25f5fc8249b", f"examples/{name}.json")
    for name in ("service_full", "service_list", "organization_full", "organization_list",
                 "service_at_location_full", "service_at_location_list")
]  # fmt: skip


def _first(grant: dict, key: str, field: str) -> object:
    items = grant.get(key) or []
    return items[0].get(field) if items and isinstance(items[0], dict) else None


def _show(mirrors: Path, repo: str, commit: str, path: str) -> bytes:
    git = mirrors / repo.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", "-C", str(git), "show", f"{commit}:{path}"], capture_output=True, check=True
    ).stdout


def main(mirrors: Path) -> None:
    files = HERE / "files"
    feeds = HERE / "hsds"
    files.mkdir(exist_ok=True)
    feeds.mkdir(exist_ok=True)
    for sid, repo, commit, path, _licence, _publisher, _split in SOURCES:
        target = FILES.get(sid)
        if not target or not (mirrors / repo.replace("/", "+")).exists():
            continue
        raw = _show(mirrors, repo, commit, path)
        if sid == "ods-gp-practices":
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
            # Every 40th practice, so the sample spans the country and open and closed ones.
            rows = [ODS_HEADERS, *rows[::40][:MAX_ROWS]]
        elif sid.startswith("360g-"):
            grants = json.loads(raw)["grants"][:MAX_ROWS]
            rows = [[name for name, _ in GRANT_COLUMNS]]
            rows += [["" if (v := fn(g)) is None else v for _, fn in GRANT_COLUMNS] for g in grants]
        else:
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))[: MAX_ROWS + 2]
        with (files / target).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
    for name, repo, commit, path in FEEDS:
        if not (mirrors / repo.replace("/", "+")).exists():
            continue
        (feeds / f"{name}.json").write_bytes(_show(mirrors, repo, commit, path))
    with (HERE / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["source", "publisher", "repository", "commit", "path", "licence", "split",
                      "file"])  # fmt: skip
        for sid, repo, commit, path, licence, publisher, split in SOURCES:
            out.writerow([sid, publisher, repo, commit, path, licence, split, FILES.get(sid) or ""])
        for name, repo, commit, path in FEEDS:
            split = "dev" if name.startswith(("oruk-default", "oruk-warn")) else "test"
            out.writerow([name, "Open Referral", repo, commit, path, "CC BY-SA 4.0", split,
                          f"hsds/{name}.json"])  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]))
