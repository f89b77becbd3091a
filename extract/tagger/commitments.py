"""Commitment statements: who commits, with whom, on what, in which sentence.

Works clause by clause, since a sentence often carries a commitment and a contrast ("..., although
Beijing objected") or a circumstance ("..., as the leaders met in Seoul"). Where ``sentence_parser``
parsed the sentence, its dependency tree decides what word order cannot:

1. Split the sentence into clauses at contrast and circumstance connectives, and (tree) where a
   coordinated verb has a subject of its own ("A pledged aid to B, and C signed a deal with D").
   Relative clauses (", which ...", ", who ...") describe something: they hold no predicate and no
   party, though a closing ", which ..." still says what the commitment covers.
2. Find the clause's predicate: a committing verb ("agreed", "signed", "pledged", "reached an
   agreement", "are entering into a memorandum"), an intention ("will expand", "is ready to send"),
   or the act as a noun ("ended with the signing of ...", "closed with a commitment to ...").
3. Reject the clause if a cue before the predicate makes it a call, a demand, a criticism, a
   threat, a doubt or an expectation, a negation, or a commentator's view; and (tree) if what
   governs the predicate is a failure, refusal or hedge ("were due to sign", "stopped short of"),
   a condition ("ready to ... if"), a counterfactual ("would have committed") or a commentator
   reporting it, or the deal was ended ("an arrangement, signed in 2016, had expired"); an
   intention set under "only if" is none either. A company as subject, or as the counterpart
   after "with" or "between", makes no state a party; acts carried out ("held drills", "delivered
   aid") are no commitments. Preamble clauses ("Recognizing that ...") commit no one.
4. Parties: actor mentions before the predicate are the committing side; countries in the
   predicate's phrase are counterparts ("with Japan", "to Ukraine", "Indonesia's goal") unless
   excluded ("away from China", "a deal between the EU and Mercosur") or (tree) inside a subordinate
   clause ("after Britain left the EU"). One party committing to several counterparts makes one
   commitment per pair, and so do several parties acting separately ("pledged separately"). An
   act named as a noun, or a document as subject, commits the countries "between" which it is.
   "The two sides", "they", "the partners" or a subject that is the deal itself refer to the
   parties in force (a number picks the last set of that size), and only to them: the countries
   after their predicate are what they act on; a single party of a pair carries the pair ("Tokyo
   will also provide ..."), one member of a larger group acts alone; an event of theirs closing
   with the act ("The visit closed with a commitment to ...") is theirs. A lone party's pledge to a
   region ("to Africa", "across East Africa") is its own commitment, and money pledged to it aid.
5. Members: a sentence naming a deal's signatories sets the parties in force and completes the
   commitments waiting for them (a lone party, or a group not named yet: "Gulf and Central Asian
   leaders agreed ..."): the agents of a passive signature (tree: "was signed by A and by the
   presidents of B and C"), "Among the eleven were ...", "The Participants are ...", "..., as did
   A and B", "X signed for the EU". A membership sentence ("brings together A with B and C",
   "a group that includes A, B and C") completes a waiting party that it names, but does not set
   the parties in force: it describes a group, and what "they" or "the partners" do next is not
   the whole group's commitment. A meeting's participants ("The Prime Ministers of A, B and C
   met") are the parties of what "the Prime Ministers" then explicitly agree. A commitment stated
   in a subordinate clause is background: it does not become the parties in force.
6. Lists: a committing sentence ending in a colon ("have decided to:", "the two sides will:")
   governs the numbered or bulleted items after it. A decision that follows a preamble and names
   no one is its authors': the countries of the opening line above the preamble ("The Government
   of A and the Government of B,"), or, where that line names none ("The two Presidents,"), those
   named together just before it.
7. Sectors: the sector terms of the clause, and of a clause going on with it without a predicate
   of its own (", while also strengthening cooperation in AI"), most specific first (diplomacy only when a
   commitment names nothing substantive; development-aid loans and loans of development funds are
   not finance; the financial instruments of "in the form of grants" name no sector; a field in an
   office's title, "the energy ministry", only when the clause names no other).
8. A sentence right after a commitment that only says what it covers ("The talks highlighted AI,
   quantum computing and biotechnology", "The focus is on rural clinics") adds its
   sectors to the parties in force, unless it names another party, tells what happened around
   the deal ("Scholz visited research labs") or dates itself to a past year ("Trade totalled $2
   billion in 2023").
"""
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from extract.tagger import lexicon
from extract.tagger.countries import Mention
from extract.tagger.parsing import Parse
from extract.tagger.sectors import (
    DEVELOPMENT,
    DIPLOMACY,
    MEETING_HOLDING_VERBS,
    RECURRING_MEETING_WORDS,
    SectorTerm,
    sector_terms,
)
from extract.tagger.sentences import Words, cue_words, words_of

AID_OR_LOAN = frozenset({DEVELOPMENT, "finance"})
TRIGGER_WORDS = cue_words(lexicon.COMMIT_VERBS | lexicon.FUTURE_MARKERS | lexicon.NOMINAL_ACTS
                          | {first for first, _ in lexicon.INTENT_PHRASES})
REFERRING_WORDS = cue_words(lexicon.REFERRING_WORDS)
MEMBERSHIP_WORDS = cue_words(lexicon.MEMBERSHIP_WORDS)
# Words of the sentences that may name a deal's signatories or a meeting's participants.
HOLDING_VERBS = MEETING_HOLDING_VERBS | {"held"}
LISTING_WORDS = cue_words(lexicon.SIGNING_PARTICIPLES | lexicon.MEETING_VERBS | HOLDING_VERBS | {"among", "did", "we"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})
# The words where a sentence may split into clauses.
CLAUSE_WORDS = cue_words(RELATIVE_PRONOUNS | lexicon.CLAUSE_BREAKERS | lexicon.CLAUSE_BREAKERS_AFTER_COMMA
                         | {";", "if", "unless"})
