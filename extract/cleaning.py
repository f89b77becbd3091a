"""Article text without site boilerplate: menus, teasers, related headlines, comments, tags,
captions, credits, cookie walls, newsletter boxes and share bars never reach the tagger.

Every page is cut into blocks: the lines of a scraped text page, the paragraphs trafilatura keeps
of an HTML page (its main-content extraction leaves teasers and comments that sit inside the
article's container), the paragraphs of a feed item's body. Each block is then classified as
article prose or not by what it is, not by its first words, in the manner of jusText:
- its own features: length, the share of stop words of the page's language (prose is full of
  them; headlines, lists, names and text in another language are not), the share of link text,
  whether it ends as a sentence does, item separators ("|"), a bracketed tag ("[ADVERTISEMENT]"),
  a commenter's handle, a photo credit, a truncated teaser ("...");
- markers from ``cleaning_data/`` (teaser labels, section headings, site phrases, in many
  languages) as one signal among these;
- its neighbours: a short sentence or a borderline paragraph is prose when prose is next to it
  and boilerplate between boilerplate; a box of a few boilerplate lines inside the article (an
  advertisement, a caption, "Related" and a headline) does not part the prose around it, while
  comments, menus and credits do;
- its position: the body starts at the first prose (or the standfirst above it); after a heading
  that opens a section ("Most read", "Comments (2)", "Tags:") or a run of boilerplate lines, the
  article goes on only after a box or with consecutive paragraphs.
"""
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.language import ENGLISH_MONTHS

DATA = Path(__file__).with_name("cleaning_data")

# What a block is, context-free and after its neighbours are taken into account.
PROSE = "prose"
NEAR_PROSE = "near prose"  # a sentence-shaped paragraph too short or plain to decide alone
SHORT = "short"  # a short sentence: its neighbours decide
BOILERPLATE = "boilerplate"
LIST_SECTION = "list"  # a list of other stories: may be a box inside the article
CLOSING_SECTION = "closing"  # comments, tags, share bars: the article is over
INSERT = "insert"  # a one-line interruption (advertisement tag, teaser, byline): never body, and
# not a neighbour either, so that prose on both sides of it is judged by that prose
HEADING = "heading"  # a heading in the page's markup: body when a paragraph follows it

SHORT_CHARS = 70  # jusText's length_low
LONG_CHARS = 200  # jusText's length_high: prose of this length decides on its own
# Stop-word shares (words of the page's stop list over all words). 95% of the dev and tune
# paragraphs of more than 150 characters are above 0.39; teasers, lists and names are below 0.3,
# and a line in another language than the page's is near 0.
PROSE_STOPWORDS = 0.30
FOREIGN_STOPWORDS = 0.15
HEADLINE_MAX_WORDS = 25  # longer lines without a full stop are prose-like list items, not headlines
SECTION_HEADING_MAX_WORDS = 8
MAX_LINK_SHARE = 0.5
SITE_PHRASE_MAX_CHARS = 300  # longer blocks are prose that may mention cookies or a newsletter
BOILERPLATE_RUN = 3  # consecutive boilerplate blocks after prose open a section (lists, rails)
# A box inside the article: a heading and up to three lines (advertisements, captions, a list of
# other stories). Prose on both sides of it is one run.
BOX_MAX_BLOCKS = 4
LEAD_MIN_BLOCKS = 2  # short paragraphs above a labelled box that make a wire story's lead
# After a section that is no such box, the article resumes only with consecutive paragraphs.
RESUMING_PROSE_CHARS = 400
RESUMING_PROSE_BLOCKS = 2
# The page's language is English when its longest blocks are this rich in English stop words;
# only other pages pay for language identification.
ENGLISH_STOPWORDS = 0.25
LANGUAGE_SAMPLE_CHARS = 600

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?:;。！？।؟۔][\"'”’»)\]}]*$|[\"”’»]$")
SENTENCE_END_CHARS = 6  # the end mark and the quotes and brackets that close it
TRUNCATED = ("...", "…")
TEASER_LABEL = "teaser label"  # the reason given to a "Read more:" line
# "[ADVERTISEMENT]", "[Newsletter] Sign up ...", "[PHOTO] ...": a tag, not "[He] said".
BRACKET_TAG = re.compile(r"^\[[^\]]{1,40}\](?:\s*$|\s+[^a-z\s])")
# The words before a colon near the start of a line: "Read more:", "Leia também / Read more:".
LABEL = re.compile(r"^[^\w\[(]*([^:：.!?]{1,40}?)\s*[:：](?:\s|$)")
LABEL_END_CHARS = 45
LABEL_PARTS = re.compile(r"\s*[/()（）|]\s*")
COUNT = re.compile(r"\(\s*\d+\s*\)|\d+")
# A commenter: a handle with a digit or underscore ("seafarer77:", "@ana_r:"), or a first name and
# an initial ("Ana L.:").
COMMENTER = re.compile(r"^@?(?=[\w.-]*[A-Za-z])(?=[\w.-]*[_\d])[\w.-]{2,30}:\s"
                       r"|^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? [A-Z]\.:\s")
