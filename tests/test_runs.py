"""A run's key, manifest and working files."""
from datetime import datetime, timezone

from extract.runs import Manifest, read_jsonl, run_key_for, write_jsonl


def test_runs_of_one_interval_share_a_key():
    start = datetime(2024, 5, 6, tzinfo=timezone.utc)
    assert run_key_for(start, "scheduled__a") == run_key_for(start, "manual__b") == "2024-05-06"
    assert run_key_for(None, "manual__2024-05-06T10:00:00+00:00") == "manual__2024-05-06T10_00_00_00_00"


def test_a_manifest_travels_between_tasks_as_plain_json_and_comes_back_equal():
    import json

    manifest = Manifest(run_key="2024-05-06", run_dir="/runs/2024-05-06", run_time="2024-05-06T00:00:00+00:00",
                        articles=3, tag_parts=("part-00000.parquet",), staged={"articles": 3})
    assert Manifest.from_dict(json.loads(json.dumps(manifest.to_dict()))) == manifest
    assert manifest.logical_time == datetime(2024, 5, 6)


def test_a_batch_reads_only_its_own_lines_of_a_jsonl_file(tmp_path):
    path = tmp_path / "articles.jsonl"
    assert write_jsonl(({"n": n} for n in range(5)), path) == 5
    assert read_jsonl(path, 1, 3) == [{"n": 1}, {"n": 2}]
    assert not path.with_suffix(".jsonl.partial").exists()
