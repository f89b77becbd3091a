-- Grain: one row per commitment, party and sector. Counting rows counts country-sector facts;
-- count distinct commitment_id to count commitments, and use fct_commitment_events for totals
-- that syndicated copies must not inflate. Incremental: a run rebuilds only the articles whose
-- tagging changed and drops those that left the warehouse.
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
    {{ date_key("commitments.published_date") }} as date_key,
    commitments.commitment_type,
    commitments.confidence,
    commitments.evidence,
    commitments.url,
    commitments.title,
    list_filter(commitments.party_iso3s, p -> p != parties.party_iso3) as counterpart_iso3s,
    commitments.party_set_key,
    commitments.tagging_hash
from commitments
inner join parties on commitments.commitment_id = parties.commitment_id
inner join sectors on commitments.commitment_id = sectors.commitment_id
