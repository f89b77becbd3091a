"""Publish the validated marts as a separate DuckDB file that analysts and BI tools read.

The copy is written beside the target and renamed over it, so a reader sees the old file or the
new one, never a half-written one, and readers never hold a lock on the working warehouse.
"""
import sys
from pathlib import Path

from extract.load import connect
from extract.settings import published_dir, warehouse_path

PUBLISHED_TABLES = {
    "fct_commitments": "main.fct_commitments",
    "dim_article": "main.dim_article",
    "dim_country": "main.dim_country",
    "dim_sector": "main.dim_sector",
    "quarantine": "raw.quarantine",
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
    print(f"publish: {', '.join(PUBLISHED_TABLES)} -> {target}", file=sys.stderr)
    return target
