-- Bloc memberships with their dates, for questions as of a date ("G7 members in 2019").
select
    members.bloc_code || '|' || members.iso3 || '|' || cast(members.joined_date as varchar) as membership_id,
    members.bloc_code,
    blocs.bloc_name,
    members.iso3,
    members.joined_date,
    members.left_date,
    blocs.is_party as bloc_is_party
from {{ ref('bloc_members') }} as members
inner join {{ ref('blocs') }} as blocs on members.bloc_code = blocs.bloc_code
