"""Dependency parses of the sentences that can hold a commitment, and only of those.

A sentence is a candidate when it holds a committing cue (a verb such as "signed" or a noun such
as "memorandum") and something that can be a party: a country mention, or a phrase that refers
back to parties ("both sides", "the Participants", "they"). The syntax model (a small tagger,
parser and lemmatizer trained on UD English EWT, loaded by path from the component's config)
parses those sentences in batches; every other sentence costs nothing. A candidate sentence is
parsed as a doc of its own built from the article's tokens, so token ``i`` of the parse is token
``sentence.start + i`` of the article and the article keeps its own sentence boundaries.

The parses are kept as plain tuples, with heads as article token indices (``Parse``), in
``doc._.parses`` keyed by the sentence's first token; the candidate sentences are
``doc.spans["commitment_candidates"]``.
"""
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.tagger import lexicon
from extract.tagger.sentences import cue_words, dateline_end, words_of

CANDIDATES = "commitment_candidates"
# The first words of intent phrases ("is to", "set to") are too common to select a sentence by.
CUE_WORDS = cue_words(lexicon.COMMIT_VERBS | lexicon.COMMIT_NOUNS | lexicon.INTENT_WORDS)
REFERRING_WORDS = cue_words(lexicon.REFERRING_WORDS)
# Longer sentences are page debris (tables, run-on lists), not statements: left unparsed.
MAX_SENTENCE_TOKENS = 150

if not Doc.has_extension("parses"):
    Doc.set_extension("parses", default=None)


@dataclass(slots=True)
class Parse:
    """One sentence's tree: for each of its tokens, the article index of its head and its relation."""
    start: int
    heads: tuple[int, ...]
    deps: tuple[str, ...]

    @property
    def end(self) -> int:
        return self.start + len(self.heads)

    def head(self, i: int) -> int:
        return self.heads[i - self.start] if i >= self.start else i  # a dateline is left out of the tree

    def dep(self, i: int) -> str:
        return self.deps[i - self.start] if i >= self.start else "dep"

    def children(self, i: int) -> list[int]:
        return [self.start + k for k, head in enumerate(self.heads) if head == i and self.start + k != i]

    def subtree(self, i: int) -> set[int]:
        """Token i and every token below it."""
        below = {i}
        frontier = [i]
        while frontier:
            frontier = [child for head in frontier for child in self.children(head) if child not in below]
            below.update(frontier)
        return below

    def ancestors(self, i: int) -> list[int]:
        chain = []
        while (head := self.head(i)) != i and head not in chain:
            chain.append(head)
            i = head
        return chain


def candidate_sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of the sentences that hold a committing cue and a possible party."""
    words = words_of(doc)
    cues, referring = words.positions(CUE_WORDS, REFERRING_WORDS)
    # "reached a record", "exchanged envoys": these verbs commit only with an agreement as object,
    # or in the passive that names its signatories ("was adopted by").
    cues = [i for i in cues if words.lower[i] not in lexicon.OBJECT_BOUND_VERBS
            or words.lower[i + 1:i + 2] == ("by",) or not lexicon.AGREEMENT_NOUNS.isdisjoint(words.lower[i + 1:i + 13])]
    parties = [m.start for m in doc._.mentions or []] + referring
    numbers = words.sentences_holding(cues) & words.sentences_holding(parties)
    starts = words.sentence_starts
    ends = starts[1:] + [len(doc)]
    return [(starts[n], ends[n]) for n in sorted(numbers) if ends[n] - starts[n] <= MAX_SENTENCE_TOKENS]


class SentenceParser:
    def __init__(self, nlp: Language, name: str, model: str, batch_size: int):
        self.name = name
        self.model = model
        self.batch_size = batch_size
        # Only the tree is read: the tagger, morphologizer and lemmatizer would double its cost.
        self.syntax = spacy.load(lexicon.package_path(model),
                                 exclude=["tagger", "morphologizer", "trainable_lemmatizer"])

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        docs = iter(docs)
        while batch := list(islice(docs, batch_size)):
            yield from self._parse_batch(batch)

    def _parse_batch(self, docs: list[Doc]) -> list[Doc]:
        sentences = []
        for doc in docs:
            doc._.parses = {}
            spans = candidate_sentences(doc) if len(doc) else []
            doc.spans[CANDIDATES] = [doc[start:end] for start, end in spans]
            # The parse starts after a dateline but is kept under the sentence's first token.
            text = words_of(doc).text
            sentences += [(doc, start, dateline_end(text, start, end), end) for start, end in spans]
        copies = (self._copy(doc, first, end) for doc, _, first, end in sentences)
        for (doc, start, first, _), parsed in zip(sentences, self.syntax.pipe(copies, batch_size=self.batch_size),
                                                  strict=True):
            doc._.parses[start] = Parse(first, tuple(first + t.head.i for t in parsed), tuple(t.dep_ for t in parsed))
        return docs

    def _copy(self, doc: Doc, start: int, end: int) -> Doc:
        words = words_of(doc).text[start:end]
        spaces = [bool(token.whitespace_) for token in doc[start:end]]
        # One sentence: the parser must not split it (it would leave several roots).
        return Doc(self.syntax.vocab, words=list(words), spaces=spaces,
                   sent_starts=[True] + [False] * (len(words) - 1))


@Language.factory("sentence_parser", assigns=["doc._.parses", "doc.spans"],
                  requires=["doc._.mentions", "token.is_sent_start"],
                  default_config={"model": "syntax", "batch_size": 64})
def make_sentence_parser(nlp: Language, name: str, model: str, batch_size: int) -> SentenceParser:
    return SentenceParser(nlp, name, model, batch_size)
