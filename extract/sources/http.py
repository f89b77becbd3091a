"""Fetching over HTTP(S): the only network access of the pipeline.

Only ``http`` and ``https`` URLs are fetched, with connect and read timeouts, a deadline for the
whole fetch, a size cap, a user agent that says who we are, and retries with exponential backoff
on timeouts, connection errors, 429 and 5xx answers. Every failure becomes ``InputRejected``
with the reason.

A source the operator names is fetched as given (``fetch``). A URL found inside fetched content
(``fetch_link``) and every redirect to a host other than the operator's is a stranger's choice:
its host is resolved first and, when any of its addresses is one a crawler must not reach
(loopback, private, link-local, multicast, reserved, unspecified), refused with
``AddressRefused`` before any connection, unless ``COMMITMENTS_FETCH_ALLOW_HOSTS`` names it.
The connection then goes to the very address that was checked, so a DNS answer that changes in
between (DNS rebinding) cannot redirect it: that is why this module opens its own sockets rather
than going through requests, which would resolve the name again.
"""
import http.client
import ipaddress
import math
import os
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from extract.settings import MAX_INPUT_BYTES
from extract.sources.documents import InputRejected

USER_AGENT = "commitments-warehouse/0.1 (news commitments research; +https://example.org/commitments-warehouse)"
CONNECT_SECONDS = 5
READ_SECONDS = 20  # the longest wait for any one read; the deadline bounds their sum
ATTEMPTS = 3
BACKOFF_SECONDS = 1.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10
DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters a request path keeps as they are; everything else is percent-encoded, so a link can
# never put a space or a line break into the request line.
PATH_SAFE_CHARACTERS = "!$%&'()*+,/:;=?@[]~"

# Operator settings, read at every fetch.
ALLOW_HOSTS_VARIABLE = "COMMITMENTS_FETCH_ALLOW_HOSTS"
DEADLINE_VARIABLE = "COMMITMENTS_FETCH_DEADLINE_SECONDS"
DEFAULT_DEADLINE_SECONDS = 60.0

# Kinds of address a link found in content may not lead to, in the order a refusal names them:
# a loopback address is also private, and the narrower kind is the clearer reason.
REFUSED_KINDS = ("unspecified", "loopback", "link_local", "multicast", "private", "site_local", "reserved")
# IPv6 addresses whose last 32 bits are an IPv4 address a NAT64 gateway connects to.
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(InputRejected):
    """A link or redirect that leads to an address the pipeline must not reach."""


class _Transient(Exception):
    """A failure another attempt may not meet: a timeout, a refused or dropped connection, 429, 5xx."""


class _DeadlinePassed(Exception):
    pass


def is_url(source: str) -> bool:
    return "://" in source


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputRejected(f"unsupported URL scheme {scheme!r}: only http and https are fetched")


def fetch(url: str, backoff_seconds: float = BACKOFF_SECONDS) -> tuple[bytes, str]:
    """The body and content type at ``url``, a source the operator named: its host is trusted as
    given; a redirect to another host is checked like a link."""
    return _fetch(url, _host(url), backoff_seconds)


def fetch_link(url: str, backoff_seconds: float = BACKOFF_SECONDS) -> tuple[bytes, str]:
    """The body and content type at ``url``, a link found inside fetched content; ``AddressRefused``
    when it or a redirect leads to an address the pipeline must not reach."""
    return _fetch(url, None, backoff_seconds)


def deadline_seconds() -> float:
    """How long one fetch may take in all, retries and redirects included."""
    configured = os.environ.get(DEADLINE_VARIABLE, "").strip()
    if not configured:
        return DEFAULT_DEADLINE_SECONDS
    try:
        seconds = float(configured)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise ValueError(f"{DEADLINE_VARIABLE} must be a positive number of seconds, not {configured!r}")
    return seconds


def _fetch(url: str, trusted_host: str | None, backoff_seconds: float) -> tuple[bytes, str]:
    seconds = deadline_seconds()
    deadline = time.monotonic() + seconds
    problem = ""
    try:
        for attempt in range(ATTEMPTS):
            if attempt:
                pause = backoff_seconds * 2 ** (attempt - 1)
                if _remaining(deadline) <= pause:
                    raise _DeadlinePassed
                time.sleep(pause)
            try:
                return _follow_redirects(url, trusted_host, deadline)
            except _Transient as exc:
                problem = str(exc)
    except _DeadlinePassed:
        after = f" (after {problem})" if problem else ""
        raise InputRejected(f"fetch cut at the {seconds:g}-second deadline{after}") from None
    raise InputRejected(f"fetch failed after {ATTEMPTS} attempts: {problem}")


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _DeadlinePassed
    return left


def _follow_redirects(url: str, trusted_host: str | None, deadline: float) -> tuple[bytes, str]:
    for _ in range(MAX_REDIRECTS + 1):
        check_scheme(url)
        target = _Target.of(url)
        addresses = _resolve(target)
        if target.host != trusted_host:
            _refuse_unreachable(url, target.host, addresses)
        status, headers, body = _exchange(target, addresses, deadline)
        location = headers.get("Location")
        if status in REDIRECT_STATUSES and location:
            url = urljoin(url, location)
            continue
        if status in RETRY_STATUSES:
            raise _Transient(f"HTTP {status}")
        if status >= 300:
            raise InputRejected(f"fetch failed: HTTP {status}")
        return body, headers.get("Content-Type", "")
    raise InputRejected(f"fetch failed: more than {MAX_REDIRECTS} redirects")


def _host(url: str) -> str | None:
    host = urlsplit(url).hostname
    return host.rstrip(".") if host else None


