import subprocess
import sys
import time

import pytest

from extract.dbt_runner import DbtFailed, run_dbt
from extract.warehouse import connect


def test_dbt_build_makes_commitment_facts_and_dimensions(loaded_samples):
    run_dbt("build")
    with connect(read_only=True) as connection:
        korea_partners = connection.execute("""
            select distinct unnest(counterpart_iso3s) from fct_commitments
            where party_iso3 = 'KOR' and sector_code = 'critical_minerals' order by 1""").fetchall()
        sectors, = connection.execute("select count(*) from dim_sector").fetchone()
        eu, = connection.execute("select country_name from dim_country where iso3 = 'EUU'").fetchone()
        undated, = connection.execute("select count(*) from fct_commitments where date_key is null").fetchone()
    assert korea_partners == [("AUS",), ("CAN",)]
    assert sectors == 20
    assert eu == "European Union"
    assert undated == 0


def test_dbt_tests_stop_a_build_with_a_party_outside_the_country_list(loaded_samples):
    with connect() as connection:
        connection.execute("update raw.commitment_parties set party_code = 'XXX' where party_order = 0")
    with pytest.raises(DbtFailed, match="dbt build failed"):
        run_dbt("build")


def test_a_dbt_command_waits_while_another_process_writes_the_warehouse(loaded_samples, warehouse):
    """Under a scheduler two dbt tasks can start at once, and a DuckDB file has one writer."""
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"connection = duckdb.connect({str(warehouse)!r})\n"
                               "print('holding', flush=True)\ntime.sleep(6)"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    started = time.monotonic()
    run_dbt("run", "--select", "stg_articles")
    assert holder.wait() == 0
    assert time.monotonic() - started > 6  # it did wait for the other writer
    with connect(read_only=True) as connection:
        articles, = connection.execute("select count(*) from stg_articles").fetchone()
    assert articles == loaded_samples.articles
