"""What every source yields: raw documents to turn into articles, or rejections with a reason."""
from collections.abc import Callable, Iterable
from dataclasses import dataclass


class InputRejected(Exception):
    """An input that cannot become an article; the message is the reason shown in quarantine."""


@dataclass(frozen=True)
class RawDocument:
    source: str  # path or URL; "#n" marks the nth item of a feed or JSON Lines file
    media_type: str  # "text", "html" or "item" (a news-API or feed item whose body is text or HTML)
    content: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # the item's or feed's own publication field, unparsed
    modified: str | None = None  # the item's own last-modified field, unparsed


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str


def per_item(source: str, records: Iterable[tuple[int, object]],
             to_document: Callable[[str, object], RawDocument]) -> tuple[list[RawDocument], list[Rejection]]:
    """One document per good item of a feed or JSON file, one rejection per bad one: a bad item
    never costs the others. Item sources are numbered ``source#n``."""
    documents, rejections = [], []
    for number, record in records:
        item_source = f"{source}#{number}"
        try:
            documents.append(to_document(item_source, record))
        except InputRejected as exc:
            rejections.append(Rejection(item_source, str(exc)))
    return documents, rejections
