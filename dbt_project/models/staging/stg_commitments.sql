with source as (
    select * from {{ source('raw', 'commitments') }}
),

renamed as (
    select
        commitment_id,
        article_id,
        cast(commitment_index as integer) as commitment_index,
        commitment_type,
        evidence,
        cast(evidence_start as integer) as evidence_start_char,
        cast(evidence_end as integer) as evidence_end_char,
        cast(confidence as double) as confidence
    from source
)

select * from renamed
