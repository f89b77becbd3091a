with source as (
    select * from {{ source('raw', 'commitment_sectors') }}
),

renamed as (
    select
        commitment_id,
        lower(sector_code) as sector_code
    from source
)

select * from renamed
