"""Country mentions: which country a name, adjective, capital or leader stands for, and whether it
is an actor ("Korea's foreign ministry", "Seoul said", "President Moon") or only qualifies
something else ("Korean chipmakers", "Japan's largest steelmaker").

spaCy's entity ruler proposes candidates (labels COUNTRY, LEADER and US_STATE, built from the
seeds); ``country_resolver`` decides. It drops what only looks like a country: part of another
name ("Michael Jordan", "Lake Chad", "U.S. Steel", "South China Sea", "New Mexico"), a capital
used as a venue ("talks in Vienna") or in a dateline, "Georgia" and "Washington" in articles about
US states, and leaders outside their term of office (or marked "former"). It reads bare "Korea" as
North Korea only when the article names North Korea and never South Korea.
"""
from dataclasses import dataclass
from datetime import date

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from extract import reference
from extract.tagger import lexicon

COUNTRY = "COUNTRY"
LEADER = "LEADER"
US_STATE = "US_STATE"
# Other US states (New York aside: mostly the city) or these cities make "Georgia" a state;
# "Washington" is the state only when a Washington city or the word "state" is next to it.
GEORGIA_CITY_CUES = frozenset({"Atlanta", "Savannah", "Augusta", "Macon"})
WASHINGTON_CITY_CUES = frozenset({"Seattle", "Tacoma", "Spokane", "Olympia"})
# Attributive heads after a country name that make it a modifier ("Japan exporters", "U.S. beef").
NON_GOVERNMENT_HEADS = frozenset("""
    company companies firm firms exporters importers producers makers steelmaker steelmakers chipmaker
    chipmakers carmaker carmakers automakers manufacturers bank banks market markets products goods
    citizens nationals people residents workers farmers students beef dairy lamb investors businesses
    industry consumers households brands shares stocks refugees migrants tourists""".split())
SOUTH_KOREA_ONLY = frozenset({"South Korea", "South Korean", "South Koreans", "Seoul", "ROK", "Republic of Korea",
                              "S. Korea", "S Korea", "Blue House"})

if not Doc.has_extension("published_date"):
    Doc.set_extension("published_date", default=None)  # ISO date of the article, to date leaders
if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    iso3: str
    kind: str  # name, adjective, demonym, capital, seat_of_government or leader
    role: str  # actor, possessive (names something of the country's) or modifier


def country_patterns() -> list[dict]:
    """Entity-ruler patterns from the seeds. Names and capitals also match in capitals, as
    datelines write them ("SEOUL -")."""
    patterns = []
    for row in reference.country_aliases():
        variants = {row["alias"]}
        if row["alias_type"] in ("name", "capital"):
            variants.add(row["alias"].upper())
        patterns += [{"label": COUNTRY, "pattern": text, "id": f"{row['iso3']}|{row['alias_type']}"}
                     for text in sorted(variants)]
    aliases = {row["alias"] for row in reference.country_aliases()}
    patterns += [{"label": US_STATE, "pattern": row["state_name"], "id": row["state_code"]}
                 for row in reference.us_states() if row["state_name"] not in aliases]
    for name in sorted({key for row in reference.leaders() for key in (row["person_name"], row["surname"])}):
        rows = [r for r in reference.leaders() if name in (r["person_name"], r["surname"])]
        if name in {r["person_name"] for r in rows} or not all(r["needs_title"] == "true" for r in rows):
            patterns.append({"label": LEADER, "pattern": name, "id": name})
        surname_tokens = [{"ORTH": part} for part in name.split()]
        patterns.append({"label": LEADER, "id": name,
                         "pattern": [{"ORTH": {"IN": sorted(lexicon.LEADER_TITLES)}}, *surname_tokens]})
    return patterns


def leader_table() -> dict[str, list[list[str]]]:
    """Name or surname -> [iso3, start, end] of every term it can refer to."""
    table: dict[str, list[list[str]]] = {}
    for row in reference.leaders():
        for key in {row["person_name"], row["surname"]}:
            table.setdefault(key, []).append([row["iso3"], row["start_date"], row["end_date"]])
    return table


