"""Daily load of the Commitments Warehouse, write-audit-publish at each level: extract -> tag
(mapped over batches) -> stage (write) -> validate stage (audit; tolerable row problems are
quarantined) -> load raw (publish to the raw tables) -> dbt (one task group, a task per model with
its tests) -> validate marts -> dbt docs -> publish the warehouse file (and Parquet) -> the HTML
report. The writing part, from stage to publish, runs under the run's lease on the warehouse:
taken by a setup task, given back by a teardown task however the tasks between them end.
Wiring only: every task calls one function of the ``extract`` package; spaCy, dbt and Great
Expectations are imported inside tasks (cosmos renders the dbt project from its files, without
importing dbt)."""
from datetime import timedelta

import pendulum
from airflow.sdk import Asset, Param, dag, setup, task, teardown
from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
from cosmos.constants import InvocationMode, LoadMode, TestBehavior

from extract.dbt_runner import DBT_SETTINGS, dbt_executable, prepare_dbt_task
from extract.settings import DBT_PROJECT_DIR

RAW_TABLES = Asset(name="commitments_raw", uri="duckdb://commitments/raw")
MARTS = Asset(name="commitments_marts", uri="duckdb://commitments/marts")
PUBLISHED_WAREHOUSE = Asset(name="commitments_published", uri="duckdb://commitments/published")
# Which inputs a run reads, first match wins: the run's `sources` param, the Airflow Variable
# `commitments_sources`, the COMMITMENTS_SOURCES environment variable, the shipped samples.
SOURCES = "{{ params.sources or var.value.get('commitments_sources', '') }}"

DBT_PROJECT = ProjectConfig(DBT_PROJECT_DIR, env_vars=DBT_SETTINGS)
DBT_PROFILE = ProfileConfig(profile_name="commitments", target_name="local",
                            profiles_yml_filepath=DBT_PROJECT_DIR / "profiles.yml")
DBT_EXECUTION = ExecutionConfig(invocation_mode=InvocationMode.DBT_RUNNER, dbt_executable_path=dbt_executable())
# dbt ls (cached by cosmos) knows the tests; cosmos's own file parser does not.
DBT_RENDER = RenderConfig(load_method=LoadMode.DBT_LS, test_behavior=TestBehavior.BUILD,
                          should_detach_multiple_parents_tests=True, emit_datasets=False)


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
    # No retries by default: a stage that fails on its data fails the same way again, and a whole
    # interval reruns cleanly (every stage replaces its output). Only the tasks that can fail
    # for a passing reason retry: reading inputs over the network, tagging on a lost worker, and
    # dbt waiting for the warehouse file.
    default_args={"retries": 0},
    doc_md=__doc__,
)
def commitments_etl():
    @task(retries=2, retry_delay=timedelta(seconds=30))
    def extract_articles(sources: str, data_interval_start=None, run_id=None) -> dict:
        from extract.articles import extract_batch
        return extract_batch(sources, data_interval_start, run_id).to_dict()

    @task
    def plan_tag_batches(manifest: dict) -> list[dict]:
        from extract.runs import Manifest
        from extract.tagging import plan_tag_batches
        return plan_tag_batches(Manifest.from_dict(manifest))

    # One mapped task per batch: the executor tags batches in parallel, each into its own part.
    @task(retries=2, retry_delay=timedelta(seconds=10))
    def tag_part(batch: dict) -> str:
        from extract.tagging import tag_part
        return tag_part(batch)

    @setup
    @task
    def take_lease(manifest: dict) -> None:
        from extract import lease
        lease.acquire(manifest["run_key"])

    @task
    def stage_articles(manifest: dict, tag_parts: list[str]) -> dict:
        from extract.load import stage_articles
        from extract.runs import Manifest
        return stage_articles(Manifest.from_dict(manifest), list(tag_parts)).to_dict()

    @task
    def validate_stage(manifest: dict) -> dict:
        from extract.runs import Manifest
        from extract.validation import validate_stage
        return validate_stage(Manifest.from_dict(manifest)).to_dict()

    @task(outlets=[RAW_TABLES])
    def load_raw(manifest: dict) -> dict:
        from extract.load import load_raw
        from extract.runs import Manifest
        return load_raw(Manifest.from_dict(manifest)).to_dict()

    dbt = DbtTaskGroup(
        group_id="dbt",
        project_config=DBT_PROJECT,
        profile_config=DBT_PROFILE,
        execution_config=DBT_EXECUTION,
        render_config=DBT_RENDER,
        # --no-write-json: a task needs no manifest.json or run_results.json of its own, and
        # writing them costs a third of a model task's dbt time.
        operator_args={"install_deps": False, "callback": "extract.dbt_runner.close_dbt_connection",
                       "dbt_cmd_flags": ["--no-write-json"]},
        default_args={"retries": 2, "retry_delay": timedelta(seconds=10), "pre_execute": prepare_dbt_task},
    )

    @task(outlets=[MARTS])
    def validate_marts(manifest: dict) -> dict:
        from extract.runs import Manifest
        from extract.validation import validate_marts
        return validate_marts(Manifest.from_dict(manifest)).to_dict()

    @task
    def document_marts() -> str:
        from extract.dbt_runner import generate_docs
        return str(generate_docs())

    @task(outlets=[PUBLISHED_WAREHOUSE])
    def publish() -> str:
        from extract.publish import publish_warehouse
        return str(publish_warehouse())

    @teardown
    @task
    def release_lease(manifest: dict) -> None:
        from extract import lease
        lease.release(manifest["run_key"])

    @task
    def report(manifest: dict) -> str:
        from extract.report import build_report
        return str(build_report(manifest["run_key"]))

    extracted = extract_articles(SOURCES)
    tag_parts = tag_part.expand(batch=plan_tag_batches(extracted))
    lease_taken = take_lease(extracted)
    staged = stage_articles(extracted, tag_parts)
    lease_taken >> staged
    loaded = load_raw(validate_stage(staged))
    marts_checked = validate_marts(loaded)
    published = publish()
    loaded >> dbt >> marts_checked >> document_marts() >> published
    published >> release_lease(extracted).as_teardown(setups=lease_taken)
    published >> report(marts_checked)


commitments_etl()
