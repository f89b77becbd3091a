with source as (
    select * from {{ ref('sectors') }}
),

renamed as (
    select
        sector_code,
        sector_name,
        description
    from source
)

select * from renamed
