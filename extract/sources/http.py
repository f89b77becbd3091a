"""Fetching over HTTP(S): the only network access of the pipeline.

Only ``http`` and ``https`` URLs are fetched, with connect and read timeouts, a size cap, a user
agent that says who we are, and retries with exponential backoff on timeouts, connection
errors, 429 and 5xx answers. Every failure becomes ``InputRejected`` with the reason.
"""
import time
from urllib.parse import urlparse

from extract.settings import MAX_INPUT_BYTES
from extract.sources.documents import InputRejected

USER_AGENT = "commitments-warehouse/0.1 (news commitments research; +https://example.org/commitments-warehouse)"
TIMEOUT_SECONDS = (5, 20)  # connect, read
ATTEMPTS = 3
BACKOFF_SECONDS = 1.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def is_url(source: str) -> bool:
    return "://" in source


def check_scheme(url: str) -> None:
    scheme = urlparse(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputRejected(f"unsupported URL scheme {scheme!r}: only http and https are fetched")


def fetch(url: str, backoff_seconds: float = BACKOFF_SECONDS) -> tuple[bytes, str]:
    """The body and content type at ``url``."""
    import requests

    check_scheme(url)
    problem = ""
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(backoff_seconds * 2 ** (attempt - 1))
        try:
            with requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT_SECONDS,
                              stream=True) as response:
                check_scheme(response.url)  # where redirects ended up
                if response.status_code in RETRY_STATUSES:
                    problem = f"HTTP {response.status_code}"
                    continue
                if response.status_code >= 400:
                    raise InputRejected(f"fetch failed: HTTP {response.status_code}")
                return _read_capped(response), response.headers.get("Content-Type", "")
        except (requests.Timeout, requests.ConnectionError) as exc:
            problem = f"{type(exc).__name__}: {exc}"
        except requests.RequestException as exc:
            raise InputRejected(f"fetch failed: {exc}") from exc
    raise InputRejected(f"fetch failed after {ATTEMPTS} attempts: {problem}")


def _read_capped(response) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_INPUT_BYTES:
        raise InputRejected(f"too large: {declared} bytes (limit {MAX_INPUT_BYTES})")
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputRejected(f"too large: more than {MAX_INPUT_BYTES} bytes (limit {MAX_INPUT_BYTES})")
        chunks.append(chunk)
    return b"".join(chunks)
