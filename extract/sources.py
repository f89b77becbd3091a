"""Read inputs (files, directories, web pages) into raw documents, or reject them with a reason.

A document is the unit the rest of the pipeline turns into one article: a scraped text, an HTML
page, or one news-API item (a ``.json`` file, or one line of a ``.jsonl`` file).
"""
import codecs
import json
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from extract.settings import MAX_INPUT_BYTES

SUFFIX_MEDIA_TYPES = {".txt": "text", ".html": "html", ".htm": "html", ".json": "item", ".jsonl": "item"}
# Annotation sidecars of the evaluation corpora sit beside the articles; they are not articles.
ANNOTATION_SUFFIX = ".gold.json"
ITEM_FIELDS = ("title", "url", "published", "body")
USER_AGENT = "commitments-warehouse/0.1 (+https://example.org/commitments-warehouse)"
HTTP_TIMEOUT_SECONDS = 20


class InputRejected(Exception):
    """An input that cannot become an article; the message is the reason shown in quarantine."""


@dataclass(frozen=True)
class RawDocument:
    source: str
    media_type: str  # "text", "html" or "item"
    content: str  # the scraped text, the page's HTML, or the item's body (text or HTML)
    title: str | None = None
    url: str | None = None
    published: str | None = None  # an item's own publication field, unparsed


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str


def is_url(source: str) -> bool:
    return "://" in source


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, in a stable order) into the files the pipeline reads.

    Explicitly named files and URLs are passed through even when their type is unknown, so that
    the reader can reject them with a reason instead of skipping them silently.
    """
    for raw in paths:
        if is_url(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIX_MEDIA_TYPES and not child.name.endswith(ANNOTATION_SUFFIX):
                    yield str(child)
        elif not path.name.endswith(ANNOTATION_SUFFIX):
            yield str(path)


def decode(data: bytes) -> str:
    """Bytes to text: BOMs first, then UTF-8, then cp1252 (the usual encoding of old Windows
    exports). Binary data is refused rather than decoded into noise."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:8192]:
        raise InputRejected("binary content (NUL bytes and no text encoding mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputRejected(f"undecodable text: {exc.reason} at byte {exc.start}") from exc


def _read_bytes(source: str) -> bytes:
    if is_url(source):
        return _fetch(source)
    path = Path(source)
    if not path.is_file():
        raise InputRejected("no such file")
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputRejected(f"too large: {size} bytes (limit {MAX_INPUT_BYTES})")
    return path.read_bytes()


def _fetch(url: str) -> bytes:
    scheme = urlparse(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputRejected(f"unsupported URL scheme {scheme!r}: only http and https are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
            data = response.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputRejected(f"fetch failed: {exc}") from exc
    if len(data) > MAX_INPUT_BYTES:
        raise InputRejected(f"too large: more than {MAX_INPUT_BYTES} bytes")
    return data


def _media_type(source: str, text: str) -> str:
    suffix = Path(urlparse(source).path if is_url(source) else source).suffix.lower()
    if suffix in SUFFIX_MEDIA_TYPES:
        return SUFFIX_MEDIA_TYPES[suffix]
    if is_url(source) and "<html" in text[:2000].lower():
        return "html"
    raise InputRejected(f"unsupported file type {suffix or '(none)'!r}")


def _item(source: str, record: object) -> RawDocument:
    if not isinstance(record, dict):
        raise InputRejected("JSON item is not an object")
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        raise InputRejected("JSON item has no body text")
    fields = {key: record.get(key) if isinstance(record.get(key), str) else None for key in ("title", "url")}
    published = record.get("published")
    return RawDocument(source, "item", body, fields["title"], fields["url"],
                       None if published is None else str(published))


def read_source(source: str) -> tuple[list[RawDocument], list[Rejection]]:
    """Every document in one input, and every part of it that could not be read, with why."""
    try:
        text = decode(_read_bytes(source))
        media_type = _media_type(source, text)
        if media_type != "item":
            if not text.strip():
                raise InputRejected("empty file")
            return [RawDocument(source, media_type, text, url=source if is_url(source) else None)], []
        if source.lower().endswith(".jsonl"):
            return _jsonl_items(source, text)
        try:
            return [_item(source, json.loads(text))], []
        except json.JSONDecodeError as exc:
            raise InputRejected(f"malformed JSON: {exc.msg} at line {exc.lineno}") from exc
    except InputRejected as exc:
        return [], [Rejection(source, str(exc))]


def _jsonl_items(source: str, text: str) -> tuple[list[RawDocument], list[Rejection]]:
    documents, rejections = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        line_source = f"{source}#{number}"
        try:
            documents.append(_item(line_source, json.loads(line)))
        except json.JSONDecodeError as exc:
            rejections.append(Rejection(line_source, f"malformed JSON: {exc.msg}"))
        except InputRejected as exc:
            rejections.append(Rejection(line_source, str(exc)))
    if not documents and not rejections:
        rejections.append(Rejection(source, "empty file"))
    return documents, rejections
