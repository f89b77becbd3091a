"""Tag articles with parties, sectors and commitments, and the tag stage of a run."""
import sys
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from extract.articles import ARTICLES_FILE, TAGGED_FILE, read_jsonl, write_jsonl

BATCH_SIZE = 64


def tag_articles(articles: Iterable[dict], n_process: int = 1) -> list[dict]:
    """Each article record with ``mentioned_countries`` and ``commitments`` added."""
    from extract.tagger.countries import published_on
    from extract.tagger.pipeline import load_pipeline

    nlp = load_pipeline()
    articles = list(articles)
    docs = (published_on(nlp.make_doc(a["body"]), a.get("published_date")) for a in articles)
    tagged = []
    for article, doc in zip(articles, nlp.pipe(docs, batch_size=BATCH_SIZE, n_process=n_process), strict=True):
        mentioned = list(dict.fromkeys(ent.ent_id_ for ent in doc.ents))
        tagged.append(article | {"mentioned_countries": mentioned,
                                 "commitments": [asdict(c) for c in doc._.commitments]})
    return tagged


def tag_batch(manifest: dict) -> dict:
    """The tag stage: the run's articles, tagged, as a file in the run's folder."""
    folder = Path(manifest["run_dir"])
    tagged = tag_articles(read_jsonl(folder / ARTICLES_FILE))
    write_jsonl(tagged, folder / TAGGED_FILE)
    commitments = sum(len(article["commitments"]) for article in tagged)
    print(f"tag: {len(tagged)} articles, {commitments} commitments", file=sys.stderr)
    return manifest | {"commitments": commitments}
