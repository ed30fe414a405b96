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
import weakref

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.errors import QueryError
from kg.sparql.guard import check_services
from kg.sparql.order import sort_rows, split_order

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
_STRINGS = {XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_LABEL_OF = "SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s <{predicate}> ?l }}"
_LABEL_PREDICATES = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel")
_CACHE_LIMIT = 200_000
# read-only store → IRI → label (None: has none). A read-only store never changes while open, so an
# IRI's label is looked up once per process, not once per query (labelling was half of a listing's time).
_LABEL_CACHES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


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
    if term is None:
        return None
    literal, named, blank = _TERM_TYPES or _term_types()
    kind = type(term)
    if kind is literal:
        return _literal(term)
    if kind is named:
        return (labels or {}).get(term.value, term.value)
    if kind is blank:
        return f"_:{term.value}"
    return str(term)


_TERM_TYPES: tuple = ()


def _term_types() -> tuple:
    """pyoxigraph's (Literal, NamedNode, BlankNode), imported on first use (a `--help` need not load it)."""
    global _TERM_TYPES
    from pyoxigraph import BlankNode, Literal, NamedNode
    _TERM_TYPES = (Literal, NamedNode, BlankNode)
    return _TERM_TYPES


def _literal(term):
    kind, text = term.datatype.value, term.value
    if kind in _STRINGS:
        return text
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
    """IRI → its rdfs:label (else skos:prefLabel; the smallest if several) for the IRIs among ``terms``
    that have one. Asks for rdfs:label first and skos:prefLabel only for the IRIs left without one."""
    from pyoxigraph import NamedNode
    cache = _label_cache(store)
    wanted = {t.value for t in terms if type(t) is NamedNode}
    missing = sorted(wanted - cache.keys())
    found: dict[str, str] = {}
    for predicate in _LABEL_PREDICATES:
        for start in range(0, len(missing), 500):
            values = " ".join(f"<{i}>" for i in missing[start:start + 500])
            for s, label in store.query(_LABEL_OF.format(values=values, predicate=predicate), **UNION):
                if s.value not in found or label.value < found[s.value]:
                    found[s.value] = label.value
        missing = [i for i in missing if i not in found]
    labels = {i: cache[i] for i in wanted if cache.get(i) is not None}
    labels.update(found)
    if len(cache) + len(wanted) > _CACHE_LIMIT:
        cache.clear()
    cache.update(found)
    cache.update(dict.fromkeys(missing))
    return labels


def _label_cache(store) -> dict:
    """The labels already looked up in this read-only store (a fresh dict for any other store)."""
    if getattr(store, "read_only", False) is not True:
        return {}
    try:
        return _LABEL_CACHES.setdefault(store, {})
    except TypeError:           # not weakly referenceable: no cache
        return {}


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
        if type(result).__name__ == "QuerySolutions":    # a solution iterates in variable order
            return columns, [tuple(solution) for solution in result]
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
    text, order = split_order(text)         # a final ORDER BY of variables: sorted here (kg.sparql.order)
    columns, raw = _solutions(_execute(store, text, source), source)
    if raw is None:
        return Rows([{"ask": columns}], columns=["ask"])
    if order:
        raw = sort_rows(columns, raw, order)
    names = label_map(store, {t for row in raw for t in row if isinstance(t, NamedNode)}) if labels else {}
    return Rows([{c: to_python(t, names) for c, t in zip(columns, row)} for row in raw], columns)
