-- Grain: one row per commitment, party and sector. Counting rows counts country-sector facts;
-- count distinct commitment_id to count commitments.
with commitments as (
    select * from {{ ref('int_commitments_with_articles') }}
),

parties as (
    select * from {{ ref('stg_commitment_parties') }}
),

sectors as (
    select * from {{ ref('stg_commitment_sectors') }}
)

select
    md5(commitments.commitment_id || '|' || parties.party_iso3 || '|' || sectors.sector_code)
        as commitment_party_sector_id,
    commitments.commitment_id,
    commitments.article_id,
    parties.party_iso3,
    sectors.sector_code,
    commitments.published_date,
    cast(strftime(commitments.published_date, '%Y%m%d') as integer) as date_key,
    commitments.commitment_type,
    commitments.confidence,
    commitments.evidence,
    commitments.url,
    commitments.title,
    list_filter(commitments.party_iso3s, p -> p != parties.party_iso3) as counterpart_iso3s
from commitments
inner join parties on commitments.commitment_id = parties.commitment_id
inner join sectors on commitments.commitment_id = sectors.commitment_id
