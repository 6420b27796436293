"""A vectorised first pass: which distinct values of a column are certainly fine.

The per-value checks in :mod:`.engine` are the definition of what is wrong;
this pass only spares them the values that are plainly right (most of any real
list), using Arrow's string kernels (RE2 patterns, no Python per value). It may
leave a fine value for the slow path, but never passes a value the slow path
would flag (a property test checks it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..clean.emails import _RESERVED_LABEL, _SIMPLE, EXAMPLE_DOMAINS
from ..clean.missing import PLACEHOLDER_PATTERN, ZEROS_PATTERN
from ..clean.phones import DRAMA_RANGES, uk_number_valid
from ..standard.dictionary import CodeList, TagEntry

# RE2 has no look-around and its \s is ASCII only, so whitespace is spelled out as
# exactly the characters Python's \s matches (what the per-value checks use).
_WS = "".join(f"\\x{{{ord(c):x}}}" for c in map(chr, range(0x3001)) if re.match(r"\s", c))
# No whitespace but single spaces between words, and no formula-like first character.
_TIDY = rf"^[^{_WS}=+\-@](?:[^{_WS}]| [^{_WS}])*$"
_POSTCODE_STANDARD = (
    r"^(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKSTUW]|"
    r"[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y]) [0-9][ABD-HJLNP-UW-Z]{2}$"
)
# The per-value checks' own pattern; RE2 spells Python's \Z as $.
_EMAIL_SIMPLE = _SIMPLE.pattern.replace(r"\Z", "$")
_NHS = r"^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$"
_DUMMIES = sorted({str(d) * 10 for d in range(10)} | {"0123456789", "1234567890", "9876543210"})
_DATE_STANDARD = r"^[0-9]{2}/[0-9]{2}/[0-9]{4}$"
_PHONE_STRIP = rf"[{_WS}\-().]"
_UK = r"^(?:\+44|0044|0)(?P<national>[1-9][0-9]{8,9})$"
_DRAMA_PREFIXES = tuple(prefix for prefix, _, _ in DRAMA_RANGES)
# Dates that may rightly be in the future: when a project or service starts and ends.
FUTURE_OK = frozenset({"#date+end", "#date+start"})


def _np(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(pc.fill_null(mask, False).to_numpy(zero_copy_only=False), dtype=bool)


def _match(text: pa.Array, pattern: str) -> np.ndarray:
    return _np(pc.match_substring_regex(text, pattern))


def _arrow_text(values: np.ndarray) -> tuple[pa.Array, np.ndarray]:
    """``values`` (all ``str``) as an Arrow array, and which of them it holds.

    Text that is not valid Unicode (a lone surrogate) cannot go to Arrow; it is
    left out, so the per-value checks see it.
    """
    try:
        return pa.array(values, type=pa.string()), np.ones(len(values), dtype=bool)
    except (pa.ArrowException, UnicodeEncodeError):
        keep = np.fromiter((_encodable(v) for v in values), bool, len(values))
        return pa.array(values[keep], type=pa.string()), keep


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def factorize(
    values: np.ndarray, arrow: pa.Array | None = None
) -> tuple[np.ndarray, np.ndarray, pa.Array | None]:
    """Each cell's distinct value: ``(which, uniques, text)``.

    ``which[i]`` indexes ``uniques`` (-1 for an empty cell). When every value is
    text, ``text`` is ``uniques`` as an Arrow array (a CSV, or a sheet of text).
    ``arrow``, when given, is ``values`` already as an Arrow string array.
    """
    arr = arrow
    # Plain text only: an Excel error value is a kind of str that must keep its type.
    if arr is None and set(map(type, values)) <= {str, type(None)}:
        with contextlib.suppress(pa.ArrowException, UnicodeEncodeError):
            arr = pa.array(values, type=pa.string())
    if arr is None:
        which, uniques = pd.factorize(values, use_na_sentinel=True)
        return which.astype(np.int64), np.asarray(uniques, dtype=object), None
    encoded = pc.dictionary_encode(arr)
    if isinstance(encoded, pa.ChunkedArray):
        # Arrow grows one dictionary across the chunks; every chunk ends up holding it.
        sizes = {len(chunk.dictionary) for chunk in encoded.chunks}
        if len(sizes) > 1:
            encoded = pc.dictionary_encode(arr.combine_chunks())
        elif encoded.num_chunks == 0:
            encoded = pc.dictionary_encode(pa.array([], type=pa.string()))
        else:
            indices = pa.chunked_array([chunk.indices for chunk in encoded.chunks])
            which = pc.fill_null(indices, -1).to_numpy().astype(np.int64)
            text = encoded.chunk(0).dictionary
            return which, text.to_numpy(zero_copy_only=False), text
    which = pc.fill_null(encoded.indices, -1).to_numpy().astype(np.int64)
    text = encoded.dictionary
    return which, text.to_numpy(zero_copy_only=False), text


def blank_values(uniques: np.ndarray, text: pa.Array | None) -> np.ndarray:
    """Which distinct values are text holding nothing but whitespace."""
    if text is not None:
        return _match(text, rf"^[{_WS}]*$")
    return np.fromiter((isinstance(v, str) and not v.strip() for v in uniques), bool, len(uniques))


def placeholder_values(
    uniques: np.ndarray, text: pa.Array | None, entry: TagEntry, codes: CodeList | None
) -> np.ndarray:
    """Which distinct values stand for a missing value ("N/A", "TBC", "0000") and are
    not a value of the column's code list."""
    from ..clean.datatypes import datatype

    kind = datatype(entry.datatype)
    if text is not None:
        found = _match(text, PLACEHOLDER_PATTERN)
        if not kind.numeric:
            found |= _match(text, ZEROS_PATTERN)
        if kind.marks:  # values the type reads, though they look like placeholders
            for i in np.flatnonzero(found):
                found[i] = kind.missing(str(uniques[i]))
    else:
        found = np.fromiter(
            (isinstance(v, str) and kind.missing(v) for v in uniques), bool, len(uniques)
        )
    if codes is not None and found.any():
        for i in np.flatnonzero(found):
            found[i] = codes.canonical(str(uniques[i])) is None
    return found


