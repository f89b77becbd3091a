"""The DAG as Airflow sees it, and whole runs of it with every real component."""
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT, SAMPLES

DAGS_FOLDER = PROJECT_ROOT / "dags"
STAGES = ["extract_articles", "tag_articles", "load_raw", "validate_raw", "build_marts", "validate_marts",
          "publish"]


@pytest.fixture(scope="module")
def dag(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS_FOLDER))
    assert bag.import_errors == {}
    return bag.get_dag("commitments_etl")


def test_dag_runs_every_stage_in_order_daily_without_catchup(dag):
    assert [task.task_id for task in dag.topological_sort()] == STAGES
    for upstream, downstream in zip(STAGES, STAGES[1:], strict=False):
        assert dag.get_task(upstream).downstream_task_ids == {downstream}
    assert dag.catchup is False
    assert dag.timetable.expression == "0 0 * * *"  # @daily


def test_parsing_the_dag_imports_no_heavy_library():
    code = ("import runpy, sys; runpy.run_path(sys.argv[1]); "
            "print(sorted(m for m in ('spacy', 'great_expectations', 'dbt', 'duckdb', 'trafilatura') "
            "if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code, str(DAGS_FOLDER / "commitments_etl.py")],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


def published_facts(published: Path) -> int:
    with duckdb.connect(str(published / "commitments.duckdb"), read_only=True) as connection:
        return connection.execute("select count(*) from fct_commitments").fetchone()[0]


def test_a_run_on_the_samples_publishes_commitment_facts(dag, airflow_db, warehouse, tmp_path):
    run = dag.test(run_conf={"sources": str(SAMPLES)})
    assert run.state == "success"
    assert published_facts(tmp_path / "published") > 0


def test_a_load_that_fails_validation_is_never_published(dag, airflow_db, warehouse, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.json").write_text((SAMPLES / "s03_japan_ukraine_aid.json").read_text())
    (corpus / "from_the_future.json").write_text(
        '{"title": "t", "url": "https://example.org/future", "published": "2099-01-01", '
        '"body": "Japan and India signed a memorandum on cybersecurity cooperation."}')
    run = dag.test(run_conf={"sources": str(corpus)})
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert run.state == "failed"
    assert states["validate_raw"] == "failed"
    assert states["publish"] == "upstream_failed"
    assert not (tmp_path / "published" / "commitments.duckdb").exists()


def test_without_a_sources_param_the_airflow_variable_chooses_the_inputs(dag, airflow_db, warehouse, tmp_path,
                                                                          monkeypatch):
    corpus = tmp_path / "from_variable"
    corpus.mkdir()
    (corpus / "one.json").write_text((SAMPLES / "s03_japan_ukraine_aid.json").read_text())
    monkeypatch.setenv("AIRFLOW_VAR_COMMITMENTS_SOURCES", str(corpus))
    run = dag.test(run_conf={"sources": ""})
    assert run.state == "success"
    with duckdb.connect(str(tmp_path / "published" / "commitments.duckdb"), read_only=True) as connection:
        assert connection.execute("select first_source from dim_article").fetchall() == [(str(corpus / "one.json"),)]
