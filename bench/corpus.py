"""A synthetic news corpus for benchmarks, deterministic by seed.

Articles are composed from templates of our own: a lead commitment between two or three
countries, follow-on sentences ("Both sides also ..."), context and analysis paragraphs that must
not produce commitments, and site boilerplate. They come as the formats the pipeline reads (text
pages with date headers, HTML pages with metadata, JSON items) with a share of exact duplicates
under other names, as syndication produces.
"""
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from extract import reference

LEADS = [
    "{A} and {B} agreed on {day} to expand cooperation on {s1} and {s2}, officials from both countries said.",
    "{A} and {B} signed a memorandum of understanding on {s1} on {day}, during a visit by {A_adj} officials "
    "to {B_name}.",
    "{A} will strengthen strategic cooperation with {B} on {s1} and {s2}, the foreign ministry said on {day}.",
    "{A}, {B} and {C} pledged on {day} to work together on {s1}, in a joint statement issued after talks.",
    "{A} pledged ${amount} million in aid to {B} on {day} to support {s1} projects.",
    "Leaders of {A} and {B} committed on {day} to deepen their partnership on {s1}.",
]
FOLLOW_ONS = [
    "Both sides also pledged to cooperate on {s2}.",
    "The two governments agreed to set up a working group on {s1}.",
    "They also signed an agreement on {s2} and vowed to meet again next year.",
    "The two countries will also expand exchanges on {s3}.",
    "The leaders agreed to launch a regular dialogue covering {s1} and {s3}.",
]
CONTEXT = [
    "Analysts said the agreement could help {A} reduce its dependence on imports, though details remain unclear.",
    "{D} criticised the deal, saying it would undermine regional stability.",
    "Trade between the two countries reached a record last year, according to customs data.",
    "Critics urged the governments to publish the full text of the agreement.",
    "The visit was the first by a {A_adj} leader in more than a decade.",
    "Officials said talks with {D} on a similar arrangement were under way but no decision had been taken.",
    "Environmental groups warned that the projects could harm protected areas along the coast.",
    "The announcement came amid rising tensions with {D} over maritime claims.",
]
# Background that fills a news article out to a realistic length and vocabulary: figures, named
# people and firms, history, and quotes, none of which commits anyone to anything.
BACKGROUND = [
    "{person}, a spokesperson for the {A_adj} ministry of {field}, told reporters in {city} that the talks had "
    "been constructive and that technical teams had met {n1} times since {year}.",
    "Bilateral trade rose {pct} percent to ${money} billion last year, driven by shipments of {good} and {good2}, "
    "according to figures published by the national statistics office.",
    "The {company} group, which employs about {n2},000 people in {A_name}, has expanded its {good} plants in "
    "{city} and {city2} over the past {n1} years.",
    "\"We have a lot of work ahead of us,\" {person} said after the meeting, adding that officials would "
    "review progress at the end of the year.",
    "Relations between the two countries date back to {year}, when they first exchanged envoys, and were "
    "strained in the {decade}s by a dispute over {good} quotas.",
    "Opposition politicians in {city} questioned the cost of the projects, which {person2} estimated at "
    "${money} billion over {n1} years.",
    "Economists at {company} Research expect growth of {pct} percent this year, slower than the {pct2} percent "
    "recorded in {year2}, as higher interest rates weigh on investment.",
    "Protesters gathered outside the parliament in {city} on {day} to demand higher wages for workers in the "
    "{good} industry, which accounts for about {pct} percent of exports.",
    "The {A_adj} delegation included executives from {company}, {company2} and several smaller firms based in "
    "{city2}, as well as officials from the central bank.",
    "{person} has led the ministry since {year2}, after a career at {company} and a decade as a member of "
    "parliament for {city}.",
    "Local media reported that the schedule had been revised twice, and that a planned visit to {city2} was "
    "cancelled because of heavy rain and flooding in the region.",
    "Shares in {company} rose {pct} percent in {city} trading on {day}, while the currency was little changed "
    "against the dollar at {rate} per unit.",
]
SYLLABLES = ("ka ri to ve na lo mi sa de ru ba ti go ne la vo ki ha ze mo pa li su fe do ra bi".split())
GOODS = ("steel textiles coffee rubber cotton timber wine machinery pharmaceuticals cement fertiliser copper "
         "furniture footwear electronics seafood tea cocoa aluminium paper plastics glass tobacco".split())
FIELDS = "foreign affairs;trade;finance;industry;energy;agriculture;economy;planning".split(";")

BOILERPLATE_TOP = ["Home | World | Business | Technology | Opinion | Subscribe", "Skip to main content"]
BOILERPLATE_BOTTOM = [
    "Related Stories", "{D} and {A} sign deal on fisheries", "Markets rally as inflation eases",
    "Tags: diplomacy, trade, {A_name}", "Disclaimer: This article was published from an agency feed.",
]
FORMATS = ("text", "html", "json")


@dataclass(frozen=True)
class GeneratedArticle:
    name: str  # file name, with the extension of its format
    content: str  # the file's content as the pipeline would read it
    body: str  # the article text without boilerplate, for tagger-only benchmarks
    published: date


