"""Sentence boundaries, and the doc's words as plain strings for the rule components.

``sentence_boundaries`` follows spaCy's rule-based sentencizer (a sentence ends after sentence-
final punctuation, with closing quotes and brackets attached) and adds one rule: a line break
always starts a sentence, since headlines, bylines and list items carry no full stop (cleaned
bodies hold line breaks only between paragraphs).

On a blank model spaCy's own work is only the tokenizer, so every per-token step of the rules
counts: reading a token's text through the Doc costs more than tokenizing it. The components
therefore share one ``Words`` table per doc: each token's text, lower-case form and kind come from
a table keyed by the token's hash (``token_structs.TokenTable``, compiled; a string's hash is the
same in every vocabulary, so one table serves every doc and pipeline in the process).
"""
import calendar
import re
from bisect import bisect_right
from functools import cache, cached_property

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc

try:
    from extract.tagger.token_structs import TokenTable, set_sentence_starts, span_text
except ImportError as error:
    raise ImportError("extract.tagger.token_structs is not compiled: run `make install` "
                      "(or pip install --no-build-isolation -e .)") from error

SENTENCE_FINAL = frozenset(Sentencizer.default_punct_chars)
# A token's kind, as sentence boundaries see it, as one letter; in upper case when the token is a
# cue word (below).
WORD, PUNCTUATION, OPENING, FINAL, SPACE, LINE_BREAK = "wpofsb"
# Brackets and curly quotes that open: they belong to the sentence after a break ("... agreed
# to:\n(a) build ...", '... said. “We will ...'). A straight quote cannot say which way it faces.
OPENING_PUNCTUATION = frozenset("([{“‘«")
CUE = re.compile("[A-Z]")

# The word lists the rules look up with Words.positions, registered as their modules load: their
# tokens are marked in the kinds string, so finding them is a scan in C rather than a Python loop
# over every token.
_CUE_WORDS: set[str] = set()


def cue_words(words: frozenset[str]) -> frozenset[str]:
    """Register a word list for ``Words.positions``; returns it."""
    if not words <= _CUE_WORDS:
        _CUE_WORDS.update(words)
        TOKENS.clear()  # entries made before do not mark these words
    return words


def _describe(doc: Doc, orth: int) -> tuple[str, str, str]:
    """A token's text, lower-case form and kind, for the token table."""
    text = doc.vocab.strings[orth]
    if text in SENTENCE_FINAL:
        kind = FINAL
    elif text in OPENING_PUNCTUATION:
        kind = OPENING
    elif text.isspace():
        kind = LINE_BREAK if "\n" in text else SPACE
    elif doc.vocab[orth].is_punct:
        kind = PUNCTUATION
    else:
        kind = WORD
    lower = text.lower()
    return text, lower, kind.upper() if lower in _CUE_WORDS else kind


# Grows with the words the process has seen, as spaCy's own vocabulary does.
TOKENS = TokenTable(_describe)


# Sentence-final punctuation or a line break, then the gap's other punctuation and spaces, then a word;
# the next sentence starts at the gap's first opening bracket or quote, else at the word.
SENTENCE_BREAK = re.compile(f"[{FINAL}{LINE_BREAK}][^{WORD}{OPENING}]*({OPENING})?[^{WORD}]*{WORD}", re.IGNORECASE)
FIRST_WORD = re.compile(WORD, re.IGNORECASE)


def _sentence_starts(kinds: str) -> list[int]:
    """A word starts a sentence when sentence-final punctuation came after the previous word, or a
    line break came before it. Matched on the tokens' kinds as one string of letters: a regular
    expression walks the doc faster than a Python loop over its tokens."""
    first_word = FIRST_WORD.search(kinds)  # found wherever SENTENCE_BREAK matches
    return [0] + [match.start(1) if match.start(1) >= 0 else match.end() - 1
                  for match in SENTENCE_BREAK.finditer(kinds)
                  if match.start() > first_word.start() or LINE_BREAK in match.group().lower()]


@cache
def _registered(word_lists: tuple[frozenset[str], ...]) -> None:
    if not all(words <= _CUE_WORDS for words in word_lists):
        raise ValueError("Words.positions needs word lists registered with cue_words()")


if not Doc.has_extension("words"):
    Doc.set_extension("words", default=None)


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# From the standard library, as extract.language's are: the tagger reads the seeds and nothing of a run.
MONTHS = frozenset(name.lower() for name in [*calendar.month_name, *calendar.month_abbr, "Sept"] if name)
DATELINE_TOKENS = 14  # "NEW DELHI, Sept 10 (Reuters) -": a place, a date, an agency


