"""Load a run's tagged articles into the warehouse: write, audit, then publish to ``raw``.

``stage_articles`` writes the run's rows to the ``stage`` schema (replacing the previous run's
stage); ``extract.validation.validate_stage`` audits them there; ``load_raw`` then merges the
audited stage into the ``raw`` tables the marts read, in one transaction:

1. Everything the same run interval loaded before is deleted, so a rerun replaces it.
2. Each article of the batch is new, an update (same id, other content: its old rows go), or a
   copy of an article already held (same id and content, or the same content under another
   URL or file): a copy adds only its source, so every outlet and file of an article is kept.
3. New rows are inserted and the load is recorded in ``raw.load_audit``.

Rows go in through Arrow tables (bulk, never row by row). A failure anywhere rolls the whole
transaction back: the warehouse stays as it was. Rows carry no wall-clock time (quarantine rows
carry the run's logical time), so loading the same interval twice leaves every raw table
identical; only the audit logs record each attempt.
"""
import hashlib
import json
import logging
import time
from dataclasses import replace
from datetime import datetime, timezone

from extract.failpoints import failpoint
from extract.runs import REJECTIONS_FILE, SOURCE_FILES_FILE, Manifest, read_jsonl, read_parts
from extract.settings import warehouse_path
from extract.warehouse import RUN_TABLES, connect, create_tables, delete_articles, insert_rows

log = logging.getLogger(__name__)

ARTICLE_COLUMNS = ("article_id", "source", "url", "title", "body", "published_date", "date_rule",
                   "language", "content_hash", "version_time")


def commitment_id(article_id: str, index: int) -> str:
    return hashlib.sha1(f"{article_id}:{index}".encode()).hexdigest()[:16]


