"""Publish the validated marts as a separate DuckDB file that analysts and BI tools read.

The copy is written beside the target and renamed over it, so a reader sees the old file or the
new one, never a half-written one, and readers never hold a lock on the working warehouse.
"""
import shutil
import sys
from pathlib import Path

from extract.load import connect
from extract.settings import published_dir, warehouse_path
from extract.transform import DOCS_FILES
from extract.validation import data_docs_dir

PUBLISHED_TABLES = {
    "fct_commitments": "main.fct_commitments",
    "fct_commitment_dyads": "main.fct_commitment_dyads",
    "fct_commitment_events": "main.fct_commitment_events",
    "agg_commitments_by_country_sector_month": "main.agg_commitments_by_country_sector_month",
    "dim_article": "main.dim_article",
    "dim_country": "main.dim_country",
    "dim_country_bloc": "main.dim_country_bloc",
    "dim_sector": "main.dim_sector",
    "dim_date": "main.dim_date",
    "quarantine": "raw.quarantine",  # tables, not the staging views: views do not travel
    "load_audit": "raw.load_audit",
    "validation_results": "raw.validation_results",
}


def published_path() -> Path:
    return published_dir() / "commitments.duckdb"


def publish_warehouse() -> Path:
    target = published_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with connect(path=partial) as connection:
        connection.execute(f"attach '{warehouse_path()}' as working (read_only)")
        for table, source in PUBLISHED_TABLES.items():
            connection.execute(f"create table {table} as select * from working.{source}")
        connection.execute("detach working")
        connection.execute("checkpoint")
    partial.replace(target)
    _publish_folder(warehouse_path().resolve().parent / "dbt_target", DOCS_FILES, target.parent / "dbt_docs")
    _publish_folder(data_docs_dir(), None, target.parent / "gx_docs")
    print(f"publish: {', '.join(PUBLISHED_TABLES)} -> {target}", file=sys.stderr)
    return target


def _publish_folder(built: Path, names: tuple[str, ...] | None, folder: Path) -> None:
    """A docs site of the build that was just published (the named files, or all), when one was
    generated: the dbt docs, Great Expectations' Data Docs."""
    if not (built / "index.html").exists():
        return
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    if names is None:
        shutil.copytree(built, staging)
    else:
        staging.mkdir(parents=True)
        for name in names:
            if (built / name).exists():
                shutil.copy2(built / name, staging / name)
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
