import pytest

from extract.sources.documents import InputRejected
from extract.sources.feeds import feed_documents

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


def test_a_summary_only_item_brings_in_its_page(local_site):
    link = local_site.serve("/story", PAGE)
    item = (f"<item><title>Teaser</title><link>{link}</link><description>Japan and Indonesia agree.</description>"
            "<pubDate>Fri, 28 Jul 2023 17:55:00 +0700</pubDate></item>")
    (document,), _ = feed_documents("wire.rss", rss(item))
    assert (document.media_type, document.url, document.title) == ("html", link, "Teaser")
    assert ARTICLE in document.content
    assert local_site.requests[0][1]["User-Agent"].startswith("commitments-warehouse/")


def test_when_the_page_cannot_be_fetched_the_summary_is_kept(local_site):
    item = (f"<item><title>Teaser</title><link>{local_site.base}/gone</link>"
            "<description>Japan and Indonesia agreed to cooperate.</description></item>")
    (document,), rejections = feed_documents("wire.rss", rss(item))
    assert rejections == [] and document.content == "Japan and Indonesia agreed to cooperate."


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