def tagging_hash(article: dict) -> str:
    """Changes when the tagger's reading of an article changes, so the marts can rebuild exactly
    the articles whose facts changed, whether the text or the tagger moved."""
    payload = json.dumps([article["mentioned_countries"], article["commitments"]], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def raw_rows(tagged: list[dict], rejections: list[dict], source_files: list[dict], run_key: str,
             run_time: datetime) -> dict[str, list[dict]]:
    """The rows of every raw table for one batch, before deduplication against the warehouse."""
    rows: dict[str, list[dict]] = {name: [] for name in RUN_TABLES}
    for article in tagged:
        article_id = article["article_id"]
        rows["articles"].append({key: article[key] for key in ARTICLE_COLUMNS}
                                | {"tagging_hash": tagging_hash(article), "run_key": run_key})
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
    rows["quarantine"] = [{"source": r["source"], "reason": r["reason"], "stage": "extract", "run_key": run_key,
                           "quarantined_at": run_time} for r in rejections]
    rows["source_files"] = [file | {"run_key": run_key} for file in source_files]
    return rows


def _classify(connection, articles: list[dict]) -> tuple[dict[str, str], set[str]]:
    """For each batch article already held: the id it is held under (copies, and versions older
    than the one held: only their source joins it), and the ids whose held version this one
    replaces (updates). Articles in neither are new."""
    import pyarrow as pa

    if not articles:
        return {}, set()
    batch = pa.Table.from_pylist([{"article_id": a["article_id"], "content_hash": a["content_hash"]} for a in articles])
    connection.register("batch_articles", batch)
    held = {article_id: (content, version) for article_id, content, version in connection.execute(
        "select a.article_id, a.content_hash, a.version_time from raw.articles a "
        "join batch_articles b using (article_id)").fetchall()}
    by_hash = dict(connection.execute(
        "select content_hash, min(article_id) from raw.articles "
        "where content_hash in (select content_hash from batch_articles) group by content_hash").fetchall())
    held_as, updated = {}, set()
    for article in articles:
        article_id, content, version = article["article_id"], article["content_hash"], article["version_time"]
        if article_id in held:
            held_content, held_version = held[article_id]
            older = version is not None and held_version is not None and version < held_version
            if held_content == content or older:
                held_as[article_id] = article_id
            else:
                updated.add(article_id)
        elif content in by_hash:
            held_as[article_id] = by_hash[content]
    return held_as, updated


def stage_articles(manifest: Manifest, tag_parts: list[str] | None = None) -> Manifest:
    """The write stage: the run's rows, from its tagged parts (``tag_parts``, else the manifest's)
    and its rejected and read files, into the stage schema, replacing the previous run's stage.
    The caller holds the run's lease on the warehouse. Adds the staged row counts."""
    parts = tuple(tag_parts) if tag_parts is not None else manifest.tag_parts
    rows = raw_rows(read_parts(parts), read_jsonl(manifest.folder / REJECTIONS_FILE),
                    read_jsonl(manifest.folder / SOURCE_FILES_FILE), manifest.run_key, manifest.logical_time)
    with connect() as connection:
        create_tables(connection)
        connection.execute("begin transaction")
        for table in RUN_TABLES:
            connection.execute(f"delete from stage.{table}")
            insert_rows(connection, f"stage.{table}", rows[table])
        connection.execute("commit")
    counts = {table: len(table_rows) for table, table_rows in rows.items()}
    log.info("stage: %s", counts)
    return replace(manifest, tag_parts=parts, staged=counts)


def staged_rows(connection) -> dict[str, list[dict]]:
    return {table: connection.execute(f"select * from stage.{table}").fetch_arrow_table().to_pylist()
            for table in RUN_TABLES}


def load_raw(manifest: Manifest) -> Manifest:
    """The load of the audited stage: merged into the raw tables in one transaction. Adds what was
    loaded to the manifest (new, updated and copied articles, sources, commitments, quarantined
    inputs)."""
    import pyarrow as pa

    started = datetime.now(timezone.utc).replace(tzinfo=None)
    clock = time.perf_counter()
    run_key = manifest.run_key
    with connect() as connection:
        create_tables(connection)
        rows = staged_rows(connection)
        if any(row["run_key"] != run_key for table_rows in rows.values() for row in table_rows):
            raise RuntimeError(f"the stage holds another run's rows, not {run_key}'s: stage this run again")
        connection.execute("begin transaction")
        try:
            for table in RUN_TABLES:
                connection.execute(f"delete from raw.{table} where run_key = ?", [run_key])
            connection.execute("delete from raw.article_sources where article_id not in "
                               "(select article_id from raw.articles)")
            held_as, updated = _classify(connection, rows["articles"])
            connection.register("batch_ids", pa.table({"article_id": sorted(updated)}, schema=pa.schema(
                [("article_id", pa.string())])))
            # An updated article keeps the sources earlier runs recorded for it.
            delete_articles(connection, "raw", "select article_id from batch_ids", keep_sources=True)
            fresh = _without_copies(rows, held_as)
            for table, table_rows in fresh.items():
                insert_rows(connection, table, table_rows)
            counts = {"articles_new": len(fresh["articles"]) - len(updated), "articles_updated": len(updated),
                      "articles_copies": len(held_as), "sources": len(fresh["article_sources"]),
                      "commitments": len(fresh["commitments"]), "quarantined": len(fresh["quarantine"])}
            failpoint("load_raw")  # half-way: the run's old rows deleted, some new ones inserted
            load_id, = connection.execute("select coalesce(max(load_id), 0) + 1 from raw.load_audit").fetchone()
            insert_rows(connection, "load_audit", [{
                "load_id": load_id, "run_key": run_key, "started_at": started,
                "finished_at": datetime.now(timezone.utc).replace(tzinfo=None)} | counts])
            connection.execute("commit")
        except Exception:
            connection.execute("rollback")
            raise
    log.info("load: %s into %s in %.2f s", counts, warehouse_path(), time.perf_counter() - clock)
    return replace(manifest, loaded=counts)


def _without_copies(rows: dict[str, list[dict]], held_as: dict[str, str]) -> dict[str, list[dict]]:
    """The batch's rows minus the articles already held, whose sources join the held article."""
    copies = set(held_as)
    copy_commitments = {r["commitment_id"] for r in rows["commitments"] if r["article_id"] in copies}
    fresh = {
        "articles": [r for r in rows["articles"] if r["article_id"] not in copies],
        "article_countries": [r for r in rows["article_countries"] if r["article_id"] not in copies],
        "commitments": [r for r in rows["commitments"] if r["article_id"] not in copies],
        "commitment_parties": [r for r in rows["commitment_parties"] if r["commitment_id"] not in copy_commitments],
        "commitment_sectors": [r for r in rows["commitment_sectors"] if r["commitment_id"] not in copy_commitments],
        "quarantine": rows["quarantine"],
        "source_files": rows["source_files"],
    }
    sources = {}
    for row in rows["article_sources"]:
        article_id = held_as.get(row["article_id"], row["article_id"])
        sources[(article_id, row["source"])] = row | {"article_id": article_id}
    fresh["article_sources"] = list(sources.values())
    return fresh
