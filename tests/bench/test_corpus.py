"""The benchmark corpus: deterministic, varied, and readable by the pipeline."""
from bench.corpus import generate, write_corpus
from extract.articles import extract_articles


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another():
    assert generate(20, seed=3) == generate(20, seed=3)
    assert generate(20, seed=3) != generate(20, seed=4)


def test_articles_come_in_every_format_with_duplicates_and_commitments(tmp_path, nlp):
    corpus = generate(60, seed=5, duplicate_share=0.2)
    assert {article.name.rsplit(".", 1)[1] for article in corpus} == {"txt", "html", "json"}
    articles, rejections = extract_articles([str(write_corpus(corpus, tmp_path / "corpus"))])
    assert rejections == []
    assert len(articles) < len(corpus)  # duplicates folded
    assert sum(1 for a in articles if a.published_date) == len(articles)
    assert all(len(nlp(article.body)._.commitments) > 0 for article in articles[:10])
