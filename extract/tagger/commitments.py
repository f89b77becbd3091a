"""Commitment statements: who commits, with whom, on what, in which sentence.

Works clause by clause, since a sentence often carries a commitment and a contrast ("..., although
Beijing objected") or a circumstance ("..., as the leaders met in Seoul"):

1. Split the sentence into clauses at contrast and circumstance connectives. Relative clauses
   (", which ...", ", who ...") describe something: they hold no predicate and no party, though a
   closing ", which ..." still says what the commitment covers.
2. Find the clause's predicate: a committing verb ("agreed", "signed", "pledged", "reached an
   agreement"), or an intention ("will expand", "is ready to send", "would be provided").
3. Reject the clause if a cue before the predicate makes it a call, a demand, a criticism, a
   threat, a doubt or an expectation, a negation, or a commentator's view.
4. Parties: actor mentions before the predicate are the committing side; countries in the
   predicate's phrase are counterparts ("with Japan", "to Ukraine", "Indonesia's goal") unless
   excluded ("away from China", "a deal between the EU and Mercosur"). One party committing to
   several counterparts makes one commitment per pair. "The two sides", "they", "the partners" or
   a subject that is the deal itself ("The declaration promises ...") refer to the parties in
   force (a number picks the last set of that size); a single party of that set carries the set
   ("Tokyo will also provide ..."). A sentence naming a deal's members ("The partnership brings
   together South Africa with ...") sets the parties in force, and completes a lone party that was
   waiting for its partners. Anything else with fewer than two parties is a domestic plan.
5. Sectors: the sector terms of the clause, most specific first (diplomacy only when a
   commitment names nothing substantive; development-aid loans are not finance; the financial
   instruments of "in the form of grants" name no sector).
6. A sentence right after a commitment that only says what it covers ("The talks highlighted AI,
   quantum computing and biotechnology") adds its sectors to the parties in force.
"""
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from extract.tagger import lexicon
from extract.tagger.countries import Mention
from extract.tagger.sectors import SectorTerm, sector_terms
from extract.tagger.sentences import Words, cue_words, words_of

DIPLOMACY = "diplomacy"
TRIGGER_WORDS = cue_words(lexicon.COMMIT_VERBS | lexicon.FUTURE_MARKERS
                          | {first for first, _ in lexicon.INTENT_PHRASES})
REFERRING_WORDS = cue_words(lexicon.REFERRING_WORDS)
MEMBERSHIP_WORDS = cue_words(lexicon.MEMBERSHIP_WORDS)
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})
# The words where a sentence may split into clauses.
CLAUSE_WORDS = cue_words(RELATIVE_PRONOUNS | lexicon.CLAUSE_BREAKERS | lexicon.CLAUSE_BREAKERS_AFTER_COMMA
                         | {";", "if", "unless"})
COUNTERPART_PREPOSITIONS = frozenset({"with", "to", "for", "into", "and", "among", "towards", "toward"})
LOAN_TERMS = frozenset({"loan", "loans", "credit line", "credit lines"})

if not Doc.has_extension("commitments"):
    Doc.set_extension("commitments", default=None)


@dataclass
class Commitment:
    parties: list[str]
    sectors: list[str]
    evidence: str
    start_char: int
    end_char: int
    commitment_type: str  # agreement, pledge, joint_statement or plan
    confidence: float


class Sentence(NamedTuple):
    start: int
    end: int


class Clause(NamedTuple):
    start: int
    end: int
    described: frozenset[int]  # tokens of relative clauses: no predicate, no party
    aside: frozenset[int]  # tokens of enclosed relative clauses: not even sectors


@dataclass(frozen=True)
class Predicate:
    index: int  # the committing word
    subject_end: int  # where the committing side's words end (before a modal or the verb)
    strong: bool  # an explicit committing verb rather than a stated intention


