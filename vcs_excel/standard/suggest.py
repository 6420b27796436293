"""Suggesting a tag for each free-text header.

Real headers are messy: "D.O.B", "NHS No.", "Post Code", "Client's date of
birth", "Adress". A header is matched, in this order, against every tag's
synonyms, label and tag text:

1. a header that is already a tag is looked up as one (confidence 1);
2. the whole header, normalised (case, punctuation, "no." read as "number",
   bracketed hints such as "(dd/mm/yyyy)" dropped), equals a synonym (1);
3. every word of a synonym appears in the header and the words left over are
   only fillers such as "client's" or "current" (0.9);
4. the header is a near spelling of a synonym, as with a typo (0.75 to 0.9).

Below that the header gets no tag: an unknown header is left for a person
rather than forced onto a wrong tag. Suggestions under ``CONFIDENT`` are
marked for a person to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .dictionary import DataDictionary, TagEntry, load_dictionary, normal_key
from .hashtags import HashtagError

CONFIDENT = 0.85
LOWEST = 0.72

_ABBREVIATIONS = {
    "no": "number", "num": "number", "nbr": "number", "tel": "telephone", "mob": "mobile",
    "addr": "address", "add": "address", "dob": "date of birth", "yrs": "years", "hh": "household",
    "info": "information", "org": "organisation", "approx": "approximately",
}  # fmt: skip
# Words that qualify a header without changing what the column holds.
_FILLERS = {
    "client", "clients", "patient", "patients", "resident", "residents", "customer", "customers",
    "service", "user", "users", "person", "persons", "individual", "their", "your", "the", "of",
    "main", "primary", "current", "s", "details", "detail", "field", "column", "registered",
    "recorded", "full", "please", "enter", "this", "record", "member", "members", "applicant",
    "tenant", "beneficiary", "participant", "attendee", "a", "an", "if", "any", "known",
    "latest", "new", "data",
    # Qualifiers of where or whose, which do not change the kind of value.
    "home", "venue", "site", "property", "postal", "delivery", "correspondence", "work",
    # The function words of headers written as questions on forms.
    "what", "which", "how", "is", "are", "was", "do", "does", "did", "you", "we", "us", "to",
    "would", "like", "need", "needs", "have", "has", "can", "could", "for", "in", "on", "with",
    "tell", "give", "about", "prefer", "preferred", "best", "or", "and", "our", "my",
    "they", "them", "he", "she", "his", "her", "be", "will", "should", "there", "where", "who",
    "at",
}  # fmt: skip
_OPTIONS = re.compile(r"\s*/\s*|\s+or\s+")
# Words that make a column about someone else (an emergency contact's phone is not
# the resident's phone): a synonym must name them itself to match such a header.
_OTHER_PARTY = {
    "emergency", "kin", "gp", "doctor", "referrer", "referring", "carer", "parent", "guardian",
    "landlord", "employer", "school", "nok", "spouse", "partner",
}  # fmt: skip
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


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


def _expand(key: str) -> str:
    return " ".join(_ABBREVIATIONS.get(word, word) for word in key.split())


def header_keys(header: str) -> list[str]:
    """The normalised forms a header is matched in (full, without brackets, expanded)."""
    full = normal_key(header)
    bare = normal_key(_BRACKETS.sub(" ", header))
    keys = []
    for key in (full, bare, _expand(full), _expand(bare)):
        if key and key not in keys:
            keys.append(key)
    return keys


class TagSuggester:
    """Suggests tags from one data dictionary (built once, then fast per header)."""

    def __init__(self, dictionary: DataDictionary | None = None) -> None:
        self.dictionary = dictionary or load_dictionary()
        self.index: dict[str, TagEntry] = {}
        for entry in self.dictionary.entries:
            texts = [*entry.synonyms, entry.label, entry.tag.replace("#", " ").replace("+", " ")]
            for text in texts:
                for key in {normal_key(text), _expand(normal_key(text))}:
                    if key:
                        self.index.setdefault(key, entry)
        self._keys = list(self.index)
        self._word_sets = [(set(k.split()), k) for k in self._keys]

    def suggest(self, header: object) -> Suggestion:
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
        keys = header_keys(text)
        for key in keys:
            if key in self.index:
                entry = self.index[key]
                return Suggestion(text, entry.tag, 1.0, entry.label, f"'{key}' is a known header")
        return self._contained(text, keys) or self._options(text) or self._near(text, keys)

    def _contained(self, text: str, keys: list[str]) -> Suggestion | None:
        """A synonym whose words all appear in the header.

        The header's other words must be fillers, unless the synonym itself has
        two or more real words ("main language", "email address"): that is
        strong enough evidence on its own.
        """
        best: tuple[float, int, str] | None = None
        for key in keys:
            words = set(key.split())
            others = words & _OTHER_PARTY
            for syn_words, syn in self._word_sets:
                if others - syn_words:
                    continue
                content = syn_words - _FILLERS
                if not content or not syn_words <= words:
                    continue
                extra = words - syn_words - _FILLERS
                if extra and len(content) < 2:
                    continue
                confidence = 0.9 if not extra else 0.86
                candidate = (confidence, len(syn), syn)
                if best is None or candidate > best:
                    best = candidate
        if best is None:
            return None
        entry = self.index[best[2]]
        return Suggestion(text, entry.tag, best[0], entry.label, f"contains '{best[2]}'")

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

    def _near(self, text: str, keys: list[str]) -> Suggestion:
        from rapidfuzz import fuzz, process

        top: tuple[float, str] = (0.0, "")
        for key in keys:
            if len(key) < 4:
                continue
            found = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=85)
            if found and found[1] > top[0]:
                top = (found[1], found[0])
        if not top[1]:
            return Suggestion(text, None, 0.0, reason="no tag fits this header")
        confidence = round(0.9 * top[0] / 100, 3)
        entry = self.index[top[1]]
        if confidence < LOWEST:
            return Suggestion(text, None, confidence, reason=f"closest was '{top[1]}'")
        return Suggestion(text, entry.tag, confidence, entry.label, f"looks like '{top[1]}'")


_DEFAULT: TagSuggester | None = None


def default_suggester() -> TagSuggester:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = TagSuggester()
    return _DEFAULT


def suggest_tags(headers: Iterable[object]) -> list[Suggestion]:
    """The best tag and a confidence for each header.

    >>> [s.tag for s in suggest_tags(["D.O.B", "Post Code", "Notes"])]
    ['#date+birth', '#contact+address+postcode', None]
    """
    suggester = default_suggester()
    return [suggester.suggest(h) for h in headers]


def suggest_tag(header: object) -> Sequence[object]:
    """One header's suggestion as (tag, confidence)."""
    s = default_suggester().suggest(header)
    return s.tag, s.confidence


def suggest_columns(
    headers: Sequence[object], values: Sequence[Sequence[object]] | None = None
) -> list[Suggestion]:
    """The best tag for each column of one sheet, from its header (and values)."""
    return suggest_tags(headers)
