"""Words of UK addresses, shared by matching (street names) and tag suggestions (values
that are addresses, not people's names)."""

from __future__ import annotations

# Royal Mail's thoroughfare words as people shorten them ("Mill Ln", "Ash Gdns").
STREET_WORDS = {
    "rd": "road", "ave": "avenue", "av": "avenue", "ln": "lane", "cl": "close",
    "cres": "crescent", "cresc": "crescent", "ct": "court", "crt": "court", "dr": "drive",
    "gdns": "gardens", "gdn": "gardens", "gr": "grove", "gro": "grove", "pl": "place",
    "sq": "square", "ter": "terrace", "terr": "terrace", "tce": "terrace", "wy": "way",
    "pk": "park", "mt": "mount", "hts": "heights", "wlk": "walk", "pde": "parade",
    "bvd": "boulevard", "blvd": "boulevard", "cir": "circus", "grn": "green", "hl": "hill",
    "vw": "view", "mws": "mews", "cotts": "cottages", "ests": "estate", "est": "estate",
}  # fmt: skip
# The thoroughfare words written out, and as people shorten them.
THOROUGHFARES = frozenset(STREET_WORDS.values()) | {"street", "road", "row", "st", *STREET_WORDS}
