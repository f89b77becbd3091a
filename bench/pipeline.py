"""The pipeline benchmark behind ``make bench``: whole DAG runs on generated corpora.

Each size gets its own warehouse and Airflow home, and the DAG runs once with
``airflow dags test`` on a landing folder of generated articles, as in production. Stage
throughput comes from the task start and end times Airflow logs; peak memory is the largest
resident size of the run's process (``dags test`` runs every task in it). For the largest size
the incremental case follows: a run with nothing new in the landing folder (the fixed cost of a
run), then a run after new files arrived.
"""
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from bench.corpus import generate, write_corpus
from bench.dag_runs import airflow_environment, dag_test_command

# Stage of the pipeline each task belongs to, by task id prefix.
STAGES = {
    "extract": ("extract_articles",),
    "tag": ("plan_tag_batches", "tag_part"),
    "load": ("stage_articles", "load_raw"),
    "validation": ("validate_stage", "validate_marts"),
    "dbt": ("dbt.",),
    "publish": ("document_marts", "publish", "report"),
}
TASK_LINE = re.compile(r"^(\S+) .*\[DAG TEST\] (starting|end task) task_id=(\S+) map_index=(-?\d+)")
END_TO_END_TARGET_SECONDS = 120
MARGINAL_TARGET_SHARE = 0.10
PEAK_MEMORY_TARGET_MB = 2048
FIRST_DAY = date(2024, 6, 3)


@dataclass
class DagRunMeasure:
    label: str
    articles: int
    wall_seconds: float
    peak_memory_mb: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    tag_parts: int = 0

    def line(self) -> str:
        stages = "  ".join(f"{stage} {seconds:5.1f}s" for stage, seconds in self.stage_seconds.items())
        return (f"  {self.label:<34} {self.wall_seconds:6.1f} s end to end, peak {self.peak_memory_mb:5.0f} MB"
                f"\n      {stages}")

    def throughput(self) -> str:
        rates = "  ".join(f"{stage} {self.articles / seconds:7.0f}/s" if seconds > 0 else f"{stage} -"
                          for stage, seconds in self.stage_seconds.items())
        return f"      articles per second by stage: {rates}"


def stage_durations(log: str) -> tuple[dict[str, float], int]:
    """Seconds per stage from the task start/end lines of a ``dags test`` log, and how many
    tagging parts ran."""
    started: dict[tuple[str, str], datetime] = {}
    totals = dict.fromkeys(STAGES, 0.0)
    parts = 0
    for line in log.splitlines():
        match = TASK_LINE.match(line)
        if not match:
            continue
        stamp, event, task_id, map_index = match.groups()
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        if event == "starting":
            started[(task_id, map_index)] = moment
            continue
        seconds = (moment - started.pop((task_id, map_index), moment)).total_seconds()
        parts += task_id == "tag_part"
        for stage, prefixes in STAGES.items():
            if task_id.startswith(prefixes):
                totals[stage] += seconds
                break
    return totals, parts


def run_dag(workdir: Path, sources: Path, day: date, label: str, articles: int) -> DagRunMeasure:
    """One ``airflow dags test`` of the DAG for ``day`` on ``sources``, timed and measured."""
    log_path = workdir / f"dag_{day.isoformat()}.log"
    start = time.perf_counter()
    with open(log_path, "w") as log:
        process = subprocess.Popen(dag_test_command(day.isoformat(), sources), stdout=log, stderr=subprocess.STDOUT,
                                   env=bench_environment(workdir))
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    text = log_path.read_text()
    if status != 0 or "state=success" not in text:
        raise RuntimeError(f"the DAG run for {day} failed; see {log_path}")
    stages, parts = stage_durations(text)
    return DagRunMeasure(label, articles, wall, usage.ru_maxrss / 1024, stages, parts)


def bench_environment(workdir: Path) -> dict[str, str]:
    return os.environ | airflow_environment(workdir / "airflow") | {
        "COMMITMENTS_WAREHOUSE": str(workdir / "warehouse" / "commitments.duckdb"),
        "COMMITMENTS_PUBLISHED_DIR": str(workdir / "published"),
    }


def prepare(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    subprocess.run([str(Path(sys.executable).with_name("airflow")), "db", "migrate"],
                   env=bench_environment(workdir), check=True, capture_output=True)


def run(sizes: tuple[int, ...], new_articles: int, workroot: Path, seed: int = 7) -> str:
    lines = [f"pipeline benchmark: {', '.join(f'{size:,}' for size in sizes)} generated articles, "
             f"seed {seed}; one `airflow dags test` per run, {os.cpu_count()} cores"]
    for size in sizes:
        workdir = workroot / f"{size}"
        prepare(workdir)
        landing = write_corpus(generate(size, seed=seed), workdir / "landing")
        full = run_dag(workdir, landing, FIRST_DAY, f"{size:,} articles, first load", size)
        lines += [full.line(), full.throughput(), f"      tagging ran as {full.tag_parts} mapped tasks"]
        if size != max(sizes):
            continue
        nothing_new = run_dag(workdir, landing, FIRST_DAY + timedelta(days=1), "rerun, nothing new", 0)
        arrivals = generate(new_articles, seed=seed + 1)
        for article in arrivals:
            (landing / f"new_{article.name}").write_text(article.content, encoding="utf-8")
        with_new = run_dag(workdir, landing, FIRST_DAY + timedelta(days=2),
                           f"{new_articles} new files arrived", new_articles)
        share = (with_new.wall_seconds - nothing_new.wall_seconds) / full.wall_seconds
        peak = max(full.peak_memory_mb, nothing_new.peak_memory_mb, with_new.peak_memory_mb)
        lines += [nothing_new.line(), with_new.line(), "targets:",
                  f"  {size:,} articles end to end: {full.wall_seconds:.1f} s, target < "
                  f"{END_TO_END_TARGET_SECONDS} s: {_verdict(full.wall_seconds < END_TO_END_TARGET_SECONDS)}",
                  f"  marginal cost of {new_articles} new articles: {share:.1%} of the full run, target < "
                  f"{MARGINAL_TARGET_SHARE:.0%}: {_verdict(share < MARGINAL_TARGET_SHARE)}",
                  f"  peak memory: {peak:.0f} MB, target < {PEAK_MEMORY_TARGET_MB} MB: "
                  f"{_verdict(peak < PEAK_MEMORY_TARGET_MB)}"]
    return "\n".join(lines)


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"
