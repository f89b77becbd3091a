{#- Articles whose tagging changed (or that are new) since `relation` was built: its rows carry
    each article's tagging_hash. Incremental marts rebuild exactly these articles. -#}
{% macro changed_articles(relation) %}
    select articles.article_id
    from {{ ref('stg_articles') }} as articles
    anti join (select distinct article_id, tagging_hash from {{ relation }}) as built
        on articles.article_id = built.article_id and articles.tagging_hash = built.tagging_hash
{% endmacro %}

{#- Rows of articles that are no longer in the warehouse (a rerun dropped them). -#}
{% macro delete_vanished_articles() %}
    delete from {{ this }} where article_id not in (select article_id from {{ ref('stg_articles') }})
{% endmacro %}
