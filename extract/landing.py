"""Incremental extraction: a landing folder's files are read once.

When a run loads, the fingerprint of every file it read (path, size, modification time) goes
into ``raw.source_files`` in the same transaction as the file's rows. A later run skips the files
whose fingerprint an earlier interval loaded, so a folder that keeps growing costs only its new
and changed files. A rerun of the same interval reads its own files again (so it replaces its
rows), and URLs are always fetched: only files are fingerprinted.
"""
import os
from dataclasses import dataclass, field
from pathlib import Path

from extract.settings import warehouse_path
from extract.warehouse import connect, has_table


def fingerprint(path: Path, stat: os.stat_result) -> tuple[str, int, int]:
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns


def loaded_by_other_runs(run_key: str) -> set[tuple[str, int, int]]:
    """Fingerprints of the files that other intervals loaded (none before the first load)."""
    if not warehouse_path().exists():
        return set()
    with connect(read_only=True) as connection:
        if not has_table(connection, "raw", "source_files"):
            return set()
        return set(connection.execute(
            "select path, size_bytes, modified_ns from raw.source_files where run_key <> ?", [run_key]).fetchall())


@dataclass
class LandingFilter:
    """Decides which files a run reads, and remembers the fingerprints of those it read."""
    loaded: set[tuple[str, int, int]]
    read: list[dict] = field(default_factory=list)
    skipped: int = 0

    def wants(self, path: Path) -> bool:
        try:
            key = fingerprint(path, path.stat())
        except OSError:
            return True  # gone or unreadable: reading it yields the rejection that says so
        if key in self.loaded:
            self.skipped += 1
            return False
        self.read.append({"path": key[0], "size_bytes": key[1], "modified_ns": key[2]})
        return True
