"""Audit every load with Great Expectations before anything is published.

Two audits, both on pandas frames read through a read-only DuckDB connection (Great
Expectations' SQL datasource does not work on DuckDB):

- ``validate_stage``: the run's rows in the ``stage`` schema, before they reach ``raw``.
- ``validate_marts``: the marts dbt built, before the published file is replaced.

The suites are committed JSON under ``expectations/gx/expectations/``, one per table; their code
lists are suite parameters filled from the dbt seeds. An expectation whose ``meta.tolerable`` is
true concerns single rows (an article with an unknown language, a misread date): the articles
that fail it are quarantined with the expectation as the reason, and the rest goes on. Any other
failure is structural: the task fails with a summary (suite, expectation, failing count, example
values), and nothing is published. Every result is stored in ``raw.validation_results`` and in
Great Expectations' Data Docs.
"""
import json
import logging
import os
import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone

from extract import reference
from extract.language import known_language_codes
from extract.runs import Manifest
from extract.settings import EXPECTATIONS_DIR, validation_dir
from extract.warehouse import connect, create_tables, delete_articles, insert_rows

DATASOURCE = "warehouse"
EARLIEST_PUBLISHED_DATE = date(1990, 1, 1)
EXAMPLES = 5

log = logging.getLogger(__name__)

# The frame each suite validates; columns named has_*, joins_* or *_in_* are checks computed in SQL.
STAGE_FRAMES = {
    "stage_articles": """
        select article_id, body, published_date, language, content_hash, tagging_hash from stage.articles
    """,
    "stage_article_sources": """
        select sources.article_id, sources.source,
               sources.article_id in (select article_id from stage.articles) as has_article
        from stage.article_sources as sources
    """,
    "stage_commitments": """
        select commitments.commitment_id, commitments.article_id, commitments.commitment_type,
               commitments.evidence, commitments.confidence,
               articles.article_id is not null as has_article,
               coalesce(strpos(articles.body, commitments.evidence) > 0, false) as evidence_in_body,
               (select count(*) from stage.commitment_parties as parties
                where parties.commitment_id = commitments.commitment_id) as party_count
        from stage.commitments as commitments
        left join stage.articles as articles on articles.article_id = commitments.article_id
    """,
    "stage_commitment_parties": """
        select parties.party_code, commitments.article_id, commitments.commitment_id is not null as has_commitment
        from stage.commitment_parties as parties
        left join stage.commitments as commitments on commitments.commitment_id = parties.commitment_id
    """,
    "stage_commitment_sectors": """
        select sectors.sector_code, commitments.article_id, commitments.commitment_id is not null as has_commitment
        from stage.commitment_sectors as sectors
        left join stage.commitments as commitments on commitments.commitment_id = sectors.commitment_id
    """,
    "stage_article_countries": """
        select countries.article_id,
               countries.article_id in (select article_id from stage.articles) as has_article
        from stage.article_countries as countries
    """,
    "stage_quarantine": "select source, reason from stage.quarantine",
}
MART_FRAMES = {
    "fct_commitments": """
        select facts.commitment_party_sector_id, facts.article_id,
               coalesce(facts.article_id in (select article_id from main.dim_article)
                        and facts.party_iso3 in (select iso3 from main.dim_country)
                        and facts.sector_code in (select sector_code from main.dim_sector)
                        and (facts.date_key is null or facts.date_key in (select date_key from main.dim_date)),
                        false) as joins_dimensions
        from main.fct_commitments as facts
    """,
    "fct_commitment_dyads": """
        select commitment_dyad_id, article_id,
               coalesce(article_id in (select article_id from main.dim_article)
                        and party_a_iso3 in (select iso3 from main.dim_country)
                        and party_b_iso3 in (select iso3 from main.dim_country), false) as joins_dimensions
        from main.fct_commitment_dyads
    """,
    "fct_commitment_events": """
        select event_id,
               coalesce(list_has_all((select list(iso3) from main.dim_country), party_iso3s)
                        and sector_code in (select sector_code from main.dim_sector), false) as joins_dimensions
        from main.fct_commitment_events
    """,
}


@dataclass(frozen=True)
class ExpectationFailure:
    suite: str
    expectation: str
    column: str | None
    unexpected_count: int | None
    examples: list
    tolerable: bool
    article_ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f" on {self.column}" if self.column else ""
        return (f"{self.suite}: {self.expectation}{where} failed for {self.unexpected_count} rows, "
                f"e.g. {self.examples}")


@dataclass
class SuiteResult:
    suite: str
    success: bool
    statistics: dict
    rows: int
    failures: list[ExpectationFailure] = field(default_factory=list)


class ValidationFailed(RuntimeError):
    def __init__(self, failures: list[ExpectationFailure]):
        self.failures = failures
        super().__init__("validation failed, nothing was published:\n"
                         + "\n".join(f"  - {failure}" for failure in failures))


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
    # great_expectations.yml puts stored results and Data Docs under this folder.
    os.environ["COMMITMENTS_GX_RESULTS"] = str(validation_dir())
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx

    return gx.get_context(mode="file", project_root_dir=str(EXPECTATIONS_DIR))


