-- Grain: one row per event: a commitment of one party set in one sector, however many articles
-- and outlets reported it (reports at most `event_window_days` apart, chained). Totals in
-- analysts' queries count these rows, so syndicated copies do not inflate them.
-- Incremental: a run recomputes only the party set and sector groups that gained, lost or
-- changed a report; groups with no reports left are dropped.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='event_group_key',
    on_schema_change='fail',
    post_hook="delete from {{ this }} where event_group_key not in
               (select event_group_key from {{ ref('int_commitment_sectors_assigned_to_events') }})",
) }}

with members as (
    select * from {{ ref('int_commitment_sectors_assigned_to_events') }}
),

{% if is_incremental() %}
built_members as (
    select event_group_key, unnest(member_keys) as member_key from {{ this }}
),

current_members as (
    select event_group_key, article_id || ':' || tagging_hash as member_key from members
),

touched_groups as (
    select event_group_key from current_members
    where member_key not in (select member_key from built_members)
    union
    select event_group_key from built_members
    where member_key not in (select member_key from current_members)
),

members_in_scope as (
    select * from members where event_group_key in (select event_group_key from touched_groups)
),
{% else %}
members_in_scope as (
    select * from members
),
{% endif %}

sources as (
    select article_id, count(*) as source_count
    from {{ ref('stg_article_sources') }}
    group by article_id
),

event_sources as (
    -- Outlets and files that carried the event, each article counted once.
    -- A bigint, not the hugeint sum() gives: some BI drivers cannot read 128-bit integers.
    select event_articles.event_id, cast(sum(coalesce(sources.source_count, 1)) as bigint) as source_count
    from (select distinct event_id, article_id from members_in_scope) as event_articles
    left join sources on event_articles.article_id = sources.article_id
    group by event_articles.event_id
)

select
    members_in_scope.event_id,
    any_value(members_in_scope.event_group_key) as event_group_key,
    any_value(members_in_scope.party_set_key) as party_set_key,
    any_value(list_sort(members_in_scope.party_iso3s)) as party_iso3s,
    any_value(members_in_scope.sector_code) as sector_code,
    min(members_in_scope.published_date) as first_reported_date,
    max(members_in_scope.published_date) as last_reported_date,
    {{ date_key("min(members_in_scope.published_date)") }} as date_key,
    count(distinct members_in_scope.article_id) as article_count,
    any_value(event_sources.source_count) as source_count,
    count(*) as report_count,
    max(members_in_scope.confidence) as max_confidence,
    arg_min(members_in_scope.evidence, coalesce(members_in_scope.published_date, date '9999-12-31'))
        as first_evidence,
    list(distinct members_in_scope.article_id order by members_in_scope.article_id) as article_ids,
    list(distinct members_in_scope.article_id || ':' || members_in_scope.tagging_hash) as member_keys
from members_in_scope
inner join event_sources on members_in_scope.event_id = event_sources.event_id
group by members_in_scope.event_id
