"""Load a run's tagged articles into the warehouse's raw tables.

Rows go in through Arrow tables (bulk, not row by row). A load is one transaction that first
deletes every row of the articles it carries and the quarantine rows of its run, so running the
same interval again leaves the warehouse as it was, and a crash leaves no partial load.
"""
import hashlib
import sys
from contextlib import contextmanager
from pathlib import Path

from extract.articles import REJECTIONS_FILE, TAGGED_FILE, read_jsonl
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
    run_key varchar not null
);
create table if not exists raw.article_sources (
    article_id varchar not null,
    source varchar not null,
    run_key varchar not null
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
    quarantined_at timestamp not null default current_timestamp
);
"""
ARTICLE_COLUMNS = ("article_id", "source", "url", "title", "body", "published_date", "date_rule",
                   "language", "content_hash")
# Child tables first: their rows are found through the article ids of the batch.
ARTICLE_KEYED_DELETES = (
    "delete from raw.commitment_parties where commitment_id in "
    "(select commitment_id from raw.commitments where article_id in (select article_id from batch_ids))",
    "delete from raw.commitment_sectors where commitment_id in "
    "(select commitment_id from raw.commitments where article_id in (select article_id from batch_ids))",
    "delete from raw.commitments where article_id in (select article_id from batch_ids)",
    "delete from raw.article_countries where article_id in (select article_id from batch_ids)",
    "delete from raw.article_sources where article_id in (select article_id from batch_ids)",
    "delete from raw.articles where article_id in (select article_id from batch_ids)",
)


@contextmanager
def connect(read_only: bool = False, path: Path | None = None):
    """A DuckDB connection that is always closed: an open one blocks every other process."""
    import duckdb

    path = path or warehouse_path()
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(path), read_only=read_only)
    try:
        yield connection
    finally:
        connection.close()


def commitment_id(article_id: str, index: int) -> str:
    return hashlib.sha1(f"{article_id}:{index}".encode()).hexdigest()[:16]


def raw_tables(tagged: list[dict], rejections: list[dict], run_key: str) -> dict:
    """The rows of every raw table for one batch, as Arrow tables."""
    import pyarrow as pa

    rows: dict[str, list[dict]] = {name: [] for name in (
        "articles", "article_sources", "article_countries", "commitments", "commitment_parties",
        "commitment_sectors", "quarantine")}
    for article in tagged:
        article_id = article["article_id"]
        rows["articles"].append({key: article[key] for key in ARTICLE_COLUMNS} | {"run_key": run_key})
        for source in [article["source"], *article.get("duplicate_sources", [])]:
            rows["article_sources"].append({"article_id": article_id, "source": source, "run_key": run_key})
        for order, iso3 in enumerate(article["mentioned_countries"]):
            rows["article_countries"].append({"article_id": article_id, "iso3": iso3,
                                              "mention_order": order, "run_key": run_key})
        for index, commitment in enumerate(article["commitments"]):
            cid = commitment_id(article_id, index)
            rows["commitments"].append({
                "commitment_id": cid, "article_id": article_id, "commitment_index": index,
                "commitment_type": commitment["commitment_type"], "evidence": commitment["evidence"],
                "evidence_start": commitment["start_char"], "evidence_end": commitment["end_char"],
                "confidence": commitment["confidence"], "run_key": run_key})
            rows["commitment_parties"] += [{"commitment_id": cid, "party_code": party, "party_order": order,
                                            "run_key": run_key}
                                           for order, party in enumerate(commitment["parties"])]
            rows["commitment_sectors"] += [{"commitment_id": cid, "sector_code": sector, "run_key": run_key}
                                           for sector in commitment["sectors"]]
    rows["quarantine"] = [{"source": r["source"], "reason": r["reason"], "stage": "extract", "run_key": run_key}
                          for r in rejections]
    return {name: pa.Table.from_pylist(table_rows) for name, table_rows in rows.items()}


def load_batch(manifest: dict) -> dict:
    """The load stage: replace the batch's articles and the run's quarantine rows in one
    transaction. Adds the number of rows loaded per table to the manifest."""
    folder, run_key = Path(manifest["run_dir"]), manifest["run_key"]
    tables = raw_tables(read_jsonl(folder / TAGGED_FILE), read_jsonl(folder / REJECTIONS_FILE), run_key)
    with connect() as connection:
        connection.execute(RAW_SCHEMA_SQL)
        connection.execute("begin transaction")
        try:
            ids = tables["articles"].select(["article_id"]) if tables["articles"].num_rows else None
            connection.execute("create or replace temp table batch_ids (article_id varchar)")
            if ids is not None:
                connection.register("batch_ids_arrow", ids)
                connection.execute("insert into batch_ids select article_id from batch_ids_arrow")
            for statement in ARTICLE_KEYED_DELETES:
                connection.execute(statement)
            connection.execute("delete from raw.quarantine where run_key = ?", [run_key])
            for name, table in tables.items():
                if table.num_rows:
                    connection.register(f"{name}_arrow", table)
                    columns = ", ".join(table.column_names)
                    connection.execute(f"insert into raw.{name} ({columns}) select {columns} from {name}_arrow")
            connection.execute("commit")
        except Exception:
            connection.execute("rollback")
            raise
    counts = {name: table.num_rows for name, table in tables.items()}
    print(f"load: {counts} into {warehouse_path()}", file=sys.stderr)
    return manifest | {"loaded": counts}
