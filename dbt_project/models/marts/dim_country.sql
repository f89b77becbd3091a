select
    iso3,
    iso2,
    country_name,
    official_name,
    region,
    subregion,
    is_un_member
from {{ ref('countries') }}
