"""Daily load of the Commitments Warehouse: extract -> tag -> load -> validate -> dbt build ->
validate marts -> publish. Wiring only: every task calls one function of the ``extract``
package, and heavy libraries (spaCy, dbt, Great Expectations) are imported inside tasks."""
from datetime import timedelta

import pendulum
from airflow.sdk import Asset, Param, dag, task

RAW_TABLES = Asset(name="commitments_raw", uri="duckdb://commitments/raw")
PUBLISHED_WAREHOUSE = Asset(name="commitments_published", uri="duckdb://commitments/published")
# Which inputs a run reads, first match wins: the run's `sources` param, the Airflow Variable
# `commitments_sources`, the COMMITMENTS_SOURCES environment variable, the shipped samples.
SOURCES = "{{ params.sources or var.value.get('commitments_sources', '') }}"


@dag(
    dag_id="commitments_etl",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["commitments"],
    params={"sources": Param("", type="string",
                             description="Comma-separated files, directories, feeds or http(s) URLs to "
                                         "read. Empty: the commitments_sources Variable, else the default.")},
    default_args={"retries": 0},
    doc_md=__doc__,
)
def commitments_etl():
    @task(retries=2, retry_delay=timedelta(seconds=30))
    def extract_articles(sources: str, data_interval_start=None, run_id=None) -> dict:
        from extract.articles import extract_batch
        return extract_batch(sources, data_interval_start, run_id)

    @task
    def tag_articles(manifest: dict) -> dict:
        from extract.tagger import tag_batch
        return tag_batch(manifest)

    @task(outlets=[RAW_TABLES])
    def load_raw(manifest: dict) -> dict:
        from extract.load import load_batch
        return load_batch(manifest)

    @task
    def validate_raw(manifest: dict) -> dict:
        from extract.validation import validate_raw
        return validate_raw(manifest)

    @task(retries=1, retry_delay=timedelta(seconds=10))
    def build_marts() -> None:
        from extract.transform import build_marts
        build_marts()

    @task
    def validate_marts() -> dict:
        from extract.validation import validate_marts
        return validate_marts()

    @task(outlets=[PUBLISHED_WAREHOUSE])
    def publish() -> str:
        from extract.publish import publish_warehouse
        return str(publish_warehouse())

    raw_checked = validate_raw(load_raw(tag_articles(extract_articles(SOURCES))))
    raw_checked >> build_marts() >> validate_marts() >> publish()


commitments_etl()
