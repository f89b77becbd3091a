"""Sector terms: ``doc._.sector_terms``, each with one of the 20 sector codes.

Terms come from the ``sector_terms`` seed and match case-insensitively, in the singular or the
plural ("chip", "chips"). Where terms overlap the longest wins ("quantum technology" is quantum,
not also technology), and a generic "technology" that only qualifies a named field ("clean energy
technology") adds nothing of its own: the annotation guide codes the most specific field named.
A meeting made recurrent ("to meet at summit level every two years", "to hold the summit
regularly") is a dialogue channel, a diplomacy term of its own. A phrase that holds a field's word
but names no field ("a road map", "join forces") hides it, and so does a term used as a verb ("will
grant access") or as the currency of an amount ("20 million yuan").
"""
from typing import NamedTuple

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import ensure_path

from extract import reference
from extract.tagger.lexicon import (
    ACT_MODALS,
    ADVERBS,
    COUNTERFACTUAL_MODALS,
    DETERMINERS,
    MEETING_VERBS,
    MONEY_AMOUNT_WORDS,
    RECURRENCE_WORDS,
    words,
)
from extract.tagger.sentences import Words, cue_words, longest_first, words_of

GENERIC_SECTOR = "science_technology"
GENERIC_TERMS = frozenset({"technology", "technologies", "tech", "science", "innovation", "scientific"})
EDUCATION = "education_culture"
DIPLOMACY = "diplomacy"
DEVELOPMENT = "development"
VERB_LIKE_TERMS = frozenset({"transport", "aid", "fund", "ship", "supply", "farm", "trade", "invest", "grant", "fuel",
                             "harbor", "harbour"})
VERB_MARKERS = frozenset({"to", "may"}) | ACT_MODALS | COUNTERFACTUAL_MODALS  # "to grant", "will also grant"
CURRENCY_TERMS = frozenset({"yuan", "renminbi"})  # the seed's finance terms that name a currency
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "us", "itself", "themselves"})
TRAINING = "TRAINING"  # the matcher's label for TRAINING_VERBS
TRAINING_VERBS = frozenset({"train", "trains", "trained", "training"})
NOT_A_FIELD = "NOT_A_FIELD"  # the matcher's label for NOT_A_FIELD_PHRASES
NOT_A_FIELD_PHRASES = words("not_a_field_phrases")
TRAINED_PEOPLE = words("trained_people")
MILITARY_WORDS = words("military_words")
RECURRING_MEETING_WORDS = cue_words(words("recurring_meeting_words"))
MEETING_HOLDING_VERBS = cue_words(words("meeting_holding_verbs"))
RECURRENCE_REACH = (4, 5)  # words before and after a meeting where its recurrence may stand
HOLDING_REACH = 3  # words between a holding verb and the meeting it governs ("hold the annual summit")


class SectorTerm(NamedTuple):
    """A sector span as plain values, for the rules that look at many of them."""
    start: int
    end: int
    code: str
    text: str  # lower case
    in_office_title: bool = False  # "the energy ministry": the deal's field only if it names no other


if not Doc.has_extension("sector_terms"):
    Doc.set_extension("sector_terms", default=None)


def sector_terms(doc: Doc) -> list[SectorTerm]:
    return doc._.sector_terms or []


def plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def term_variants(term: str) -> list[str]:
    """The term and its plural; the plural form of a multi-word term inflects its last word."""
    head, _, last = term.rpartition(" ")
    if not last[-1:].isalpha() or last.isupper():
        return [term]
    return [term, f"{head} {plural(last)}".strip()]