# A speaker ("Q:", "Wang:") or a commenter without a handle ("Ana:"): prose only among prose.
SPEAKER = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}:\s")
SEPARATOR = re.compile(r"\s[•·]\s")  # and "|" anywhere
BREADCRUMB = re.compile(r"\s[>»›▸]\s")  # "Home > World > Asia"; in a sentence, French quotes
# Photo captions name who stands where: "(L)", "(2nd R)", "(centre)".
CAPTION_POSITION = re.compile(r"\((?:[LRC]|\d(?:st|nd|rd|th) [LR]|left|right|centre|center|front)\)")
PARENTHESISED = re.compile(r"^\((?:[^()]|\([^()]*\))*\)\W?$")
NUMBERED_LINE = re.compile(r"^\(?\d{1,2}[.)]\s")
DATELINE_ALONE = re.compile(r"^[A-Z][^.!?]{1,60}\s[-–—]{1,2}$")
DATELINE_MAX_WORDS = 8
PIPED_PARAGRAPH_CHARS = 100  # a sentence of a paragraph, longer than a teaser headline
PIPED_DATELINE = re.compile(r"^[^|.!?]{1,40}(?:\|[^|.!?]{1,30}){1,2}\|\s*(?=[A-Z“\"])")
# A standfirst is at most this many lines above the first paragraph, across bylines and date lines.
STANDFIRST_GAP = 2
HEADER_LINES = ("headline shape", "separators")
TITLE_MIN_WORDS = 4
NOT_TITLE = re.compile(r"^\W*(published|updated|posted|attn)\b", re.IGNORECASE)
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
DATE_LINE_MAX_WORDS = 5  # "Monday 17 February 2025" is a date line, not a headline
# A line that opens on a full date is a date line however long: "07 March 2019 [15:15] - SITE.COM"
MONTH = "|".join(ENGLISH_MONTHS)
DATE_OPENING = re.compile(rf"^\W*(\d{{1,2}}\s+({MONTH})\.?,?\s+\d{{4}}|({MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}"
                          r"|\d{4}-\d\d-\d\d)\b", re.IGNORECASE)
# A hard-wrapped page: at least this many lines fill its width (WRAP_FULL_SHARE of the length
# of its longer lines), most of them broken inside a sentence.
WRAP_MIN_CHARS = 40
WRAPPED_LINES_MIN = 4
WRAP_FULL_SHARE = 0.8
WRAP_JOINING_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the",
                                "to", "with", "that", "which", "its", "their", "has", "have", "had", "was", "were",
                                "is", "are", "will", "would", "be", "been"})


def _phrases(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.startswith("#")]


