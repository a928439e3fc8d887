"""A hostile portal on loopback: every way a server can fail, lie or try to lead a crawler astray.

`FaultPortal` serves a portal on 127.0.0.1 and keeps two things a crawl must never touch: an
outside host on 127.0.0.2 (a second loopback address, which Linux answers without setup) and
an FTP port on 127.0.0.1, both of which only count who knocked, and a secret local file that a
`file://` URL points at. Its sitemap lists every article below, plus `file://`, `ftp://`,
`data:` and outside-host URLs; each article path answers in one faulty way.

`GOOD` are the paths that must end stored; `FAILING` maps each other path to the reason the
crawl must count it under (the prefix of its `error_counts` key in `crawl_runs`).
"""
from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLE = ("<html><head><title>Berita {name}</title><meta charset='utf-8'></head><body><article>"
           "<h1>Berita {name}</h1><p>" + "Dinas Sosial Kabupaten Serang meraih nilai 94,62 dan predikat zona hijau "
           "pada penilaian kepatuhan Ombudsman RI tahun 2024 — kualitas tertinggi. " * 12 + "</p></article></body></html>")

GOOD = {
    "/berita/ok-1", "/berita/ok-2", "/berita/ok-3",
    "/berita/retry-after-503",     # 503 with Retry-After: 1 once, then the page
    "/berita/retry-after-429",     # 429 with Retry-After: 1 once, then the page
    "/berita/lying-charset",       # says ISO-8859-1, sends UTF-8
    "/berita/moved",               # 301 to another path on the portal
    "/berita/binary",              # a 200 of random bytes: stored as fetched; extraction says it is not HTML
    "/berita/empty",               # a 200 with no body
}
FAILING = {
    "/berita/always-500": "http_500",
    "/berita/not-found": "http_404",
    "/berita/hangs": "timeout",
    "/berita/resets": "connection_lost",
    "/berita/truncated": "connection_lost",
    "/berita/gzip-bomb": "too_large",
    "/berita/bad-gzip": "bad_encoding",
    "/berita/twenty-megabytes": "too_large",
    "/berita/twenty-megabytes-chunked": "too_large",
    "/berita/loop-a": "redirect_loop",
    "/berita/to-outside": "refused_offsite",
    "/berita/to-file": "refused_scheme",
    "/berita/to-ftp": "refused_scheme",
    "/berita/to-data": "refused_scheme",
}
HANG_SECONDS = 8  # longer than the DOWNLOAD_TIMEOUT the fault test sets


class QuietHandler(BaseHTTPRequestHandler):
    """A test server's handler: logs nothing, answers with `send`."""

    def log_message(self, *args):
        pass

    def send(self, status: int, body: bytes = b"", headers: tuple = (("Content-Type", "text/html; charset=utf-8"),)):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Counter(QuietHandler):
    """The outside host: it answers, and remembers every request, which must be none."""

    def do_GET(self):  # noqa: N802
        self.server.hits.append(self.path)
        body = ARTICLE.format(name="luar").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Faults(QuietHandler):
    protocol_version = "HTTP/1.1"

    def page(self, name: str) -> bytes:
        return ARTICLE.format(name=name).encode()

    def do_GET(self):  # noqa: N802
        portal = self.server.portal
        with portal.lock:
            portal.hits[self.path] = portal.hits.get(self.path, 0) + 1
            hits = portal.hits[self.path]
        path = self.path
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nAllow: /\n", (("Content-Type", "text/plain"),))
        if path == "/sitemap.xml":
            return self.send(200, portal.sitemap().encode(), (("Content-Type", "application/xml"),))
        if path in ("/berita/ok-1", "/berita/ok-2", "/berita/ok-3", "/berita/moved-here"):
            return self.send(200, self.page(path))
        if path in ("/berita/retry-after-503", "/berita/retry-after-429"):
            if hits == 1:
                return self.send(int(path[-3:]), b"sibuk", (("Retry-After", "1"),))
            return self.send(200, self.page(path))
        if path == "/berita/lying-charset":
            return self.send(200, self.page("ú ñ — lying"), (("Content-Type", "text/html; charset=iso-8859-1"),))
        if path == "/berita/moved":
            return self.send(301, b"", (("Location", "/berita/moved-here"),))
        if path == "/berita/binary":
            return self.send(200, bytes(range(256)) * 64, (("Content-Type", "application/octet-stream"),))
        if path == "/berita/empty":
            return self.send(200, b"")
        if path == "/berita/always-500":
            return self.send(500, b"rusak")
        if path == "/berita/hangs":
            portal.stopping.wait(HANG_SECONDS)
            return self.send(200, self.page(path))
        if path == "/berita/resets":
            # SO_LINGER 0: close() sends a TCP reset instead of a clean end
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return None
        if path == "/berita/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(self.page(path)[:500])
            self.close_connection = True
            return None
        if path == "/berita/gzip-bomb":
            return self.send(200, portal.gzip_bomb, (("Content-Type", "text/html"), ("Content-Encoding", "gzip")))
        if path == "/berita/bad-gzip":
            return self.send(200, b"\x1f\x8b\x08\x00 this is not gzip at all" * 20,
                             (("Content-Type", "text/html"), ("Content-Encoding", "gzip")))
        if path == "/berita/twenty-megabytes":
            return self.send(200, b"<html><body>" + b"x" * (20 * 1024 * 1024) + b"</body></html>")
        if path == "/berita/twenty-megabytes-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"y" * 65536
            try:
                for _ in range(320):  # 20 MB, never announced
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass  # the crawler hung up, as it should
            self.close_connection = True
            return None
        if path in ("/berita/loop-a", "/berita/loop-b"):
            return self.send(302, b"", (("Location", "/berita/loop-b" if path.endswith("a") else "/berita/loop-a"),))
        if path == "/berita/to-outside":
            return self.send(302, b"", (("Location", portal.outside_origin + "/berita/ok-1"),))
        if path == "/berita/to-file":
            return self.send(302, b"", (("Location", portal.secret.as_uri()),))
        if path == "/berita/to-ftp":
            return self.send(302, b"", (("Location", f"ftp://127.0.0.1:{portal.ftp_port}/berita/ok-1"),))
        if path == "/berita/to-data":
            return self.send(302, b"", (("Location", "data:text/html,<p>injected</p>"),))
        return self.send(404, b"tidak ada")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a crawler hanging up on a hung or huge answer is what the test wants


