-- fct_commitments fans each commitment out to every pair of its parties and sectors, no more and
-- no fewer: parties x sectors rows (none without a party or a sector), also after incremental builds.
with parties as (
    select commitment_id, count(*) as party_count
    from {{ ref('stg_commitment_parties') }}
    group by commitment_id
),

sectors as (
    select commitment_id, count(*) as sector_count
    from {{ ref('stg_commitment_sectors') }}
    group by commitment_id
),

facts as (
    select commitment_id, count(*) as fact_rows
    from {{ ref('fct_commitments') }}
    group by commitment_id
)

select
    commitments.commitment_id,
    coalesce(facts.fact_rows, 0) as fact_rows,
    coalesce(parties.party_count, 0) * coalesce(sectors.sector_count, 0) as expected_fact_rows
from {{ ref('stg_commitments') }} as commitments
left join parties on commitments.commitment_id = parties.commitment_id
left join sectors on commitments.commitment_id = sectors.commitment_id
left join facts on commitments.commitment_id = facts.commitment_id
where coalesce(facts.fact_rows, 0) != coalesce(parties.party_count, 0) * coalesce(sectors.sector_count, 0)
