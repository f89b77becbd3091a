"""Build the marts with dbt.

dbt runs in a child process: dbt-duckdb keeps its DuckDB connection open for the life of the
process, and an open connection would stop the validation and publish stages (in the same
process under ``airflow dags test``) from opening the warehouse read-only afterwards.
"""
import os
import subprocess
import sys
from pathlib import Path

from extract.settings import DBT_PROJECT_DIR, warehouse_path


class DbtFailed(RuntimeError):
    pass


def dbt_environment() -> dict[str, str]:
    return os.environ | {
        "COMMITMENTS_WAREHOUSE": str(warehouse_path().resolve()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
        "DBT_USE_COLORS": "False",
    }


def run_dbt(*args: str) -> None:
    """Run one dbt command on the project, streaming its log; raise DbtFailed on failure."""
    dbt = Path(sys.executable).with_name("dbt")
    # dbt's artifacts and logs go beside the warehouse they describe, not into the source tree.
    work = warehouse_path().resolve().parent
    command = [str(dbt), *args, "--project-dir", str(DBT_PROJECT_DIR),
               "--target-path", str(work / "dbt_target"), "--log-path", str(work / "dbt_logs")]
    completed = subprocess.run(command, env=dbt_environment(), cwd=DBT_PROJECT_DIR, check=False)
    if completed.returncode != 0:
        raise DbtFailed(f"dbt {' '.join(args)} failed with exit code {completed.returncode}; see the log above")


def build_marts() -> None:
    """The transform stage: seeds, models and their tests, in dependency order."""
    run_dbt("build")