def id_keys(uniques: np.ndarray, text: pa.Array | None) -> tuple[np.ndarray, np.ndarray]:
    """IDs as compared for duplicates (text, trimmed, upper case): a key number for
    each distinct value, and whether it has a key at all (not blank)."""
    if text is None:
        keys = [str(v).strip().upper() for v in uniques]
        key_of, _ = pd.factorize(np.asarray(keys, dtype=object))
        return key_of.astype(np.int64), np.asarray([k != "" for k in keys], dtype=bool)
    trimmed = pc.replace_substring_regex(text, rf"^[{_WS}]+|[{_WS}]+$", "")
    keys = pc.utf8_upper(trimmed)
    encoded = pc.dictionary_encode(keys)
    return encoded.indices.to_numpy().astype(np.int64), _np(pc.not_equal(keys, ""))


def fine_values(
    values: np.ndarray, entry: TagEntry, codes: CodeList | None, today: dt.date, test_data: bool,
    max_age: int = 120, value_range: tuple[int, int | None] | None = None,
    text: pa.Array | None = None,
) -> np.ndarray:  # fmt: skip
    """A boolean mask over ``values`` (distinct cell values): True where certainly fine.

    ``text``, when given, is ``values`` (all text) already as an Arrow array.
    """
    fine = np.zeros(len(values), dtype=bool)
    if not len(values):
        return fine
    kind = entry.datatype
    if text is not None:
        fine[:] = _text_fine(text, kind, entry, codes, today, test_data, max_age, value_range)
        return fine & ~placeholder_values(values, text, entry, codes)
    is_str = np.fromiter((type(v) is str for v in values), bool, len(values))
    if is_str.any():
        text, held = _arrow_text(values[is_str])
        ok = np.zeros(len(text), dtype=bool)
        if len(text):
            ok = _text_fine(text, kind, entry, codes, today, test_data, max_age, value_range)
        in_arrow = np.zeros(int(is_str.sum()), dtype=bool)
        in_arrow[held] = ok & ~placeholder_values(values[is_str][held], text, entry, codes)
        fine[is_str] = in_arrow
    others = ~is_str
    if others.any():
        rest = values[others]
        if kind == "date":
            stamps = pd.to_datetime(
                pd.Series([v if isinstance(v, dt.date) else None for v in rest], dtype=object),
                errors="coerce",
            )
            fine[others] = _date_in_range(stamps, entry, today, max_age)
        elif kind == "integer" and value_range is not None:
            ints = np.array([float(v) if type(v) is int else np.nan for v in rest], dtype=float)
            fine[others] = _in_range(ints, value_range)
        elif kind == "number" and value_range is not None:
            numbers = np.array(
                [float(v) if type(v) in (int, float) else np.nan for v in rest], dtype=float
            )
            fine[others] = _in_range(numbers, value_range)
    return fine