class SectorMatcher:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.terms: dict[str, list[str]] = {}
        self.codes: dict[int, str] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokenizer = nlp.tokenizer
        self.training_id = nlp.vocab.strings.add(TRAINING)
        self.not_a_field_id = nlp.vocab.strings.add(NOT_A_FIELD)

    def initialize(self, get_examples=None, nlp=None) -> None:
        """Read the terms from the seed; the saved pipeline keeps them (to_disk)."""
        terms: dict[str, list[str]] = {}
        for row in reference.sector_terms():
            terms.setdefault(row["sector_code"], []).append(row["term"])
        self._set_terms(terms)

    def _set_terms(self, terms: dict[str, list[str]]) -> None:
        self.terms = terms
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        for code, phrases in terms.items():
            variants = sorted({v for phrase in phrases for v in term_variants(phrase)})
            self.matcher.add(code, list(self.tokenizer.pipe(variants)))
        # Found in the same pass over the doc as the terms: one pass fewer per doc.
        self.matcher.add(TRAINING, list(self.tokenizer.pipe(sorted(TRAINING_VERBS))))
        # Matched with the terms so that the longest match wins: "road map" hides "road".
        not_a_field = sorted({v for phrase in NOT_A_FIELD_PHRASES for v in term_variants(phrase)})
        self.matcher.add(NOT_A_FIELD, list(self.tokenizer.pipe(not_a_field)))
        # Looking a match's code up in the StringStore decodes it afresh every time.
        self.codes = {self.vocab.strings[code]: code for code in terms}

    def __call__(self, doc: Doc) -> Doc:
        words = words_of(doc)
        matches = self.matcher(doc)
        training = [start for match_id, start, _ in matches if match_id == self.training_id]
        found = [m for m in longest_first([m for m in matches if m[0] != self.training_id])
                 if m[0] != self.not_a_field_id]
        term_tokens = {i: start for _, start, end in found for i in range(start, end)}
        terms = []
        for match_id, start, end in found:
            if _used_as_verb(words, start, end) or _counts_an_amount(words, start, end):
                continue
            if self.codes[match_id] != DIPLOMACY and _in_a_name(words, start, end, term_tokens):
                # A capitalised office ("the Minister of National Defense") still says who acts,
                # like a lower-case one; any other name ("Minerals Security Office") is no field.
                office = _capitalised_office(words, start, end)
                if not office:
                    continue
            else:
                office = _names_an_office(words, start, end, term_tokens)
            terms.append(SectorTerm(start, end, self.codes[match_id], " ".join(words.lower[start:end]),
                                    in_office_title=office))
        terms = sorted(terms + _training_terms(words, terms, training) + _recurring_meetings(words, terms))
        doc._.sector_terms = [term for i, term in enumerate(terms) if not _qualifies_a_named_field(words, terms, i)]
        return doc

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "terms.json", self.terms)

    def from_disk(self, path, exclude=tuple()):
        self._set_terms(srsly.read_json(ensure_path(path) / "terms.json"))
        return self


def _in_a_name(words: Words, start: int, end: int, term_tokens: dict[int, int]) -> bool:
    """Title-case words inside a sentence belong to a name ("Economy and Climate Minister",
    "Minerals Security Office", "Ministry of Health"), not to the article's own wording;
    acronyms still count. Official texts capitalise the fields themselves, though ("cooperation
    in the areas of Trade, Energy and Health", "the Tourism sector"): a title-case term is a name
    only when it is a phrase ("Critical Minerals Office"), or the run of title-case
    words it stands in also holds a word that names no field, or two fields run together. A name
    that says what it is "on" names its field ("Joint Working Group on Food Security", "MoU on
    Health Cooperation", "in the Field of Health"), unlike an office "of" or "for" a field ("Ministry of
    Health"), and the name of an agreement or an armed force says what it is about ("a Free Trade
    Agreement", "the Ghana Armed Forces"). The caller keeps diplomacy terms whatever their case:
    the name of a dialogue or a partnership ("the Canada-Philippines Strategic Dialogue") is the
    channel itself."""
    if start in words.sentence_start_set:
        return False
    alphabetic = [w for w in words.text[start:end] if w.isalpha()]
    if not alphabetic or not all(w.istitle() for w in alphabetic) or all(w.isupper() for w in alphabetic):
        return False
    run = _title_run(words, start, end)
    if words.lower[run.stop - 1] in FIELD_NAMING_HEADS:
        return False  # "a Free Trade Agreement", "the Ghana Armed Forces": the name says what it is
    topic = range(run.start, start)
    if words.lower[run.start] in FIELD_NOUNS or any(words.lower[i] in TOPIC_CONNECTORS for i in topic):
        return False
    if end - start > 1:
        return True
    titles = [i for i in run if words.lower[i] not in NAME_CONNECTORS]
    return any(i not in term_tokens for i in titles) or any(
        j == i + 1 and term_tokens[i] != term_tokens[j] for i, j in zip(titles, titles[1:], strict=False))


