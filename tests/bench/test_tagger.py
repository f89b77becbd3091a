"""The tagger benchmark times the full pipeline and the tokenizer alone on the same texts."""
from extract.bench import tagger


def test_the_benchmark_reports_both_speeds_and_their_ratio():
    result = tagger.run(articles=20, rounds=2)
    assert result.articles == 20 and result.words > 5_000
    assert result.commitments > 0  # the pipeline really tagged
    assert result.pipeline_seconds > result.tokenizer_seconds > 0
    assert result.ratio == result.pipeline_words_per_second / result.tokenizer_words_per_second
    report = result.report()
    assert "tokenizer alone" in report and "full pipeline" in report
    assert f"ratio pipeline/tokenizer: {result.ratio:.2f} (target >= 0.25)" in report
