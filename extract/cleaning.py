"""Article text without site boilerplate: menus, teasers, related headlines, tags, disclaimers,
share bars and cookie notices never reach the tagger.

HTML pages go through trafilatura (main-content extraction). Scraped plain-text pages have no
markup to go by, so they are cut by line: the article body is the run of prose paragraphs, and
it ends at the first section marker ("Related Stories", "Tags:", "Disclaimer", ...).
"""
import re
from dataclasses import dataclass

# A line that starts one of these sections ends the article body of a scraped page.
SECTION_MARKERS = re.compile(
    r"^\W*(related( stories| articles| coverage| news)?|realted stories|.{0,20}related stories|"
    r"most (popular|read|viewed|shared)|trending|read next|more from|recommended|sponsored( content)?|"
    r"tags?\s*:|topics?\s*:|disclaimer|source link|share this( story)?|partager|teilen|"
    r"terpopuler|popolari|les plus lus|meistgelesen|(\d+ )?comments?\b|leave a (comment|reply)|"
    r"subscribe to|sign up for|copyright|©|\(c\) |all rights reserved)",
    re.IGNORECASE,
)
# Lines that are never article prose, wherever they sit.
NOISE_LINE = re.compile(
    r"^(open in app|skip to (main )?content|advertisement|print this article|listen to (this )?article|"
    r"\d+ min(ute)? read|join the conversation|font size.*)$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]}]*$|[\"”’]$")
MIN_PROSE_WORDS = 8


@dataclass(frozen=True)
class ArticleText:
    title: str | None
    body: str
    header: str  # the lines above the body (date headers, bylines), kept for date detection
    metadata_date: str | None = None  # a date from the page's structured metadata, unparsed


def _is_prose(line: str) -> bool:
    """A body paragraph: a full sentence of some length. Teasers cut off with an ellipsis are
    repeats of the lead paragraph and are not prose."""
    if line.endswith(("...", "…")):
        return False
    return len(line.split()) >= MIN_PROSE_WORDS and bool(SENTENCE_END.search(line))


def _looks_like_title(line: str) -> bool:
    return (len(line.split()) >= 4 and not SENTENCE_END.search(line) and not re.search(r"[|•›»]", line)
            and not re.match(r"(by|von|par|por|di|oleh|published|updated|posted)\b", line, re.IGNORECASE))


def clean_text(text: str) -> ArticleText:
    """Split a scraped plain-text page into title, header and body."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not NOISE_LINE.match(line)]
    start = next((i for i, line in enumerate(lines) if _is_prose(line)), None)
    if start is None:
        return ArticleText(None, "", "\n".join(lines))
    body = []
    for line in lines[start:]:
        if SECTION_MARKERS.match(line):
            break
        body.append(line)
    header = lines[:start]
    title = next((line for line in reversed(header) if _looks_like_title(line)), None)
    return ArticleText(title, "\n\n".join(_drop_trailing_fragments(body)), "\n".join(header))


def _drop_trailing_fragments(body: list[str]) -> list[str]:
    """Short lines after the last paragraph (credits, numbered teasers) are not prose."""
    while body and not _is_prose(body[-1]):
        body.pop()
    return body


def clean_html(html: str) -> ArticleText:
    """Main text of a whole web page, its title and its metadata date."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    if document is None or not document.text:
        return ArticleText(None, "", "", None)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in document.text.splitlines()]
    # trafilatura keeps the headline and any kicker above it; both belong to the header.
    title = (document.title or "").strip() or None
    if title in paragraphs:
        paragraphs = paragraphs[paragraphs.index(title) + 1:]
    start = next((i for i, p in enumerate(paragraphs) if _is_prose(p)), 0)
    body = [p for p in paragraphs[start:] if p]
    return ArticleText(title, "\n\n".join(body), "\n".join(paragraphs[:start]), document.date)


def html_fragment_text(html: str) -> str:
    """Visible text of an HTML fragment (a feed item's body), one paragraph per block element."""
    import lxml.html

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    blocks = root.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote")
    texts = [block.text_content() for block in blocks] or [root.text_content()]
    return "\n\n".join(re.sub(r"[ \t\r\f\v]+", " ", text).strip() for text in texts if text.strip())


def page_lines(html: str) -> list[str]:
    """Every visible text node of a whole page, one per line: date bars and bylines included,
    scripts, styles and metadata left out."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for element in root.iter("script", "style", "noscript", "template", "head"):
        element.drop_tree()
    return [line for text in root.itertext() if (line := re.sub(r"\s+", " ", text).strip())]


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(p|div|br|span|a|strong|em|ul|li|h[1-6])\b[^>]*>", text[:5000], re.IGNORECASE))
