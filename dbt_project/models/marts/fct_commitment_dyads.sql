-- Grain: one row per commitment and unordered pair of its parties (party_a < party_b), with
-- the commitment's sectors as a list. Commitments without a sector appear here too.
-- Incremental like fct_commitments.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='article_id',
    on_schema_change='fail',
    post_hook="{{ delete_vanished_articles() }}",
) }}

with commitments as (
    {{ commitments_to_build() }}
),

sectors as (
    select commitment_id, list(sector_code order by sector_code) as sector_codes
    from {{ ref('stg_commitment_sectors') }}
    group by commitment_id
),

parties as (
    select commitment_id, party_iso3
    from {{ ref('stg_commitment_parties') }}
),

pairs as (
    select a.commitment_id, a.party_iso3 as party_a_iso3, b.party_iso3 as party_b_iso3
    from parties as a
    inner join parties as b on a.commitment_id = b.commitment_id and a.party_iso3 < b.party_iso3
)

select
    md5(pairs.commitment_id || '|' || pairs.party_a_iso3 || '|' || pairs.party_b_iso3) as commitment_dyad_id,
    pairs.commitment_id,
    commitments.article_id,
    pairs.party_a_iso3,
    pairs.party_b_iso3,
    pairs.party_a_iso3 || '-' || pairs.party_b_iso3 as dyad_key,
    coalesce(sectors.sector_codes, []) as sector_codes,
    commitments.published_date,
    {{ date_key("commitments.published_date") }} as date_key,
    commitments.commitment_type,
    commitments.confidence,
    commitments.evidence,
    commitments.url,
    commitments.tagging_hash
from pairs
inner join commitments on pairs.commitment_id = commitments.commitment_id
left join sectors on pairs.commitment_id = sectors.commitment_id