COUNTERPART_PREPOSITIONS = frozenset({"with", "to", "for", "into", "and", "among", "towards", "toward"})
DECISION_AUXILIARIES = frozenset({"have", "has", "hereby", "jointly", "also", "-", "\n"})
COMMENTATOR_TAIL = 5  # ", analysts say.", ", some experts said.": the words after the last comma
MONEY_OBJECT_REACH = 8  # "will provide up to $15 million": words from the verb to the amount
NEGATIVE_OBJECT_REACH = 3  # "commit to nothing", "signed no new deals": the object's first words
RECENT_SENTENCES = 3  # how many sentences naming other actors "they" may look back past
PLEDGING_REACH = 8  # sentences after a conference's recipients, or a pledge to them, that may list more donors
ELABORATION_GAP = 1  # sentences naming no other party that may stand between a deal and what it covers
# Words above a predicate in the tree that leave it undone: hedges ("due to sign") and pending acts
# ("close to signing").
SCOPE_BREAKERS = lexicon.GOVERNING_HEDGES | lexicon.PENDING_WORDS | lexicon.TERMINATION_VERBS
DEAL_WORDS = lexicon.SIGNING_WORDS | lexicon.AGREEMENT_NOUNS
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
    # Commitments awaiting their parties: a lone party ("South Africa will receive ...") or a group
    # not named yet ("Gulf and Central Asian leaders agreed ..."), completed by a members sentence.
    waiting: list[tuple[str | None, Commitment]] = field(default_factory=list)
    # Sentences since the latest commitment (None: none close enough for a sentence to say what it
    # covers): the next sentence, or the one after a sentence that names no other party.
    since_commitment: int | None = None
    signing_open: bool = False  # the last sentence named a document's signatories
    list_parties: list[str] = field(default_factory=list)  # whose agreed items a list states ("decided to:")
    participants: list[str] = field(default_factory=list)  # who met, for "the leaders decided ..."
    # The countries the latest sentence naming two or more actors named, and how many sentences
    # naming other actors came since: "Norway's minister received Kenya's foreign secretary ...
    # They agreed to ..."
    named_together: list[str] = field(default_factory=list)
    sentences_since_named: int = 0
    met_since_established: bool = False  # a meeting's participants named after the parties in force
    # A statement's opening line, preamble and decision: "The Government of A and the Government
    # of B, / Recognising ...; / Noting ...; / have agreed as follows:".
    opening: list[str] = field(default_factory=list)  # the authors an opening line ending in "," names
    preamble_authors: list[str] | None = None  # None: not inside a preamble
    decision_authors: list[str] = field(default_factory=list)
    asking: bool = False  # inside a journalist's question ("Q: ...") until its paragraph ends
    # Whom donors not named as countries pledged to ("Governments pledged $9 billion to help
    # Pakistan", "Donors pledged $1.7 billion for Burkina Faso, Mali and Niger"): the recipients of
    # the separate pledges that follow.
    recipients: list[str] = field(default_factory=list)
    sentences_since_pledge: int = 0  # since the recipients were named or a donor last pledged to them
    # Who acted, alone as subject, in the latest pair ("With Angola, Brazil signed ..."): the hub
    # when the next sentence opens on another partner ("In Mozambique's case, the two ministries ...").
    acting: str | None = None
    unreported: set[int] = field(default_factory=set)  # ids of commitments that restate the parties in force

    def note_actors(self, mentions: list[Mention], goes_on: bool, words: "Words") -> None:
        topics = _places_and_topics(words, mentions)
        actors = _unique(m.iso3 for m in mentions if m.role == "actor" and m.start not in topics)
        if len(actors) >= 2:
            self.named_together, self.sentences_since_named = actors, 0
        elif not set(actors) <= set(self.named_together):
            # Only a sentence that brings in another actor takes "they" away from the pair: a
            # readout's "The two leaders held talks. The following documents were exchanged:
            # Announcements. The two sides agreed ..." still means the pair named at the top.
            self.sentences_since_named += 1
        # A line that goes on into a preamble names its authors ("The Government of A and the
        # Government of B,"), or they were named together just before it ("The two Presidents,").
        self.opening = (actors if len(actors) >= 2 else list(self.named_recently(None))) if goes_on else []

    def open_preamble(self) -> None:
        if self.preamble_authors is None:
            self.preamble_authors = self.opening

    def close_preamble(self) -> None:
        """The sentence after a preamble states the decision ("have decided to:"); after it,
        the authors are no longer pending."""
        self.decision_authors = self.preamble_authors or []
        self.preamble_authors = None

    def note_commitments(self, committed: bool, mentions: list[Mention]) -> None:
        """ "Canada will fund a clinic in Cusco. 'It is a start,' the minister said. The focus is on
        maternal care.": what a deal covers may come a sentence later, after a quote or an aside
        that names no other party."""
        if committed:
            self.since_commitment = 0
        elif self.since_commitment is not None and self.since_commitment < ELABORATION_GAP \
                and self.names_no_other_party(mentions):
            self.since_commitment += 1
        else:
            self.since_commitment = None

    def names_no_other_party(self, mentions: list[Mention]) -> bool:
        return all(m.iso3 in self.frame for m in mentions if m.role == "actor")

    def named_recently(self, count: int | None) -> list[str]:
        """Who "they" or "the two ministers" are when no commitment has set the parties yet: the
        countries a sentence close before named together (as many as a number says)."""
        if self.history or self.sentences_since_named > RECENT_SENTENCES:
            return []
        return self.named_together if not count or count == len(self.named_together) else []

    def establish(self, parties: list[str]) -> None:
        self.history.append(parties)
        self.met_since_established = False
        if not set(self.frame) >= set(parties):
            self.frame = list(parties)

    def name_members(self, members: "Members") -> list[Commitment]:
        """A sentence names a deal's members: they become the parties in force, and complete the
        commitments waiting for them. A list that refers back ("Among the eleven were ...") adds
        to the waiting party; otherwise a waiting party must be among the members, and a group not
        named yet ("the leaders agreed ...") is completed only by a document's signatories. Only
        signatories become the parties in force: a group's members describe the group."""
        if members.signatories:
            self.establish(members.countries)
        completed = [replace(c, parties=_unique(([party] if party else []) + members.countries))
                     for party, c in self.waiting
                     if party is None and members.signatories or party in members.countries or members.refers_back]
        if completed:
            self.establish(completed[-1].parties)
        self.waiting = []
        return completed

    def referent(self, count: int | None) -> list[str]:
        if count and count == len(self.participants) and self.met_since_established:
            # "Cyprus and Jordan held a separate meeting. Both sides pledged ...": those who met
            # since, not the parties of an earlier commitment.
            return self.participants
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
        triggers, referring, membership, listing, clause_words = words.positions(
            TRIGGER_WORDS, REFERRING_WORDS, MEMBERSHIP_WORDS, LISTING_WORDS, CLAUSE_WORDS)
        mention_starts = [m.start for m in mentions]
        # A clause can only commit someone named in it or referred back to: other sentences are
        # not analysed at all, which keeps the detector's cost to the sentences that matter.
        committing_sentences = words.sentences_holding(triggers)
        analysed = committing_sentences & words.sentences_holding(mention_starts + referring)
        membership_sentences = words.sentences_holding(membership)
        naming_members = membership_sentences | words.sentences_holding(listing)
        parses = doc._.parses or {}
        published = doc._.published_date or ""
        published_year = int(published[:4]) if published[:4].isdigit() else None
        starts = words.sentence_starts
        for number, (start, end) in enumerate(zip(starts, starts[1:] + [len(words.text)], strict=True)):
            sentence = Sentence(start, end)
            if discourse.list_parties:
                if _item_marker_end(words, sentence) == end:
                    continue  # "3." split off from its item by the full stop
                if _list_item(words, sentence):
                    found += _item_commitment(words, sentence, sectors, discourse)
                    continue
                if _item_label(words, sentence):
                    continue  # "Signed by: the Ministers of Agriculture." under an item
                discourse.list_parties = []
            last_word = words.text[_last_word(words, sentence) or start]
            discourse.asking = _asks(words, sentence, discourse.asking)
            if discourse.asking or last_word == "?":
                # A question states no fact, whatever it reports ("Q: The paper reported that A and B
                # signed a secret deal. Can you confirm?"), and names no one for "they" to mean.
                discourse.since_commitment = None
                continue
            in_sentence = mentions[bisect_left(mention_starts, start):bisect_left(mention_starts, end)]
            if _in_a_preamble(words, sentence):
                # Its countries are grounds ("Recognising the friendship between A and B, together
                # with C"), not who acts: the statement's authors were named before it.
                discourse.open_preamble()
                continue
            discourse.close_preamble()
            discourse.note_actors(in_sentence, goes_on=last_word in (",", ";"), words=words)
            discourse.sentences_since_pledge += 1
            defined = _unique(m.iso3 for m in in_sentence if m.role == "actor")
            if len(defined) >= 2 and not lexicon.DEFINING_WORDS.isdisjoint(words.lower[start:end]) \
                    and lexicon.COMPANY_NOUNS.isdisjoint(words.lower[start:end]):
                # "The Government of A and the Government of B (hereinafter "the Parties");": the
                # document's own definition of who its parties are.
                discourse.establish(defined)
            if _announces_instruments(words, sentence):
                # "The following documents were signed in the presence of the two Presidents.": the
                # items below are instruments between those named here, or those who met.
                named = _unique(m.iso3 for m in in_sentence if m.role != "modifier")
                discourse.list_parties = next((p for p in (named, discourse.participants, discourse.frame)
                                               if len(p) >= 2), [])
            if discourse.decision_authors and number in committing_sentences:
                analysed.add(number)  # "have decided to:" names no one: the preamble's authors decide
            elif number in committing_sentences and number not in analysed and discourse.named_together \
                    and _titled_pair(words.lower[start:_first_trigger(triggers, start, end)]):
                analysed.add(number)  # "The Minister and the Secretary agreed ...": those just named
            if number not in analysed and number not in naming_members and discourse.since_commitment is None:
                continue
            members = _named_members(words, sentence, parses.get(start), in_sentence, number in membership_sentences)
            if members.countries:
                found += discourse.name_members(members)
            elif (meeting := _meeting_verb(words, sentence)) is not None:
                met = _participants(words, meeting, in_sentence)
                if met:
                    discourse.participants, discourse.met_since_established = met, True
            new = []
            if number in analysed:
                clauses = _coordinated(words, parses.get(start), _clauses(words, sentence, clause_words))
                for number_in_sentence, clause in enumerate(clauses):
                    made = self._clause(words, sentence, clause, in_sentence, sectors, discourse, triggers,
                                        parses.get(start))
                    if any(c.sectors for c in made):
                        continued = _continuing_sectors(words, clauses[number_in_sentence + 1:], sectors, triggers)
                        for commitment in made:
                            if commitment.sectors:
                                commitment.sectors = _unique(commitment.sectors + continued)
                    new += made
                if new and _introduces_a_list(words, sentence):
                    discourse.list_parties = new[-1].parties
            if not new and discourse.since_commitment is not None:
                new = _elaboration(words, sentence, in_sentence, sectors, discourse, number in analysed,
                                   published_year)
            discourse.note_commitments(bool(new), in_sentence)
            discourse.signing_open = bool(members.countries) or discourse.signing_open and bool(new)
            found += new
        doc._.commitments = [c for c in found
                             if c.confidence >= self.min_confidence and id(c) not in discourse.unreported]
        doc._.words = None  # it refers back to the doc: a cycle the GC would have to find
        doc._.parses = None  # read here only: nothing of it needs to cross a process boundary
        return doc

    def _clause(self, doc: Words, sentence: Sentence, clause: Clause, mentions, sectors,
                discourse: Discourse, triggers: list[int], parse: Parse | None) -> list[Commitment]:
        predicate = _predicate(doc, clause, triggers)
        if predicate is None or _blocked(doc, clause, predicate) or _in_a_preamble(doc, sentence) \
                or _non_committal(doc, predicate.index, clause.end):
            return []
        if parse is not None and (_company_subject(doc, parse, predicate, clause.start)
                                  or _out_of_scope(doc, parse, predicate.index)):
            return []
        if clause.end == sentence.end and _closes_with_a_commentator(doc, sentence):
            return []
        in_clause = [m for m in mentions if clause.start <= m.start and m.end <= clause.end
                      and m.start not in clause.described]
        subject = [m for m in in_clause if m.end <= predicate.subject_end and m.role == "actor"
                   and not _excluded(doc, m, clause.start)]
        phrase_end = _phrase_end(doc, predicate.index, clause, in_clause)
        subject_words = [doc.lower[i] for i in range(clause.start, predicate.subject_end) if i not in clause.described]
        # A mediator, an act named as a noun, or a document as subject ("The agreement will expand
        # cooperation between Peru and Chile") is "between" its parties.
        document_subject = not subject and (not lexicon.AGREEMENT_NOUNS.isdisjoint(subject_words)
                                            or _signed_by(doc, predicate.index, clause.end))
        between_parties = doc.lower[predicate.index] in lexicon.NOMINAL_ACTS or document_subject
        mediating = between_parties or doc.lower[predicate.index] in lexicon.MEDIATION_VERBS
        counterparts = [m for m in in_clause if predicate.index < m.start < phrase_end
                        and _is_counterpart(doc, m, clause.start, predicate.index, mediating)
                        and (parse is None or _argument_of(doc, parse, m.start, predicate.index)
                             or mediating and "between" in doc.lower[predicate.index:m.start])]
        counterparts += [m for m in in_clause if m.start > predicate.index and m.role == "actor"
                         and _acts_under_the_deal(doc, m.start) and m not in counterparts]
        committing = _unique(m.iso3 for m in subject)
        others = [iso3 for iso3 in _unique(m.iso3 for m in counterparts) if iso3 not in committing]
        first_counterpart = min((m.start for m in counterparts), default=clause.end)
        if doc.lower[predicate.index] in SIGNATURE_NOUNS and len(others) >= 2 \
                and "between" in doc.lower[predicate.index:first_counterpart]:
            # "The presidents of A and B praised the signing of a memorandum between C and D": C and D's
            committing = []
        if not committing and others and discourse.acting not in (None, *others) and (
                not {"it", "its"}.isdisjoint(subject_words)
                or not lexicon.AGREEMENT_NOUNS.isdisjoint(subject_words)
                and "with" in doc.lower[predicate.index:first_counterpart]
                and "by" not in doc.lower[predicate.index:clause.end]):
            # "Brazil pledged ... to Cabo Verde, and its cooperation agency signed an agreement with
            # São Tomé", "It also signed with Benin", "A third loan agreement was signed with
            # Grenada": the party that acted alone, with its new partner.
            committing = [discourse.acting]
        if len(committing) == 1 and not others \
                and _speaker_and_counterpart(doc, sentence, clause.start, predicate.subject_end):
            # "President Gnassingbé and I agreed ...": the speaker is the other of the pair in force,
            # or of the pair named together before.
            pair = next((p for p in (discourse.frame, discourse.named_together)
                         if len(p) == 2 and committing[0] in p), [])
            others = [iso3 for iso3 in pair if iso3 != committing[0]]
        if doc.lower[predicate.index] in lexicon.COOPERATIVE_ACTS and not others and not (
                len(committing) == 1 and _carries_its_pair(committing[0], discourse)
                and _pledges_money(doc, predicate.index, clause.end)):
            # "shared evidence": an act towards no one; but "will donate 100 million yuan" after a
            # pair's agreement is money one of them gives the other
            return []
        if between_parties and not others and _companies_after(doc, predicate.index, phrase_end, "between"):
            return []  # "welcomed the signing of agreements between Malaysian and Turkish companies"
        if committing and not others and _companies_after(doc, predicate.index, phrase_end, "with"):
            return []  # "Bolivia agreed with a German company to mine lithium": no state is its counterpart
        pledges_money = _pledges_money(doc, predicate.index, clause.end)
        if pledges_money:
            # Donors named by no country ("Donors pledged ... to help A, B and C"), not a passive
            # ("was pledged by A to B") nor those just named ("The two countries pledged ...").
            named_before = set(discourse.frame + discourse.participants + discourse.named_recently(None)) - set(others)
            refers_back = _referring_count(subject_words)[0] and bool(named_before)
            unnamed_donors = not committing and others and not between_parties \
                and "by" not in doc.lower[predicate.index:phrase_end] and not refers_back
            if unnamed_donors:
                discourse.recipients, discourse.sentences_since_pledge = others, 0
                if len(others) >= 2:
                    return []  # unnamed donors are no party, and the recipients pledge nothing to each other
            elif len(committing) == 1 and not others and discourse.recipients \
                    and discourse.sentences_since_pledge <= PLEDGING_REACH \
                    and committing[0] not in discourse.recipients and not _carries_its_pair(committing[0], discourse) \
                    and not _names_its_recipient(doc, predicate.index, clause.end):
                # "Among governments, Saudi Arabia pledged $1 billion for reconstruction": one
                # donor's pledge to the conference's recipients, a pair with each; not a pledge
                # "to the Green Climate Fund", nor one long after the conference.
                others = list(discourse.recipients)
                discourse.sentences_since_pledge = 0
        separately = not lexicon.SEPARATING_WORDS.isdisjoint(doc.lower[clause.start:phrase_end])
        # A mediator or host brings its counterparts together: "will host a meeting between Israel
        # and the PLO", "will visit A and B to mediate in their dispute" is one set of three.
        bringing_together = _brings_together(doc.lower[predicate.index:phrase_end])
        # "In Mozambique's case, the two health ministries agreed ...": the pair is the hub's with
        # the country the sentence opens on.
        topic = _unique(m.iso3 for m in in_clause if m.end <= predicate.subject_end and m.role == "possessive")
        party_sets, carried = _party_sets(committing, others, discourse, subject_words,
                                          separately, bringing_together, topic)
        if not party_sets and len(committing) == 1 and not others and doc.lower[predicate.index] in SIGNATURE_NOUNS \
                and committing[0] in discourse.frame \
                and doc.lower[predicate.index + 1:predicate.index + 3] in REFERRING_OBJECTS:
            # "A, B and C signed the partnership. A's deputy prime minister witnessed the signing of
            # the partnership ...": a leader at his own government's signing, of those in force.
            party_sets, carried = [list(discourse.frame)], True
        acting = _unique(m.iso3 for m in subject if doc.lower[m.start - 1] != "with")
        if len(acting) == 1 and party_sets and all(len(p) == 2 and acting[0] in p for p in party_sets):
            discourse.acting = acting[0]  # "With Angola, Brazil signed ...", "A signed ... with B and C": A
        if not committing and len(others) >= 2 and between_parties and (
                not party_sets or not set(others) <= set(party_sets[0])):
            # "ended with the signing of an agreement between Kenya and Ghana"
            party_sets, carried = [others], False
        # "The visit closed with a commitment to double Vietnamese government scholarships": the act
        # of those in force, or of those who met since ("A's president met his B counterpart. The
        # talks ended with the signing of four agreements"), who are the parties of their own talks
        # or meeting, not of the conference on whose sidelines they met.
        own_meeting = discourse.met_since_established and not lexicon.MEETING_SUBJECTS.isdisjoint(subject_words[:3])
        in_force = discourse.participants if own_meeting else discourse.frame
        # The event as the subject of an agreeing verb ("The talks reached an agreement"), not one
        # that places someone else's act ("During the visit, two companies signed ...").
        event_agrees = predicate.strong and _event_subject(subject_words)
        if not party_sets and not committing and (between_parties or event_agrees) and in_force \
                and set(others) <= set(in_force) and not lexicon.EVENT_SUBJECTS.isdisjoint(subject_words[:3]):
            party_sets, carried = [list(in_force)], True
            discourse.establish(list(in_force))  # those who met are now the parties in force
        if not party_sets and not committing and not others \
                and _signed_after_talks_between(doc, predicate.index, clause):
            # "Documents were signed following the talks between the Belarusian President and his
            # Guinean counterpart": a signing with no agent, by those who held the talks.
            talked = _unique(m.iso3 for m in in_clause if m.start > predicate.index and m.role == "actor")
            if len(talked) >= 2:
                party_sets, carried = [talked], False
        if not party_sets and not committing and predicate.strong and discourse.participants \
                and _referring_count(subject_words)[0]:
            # "The Prime Ministers of A, B and C met ... The Prime Ministers agreed to ...": a
            # meeting's participants are parties only to what they explicitly agree.
            party_sets, carried = [list(discourse.participants)], True
        clause_sectors = _sectors(doc, sectors, clause)
        to_a_region = not party_sets and len(committing) == 1 and not others \
            and _for_a_region(doc, predicate.index, clause)
        gives_to_another = bool(others) or len(committing) == 1 and _carries_its_pair(committing[0], discourse)
        if (gives_to_another or to_a_region) and pledges_money and not AID_OR_LOAN.intersection(clause_sectors) \
                and lexicon.PURCHASE_WORDS.isdisjoint(doc.lower[clause.start:clause.end]):
            # "will provide up to $15 million to Palau to strengthen the cybersecurity of ...", "New
            # Delhi will provide 10,000 crore rupees to support the kingdom's plan", "$30 million for
            # locust control across East Africa": money a government gives others is aid, the guide's
            # development, unless it is a loan or pays for purchases ("boost US imports by $200bn").
            clause_sectors = clause_sectors + [DEVELOPMENT]
        if not party_sets and not committing and discourse.decision_authors and predicate.strong \
                and set(subject_words) <= DECISION_AUXILIARIES:
            # "Recognising ...; Noting ...; have decided to:": the authors named above the preamble.
            party_sets, carried = [list(discourse.decision_authors)], False
        titled_pair = _titled_pair(subject_words)
        if not party_sets and not committing and predicate.strong and clause_sectors \
                and (not lexicon.COLLECTIVE_SUBJECTS.isdisjoint(subject_words) or titled_pair):
            # "... received Kenya's foreign secretary for talks. They agreed to set up a fisheries
            # dialogue": an explicit agreement on a field, by those just named together; "The
            # Minister and the Secretary agreed ..." are two of them.
            count = 2 if titled_pair else _referring_count(subject_words)[1]
            # "The two leaders reaffirmed their commitment to the partnership between A and B":
            # the countries it is between, or else those just named together.
            between = _unique(m.iso3 for m in in_clause if predicate.index < m.start < phrase_end
                              and m.role != "modifier" and _in_a_tie_between(doc, predicate.index, m.start))
            named = between if len(between) >= 2 and count in (None, len(between)) \
                else discourse.named_recently(count)
            if named:
                # Resolved, they are the parties in force for what "the two sides" do next.
                party_sets, carried = [list(named)], True
                discourse.establish(list(named))
        words = set(doc.lower[clause.start:clause.end])
        confidence = _confidence(predicate.strong, carried, bool(clause_sectors))

        def commitment(parties: list[str], score: float) -> Commitment:
            return _commitment(doc, sentence, parties, clause_sectors, _commitment_type(words), score)

        if len(committing) == 1 and not others and discourse.signing_open and _signs_alone(doc, predicate.index):
            # "..., as did Brazil and Mexico. Charles Michel signed for the EU.": one more signatory.
            discourse.establish(_unique(discourse.frame + committing))
            return [commitment(list(discourse.frame), confidence)]
        if clause_sectors == [DIPLOMACY] and _one_off_meeting(doc, predicate.index, clause.end):
            return []  # "agreed to speak again soon": a scheduled meeting, not a dialogue channel
        if doc.lower[predicate.subject_end] in lexicon.FUTURE_MARKERS:
            collaborating = _collaborates(doc, predicate.index)
            if not clause_sectors and collaborating and doc.lower[predicate.subject_end] == "will" \
                    and len(committing) >= 2:
                # "A and B will continue to collaborate on issues of common interest": the two
                # together, with no field named; not "A would cooperate with B's request"
                clause_sectors = [DIPLOMACY]
            elif (not clause_sectors or not collaborating and _fields_only_in_office_titles(sectors, clause)
                  and not ATTENDED_EVENTS.isdisjoint(doc.lower[predicate.index:clause.end])) \
                    and doc.lower[predicate.index] not in lexicon.TRANSFER_VERBS \
                    and not _introduces_a_list(doc, sentence):
                # A plan that names neither a field nor a transfer ("X will visit Y") is a schedule,
                # and so is one to attend a meeting whose only field is an office's ("will join the
                # meetings of the Minister for National Security").
                return []
        if to_a_region:
            # "The EU pledged 12 billion euros for projects across Central Asia": a pledge to a
            # region or to unnamed recipients is the pledging party's alone.
            return [commitment(committing, confidence - 0.1)]
        if not party_sets:
            # A lone party may be a deal's first-named member ("South Africa will receive ... from
            # a group of wealthy governments"), and a group may be named only later ("Gulf and
            # Central Asian leaders agreed ..."): they wait for the members to be named.
            if len(committing) == 1 and not discourse.frame:
                discourse.waiting.append((committing[0], commitment(committing, confidence - 0.1)))
            elif not committing and not discourse.frame and _referring_count(subject_words)[0]:
                discourse.waiting.append((None, commitment([], confidence - 0.1)))
            return []
        if len(party_sets) == 1 and not carried and (parse is None or not _in_background(doc, parse, predicate.index)):
            discourse.establish(party_sets[0])
        made = [commitment(parties, confidence) for parties in party_sets]
        if carried and not clause_sectors:
            # "The two sides will stay in touch": the parties in force again, and no field. It says
            # nothing the earlier commitment did not, so it is not reported; it still governs the
            # list it may introduce ("the two sides will:").
            discourse.unreported.update(map(id, made))
        return made


