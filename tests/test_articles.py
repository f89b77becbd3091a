import json
from datetime import datetime, timezone

from extract.articles import extract_articles, parse_sources

from conftest import SAMPLES


def gold(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.gold.json").read_text())


def test_every_sample_becomes_articles_with_the_annotated_date_and_evidence_in_the_body():
    articles, rejections = extract_articles([str(SAMPLES)])
    assert rejections == []
    by_file: dict[str, list] = {}
    for article in articles:
        by_file.setdefault(article.source.rsplit("/", 1)[1].split(".")[0], []).append(article)
    assert sorted(by_file) == sorted(p.name.split(".")[0] for p in SAMPLES.glob("*.gold.json"))
    for name, found in by_file.items():
        expected = gold(name)
        assert found[0].published_date == expected["published_date"], name
        for commitment in expected["commitments"]:
            assert any(commitment["evidence"] in article.body for article in found), (name, commitment)


def test_the_same_article_under_another_name_and_encoding_is_folded_into_one(tmp_path):
    original = SAMPLES / "s07_indonesia_japan_energy.txt"
    copy = tmp_path / "syndicated_copy.txt"
    copy.write_bytes(original.read_text().replace("\n", "\r\n").encode("cp1252", errors="replace"))
    articles, _ = extract_articles([str(original), str(copy)])
    assert len(articles) == 1
    assert articles[0].duplicate_sources == [str(copy)]


def test_boilerplate_only_pages_are_rejected_with_a_reason(tmp_path):
    page = tmp_path / "menu.txt"
    page.write_text("Home | World | Business\nSubscribe now\nTags: none\n")
    articles, rejections = extract_articles([str(page)])
    assert articles == []
    assert rejections[0].reason.startswith("no article text found")


def test_sources_may_be_a_comma_separated_string():
    assert parse_sources(" a, b ,,c") == ["a", "b", "c"]
    assert parse_sources(["a", " "]) == ["a"]


def test_hostile_inputs_are_quarantined_with_reasons_and_good_copies_kept_once(tmp_path):
    from conftest import GOOD_COPIES, HOSTILE_REASONS, make_hostile_corpus

    folder = make_hostile_corpus(tmp_path / "hostile")
    articles, rejections = extract_articles([str(folder)])
    reasons = {r.source.rsplit("/", 1)[1]: r.reason for r in rejections}
    assert set(reasons) == set(HOSTILE_REASONS)
    for name, reason in HOSTILE_REASONS.items():
        assert reasons[name].startswith(reason), (name, reasons[name])
    (article,) = articles
    assert article.source.endswith("/good.txt")
    assert sorted(s.rsplit("/", 1)[1] for s in article.duplicate_sources) == sorted(GOOD_COPIES)


def test_date_in_sources_stands_for_the_run_intervals_day():
    interval = datetime(2024, 5, 6, tzinfo=timezone.utc)
    assert parse_sources("/landing/{date},https://x.org/{date}.rss", interval) == [
        "/landing/2024-05-06", "https://x.org/2024-05-06.rss"]


def test_many_inputs_are_extracted_on_several_processes_with_the_same_result(tmp_path):
    from bench.corpus import generate, write_corpus
    from extract.articles import PARALLEL_MIN_DOCUMENTS

    folder = write_corpus(generate(PARALLEL_MIN_DOCUMENTS + 20, seed=9, duplicate_share=0.1), tmp_path / "many")
    (folder / "article_000007.json").write_text("{")  # one broken input among them
    serial = extract_articles([str(folder)], workers=1)
    parallel = extract_articles([str(folder)], workers=2)
    assert parallel == serial
    assert [r.source.rsplit("/", 1)[1] for r in parallel[1]] == ["article_000007.json"]
    assert any(article.duplicate_sources for article in parallel[0])


def news_item(folder, name: str, body: str, **times: str) -> None:
    item = {"title": "Ghana and Togo agree power line", "url": "https://news.example/2024/05/06/ghana-togo",
            "body": body} | times
    (folder / name).write_text(json.dumps(item))


FIRST_TEXT = "ACCRA - Ghana and Togo agreed on Monday to build a power line between the two countries."
UPDATED_TEXT = FIRST_TEXT + " The line will carry solar power from the north, officials added on Tuesday."


def test_versions_of_one_url_are_one_article_the_later_one_with_every_source(tmp_path):
    # The update is read first (its name sorts first); its modified time makes it the later version.
    news_item(tmp_path, "a_update.json", UPDATED_TEXT, published="2024-05-06T08:00:00Z",
              modified="2024-05-07T10:30:00+02:00")
    news_item(tmp_path, "b_first.json", FIRST_TEXT, published="2024-05-06T08:00:00Z")
    articles, rejections = extract_articles([str(tmp_path)])
    assert rejections == []
    (article,) = articles
    assert article.body == UPDATED_TEXT and article.source.endswith("a_update.json")
    assert [source.rsplit("/", 1)[1] for source in article.duplicate_sources] == ["b_first.json"]
    assert article.version_time == "2024-05-07T08:30:00+00:00"
    assert article.published_date == "2024-05-06"


def test_without_times_the_version_read_last_wins(tmp_path):
    news_item(tmp_path, "a_first.json", FIRST_TEXT)
    news_item(tmp_path, "b_fetched_again.json", UPDATED_TEXT)
    (article,), _ = extract_articles([str(tmp_path)])
    assert article.body == UPDATED_TEXT
    assert [source.rsplit("/", 1)[1] for source in article.duplicate_sources] == ["a_first.json"]
