"""The pipeline is assembled from its config, saved with to_disk and loaded back by path."""
import json

import spacy

from extract.tagger.countries import published_on
from extract.tagger.pipeline import build_pipeline, fingerprint, load_pipeline, save_pipeline
from extract.tagging import tag_articles

TEXT = "Chile and the EU signed a lithium pact. Both sides also pledged to cut tariffs."


def tagged(nlp) -> list[tuple[list[str], list[str]]]:
    doc = nlp(published_on(nlp.make_doc(TEXT), "2023-01-01"))
    return [(c.parties, c.sectors) for c in doc._.commitments]


def test_a_saved_pipeline_loads_by_path_and_tags_the_same(tmp_path):
    built = build_pipeline()
    path = save_pipeline(built, tmp_path / "tagger")
    loaded = spacy.load(path)
    assert loaded.pipe_names == ["sentence_boundaries", "country_matcher", "sector_matcher", "country_resolver",
                                 "sentence_parser", "commitment_detector"]
    assert tagged(loaded) == tagged(built) == [(["CHL", "EUU"], ["critical_minerals"]), (["CHL", "EUU"], ["trade"])]


def test_a_stale_saved_pipeline_is_rebuilt(tmp_path):
    path = save_pipeline(build_pipeline(), tmp_path / "tagger")
    meta = json.loads((path / "meta.json").read_text())
    meta["fingerprint"] = "seeds-of-last-year"
    (path / "meta.json").write_text(json.dumps(meta))
    nlp = load_pipeline(path)
    assert nlp.meta["fingerprint"] == fingerprint()
    assert json.loads((path / "meta.json").read_text())["fingerprint"] == fingerprint()


def test_tagging_on_two_processes_gives_the_same_records():
    articles = [{"article_id": str(number), "body": TEXT if number % 2 else "Seoul said Korea will help Ukraine.",
                 "published_date": "2023-01-01"} for number in range(6)]
    on_two = tag_articles(articles, n_process=2)
    assert on_two == tag_articles(articles)
    assert on_two[1]["commitments"][0]["parties"] == ["CHL", "EUU"]
    assert on_two[0]["mentioned_countries"] == ["KOR", "UKR"]
