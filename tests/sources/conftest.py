"""Fixtures of the source tests: no test here may send a packet beyond loopback, whatever the code
under test decides, and local servers that misbehave on purpose."""
import http.server
import ipaddress
import socket
import threading
import time

import pytest

from extract.sources import http as fetching


class LoopbackGuard:
    """Fails the test at once on any connection to an address that is not loopback, and keeps a
    record of it in case the failure is swallowed on the way up."""

    def __init__(self):
        self.violations: list[object] = []

    def check(self, address) -> None:
        if not isinstance(address, tuple):  # a Unix socket path: it never leaves the machine
            return
        if not _is_loopback(address[0]):
            self.violations.append(address)
            pytest.fail(f"connection to {address!r} attempted: tests may only reach loopback", pytrace=False)


def _is_loopback(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return host == "localhost"
    return (getattr(address, "ipv4_mapped", None) or address).is_loopback


@pytest.fixture(autouse=True)
def loopback_guard(monkeypatch):
    guard = LoopbackGuard()
    connect, connect_ex, create_connection = socket.socket.connect, socket.socket.connect_ex, socket.create_connection

    def guarded_connect(sock, address):
        guard.check(address)
        return connect(sock, address)

    def guarded_connect_ex(sock, address):
        guard.check(address)
        return connect_ex(sock, address)

    def guarded_create_connection(address, *args, **kwargs):
        guard.check(address)
        return create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)
    yield guard
    assert guard.violations == [], "a connection beyond loopback was attempted"


@pytest.fixture
def allow_loopback(monkeypatch):
    """The operator's allow-list naming the tests' own servers, as an intranet host would be."""
    monkeypatch.setenv(fetching.ALLOW_HOSTS_VARIABLE, "127.0.0.1")


def redirect(site, path: str, location: str) -> str:
    """Make ``site`` answer ``path`` with a redirect to ``location``; the URL of ``path``."""
    return site.serve(path, b"", then=[(302, {"Location": location}, b"")])


TRICKLE_INTERVAL_SECONDS = 0.1
# A fetch without a working deadline gets the whole trickle and fails its test instead of hanging.
TRICKLE_SECONDS = 6


class TricklingSite:
    """A server that sends its answer one byte at a time, each byte well within the read timeout,
    starting from the status line (``headers_first=False``) or after complete headers."""

    def __init__(self, headers_first: bool):
        self.stop = threading.Event()
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                head = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n"
                if headers_first:
                    self.wfile.write(head)
                    head = b""
                started = time.monotonic()
                trickle = head + b"<p>" + b"x" * 1000
                for byte in trickle:
                    if site.stop.is_set() or time.monotonic() - started > TRICKLE_SECONDS:
                        return
                    try:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                    except OSError:  # the client hung up: the point of the test
                        return
                    time.sleep(TRICKLE_INTERVAL_SECONDS)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/slow"

    def close(self):
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(params=[True, False], ids=["body-trickles", "headers-trickle"])
def trickling_site(request):
    site = TricklingSite(headers_first=request.param)
    yield site
    site.close()


class TlsSite:
    """An HTTPS server on 127.0.0.1 whose certificate, its own authority, names only ``localhost``;
    ``certificate`` is the file to trust it with (``SSL_CERT_FILE``)."""

    def __init__(self, folder):
        import datetime
        import ssl

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
        now = datetime.datetime.now(datetime.timezone.utc)
        certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                       .serial_number(x509.random_serial_number())
                       .not_valid_before(now - datetime.timedelta(hours=1))
                       .not_valid_after(now + datetime.timedelta(hours=1))
                       .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
                       .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                       .sign(key, hashes.SHA256()))
        self.certificate = folder / "localhost.pem"
        self.certificate.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        key_file = folder / "localhost.key"
        key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = b"<p>over TLS</p>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.certificate, key_file)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.port = self.server.server_address[1]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tls_site(tmp_path):
    site = TlsSite(tmp_path)
    yield site
    site.close()