def run_suites(frames: dict) -> list[SuiteResult]:
    """Run each named suite (its committed validation definition) on its frame."""
    context = _context()
    parameters = suite_parameters()
    results = []
    for suite_name, frame in frames.items():
        definition = context.validation_definitions.get(suite_name)
        identified = ["article_id"] if "article_id" in frame.columns else []
        outcome = definition.run(
            batch_parameters={"dataframe": frame}, expectation_parameters=parameters,
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": identified})
        failures = [_failure(suite_name, result, identified) for result in outcome.results if not result.success]
        results.append(SuiteResult(suite_name, outcome.success, dict(outcome.statistics), len(frame), failures))
    context.build_data_docs()
    return results


def _failure(suite: str, result, identified: list[str]) -> ExpectationFailure:
    details = result.result or {}
    config = result.expectation_config
    article_ids = tuple(sorted({row["article_id"] for row in details.get("unexpected_index_list") or []
                                if isinstance(row, dict) and "article_id" in row})) if identified else ()
    error = (result.exception_info or {}).get("exception_message") if not details else None
    return ExpectationFailure(
        suite=suite,
        expectation=config.type,
        column=config.kwargs.get("column") or config.kwargs.get("column_A"),
        unexpected_count=details.get("unexpected_count"),
        examples=[_plain(value) for value in list(details.get("partial_unexpected_list") or [error])[:EXAMPLES]],
        tolerable=bool((config.meta or {}).get("tolerable")),
        article_ids=article_ids,
    )


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def _read_frames(queries: dict[str, str]) -> dict:
    with connect(read_only=True) as connection:
        frames = {name: connection.execute(sql).df() for name, sql in queries.items()}
    # Great Expectations parses its ISO date parameters into datetime.date objects and can only
    # compare those with a column of date objects, not with pandas' datetime64 columns.
    for frame in frames.values():
        for column in frame.select_dtypes("datetime").columns:
            frame[column] = frame[column].dt.date
    return frames


def _record(results: list[SuiteResult], run_key: str) -> None:
    """Store every suite's outcome in raw.validation_results, committed even when it failed."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = [{
        "run_key": run_key, "validated_at": now, "suite": r.suite, "success": r.success,
        "evaluated_expectations": r.statistics.get("evaluated_expectations", 0),
        "successful_expectations": r.statistics.get("successful_expectations", 0),
        "unsuccessful_expectations": r.statistics.get("unsuccessful_expectations", 0),
        "rows_validated": r.rows,
        "failures": json.dumps([{"expectation": f.expectation, "column": f.column, "tolerable": f.tolerable,
                                 "unexpected_count": f.unexpected_count, "examples": f.examples}
                                for f in r.failures], default=str),
    } for r in results]
    with connect() as connection:
        create_tables(connection)
        insert_rows(connection, "validation_results", rows)


def _quarantine(failures: list[ExpectationFailure], run_key: str, run_time: datetime) -> set[str]:
    """Move the articles that failed tolerable expectations out of the stage into quarantine."""
    reasons: dict[str, list[str]] = {}
    for failure in failures:
        for article_id in failure.article_ids:
            reasons.setdefault(article_id, []).append(f"{failure.suite}: {failure.expectation} on {failure.column}")
    if not reasons:
        return set()
    with connect() as connection:
        sources = dict(connection.execute(
            "select article_id, source from stage.articles where article_id in (select unnest(?))",
            [sorted(reasons)]).fetchall())
        connection.execute("begin transaction")
        insert_rows(connection, "stage.quarantine", [
            {"source": sources.get(article_id, article_id), "reason": "failed validation: " + "; ".join(why),
             "stage": "validate", "run_key": run_key, "quarantined_at": run_time}
            for article_id, why in sorted(reasons.items())])
        delete_articles(connection, "stage", "select unnest(?)", [sorted(reasons)])
        connection.execute("commit")
    return set(reasons)


def _audit(frames: dict, run_key: str, label: str) -> list[ExpectationFailure]:
    clock = time.perf_counter()
    results = run_suites(frames)
    _record(results, run_key)
    failures = [f for r in results for f in r.failures]
    structural = [f for f in failures if not f.tolerable or not f.article_ids]
    log.info("validate %s: %d rows, %d suites, %d failed expectations (%d structural) in %.2f s", label,
             sum(r.rows for r in results), len(results), len(failures), len(structural), time.perf_counter() - clock)
    if structural:
        raise ValidationFailed(structural)
    return failures


def validate_stage(manifest: Manifest) -> Manifest:
    """The audit stage: validate the staged rows; quarantine articles with tolerable problems;
    fail (publishing nothing) on structural ones."""
    failures = _audit(_read_frames(STAGE_FRAMES), manifest.run_key, "stage")
    quarantined = _quarantine(failures, manifest.run_key, manifest.logical_time)
    if quarantined:
        log.info("validate stage: quarantined %d articles", len(quarantined))
    return replace(manifest, quarantined_by_validation=len(quarantined))


def validate_marts(manifest: Manifest) -> Manifest:
    """The audit of the marts: any failure is structural, and the published file stays as it was."""
    _audit(_read_frames(MART_FRAMES), manifest.run_key, "marts")
    return manifest
