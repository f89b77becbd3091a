select
    sector_code,
    sector_name,
    description
from {{ ref('sectors') }}
