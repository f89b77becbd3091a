import socket
import time
from urllib.parse import urlsplit

import pytest

from extract.sources import http
from extract.sources.documents import InputRejected

from .conftest import redirect


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


def test_an_operator_source_redirecting_to_a_private_address_is_refused_without_connecting(local_site):
    moved = redirect(local_site, "/moved", "http://10.0.0.1/admin")
    with pytest.raises(http.AddressRefused, match="it leads to 10.0.0.1, a private address"):
        http.fetch(moved)
    assert [path for path, _ in local_site.requests] == ["/moved"]


def test_a_redirect_within_the_operators_host_is_followed(local_site):
    local_site.serve("/new", "<p>moved here</p>")
    moved = redirect(local_site, "/old", "/new")
    assert http.fetch(moved) == (b"<p>moved here</p>", "text/html")


def test_a_link_to_a_public_address_passes_the_check_and_meets_the_guard(loopback_guard):
    with pytest.raises(pytest.fail.Exception, match="tests may only reach loopback"):
        http.fetch_link("http://8.8.8.8:9/")
    assert loopback_guard.violations == [("8.8.8.8", 9)]
    loopback_guard.violations.clear()  # the attempt was this test's point


def test_the_connection_goes_to_the_address_that_was_checked(local_site, allow_loopback, monkeypatch):
    """DNS rebinding: the name answers with an allowed address when checked, then with a private
    one; the fetch must not ask again."""
    page = local_site.serve("/story", "<p>local</p>")
    port = urlsplit(page).port
    answers = iter(["127.0.0.1", "10.0.0.1", "10.0.0.1"])
    resolve = socket.getaddrinfo

    def rebinding_resolver(host, *args, **kwargs):
        return resolve(next(answers) if host == "rebinding.test" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_resolver)
    assert http.fetch_link(f"http://rebinding.test:{port}/story") == (b"<p>local</p>", "text/html")
    assert local_site.requests[0][1]["Host"] == f"rebinding.test:{port}"


def test_a_trickling_server_is_cut_at_the_deadline(trickling_site, monkeypatch):
    monkeypatch.setenv(http.DEADLINE_VARIABLE, "1")
    started = time.monotonic()
    with pytest.raises(InputRejected, match="fetch cut at the 1-second deadline"):
        http.fetch(trickling_site.url)
    assert time.monotonic() - started < 1 + 2  # the deadline, and slack for a busy machine


@pytest.mark.parametrize("setting", ["soon", "0", "-5", "nan"])
def test_a_deadline_setting_that_is_not_a_positive_number_is_an_error(setting, monkeypatch):
    monkeypatch.setenv(http.DEADLINE_VARIABLE, setting)
    with pytest.raises(ValueError, match=http.DEADLINE_VARIABLE):
        http.fetch("http://127.0.0.1:9/")


def test_https_checks_the_certificate_against_the_host_name_not_the_address(tls_site, monkeypatch):
    """The connection goes to the resolved address; TLS still names and verifies the host."""
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_site.certificate))
    assert http.fetch(f"https://localhost:{tls_site.port}/page") == (b"<p>over TLS</p>", "text/html")
    with pytest.raises(InputRejected, match="certificate verify failed"):
        http.fetch(f"https://127.0.0.1:{tls_site.port}/page")
