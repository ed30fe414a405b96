"""A store on a SPARQL server: the embedded `Store` interface over the SPARQL 1.1 Protocol (reads),
the Graph Store HTTP Protocol and SPARQL Update (writes, in the build's batches: kg/store/remote_write.py).

Credentials come only from the environment: GOVKG_ENDPOINT_TOKEN (bearer), or GOVKG_ENDPOINT_USER and
GOVKG_ENDPOINT_PASSWORD (basic). They never appear in messages, reprs or logs.
"""
from __future__ import annotations

import base64
import os
from collections.abc import Iterable
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from kg.errors import StoreError
from kg.store.remote_write import RemoteWriter, sibling_url

__all__ = ["RemoteStore", "graph_store_url", "open_target", "auth_headers"]

GK = "https://w3id.org/govkg/ontology#"
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


class RemoteStore(RemoteWriter):
    """The store interface of `kg.store.local.Store`, on a SPARQL 1.1 server.

    `query` answers like pyoxigraph (solutions, boolean or triples; SyntaxError for a query the server
    rejects, OSError when it cannot be reached), so the named queries and exports run unchanged.

    >>> RemoteStore("http://127.0.0.1:7878/query")
    RemoteStore('http://127.0.0.1:7878/query')
    """

    remote = True  # `kg.sparql.rows.oxigraph_store` passes a remote store through as it is

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

    # ------------------------------------------------------------------ writes (kg/store/remote_write.py)
    def load_vocabulary(self) -> None:
        """(Re)load the ontology and thesaurus graphs, as the embedded store does."""
        import pyoxigraph as ox
        from kg.resources import has_ontology_file, ontology_text
        from kg.rdf.vocab import GRAPH_ONTOLOGY, GRAPH_THESAURUS
        for graph, filename in ((GRAPH_ONTOLOGY, "govkg.ttl"), (GRAPH_THESAURUS, "programmes.ttl")):
            if has_ontology_file(filename):
                name = ox.NamedNode(graph)
                triples = ox.parse(ontology_text(filename), ox.RdfFormat.TURTLE)
                self.replace_graph(graph, (ox.Quad(t.subject, t.predicate, t.object, name) for t in triples))

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
            raise SyntaxError(f"{self.endpoint} rejected the query: {body.decode('utf-8', 'replace')}")
        if status >= 300:
            raise OSError(f"{self.endpoint}: HTTP {status} {body.decode('utf-8', 'replace')}")
        return parse_answer(media, body)

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None):  # noqa: A002
        """Quads in named graphs matching the pattern (None matches anything), as pyoxigraph yields them."""
        from kg.store.remote_results import quads_query
        import pyoxigraph as ox
        for row in self.query(quads_query(subject, predicate, object, graph_name)):
            yield ox.Quad(subject or row["s"], predicate or row["p"], object or row["o"], graph_name or row["g"])

    def reports(self) -> dict[str, tuple[str, str]]:
        """Every complete (marked) report: IRI → (sourceFile, contentHash)."""
        from kg.store.local import REPORTS_QUERY
        rows = self.query(REPORTS_QUERY, prefixes={"gk": GK})
        return {row["r"].value: (row["f"].value, row["h"].value) for row in rows}

    def counts(self) -> dict[str, int]:
        """The same counts as the embedded store: reports, programmes, … and all named-graph triples."""
        from kg.store.local import COUNTS_QUERY, count_entities
        counts = count_entities(self.query(COUNTS_QUERY, prefixes={"gk": GK}))
        total = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        counts["triples"] = int(next(iter(total))["n"].value)
        return counts

    def snapshot(self):
        """Every named-graph quad on the server, copied into an in-memory pyoxigraph store."""
        import pyoxigraph as ox
        copy = ox.Store()
        copy.extend(self.quads_for_pattern())
        return copy

    def dump(self, output=None, format=None, *, from_graph=None, prefixes=None):  # noqa: A002
        """Serialise everything (N-Quads by default), like `pyoxigraph.Store.dump`."""
        import pyoxigraph as ox
        options = {"prefixes": prefixes} if prefixes else {}
        if from_graph is not None:
            options["from_graph"] = from_graph
        return self.snapshot().dump(output, format=format or ox.RdfFormat.N_QUADS, **options)

    def close(self) -> None:
        """Nothing to release (each request is its own connection)."""

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_target(args, open_local=None, snapshot: bool = False):
    """A `RemoteStore` when ``args.endpoint`` is set (with `snapshot`, its data copied into an
    in-memory pyoxigraph store, for whole-graph exports), else ``open_local(args)`` (the embedded store).

    >>> import argparse
    >>> open_target(argparse.Namespace(endpoint="http://127.0.0.1:7878/query", graph_store=None))
    RemoteStore('http://127.0.0.1:7878/query')
    """
    if getattr(args, "endpoint", None):
        remote = RemoteStore(args.endpoint, getattr(args, "graph_store", None))
        return remote.snapshot() if snapshot else remote
    if open_local is None:
        from kg.cli.query import open_store
        return open_store(getattr(args, "store", None))
    return open_local(args)
