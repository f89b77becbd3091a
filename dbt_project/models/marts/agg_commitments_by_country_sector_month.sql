-- Grain: one row per party, sector and month of first report: events (commitments counted
-- once however often reported), the articles that reported them, and the distinct partners.
-- Undated events have no month and are left out.
with events as (
    select * from {{ ref('fct_commitment_events') }}
    where first_reported_date is not null
),

by_party as (
    select
        unnest(party_iso3s) as party_iso3,
        party_iso3s,
        sector_code,
        cast(date_trunc('month', first_reported_date) as date) as month_start,
        article_count,
        event_id
    from events
)

select
    md5(party_iso3 || '|' || sector_code || '|' || cast(month_start as varchar)) as country_sector_month_id,
    party_iso3,
    sector_code,
    month_start,
    strftime(month_start, '%Y-%m') as year_month,
    {{ date_key("month_start") }} as date_key,
    count(distinct event_id) as event_count,
    -- bigint, not the hugeint of sum(): some BI drivers cannot read 128-bit integers
    cast(sum(article_count) as bigint) as article_count,
    list_sort(list_distinct(flatten(list(list_filter(party_iso3s, p -> p != party_iso3))))) as partner_iso3s
from by_party
group by party_iso3, sector_code, month_start
