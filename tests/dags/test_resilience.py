"""Whole DAG runs (``airflow dags test`` in a process of their own, every real component) under
hostile input, a crash, an overlapping run, and a backfill."""
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb

from bench.corpus import generate
from bench.dag_runs import dag_test_command
from extract.runner import run_pipeline
from extract.warehouse import RUN_TABLES

from conftest import GOOD_COPIES, HOSTILE_REASONS, SAMPLES, inbox_with_one_article, make_hostile_corpus

MONDAY = datetime(2024, 5, 6, tzinfo=timezone.utc)
TUESDAY = "2024-05-07"


@dataclass(frozen=True)
class DagRun:
    returncode: int
    log: str

    @property
    def succeeded(self) -> bool:
        return self.returncode == 0 and "state=success" in self.log


def start_dag_run(day: str, sources: Path | str, log: Path, **environment: str) -> subprocess.Popen:
    with open(log, "w") as output:
        return subprocess.Popen(dag_test_command(day, sources), stdout=output, stderr=subprocess.STDOUT,
                                env=os.environ | environment)


def dag_run(day: str, sources: Path | str, log: Path, **environment: str) -> DagRun:
    process = start_dag_run(day, sources, log, **environment)
    process.wait(timeout=900)
    return DagRun(process.returncode, log.read_text())


def raw_snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return {table: connection.execute(f"select * from raw.{table} order by all").fetchall()
                for table in RUN_TABLES}


def published(tmp_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(tmp_path / "published" / "commitments.duckdb"), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_a_run_over_hostile_inputs_quarantines_each_and_loads_every_good_article(airflow_db, warehouse, tmp_path):
    corpus = make_hostile_corpus(tmp_path / "hostile")
    good_samples = ["s03_japan_ukraine_aid.json", "s05_india_us_icet.html", "s08_wire_feed.jsonl"]
    for name in good_samples:
        shutil.copy(SAMPLES / name, corpus / name)

    run = dag_run(MONDAY.date().isoformat(), corpus, tmp_path / "dag.log")

    assert run.succeeded, run.log[-3000:]
    reasons = {Path(source).name: reason for source, reason in published(tmp_path, "select source, reason "
                                                                                   "from quarantine")}
    assert set(reasons) == set(HOSTILE_REASONS)
    for name, reason in HOSTILE_REASONS.items():
        assert reasons[name].startswith(reason), (name, reasons[name])
    # Every good article once: a JSON item, a page, the two items of a feed, and the good text,
    # whose three copies (other encodings, another name) became sources of the same article.
    sources = published(tmp_path, "select source_count from dim_article order by source_count")
    assert sources == [(1,), (1,), (1,), (1,), (1 + len(GOOD_COPIES),)]


def test_a_run_killed_half_way_through_its_load_leaves_no_partial_rows_and_its_retry_completes(
        airflow_db, warehouse, tmp_path):
    run_pipeline(str(SAMPLES), MONDAY)
    monday = raw_snapshot(warehouse)
    inbox = inbox_with_one_article(tmp_path / "tuesday")

    killed = dag_run(TUESDAY, inbox, tmp_path / "killed.log", COMMITMENTS_FAILPOINT="load_raw")
    assert killed.returncode == -9, killed.log[-2000:]  # SIGKILL, mid-transaction
    assert "failpoint load_raw: killing process" in killed.log
    assert raw_snapshot(warehouse) == monday

    retried = dag_run(TUESDAY, inbox, tmp_path / "retried.log")
    assert retried.succeeded, retried.log[-3000:]
    after = raw_snapshot(warehouse)
    for table in RUN_TABLES:
        assert len(after[table]) == len(set(after[table])), f"duplicated rows in raw.{table}"
        assert set(monday[table]) <= set(after[table]), table
    assert [row for row in after["articles"] if row[-1] == TUESDAY] != []
    assert published(tmp_path, "select count(*) from dim_article where title like 'Peru and Chile%'") == [(1,)]


def test_an_overlapping_run_waits_for_the_writer_or_fails_saying_who_writes(airflow_db, warehouse, tmp_path):
    first_log = tmp_path / "first.log"
    first = start_dag_run(MONDAY.date().isoformat(), SAMPLES, first_log)
    deadline = time.monotonic() + 300
    while "stage: {" not in first_log.read_text():  # the first run now holds the warehouse
        assert first.poll() is None and time.monotonic() < deadline, first_log.read_text()[-2000:]
        time.sleep(0.5)

    second = dag_run(TUESDAY, inbox_with_one_article(tmp_path / "tuesday"), tmp_path / "second.log",
                     COMMITMENTS_LEASE_WAIT="5")

    first.wait(timeout=900)
    assert first.returncode == 0, first_log.read_text()[-3000:]
    assert not second.succeeded
    assert "run 2024-05-06 has been writing the warehouse since" in second.log
    assert "run 2024-05-07 waited 5 s and gave up" in second.log
    assert all(row[-1] != TUESDAY for table in raw_snapshot(warehouse).values() for row in table)


def test_a_backfill_over_a_week_of_dated_landing_folders_fills_each_day_once(airflow_db, warehouse, tmp_path):
    first_day = date(2024, 5, 1)
    week = [first_day + timedelta(days=offset) for offset in range(7)]
    for day, article in zip(week, generate(7, seed=11, duplicate_share=0), strict=True):
        folder = tmp_path / "landing" / day.isoformat()
        folder.mkdir(parents=True)
        (folder / article.name).write_text(article.content)

    for day in week:
        run = dag_run(day.isoformat(), tmp_path / "landing" / "{date}", tmp_path / f"{day}.log")
        assert run.succeeded, run.log[-3000:]

    loads = published(tmp_path, "select run_key, articles_new from load_audit order by run_key")
    assert loads == [(day.isoformat(), 1) for day in week]
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute("select run_key, count(*) from raw.articles group by all order by 1").fetchall() \
            == [(day.isoformat(), 1) for day in week]
    assert published(tmp_path, "select count(*) from dim_article") == [(7,)]
