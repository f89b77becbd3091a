with articles as (
    select * from {{ ref('stg_articles') }}
),

sources as (
    select
        article_id,
        count(*) as source_count
    from {{ ref('stg_article_sources') }}
    group by article_id
)

select
    articles.article_id,
    articles.title,
    articles.url,
    articles.first_source,
    articles.published_date,
    articles.date_rule,
    articles.language_code,
    coalesce(sources.source_count, 1) as source_count
from articles
left join sources on articles.article_id = sources.article_id
