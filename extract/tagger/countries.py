"""Country mentions: which country a name, adjective, capital or leader stands for, and whether it
is an actor ("Korea's foreign ministry", "Seoul said", "President Moon") or only qualifies
something else ("Korean chipmakers", "Japan's largest steelmaker").

``country_matcher`` proposes candidates (labels COUNTRY, LEADER and US_STATE, from the seeds)
with one phrase matcher, the longest match winning; ``country_resolver`` decides. It drops what
only looks like a country: part of another name ("Michael Jordan", "Lake Chad", "U.S. Steel",
"South China Sea", "New Mexico"), a capital used as a venue ("talks in Vienna") or in a dateline,
"Georgia" and "Washington" in articles about US states, and leaders outside their term of office
(or marked "former"). It reads bare "Korea" as North Korea only when the article names North Korea
and never South Korea, and an acronym the article gives a state body ("the Saudi Fund for
Development (SFD)") as that state wherever it recurs.
"""
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import NamedTuple

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import ensure_path

from extract import reference
from extract.tagger import lexicon
from extract.tagger.sectors import sector_terms
from extract.tagger.sentences import longest_first, words_of
from extract.tagger.token_structs import set_entities

COUNTRY = "COUNTRY"
LEADER = "LEADER"
US_STATE = "US_STATE"
# Other US states (New York aside: mostly the city) or these cities make "Georgia" a state;
# "Washington" is the state only when a Washington city or the word "state" is next to it.
GEORGIA_CITY_CUES = frozenset({"Atlanta", "Savannah", "Augusta", "Macon"})
WASHINGTON_CITY_CUES = frozenset({"Seattle", "Tacoma", "Spokane", "Olympia"})
# Attributive heads after a country name that make it a modifier ("Japan exporters", "U.S. beef").
NON_GOVERNMENT_HEADS = lexicon.words("non_government_heads")
SOUTH_KOREA_ONLY = frozenset({"South Korea", "South Korean", "South Koreans", "Seoul", "ROK", "Republic of Korea",
                              "S. Korea", "S Korea", "Blue House"})

if not Doc.has_extension("published_date"):
    Doc.set_extension("published_date", default=None)  # ISO date of the article, to date leaders
if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)
if not Doc.has_extension("candidates"):
    Doc.set_extension("candidates", default=None)


@dataclass(slots=True)  # not frozen: a frozen one costs five times as much to make, one per mention
class Mention:
    start: int
    end: int
    iso3: str
    kind: str  # name, adjective, demonym, capital, seat_of_government, agency or leader
    role: str  # actor, possessive (names something of the country's) or modifier


class Candidate(NamedTuple):
    start: int
    end: int
    label: str  # COUNTRY, LEADER or US_STATE
    key: str  # "ISO3|alias type" for countries, the name for leaders, the code for states


def candidate_patterns() -> list[list[str]]:
    """[label, id, text] for every candidate the seeds define. Names and capitals also match in
    capitals, as datelines write them ("SEOUL -"); leaders by full name, by surname unless it is
    a common word ("Moon", "May"), and always after a title ("President Moon")."""
    patterns = []
    for row in reference.country_aliases():
        variants = {without_accents(row["alias"])}  # the matcher reads texts without accents
        if row["alias_type"] in ("name", "capital"):
            variants |= {text.upper() for text in variants}
        patterns += [[COUNTRY, f"{row['iso3']}|{row['alias_type']}", text] for text in sorted(variants)]
    aliases = {row["alias"] for row in reference.country_aliases()}
    patterns += [[US_STATE, row["state_code"], row["state_name"]]
                 for row in reference.us_states() if row["state_name"] not in aliases]
    for name in sorted({key for row in reference.leaders() for key in (row["person_name"], row["surname"])}):
        rows = [r for r in reference.leaders() if name in (r["person_name"], r["surname"])]
        spelling = without_accents(name)
        if name in {r["person_name"] for r in rows} or not all(r["needs_title"] == "true" for r in rows):
            patterns.append([LEADER, name, spelling])
        patterns += [[LEADER, name, f"{title} {spelling}"] for title in sorted(lexicon.LEADER_TITLES)]
    return patterns


