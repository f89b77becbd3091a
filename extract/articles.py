"""From raw documents to clean article records, and the extract stage of a run."""
import hashlib
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit, urlunsplit

from extract import cleaning, dates
from extract.landing import LandingFilter, loaded_by_other_runs
from extract.language import detect_language
from extract.runs import ARTICLES_FILE, REJECTIONS_FILE, SOURCE_FILES_FILE, Manifest, run_dir, run_key_for, write_jsonl
from extract.settings import MAX_ARTICLE_CHARS, default_sources
from extract.sources import FileFilter, InputRejected, RawDocument, Rejection, every_file, read_sources

log = logging.getLogger(__name__)
# Below this many documents, worker processes cost more to start than they save.
PARALLEL_MIN_DOCUMENTS = 500


@dataclass
class Article:
    article_id: str
    source: str
    url: str | None
    title: str | None
    body: str
    published_date: str | None  # ISO 8601 date
    date_rule: str | None  # the rule of extract.dates that found the date
    language: str
    content_hash: str
    duplicate_sources: list[str] = field(default_factory=list)  # other inputs with the same article
    # When this version was last written, if the input says: ISO 8601 in UTC, so that versions
    # compare as strings, here and in the load against the warehouse's copy.
    version_time: str | None = None


def _normalised_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def content_hash(body: str) -> str:
    """Equal for the same text whatever its whitespace, case, punctuation or encoding."""
    return hashlib.sha256(_normalised_words(body).encode("utf-8")).hexdigest()


def canonical_url(url: str) -> str:
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))


def make_article_id(url: str | None, body_hash: str) -> str:
    key = f"url:{canonical_url(url)}" if url else f"text:{body_hash}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _clean_text(document: RawDocument) -> cleaning.ArticleText:
    if document.media_type == "html":
        return cleaning.clean_html(document.content)
    if document.media_type == "item":
        return cleaning.ArticleText(document.title, cleaning.item_text(document.content), "")
    return cleaning.clean_text(document.content)


def to_article(document: RawDocument) -> Article:
    """One clean article, or InputRejected with the reason it cannot be one."""
    text = _clean_text(document)
    if not text.body.strip():
        raise InputRejected("no article text found (only boilerplate or markup)")
    if len(text.body) > MAX_ARTICLE_CHARS:
        raise InputRejected(f"article text too long: {len(text.body)} characters (limit {MAX_ARTICLE_CHARS})")
    language = detect_language(text.body)
    published = dates.published_date(document, text, language)
    body_hash = content_hash(text.body)
    return Article(
        article_id=make_article_id(document.url, body_hash),
        source=document.source,
        url=document.url,
        title=document.title or text.title,
        body=text.body,
        published_date=published.iso,
        date_rule=published.rule,
        language=language,
        content_hash=body_hash,
        version_time=moment.isoformat() if (moment := dates.version_moment(document)) else None,
    )


def _article_or_rejection(document: RawDocument) -> Article | Rejection:
    try:
        return to_article(document)
    except InputRejected as exc:
        return Rejection(document.source, str(exc))
    except Exception as exc:  # a parser bug on one input must not stop the run
        return Rejection(document.source, f"unreadable: {type(exc).__name__}: {exc}")


def _convert(documents: list[RawDocument], workers: int) -> list[Article | Rejection]:
    """Clean and date the documents, in order; on several processes when there are many (the
    extract task runs alone, before tagging, so it may use every core)."""
    if workers < 2 or len(documents) < PARALLEL_MIN_DOCUMENTS:
        return [_article_or_rejection(document) for document in documents]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        # spawn, not fork: the Airflow worker that calls this runs threads.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            return list(pool.map(_article_or_rejection, documents, chunksize=64))
    except BrokenProcessPool as error:
        log.warning("extract: worker processes failed (%s); extracting in this process", error)
        return [_article_or_rejection(document) for document in documents]


def extract_articles(paths: Iterable[str], wants: FileFilter = every_file,
                     workers: int | None = None) -> tuple[list[Article], list[Rejection]]:
    """One article per canonical URL (or per text, for inputs without one), and every rejection,
    in the order of the inputs; files that ``wants`` declines are skipped. Copies of one text
    fold into the first; versions of one URL with other texts into the later (``_later``). The
    article kept remembers every other input as a duplicate source."""
    workers = workers or int(os.environ.get("COMMITMENTS_EXTRACT_WORKERS", os.cpu_count() or 1))
    items = list(read_sources(paths, wants))
    converted = iter(_convert([item for item in items if isinstance(item, RawDocument)], workers))
    by_id: dict[str, Article] = {}
    id_of_text: dict[str, str] = {}
    rejections: list[Rejection] = []
    for item in items:
        outcome = item if isinstance(item, Rejection) else next(converted)
        if isinstance(outcome, Rejection):
            rejections.append(outcome)
        elif outcome.content_hash in id_of_text:
            by_id[id_of_text[outcome.content_hash]].duplicate_sources.append(outcome.source)
        elif (held := by_id.get(outcome.article_id)) is None:
            by_id[outcome.article_id] = outcome
            id_of_text[outcome.content_hash] = outcome.article_id
        else:
            kept, other = (outcome, held) if _later(outcome, held) else (held, outcome)
            kept.duplicate_sources.extend([other.source, *other.duplicate_sources])
            by_id[outcome.article_id] = kept
            id_of_text[outcome.content_hash] = outcome.article_id
    return list(by_id.values()), rejections


def _later(version: Article, held: Article) -> bool:
    """Whether ``version``, read after ``held``, is the later version of their URL: by the time
    each says it was written when both say it, else because it was read later (a later file or
    fetch)."""
    if version.version_time and held.version_time:
        return version.version_time >= held.version_time
    return True


def parse_sources(sources: str | list[str], interval_start: datetime | None = None) -> list[str]:
    """Paths and URLs, as a list or as one comma-separated string (the form `make run` passes).
    ``{date}`` stands for the run interval's date (YYYY-MM-DD), so that one setting reads dated
    landing folders, one per interval, in a backfill."""
    items = sources.split(",") if isinstance(sources, str) else sources
    day = (interval_start or datetime.now(timezone.utc)).strftime("%Y-%m-%d")
    return [item.strip().replace("{date}", day) for item in items if item and item.strip()]


def extract_batch(sources: str | list[str], interval_start: datetime | None = None,
                  run_id: str | None = None) -> Manifest:
    """The extract stage: a run's articles and rejections as files in the run's folder.
    Returns the run's manifest, which the later stages take and extend. No sources given means
    the configured default (COMMITMENTS_SOURCES, else the shipped samples)."""
    sources = parse_sources(sources, interval_start) or default_sources()
    run_key = run_key_for(interval_start, run_id)
    landing = LandingFilter(loaded_by_other_runs(run_key))
    articles, rejections = extract_articles(sources, landing.wants)
    folder = run_dir(run_key)
    write_jsonl(rejections, folder / REJECTIONS_FILE)
    write_jsonl(articles, folder / ARTICLES_FILE)
    write_jsonl(landing.read, folder / SOURCE_FILES_FILE)
    skipped = f"; {landing.skipped} files skipped, loaded by earlier runs" if landing.skipped else ""
    log.info("extract: %d articles, %d rejected inputs from %s%s", len(articles), len(rejections),
             ", ".join(sources), skipped)
    run_time = (interval_start or datetime.now(timezone.utc)).isoformat()
    return Manifest(run_key=run_key, run_dir=str(folder), run_time=run_time, articles=len(articles),
                    rejected=len(rejections), skipped_files=landing.skipped)
