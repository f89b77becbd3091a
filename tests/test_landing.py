"""Incremental extraction from a landing folder: each file is read by one interval."""
import os
from datetime import datetime, timezone

from extract.runner import run_pipeline

from conftest import SAMPLES

MONDAY = datetime(2024, 5, 6, tzinfo=timezone.utc)
TUESDAY = datetime(2024, 5, 7, tzinfo=timezone.utc)


def run(folder, interval):
    return run_pipeline(str(folder), interval, until="load_raw")


def test_a_later_run_reads_only_new_and_changed_files_and_a_rerun_reads_its_own(warehouse, tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    for name in ("s01_chile_eu_lithium.txt", "s05_india_us_icet.html"):
        (landing / name).write_bytes((SAMPLES / name).read_bytes())
    monday = run(landing, MONDAY)
    assert (monday.articles, monday.skipped_files) == (2, 0)

    # Tuesday: one new file, one file changed in place, one left alone.
    (landing / "new.json").write_bytes((SAMPLES / "s03_japan_ukraine_aid.json").read_bytes())
    changed = landing / "s01_chile_eu_lithium.txt"
    changed.write_text(changed.read_text() + "\nUpdated with a correction.\n")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 1_000_000_000))
    tuesday = run(landing, TUESDAY)
    assert (tuesday.articles, tuesday.skipped_files) == (2, 1)

    # A rerun of Monday reads Monday's own unchanged file again, not the files Tuesday loaded.
    rerun = run(landing, MONDAY)
    assert (rerun.articles, rerun.skipped_files) == (1, 2)


def test_a_broken_file_is_quarantined_once_not_every_day(warehouse, tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "broken.json").write_text("{")
    assert run(landing, MONDAY).rejected == 1
    assert run(landing, TUESDAY).rejected == 0
