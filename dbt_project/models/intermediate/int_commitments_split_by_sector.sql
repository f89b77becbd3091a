-- One row per commitment and sector: the unit that reports of the same event are matched on.
with commitments as (
    select * from {{ ref('int_commitments_joined_to_articles_and_parties') }}
),

sectors as (
    select * from {{ ref('stg_commitment_sectors') }}
)

select
    commitments.commitment_id,
    commitments.article_id,
    commitments.tagging_hash,
    commitments.published_date,
    commitments.party_iso3s,
    commitments.party_set_key,
    sectors.sector_code,
    commitments.party_set_key || '|' || sectors.sector_code as event_group_key,
    commitments.evidence,
    commitments.confidence,
    commitments.commitment_type
from commitments
inner join sectors on commitments.commitment_id = sectors.commitment_id
