"""Sector terms: spans of ``doc.spans["sectors"]`` labelled with one of the 20 sector codes.

Terms come from the ``sector_terms`` seed and match case-insensitively, in the singular or the
plural ("chip", "chips"). Where terms overlap the longest wins ("quantum technology" is quantum,
not also technology), and a generic "technology" that only qualifies a named field ("clean energy
technology") adds nothing of its own: the annotation guide codes the most specific field named.
"""
import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, filter_spans

from extract import reference

GENERIC_SECTOR = "science_technology"
GENERIC_TERMS = frozenset({"technology", "technologies", "tech", "science", "innovation", "scientific"})
SPANS_KEY = "sectors"
EDUCATION = "education_culture"
VERB_LIKE_TERMS = frozenset({"transport", "aid", "fund", "ship", "supply", "farm", "trade", "invest"})
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "us", "itself", "themselves"})
TRAINING_VERBS = frozenset({"train", "trains", "trained", "training"})
TRAINED_PEOPLE = frozenset("""engineers workers teachers researchers students experts officials staff specialists
    technicians professionals personnel scientists nurses doctors judges diplomats civil servants""".split())


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
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._make_doc = nlp.make_doc

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
            self.matcher.add(code, [self._make_doc(v) for v in variants])

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)
                             if not _in_a_name(doc[start:end]) and not _used_as_verb(doc[start:end]))
        spans += _training_spans(doc, spans)
        doc.spans[SPANS_KEY] = sorted((span for i, span in enumerate(spans) if not _qualifies_a_named_field(spans, i)),
                                      key=lambda span: span.start)
        return doc

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "terms.json", self.terms)

    def from_disk(self, path, exclude=tuple()):
        self._set_terms(srsly.read_json(ensure_path(path) / "terms.json"))
        return self


def _in_a_name(span: Span) -> bool:
    """Title-case words inside a sentence belong to a name ("Economy and Climate Minister",
    "Minerals Security Partnership"), not to the article's own wording; acronyms still count."""
    if span[0].is_sent_start:
        return False
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.is_title for t in words) and not all(t.is_upper for t in words)


def _used_as_verb(span: Span) -> bool:
    """ "transport it to Germany", "to fund them": a term that is also a verb, used as one."""
    if len(span) != 1 or span.text.lower() not in VERB_LIKE_TERMS:
        return False
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start else ""
    return after in OBJECT_PRONOUNS or before == "to"


def _training_spans(doc: Doc, taken: list[Span]) -> list[Span]:
    """Training people ("train chip engineers", "training for nurses") is education, whatever the
    field; training troops is not, since soldiers are not in the list."""
    taken_tokens = {i for span in taken for i in range(span.start, span.end)}
    spans = []
    for token in doc:
        if token.lower_ in TRAINING_VERBS and token.i not in taken_tokens:
            window = doc[token.i + 1:token.i + 5]
            if any(t.lower_ in TRAINED_PEOPLE for t in window):
                spans.append(Span(doc, token.i, token.i + 1, label=EDUCATION))
    return spans


def _qualifies_a_named_field(spans: list[Span], index: int) -> bool:
    span = spans[index]
    if span.label_ != GENERIC_SECTOR or span.text.lower() not in GENERIC_TERMS:
        return False
    before = spans[index - 1] if index else None
    return before is not None and before.end == span.start and before.label_ != GENERIC_SECTOR


@Language.factory("sector_matcher")
def make_sector_matcher(nlp: Language, name: str) -> SectorMatcher:
    return SectorMatcher(nlp, name)