def _text_fine(
    text: pa.Array, kind: str, entry: TagEntry, codes: CodeList | None, today: dt.date,
    test_data: bool, max_age: int, value_range: tuple[int, int | None] | None,
) -> np.ndarray:  # fmt: skip
    ok = np.zeros(len(text), dtype=bool)
    if kind == "nhs_number":
        return _nhs_fine(text, test_data)
    if kind == "phone":
        return _phone_fine(text, test_data)
    if kind == "uprn":
        return _match(text, r"^[0-9]{1,12}$")
    if kind == "date":
        standard = _match(text, _DATE_STANDARD)
        if standard.any():
            shaped = pd.Series(text.filter(pa.array(standard)).to_pylist(), dtype=object)
            parsed = pd.to_datetime(shaped, format="%d/%m/%Y", errors="coerce")
            ok[standard] = _date_in_range(parsed, entry, today, max_age)
        return ok
    if kind == "integer" and value_range is not None:
        digits = _match(text, r"^[0-9]{1,9}$")
        if digits.any():
            numbers = pc.cast(text.filter(pa.array(digits)), pa.int64()).to_numpy()
            ok[digits] = _in_range(numbers.astype(float), value_range)
        return ok
    if kind == "number" and value_range is not None:
        # Plain decimals (coordinates, amounts): cast in bulk, checked against the range.
        plain = _match(text, r"^-?[0-9]{1,15}(?:\.[0-9]{1,15})?$")
        if plain.any():
            numbers = pc.cast(text.filter(pa.array(plain)), pa.float64()).to_numpy()
            ok[plain] = _in_range(numbers, value_range)
        return ok
    tidy = _match(text, _TIDY)
    if kind == "id":
        return tidy & ~_match(text, r"^\S+(?: \S+){3,}$")  # four words or more: a note?
    if kind in ("text", "name", "address"):
        return tidy
    if kind == "postcode":
        return tidy & _match(text, _POSTCODE_STANDARD)
    if kind == "email":
        ok = tidy & _match(text, _EMAIL_SIMPLE) & ~_match(text, _RESERVED_LABEL.pattern)
        at = pc.find_substring(text, "@").to_numpy(zero_copy_only=False)
        ok &= at <= 64  # characters before the @ (the local part), as the slow path counts
        domain = pc.struct_field(pc.extract_regex(text, r"@(?P<d>[^@]*)$"), "d")
        ok &= _np(pc.equal(domain, pc.utf8_lower(domain)))
        if not test_data:
            for d in EXAMPLE_DOMAINS:
                ok &= ~_np(pc.equal(domain, d))
                ok &= ~_np(pc.ends_with(domain, "." + d))
        return ok
    if kind in ("code", "yes_no") and codes is not None and not entry.multiple:
        return tidy & _np(pc.is_in(text, value_set=pa.array(list(codes.labels), pa.string())))
    return ok


def _in_range(numbers: np.ndarray, value_range: tuple[int, int | None]) -> np.ndarray:
    low, high = value_range
    ok = ~np.isnan(numbers) & (numbers >= low)
    if high is not None:
        ok &= numbers <= high
    return ok


def _date_in_range(
    stamps: pd.Series | pd.DatetimeIndex, entry: TagEntry, today: dt.date, max_age: int
) -> np.ndarray:
    stamps = pd.Series(stamps)
    ok = stamps.notna()
    if entry.key not in FUTURE_OK:
        ok &= stamps <= pd.Timestamp(today)
    if entry.key == "#date+birth":
        ok &= stamps.dt.year >= today.year - max_age
    return ok.to_numpy(bool)


