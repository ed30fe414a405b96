"""SPARQL text → `Rows`: runs a read-only query on the store, turns RDF terms into plain Python values.

The one interface every reader uses: a store is anything with
``query(sparql, use_default_graph_as_union=True, substitutions=None)`` answering like pyoxigraph —
`kg.store.local.Store` (on disk), `kg.store.remote.RemoteStore` (a SPARQL server) or a bare `pyoxigraph.Store`.
A `KnowledgeGraph` (anything holding a store as ``.store``) gives its store (`store_of`).

`to_python` is the package's one RDF → Python value converter (rows, networks and exports alike):
literals become str/int/float/bool, IRIs their `rdfs:label`/`skos:prefLabel` (else the IRI), unbound → None.
"""
from __future__ import annotations

import re

from kg.errors import QueryError
from kg.sparql.guard import check_services

__all__ = ["Rows", "run_sparql", "to_python", "store_of", "select", "UNION"]

UNION = {"use_default_graph_as_union": True}
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                               "positiveInteger", "negativeInteger", "nonPositiveInteger",
                               "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_REALS = {XSD + t for t in ("decimal", "double", "float")}
_YEARS = {XSD + "gYear"}
_PROLOG = re.compile(r"\A(?:\s+|#[^\n]*\n?|(?:PREFIX\s+[\w.-]*:\s*|BASE\s+)<[^>]*>)*", re.I)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_LABELS = """SELECT ?s ?l ?rank WHERE {{ VALUES ?s {{ {} }}
  {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l BIND(0 AS ?rank) }} UNION
  {{ ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l BIND(1 AS ?rank) }} }}"""


class Rows(list):
    """A list of result rows (dicts keyed by variable name) that also knows its columns.

    >>> rows = Rows([{"a": 1, "b": None}], columns=["a", "b"])
    >>> rows.columns, rows[0]["a"]
    (['a', 'b'], 1)
    """

    def __init__(self, rows=(), columns=()):
        super().__init__(rows)
        self.columns = list(columns)

    def to_dataframe(self):
        """The rows as a `pandas.DataFrame` (needs pandas installed)."""
        try:
            import pandas
        except ImportError as exc:
            raise ImportError("Rows.to_dataframe() needs pandas: pip install pandas") from exc
        return pandas.DataFrame(list(self), columns=self.columns)


def store_of(source):
    """The store to query: ``source.store`` for a KnowledgeGraph (anything holding one), else ``source``.

    >>> import pyoxigraph
    >>> s = pyoxigraph.Store()
    >>> store_of(s) is s
    True
    """
    inner = getattr(source, "store", None)
    store = inner if inner is not None else source
    if not callable(getattr(store, "query", None)):
        raise TypeError(f"not a govkg store: {type(source).__name__} has no query()")
    return store


def select(source, sparql: str, substitutions: dict | None = None) -> list[dict]:
    """Run a SELECT over the union of all graphs; rows map variable → `to_python` value (IRIs stay IRIs).

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal(3), ox.NamedNode("http://e/g")))
    >>> select(s, "SELECT ?o WHERE { ?s ?p ?o }")
    [{'o': 3}]
    """
    results = store_of(source).query(sparql, use_default_graph_as_union=True, substitutions=substitutions)
    names = [v.value for v in results.variables]
    return [{n: to_python(solution[n]) for n in names} for solution in results]


def to_python(term, labels: dict | None = None):
    """One RDF term as a plain value: numbers for numeric literals, labels for IRIs.

    >>> from pyoxigraph import Literal, NamedNode
    >>> to_python(Literal("38.6", datatype=NamedNode(XSD + "decimal")))
    38.6
    >>> to_python(Literal("100", datatype=NamedNode(XSD + "decimal"))), to_python(Literal(7))
    (100, 7)
    >>> to_python(NamedNode("https://w3id.org/govkg/id/place/140525"), {})
    'https://w3id.org/govkg/id/place/140525'
    """
    from pyoxigraph import BlankNode, Literal, NamedNode
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return (labels or {}).get(term.value, term.value)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return _literal(term)
    return str(term)


def _literal(term):
    kind, text = term.datatype.value, term.value
    try:
        if kind in _INTEGERS:
            return int(text)
        if kind in _REALS:
            number = float(text)
            return int(number) if kind == XSD + "decimal" and re.fullmatch(r"[+-]?\d+", text) else number
        if kind in _YEARS:
            return int(text)
        if kind == XSD + "boolean":
            return text in ("true", "1")
    except ValueError:
        pass
    return text


def label_map(store, terms) -> dict[str, str]:
    """IRI → its rdfs:label (else skos:prefLabel) for the IRIs among ``terms`` that have one."""
    from pyoxigraph import NamedNode
    iris = sorted({t.value for t in terms if isinstance(t, NamedNode)})
    best: dict[str, tuple[int, str]] = {}
    for start in range(0, len(iris), 500):
        values = " ".join(str(NamedNode(i)) for i in iris[start:start + 500])
        for s, l, rank in store.query(_LABELS.format(values), **UNION):
            key = (int(rank.value), l.value)
            if s.value not in best or key < best[s.value]:
                best[s.value] = key
    return {iri: label for iri, (_, label) in best.items()}


def _refuse_updates(text: str, source: str) -> None:
    body = text[_PROLOG.match(text).end():]
    if _UPDATE.match(body):
        raise QueryError(f"{source}: only read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are "
                         f"allowed; {_UPDATE.match(body).group(1).upper()} is an update")


def _execute(store, text: str, source: str):
    _refuse_updates(text, source)
    check_services(text, source=source)  # federation is off unless an operator allows the endpoint
    try:
        return store.query(text, **UNION)
    except (SyntaxError, QueryError) as exc:
        message = " ".join(str(exc).split()).removeprefix("bad SPARQL: ")
        raise QueryError(f"{source}: bad SPARQL: {message}") from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"{source}: query failed: {exc}") from None


def _solutions(result, source: str):
    """(columns, rows of terms); (bool, None) for ASK. Results stream, so errors show up here too."""
    import pyoxigraph
    if isinstance(result, pyoxigraph.QueryBoolean):
        return bool(result), None
    try:
        if isinstance(result, pyoxigraph.QueryTriples):
            return ["subject", "predicate", "object"], [(t.subject, t.predicate, t.object) for t in result]
        columns = [v.value for v in result.variables]
        return columns, [tuple(solution[c] for c in columns) for solution in result]
    except (OSError, RuntimeError) as exc:  # e.g. an allowed SERVICE endpoint that does not answer
        raise QueryError(f"{source}: query failed: {' '.join(str(exc).split())}") from None


def run_sparql(store, text: str, *, labels: bool = True, source: str = "query") -> Rows:
    """Run a read-only SPARQL query; SELECT → one dict per solution, ASK → [{"ask": bool}],
    CONSTRUCT/DESCRIBE → subject/predicate/object rows. Updates raise `QueryError`.

    >>> import pyoxigraph
    >>> run_sparql(pyoxigraph.Store(), "SELECT (1 + 1 AS ?two) WHERE {}")
    [{'two': 2}]
    >>> run_sparql(pyoxigraph.Store(), "DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query: only read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are allowed; DELETE is an update
    """
    store = store_of(store)
    columns, raw = _solutions(_execute(store, text, source), source)
    if raw is None:
        return Rows([{"ask": columns}], columns=["ask"])
    names = label_map(store, {t for row in raw for t in row if t is not None}) if labels else {}
    return Rows([{c: to_python(t, names) for c, t in zip(columns, row)} for row in raw], columns)
