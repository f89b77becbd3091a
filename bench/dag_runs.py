"""Whole runs of the DAG in a process of their own (``airflow dags test``), as the pipeline
benchmark and the DAG tests start them: the environment such a process needs, and its command."""
import json
import os
import sys
from pathlib import Path

from extract.settings import PROJECT_ROOT


def airflow_environment(airflow_home: Path) -> dict[str, str]:
    """What a process that runs the DAG needs besides the warehouse settings: its Airflow home,
    the project's DAG folder, this virtualenv first on PATH (cosmos calls ``dbt``, standalone
    calls ``airflow``), no example DAGs and no telemetry."""
    return {
        "AIRFLOW_HOME": str(airflow_home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "GX_ANALYTICS_ENABLED": "False",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def dag_test_command(day: str, sources: Path | str) -> list[str]:
    """``airflow dags test`` of the DAG for ``day`` (YYYY-MM-DD) on ``sources``."""
    return [str(Path(sys.executable).with_name("airflow")), "dags", "test", "commitments_etl", day,
            "-c", json.dumps({"sources": str(sources)})]
