from extract.sources import DirectorySource, Rejection, open_source, read_sources


def test_directories_are_walked_recursively_and_gold_files_skipped(tmp_path):
    (tmp_path / "nested").mkdir()
    for name in ("a.txt", "nested/b.html", "c.json", "c.gold.json", "notes.md", "d.rss"):
        (tmp_path / name).write_text("x")
    found = [str(path.relative_to(tmp_path)) for path in DirectorySource(tmp_path).files()]
    assert found == ["a.txt", "c.json", "d.rss", "nested/b.html"]


def test_every_unreadable_input_becomes_a_rejection_with_its_reason(tmp_path):
    inputs = {"broken.json": '{"title": "x", "body": ', "empty.txt": "", "blank.txt": "   \n\n  ",
              "photo.md": "not a supported type"}
    for name, text in inputs.items():
        (tmp_path / name).write_text(text)
    specs = [str(tmp_path / name) for name in inputs] + [str(tmp_path / "gone.txt"), "ftp://example.org/a"]
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in read_sources(specs)}
    assert all(isinstance(r, str) for r in reasons.values())
    assert reasons["broken.json"].startswith("malformed JSON")
    assert reasons["empty.txt"] == reasons["blank.txt"] == "empty file"
    assert reasons["photo.md"] == "unsupported file type '.md'"
    assert reasons["gone.txt"] == "no such file or directory"
    assert reasons["a"] == "unsupported URL scheme 'ftp': only http and https are fetched"


def test_a_web_page_url_is_fetched_as_html(local_site):
    url = local_site.serve("/news/story", "<html><body><p>Hello.</p></body></html>")
    (document,) = open_source(url).read()
    assert (document.media_type, document.url, document.source) == ("html", url, url)


def test_a_feed_url_is_recognised_by_its_content(local_site):
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>A</title>"
            "<description>" + "word " * 200 + "</description><pubDate>Mon, 06 May 2024 09:00:00 +0400"
            "</pubDate></item></channel></rss>")
    url = local_site.serve("/feed", feed, content_type="application/rss+xml")
    (document,) = open_source(url).read()
    assert document.source == url + "#1" and document.published == "Mon, 06 May 2024 09:00:00 +0400"


def test_a_missing_page_is_a_rejection(local_site):
    (rejection,) = open_source(local_site.base + "/gone").read()
    assert isinstance(rejection, Rejection) and rejection.reason == "fetch failed: HTTP 404"
