"""The data dictionary: tag entries and code lists, loaded from ``data_dictionary/``.

The standard is data, not code: ``tags.toml`` holds one entry per kind of
column and ``codelists/*.csv`` the allowed values. Languages come from ISO 639
(``pycountry``), with the names UK lists actually use added from
``codelists/language_names.csv``.
"""

from __future__ import annotations

import csv
import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..clean.text import MULTI_SPLIT
from .hashtags import Hashtag, HashtagError, parse_hashtag

__all__ = ["MULTI_SPLIT", "CodeList", "DataDictionary", "TagEntry", "load_dictionary"]

DICTIONARY_DIR = Path(__file__).resolve().parents[1] / "data_dictionary"
DATATYPES = (
    "text", "name", "date", "integer", "number", "postcode", "phone", "email", "nhs_number",
    "code", "yes_no", "uprn", "id", "address", "url",
)  # fmt: skip
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


def normal_key(text: str) -> str:
    """Lower case, accents and punctuation removed, ``&`` read as "and", spaces folded."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ").replace("_", " ")
    return _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()


@dataclass(frozen=True)
class TagEntry:
    """One tag of the standard (see ``data_dictionary/tags.toml`` for the fields)."""

    tag: str
    hashtag: Hashtag
    label: str
    description: str
    datatype: str
    group: str
    aliases: tuple[str, ...] = ()
    format: str = ""
    codelist: str = ""
    multiple: bool = False
    required: bool = False
    special: bool = False
    unique: bool = False  # each value appears once in a list (a record's own ID)
    example: str = ""
    synonyms: tuple[str, ...] = ()
    # Synonyms that often mean something else ("title", "unit"): they suggest the tag
    # for a person to confirm.
    loose: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.hashtag.key


@dataclass(frozen=True)
class CodeValue:
    code: str
    label: str
    group: str
    synonyms: tuple[str, ...] = ()
    # Whether the code itself is a way to write the value: not for the codes of the many
    # small languages that are English words ("yes" is Nyankpa, "any" Anyin).
    code_is_spelling: bool = True
    # Other codes that stand for the value, read before any name: a language's two-letter
    # ISO 639-1 code ("en" is English before it is the name of the En language).
    other_codes: tuple[str, ...] = ()


@dataclass
class CodeList:
    """Allowed values of a coded column, with the spellings people use for them."""

    name: str
    values: list[CodeValue]
    _index: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Codes first: "ron" is Romanian's code before it is the name of the Ron language,
        # "dan" Danish's before the Dan language's.
        for v in self.values:
            if v.code_is_spelling and normal_key(v.code):
                self._index.setdefault(normal_key(v.code), v.label)
            for code in v.other_codes:
                self._index.setdefault(normal_key(code), v.label)
        for v in self.values:
            for text in (v.label, *v.synonyms):
                key = normal_key(text)
                if key:
                    self._index.setdefault(key, v.label)

    @property
    def labels(self) -> list[str]:
        return [v.label for v in self.values]

    def canonical(self, value: str) -> str | None:
        """The list's own label for ``value`` (any known spelling), else ``None``."""
        return self._index.get(normal_key(value))

    def suggest(self, value: str, cutoff: float = 80) -> str | None:
        """The closest label for a value that is not in the list ("did you mean")."""
        from rapidfuzz import fuzz, process

        key = normal_key(value)
        if len(key) < 4:
            return None  # "Yes", "any": too short to say which value was meant
        found = process.extractOne(key, self._index.keys(), scorer=fuzz.WRatio, score_cutoff=cutoff)
        return self._index[found[0]] if found else None

    def group_of(self, label: str) -> str | None:
        return next((v.group for v in self.values if v.label == label), None)


