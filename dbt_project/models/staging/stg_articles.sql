with source as (
    select * from {{ source('raw', 'articles') }}
),

renamed as (
    select
        article_id,
        source as first_source,
        url,
        title,
        body,
        cast(published_date as date) as published_date,
        date_rule,
        language as language_code,
        content_hash,
        tagging_hash,
        run_key
    from source
)

select * from renamed
