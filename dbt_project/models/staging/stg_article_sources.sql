with source as (
    select * from {{ source('raw', 'article_sources') }}
),

renamed as (
    select
        article_id,
        source,
        run_key
    from source
)

select * from renamed