def _names_an_office(words: Words, start: int, end: int, term_tokens: dict[int, int]) -> bool:
    """A field in an office's title in lower case ("the science and ICT minister", "health
    ministries", "Japan's minister of economy, trade and industry"): who acts, and what is agreed
    only when nothing else is named ("the energy ministry signed memorandums with Japan").
    Capitalised titles: see _capitalised_office."""
    after = end
    # Past the other fields of the title: "science and ICT minister", not "on energy, ministers said".
    while after + 1 < min(end + OFFICE_REACH, len(words.lower)) and words.lower[after] in LIST_JOINERS \
            and after + 1 in term_tokens:
        after = next((i for i in range(after + 1, len(words.lower)) if i not in term_tokens), len(words.lower))
    if after < len(words.lower) and words.lower[after] in OFFICE_NOUNS:
        return True
    # Back over the title's list to its "minister of": its other fields need not be in the seed
    # ("minister of economy, trade and industry").
    before = start - 1
    while before > max(start - OFFICE_REACH, 0) and (words.lower[before] in LIST_JOINERS
                                                      or words.text[before].islower() and words.lower[before] != "of"):
        before -= 1
    return before > 0 and words.lower[before] == "of" and words.lower[before - 1] in OFFICE_NOUNS


def _capitalised_office(words: Words, start: int, end: int) -> bool:
    """ "Ministry of Health", "Minister of National Defense", "Health Minister": a title-case run
    with an office noun in it. Not the place of an act ("signed at the Ministry of Health"), nor a
    foreign ministry whose name also holds trade ("Department of Foreign Affairs and Trade")."""
    run = _title_run(words, start, end)
    return any(words.lower[i] in OFFICE_NOUNS for i in run) and "foreign" not in words.lower[run.start:run.stop] \
        and words.lower[max(run.start - 2, 0):run.start] not in VENUE_OPENINGS


OFFICE_NOUNS = words("office_nouns")
VENUE_OPENINGS = frozenset({("at", "the"), ("in", "the")})
OFFICE_REACH = 4  # "minister of economy, trade and industry"
LIST_JOINERS = frozenset({"and", ",", "&"})


TOPIC_CONNECTORS = frozenset({"on", "in"})  # "Group on Food Security", "Cooperation in Health"
FIELD_NAMING_HEADS = words("field_naming_heads")
FIELD_NOUNS = frozenset({"field", "fields", "area", "areas", "domain", "domains", "sphere", "spheres"})
NAME_CONNECTORS = frozenset({"of", "and", "for", "&", "-"}) | TOPIC_CONNECTORS


def _title_run(words: Words, start: int, end: int) -> range:
    """The title-case words around a span, joined directly or by a connector ("Ministry of
    Health", "Belt and Road Initiative"), within its sentence."""
    starts = words.sentence_start_set

    def title(i: int) -> bool:
        return 0 <= i < len(words.text) and words.text[i][:1].isupper() and words.text[i].isalpha()

    def connector(i: int) -> bool:
        return 0 <= i < len(words.lower) and words.lower[i] in NAME_CONNECTORS

    first = start
    while first - 1 not in starts:
        if title(first - 1):
            first -= 1
        elif connector(first - 1) and title(first - 2) and first - 2 not in starts:
            first -= 2
        else:
            break
    last = end
    while True:
        if title(last) and last not in starts:
            last += 1
        elif connector(last) and title(last + 1):
            last += 2
        else:
            break
    return range(first, last)


