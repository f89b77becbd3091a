-- Which event each commitment-sector row reports. Rows of the same party set and sector whose
-- dates are at most {{ var('event_window_days') }} days apart (chained) are one event: the same
-- commitment reported by several articles or outlets. An undated row is an event of its own.
with rows_in_groups as (
    select
        *,
        published_date - lag(published_date) over (
            partition by event_group_key order by published_date, article_id, commitment_id
        ) as days_since_previous
    from {{ ref('int_commitments_split_by_sector') }}
),

numbered as (
    select
        *,
        sum(case when published_date is null or days_since_previous is null
                      or days_since_previous > {{ var('event_window_days') }} then 1 else 0 end) over (
            partition by event_group_key order by published_date, article_id, commitment_id
            rows between unbounded preceding and current row
        ) as event_number
    from rows_in_groups
)

select
    commitment_id,
    article_id,
    tagging_hash,
    published_date,
    party_iso3s,
    party_set_key,
    sector_code,
    event_group_key,
    evidence,
    confidence,
    md5(event_group_key || '|' || coalesce(
        cast(min(published_date) over (partition by event_group_key, event_number) as varchar),
        commitment_id
    )) as event_id
from numbered
