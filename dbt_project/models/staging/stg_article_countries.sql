with source as (
    select * from {{ source('raw', 'article_countries') }}
),

renamed as (
    select
        article_id,
        upper(iso3) as country_iso3,
        cast(mention_order as integer) as mention_order
    from source
)

select * from renamed