@dataclass
class Discourse:
    """What earlier sentences of the article established."""
    frame: list[str] = field(default_factory=list)  # the parties in force
    history: list[list[str]] = field(default_factory=list)  # every party set, latest last
    waiting: list[tuple[str, Commitment]] = field(default_factory=list)  # lone parties awaiting partners
    last_sentence_committed: bool = False

    def establish(self, parties: list[str]) -> None:
        self.history.append(parties)
        if not set(self.frame) >= set(parties):
            self.frame = list(parties)

    def referent(self, count: int | None) -> list[str]:
        if count:
            return next((parties for parties in reversed(self.history) if len(parties) == count), self.frame)
        return self.frame


class CommitmentDetector:
    def __init__(self, name: str, min_confidence: float):
        self.name = name
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mentions or []
        sectors = sector_terms(doc)
        discourse = Discourse()
        found: list[Commitment] = []
        words = words_of(doc)
        triggers, referring, membership, clause_words = words.positions(
            TRIGGER_WORDS, REFERRING_WORDS, MEMBERSHIP_WORDS, CLAUSE_WORDS)
        mention_starts = [m.start for m in mentions]
        # A clause can only commit someone named in it or referred back to: other sentences are
        # not analysed at all, which keeps the detector's cost to the sentences that matter.
        analysed = words.sentences_holding(triggers) & words.sentences_holding(mention_starts + referring)
        naming_members = words.sentences_holding(membership)
        starts = words.sentence_starts
        for number, (start, end) in enumerate(zip(starts, starts[1:] + [len(words.text)], strict=True)):
            if number not in analysed and number not in naming_members and not discourse.last_sentence_committed:
                continue
            sentence = Sentence(start, end)
            if number in naming_members and (members := _members(words, sentence, mentions)):
                discourse.establish(members)
                found += [replace(c, parties=list(members)) for party, c in discourse.waiting if party in members]
                discourse.waiting = []
            new = []
            if number in analysed:
                in_sentence = mentions[bisect_left(mention_starts, start):bisect_left(mention_starts, end)]
                for clause in _clauses(words, sentence, clause_words):
                    new += self._clause(words, sentence, clause, in_sentence, sectors, discourse, triggers)
            elif discourse.last_sentence_committed:
                new = _elaboration(words, sentence, mentions, sectors, discourse)
            discourse.last_sentence_committed = bool(new)
            found += new
        doc._.commitments = [c for c in found if c.confidence >= self.min_confidence]
        doc._.words = None  # it refers back to the doc: a cycle the GC would have to find
        return doc

    def _clause(self, doc: Words, sentence: Sentence, clause: Clause, mentions, sectors,
                discourse: Discourse, triggers: list[int]) -> list[Commitment]:
        predicate = _predicate(doc, clause, triggers)
        if predicate is None or _blocked(doc, clause, predicate):
            return []
        in_clause = [m for m in mentions if clause.start <= m.start and m.end <= clause.end
                      and m.start not in clause.described]
        subject = [m for m in in_clause if m.end <= predicate.subject_end and m.role == "actor"
                   and not _excluded(doc, m, clause.start)]
        phrase_end = _phrase_end(doc, predicate.index, clause, in_clause)
        mediating = doc.lower[predicate.index] in lexicon.MEDIATION_VERBS
        counterparts = [m for m in in_clause if predicate.index < m.start < phrase_end
                        and _is_counterpart(doc, m, clause.start, predicate.index, mediating)]
        committing = _unique(m.iso3 for m in subject)
        others = [iso3 for iso3 in _unique(m.iso3 for m in counterparts) if iso3 not in committing]
        subject_words = [doc.lower[i] for i in range(clause.start, predicate.subject_end) if i not in clause.described]
        if doc.lower[predicate.index] in lexicon.COOPERATIVE_ACTS and not others:
            return []
        party_sets, carried = _party_sets(committing, others, discourse, subject_words)
        clause_sectors = _sectors(doc, sectors, clause)
        words = set(doc.lower[clause.start:clause.end])
        confidence = _confidence(predicate.strong, carried, bool(clause_sectors))

        def commitment(parties: list[str], score: float) -> Commitment:
            return _commitment(doc, sentence, parties, clause_sectors, _commitment_type(words), score)

        if not party_sets:
            # A lone party may be a deal's first-named member ("South Africa will receive ... from
            # a group of wealthy governments"): it waits for the members to be named.
            if len(committing) == 1 and not discourse.frame:
                discourse.waiting.append((committing[0], commitment(committing, confidence - 0.1)))
            return []
        if len(party_sets) == 1 and not carried:
            discourse.establish(party_sets[0])
        return [commitment(parties, confidence) for parties in party_sets]


