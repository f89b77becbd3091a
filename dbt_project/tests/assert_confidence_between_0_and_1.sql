-- Confidence is a probability-like score: anything outside [0, 1] is a tagger bug.
select commitment_party_sector_id, confidence
from {{ ref('fct_commitments') }}
where confidence < 0 or confidence > 1
