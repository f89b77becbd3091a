"""The `python -m extract tag` contract every quality check reads."""
import json
import subprocess
import sys

from conftest import SAMPLES

ARTICLE_KEYS = {"source", "title", "published_date", "mentioned_countries", "commitments"}
COMMITMENT_KEYS = {"parties", "sectors", "evidence", "confidence"}


def run_tag(*paths) -> tuple[list[dict], subprocess.CompletedProcess]:
    completed = subprocess.run([sys.executable, "-m", "extract", "tag", *map(str, paths)],
                               capture_output=True, text=True, timeout=300)
    return [json.loads(line) for line in completed.stdout.splitlines()], completed


def test_tag_prints_one_json_object_per_article_and_a_rejection_per_bad_input(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    records, completed = run_tag(SAMPLES / "s05_india_us_icet.html", SAMPLES / "s08_wire_feed.jsonl", broken)
    assert completed.returncode == 0, completed.stderr
    articles = [r for r in records if "rejected" not in r]
    assert [r["source"].rsplit("/", 1)[1] for r in articles] == [
        "s05_india_us_icet.html", "s08_wire_feed.jsonl#1", "s08_wire_feed.jsonl#2"]
    for record in articles:
        assert ARTICLE_KEYS <= set(record)
        for commitment in record["commitments"]:
            assert COMMITMENT_KEYS <= set(commitment)
            assert set(commitment["parties"]) <= set(record["mentioned_countries"])
    india_us = articles[0]
    assert india_us["published_date"] == "2023-01-31"
    assert {"USA", "IND"} in [set(c["parties"]) for c in india_us["commitments"]]
    assert records[-1] == {"source": str(broken), "rejected": records[-1]["rejected"]}
    assert records[-1]["rejected"].startswith("malformed JSON")


def test_tag_reports_a_folded_duplicate_under_its_own_name(tmp_path):
    copy = tmp_path / "copy_of_s03.json"
    copy.write_text((SAMPLES / "s03_japan_ukraine_aid.json").read_text())
    records, _ = run_tag(SAMPLES / "s03_japan_ukraine_aid.json", copy)
    assert [r.get("duplicate_of") for r in records] == [None, str(SAMPLES / "s03_japan_ukraine_aid.json")]
    assert records[0]["commitments"] == records[1]["commitments"]


def run_extract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True, text=True, timeout=300)


def test_query_answers_from_the_published_warehouse_as_table_or_csv(published_samples):
    sql = "select sector_code from dim_sector where sector_code like 'semi%'"
    table = run_extract("query", sql)
    assert table.returncode == 0 and "semiconductors" in table.stdout and "│" in table.stdout
    assert run_extract("query", sql, "--format", "csv").stdout.splitlines() == ["sector_code", "semiconductors"]


def test_query_refuses_writes_and_explains_a_bad_query(published_samples):
    before = published_samples.read_bytes()
    refused = run_extract("query", "delete from fct_commitments")
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert published_samples.read_bytes() == before
    unknown = run_extract("query", "select * from fct_commitment")
    assert unknown.returncode == 1 and "fct_commitment" in unknown.stderr


def test_query_before_any_run_says_what_to_do(warehouse):
    missing = run_extract("query", "select 1")
    assert missing.returncode == 1 and "make run" in missing.stderr
