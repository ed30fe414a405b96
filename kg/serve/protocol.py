"""SPARQL 1.1 Protocol details: a request's query text, and which result format a client asked for.

Pure functions over headers, parameters and bodies; no sockets and no store.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

__all__ = ["ProtocolError", "QueryRequest", "parse_request", "negotiate", "RESULT_TYPES", "GRAPH_TYPES",
           "looks_like_update"]

# media type -> format name; the first entry of each table is the default
RESULT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle", "application/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml",
}
# names accepted by the `format=` convenience parameter
_FORMAT_ALIASES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
                   "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples",
                   "n-triples": "ntriples", "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml",
                   "rdf": "rdfxml"}
_UPDATE_RE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                        r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_COMMENT_RE = re.compile(r"#[^\n]*")


class ProtocolError(Exception):
    """A request the protocol refuses; carries the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class QueryRequest:
    """One SPARQL query as the protocol delivered it."""
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None


def looks_like_update(text: str) -> bool:
    """True when `text` is (most likely) a SPARQL Update rather than a query.

    >>> looks_like_update("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }")
    True
    >>> looks_like_update("SELECT * WHERE { ?s ?p ?o }")
    False
    """
    return bool(_UPDATE_RE.match(_COMMENT_RE.sub(" ", text)))


def _one(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key, [])
    if len(values) > 1:
        raise ProtocolError(400, f"parameter {key!r} given {len(values)} times; give it once")
    return values[0] if values else None


def parse_request(method: str, query_string: str, content_type: str | None, body: bytes) -> QueryRequest | None:
    """Read the query out of a GET or POST request; None when the request carries no query.

    Raises ProtocolError (403) for SPARQL Update in any of its forms, (415) for an unknown body type.

    >>> parse_request("GET", "query=ASK%7B%7D&format=csv", None, b"").query
    'ASK{}'
    >>> try:
    ...     parse_request("POST", "", "application/sparql-update", b"CLEAR ALL")
    ... except ProtocolError as exc:
    ...     print(exc.status, exc)
    403 this endpoint is read-only: SPARQL Update is refused
    """
    params = parse_qs(query_string, keep_blank_values=True)
    mime = (content_type or "").split(";")[0].strip().lower()
    text = None
    if method == "POST":
        if mime == "application/sparql-update":
            raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is refused")
        if mime == "application/x-www-form-urlencoded":
            form = parse_qs(_decode(body), keep_blank_values=True)
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif mime == "application/sparql-query":
            text = _decode(body)
        elif body:
            raise ProtocolError(415, f"unsupported Content-Type {mime or '(none)'!r}: send "
                                     "application/sparql-query or application/x-www-form-urlencoded")
    if "update" in params:
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is refused")
    if text is None:
        text = _one(params, "query")
    elif "query" in params:
        raise ProtocolError(400, "give the query either in the body or as query=, not both")
    if text is None:
        return None
    if looks_like_update(text):
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is refused")
    return QueryRequest(text, _graph_iris(params, "default-graph-uri"), _graph_iris(params, "named-graph-uri"),
                        _format_param(params))


def _graph_iris(params: dict[str, list[str]], key: str) -> tuple[str, ...]:
    """The graph IRIs given as `key`; one that is not an absolute IRI is the client's error (400).

    >>> _graph_iris({"named-graph-uri": ["http://e/g"]}, "named-graph-uri")
    ('http://e/g',)
    >>> _graph_iris({"default-graph-uri": ["no iri"]}, "default-graph-uri")
    Traceback (most recent call last):
    ...
    kg.serve.protocol.ProtocolError: default-graph-uri='no iri' is not an absolute IRI
    """
    from pyoxigraph import NamedNode
    values = tuple(params.get(key, []))
    for value in values:
        try:
            NamedNode(value)
        except ValueError:
            raise ProtocolError(400, f"{key}={value!r} is not an absolute IRI") from None
    return values


def _format_param(params: dict[str, list[str]]) -> str | None:
    # clients such as SPARQLWrapper repeat format= (and send output=); take the last one given
    values = params.get("format", []) or params.get("output", [])
    return values[-1] if values else None


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"request body is not UTF-8 (byte {exc.start})") from None


def _accepted(accept: str) -> list[tuple[float, int, str]]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for field in fields[1:]:
            if field.lower().startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        if fields[0]:
            ranges.append((quality, -position, fields[0].lower()))
    return sorted(ranges, reverse=True)


def _pick(ranges: list[tuple[float, int, str]], table: dict[str, str]) -> str | None:
    for quality, _, media in ranges:
        if quality <= 0:
            continue
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            for candidate, name in table.items():
                if media == "*/*" or candidate.startswith(prefix + "/"):
                    return name
    return None


def negotiate(accept: str | None, format_param: str | None) -> tuple[str, str]:
    """The (results format, graph format) to answer with: `format=` wins, then Accept, then JSON/Turtle.

    The first applies to SELECT and ASK, the second to CONSTRUCT and DESCRIBE.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", None)
    ('xml', 'turtle')
    >>> negotiate("text/html", "tsv")
    ('tsv', 'turtle')
    >>> negotiate("application/n-triples", None)
    ('json', 'ntriples')
    """
    results, graph = "json", "turtle"
    if accept:
        ranges = _accepted(accept)
        results = _pick(ranges, RESULT_TYPES) or results
        graph = _pick(ranges, GRAPH_TYPES) or graph
    if format_param:
        key = format_param.strip().lower()
        name = _FORMAT_ALIASES.get(key) or RESULT_TYPES.get(key) or GRAPH_TYPES.get(key)
        if name is None:
            raise ProtocolError(400, f"unknown format={format_param!r}; use json, xml, csv, tsv, "
                                     "turtle, ntriples, jsonld or rdfxml")
        if name in RESULT_TYPES.values():
            results = name
        else:
            graph = name
    return results, graph
