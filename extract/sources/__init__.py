"""Where articles come from: directories, files, RSS/Atom feeds and web pages, behind one
interface. ``open_source(spec)`` turns a path or URL into a ``Source``; ``read()`` yields its raw
documents and, for every part that cannot be read, a ``Rejection`` with the reason. No input
ever raises out of ``read()``: one bad file must not stop a run.
"""
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from extract.sources.documents import InputRejected, RawDocument, Rejection
from extract.sources.feeds import feed_documents, looks_like_feed
from extract.sources.files import (
    decode,
    html_document,
    json_documents,
    jsonl_documents,
    read_file_bytes,
    text_document,
)
from extract.sources.http import fetch, is_url

__all__ = ["DirectorySource", "InputRejected", "RawDocument", "Rejection", "Source", "open_source",
           "read_sources"]

# Which files to read (the others are skipped silently): every file unless told otherwise.
FileFilter = Callable[[Path], bool]


def every_file(path: Path) -> bool:
    return True

SUFFIX_FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl",
                  ".xml": "feed", ".rss": "feed", ".atom": "feed"}
# Annotation sidecars of the evaluation corpora sit beside the articles; they are not articles.
ANNOTATION_SUFFIX = ".gold.json"


def _parse(source: str, data: bytes, file_format: str | None, url: str | None = None):
    """Documents and rejections of one input's bytes; InputRejected when none can be read."""
    if file_format == "feed" or (file_format in (None, "html") and looks_like_feed(data)):
        return feed_documents(source, data)
    text = decode(data)
    if file_format == "json":
        return json_documents(source, text)
    if file_format == "jsonl":
        return jsonl_documents(source, text)
    if file_format == "text":
        return [text_document(source, text, url)], []
    if file_format == "html" or (file_format is None and "<html" in text[:4096].lower()):
        return [html_document(source, text, url)], []
    raise InputRejected("unsupported content: not text, HTML, a JSON item or a feed")


def _guarded(source: str, read) -> Iterator[RawDocument | Rejection]:
    try:
        documents, rejections = read()
    except InputRejected as exc:
        yield Rejection(source, str(exc))
        return
    except Exception as exc:  # a parser bug on one input must not stop the run
        yield Rejection(source, f"unreadable: {type(exc).__name__}: {exc}")
        return
    yield from documents
    yield from rejections


@dataclass(frozen=True)
class FileSource:
    path: Path

    def read(self, wants: FileFilter = every_file) -> Iterator[RawDocument | Rejection]:
        source = str(self.path)
        suffix = self.path.suffix.lower()
        if not wants(self.path):
            return
        if suffix not in SUFFIX_FORMATS:
            yield Rejection(source, f"unsupported file type {suffix or '(none)'!r}")
            return
        yield from _guarded(source, lambda: _parse(source, read_file_bytes(self.path), SUFFIX_FORMATS[suffix]))


@dataclass(frozen=True)
class DirectorySource:
    """Every supported file below the folder, recursively, in a stable order."""
    path: Path

    def files(self) -> list[Path]:
        return sorted(p for p in self.path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIX_FORMATS
                      and not p.name.endswith(ANNOTATION_SUFFIX))

    def read(self, wants: FileFilter = every_file) -> Iterator[RawDocument | Rejection]:
        for child in self.files():
            yield from FileSource(child).read(wants)


@dataclass(frozen=True)
class UrlSource:
    """A web page or a feed, told apart by what the server sends."""
    url: str

    def read(self, wants: FileFilter = every_file) -> Iterator[RawDocument | Rejection]:
        def fetch_and_parse():
            data, content_type = fetch(self.url)
            suffix = Path(urlparse(self.url).path).suffix.lower()
            file_format = SUFFIX_FORMATS.get(suffix)
            if "json" in content_type and file_format not in ("json", "jsonl"):
                file_format = "json"
            elif file_format is None and content_type.startswith("text/plain"):
                file_format = "text"
            return _parse(self.url, data, file_format, url=self.url)

        yield from _guarded(self.url, fetch_and_parse)


@dataclass(frozen=True)
class MissingSource:
    spec: str

    def read(self, wants: FileFilter = every_file) -> Iterator[RawDocument | Rejection]:
        yield Rejection(self.spec, "no such file or directory")


Source = FileSource | DirectorySource | UrlSource | MissingSource


def open_source(spec: str) -> Source:
    if is_url(spec):
        return UrlSource(spec)
    path = Path(spec)
    if path.is_dir():
        return DirectorySource(path)
    if path.is_file():
        return FileSource(path)
    return MissingSource(spec)


def read_sources(specs: Iterable[str], wants: FileFilter = every_file) -> Iterator[RawDocument | Rejection]:
    """Every document and rejection of the inputs; files that ``wants`` declines are skipped."""
    for spec in specs:
        yield from open_source(spec).read(wants)

