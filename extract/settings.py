"""Where things live. Every path can be overridden from the environment, so tests and CI can
point a whole run at a temporary directory."""
import json
import os
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
SAMPLES_DIR = PROJECT_ROOT / "samples"

# One article larger than this is quarantined rather than tagged: spaCy's memory use grows with
# document length, and no news article comes near it.
MAX_INPUT_BYTES = 5_000_000
# Longer texts are quarantined: far beyond any news article, and near spaCy's max_length.
MAX_ARTICLE_CHARS = 300_000
# A scraped text with a line this long is not an article (minified data, a dump, an attack on
# the tokenizer); HTML is exempt because whole pages often come on one line.
MAX_LINE_CHARS = 100_000


# dbt's profile reads the same variable; giving it its default here keeps dbt (which cosmos runs
# inside the Airflow worker) and the pipeline on one file, whoever started the process.
os.environ.setdefault("COMMITMENTS_WAREHOUSE", str(PROJECT_ROOT / "warehouse" / "commitments.duckdb"))


def warehouse_path() -> Path:
    return Path(os.environ["COMMITMENTS_WAREHOUSE"])


def work_dir() -> Path:
    """The warehouse's folder, absolute: the working files of runs, dbt and Great Expectations
    sit beside the warehouse they describe, not in the source tree."""
    return warehouse_path().resolve().parent


def runs_dir() -> Path:
    """Per-interval working files (extracted articles, tagged parts) sit beside the warehouse,
    or in COMMITMENTS_RUNS_DIR (storage every worker shares, when tagging runs on several)."""
    configured = os.environ.get("COMMITMENTS_RUNS_DIR")
    return Path(configured) if configured else work_dir() / "runs"


def run_dir(run_key: str) -> Path:
    """The working folder of one run interval; a rerun of the interval overwrites its files."""
    return runs_dir() / run_key


def validation_dir() -> Path:
    """Great Expectations' stored results and Data Docs."""
    return work_dir() / "validation"


def dbt_target_dir() -> Path:
    """dbt's artifacts: the docs site, manifest and catalog that publish copies."""
    return work_dir() / "dbt_target"


def published_dir() -> Path:
    return Path(os.environ.get("COMMITMENTS_PUBLISHED_DIR", PROJECT_ROOT / "published"))


def default_sources() -> list[str]:
    configured = os.environ.get("COMMITMENTS_SOURCES")
    return configured.split(",") if configured else [str(SAMPLES_DIR)]


def tagger_path() -> Path:
    """The saved spaCy pipeline (built from the seeds on first use)."""
    return Path(os.environ.get("COMMITMENTS_TAGGER", PROJECT_ROOT / "build" / "tagger"))


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
