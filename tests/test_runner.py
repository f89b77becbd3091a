"""The pipeline outside Airflow: every stage in order, the writing ones under the run's lease."""
from datetime import datetime, timezone

import pytest

from extract import lease
from extract.runner import STAGES, run_pipeline

from conftest import SAMPLES

MONDAY = datetime(2024, 5, 6, tzinfo=timezone.utc)


def test_stages_run_in_order_up_to_the_one_asked_for_and_the_lease_is_given_back(warehouse):
    ran, holders = [], []

    def note(stage):
        def record():
            ran.append(stage)
            holders.append(lease.holder())
        return record

    manifest = run_pipeline(str(SAMPLES), MONDAY, until="load_raw", after={stage: note(stage) for stage in STAGES})
    assert ran == list(STAGES[:STAGES.index("load_raw") + 1])
    assert manifest.loaded["articles_new"] == manifest.articles == 13
    assert manifest.staged["articles"] == 13 and len(manifest.tag_parts) == 1
    held = [stage for stage, holder in zip(ran, holders, strict=True) if holder]
    assert held == ["take_lease", "stage_articles", "validate_stage", "load_raw"]
    assert all(holder["run_key"] == "2024-05-06" for holder in holders if holder)
    assert lease.holder() is None


def test_a_failing_stage_gives_the_lease_back(warehouse):
    def fail():
        raise RuntimeError("the stage audit found something")

    with pytest.raises(RuntimeError, match="stage audit"):
        run_pipeline(str(SAMPLES), MONDAY, after={"validate_stage": fail})
    assert lease.holder() is None


def test_an_unknown_stage_is_refused_before_anything_runs(warehouse):
    with pytest.raises(ValueError, match="no such stage: load; the stages are extract_articles, "):
        run_pipeline(str(SAMPLES), MONDAY, until="load")
    assert not warehouse.parent.exists()
