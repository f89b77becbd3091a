with source as (
    select * from {{ ref('blocs') }}
),

renamed as (
    select
        bloc_code,
        bloc_name,
        is_party as bloc_is_party
    from source
)

select * from renamed
