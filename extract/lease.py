"""One run at a time writes the warehouse: a lease from the stage write to the publish.

DuckDB allows one writer, and a run's writes span several tasks (stage, audit, load, dbt,
audit, publish) that must not interleave with another run's: a second run would overwrite the
first one's stage. Airflow keeps scheduled runs of the DAG apart (``max_active_runs=1``); the
lease also keeps apart what Airflow does not see, such as a ``make run`` while the scheduler is
running, or a backfill beside a scheduled run.

The DAG takes the lease in a setup task and gives it back in a teardown task around its writing
tasks, so that a failure anywhere between them releases it; callers outside Airflow use
``held``, a context manager that does the same.

The lease is a small file beside the warehouse, created atomically, naming the run interval
that holds it. The same interval may take it again (a retried task, a rerun after a crash). Any
other run waits for it to be released, up to ``COMMITMENTS_LEASE_WAIT`` seconds, and then fails
saying who holds it. A lease older than ``COMMITMENTS_LEASE_TTL`` seconds belongs to a run that
died without releasing it, and is taken over.
"""
import json
import logging
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from extract.settings import warehouse_path

DEFAULT_WAIT_SECONDS = 3600
DEFAULT_TTL_SECONDS = 6 * 3600
POLL_SECONDS = 2.0

log = logging.getLogger(__name__)


class WarehouseBusy(RuntimeError):
    pass


def lease_path() -> Path:
    return warehouse_path().with_name(warehouse_path().name + ".lease")


def holder() -> dict | None:
    """Who holds the lease, or None."""
    try:
        return json.loads(lease_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _age_seconds(lease: dict) -> float:
    return (datetime.now(timezone.utc) - datetime.fromisoformat(lease["acquired_at"])).total_seconds()


def _create(run_key: str) -> bool:
    path = lease_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {"run_key": run_key, "acquired_at": datetime.now(timezone.utc).isoformat(),
              "host": socket.gethostname(), "pid": os.getpid()}
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(record, handle)
    return True


def acquire(run_key: str) -> None:
    """Take the lease for ``run_key``, waiting for another run to release it."""
    wait = float(os.environ.get("COMMITMENTS_LEASE_WAIT", DEFAULT_WAIT_SECONDS))
    ttl = float(os.environ.get("COMMITMENTS_LEASE_TTL", DEFAULT_TTL_SECONDS))
    deadline = time.monotonic() + wait
    announced = False
    while not _create(run_key):
        current = holder()
        if current is None:
            continue  # released between our attempt and the read
        if current["run_key"] == run_key:
            return
        if _age_seconds(current) > ttl:
            log.warning("lease: taking over the warehouse from run %s, whose lease of %s is older than %.0f s",
                        current["run_key"], current["acquired_at"], ttl)
            lease_path().unlink(missing_ok=True)
            continue
        if time.monotonic() >= deadline:
            raise WarehouseBusy(
                f"run {current['run_key']} has been writing the warehouse since {current['acquired_at']} "
                f"(host {current['host']}, pid {current['pid']}); run {run_key} waited {wait:.0f} s and gave up. "
                f"Retry when it has finished; if that run is dead, delete {lease_path()}.")
        if not announced:
            log.info("lease: run %s is writing the warehouse (since %s); run %s waits up to %.0f s",
                     current["run_key"], current["acquired_at"], run_key, wait)
            announced = True
        time.sleep(POLL_SECONDS)


def release(run_key: str) -> None:
    """Give the lease back, if ``run_key`` holds it."""
    current = holder()
    if current is not None and current["run_key"] == run_key:
        lease_path().unlink(missing_ok=True)


@contextmanager
def held(run_key: str) -> Iterator[None]:
    """The lease for ``run_key`` while the block runs, given back however the block ends."""
    acquire(run_key)
    try:
        yield
    finally:
        release(run_key)
