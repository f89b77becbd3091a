"""Benchmarks: a generated corpus and the measurements run on it (see README "Benchmarks")."""
