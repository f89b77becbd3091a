"""Daily load of the Commitments Warehouse, write-audit-publish at each level: extract -> tag
(mapped over batches) -> stage (write) -> validate stage (audit; tolerable row problems are
quarantined) -> load raw (publish to the raw tables) -> dbt (one task group, a task per model with
its tests) -> validate marts -> dbt docs -> publish the warehouse file (and Parquet) -> the HTML
report. Wiring only: every task calls one function of the ``extract`` package; spaCy, dbt and
Great Expectations are imported inside tasks (cosmos renders the dbt project from its files,
without importing dbt)."""
from datetime import timedelta

import pendulum
from airflow.sdk import Asset, Param, dag, task
from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
from cosmos.constants import InvocationMode, LoadMode, TestBehavior

from extract.lease import release_after_failure
from extract.settings import DBT_PROJECT_DIR
from extract.transform import DBT_SETTINGS, dbt_executable, spare_long_lived_objects

RAW_TABLES = Asset(name="commitments_raw", uri="duckdb://commitments/raw")
MARTS = Asset(name="commitments_marts", uri="duckdb://commitments/marts")
PUBLISHED_WAREHOUSE = Asset(name="commitments_published", uri="duckdb://commitments/published")
# Which inputs a run reads, first match wins: the run's `sources` param, the Airflow Variable
# `commitments_sources`, the COMMITMENTS_SOURCES environment variable, the shipped samples.
SOURCES = "{{ params.sources or var.value.get('commitments_sources', '') }}"


@dag(
    dag_id="commitments_etl",
    schedule="@daily",
    # Early, so that backfills can reach any past interval; catchup stays off for scheduled runs.
    start_date=pendulum.datetime(2015, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["commitments"],
    params={"sources": Param("", type="string",
                             description="Comma-separated files, directories, feeds or http(s) URLs to "
                                         "read; {date} stands for the run's date (YYYY-MM-DD). Empty: "
                                         "the commitments_sources Variable, else the default.")},
    # A run that fails for good gives up its lease on the warehouse, so the next run can write.
    default_args={"retries": 0, "on_failure_callback": release_after_failure},
    doc_md=__doc__,
)
def commitments_etl():
    @task(retries=2, retry_delay=timedelta(seconds=30))
    def extract_articles(sources: str, data_interval_start=None, run_id=None) -> dict:
        from extract.articles import extract_batch
        return extract_batch(sources, data_interval_start, run_id)

    @task
    def plan_tag_batches(manifest: dict) -> list[dict]:
        from extract.tagger import plan_tag_batches
        return plan_tag_batches(manifest)

    # One mapped task per batch: the executor tags batches in parallel, each into its own part.
    @task(retries=2, retry_delay=timedelta(seconds=10))
    def tag_part(batch: dict) -> str:
        from extract.tagger import tag_part
        return tag_part(batch)

    @task
    def stage_articles(manifest: dict, tag_parts: list[str]) -> dict:
        from extract.load import stage_batch
        return stage_batch(manifest, list(tag_parts))

    @task
    def validate_stage(manifest: dict) -> dict:
        from extract.validation import validate_stage
        return validate_stage(manifest)

    @task(outlets=[RAW_TABLES])
    def load_raw(manifest: dict) -> dict:
        from extract.load import load_batch
        return load_batch(manifest)

    dbt = DbtTaskGroup(
        group_id="dbt",
        project_config=ProjectConfig(DBT_PROJECT_DIR, env_vars=DBT_SETTINGS),
        profile_config=ProfileConfig(profile_name="commitments", target_name="local",
                                     profiles_yml_filepath=DBT_PROJECT_DIR / "profiles.yml"),
        execution_config=ExecutionConfig(invocation_mode=InvocationMode.DBT_RUNNER,
                                         dbt_executable_path=dbt_executable()),
        # dbt ls (cached by cosmos) knows the tests; cosmos's own file parser does not.
        render_config=RenderConfig(load_method=LoadMode.DBT_LS, test_behavior=TestBehavior.BUILD,
                                   should_detach_multiple_parents_tests=True, emit_datasets=False),
        # --no-write-json: a task needs no manifest.json or run_results.json of its own, and
        # writing them costs a third of a model task's dbt time.
        operator_args={"install_deps": False, "callback": "extract.transform.release_warehouse",
                       "dbt_cmd_flags": ["--no-write-json"]},
        default_args={"retries": 2, "retry_delay": timedelta(seconds=10),
                      "on_failure_callback": release_after_failure, "pre_execute": spare_long_lived_objects},
    )

    @task(outlets=[MARTS])
    def validate_marts(manifest: dict) -> dict:
        from extract.validation import validate_marts
        return validate_marts(manifest)

    @task
    def document_marts() -> str:
        from extract.transform import generate_docs
        return str(generate_docs())

    @task(outlets=[PUBLISHED_WAREHOUSE])
    def publish(manifest: dict) -> str:
        from extract.publish import publish_warehouse
        return str(publish_warehouse(manifest))

    @task
    def report(manifest: dict) -> str:
        from extract.report import build_report
        return str(build_report(manifest))

    extracted = extract_articles(SOURCES)
    tag_parts = tag_part.expand(batch=plan_tag_batches(extracted))
    loaded = load_raw(validate_stage(stage_articles(extracted, tag_parts)))
    marts_checked = validate_marts(loaded)
    loaded >> dbt >> marts_checked >> document_marts() >> publish(marts_checked) >> report(marts_checked)


commitments_etl()
