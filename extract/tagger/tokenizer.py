"""The tokenizer: spaCy's English rules, and the abbreviated titles of official texts kept whole.

spaCy's English exceptions keep "Mr." and "Gov." whole but split "Hon." and "Lt." from their full
stop, and the full stop then ends the sentence inside a name: "the Ambassador of Japan and Hon.
Eke, Minister for Finance, signed ..." would lose its subject. The titles are a word list that the
pipeline config names (``[nlp.tokenizer] abbreviations``); the saved pipeline keeps them as
tokenizer special cases.
"""
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import registry


@registry.tokenizers("commitments.tokenizer.v1")
def create_tokenizer(abbreviations: str) -> Callable[[Language], Tokenizer]:
    create_default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        tokenizer = create_default(nlp)
        for abbreviation in read_abbreviations(abbreviations):
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        return tokenizer

    return tokenizer_factory


def read_abbreviations(path: str) -> list[str]:
    """One abbreviation a line, "#" lines saying what the list is for; a relative path is
    relative to this package, like the syntax model's."""
    file = Path(path) if Path(path).is_absolute() else Path(__file__).parent / path
    lines = file.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