def _event_subject(subject_words: list[str]) -> bool:
    """ "The talks", "The two-day meeting", "This visit": an event and nothing else."""
    words = [w for w in subject_words if w not in lexicon.DETERMINERS and w not in lexicon.ADVERBS]
    return bool(words) and words[-1] in lexicon.EVENT_SUBJECTS and len(words) <= EVENT_SUBJECT_WORDS


EVENT_SUBJECT_WORDS = 4  # "the two-day official visit"


def _places_and_topics(words: Words, mentions: list[Mention]) -> set[int]:
    """The starts of the countries in a list after a topic preposition ("in", "on", "about" ...):
    the places and topics of talks ("exchanged views on developments in A-B, C and D"), not who
    talks. Not a country whose official follows ("In Nairobi, Kenya's president received ...",
    "called on Ghana's president")."""
    found: set[int] = set()
    previous: Mention | None = None
    for mention in mentions:
        before = words.lower[mention.start - 1] if mention.start else ""
        listed = previous is not None and previous.start in found and previous.end >= mention.start - 2 \
            and before in TOPIC_LIST_JOINERS
        if (before in TOPIC_PREPOSITIONS or listed) and mention.role == "actor" \
                and words.lower[mention.end:mention.end + 1] not in (("'s",), ("’s",)):
            found.add(mention.start)
        previous = mention
    return found


TOPIC_PREPOSITIONS = frozenset({"in", "on", "about", "regarding", "concerning"})
TOPIC_LIST_JOINERS = frozenset({",", "and", "-", "–", "the"})


def _first_trigger(triggers: list[int], start: int, end: int) -> int:
    i = bisect_left(triggers, start)
    return triggers[i] if i < len(triggers) and triggers[i] < end else end


def _asks(doc: Words, sentence: Sentence, asking: bool) -> bool:
    """Whether a sentence belongs to a question of a briefing transcript: it opens with a question
    label ("Q:", "Question:"), or follows one in the same paragraph."""
    first = sentence.start
    if first + 1 < sentence.end and doc.lower[first] in lexicon.QUESTION_LABELS and doc.text[first + 1] == ":":
        return True
    return asking and first > 0 and "\n" not in doc.text[first - 1]


