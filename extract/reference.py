"""Reference data (countries, their aliases, sectors and sector terms), read from the dbt seeds so
that the tagger and the warehouse share one list of every code."""
import csv
from functools import cache

from extract.settings import SEEDS_DIR


def _read_seed(name: str) -> list[dict[str, str]]:
    with open(SEEDS_DIR / f"{name}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def countries() -> dict[str, dict[str, str]]:
    """ISO3 code -> seed row, including ``EUU`` for the European Union."""
    return {row["iso3"]: row for row in _read_seed("countries")}


@cache
def country_aliases() -> list[dict[str, str]]:
    return _read_seed("country_aliases")


@cache
def sector_codes() -> tuple[str, ...]:
    return tuple(row["sector_code"] for row in _read_seed("sectors"))


@cache
def sector_terms() -> list[dict[str, str]]:
    return _read_seed("sector_terms")


@cache
def leaders() -> list[dict[str, str]]:
    """Leaders and officials, the country they speak for, and their term of office."""
    return _read_seed("leaders")


@cache
def us_states() -> list[dict[str, str]]:
    """US states, to tell Georgia and Washington the states from the country and the capital."""
    return _read_seed("us_states")
