"""The versioned syntax model (extract/tagger/syntax/, trained by `make syntax-model`) loads by path
and gives the tags, lemmas and dependencies the commitment detector reasons with."""
import json
from pathlib import Path

import pytest
import spacy

MODEL_DIR = Path(__file__).resolve().parents[2] / "extract" / "tagger" / "syntax"
MAX_MODEL_BYTES = 15 * 1024 * 1024


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL_DIR)


def token(doc, text):
    return next(t for t in doc if t.text == text)


def test_the_model_is_small_enough_to_version_and_credits_the_treebank():
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size <= MAX_MODEL_BYTES
    meta = json.loads((MODEL_DIR / "meta.json").read_text())
    assert meta["license"] == "CC BY-SA 4.0"
    assert "English Web Treebank" in meta["sources"][0]["name"]


def test_it_runs_on_spacys_own_english_tokenizer(nlp):
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer"]
    sentence = "Brazil won't sign it."
    assert [t.text for t in nlp(sentence)] == [t.text for t in spacy.blank("en")(sentence)]


def test_coordinated_subjects_both_reach_the_verb(nlp):
    doc = nlp("Japan and India signed an agreement on chips.")
    signed = token(doc, "signed")
    assert (signed.dep_, signed.pos_, signed.tag_, signed.lemma_) == ("ROOT", "VERB", "VBD", "sign")
    subject = next(child for child in signed.children if child.dep_ == "nsubj")
    assert [t.text for t in (subject, *subject.conjuncts)] == ["Japan", "India"]
    assert token(doc, "agreement").head == signed and token(doc, "agreement").dep_ == "obj"


def test_a_prepositional_partner_attaches_to_the_verb_it_modifies(nlp):
    doc = nlp("Canada will cooperate with Korea on batteries.")
    korea = token(doc, "Korea")
    assert (korea.head.text, korea.dep_) == ("cooperate", "obl")
    assert (token(doc, "with").head, token(doc, "with").dep_) == (korea, "case")
    assert token(doc, "will").dep_ == "aux" and token(doc, "will").head.text == "cooperate"


def test_a_passive_marks_its_patient_and_its_agent(nlp):
    doc = nlp("The treaty was signed by both governments.")
    signed = token(doc, "signed")
    assert {child.text: child.dep_ for child in signed.children if child.dep_ != "punct"} == {
        "treaty": "nsubj:pass", "was": "aux:pass", "governments": "obl:agent"}
    assert signed.tag_ == "VBN"


@pytest.mark.parametrize("sentence, verb, negation", [
    ("France did not sign the deal.", "sign", "not"),
    ("Germany won't fund the new port.", "fund", "n't"),
])
def test_a_negated_verb_has_a_neg_child(nlp, sentence, verb, negation):
    doc = nlp(sentence)
    assert [child.text for child in token(doc, verb).children if child.dep_ == "neg"] == [negation]


def test_an_affirmative_verb_has_no_neg_child(nlp):
    doc = nlp("France signed the deal and paid the first tranche.")
    assert not [t for t in doc if t.dep_ == "neg"]


def test_a_pledge_governs_what_is_pledged(nlp):
    doc = nlp("The union pledged to invest two billion euros in Kenya.")
    invest = token(doc, "invest")
    assert (invest.head.text, invest.dep_) == ("pledged", "xcomp")
    assert token(doc, "pledged").lemma_ == "pledge"
    # Whether "in Kenya" hangs on "invest" or on "euros", it stays inside what is pledged.
    assert token(doc, "Kenya") in invest.subtree and token(doc, "Kenya").pos_ == "PROPN"