def _continuing_sectors(doc: Words, following: list[Clause], sectors: list[SectorTerm],
                        triggers: list[int]) -> list[str]:
    """The fields of the clauses that go on with a commitment ("..., while also strengthening
    cooperation in AI"): opened by a continuing connective, with no committing predicate."""
    codes: list[str] = []
    for clause in following:
        first = next((i for i in range(clause.start, clause.end) if doc.text[i].isalpha()), None)
        if first is None or doc.lower[first] not in lexicon.CONTINUING_CONNECTIVES \
                or _predicate(doc, clause, triggers) is not None:
            break
        codes += [code for code in _sectors(doc, sectors, clause) if code != DIPLOMACY]
    return codes


def _non_committal(doc: Words, predicate: int, end: int) -> bool:
    """ "agreed (in principle) to explore a railway link", "will consider", "has decided to delay
    the signing of the agreement": an agreement to look at something, or to put off the deal
    itself, not to do it ("agreed to suspend tariffs" is an act). Or one denied by its object:
    "signed nothing", "agreed on little", "signed no new deals". Or a shared view: "agreed that
    the shortage is a threat" (but "agreed that Japan would provide chips" is an act)."""
    following = doc.lower[predicate:min(predicate + 5, end)]
    if _holds_a_meeting(doc, predicate, end) and lexicon.RECURRENCE_WORDS.isdisjoint(following):
        return True  # "held their first talks on a possible trade agreement": talks, not the deal
    if following[0].startswith("agree") and following[1:2] == ("that",):
        content = doc.lower[predicate + 2:end]
        if lexicon.ACT_MODALS.isdisjoint(content) and lexicon.COMMIT_VERBS.isdisjoint(content):
            return True
    for i, word in enumerate(following[1:NEGATIVE_OBJECT_REACH + 1], 1):
        after = following[i + 1] if i + 1 < len(following) else ""
        if word in lexicon.NEGATIVE_OBJECTS and following[i - 1] != "a" and after not in lexicon.MODIFYING_COMPARATIVES:
            return True
    for i, word in enumerate(following):
        if i and following[i - 1] not in ("to", "will", "would"):
            continue
        if word in lexicon.NON_COMMITTAL_VERBS or not lexicon.NON_COMMITTAL_OBJECTS.isdisjoint(
                doc.lower[predicate + i + 1:min(predicate + i + NON_COMMITTAL_OBJECT_REACH, end)]):
            return True  # "will discuss ...", "will exchange views on ...", "will pay an official visit"
        deal = doc.lower[predicate + i + 1:min(predicate + i + 5, end)]
        if word in lexicon.PENDING_WORDS and not DEAL_WORDS.isdisjoint(deal):
            return True
    return False


NON_COMMITTAL_OBJECT_REACH = 4  # "exchange views", "pay an official visit"


def _one_off_meeting(doc: Words, predicate: int, end: int) -> bool:
    words = doc.lower[predicate:end]
    return not lexicon.ONE_OFF_MEETING_WORDS.isdisjoint(words) and lexicon.RECURRENCE_WORDS.isdisjoint(words)


def _commitment(doc: Words, sentence: Sentence, parties: list[str], sectors: list[str], kind: str,
                confidence: float) -> Commitment:
    evidence, start_char, end_char = doc.span_text(sentence.start, sentence.end)
    return Commitment(parties=parties, sectors=sectors, evidence=evidence, start_char=start_char,
                      end_char=end_char, commitment_type=kind, confidence=confidence)


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))


class Members(NamedTuple):
    countries: list[str]
    refers_back: bool  # "Among the eleven were ...": the list adds to a party named before
    signatories: bool  # named as a document's signatories, not only as a group's members


NO_MEMBERS = Members([], False, False)


def _named_members(doc: Words, sentence: Sentence, parse: Parse | None, mentions: list[Mention],
                   membership_words: bool) -> Members:
    """The countries a sentence names as a deal's signatories or a group's members."""
    words = doc.lower[sentence.start:sentence.end]
    actors = [m for m in mentions if m.role != "modifier"]
    if words[:2] == ("we", ","):
        # "We, the Heads of State of A, B and C, ...": the authors of a first-person statement
        members = _unique(m.iso3 for m in actors)
        return Members(members, False, True) if len(members) >= 2 else NO_MEMBERS
    if (words[0] == "among" or _names_a_group(words)) and not {"were", "are", "was", "is"}.isdisjoint(words[:6]):
        members = _unique(m.iso3 for m in actors)
        return Members(members, True, True) if len(members) >= 2 else NO_MEMBERS
    if parse is not None and (signers := _passive_signers(doc, parse, actors)):
        return Members(signers, False, True)
    if _follows(words, ("as", "did")) and not lexicon.SIGNING_WORDS.isdisjoint(words):
        described = set().union(*(c.described for c in _clauses(doc, sentence, list(range(*sentence)))))
        members = _unique(m.iso3 for m in actors if m.start not in described)
        return Members(members, False, True) if len(members) >= 2 else NO_MEMBERS
    return Members(_members(doc, sentence, mentions), False, False) if membership_words else NO_MEMBERS


def _names_a_group(words: tuple[str, ...]) -> bool:
    """ "The Participants are ...", "The signatories were ...": a copula naming a group's members."""
    opening = [w for w in words[:4] if w not in ("the", "two", "three", "four", "five", "six")]
    return len(opening) >= 2 and opening[0] in lexicon.GROUP_NOUNS and opening[1] in ("are", "were", "include")


def _follows(words: tuple[str, ...] | list[str], phrase: tuple[str, ...]) -> bool:
    return any(tuple(words[i:i + len(phrase)]) == phrase for i in range(len(words) - len(phrase) + 1))


def _speaker_and_counterpart(doc: Words, sentence: Sentence, start: int, end: int) -> bool:
    """ "President Gnassingbé and I agreed" in a leader's published remarks: the pronoun "I"
    coordinated in the subject (not "Phase I" or "World War I")."""
    if any(mark in doc.text[sentence.start:sentence.end] for mark in QUOTATION_MARKS):
        return False  # a quoted "I" is whoever the article quotes, not the text's own speaker
    return any(doc.text[k] == "I" and (doc.lower[k - 1] == "and" or doc.lower[k + 1:k + 2] == ("and",))
               for k in range(start + 1, end))


QUOTATION_MARKS = ('"', "“", "”")


def _signed_after_talks_between(doc: Words, verb: int, clause: Clause) -> bool:
    """ "were signed following the talks between A and B", "was signed after talks between":
    a passive signing without its agent, placed by the meeting of those who signed."""
    if doc.lower[verb] not in lexicon.SIGNING_PARTICIPLES or verb == 0 \
            or doc.lower[verb - 1] not in PASSIVE_AUXILIARIES:
        return False
    after = doc.lower[verb + 1:min(clause.end, verb + TALKS_REACH)]
    return "between" in after and not lexicon.MEETING_SUBJECTS.isdisjoint(after)


PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "be"})
TALKS_REACH = 8  # "were signed on Thursday following the talks between": words from the verb to "between"


def _signed_by(doc: Words, verb: int, end: int) -> bool:
    """ "was signed by", "was signed only by": a passive signing that names its signatories."""
    after = verb + 1
    while after < end - 1 and (doc.lower[after] in lexicon.ADVERBS or doc.lower[after] == "only"):
        after += 1
    return doc.lower[verb] in lexicon.SIGNING_PARTICIPLES and after < end and doc.lower[after] == "by"


def _passive_signers(doc: Words, parse: Parse, actors: list[Mention]) -> list[str]:
    """ "The declaration was signed by A, B and C": the parties in the agent phrases of a passive
    signing verb (the tree gives them, and keeps out a relative clause about a signatory)."""
    for verb in range(parse.start, parse.end - 1):
        if not _signed_by(doc, verb, parse.end):
            continue
        agents: set[int] = set()
        for child in parse.children(verb):
            if child > verb and parse.dep(child) not in lexicon.NON_ARGUMENT_RELATIONS:
                agents |= parse.subtree(child)
        signers = _unique(m.iso3 for m in actors if m.start in agents)
        if len(signers) >= 2:
            return signers
    return []


def _meeting_verb(doc: Words, sentence: Sentence) -> int | None:
    """ "met", "convened", or "held" a meeting ("held a separate bilateral meeting", "held talks")."""
    return next((i for i in range(sentence.start, sentence.end)
                 if doc.lower[i] in lexicon.MEETING_VERBS or _holds_a_meeting(doc, i, sentence.end)
                 or _meeting_held_between(doc, i, sentence.start)), None)


def _meeting_held_between(doc: Words, verb: int, start: int) -> bool:
    """ "Talks between A and B were held in C", "The negotiations between the defence ministries of
    A and B have been recently held": a meeting in the passive, its participants before the verb."""
    if doc.lower[verb] != "held":
        return False
    auxiliary = verb - 1
    while auxiliary > start and (doc.lower[auxiliary] in lexicon.ADVERBS or doc.lower[auxiliary].endswith("ly")):
        auxiliary -= 1
    before = doc.lower[start:verb]
    return doc.lower[auxiliary] in ("was", "were", "been") and "between" in before \
        and not lexicon.MEETING_SUBJECTS.isdisjoint(before[:before.index("between")])


def _holds_a_meeting(doc: Words, verb: int, end: int) -> bool:
    """ "held talks", "hold a separate bilateral meeting": a holding verb whose object is a meeting."""
    return doc.lower[verb] in HOLDING_VERBS and not RECURRING_MEETING_WORDS.isdisjoint(
        doc.lower[verb + 1:min(verb + 1 + MEETING_OBJECT_REACH, end)])


MEETING_OBJECT_REACH = 4  # "held a separate bilateral meeting"


def _participants(doc: Words, verb: int, mentions: list[Mention]) -> list[str]:
    """ "The prime ministers of A, B and C met in Stockholm", "A's president met his B counterpart",
    "A's president held a bilateral meeting with B's leader on Tuesday": who meets is the set that
    "the leaders", "they" and "the talks" refer to next. Whom the meeting is with ends where the
    circumstances begin ("in Stockholm", "to discuss Syria")."""
    limit = min(verb + 1 + MEETING_PARTNER_REACH, len(doc.lower))
    partner_end = next((i for i in range(verb + 1, limit) if doc.lower[i] in MEETING_PARTNER_ENDS), limit)
    # Not a country in a phrase that opens the sentence and sets its time ("A week after Ghana's
    # election, Kenya's president met ..."): the subject begins after that phrase's comma.
    first = mentions[0].start if mentions else verb
    opening = range(first - OPENING_PHRASE_REACH, first)
    subject_start = 0
    if any(0 <= i and doc.lower[i] in OPENING_PHRASE_WORDS for i in opening):
        subject_start = next((i + 1 for i in range(verb - 1, first, -1) if doc.lower[i] == ","), 0)
    participants = _unique(m.iso3 for m in mentions if m.role != "modifier"
                           and (subject_start <= m.start < verb or verb < m.start < partner_end))
    return participants if len(participants) >= 2 else []


