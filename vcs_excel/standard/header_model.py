"""What other lists' headers say: a model of header words, learned from labelled headers.

The rules of :mod:`.suggest` read a header through the data dictionary's synonyms. A
kind of list they have not seen brings words of its own ("cinclosuredate",
"transferor_regno", "SchoolCapacity"), and there the rules mostly say nothing, or
are sure where they should not be. This model has read the headers of many public
lists by other hands, each labelled with its tag (or with none), and the dictionary's
synonyms; it gives, for any header, how likely each tag is and how likely no tag is.

The suggester uses it in two ways, each leaving the choice to a person:

* a header no rule reads gets the model's tag, marked unsure, when the model is very
  sure of it (``FILL``);
* a rule's confident suggestion from the header alone is marked unsure when the model
  gives its kind of field little weight (``DOUBT``). Whose field it is (a person's,
  an organisation's, a place's or a service's name or reference) the rules read from
  the whole sheet, so the model is asked only what the field is.

Measured at first look (``benchmarks/realworld/first_look.py --with-model``: each of 42
batches of the corpus suggested by the rules and a model as they stood before the
batch), the model moves top-1 accuracy from 70.6% to 71.5% and the no-tag headers left
untagged from 81.1% to 80.5%, and makes confident suggestions right 85.5% of the time
instead of 81.3% (648 confident instead of 728). Dropping the rules' unsure suggestions where
the model expects no tag was tried: it dropped as many right suggestions as wrong
ones, so the rules' hints stay for a person to judge.

It is scikit-learn's logistic regression over the character n-grams and words of the
normalised header. Training takes a while and needs scikit-learn, so the fitted weights
ship with the package (``header_model.npz``, plain arrays, no pickle) and reading a
header needs numpy only. ``make model`` rebuilds them from their sources (``python -m
vcs_excel.standard.header_model --corpus benchmarks/realworld/headers.csv``); a test
fails while they are out of date.

The labelled headers (``data_dictionary/labelled_headers.csv``) are the development
half of the project's corpus of public files (``benchmarks/realworld/``, where each
source's publisher and licence are listed); its test half is never learned from.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import logging
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .dictionary import DICTIONARY_DIR, DataDictionary, load_dictionary, normal_key

LABELLED = DICTIONARY_DIR / "labelled_headers.csv"
MODEL = DICTIONARY_DIR / "header_model.npz"
NO_TAG = "-"  # the class of headers with no fitting tag

FILL = 0.9  # an unread header gets the model's tag at this probability or more
DOUBT = 0.5  # a confident suggestion from the header alone is unsure below this

_C = 10.0  # inverse regularisation of the regression
_PRUNE = 0.1  # weights smaller than this are left out of the shipped file
_SYNONYM_WEIGHT = 2  # each synonym counts as two labelled headers
# (analyzer, n-gram range) of each block of features, joined side by side.
_BLOCKS = (("char_wb", (2, 5)), ("word", (1, 1)))


def header_text(header: str) -> str:
    """The header as the model reads it: split and normalised as the rules split it."""
    from .suggest import header_keys

    keys = header_keys(header)
    return keys[0] if keys else ""


def _synonym_rows(dictionary: DataDictionary) -> list[tuple[str, str]]:
    from .suggest import _key_candidates

    return [
        (normal_key(text), entry.tag)
        for entry in dictionary.entries
        for text in _key_candidates(entry)
        if normal_key(text)
    ]


def _labelled_rows(path: Path = LABELLED) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [(header_text(r["header"]), r["tag"] or NO_TAG) for r in csv.DictReader(fh)]


def training_rows(
    dictionary: DataDictionary | None = None, labelled: Path = LABELLED
) -> list[tuple[str, str]]:
    """(normalised header, tag or ``NO_TAG``) for every example the model learns from."""
    dictionary = dictionary or load_dictionary()
    return _synonym_rows(dictionary) * _SYNONYM_WEIGHT + _labelled_rows(labelled)


def fingerprint(rows: Sequence[tuple[str, str]]) -> str:
    """A digest of the training rows and settings: the shipped model must match it."""
    digest = hashlib.sha256(repr((_C, _PRUNE, _BLOCKS)).encode())
    for text, tag in rows:
        digest.update(f"{text}\t{tag}\n".encode())
    return digest.hexdigest()


def _vectorizer(analyzer: str, ngrams: tuple[int, int]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True)


_WORD = re.compile(r"(?u)\b\w\w+\b")


def _grams(text: str, analyzer: str, ngrams: tuple[int, int]) -> list[str]:
    """The features scikit-learn's ``TfidfVectorizer`` takes from a text with this analyzer
    (lower case; "word": words of two letters or more; "char_wb": character n-grams
    within each word padded with a space). Written out so that reading a header needs
    numpy only; a test holds it equal to scikit-learn's."""
    text = text.lower()
    if analyzer == "word":
        return _WORD.findall(text)
    low, high = ngrams
    out = []
    for word in text.split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) < n:
                out.append(padded)  # a short word counts once, whole
                break
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
            if len(padded) == n:
                break
    return out


