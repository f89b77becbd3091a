"""The compiled reads and writes on a Doc's tokens give what spaCy's own API gives."""
import pytest
import spacy
from spacy.tokens import Span

import extract.tagger.commitments  # noqa: F401  (registers the cue words)
from extract.tagger.sentences import TOKENS
from extract.tagger.token_structs import set_entities, set_sentence_starts, span_text

TEXT = "  Tokyo and Canberra PLEDGED €2bn for “green steel”.\n\nTalks go on\n"


def test_each_token_reads_as_its_text_and_lower_case_form_with_its_kind():
    nlp = spacy.blank("en")
    doc = nlp(TEXT + " never-seen-before-word")  # words this process's table has not met
    texts, lowers, kinds = TOKENS.read(doc)
    assert texts == tuple(token.text for token in doc)
    assert lowers == tuple(token.lower_ for token in doc)
    # Space, word, punctuation, sentence-final, line break; cue words ("PLEDGED", "Talks", "before") in capitals.
    assert list(zip(texts, kinds, strict=True)) == [
        ("  ", "s"), ("Tokyo", "w"), ("and", "w"), ("Canberra", "w"), ("PLEDGED", "W"), ("€", "w"), ("2bn", "w"),
        ("for", "w"), ("“", "o"), ("green", "w"), ("steel", "w"), ("”", "p"), (".", "f"), ("\n\n", "b"),
        ("Talks", "W"), ("go", "w"), ("on", "w"), ("\n ", "b"), ("never", "w"), ("-", "p"), ("seen", "w"),
        ("-", "p"), ("before", "W"), ("-", "p"), ("word", "w")]


def test_sentence_starts_written_on_the_tokens_are_the_docs_sentences():
    doc = spacy.blank("en")("Japan agreed. Korea pledged aid! Talks continue.")
    set_sentence_starts(doc, [0, 3, 7])
    assert [sentence.text for sentence in doc.sents] == ["Japan agreed.", "Korea pledged aid!", "Talks continue."]
    set_sentence_starts(doc, [0, 7])  # rewritten, not added to
    assert [sentence.start for sentence in doc.sents] == [0, 7]


def test_entities_replace_the_docs_entities_with_their_label_and_id():
    doc = spacy.blank("en")("South Korea and Japan agreed with Germany.")
    doc.ents = [Span(doc, 6, 7, label="GPE")]
    strings = doc.vocab.strings
    set_entities(doc, [(0, 2, strings.add("KOR")), (3, 4, strings.add("JPN"))], strings.add("COUNTRY"))
    assert [(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents] == [("South Korea", "COUNTRY", "KOR"),
                                                                         ("Japan", "COUNTRY", "JPN")]
    assert [token.ent_iob_ for token in doc] == ["B", "I", "O", "B", "O", "O", "O", "O"]


def test_span_text_is_the_spans_text_without_surrounding_whitespace_with_its_offsets():
    doc = spacy.blank("en")(TEXT)
    texts = tuple(token.text for token in doc)
    for start, end in [(0, len(doc)), (1, 11), (11, 18), (14, 18), (3, 4)]:
        text, start_char, end_char = span_text(doc, texts, start, end)
        assert text == doc[start:end].text.strip()
        assert TEXT[start_char:end_char] == text


def test_token_indices_outside_the_doc_are_refused_before_anything_is_written():
    doc = spacy.blank("en")("Japan agreed. Korea pledged aid!")
    set_sentence_starts(doc, [0, 3])
    with pytest.raises(IndexError, match="not a span"):
        set_sentence_starts(doc, [0, 9])
    assert [sentence.start for sentence in doc.sents] == [0, 3]
    with pytest.raises(IndexError, match="not a span"):
        set_entities(doc, [(0, 1, 1), (6, 8, 1)], doc.vocab.strings.add("COUNTRY"))
    assert doc.ents == ()
    with pytest.raises(IndexError, match="not a span"):
        span_text(doc, tuple(token.text for token in doc), 3, 3)
