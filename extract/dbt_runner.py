"""Runs dbt for the pipeline: its environment, commands run in-process, and the docs site.

The DAG renders the models themselves with cosmos (one task per model and its tests). Commands
run here (the docs site, and whole builds for tests and benchmarks) go through dbt's Python
entry point in the calling process, as cosmos's tasks do: a dbt child process costs seconds of
start-up, and has been seen to hang at interpreter exit after its work was done.
"""
import gc
import os
import sys
from pathlib import Path

from extract.settings import DBT_PROJECT_DIR, dbt_target_dir, warehouse_path, work_dir


class DbtFailed(RuntimeError):
    pass


# No telemetry and no colour codes in task logs, for every dbt command (cosmos's too).
DBT_SETTINGS = {"DBT_SEND_ANONYMOUS_USAGE_STATS": "False", "DBT_USE_COLORS": "False"}


def dbt_environment() -> dict[str, str]:
    """What every dbt command runs with: the settings above, and the warehouse the pipeline
    writes, which the profile reads (absolute, as dbt may resolve it from elsewhere). Read when
    a command runs, not when the DAG is parsed: the environment may point elsewhere by then."""
    return DBT_SETTINGS | {"COMMITMENTS_WAREHOUSE": str(warehouse_path().resolve())}


def dbt_executable() -> Path:
    return Path(sys.executable).with_name("dbt")


def run_dbt(*args: str) -> None:
    """Run one dbt command on the project; raise DbtFailed on failure."""
    from dbt.cli.main import dbtRunner

    os.environ.update(dbt_environment())
    try:
        result = dbtRunner().invoke([*args, "--project-dir", str(DBT_PROJECT_DIR),
                                     "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(dbt_target_dir()),
                                     "--log-path", str(work_dir() / "dbt_logs")])
    finally:
        close_dbt_connection()
    if not result.success:
        raise DbtFailed(f"dbt {' '.join(args)} failed: {result.exception or 'see the log above'}")


def close_dbt_connection(project_dir=None, **_context) -> None:
    """Close the DuckDB database that dbt-duckdb keeps open in-process after a dbt command.

    Cosmos runs dbt inside the Airflow worker (dbtRunner) because a fresh dbt process per model
    costs about three seconds. dbt-duckdb caches its database handle for the life of the process
    (a class attribute), which would stop the validation tasks from opening the warehouse read-only
    when tasks share a process (``airflow dags test``, ``dag.test()``). Cosmos calls this after
    each dbt task.
    """
    connections = sys.modules.get("dbt.adapters.duckdb.connections")
    if connections is None:
        return
    manager = connections.DuckDBConnectionManager
    with manager._LOCK:
        if manager._ENV is not None:
            manager._ENV.close()
            manager._ENV = None


def spare_long_lived_objects(_context=None) -> None:
    """Leave the heap that is already there out of the garbage collector's full passes.

    Cosmos ends every dbt command with ``gc.collect()``. In a worker that has imported Airflow,
    dbt, spaCy and Great Expectations that pass walks millions of long-lived objects: about 0.75 s
    per dbt task, half a minute per run of the DAG's fifty-odd dbt tasks under ``dags test``.
    Frozen objects are skipped, so the pass only walks what the dbt command itself created.
    """
    gc.freeze()


def prepare_dbt_task(_context=None) -> None:
    """Before each of the DAG's dbt tasks (``pre_execute``): dbt pointed at the pipeline's
    warehouse, and the heap spared."""
    os.environ.update(dbt_environment())
    spare_long_lived_objects()


def generate_docs() -> Path:
    """The dbt docs site (models, columns, tests, lineage and the warehouse's catalog), written
    beside the warehouse for publish to copy."""
    run_dbt("docs", "generate")
    return dbt_target_dir()
