"""What every source yields: raw documents to turn into articles, or rejections with a reason."""
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


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str
