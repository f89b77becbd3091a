{#- The filter and the clean-up of the facts built per article (fct_commitments and
    fct_commitment_dyads), which declare themselves incremental on article_id in their config(). -#}

{#- Articles whose tagging changed (or that are new) since `relation` was built: its rows carry
    each article's tagging_hash. Incremental marts rebuild exactly these articles. -#}
{% macro changed_articles(relation) %}
    select articles.article_id
    from {{ ref('stg_articles') }} as articles
    anti join (select distinct article_id, tagging_hash from {{ relation }}) as built
        on articles.article_id = built.article_id and articles.tagging_hash = built.tagging_hash
{% endmacro %}

{#- The commitments a run builds: all of them on a full build, else those of changed articles. -#}
{% macro commitments_to_build() %}
    select * from {{ ref('int_commitments_joined_to_articles_and_parties') }}
    {% if is_incremental() %}
    where article_id in ({{ changed_articles(this) }})
    {% endif %}
{% endmacro %}

{#- Rows of articles that are no longer in the warehouse (a rerun dropped them): the post-hook. -#}
{% macro delete_vanished_articles() %}
    delete from {{ this }} where article_id not in (select article_id from {{ ref('stg_articles') }})
{% endmacro %}
