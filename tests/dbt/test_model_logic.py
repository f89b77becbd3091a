"""dbt's singular tests check how the marts derive their rows from their inputs (Great
Expectations checks the values, docs/validation.md): a fact row lost, a pair of parties written
the wrong way round, an event left behind or an event dated apart from its articles stops the
build, each caught by its own test."""
import json
import shutil

import duckdb
import pytest

from extract.dbt_runner import DbtFailed, run_dbt
from extract.settings import dbt_target_dir

# Each singular test in dbt_project/tests/ and one row of the built marts it must find wrong.
SPOILERS = {
    "assert_facts_have_a_row_per_party_and_sector": """
        delete from fct_commitments
        where commitment_party_sector_id = (select min(commitment_party_sector_id) from fct_commitments)""",
    "assert_dyads_are_the_ordered_pairs_of_each_commitments_parties": """
        update fct_commitment_dyads set party_a_iso3 = party_b_iso3, party_b_iso3 = party_a_iso3
        where commitment_dyad_id = (select min(commitment_dyad_id) from fct_commitment_dyads)""",
    "assert_events_count_every_commitment_once": """
        insert into fct_commitment_events
        select * replace ('left behind' as event_id) from fct_commitment_events limit 1""",
    "assert_event_dates_within_their_articles_dates": """
        update fct_commitment_events set first_reported_date = first_reported_date - 1
        where event_id = (select min(event_id) from fct_commitment_events where first_reported_date is not null)""",
}


def test_each_singular_test_finds_the_row_the_marts_got_wrong(sample_warehouse, warehouse):
    warehouse.parent.mkdir(parents=True)
    shutil.copy(sample_warehouse.working, warehouse)
    with duckdb.connect(str(warehouse)) as connection:
        for sql in SPOILERS.values():
            connection.execute(sql)
    with pytest.raises(DbtFailed):
        run_dbt("test", "--select", "test_type:singular")
    results = json.loads((dbt_target_dir() / "run_results.json").read_text())["results"]
    found = {result["unique_id"].split(".")[-1]: result["failures"] for result in results}
    assert found == {name: 1 for name in SPOILERS}
