"""The tokenizer: spaCy's English rules, and the abbreviated titles of official texts kept whole.

spaCy's English exceptions keep "Mr." and "Gov." whole but split "Hon." and "Lt." from their full
stop, and the full stop then ends the sentence inside a name: "the Ambassador of Japan and Hon.
Eke, Minister for Finance, signed ..." would lose its subject. The titles are a word list that the
pipeline config names (``[nlp.tokenizer] abbreviations``); the saved pipeline keeps them as
tokenizer special cases.
"""
from collections.abc import Callable

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import registry

from extract.tagger.lexicon import package_path, read_entries


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
    """The abbreviations of the list the config names (relative to this package, like the syntax
    model)."""
    return read_entries(package_path(path))
