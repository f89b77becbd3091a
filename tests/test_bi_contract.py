"""The BI contract: what Superset and other SQLAlchemy-based tools do (duckdb-engine, read-only)
works at any time, including while a DAG run is writing the warehouse, and never shows a
half-built state."""
import json
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy
from sqlalchemy.pool import NullPool

from extract.publish import PUBLISHED_TABLES
from extract.runner import run_pipeline

from conftest import SAMPLES

MONDAY = datetime(2024, 5, 6, tzinfo=timezone.utc)
MARTS = [table for table in PUBLISHED_TABLES if table.startswith(("fct_", "agg_", "dim_"))]
# A consistent snapshot has no fact without its article and no article without its load.
ORPHANS = """
    select (select count(*) from fct_commitments where article_id not in (select article_id from dim_article))
         + (select count(*) from fct_commitment_dyads where article_id not in (select article_id from dim_article))
"""


def engine_for(path: Path) -> sqlalchemy.Engine:
    # Superset's settings for an analytics database: read-only, and no pooled connection that
    # would keep showing the file it first opened.
    return sqlalchemy.create_engine(f"duckdb:///{path}", connect_args={"read_only": True}, poolclass=NullPool)


def read_everything(engine: sqlalchemy.Engine) -> tuple[set[str], dict[str, int], int]:
    with engine.connect() as connection:
        tables = set(sqlalchemy.inspect(connection).get_table_names())
        counts = {table: connection.execute(sqlalchemy.text(f"select count(*) from {table}")).scalar()
                  for table in MARTS}
        connection.execute(sqlalchemy.text("select * from fct_commitments limit 100")).fetchall()
        orphans = connection.execute(sqlalchemy.text(ORPHANS)).scalar()
    return tables, counts, orphans


def test_sqlalchemy_readers_see_whole_publishes_while_a_dag_run_writes(airflow_db, warehouse, tmp_path):
    run_pipeline(str(SAMPLES), MONDAY)
    published = tmp_path / "published" / "commitments.duckdb"
    engine = engine_for(published)
    _, before, _ = read_everything(engine)

    inbox = tmp_path / "tuesday"
    inbox.mkdir()
    (inbox / "peru_chile.txt").write_text(
        "Tuesday, 7 May 2024\n\nPeru and Chile sign lithium pact\n\nLIMA - Peru and Chile signed an agreement "
        "on Tuesday to cooperate on lithium mining and to build a joint research centre for battery materials.\n")
    log = tmp_path / "dag_run.log"
    with open(log, "w") as output:
        run = subprocess.Popen([str(Path(sys.executable).with_name("airflow")), "dags", "test", "commitments_etl",
                                "2024-05-07", "-c", json.dumps({"sources": str(inbox)})],
                               stdout=output, stderr=subprocess.STDOUT)
        snapshots, while_writing = [], 0
        while run.poll() is None:
            snapshots.append(read_everything(engine))
            # Between its stage write and its publish, the run is writing the working warehouse.
            progress = log.read_text()
            while_writing += "stage: {" in progress and "publish: " not in progress
            time.sleep(0.2)
    assert run.returncode == 0, log.read_text()[-3000:]
    assert while_writing > 10, "too few reads while the DAG run was writing"
    _, after, _ = read_everything(engine)
    assert after["fct_commitments"] > before["fct_commitments"]
    for tables, counts, orphans in snapshots:
        assert set(MARTS) <= tables
        assert counts in (before, after)
        assert orphans == 0
    assert len(snapshots) > 20