MEETING_PARTNER_REACH = 12  # "held a separate bilateral meeting with the Prime Minister of Japan"
OPENING_PHRASE_WORDS = lexicon.SUBORDINATORS | {"following", "speaking", "during", "amid", "despite"}
OPENING_PHRASE_REACH = 6  # "A week after Ghana's election,": the words before its first country
MEETING_PARTNER_ENDS = frozenset({",", ".", ";", ":", "(", "to", "in", "on", "at", "about", "for", "during", "over",
                                  "after", "before", "amid", "as", "where", "which", "who", "when", "while"})


def _signs_alone(doc: Words, predicate: int) -> bool:
    """ "X signed for the EU", "Y also signed.": a signature with no document of its own."""
    return doc.lower[predicate] in lexicon.SIGNING_WORDS and predicate + 1 < len(doc.lower) and \
        doc.lower[predicate + 1] in ("for", "on", ".", "too")


def _out_of_scope(doc: Words, parse: Parse, predicate: int) -> bool:
    """What governs the predicate in the tree makes it no commitment: a failure, refusal or
    hedge above it ("were due to sign", "stopped short of signing", "is expected to approve"), a
    condition on it ("ready to back a treaty if ..."), a counterfactual ("would have committed"),
    a commentator reporting it ("..., said an analyst at a think tank"), or the end of the deal it
    describes ("an earlier arrangement, signed in 2016, had expired")."""
    if _aside_then_ended(doc, parse, predicate):
        return True
    chain = [predicate, *parse.ancestors(predicate)]
    # A verb coordinated with the predicate does not govern it: "They discussed trade and agreed to
    # ..." commits to what they agreed, though "discussed" alone would not.
    coordinates = {parse.head(i) for i in chain if parse.dep(i) == "conj"}
    for depth, verb in enumerate(chain):
        if verb in coordinates:
            continue
        if depth and doc.lower[verb] in SCOPE_BREAKERS:
            return True
        children = parse.children(verb)
        if any(parse.dep(c) in ("advcl", "advcl:relcl") and _marked_by(doc, parse, c, lexicon.CONDITION_MARKS)
               for c in children):
            return True
        if any(parse.dep(c) in ("mark", "aux", "advmod") and doc.lower[c] in lexicon.GOVERNING_HEDGES
               for c in children):
            return True  # "were due to sign", parsed with "due" as the verb's marker
        auxiliaries = [doc.lower[c] for c in children if parse.dep(c).startswith("aux")]
        if "have" in auxiliaries and not lexicon.COUNTERFACTUAL_MODALS.isdisjoint(auxiliaries):
            return True
        if _commentator_speaks(doc, parse, verb):
            return True
    return False


def _aside_then_ended(doc: Words, parse: Parse, predicate: int) -> bool:
    """A deal described by the act ("the memorandum that Kenya and Poland signed in 2016", "an
    earlier arrangement, signed in 2016,") and then ended ("... lapsed three years later", "...
    had expired"): the tree hangs the termination on the deal's noun, or, after a participle set
    off by commas, beside it, never above the act."""
    if parse.dep(predicate) == "acl":
        deal = parse.head(predicate)
        verb = parse.head(deal)
        if parse.dep(deal).startswith("nsubj") and any(
                doc.lower[v] in lexicon.TERMINATION_VERBS
                for v in [verb, *(c for c in parse.children(verb) if parse.dep(c) == "conj")]):
            return True
    if predicate <= parse.start or doc.text[predicate - 1] != ",":
        return False
    close = next((i for i in range(predicate + 1, parse.end) if doc.text[i] == ","), None)
    if close is None:
        return False
    after = close + 1
    while after < parse.end and (doc.lower[after] in AUXILIARIES_OF_AN_ENDING or doc.lower[after] in lexicon.ADVERBS):
        after += 1
    return after < parse.end and doc.lower[after] in lexicon.TERMINATION_VERBS


# "had since lapsed", "was later scrapped"
AUXILIARIES_OF_AN_ENDING = frozenset({"had", "has", "have", "was", "were", "been", "since", "later"})


def _commentator_speaks(doc: Words, parse: Parse, verb: int) -> bool:
    return doc.lower[verb] in lexicon.SPEECH_VERBS and any(
        doc.lower[h] in lexicon.COMMENTATORS for s in _subjects(parse, verb)
        for h in [s] + [c for c in parse.children(s) if parse.dep(c) == "appos"])


def _closes_with_a_commentator(doc: Words, sentence: Sentence) -> bool:
    """ "..., analysts say.", "..., experts said.": a view reported at the sentence's end, which the
    tree may hang anywhere."""
    last = _last_word(doc, sentence)
    if last is None:
        return False
    comma = next((i for i in range(last - 1, max(sentence.start, last - COMMENTATOR_TAIL) - 1, -1)
                  if doc.text[i] == ","), None)
    tail = doc.lower[comma + 1:last + 1] if comma is not None else ()
    return not lexicon.COMMENTATORS.isdisjoint(tail) and not lexicon.SPEECH_VERBS.isdisjoint(tail)


def _marked_by(doc: Words, parse: Parse, verb: int, marks: frozenset[str]) -> bool:
    return any(parse.dep(c) == "mark" and doc.lower[c] in marks for c in parse.children(verb))


def _subjects(parse: Parse, predicate: int) -> list[int]:
    """The heads of the predicate's subject, found up its chain of control ("A and B agreed to
    sign": the subject of "sign" is that of "agreed")."""
    i = predicate
    while True:
        subjects = [c for c in parse.children(i) if parse.dep(c) in ("nsubj", "nsubj:pass")]
        if subjects or parse.dep(i) not in ("xcomp", "conj") or parse.head(i) == i:
            return subjects
        i = parse.head(i)


def _company_subject(doc: Words, parse: Parse, predicate: Predicate, start: int) -> bool:
    """ "ACWA Power, the Saudi power developer, signed ...": companies are not states, whoever
    owns them or watches them sign. Not "Governments and lenders pledged ...": states are among them.
    Where the tree finds no subject, the noun right before the verb is taken for it ("..., a Cuban
    state electricity company signed a contract")."""
    subjects = _subjects(parse, predicate.index)
    for subject in subjects:
        heads = [subject] + [c for c in parse.children(subject) if parse.dep(c) in ("appos", "conj")]
        if any(doc.lower[h] in lexicon.COMPANY_NOUNS or doc.lower[h - 1:h + 1] in lexicon.COMPANY_PHRASES
               for h in heads) \
                and not any(doc.lower[h] in lexicon.GOVERNMENT_NOUNS for h in heads):
            return True
    before = predicate.subject_end - 1  # "a Cuban company will build": the word before "will"
    while before > start and doc.lower[before] in lexicon.ADVERBS:
        before -= 1
    coordinated_heads = {doc.lower[i - 1] for i in range(start + 1, before) if doc.lower[i] in ("and", ",")}
    return not subjects and before >= start and doc.lower[before] in lexicon.COMPANY_NOUNS \
        and lexicon.GOVERNMENT_NOUNS.isdisjoint(coordinated_heads)


def _in_a_preamble(doc: Words, sentence: Sentence) -> bool:
    """ "Recognizing that ...", "Noting that ...": a joint statement's preamble states grounds,
    not acts; the commitments come after "have decided to:"."""
    first = next((i for i in range(sentence.start, sentence.end) if doc.text[i].isalpha()), None)
    if first is None or doc.lower[first] not in lexicon.PREAMBLE_WORDS or not doc.text[first][0].isupper():
        return False
    # "Recognising the importance of tourism, we decided to launch ...": a sentence whose opening
    # phrase is followed by its own subject and full stop states the decision itself.
    last = _last_word(doc, sentence)
    if last is not None and doc.text[last] == ".":
        for i in range(first, last):
            if doc.text[i] == "," and not lexicon.ANAPHORIC_SUBJECTS.isdisjoint(doc.lower[i + 1:i + 4]):
                return False
    return True


def _argument_of(doc: Words, parse: Parse, mention: int, predicate: int) -> bool:
    """Whether a country after the predicate is one of its arguments rather than part of a
    circumstance ("..., closing a summit in a region shaped by Russia") or of a description
    ("transfers that North Korea uses"): the path up the tree from the mention to the
    predicate's own chain crosses no adverbial, relative or complement clause, except a purpose
    ("to help Ukraine")."""
    chain = {predicate, *parse.ancestors(predicate)}
    i = mention
    while i not in chain:
        if parse.dep(i) in lexicon.CIRCUMSTANCE_RELATIONS and _subordinate(doc, parse, i):
            return False
        head = parse.head(i)
        if head == i:
            return True
        i = head
    return True


def _in_background(doc: Words, parse: Parse, predicate: int) -> bool:
    """A commitment stated inside a subordinate clause ("That falls short of the treaty that
    Moscow signed with Pyongyang") is background: it does not become the parties in force."""
    return any(parse.dep(i) in lexicon.CIRCUMSTANCE_RELATIONS and _subordinate(doc, parse, i)
               for i in [predicate, *parse.ancestors(predicate)])


CLAUSE_HEAD_RELATIONS = frozenset({"ROOT", "ccomp", "parataxis"})


def _subordinate(doc: Words, parse: Parse, verb: int) -> bool:
    """A clause introduced as subordinate: by a conjunction or relative pronoun ("after Britain
    left", "that North Korea uses"), or a participle without a subject ("shaped by Russia"). A
    purpose ("to help Ukraine") is not: its countries are the commitment's."""
    children = parse.children(verb)
    marks = [doc.lower[c] for c in children if parse.dep(c) == "mark"]
    if marks:
        return not lexicon.SUBORDINATORS.isdisjoint(marks)
    if any(doc.lower[c] in RELATIVE_PRONOUNS | {"that"} for c in children):
        return True
    has_subject = any(parse.dep(c).startswith("nsubj") for c in children)
    if parse.dep(verb) == "acl" and doc.lower[parse.head(verb)] in lexicon.AGREEMENT_NOUNS:
        return False  # what the deal does: "signed agreements establishing relations with the UAE"
    head = parse.head(verb)
    while parse.dep(head) == "conj" and parse.head(head) != head:
        head = parse.head(head)  # "Kenya and the Republic of the Congo signed": the first of the pair
    if parse.dep(verb) in ("acl", "acl:relcl") and parse.dep(head) in CLAUSE_HEAD_RELATIONS and head < verb \
            and not any(parse.dep(c).startswith("nsubj") for c in parse.children(head)):
        # "The state visit to Mongolia closed with the signing ...", "Chile and Peru agreed on
        # Friday to ...": the tree found no verb for the clause and hung its verb on the subject, as
        # if Chile were agreed by someone. A noun that heads a clause of its own has a subject
        # ("It is the deal signed in 2016").
        return False
    return not has_subject and doc.lower[verb].endswith(("ing", "ed"))


def _for_a_region(doc: Words, predicate: int, clause: Clause) -> bool:
    """A pledge, offer or announcement towards a region ("to Africa", "across Central Asia", "for
    developing countries") rather than a named state."""
    if doc.lower[predicate] not in lexicon.PLEDGING_WORDS:
        return False
    after = " " + " ".join(doc.lower[predicate + 1:clause.end]) + " "
    return any(f" {preposition} {region} " in after or f" {preposition} the {region} " in after
               for preposition in lexicon.REGION_PREPOSITIONS for region in REGIONS_AS_TOKENS)


REGIONS_AS_TOKENS = frozenset(region.replace("-", " - ") for region in lexicon.REGIONS)  # "sub - saharan africa"


