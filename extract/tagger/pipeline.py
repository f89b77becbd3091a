"""Assemble, save and load the tagging pipeline. The ``tag`` command and the DAG both get their
pipeline from ``load_pipeline``, so they can never tag differently."""
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from extract import reference
from extract.tagger import components  # noqa: F401  (registers the factories)
from extract.tagger.components import COUNTRY_LABEL


def country_patterns() -> list[dict]:
    """Entity-ruler patterns from the alias seed. Names and capitals also match in capitals,
    as datelines write them ("SEOUL -")."""
    patterns = []
    for row in reference.country_aliases():
        variants = {row["alias"]}
        if row["alias_type"] in ("name", "capital"):
            variants.add(row["alias"].upper())
        patterns += [{"label": COUNTRY_LABEL, "pattern": text, "id": row["iso3"]} for text in sorted(variants)]
    return patterns


def build_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("paragraph_breaks")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", name="country_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(country_patterns())
    nlp.add_pipe("sector_matcher")
    nlp.add_pipe("commitment_detector")
    return nlp


@cache
def load_pipeline(path: Path | None = None) -> Language:
    """The pipeline saved at ``path`` (``nlp.to_disk``), or one built from the seeds."""
    return spacy.load(path) if path else build_pipeline()
