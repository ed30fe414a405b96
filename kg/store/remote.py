"""A store on a SPARQL server: the embedded `Store` interface over the SPARQL 1.1 Protocol (reads),
the Graph Store HTTP Protocol and SPARQL Update (writes, in the build's batches: kg/store/remote_write.py).

Credentials come only from the environment: GOVKG_ENDPOINT_TOKEN (bearer), or GOVKG_ENDPOINT_USER and
GOVKG_ENDPOINT_PASSWORD (basic). They never appear in messages, reprs or logs.
"""
from __future__ import annotations

import base64
import os
import shutil
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from kg.errors import QueryError, StoreError
from kg.store.base import StoreBase
from kg.store.remote_write import RemoteWriter, sibling_url

__all__ = ["RemoteStore", "graph_store_url", "auth_headers"]

_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
           "application/sparql-results+xml;q=0.5")
# query-endpoint suffix -> graph-store suffix, for servers whose layout is known
_GSP_SUFFIXES = (("/query", "/store"), ("/sparql", "/data"))


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL that goes with a query endpoint (Oxigraph, Fuseki layouts).

    >>> graph_store_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'
    >>> graph_store_url("http://localhost:3030/govkg/sparql")
    'http://localhost:3030/govkg/data'
    >>> graph_store_url("http://localhost:7200/repositories/govkg")
    'http://localhost:7200/repositories/govkg/rdf-graphs/service'
    """
    found = sibling_url(endpoint, _GSP_SUFFIXES, "/rdf-graphs/service")
    if found is None:
        raise StoreError(f"--endpoint {endpoint}: cannot tell its Graph Store URL; give --graph-store URL")
    return found


def auth_headers(environ=None) -> dict[str, str]:
    """The Authorization header built from GOVKG_ENDPOINT_TOKEN or _USER/_PASSWORD (empty if unset).

    >>> auth_headers({"GOVKG_ENDPOINT_USER": "u", "GOVKG_ENDPOINT_PASSWORD": "p"})
    {'Authorization': 'Basic dTpw'}
    """
    env = os.environ if environ is None else environ
    if env.get("GOVKG_ENDPOINT_TOKEN"):
        return {"Authorization": "Bearer " + env["GOVKG_ENDPOINT_TOKEN"]}
    if env.get("GOVKG_ENDPOINT_USER"):
        pair = f"{env['GOVKG_ENDPOINT_USER']}:{env.get('GOVKG_ENDPOINT_PASSWORD', '')}"
        return {"Authorization": "Basic " + base64.b64encode(pair.encode()).decode()}
    return {}


def _check_url(url: str, option: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{option} {url!r}: not an http(s) URL")
    if parts.username or parts.password:
        raise StoreError(f"{option}: do not put credentials in the URL; set GOVKG_ENDPOINT_USER and "
                         "GOVKG_ENDPOINT_PASSWORD (or GOVKG_ENDPOINT_TOKEN) instead")
    return url


class RemoteStore(RemoteWriter, StoreBase):
    """The store interface (`kg.store.base`) on a SPARQL 1.1 server.

    `query` answers like the embedded store (pyoxigraph's solutions, boolean or triples; `QueryError`
    for a query the server rejects, OSError when it cannot be reached), so every reader runs unchanged.

    >>> RemoteStore("http://127.0.0.1:7878/query")
    RemoteStore('http://127.0.0.1:7878/query')
    """

    remote = True

    def __init__(self, endpoint: str, graph_store: str | None = None, timeout: float = 60.0):
        self.endpoint = _check_url(endpoint, "--endpoint")
        self._graph_store = _check_url(graph_store, "--graph-store") if graph_store else None
        self.timeout = timeout

    @property
    def graph_store(self) -> str:
        """The Graph Store Protocol URL (derived from the endpoint when not given; only writes need it)."""
        if self._graph_store is None:
            self._graph_store = _check_url(graph_store_url(self.endpoint), "--graph-store")
        return self._graph_store

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    # ------------------------------------------------------------------ HTTP
    def _send(self, url: str, method: str, data: bytes | None, headers: dict[str, str]):
        request = Request(url, data=data, method=method, headers={**headers, **auth_headers()})
        try:
            with urlopen(request, timeout=self.timeout) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace").strip().splitlines()
            return exc.code, "", (detail[0] if detail else exc.reason).encode()
        except (URLError, OSError) as exc:
            raise OSError(f"{url}: cannot reach the server ({getattr(exc, 'reason', exc)})") from None

    def _write(self, method: str, graph: str, data: bytes | None = None) -> int:
        url = f"{self.graph_store}?{urlencode({'graph': graph})}"
        headers = {"Content-Type": "application/n-triples"} if data is not None else {}
        try:
            status, _, body = self._send(url, method, data, headers)
        except OSError as exc:
            raise StoreError(str(exc)) from None
        if status >= 400 and not (method == "DELETE" and status == 404):
            raise StoreError(f"{self.graph_store}: {method} of graph <{graph}> failed: HTTP {status} "
                             f"{body.decode('utf-8', 'replace')}")
        return status

    # ------------------------------------------------------------------ reads
    def query(self, sparql: str, use_default_graph_as_union: bool = True, substitutions: dict | None = None,
              prefixes: dict[str, str] | None = None, **_ignored):
        """Run a query on the server; pyoxigraph's result types. The server decides what the default
        graph is (run it with its union-default-graph option; see docs/serve.md)."""
        from kg.store.remote_results import parse_answer, with_prefixes, with_values
        text = with_values(with_prefixes(sparql, prefixes), substitutions)
        data = urlencode({"query": text}).encode("utf-8")
        status, media, body = self._send(self.endpoint, "POST", data, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": _ACCEPT})
        if status == 400:
            raise QueryError(f"bad SPARQL: {self.endpoint} rejected the query: {body.decode('utf-8', 'replace')}")
        if status >= 300:
            raise OSError(f"{self.endpoint}: HTTP {status} {body.decode('utf-8', 'replace')}")
        return parse_answer(media, body)

    def triple_count(self) -> int:
        """Every triple in the server's named graphs."""
        total = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(total))["n"].value)

    def dump(self, output=None, format=None, *, from_graph=None, prefixes=None):  # noqa: A002
        """The server's dataset (N-Quads by default; `from_graph` alone, for a format without graphs)
        streamed from its Graph Store URL to `output` (a path or binary file), else returned as bytes.
        The server serialises (so `prefixes` are its own); nothing is copied into memory here."""
        import pyoxigraph as ox
        fmt = format or ox.RdfFormat.N_QUADS
        url = self.graph_store + (f"?{urlencode({'graph': from_graph.value})}" if from_graph is not None else "")
        request = Request(url, method="GET", headers={"Accept": fmt.media_type, **auth_headers()})
        try:
            response = urlopen(request, timeout=self.timeout)
        except HTTPError as exc:
            raise StoreError(f"{self.graph_store}: GET of the dataset as {fmt.name} failed: HTTP {exc.code}") from None
        except (URLError, OSError) as exc:
            raise StoreError(f"{url}: cannot reach the server ({getattr(exc, 'reason', exc)})") from None
        with response:
            if output is None:
                return response.read()
            if hasattr(output, "write"):
                shutil.copyfileobj(response, output, 1 << 20)
            else:
                with open(output, "wb") as out:
                    shutil.copyfileobj(response, out, 1 << 20)
        return None

    def close(self) -> None:
        """Nothing to release (each request is its own connection)."""
