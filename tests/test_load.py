import duckdb
import pytest

from extract.articles import extract_batch
from extract.load import connect, load_batch
from extract.tagger import tag_batch

from conftest import SAMPLES

RAW_TABLES = ("articles", "article_sources", "article_countries", "commitments", "commitment_parties",
              "commitment_sectors", "quarantine")


def snapshot() -> dict[str, list]:
    with connect(read_only=True) as connection:
        return {table: connection.execute(f"select * exclude (quarantined_at) from raw.{table} order by all"
                                          if table == "quarantine" else
                                          f"select * from raw.{table} order by all").fetchall()
                for table in RAW_TABLES}


@pytest.fixture
def tagged_manifest(warehouse, tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("s01_chile_eu_lithium.txt", "s05_india_us_icet.html"):
        (tmp_path / "in" / name).write_bytes((SAMPLES / name).read_bytes())
    (tmp_path / "in" / "broken.json").write_text("{")
    return tag_batch(extract_batch(str(tmp_path / "in"), run_id="manual__test"))


def test_load_fills_every_raw_table_and_quarantines_bad_inputs(tagged_manifest):
    manifest = load_batch(tagged_manifest)
    assert manifest["loaded"]["articles"] == 2
    tables = snapshot()
    assert len(tables["articles"]) == 2
    assert len(tables["commitments"]) == manifest["commitments"] > 0
    assert [row[1].split(":")[0] for row in tables["quarantine"]] == ["malformed JSON"]


def test_loading_the_same_interval_twice_leaves_the_warehouse_identical(tagged_manifest):
    load_batch(tagged_manifest)
    first = snapshot()
    load_batch(tagged_manifest)
    assert snapshot() == first


def test_a_failed_load_leaves_no_partial_rows(tagged_manifest, monkeypatch):
    load_batch(tagged_manifest)
    before = snapshot()
    import extract.load as load_module

    real_raw_tables = load_module.raw_tables

    def corrupt(*args):
        tables = real_raw_tables(*args)
        # A sector table whose column the warehouse lacks: the insert fails mid-transaction.
        tables["commitment_sectors"] = tables["commitment_sectors"].rename_columns(
            ["commitment_id", "no_such_column", "run_key"])
        return tables

    monkeypatch.setattr(load_module, "raw_tables", corrupt)
    with pytest.raises(duckdb.BinderException):
        load_batch(tagged_manifest)
    assert snapshot() == before
