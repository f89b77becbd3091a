"""The DAG as Airflow sees it, and whole runs of it with every real component."""
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from extract.runner import STAGES
from extract.warehouse import RUN_TABLES

from conftest import PROJECT_ROOT, SAMPLES, inbox_with_one_article

DAGS_FOLDER = PROJECT_ROOT / "dags"
MARTS = ["fct_commitments", "fct_commitment_dyads", "fct_commitment_events",
         "agg_commitments_by_country_sector_month", "dim_article", "dim_country", "dim_sector", "dim_date"]
MONDAY = datetime(2024, 5, 6, tzinfo=timezone.utc)
TUESDAY = datetime(2024, 5, 7, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def dag(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS_FOLDER))
    assert bag.import_errors == {}
    return bag.get_dag("commitments_etl")


def stage_of(task_id: str) -> str:
    return "dbt" if task_id.startswith("dbt.") else task_id


def test_the_runner_outside_airflow_runs_the_dags_stages_in_the_dags_order(dag):
    assert {stage_of(task.task_id) for task in dag.tasks} == set(STAGES)
    for task in dag.tasks:
        for upstream in task.upstream_task_ids:
            if stage_of(upstream) != stage_of(task.task_id):
                assert STAGES.index(stage_of(upstream)) < STAGES.index(stage_of(task.task_id)), (upstream, task)


def test_the_writing_stages_hold_the_lease_from_a_setup_to_a_teardown_task(dag):
    take, give_back = dag.get_task("take_lease"), dag.get_task("release_lease")
    assert take.is_setup and give_back.is_teardown and "take_lease" in give_back.upstream_task_ids
    between = {stage_of(task_id) for task_id in take.get_flat_relative_ids(upstream=False)
               if task_id in give_back.get_flat_relative_ids(upstream=True)}
    assert between == {"stage_articles", "validate_stage", "load_raw", "dbt", "validate_marts", "document_marts",
                       "publish"}


def test_the_dag_runs_daily_without_catchup(dag):
    assert dag.catchup is False
    assert dag.timetable.expression == "0 0 * * *"  # @daily


def test_every_dbt_model_is_a_task_with_retries(dag):
    models = {p.stem for p in (PROJECT_ROOT / "dbt_project" / "models").rglob("*.sql")}
    tasks = {t.task_id: t for t in dag.tasks if t.task_id.startswith("dbt.")}
    assert {f"dbt.{model}_model_build" for model in models} <= set(tasks)
    assert all(task.retries == 2 for task in tasks.values())


def test_parsing_the_dag_imports_no_heavy_library():
    code = ("import runpy, sys; runpy.run_path(sys.argv[1]); "
            "print(sorted(m for m in ('spacy', 'great_expectations', 'dbt', 'duckdb', 'trafilatura') "
            "if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code, str(DAGS_FOLDER / "commitments_etl.py")],
                            capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    assert loaded == "[]"


def checksums(path: Path, schema_tables: dict[str, list[str]]) -> dict[str, tuple]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return {f"{schema}.{table}": connection.execute(
            f"select count(*), md5(coalesce(string_agg(t::varchar, '|' order by t::varchar), '')) "
            f"from {schema}.{table} as t").fetchone()
            for schema, tables in schema_tables.items() for table in tables}


def test_runs_publish_rerun_identically_and_add_only_new_articles(dag, airflow_db, warehouse, tmp_path,
                                                                   monkeypatch):
    published = tmp_path / "published" / "commitments.duckdb"
    everything = {"raw": list(RUN_TABLES), "main": MARTS}

    first = dag.test(logical_date=MONDAY, run_conf={"sources": str(SAMPLES)})
    assert first.state == "success"
    once = checksums(warehouse, everything)
    assert once["main.fct_commitments"][0] > 0
    assert checksums(published, {"main": MARTS}) == {k: v for k, v in once.items() if k.startswith("main.")}
    assert (tmp_path / "published" / "dbt_docs" / "index.html").exists()

    again = dag.test(logical_date=MONDAY, run_conf={"sources": str(SAMPLES)})
    assert again.state == "success"
    assert checksums(warehouse, everything) == once

    # The next day's run takes its inputs from the Airflow Variable: one new article.
    inbox = inbox_with_one_article(tmp_path / "tuesday")
    monkeypatch.setenv("AIRFLOW_VAR_COMMITMENTS_SOURCES", str(inbox))
    next_day = dag.test(logical_date=TUESDAY, run_conf={"sources": ""})
    assert next_day.state == "success"
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        new_ids = {row[0] for row in connection.execute(
            "select article_id from raw.articles where run_key = '2024-05-07'").fetchall()}
        for table in ("fct_commitments", "fct_commitment_dyads"):
            before = once[f"main.{table}"][0]
            rows = connection.execute(f"select article_id from main.{table}").fetchall()
            assert len(rows) > before
            assert connection.execute(
                f"select count(*) from main.{table} where article_id not in (select unnest(?))",
                [sorted(new_ids)]).fetchone()[0] == before
        assert connection.execute("select count(*) from main.fct_commitment_events "
                                  "where party_set_key = 'CHL-PER'").fetchone()[0] > 0


def test_an_article_that_fails_a_tolerable_expectation_is_quarantined_and_the_rest_published(
        dag, airflow_db, warehouse, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.json").write_text((SAMPLES / "s03_japan_ukraine_aid.json").read_text())
    (corpus / "from_the_future.json").write_text(
        '{"title": "From the future", "url": "https://example.org/future", "published": "2099-01-01", '
        '"body": "Japan and India signed a memorandum on cybersecurity cooperation."}')
    run = dag.test(logical_date=MONDAY, run_conf={"sources": str(corpus)})
    assert run.state == "success"
    with duckdb.connect(str(tmp_path / "published" / "commitments.duckdb"), read_only=True) as connection:
        assert connection.execute("select count(*) from dim_article").fetchone() == (1,)
        source, reason = connection.execute("select source, reason from quarantine").fetchone()
        assert connection.execute("select count(*) from validation_results where not success").fetchone() == (1,)
    assert source.endswith("from_the_future.json")
    assert "expect_column_values_to_be_between on published_date" in reason
    assert (tmp_path / "published" / "gx_docs" / "index.html").exists()