def _used_as_verb(words: Words, start: int, end: int) -> bool:
    """ "transport it to Germany", "to fund them", "will grant duty-free access": a term that is
    also a verb, used as one."""
    if end - start != 1 or words.lower[start] not in VERB_LIKE_TERMS:
        return False
    if end < len(words.lower) and words.lower[end] in OBJECT_PRONOUNS:
        return True
    if start and words.lower[start - 1] in ("and", "or") and end < len(words.lower) \
            and (words.lower[end][:1].isdigit() or words.lower[end] in DETERMINERS):
        return True  # "agreed to cut tariffs and grant 30-day visa-free travel": the second verb
    for before in range(start - 1, -1, -1):  # past adverbs: "will also grant"
        if words.lower[before] in VERB_MARKERS:
            return True
        if words.lower[before] not in ADVERBS:
            break
    return False


def _counts_an_amount(words: Words, start: int, end: int) -> bool:
    """ "a grant of 20 million yuan": the currency an amount is counted in, not a currency
    arrangement."""
    if end - start != 1 or words.lower[start] not in CURRENCY_TERMS or not start:
        return False
    before = words.lower[start - 1]
    return before in MONEY_AMOUNT_WORDS or before[:1].isdigit()


def _training_terms(words: Words, taken: list[SectorTerm], training: list[int]) -> list[SectorTerm]:
    """Training people ("train chip engineers", "training for nurses") is education, whatever the
    field; training troops or "Navy personnel" is not: the guide keeps military training in
    defense."""
    taken_tokens = {i for term in taken for i in range(term.start, term.end)}
    return [SectorTerm(i, i + 1, EDUCATION, words.lower[i]) for i in training
            if i not in taken_tokens and not TRAINED_PEOPLE.isdisjoint(words.lower[i + 1:i + 5])
            and MILITARY_WORDS.isdisjoint(words.lower[i + 1:i + 5])]


def _recurring_meetings(words: Words, taken: list[SectorTerm]) -> list[SectorTerm]:
    """ "meet at summit level every two years", "hold annual consultations": a standing channel.
    Not "signed ... during their annual meeting", where the meeting only places the act."""
    taken_tokens = {i for term in taken for i in range(term.start, term.end)}
    before, after = RECURRENCE_REACH
    nouns, held = words.positions(RECURRING_MEETING_WORDS, MEETING_HOLDING_VERBS)
    meetings = {i for i in nouns if any(0 < i - verb <= HOLDING_REACH for verb in held)}
    meetings.update(verb for verb in held if words.lower[verb] in MEETING_VERBS)  # "to meet every year"
    return [SectorTerm(i, i + 1, DIPLOMACY, words.lower[i]) for i in sorted(meetings)
            if i not in taken_tokens and not RECURRENCE_WORDS.isdisjoint(words.lower[max(0, i - before):i + after + 1])]


def _qualifies_a_named_field(words: Words, terms: list[SectorTerm], index: int) -> bool:
    """ "clean energy technology", "artificial intelligence (AI) technology": a generic term right
    after a named field, or after the field's acronym in brackets."""
    term = terms[index]
    if term.code != GENERIC_SECTOR or term.text not in GENERIC_TERMS:
        return False
    before = terms[index - 1] if index else None
    if before is None or before.code == GENERIC_SECTOR:
        return False
    between = words.text[before.end:term.start]
    return all(w in ("(", ")") for w in between) or len(between) == 3 and between[0] == "(" and between[2] == ")"


@Language.factory("sector_matcher", assigns=["doc._.sector_terms"], requires=["token.is_sent_start"])
def make_sector_matcher(nlp: Language, name: str) -> SectorMatcher:
    return SectorMatcher(nlp, name)