def _introduces_a_list(doc: Words, sentence: Sentence) -> bool:
    """ "The Prime Ministers have decided to:", "Under the plan, the two sides will:" """
    last = _last_word(doc, sentence)
    return last is not None and doc.text[last] == ":"


def _last_word(doc: Words, sentence: Sentence) -> int | None:
    """The sentence's last token that is neither a space nor the bullet of the next line's item."""
    return next((i for i in range(sentence.end - 1, sentence.start - 1, -1)
                 if not doc.text[i].isspace() and doc.text[i] not in lexicon.ITEM_MARKERS), None)


def _list_item(doc: Words, sentence: Sentence) -> bool:
    """A numbered or bulleted item that states an act ("3. Strengthen cooperation on ...", "- to
    set up a joint monitoring cell ...", "establish a working group ...;"). An item that opens in
    lower case goes on with the list whatever its verb ("to speed up the repair of ...",
    "exchange information on ..."): no list of verbs could hold them all. A capitalised opening
    must be a known act, since a new paragraph opens that way too, or the title of an instrument
    that the list's opening said was signed ("(a) Memorandum of Understanding on ...")."""
    i = _item_marker_end(doc, sentence)
    if i + 1 < sentence.end and doc.lower[i] == "to":
        i += 1
    return i < sentence.end and doc.text[i].isalpha() and (
        doc.text[i].islower() or doc.lower[i] in lexicon.ACTION_VERBS
        or doc.lower[i] not in lexicon.DETERMINERS
        and not lexicon.AGREEMENT_NOUNS.isdisjoint(doc.lower[i:min(i + TITLE_HEAD_REACH, sentence.end)]))


TITLE_HEAD_REACH = 3  # "Memorandum of ...", "Joint Declaration on ...", "Letter of intent on ..."


def _item_label(doc: Words, sentence: Sentence) -> bool:
    """A labelled line under a list's item ("Signed by: ...", "Description: ..."): part of the item."""
    i = _item_marker_end(doc, sentence)
    colon = next((j for j in range(i, min(i + LABEL_WORDS + 1, sentence.end)) if doc.text[j] == ":"), None)
    return colon is not None and colon > i and doc.text[i][:1].isupper()


LABEL_WORDS = 3


def _announces_instruments(doc: Words, sentence: Sentence) -> bool:
    """ "The following documents were signed ...", "the following agreements were exchanged", or
    a line that opens a list on instruments ("The package of documents includes 17 agreements:",
    "Key agreements exchanged included:"), not those still negotiated or put off."""
    words = doc.lower[sentence.start:sentence.end]
    if "following" in words:
        after = words.index("following") + 1
        return not lexicon.INSTRUMENT_LIST_NOUNS.isdisjoint(words[after:after + 2])
    last = _last_word(doc, sentence)
    return last is not None and doc.text[last] == ":" and not lexicon.INSTRUMENT_LIST_NOUNS.isdisjoint(words) \
        and SCOPE_BREAKERS.isdisjoint(words) and NOT_YET_OR_ALREADY.isdisjoint(words) \
        and lexicon.FUTURE_MARKERS.isdisjoint(words)


# "The documents to be signed next month include:", "Agreements already in force include:"
NOT_YET_OR_ALREADY = frozenset({"be", "already", "existing"})


def _item_marker_end(doc: Words, sentence: Sentence) -> int:
    i = sentence.start
    while i < sentence.end and (doc.text[i] in lexicon.ITEM_MARKERS or doc.text[i].isspace()
                                or ITEM_NUMBER.fullmatch(doc.text[i])):
        i += 1
    return i


ITEM_NUMBER = re.compile(r"\(?(\d{1,2}|[a-z]|[ivx]+)[.)]?|[.()]")


def _item_commitment(doc: Words, sentence: Sentence, sectors: list[SectorTerm],
                     discourse: Discourse) -> list[Commitment]:
    clause = Clause(sentence.start, sentence.end, frozenset(), frozenset())
    opening = _item_marker_end(doc, sentence)
    act = opening + 1 if doc.lower[opening] == "to" else opening
    if doc.lower[act] in CUES_BEFORE_PREDICATE:
        return []  # "- urge all parties to ...": the item's act is no commitment ("an early warning
        # system" further on is only a noun)
    if _non_committal(doc, opening, sentence.end):
        return []  # "explore the possibility of joint research ...": an item, but no act
    codes = _sectors(doc, sectors, clause) or [DIPLOMACY]
    return [_commitment(doc, sentence, list(discourse.list_parties), codes, "joint_statement",
                        _confidence(True, True, True))]


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
        if word == ";" and ":" in doc.text[sentence.start:i] and _an_item_follows(doc, i, sentence.end):
            continue  # "covers a range of issues including: trade; education; health": one list
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


def _an_item_follows(doc: Words, semicolon: int, end: int) -> bool:
    """After a colon, what follows a semicolon is another item of the list when it states no act
    of its own ("; education, youth and human resources;"), not "; Bolivia will discuss energy"."""
    item_end = next((k for k in range(semicolon + 1, end) if doc.text[k] == ";"), end)
    return TRIGGER_WORDS.isdisjoint(doc.lower[semicolon + 1:item_end])


def _coordinated(doc: Words, parse: Parse | None, clauses: list[Clause]) -> list[Clause]:
    """Clauses cut where the tree coordinates a verb with a subject of its own ("Germany pledged
    aid to Rwanda, and France signed an agreement with Senegal"): each states its own commitment."""
    if parse is None:
        return clauses
    cuts = set()
    for verb in range(parse.start, parse.end):
        if parse.dep(verb) != "conj" or parse.head(verb) > verb:
            continue
        subjects = [c for c in parse.children(verb) if parse.dep(c).startswith("nsubj")]
        head_subjects = [c for c in parse.children(parse.head(verb)) if parse.dep(c).startswith("nsubj")]
        if subjects and head_subjects and max(head_subjects) < parse.head(verb):
            first = min(min(parse.subtree(s)) for s in subjects)
            while first > parse.start and doc.lower[first - 1] in ("and", ",", "but", "while"):
                first -= 1
            cuts.add(first)
    if not cuts:
        return clauses
    split = []
    for clause in clauses:
        bounds = [clause.start] + sorted(c for c in cuts if clause.start < c < clause.end) + [clause.end]
        split += [Clause(a, b, clause.described, clause.aside) for a, b in zip(bounds, bounds[1:], strict=False)]
    return split


def _predicate(doc: Words, clause: Clause, triggers: list[int]) -> Predicate | None:
    start, end = clause.start, clause.end
    in_clause = triggers[bisect_left(triggers, start):bisect_left(triggers, end)]
    for k, i in enumerate(in_clause):
        if i in clause.described:
            continue
        word = doc.lower[i]
        if word in lexicon.NOMINAL_ACTS and _nominal_act(doc, i, start, end):
            return Predicate(i, i, True)
        if word in lexicon.ACTS_NEEDING_OVER and doc.lower[i + 1:i + 2] != ("over",):
            continue  # "hand over the suspects", not "shook hands" or "hand in hand"
        if (word in lexicon.SIGNING_WORDS or word in lexicon.AGREEMENT_RESULT_VERBS) and i > start \
                and doc.lower[i - 1] == "to":
            # No committing verb before it governs this "to": "Japan and India to sign defence
            # pact", the headline's way of saying a signature is still to come. A meeting that was
            # held to sign reports the signature: "A's prime minister met B's in New York today to
            # sign a memorandum on ...".
            meeting = next((k for k in range(i - 2, max(start, i - MEETING_PURPOSE_REACH) - 1, -1)
                            if doc.lower[k] in PAST_MEETING_VERBS), None)
            return Predicate(meeting, meeting, True) if meeting is not None \
                and _meets_to_sign(doc, meeting, i - 1) else None
        if word in lexicon.COMMIT_VERBS and _is_verb_use(doc, i, start):
            # Its object comes before the next cue: "held talks and agreed to expand cooperation"
            # is an agreement, not talks held on cooperation.
            object_end = in_clause[k + 1] if k + 1 < len(in_clause) else end
            if word in lexicon.AGREEMENT_RESULT_VERBS:
                # "The meeting resulted in seven agreements", "have finalised a landmark trade
                # agreement": the agreement itself, not "in the collapse of the agreement" or "the
                # draft text of a trade agreement", "the agenda for talks on the agreement". Its
                # name may hold a cue ("the A-B Joint Action Plan"), so it is read past the next one.
                first = i + 2 if doc.lower[i + 1:i + 2] == ("in",) else i + 1
                if (word != "resulted" or first == i + 2) \
                        and _names_the_agreement(doc, first, min(end, first + OUTCOME_REACH)):
                    return Predicate(i, i, True)  # "resulted" only "in" them: not "resulted from"
            elif word not in lexicon.OBJECT_BOUND_VERBS or _agreement_noun_follows(doc, i, object_end) \
                    or _announces_aid(doc, i, object_end):
                # "reaffirmed their commitment to": as explicit as the commitment it states
                states_a_commitment = next((w for w in doc.lower[i + 1:end] if w not in lexicon.DETERMINERS),
                                           None) in ("commitment", "commitments")
                return Predicate(i, i, word in lexicon.STRONG_COMMIT_WORDS or states_a_commitment)
        if word in lexicon.FUTURE_MARKERS and (verb := _governed_verb(doc, i + 1, end)) is not None:
            return Predicate(verb, i, False)
        if word in lexicon.FUTURE_MARKERS and i + 1 < end and doc.text[i + 1] == ":":
            return Predicate(i, i, False)  # "the two sides will:", the acts listed after it
        if word in lexicon.FUTURE_MARKERS and (trip := _trip_with_purpose(doc, i + 1, end)) is not None:
            return Predicate(trip, i, False)
        if i + 1 < end and (word, doc.lower[i + 1]) in lexicon.INTENT_PHRASES \
                and (i == start or _is_verb_use(doc, i, start)):
            if (verb := _governed_verb(doc, i + 2, end)) is not None:
                # "aim to sign", "plan to sign": a signature still to come, like "expected to sign"
                return None if doc.lower[verb] in lexicon.SIGNING_WORDS else Predicate(verb, i, False)
    return None


ASIDE_WORDS = 8
SIGNATURE_NOUNS = frozenset({"signing", "exchange"})  # the nominal acts that are a signature
# "the signing of the partnership": the deal already named, not "of a loan agreement for a hospital"
REFERRING_OBJECTS = frozenset({("of", "the"), ("of", "this"), ("of", "these"), ("of", "that")})
COLLABORATING_VERBS = frozenset({"cooperate", "collaborate"})
OUTCOME_REACH = 8  # the words up to the agreement noun: "in three new trade agreements", "the A-B Joint Action Plan"
# Officials meet or convene; "gathered" is for others ("fishermen gathered to sign a petition").
PAST_MEETING_VERBS = frozenset({"met", "convened"})
MEETING_PURPOSE_BREAKS = frozenset({"and", "but", "or", "after", "before", "bid", "attempt", "effort", "to"})
MEETING_PURPOSE_REACH = 20  # "met in New York today with the Prime Minister of B, Mr X Y, to sign"
CEREMONY_WORDS = frozenset({"ceremony", "ceremonies"})
EVENT_PREDICATES = frozenset({("took", "place"), ("was", "held"), ("were", "held")})
# "was held up by a dispute", "was held over until next year": no event that happened.
HELD_OTHERWISE = frozenset({("up",), ("back",), ("over",), ("off",), ("hostage",)})
CEREMONY_OBJECT_REACH = 6  # "signing ceremony for the Exchange of Notes": words to the agreement
PRESIDING_VERBS = frozenset({"presided", "presides", "preside"})


