"""The tag stage cut into parts, as the DAG maps it."""
from extract.articles import extract_batch
from extract.runs import ARTICLES_FILE, read_jsonl, read_parts
from extract.tagging import plan_tag_batches, tag_articles, tag_part

from conftest import SAMPLES


def test_batches_cover_every_article_once_and_parts_hold_what_tagging_gives(warehouse):
    manifest = extract_batch(str(SAMPLES), run_id="manual__parts")
    batches = plan_tag_batches(manifest, part_articles=5)
    assert [(b["start"], b["stop"]) for b in batches] == [(0, 5), (5, 10), (10, 13)]
    parts = [tag_part(batch) for batch in reversed(batches)]  # any order, as parallel tasks finish
    articles = read_jsonl(manifest.folder / ARTICLES_FILE)
    assert read_parts(parts) == tag_articles(articles)


def test_an_empty_run_still_has_one_empty_part_so_the_load_runs(warehouse, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    manifest = extract_batch(str(empty), run_id="manual__empty")
    batches = plan_tag_batches(manifest)
    assert len(batches) == 1
    assert read_parts([tag_part(batches[0])]) == []
