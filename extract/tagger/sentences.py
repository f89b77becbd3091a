"""Sentence boundaries, and the doc's words as plain strings for the rule components.

``sentence_boundaries`` follows spaCy's rule-based sentencizer (a sentence ends after sentence-
final punctuation, with closing quotes and brackets attached) and adds one rule: a blank line
always starts a sentence, since headlines, bylines and list items carry no full stop. It works
on token arrays rather than token by token: on a blank model, per-token Python loops would cost
more than all of spaCy's own work, so the components below read words through ``words_of``.
"""
from functools import cached_property

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.strings import hash_string
from spacy.tokens import Doc

_HASH_CACHE: dict[int, np.ndarray] = {}


def word_hashes(words) -> np.ndarray:
    return np.array(sorted(hash_string(word) for word in words), dtype=np.uint64)


def _hashes(words: frozenset[str]) -> np.ndarray:
    hashes = _HASH_CACHE.get(id(words))
    if hashes is None:
        hashes = _HASH_CACHE[id(words)] = word_hashes(words)
    return hashes


def _member(values: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """values in hashes, as a boolean array (a sorted-array look-up: np.isin costs more than a
    whole doc on short texts)."""
    found = np.searchsorted(hashes, values)
    found[found == len(hashes)] = 0
    return hashes[found] == values


def positions(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of ``words``."""
    if not len(doc):
        return []
    lowers = doc._.words.lower_hashes if doc._.words is not None else doc.to_array(LOWER)
    return np.flatnonzero(_member(lowers, _hashes(words))).tolist()


SENTENCE_FINAL = frozenset(Sentencizer.default_punct_chars)


@Language.component("sentence_boundaries")
def sentence_boundaries(doc: Doc) -> Doc:
    if not len(doc):
        return doc
    attributes = doc.to_array([ORTH, IS_PUNCT, IS_SPACE])
    final = _member(attributes[:, 0], _hashes(SENTENCE_FINAL))
    space = attributes[:, 2].astype(bool)
    word = ~attributes[:, 1].astype(bool) & ~final & ~space
    starts = np.zeros(len(doc), dtype=bool)
    starts[0] = True
    # A word starts a sentence when sentence-final punctuation came after the previous word.
    word_indices = np.flatnonzero(word)
    finals_before = np.concatenate(([0], np.cumsum(final)))  # finals in doc[:i]
    if len(word_indices) > 1:
        previous, current = word_indices[:-1], word_indices[1:]
        starts[current[finals_before[current] - finals_before[previous + 1] > 0]] = True
    # A blank line starts a sentence at the next word.
    strings = doc.vocab.strings
    breaks = [i for i in np.flatnonzero(space).tolist() if "\n" in strings[int(attributes[i, 0])]]
    following = np.searchsorted(word_indices, breaks)
    starts[word_indices[following[following < len(word_indices)]]] = True
    doc.from_array([SENT_START], np.where(starts, 1, -1).astype(np.int32).reshape(-1, 1).astype(np.uint64))
    return doc


class Words:
    """A doc's tokens as plain strings, read once and shared by the components: the rules look at
    words many times, and a Python list is far cheaper to index than a spaCy Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        strings = doc.vocab.strings
        self.text = [strings[orth] for orth in doc.to_array(ORTH).tolist()] if len(doc) else []

    @cached_property
    def lower(self) -> list[str]:
        return [w.lower() for w in self.text]

    @cached_property
    def lower_hashes(self) -> np.ndarray:
        return self.doc.to_array(LOWER)

    @cached_property
    def sentence_starts(self) -> list[int]:
        if not len(self.doc):
            return []
        return np.flatnonzero(self.doc.to_array(SENT_START).astype(np.int64) == 1).tolist()

    @cached_property
    def sentence_start_set(self) -> frozenset[int]:
        return frozenset(self.sentence_starts)

    @cached_property
    def _offsets_and_spaces(self) -> np.ndarray:
        return self.doc.to_array([IDX, SPACY])

    def span_text(self, start: int, end: int) -> tuple[str, int, int]:
        """The text of tokens start..end without surrounding whitespace, and its character offsets."""
        rows = self._offsets_and_spaces
        spaces = rows[start:end, 1].tolist()
        text = "".join(word + (" " if space else "") for word, space in zip(self.text[start:end], spaces, strict=True))
        stripped = text.strip()
        start_char = int(rows[start, 0]) + len(text) - len(text.lstrip())
        return stripped, start_char, start_char + len(stripped)


if not Doc.has_extension("words"):
    Doc.set_extension("words", default=None)


def words_of(doc: Doc) -> Words:
    if doc._.words is None:
        doc._.words = Words(doc)
    return doc._.words


def longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping matches, longer ones first and earlier ones on ties (as spaCy's
    filter_spans), without building a Span for every candidate."""
    taken: set[int] = set()
    kept = []
    for match_id, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if taken.isdisjoint(range(start, end)):
            kept.append((match_id, start, end))
            taken.update(range(start, end))
    return sorted(kept, key=lambda m: m[1])
