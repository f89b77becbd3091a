"""Validate loads with Great Expectations before anything is published.

The suites are committed JSON under ``expectations/gx/expectations/``; their code lists (party
and sector codes) are suite parameters filled from the dbt seeds, so no list is copied into a
suite. Great Expectations' SQL datasource does not work on DuckDB, so each suite validates a
pandas frame read through a read-only connection.
"""
import logging
import os
import sys
from dataclasses import dataclass
from datetime import date, timedelta

from extract import reference
from extract.articles import known_language_codes
from extract.load import connect
from extract.settings import EXPECTATIONS_DIR

DATASOURCE = "warehouse"
BATCH_DEFINITION = "whole_frame"
EARLIEST_PUBLISHED_DATE = date(1990, 1, 1)

# The frame each suite validates. Raw suites see one run's rows; mart suites see the marts.
RAW_FRAMES = {
    "raw_articles": """
        select article_id, body, published_date, language, content_hash
        from raw.articles where run_key = $run_key
    """,
    "raw_commitments": """
        select commitments.commitment_id, parties.party_code, sectors.sector_code,
               commitments.evidence, commitments.confidence,
               strpos(articles.body, commitments.evidence) > 0 as evidence_in_body
        from raw.commitments as commitments
        join raw.articles as articles on articles.article_id = commitments.article_id
        left join raw.commitment_parties as parties on parties.commitment_id = commitments.commitment_id
        left join raw.commitment_sectors as sectors on sectors.commitment_id = commitments.commitment_id
        where commitments.run_key = $run_key
    """,
}
MART_FRAMES = {
    "fct_commitments": """
        select commitment_party_sector_id, party_iso3, sector_code, evidence, confidence,
               published_date
        from main.fct_commitments
    """,
}


@dataclass(frozen=True)
class ExpectationFailure:
    suite: str
    expectation: str
    column: str | None
    unexpected_count: int | None
    examples: list

    def __str__(self) -> str:
        where = f" on {self.column}" if self.column else ""
        return (f"{self.suite}: {self.expectation}{where} failed for {self.unexpected_count} rows, "
                f"e.g. {self.examples}")


class ValidationFailed(RuntimeError):
    def __init__(self, failures: list[ExpectationFailure]):
        self.failures = failures
        super().__init__("validation failed:\n" + "\n".join(f"  - {failure}" for failure in failures))


def suite_parameters() -> dict:
    return {
        "party_codes": sorted(reference.countries()),
        "sector_codes": list(reference.sector_codes()),
        "language_codes": list(known_language_codes()),
        "earliest_published_date": EARLIEST_PUBLISHED_DATE.isoformat(),
        "latest_published_date": (date.today() + timedelta(days=1)).isoformat(),
    }


def _context():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx

    return gx.get_context(mode="file", project_root_dir=str(EXPECTATIONS_DIR))


def validate_frames(frames: dict, parameters: dict | None = None) -> dict[str, int]:
    """Run each named suite on its frame; raise ValidationFailed listing every failed expectation.
    Returns the number of rows validated per suite."""
    context = _context()
    parameters = suite_parameters() | (parameters or {})
    failures = []
    for suite_name, frame in frames.items():
        suite = context.suites.get(suite_name)
        batch = (context.data_sources.get(DATASOURCE).get_asset(suite_name)
                 .get_batch_definition(BATCH_DEFINITION).get_batch(batch_parameters={"dataframe": frame}))
        result = batch.validate(suite, expectation_parameters=parameters)
        for outcome in result.results:
            if not outcome.success:
                details = outcome.result or {}
                failures.append(ExpectationFailure(
                    suite=suite_name,
                    expectation=outcome.expectation_config.type,
                    column=outcome.expectation_config.kwargs.get("column"),
                    unexpected_count=details.get("unexpected_count"),
                    examples=list(details.get("partial_unexpected_list") or [])[:5],
                ))
    if failures:
        raise ValidationFailed(failures)
    return {name: len(frame) for name, frame in frames.items()}


def _read_frames(queries: dict[str, str], parameters: dict | None = None) -> dict:
    with connect(read_only=True) as connection:
        frames = {name: connection.execute(sql, parameters or {}).df() for name, sql in queries.items()}
    # Great Expectations parses its ISO date parameters into datetime.date objects and can only
    # compare those with a column of date objects, not with pandas' datetime64 columns.
    for frame in frames.values():
        for column in frame.select_dtypes("datetime").columns:
            frame[column] = frame[column].dt.date
    return frames


def validate_raw(manifest: dict) -> dict:
    """Validate the rows one run loaded into the raw tables."""
    counts = validate_frames(_read_frames(RAW_FRAMES, {"run_key": manifest["run_key"]}))
    print(f"validate raw: passed {counts}", file=sys.stderr)
    return manifest | {"validated_raw": counts}


def validate_marts() -> dict[str, int]:
    counts = validate_frames(_read_frames(MART_FRAMES))
    print(f"validate marts: passed {counts}", file=sys.stderr)
    return counts
