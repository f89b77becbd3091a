with source as (
    select * from {{ source('raw', 'quarantine') }}
),

renamed as (
    select
        source,
        reason,
        stage,
        run_key,
        cast(quarantined_at as timestamp) as quarantined_at
    from source
)

select * from renamed