def _commitment(doc: Words, sentence: Sentence, parties: list[str], sectors: list[str], kind: str,
                confidence: float) -> Commitment:
    evidence, start_char, end_char = doc.span_text(sentence.start, sentence.end)
    return Commitment(parties=parties, sectors=sectors, evidence=evidence, start_char=start_char,
                      end_char=end_char, commitment_type=kind, confidence=confidence)


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))


def _members(doc: Words, sentence: Sentence, mentions: list[Mention]) -> list[str]:
    """The countries a sentence names as the members of a deal or group, if it is such a sentence."""
    if lexicon.AGREEMENT_NOUNS.isdisjoint(doc.lower[sentence.start:sentence.end]):
        return []
    members = _unique(m.iso3 for m in mentions if sentence.start <= m.start and m.end <= sentence.end
                      and m.role in ("actor", "possessive"))
    return members if len(members) >= 3 else []


def _clauses(doc: Words, sentence: Sentence, clause_words: list[int]) -> list[Clause]:
    cuts = [sentence.start]
    described: set[int] = set()
    aside: set[int] = set()
    resume = sentence.start
    for i in clause_words[bisect_left(clause_words, sentence.start):bisect_left(clause_words, sentence.end)]:
        if i < resume:
            continue
        word = doc.lower[i]
        previous = doc.text[i - 1] if i > sentence.start else ""
        if word in RELATIVE_PRONOUNS and previous == ",":
            close = next((j for j in range(i, sentence.end) if doc.text[j] in (",", ";")), None)
            resume = sentence.end if close is None else close
            described.update(range(i - 1, resume))
            if close is not None or word != "which":  # a closing "which" clause adds to the commitment
                aside.update(range(i - 1, resume))
            continue
        if word == ";" or (word in lexicon.CLAUSE_BREAKERS and i > sentence.start) or (
                previous == "," and word in lexicon.CLAUSE_BREAKERS_AFTER_COMMA):
            cuts.append(i)
        elif i == sentence.start and (word in lexicon.CLAUSE_BREAKERS or word in lexicon.CLAUSE_BREAKERS_AFTER_COMMA
                                      or word in ("if", "unless")):
            # A sentence that opens with a subordinate clause: it ends at the first comma.
            comma = next((j for j in range(i, sentence.end) if doc.text[j] == ","), None)
            if comma is not None:
                cuts.append(comma + 1)
    cuts.append(sentence.end)
    return [Clause(start, end, frozenset(described), frozenset(aside))
            for start, end in zip(cuts, cuts[1:], strict=False) if start < end]


def _predicate(doc: Words, clause: Clause, triggers: list[int]) -> Predicate | None:
    start, end = clause.start, clause.end
    for i in triggers[bisect_left(triggers, start):bisect_left(triggers, end)]:
        if i in clause.described:
            continue
        word = doc.lower[i]
        if word in lexicon.COMMIT_VERBS and _is_verb_use(doc, i, start):
            if word not in lexicon.OBJECT_BOUND_VERBS or _agreement_noun_follows(doc, i, end):
                return Predicate(i, i, word in lexicon.STRONG_COMMIT_WORDS)
        if word in lexicon.FUTURE_MARKERS and (verb := _governed_verb(doc, i + 1, end)) is not None:
            return Predicate(verb, i, False)
        if word in lexicon.FUTURE_MARKERS and (trip := _trip_with_purpose(doc, i + 1, end)) is not None:
            return Predicate(trip, i, False)
        if i + 1 < end and (word, doc.lower[i + 1]) in lexicon.INTENT_PHRASES:
            if (verb := _governed_verb(doc, i + 2, end)) is not None:
                return Predicate(verb, i, False)
    return None