def _nhs_fine(text: pa.Array, test_data: bool) -> np.ndarray:
    shaped = _match(text, _NHS)
    ok = np.zeros(len(text), dtype=bool)
    if not shaped.any():
        return ok
    digits = pc.replace_substring(text.filter(pa.array(shaped)), " ", "")
    # Every value is now exactly ten ASCII digits, laid end to end in one buffer.
    start = np.frombuffer(digits.buffers()[1], dtype=np.int32)[digits.offset]
    raw = np.frombuffer(digits.buffers()[2], dtype=np.uint8)[start : start + 10 * len(digits)]
    arr = raw.reshape(-1, 10).astype(np.int64) - 48
    check = 11 - (arr[:, :9] * np.arange(10, 1, -1)).sum(axis=1) % 11
    check[check == 11] = 0
    good = (check == arr[:, 9]) & ~_np(pc.is_in(digits, value_set=pa.array(_DUMMIES)))
    if not test_data:
        good &= ~_np(pc.starts_with(digits, "999"))
    ok[shaped] = good
    return ok


def _prefix_keys(nat: pa.Array, length: pa.Array) -> pa.DictionaryArray:
    """Each national number's first seven digits and its length ("7700900:10"): the
    type and validity of a UK number follow from them, so each is looked up once."""
    return pc.binary_join_element_wise(
        pc.utf8_slice_codeunits(nat, 0, 7), pc.cast(length, pa.string()), ":"
    ).dictionary_encode()


def _prefixes(keys: pa.DictionaryArray) -> list[list[str]]:
    return [k.split(":") for k in keys.dictionary.to_pylist()]


def _phone_fine(text: pa.Array, test_data: bool) -> np.ndarray:
    tidy = ~_match(text, r"^[=\-@]") & _np(pc.equal(text, pc.utf8_trim_whitespace(text)))
    compact = pc.replace_substring_regex(text, _PHONE_STRIP, "")
    national = pc.struct_field(pc.extract_regex(compact, _UK), "national")
    has = _np(pc.is_valid(national))
    ok = np.zeros(len(text), dtype=bool)
    if not has.any():
        return ok
    nat = national.filter(pa.array(has))
    length = pc.utf8_length(nat)
    keys = _prefix_keys(nat, length)
    verdict = [uk_number_valid(p + "0" * (int(n) - 7))[0] for p, n in _prefixes(keys)]
    valid = np.asarray(verdict, dtype=bool)[keys.indices.to_numpy()]
    drama = np.zeros(len(nat), dtype=bool)
    lengths = length.to_numpy()
    for prefix in _DRAMA_PREFIXES:
        drama |= _np(pc.starts_with(nat, prefix)) & (lengths == len(prefix) + 3)
    ok[has] = np.where(drama, test_data, valid)
    return ok & tidy


def _strings(values: np.ndarray) -> np.ndarray:
    return np.array([v if isinstance(v, str) else str(v) for v in values], dtype=object)


def valid_emails(values: np.ndarray) -> np.ndarray:
    """Which values are valid e-mail addresses: RE2 over the whole column for the usual
    shape, the full validator only for the rest."""
    from ..clean import normalise_email

    values = _strings(values)
    text, keep = _arrow_text(values)
    ok = np.zeros(len(values), dtype=bool)
    ok[keep] = _match(text, _EMAIL_SIMPLE) & ~_match(text, _RESERVED_LABEL.pattern)
    for i in np.flatnonzero(~ok):
        ok[i] = normalise_email(values[i]).valid
    return ok


def uk_mobiles(values: np.ndarray) -> np.ndarray:
    """Which values are UK mobile numbers. Numbers written the usual UK ways are sorted
    by their first digits in bulk (one phonenumbers lookup per prefix); anything else
    goes through the full parser."""
    from ..clean import normalise_phone

    values = _strings(values)
    text, keep = _arrow_text(values)
    compact = pc.replace_substring_regex(text, _PHONE_STRIP, "")
    national = pc.struct_field(pc.extract_regex(compact, _UK), "national")
    has = _np(pc.is_valid(national))
    inner = np.zeros(len(text), dtype=bool)
    if has.any():
        nat = national.filter(pa.array(has))
        keys = _prefix_keys(nat, pc.utf8_length(nat))
        verdict = [
            bool(normalise_phone("0" + p + "0" * (int(n) - 7)).mobile) for p, n in _prefixes(keys)
        ]
        inner[has] = np.asarray(verdict, dtype=bool)[keys.indices.to_numpy()]
    out = np.zeros(len(values), dtype=bool)
    out[keep] = inner
    handled = np.zeros(len(values), dtype=bool)
    handled[np.flatnonzero(keep)[has]] = True
    for i in np.flatnonzero(~handled):
        out[i] = bool(normalise_phone(values[i]).mobile)
    return out
