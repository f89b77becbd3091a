"""The tag stage: a run's articles tagged with parties, sectors and commitments.

The stage fans out: ``plan_tag_batches`` cuts the run's articles into batches, ``tag_part``
tags one batch into its own Parquet part (a mapped Airflow task per batch, run in parallel by
the executor), and the load reads the parts back. The tagging itself is the spaCy pipeline of
``extract.tagger``.
"""
import logging
import os
import shutil
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from extract.runs import ARTICLES_FILE, TAGGED_PARTS_DIR, Manifest, read_jsonl, write_part

PIPE_BATCH_SIZE = 64
DEFAULT_PART_ARTICLES = 1000

log = logging.getLogger(__name__)


def tag_articles(articles: Iterable[dict], n_process: int = 1) -> list[dict]:
    """Each article record with ``mentioned_countries`` and ``commitments`` added."""
    from extract.tagger.countries import published_on
    from extract.tagger.pipeline import load_pipeline

    nlp = load_pipeline()
    articles = list(articles)
    docs = (published_on(nlp.make_doc(a["body"]), a.get("published_date")) for a in articles)
    tagged = []
    for article, doc in zip(articles, nlp.pipe(docs, batch_size=PIPE_BATCH_SIZE, n_process=n_process), strict=True):
        mentioned = list(dict.fromkeys(ent.ent_id_ for ent in doc.ents))
        tagged.append(article | {"mentioned_countries": mentioned,
                                 "commitments": [asdict(c) for c in doc._.commitments]})
    return tagged


def tagged_schema():
    """The columns of a tagged part: the article record, its countries and its commitments."""
    import pyarrow as pa

    text, texts = pa.string(), pa.list_(pa.string())
    commitment = pa.struct([("parties", texts), ("sectors", texts), ("evidence", text), ("start_char", pa.int64()),
                            ("end_char", pa.int64()), ("commitment_type", text), ("confidence", pa.float64())])
    return pa.schema([("article_id", text), ("source", text), ("url", text), ("title", text), ("body", text),
                      ("published_date", text), ("date_rule", text), ("language", text), ("content_hash", text),
                      ("duplicate_sources", texts), ("version_time", text), ("mentioned_countries", texts),
                      ("commitments", pa.list_(commitment))])


def plan_tag_batches(manifest: Manifest, part_articles: int | None = None) -> list[dict]:
    """The run's articles cut into batches of ``part_articles`` (COMMITMENTS_TAG_BATCH): one
    small description per batch. Always at least one, so that the stage runs on an empty day."""
    size = part_articles or int(os.environ.get("COMMITMENTS_TAG_BATCH", DEFAULT_PART_ARTICLES))
    # An earlier attempt of the run may have cut its batches differently.
    shutil.rmtree(manifest.folder / TAGGED_PARTS_DIR, ignore_errors=True)
    count = manifest.articles
    return [{"run_dir": manifest.run_dir, "part": number, "start": start, "stop": min(start + size, count)}
            for number, start in enumerate(range(0, max(count, 1), size))]


def tag_part(batch: dict) -> str:
    """Tag one batch of the run's articles into its Parquet part; returns the part's path."""
    folder = Path(batch["run_dir"])
    tagged = tag_articles(read_jsonl(folder / ARTICLES_FILE, batch["start"], batch["stop"]))
    target = write_part(tagged, tagged_schema(), folder / TAGGED_PARTS_DIR / f"part-{batch['part']:05d}.parquet")
    commitments = sum(len(article["commitments"]) for article in tagged)
    log.info("tag: part %d, %d articles, %d commitments", batch["part"], len(tagged), commitments)
    return str(target)
