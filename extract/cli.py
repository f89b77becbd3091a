"""Command line (``commitments``, or ``python -m extract``): ``tag PATH...`` prints one JSON
object per article; ``run`` runs the whole pipeline without Airflow; ``query``, ``summary`` and
``report`` read the published warehouse. Progress goes to stderr through ``logging``."""
import argparse
import json
import logging
import sys

COMMITMENT_FIELDS = ("parties", "sectors", "evidence", "confidence", "commitment_type", "start_char", "end_char")


def tag_command(paths: list[str]) -> int:
    from extract.articles import extract_articles
    from extract.tagging import tag_articles

    articles, rejections = extract_articles(paths)
    logging.info("tagging %d articles (%d inputs rejected)", len(articles), len(rejections))
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
    from extract.settings import published_path
    from extract.warehouse import connect

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


def query_command(sql: str, output_format: str, max_rows: int) -> int:
    """Run one read-only SQL statement on the published warehouse and print the result."""
    import duckdb

    from extract.settings import published_path
    from extract.warehouse import connect

    path = published_path()
    if not path.exists():
        print(f"no published warehouse at {path}: run `make run` first", file=sys.stderr)
        return 1
    with connect(read_only=True, path=path) as connection:
        try:
            result = connection.sql(sql)
        except duckdb.Error as error:
            print(f"query failed: {error}", file=sys.stderr)
            return 1
        if result is None:
            return 0
        if output_format == "csv":
            result.to_df().to_csv(sys.stdout, index=False)
        elif output_format == "json":
            print(result.to_df().to_json(orient="records", date_format="iso", force_ascii=False))
        else:
            result.show(max_rows=max_rows, max_width=200)
    return 0


def report_command(check: bool) -> int:
    """Write published/report.html; with --check, open it in headless Chromium and save a PNG."""
    from extract.report import build_report, check_in_browser
    from extract.settings import published_path

    if not published_path().exists():
        print(f"no published warehouse at {published_path()}: run `make run` first", file=sys.stderr)
        return 1
    page = build_report()
    print(f"report: {page}")
    if not check:
        return 0
    result = check_in_browser(page, page.with_suffix(".png"))
    print(f"browser check: {result.charts_rendered} of {result.charts_expected} charts drawn, "
          f"{len(result.console_errors)} console errors, page errors: {result.page_errors or 'none'}; "
          f"screenshot {result.screenshot}")
    for line in result.console_errors:
        print(f"  {line}")
    return 0 if result.ok else 1


def run_command(sources: list[str], run_id: str) -> int:
    """The whole pipeline on ``sources`` in this process, then the summary of what it published."""
    from extract.runner import run_pipeline

    run_pipeline(",".join(sources), run_id=run_id)
    return summary_command(10)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    parser = argparse.ArgumentParser(prog="commitments", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    tag = commands.add_parser("tag", help="tag files, directories or URLs; print JSON Lines")
    tag.add_argument("paths", nargs="+", metavar="PATH")
    run = commands.add_parser("run", help="run the whole pipeline without Airflow, then print the summary")
    run.add_argument("sources", nargs="*", metavar="SOURCE",
                     help="files, directories, feeds or URLs (default: COMMITMENTS_SOURCES, else samples/)")
    run.add_argument("--run-id", default="manual", help="the run's key in the warehouse (default: manual)")
    summary = commands.add_parser("summary", help="print what the published warehouse holds")
    summary.add_argument("--top", type=int, default=10, help="how many countries to list")
    query = commands.add_parser("query", help="run one SQL statement on the published warehouse (read-only)")
    query.add_argument("sql", help='e.g. "select * from dim_sector"')
    query.add_argument("--format", choices=("table", "csv", "json"), default="table", dest="output_format")
    query.add_argument("--max-rows", type=int, default=40, help="rows shown in table format (default 40)")
    report = commands.add_parser("report", help="write published/report.html from the published warehouse")
    report.add_argument("--check", action="store_true", help="render it in headless Chromium to report.png")
    args = parser.parse_args(argv)
    if args.command == "query":
        return query_command(args.sql, args.output_format, args.max_rows)
    if args.command == "report":
        return report_command(args.check)
    if args.command == "summary":
        return summary_command(args.top)
    if args.command == "run":
        return run_command(args.sources, args.run_id)
    return tag_command(args.paths)
