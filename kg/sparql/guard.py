"""Federation off by default: a query's SERVICE clauses, found by rdflib's SPARQL parser, are refused
unless the operator allows those endpoints (``GOVKG_ALLOW_SERVICE``, or ``govkg serve --allow-service``).

Oxigraph runs SERVICE as an outbound HTTP request, so without this any client of `govkg serve` (or
any web page posting a form to it) could make the machine call internal addresses and read the answer.

>>> check_services("SELECT * WHERE { ?s ?p ?o }", allowed=())
>>> check_services("SELECT * { SERVICE SILENT <http://10.0.0.1/x> { ?s ?p ?o } }", allowed=())
Traceback (most recent call last):
...
kg.sparql.guard.ServiceRefused: query: SERVICE <http://10.0.0.1/x> is refused: federated queries are off (an operator can allow endpoints with GOVKG_ALLOW_SERVICE)
"""
from __future__ import annotations

import functools
import os
import re

from kg.errors import QueryError

__all__ = ["ServiceRefused", "services", "check_services", "allowed_services", "ALLOW_ENV"]

ALLOW_ENV = "GOVKG_ALLOW_SERVICE"
# only for text rdflib's grammar does not cover (Oxigraph extensions): strings, IRIs and comments
# are blanked, then a SERVICE keyword anywhere is refused; this can refuse more, never allow more
_OPAQUE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
_LEADING = re.compile(r"(?:\s|#[^\n]*)*")
_KEYWORD = re.compile(r"(?<![\w?$:\-.])SERVICE(?![\w:\-])", re.I)


class ServiceRefused(QueryError):
    """A query names a SERVICE endpoint the operator has not allowed."""


def allowed_services(environ=None) -> frozenset[str]:
    """Endpoint IRIs listed in ``GOVKG_ALLOW_SERVICE`` (separated by spaces or commas).

    >>> sorted(allowed_services({"GOVKG_ALLOW_SERVICE": "http://a/sparql, http://b/q"}))
    ['http://a/sparql', 'http://b/q']
    """
    text = (os.environ if environ is None else environ).get(ALLOW_ENV, "")
    return frozenset(part for part in re.split(r"[\s,]+", text) if part)


@functools.lru_cache(maxsize=256)
def services(text: str) -> tuple[str | None, ...]:
    """The endpoints the query's SERVICE clauses call, in order; None for ``SERVICE ?variable``.

    >>> services("SELECT * { ?s ?p ?o OPTIONAL { SERVICE <http://e/s> { ?s ?q ?r } } }")
    ('http://e/s',)
    >>> services("ASK { FILTER EXISTS { SERVICE ?where { ?a ?b ?c } } }")
    (None,)
    >>> services("PREFIX e: <http://e/> SELECT * { SERVICE e:s { ?s e:p ?o } }")
    ('http://e/s',)
    """
    if "service" not in text.lower():  # fast path: no SERVICE keyword, so no clause (skips rdflib's import)
        return ()
    keyword = bool(_KEYWORD.search(_OPAQUE.sub(" ", text)))
    try:
        tree, prefixes = _parse(text)
    except Exception:  # outside rdflib's grammar (or not SPARQL at all): the lexical check alone
        return (None,) if keyword else ()
    found: list[str | None] = []
    _collect(tree, prefixes, found)
    # the keyword outside strings, IRIs and comments but no clause found: the two parsers disagree
    return tuple(found) if found or not keyword else (None,)


def _parse(text: str):
    """rdflib's parse tree of the query, and its PREFIX declarations.

    rdflib (7.x) fails on any SERVICE in a query that has a prologue (its parse action re-scans the
    whole text for the SERVICE clause), so the prologue is parsed on its own and blanked out, same
    length, before the query is parsed.
    """
    from rdflib.plugins.sparql import parser
    prefixes: dict[str, str] = {}
    for tokens, start, end in parser.Prologue.scan_string(text, max_matches=1):
        if tokens and tokens[0] and _LEADING.fullmatch(text[:start]):
            for decl in tokens[0]:
                if decl.name == "PrefixDecl":
                    prefixes[str(decl.get("prefix") or "")] = str(decl["iri"])
            text = " " * end + text[end:]
    return parser.parseQuery(text), prefixes


def _endpoint(term, prefixes: dict[str, str]) -> str | None:
    """The SERVICE term as an IRI (a prefixed name expanded); None for a variable or unknown prefix."""
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import URIRef
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, CompValue) and term.name == "pname":
        prefix = str(term.get("prefix") or "")
        return prefixes[prefix] + str(term.get("localname") or "") if prefix in prefixes else None
    return None


def _collect(node, prefixes: dict[str, str], found: list) -> None:
    """Walk rdflib's parse result (nested ParseResults/CompValue, which are dicts and lists)."""
    from rdflib.plugins.sparql.parserutils import CompValue
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                found.append(_endpoint(item.get("term"), prefixes))
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(reversed(list(item)))


def check_services(text: str, allowed=None, source: str = "query") -> None:
    """Raise `ServiceRefused` when the query calls an endpoint not in ``allowed``
    (default: `allowed_services()`); ``SERVICE ?var`` is refused whatever is allowed."""
    allowed = allowed_services() if allowed is None else frozenset(allowed)
    for endpoint in services(text):
        if endpoint is None:
            raise ServiceRefused(f"{source}: SERVICE with a variable endpoint is refused: federated "
                                 f"queries are off, or limited to the endpoints an operator allowed")
        if endpoint not in allowed:
            raise ServiceRefused(f"{source}: SERVICE <{endpoint}> is refused: federated queries are off "
                                 f"(an operator can allow endpoints with {ALLOW_ENV})")
