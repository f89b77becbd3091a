{#- The key that joins facts to dim_date: the date as the integer YYYYMMDD. -#}
{% macro date_key(date_expression) -%}
    cast(strftime({{ date_expression }}, '%Y%m%d') as integer)
{%- endmacro %}