class CountryMatcher:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.patterns: list[list[str]] = []
        self.labels: dict[int, tuple[str, str]] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def initialize(self, get_examples=None, nlp=None) -> None:
        self._set_patterns(candidate_patterns())

    def _set_patterns(self, patterns: list[list[str]]) -> None:
        self.patterns = patterns
        self.matcher = PhraseMatcher(self.vocab, attr="ORTH")
        by_key: dict[str, list[str]] = {}
        for label, key, text in patterns:
            by_key.setdefault(f"{label}|{key}", []).append(text)
        for key, texts in by_key.items():
            self.matcher.add(key, list(self.tokenizer.pipe(texts)))
        # Looking a match's label up in the StringStore decodes it afresh every time.
        self.labels = {self.vocab.strings[key]: tuple(key.split("|", 1)) for key in by_key}

    def __call__(self, doc: Doc) -> Doc:
        # Pages write names with or without their accents ("Việt Nam", "Bogota"): the words are
        # matched in their unaccented spelling, the one every pattern has.
        matched = doc if doc.text.isascii() else Doc(
            self.vocab, words=[without_accents(t.text) for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        doc._.candidates = [Candidate(start, end, *self.labels[match_id])
                            for match_id, start, end in longest_first(self.matcher(matched))]
        return doc

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "patterns.json", self.patterns)

    def from_disk(self, path, exclude=tuple()):
        self._set_patterns(srsly.read_json(ensure_path(path) / "patterns.json"))
        return self


@Language.factory("country_matcher", assigns=["doc._.candidates"], requires=["token.is_sent_start"])
def make_country_matcher(nlp: Language, name: str) -> CountryMatcher:
    return CountryMatcher(nlp, name)


def without_accents(text: str) -> str:
    """ "Việt Nam" -> "Viet Nam", "Türkiye" -> "Turkiye": letters without their marks."""
    if text.isascii():
        return text
    letters = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in letters if not unicodedata.combining(c)) or text


def leader_table() -> dict[str, list[list[str]]]:
    """Name or surname -> [iso3, start, end] of every term it can refer to."""
    table: dict[str, list[list[str]]] = {}
    for row in reference.leaders():
        for key in {row["person_name"], row["surname"]}:
            table.setdefault(key, []).append([row["iso3"], row["start_date"], row["end_date"]])
    return table


class Context:
    """What the resolver's rules look at: the doc's words and where the candidates are."""

    def __init__(self, doc: Doc, candidates: list[Candidate]):
        words = words_of(doc)
        self.text = words.text
        self.lower = words.lower
        self.sentence_starts = words.sentence_start_set
        self.in_dateline = words.in_dateline
        self.published = doc._.published_date
        self.candidates = candidates
        self.labels = {i: c.label for c in candidates for i in range(c.start, c.end)}

    @cached_property
    def about_the_state_of_georgia(self) -> bool:
        """Read only when "Georgia" is a candidate: the check reads the whole article."""
        return not GEORGIA_CITY_CUES.isdisjoint(self.text) or any(
            c.label == US_STATE and c.key != "NY" for c in self.candidates)

    def label(self, i: int) -> str:
        return self.labels.get(i, "")

    def surface(self, candidate: Candidate) -> str:
        return " ".join(self.text[candidate.start:candidate.end])


