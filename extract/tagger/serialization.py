"""Docs cross process boundaries as msgpack (``nlp.pipe(..., n_process=2)``): the tagger's own
values in ``doc._`` must survive the trip, so they are registered with srsly's encoders."""
from dataclasses import asdict

from srsly import msgpack_decoders, msgpack_encoders

from extract.tagger.commitments import Commitment
from extract.tagger.countries import Mention

TYPES = {cls.__name__: cls for cls in (Commitment, Mention)}
MARKER = "__commitments_tagger__"


def encode(obj, chain=None):
    if type(obj) in TYPES.values():
        return {MARKER: type(obj).__name__, "fields": asdict(obj)}
    return obj if chain is None else chain(obj)


def decode(obj, chain=None):
    if isinstance(obj, dict) and MARKER in obj:
        return TYPES[obj[MARKER]](**obj["fields"])
    return obj if chain is None else chain(obj)


msgpack_encoders.register("commitments_tagger", func=encode)
msgpack_decoders.register("commitments_tagger", func=decode)
