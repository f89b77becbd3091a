with source as (
    select * from {{ ref('countries') }}
),

renamed as (
    select
        iso3,
        iso2,
        country_name,
        official_name,
        region,
        subregion,
        is_un_member
    from source
)

select * from renamed
