from urllib.parse import urlsplit

import pytest

from extract.sources import Rejection, open_source
from extract.sources.documents import InputRejected
from extract.sources.feeds import feed_documents

from .conftest import redirect

ARTICLE = ("Japan and Indonesia agreed on Friday to cooperate on carbon capture and storage. " * 20).strip()
PAGE = f"<html><head><title>Page</title></head><body><article><p>{ARTICLE}</p></article></body></html>"


def rss(*items: str) -> bytes:
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>Wire</title>"
            + "".join(items) + "</channel></rss>").encode()


def test_rss_items_with_full_content_need_no_fetch(local_site):
    item = (f"<item><title>Full</title><link>{local_site.base}/never</link>"
            "<pubDate>Fri, 28 Jul 2023 17:55:00 +0700</pubDate><description>Short teaser.</description>"
            f"<content:encoded><![CDATA[<p>{ARTICLE}</p>]]></content:encoded></item>")
    documents, rejections = feed_documents("wire.rss", rss(item))
    assert rejections == [] and local_site.requests == []
    (document,) = documents
    assert (document.source, document.media_type, document.title) == ("wire.rss#1", "item", "Full")
    assert ARTICLE in document.content
    assert document.published == "Fri, 28 Jul 2023 17:55:00 +0700"


def test_a_summary_only_item_brings_in_its_page(local_site, allow_loopback):
    link = local_site.serve("/story", PAGE)
    item = (f"<item><title>Teaser</title><link>{link}</link><description>Japan and Indonesia agree.</description>"
            "<pubDate>Fri, 28 Jul 2023 17:55:00 +0700</pubDate></item>")
    (document,), _ = feed_documents("wire.rss", rss(item))
    assert (document.media_type, document.url, document.title) == ("html", link, "Teaser")
    assert ARTICLE in document.content
    assert local_site.requests[0][1]["User-Agent"].startswith("commitments-warehouse/")


def test_when_the_page_cannot_be_fetched_the_summary_is_kept(local_site, allow_loopback):
    item = (f"<item><title>Teaser</title><link>{local_site.base}/gone</link>"
            "<description>Japan and Indonesia agreed to cooperate.</description></item>")
    (document,), rejections = feed_documents("wire.rss", rss(item))
    assert rejections == [] and document.content == "Japan and Indonesia agreed to cooperate."
    assert [path for path, _ in local_site.requests] == ["/gone"]


def local_links(site) -> dict[str, str]:
    """Links a feed's items might carry into the operator's own machine, and the kind of address
    each resolves to."""
    port = urlsplit(site.base).port
    return {f"{site.base}/story": "loopback",
            f"http://localhost:{port}/story": "loopback",
            f"http://0x7f000001:{port}/story": "loopback",  # 127.0.0.1 written in hex
            "http://10.0.0.1/admin": "private",
            "http://167772161/admin": "private",  # 10.0.0.1 written as one decimal number
            "http://192.168.1.1/": "private",
            "http://169.254.169.254/latest/meta-data/": "link-local",  # cloud instance metadata
            "http://[fd00::1]/": "private",
            "http://[::ffff:10.0.0.1]/": "private"}


def serve_feed_linking_to(site, links) -> str:
    """A feed of teasers on ``site``, one item per link, in order; its URL."""
    items = "".join(f"<item><title>Item {number}</title><link>{link}</link>"
                    "<description>Japan and Indonesia agree.</description></item>"
                    for number, link in enumerate(links, 1))
    site.serve("/story", PAGE)
    return site.serve("/feed", rss(items), content_type="application/rss+xml")


def test_links_into_the_operators_network_are_quarantined_without_connecting(local_site):
    links = local_links(local_site)
    feed_url = serve_feed_linking_to(local_site, links)
    results = list(open_source(feed_url).read())
    assert all(isinstance(result, Rejection) for result in results)
    reasons = {result.source: result.reason for result in results}
    for number, (link, kind) in enumerate(links.items(), 1):
        reason = reasons[f"{feed_url}#{number}"]
        assert reason.startswith(f"refused to fetch {link}: it leads to ") and f", a {kind} address" in reason
    assert [path for path, _ in local_site.requests] == ["/feed"]


def test_the_allow_list_lets_the_operators_own_host_in_and_nothing_else(local_site, allow_loopback):
    links = local_links(local_site)
    feed_url = serve_feed_linking_to(local_site, links)
    results = list(open_source(feed_url).read())
    fetched = {result.url for result in results if not isinstance(result, Rejection)}
    assert fetched == {link for link, kind in links.items() if kind == "loopback"}
    assert [path for path, _ in local_site.requests] == ["/feed"] + ["/story"] * len(fetched)
    refused = [result for result in results if isinstance(result, Rejection)]
    assert len(refused) == len(links) - len(fetched)
    assert all(result.reason.startswith("refused to fetch") for result in refused)


def test_a_link_that_redirects_into_the_operators_network_is_refused_at_the_redirect(local_site, allow_loopback):
    hop = redirect(local_site, "/hop", "http://169.254.169.254/latest/meta-data/")
    feed_url = serve_feed_linking_to(local_site, [hop])
    (rejection,) = open_source(feed_url).read()
    assert rejection.reason.startswith("refused to fetch http://169.254.169.254/latest/meta-data/: "
                                       "it leads to 169.254.169.254, a link-local address")
    assert [path for path, _ in local_site.requests] == ["/feed", "/hop"]


def test_atom_entries_become_documents():
    atom = ("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
            "<entry><title>E</title><id>urn:1</id><published>2023-09-10T22:30:00+07:00</published>"
            f"<content type='html'>&lt;p&gt;{ARTICLE}&lt;/p&gt;</content></entry></feed>").encode()
    (document,), _ = feed_documents("news.atom", atom)
    assert document.published == "2023-09-10T22:30:00+07:00" and ARTICLE in document.content


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><item><title>&lol3;</title><description>&lol3;</description></item></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>x</title><description>&secret;</description></item></channel></rss>"""


@pytest.mark.parametrize("feed", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_entity_tricks_are_refused_before_parsing(feed):
    with pytest.raises(InputRejected, match="unsafe XML refused"):
        feed_documents("evil.xml", feed)


def test_a_feed_without_items_is_rejected():
    with pytest.raises(InputRejected, match="feed has no items"):
        feed_documents("empty.rss", rss())
