import codecs
import json

import pytest

from extract.sources.documents import InputRejected
from extract.sources.files import decode, json_documents, jsonl_documents


def test_cp1252_and_utf16_texts_are_decoded():
    text = "Côte d’Ivoire signed — “today”"
    assert decode(text.encode("cp1252")) == text
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == text
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == text


@pytest.mark.parametrize("data, kind", [
    (b"PK\x03\x04\x14\x00\x00\x00story.txt", "a zip archive"),
    (b"%PDF-1.7\n%\xe2\xe3", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"text then \x00\x00 nul bytes", "NUL bytes"),
])
def test_binary_content_is_refused_and_named(data, kind):
    with pytest.raises(InputRejected, match="binary content") as refused:
        decode(data)
    assert kind in str(refused.value)


def test_a_json_array_holds_several_items_and_bad_elements_are_rejected_alone():
    good = {"title": "t", "url": "https://example.org/a", "published": "2023-01-02", "body": "Text here."}
    documents, rejections = json_documents("feed.json", json.dumps([good, 42, {"title": "no body"}]))
    assert [d.source for d in documents] == ["feed.json#1"]
    assert [(r.source, r.reason) for r in rejections] == [
        ("feed.json#2", "JSON item is int, not an object"), ("feed.json#3", "JSON item has no body text")]


def test_a_bad_line_of_a_feed_dump_is_rejected_alone():
    good = {"title": "t", "url": "https://example.org/a", "published": "2023-01-02", "body": "Text."}
    text = json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no body"}) + "\n"
    documents, rejections = jsonl_documents("dump.jsonl", text)
    assert [d.source for d in documents] == ["dump.jsonl#1"]
    assert [(r.source, r.reason.split(":")[0]) for r in rejections] == [
        ("dump.jsonl#2", "malformed JSON"), ("dump.jsonl#3", "JSON item has no body text")]
