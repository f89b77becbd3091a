-- One row per commitment with what every mart needs from its article and its party set.
with commitments as (
    select * from {{ ref('stg_commitments') }}
),

articles as (
    select * from {{ ref('stg_articles') }}
),

parties as (
    select
        commitment_id,
        list(party_iso3 order by party_order) as party_iso3s
    from {{ ref('stg_commitment_parties') }}
    group by commitment_id
)

select
    commitments.commitment_id,
    commitments.article_id,
    commitments.commitment_type,
    commitments.evidence,
    commitments.confidence,
    articles.published_date,
    articles.url,
    articles.title,
    articles.first_source,
    articles.tagging_hash,
    coalesce(parties.party_iso3s, []) as party_iso3s,
    array_to_string(list_sort(coalesce(parties.party_iso3s, [])), '-') as party_set_key
from commitments
inner join articles on commitments.article_id = articles.article_id
left join parties on commitments.commitment_id = parties.commitment_id
