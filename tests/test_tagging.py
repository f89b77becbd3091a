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


def test_a_link_to_another_story_in_a_page_sets_no_parties(tmp_path):
    from extract.articles import extract_articles

    page = tmp_path / "page.txt"
    page.write_text("World | Asia | Business\n\nKorea and US pledge chip cooperation\n\n"
                    "SEOUL - Korea and the U.S. met in Washington on Monday to review their trade ties.\n\n"
                    "Read more: Japan, Australia vow closer cooperation on vaccines\n\n"
                    "The two leaders pledged to work together on semiconductors, officials said.\n")
    articles, _ = extract_articles([str(page)], workers=1)
    (tagged,) = tag_articles(article.__dict__ for article in articles)
    assert [set(c["parties"]) for c in tagged["commitments"]] == [{"KOR", "USA"}]