@dataclass(frozen=True)
class _Target:
    """Where one request goes, and what it says."""
    scheme: str
    host: str  # lower case, without brackets or a final dot
    port: int
    host_header: str  # host[:port] as the URL wrote it, in ASCII
    path: str  # path and query, percent-encoded

    @classmethod
    def of(cls, url: str) -> "_Target":
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = _host(url)
        try:
            port = parts.port or DEFAULT_PORTS[scheme]
            host_header = parts.netloc.rpartition("@")[2].encode("idna").decode("ascii")
        except (ValueError, UnicodeError) as exc:
            raise InputRejected(f"bad URL {url!r}: {exc}") from exc
        if not host:
            raise InputRejected(f"bad URL {url!r}: no host")
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return cls(scheme, host, port, host_header, quote(path, safe=PATH_SAFE_CHARACTERS))


def _resolve(target: _Target) -> list[str]:
    """Every address the host name stands for (literal IPs in any form the resolver accepts,
    decimal and hex included, come back as plain addresses)."""
    try:
        found = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise _Transient(f"cannot resolve {target.host}: {exc}") from exc
    return list(dict.fromkeys(sockaddr[0] for *_, sockaddr in found))


def _refuse_unreachable(url: str, host: str, addresses: list[str]) -> None:
    allowed_hosts, allowed_networks = _allow_list()
    if host in allowed_hosts:
        return
    for text in addresses:
        address = _ipv4_inside(ipaddress.ip_address(text))
        kind = _refused_kind(address)
        if kind and not any(address in network for network in allowed_networks):
            raise AddressRefused(
                f"refused to fetch {url}: it leads to {address}, a {kind} address; links and redirects "
                f"in fetched content may only lead to public addresses unless {ALLOW_HOSTS_VARIABLE} "
                "names the host")


def _allow_list() -> tuple[set[str], list[ipaddress.IPv4Network | ipaddress.IPv6Network]]:
    """The host names and the addresses (or networks, ``10.2.0.0/16``) the operator allows."""
    hosts, networks = set(), []
    for entry in os.environ.get(ALLOW_HOSTS_VARIABLE, "").split(","):
        name = entry.strip().strip("[]").rstrip(".").lower()
        if not name:
            continue
        try:
            networks.append(ipaddress.ip_network(name, strict=False))
        except ValueError:
            hosts.add(name)
    return hosts, networks


def _ipv4_inside(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one stands for (``::ffff:10.0.0.1``, NAT64), else the address."""
    if address.version == 6:
        if address.ipv4_mapped:
            return address.ipv4_mapped
        if address in NAT64_PREFIX:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def _refused_kind(address: IPAddress) -> str | None:
    for kind in REFUSED_KINDS:
        if getattr(address, f"is_{kind}", False):
            return kind.replace("_", "-")
    # Python's own list of addresses that are not globally reachable (shared 100.64/10, ...).
    return None if address.is_global else "non-public"


def _exchange(target: _Target, addresses: list[str], deadline: float) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One GET to the first of ``addresses`` that answers: status, headers, and the body of a 2xx."""
    raw = _connect(target, addresses, deadline)
    try:
        with closing(raw), _cut_at(deadline, raw):
            sock = raw
            if target.scheme == "https":
                # The certificate is checked against the host name, not the address connected to.
                sock = ssl.create_default_context().wrap_socket(raw, server_hostname=target.host)
            connection = http.client.HTTPConnection(target.host, target.port)
            connection.sock = sock  # already connected: http.client connects only when it has no socket
            with closing(connection):
                connection.request("GET", target.path,
                                   headers={"Host": target.host_header, "User-Agent": USER_AGENT})
                response = connection.getresponse()
                body = _read_capped(response) if 200 <= response.status < 300 else b""
                return response.status, response.headers, body
    except ssl.SSLCertVerificationError as exc:
        raise InputRejected(f"fetch failed: {exc}") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise _Transient(f"{type(exc).__name__}: {exc}") from exc


def _connect(target: _Target, addresses: list[str], deadline: float) -> socket.socket:
    problem = ""
    for address in addresses:
        try:
            sock = socket.create_connection((address, target.port), timeout=min(CONNECT_SECONDS, _remaining(deadline)))
        except OSError as exc:
            problem = f"{type(exc).__name__}: {exc}"
            continue
        sock.settimeout(READ_SECONDS)
        return sock
    raise _Transient(f"cannot connect to {target.host_header}: {problem}")


@contextmanager
def _cut_at(deadline: float, sock: socket.socket) -> Iterator[None]:
    """Shut ``sock`` down when the deadline passes. The read timeout bounds each wait for data, not
    their sum: a server that trickles a byte at a time (handshake, headers or body) would hold
    the fetch forever. Shutting the socket down from a timer ends any read blocked on it."""
    seconds_left = _remaining(deadline)
    watched = sock.dup()  # the same connection, still reachable once TLS has taken ``sock`` over
    expired = threading.Event()

    def cut():
        expired.set()
        with suppress(OSError):  # the peer may have closed the connection already
            watched.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(seconds_left, cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    except (OSError, http.client.HTTPException) as exc:
        if expired.is_set():
            raise _DeadlinePassed from exc
        raise
    finally:
        timer.cancel()
        timer.join()
        watched.close()
    if expired.is_set():  # the cut looked like the end of a body without a declared length
        raise _DeadlinePassed


def _read_capped(response: http.client.HTTPResponse) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_INPUT_BYTES:
        raise InputRejected(f"too large: {declared} bytes (limit {MAX_INPUT_BYTES})")
    chunks, size = [], 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputRejected(f"too large: more than {MAX_INPUT_BYTES} bytes (limit {MAX_INPUT_BYTES})")
        chunks.append(chunk)
    return b"".join(chunks)
