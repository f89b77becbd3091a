"""The run report, ``published/report.html``: the published warehouse as charts and tables for
people who would rather look than read.

Charts are Altair (Vega-Lite) specs embedded with the Vega JavaScript bundled by vl-convert and
inlined into the page, so the report opens offline and in air-gapped offices. It reads only the
published file, so it shows exactly what analysts can query.
"""
import html
import json
import logging
import re
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from extract.settings import published_path
from extract.warehouse import connect

LATEST_COMMITMENTS = 25
TOP_PARTNERS = 10
MATRIX_COUNTRIES = 30
QUARANTINE_ROWS = 20

log = logging.getLogger(__name__)


def report_path() -> Path:
    return published_path().with_name("report.html")


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    note: str
    chart: dict | None = None
    table: str = ""


def build_report(run_key: str | None = None) -> Path:
    """Write report.html for the run ``run_key`` (its validation status and quarantine; default:
    the latest load) from the published warehouse, atomically."""
    with connect(read_only=True, path=published_path()) as connection:
        run_key = run_key or connection.execute("select max(run_key) from load_audit").fetchone()[0]
        partners = _partner_counts(connection)
        sections = [
            _validation_section(connection, run_key),
            _monthly_section(connection),
            _partners_section(partners),
            _matrix_section(partners),
            _latest_section(connection),
            _quarantine_section(connection, run_key),
        ]
        totals = connection.execute("""
            select (select count(*) from dim_article),
                   (select count(distinct commitment_id) from fct_commitments),
                   (select count(*) from fct_commitment_events),
                   (select count(distinct party_iso3) from fct_commitments)
        """).fetchone()
    target = report_path()
    partial = target.with_name(target.name + ".partial")
    partial.write_text(_page(run_key, totals, sections), encoding="utf-8")
    partial.replace(target)
    log.info("report: %d sections -> %s", len(sections), target)
    return target


