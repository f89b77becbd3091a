"""RSS and Atom feeds: each item becomes a document.

Feeds are XML from strangers, so they are first parsed with defusedxml, which refuses entity
declarations (the "billion laughs" expansion) and external entities and DTDs; only a feed
that passes is handed to feedparser, which knows the many dialects of RSS and Atom. When an
item carries only a short summary, the item's page is fetched for the full article; that link is
the feed's choice, not the operator's, so it is fetched only when it leads to a public address
(see ``extract.sources.http``), and an item whose link leads elsewhere is quarantined.
"""
import re

from extract.sources.documents import InputRejected, RawDocument, Rejection, per_item
from extract.sources.files import decode
from extract.sources.http import AddressRefused, fetch_link, is_url

FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
# A summary shorter than this is a teaser: the article itself is on the item's page.
FULL_TEXT_MIN_WORDS = 150


def looks_like_feed(data: bytes) -> bool:
    return bool(FEED_ROOT.search(data[:4096]))


def check_safe_xml(data: bytes) -> None:
    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    try:
        safe_tree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputRejected(f"unsafe XML refused ({type(exc).__name__}): {exc}") from exc
    except safe_tree.ParseError as exc:
        raise InputRejected(f"malformed XML: {exc}") from exc


def _word_count(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


def feed_documents(source: str, data: bytes) -> tuple[list[RawDocument], list[Rejection]]:
    import feedparser

    check_safe_xml(data)
    feed = feedparser.parse(data)
    if not feed.entries:
        raise InputRejected(f"feed has no items{': ' + str(feed.bozo_exception) if feed.bozo else ''}")
    return per_item(source, enumerate(feed.entries, 1), _entry_document)


def _entry_document(source: str, entry) -> RawDocument:
    title = entry.get("title")
    link = entry.get("link")
    published = entry.get("published") or entry.get("updated")
    content = "\n".join(part.get("value", "") for part in entry.get("content", []))
    summary = entry.get("summary", "")
    body = content if content.strip() else summary
    if _word_count(body) < FULL_TEXT_MIN_WORDS and link and is_url(link):
        try:
            page, _ = fetch_link(link)
            return RawDocument(source, "html", decode(page), title, link, published, entry.get("updated"))
        except AddressRefused:
            raise  # a feed pointing into the operator's network is not a page that is merely gone
        except InputRejected:
            if not body.strip():
                raise
            # The page is gone or refused: the summary is still the item's own text.
    if not body.strip():
        raise InputRejected("feed item has neither content nor a summary, and no page to fetch")
    return RawDocument(source, "item", body, title, link, published, entry.get("updated"))