def _countries(rng: random.Random) -> list[dict[str, str]]:
    rows = [r for r in reference.country_aliases() if r["alias_type"] == "name" and r["iso3"] != "EUU"]
    names = {}
    for row in rows:
        names.setdefault(row["iso3"], row["alias"])
    adjectives = {r["iso3"]: r["alias"] for r in reference.country_aliases() if r["alias_type"] == "adjective"}
    sovereign = sorted(iso3 for iso3 in names if iso3 in adjectives)
    return [{"iso3": iso3, "name": names[iso3], "adj": adjectives[iso3]} for iso3 in sovereign]


def _sector_phrases() -> list[str]:
    return sorted({row["term"] for row in reference.sector_terms() if row["term"].islower() and len(row["term"]) > 4})


def generate(count: int, seed: int = 7, duplicate_share: float = 0.05,
             start: date = date(2022, 1, 1)) -> list[GeneratedArticle]:
    rng = random.Random(seed)
    countries = _countries(rng)
    sectors = _sector_phrases()
    articles: list[GeneratedArticle] = []
    for number in range(count):
        if articles and rng.random() < duplicate_share:
            original = rng.choice(articles)
            copy_name = f"dup_{number:06d}{Path(original.name).suffix}"
            articles.append(GeneratedArticle(copy_name, original.content, original.body, original.published))
            continue
        a, b, c, d = rng.sample(countries, 4)
        s1, s2, s3 = rng.sample(sectors, 3)
        published = start + timedelta(days=rng.randrange(0, 3 * 365))
        slots = {"A": a["name"], "B": b["name"], "C": c["name"], "D": d["name"], "A_adj": a["adj"],
                 "A_name": a["name"], "B_name": b["name"], "s1": s1, "s2": s2, "s3": s3,
                 "day": published.strftime("%A"), "amount": rng.randrange(5, 900)}
        slots |= _background_slots(rng, published)
        paragraphs = (rng.sample(FOLLOW_ONS, 2) + rng.sample(CONTEXT, rng.randrange(2, 5))
                      + rng.sample(BACKGROUND, rng.randrange(8, 13)))
        rng.shuffle(paragraphs)
        body = "\n\n".join(p.format(**slots) for p in [rng.choice(LEADS)] + paragraphs)
        title = f"{a['name']} and {b['name']} deepen ties on {s1}"
        file_format = FORMATS[number % len(FORMATS)]
        content = _render(file_format, title, body, published, slots, rng)
        suffix = {"text": ".txt", "html": ".html", "json": ".json"}[file_format]
        articles.append(GeneratedArticle(f"article_{number:06d}{suffix}", content, body, published))
    return articles


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def _background_slots(rng: random.Random, published: date) -> dict:
    """Names, figures and places that differ from article to article, as in real news."""
    return {
        "person": f"{_name(rng, 2)} {_name(rng, 3)}", "person2": f"{_name(rng, 2)} {_name(rng, 3)}",
        "company": _name(rng, 3), "company2": _name(rng, 2) + " Holdings",
        "city": _name(rng, 3), "city2": _name(rng, 2) + "burg",
        "good": rng.choice(GOODS), "good2": rng.choice(GOODS), "field": rng.choice(FIELDS),
        "n1": rng.randrange(2, 15), "n2": rng.randrange(2, 90), "pct": f"{rng.uniform(0.5, 19):.1f}",
        "pct2": f"{rng.uniform(0.5, 9):.1f}", "money": f"{rng.uniform(0.2, 80):.1f}",
        "rate": f"{rng.uniform(0.5, 1500):.2f}", "year": rng.randrange(1950, 2015),
        "year2": rng.randrange(2005, published.year), "decade": rng.randrange(196, 201) * 10,
    }


def _render(file_format: str, title: str, body: str, published: date, slots: dict, rng: random.Random) -> str:
    bottom = "\n".join(line.format(**slots) for line in BOILERPLATE_BOTTOM)
    if file_format == "json":
        return json.dumps({"title": title, "url": f"https://news.example.org/{published:%Y/%m/%d}/{rng.getrandbits(40):x}",
                           "published": f"{published.isoformat()}T09:00:00+00:00", "body": body})
    if file_format == "html":
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        return (f"<!DOCTYPE html><html><head><title>{title}</title>"
                f'<meta property="article:published_time" content="{published.isoformat()}T08:00:00+01:00">'
                f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><main><article>"
                f"<h1>{title}</h1>{paragraphs}</article><aside><h3>Most read</h3><p>{bottom}</p></aside></main>"
                f"<footer>&copy; Example News</footer></body></html>")
    header = f"{published.strftime('%A, %d %B %Y')}\n" + "\n".join(BOILERPLATE_TOP)
    return f"{header}\n\n{title}\n\nBy Staff Reporter\n\n{body}\n\n{bottom}\n"


def write_corpus(articles: list[GeneratedArticle], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / article.name).write_text(article.content, encoding="utf-8")
    return folder
