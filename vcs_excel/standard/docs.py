"""The data dictionary for people: rows for the Dictionary tab, and the Markdown page
``docs/data-dictionary.md``. Both come from the same data files."""

from __future__ import annotations

from pathlib import Path

from .dictionary import DataDictionary, TagEntry, load_dictionary

COLUMNS = ["Tag", "Label", "What it means", "Type", "Format or code list", "Required",
           "Special category", "Example"]  # fmt: skip
DOCS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md"


def _format(entry: TagEntry, dictionary: DataDictionary, limit: int = 12) -> str:
    codes = dictionary.codelist_for(entry)
    if codes is None:
        return entry.format
    if codes.name == "language":
        return "ISO 639 language names or codes (English, Polish, British Sign Language, pol ...)"
    labels = codes.labels
    shown = "; ".join(labels[:limit]) + ("; ..." if len(labels) > limit else "")
    several = " (one or more, separated by commas)" if entry.multiple else ""
    return f"One of: {shown}{several}"


def dictionary_rows(dictionary: DataDictionary | None = None) -> list[list[str]]:
    """One row per tag, in the Dictionary tab's columns."""
    dictionary = dictionary or load_dictionary()
    rows = []
    for e in dictionary.entries:
        tag = e.tag + (f" (also {', '.join(e.aliases)})" if e.aliases else "")
        rows.append(
            [tag, e.label, e.description, e.datatype, _format(e, dictionary, limit=25),
             "Yes" if e.required else "", "Yes" if e.special else "", e.example]
        )  # fmt: skip
    return rows


def markdown(dictionary: DataDictionary | None = None) -> str:
    """The whole data dictionary as a Markdown page."""
    dictionary = dictionary or load_dictionary()
    out = [
        "# The vcs-excel data dictionary",
        "",
        "Generated from `vcs_excel/data_dictionary/` (do not edit by hand: run",
        "`python -m vcs_excel.pages`). Tags follow HXL: a `#hashtag` and `+attributes`,",
        "in a row directly under a sheet's headers. Case and the order of attributes do not",
        "matter. *Special category* marks personal data under UK GDPR article 9: share it only",
        "with a lawful basis.",
        "",
    ]
    groups: dict[str, list[TagEntry]] = {}
    for e in dictionary.entries:
        groups.setdefault(e.group, []).append(e)
    for group, entries in groups.items():
        out += [f"## {group}", "", "| Tag | Label | What it means | Type | Format | Example |",
                "|---|---|---|---|---|---|"]  # fmt: skip
        for e in entries:
            flags = " **Required.**" if e.required else ""
            flags += " *Special category.*" if e.special else ""
            aliases = f"<br>also {', '.join(f'`{a}`' for a in e.aliases)}" if e.aliases else ""
            cells = [f"`{e.tag}`{aliases}", e.label, e.description + flags, e.datatype,
                     _format(e, dictionary, limit=8), e.example]  # fmt: skip
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out.append("")
    out += ["## Code lists", ""]
    for name, codes in dictionary.codelists.items():
        if name == "language":
            out += [f"### {name}", "", "ISO 639 (through the `pycountry` package), with the names "
                    "UK lists use added from `codelists/language_names.csv`. A language is "
                    "accepted by its name, by its two-letter code (en, pl, so; not no, which "
                    "answers a question), or by its three-letter code where it also has a "
                    "two-letter one or is in that file (pol, urd, som): the codes of many "
                    "small languages are English words (yes, any, all), so those are not read "
                    "as languages. Codes are read before names: en is English, not the En "
                    "language.", ""]  # fmt: skip
            continue
        out += [f"### {name}", "", "| Value | Also accepted |", "|---|---|"]
        for v in codes.values:
            out.append(f"| {v.label} | {', '.join(v.synonyms)} |")
        out.append("")
    return "\n".join(out)
