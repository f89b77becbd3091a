"""Every query of docs/queries.md, run on the published sample warehouse, gives its documented answer."""
import csv
import io
import os
import re
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT, SAMPLES

QUERIES = PROJECT_ROOT / "docs" / "queries.md"
EXAMPLE = re.compile(r"^## (?P<question>.+?)\n.*?```sql\n(?P<sql>.*?)```\s*```csv\n(?P<answer>.*?)```", re.S | re.M)


def examples() -> list[tuple[str, str, str]]:
    return [(m["question"], m["sql"], m["answer"]) for m in EXAMPLE.finditer(QUERIES.read_text())]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    from extract.articles import extract_batch
    from extract.load import load_batch
    from extract.publish import publish_warehouse
    from extract.tagger import tag_batch
    from extract.transform import run_dbt

    folder = tmp_path_factory.mktemp("queries")
    saved = {key: os.environ.get(key) for key in ("COMMITMENTS_WAREHOUSE", "COMMITMENTS_PUBLISHED_DIR")}
    os.environ["COMMITMENTS_WAREHOUSE"] = str(folder / "warehouse" / "commitments.duckdb")
    os.environ["COMMITMENTS_PUBLISHED_DIR"] = str(folder / "published")
    try:
        load_batch(tag_batch(extract_batch(str(SAMPLES), datetime(2024, 5, 6, tzinfo=timezone.utc))))
        run_dbt("build")
        return publish_warehouse()
    finally:
        for key, value in saved.items():
            os.environ[key] = value


def as_csv(cursor) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column[0] for column in cursor.description])
    for row in cursor.fetchall():
        writer.writerow([value.isoformat() if isinstance(value, date) else value for value in row])
    return out.getvalue()


def test_the_guide_has_its_examples():
    assert len(examples()) >= 8


@pytest.mark.parametrize("question, sql, answer", examples(), ids=[e[0][:60] for e in examples()])
def test_documented_query_gives_the_documented_answer(published, question, sql, answer):
    with duckdb.connect(str(published), read_only=True) as connection:
        assert as_csv(connection.execute(sql)) == answer