def _names_its_recipient(doc: Words, predicate: int, end: int) -> bool:
    """ "pledged 50 million euros to the Green Climate Fund": a recipient by its own name."""
    return any(doc.lower[i] == "to" and next((w for w in doc.text[i + 1:i + 4] if w.lower() not in lexicon.DETERMINERS),
                                             "").istitle()
               for i in range(predicate + 1, end))


def _collaborates(doc: Words, verb: int) -> bool:
    """ "cooperate", "collaborate", and "co-operate", which the tokenizer splits."""
    return doc.lower[verb] in COLLABORATING_VERBS or doc.lower[verb] == "operate" \
        and doc.lower[max(verb - 2, 0):verb] == ("co", "-")


def _names_the_agreement(doc: Words, start: int, end: int) -> bool:
    """ "seven agreements", "a landmark trade agreement", "the A-B Joint Action Plan": an
    agreement noun before any "of", "for", "on" or "to" and with no draft; a plan only by its title, not
    "finalised plans for the summit"."""
    phrase = doc.lower[start:end]
    head = next((k for k, word in enumerate(phrase) if word in ("of", "for", "on", "to")), len(phrase))
    return "draft" not in phrase[:head] and any(
        word in lexicon.AGREEMENT_NOUNS and (word not in PLAN_WORDS or doc.text[start + k].istitle())
        or word == "signing"  # "resulted in the signing of the plan"; not "finalised plans to sign"
        for k, word in enumerate(phrase[:head]))


PLAN_WORDS = frozenset({"plan", "plans"})


def _meets_to_sign(doc: Words, meeting: int, to: int) -> bool:
    """ "met in New York today with the Prime Minister of B, Mr X, to sign": only the meeting's
    place, time and partner come between; not "met ... and urged him to sign", "hoping to sign",
    "in a bid to sign" or "a week after B's parliament voted to sign"."""
    return all(not word.endswith(("ed", "ing")) and word not in MEETING_PURPOSE_BREAKS
               for word in doc.lower[meeting + 1:to])


def _nominal_act(doc: Words, i: int, start: int, end: int) -> bool:
    """ "ended with the signing of a framework agreement", "witnessed the signing of ...",
    "closed with a commitment to ...", "produced a commitment by the two ministries to ...",
    "held a signing ceremony for ...", "presided over the signing of ...": the act as a noun, the
    object of what reports it, or the subject of its own taking place."""
    following = i + 1
    if doc.lower[following:following + 3:2] == ("and", "of"):
        following += 2  # "witnessed the signing and exchange of the following instruments"
    elif following + 1 < end and doc.lower[following] in CEREMONY_WORDS:
        # "held a signing ceremony for the Exchange of Notes", not "for the new football coach"
        if not _agreement_noun_follows(doc, following, min(end, following + CEREMONY_OBJECT_REACH)):
            return False
        following += 1
    elif following < end and doc.lower[following] == ",":
        # "welcomed the signing, during the visit, of the memorandum": an aside before the object
        following = next((k + 1 for k in range(following + 1, min(following + ASIDE_WORDS, end))
                          if doc.lower[k] == ","), end)
    if following >= end or doc.lower[following] not in ("of", "to", "by", "for"):
        return False
    if doc.lower[i] == "exchange" and not _exchanged_documents(doc, following + 1, end):
        return False  # "an exchange of views on cooperation", "of prisoners", "of fire"
    j = i - 1
    while j >= start and doc.lower[j] in lexicon.DETERMINERS:
        j -= 1
    if j < start:
        # "The signing of the memorandum between A and B took place in Nairobi": the act as the
        # subject of its own taking place.
        return any(doc.lower[k:k + 2] in EVENT_PREDICATES and doc.lower[k + 2:k + 3] not in HELD_OTHERWISE
                   and lexicon.NEGATION_CUES.isdisjoint(doc.lower[max(k - 2, following):k])
                   for k in range(following, end - 1))
    if doc.lower[j] == "over" and j > start and doc.lower[j - 1] in PRESIDING_VERBS:
        # "presided over the signing of seven memoranda with his counterpart"; not over one "between"
        # two others, which the one presiding hosts
        return "between" not in doc.lower[following:end]
    return doc.lower[j] in lexicon.NOMINAL_GOVERNORS


def _exchanged_documents(doc: Words, first: int, end: int) -> bool:
    """ "the exchange of several memoranda of understanding", "of ten cooperation documents": what
    is exchanged, up to its first preposition, is an agreement or a document."""
    k = first
    while k < min(end, first + EXCHANGED_OBJECT_WORDS) and doc.lower[k] not in EXCHANGED_OBJECT_ENDS:
        if doc.lower[k] in EXCHANGED_INSTRUMENTS:
            return True
        k += 1
    return False


EXCHANGED_OBJECT_WORDS = 6
EXCHANGED_OBJECT_ENDS = frozenset({"of", "for", "on", "in", "about", "over", "between", "with", "to", ",", "and"})
# What is exchanged when states sign: not "cooperation experience" or "views on relations".
EXCHANGED_INSTRUMENTS = lexicon.INSTRUMENT_LIST_NOUNS | {"agreement", "letters", "memorandum", "mou", "notes"}


