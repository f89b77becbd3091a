-- Bloc memberships with their dates, for questions as of a date ("G7 members in 2019").
with members as (
    select * from {{ ref('stg_bloc_members') }}
),

blocs as (
    select * from {{ ref('stg_blocs') }}
)

select
    members.bloc_code || '|' || members.iso3 || '|' || cast(members.joined_date as varchar) as membership_id,
    members.bloc_code,
    blocs.bloc_name,
    members.iso3,
    members.joined_date,
    members.left_date,
    blocs.bloc_is_party
from members
inner join blocs on members.bloc_code = blocs.bloc_code