@dataclass
class DataDictionary:
    entries: list[TagEntry]
    codelists: dict[str, CodeList]
    _by_key: dict[str, TagEntry] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for text in (entry.tag, *entry.aliases):
                key = parse_hashtag(text).key
                if key in self._by_key and self._by_key[key] is not entry:
                    raise ValueError(f"tag {text} is defined twice in the data dictionary")
                self._by_key[key] = entry

    def lookup(self, tag_text: str) -> TagEntry | None:
        """The entry for a tag as written in a sheet, or ``None`` if it is not known.

        Exact tags and their aliases match first; otherwise, as in HXL, the
        entry whose tag the column's tag contains (``#contact+phone+home``
        contains ``#contact+phone``), the most specific one winning.
        """
        hashtag = parse_hashtag(tag_text)
        if hashtag.key in self._by_key:
            return self._by_key[hashtag.key]
        best: TagEntry | None = None
        best_size = -1
        for key, entry in self._by_key.items():
            candidate = parse_hashtag(key)
            if hashtag.has(candidate) and len(candidate.attributes) > best_size:
                best, best_size = entry, len(candidate.attributes)
        return best

    def entry(self, tag: str) -> TagEntry:
        found = self.lookup(tag)
        if found is None:
            raise KeyError(tag)
        return found

    def codelist_for(self, entry: TagEntry) -> CodeList | None:
        return self.codelists.get(entry.codelist) if entry.codelist else None


def _bool(value: object) -> bool:
    return bool(value) and value is not False


def _load_codelist(path: Path) -> CodeList:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    values = [
        CodeValue(
            code=row["code"],
            label=row["label"],
            group=row["group"],
            synonyms=tuple(s for s in (row.get("synonyms") or "").split("|") if s),
        )
        for row in rows
    ]
    return CodeList(path.stem, values)


_ANSWERS = {"no"}


def _language_codelist(folder: Path) -> CodeList:
    import pycountry

    with (folder / "language_names.csv").open(encoding="utf-8", newline="") as fh:
        names = list(csv.DictReader(fh))
    preferred: dict[str, str] = {}
    extra: dict[str, list[str]] = {}
    for row in names:
        preferred.setdefault(row["code"], row["name"])
        extra.setdefault(row["code"], []).append(row["name"])
    values = []
    for lang in pycountry.languages:
        code = lang.alpha_3
        if getattr(lang, "type", "L") not in ("L",) and code not in preferred:
            continue  # historical, extinct and constructed languages
        label = preferred.get(code, lang.name)
        synonyms = [lang.name, *extra.get(code, [])]
        # A three-letter code is read as the language only for languages with a two-letter
        # code too (the widely used ones: "pol", "urd") or named in the list people use
        # here: a "Yes" or "any" in a language column is not Nyankpa or Anyin.
        spelt = code in preferred or hasattr(lang, "alpha_2")
        # Two-letter codes as exports write them ("en", "pl", "so"), but "no" in a
        # language column answers a question; it is not Norwegian.
        short = getattr(lang, "alpha_2", "")
        two_letter = (short,) if short and short not in _ANSWERS else ()
        values.append(CodeValue(code, label, "Language", tuple(synonyms), spelt, two_letter))
    values.append(CodeValue("sgn", "Sign language", "Language", ("Sign language",)))
    return CodeList("language", values)


@functools.cache
def load_dictionary(folder: Path = DICTIONARY_DIR) -> DataDictionary:
    """Load and check the data dictionary (cached: it does not change while running)."""
    data = tomllib.loads((folder / "tags.toml").read_text("utf-8"))
    codelists = {
        p.stem: _load_codelist(p)
        for p in sorted((folder / "codelists").glob("*.csv"))
        if p.stem != "language_names"
    }
    codelists["language"] = _language_codelist(folder / "codelists")
    entries = []
    for raw in data["tag"]:
        try:
            hashtag = parse_hashtag(raw["tag"])
        except HashtagError as exc:
            raise ValueError(f"data dictionary: {exc}") from None
        if raw["datatype"] not in DATATYPES:
            raise ValueError(f"data dictionary: {raw['tag']} has unknown datatype")
        if raw.get("codelist") and raw["codelist"] not in codelists:
            raise ValueError(f"data dictionary: {raw['tag']} names a missing code list")
        entries.append(
            TagEntry(
                tag=raw["tag"],
                hashtag=hashtag,
                label=raw["label"],
                description=raw["description"],
                datatype=raw["datatype"],
                group=raw["group"],
                aliases=tuple(raw.get("aliases", ())),
                format=raw.get("format", ""),
                codelist=raw.get("codelist", ""),
                multiple=_bool(raw.get("multiple")),
                required=_bool(raw.get("required")),
                special=_bool(raw.get("special")),
                unique=_bool(raw.get("unique")),
                example=raw.get("example", ""),
                synonyms=tuple(raw.get("synonyms", ())),
                loose=tuple(raw.get("loose", ())),
            )
        )
    return DataDictionary(entries, codelists)
