"""Sentence boundaries beyond punctuation: a blank line always starts a sentence, since
headlines, bylines and list items carry no full stop."""
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