class FaultPortal:
    """The hostile portal and its two never-touch targets; a context manager."""

    SECRET = "RAPOR-SECRET-LOCAL-FILE-MARKER"

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.secret = self.folder / "berita" / "secret.html"   # under /berita/, so the allow regex passes it
        self.secret.parent.mkdir(parents=True, exist_ok=True)
        self.secret.write_text(f"<html><body><p>{self.SECRET}</p></body></html>")
        # 200 MB of zeros in ~200 KB: what a gzip bomb looks like on the wire
        self.gzip_bomb = gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9)
        self.ftp_knocks = 0

    # what the sitemap offers: every test path, and what no crawler of ours may fetch
    def sitemap(self) -> str:
        urls = [self.origin + path for path in sorted(GOOD | set(FAILING))]
        urls += self.forbidden_in_sitemap()
        locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
        return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'

    def forbidden_in_sitemap(self) -> list[str]:
        return [
            self.secret.as_uri().replace("file:///", "file://127.0.0.1/"),
            "file:///berita/etc-passwd",
            f"ftp://127.0.0.1:{self.ftp_port}/berita/listing",
            "data:text/html;base64,PGgxPmJlcml0YTwvaDE+/berita/x",
            self.outside_origin + "/berita/ok-1",
        ]

    def __enter__(self) -> "FaultPortal":
        self.portal_server = _QuietServer(("127.0.0.1", 0), _Faults)
        self.portal_server.portal = self
        self.outside_server = _QuietServer(("127.0.0.2", 0), _Counter)
        self.outside_server.hits = []
        self.ftp = socket.create_server(("127.0.0.1", 0))
        self.ftp.settimeout(0.2)
        self.ftp_port = self.ftp.getsockname()[1]
        self.origin = f"http://127.0.0.1:{self.portal_server.server_address[1]}"
        self.outside_origin = f"http://127.0.0.2:{self.outside_server.server_address[1]}"
        for target in (self.portal_server.serve_forever, self.outside_server.serve_forever, self._count_ftp):
            threading.Thread(target=target, daemon=True).start()
        return self

    def _count_ftp(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.ftp.accept()
            except (TimeoutError, OSError):
                continue
            self.ftp_knocks += 1
            connection.close()

    @property
    def outside_hits(self) -> list[str]:
        return list(self.outside_server.hits)

    def portal_file(self) -> str:
        """The portal's config file: it names its one domain, as every portal file must."""
        return (f"id: faults\nname: Fault Portal\nbase_url: {self.origin}/\nallowed_domains: [127.0.0.1]\n"
                "sitemaps: [sitemap.xml]\nallow: ['/berita/']\n"
                "politeness: {delay: 0, concurrency: 8, autothrottle: false}\n")

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        time.sleep(0.3)
        for server in (self.portal_server, self.outside_server):
            server.shutdown()
            server.server_close()
        self.ftp.close()
