-- Every fact, dyad and event points to the sentence that states it.
select 'fct_commitments' as model, commitment_id as id from {{ ref('fct_commitments') }}
where evidence is null or trim(evidence) = ''
union all
select 'fct_commitment_dyads', commitment_id from {{ ref('fct_commitment_dyads') }}
where evidence is null or trim(evidence) = ''
union all
select 'fct_commitment_events', event_id from {{ ref('fct_commitment_events') }}
where first_evidence is null or trim(first_evidence) = ''
