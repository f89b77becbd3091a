"""Tag articles with parties, sectors and commitments, and the tag stage of a run.

The stage fans out: ``plan_tag_batches`` cuts the run's articles into batches, ``tag_part``
tags one batch into its own Parquet part (a mapped Airflow task per batch, run in parallel by
the executor), and the load reads the parts back with ``read_tagged_parts``.
"""
import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from extract.articles import ARTICLES_FILE, read_jsonl

PIPE_BATCH_SIZE = 64
DEFAULT_PART_ARTICLES = 1000
PARTS_DIR = "tagged"


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
                      ("duplicate_sources", texts), ("mentioned_countries", texts),
                      ("commitments", pa.list_(commitment))])


def plan_tag_batches(manifest: dict, part_articles: int | None = None) -> list[dict]:
    """The run's articles cut into batches of ``part_articles`` (COMMITMENTS_TAG_BATCH): one
    small description per batch. Always at least one, so that the stage runs on an empty day."""
    size = part_articles or int(os.environ.get("COMMITMENTS_TAG_BATCH", DEFAULT_PART_ARTICLES))
    folder = Path(manifest["run_dir"])
    # An earlier attempt of the run may have cut its batches differently.
    shutil.rmtree(folder / PARTS_DIR, ignore_errors=True)
    count = manifest["articles"]
    return [{"run_dir": str(folder), "part": number, "start": start, "stop": min(start + size, count)}
            for number, start in enumerate(range(0, max(count, 1), size))]


def tag_part(batch: dict) -> str:
    """Tag one batch of the run's articles into its Parquet part; returns the part's path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(batch["run_dir"])
    tagged = tag_articles(read_jsonl(folder / ARTICLES_FILE, batch["start"], batch["stop"]))
    target = folder / PARTS_DIR / f"part-{batch['part']:05d}.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    pq.write_table(pa.Table.from_pylist(tagged, schema=tagged_schema()), partial, compression="zstd")
    partial.replace(target)
    commitments = sum(len(article["commitments"]) for article in tagged)
    print(f"tag: part {batch['part']}, {len(tagged)} articles, {commitments} commitments", file=sys.stderr)
    return str(target)


def read_tagged_parts(parts: Iterable[str]) -> list[dict]:
    import pyarrow.parquet as pq

    return [record for part in sorted(parts) for record in pq.read_table(part).to_pylist()]


def tag_batch(manifest: dict) -> dict:
    """The whole tag stage in this process (the DAG maps ``tag_part`` over the batches instead)."""
    return manifest | {"tag_parts": [tag_part(batch) for batch in plan_tag_batches(manifest)]}
