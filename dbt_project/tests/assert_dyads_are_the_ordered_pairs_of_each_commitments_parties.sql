-- fct_commitment_dyads holds every unordered pair of a commitment's parties once, written in
-- alphabetical order: n(n-1)/2 rows for n parties, each with party_a_iso3 < party_b_iso3.
with parties as (
    select commitment_id, count(*) as party_count
    from {{ ref('stg_commitment_parties') }}
    group by commitment_id
),

dyads as (
    select
        commitment_id,
        count(*) as dyad_rows,
        count(*) filter (where not party_a_iso3 < party_b_iso3) as unordered_rows
    from {{ ref('fct_commitment_dyads') }}
    group by commitment_id
)

select
    commitments.commitment_id,
    coalesce(dyads.dyad_rows, 0) as dyad_rows,
    coalesce(parties.party_count, 0) * (coalesce(parties.party_count, 0) - 1) / 2 as expected_dyad_rows,
    coalesce(dyads.unordered_rows, 0) as unordered_rows
from {{ ref('stg_commitments') }} as commitments
left join parties on commitments.commitment_id = parties.commitment_id
left join dyads on commitments.commitment_id = dyads.commitment_id
where coalesce(dyads.dyad_rows, 0) != coalesce(parties.party_count, 0) * (coalesce(parties.party_count, 0) - 1) / 2
   or coalesce(dyads.unordered_rows, 0) > 0