class CountryResolver:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.leaders: dict[str, list[list[str]]] = {}

    def initialize(self, get_examples=None, nlp=None) -> None:
        self.leaders = leader_table()

    def __call__(self, doc: Doc) -> Doc:
        candidates = doc._.candidates or []
        if not candidates:
            doc._.mentions = []
            return doc
        context = Context(doc, candidates)
        inside_terms = {i for t in sector_terms(doc) if t.end - t.start > 1 for i in range(t.start, t.end)}
        mentions = []
        for candidate in candidates:
            if candidate.start in inside_terms and candidate.end - 1 in inside_terms:
                continue  # part of a longer term: "Paris agreement"
            resolved = self._resolve(context, candidate)
            if resolved:
                iso3, kind = resolved
                mentions.append(Mention(candidate.start, candidate.end, iso3, kind, _role(context, candidate, kind)))
        mentions = _korea_in_context(context, candidates, mentions)
        mentions = _with_defined_acronyms(context, mentions)
        doc._.candidates = None
        doc._.mentions = mentions
        _set_entities(doc, mentions)
        return doc

    def _resolve(self, context: Context, candidate: Candidate) -> tuple[str, str] | None:
        if candidate.label == US_STATE:
            return None
        if candidate.label == LEADER:
            return self._leader(context, candidate)
        iso3, kind = candidate.key.split("|")
        if _part_of_another_name(context, candidate) or _is_venue(context, candidate, kind):
            return None
        surface = context.text[candidate.start] if candidate.end - candidate.start == 1 else ""
        if surface in ("Georgia", "Washington") and _us_state_here(
                context, candidate, surface == "Georgia" and context.about_the_state_of_georgia):
            return None
        return iso3, kind

    def _leader(self, context: Context, candidate: Candidate) -> tuple[str, str] | None:
        before = context.lower[candidate.start - 1] if candidate.start else ""
        if before in lexicon.FORMER_WORDS or context.lower[candidate.start] in lexicon.FORMER_WORDS:
            return None
        bare_name = without_accents(candidate.key) == without_accents(context.surface(candidate))
        if bare_name and " " not in candidate.key and candidate.start \
                and _capitalised(context.text[candidate.start - 1]) \
                and context.text[candidate.start - 1] not in lexicon.LEADER_TITLES \
                and context.lower[candidate.start - 1] not in lexicon.DETERMINERS:
            return None  # a surname after another first name is another person ("Chad Johnson")
        if " " not in candidate.key and _another_name_follows(context, candidate):
            return None  # a first name that is a leader's surname ("Foreign Minister Abbas Araghchi")
        terms = self.leaders.get(candidate.key, [])
        if context.published:
            terms = [t for t in terms if t[1] <= context.published and (not t[2] or context.published <= t[2])]
        countries = {t[0] for t in terms}
        return (countries.pop(), "leader") if len(countries) == 1 else None

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "leaders.json", self.leaders)

    def from_disk(self, path, exclude=tuple()):
        self.leaders = srsly.read_json(ensure_path(path) / "leaders.json")
        return self


def _set_entities(doc: Doc, mentions: list[Mention]) -> None:
    """doc.ents = COUNTRY spans whose ent_id_ is the ISO3 code."""
    strings = doc.vocab.strings
    set_entities(doc, [(m.start, m.end, strings.add(m.iso3)) for m in mentions], strings.add(COUNTRY))


def _capitalised(word: str) -> bool:
    return word.isalpha() and (word.istitle() or word.isupper())


def _part_of_another_name(context: Context, candidate: Candidate) -> bool:
    """A capitalised word right before ("Michael Jordan", "Lake Chad", "North American") or a
    capitalised name or geographic noun right after ("U.S. Steel", "Jordan Valley")."""
    text = context.text
    if candidate.start > 0:
        before = text[candidate.start - 1]
        if _capitalised(before) and candidate.start - 1 not in context.sentence_starts \
                and before not in lexicon.NAME_PRECEDERS_KEEPING_COUNTRY \
                and context.label(candidate.start - 1) != COUNTRY:
            return True
    # A geographic noun before it, joined by "of": "the Gulf of Thailand", "the Bay of Bengal".
    if candidate.start > 1 and context.lower[candidate.start - 1] == "of" \
            and text[candidate.start - 2] in lexicon.GEOGRAPHIC_FOLLOWERS:
        return True
    if candidate.end < len(text):
        after = text[candidate.end]
        if after in lexicon.GEOGRAPHIC_FOLLOWERS:
            return True
        # A leader's surname after it makes a person's name too ("Chad Johnson").
        if after.isalpha() and after.istitle() and after not in lexicon.NAME_FOLLOWERS_KEEPING_COUNTRY \
                and context.label(candidate.end) != COUNTRY:
            return not _names_a_state_body(context, candidate.end)
    return False


def _another_name_follows(context: Context, candidate: Candidate) -> bool:
    """A capitalised word right after a leader's surname that is no title, office or date word:
    the two are another person's names."""
    if candidate.end >= len(context.text):
        return False
    after = context.text[candidate.end]
    return _capitalised(after) and not after.isupper() and after not in lexicon.NAME_FOLLOWERS_KEEPING_COUNTRY \
        and context.label(candidate.end) != COUNTRY


