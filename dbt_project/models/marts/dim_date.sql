-- A calendar from 1990 to 2035, one row per day, keyed like the facts' date_key.
with days as (
    select cast(range as date) as calendar_date
    from range(date '1990-01-01', date '2036-01-01', interval 1 day)
)

select
    {{ date_key("calendar_date") }} as date_key,
    calendar_date,
    year(calendar_date) as year,
    quarter(calendar_date) as quarter,
    month(calendar_date) as month,
    monthname(calendar_date) as month_name,
    strftime(calendar_date, '%Y-%m') as year_month,
    strftime(calendar_date, '%Y') || '-Q' || quarter(calendar_date) as year_quarter,
    weekofyear(calendar_date) as iso_week,
    dayofweek(calendar_date) as day_of_week,
    dayname(calendar_date) as day_name,
    dayofweek(calendar_date) in (0, 6) as is_weekend
from days
