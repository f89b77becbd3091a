"""Access to the working warehouse: connections, the raw and stage tables, bulk inserts and
deletes. Every stage that reads or writes the DuckDB file goes through here."""
import os
import time
from contextlib import contextmanager
from pathlib import Path

from extract.settings import warehouse_path

RAW_SCHEMA_SQL = """
create schema if not exists raw;
create table if not exists raw.articles (
    article_id varchar primary key,
    source varchar not null,
    url varchar,
    title varchar,
    body varchar not null,
    published_date date,
    date_rule varchar,
    language varchar,
    content_hash varchar not null,
    version_time varchar,
    tagging_hash varchar not null,
    run_key varchar not null
);
-- Warehouses created before articles recorded their version time get the column at the end.
alter table raw.articles add column if not exists version_time varchar;
create table if not exists raw.article_sources (
    article_id varchar not null,
    source varchar not null,
    run_key varchar not null,
    primary key (article_id, source)
);
create table if not exists raw.article_countries (
    article_id varchar not null,
    iso3 varchar not null,
    mention_order integer not null,
    run_key varchar not null
);
create table if not exists raw.commitments (
    commitment_id varchar primary key,
    article_id varchar not null,
    commitment_index integer not null,
    commitment_type varchar,
    evidence varchar,
    evidence_start integer,
    evidence_end integer,
    confidence double,
    run_key varchar not null
);
create table if not exists raw.commitment_parties (
    commitment_id varchar not null,
    party_code varchar not null,
    party_order integer not null,
    run_key varchar not null
);
create table if not exists raw.commitment_sectors (
    commitment_id varchar not null,
    sector_code varchar not null,
    run_key varchar not null
);
create table if not exists raw.quarantine (
    source varchar not null,
    reason varchar not null,
    stage varchar not null,
    run_key varchar not null,
    quarantined_at timestamp not null
);
create table if not exists raw.source_files (
    path varchar primary key,
    size_bytes bigint not null,
    modified_ns bigint not null,
    run_key varchar not null
);
create table if not exists raw.validation_results (
    run_key varchar not null,
    validated_at timestamp not null,
    suite varchar not null,
    success boolean not null,
    evaluated_expectations integer not null,
    successful_expectations integer not null,
    unsuccessful_expectations integer not null,
    rows_validated integer not null,
    failures varchar not null
);
create table if not exists raw.load_audit (
    load_id integer primary key,
    run_key varchar not null,
    started_at timestamp not null,
    finished_at timestamp not null,
    articles_new integer not null,
    articles_updated integer not null,
    articles_copies integer not null,
    sources integer not null,
    commitments integer not null,
    quarantined integer not null
);
"""
# The tables a run writes, children before parents (the order deletes go in).
RUN_TABLES = ("commitment_parties", "commitment_sectors", "commitments", "article_countries", "article_sources",
              "articles", "quarantine", "source_files")
LOCK_WAIT_SECONDS = 120


@contextmanager
def connect(read_only: bool = False, path: Path | None = None):
    """A DuckDB connection that is always closed: an open one blocks every other process. While
    another process holds the file (DuckDB allows one writer, and a writer excludes readers), it
    waits up to COMMITMENTS_LOCK_WAIT seconds, then fails saying so."""
    import duckdb

    path = path or warehouse_path()
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + float(os.environ.get("COMMITMENTS_LOCK_WAIT", LOCK_WAIT_SECONDS))
    while True:
        try:
            connection = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.5)
    try:
        yield connection
    finally:
        connection.close()


def create_tables(connection) -> None:
    """The raw tables, and the stage schema: the same tables without keys, so that a bad batch
    can be written there and found out by the audit instead of refused half-way."""
    connection.execute(RAW_SCHEMA_SQL)
    connection.execute("create schema if not exists stage")
    for table in RUN_TABLES:
        connection.execute(f"create table if not exists stage.{table} as select * from raw.{table} limit 0")
    connection.execute("alter table stage.articles add column if not exists version_time varchar")


def has_table(connection, schema: str, table: str) -> bool:
    return connection.execute("select count(*) from information_schema.tables where table_schema = ? "
                              "and table_name = ?", [schema, table]).fetchone()[0] > 0


def insert_rows(connection, table: str, rows: list[dict]) -> None:
    """Bulk insert through Arrow into a schema-qualified table (raw.articles by default)."""
    import pyarrow as pa

    if rows:
        qualified = table if "." in table else f"raw.{table}"
        view = qualified.replace(".", "_") + "_arrow"
        arrow = pa.Table.from_pylist(rows)
        connection.register(view, arrow)
        columns = ", ".join(arrow.column_names)
        # A source another run already recorded for the same article stays as it was; a file
        # another run loaded and this one read again (it changed) is now this run's.
        verb = {"raw.article_sources": "insert or ignore", "raw.source_files": "insert or replace"}.get(
            qualified, "insert")
        connection.execute(f"{verb} into {qualified} ({columns}) select {columns} from {view}")
        connection.unregister(view)


def delete_articles(connection, schema: str, article_ids: str, parameters=(), keep_sources: bool = False) -> None:
    """Delete the articles that the query ``article_ids`` selects, with every row that hangs off
    them in ``schema``, children first."""
    commitments = f"select commitment_id from {schema}.commitments where article_id in ({article_ids})"
    for table in ("commitment_parties", "commitment_sectors"):
        connection.execute(f"delete from {schema}.{table} where commitment_id in ({commitments})", parameters)
    for table in ("commitments", "article_countries", *(() if keep_sources else ("article_sources",)), "articles"):
        connection.execute(f"delete from {schema}.{table} where article_id in ({article_ids})", parameters)
