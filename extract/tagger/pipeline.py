"""Assemble, save and load the tagging pipeline.

The pipeline is built from ``pipeline.cfg`` and the seeds, then saved with ``nlp.to_disk``
(patterns, sector terms and the leaders table travel with it). ``load_pipeline`` loads the saved
copy by path, for the ``tag`` command and the DAG alike, and rebuilds it first when the seeds or
the config have changed since it was saved.
"""
import hashlib
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from extract.settings import SEEDS_DIR, tagger_path
from extract.tagger import commitments, countries, parsing, sectors, sentences, serialization, tokenizer  # noqa: F401  (registrations)
from extract.tagger.lexicon import WORDS_DIR

CONFIG_PATH = Path(__file__).with_name("pipeline.cfg")
SEED_FILES = ("country_aliases", "leaders", "sector_terms", "us_states")


def fingerprint() -> str:
    """Changes whenever anything saved with the pipeline would change: the config, the seeds, or
    the code that turns them into patterns."""
    digest = hashlib.sha256(CONFIG_PATH.read_bytes())
    for source in sorted(Path(__file__).parent.glob("*.py")) + sorted(WORDS_DIR.glob("*.txt")):
        digest.update(source.read_bytes())
    for name in SEED_FILES:
        digest.update((SEEDS_DIR / f"{name}.csv").read_bytes())
    return digest.hexdigest()[:16]


def build_pipeline() -> Language:
    nlp = spacy.util.load_model_from_config(spacy.util.load_config(CONFIG_PATH), auto_fill=True, validate=True)
    nlp.initialize()
    nlp.meta["name"] = "commitments_tagger"
    nlp.meta["fingerprint"] = fingerprint()
    return nlp


def save_pipeline(nlp: Language, path: Path) -> Path:
    """Write next to ``path`` and move into place, so a reader never loads half a pipeline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tagger-", dir=path.parent))
    nlp.to_disk(staging)
    shutil.rmtree(path, ignore_errors=True)
    try:
        staging.rename(path)
    except OSError:  # another process saved it first: theirs is as good
        shutil.rmtree(staging, ignore_errors=True)
    return path


@cache
def load_pipeline(path: Path | None = None) -> Language:
    path = Path(path) if path else tagger_path()
    current = fingerprint()
    if not (path / "meta.json").exists() or spacy.util.load_meta(path / "meta.json").get("fingerprint") != current:
        print(f"building the tagging pipeline into {path}", file=sys.stderr)
        save_pipeline(build_pipeline(), path)
    return spacy.load(path)
