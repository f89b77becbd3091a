import pytest

from extract.sources import http
from extract.sources.documents import InputRejected


def test_transient_failures_are_retried_with_backoff(local_site):
    url = local_site.serve("/flaky", "<p>ok</p>", then=[(503, {}, b"busy"), (429, {}, b"slow down")])
    body, content_type = http.fetch(url, backoff_seconds=0.01)
    assert body == b"<p>ok</p>" and content_type == "text/html"
    assert len(local_site.requests) == 3


def test_a_client_error_is_not_retried(local_site):
    with pytest.raises(InputRejected, match="HTTP 404"):
        http.fetch(local_site.base + "/missing", backoff_seconds=0.01)
    assert len(local_site.requests) == 1


def test_a_server_that_keeps_failing_gives_up_after_the_last_attempt(local_site):
    url = local_site.serve("/down", b"", status=503)
    with pytest.raises(InputRejected, match=f"after {http.ATTEMPTS} attempts: HTTP 503"):
        http.fetch(url, backoff_seconds=0.01)


def test_bodies_over_the_size_cap_are_refused(local_site, monkeypatch):
    monkeypatch.setattr(http, "MAX_INPUT_BYTES", 1000)
    url = local_site.serve("/huge", b"x" * 5000)
    with pytest.raises(InputRejected, match="too large"):
        http.fetch(url)


def test_unreachable_hosts_are_a_rejection_not_a_crash():
    with pytest.raises(InputRejected, match="fetch failed after"):
        http.fetch("http://127.0.0.1:9/", backoff_seconds=0.01)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(InputRejected, match="only http and https"):
        http.fetch(url)
