with source as (
    select * from {{ source('raw', 'commitment_parties') }}
),

renamed as (
    select
        commitment_id,
        upper(party_code) as party_iso3,
        cast(party_order as integer) as party_order
    from source
)

select * from renamed