class CountryResolver:
    def __init__(self, name: str):
        self.name = name
        self.leaders: dict[str, list[list[str]]] = {}

    def initialize(self, get_examples=None, nlp=None) -> None:
        self.leaders = leader_table()

    def __call__(self, doc: Doc) -> Doc:
        words = {token.text for token in doc}
        us_context = {
            "Georgia": bool(words & GEORGIA_CITY_CUES) or any(
                ent.label_ == US_STATE and ent.text != "New York" for ent in doc.ents),
            "Washington": False,
        }
        inside_terms = [(span.start, span.end) for span in doc.spans.get("sectors", []) if len(span) > 1]
        mentions = []
        for ent in doc.ents:
            if any(start <= ent.start and ent.end <= end for start, end in inside_terms):
                continue  # part of a longer term: "Paris agreement"
            resolved = self._resolve(doc, ent, us_context)
            if resolved:
                iso3, kind = resolved
                mentions.append(Mention(ent.start, ent.end, iso3, kind, _role(doc, ent, kind)))
        mentions = _korea_in_context(doc, mentions)
        doc._.mentions = mentions
        doc.ents = [Span(doc, m.start, m.end, label=COUNTRY, span_id=m.iso3) for m in mentions]
        return doc

    def _resolve(self, doc: Doc, ent: Span, us_context: dict[str, bool]) -> tuple[str, str] | None:
        if ent.label_ == US_STATE:
            return None
        if ent.label_ == LEADER:
            return self._leader(doc, ent)
        iso3, kind = ent.ent_id_.split("|")
        if _part_of_another_name(doc, ent) or _is_venue(doc, ent, kind):
            return None
        if ent.text in us_context and _us_state_here(doc, ent, us_context[ent.text]):
            return None
        return iso3, kind

    def _leader(self, doc: Doc, ent: Span) -> tuple[str, str] | None:
        before = doc[ent.start - 1].lower_ if ent.start else ""
        if before in lexicon.FORMER_WORDS or ent[0].lower_ in lexicon.FORMER_WORDS:
            return None
        name = ent.ent_id_
        published = doc._.published_date
        terms = self.leaders.get(name, [])
        if published:
            terms = [t for t in terms if t[1] <= published and (not t[2] or published <= t[2])]
        countries = {t[0] for t in terms}
        return (countries.pop(), "leader") if len(countries) == 1 else None

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "leaders.json", self.leaders)

    def from_disk(self, path, exclude=tuple()):
        self.leaders = srsly.read_json(ensure_path(path) / "leaders.json")
        return self


def _part_of_another_name(doc: Doc, ent: Span) -> bool:
    """A capitalised word right before ("Michael Jordan", "Lake Chad", "North American") or a
    capitalised name or geographic noun right after ("U.S. Steel", "Jordan Valley")."""
    if ent.start > 0:
        before = doc[ent.start - 1]
        if (before.is_title or before.is_upper) and before.is_alpha and not before.is_sent_start \
                and before.text not in lexicon.NAME_PRECEDERS_KEEPING_COUNTRY and before.ent_type_ != COUNTRY:
            return True
    if ent.end < len(doc):
        after = doc[ent.end]
        if after.text in lexicon.GEOGRAPHIC_FOLLOWERS:
            return True
        if after.is_title and after.is_alpha and after.text not in lexicon.NAME_FOLLOWERS_KEEPING_COUNTRY \
                and after.ent_type_ not in (COUNTRY, LEADER):
            return not (after.text == "Air" and ent.end + 1 < len(doc) and doc[ent.end + 1].text == "Force")
    return False


def _is_venue(doc: Doc, ent: Span, kind: str) -> bool:
    """A capital is its government only as an actor: "Seoul said", not "talks in Seoul" or the
    dateline "SEOUL -"."""
    if kind not in ("capital", "seat_of_government"):
        return False
    if ent.text.isupper() and (ent.start == 0 or doc[ent.start].is_sent_start or doc[ent.start - 1].is_space):
        return True
    i = ent.start - 1
    while i >= 0 and (doc[i].text in (",", "and", "or") or doc[i].ent_type_ == COUNTRY or doc[i].is_title):
        i -= 1
    return i >= 0 and doc[i].lower_ in lexicon.LOCATIVE_WORDS


def _us_state_here(doc: Doc, ent: Span, us_context: bool) -> bool:
    nearby = doc[max(ent.start - 3, 0):ent.end + 2]
    words = {t.lower_ for t in nearby}
    return us_context or "state" in words or "governor" in words or any(
        t.text in WASHINGTON_CITY_CUES | GEORGIA_CITY_CUES for t in nearby)


def _role(doc: Doc, ent: Span, kind: str) -> str:
    if kind == "leader" or kind == "demonym":
        return "actor"
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in lexicon.PLACE_NOUNS:
        return "modifier"  # "the island of Cyprus": a place
    i = ent.end
    possessive = i < len(doc) and doc[i].text in ("'s", "’s", "'", "’")
    if possessive:
        i += 1
    if _government_noun_follows(doc, i):
        return "actor"
    if possessive:
        return "possessive"
    if kind == "adjective":
        return "modifier"
    if i < len(doc) and doc[i].lower_ in NON_GOVERNMENT_HEADS:
        return "modifier"
    return "actor"


def _government_noun_follows(doc: Doc, i: int) -> bool:
    """ "... foreign ministry", "... and Romanian officials", "... Prime Minister" """
    limit = min(i + 5, len(doc))
    while i < limit:
        token = doc[i]
        word = token.lower_
        if word in lexicon.GOVERNMENT_NOUNS:
            return True
        if word in lexicon.GOVERNMENT_MODIFIERS or word in ("and", ",", "the") or token.ent_type_ == COUNTRY:
            i += 1
            continue
        return False
    return False


def _korea_in_context(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Bare "Korea" is South Korea unless the article names North Korea and never South Korea."""
    texts = {doc[m.start:m.end].text for m in mentions}
    if any(m.iso3 == "PRK" for m in mentions) and not texts & SOUTH_KOREA_ONLY and \
            not any(m.iso3 == "KOR" and m.kind == "leader" for m in mentions):
        return [Mention(m.start, m.end, "PRK", m.kind, m.role) if m.iso3 == "KOR" else m for m in mentions]
    return mentions


@Language.factory("country_resolver")
def make_country_resolver(nlp: Language, name: str) -> CountryResolver:
    return CountryResolver(name)


def published_on(doc: Doc, value: str | date | None) -> Doc:
    doc._.published_date = value.isoformat() if isinstance(value, date) else value
    return doc
