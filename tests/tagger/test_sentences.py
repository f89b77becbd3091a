"""Sentence boundaries: spaCy's sentencizer rules, a line break always starts a sentence, and an opening
bracket or curly quote after a break goes with the sentence it opens."""
import pytest
import spacy
from spacy.pipeline import Sentencizer

from extract.tagger.commitments import TRIGGER_WORDS
from extract.tagger.sentences import words_of


def sentences(doc) -> list[str]:
    return [sentence.text.strip() for sentence in doc.sents]


@pytest.mark.parametrize("text", [
    "Japan and India agreed to cooperate. The deal covers chips! Will it last? Officials said so.",
    'He said: "We will sign." Then they left (as planned.) Talks resume in May.',
    "The U.S. and the U.K. signed a pact... It takes effect on Jan. 1. Really?! Yes.",
    "No full stop at the end",
])
def test_the_same_sentences_as_spacys_sentencizer(tag, text):
    expected = Sentencizer()(spacy.blank("en")(text))
    assert sentences(tag(text)) == sentences(expected)


def test_a_line_break_starts_a_sentence(tag):
    text = "Korea and Australia sign minerals deal\n\nBy Jane Doe\n\nSEOUL - The two countries agreed on Monday."
    assert sentences(tag(text)) == ["Korea and Australia sign minerals deal", "By Jane Doe",
                                    "SEOUL - The two countries agreed on Monday."]


def test_an_opening_bracket_or_curly_quote_after_a_break_starts_the_next_sentence(tag):
    text = "The two sides agreed to:\n(a) build a road;\n(b) open a port. \u201cWe are pleased,\u201d he said."
    assert sentences(tag(text)) == ["The two sides agreed to:", "(a) build a road;", "(b) open a port.",
                                    "\u201cWe are pleased,\u201d he said."]


def test_punctuation_before_the_first_word_ends_no_sentence(tag):
    assert sentences(tag('". Leading punctuation. Then words.')) == ['". Leading punctuation.', "Then words."]


def test_line_breaks_before_the_first_word_and_after_the_last(tag):
    assert sentences(tag("\n\nHeadline here\n\nBody text.\n\n")) == ["", "Headline here", "Body text."]


def test_the_components_read_sentences_set_by_another_sentencizer():
    doc = Sentencizer()(spacy.blank("en")("Japan agreed. Korea pledged aid! Talks continue."))
    assert words_of(doc).sentence_starts == [sentence.start for sentence in doc.sents] == [0, 3, 7]


def test_cue_words_are_found_in_any_case_and_unregistered_lists_are_refused(tag):
    words = words_of(tag("WILL they sign? Japan will. Nobody Agreed."))
    assert [[words.text[i] for i in found] for found in words.positions(TRIGGER_WORDS)] == [
        ["WILL", "sign", "will", "Agreed"]]
    with pytest.raises(ValueError, match="cue_words"):
        words.positions(frozenset({"nobody"}))
