with source as (
    select * from {{ source('raw', 'load_audit') }}
),

renamed as (
    select
        load_id,
        run_key,
        cast(started_at as timestamp) as started_at,
        cast(finished_at as timestamp) as finished_at,
        date_diff('millisecond', started_at, finished_at) / 1000.0 as load_seconds,
        articles_new,
        articles_updated,
        articles_copies,
        sources,
        commitments,
        quarantined
    from source
)

select * from renamed
