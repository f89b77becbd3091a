with sectors as (
    select * from {{ ref('stg_sectors') }}
)

select
    sector_code,
    sector_name,
    description
from sectors