def _is_verb_use(doc: Words, i: int, start: int) -> bool:
    """ "signed", not "a sign of"; "offered", not "an offer"; "agreed", not "the agreed text"."""
    if i == start:
        return doc.lower[i].endswith("ed")
    return doc.lower[i - 1] not in ("a", "an", "the", "its", "their", "his", "her", "this", "that")


def _agreement_noun_follows(doc: Words, i: int, end: int) -> bool:
    return not lexicon.AGREEMENT_NOUNS.isdisjoint(doc.lower[i + 1:min(i + 13, end)])


def _governed_verb(doc: Words, i: int, end: int) -> int | None:
    """The verb a modal governs, past adverbs: "will also further expand", "would be provided"."""
    while i < end and doc.lower[i] in lexicon.ADVERBS:
        i += 1
    if i >= end:
        return None
    word = doc.lower[i]
    if word in lexicon.ACTION_VERBS:
        return i
    if word == "be" and i + 1 < end:
        participle = doc.lower[i + 1]
        if participle.endswith(("ed", "en")) or participle in ("built", "sent", "made", "held", "set", "spent"):
            return i + 1
    return None


def _trip_with_purpose(doc: Words, i: int, end: int) -> int | None:
    """ "will visit Mauritania and Senegal to mediate ...": the trip is the predicate (its
    destinations are the counterparts) when its purpose is an act; a visit alone is a schedule."""
    while i < end and doc.lower[i] in lexicon.ADVERBS:
        i += 1
    if i >= end or doc.lower[i] not in lexicon.TRAVEL_VERBS:
        return None
    purpose = next((j for j in range(i + 1, min(i + 12, end - 1)) if doc.lower[j] == "to"
                    and doc.lower[j + 1] in lexicon.ACTION_VERBS), None)
    return i if purpose is not None else None


def _cue_word(doc: Words, i: int, clause_start: int) -> str:
    """Cue words are common nouns and verbs: a capitalised word inside a clause is a name ("the
    European Union", "May 5"), not a cue."""
    if doc.text[i].islower() or i == clause_start or i in doc.sentence_start_set:
        return doc.lower[i]
    return ""


CUES_BEFORE_PREDICATE = (lexicon.CALL_CUES | lexicon.CRITICISM_CUES | lexicon.THREAT_CUES | lexicon.DOUBT_CUES
                         | lexicon.NEGATION_CUES | lexicon.COMMENTATOR_NOUNS)


def _blocked(doc: Words, clause: Clause, predicate: Predicate) -> bool:
    """A call, demand, criticism, threat, doubt, negation or commentator before the predicate (or
    a condition or threat anywhere in the clause) makes the clause something other than a
    commitment."""
    before = [i for i in range(clause.start, predicate.index) if i not in clause.aside]
    if not CUES_BEFORE_PREDICATE.isdisjoint(doc.lower[clause.start:predicate.index]) and any(
            doc.lower[i] in CUES_BEFORE_PREDICATE and _cue_word(doc, i, clause.start) for i in before):
        return True
    if not lexicon.CLAUSE_WIDE_CUES.isdisjoint(doc.lower[clause.start:clause.end]):
        return True
    return PHRASE_CUE.search(" " + " ".join(doc.lower[i] for i in before) + " ") is not None


# Any of the phrases, as whole words in the space-joined words before the predicate.
PHRASE_CUE = re.compile("|".join(re.escape(f" {' '.join(phrase)} ") for phrase in lexicon.PHRASE_CUES))


