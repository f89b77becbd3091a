with source as (
    select * from {{ ref('bloc_members') }}
),

renamed as (
    select
        bloc_code,
        iso3,
        joined_date,
        left_date
    from source
)

select * from renamed