def _is_venue(context: Context, candidate: Candidate, kind: str) -> bool:
    """A capital or a state agency is its government only as an actor: "Seoul said", "NASA will
    fly", not "talks in Seoul", "a visit to Seoul", "talks at NASA" or the dateline "SEOUL -". Money
    "from JICA" or a visit "to USAID" still meets the agency, which is no place one travels to."""
    if kind not in ("capital", "seat_of_government", "agency"):
        return False
    text = context.text
    if context.lower[candidate.end:candidate.end + 2] == ("-", "based"):
        return True  # where something sits: "a London-based institute"
    opens_a_line = candidate.start == 0 or candidate.start in context.sentence_starts \
        or text[candidate.start - 1].isspace()
    if kind != "agency" and (context.surface(candidate).isupper() and opens_a_line
                             or context.in_dateline(candidate.start)):
        return True  # "SEOUL -", "Nairobi, May 3 (Xinhua) --"; an agency's acronym is in capitals wherever it stands
    i = candidate.start - 1
    while i >= 0 and (text[i] in (",", "and", "or") or context.label(i) == COUNTRY or text[i].istitle()):
        i -= 1
    return i >= 0 and context.lower[i] in (AGENCY_VENUE_WORDS if kind == "agency" else lexicon.LOCATIVE_WORDS)


AGENCY_VENUE_WORDS = frozenset({"at", "in", "inside", "outside", "near"})


def _us_state_here(context: Context, candidate: Candidate, state_article: bool) -> bool:
    window = range(max(candidate.start - 3, 0), min(candidate.end + 2, len(context.text)))
    nearby = {context.lower[i] for i in window}
    return state_article or "state" in nearby or "governor" in nearby or any(
        context.text[i] in WASHINGTON_CITY_CUES | GEORGIA_CITY_CUES for i in window)


def _role(context: Context, candidate: Candidate, kind: str) -> str:
    if kind == "leader" or kind == "demonym":
        return "actor"
    if kind == "currency":
        return "modifier"  # "US$14 million" names the United States, which gives nothing
    lower, start = context.lower, candidate.start
    if context.in_dateline(start):
        return "modifier"  # "BEIRA, Mozambique, 1 June -": where the story was filed
    if start >= 2 and lower[start - 1] == "of" and lower[start - 2] in lexicon.PLACE_NOUNS:
        return "modifier"  # "the island of Cyprus": a place
    if start >= 3 and lower[start - 1] == "of" and lower[start - 3:start - 1] in lexicon.COMPANY_PHRASES:
        return "modifier"  # "the private sectors of Pakistan and China": their companies
    i = candidate.end
    possessive = i < len(lower) and lower[i] in ("'s", "’s", "'", "’")
    if possessive:
        i += 1
    if _government_noun_follows(context, i):
        return "actor"
    if possessive:
        return "possessive"
    if kind == "adjective":
        return "modifier"
    if i < len(lower) and lower[i] in NON_GOVERNMENT_HEADS:
        return "modifier"
    return "actor"


def _government_noun_follows(context: Context, i: int) -> bool:
    """ "... foreign ministry", "... and Romanian officials", "... Prime Minister" """
    limit = min(i + 5, len(context.lower))
    while i < limit:
        word = context.lower[i]
        if word in lexicon.GOVERNMENT_NOUNS and i + 1 < limit and (
                context.lower[i + 1] in lexicon.COMPANY_NOUNS or context.lower[i + 1] in NON_GOVERNMENT_HEADS):
            return False  # "Uzbek state companies", "government bonds"
        if word in lexicon.GOVERNMENT_NOUNS or word in lexicon.STATE_BANKS_AND_FUNDS and (
                context.lower[i - 1] in lexicon.STATE_FINANCE_MODIFIERS
                or context.lower[i + 1:i + 3] == ("for", "development")):
            return True
        if word in lexicon.GOVERNMENT_MODIFIERS or word in ("and", ",", "the") or context.label(i) == COUNTRY \
                or _capitalised(context.text[i]):  # "... National Research Foundation"
            i += 1
            continue
        return False
    return False


def _names_a_state_body(context: Context, i: int) -> bool:
    """The title-case run from i ends in a public body's head noun: "Rwanda Space Agency", "Ghana
    Standards Authority" are the state's, unlike "U.S. Steel" or "Jordan Valley"."""
    limit = min(i + STATE_BODY_WORDS, len(context.text))
    while i < limit and _capitalised(context.text[i]):
        if context.lower[i] in lexicon.GOVERNMENT_NOUNS:
            return True
        i += 1
    return False


STATE_BODY_WORDS = 4


