import codecs
import json

import pytest

from extract.sources import InputRejected, decode, discover, read_source


def test_directories_are_walked_recursively_and_gold_files_skipped(tmp_path):
    (tmp_path / "nested").mkdir()
    for name in ("a.txt", "nested/b.html", "c.json", "c.gold.json", "notes.md"):
        (tmp_path / name).write_text("x")
    found = [path.replace(str(tmp_path) + "/", "") for path in discover([str(tmp_path)])]
    assert found == ["a.txt", "c.json", "nested/b.html"]


def test_cp1252_and_utf16_texts_are_decoded():
    text = "Côte d’Ivoire signed — “today”"
    assert decode(text.encode("cp1252")) == text
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == text


def test_binary_content_is_refused():
    with pytest.raises(InputRejected, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_unreadable_inputs_become_rejections_with_reasons(tmp_path):
    (tmp_path / "broken.json").write_text('{"title": "x", "body": ')
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "image.html").write_bytes(b"\x00\x01\x02binary")
    reasons = {}
    for source in discover([str(tmp_path)]):
        documents, rejections = read_source(source)
        assert documents == []
        reasons[source.rsplit("/", 1)[1]] = rejections[0].reason
    assert reasons["broken.json"].startswith("malformed JSON")
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["image.html"]


def test_a_bad_line_of_a_feed_dump_is_rejected_alone(tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = {"title": "t", "url": "https://example.org/a", "published": "2023-01-02", "body": "Text."}
    feed.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no body"}) + "\n")
    documents, rejections = read_source(str(feed))
    assert [d.source for d in documents] == [f"{feed}#1"]
    assert [(r.source, r.reason.split(":")[0]) for r in rejections] == [
        (f"{feed}#2", "malformed JSON"), (f"{feed}#3", "JSON item has no body text")]


def test_only_http_urls_are_fetched():
    documents, rejections = read_source("file:///etc/passwd")
    assert documents == [] and "unsupported URL scheme 'file'" in rejections[0].reason


def test_missing_file_is_rejected_not_raised(tmp_path):
    _, rejections = read_source(str(tmp_path / "gone.txt"))
    assert rejections[0].reason == "no such file"