def dateline_end(text: tuple[str, ...], start: int, end: int) -> int:
    """Where the statement of a wire sentence begins after its dateline ("TOKYO, Sept 10 -
    Finland and Japan agreed ..."): a parser reads "TOKYO" as the sentence's root and the
    agreement as a clause below it, and the subject is lost. ``start`` when there is none."""
    first = text[start]
    bars = [i for i in range(start + 1, min(start + DATELINE_TOKENS, end - 1)) if text[i] == "|"] \
        if first.istitle() else []
    if bars and all(w.istitle() or w.isupper() or not w.isalpha() for w in text[start:bars[-1]]):
        return bars[-1] + 1  # "Brazzaville, Congo | Xinhua | Kenya and ... signed": set off by bars, in title case
    if first.istitle():
        return _titled_dateline_end(text, start, end)
    if not (first.isalpha() and first.isupper() and len(first) >= 3):
        return start
    for i in range(start + 1, min(start + DATELINE_TOKENS, end - 1)):
        word = text[i]
        if word in DASHES:
            return i + 1
        if word.isalpha() and not (word.isupper() or word.istitle()) or word in (".", ";", ":"):
            return start
    return start


def _titled_dateline_end(text: tuple[str, ...], start: int, end: int) -> int:
    """A news agency's dateline in title case: "Nairobi, May 3 (Xinhua) --", "New Delhi [India], Feb 12
    (ANI):": names and a date (a month and a number), then the agency in brackets and a dash or colon."""
    for i in range(start + 1, min(start + DATELINE_TOKENS, end - 2)):
        if text[i] != "(":
            continue
        agency, closing = text[i + 1], text[i + 2]
        if not (agency.isalpha() and agency.isupper() or agency.istitle()) or closing not in (")", "):"):
            return start
        after = i + 3 if closing == "):" else i + 4
        if closing == ")" and (i + 3 >= end or text[i + 3] not in DASHES and text[i + 3] != ":"):
            return start
        before = text[start:i]
        dated = any(w[:1].isdigit() for w in before) and any(w.rstrip(".").lower() in MONTHS for w in before)
        named = all(w.istitle() or w.isupper() or not w.isalpha() for w in before)
        return after if dated and named else start
    return start


class Words:
    """A doc's tokens as plain strings, read once and shared by the components: the rules look at
    words many times, and a Python tuple is far cheaper to index than a spaCy Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text: tuple[str, ...] = ()
        self.lower: tuple[str, ...] = ()
        self.kinds = ""
        if len(doc):
            self.text, self.lower, self.kinds = TOKENS.read(doc)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The doc's sentence starts (``sentence_boundaries`` sets them here as it computes them)."""
        if not len(self.doc):
            return []
        return np.flatnonzero(self.doc.to_array(SENT_START).astype(np.int64) == 1).tolist()

    @cached_property
    def sentence_start_set(self) -> frozenset[int]:
        return frozenset(self.sentence_starts)

    def positions(self, *word_lists: frozenset[str]) -> list[list[int]]:
        """For each list (registered with ``cue_words``), the indices of the tokens whose lower-case
        form is in it."""
        _registered(word_lists)
        found = [match.start() for match in CUE.finditer(self.kinds)]
        return [[i for i in found if self.lower[i] in words] for words in word_lists]

    def sentences_holding(self, indices: list[int]) -> set[int]:
        """The numbers of the sentences that hold these tokens."""
        return {bisect_right(self.sentence_starts, i) - 1 for i in indices}

    def in_dateline(self, i: int) -> bool:
        """Whether token i is part of its sentence's dateline ("BEIRA, Mozambique, 1 June -"):
        a place named there is where the story was filed, no party to it."""
        n = bisect_right(self.sentence_starts, i) - 1
        if n < 0:
            return False
        end = self.sentence_starts[n + 1] if n + 1 < len(self.sentence_starts) else len(self.text)
        return i < dateline_end(self.text, self.sentence_starts[n], end)

    def span_text(self, start: int, end: int) -> tuple[str, int, int]:
        """The text of tokens start..end without surrounding whitespace, and its character offsets."""
        return span_text(self.doc, self.text, start, end)


def words_of(doc: Doc) -> Words:
    words = doc._.words
    if words is None:
        words = doc._.words = Words(doc)
    return words


@Language.component("sentence_boundaries", assigns=["token.is_sent_start"])
def sentence_boundaries(doc: Doc) -> Doc:
    if not len(doc):
        return doc
    words = Words(doc)
    words.sentence_starts = _sentence_starts(words.kinds)
    set_sentence_starts(doc, words.sentence_starts)
    doc._.words = words
    return doc


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
