-- An event's first and last report dates are those of its articles.
with event_articles as (
    select events.event_id, events.first_reported_date, events.last_reported_date, article.id as article_id
    from {{ ref('fct_commitment_events') }} as events,
        unnest(events.article_ids) as article(id)
),

spans as (
    select
        event_articles.event_id,
        any_value(event_articles.first_reported_date) as first_reported_date,
        any_value(event_articles.last_reported_date) as last_reported_date,
        min(articles.published_date) as earliest_article,
        max(articles.published_date) as latest_article
    from event_articles
    inner join {{ ref('dim_article') }} as articles on event_articles.article_id = articles.article_id
    group by event_articles.event_id
)

select * from spans
where first_reported_date is distinct from earliest_article
   or last_reported_date is distinct from latest_article
