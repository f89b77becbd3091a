"""One run at a time writes the warehouse."""
import json
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from extract import lease


@pytest.fixture
def short_wait(warehouse, monkeypatch):
    monkeypatch.setenv("COMMITMENTS_LEASE_WAIT", "1")
    monkeypatch.setattr(lease, "POLL_SECONDS", 0.05)


def test_another_run_fails_after_waiting_and_is_told_who_writes(short_wait):
    lease.acquire("2024-05-06")
    with pytest.raises(lease.WarehouseBusy, match=r"run 2024-05-06 has been writing the warehouse since .* "
                                                  r"run 2024-05-07 waited 1 s"):
        lease.acquire("2024-05-07")
    assert lease.holder()["run_key"] == "2024-05-06"


def test_the_same_interval_takes_its_lease_again_after_a_crash_or_retry(short_wait):
    lease.acquire("2024-05-06")
    lease.acquire("2024-05-06")
    assert lease.holder()["run_key"] == "2024-05-06"


def test_a_waiting_run_goes_on_when_the_writer_releases(short_wait, monkeypatch):
    monkeypatch.setenv("COMMITMENTS_LEASE_WAIT", "10")
    lease.acquire("2024-05-06")
    threading.Timer(0.3, lease.release, ["2024-05-06"]).start()
    started = time.monotonic()
    lease.acquire("2024-05-07")
    assert 0.2 < time.monotonic() - started < 5
    assert lease.holder()["run_key"] == "2024-05-07"


def test_only_the_holder_releases_and_a_dead_runs_old_lease_is_taken_over(short_wait, monkeypatch):
    lease.acquire("2024-05-06")
    lease.release("2024-05-07")
    assert lease.holder()["run_key"] == "2024-05-06"
    record = lease.holder() | {"acquired_at": (datetime.now(timezone.utc) - timedelta(hours=7)).isoformat()}
    lease.lease_path().write_text(json.dumps(record))
    lease.acquire("2024-05-07")
    assert lease.holder()["run_key"] == "2024-05-07"
