with countries as (
    select * from {{ ref('stg_countries') }}
),

current_memberships as (
    select iso3, list(bloc_code order by bloc_code) as bloc_codes
    from {{ ref('stg_bloc_members') }}
    where joined_date <= current_date and (left_date is null or left_date > current_date)
    group by iso3
)

select
    countries.iso3,
    countries.iso2,
    countries.country_name,
    countries.official_name,
    countries.region,
    countries.subregion,
    countries.is_un_member,
    coalesce(current_memberships.bloc_codes, []) as current_bloc_codes,
    list_contains(coalesce(current_memberships.bloc_codes, []), 'EU') as is_eu_member
from countries
left join current_memberships on countries.iso3 = current_memberships.iso3
