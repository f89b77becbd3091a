-- Every report (a commitment in one of its sectors) is counted by exactly one event, and every
-- event still has reports: the event grouping and its incremental build lose, repeat and leave
-- behind nothing.
with sectors as (
    select commitment_id, count(*) as sector_count
    from {{ ref('stg_commitment_sectors') }}
    group by commitment_id
),

members as (
    select * from {{ ref('int_commitment_sectors_assigned_to_events') }}
),

events as (
    select * from {{ ref('fct_commitment_events') }}
),

counted_reports as (
    select members.commitment_id, count(*) as report_count
    from members
    inner join events on members.event_id = events.event_id
    group by members.commitment_id
)

select 'reports counted by events differ from sectors' as problem, commitments.commitment_id as id
from {{ ref('stg_commitments') }} as commitments
left join sectors on commitments.commitment_id = sectors.commitment_id
left join counted_reports on commitments.commitment_id = counted_reports.commitment_id
where coalesce(counted_reports.report_count, 0) != coalesce(sectors.sector_count, 0)
union all
select 'event without reports', events.event_id
from events
anti join members on events.event_id = members.event_id
