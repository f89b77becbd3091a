# distutils: language = c++
# cython: language_level=3, boundscheck=False, wraparound=False
"""The tagger's per-token reads and writes, straight on the Doc's C token structs.

On a blank model spaCy's own work is only the tokenizer, so the rules' per-token steps decide the
tagger's speed. The rule components look at a doc's words as plain Python strings
(``sentences.Words``): reading them through Token objects, or even one ``to_array`` and a dict
look-up per token, costs more than the tokenizer took to make the doc; here each token is one
hash-table look-up. Sentence starts and entities are written the same way rather than through
``Doc.from_array``, whose arrays and checks cost more than the rules that decide them.

Built against the installed spaCy (``setup.py``), whose structs it reads. Token indices are
checked before any write or read: out of range, a C struct access would corrupt memory rather than
raise.
"""
from cython.operator cimport dereference as deref
from libc.stdint cimport uint64_t
from libcpp.string cimport string
from libcpp.unordered_map cimport unordered_map
from spacy.tokens.doc cimport Doc
from spacy.typedefs cimport attr_t


cdef class TokenTable:
    """Each token's text, lower-case form and kind letter, by the token's hash; ``describe(doc,
    orth)`` gives them for a token the table has not seen yet."""
    cdef unordered_map[uint64_t, Py_ssize_t] positions
    cdef list texts
    cdef list lowers
    cdef string kinds
    cdef object describe

    def __init__(self, describe):
        self.describe = describe
        self.texts = []
        self.lowers = []

    def clear(self):
        self.positions.clear()
        self.kinds.clear()
        self.texts = []
        self.lowers = []

    def read(self, Doc doc):
        """(texts, lower-case forms, kinds) of the doc's tokens: two tuples and one string."""
        cdef Py_ssize_t i, position, n = doc.length
        cdef uint64_t orth
        cdef unordered_map[uint64_t, Py_ssize_t].iterator found
        cdef list text = [None] * n
        cdef list lower = [None] * n
        cdef string kinds
        kinds.resize(n)
        for i in range(n):
            orth = doc.c[i].lex.orth
            found = self.positions.find(orth)
            position = self._add(doc, orth) if found == self.positions.end() else deref(found).second
            text[i] = self.texts[position]
            lower[i] = self.lowers[position]
            kinds[i] = self.kinds[position]
        return tuple(text), tuple(lower), kinds.decode("ascii")

    cdef Py_ssize_t _add(self, Doc doc, uint64_t orth) except -1:
        text, lower, kind = self.describe(doc, orth)
        position = len(self.texts)
        self.texts.append(text)
        self.lowers.append(lower)
        self.kinds.push_back(ord(kind))
        self.positions[orth] = position
        return position


cdef void _check_range(Doc doc, Py_ssize_t start, Py_ssize_t end) except *:
    if not 0 <= start < end <= doc.length:
        raise IndexError(f"tokens {start}..{end} are not a span of the doc's {doc.length} tokens")


def set_sentence_starts(Doc doc, list starts):
    """Mark these tokens as sentence starts and every other token as not one (as
    ``doc.from_array([SENT_START], ...)`` does, without the arrays)."""
    cdef Py_ssize_t i
    for i in starts:
        _check_range(doc, i, i + 1)
    for i in range(doc.length):
        doc.c[i].sent_start = -1
    for i in starts:
        doc.c[i].sent_start = 1


def set_entities(Doc doc, list entities, attr_t label):
    """The doc's entities, each (start, end, id) with this label, and no others (as
    ``doc.from_array([ENT_IOB, ENT_TYPE, ENT_ID], ...)`` writes them, without the arrays)."""
    cdef Py_ssize_t i, start, end
    cdef attr_t entity_id
    for start, end, _ in entities:
        _check_range(doc, start, end)
    for i in range(doc.length):
        doc.c[i].ent_iob = 2  # outside
        doc.c[i].ent_type = 0
        doc.c[i].ent_id = 0
    for start, end, entity_id in entities:
        for i in range(start, end):
            doc.c[i].ent_iob = 1  # inside
            doc.c[i].ent_type = label
            doc.c[i].ent_id = entity_id
        doc.c[start].ent_iob = 3  # begins


def span_text(Doc doc, tuple texts, Py_ssize_t start, Py_ssize_t end):
    """The text of tokens start..end (``texts`` are the doc's token texts) without surrounding
    whitespace, and its character offsets: Span.text makes a Token object per token."""
    cdef Py_ssize_t i
    cdef list pieces = []
    _check_range(doc, start, end)
    for i in range(start, end):
        pieces.append(texts[i])
        if doc.c[i].spacy:
            pieces.append(" ")
    text = "".join(pieces)
    stripped = text.strip()
    start_char = doc.c[start].idx + len(text) - len(text.lstrip())
    return stripped, start_char, start_char + len(stripped)