def _korea_in_context(context: Context, candidates: list[Candidate], mentions: list[Mention]) -> list[Mention]:
    """Bare "Korea" is South Korea unless the article names North Korea and never South Korea."""
    if not any(m.iso3 == "PRK" for m in mentions):
        return mentions
    # Seoul named as a venue still says which Korea the article is about.
    texts = {context.surface(c) for c in candidates if c.label == COUNTRY}
    if not texts & SOUTH_KOREA_ONLY and not any(m.iso3 == "KOR" and m.kind == "leader" for m in mentions):
        return [Mention(m.start, m.end, "PRK", m.kind, m.role) if m.iso3 == "KOR" else m for m in mentions]
    return mentions


def _with_defined_acronyms(context: Context, mentions: list[Mention]) -> list[Mention]:
    """An article that names a state body and gives its acronym in brackets ("the Saudi Fund for
    Development (SFD)", "the Export-Import Bank of Korea (KEXIM)") then writes the acronym alone
    ("SFD signed ..."): each later acronym is that state, as a seeded agency's would be."""
    text = context.text
    defined: dict[str, tuple[int, str]] = {}
    for mention in mentions:
        if mention.kind not in ("name", "adjective") or mention.role == "modifier":
            continue
        opening = _acronym_opening(context, mention)
        if opening is not None and _is_acronym(text[opening + 1]) and text[opening + 1] not in defined:
            defined[text[opening + 1]] = (opening + 2, mention.iso3)
    if not defined:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    # Not one another country's adjective claims: "the Togolese MoH" after "the Ghanaian Ministry of Health (MoH)"
    added = [Mention(i, i + 1, defined[word][1], "agency", _role(context, Candidate(i, i + 1, COUNTRY, ""), "agency"))
             for i, word in enumerate(text) if word in defined and i > defined[word][0] and i not in taken
             and i - 1 not in taken]
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _acronym_opening(context: Context, mention: Mention) -> int | None:
    """Where the bracket of "<state body> (ACRONYM)" opens, if the mention names such a body: the
    title-case name after it holds a government noun or a state bank or fund ("Saudi Fund for
    Development"), or the mention ends it ("Export-Import Bank of Korea")."""
    text, lower = context.text, context.lower
    if mention.start >= 2 and lower[mention.start - 1] in ("-", "–", "/", "and") \
            and context.label(mention.start - 2) == COUNTRY:
        return None  # the other state's name before it: "the Ghana-Togo Joint Commission"
    name = []
    if mention.start >= 2 and lower[mention.start - 1] == "of":  # "the Export-Import Bank of Korea"
        k = mention.start - 2
        while k >= 0 and mention.start - k <= ACRONYM_NAME_WORDS and (_capitalised(text[k]) or text[k] == "-"):
            name.append(lower[k])
            k -= 1
    i = mention.end
    while i < len(text) and i - mention.end <= ACRONYM_NAME_WORDS and (
            _capitalised(text[i]) or lower[i] in ("of", "for", "and", "&", "-")):
        if context.label(i) == COUNTRY:
            return None  # a joint body of two states ("the Korea-US Joint Committee") is neither's
        name.append(lower[i])
        i += 1
    if not _names_a_public_body(name) or i + 2 >= len(text) or text[i] != "(" or text[i + 2] != ")":
        return None
    return i


def _names_a_public_body(name: list[str]) -> bool:
    """A ministry, agency or other government body, or a state's own bank or fund ("Fund for
    Development", "Export-Import Bank"), not a commercial one ("Commercial Bank of Ethiopia")."""
    return not lexicon.GOVERNMENT_NOUNS.isdisjoint(name) or not lexicon.STATE_BANKS_AND_FUNDS.isdisjoint(name) \
        and not lexicon.STATE_FINANCE_MODIFIERS.isdisjoint(name)


def _is_acronym(word: str) -> bool:
    """ "SFD", "KEXIM", "IsDB": two or more capitals, letters only."""
    return 2 <= len(word) <= 8 and word.isalpha() and sum(c.isupper() for c in word) >= 2 and word[0].isupper()


ACRONYM_NAME_WORDS = 7


@Language.factory("country_resolver", assigns=["doc._.mentions", "doc.ents"],
                  requires=["doc._.candidates", "doc._.sector_terms"])
def make_country_resolver(nlp: Language, name: str) -> CountryResolver:
    return CountryResolver(nlp, name)


def published_on(doc: Doc, value: str | date | None) -> Doc:
    doc._.published_date = value.isoformat() if isinstance(value, date) else value
    return doc
