"""Where things live. Every path can be overridden from the environment, so tests and CI can
point a whole run at a temporary directory."""
import os
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


DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "commitments.duckdb"


def warehouse_path() -> Path:
    """The working warehouse: COMMITMENTS_WAREHOUSE, else warehouse/ in the project. dbt is told
    the same file by ``extract.dbt_runner.dbt_environment``."""
    return Path(os.environ.get("COMMITMENTS_WAREHOUSE") or DEFAULT_WAREHOUSE)


def work_dir() -> Path:
    """The warehouse's folder, absolute: the working files of runs, dbt and Great Expectations
    sit beside the warehouse they describe, not in the source tree."""
    return warehouse_path().resolve().parent


def validation_dir() -> Path:
    """Great Expectations' stored results and Data Docs."""
    return work_dir() / "validation"


def data_docs_dir() -> Path:
    """Great Expectations' Data Docs site, which publish copies."""
    return validation_dir() / "data_docs"


# What publish copies of dbt's artefacts: its docs site and what the site reads.
DBT_DOCS_FILES = ("index.html", "manifest.json", "catalog.json")


def dbt_target_dir() -> Path:
    """dbt's artifacts: the docs site, manifest and catalog that publish copies."""
    return work_dir() / "dbt_target"


def published_dir() -> Path:
    return Path(os.environ.get("COMMITMENTS_PUBLISHED_DIR", PROJECT_ROOT / "published"))


def published_path() -> Path:
    """The DuckDB file analysts and BI tools read."""
    return published_dir() / "commitments.duckdb"


def parquet_dir() -> Path:
    return published_dir() / "parquet"


def default_sources() -> list[str]:
    configured = os.environ.get("COMMITMENTS_SOURCES")
    return configured.split(",") if configured else [str(SAMPLES_DIR)]


def tagger_path() -> Path:
    """The saved spaCy pipeline (built from the seeds on first use)."""
    return Path(os.environ.get("COMMITMENTS_TAGGER", PROJECT_ROOT / "build" / "tagger"))
