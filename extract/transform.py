"""dbt around the pipeline: its environment, commands run in a child process, and the docs site.

The DAG renders the models themselves with cosmos (one task per model and its tests). Commands
run here go to a child process: dbt-duckdb keeps its DuckDB connection open for the life of the
process, and an open connection would stop later stages in the same process (``airflow dags
test``) from opening the warehouse read-only.
"""
import os
import subprocess
import sys
from pathlib import Path

from extract.settings import DBT_PROJECT_DIR, warehouse_path


class DbtFailed(RuntimeError):
    pass


# No telemetry and no colour codes in task logs, for every dbt command (cosmos's too).
DBT_SETTINGS = {"DBT_SEND_ANONYMOUS_USAGE_STATS": "False", "DBT_USE_COLORS": "False"}


def dbt_environment() -> dict[str, str]:
    """The environment of a dbt child process: ours, plus the warehouse path and the profile."""
    return os.environ | DBT_SETTINGS | {
        "COMMITMENTS_WAREHOUSE": str(warehouse_path().resolve()),
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
    }


def dbt_executable() -> Path:
    return Path(sys.executable).with_name("dbt")


def run_dbt(*args: str) -> None:
    """Run one dbt command on the project, streaming its log; raise DbtFailed on failure."""
    dbt = dbt_executable()
    # dbt's artifacts and logs go beside the warehouse they describe, not into the source tree.
    work = warehouse_path().resolve().parent
    command = [str(dbt), *args, "--project-dir", str(DBT_PROJECT_DIR),
               "--target-path", str(work / "dbt_target"), "--log-path", str(work / "dbt_logs")]
    completed = subprocess.run(command, env=dbt_environment(), cwd=DBT_PROJECT_DIR, check=False)
    if completed.returncode != 0:
        raise DbtFailed(f"dbt {' '.join(args)} failed with exit code {completed.returncode}; see the log above")


def release_warehouse(project_dir=None, **_context) -> None:
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


DOCS_FILES = ("index.html", "manifest.json", "catalog.json")


def generate_docs() -> Path:
    """The dbt docs site (models, columns, tests, lineage and the warehouse's catalog), written
    beside the warehouse for publish to copy."""
    run_dbt("docs", "generate")
    return warehouse_path().resolve().parent / "dbt_target"
