"""Raw loads (stage, then merge into raw): idempotent per interval, deduplicated across runs,
all or nothing."""
import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from extract.load import load_raw
from extract.runner import run_pipeline
from extract.warehouse import RUN_TABLES, connect

from conftest import SAMPLES

MONDAY = datetime(2024, 5, 6, tzinfo=timezone.utc)
TUESDAY = datetime(2024, 5, 7, tzinfo=timezone.utc)


def snapshot() -> dict[str, list]:
    with connect(read_only=True) as connection:
        return {table: connection.execute(f"select * from raw.{table} order by all").fetchall()
                for table in RUN_TABLES}


def audit() -> list[tuple]:
    with connect(read_only=True) as connection:
        return connection.execute("select run_key, articles_new, articles_updated, articles_copies, sources "
                                  "from raw.load_audit order by load_id").fetchall()


def load(folder, interval=MONDAY):
    return run_pipeline(str(folder), interval, until="load_raw")


@pytest.fixture
def inbox(warehouse, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("s01_chile_eu_lithium.txt", "s05_india_us_icet.html"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    (folder / "broken.json").write_text("{")
    return folder


def test_load_fills_every_raw_table_quarantines_bad_inputs_and_audits(inbox):
    loaded = load(inbox).loaded
    assert (loaded["articles_new"], loaded["quarantined"]) == (2, 1)
    tables = snapshot()
    assert len(tables["articles"]) == 2 and len(tables["commitments"]) == loaded["commitments"] > 0
    assert [row[1].split(":")[0] for row in tables["quarantine"]] == ["malformed JSON"]
    assert tables["quarantine"][0][4] == MONDAY.replace(tzinfo=None)  # the run's logical time
    assert audit() == [("2024-05-06", 2, 0, 0, 2)]


def test_loading_the_same_interval_twice_leaves_every_raw_table_identical(inbox):
    load(inbox)
    first = snapshot()
    load(inbox)
    assert snapshot() == first
    assert len(audit()) == 2  # the audit log records both attempts


def test_a_copy_under_another_name_in_a_later_run_only_adds_its_source(inbox, tmp_path):
    load(inbox)
    later = tmp_path / "later"
    later.mkdir()
    (later / "syndicated.txt").write_bytes((inbox / "s01_chile_eu_lithium.txt").read_bytes())
    before = snapshot()
    load(later, TUESDAY)
    after = snapshot()
    assert after["articles"] == before["articles"] and after["commitments"] == before["commitments"]
    added = set(after["article_sources"]) - set(before["article_sources"])
    assert [(row[1].rsplit("/", 1)[1], row[2]) for row in added] == [("syndicated.txt", "2024-05-07")]


def test_a_new_article_adds_only_its_rows(inbox, tmp_path):
    load(inbox)
    before = snapshot()
    later = tmp_path / "later"
    later.mkdir()
    (later / "new.json").write_bytes((SAMPLES / "s03_japan_ukraine_aid.json").read_bytes())
    load(later, TUESDAY)
    after = snapshot()
    for table in RUN_TABLES:
        assert set(before[table]) <= set(after[table]), table
        assert {row[-1] for row in set(after[table]) - set(before[table])} <= {"2024-05-07"}, table
    assert len(after["articles"]) == len(before["articles"]) + 1


def test_an_article_whose_content_changed_replaces_the_old_version(warehouse, tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    item = (SAMPLES / "s03_japan_ukraine_aid.json").read_text()
    (folder / "item.json").write_text(item)
    load(folder)
    (folder / "item.json").write_text(item.replace("$5.5 billion", "$6 billion"))
    load(folder, TUESDAY)
    tables = snapshot()
    assert len(tables["articles"]) == 1 and "$6 billion" in tables["articles"][0][4]
    assert all("$5.5 billion" not in row[4] for row in tables["commitments"])
    assert audit()[-1] == ("2024-05-07", 0, 1, 0, 1)


def test_a_failure_inside_the_transaction_changes_nothing_and_the_next_load_completes(inbox, monkeypatch):
    load(inbox)
    before = snapshot()
    import extract.load as load_module

    real_insert = load_module.insert_rows

    def fail_half_way(connection, table, rows):
        if table == "commitments":
            raise RuntimeError("injected failure after the deletes and the first inserts")
        real_insert(connection, table, rows)

    monkeypatch.setattr(load_module, "insert_rows", fail_half_way)
    with pytest.raises(RuntimeError, match="injected failure"):
        load(inbox)
    assert snapshot() == before
    monkeypatch.setattr(load_module, "insert_rows", real_insert)
    load(inbox)
    assert snapshot() == before


def test_the_raw_load_refuses_a_stage_written_by_another_run(inbox):
    staged = run_pipeline(str(inbox), MONDAY, until="stage_articles")
    with pytest.raises(RuntimeError, match="another run's rows"):
        load_raw(replace(staged, run_key="2024-05-07"))
    assert snapshot()["articles"] == []


def test_a_later_version_of_a_url_replaces_the_held_one_and_an_older_one_only_adds_its_source(warehouse, tmp_path):
    def item_at(day: str, text: str, modified: str):
        folder = tmp_path / day
        folder.mkdir()
        (folder / "item.json").write_text(json.dumps({
            "title": "Peru and Chile sign lithium pact", "url": "https://news.example/peru-chile",
            "published": "2024-05-06T07:00:00Z", "modified": modified, "body": text}))
        return folder

    first = "LIMA - Peru and Chile signed an agreement on Monday to cooperate on lithium mining."
    updated = first + " The two countries also agreed to build a joint research centre for battery materials."
    load(item_at("monday", first, "2024-05-06T07:00:00Z"))
    load(item_at("tuesday", updated, "2024-05-07T09:00:00Z"), TUESDAY)
    load(item_at("wednesday", first, "2024-05-06T07:00:00Z"), datetime(2024, 5, 8, tzinfo=timezone.utc))
    tables = snapshot()
    assert [row[4] for row in tables["articles"]] == [updated]
    assert sorted(row[1].split("/")[-2] for row in tables["article_sources"]) == ["monday", "tuesday", "wednesday"]
    assert [row[1:4] for row in audit()] == [(1, 0, 0), (0, 1, 0), (0, 0, 1)]
