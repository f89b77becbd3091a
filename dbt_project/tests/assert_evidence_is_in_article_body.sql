-- Evidence is an excerpt of the clean article text; anything else was not read from the article.
select commitments.commitment_id
from {{ ref('stg_commitments') }} as commitments
inner join {{ ref('stg_articles') }} as articles on commitments.article_id = articles.article_id
where strpos(articles.body, commitments.evidence) = 0