EXCLUDING_BY_LAST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in lexicon.EXCLUDING_PRECEDERS:
    EXCLUDING_BY_LAST_WORD.setdefault(_phrase[-1], []).append(_phrase)


def _excluded(doc: Words, mention: Mention, start: int) -> bool:
    words = [w for w in doc.lower[max(start, mention.start - 3):mention.start] if w != "the"]
    phrases = EXCLUDING_BY_LAST_WORD.get(words[-1]) if words else None
    return bool(phrases) and any(tuple(words[-len(phrase):]) == phrase for phrase in phrases)


def _phrase_end(doc: Words, predicate: int, clause: Clause, mentions: list[Mention]) -> int:
    """Where the predicate's phrase ends: at the first comma that does not continue a list of
    countries ("with Japan, India, France and ..."). """
    starts = {m.start for m in mentions}
    for i in range(predicate + 1, clause.end):
        if doc.text[i] == "," and i not in clause.described:
            j = i + 1
            while j < clause.end and doc.lower[j] in ("and", "the", "or"):
                j += 1
            # "..., Sudan, and with strings attached, Cuba": an "and" keeps the list going a little.
            reach = 6 if i + 1 < clause.end and doc.lower[i + 1] == "and" else 1
            if not any(k in starts for k in range(j, min(j + reach, clause.end))):
                return i
    return clause.end


def _is_counterpart(doc: Words, mention: Mention, start: int, predicate: int, mediating: bool) -> bool:
    """A country after the predicate that the commitment is with, to or for: an actor, a
    possessive ("Indonesia's goal") or a name after a preposition ("investment into India").
    Countries "between" which something happens are what it is about ("the agreement between the
    EU and Mercosur", "contacts between ...") unless the predicate mediates ("host a meeting
    between an Israeli movement and the PLO"), where they are the counterparts."""
    if _excluded(doc, mention, start):
        return False
    if "between" in doc.lower[predicate:mention.start]:
        return mediating
    if mention.role == "modifier":
        return False
    if mention.role in ("actor", "possessive"):
        return True
    before = doc.lower[mention.start - 1] if mention.start else ""
    return before in COUNTERPART_PREPOSITIONS


def _referring_count(subject_words: list[str]) -> tuple[bool, int | None]:
    """Whether the subject refers back ("they", "the two sides", "the deal"), and to how many."""
    refers = not lexicon.REFERRING_WORDS.isdisjoint(subject_words)
    count = next((lexicon.NUMBER_WORDS[word] for word in subject_words if word in lexicon.NUMBER_WORDS), None)
    return refers, count


def _party_sets(committing: list[str], others: list[str], discourse: Discourse,
                subject_words: list[str]) -> tuple[list[list[str]], bool]:
    """The commitments' party lists, and whether they were carried over from earlier sentences."""
    if committing and others:
        if len(committing) == 1 and len(others) > 1:
            return [[committing[0], other] for other in others], False
        return [committing + others], False
    if len(committing) >= 2:
        return [committing], False
    if len(committing) == 1:
        return ([list(discourse.frame)], True) if committing[0] in discourse.frame else ([], False)
    refers, count = _referring_count(subject_words)
    referent = discourse.referent(count) if refers else []
    if not referent:
        return [], False
    artifact = any(word in lexicon.ARTIFACT_SUBJECTS for word in subject_words)
    # A deal as subject ("The project would carry gas across Mongolia") adds no counterparts.
    return [list(referent) if artifact else _unique(referent + others)], True


