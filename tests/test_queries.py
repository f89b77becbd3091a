"""Every query of docs/queries.md, run on the published sample warehouse, gives its documented answer."""
import csv
import io
import re
from datetime import date

import duckdb
import pytest

from conftest import PROJECT_ROOT

QUERIES = PROJECT_ROOT / "docs" / "queries.md"
EXAMPLE = re.compile(r"^## (?P<question>.+?)\n.*?```sql\n(?P<sql>.*?)```\s*```csv\n(?P<answer>.*?)```", re.S | re.M)


def examples() -> list[tuple[str, str, str]]:
    return [(m["question"], m["sql"], m["answer"]) for m in EXAMPLE.finditer(QUERIES.read_text())]


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
def test_documented_query_gives_the_documented_answer(sample_warehouse, question, sql, answer):
    with duckdb.connect(str(sample_warehouse.published), read_only=True) as connection:
        assert as_csv(connection.execute(sql)) == answer