def _is_verb_use(doc: Words, i: int, start: int) -> bool:
    """ "signed", not "a sign of"; "offered", not "an offer"; "agreed", not "the agreed text";
    "plans to host", not "its plans to host"."""
    if i == start:
        return doc.lower[i].endswith("ed")
    return doc.lower[i - 1] not in ("a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "'s", "’s")


def _agreement_noun_follows(doc: Words, i: int, end: int) -> bool:
    """An agreement noun among the next words; notes only as an exchange of notes, not protest
    notes ("exchanged notes over the detention of fishermen", "notes of protest") or bank notes."""
    return any(word in lexicon.AGREEMENT_NOUNS and (word != "notes" or _notes_of_an_exchange(doc, k))
               for k, word in enumerate(doc.lower[i + 1:min(i + 13, end)], i + 1))


def _notes_of_an_exchange(doc: Words, notes: int) -> bool:
    after = doc.lower[notes + 1] if notes + 1 < len(doc.lower) else ""
    return doc.lower[notes - 1] not in NOT_EXCHANGED_NOTES and after not in ("over", "of", "protesting")


NOT_EXCHANGED_NOTES = frozenset({"protest", "bank", "diplomatic", "their", "our"})


HYPHENATED_PREFIXES = frozenset({"co", "re"})


def _governed_verb(doc: Words, i: int, end: int) -> int | None:
    """The verb a modal governs, past adverbs: "will also further expand", "would be provided"."""
    while i < end and doc.lower[i] in lexicon.ADVERBS:
        i += 1
    if i >= end:
        return None
    word = doc.lower[i]
    if word in lexicon.ACTION_VERBS:
        return i
    if i + 2 < end and doc.lower[i + 1] == "-" and word in HYPHENATED_PREFIXES \
            and (word + doc.lower[i + 2] in lexicon.ACTION_VERBS or doc.lower[i + 2] in lexicon.ACTION_VERBS):
        return i + 2  # "will co-operate", "will co-fund": the tokenizer splits the prefix off
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
    if not predicate.strong and _states_a_condition(doc.lower[predicate.index:clause.end]):
        return True  # "Warsaw would join the scheme only if ...": an intention under a condition
    return PHRASE_CUE.search(" " + " ".join(doc.lower[i] for i in before) + " ") is not None


def _states_a_condition(words: tuple[str, ...]) -> bool:
    """ "only if ...", ", if ...", "provided that ...": a condition set on what comes before it. Not
    a bare "provided" ("the aid it provided") or "once" ("to be signed once ratified")."""
    return any(word in CONDITIONS_ON_WHAT_PRECEDES and (i and words[i - 1] in ("only", ",")
                                                        or words[i + 1:i + 2] == ("that",))
               for i, word in enumerate(words))


CONDITIONS_ON_WHAT_PRECEDES = lexicon.CONDITION_MARKS - {"once"}


# Any of the phrases, as whole words in the space-joined words before the predicate.
PHRASE_CUE = re.compile("|".join(re.escape(f" {' '.join(phrase)} ") for phrase in lexicon.PHRASE_CUES))


EXCLUDING_BY_LAST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in lexicon.EXCLUDING_PRECEDERS:
    EXCLUDING_BY_LAST_WORD.setdefault(_phrase[-1], []).append(_phrase)


def _excluded(doc: Words, mention: Mention, start: int) -> bool:
    before = mention.start - 1
    if before >= start and doc.lower[before] == "following" and (before == start or doc.lower[before - 1] != "the"):
        return True  # "Following Beijing, the UK and Japan agreed": after a visit there; not "the following"
    words = [w for w in doc.lower[max(start, mention.start - 3):mention.start] if w != "the"]
    phrases = EXCLUDING_BY_LAST_WORD.get(words[-1]) if words else None
    return bool(phrases) and any(tuple(words[-len(phrase):]) == phrase for phrase in phrases)


AND_LIST_REACH = 8  # ", and with strings attached, Cuba", ", and a further $25 million to Ethiopia"


def _phrase_end(doc: Words, predicate: int, clause: Clause, mentions: list[Mention]) -> int:
    """Where the predicate's phrase ends: at the first comma that does not continue a list of
    countries ("with Japan, India, France and ..."). """
    starts = {m.start for m in mentions}
    for i in range(predicate + 1, clause.end):
        if doc.text[i] == "," and i not in clause.described:
            j = i + 1
            while j < clause.end and doc.lower[j] in ("and", "the", "or"):
                j += 1
            # "..., Sudan, and with strings attached, Cuba", "$40 million to Somalia, and a further $25
            # million to Ethiopia": an "and" keeps the list going a little.
            reach = AND_LIST_REACH if i + 1 < clause.end and doc.lower[i + 1] == "and" else 1
            if _between_follows(doc, i, clause.end):
                continue
            if not any(k in starts for k in range(j, min(j + reach, clause.end))):
                return i
    return clause.end


def _between_follows(doc: Words, comma: int, end: int) -> bool:
    """ ", between A and B", "in Washington, D.C., between A and B": the phrase's parties come
    after a place set off by commas."""
    return any(doc.text[k] == "," and doc.lower[k + 1] == "between"
               for k in range(comma, min(comma + PLACE_ASIDE_WORDS, end - 1)))


PLACE_ASIDE_WORDS = 4


def _is_counterpart(doc: Words, mention: Mention, start: int, predicate: int, mediating: bool) -> bool:
    """A country after the predicate that the commitment is with, to or for: an actor, a
    possessive ("Indonesia's goal") or a name after a preposition ("investment into India").
    Countries "between" which something happens are what it is about ("the agreement between the
    EU and Mercosur", "contacts between ...") unless the predicate mediates ("host a meeting
    between an Israeli movement and the PLO"), where they are the counterparts. A country that
    describes a company ("a Mexican battery producer") is never one."""
    if _excluded(doc, mention, start):
        return False
    if mention.role == "modifier" and not lexicon.COMPANY_NOUNS.isdisjoint(doc.lower[mention.end:mention.end + 4]):
        return False  # "between the Canadian mining company X and a Mexican producer": companies
    if "between" in doc.lower[predicate:mention.start]:
        return mediating
    if mention.role == "modifier":
        return False
    before = doc.lower[mention.start - 1] if mention.start else ""
    if before == "at" or before == "the" and doc.lower[mention.start - 2:mention.start - 1] == ("at",):
        return False  # a venue: "signed at the White House"
    if before == "by" and doc.lower[mention.start - 2:mention.start - 1] and \
            doc.lower[mention.start - 2] in lexicon.THIRD_PARTY_PARTICIPLES:
        return False  # a mediator or host: "a ceasefire brokered by Qatar"
    if mention.role in ("actor", "possessive"):
        return True
    return before in COUNTERPART_PREPOSITIONS


def _companies_after(doc: Words, predicate: int, end: int, preposition: str) -> bool:
    """An act "between" companies, whoever watches it signed, or a state's act "with" a company."""
    words = doc.lower[predicate:end]
    if preposition not in words:
        return False
    after = predicate + words.index(preposition) + 1
    return not lexicon.COMPANY_NOUNS.isdisjoint(doc.lower[after:min(after + COMPANY_REACH, end)])


COMPANY_REACH = 6  # "between the Canadian mining company X", "between Malaysian and Turkish firms"


def _in_a_tie_between(doc: Words, predicate: int, mention: int) -> bool:
    """ "the partnership between A and B", "cooperation between A and B": the pair the tie
    binds, not "the dispute between A and B" that someone mediates."""
    between = next((i for i in range(mention - 1, predicate, -1) if doc.lower[i] == "between"), None)
    return between is not None and doc.lower[between - 1] in TIE_NOUNS


# Ties that bind their own pair; "the peace agreement between A and B" may be others' deal.
TIE_NOUNS = frozenset({"cooperation", "partnership", "partnerships", "relations", "relationship", "ties",
                       "friendship"})


def _titled_pair(subject_words: list[str] | tuple[str, ...]) -> bool:
    """ "The Deputy Secretary and the Deputy Foreign Minister": two officials by title alone."""
    if subject_words.count("and") != 1:
        return False
    cut = subject_words.index("and")
    return not lexicon.OFFICIAL_TITLES.isdisjoint(subject_words[:cut]) \
        and not lexicon.OFFICIAL_TITLES.isdisjoint(subject_words[cut + 1:])


def _referring_count(subject_words: list[str]) -> tuple[bool, int | None]:
    """Whether the subject refers back ("they", "the two sides", "the deal"), and to how many."""
    refers = not lexicon.REFERRING_WORDS.isdisjoint(subject_words)
    count = next((lexicon.NUMBER_WORDS[word] for word in subject_words if word in lexicon.NUMBER_WORDS), None)
    return refers, count


def _acts_under_the_deal(doc: Words, start: int) -> bool:
    """ "signed an agreement ..., under which Estonia will provide ...": who acts under the deal
    is a party to it, though the parser hangs it on the relative clause."""
    return doc.lower[start - 2:start] in DEAL_RELATIVES or doc.lower[start - 1:start] == ("whereby",)


DEAL_RELATIVES = frozenset({("under", "which"), ("by", "which"), ("through", "which")})


def _brings_together(words: tuple[str, ...]) -> bool:
    """A mediation verb, then who it brings together: "host a meeting between ...", "mediate in a
    dispute between ..." (not "to facilitate a stable supply chain")."""
    verb = next((i for i, word in enumerate(words) if word in lexicon.MEDIATION_VERBS), None)
    return verb is not None and "between" in words[verb:]


def _party_sets(committing: list[str], others: list[str], discourse: Discourse, subject_words: list[str],
                separately: bool, bringing_together: bool, topic: list[str]) -> tuple[list[list[str]], bool]:
    """The commitments' party lists, and whether they were carried over from earlier sentences."""
    if committing and others:
        if len(committing) == 1 and len(others) > 1 and not bringing_together or separately:
            # One party with several partners, or several acting separately ("Germany, France and
            # Italy pledged separately to send aid to Ukraine"): one commitment per pair.
            return [[party, other] for party in committing for other in others], False
        return [committing + others], False
    if len(committing) >= 2:
        return [committing], False
    if len(committing) == 1:
        # "Santiago also pledged ..." carries its pair; one member of a larger group acts alone.
        if not _carries_its_pair(committing[0], discourse):
            return [], False
        return [list(discourse.frame)], True
    refers, count = _referring_count(subject_words)
    referent = discourse.referent(count) if refers else []
    if not referent:
        return [], False
    if count == 2 and len(topic) == 1 and topic[0] not in referent and discourse.acting in referent:
        return [[discourse.acting, topic[0]]], True
    # The countries after a referring subject's predicate are what the act is about ("The two
    # sides agreed to cut their reliance on China", "The project would carry gas across
    # Mongolia"), not more parties to it.
    return [list(referent)], True


def _carries_its_pair(party: str, discourse: Discourse) -> bool:
    return party in discourse.frame and len(discourse.frame) <= 2


def _pledges_money(doc: Words, predicate: int, end: int) -> bool:
    """ "pledged $1 billion", "would provide 360 million euros": the amount is the act's object,
    close after it (not "..., and a chipmaker confirmed plans to build an $825 million plant")."""
    word = doc.lower[predicate]
    reach = min(end, predicate + MONEY_OBJECT_REACH)
    return (word in lexicon.PLEDGING_WORDS or word in lexicon.TRANSFER_VERBS) \
        and any(_an_amount(doc, i) for i in range(predicate + 1, reach))


def _an_amount(doc: Words, i: int) -> bool:
    """ "$1 billion", "360 million", "10,000 dollars", "$500,000": a scale word, or a currency
    next to a number."""
    word = doc.lower[i]
    if word in lexicon.MONEY_AMOUNT_WORDS:
        return True
    return word in lexicon.CURRENCY_WORDS and (
        i + 1 < len(doc.lower) and doc.lower[i + 1][:1].isdigit() or i > 0 and doc.lower[i - 1][:1].isdigit())


def _announces_aid(doc: Words, predicate: int, end: int) -> bool:
    """ "announced 40 million dollars in aid", "announced NOK 150 million for adaptation": an
    announced amount is a pledge only as aid or funding for a purpose, not "announced tariffs on
    $50 billion of goods" or "a $10 billion surplus"."""
    reach = min(end, predicate + MONEY_OBJECT_REACH + AID_NOUN_REACH)
    words = doc.lower[predicate:reach]
    return _pledges_money(doc, predicate, end) and (not lexicon.AID_NOUNS.isdisjoint(words) or "for" in words) \
        and lexicon.PURCHASE_WORDS.isdisjoint(words)


AID_NOUN_REACH = 4  # "announced $40 million in new aid": words from the amount to what it is


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
        if any(not s.in_office_title and s.code != DIPLOMACY for s in spans):
            spans = [s for s in spans if not s.in_office_title]  # "the science minister signed a chip pact": chips
        segment = _unique(s.code for s in spans)
        if len(segment) > 1 and DIPLOMACY in segment:
            segment.remove(DIPLOMACY)
        if "finance" in segment and all(s.text in LOAN_TERMS for s in spans if s.code == "finance") and (
                DEVELOPMENT in segment or DEVELOPMENT in doc.lower[start:end]):
            # A development loan, or a loan from a development fund or bank, is aid.
            segment = _unique(DEVELOPMENT if code == "finance" else code for code in segment)
        codes += segment
    return _unique(codes)


ATTENDED_EVENTS = lexicon.EVENT_SUBJECTS | {"meetings"}


def _fields_only_in_office_titles(sectors: list[SectorTerm], clause: Clause) -> bool:
    """Whether every field named in the clause is in an office's title ("the Minister for National
    Security"): who acts, not what is agreed."""
    spans = sectors[bisect_left(sectors, (clause.start,)):bisect_left(sectors, (clause.end,))]
    return bool(spans) and all(s.in_office_title for s in spans)


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


def _elaboration(doc: Words, sentence: Sentence, in_sentence: list[Mention], sectors: list[SectorTerm],
                 discourse: Discourse, analysed: bool, published_year: int | None) -> list[Commitment]:
    """A sentence after a commitment that says what it covers: "The talks highlighted areas such
    as AI, quantum computing and biotechnology", "They include work on clean energy", "The MoU
    is aimed at cooperation in trade, science and culture", "The focus is on rural clinics". A
    sentence with a committing word of its own must open on the deal or the parties; one without
    may open on anything, but names no other party. Not one that hedges ("They also discussed
    ..."), places the deal in time ("The deal comes months after a row over fuel"), tells what
    happened around it ("Scholz visited research labs") or dates itself to a past year ("Two-way
    trade totalled $2.2 billion in 2023")."""
    words = doc.lower[sentence.start:sentence.end]
    opening = words[:4]
    if not discourse.frame or analysed and not set(opening) & lexicon.ELABORATING_SUBJECTS:
        return []
    if not lexicon.GOVERNING_HEDGES.isdisjoint(words) or not lexicon.BACKGROUND_VERBS.isdisjoint(words) \
            or not lexicon.NARRATIVE_VERBS.isdisjoint(words):
        return []
    if analysed and (lexicon.ARTIFACT_SUBJECTS.isdisjoint(opening) or not lexicon.SPEECH_VERBS.isdisjoint(words)):
        return []
    if not discourse.names_no_other_party(in_sentence):
        return []  # another party: a commitment of its own, or none
    if _dated_in_the_past(words, published_year):
        return []  # "Two-way trade totalled $2.2 billion in 2023", "established relations in 1973"
    clause = Clause(sentence.start, sentence.end, frozenset(), frozenset())
    if any(doc.lower[i] in CUES_BEFORE_PREDICATE and _cue_word(doc, i, sentence.start)
           for i in range(sentence.start, sentence.end)):
        return []
    codes = _sectors(doc, sectors, clause)
    if not codes or codes == [DIPLOMACY] and discourse.since_commitment:
        return []  # a sentence further on must name a field: "the deep ties between the two peoples" is no channel
    return [_commitment(doc, sentence, list(discourse.frame), codes, "plan", _confidence(False, True, True) - 0.1)]


def _dated_in_the_past(words: tuple[str, ...], published_year: int | None) -> bool:
    """A sentence that dates what it says to a year before the article's ("in 2023", "since 1973",
    "last year") and looks to no future: background, not what a new deal covers. A year ahead is
    a target ("doubling trade in 2030")."""
    if not lexicon.FUTURE_MARKERS.isdisjoint(words):
        return False
    return any((word, following) == ("last", "year") or word == "since" and _a_year(following) or
               word == "in" and _a_year(following) and published_year is not None and int(following) < published_year
               for word, following in zip(words, words[1:], strict=False))


def _a_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


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


@Language.factory("commitment_detector", assigns=["doc._.commitments"],
                  requires=["doc._.mentions", "doc._.sector_terms", "doc._.parses"],
                  default_config={"min_confidence": 0.0})
def make_commitment_detector(nlp: Language, name: str, min_confidence: float) -> CommitmentDetector:
    return CommitmentDetector(name, min_confidence)