class HeaderModel:
    """Fitted weights: for a header, the probability of each tag and of no tag."""

    def __init__(
        self,
        vocabularies: list[dict[str, int]],
        idf: list[np.ndarray],
        weights: np.ndarray,
        intercept: np.ndarray,
        classes: Sequence[str],
        fingerprint: str,
    ) -> None:
        self.vocabularies = vocabularies
        self.idf = idf
        self.weights = weights  # classes x features, joined block after block
        self._by_feature = np.ascontiguousarray(weights.T)  # a feature's weights together
        self.intercept = intercept
        self.classes = [str(c) for c in classes]
        self.fingerprint = fingerprint

    @classmethod
    def fit(cls, rows: Sequence[tuple[str, str]]) -> HeaderModel:
        """Learn from (normalised header, tag or ``NO_TAG``) rows with scikit-learn (the
        ``dev`` extra); about 20 seconds."""
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        texts = [t for t, _ in rows]
        vectorizers = [_vectorizer(a, n).fit(texts) for a, n in _BLOCKS]
        features = hstack([v.transform(texts) for v in vectorizers]).tocsr()
        classifier = LogisticRegression(C=_C, max_iter=3000)
        classifier.fit(features, [tag for _, tag in rows])
        weights = classifier.coef_
        return cls(
            [{str(k): int(i) for k, i in v.vocabulary_.items()} for v in vectorizers],
            [v.idf_ for v in vectorizers],
            np.where(np.abs(weights) >= _PRUNE, weights, 0.0),
            classifier.intercept_,
            classifier.classes_,
            fingerprint(rows),
        )

    def save(self, path: Path = MODEL) -> None:
        """Write the weights (those left after pruning) as plain arrays, no pickle."""
        rows, columns = np.nonzero(self.weights)
        arrays: dict[str, np.ndarray] = {
            "classes": np.array(self.classes),
            "intercept": self.intercept.astype(np.float32),
            "weight_rows": rows.astype(np.int16),
            "weight_columns": columns.astype(np.int32),
            "weight_values": self.weights[rows, columns].astype(np.float32),
            "fingerprint": np.array(self.fingerprint),
        }
        for i, vocabulary in enumerate(self.vocabularies):
            arrays[f"features{i}"] = np.array(sorted(vocabulary, key=vocabulary.__getitem__))
            arrays[f"idf{i}"] = self.idf[i].astype(np.float32)
        with path.open("wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: Path = MODEL) -> HeaderModel:
        with np.load(path, allow_pickle=False) as z:
            vocabularies = [
                {str(f): i for i, f in enumerate(z[f"features{b}"])} for b in range(len(_BLOCKS))
            ]
            idf = [z[f"idf{b}"].astype(np.float64) for b in range(len(_BLOCKS))]
            classes = [str(c) for c in z["classes"]]
            weights = np.zeros((len(classes), sum(map(len, vocabularies))))
            weights[z["weight_rows"], z["weight_columns"]] = z["weight_values"]
            return cls(vocabularies, idf, weights, z["intercept"].astype(np.float64),
                       classes, str(z["fingerprint"]))  # fmt: skip

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The TF-IDF features of one normalised header, as (columns, values): sublinear
        counts, each block of unit length, as scikit-learn's vectorizers give them."""
        columns, values, start = [], [], 0
        for (analyzer, ngrams), vocabulary, idf in zip(_BLOCKS, self.vocabularies, self.idf,
                                                       strict=True):  # fmt: skip
            counts: dict[int, int] = {}
            for gram in _grams(text, analyzer, ngrams):
                j = vocabulary.get(gram)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if counts:
                found = np.fromiter(counts, dtype=np.int64)
                weight = (1 + np.log(np.fromiter(counts.values(), dtype=float))) * idf[found]
                columns.append(start + found)
                values.append(weight / np.linalg.norm(weight))
            start += len(vocabulary)
        if not columns:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(columns), np.concatenate(values)

    def probabilities(self, headers: Sequence[str]) -> list[dict[str, float]]:
        """For each header (as written), the probability of each tag and of ``NO_TAG``."""
        out = []
        for header in headers:
            columns, values = self.features(header_text(header))
            scores = values @ self._by_feature[columns] + self.intercept
            chances = np.exp(scores - scores.max())
            out.append(dict(zip(self.classes, (chances / chances.sum()).tolist(), strict=True)))
        return out


@functools.cache
def default_model(path: Path = MODEL) -> HeaderModel | None:
    """The shipped model, or ``None`` (the rules alone) where the file is missing or
    cannot be read, with a warning in the log: tagging still works without it."""
    if not path.exists():
        return None
    try:
        return HeaderModel.load(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        logging.getLogger("vcs_excel").warning(
            "The model of header words (%s) could not be read (%s): tags are suggested "
            "by the rules alone.",
            path.name,
            exc,
        )
        return None


def copy_labelled(corpus: Path, path: Path = LABELLED) -> int:
    """Write the development half of a labelled corpus (``benchmarks/realworld/headers.csv``:
    source, header, tag, split) as the model's labelled headers; the test half is left."""
    with corpus.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == "dev"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["source", "header", "tag"])
        out.writerows([r["source"], r["header"], r["tag"]] for r in rows)
    return len(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild ``header_model.npz`` from the dictionary and the labelled headers; with
    ``--corpus PATH``, first copy the labelled headers from that corpus's development half."""
    args = list(argv or [])
    if args[:1] == ["--corpus"] and len(args) == 2:
        print(f"{LABELLED.name}: {copy_labelled(Path(args[1]))} headers")
    elif args:
        print("usage: python -m vcs_excel.standard.header_model [--corpus HEADERS.csv]")
        return 2
    rows = training_rows()
    model = HeaderModel.fit(rows)
    model.save()
    print(f"{MODEL.name}: {len(rows)} examples, {len(model.classes)} classes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
