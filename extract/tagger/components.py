"""spaCy components of the commitment tagger, registered as factories so the pipeline is
assembled from a config and saved with ``nlp.to_disk``.

- ``paragraph_breaks``: a blank line always starts a sentence (headlines carry no full stop).
- ``sector_matcher``: spans of ``doc.spans["sectors"]`` labelled with a sector code.
- ``commitment_detector``: ``doc._.commitments``, one record per commitment statement.
Countries are found by spaCy's own ``entity_ruler`` (label ``COUNTRY``, id = ISO3 code).
"""
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract import reference

COUNTRY_LABEL = "COUNTRY"
# Lower-cased words and phrases that state a commitment.
TRIGGERS = frozenset(
    "agree agreed agrees agreement agreements commit commits committed commitment pledge pledged "
    "pledges vow vowed vows sign signed signs signing decided decide memorandum mou partnership "
    "declaration accord accords deal treaty pact launch launched will would".split()
)
# Words that make a sentence a call, a criticism, a doubt or a report of mere talks.
NON_COMMITMENT_CUES = frozenset(
    "urged urge urges called calls demand demanded demands criticised criticized condemned condemns "
    "concern concerns concerned could might considering considered consider explore exploring "
    "explored analysts speculation not never refused rejected".split()
)
# Phrases whose referent is the set of parties of the previous commitment.
ANAPHORS = ("both countries", "both sides", "the two sides", "the two countries", "the allies",
            "the two leaders", "the leaders", "the two governments", "the ministers",
            "the two ministers", "the partners", "both governments", "they")
AGREEMENT_WORDS = frozenset(
    "signed sign signs signing memorandum mou agreement agreements accord deal treaty pact".split())
PLEDGE_WORDS = frozenset("pledge pledged pledges provide provides aid grant grants loan loans".split())
STATEMENT_WORDS = frozenset("declaration statement communique communiqué".split())


@dataclass
class Commitment:
    parties: list[str]
    sectors: list[str]
    evidence: str
    start_char: int
    end_char: int
    commitment_type: str  # agreement, pledge, joint_statement or plan
    confidence: float


if not Doc.has_extension("commitments"):
    Doc.set_extension("commitments", default=None)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


class SectorMatcher:
    """Marks sector terms, case-insensitively, keeping the longest term where terms overlap so
    that "quantum technology" counts as quantum and not also as generic technology."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        terms: dict[str, list[str]] = {}
        for row in reference.sector_terms():
            terms.setdefault(row["sector_code"], []).append(row["term"])
        for code, phrases in terms.items():
            self.matcher.add(code, list(nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        doc.spans["sectors"] = filter_spans(spans)
        return doc


@Language.factory("sector_matcher")
def make_sector_matcher(nlp: Language, name: str) -> SectorMatcher:
    return SectorMatcher(nlp, name)


class CommitmentDetector:
    """Sentence-level rules: a trigger, no call or doubt, and two or more parties (named in the
    sentence, or carried over from the previous commitment by "both countries" and the like)."""

    def __init__(self, name: str, base_confidence: float, default_sector: str):
        self.name = name
        self.base_confidence = base_confidence
        self.default_sector = default_sector

    def __call__(self, doc: Doc) -> Doc:
        commitments: list[Commitment] = []
        previous_parties: list[str] = []
        for sentence in doc.sents:
            words = {token.lower_ for token in sentence}
            if not words & TRIGGERS or words & NON_COMMITMENT_CUES:
                continue
            parties = _unique(ent.ent_id_ for ent in sentence.ents if ent.label_ == COUNTRY_LABEL)
            lowered = sentence.text.lower()
            if previous_parties and any(f"{phrase} " in lowered for phrase in ANAPHORS):
                parties = _unique(previous_parties + parties)
            if len(parties) < 2:
                continue
            sectors = _unique(span.label_ for span in doc.spans["sectors"]
                              if span.start >= sentence.start and span.end <= sentence.end)
            commitments.append(Commitment(
                parties=parties,
                sectors=sectors or [self.default_sector],
                evidence=sentence.text.strip(),
                start_char=sentence.start_char,
                end_char=sentence.start_char + len(sentence.text.rstrip()),
                commitment_type=_commitment_type(words),
                confidence=round(min(1.0, self.base_confidence + 0.1 * bool(sectors)
                                     + 0.1 * bool(words & (AGREEMENT_WORDS | PLEDGE_WORDS))), 2),
            ))
            previous_parties = parties
        doc._.commitments = commitments
        return doc


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))


def _commitment_type(words: set[str]) -> str:
    if words & STATEMENT_WORDS and "joint" in words:
        return "joint_statement"
    if words & AGREEMENT_WORDS:
        return "agreement"
    if words & PLEDGE_WORDS:
        return "pledge"
    return "plan"


@Language.factory("commitment_detector",
                  default_config={"base_confidence": 0.6, "default_sector": "diplomacy"})
def make_commitment_detector(nlp: Language, name: str, base_confidence: float,
                             default_sector: str) -> CommitmentDetector:
    return CommitmentDetector(name, base_confidence, default_sector)
