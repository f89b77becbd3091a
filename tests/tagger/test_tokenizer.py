"""The tokenizer keeps the abbreviated titles of official texts whole. Sentences made up for the test."""
import spacy

from extract.tagger.pipeline import build_pipeline, save_pipeline
from extract.tagger.tokenizer import read_abbreviations

SIGNING = ("The Ambassador of Japan to Tonga and Hon. Sione Taufa, Minister for Finance of Tonga, signed notes "
           "concerning grant aid of 900 million yen.")


def test_an_abbreviated_title_does_not_end_the_sentence(tag):
    doc = tag(SIGNING)
    assert len(list(doc.sents)) == 1
    assert [(set(c.parties), c.sectors) for c in doc._.commitments] == [({"JPN", "TON"}, ["development"])]


def test_ranks_stay_whole_and_other_full_stops_still_end_sentences(tag):
    doc = tag("Lt. Col. Ama Mensah of Ghana and Capt. Olu Ade of Nigeria signed the patrol pact. Talks end today.")
    assert [t.text for t in doc[:3]] == ["Lt.", "Col.", "Ama"]
    assert len(list(doc.sents)) == 2


def test_the_config_names_the_list_and_the_saved_pipeline_keeps_it(tmp_path):
    built = build_pipeline()
    listed = read_abbreviations(built.config["nlp"]["tokenizer"]["abbreviations"])
    assert "Hon." in listed
    loaded = spacy.load(save_pipeline(built, tmp_path / "tagger"))
    assert [t.text for t in loaded.make_doc("and Hon. Taufa")] == ["and", "Hon.", "Taufa"]
