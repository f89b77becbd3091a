"""Publish the validated marts as a separate DuckDB file (and Parquet files) that analysts and BI
tools read.

Readers never touch the working warehouse, so they never hold the lock its writer needs. Every
published artefact is written beside its target and renamed over it: a reader sees the old
version or the new one, never a half-written one, and a reader that has the old file open keeps
a consistent view of it. The DuckDB file is written in the storage format of DuckDB 1.0, which
every 1.x client (the ones BI tools ship) can open.
"""
import logging
import shutil
from pathlib import Path

from extract.failpoints import failpoint
from extract.settings import (
    DBT_DOCS_FILES,
    data_docs_dir,
    dbt_target_dir,
    parquet_dir,
    published_path,
    warehouse_path,
)
from extract.warehouse import connect

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
# The oldest storage format of DuckDB 1.x: BI tools bundle 1.x clients of many ages.
STORAGE_VERSION = "v1.0.0"

log = logging.getLogger(__name__)


def publish_warehouse() -> Path:
    """Write the published DuckDB file, the Parquet export and the docs sites; swap each in."""
    target = published_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    parquet = _staging(parquet_dir())
    with connect(path=Path(":memory:")) as connection:
        connection.execute(f"attach '{partial}' as published (storage_version '{STORAGE_VERSION}')")
        connection.execute(f"attach '{warehouse_path()}' as working (read_only)")
        for table, source in PUBLISHED_TABLES.items():
            connection.execute(f"create table published.main.{table} as select * from working.{source}")
            connection.execute(f"copy published.main.{table} to '{parquet / table}.parquet' "
                               "(format parquet, compression zstd)")
        connection.execute("detach working")
        connection.execute("checkpoint published")
        connection.execute("detach published")
    failpoint("publish")  # the new file is written, the old one still published
    partial.replace(target)
    _swap_in(parquet, parquet_dir())
    _publish_folder(dbt_target_dir(), DBT_DOCS_FILES, target.parent / "dbt_docs")
    _publish_folder(data_docs_dir(), None, target.parent / "gx_docs")
    log.info("publish: %s -> %s and %s/", ", ".join(PUBLISHED_TABLES), target, parquet_dir())
    return target


def _staging(folder: Path) -> Path:
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def _swap_in(staging: Path, folder: Path) -> None:
    """Replace a published folder by its finished copy: two renames, the old copy removed after."""
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def _publish_folder(built: Path, names: tuple[str, ...] | None, folder: Path) -> None:
    """A docs site of the build that was just published (the named files, or all), when one was
    generated: the dbt docs, Great Expectations' Data Docs."""
    if not (built / "index.html").exists():
        return
    staging = _staging(folder)
    if names is None:
        shutil.copytree(built, staging, dirs_exist_ok=True)
    else:
        for name in names:
            if (built / name).exists():
                shutil.copy2(built / name, staging / name)
    _swap_in(staging, folder)