def _segments(doc: Words, clause: Clause) -> list[tuple[int, int]]:
    """Coordinated commitments in one clause (", and to launch a dialogue ..."): each names its
    own sectors, so the diplomacy rule applies to each."""
    if "to" not in doc.lower[clause.start:clause.end]:
        return [(clause.start, clause.end)]
    cuts = [clause.start]
    for i in range(clause.start + 1, clause.end - 2):
        if doc.text[i] == "," and doc.lower[i + 1] == "and" and doc.lower[i + 2] == "to":
            cuts.append(i)
    cuts.append(clause.end)
    return list(zip(cuts, cuts[1:], strict=False))


def _sectors(doc: Words, sectors: list[SectorTerm], clause: Clause) -> list[str]:
    codes: list[str] = []
    for start, end in _segments(doc, clause):
        instruments = _instrument_lists(doc, start, end)
        spans = [s for s in sectors[bisect_left(sectors, (start,)):bisect_left(sectors, (end,))]
                 if s.end <= end and s.start not in clause.aside and s.start not in instruments]
        segment = _unique(s.code for s in spans)
        if len(segment) > 1 and DIPLOMACY in segment:
            segment.remove(DIPLOMACY)
        if "finance" in segment and "development" in segment and all(
                s.text in LOAN_TERMS for s in spans if s.code == "finance"):
            segment.remove("finance")
        codes += segment
    return _unique(codes)


def _instrument_lists(doc: Words, start: int, end: int) -> set[int]:
    """Tokens of "in the form of grants, loans and guarantees": how a commitment pays, not what it
    is about. The list runs to the next ", and" or ";"."""
    words = doc.lower[start:end]
    tokens: set[int] = set()
    if "form" not in words and "as" not in words:
        return tokens
    for phrase in lexicon.INSTRUMENT_LIST_OPENERS:
        for i in range(len(words) - len(phrase) + 1):
            if tuple(words[i:i + len(phrase)]) == phrase:
                j = start + i + len(phrase)
                while j < end and doc.text[j] != ";" and not (doc.text[j] == "," and j + 1 < end
                                                               and doc.lower[j + 1] == "and"):
                    tokens.add(j)
                    j += 1
    return tokens


def _elaboration(doc: Words, sentence: Sentence, mentions: list[Mention], sectors: list[SectorTerm],
                 discourse: Discourse) -> list[Commitment]:
    """A sentence after a commitment that says what it covers: "The talks highlighted areas such
    as AI, quantum computing and biotechnology", "They include work on clean energy"."""
    words = doc.lower[sentence.start:sentence.end]
    opening = words[:4]
    if not discourse.frame or not set(opening) & lexicon.ELABORATING_SUBJECTS:
        return []
    if not set(words[:8]) & lexicon.ELABORATING_VERBS:
        return []
    if any(m.role == "actor" and m.start < sentence.start + 4 for m in mentions if sentence.start <= m.start):
        return []
    clause = Clause(sentence.start, sentence.end, frozenset(), frozenset())
    if any(doc.lower[i] in CUES_BEFORE_PREDICATE and _cue_word(doc, i, sentence.start)
           for i in range(sentence.start, sentence.end)):
        return []
    codes = _sectors(doc, sectors, clause)
    if not codes:
        return []
    return [_commitment(doc, sentence, list(discourse.frame), codes, "plan", _confidence(False, True, True) - 0.1)]


def _commitment_type(words: set[str]) -> str:
    if words & lexicon.STATEMENT_TYPE_WORDS and "joint" in words:
        return "joint_statement"
    if words & lexicon.AGREEMENT_TYPE_WORDS:
        return "agreement"
    if words & lexicon.PLEDGE_TYPE_WORDS:
        return "pledge"
    return "plan"


def _confidence(strong: bool, carried: bool, has_sector: bool) -> float:
    score = 0.55 + 0.2 * strong + 0.1 * has_sector - 0.1 * carried
    return round(min(max(score, 0.05), 0.99), 2)


@Language.factory("commitment_detector", default_config={"min_confidence": 0.0})
def make_commitment_detector(nlp: Language, name: str, min_confidence: float) -> CommitmentDetector:
    return CommitmentDetector(name, min_confidence)