def _phrase_pattern(phrases: list[str], at_start: bool = False) -> re.Pattern:
    """Any of the phrases as whole words (a phrase edge that is punctuation needs no boundary)."""
    alternatives = [(r"\b" if p[0].isalnum() else "") + re.escape(p) + (r"\b" if p[-1].isalnum() else "")
                    for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(("^" if at_start else "") + "(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


class Phrases:
    """A list of phrases from cleaning_data/, found as whole words in any case. Blocks are many
    and most are prose: a test of the block's words against each phrase's longest word (its first
    word, for phrases that open a block) comes before the pattern search, ten times slower."""

    def __init__(self, name: str, at_start: bool = False):
        phrases = _phrases(name)
        self.at_start = at_start
        self.keys = frozenset(WORD.findall(p)[0] if at_start else max(WORD.findall(p), key=len) for p in phrases)
        self.pattern = _phrase_pattern(phrases, at_start)

    def found(self, text: str, words: list[str]) -> bool:
        if not words or (words[0] not in self.keys if self.at_start else self.keys.isdisjoint(words)):
            return False
        return bool(self.pattern.search(text))


TEASER_LABELS = frozenset(_phrases("teaser_labels.txt"))
LIST_HEADINGS = frozenset(_phrases("list_headings.txt"))
CLOSING_HEADINGS = frozenset(_phrases("closing_headings.txt"))
SITE_PHRASES = Phrases("site_phrases.txt")
AGENCY_CREDITS = Phrases("agency_credits.txt")
PROMOTION_OPENERS = Phrases("promotion_openers.txt", at_start=True)
BYLINE = re.compile(_phrase_pattern(_phrases("byline_words.txt"), at_start=True).pattern
                    + r"(?:\s*/\s*by\b)?\s*\S", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleText:
    title: str | None
    body: str
    header: str  # the lines above the body (date headers, bylines), kept for date detection


@dataclass
class Block:
    """One line or paragraph of a page, and what it was found to be (``reason`` says why)."""
    text: str
    link_chars: int = 0
    heading: bool = False  # marked up as a heading
    kind: str = ""
    reason: str = ""
    section: str = ""  # the section it opens: LIST_SECTION, CLOSING_SECTION or none


def _normalised(text: str) -> str:
    return " ".join(text.split())


@cache
def _stoplist_names() -> dict[str, str]:
    lines = (DATA / "stoplist_languages.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line.strip() and not line.startswith("#"))


@cache
def _stoplist(language: str) -> frozenset[str] | None:
    import justext

    name = _stoplist_names().get(language)
    return frozenset(word.lower() for word in justext.get_stoplist(name)) if name else None


def _stopwords_of_page(blocks: list[Block]) -> frozenset[str] | None:
    """The stop words of the page's language, judged from its longest blocks; None for a language
    without a list (Chinese, Japanese, Thai): those pages are judged without stop-word shares."""
    sample = " ".join(sorted((b.text for b in blocks), key=len, reverse=True)[:3])[:LANGUAGE_SAMPLE_CHARS]
    words = WORD.findall(sample.lower())
    english = _stoplist("en")
    if not words or sum(w in english for w in words) >= ENGLISH_STOPWORDS * len(words):
        return english
    import py3langid

    return _stoplist(py3langid.classify(sample)[0])


def _label_parts(text: str) -> set[str]:
    """The label of a "Label: ..." line, each half of a bilingual label apart."""
    match = LABEL.match(text)
    return {part.strip(" .'\"#*-") for part in LABEL_PARTS.split(match.group(1).lower())} if match else set()


def _section_heading(text: str, words: list[str], label: set[str]) -> str:
    """The section a line opens as its heading ("Most read", "Comentários (2)", "Tags: ..."), if any."""
    if label:
        parts = label
    elif words and len(words) <= SECTION_HEADING_MAX_WORDS:
        parts = {part.strip(" .:'\"#*-") for part in LABEL_PARTS.split(COUNT.sub("", text.lower()))}
    else:
        return ""
    return CLOSING_SECTION if parts & CLOSING_HEADINGS else LIST_SECTION if parts & LIST_HEADINGS else ""


def _classify(block: Block, stopwords: frozenset[str] | None) -> None:
    """What a block is by its own features (``kind``) and why (``reason``)."""
    text = block.text
    words = WORD.findall(text.lower())
    # Pattern tests only where they can match: most blocks are prose, and there are many.
    sentence = _ends_a_sentence(text) and not text.endswith(TRUNCATED)
    labelled = ":" in text[:LABEL_END_CHARS] or "：" in text[:LABEL_END_CHARS]
    label = _label_parts(text) if labelled else set()
    furniture_sized = len(text) < SITE_PHRASE_MAX_CHARS
    kind = BOILERPLATE
    if not words:
        reason = "no words"
    elif block.link_chars > MAX_LINK_SHARE * len(text):
        reason = "link text"
    elif BRACKET_TAG.match(text):
        kind, reason = INSERT, "bracketed tag"
    elif label & TEASER_LABELS:
        kind, reason = INSERT, TEASER_LABEL
    elif section := _section_heading(text, words, label):
        reason, block.section = "section heading", section
    elif BYLINE.match(text) and not sentence and len(words) <= 10:
        kind, reason = INSERT, "byline"
    elif labelled and COMMENTER.match(text):
        reason = "commenter"
    elif ("|" in text and not _after_a_piped_dateline(text, sentence)) \
            or ("•" in text or "·" in text) and SEPARATOR.search(text) or not sentence and BREADCRUMB.search(text):
        reason = "separators"
    elif CAPTION_POSITION.search(text):
        reason = "caption"
    elif PARENTHESISED.match(text):
        reason = "parenthesised note"
    elif furniture_sized and ("©" in text or "ⓒ" in text):
        reason = "copyright"
    elif furniture_sized and AGENCY_CREDITS.found(text, words):
        reason = "agency credit"
    elif furniture_sized and (PROMOTION_OPENERS.found(text, words) or SITE_PHRASES.found(text, words)):
        reason = "site phrase"
    elif text.endswith(TRUNCATED):
        reason = "truncated teaser"
    elif text.endswith((",", ";")):
        # "2. The President and the Prime Minister," above a statement's preamble: a sentence
        # that goes on in the next block, never a headline; its neighbours decide.
        kind, reason = SHORT, "sentence goes on"
    elif not sentence and len(words) <= HEADLINE_MAX_WORDS:
        # A numbered line is a heading in a page without markup too ("2. MoU on Health Cooperation"
        # above the paragraph that describes it).
        numbered = block.heading or NUMBERED_LINE.match(text)
        kind, reason = (HEADING, "heading") if numbered else (BOILERPLATE, "headline shape")
    elif len(text) < SHORT_CHARS:
        kind, reason = SHORT, "short sentence"  # too short for its stop words to tell
    else:
        share = sum(map(stopwords.__contains__, words)) / len(words) if stopwords is not None else PROSE_STOPWORDS
        if share < FOREIGN_STOPWORDS:
            reason = "few stop words"
        elif labelled and SPEAKER.match(text):
            kind, reason = NEAR_PROSE, "speaker"
        elif sentence and len(text) >= LONG_CHARS and share >= PROSE_STOPWORDS:
            kind, reason = PROSE, "prose"
        else:
            kind, reason = NEAR_PROSE, "near prose"
    block.kind, block.reason = kind, reason


def _after_a_piped_dateline(text: str, sentence: bool) -> bool:
    """ "Brazzaville, Congo | Xinhua | Kenya and the Republic of the Congo signed ...": a wire
    story's dateline set off by bars, before a paragraph of prose; not a menu."""
    dateline = PIPED_DATELINE.match(text)
    return bool(dateline) and sentence and len(text) - dateline.end() >= PIPED_PARAGRAPH_CHARS \
        and "|" not in text[dateline.end():]


SEPARATING_REASONS = ("commenter", "separators", "agency credit", "parenthesised note", "copyright")


def _separates_prose(block: Block) -> bool:
    """Comments, menus, share bars, an agency's credits and editorial notes, copyright lines and
    the headings of closing sections always stand between prose and prose; other boilerplate (an
    advertisement, a caption, a teaser's headline, a box of links), a few lines at a time, sits
    inside the article."""
    return block.reason in SEPARATING_REASONS or block.section == CLOSING_SECTION


def _anchors(blocks: list[Block]) -> list[str | None]:
    """What each block tells its neighbours: PROSE, BOILERPLATE, or nothing (None) for the blocks
    that their neighbours decide, for inserts, and for a box of at most BOX_MAX_BLOCKS boilerplate
    lines inside the article: after prose or a teaser label, and with no boilerplate right before
    or after it."""
    anchors = [b.kind if b.kind in (PROSE, BOILERPLATE) else None for b in blocks]
    last_anchor, i = BOILERPLATE, 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and anchors[j] == BOILERPLATE and not _separates_prose(blocks[j]):
            j += 1
        inside = last_anchor == PROSE or _after_a_labelled_box_in_the_lead(blocks, i)
        if inside and 0 < i < j < len(blocks) and j - i <= BOX_MAX_BLOCKS \
                and BOILERPLATE not in (anchors[i - 1], anchors[j]):
            anchors[i:j] = [None] * (j - i)
        following = max(j, i + 1)
        last_anchor = next((a for a in reversed(anchors[i:following]) if a), last_anchor)
        i = following
    return anchors


def _after_a_labelled_box_in_the_lead(blocks: list[Block], i: int) -> bool:
    """A box labelled as other stories ("READ MORE:") that follows the article's lead, two or more
    short wire paragraphs, before any paragraph has decided on its own; not teasers under a
    "Most popular" heading, nor a single line above a "Related:" box."""
    if i < 2 or blocks[i - 1].reason != TEASER_LABEL:
        return False
    lead = i - 1
    while lead > 0 and blocks[lead - 1].kind in (SHORT, NEAR_PROSE):
        lead -= 1
    return i - 1 - lead >= LEAD_MIN_BLOCKS and (lead == 0 or not blocks[lead - 1].section)


def _neighbours(anchors: list[str | None]) -> tuple[list[str], list[str]]:
    """For each block, the nearest anchor before and after it (the page's edges count as
    boilerplate)."""
    before, after = [BOILERPLATE] * len(anchors), [BOILERPLATE] * len(anchors)
    last = BOILERPLATE
    for i, anchor in enumerate(anchors):
        before[i] = last
        last = anchor or last
    last = BOILERPLATE
    for i in range(len(anchors) - 1, -1, -1):
        after[i] = last
        last = anchors[i] or last
    return before, after


def _in_context(blocks: list[Block], whole_item: bool) -> list[str]:
    """Each block as PROSE or not, once its neighbours are taken into account."""
    kinds = [b.kind for b in blocks]
    before, after = _neighbours(_anchors(blocks))
    final = [PROSE if k == PROSE else BOILERPLATE for k in kinds]
    undecided = [i for i, k in enumerate(kinds) if k in (SHORT, NEAR_PROSE)]
    for i in undecided:
        if before[i] == PROSE or after[i] == PROSE:
            final[i] = PROSE
    _keep_standfirst(blocks, final)
    if PROSE not in final:
        # A one-paragraph wire story or a one-sentence item: nothing decides on its own.
        for i in undecided:
            final[i] = PROSE
    _keep_preambles(blocks, final)
    if whole_item:
        # A feed item has no page header: the headline-shaped lines that open it are its own
        # headline and kicker, which count as body; a summary without a full stop is its text.
        first = final.index(PROSE) if PROSE in final else len(final)
        for i in range(first):
            if blocks[i].reason in ("headline shape", "heading"):
                final[i] = PROSE
    for i, block in enumerate(blocks):
        if block.kind == HEADING:
            final[i] = PROSE if _prose_follows(blocks, final, i) else BOILERPLATE
    return final


def _keep_preambles(blocks: list[Block], final: list[str]) -> None:
    """An agreement's or a statement's opening: lines that go on into one another ("The
    Government of A and the Government of B, hereinafter the Parties," / "Considering ...;")
    up to the line that says what follows ("Have agreed as follows:"). Each is too short to
    decide alone, and in a plain-text document headings stand around them."""
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j].reason == "sentence goes on":
            j += 1
        if j > i and j < len(blocks) and blocks[j].kind in (SHORT, NEAR_PROSE) and blocks[j].text.endswith(":"):
            # What the opening decides follows it: its short items too ("1. To build a railway.").
            while j + 1 < len(blocks) and blocks[j + 1].kind in (SHORT, NEAR_PROSE, HEADING):
                j += 1
            final[i:j + 1] = [PROSE if b.kind != HEADING else final[k] for k, b in enumerate(blocks[i:j + 1], i)]
        i = j + 1


def _keep_standfirst(blocks: list[Block], final: list[str]) -> None:
    """The sentence under the headline is body even when a byline or a date line separates it
    from the first paragraph."""
    if PROSE not in final:
        return
    first, between = final.index(PROSE), 0
    for i in range(first - 1, -1, -1):
        if blocks[i].kind in (SHORT, NEAR_PROSE):
            final[i] = PROSE
            return
        if between == STANDFIRST_GAP or blocks[i].kind != INSERT and blocks[i].reason not in HEADER_LINES:
            return
        between += 1


def _prose_follows(blocks: list[Block], final: list[str], heading: int) -> bool:
    """A subheading opens the paragraph under it; a box's heading has the box under it."""
    following = next((j for j in range(heading + 1, len(blocks)) if blocks[j].kind != INSERT), None)
    return following is not None and final[following] == PROSE and blocks[following].kind != HEADING


def _article_blocks(blocks: list[Block], whole_item: bool = False) -> tuple[int | None, list[Block]]:
    """The index of the body's first block and the body's blocks, or (None, []) without prose."""
    _merge_datelines(blocks)
    stopwords = _stopwords_of_page(blocks)
    for block in blocks:
        _classify(block, stopwords)
    final = _in_context(blocks, whole_item)
    prose = [i for i, kind in enumerate(final) if kind == PROSE]
    if not prose:
        return None, []
    start, end = prose[0], len(blocks)
    for i, after in enumerate(_prose_after(blocks, final)):
        section = _section_opened(blocks, final, i)
        if i > start and section and not _article_resumes(section, i, *after):
            end = i
            break
    return start, [blocks[i] for i in range(start, end) if final[i] == PROSE]


def _section_opened(blocks: list[Block], final: list[str], i: int) -> str:
    """The section a block opens: by its heading, or as the first of a run of boilerplate blocks
    (a list, a rail, a share bar and the heading after it); one-line inserts between paragraphs
    are no such run."""
    run = range(i, i + BOILERPLATE_RUN)
    if blocks[i].section:
        return blocks[i].section
    if run.stop <= len(blocks) and all(final[j] != PROSE and blocks[j].kind != INSERT for j in run):
        return LIST_SECTION
    return ""


def _article_resumes(section: str, start: int, next_prose: int | None, resuming_chars: int) -> bool:
    """After a section opens, the article goes on when the section is a list in a box inside it
    (prose resumes within a few blocks), or when paragraphs follow one another again (comments
    alternate with their authors' names, lists with headlines)."""
    if next_prose is None:
        return False
    if section == LIST_SECTION and next_prose - start <= BOX_MAX_BLOCKS:
        return True
    return resuming_chars >= RESUMING_PROSE_CHARS


def _prose_after(blocks: list[Block], final: list[str]) -> list[tuple[int | None, int]]:
    """For each block, the index of the next prose block and the characters of the longest run
    of RESUMING_PROSE_BLOCKS or more consecutive prose blocks (inserts aside) after it."""
    found: list[tuple[int | None, int]] = [(None, 0)] * len(blocks)
    following, run_chars, run_blocks, longest = None, 0, 0, 0
    for i in range(len(blocks) - 1, -1, -1):
        found[i] = (following, longest)
        if final[i] == PROSE:
            following, run_chars, run_blocks = i, run_chars + len(blocks[i].text), run_blocks + 1
            if run_blocks >= RESUMING_PROSE_BLOCKS:
                longest = max(longest, run_chars)
        elif blocks[i].kind != INSERT:
            run_chars = run_blocks = 0
    return found


def _merge_datelines(blocks: list[Block]) -> None:
    """A dateline on a line of its own ("TOKYO, May 3 (Agency) -") opens the paragraph below it."""
    i = 0
    while i < len(blocks) - 1:
        text = blocks[i].text
        if text[-1] in "-–—" and DATELINE_ALONE.match(text) and len(text.split()) <= DATELINE_MAX_WORDS:
            following = blocks[i + 1]
            following.text = f"{text} {following.text}"
            del blocks[i]
        i += 1


def _title(header: list[Block]) -> str | None:
    """The last headline-shaped line above the body that is no byline or date line."""
    for block in reversed(header):
        words = len(WORD.findall(block.text))
        if block.reason == "headline shape" and words >= TITLE_MIN_WORDS and not NOT_TITLE.match(block.text) \
                and not (words <= DATE_LINE_MAX_WORDS and YEAR.search(block.text)) \
                and not DATE_OPENING.match(block.text):
            return block.text
    return None


def _unwrapped(text: str) -> list[str]:
    """The page's lines, with the lines of a hard-wrapped page (a press release or a document
    broken at a fixed width, as copied from a PDF or an e-mail) joined into their paragraphs: a
    line that fills the width goes on in the next one, unless a blank line parts them or the next
    line is a date line. A page is hard-wrapped when most of its full lines visibly break inside a
    sentence: they end on a comma or a joining word, or the next line goes on in lower case. A page
    whose paragraphs are lines of their own (a list of headlines included) is left as it is."""
    lines = [_normalised(raw) for raw in text.splitlines()]
    filled = sorted(len(line) for line in lines if len(line) >= WRAP_MIN_CHARS)
    if len(filled) < WRAPPED_LINES_MIN:
        return [line for line in lines if line]
    width = filled[len(filled) * 4 // 5]
    full = [i for i, line in enumerate(lines[:-1]) if len(line) >= WRAP_FULL_SHARE * width and lines[i + 1]]
    broken = {i for i in full if _breaks_inside_a_sentence(lines[i], lines[i + 1])}
    if len(broken) < WRAPPED_LINES_MIN or len(broken) < len(full) / 2:
        return [line for line in lines if line]
    going_on = broken | {i for i in full if _goes_on_a_paragraph(lines[i + 1])}
    joined, current = [], ""
    for i, line in enumerate(lines):
        current = f"{current} {line}".strip()
        if current and (i not in going_on or not line):
            joined.append(current)
            current = ""
    return joined + ([current] if current else [])


def _breaks_inside_a_sentence(line: str, following: str) -> bool:
    last = line.rsplit(" ", 1)[-1].lower()
    return line.endswith((",", "-")) or last in WRAP_JOINING_WORDS or following[:1].islower()


def _goes_on_a_paragraph(line: str) -> bool:
    """Whether a line may follow a full one in its paragraph: a short line only as the paragraph's
    last, a sentence's end; a date line under a headline ("Press release, Monday 14 May 2024")
    starts a line of its own."""
    if _ends_a_sentence(line):
        return True
    return len(line) >= WRAP_MIN_CHARS and not YEAR.search(line)


def _ends_a_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text[-SENTENCE_END_CHARS:]))


def clean_text(text: str) -> ArticleText:
    """Split a scraped plain-text page into title, header and body."""
    blocks = [Block(line) for line in _unwrapped(text)]
    start, body = _article_blocks(blocks)
    if start is None:
        return ArticleText(None, "", "\n".join(b.text for b in blocks))
    header = blocks[:start]
    return ArticleText(_title(header), "\n\n".join(b.text for b in body), "\n".join(b.text for b in header))


def item_text(content: str) -> str:
    """The article text of a feed or JSON item's body, HTML or plain text."""
    if looks_like_html(content):
        return html_fragment_text(content)
    blocks = [Block(line) for raw in content.splitlines() if (line := _normalised(raw))]
    return "\n\n".join(b.text for b in _article_blocks(blocks, whole_item=True)[1])


def clean_html(html: str) -> ArticleText:
    """Main text of a whole web page, its title and its metadata date."""
    import trafilatura

    # Precision first; a page whose markup trafilatura cannot read that way gets its recall mode,
    # and failing that its visible lines are read as a scraped text page.
    for favour in ("favor_precision", "favor_recall"):
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                               include_tables=False, include_links=True, **{favour: True})
        blocks = _extracted_blocks(document.body) if document is not None and document.body is not None else []
        if blocks:
            break
    else:
        return clean_text("\n".join(page_lines(html)))
    # trafilatura keeps the headline and any kicker above it; both belong to the header.
    title = (document.title or "").strip() or None
    texts = [b.text for b in blocks]
    if title in texts:
        blocks = blocks[texts.index(title) + 1:]
    start, body = _article_blocks(blocks)
    header = blocks[:start] if start is not None else blocks
    return ArticleText(title, "\n\n".join(b.text for b in body), "\n".join(b.text for b in header))


# trafilatura's output elements that hold a paragraph of text.
EXTRACTED_BLOCKS = ("p", "head", "item", "quote", "cell")


def _extracted_blocks(body) -> list[Block]:
    """The paragraphs of trafilatura's main content, with their link text and heading marks;
    a line break inside a paragraph splits it, as in trafilatura's own text output."""
    blocks = []
    for element in body.iter(*EXTRACTED_BLOCKS):
        if any(True for _ in element.iterdescendants(*EXTRACTED_BLOCKS)):
            continue  # its inner paragraphs are blocks of their own
        pieces, links = [[]], [0]
        for node, text in _text_nodes(element):
            if node == "lb":
                pieces.append([])
                links.append(0)
                continue
            pieces[-1].append(text)
            if node == "ref":
                links[-1] += len(text.strip())
        prefix = "- " if element.tag == "item" else ""
        for piece, link_chars in zip(pieces, links, strict=True):
            if text := _normalised("".join(piece)):
                blocks.append(Block(prefix + text, link_chars, heading=element.tag == "head"))
    return blocks


def _text_nodes(element, inside_link: bool = False):
    """(kind, text) of every text node of an element in order: kind is "ref" inside a link,
    "lb" for a line break, else "text"."""
    inside_link = inside_link or element.tag == "ref"
    if element.text:
        yield ("ref" if inside_link else "text"), element.text
    for child in element:
        if child.tag == "lb":
            yield "lb", ""
        else:
            yield from _text_nodes(child, inside_link)
        if child.tail:
            yield ("ref" if inside_link else "text"), child.tail


def html_fragment_text(html: str) -> str:
    """Article text of an HTML fragment (a feed item's body), one paragraph per block element."""
    import lxml.html

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    elements = root.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote") or [root]
    blocks = []
    for element in elements:
        links = [text for link in element.iter("a") if (text := _normalised(link.text_content()))]
        for line in element.text_content().split("\n"):
            if text := _normalised(line):
                link_chars = sum(len(link) for link in links if link in text)
                blocks.append(Block(text, link_chars, heading=element.tag in ("h1", "h2", "h3", "h4")))
    return "\n\n".join(b.text for b in _article_blocks(blocks, whole_item=True)[1])


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
