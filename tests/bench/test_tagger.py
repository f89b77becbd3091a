"""The tagger benchmark: its figures are what it measured on the corpus it generated."""
import re

from bench import tagger
from bench.corpus import generate


def printed(report: str, label: str) -> tuple[float, float]:
    """The words/s and seconds the report prints on the line that starts with ``label``."""
    line = next(line for line in report.splitlines() if line.strip().startswith(label))
    rate, seconds = re.search(r"([\d,]+) words/s \(([\d.]+) s\)", line).groups()
    return float(rate.replace(",", "")), float(seconds)


def test_the_reported_speeds_are_the_corpus_words_over_the_measured_times():
    result = tagger.run(articles=20, rounds=2)
    assert result.words == sum(len(article.body.split()) for article in generate(20, seed=7))
    assert result.commitments > 0  # the pipeline really tagged
    report = result.report()
    for label, seconds in (("tokenizer alone", result.tokenizer_seconds), ("full pipeline", result.pipeline_seconds)):
        rate, printed_seconds = printed(report, label)
        assert abs(rate - result.words / seconds) <= 1
        assert abs(printed_seconds - seconds) <= 0.005
    pipeline_rate, _ = printed(report, "full pipeline")
    tokenizer_rate, _ = printed(report, "tokenizer alone")
    ratio = float(re.search(r"ratio pipeline/tokenizer: ([\d.]+)", report).group(1))
    assert abs(ratio - pipeline_rate / tokenizer_rate) <= 0.006
