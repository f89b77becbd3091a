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

{#- The configuration and the input rows of a fact built per article: incremental on the
    articles whose tagging changed, dropping articles that left the warehouse. -#}
{% macro incremental_by_article() %}
    {{ config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='article_id',
        on_schema_change='fail',
        post_hook="{{ delete_vanished_articles() }}",
    ) }}
{% endmacro %}

{% macro commitments_to_build() %}
    select * from {{ ref('int_commitments_with_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ changed_articles(this) }})
    {% endif %}
{% endmacro %}
