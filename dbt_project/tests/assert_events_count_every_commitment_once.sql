-- Every commitment-sector report belongs to exactly one event, and no event is empty.
select 'report without event' as problem, members.commitment_id as id
from {{ ref('int_commitment_event_members') }} as members
left join {{ ref('fct_commitment_events') }} as events on members.event_id = events.event_id
where events.event_id is null
union all
select 'event without reports', events.event_id
from {{ ref('fct_commitment_events') }} as events
where events.report_count = 0
