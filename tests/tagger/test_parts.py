"""The tag stage cut into parts, as the DAG maps it."""
from pathlib import Path

from extract.articles import ARTICLES_FILE, extract_batch, read_jsonl
from extract.tagger import plan_tag_batches, read_tagged_parts, tag_articles, tag_part

from conftest import SAMPLES


def test_batches_cover_every_article_once_and_parts_hold_what_tagging_gives(warehouse):
    manifest = extract_batch(str(SAMPLES), run_id="manual__parts")
    batches = plan_tag_batches(manifest, part_articles=5)
    assert [(b["start"], b["stop"]) for b in batches] == [(0, 5), (5, 10), (10, 13)]
    parts = [tag_part(batch) for batch in reversed(batches)]  # any order, as parallel tasks finish
    articles = read_jsonl(Path(manifest["run_dir"]) / ARTICLES_FILE)
    assert read_tagged_parts(parts) == tag_articles(articles)


def test_an_empty_run_still_has_one_empty_part_so_the_load_runs(warehouse, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    manifest = extract_batch(str(empty), run_id="manual__empty")
    batches = plan_tag_batches(manifest)
    assert len(batches) == 1
    assert read_tagged_parts([tag_part(batches[0])]) == []