def _rows(connection, sql: str, parameters=None) -> list[dict]:
    cursor = connection.execute(sql, parameters or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _validation_section(connection, run_key: str | None) -> Section:
    results = _rows(connection, """
        select suite, success, successful_expectations, evaluated_expectations, rows_validated, failures
        from validation_results
        where run_key = ? and validated_at = (select max(validated_at) from validation_results as later
                                              where later.run_key = validation_results.run_key
                                                and later.suite = validation_results.suite)
        order by suite""", [run_key])
    failed = [result for result in results if not result["success"]]
    status = ("no validation results for this run" if not results else
              f"all {len(results)} suites passed" if not failed else
              f"{len(failed)} of {len(results)} suites had failures (tolerable: their articles were quarantined)")
    rows = "".join(
        f"<tr class=\"{'ok' if r['success'] else 'failed'}\"><td>{html.escape(r['suite'])}</td>"
        f"<td>{'passed' if r['success'] else 'failed'}</td>"
        f"<td>{r['successful_expectations']} / {r['evaluated_expectations']}</td><td>{r['rows_validated']}</td>"
        f"<td>{html.escape(_failure_summary(r['failures']))}</td></tr>" for r in results)
    table = _table(("suite", "status", "expectations met", "rows", "failures"), rows)
    return Section("validation", "Validation of this run", f"Great Expectations: {status}.", table=table)


def _table(headers: tuple[str, ...], body: str) -> str:
    """A table of the report: the column headers, and the rows already written as <tr> elements."""
    head = "".join(f"<th>{html.escape(header)}</th>" for header in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _failure_summary(failures_json: str) -> str:
    failures = json.loads(failures_json or "[]")
    return "; ".join(f"{f['expectation']} on {f['column']}: {f['unexpected_count']} rows" for f in failures)


def _monthly_section(connection) -> Section:
    import altair as alt

    rows = _rows(connection, """
        select strftime(date_trunc('month', events.first_reported_date), '%Y-%m-01') as month,
               sectors.sector_name as sector, count(*) as commitments
        from fct_commitment_events as events
        join dim_sector as sectors using (sector_code)
        where events.first_reported_date is not null
        group by all order by month, sector""")
    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("yearmonth(month):T", title="month first reported"),
        y=alt.Y("sum(commitments):Q", title="commitments", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("sector:N", scale=alt.Scale(scheme="tableau20"), legend=alt.Legend(columns=2)),
        tooltip=[alt.Tooltip("yearmonth(month):T", title="month"), "sector:N", "commitments:Q"],
    ).properties(width=720, height=320)
    return Section("monthly", "Commitments per month, by sector",
                   "Each commitment counts once however many articles reported it (fct_commitment_events).",
                   chart=chart.to_dict())


def _partner_counts(connection) -> list[dict]:
    """Commitments per ordered (country, partner) pair: each dyad counts for both of its parties."""
    return _rows(connection, """
        with pairs as (
            select party_a_iso3 as iso3, party_b_iso3 as partner_iso3, commitment_id from fct_commitment_dyads
            union all
            select party_b_iso3, party_a_iso3, commitment_id from fct_commitment_dyads
        )
        select countries.country_name as country, partners.country_name as partner,
               count(distinct pairs.commitment_id) as commitments
        from pairs
        join dim_country as countries on countries.iso3 = pairs.iso3
        join dim_country as partners on partners.iso3 = pairs.partner_iso3
        group by all order by country, commitments desc, partner""")


def _most_active(rows: list[dict]) -> list[str]:
    """Countries by their commitments with partners, most first."""
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["country"]] = totals.get(row["country"], 0) + row["commitments"]
    return sorted(totals, key=lambda country: (-totals[country], country))


def _partners_section(rows: list[dict]) -> Section:
    import altair as alt

    countries = _most_active(rows)
    if not countries:
        return Section("partners", "Top partners of each country", "No commitment between two parties yet.")
    country = alt.param(name="country", value=countries[0],
                        bind=alt.binding_select(options=countries, name="Country: "))
    chart = alt.Chart(alt.Data(values=rows)).transform_filter(
        alt.datum.country == country
    ).transform_window(
        rank="row_number()", sort=[alt.SortField("commitments", order="descending")]
    ).transform_filter(
        alt.datum.rank <= TOP_PARTNERS
    ).mark_bar().encode(
        x=alt.X("commitments:Q", title="commitments together", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("partner:N", sort="-x", title=None),
        tooltip=["country:N", "partner:N", "commitments:Q"],
    ).add_params(country).properties(width=560, height=280)
    return Section("partners", "Top partners of each country",
                   f"Choose a country: its {TOP_PARTNERS} most frequent partners in commitments "
                   "(fct_commitment_dyads).",
                   chart=chart.to_dict())


def _matrix_section(rows: list[dict]) -> Section:
    import altair as alt

    shown = set(_most_active(rows)[:MATRIX_COUNTRIES])
    cells = [row for row in rows if row["country"] in shown and row["partner"] in shown]
    order = sorted(shown)
    chart = alt.Chart(alt.Data(values=cells)).mark_rect().encode(
        x=alt.X("partner:N", sort=order, title=None, axis=alt.Axis(labelAngle=-50)),
        y=alt.Y("country:N", sort=order, title=None),
        color=alt.Color("commitments:Q", scale=alt.Scale(scheme="blues", domainMin=0), title="commitments"),
        tooltip=["country:N", "partner:N", "commitments:Q"],
    ).properties(width=max(200, 18 * len(order)), height=max(200, 18 * len(order)))
    return Section("matrix", "Who commits with whom",
                   f"Commitments between each pair of the {len(order)} most active countries.",
                   chart=chart.to_dict())


def _latest_section(connection) -> Section:
    rows = _rows(connection, """
        select dyads.published_date, list_sort(list(distinct countries.country_name)) as parties,
               any_value(dyads.sector_codes) as sector_codes, any_value(dyads.evidence) as evidence,
               any_value(dyads.url) as url, any_value(articles.title) as title
        from fct_commitment_dyads as dyads
        join dim_country as countries on countries.iso3 in (dyads.party_a_iso3, dyads.party_b_iso3)
        join dim_article as articles using (article_id)
        group by dyads.commitment_id, dyads.published_date
        order by dyads.published_date desc nulls last, any_value(dyads.evidence)
        limit ?""", [LATEST_COMMITMENTS])
    body = "".join(
        f"<tr><td>{row['published_date'] or 'undated'}</td><td>{html.escape(', '.join(row['parties']))}</td>"
        f"<td>{html.escape(', '.join(row['sector_codes'] or []))}</td><td>{html.escape(row['evidence'])}</td>"
        f"<td>{_link(row['url'], row['title'])}</td></tr>" for row in rows)
    table = _table(("published", "parties", "sectors", "evidence", "source"), body)
    return Section("latest", "Latest commitments", f"The {LATEST_COMMITMENTS} most recent commitments "
                   "between two or more parties, with the sentence that states them.", table=table)


def _link(url: str | None, title: str | None) -> str:
    text = html.escape(title or url or "article")
    if url and re.match(r"https?://", url):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{text}</a>'
    return text


def _quarantine_section(connection, run_key: str | None) -> Section:
    rows = _rows(connection, "select source, reason, stage from quarantine where run_key = ? order by source limit ?",
                 [run_key, QUARANTINE_ROWS])
    total = connection.execute("select count(*) from quarantine where run_key = ?", [run_key]).fetchone()[0]
    body = "".join(f"<tr><td>{html.escape(r['source'])}</td><td>{html.escape(r['stage'])}</td>"
                   f"<td>{html.escape(r['reason'])}</td></tr>" for r in rows)
    table = _table(("input", "stage", "reason"), body) if rows else ""
    note = f"{total} inputs of this run were quarantined" + (f" (first {len(rows)} shown)." if total > len(rows)
                                                             else ".")
    return Section("quarantine", "Quarantined in this run", note, table=table)


STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #1d2733; }
header p { color: #52606d; } .totals span { margin-right: 1.5rem; font-weight: 600; }
section { margin: 2.5rem 0; } table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #d9e2ec; padding: 4px 6px; text-align: left; vertical-align: top; }
tr.failed td { background: #fff1f0; } #report-errors:empty { display: none; }
#report-errors { color: #b42318; white-space: pre-wrap; }
"""
# Errors of the page (a chart that fails to render) are shown on it and counted by the browser
# check; data-charts-rendered tells the check that every chart is drawn.
EMBED = """
const errors = document.getElementById('report-errors');
window.addEventListener('error', (event) => { errors.textContent += event.message + '\\n'; });
const specs = JSON.parse(document.getElementById('chart-specs').textContent);
Promise.all(Object.entries(specs).map(([id, spec]) =>
    vegaEmbed('#' + id, spec, {actions: false, renderer: 'svg'})
)).then((views) => { document.body.dataset.chartsRendered = String(views.length); })
  .catch((error) => { errors.textContent += 'chart failed: ' + error + '\\n'; });
"""


def _page(run_key: str | None, totals: tuple, sections: list[Section]) -> str:
    import altair as alt
    import vl_convert

    articles, commitments, events, countries = totals
    specs = {f"chart-{section.anchor}": section.chart for section in sections if section.chart}
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body = "".join(
        f'<section id="{section.anchor}"><h2>{html.escape(section.title)}</h2><p>{html.escape(section.note)}</p>'
        + (f'<div id="chart-{section.anchor}" class="chart"></div>' if section.chart else "")
        + section.table + "</section>" for section in sections)
    vega_lite = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Commitments Warehouse: run {html.escape(str(run_key))}</title>
<style>{STYLE}</style>
<script>{vl_convert.javascript_bundle(vl_version=vega_lite)}</script></head>
<body><header><h1>Commitments Warehouse</h1>
<p>Run {html.escape(str(run_key))}, report generated {generated} from the published warehouse.</p>
<p class="totals"><span>{articles} articles</span><span>{commitments} commitments</span>
<span>{events} distinct events</span><span>{countries} countries</span></p>
<pre id="report-errors"></pre></header>
{body}
<script type="application/json" id="chart-specs">{_script_safe(json.dumps(specs, default=str))}</script>
<script>{EMBED}</script>
</body></html>
"""


def _script_safe(text: str) -> str:
    """JSON inside a <script> element: an evidence sentence with '</script>' must not end it."""
    return text.replace("</", "<\\/")


@dataclass(frozen=True)
class BrowserCheck:
    charts_expected: int
    charts_rendered: int
    page_errors: str
    console_errors: list[str]
    screenshot: Path

    @property
    def ok(self) -> bool:
        return (self.charts_rendered == self.charts_expected and not self.page_errors
                and not self.console_errors)


def check_in_browser(page: Path, screenshot: Path, browser: str = "chromium") -> BrowserCheck:
    """Open the report in headless Chromium: count the charts drawn, collect page and console
    errors, and save a screenshot of the whole page."""
    url = page.resolve().as_uri()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--virtual-time-budget=15000", "--enable-logging=stderr", "--v=0"]
    with tempfile.TemporaryDirectory() as profile:
        common = [browser, *flags, f"--user-data-dir={profile}"]
        dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, text=True, timeout=120)
        subprocess.run([*common, f"--screenshot={screenshot}", "--window-size=1280,4200", url],
                       capture_output=True, text=True, timeout=120, check=True)
    rendered = re.search(r'data-charts-rendered="(\d+)"', dom.stdout)
    errors = re.search(r'<pre id="report-errors">(.*?)</pre>', dom.stdout, re.S)
    console = [line for line in dom.stderr.splitlines()
               if "CONSOLE" in line and ("ERROR" in line or "Uncaught" in line)]
    return BrowserCheck(
        charts_expected=page.read_text(encoding="utf-8").count('class="chart"'),
        charts_rendered=int(rendered.group(1)) if rendered else 0,
        page_errors=html.unescape(errors.group(1)).strip() if errors else "report-errors element missing",
        console_errors=console,
        screenshot=screenshot,
    )
