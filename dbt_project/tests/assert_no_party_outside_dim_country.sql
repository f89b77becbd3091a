-- Parties of every event must be known countries (or EUU): lists escape relationship tests.
select events.event_id, party.iso3
from {{ ref('fct_commitment_events') }} as events,
    unnest(events.party_iso3s) as party(iso3)
where party.iso3 not in (select iso3 from {{ ref('dim_country') }})
