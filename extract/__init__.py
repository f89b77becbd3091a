"""Commitments Warehouse: news articles in, a queryable record of international commitments out.

Stages, in the order data moves: ``sources`` (read inputs) -> ``cleaning`` (article text) ->
``dates`` (published date) -> ``tagger`` (parties, sectors, commitments) -> ``load`` (DuckDB raw
tables) -> ``validation`` (Great Expectations) -> ``transform`` (dbt) -> ``publish``.
Heavy libraries are imported inside the functions that need them, so importing this package
(as Airflow does when it parses the DAG) stays cheap.
"""
