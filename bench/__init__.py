"""Benchmarks, outside the runtime package: a generated corpus, whole DAG runs on it
(``python -m bench pipeline``, ``make bench``) and the tagger's speed (``python -m bench tag``,
``make bench-tag``). See the README's benchmark section and docs/scaling.md."""
