"""The pipeline outside Airflow: the DAG's stages, in the DAG's order, in this process.

The command line (``commitments run``), the tests and anyone scripting a run use this instead of
chaining stage functions by hand, so that no caller can skip a stage (the stage audit above all)
or hold the warehouse without its lease. The DAG runs the same stage functions as tasks; a test
checks that ``STAGES`` follows the DAG's dependencies.
"""
import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime

from extract import lease
from extract.articles import extract_batch
from extract.load import load_raw, stage_articles
from extract.runs import Manifest

# The DAG's task ids in the order this runner runs them; "dbt" stands for the dbt task group.
STAGES = ("extract_articles", "plan_tag_batches", "tag_part", "take_lease", "stage_articles", "validate_stage",
          "load_raw", "dbt", "validate_marts", "document_marts", "publish", "release_lease", "report")


def _later_stages(manifest: Manifest) -> Iterator[tuple[str, Manifest]]:
    """Every stage after extraction, each reported once it has run. The writing stages run under
    the run's lease, which is given back however they end (closing this generator included)."""
    from extract.dbt_runner import generate_docs, run_dbt
    from extract.publish import publish_warehouse
    from extract.report import build_report
    from extract.tagging import plan_tag_batches, tag_part
    from extract.validation import validate_marts, validate_stage

    batches = plan_tag_batches(manifest)
    yield "plan_tag_batches", manifest
    manifest = replace(manifest, tag_parts=tuple(tag_part(batch) for batch in batches))
    yield "tag_part", manifest
    with lease.held(manifest.run_key):
        yield "take_lease", manifest
        manifest = stage_articles(manifest)
        yield "stage_articles", manifest
        manifest = validate_stage(manifest)
        yield "validate_stage", manifest
        manifest = load_raw(manifest)
        yield "load_raw", manifest
        run_dbt("build", "--quiet")
        yield "dbt", manifest
        manifest = validate_marts(manifest)
        yield "validate_marts", manifest
        generate_docs()
        yield "document_marts", manifest
        publish_warehouse()
        yield "publish", manifest
    yield "release_lease", manifest
    build_report(manifest.run_key)
    yield "report", manifest


def run_pipeline(sources: str | list[str], interval_start: datetime | None = None, run_id: str | None = None,
                 until: str = STAGES[-1], after: dict[str, Callable[[], None]] | None = None) -> Manifest:
    """Run the stages on ``sources`` for the interval starting ``interval_start`` (else as the
    manual run ``run_id``), up to and including ``until``; ``after`` maps a stage to a function
    called once it has run. Returns the run's manifest."""
    after = after or {}
    unknown = sorted({until, *after} - set(STAGES))
    if unknown:
        raise ValueError(f"no such stage: {', '.join(unknown)}; the stages are {', '.join(STAGES)}")
    extracted = extract_batch(sources, interval_start, run_id)
    stages = _later_stages(extracted)
    for name, manifest in itertools.chain([("extract_articles", extracted)], stages):
        if name in after:
            after[name]()
        if name == until:
            stages.close()  # ends the run here; the lease, if taken, is given back
            return manifest
    raise AssertionError("unreachable: every stage name is checked above")
