"""Command line: ``python -m extract tag PATH...`` prints one JSON object per article."""
import argparse
import json
import sys

COMMITMENT_FIELDS = ("parties", "sectors", "evidence", "confidence", "commitment_type", "start_char", "end_char")


def tag_command(paths: list[str]) -> int:
    from extract.articles import extract_articles
    from extract.tagger import tag_articles

    articles, rejections = extract_articles(paths)
    print(f"tagging {len(articles)} articles ({len(rejections)} inputs rejected)", file=sys.stderr)
    for record in tag_articles(a.__dict__ for a in articles):
        line = {"source": record["source"], "title": record["title"],
                "published_date": record["published_date"],
                "mentioned_countries": record["mentioned_countries"],
                "commitments": [{key: c[key] for key in COMMITMENT_FIELDS} for c in record["commitments"]]}
        print(json.dumps(line, ensure_ascii=False))
        # A folded duplicate is still an input the caller asked about: report it under its own name.
        for duplicate in record["duplicate_sources"]:
            print(json.dumps(line | {"source": duplicate, "duplicate_of": record["source"]}, ensure_ascii=False))
    for rejection in rejections:
        print(json.dumps({"source": rejection.source, "rejected": rejection.reason}, ensure_ascii=False))
    return 0


def summary_command(limit: int) -> int:
    """A short account of the published warehouse: what a run produced, at a glance."""
    from extract.load import connect
    from extract.publish import published_path

    path = published_path()
    if not path.exists():
        print(f"no published warehouse at {path}: run `make run` first", file=sys.stderr)
        return 1
    with connect(read_only=True, path=path) as connection:
        articles, = connection.execute("select count(*) from dim_article").fetchone()
        commitments, facts = connection.execute(
            "select count(distinct commitment_id), count(*) from fct_commitments").fetchone()
        quarantined, = connection.execute("select count(*) from quarantine").fetchone()
        top = connection.execute("""
            select f.party_iso3, c.country_name, count(distinct f.commitment_id) as commitments
            from fct_commitments f join dim_country c on c.iso3 = f.party_iso3
            group by all order by commitments desc, f.party_iso3 limit ?""", [limit]).fetchall()
    print(f"Published warehouse: {path}")
    print(f"  articles:     {articles}")
    print(f"  commitments:  {commitments} ({facts} country-sector rows in fct_commitments)")
    print(f"  quarantined:  {quarantined} inputs")
    print("  top countries by commitments:")
    for iso3, name, count in top:
        print(f"    {iso3}  {name:<28} {count}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    tag = commands.add_parser("tag", help="tag files, directories or URLs; print JSON Lines")
    tag.add_argument("paths", nargs="+", metavar="PATH")
    summary = commands.add_parser("summary", help="print what the published warehouse holds")
    summary.add_argument("--top", type=int, default=10, help="how many countries to list")
    bench_tag = commands.add_parser("bench-tag", help="tagger words/s against the tokenizer alone")
    bench_tag.add_argument("--articles", type=int, default=2000, help="generated articles (default 2000)")
    bench_tag.add_argument("--processes", type=int, default=1, help="nlp.pipe processes (default 1)")
    bench_tag.add_argument("--rounds", type=int, default=3, help="best of this many timings (default 3)")
    args = parser.parse_args(argv)
    if args.command == "summary":
        return summary_command(args.top)
    if args.command == "bench-tag":
        from extract.bench import tagger

        print(tagger.run(args.articles, processes=args.processes, rounds=args.rounds).report())
        return 0
    return tag_command(args.paths)
