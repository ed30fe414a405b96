"""HTTP handling for the endpoint: requests in, protocol checks, a worker's answer out.

Standard-library `ThreadingHTTPServer`; the queries themselves run in `worker.QueryPool`.
"""
from __future__ import annotations

import signal
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from kg.serve.page import render_page
from kg.serve.protocol import ProtocolError, negotiate, parse_request
from kg.sparql.format import printable
from kg.serve.worker import DEFAULT_MEMORY, PoolBusy, QueryPool, QueryTimeout, WorkerDied

__all__ = ["make_server", "serve", "ENDPOINT_PATHS"]

ENDPOINT_PATHS = ("/sparql", "/query", "/")


class _Handler(BaseHTTPRequestHandler):
    server_version = "govkg"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._handle(b"")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle(b"", head=True)

    def do_POST(self) -> None:  # noqa: N802
        try:
            body = self._read_body()
        except ProtocolError as exc:
            self.close_connection = True
            self._send_text(exc.status, str(exc))
            return
        self._handle(body)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _unsupported(self) -> None:
        self._send_text(405, "method not allowed: this endpoint is read-only (use GET or POST)",
                        {"Allow": "GET, HEAD, POST, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _unsupported

    def handle_expect_100(self) -> bool:
        # refuse an oversized body before the client sends it
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = 0
        if length > self.server.max_body:
            self.close_connection = True
            self._send_text(413, f"request body of {length} bytes is over the {self.server.max_body}-byte limit")
            return False
        return super().handle_expect_100()

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            raise ProtocolError(411, "send a Content-Length; chunked request bodies are not accepted")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            raise ProtocolError(400, "Content-Length is not a number") from None
        if length > self.server.max_body:
            raise ProtocolError(413, f"request body of {length} bytes is over the "
                                     f"{self.server.max_body}-byte limit")
        return self.rfile.read(length) if length > 0 else b""

    def _handle(self, body: bytes, head: bool = False) -> None:
        url = urlsplit(self.path)
        if url.path not in ENDPOINT_PATHS:
            self._send_text(404, f"not found: {url.path}; the endpoint is /sparql, the page is /")
            return
        try:
            request = parse_request(self.command, url.query, self.headers.get("Content-Type"), body)
            if request is None:
                if url.path == "/":
                    page = render_page("/sparql", self.server.pool.timeout).encode("utf-8")
                    self._send(200, "text/html; charset=utf-8", page, head=head)
                else:
                    self._send_text(400, "missing query: give query= or a SPARQL body")
                return
            results, graph = negotiate(self.headers.get("Accept"), request.format)
        except ProtocolError as exc:
            self._send_text(exc.status, str(exc))
            return
        self._answer(request, results, graph, head)

    def _answer(self, request, results: str, graph: str, head: bool) -> None:
        try:
            outcome = self.server.pool.run(request.query, results, graph,
                                           request.default_graphs, request.named_graphs)
        except (QueryTimeout, PoolBusy) as exc:
            self._send_text(503, str(exc), {"Retry-After": "1"})
            return
        except WorkerDied as exc:
            sys.stderr.write(f"govkg serve: {exc}\n")
            self._send_text(503, str(exc))
            return
        except (EOFError, OSError):
            self._send_text(503, "the query worker stopped unexpectedly; try again")
            return
        self._send(outcome.status, outcome.media_type, outcome.body, head=head)

    def _send_text(self, status: int, message: str, headers: dict | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers)

    def _send(self, status: int, media_type: str, body: bytes, headers: dict | None = None,
              head: bool = False) -> None:
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status >= 400 and self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (signature from http.server)
        if not self.server.quiet:
            # the request line is the client's text: escape controls so it cannot drive the terminal
            sys.stderr.write(f"govkg serve: {self.address_string()} {printable(format % args)}\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # listen backlog: bursts of clients wait instead of being reset


def make_server(store: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                max_body: int = 1 << 20, workers: int = 2, quiet: bool = False,
                memory: int | None = DEFAULT_MEMORY, allow_service=()) -> ThreadingHTTPServer:
    """A ready (bound, not yet serving) endpoint over the store folder `store`.

    `memory` caps each query worker's address space (bytes); `allow_service` lists the SERVICE
    endpoints queries may call (default none: federation off).

    >>> server = make_server("no-such-store", port=0, workers=0)   # doctest: +SKIP
    """
    server = _Server((host, port), _Handler)
    from kg.sparql.guard import allowed_services
    allowed = frozenset(allow_service) | allowed_services()  # the option's and GOVKG_ALLOW_SERVICE's
    server.pool = QueryPool(store, size=workers, timeout=timeout, memory=memory, allowed=allowed)
    server.max_body, server.quiet = max_body, quiet
    return server


def _stop_on_sigterm(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(store: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          max_body: int = 1 << 20, workers: int = 2, quiet: bool = False,
          memory: int | None = DEFAULT_MEMORY, allow_service=()) -> None:
    """Serve the store until interrupted (Ctrl-C or SIGTERM), then stop the workers."""
    server = make_server(store, host, port, timeout, max_body, workers, quiet, memory, allow_service)
    bound_host, bound_port = server.server_address[:2]
    print(f"govkg serve: SPARQL endpoint http://{bound_host}:{bound_port}/sparql "
          f"(query page at /), store {store}", file=sys.stderr, flush=True)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        server.pool.close()
