"""Test-wide environment. Airflow reads its configuration when first imported, so AIRFLOW_HOME
and friends are set here, before any test module imports it."""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="commitments-tests-"))
os.environ.update({
    "AIRFLOW_HOME": str(_SESSION_DIR / "airflow"),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__CORE__DAGS_FOLDER": str(Path(__file__).resolve().parent.parent / "dags"),
    "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    "GX_ANALYTICS_ENABLED": "False",
    # No test may touch the developer's own warehouse: every test gets its own below.
    "COMMITMENTS_WAREHOUSE": str(_SESSION_DIR / "unused" / "commitments.duckdb"),
    "COMMITMENTS_PUBLISHED_DIR": str(_SESSION_DIR / "unused" / "published"),
})

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT_ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


@pytest.fixture
def warehouse(tmp_path, monkeypatch) -> Path:
    """A fresh, empty warehouse location (and published folder) for one test."""
    path = tmp_path / "warehouse" / "commitments.duckdb"
    monkeypatch.setenv("COMMITMENTS_WAREHOUSE", str(path))
    monkeypatch.setenv("COMMITMENTS_PUBLISHED_DIR", str(tmp_path / "published"))
    return path


@pytest.fixture(scope="session")
def airflow_db() -> None:
    """Airflow's SQLite metadata database, created once per session."""
    subprocess.run([str(Path(sys.executable).with_name("airflow")), "db", "migrate"], check=True,
                   capture_output=True)


@pytest.fixture(scope="session")
def nlp():
    from extract.tagger.pipeline import load_pipeline
    return load_pipeline()


@pytest.fixture
def loaded_samples(warehouse) -> dict:
    """The sample corpus extracted, tagged and loaded into the test's warehouse."""
    from extract.articles import extract_batch
    from extract.load import load_batch
    from extract.tagger import tag_batch

    return load_batch(tag_batch(extract_batch(str(SAMPLES), run_id="manual__samples")))
