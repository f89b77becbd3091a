"""Extraction on the shared, annotated dev corpus (../shared/corpus/dev), where it exists."""
import json
import re
from pathlib import Path

import lxml.html
import pytest

from extract.articles import extract_articles

from conftest import PROJECT_ROOT

DEV = PROJECT_ROOT.parent / "shared" / "corpus" / "dev"
pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not beside this checkout")
# Where a scraped page's boilerplate starts: everything from such a line on is not the article.
TEXT_BOILERPLATE_START = re.compile(r"^(Most Popular|Most (Read|Viewed)|Related|Realted|Tags:|Disclaimer|"
                                    r"Trending|Read Next|Terpopuler|Meistgelesen)", re.I)
HTML_BOILERPLATE = "//nav|//aside|//footer|//header|//*[contains(@class, 'cookie')]|//*[contains(@id, 'cookie')]" \
                   "|//*[contains(@class, 'tags')]|//*[contains(@class, 'related')]|//script"


@pytest.fixture(scope="module")
def articles_by_id():
    articles, rejections = extract_articles([str(DEV)])
    assert rejections == []
    by_id: dict[str, list] = {}
    for article in articles:
        by_id.setdefault(Path(article.source).name.split(".")[0], []).append(article)
    return by_id


def gold_files():
    return sorted(DEV.glob("*.gold.json"))


def test_every_file_yields_exactly_one_article(articles_by_id):
    assert sorted(articles_by_id) == sorted(p.name.split(".")[0] for p in gold_files())
    assert all(len(found) == 1 for found in articles_by_id.values())


def boilerplate_lines(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        root = lxml.html.document_fromstring(raw)
        texts = [element.text_content() for element in root.xpath(HTML_BOILERPLATE)]
    elif path.suffix == ".txt":
        lines = raw.splitlines()
        start = next((i for i, line in enumerate(lines) if TEXT_BOILERPLATE_START.match(line.strip())), len(lines))
        texts = lines[start:]
    else:
        return []
    return [line.strip() for text in texts for line in text.splitlines() if len(line.split()) >= 3]


@pytest.mark.parametrize("gold_path", gold_files(), ids=lambda p: p.name.split(".")[0])
def test_no_boilerplate_line_reaches_the_body_and_every_evidence_does(articles_by_id, gold_path):
    gold = json.loads(gold_path.read_text())
    (article,) = articles_by_id[gold["id"]]
    leaked = [line for line in boilerplate_lines(DEV / gold["file"]) if line in article.body]
    assert leaked == []
    for commitment in gold["commitments"]:
        assert commitment["evidence"] in article.body


def test_seed_002_loses_its_related_stories_and_tags(articles_by_id):
    (article,) = articles_by_id["seed_002"]
    for boilerplate in ("Related Stories", "Tags:", "Ramadan Mubarak", "Open in App", "Disclaimer",
                        "Tech Mahindra", "Washington DC Plane Crash"):
        assert boilerplate not in article.body


def test_date_accuracy_is_at_least_97_percent(articles_by_id):
    golds = [json.loads(p.read_text()) for p in gold_files()]
    right = sum(articles_by_id[g["id"]][0].published_date == g["published_date"] for g in golds)
    assert right / len(golds) >= 0.97
