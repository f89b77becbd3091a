"""Tagger throughput: the full pipeline in words per second, and spaCy's tokenizer alone on the
same texts for comparison. Both are measured back to back, so load on a shared machine affects
them alike, and their ratio tells how much the components cost beyond tokenizing.
"""
import time
from dataclasses import dataclass

from bench.corpus import generate
from extract.tagger.countries import published_on
from extract.tagger.pipeline import load_pipeline


@dataclass(frozen=True)
class TaggerBenchmark:
    articles: int
    words: int
    tokenizer_seconds: float
    pipeline_seconds: float
    commitments: int
    processes: int

    @property
    def tokenizer_words_per_second(self) -> float:
        return self.words / self.tokenizer_seconds

    @property
    def pipeline_words_per_second(self) -> float:
        return self.words / self.pipeline_seconds

    @property
    def ratio(self) -> float:
        return self.pipeline_words_per_second / self.tokenizer_words_per_second

    def report(self) -> str:
        return "\n".join([
            f"tagger benchmark: {self.articles} generated articles, {self.words:,} words, "
            f"batch size {BATCH_SIZE}, {self.processes} process(es)",
            f"  tokenizer alone : {self.tokenizer_words_per_second:>12,.0f} words/s ({self.tokenizer_seconds:.2f} s)",
            f"  full pipeline   : {self.pipeline_words_per_second:>12,.0f} words/s ({self.pipeline_seconds:.2f} s), "
            f"{self.commitments} commitments",
            f"  ratio pipeline/tokenizer: {self.ratio:.2f}",
            f"  full pipeline target: >= {PIPELINE_TARGET_WORDS_PER_SECOND:,} words/s in one process: "
            f"{'met' if self.pipeline_words_per_second >= PIPELINE_TARGET_WORDS_PER_SECOND else 'NOT met'}",
        ])


BATCH_SIZE = 256
PIPELINE_TARGET_WORDS_PER_SECOND = 50_000


def run(articles: int = 2000, processes: int = 1, seed: int = 7, rounds: int = 5) -> TaggerBenchmark:
    """Best of ``rounds`` for each side, so a hiccup of the machine does not decide the ratio."""
    nlp = load_pipeline()
    corpus = generate(articles, seed=seed)
    texts = [article.body for article in corpus]
    dates = [article.published.isoformat() for article in corpus]
    words = sum(len(text.split()) for text in texts)

    def tokenize() -> int:
        return sum(1 for _ in nlp.tokenizer.pipe(texts, batch_size=BATCH_SIZE))

    def tag() -> int:
        docs = (published_on(nlp.make_doc(text), day) for text, day in zip(texts, dates, strict=True))
        return sum(len(doc._.commitments) for doc in nlp.pipe(docs, batch_size=BATCH_SIZE, n_process=processes))

    # Each round times both sides, one after the other, so that a busy spell of the machine
    # falls on both rather than on every round of one.
    rounds_timed = [(_timed(tokenize), *_timed(tag, keep_result=True)) for _ in range(rounds)]
    tokenizer_seconds = min(tokenizer for tokenizer, _, _ in rounds_timed)
    pipeline_seconds = min(pipeline for _, pipeline, _ in rounds_timed)
    return TaggerBenchmark(len(texts), words, tokenizer_seconds, pipeline_seconds, rounds_timed[0][2], processes)


def _timed(function, keep_result: bool = False):
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    return (seconds, result) if keep_result else seconds
