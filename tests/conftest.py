"""Test-wide environment. Airflow reads its configuration when first imported, so AIRFLOW_HOME
and friends are set here, before any test module imports it."""
import codecs
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bench.dag_runs import airflow_environment

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="commitments-tests-"))
os.environ.update(airflow_environment(_SESSION_DIR / "airflow") | {
    # No test may touch the developer's own warehouse: every test gets its own below.
    "COMMITMENTS_WAREHOUSE": str(_SESSION_DIR / "unused" / "commitments.duckdb"),
    "COMMITMENTS_PUBLISHED_DIR": str(_SESSION_DIR / "unused" / "published"),
    # The saved tagging pipeline is built once per session, away from the developer's own copy.
    "COMMITMENTS_TAGGER": str(_SESSION_DIR / "tagger"),
})

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT_ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


@pytest.fixture
def warehouse(tmp_path, monkeypatch) -> Path:
    """A fresh, empty warehouse location (and published folder) for one test."""
    path = tmp_path / "warehouse" / "commitments.duckdb"
    monkeypatch.setenv("COMMITMENTS_WAREHOUSE", str(path))
    monkeypatch.setenv("COMMITMENTS_PUBLISHED_DIR", str(tmp_path / "published"))
    return path


@pytest.fixture(scope="session")
def airflow_db() -> None:
    """Airflow's SQLite metadata database, created once per session."""
    subprocess.run([str(Path(sys.executable).with_name("airflow")), "db", "migrate"], check=True,
                   capture_output=True)


@pytest.fixture(scope="session")
def nlp():
    from extract.tagger.pipeline import load_pipeline
    return load_pipeline()


@pytest.fixture(scope="session")
def tag(nlp):
    """Tag one text as an article published on ``published`` (ISO date), as the pipeline does."""
    from extract.tagger.countries import published_on

    def run(text: str, published: str | None = "2023-06-01"):
        return nlp(published_on(nlp.make_doc(text), published))
    return run


@pytest.fixture
def loaded_samples(warehouse):
    """The sample corpus extracted, tagged, staged, audited and loaded into the test's warehouse;
    the run's manifest."""
    from extract.runner import run_pipeline

    return run_pipeline(str(SAMPLES), run_id="manual__samples", until="load_raw")


class LocalSite:
    """A real HTTP server on 127.0.0.1 serving canned answers, recording what it was asked."""

    def __init__(self):
        import http.server
        import threading

        self.routes: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.requests: list[tuple[str, dict]] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append((self.path, dict(self.headers)))
                answers = site.routes.get(self.path) or [(404, {}, b"not found")]
                status, headers, body = answers.pop(0) if len(answers) > 1 else answers[0]
                self.send_response(status)
                for name, value in ({"Content-Length": str(len(body))} | headers).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def serve(self, path: str, body: bytes | str, status: int = 200, content_type: str = "text/html",
              then: list[tuple[int, dict, bytes]] | None = None) -> str:
        """Answer ``path`` with ``then`` answers in turn (for retries), then with ``body`` for good."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = list(then or []) + [(status, {"Content-Type": content_type}, data)]
        return self.base + path

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def local_site():
    site = LocalSite()
    yield site
    site.close()


GOOD_ARTICLE = SAMPLES / "s07_indonesia_japan_energy.txt"
# Every hostile input and the start of the reason it must be quarantined with.
HOSTILE_REASONS = {
    "empty.txt": "empty file",
    "blank.txt": "empty file",
    "binary.html": "binary content",
    "archive_renamed.txt": "binary content (a zip archive)",
    "invalid.json": "malformed JSON",
    "array_of_numbers.json#1": "JSON item is int, not an object",
    "array_of_numbers.json#2": "JSON item is int, not an object",
    "array_of_numbers.json#3": "JSON item is str, not an object",
    "only_head.html": "no article text found",
    "only_script.html": "no article text found",
    "billion_laughs.xml": "unsafe XML refused",
    "external_entity.xml": "unsafe XML refused",
    "forty_megabytes.txt": "too large",
    "one_megabyte_line.txt": "a line of 1000000 characters",
}
# Copies of GOOD_ARTICLE that must fold into it.
GOOD_COPIES = ("good_cp1252.txt", "good_utf16.txt", "same_article_other_name.txt")


def make_hostile_corpus(folder: Path) -> Path:
    """The hostile fixture set, the generated giants, and a good article with three copies."""
    folder.mkdir(parents=True, exist_ok=True)
    for fixture in (FIXTURES / "hostile").iterdir():
        if fixture.suffix != ".md":
            shutil.copy(fixture, folder / fixture.name)
    with open(folder / "forty_megabytes.txt", "wb") as handle:
        handle.truncate(40 * 1024 * 1024)
    (folder / "one_megabyte_line.txt").write_text("Japan and India agreed. " + "x" * (1_000_000 - 24) + "\n")
    text = GOOD_ARTICLE.read_text(encoding="utf-8")
    (folder / "good.txt").write_text(text, encoding="utf-8")
    (folder / "good_cp1252.txt").write_bytes(text.encode("cp1252", errors="replace"))
    (folder / "good_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (folder / "same_article_other_name.txt").write_text(text, encoding="utf-8")
    return folder


def inbox_with_one_article(folder: Path) -> Path:
    """A landing folder with one new article of 7 May 2024: Peru and Chile's lithium pact."""
    folder.mkdir()
    (folder / "peru_chile.txt").write_text(
        "Tuesday, 7 May 2024\n\nPeru and Chile sign lithium pact\n\nLIMA - Peru and Chile signed an agreement "
        "on Tuesday to cooperate on lithium mining and to build a joint research centre for battery materials.\n")
    return folder


def run_spoiled(sources: str, interval: datetime, stage_sql: str | None = None, marts_sql: str | None = None):
    """The whole pipeline without Airflow, on the warehouse the environment names, with SQL run
    after the write of each level (the stage, the marts) to spoil it."""
    from extract.runner import run_pipeline
    from extract.warehouse import connect

    def spoil(sql: str):
        def run():
            with connect() as connection:
                connection.execute(sql)
        return run

    spoilers = {"stage_articles": stage_sql, "dbt": marts_sql}
    return run_pipeline(sources, interval, after={stage: spoil(sql) for stage, sql in spoilers.items() if sql})


@dataclass(frozen=True)
class SampleWarehouse:
    working: Path
    published: Path
    dbt_target: Path


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> SampleWarehouse:
    """The sample corpus loaded, built with dbt (docs included) and published, once per session.
    Tests must not change it."""
    from extract.runner import run_pipeline
    from extract.settings import dbt_target_dir, published_path, warehouse_path

    folder = tmp_path_factory.mktemp("sample_warehouse")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMMITMENTS_WAREHOUSE", str(folder / "warehouse" / "commitments.duckdb"))
        patch.setenv("COMMITMENTS_PUBLISHED_DIR", str(folder / "published"))
        run_pipeline(str(SAMPLES), datetime(2024, 5, 6, tzinfo=timezone.utc))
        return SampleWarehouse(warehouse_path(), published_path(), dbt_target_dir())


@pytest.fixture
def published_samples(sample_warehouse, monkeypatch) -> Path:
    """The environment of a test pointed at the published sample warehouse (read it, never write)."""
    monkeypatch.setenv("COMMITMENTS_WAREHOUSE", str(sample_warehouse.working))
    monkeypatch.setenv("COMMITMENTS_PUBLISHED_DIR", str(sample_warehouse.published.parent))
    return sample_warehouse.published
