"""A run's working files: its key, its folder, the names of its files, its manifest, and the
JSON Lines and Parquet parts that carry its data from one stage to the next.

Every stage reads what the stage before it wrote here and adds its own files; Airflow passes
only the manifest between tasks (as a dict, see ``Manifest.to_dict``), never the data itself.
"""
import itertools
import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from extract.settings import work_dir

ARTICLES_FILE = "articles.jsonl"
REJECTIONS_FILE = "rejections.jsonl"
SOURCE_FILES_FILE = "source_files.jsonl"
TAGGED_PARTS_DIR = "tagged"


def run_key_for(interval_start: datetime | None, run_id: str | None) -> str:
    """Runs of the same data interval share a key (and so replace each other's output); a run
    without an interval (a manual trigger) is keyed by its run id."""
    if interval_start is not None:
        return interval_start.strftime("%Y-%m-%d")
    return re.sub(r"[^\w.-]+", "_", run_id or "manual")


def runs_dir() -> Path:
    """Per-interval working files (extracted articles, tagged parts) sit beside the warehouse,
    or in COMMITMENTS_RUNS_DIR (storage every worker shares, when tagging runs on several)."""
    configured = os.environ.get("COMMITMENTS_RUNS_DIR")
    return Path(configured) if configured else work_dir() / "runs"


def run_dir(run_key: str) -> Path:
    """The working folder of one run interval; a rerun of the interval overwrites its files."""
    return runs_dir() / run_key


@dataclass(frozen=True)
class Manifest:
    """What a run has done so far. Each stage takes it and returns it extended."""
    run_key: str
    run_dir: str
    run_time: str  # the run's logical time (ISO 8601): quarantine rows carry it, so reruns write the same rows
    articles: int = 0
    rejected: int = 0
    skipped_files: int = 0
    tag_parts: tuple[str, ...] = ()
    staged: dict[str, int] = field(default_factory=dict)
    quarantined_by_validation: int = 0
    loaded: dict[str, int] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return Path(self.run_dir)

    @property
    def logical_time(self) -> datetime:
        """The run's logical time, naive UTC, as the warehouse stores timestamps."""
        return datetime.fromisoformat(self.run_time).replace(tzinfo=None)

    def to_dict(self) -> dict:
        """The form Airflow passes between tasks (XCom): plain JSON types."""
        return asdict(self) | {"tag_parts": list(self.tag_parts)}

    @classmethod
    def from_dict(cls, data: dict) -> "Manifest":
        return cls(**(data | {"tag_parts": tuple(data.get("tag_parts", ()))}))


def write_jsonl(records: Iterable[object], path: Path) -> int:
    """Write dataclasses or dicts as JSON Lines, atomically so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".partial")
    count = 0
    with open(partial, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record if isinstance(record, dict) else asdict(record), ensure_ascii=False))
            handle.write("\n")
            count += 1
    partial.replace(path)
    return count


def read_jsonl(path: Path, start: int = 0, stop: int | None = None) -> list[dict]:
    """The records ``start`` to ``stop`` of a JSON Lines file; the lines before ``start`` are
    skipped unparsed, so that each tagging batch pays only for its own records."""
    with open(path, encoding="utf-8") as handle:
        lines = itertools.islice((line for line in handle if line.strip()), start, stop)
        return [json.loads(line) for line in lines]


def write_part(records: list[dict], schema, target: Path) -> Path:
    """One Parquet part of ``records`` with the Arrow ``schema``, written atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    pq.write_table(pa.Table.from_pylist(records, schema=schema), partial, compression="zstd")
    partial.replace(target)
    return target


def read_parts(parts: Iterable[str]) -> list[dict]:
    """The records of every part, in the order of the parts' names."""
    import pyarrow.parquet as pq

    return [record for part in sorted(parts) for record in pq.read_table(part).to_pylist()]
