"""The published warehouse as BI tools and older DuckDB clients see it."""
import json
import shutil
import subprocess
import sys

import duckdb
import pytest

from extract.publish import PUBLISHED_TABLES, publish_warehouse
from extract.settings import parquet_dir

from conftest import PROJECT_ROOT

# The oldest 1.x release: BI tools bundle DuckDB clients of many ages.
OLD_CLIENT = "duckdb==1.0.0"


def table_counts(connection) -> dict[str, int]:
    return {table: connection.execute(f"select count(*) from {table}").fetchone()[0] for table in PUBLISHED_TABLES}


def test_every_table_is_in_the_default_schema_with_a_parquet_copy(published_samples):
    with duckdb.connect(str(published_samples), read_only=True) as connection:
        counts = table_counts(connection)  # no schema prefix: what any SQL tool sends
        assert counts["fct_commitments"] > 0 and counts["validation_results"] > 0
        for table, count in counts.items():
            parquet = parquet_dir() / f"{table}.parquet"
            assert connection.execute(f"select count(*) from read_parquet('{parquet}')").fetchone()[0] == count


def test_columns_use_types_that_bi_drivers_read(published_samples):
    with duckdb.connect(str(published_samples), read_only=True) as connection:
        types = connection.execute("select table_name, column_name, data_type from information_schema.columns"
                                   ).fetchall()
    assert [t for t in types if t[2] in ("HUGEINT", "UHUGEINT") or t[2].startswith(("UNION", "MAP"))] == []


def test_a_reader_holding_the_old_file_keeps_its_view_while_new_readers_see_the_new_one(sample_warehouse,
                                                                                        warehouse):
    warehouse.parent.mkdir(parents=True)
    shutil.copy(sample_warehouse.working, warehouse)
    target = publish_warehouse()
    with duckdb.connect(str(target), read_only=True) as old_reader:
        before = table_counts(old_reader)
        # The working warehouse changes between two publishes (here: one more load recorded).
        with duckdb.connect(str(warehouse)) as writer:
            writer.execute("insert into raw.load_audit select * replace (load_id + 1000 as load_id) "
                           "from raw.load_audit limit 1")
        publish_warehouse()
        assert table_counts(old_reader) == before
        # A new reader is another process (DuckDB shares one open database per path in a process).
        new_reader = subprocess.run(
            [sys.executable, "-c", "import duckdb, sys; print(duckdb.connect(sys.argv[1], read_only=True)"
                                   ".execute('select count(*) from load_audit').fetchone()[0])", str(target)],
            capture_output=True, text=True, check=True)
        assert int(new_reader.stdout) == before["load_audit"] + 1
    assert not list(target.parent.glob("*.partial"))


@pytest.fixture(scope="session")
def old_duckdb_python() -> str:
    """A throwaway virtualenv with the oldest DuckDB 1.x client, kept under build/ between runs."""
    venv = PROJECT_ROOT / "build" / "clients" / OLD_CLIENT.replace("==", "-")
    python = venv / "bin" / "python"
    if not (venv / ".installed").exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", OLD_CLIENT], check=True, timeout=600)
        (venv / ".installed").touch()
    return str(python)


def test_a_duckdb_1_0_client_opens_the_published_file(published_samples, old_duckdb_python):
    code = ("import duckdb, json, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print(json.dumps([duckdb.__version__, {t: c.execute(f'select count(*) from {t}').fetchone()[0] "
            "for t in sys.argv[2:]}]))")
    completed = subprocess.run([old_duckdb_python, "-c", code, str(published_samples), *PUBLISHED_TABLES],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    version, counts = json.loads(completed.stdout)
    assert version == OLD_CLIENT.split("==")[1]
    with duckdb.connect(str(published_samples), read_only=True) as connection:
        assert counts == table_counts(connection)
